/**
 * The figures of a periodic report as data: each indicator is a key, a label and a group, and
 * `figuresFromFacts` turns the facts the repository reads (grouped counts) into key → number.
 * Pure: no I/O. The same keys are what a unit types over, what the roll-up sums and what the DOCX prints.
 */
import { COMMENDATION_TYPES, COMMENDATION_TYPE_LABELS, HONORS, HONOR_INFO, type Honor } from '../../shared/codes.js';
import { lowerFirstVi } from '../../shared/format-vi.js';

export type HonorLevel = 'co_so' | 'bo_tinh' | 'nha_nuoc';
export const HONOR_LEVEL_LABELS: Record<HonorLevel, string> = { co_so: 'Cấp cơ sở', bo_tinh: 'Cấp bộ, ban, ngành, tỉnh', nha_nuoc: 'Cấp Nhà nước' };
/** Who decides, broadly (Law Art 78–80): grassroots titles and Giấy khen; ministry/province; State (PM, President). */
export const HONOR_LEVEL: Record<Honor, HonorLevel> = {
  LDTT: 'co_so',
  CSTDCS: 'co_so',
  TTLDTT: 'co_so',
  TTLDXS: 'co_so',
  GK: 'co_so',
  CSTD_BO_TINH: 'bo_tinh',
  CO_BO_TINH: 'bo_tinh',
  BK_BO_TINH: 'bo_tinh',
  KNC: 'bo_tinh',
  CSTD_TQ: 'nha_nuoc',
  CO_CP: 'nha_nuoc',
  BK_TTG: 'nha_nuoc',
  HCLD3: 'nha_nuoc',
  HCLD2: 'nha_nuoc',
  HCLD1: 'nha_nuoc',
  AHLD: 'nha_nuoc',
  AHLLVTND: 'nha_nuoc',
  HCLD: 'nha_nuoc',
};

export type IndicatorGroup = 'activity' | 'honor' | 'subject' | 'type' | 'money';
export const INDICATOR_GROUP_LABELS: Record<IndicatorGroup, string> = {
  activity: 'Phong trào, đăng ký, hồ sơ, sáng kiến',
  honor: 'Danh hiệu thi đua, hình thức khen thưởng',
  subject: 'Cá nhân được khen theo đối tượng',
  type: 'Theo loại hình khen thưởng',
  money: 'Tiền thưởng',
};

export interface Indicator {
  key: string;
  label: string;
  group: IndicatorGroup;
  /** Money (VND) rather than a count. */
  money?: boolean;
}

const SUBJECT_WORD = { individual: 'cá nhân', collective: 'tập thể', household: 'hộ gia đình' } as const;

export const INDICATORS: readonly Indicator[] = [
  { key: 'movements', label: 'Phong trào thi đua đã phát động', group: 'activity' },
  { key: 'registrations', label: 'Lượt đăng ký thi đua', group: 'activity' },
  { key: 'dossiers', label: 'Hồ sơ đề nghị khen thưởng đã gửi', group: 'activity' },
  { key: 'initiatives', label: 'Sáng kiến được công nhận', group: 'activity' },
  ...HONORS.flatMap((h) =>
    HONOR_INFO[h].subjects.map((s) => ({ key: `honor:${h}:${s}`, label: `${HONOR_INFO[h].label} (${SUBJECT_WORD[s]})`, group: 'honor' as const })),
  ),
  { key: 'people:total', label: 'Tổng số lượt cá nhân được khen', group: 'subject' },
  { key: 'people:leader', label: 'Trong đó: cán bộ lãnh đạo, quản lý', group: 'subject' },
  { key: 'people:non_leader', label: 'Trong đó: không giữ chức vụ lãnh đạo', group: 'subject' },
  { key: 'people:direct_worker', label: 'Trong đó: người trực tiếp lao động, công tác', group: 'subject' },
  { key: 'people:female', label: 'Trong đó: nữ', group: 'subject' },
  ...COMMENDATION_TYPES.map((t) => ({ key: `type:${t}`, label: `Khen ${lowerFirstVi(COMMENDATION_TYPE_LABELS[t])}`, group: 'type' as const })),
  { key: 'money', label: 'Tổng tiền thưởng (đồng)', group: 'money', money: true },
];
export const INDICATOR_KEYS = new Set(INDICATORS.map((i) => i.key));

/** One group of honors received in the period, as the repository counts them. */
export interface HonorFact {
  honor: string;
  type: string;
  /** 'individual' (a person) or 'collective' (a unit). */
  subject: string;
  isLeader: boolean | null;
  employmentType: string | null;
  gender: string | null;
  n: number;
  amount: number;
}

export interface ReportFacts {
  movements: number;
  registrations: number;
  dossiers: number;
  initiatives: number;
  honors: HonorFact[];
}

/**
 * Direct workers (người trực tiếp lao động, công tác): staff holding no leading post and employed
 * as người lao động — the only fields the staff records carry for it (docs/decisions.md).
 */
export function isDirectWorker(f: Pick<HonorFact, 'isLeader' | 'employmentType'>): boolean {
  return f.isLeader === false && f.employmentType === 'nguoi_lao_dong';
}

export function figuresFromFacts(facts: ReportFacts): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(INDICATORS.map((i) => [i.key, 0]));
  out.movements = facts.movements;
  out.registrations = facts.registrations;
  out.dossiers = facts.dossiers;
  out.initiatives = facts.initiatives;
  const add = (k: string, n: number) => {
    if (k in out) out[k] = (out[k] ?? 0) + n;
  };
  for (const f of facts.honors) {
    add(`honor:${f.honor}:${f.subject}`, f.n);
    add(`type:${f.type}`, f.n);
    add('money', f.amount);
    if (f.subject !== 'individual') continue;
    add('people:total', f.n);
    if (f.isLeader) add('people:leader', f.n);
    else add('people:non_leader', f.n);
    if (isDirectWorker(f)) add('people:direct_worker', f.n);
    if (f.gender === 'nu') add('people:female', f.n);
  }
  return out;
}

/** The figure a report states: the unit's typed number where it typed one, else the data's. */
export function statedFigures(data: Record<string, number>, typed: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of INDICATORS) out[i.key] = typed[i.key] ?? data[i.key] ?? 0;
  return out;
}
