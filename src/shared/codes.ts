/**
 * Canonical codes (../shared/domain/codes.md). Binding vocabulary: codes never change once
 * shipped; labels are what users see.
 */
import { formatNumberVi } from './format-vi.js';

export const REGIMES = ['ND91_2017', 'ND98_2023', 'ND152_2025'] as const;
export type Regime = (typeof REGIMES)[number];
export const REGIME_LABELS: Record<Regime, string> = {
  ND91_2017: 'Luật TĐKT 2003 (sđ 2005, 2013) + NĐ 91/2017/NĐ-CP + TT 12/2019/TT-BNV',
  ND98_2023: 'Luật TĐKT 06/2022/QH15 + NĐ 98/2023/NĐ-CP + TT 01/2024/TT-BNV',
  ND152_2025: 'Luật 06/2022/QH15 + NĐ 152/2025/NĐ-CP + NĐ 129/2025/NĐ-CP + TT 15/2025/TT-BNV',
};

export const SUBJECT_KINDS = ['individual', 'collective', 'household'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export const SUBJECT_KIND_LABELS: Record<SubjectKind, string> = {
  individual: 'Cá nhân',
  collective: 'Tập thể',
  household: 'Hộ gia đình',
};

export const RATINGS = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = {
  HTXSNV: 'Hoàn thành xuất sắc nhiệm vụ',
  HTTNV: 'Hoàn thành tốt nhiệm vụ',
  HTNV: 'Hoàn thành nhiệm vụ',
  KHTNV: 'Không hoàn thành nhiệm vụ',
};

/** Mildest first: the index is the severity. */
export const DISCIPLINES = ['khien_trach', 'canh_cao', 'ha_bac_luong', 'giang_chuc', 'cach_chuc', 'buoc_thoi_viec'] as const;
export type Discipline = (typeof DISCIPLINES)[number];
export const DISCIPLINE_LABELS: Record<Discipline, string> = {
  khien_trach: 'Khiển trách',
  canh_cao: 'Cảnh cáo',
  ha_bac_luong: 'Hạ bậc lương',
  giang_chuc: 'Giáng chức',
  cach_chuc: 'Cách chức',
  buoc_thoi_viec: 'Buộc thôi việc',
};

export const HONORS = [
  'LDTT',
  'CSTDCS',
  'CSTD_BO_TINH',
  'CSTD_TQ',
  'TTLDTT',
  'TTLDXS',
  'CO_BO_TINH',
  'CO_CP',
  'GK',
  'BK_BO_TINH',
  'BK_TTG',
  'HCLD3',
  'HCLD2',
  'HCLD1',
  'KNC',
  // Issue 19 concept 5: the hero titles (danh hiệu vinh dự nhà nước) and a Huân chương Lao động proposed with its class left to the deciding authority.
  'AHLD',
  'AHLLVTND',
  'HCLD',
] as const;
export type Honor = (typeof HONORS)[number];
export type HonorKind = 'title' | 'form';
export interface HonorInfo {
  label: string;
  kind: HonorKind;
  subjects: readonly SubjectKind[];
}
export const HONOR_INFO: Record<Honor, HonorInfo> = {
  LDTT: { label: 'Lao động tiên tiến', kind: 'title', subjects: ['individual'] },
  CSTDCS: { label: 'Chiến sĩ thi đua cơ sở', kind: 'title', subjects: ['individual'] },
  CSTD_BO_TINH: { label: 'Chiến sĩ thi đua bộ, ban, ngành, tỉnh', kind: 'title', subjects: ['individual'] },
  CSTD_TQ: { label: 'Chiến sĩ thi đua toàn quốc', kind: 'title', subjects: ['individual'] },
  TTLDTT: { label: 'Tập thể lao động tiên tiến', kind: 'title', subjects: ['collective'] },
  TTLDXS: { label: 'Tập thể lao động xuất sắc', kind: 'title', subjects: ['collective'] },
  CO_BO_TINH: { label: 'Cờ thi đua bộ, ban, ngành, tỉnh', kind: 'title', subjects: ['collective'] },
  CO_CP: { label: 'Cờ thi đua của Chính phủ', kind: 'title', subjects: ['collective'] },
  GK: { label: 'Giấy khen', kind: 'form', subjects: ['individual', 'collective', 'household'] },
  BK_BO_TINH: { label: 'Bằng khen bộ, ban, ngành, tỉnh', kind: 'form', subjects: ['individual', 'collective', 'household'] },
  BK_TTG: { label: 'Bằng khen của Thủ tướng Chính phủ', kind: 'form', subjects: ['individual', 'collective', 'household'] },
  HCLD3: { label: 'Huân chương Lao động hạng Ba', kind: 'form', subjects: ['individual', 'collective'] },
  HCLD2: { label: 'Huân chương Lao động hạng Nhì', kind: 'form', subjects: ['individual', 'collective'] },
  HCLD1: { label: 'Huân chương Lao động hạng Nhất', kind: 'form', subjects: ['individual', 'collective'] },
  KNC: { label: 'Kỷ niệm chương', kind: 'form', subjects: ['individual'] },
  AHLD: { label: 'Anh hùng Lao động', kind: 'title', subjects: ['individual', 'collective'] },
  AHLLVTND: { label: 'Anh hùng Lực lượng vũ trang nhân dân', kind: 'title', subjects: ['individual', 'collective'] },
  HCLD: { label: 'Huân chương Lao động', kind: 'form', subjects: ['individual', 'collective'] },
};

/**
 * An honor proposed without its class (hạng): the deciding authority sets one of these classes in its
 * decision. Until then the proposal counts in no statistics of a class.
 */
export const HONOR_CLASSES: Partial<Record<Honor, readonly Honor[]>> = { HCLD: ['HCLD3', 'HCLD2', 'HCLD1'] };
export const classUndecided = (h: Honor): boolean => HONOR_CLASSES[h] !== undefined;

/**
 * How a document names the award: "Truy tặng danh hiệu Anh hùng Lao động", "Truy tặng Huân chương Lao động hạng Ba"
 * for a deceased awardee (truy tặng), the plain label otherwise.
 */
export function awardWording(honor: Honor, posthumous: boolean): string {
  const info = HONOR_INFO[honor];
  if (!posthumous) return info.label;
  return `Truy tặng ${info.kind === 'title' ? 'danh hiệu ' : ''}${info.label}`;
}

/**
 * What a decision's Điều 1 does, from its awardees: "tặng Bằng khen …", "truy tặng danh hiệu Anh hùng
 * Lao động", or both ("tặng …, truy tặng …"); lower-case first, each label once.
 */
export function awardPhrase(items: readonly { honor: string; posthumous: boolean }[]): string {
  const label = (h: string) => (HONOR_INFO as Record<string, HonorInfo | undefined>)[h]?.label ?? h;
  const plain = [...new Set(items.filter((a) => !a.posthumous).map((a) => label(a.honor)))];
  const post = [...new Set(items.filter((a) => a.posthumous).map((a) => awardWording(a.honor as Honor, true).replace(/^Truy tặng /, '')))];
  return [plain.length ? `tặng ${plain.join(', ')}` : '', post.length ? `truy tặng ${post.join(', ')}` : ''].filter(Boolean).join(', ');
}

/** "Công trình phúc lợi (nhà văn hóa thôn) trị giá 1.500.000.000 đồng": an award in kind as documents print it. */
export function inKindText(description: string | null, value: number | null): string {
  if (!description) return '';
  return value === null ? description : `${description} trị giá ${formatNumberVi(value)} đồng`;
}

export const COMMENDATION_TYPES = ['cong_trang', 'chuyen_de', 'dot_xuat', 'cong_hien', 'nien_han', 'doi_ngoai'] as const;
export type CommendationType = (typeof COMMENDATION_TYPES)[number];
export const COMMENDATION_TYPE_LABELS: Record<CommendationType, string> = {
  cong_trang: 'Theo công trạng và thành tích đạt được',
  chuyen_de: 'Theo đợt hoặc chuyên đề',
  dot_xuat: 'Đột xuất',
  cong_hien: 'Quá trình cống hiến',
  nien_han: 'Theo niên hạn',
  doi_ngoai: 'Đối ngoại',
};

export const INITIATIVE_SCOPES = ['co_so', 'bo_tinh', 'toan_quoc'] as const;
export type InitiativeScope = (typeof INITIATIVE_SCOPES)[number];
export const INITIATIVE_SCOPE_LABELS: Record<InitiativeScope, string> = {
  co_so: 'Cấp cơ sở',
  bo_tinh: 'Cấp bộ, ban, ngành, tỉnh',
  toan_quoc: 'Toàn quốc',
};

/** Kinds of work recognised like an initiative (legal-rules.md §2: sáng kiến, đề tài NCKH đã nghiệm thu, giải pháp). */
export const INITIATIVE_KINDS = ['sang_kien', 'de_tai', 'giai_phap'] as const;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];
export const INITIATIVE_KIND_LABELS: Record<InitiativeKind, string> = {
  sang_kien: 'Sáng kiến',
  de_tai: 'Đề tài nghiên cứu khoa học đã nghiệm thu',
  giai_phap: 'Giải pháp',
};

/** An application for recognition (đơn yêu cầu công nhận sáng kiến) through a council round. */
export const INITIATIVE_STATUSES = ['submitted', 'recognised', 'refused', 'withdrawn'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];
export const INITIATIVE_STATUS_LABELS: Record<InitiativeStatus, string> = {
  submitted: 'Đã nộp, chờ Hội đồng',
  recognised: 'Được công nhận',
  refused: 'Không công nhận',
  withdrawn: 'Đã rút',
};

/** A round (đợt xét sáng kiến) of the initiative council: prepared, open (applications and scoring), closed. */
export const INITIATIVE_ROUND_STATUSES = ['draft', 'open', 'closed'] as const;
export type InitiativeRoundStatus = (typeof INITIATIVE_ROUND_STATUSES)[number];
export const INITIATIVE_ROUND_STATUS_LABELS: Record<InitiativeRoundStatus, string> = {
  draft: 'Đang chuẩn bị',
  open: 'Đang xét',
  closed: 'Đã kết thúc chấm điểm',
};

/** Why a council member does not score an initiative (recusal). */
export const INITIATIVE_CONFLICTS = ['author', 'same_unit', 'family', 'supervisor', 'other'] as const;
export type InitiativeConflict = (typeof INITIATIVE_CONFLICTS)[number];
export const INITIATIVE_CONFLICT_LABELS: Record<InitiativeConflict, string> = {
  author: 'Là tác giả, đồng tác giả',
  same_unit: 'Cùng đơn vị đề nghị',
  family: 'Quan hệ gia đình với tác giả',
  supervisor: 'Quan hệ cấp trên trực tiếp với tác giả',
  other: 'Lý do khác (tự khai)',
};

// ---- Organisation vocabulary (product-level, documented in docs/decisions) ----

export const UNIT_KINDS = ['agency', 'office', 'department', 'subordinate', 'union'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  agency: 'Cơ quan',
  office: 'Văn phòng',
  department: 'Phòng chuyên môn',
  subordinate: 'Đơn vị trực thuộc',
  union: 'Đoàn thể',
};

export const EMPLOYMENT_TYPES = ['cong_chuc', 'vien_chuc', 'nguoi_lao_dong', 'can_bo'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
export const EMPLOYMENT_TYPE_LABELS: Record<EmploymentType, string> = {
  can_bo: 'Cán bộ',
  cong_chuc: 'Công chức',
  vien_chuc: 'Viên chức',
  nguoi_lao_dong: 'Người lao động',
};

export const GENDERS = ['nam', 'nu'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { nam: 'Nam', nu: 'Nữ' };

export const ROLES = ['admin', 'clerk', 'office', 'council', 'head', 'staff'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  clerk: 'Cán bộ phụ trách TĐKT đơn vị',
  office: 'Thường trực Hội đồng (Văn phòng)',
  council: 'Thành viên Hội đồng',
  head: 'Lãnh đạo',
  staff: 'Cá nhân',
};

export const COUNCIL_KINDS = ['tdkt', 'sang_kien'] as const;
export type CouncilKind = (typeof COUNCIL_KINDS)[number];
export const COUNCIL_KIND_LABELS: Record<CouncilKind, string> = {
  tdkt: 'Hội đồng Thi đua - Khen thưởng',
  sang_kien: 'Hội đồng Sáng kiến',
};

export const COUNCIL_POSITIONS = ['chu_tich', 'pho_chu_tich', 'uy_vien', 'thu_ky'] as const;
export type CouncilPosition = (typeof COUNCIL_POSITIONS)[number];
export const COUNCIL_POSITION_LABELS: Record<CouncilPosition, string> = {
  chu_tich: 'Chủ tịch',
  pho_chu_tich: 'Phó Chủ tịch',
  uy_vien: 'Ủy viên',
  thu_ky: 'Thư ký',
};

/** Cụm / khối thi đua (Law Art 16; legal-rules §9). */
export const CLUSTER_KINDS = ['cum', 'khoi'] as const;
export type ClusterKind = (typeof CLUSTER_KINDS)[number];
export const CLUSTER_KIND_LABELS: Record<ClusterKind, string> = { cum: 'Cụm thi đua', khoi: 'Khối thi đua' };

/** Items of a cluster's scoring table: a criterion (0..max), bonus points (0..max), minus points (min..0). */
export const CLUSTER_CRITERION_KINDS = ['criterion', 'bonus', 'minus'] as const;
export type ClusterCriterionKind = (typeof CLUSTER_CRITERION_KINDS)[number];
export const CLUSTER_CRITERION_KIND_LABELS: Record<ClusterCriterionKind, string> = { criterion: 'Tiêu chí', bonus: 'Điểm thưởng', minus: 'Điểm trừ' };

/** The scales a cluster's table is summed on. */
export const CLUSTER_SCALES = [100, 1000] as const;

/** Members' reports to the head: 6 months, year. */
export const CLUSTER_REPORT_PERIODS = ['h1', 'year'] as const;
export type ClusterReportPeriod = (typeof CLUSTER_REPORT_PERIODS)[number];
export const CLUSTER_REPORT_PERIOD_LABELS: Record<ClusterReportPeriod, string> = { h1: 'Báo cáo 6 tháng', year: 'Báo cáo năm' };

/** What a cluster's year-end meeting proposes (suy tôn): the leader for the Cờ, others for Bằng khen. */
export const CLUSTER_PROPOSAL_HONORS = ['CO_BO_TINH', 'CO_CP', 'BK_BO_TINH'] as const;

/** Questions, recommendations, complaints and denunciations about TĐKT work (issue 14). */
export const PETITION_KINDS = ['thac_mac', 'kien_nghi', 'khieu_nai', 'to_cao'] as const;
export type PetitionKind = (typeof PETITION_KINDS)[number];
export const PETITION_KIND_LABELS: Record<PetitionKind, string> = {
  thac_mac: 'Thắc mắc',
  kien_nghi: 'Kiến nghị',
  khieu_nai: 'Khiếu nại',
  to_cao: 'Tố cáo',
};

export const PETITION_STATUSES = ['received', 'assigned', 'info_requested', 'answered', 'closed'] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];
export const PETITION_STATUS_LABELS: Record<PetitionStatus, string> = {
  received: 'Đã tiếp nhận',
  assigned: 'Đang xử lý',
  info_requested: 'Chờ bổ sung thông tin',
  answered: 'Đã trả lời',
  closed: 'Đã kết thúc',
};

/** What a petition is about: the record it links to. */
export const PETITION_SUBJECTS = ['general', 'record', 'registration', 'dossier', 'decision', 'notice'] as const;
export type PetitionSubject = (typeof PETITION_SUBJECTS)[number];
export const PETITION_SUBJECT_LABELS: Record<PetitionSubject, string> = {
  general: 'Công tác thi đua, khen thưởng nói chung',
  record: 'Hồ sơ thi đua của cá nhân (xếp loại, danh hiệu)',
  registration: 'Đăng ký thi đua',
  dossier: 'Hồ sơ đề nghị khen thưởng',
  decision: 'Quyết định khen thưởng',
  notice: 'Thông báo công khai lấy ý kiến',
};

// Exemplars (điển hình tiên tiến), their stories and the public portal (issue 12).
export const EXEMPLAR_KINDS = ['person', 'collective', 'model'] as const;
export type ExemplarKind = (typeof EXEMPLAR_KINDS)[number];
export const EXEMPLAR_KIND_LABELS: Record<ExemplarKind, string> = {
  person: 'Cá nhân điển hình',
  collective: 'Tập thể điển hình',
  model: 'Mô hình, cách làm hay',
};

/** The four stages, in the only order they may be taken (seed 000: Phát hiện - Bồi dưỡng - Tổng kết - Nhân rộng). */
export const EXEMPLAR_STAGES = ['discovered', 'nurturing', 'summed_up', 'spreading'] as const;
export type ExemplarStage = (typeof EXEMPLAR_STAGES)[number];
export const EXEMPLAR_STAGE_LABELS: Record<ExemplarStage, string> = {
  discovered: 'Phát hiện',
  nurturing: 'Bồi dưỡng',
  summed_up: 'Tổng kết',
  spreading: 'Nhân rộng',
};

export const STORY_STATUSES = ['draft', 'approved', 'published', 'withdrawn'] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];
export const STORY_STATUS_LABELS: Record<StoryStatus, string> = {
  draft: 'Bản nháp',
  approved: 'Đã duyệt',
  published: 'Đã đăng',
  withdrawn: 'Đã gỡ',
};

/** What an agency may publish on the portal, each kind switched on or off. */
export const PUBLIC_KINDS = ['exemplar', 'story', 'decision'] as const;
export type PublicKind = (typeof PUBLIC_KINDS)[number];
export const PUBLIC_KIND_LABELS: Record<PublicKind, string> = {
  exemplar: 'Điển hình tiên tiến',
  story: 'Bài viết về điển hình',
  decision: 'Quyết định khen thưởng',
};

// ---------------------------------------------------------------- award fund and award items (issue 14)

/** The two funds kept apart: the TĐKT fund (NĐ 152/2025 Art 46; NĐ 98/2023 Art 50) and the bonus fund of NĐ 73/2024 Art 4. */
export const FUND_KINDS = ['tdkt', 'bonus'] as const;
export type FundKind = (typeof FUND_KINDS)[number];
export const FUND_KIND_LABELS: Record<FundKind, string> = {
  tdkt: 'Quỹ thi đua, khen thưởng',
  bonus: 'Quỹ tiền thưởng (NĐ 73/2024)',
};

/** What the budget allocation of a fund is capped by (the base the legal share applies to). */
export const FUND_CAP_BASES = ['recurrent_spending_delta', 'recurrent_spending_mountain', 'salary_fund'] as const;
export type FundCapBasis = (typeof FUND_CAP_BASES)[number];
export const FUND_CAP_BASIS_LABELS: Record<FundCapBasis, string> = {
  recurrent_spending_delta: 'Chi thường xuyên ngân sách (tỉnh đồng bằng, thành phố trực thuộc trung ương)',
  recurrent_spending_mountain: 'Chi thường xuyên ngân sách (miền núi, trung du, Tây Nguyên, vùng sâu, hải đảo)',
  salary_fund: 'Quỹ tiền lương theo ngạch, bậc (bộ, ngành trung ương)',
};

/** Lines of a fund's ledger (sổ quỹ). */
export const FUND_ENTRY_KINDS = ['budget', 'contribution', 'commitment', 'payment', 'return', 'organising'] as const;
export type FundEntryKind = (typeof FUND_ENTRY_KINDS)[number];
export const FUND_ENTRY_KIND_LABELS: Record<FundEntryKind, string> = {
  budget: 'Ngân sách cấp',
  contribution: 'Đóng góp, tài trợ',
  commitment: 'Tiền thưởng theo quyết định',
  payment: 'Chi tiền thưởng',
  return: 'Hoàn lại do hủy bỏ khen thưởng',
  organising: 'Chi tổ chức phong trào',
};

/** Kinds of award items (hiện vật khen thưởng) the inventory counts. */
export const AWARD_ITEM_KINDS = ['phoi_giay_khen', 'phoi_bang_khen', 'khung', 'ky_niem_chuong', 'co_thi_dua'] as const;
export type AwardItemKind = (typeof AWARD_ITEM_KINDS)[number];
export const AWARD_ITEM_KIND_LABELS: Record<AwardItemKind, string> = {
  phoi_giay_khen: 'Phôi Giấy khen',
  phoi_bang_khen: 'Phôi Bằng khen',
  khung: 'Khung Giấy khen, Bằng khen',
  ky_niem_chuong: 'Kỷ niệm chương',
  co_thi_dua: 'Cờ thi đua',
};

/** Movements of the inventory. */
export const AWARD_ITEM_MOVES = ['received', 'issued', 'spoiled', 'recalled'] as const;
export type AwardItemMove = (typeof AWARD_ITEM_MOVES)[number];
export const AWARD_ITEM_MOVE_LABELS: Record<AwardItemMove, string> = {
  received: 'Nhập kho',
  issued: 'Cấp phát',
  spoiled: 'Hỏng, hủy',
  recalled: 'Thu hồi',
};

/** Requests about an issued certificate: cấp lại (lost), cấp đổi (damaged or wrong). */
export const REISSUE_KINDS = ['cap_lai', 'cap_doi'] as const;
export type ReissueKind = (typeof REISSUE_KINDS)[number];
export const REISSUE_KIND_LABELS: Record<ReissueKind, string> = {
  cap_lai: 'Cấp lại (bị mất)',
  cap_doi: 'Cấp đổi (hư hỏng, sai thông tin)',
};

export const REISSUE_STATUSES = ['pending', 'done', 'refused'] as const;
export type ReissueStatus = (typeof REISSUE_STATUSES)[number];
export const REISSUE_STATUS_LABELS: Record<ReissueStatus, string> = {
  pending: 'Đang giải quyết',
  done: 'Đã cấp',
  refused: 'Từ chối',
};

/** Bodies an Office asks to confirm a candidate list (hiệp y): police, tax, social insurance, environment, the Party's inspection committee. */
export const CONSULTED_BODY_KINDS = ['cong_an', 'thue', 'bhxh', 'tnmt', 'dang_uy', 'khac'] as const;
export type ConsultedBodyKind = (typeof CONSULTED_BODY_KINDS)[number];
export const CONSULTED_BODY_KIND_LABELS: Record<ConsultedBodyKind, string> = {
  cong_an: 'Công an',
  thue: 'Cơ quan thuế',
  bhxh: 'Bảo hiểm xã hội',
  tnmt: 'Tài nguyên và môi trường',
  dang_uy: 'Ủy ban kiểm tra, cấp ủy Đảng',
  khac: 'Cơ quan khác',
};

/** A consultation request (xin ý kiến hiệp y): open while bodies answer, or cancelled. Whether it is complete or overdue is computed from the answers and the clock. */
export const CONSULTATION_STATUSES = ['open', 'cancelled'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];
export const CONSULTATION_STATUS_LABELS: Record<ConsultationStatus, string> = { open: 'Đang xin ý kiến', cancelled: 'Đã hủy' };

/** What a body's answer stands at: recorded (agree, disagree) or computed (pending before the deadline, no opinion after it). */
export const CONSULTATION_ANSWER_STATES = ['pending', 'agree', 'disagree', 'no_opinion'] as const;
export type ConsultationAnswerState = (typeof CONSULTATION_ANSWER_STATES)[number];
export const CONSULTATION_ANSWER_STATE_LABELS: Record<ConsultationAnswerState, string> = {
  pending: 'Chưa trả lời',
  agree: 'Đồng ý',
  disagree: 'Không đồng ý',
  no_opinion: 'Không có ý kiến (quá hạn)',
};
