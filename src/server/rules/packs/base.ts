/**
 * Building blocks shared by the three rule packs. The packs differ by data (articles, shares,
 * coefficients, verified flags); the shapes of the honor definitions live here once.
 * Sources: ../shared/domain/legal-rules.md §2, §3, §3.1, §4.3, §4.4, §7, §13.
 */
import { HONORS, HONOR_INFO, type Honor, type Regime, type SubjectKind } from '../../../shared/codes.js';
import type {
  FundRules,
  AuthorityRule,
  Coefficient,
  Criterion,
  DeadlineRule,
  HonorRule,
  Overridable,
  PosthumousRule,
  PipelineRules,
  QuotaRule,
  RoundingRule,
  RulePack,
  VoteRule,
} from '../types.js';
import { BASE_SALARY_TABLE } from '../base-salary.js';

export const LAW_2022 = 'Luật 06/2022/QH15';
export const OLD_LAW = 'Luật TĐKT 2003 (sửa đổi 2005, 2013)';

/** "Khoản 1 Điều 24 Luật 06/2022/QH15" — Vietnamese order: point, clause, article, instrument. */
export function art(article: number | string, instrument: string, clause?: number, point?: string): string {
  const parts: string[] = [];
  if (point) parts.push(`Điểm ${point}`);
  if (clause !== undefined) parts.push(`${parts.length ? 'khoản' : 'Khoản'} ${clause}`);
  parts.push(`Điều ${article}`);
  parts.push(instrument);
  return parts.join(' ');
}

/** Rule-id prefix per regime, e.g. "ND98". */
export const REGIME_PREFIX: Record<Regime, string> = { ND91_2017: 'ND91', ND98_2023: 'ND98', ND152_2025: 'ND152' };

/** Parameters in which the Law-2022 criteria differ between packs (only verification today). */
export interface CriteriaParams {
  prefix: string;
  /** The law the title articles (Art 19–28, 72–75) refer to. */
  instrument: string;
  /** Instrument holding the principles (Art 4) for this regime: no award while under review, etc. */
  principlesArticle: string;
  principlesVerified: boolean;
  /**
   * CSTĐCS: 'any' = LĐTT standard AND (HTXSNV OR initiative), Law Art 23 today;
   * 'all' = both, as proposed by the 2025 draft amendment (legal-rules.md §1.1).
   */
  cstdcsMode: 'any' | 'all';
}

const UNVERIFIED_EXCLUSION = 'Điều khoản loại trừ chưa xác minh (legal-rules.md §13.2 mục 13); giữ dạng cấu hình được';

/** LĐTT exclusions, all UNVERIFIED and configurable (§2 "Exclusions for LĐTT"). */
function ldttExclusions(id: (n: string) => string, article: string): Criterion[] {
  return [
    { kind: 'no_discipline', atLeast: 'khien_trach', withinYears: 1, rule: id('khong_ky_luat'), article, verified: false, note: UNVERIFIED_EXCLUSION },
    { kind: 'no_fact', fact: 'moi_tuyen_duoi_10_thang', withinYears: 1, rule: id('du_10_thang'), article, verified: false, note: UNVERIFIED_EXCLUSION },
    { kind: 'no_fact', fact: 'nghi_tu_40_ngay', withinYears: 1, rule: id('nghi_duoi_40_ngay'), article, verified: false, note: UNVERIFIED_EXCLUSION },
  ];
}

/** Shared placeholder for Huân chương Lao động: criteria not researched (§4.3), so all UNVERIFIED. */
function hcldCriteria(
  p: string,
  instrument: string,
  honor: 'HCLD3' | 'HCLD2' | 'HCLD1' | 'HCLD',
  prerequisite: Honor,
): Partial<Record<SubjectKind, Criterion[]>> {
  const article = `${instrument} (Huân chương Lao động, chưa xác minh điều khoản)`;
  const note = 'Tiêu chuẩn Huân chương Lao động chưa được nghiên cứu kỹ (legal-rules.md §4.3); mặc định của hệ thống, cần đối chiếu văn bản';
  const make = (subject: string): Criterion[] => [
    { kind: 'prerequisite_honor', honor: prerequisite, rule: `${p}.${honor}.${subject}.da_co_${prerequisite}`, article, verified: false, note },
    { kind: 'consecutive_rating_years', rating: 'HTXSNV', years: 5, rule: `${p}.${honor}.${subject}.5_nam_htxsnv`, article, verified: false, note },
  ];
  return { individual: make('ca_nhan'), collective: make('tap_the') };
}

/**
 * Hero titles (Anh hùng Lao động, Anh hùng LLVTND): exceptional achievements the council and the
 * higher levels judge; the system asks for the fact to be confirmed (eligible = null until then).
 */
function heroCriteria(p: string, instrument: string, honor: 'AHLD' | 'AHLLVTND', article: string): Partial<Record<SubjectKind, Criterion[]>> {
  const note = 'Tiêu chuẩn danh hiệu Anh hùng do Hội đồng các cấp xem xét (chưa mã hóa chi tiết); số điều của Luật chưa xác minh';
  const make = (subject: string): Criterion[] => [
    {
      kind: 'fact',
      fact: 'thanh_tich_dac_biet_xuat_sac',
      withinYears: 10,
      ifAbsent: 'unknown',
      rule: `${p}.${honor}.${subject}.thanh_tich_dac_biet_xuat_sac`,
      article: `${article} ${instrument} (chưa xác minh số điều)`,
      verified: false,
      note,
    },
  ];
  return { individual: make('ca_nhan'), collective: make('tap_the') };
}

/**
 * Criteria as written in Law 06/2022 (shared by ND98_2023 and ND152_2025); ND91_2017 starts from
 * the same shapes (the Old Law uses the same article numbers for titles) and changes what differs.
 */
export function lawCriteria(cp: CriteriaParams): Record<Honor, Partial<Record<SubjectKind, Criterion[]>>> {
  const p = cp.prefix;
  const id = (h: Honor) => (n: string) => `${p}.${h}.${n}`;
  const L = (a: number, k?: number, d?: string) => art(a, cp.instrument, k, d);
  const cstdcsAlternatives: Criterion[] = [
    { kind: 'rating_at_least', rating: 'HTXSNV', rule: id('CSTDCS')('htxsnv'), article: L(23), verified: true },
    { kind: 'initiative', scope: 'co_so', withinYears: 1, rule: id('CSTDCS')('sang_kien_co_so'), article: L(23), verified: true },
  ];
  return {
    LDTT: {
      individual: [
        { kind: 'rating_at_least', rating: 'HTTNV', rule: id('LDTT')('htttnv'), article: L(24, 1), verified: true },
        ...ldttExclusions(id('LDTT'), L(24)),
      ],
    },
    CSTDCS: {
      individual: [
        { kind: 'meets_honor', honor: 'LDTT', rule: id('CSTDCS')('tieu_chuan_ldtt'), article: L(23), verified: true },
        cp.cstdcsMode === 'any'
          ? {
              kind: 'any_of',
              of: cstdcsAlternatives,
              rule: id('CSTDCS')('htxsnv_hoac_sang_kien'),
              article: L(23),
              verified: true,
              note: 'Dự thảo sửa Luật 2025 đề xuất yêu cầu cả hai (chưa thông qua); chế độ "hoặc" cấu hình được',
            }
          : {
              kind: 'all_of',
              of: cstdcsAlternatives,
              rule: id('CSTDCS')('htxsnv_va_sang_kien'),
              article: L(23),
              verified: false,
              note: 'Theo dự thảo sửa Luật 2025 (chưa xác minh đã thông qua)',
            },
      ],
    },
    CSTD_BO_TINH: {
      individual: [
        {
          kind: 'consecutive_title_years',
          honor: 'CSTDCS',
          years: 3,
          resetBy: 'CSTD_BO_TINH',
          rule: id('CSTD_BO_TINH')('3_nam_cstdcs'),
          article: L(22),
          verified: true,
          note: 'Chuỗi tính lại sau lần được tặng CSTĐ bộ, ban, ngành, tỉnh gần nhất (mỗi thành tích chỉ khen một lần, Điều 5 Luật)',
        },
        {
          kind: 'initiative',
          scope: 'bo_tinh',
          withinYears: 3,
          rule: id('CSTD_BO_TINH')('sang_kien_bo_tinh'),
          article: L(22),
          verified: true,
          note: 'Sáng kiến trong 3 năm của chuỗi là cách hiểu của hệ thống',
        },
      ],
    },
    CSTD_TQ: {
      individual: [
        {
          kind: 'consecutive_title_years',
          honor: 'CSTD_BO_TINH',
          years: 2,
          termYears: 3,
          resetBy: 'CSTD_TQ',
          rule: id('CSTD_TQ')('2_lan_cstd_bo_tinh'),
          article: L(21),
          verified: true,
          note: 'Mỗi lần CSTĐ bộ, ban, ngành, tỉnh ứng với một chu kỳ 3 năm',
        },
        {
          kind: 'initiative',
          scope: 'toan_quoc',
          withinYears: 6,
          rule: id('CSTD_TQ')('sang_kien_toan_quoc'),
          article: L(21),
          verified: true,
          note: 'Sáng kiến trong 6 năm của hai chu kỳ là cách hiểu của hệ thống',
        },
      ],
    },
    TTLDTT: {
      collective: [
        { kind: 'rating_at_least', rating: 'HTTNV', rule: id('TTLDTT')('htttnv'), article: L(28, 1), verified: true },
        { kind: 'member_share', honor: 'LDTT', atLeast: 0.7, rule: id('TTLDTT')('70_ldtt'), article: L(28, 1), verified: true },
        { kind: 'no_member_discipline_at_least', level: 'canh_cao', rule: id('TTLDTT')('khong_ky_luat_canh_cao'), article: L(28, 1), verified: true },
      ],
    },
    TTLDXS: {
      collective: [
        { kind: 'rating_at_least', rating: 'HTXSNV', rule: id('TTLDXS')('htxsnv'), article: L(27, undefined, 'a'), verified: true },
        { kind: 'members_all_rating_at_least', rating: 'HTNV', rule: id('TTLDXS')('100_htnv'), article: L(27, undefined, 'c'), verified: true },
        { kind: 'member_share', honor: 'LDTT', atLeast: 0.7, rule: id('TTLDXS')('70_ldtt'), article: L(27, undefined, 'c'), verified: true },
        { kind: 'member_count_with_honor', honor: 'CSTDCS', atLeast: 1, rule: id('TTLDXS')('co_cstdcs'), article: L(27, undefined, 'd'), verified: true },
        {
          kind: 'no_member_discipline_at_least',
          level: 'canh_cao',
          rule: id('TTLDXS')('khong_ky_luat_canh_cao'),
          article: L(27),
          verified: false,
          note: 'Điều kiện không có kỷ luật có trong Luật cũ; chưa xác minh trong Luật 06/2022',
        },
      ],
    },
    CO_BO_TINH: {
      collective: [
        { kind: 'fact', fact: 'dan_dau_cum_khoi', withinYears: 1, rule: id('CO_BO_TINH')('dan_dau_cum_khoi'), article: L(26), verified: true },
        {
          kind: 'rating_at_least',
          rating: 'HTXSNV',
          rule: id('CO_BO_TINH')('htxsnv'),
          article: L(26),
          verified: false,
          note: 'Luật yêu cầu tổ chức đảng HTXSNV; hệ thống dùng xếp loại của tập thể làm đại diện',
        },
      ],
    },
    CO_CP: {
      collective: [
        {
          kind: 'any_of',
          rule: id('CO_CP')('dan_dau'),
          article: L(25),
          verified: true,
          of: [
            {
              kind: 'prerequisite_honor',
              honor: 'CO_BO_TINH',
              withinYears: 1,
              rule: id('CO_CP')('k1_co_bo_tinh'),
              article: L(25, 1),
              verified: false,
              note: 'Chọn trong số tập thể dẫn đầu cụm, khối của bộ, tỉnh: hệ thống hiểu là đã được Cờ thi đua bộ, tỉnh năm đó',
            },
            { kind: 'fact', fact: 'dan_dau_cum_khoi_tw', withinYears: 1, rule: id('CO_CP')('k2_cum_khoi_tw'), article: L(25, 2), verified: true },
            { kind: 'fact', fact: 'dan_dau_phong_trao_ttg_5_nam', withinYears: 1, rule: id('CO_CP')('k3_phong_trao_ttg'), article: L(25, 3), verified: true },
          ],
        },
        { kind: 'rating_at_least', rating: 'HTXSNV', rule: id('CO_CP')('htxsnv'), article: L(25), verified: false },
      ],
    },
    GK: {
      individual: [
        {
          kind: 'rating_at_least',
          rating: 'HTTNV',
          rule: id('GK')('ca_nhan_htttnv'),
          article: L(75, 2),
          verified: false,
          note: 'Bộ, ngành, tỉnh quy định tiêu chuẩn chi tiết (Điều 75 k2); đây là mặc định của hệ thống',
        },
        { kind: 'no_discipline', atLeast: 'khien_trach', withinYears: 1, rule: id('GK')('ca_nhan_khong_ky_luat'), article: L(75, 2), verified: false },
      ],
      collective: [
        {
          kind: 'rating_at_least',
          rating: 'HTTNV',
          rule: id('GK')('tap_the_htttnv'),
          article: L(75, 2),
          verified: false,
          note: 'Mặc định của hệ thống; cơ quan ghi đè',
        },
        { kind: 'no_member_discipline_at_least', level: 'canh_cao', rule: id('GK')('tap_the_khong_ky_luat'), article: L(75, 2), verified: false },
      ],
      household: [{ kind: 'fact', fact: 'ho_gia_dinh_tieu_bieu', withinYears: 1, rule: id('GK')('ho_gia_dinh'), article: L(75, 2), verified: false }],
    },
    BK_BO_TINH: {
      individual: [
        {
          kind: 'any_of',
          rule: id('BK_BO_TINH')('ca_nhan_diem_d'),
          article: L(74, 1, 'd'),
          verified: true,
          of: [
            {
              kind: 'consecutive_title_years',
              honor: 'CSTDCS',
              years: 2,
              resetBy: 'BK_BO_TINH',
              rule: id('BK_BO_TINH')('2_nam_cstdcs'),
              article: L(74, 1, 'd'),
              verified: true,
            },
            {
              kind: 'all_of',
              rule: id('BK_BO_TINH')('2_nam_htxsnv_2_sang_kien'),
              article: L(74, 1, 'd'),
              verified: true,
              of: [
                {
                  kind: 'consecutive_rating_years',
                  rating: 'HTXSNV',
                  years: 2,
                  rule: id('BK_BO_TINH')('2_nam_htxsnv'),
                  article: L(74, 1, 'd'),
                  verified: true,
                },
                { kind: 'initiative', scope: 'co_so', count: 2, withinYears: 2, rule: id('BK_BO_TINH')('2_sang_kien'), article: L(74, 1, 'd'), verified: true },
              ],
            },
          ],
        },
      ],
      collective: [
        {
          kind: 'any_of',
          rule: id('BK_BO_TINH')('tap_the'),
          article: L(74, 2),
          verified: false,
          note: 'Theo ví dụ QĐ 86/2025 Bắc Ninh; bộ, tỉnh quy định chi tiết',
          of: [
            {
              kind: 'consecutive_rating_years',
              rating: 'HTXSNV',
              years: 2,
              rule: id('BK_BO_TINH')('tap_the_2_nam_htxsnv'),
              article: L(74, 2),
              verified: false,
            },
            { kind: 'consecutive_title_years', honor: 'TTLDXS', years: 1, rule: id('BK_BO_TINH')('tap_the_ttldxs'), article: L(74, 2), verified: false },
          ],
        },
      ],
      household: [{ kind: 'fact', fact: 'ho_gia_dinh_tieu_bieu', withinYears: 1, rule: id('BK_BO_TINH')('ho_gia_dinh'), article: L(74), verified: false }],
    },
    BK_TTG: {
      individual: [
        { kind: 'prerequisite_honor', honor: 'BK_BO_TINH', rule: id('BK_TTG')('da_co_bk_bo_tinh'), article: L(73, 1, 'b'), verified: true },
        { kind: 'consecutive_rating_years', rating: 'HTTNV', years: 5, rule: id('BK_TTG')('5_nam_htttnv'), article: L(73, 1, 'b'), verified: true },
        { kind: 'honor_count', honor: 'CSTDCS', atLeast: 3, withinYears: 5, rule: id('BK_TTG')('3_lan_cstdcs'), article: L(73, 1, 'b'), verified: true },
      ],
      collective: [
        { kind: 'prerequisite_honor', honor: 'BK_BO_TINH', rule: id('BK_TTG')('tap_the_da_co_bk'), article: L(73, 2), verified: false },
        { kind: 'consecutive_rating_years', rating: 'HTXSNV', years: 5, rule: id('BK_TTG')('tap_the_5_nam_htxsnv'), article: L(73, 2), verified: false },
        {
          kind: 'any_of',
          rule: id('BK_TTG')('tap_the_co_hoac_ttldxs'),
          article: L(73, 2),
          verified: false,
          of: [
            { kind: 'honor_count', honor: 'CO_BO_TINH', atLeast: 1, withinYears: 5, rule: id('BK_TTG')('tap_the_1_co'), article: L(73, 2), verified: false },
            { kind: 'honor_count', honor: 'TTLDXS', atLeast: 2, withinYears: 5, rule: id('BK_TTG')('tap_the_2_ttldxs'), article: L(73, 2), verified: false },
          ],
        },
      ],
      household: [{ kind: 'fact', fact: 'ho_gia_dinh_tieu_bieu', withinYears: 1, rule: id('BK_TTG')('ho_gia_dinh'), article: L(73), verified: false }],
    },
    HCLD3: hcldCriteria(p, cp.instrument, 'HCLD3', 'BK_TTG'),
    HCLD2: hcldCriteria(p, cp.instrument, 'HCLD2', 'HCLD3'),
    HCLD1: hcldCriteria(p, cp.instrument, 'HCLD1', 'HCLD2'),
    // Proposed without a class: judged by the lowest class's criteria; the higher authority sets the class.
    HCLD: hcldCriteria(p, cp.instrument, 'HCLD', 'BK_TTG'),
    AHLD: heroCriteria(p, cp.instrument, 'AHLD', 'Điều 61'),
    AHLLVTND: heroCriteria(p, cp.instrument, 'AHLLVTND', 'Điều 60'),
    KNC: {
      individual: [
        {
          kind: 'fact',
          fact: 'du_tieu_chuan_knc',
          withinYears: 1,
          rule: id('KNC')('tieu_chuan_co_quan'),
          article: 'Quy định của cơ quan ban hành Kỷ niệm chương',
          verified: false,
          note: 'Cơ quan ghi đè bằng tiêu chuẩn riêng',
        },
      ],
    },
  };
}

/** The principle "no award while under disciplinary review" (ND98/ND152 Art 4), added to every honor. */
export function withPrinciples(
  criteria: Record<Honor, Partial<Record<SubjectKind, Criterion[]>>>,
  cp: CriteriaParams,
): Record<Honor, Partial<Record<SubjectKind, Criterion[]>>> {
  const out = {} as Record<Honor, Partial<Record<SubjectKind, Criterion[]>>>;
  for (const h of HONORS) {
    const per: Partial<Record<SubjectKind, Criterion[]>> = {};
    for (const [kind, list] of Object.entries(criteria[h]) as [SubjectKind, Criterion[]][]) {
      per[kind] = [
        ...list,
        {
          kind: 'no_fact',
          fact: 'dang_xem_xet_ky_luat',
          withinYears: 1,
          rule: `${cp.prefix}.${h}.khong_dang_xem_xet_ky_luat`,
          article: cp.principlesArticle,
          verified: cp.principlesVerified,
        },
      ];
    }
    out[h] = per;
  }
  return out;
}

// ---------------------------------------------------------------- money

export type MoneyTable = Record<Honor, Partial<Record<SubjectKind, Coefficient>>>;

/** Coefficients identical in all three decrees (§7.2 titles). */
export function titleCoefficients(
  article: string,
): Pick<MoneyTable, 'LDTT' | 'CSTDCS' | 'CSTD_BO_TINH' | 'CSTD_TQ' | 'TTLDTT' | 'TTLDXS' | 'CO_BO_TINH' | 'CO_CP'> {
  const c = (coefficient: number): Coefficient => ({ coefficient, article, verified: true });
  return {
    LDTT: { individual: c(0.3) },
    CSTDCS: { individual: c(1.0) },
    CSTD_BO_TINH: { individual: c(3.0) },
    CSTD_TQ: { individual: c(4.5) },
    TTLDTT: { collective: c(0.8) },
    TTLDXS: { collective: c(1.5) },
    CO_BO_TINH: { collective: c(8.0) },
    CO_CP: { collective: c(12.0) },
  };
}

/** Individual / collective pair with the household amount = multiplier × individual (ND152 Art 54). */
export function formCoefficients(
  individual: number,
  collective: number | null,
  article: string,
  verified: boolean,
  household: { multiplier: number; article: string; verified: boolean } | null,
  note?: string,
): Partial<Record<SubjectKind, Coefficient>> {
  const out: Partial<Record<SubjectKind, Coefficient>> = {
    individual: { coefficient: individual, article, verified, ...(note ? { note } : {}) },
  };
  if (collective !== null) out.collective = { coefficient: collective, article, verified, ...(note ? { note } : {}) };
  if (household) {
    // Rounded to thousandths so 1.5 × 0.3 is exactly 0.45, as in the worked example (§7.4).
    out.household = {
      coefficient: Math.round(individual * household.multiplier * 1000) / 1000,
      article: household.article,
      verified: verified && household.verified,
      note: `Hộ gia đình = ${household.multiplier} × mức cá nhân`,
    };
  }
  return out;
}

/** Huân chương Lao động: individual; collective = 2× (ND152 Art 52–53). */
export function hcldCoefficients(article: string, verified: boolean): Pick<MoneyTable, 'HCLD3' | 'HCLD2' | 'HCLD1' | 'HCLD'> {
  const pair = (i: number) => formCoefficients(i, i * 2, article, verified, null);
  // HCLD (class not decided yet) has no amount: the money follows the class the decision sets.
  return { HCLD3: pair(4.5), HCLD2: pair(7.5), HCLD1: pair(9.0), HCLD: {} };
}

/** Anh hùng Lao động / Anh hùng LLVTND: 15.5 × base salary for an individual, 31 for a collective (legal-rules.md §7.2). */
export function heroCoefficients(
  individual: { article: string; verified: boolean },
  collective: { article: string; verified: boolean },
): Pick<MoneyTable, 'AHLD' | 'AHLLVTND'> {
  const pair = (): Partial<Record<SubjectKind, Coefficient>> => ({
    individual: { coefficient: 15.5, ...individual },
    collective: { coefficient: 31, ...collective },
  });
  return { AHLD: pair(), AHLLVTND: pair() };
}

// ---------------------------------------------------------------- votes, authority, overridable

export function vote(share: number, article: string, verified: boolean, secretBallot: boolean, note?: string): VoteRule {
  return { share, ofTotalMembers: true, secretBallot, article, verified, ...(note ? { note } : {}) };
}

export function authority(who: AuthorityRule['who'], article: string, verified: boolean, note?: string): AuthorityRule {
  return { who, article, verified, ...(note ? { note } : {}) };
}

/** What agencies may change (Law Art 24, 75 k2; KNC issuer rules). */
export const OVERRIDABLE: Record<Honor, Overridable> = {
  LDTT: { criteria: 'add', coefficient: false },
  CSTDCS: { criteria: 'add', coefficient: false },
  CSTD_BO_TINH: { criteria: 'none', coefficient: false },
  CSTD_TQ: { criteria: 'none', coefficient: false },
  TTLDTT: { criteria: 'add', coefficient: false },
  TTLDXS: { criteria: 'add', coefficient: false },
  CO_BO_TINH: { criteria: 'add', coefficient: false },
  CO_CP: { criteria: 'none', coefficient: false },
  GK: { criteria: 'replace', coefficient: false },
  BK_BO_TINH: { criteria: 'replace', coefficient: false },
  BK_TTG: { criteria: 'none', coefficient: false },
  HCLD3: { criteria: 'none', coefficient: false },
  HCLD2: { criteria: 'none', coefficient: false },
  HCLD1: { criteria: 'none', coefficient: false },
  KNC: { criteria: 'replace', coefficient: true },
  AHLD: { criteria: 'none', coefficient: false },
  AHLLVTND: { criteria: 'none', coefficient: false },
  HCLD: { criteria: 'none', coefficient: false },
};

/**
 * Truy tặng: the Law speaks of "tặng hoặc truy tặng" for the orders and the State honorary titles; a
 * Bằng khen or Giấy khen for a heroic act (đột xuất) is given posthumously in practice. Emulation titles
 * (LĐTT, CSTĐ, collective titles) judge a year of work and are not given posthumously.
 */
export function posthumousRules(instrument: string, verified: boolean): Record<Honor, PosthumousRule> {
  const orders: PosthumousRule = { allowed: true, article: `${instrument} (Huân chương, danh hiệu vinh dự nhà nước: "tặng hoặc truy tặng")`, verified };
  const forms: PosthumousRule = {
    allowed: true,
    article: `${instrument} (chưa xác minh điều khoản)`,
    verified: false,
    note: 'Thực tế truy tặng Bằng khen, Giấy khen cho người hy sinh, từ trần (khen đột xuất); cơ quan đối chiếu văn bản',
  };
  const no: PosthumousRule = { allowed: false, article: `${instrument} (danh hiệu thi đua xét theo năm công tác)`, verified: false };
  const out = {} as Record<Honor, PosthumousRule>;
  for (const h of HONORS) out[h] = no;
  for (const h of ['HCLD3', 'HCLD2', 'HCLD1', 'HCLD', 'AHLD', 'AHLLVTND'] as const) out[h] = orders;
  for (const h of ['GK', 'BK_BO_TINH', 'BK_TTG'] as const) out[h] = forms;
  return out;
}

// ---------------------------------------------------------------- assembling a pack

export interface PackSpec {
  regime: Regime;
  label: string;
  decisionsFrom: string | null;
  decisionsTo: string | null;
  criteria: Record<Honor, Partial<Record<SubjectKind, Criterion[]>>>;
  money: MoneyTable;
  votes: Partial<Record<Honor, VoteRule>>;
  quotas: Partial<Record<Honor, QuotaRule>>;
  authority: Record<Honor, AuthorityRule>;
  rounding: RoundingRule;
  deadlines: DeadlineRule[];
  pipeline: PipelineRules;
  fund: FundRules;
  /** Defaults to `posthumousRules` of the regime's law, UNVERIFIED. */
  posthumous?: Record<Honor, PosthumousRule>;
  notes?: Partial<Record<Honor, string[]>>;
}

/** Assembles a pack and freezes it deeply: packs are shared, overrides make copies. */
export function definePack(spec: PackSpec): RulePack {
  const honors = {} as Record<Honor, HonorRule>;
  const posthumous = spec.posthumous ?? posthumousRules(spec.regime === 'ND91_2017' ? OLD_LAW : LAW_2022, false);
  for (const h of HONORS) {
    const rule: HonorRule = {
      honor: h,
      label: HONOR_INFO[h].label,
      criteria: spec.criteria[h],
      authority: spec.authority[h],
      vote: spec.votes[h] ?? null,
      quota: spec.quotas[h] ?? null,
      money: spec.money[h],
      overridable: OVERRIDABLE[h],
      posthumous: posthumous[h],
    };
    const notes = spec.notes?.[h];
    if (notes) rule.notes = notes;
    honors[h] = rule;
  }
  return deepFreeze({
    regime: spec.regime,
    label: spec.label,
    decisionsFrom: spec.decisionsFrom,
    decisionsTo: spec.decisionsTo,
    honors,
    rounding: spec.rounding,
    baseSalary: [...BASE_SALARY_TABLE],
    deadlines: spec.deadlines,
    pipeline: spec.pipeline,
    fund: spec.fund,
    appliedOverrides: [],
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/** Returns a copy of the criteria with every flag set to UNVERIFIED (used for Old-Law shapes). */
export function markUnverified(list: Criterion[], note?: string): Criterion[] {
  return list.map((c): Criterion => {
    const copy = { ...c, verified: false, ...(note && !c.note ? { note } : {}) } as Criterion;
    if (copy.kind === 'any_of' || copy.kind === 'all_of') copy.of = markUnverified(copy.of, note);
    return copy;
  });
}
