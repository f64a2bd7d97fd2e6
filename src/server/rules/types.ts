/**
 * Types of the rule engine. Rule packs are plain data (serialisable, no functions) so that a
 * viewer can show them, agencies can override them and tests can compare them.
 */
import type {
  CommendationType,
  ConsultedBodyKind,
  Discipline,
  FundCapBasis,
  Honor,
  InitiativeScope,
  PetitionKind,
  Rating,
  Regime,
  SubjectKind,
  UnitKind,
} from '../../shared/codes.js';
import type { DocumentKind, DossierStatus } from '../../shared/dossiers.js';

/** ISO calendar date `YYYY-MM-DD`; compared as strings (lexical order = date order). */
export type IsoDate = string;

/**
 * Facts a unit or council confirms that the engine cannot compute from ratings and honors
 * (e.g. "leads its emulation cluster"). Product-level vocabulary; codes never change once shipped.
 */
export const FACTS = [
  'dan_dau_cum_khoi',
  'dan_dau_cum_khoi_tw',
  'dan_dau_phong_trao_ttg_5_nam',
  'dang_xem_xet_ky_luat',
  'moi_tuyen_duoi_10_thang',
  'nghi_tu_40_ngay',
  'ho_gia_dinh_tieu_bieu',
  'du_tieu_chuan_knc',
  'thanh_tich_dac_biet_xuat_sac',
] as const;
export type Fact = (typeof FACTS)[number];
export const FACT_LABELS: Record<Fact, string> = {
  dan_dau_cum_khoi: 'dẫn đầu cụm, khối thi đua do bộ, ban, ngành, tỉnh tổ chức',
  dan_dau_cum_khoi_tw: 'dẫn đầu cụm, khối thi đua do Hội đồng Thi đua – Khen thưởng Trung ương tổ chức',
  dan_dau_phong_trao_ttg_5_nam: 'dẫn đầu phong trào thi đua do Thủ tướng phát động (từ 5 năm trở lên)',
  dang_xem_xet_ky_luat: 'đang bị xem xét kỷ luật hoặc điều tra, thanh tra',
  moi_tuyen_duoi_10_thang: 'mới tuyển dụng, thời gian công tác dưới 10 tháng',
  nghi_tu_40_ngay: 'nghỉ từ 40 ngày làm việc trở lên trong năm',
  ho_gia_dinh_tieu_bieu: 'hộ gia đình có thành tích tiêu biểu, được cấp có thẩm quyền xác nhận',
  du_tieu_chuan_knc: 'đủ tiêu chuẩn Kỷ niệm chương theo quy định của cơ quan ban hành',
  thanh_tich_dac_biet_xuat_sac: 'thành tích đặc biệt xuất sắc (danh hiệu Anh hùng), được cấp có thẩm quyền xác nhận',
};

// ---------------------------------------------------------------- criteria

/** Every criterion says where it comes from and whether the catalog verified it. */
export interface CriterionMeta {
  /** Stable id, e.g. "ND98.CSTDCS.htxsnv_hoac_sang_kien". */
  rule: string;
  /** Legal source, e.g. "Điều 23 Luật 06/2022/QH15". */
  article: string;
  /** false = UNVERIFIED in the legal catalog; the UI must flag it. */
  verified: boolean;
  /** Optional Vietnamese note for the pack viewer (why, caveats). */
  note?: string;
}

/** Years window ending at (and including) the evaluation year; 1 = only that year. */
type Window = { withinYears?: number };

export type Criterion =
  | (CriterionMeta & { kind: 'rating_at_least'; rating: Rating })
  | (CriterionMeta & { kind: 'consecutive_rating_years'; rating: Rating; years: number })
  | (CriterionMeta & {
      kind: 'consecutive_title_years';
      honor: Honor;
      years: number;
      /** Length of one term in years (CSTĐ bộ/tỉnh is one per 3-year cycle); default 1. */
      termYears?: number;
      /** The chain restarts after the last time the subject got this honor (one achievement, one award). */
      resetBy?: Honor;
      /** Types that feed the chain; default ['cong_trang'] (ND98/ND152 Art 4). */
      countTypes?: CommendationType[];
    })
  | (CriterionMeta & Window & { kind: 'honor_count'; honor: Honor; atLeast: number; countTypes?: CommendationType[] })
  | (CriterionMeta & {
      kind: 'prerequisite_honor';
      honor: Honor;
      /** Absent = any year up to the evaluation year. */
      withinYears?: number;
      countTypes?: CommendationType[];
    })
  | (CriterionMeta &
      Window & {
        kind: 'initiative';
        /** Minimum scope; a wider scope also counts (toan_quoc ⊃ bo_tinh ⊃ co_so). */
        scope: InitiativeScope;
        count?: number;
      })
  | (CriterionMeta & Window & { kind: 'no_discipline'; atLeast: Discipline })
  | (CriterionMeta & {
      kind: 'member_share';
      honor: Honor;
      atLeast: number;
      /** true = strictly more than `atLeast` (Old Law: "trên 50%"). */
      strict?: boolean;
    })
  | (CriterionMeta & { kind: 'members_all_rating_at_least'; rating: Rating })
  | (CriterionMeta & { kind: 'member_count_with_honor'; honor: Honor; atLeast: number })
  | (CriterionMeta & { kind: 'no_member_discipline_at_least'; level: Discipline })
  | (CriterionMeta &
      Window & {
        kind: 'fact';
        fact: Fact;
        /** What an unreported fact means: 'fail' (not achieved) or 'unknown' (eligible = null). */
        ifAbsent?: 'fail' | 'unknown';
      })
  | (CriterionMeta & Window & { kind: 'no_fact'; fact: Fact })
  /** Meets the criteria of another honor (e.g. CSTĐCS requires the LĐTT standard). */
  | (CriterionMeta & { kind: 'meets_honor'; honor: Honor })
  | (CriterionMeta & { kind: 'any_of'; of: Criterion[] })
  | (CriterionMeta & { kind: 'all_of'; of: Criterion[] });

export type CriterionKind = Criterion['kind'];

// ---------------------------------------------------------------- pack parts

export interface Sourced {
  article: string;
  verified: boolean;
  note?: string;
}

export interface Coefficient extends Sourced {
  coefficient: number;
  /** The coefficient is a cap; the issuing agency sets the actual value (Kỷ niệm chương). */
  isCap?: boolean;
}

/** Cap on how many of a unit's subjects may get the honor in one year. */
export interface QuotaRule extends Sourced {
  kind: 'share_of_honor';
  /** The count the share applies to, e.g. LĐTT holders for the CSTĐCS cap. */
  of: Honor;
  share: number;
  rounding: 'floor' | 'round' | 'ceil';
}

/** Council vote threshold, always a share of the council's TOTAL membership. */
export interface VoteRule extends Sourced {
  share: number;
  ofTotalMembers: true;
  secretBallot: boolean;
}

export const AUTHORITIES = [
  'thu_truong_don_vi',
  'chu_tich_ubnd_huyen',
  'chu_tich_ubnd_xa',
  'giam_doc_doanh_nghiep',
  'chu_tich_hdqt',
  'bo_truong_chu_tich_tinh',
  'thu_tuong',
  'chu_tich_nuoc',
  'co_quan_ban_hanh_knc',
] as const;
export type Authority = (typeof AUTHORITIES)[number];
export const AUTHORITY_LABELS: Record<Authority, string> = {
  thu_truong_don_vi: 'Thủ trưởng đơn vị có tư cách pháp nhân thuộc bộ, thủ trưởng cơ quan chuyên môn thuộc UBND tỉnh',
  chu_tich_ubnd_huyen: 'Chủ tịch UBND cấp huyện',
  chu_tich_ubnd_xa: 'Chủ tịch UBND cấp xã',
  giam_doc_doanh_nghiep: 'Giám đốc doanh nghiệp, hợp tác xã',
  chu_tich_hdqt: 'Chủ tịch Hội đồng quản trị, Hội đồng thành viên',
  bo_truong_chu_tich_tinh: 'Bộ trưởng, Thủ trưởng cơ quan trung ương, Chủ tịch UBND tỉnh',
  thu_tuong: 'Thủ tướng Chính phủ',
  chu_tich_nuoc: 'Chủ tịch nước',
  co_quan_ban_hanh_knc: 'Người đứng đầu bộ, ngành, tỉnh, tổ chức ban hành Kỷ niệm chương',
};

export interface AuthorityRule extends Sourced {
  who: Authority[];
}

export type DeadlineRule = Sourced & { id: string; label: string } & (
    { kind: 'yearly_date'; month: number; day: number; yearOffset: number } | { kind: 'working_days'; days: number }
  );

/** What an agency may change for this honor without a code change. */
export interface Overridable {
  /** 'replace': agency sets its own criteria (Law Art 75 k2); 'add': only stricter; 'none'. */
  criteria: 'replace' | 'add' | 'none';
  /** Agency sets the coefficient up to the pack's cap. */
  coefficient: boolean;
}

export interface HonorRule {
  honor: Honor;
  label: string;
  /** Subject kinds the honor can be given to, with their criteria. */
  criteria: Partial<Record<SubjectKind, Criterion[]>>;
  authority: AuthorityRule;
  vote: VoteRule | null;
  quota: QuotaRule | null;
  money: Partial<Record<SubjectKind, Coefficient>>;
  overridable: Overridable;
  /**
   * Whether the honor may be given to a deceased person (truy tặng), with its source. When allowed,
   * criteria that presuppose current employment (newly hired, days off in the year) do not apply.
   */
  posthumous: PosthumousRule;
  notes?: string[];
}

export interface PosthumousRule extends Sourced {
  allowed: boolean;
}

export interface RoundingRule extends Sourced {
  mode: 'ceil' | 'round' | 'none';
  /** VND; 10,000 by the decrees. */
  step: number;
}

export interface BaseSalaryEntry extends Sourced {
  from: IsoDate;
  amount: number;
}

// ---------------------------------------------------------------- the dossier pipeline's parameters

/** A document a dossier must contain (Law Art 84 k1; ND98 Art 33–34; agencies may add their own). */
export interface DocumentRequirement extends Sourced {
  /** Stable id; an agency override with the same id replaces it. */
  id: string;
  kind: DocumentKind;
  /** 'dossier' = once per dossier; 'candidate' = one per candidate needing it. */
  per: 'dossier' | 'candidate';
  label: string;
  /** Honors that need it; absent = every honor. */
  honors?: Honor[];
  /** Commendation types that do not need it (the simplified procedure of Law Art 85 has no minutes). */
  exceptTypes?: CommendationType[];
  /** Required by the law itself: an agency may add documents, not remove or replace this one. */
  byLaw: boolean;
}

/** An honor whose nominees are posted publicly before the decision (Law Art 84 k5). */
export interface NoticeRequirement extends Sourced {
  honor: Honor;
}

/** Id of the working-days deadline that gives the minimum length of a public notice. */
export const PUBLIC_NOTICE_DEADLINE_ID = 'cong_khai_truoc_hop';

/** Working-day limit of one step of the dossier pipeline (the status the dossier waits in). */
export interface StepLimitRule extends Sourced {
  step: DossierStatus;
  workingDays: number;
  label: string;
}

/** Share of the council's members that must be present for a valid session. */
export interface QuorumRule extends Sourced {
  share: number;
}

/** The vote threshold for honors that have none of their own: a share of the TOTAL membership. */
export interface MajorityRule extends Sourced {
  share: number;
  /** true = strictly more than the share ("quá bán": more than half). */
  strict: boolean;
}

/** Order of honors (higher = higher): an appraiser may only lower a proposal to a lower one. */
export interface HonorOrderRule extends Sourced {
  ranks: Record<Honor, number>;
}

/** Which authority the head of a unit of this kind is when it issues a decision (null = none). */
export interface UnitAuthorityRule extends Sourced {
  unitKind: UnitKind;
  who: Authority | null;
}

/**
 * The time limit for handling a petition of one kind (khiếu nại: Luật Khiếu nại 2011; tố cáo: Luật Tố
 * cáo 2018; kiến nghị, thắc mắc: the agency's regulation), counted from the day it is received.
 */
export interface PetitionLimitRule extends Sourced {
  kind: PetitionKind;
  days: number;
  /** How the source counts: working days (ngày làm việc) or calendar days (ngày). */
  unit: 'working' | 'calendar';
  label: string;
}

/** Whether a denunciation without the denouncer's name is taken (as information to verify) or refused. */
export interface AnonymousDenunciationRule extends Sourced {
  allowed: boolean;
}

export interface PetitionRules {
  limits: PetitionLimitRule[];
  anonymousDenunciation: AnonymousDenunciationRule;
}

/** Parameters the dossier pipeline reads from the pack (and agencies may override). */
export interface PipelineRules {
  petitions: PetitionRules;
  documents: DocumentRequirement[];
  publicNotice: NoticeRequirement[];
  stepLimits: StepLimitRule[];
  quorum: QuorumRule;
  majority: MajorityRule;
  /** Votes the initiative council needs to recognise an initiative: a share of the round's TOTAL members. */
  initiativeVote: MajorityRule;
  honorOrder: HonorOrderRule;
  unitAuthority: UnitAuthorityRule[];
  /** Hiệp y: which bodies confirm nominees for which honors, and what a missing answer means. */
  consultation: ConsultationRules;
}

/** Nominees of `subject` for `honor` are confirmed by these kinds of bodies before the decision. */
export interface ConsultationRequirement extends Sourced {
  honor: Honor;
  subject: SubjectKind;
  bodies: ConsultedBodyKind[];
}

/** Id of the working-days deadline the consulted bodies answer within. */
export const CONSULTATION_DEADLINE_ID = 'hiep_y_tra_loi';

export interface ConsultationRules {
  requirements: ConsultationRequirement[];
  /** No answer by the deadline: counted as "không có ý kiến", i.e. no objection. */
  silence: Sourced & { meaning: 'no_objection' };
}

/** The share of a base (recurrent spending, salary fund) the budget may put into a fund. */
export interface FundCapRule extends Sourced {
  basis: FundCapBasis;
  share: number;
}

/** The award fund's legal parameters (legal-rules.md §7.5) and the time limit of re-issuing award items. */
export interface FundRules {
  /** Caps of the TĐKT fund's budget allocation, by what the level's budget is measured on. */
  budgetCaps: FundCapRule[];
  /** At most this share of each level's fund may go to organising (TT 28/2025/TT-BTC). */
  organisingShare: Sourced & { share: number };
  /** The bonus fund of NĐ 73/2024 Art 4: a share of the salary fund, outside the TĐKT fund. */
  bonusFund: Sourced & { share: number };
  /** Cấp lại / cấp đổi an award item: handled within this many days of a complete request. */
  reissue: Sourced & { days: number; kind: 'days' | 'working_days' };
}

export interface RulePack {
  regime: Regime;
  label: string;
  /** Decisions dated from (inclusive) … to (inclusive, null = open). */
  decisionsFrom: IsoDate | null;
  decisionsTo: IsoDate | null;
  honors: Record<Honor, HonorRule>;
  rounding: RoundingRule;
  baseSalary: BaseSalaryEntry[];
  deadlines: DeadlineRule[];
  /** What the dossier pipeline (checklist, notices, clocks, sessions, decisions) reads. */
  pipeline: PipelineRules;
  /** The award fund and award items. */
  fund: FundRules;
  /** Overrides already merged in, for traceability (id@version). */
  appliedOverrides: string[];
}

// ---------------------------------------------------------------- evaluation I/O

export interface RatingEntry {
  year: number;
  rating: Rating;
}
export interface HonorEntry {
  year: number;
  honor: Honor;
  type?: CommendationType;
}
export interface InitiativeEntry {
  year: number;
  scope: InitiativeScope;
  used?: boolean;
}
export interface DisciplineEntry {
  year: number;
  level: Discipline;
}
export interface FactEntry {
  year: number;
  fact: Fact;
}

export interface MemberInput {
  ratings?: RatingEntry[];
  honors?: HonorEntry[];
  disciplines?: DisciplineEntry[];
}

export interface SubjectInput extends MemberInput {
  kind: SubjectKind;
  initiatives?: InitiativeEntry[];
  facts?: FactEntry[];
  /** Only for collectives. */
  members?: MemberInput[];
}

export interface EvaluateInput {
  decisionDate: IsoDate;
  year: number;
  honor: Honor;
  regime?: Regime;
  subject: SubjectInput;
  /** Truy tặng: the pack's posthumous rule applies and checks of current employment do not. */
  posthumous?: boolean;
}

export interface Reason {
  /** true = met, false = not met, null = data missing / needs confirmation. */
  ok: boolean | null;
  text: string;
  rule: string;
  article: string;
  verified: boolean;
}

export interface Money {
  coefficient: number;
  baseSalary: number;
  amount: number;
}

export interface EvaluateResult {
  eligible: boolean | null;
  regime: Regime;
  honor: Honor;
  year: number;
  reasons: Reason[];
  money: Money | null;
}

export type RuleErrorCode = 'subject_not_allowed' | 'no_coefficient' | 'no_base_salary' | 'bad_date' | 'override_not_allowed';

/** A rule-level error with a stable code and a Vietnamese message for the user. */
export class RuleError extends Error {
  constructor(
    readonly code: RuleErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RuleError';
  }
}
