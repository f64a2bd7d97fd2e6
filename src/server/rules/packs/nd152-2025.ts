/** Regime C: Law 06/2022/QH15 + NĐ 152/2025 + NĐ 129/2025 + TT 15/2025/TT-BNV; decisions from 2025-07-01. */
import { REGIME_LABELS } from '../../../shared/codes.js';
import type { VoteRule } from '../types.js';
import { LAW_2022, art, authority, definePack, formCoefficients, hcldCoefficients, heroCoefficients, titleCoefficients } from './base.js';
import { ND98_2023_PACK, nd98Criteria } from './nd98-2023.js';
import { ND152_FUND } from './fund.js';
import { pipelineRules, stepLimit } from './pipeline.js';

const ND152 = 'NĐ 152/2025/NĐ-CP';
const ND129 = 'NĐ 129/2025/NĐ-CP';
const MONEY = 'Điều 49–54 ' + ND152;
const HOUSEHOLD = { multiplier: 1.5, article: art(54, ND152), verified: true };
const AUTH = `${art(80, LAW_2022)}; ${art(59, ND129)}`;
const QD311 = 'QĐ 311/QĐ-BNV';
const NOTICE_CARRIED = `${art(84, LAW_2022, 5)}; ${ND152} (điều khoản công khai chưa xác minh; tạm áp dụng Khoản 2 Điều 46 NĐ 98/2023/NĐ-CP)`;

/** The ND152 voting clause was not found: carry ND98 Art 30 k7 values, flagged UNVERIFIED (§3.1). */
function carriedVotes(): Partial<Record<keyof typeof ND98_2023_PACK.honors, VoteRule>> {
  const out: Partial<Record<keyof typeof ND98_2023_PACK.honors, VoteRule>> = {};
  for (const [h, rule] of Object.entries(ND98_2023_PACK.honors)) {
    if (rule.vote) {
      out[h as keyof typeof out] = {
        ...rule.vote,
        article: `${ND152} (chưa xác minh; tạm áp dụng ${rule.vote.article})`,
        verified: false,
      };
    }
  }
  return out;
}

export const ND152_2025_PACK = definePack({
  regime: 'ND152_2025',
  label: REGIME_LABELS.ND152_2025,
  decisionsFrom: '2025-07-01',
  decisionsTo: null,
  criteria: nd98Criteria({ prefix: 'ND152', instrument: LAW_2022, principlesArticle: art(4, ND152), principlesVerified: true, cstdcsMode: 'any' }),
  money: {
    ...titleCoefficients(MONEY),
    GK: formCoefficients(0.3, 0.6, MONEY, true, HOUSEHOLD),
    BK_BO_TINH: formCoefficients(1.5, 3.0, `Điểm b khoản 1 Điều 54 ${ND152}`, true, HOUSEHOLD),
    BK_TTG: formCoefficients(3.5, 7.0, `Điểm a khoản 1 Điều 54 ${ND152}`, true, HOUSEHOLD),
    ...hcldCoefficients(`Điều 52–53 ${ND152}`, true),
    ...heroCoefficients({ article: art(52, ND152), verified: true }, { article: art(52, ND152), verified: true }),
    KNC: {
      individual: {
        coefficient: 0.6,
        isCap: true,
        article: art(54, ND152),
        verified: true,
        note: 'Tối đa 0,6 (Kỷ niệm chương của UBTVQH tối đa 0,8; của Bộ Nội vụ 0,4)',
      },
    },
  },
  votes: carriedVotes(),
  quotas: {},
  authority: {
    LDTT: authority(['thu_truong_don_vi', 'chu_tich_ubnd_xa', 'giam_doc_doanh_nghiep'], AUTH, true, 'Không còn cấp huyện từ 01/07/2025'),
    CSTDCS: authority(
      ['thu_truong_don_vi', 'chu_tich_ubnd_xa', 'giam_doc_doanh_nghiep'],
      AUTH,
      true,
      'Chủ tịch UBND cấp xã có thẩm quyền (Điều 59 NĐ 129/2025)',
    ),
    TTLDTT: authority(['thu_truong_don_vi', 'chu_tich_ubnd_xa', 'giam_doc_doanh_nghiep'], AUTH, true),
    GK: authority(['thu_truong_don_vi', 'chu_tich_ubnd_xa', 'giam_doc_doanh_nghiep', 'chu_tich_hdqt'], AUTH, true),
    CSTD_BO_TINH: ND98_2023_PACK.honors.CSTD_BO_TINH.authority,
    TTLDXS: ND98_2023_PACK.honors.TTLDXS.authority,
    CO_BO_TINH: ND98_2023_PACK.honors.CO_BO_TINH.authority,
    BK_BO_TINH: ND98_2023_PACK.honors.BK_BO_TINH.authority,
    CSTD_TQ: ND98_2023_PACK.honors.CSTD_TQ.authority,
    CO_CP: ND98_2023_PACK.honors.CO_CP.authority,
    BK_TTG: ND98_2023_PACK.honors.BK_TTG.authority,
    HCLD3: ND98_2023_PACK.honors.HCLD3.authority,
    HCLD2: ND98_2023_PACK.honors.HCLD2.authority,
    HCLD1: ND98_2023_PACK.honors.HCLD1.authority,
    HCLD: ND98_2023_PACK.honors.HCLD.authority,
    AHLD: ND98_2023_PACK.honors.AHLD.authority,
    AHLLVTND: ND98_2023_PACK.honors.AHLLVTND.authority,
    KNC: ND98_2023_PACK.honors.KNC.authority,
  },
  rounding: { ...ND98_2023_PACK.rounding, article: art(49, ND152) },
  deadlines: ND98_2023_PACK.deadlines.map((d) =>
    d.article.includes('NĐ 98/2023') ? { ...d, article: `${ND152} (chưa xác minh; tạm áp dụng ${d.article})`, verified: false } : d,
  ),
  fund: ND152_FUND,
  pipeline: pipelineRules({
    dossierArticle: art(84, LAW_2022, 1),
    dossierVerified: true,
    publicNotice: ND98_2023_PACK.pipeline.publicNotice.map((n) => (n.verified ? { ...n, article: NOTICE_CARRIED, verified: false } : { ...n })),
    stepLimits: [
      stepLimit('submitted', 5, 'Tiếp nhận hoặc trả lại hồ sơ', `${QD311} (05 ngày làm việc)`, true, 'Trả lại hồ sơ không đủ điều kiện trong 05 ngày làm việc'),
      stepLimit(
        'received',
        20,
        'Thẩm định hồ sơ',
        `${QD311} (20 ngày làm việc)`,
        true,
        'Thời hạn của Bộ Nội vụ; hệ thống áp dụng cho bước thẩm định của cơ quan',
      ),
      stepLimit(
        'appraising',
        20,
        'Thẩm định, trình Hội đồng',
        `${QD311} (20 ngày làm việc)`,
        true,
        'Thời hạn của Bộ Nội vụ; hệ thống áp dụng cho bước thẩm định của cơ quan',
      ),
      stepLimit(
        'reviewed',
        10,
        'Ra quyết định hoặc trình cấp trên',
        `${QD311} (10 ngày làm việc)`,
        false,
        'QĐ 311 quy định 10 ngày làm việc để gửi quyết định; hệ thống áp dụng cho bước ra quyết định',
      ),
      stepLimit('returned', 5, 'Đơn vị bổ sung hồ sơ', 'Quy định của cơ quan (mặc định 05 ngày làm việc)', false),
    ],
    authorityArticle: AUTH,
    authorityVerified: true,
    instrument: LAW_2022,
  }),
  notes: {
    ...(ND98_2023_PACK.honors.BK_BO_TINH.notes && { BK_BO_TINH: [...(ND98_2023_PACK.honors.BK_BO_TINH.notes ?? [])] }),
  },
});
