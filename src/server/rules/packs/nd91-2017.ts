/**
 * Regime A: Old Law (2003, amended 2005, 2013) + NĐ 91/2017/NĐ-CP + TT 12/2019/TT-BNV; decisions
 * before 2024-01-01. The catalog documents Law 06/2022 in depth; Old-Law criteria reuse its shapes
 * (same title article numbers) flagged UNVERIFIED, except where the catalog states the old rule.
 */
import { HONORS, REGIME_LABELS, type Honor, type SubjectKind } from '../../../shared/codes.js';
import type { Criterion } from '../types.js';
import {
  OLD_LAW,
  art,
  authority,
  definePack,
  formCoefficients,
  hcldCoefficients,
  heroCoefficients,
  lawCriteria,
  markUnverified,
  titleCoefficients,
  vote,
  withPrinciples,
  type CriteriaParams,
} from './base.js';
import { ND98_2023_PACK } from './nd98-2023.js';
import { ND91_FUND } from './fund.js';
import { CONSULTATION_DEADLINE, pipelineRules, stepLimit } from './pipeline.js';

const ND91 = 'NĐ 91/2017/NĐ-CP';
const cp: CriteriaParams = {
  prefix: 'ND91',
  instrument: OLD_LAW,
  principlesArticle: `${ND91} (nguyên tắc khen thưởng, chưa xác minh điều)`,
  principlesVerified: false,
  cstdcsMode: 'any',
};
const OLD_NOTE = 'Văn bản Luật cũ chưa được đối chiếu; dùng cấu trúc tương ứng của Luật 06/2022';
const L = (a: number, k?: number) => art(a, OLD_LAW, k);

function oldLawCriteria(): Record<Honor, Partial<Record<SubjectKind, Criterion[]>>> {
  const base = lawCriteria(cp);
  const out = {} as Record<Honor, Partial<Record<SubjectKind, Criterion[]>>>;
  for (const h of HONORS) {
    const per: Partial<Record<SubjectKind, Criterion[]>> = {};
    for (const [k, list] of Object.entries(base[h]) as [SubjectKind, Criterion[]][]) per[k] = markUnverified(list, OLD_NOTE);
    out[h] = per;
  }
  // Old Law Art 23: LĐTT standard AND an initiative (no HTXSNV alternative) — from memory, UNVERIFIED.
  out.CSTDCS = {
    individual: [
      { kind: 'meets_honor', honor: 'LDTT', rule: 'ND91.CSTDCS.tieu_chuan_ldtt', article: L(23), verified: false },
      {
        kind: 'initiative',
        scope: 'co_so',
        withinYears: 1,
        rule: 'ND91.CSTDCS.sang_kien_co_so',
        article: L(23),
        verified: false,
        note: 'Luật cũ: LĐTT và có sáng kiến (không có lựa chọn HTXSNV) — chưa xác minh',
      },
    ],
  };
  // Old Law Art 28: strictly more than 50% of members LĐTT (legal-rules.md §3).
  out.TTLDTT = {
    collective: [
      { kind: 'rating_at_least', rating: 'HTTNV', rule: 'ND91.TTLDTT.htttnv', article: L(28), verified: false, note: OLD_NOTE },
      { kind: 'member_share', honor: 'LDTT', atLeast: 0.5, strict: true, rule: 'ND91.TTLDTT.tren_50_ldtt', article: L(28), verified: true },
      { kind: 'no_member_discipline_at_least', level: 'canh_cao', rule: 'ND91.TTLDTT.khong_ky_luat_canh_cao', article: L(28), verified: false, note: OLD_NOTE },
    ],
  };
  out.BK_BO_TINH = {
    ...out.BK_BO_TINH,
    individual: [
      {
        kind: 'consecutive_rating_years',
        rating: 'HTXSNV',
        years: 2,
        rule: 'ND91.BK_BO_TINH.2_nam_htxsnv',
        article: art(39, ND91),
        verified: false,
        note: 'Chưa xác minh (legal-rules.md không nêu tiêu chuẩn NĐ 91)',
      },
      { kind: 'initiative', scope: 'co_so', count: 2, withinYears: 2, rule: 'ND91.BK_BO_TINH.2_sang_kien', article: art(39, ND91), verified: false },
    ],
  };
  // ND91 Art 38 k1: BK bộ/tỉnh + 5 consecutive years HTXSNV with 5 grassroots initiatives (§4.3).
  out.BK_TTG = {
    ...out.BK_TTG,
    individual: [
      { kind: 'prerequisite_honor', honor: 'BK_BO_TINH', rule: 'ND91.BK_TTG.da_co_bk_bo_tinh', article: art(38, ND91, 1), verified: true },
      { kind: 'consecutive_rating_years', rating: 'HTXSNV', years: 5, rule: 'ND91.BK_TTG.5_nam_htxsnv', article: art(38, ND91, 1), verified: true },
      { kind: 'initiative', scope: 'co_so', count: 5, withinYears: 5, rule: 'ND91.BK_TTG.5_sang_kien', article: art(38, ND91, 1), verified: true },
    ],
  };
  return withPrinciples(out, cp);
}

const MONEY = 'Điều 68–73 ' + ND91;
const HOUSEHOLD_UNVERIFIED = { multiplier: 1.5, article: `${ND91} (chưa xác minh mức cho hộ gia đình)`, verified: false };
const VOTE = art(45, ND91, 8);
const AUTH = `${OLD_LAW} (thẩm quyền, chưa xác minh điều khoản)`;
const NOTICE = `${art(45, ND91, 10)}; TT 12/2019/TT-BNV`;
const LIMIT = 'Quy định của cơ quan (thời hạn theo NĐ 91/2017 chưa xác minh)';

export const ND91_2017_PACK = definePack({
  regime: 'ND91_2017',
  label: REGIME_LABELS.ND91_2017,
  decisionsFrom: null,
  decisionsTo: '2023-12-31',
  criteria: oldLawCriteria(),
  money: {
    ...titleCoefficients(MONEY),
    GK: formCoefficients(
      0.3,
      0.6,
      art(73, ND91),
      true,
      HOUSEHOLD_UNVERIFIED,
      'Giấy khen của Chủ tịch UBND cấp xã: 0,15 / 0,3 (điểm d khoản 1, điểm b khoản 2 Điều 73)',
    ),
    BK_BO_TINH: formCoefficients(1.0, 2.0, art(72, ND91), true, HOUSEHOLD_UNVERIFIED),
    BK_TTG: formCoefficients(3.5, 7.0, art(71, ND91), true, HOUSEHOLD_UNVERIFIED),
    ...hcldCoefficients(`${ND91} (hệ số Huân chương Lao động chưa xác minh)`, false),
    ...heroCoefficients({ article: MONEY, verified: true }, { article: `${MONEY} (mức tập thể chưa xác minh)`, verified: false }),
    KNC: { individual: { coefficient: 0.6, isCap: true, article: `${ND91} (chưa xác minh)`, verified: false } },
  },
  votes: {
    CSTD_BO_TINH: vote(0.9, VOTE, true, true),
    CSTD_TQ: vote(0.9, VOTE, true, true),
    AHLD: vote(0.9, VOTE, true, true),
    AHLLVTND: vote(0.9, VOTE, true, true),
  },
  quotas: {
    CSTDCS: { kind: 'share_of_honor', of: 'LDTT', share: 0.15, rounding: 'floor', article: art(9, ND91, 3), verified: true },
  },
  authority: Object.fromEntries(HONORS.map((h) => [h, authority([...ND98_2023_PACK.honors[h].authority.who], AUTH, false)])) as Record<
    Honor,
    ReturnType<typeof authority>
  >,
  rounding: { mode: 'ceil', step: 10_000, article: art(68, ND91), verified: true, note: 'Làm tròn lên bội số 10.000 đ' },
  deadlines: [
    {
      id: 'tong_ket_nam_gui_so',
      label: 'Hồ sơ tổng kết năm gửi cơ quan thường trực Hội đồng',
      kind: 'yearly_date',
      month: 12,
      day: 10,
      yearOffset: 0,
      article: 'Quy định của bộ, tỉnh (chưa xác minh)',
      verified: false,
    },
    {
      id: 'cong_khai_truoc_hop',
      label: 'Công khai danh sách đề nghị Huân chương, danh hiệu vinh dự nhà nước, CSTĐ toàn quốc trước khi trình',
      kind: 'working_days',
      days: 10,
      article: NOTICE,
      verified: false,
      note: 'Số ngày công khai tối thiểu theo chế độ cũ chưa xác minh; mặc định 10 ngày làm việc như NĐ 98',
    },
    { ...CONSULTATION_DEADLINE },
  ],
  fund: ND91_FUND,
  pipeline: pipelineRules({
    dossierArticle: `${OLD_LAW} (thành phần hồ sơ, chưa xác minh điều khoản)`,
    dossierVerified: false,
    publicNotice: (['HCLD3', 'HCLD2', 'HCLD1', 'CSTD_TQ', 'HCLD', 'AHLD', 'AHLLVTND'] as const).map((honor) => ({ honor, article: NOTICE, verified: true })),
    stepLimits: [
      stepLimit('submitted', 5, 'Tiếp nhận hoặc trả lại hồ sơ', LIMIT, false),
      stepLimit('received', 20, 'Thẩm định hồ sơ', LIMIT, false),
      stepLimit('appraising', 20, 'Thẩm định, trình Hội đồng', LIMIT, false),
      stepLimit('reviewed', 10, 'Ra quyết định hoặc trình cấp trên', LIMIT, false),
      stepLimit('returned', 5, 'Đơn vị bổ sung hồ sơ', 'Quy định của cơ quan (mặc định 05 ngày làm việc)', false),
    ],
    authorityArticle: AUTH,
    authorityVerified: false,
    instrument: OLD_LAW,
  }),
});
