/**
 * Canonical codes (../shared/domain/codes.md). Binding vocabulary: codes never change once
 * shipped; labels are what users see.
 */

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
};

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
