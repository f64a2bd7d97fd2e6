/**
 * Which form of Báo cáo thành tích a regime prescribes, and the number it prints top right — only
 * where the legal catalog (shared/domain/legal-rules.md §8.7) gives one. Pure.
 *
 * - NĐ 98/2023 Phụ lục: Mẫu 02 (collective), Mẫu 03 (individual) — verified [S45], for the
 *   reports by merit (công trạng). Its other numbers (đột xuất, cống hiến, chuyên đề…) are
 *   UNVERIFIED: no number printed.
 * - NĐ 91/2017 Phụ lục: Mẫu 01 collective, 02 individual, 03 cống hiến, 06 đột xuất, 07 theo đợt /
 *   chuyên đề — from secondary sources ([V-sec]); Mẫu 07 is the one seed 001's plan cites for its
 *   campaign. UNVERIFIED against the decree's text: printed, and flagged `verified: false`.
 * - NĐ 152/2025 Phụ lục: 11 report forms, numbers UNVERIFIED: the form is named, no number printed.
 */
import type { CommendationType, Honor, Regime, SubjectKind } from '../../shared/codes.js';
import type { Criterion, RulePack } from './types.js';
import type { AchievementReportForm } from '../../shared/schemas/achievement-reports.js';

export interface ReportForm {
  /** "Mẫu số 03 - Nghị định số 98/2023/NĐ-CP", or '' when the number is not known. */
  number: string;
  /** The form's name, for the screen: "Báo cáo thành tích cá nhân theo công trạng (NĐ 152/2025)". */
  label: string;
  verified: boolean;
}

const DECREE: Record<Regime, string> = {
  ND91_2017: 'Nghị định số 91/2017/NĐ-CP',
  ND98_2023: 'Nghị định số 98/2023/NĐ-CP',
  ND152_2025: 'Nghị định số 152/2025/NĐ-CP',
};

const KIND_NAMES: Record<CommendationType, string> = {
  cong_trang: 'theo công trạng và thành tích đạt được',
  chuyen_de: 'theo đợt, chuyên đề',
  dot_xuat: 'đột xuất',
  cong_hien: 'quá trình cống hiến',
  nien_han: 'theo niên hạn',
  doi_ngoai: 'đối ngoại',
};

/** Numbers by regime, form and type of commendation; absent = not in the catalog (no number printed). */
const NUMBERS: Record<Regime, Partial<Record<CommendationType, Partial<Record<AchievementReportForm, string>>>>> = {
  ND91_2017: {
    cong_trang: { collective: '01', individual: '02' },
    nien_han: { collective: '01', individual: '02' },
    cong_hien: { individual: '03' },
    dot_xuat: { collective: '06', individual: '06' },
    chuyen_de: { collective: '07', individual: '07' },
  },
  ND98_2023: {
    cong_trang: { collective: '02', individual: '03' },
    nien_han: { collective: '02', individual: '03' },
  },
  ND152_2025: {},
};

export function reportForm(regime: Regime, type: CommendationType, form: AchievementReportForm): ReportForm {
  const n = NUMBERS[regime][type]?.[form];
  const who = form === 'individual' ? 'cá nhân' : 'tập thể';
  return {
    number: n ? `Mẫu số ${n} - ${DECREE[regime]}` : '',
    label: `Báo cáo thành tích ${who} ${KIND_NAMES[type]} (${DECREE[regime]})`,
    verified: regime === 'ND98_2023' && n !== undefined,
  };
}

/**
 * How many years of ratings the honor's criteria look at (a chain of 2 years of HTXSNV, a window of
 * 5 years…): the report prints the ratings of those years. At least the achievement year itself.
 */
export function ratingYearsOf(pack: RulePack, honor: Honor, subject: SubjectKind, depth = 0): number {
  const span = (c: Criterion): number => {
    switch (c.kind) {
      case 'consecutive_rating_years':
        return c.years;
      case 'consecutive_title_years':
        return c.years * (c.termYears ?? 1);
      case 'any_of':
      case 'all_of':
        return Math.max(1, ...c.of.map(span));
      case 'meets_honor':
        return depth > 4 || c.honor === honor ? 1 : ratingYearsOf(pack, c.honor, subject, depth + 1);
      default:
        return 'withinYears' in c && typeof c.withinYears === 'number' ? c.withinYears : 1;
    }
  };
  const criteria = pack.honors[honor]?.criteria[subject] ?? [];
  return Math.max(1, ...criteria.map(span));
}
