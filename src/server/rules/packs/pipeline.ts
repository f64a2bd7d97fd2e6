/**
 * The dossier pipeline's legal parameters as pack data: required documents (Law Art 84 k1), the
 * honors that need a public notice (Law Art 84 k5; ND91 Art 45 k10; ND98 Art 46 k2), step time
 * limits, council quorum, the majority used where an honor has no vote threshold, the order of
 * honors (for lowering a proposal) and which unit kinds decide. Sources: legal-rules.md §3.1,
 * §4.4, §6, §8. Each regime builds its own from the articles that govern it.
 */
import type { Honor } from '../../../shared/codes.js';
import { DOCUMENT_KIND_LABELS } from '../../../shared/dossiers.js';
import {
  CONSULTATION_DEADLINE_ID,
  type ConsultationRules,
  type DeadlineRule,
  type DocumentRequirement,
  type HonorOrderRule,
  type MajorityRule,
  type NoticeRequirement,
  type PetitionRules,
  type PipelineRules,
  type QuorumRule,
  type StepLimitRule,
  type UnitAuthorityRule,
} from '../types.js';

/** Honors whose dossier needs proof of an initiative / scientific work (Law Art 84 k1). */
export const INITIATIVE_PROOF_HONORS: readonly Honor[] = ['CSTDCS', 'CSTD_BO_TINH', 'CSTD_TQ'];

/** Rough order of honors; the law ranks titles and forms separately, so this is the system's. */
const RANKS: Record<Honor, number> = {
  LDTT: 1,
  TTLDTT: 1,
  KNC: 1,
  GK: 2,
  CSTDCS: 3,
  TTLDXS: 3,
  BK_BO_TINH: 4,
  CSTD_BO_TINH: 5,
  CO_BO_TINH: 5,
  BK_TTG: 6,
  CO_CP: 6,
  CSTD_TQ: 7,
  HCLD3: 7,
  HCLD2: 8,
  HCLD1: 9,
  // Class undecided: ranked as its lowest class; the hero titles above every order of this list.
  HCLD: 7,
  AHLD: 10,
  AHLLVTND: 10,
};

export interface PipelineSpec {
  /** Article of the dossier components (Law Art 84 k1, or the Old Law's). */
  dossierArticle: string;
  dossierVerified: boolean;
  /** The honors posted publicly, each with its source. */
  publicNotice: NoticeRequirement[];
  stepLimits: StepLimitRule[];
  /** Article of the authority of a unit's head (Law Art 80). */
  authorityArticle: string;
  authorityVerified: boolean;
  /** The law the order of honors refers to. */
  instrument: string;
}

function documents(article: string, verified: boolean): DocumentRequirement[] {
  return [
    { id: 'to_trinh', kind: 'to_trinh', per: 'dossier', label: DOCUMENT_KIND_LABELS.to_trinh, article, verified, byLaw: true },
    {
      id: 'bien_ban_hop_xet',
      kind: 'bien_ban_hop_xet',
      per: 'dossier',
      label: DOCUMENT_KIND_LABELS.bien_ban_hop_xet,
      exceptTypes: ['dot_xuat'],
      article,
      verified,
      byLaw: true,
      note: 'Thủ tục đơn giản (Điều 85 Luật) không cần biên bản họp xét; hệ thống áp dụng cho khen thưởng đột xuất',
    },
    { id: 'bao_cao_thanh_tich', kind: 'bao_cao_thanh_tich', per: 'candidate', label: DOCUMENT_KIND_LABELS.bao_cao_thanh_tich, article, verified, byLaw: true },
    {
      id: 'minh_chung_sang_kien',
      kind: 'minh_chung',
      per: 'candidate',
      label: 'Giấy chứng nhận sáng kiến / đề tài khoa học',
      honors: [...INITIATIVE_PROOF_HONORS],
      article,
      verified,
      byLaw: true,
    },
  ];
}

/** Working-day limits of the pipeline's steps. */
export function stepLimit(step: StepLimitRule['step'], workingDays: number, label: string, article: string, verified: boolean, note?: string): StepLimitRule {
  return { step, workingDays, label, article, verified, ...(note ? { note } : {}) };
}

/** Council quorum: no general rule found; the provincial example is 2/3 (legal-rules.md §3.1, §6). */
export const QUORUM_EXAMPLE: QuorumRule = {
  share: 2 / 3,
  article: 'Điều 8 QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh (ví dụ cấp tỉnh)',
  verified: false,
  note: 'Quy chế của từng Hội đồng quy định; phiên xét khen thưởng ở Bắc Ninh cần 80% thành viên có mặt. Cơ quan ghi đè theo quy chế của mình',
};

/** Where an honor has no vote threshold of its own: more than half of the total membership. */
export const MAJORITY_DEFAULT: MajorityRule = {
  share: 0.5,
  strict: true,
  article: 'Nguyên tắc biểu quyết quá bán (mặc định của hệ thống, chưa tìm thấy căn cứ)',
  verified: false,
  note: 'Áp dụng cho hình thức không có tỷ lệ biểu quyết riêng; tính trên tổng số thành viên Hội đồng',
};

/** Recognising an initiative: the example regulation asks ≥ 2/3 of the council's total members (legal-rules.md §6, §10). */
export const INITIATIVE_VOTE_EXAMPLE: MajorityRule = {
  share: 2 / 3,
  strict: false,
  article: 'QĐ 964/QĐ-BHXH năm 2024 (quy chế mẫu của một cơ quan; ND 13/2012 không quy định tỷ lệ)',
  verified: false,
  note: 'Quy chế sáng kiến của từng cơ quan quy định; tính trên tổng số thành viên Hội đồng sáng kiến của đợt xét',
};

function honorOrder(instrument: string): HonorOrderRule {
  return {
    ranks: { ...RANKS },
    article: `Điều 9, Điều 19–28 ${instrument}`,
    verified: false,
    note: 'Thứ tự do hệ thống sắp để chỉ cho phép hạ mức; pháp luật không xếp chung danh hiệu và hình thức',
  };
}

function unitAuthority(article: string, verified: boolean): UnitAuthorityRule[] {
  const none = 'Không có tư cách pháp nhân, con dấu riêng: trình thủ trưởng cơ quan quyết định';
  return [
    { unitKind: 'agency', who: 'thu_truong_don_vi', article, verified, note: 'Thủ trưởng cơ quan chuyên môn thuộc UBND tỉnh, đơn vị thuộc bộ' },
    {
      unitKind: 'subordinate',
      who: 'thu_truong_don_vi',
      article,
      verified: false,
      note: 'Đơn vị trực thuộc có tư cách pháp nhân: hệ thống coi là thủ trưởng đơn vị (chưa xác minh)',
    },
    { unitKind: 'office', who: null, article, verified: false, note: none },
    { unitKind: 'department', who: null, article, verified: false, note: none },
    { unitKind: 'union', who: null, article, verified: false, note: 'Đoàn thể khen thưởng theo điều lệ của mình, không ra quyết định của cơ quan' },
  ];
}

/** Assembles the pipeline parameters of one regime. */
/**
 * Time limits for petitions about TĐKT work (Luật TĐKT 2022 Art 92 refers complaints and
 * denunciations to the laws on them), counted by the system from the day of receipt, which is
 * stricter than the laws' "from acceptance" (thụ lý: within 10 days, Luật Khiếu nại Art 27; within
 * 7 working days, Luật Tố cáo Art 24, 29). The same in every regime.
 */
export const PETITION_RULES: PetitionRules = {
  limits: [
    {
      kind: 'khieu_nai',
      days: 30,
      unit: 'calendar',
      label: 'Giải quyết khiếu nại lần đầu',
      article: 'Điều 28 Luật Khiếu nại 2011',
      verified: true,
      note: 'Không quá 30 ngày kể từ ngày thụ lý; vụ việc phức tạp không quá 45 ngày (vùng sâu, vùng xa 45/60 ngày)',
    },
    {
      kind: 'to_cao',
      days: 30,
      unit: 'calendar',
      label: 'Giải quyết tố cáo',
      article: 'Điều 30 Luật Tố cáo 2018',
      verified: true,
      note: 'Không quá 30 ngày kể từ ngày thụ lý; phức tạp gia hạn 1 lần, đặc biệt phức tạp 2 lần, mỗi lần không quá 30 ngày',
    },
    {
      kind: 'kien_nghi',
      days: 15,
      unit: 'working',
      label: 'Trả lời kiến nghị',
      article: 'Quy chế làm việc của cơ quan (mặc định của hệ thống)',
      verified: false,
      note: 'Cơ quan ghi đè theo quy chế của mình',
    },
    {
      kind: 'thac_mac',
      days: 15,
      unit: 'working',
      label: 'Trả lời thắc mắc',
      article: 'Quy chế làm việc của cơ quan (mặc định của hệ thống)',
      verified: false,
      note: 'Cơ quan ghi đè theo quy chế của mình',
    },
  ],
  anonymousDenunciation: {
    allowed: true,
    article: 'Điều 25 Luật Tố cáo 2018',
    verified: false,
    note: 'Tố cáo không rõ họ tên được tiếp nhận như thông tin có nội dung tố cáo, kiểm tra khi có nội dung rõ ràng và chứng cứ cụ thể',
  },
};

/** The honors above the agency's own (Bằng khen, CSTĐ of a ministry or province and up): the Office asks for hiệp y. */
const CONSULTED_HONORS: readonly Honor[] = ['BK_BO_TINH', 'CSTD_BO_TINH', 'CO_BO_TINH', 'BK_TTG', 'CO_CP', 'CSTD_TQ', 'HCLD3', 'HCLD2', 'HCLD1'];

const CONSULTATION_PRACTICE = 'Hướng dẫn của Ban Thi đua – Khen thưởng Trung ương, cấp tỉnh về lấy ý kiến hiệp y (thực tiễn, chưa xác minh điều khoản)';

/**
 * Hiệp y (legal-rules.md has no verified article: QĐ 311/QĐ-BNV only says the BNV submits within 10
 * working days after the consulted bodies answer): individuals are confirmed by the police and the
 * Party's inspection committee; collectives (enterprises above all) by tax, social insurance and
 * environment. All `verified: false`; an agency overrides the days with `set_deadline`.
 */
export const CONSULTATION_RULES: ConsultationRules = {
  requirements: CONSULTED_HONORS.flatMap((honor) => [
    {
      honor,
      subject: 'individual' as const,
      bodies: ['cong_an' as const, 'dang_uy' as const],
      article: CONSULTATION_PRACTICE,
      verified: false,
      note: 'Chấp hành pháp luật, kỷ luật Đảng của cá nhân',
    },
    {
      honor,
      subject: 'collective' as const,
      bodies: ['thue' as const, 'bhxh' as const, 'tnmt' as const],
      article: CONSULTATION_PRACTICE,
      verified: false,
      note: 'Nghĩa vụ thuế, bảo hiểm xã hội, bảo vệ môi trường của tập thể (doanh nghiệp)',
    },
  ]),
  silence: {
    meaning: 'no_objection',
    article: 'Thực tiễn công văn xin ý kiến hiệp y: "quá thời hạn không có ý kiến trả lời coi như thống nhất" (chưa tìm thấy căn cứ pháp lý)',
    verified: false,
    note: 'Quá hạn mà cơ quan được hỏi không trả lời: ghi "không có ý kiến", không tính là ý kiến không đồng ý',
  },
};

/** How long consulted bodies have to answer: the system's default, in every regime (an agency sets its own). */
export const CONSULTATION_DEADLINE: DeadlineRule = {
  id: CONSULTATION_DEADLINE_ID,
  label: 'Cơ quan được xin ý kiến hiệp y trả lời trong 07 ngày làm việc',
  kind: 'working_days',
  days: 7,
  article: 'Quy chế làm việc của cơ quan (mặc định của hệ thống, chưa tìm thấy căn cứ)',
  verified: false,
  note: 'Cơ quan ghi đè theo quy chế của mình; Văn phòng cũng có thể đặt hạn riêng cho từng công văn',
};

export function pipelineRules(spec: PipelineSpec): PipelineRules {
  return {
    petitions: structuredClone(PETITION_RULES),
    documents: documents(spec.dossierArticle, spec.dossierVerified),
    publicNotice: spec.publicNotice,
    stepLimits: spec.stepLimits,
    quorum: { ...QUORUM_EXAMPLE },
    majority: { ...MAJORITY_DEFAULT },
    initiativeVote: { ...INITIATIVE_VOTE_EXAMPLE },
    honorOrder: honorOrder(spec.instrument),
    unitAuthority: unitAuthority(spec.authorityArticle, spec.authorityVerified),
    consultation: structuredClone(CONSULTATION_RULES),
  };
}
