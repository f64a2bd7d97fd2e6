/**
 * The nomination dossier pipeline (hồ sơ đề nghị khen thưởng): ONE state machine for every type
 * of commendation. What differs between types is data (documents required, deadlines, who
 * decides), never the machine. Shared by server (guards) and browser (buttons, labels).
 */
import { HONOR_INFO, type CommendationType, type Honor, type SubjectKind } from './codes.js';

export const DOSSIER_STATUSES = ['draft', 'submitted', 'returned', 'withdrawn', 'received', 'appraising', 'in_council', 'reviewed', 'forwarded', 'completed'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];
export const DOSSIER_STATUS_LABELS: Record<DossierStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã nộp, chờ tiếp nhận',
  returned: 'Bị trả lại, cần bổ sung',
  withdrawn: 'Đơn vị đã rút lại',
  received: 'Đã tiếp nhận',
  appraising: 'Đang thẩm định',
  in_council: 'Đang xét tại Hội đồng',
  reviewed: 'Hội đồng đã xét',
  forwarded: 'Đã trình cấp trên',
  completed: 'Đã hoàn thành',
};

/** Verb-named commands; each is one row of the transition table below. */
export const DOSSIER_COMMANDS = ['submit', 'withdraw', 'receive', 'return', 'appraise', 'schedule', 'unschedule', 'review', 'complete', 'forward', 'recordHigherDecision'] as const;
export type DossierCommand = (typeof DOSSIER_COMMANDS)[number];

export interface Transition {
  command: DossierCommand;
  from: readonly DossierStatus[];
  to: DossierStatus;
  label: string;
}

/** The one transition table. Anything not listed here is refused with a Vietnamese 409. */
export const DOSSIER_TRANSITIONS: readonly Transition[] = [
  { command: 'submit', from: ['draft', 'returned', 'withdrawn'], to: 'submitted', label: 'Nộp hồ sơ' },
  { command: 'withdraw', from: ['submitted'], to: 'withdrawn', label: 'Rút hồ sơ' },
  { command: 'receive', from: ['submitted'], to: 'received', label: 'Tiếp nhận hồ sơ' },
  { command: 'return', from: ['submitted', 'received', 'appraising'], to: 'returned', label: 'Trả lại hồ sơ' },
  { command: 'appraise', from: ['received', 'appraising'], to: 'appraising', label: 'Thẩm định' },
  { command: 'schedule', from: ['appraising'], to: 'in_council', label: 'Đưa ra Hội đồng' },
  { command: 'unschedule', from: ['in_council'], to: 'appraising', label: 'Rút khỏi chương trình họp' },
  { command: 'review', from: ['in_council'], to: 'reviewed', label: 'Hội đồng kết thúc xét' },
  { command: 'complete', from: ['reviewed'], to: 'completed', label: 'Hoàn thành' },
  // Consolidated dossiers of the parent level (level 'upward') go to a higher authority.
  { command: 'forward', from: ['draft'], to: 'forwarded', label: 'Trình cấp trên' },
  { command: 'recordHigherDecision', from: ['forwarded'], to: 'completed', label: 'Ghi nhận quyết định của cấp trên' },
];

/** Statuses in which the unit may still edit its dossier. */
export const EDITABLE_STATUSES: readonly DossierStatus[] = ['draft', 'returned', 'withdrawn'];

export function transitionFor(command: DossierCommand): Transition {
  const t = DOSSIER_TRANSITIONS.find((x) => x.command === command);
  if (!t) throw new Error(`unknown command ${command}`);
  return t;
}

/** The next status, or null when the machine does not allow the command from `from`. */
export function nextStatus(from: DossierStatus, command: DossierCommand): DossierStatus | null {
  const t = transitionFor(command);
  return t.from.includes(from) ? t.to : null;
}

/** Commands possible from a status (what the UI may offer, before role checks). */
export function commandsFrom(status: DossierStatus): DossierCommand[] {
  return DOSSIER_TRANSITIONS.filter((t) => t.from.includes(status)).map((t) => t.command);
}

// ------------------------------------------------------------------ candidates

export const CANDIDATE_OUTCOMES = ['pending', 'awarded', 'forwarded', 'not_awarded', 'revoked'] as const;
export type CandidateOutcome = (typeof CANDIDATE_OUTCOMES)[number];
export const CANDIDATE_OUTCOME_LABELS: Record<CandidateOutcome, string> = {
  pending: 'Đang xét',
  awarded: 'Đã khen thưởng',
  forwarded: 'Đã trình cấp trên',
  not_awarded: 'Không khen thưởng',
  revoked: 'Đã hủy bỏ khen thưởng',
};

// ------------------------------------------------------------------ documents and checklist

export const DOCUMENT_KINDS = ['to_trinh', 'bien_ban_hop_xet', 'bao_cao_thanh_tich', 'minh_chung', 'khac'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  to_trinh: 'Tờ trình đề nghị khen thưởng',
  bien_ban_hop_xet: 'Biên bản họp xét (kèm kết quả biểu quyết)',
  bao_cao_thanh_tich: 'Báo cáo thành tích',
  minh_chung: 'Minh chứng (giấy chứng nhận sáng kiến, đề tài…)',
  khac: 'Tài liệu khác',
};

export interface ChecklistRequirement {
  kind: DocumentKind;
  /** 'dossier' = once per dossier; 'candidate' = one per candidate needing it. */
  per: 'dossier' | 'candidate';
  label: string;
  article: string;
}

/** Honors whose dossier needs proof of an initiative / scientific work (Law Art 84 k1). */
const NEEDS_INITIATIVE_PROOF: readonly Honor[] = ['CSTDCS', 'CSTD_BO_TINH', 'CSTD_TQ'];

/**
 * Required documents per honor and type (legal-rules.md §8.1–8.2): data, not code paths.
 * The simplified procedure (đột xuất, Law Art 85) needs no review minutes.
 */
export function requirementsFor(honor: Honor, type: CommendationType): ChecklistRequirement[] {
  const out: ChecklistRequirement[] = [{ kind: 'to_trinh', per: 'dossier', label: DOCUMENT_KIND_LABELS.to_trinh, article: 'Khoản 1 Điều 84 Luật TĐKT' }];
  if (type !== 'dot_xuat') out.push({ kind: 'bien_ban_hop_xet', per: 'dossier', label: DOCUMENT_KIND_LABELS.bien_ban_hop_xet, article: 'Khoản 1 Điều 84 Luật TĐKT' });
  out.push({ kind: 'bao_cao_thanh_tich', per: 'candidate', label: DOCUMENT_KIND_LABELS.bao_cao_thanh_tich, article: 'Khoản 1 Điều 84 Luật TĐKT' });
  if (NEEDS_INITIATIVE_PROOF.includes(honor)) out.push({ kind: 'minh_chung', per: 'candidate', label: 'Giấy chứng nhận sáng kiến / đề tài khoa học', article: 'Điểm d khoản 1 Điều 84 Luật TĐKT' });
  return out;
}

export interface ChecklistCandidate {
  id: string;
  displayName: string;
  honor: Honor;
}
export interface ChecklistDocument {
  kind: DocumentKind;
  candidateId: string | null;
}
export interface ChecklistItem {
  kind: DocumentKind;
  label: string;
  article: string;
  candidateId: string | null;
  candidateName: string | null;
  present: boolean;
}

/** The completeness checklist of a dossier: every requirement, present or missing. */
export function checklistFor(type: CommendationType, candidates: ChecklistCandidate[], documents: ChecklistDocument[]): { complete: boolean; items: ChecklistItem[]; missing: string[] } {
  const items: ChecklistItem[] = [];
  const dossierKinds = new Map<DocumentKind, ChecklistRequirement>();
  for (const c of candidates) {
    for (const r of requirementsFor(c.honor, type)) {
      if (r.per === 'dossier') {
        dossierKinds.set(r.kind, r);
        continue;
      }
      items.push({ kind: r.kind, label: r.label, article: r.article, candidateId: c.id, candidateName: c.displayName, present: documents.some((d) => d.kind === r.kind && d.candidateId === c.id) });
    }
  }
  const dossierItems: ChecklistItem[] = [...dossierKinds.values()].map((r) => ({ kind: r.kind, label: r.label, article: r.article, candidateId: null, candidateName: null, present: documents.some((d) => d.kind === r.kind) }));
  const all = [...dossierItems, ...items];
  const missing = all.filter((i) => !i.present).map((i) => (i.candidateName ? `${i.label} của ${i.candidateName}` : i.label));
  if (candidates.length === 0) missing.unshift('Danh sách đề nghị khen thưởng (chưa có ai)');
  return { complete: missing.length === 0, items: all, missing };
}

// ------------------------------------------------------------------ public notice, clocks

/**
 * Honors whose nominees are posted publicly before the decision (Law Art 84 k5; ND98 Art 46 k2:
 * Huân chương and state honorary titles; ND91 Art 45 k10 adds CSTĐ toàn quốc).
 */
export const NOTICE_REQUIRED_HONORS: readonly Honor[] = ['HCLD1', 'HCLD2', 'HCLD3', 'CSTD_TQ'];
export const NOTICE_MIN_WORKING_DAYS = 10;

/** Working-day limits per step (QĐ 311/QĐ-BNV: return an ineligible dossier within 5 working days; appraise within 20). */
export const STEP_LIMITS: Partial<Record<DossierStatus, { workingDays: number; label: string; article: string }>> = {
  submitted: { workingDays: 5, label: 'Tiếp nhận hoặc trả lại hồ sơ', article: 'QĐ 311/QĐ-BNV (05 ngày làm việc)' },
  received: { workingDays: 20, label: 'Thẩm định hồ sơ', article: 'Điều 32 NĐ 98/2023/NĐ-CP (20 ngày làm việc)' },
  appraising: { workingDays: 20, label: 'Thẩm định, trình Hội đồng', article: 'Điều 32 NĐ 98/2023/NĐ-CP (20 ngày làm việc)' },
  reviewed: { workingDays: 10, label: 'Ra quyết định hoặc trình cấp trên', article: 'QĐ 311/QĐ-BNV (10 ngày làm việc)' },
  returned: { workingDays: 5, label: 'Đơn vị bổ sung hồ sơ', article: 'Quy định của cơ quan (mặc định 05 ngày làm việc)' },
};

/** The honor levels a candidate may be lowered to (same subject kind; within the unit's usual chain). */
export function honorAllowsSubject(honor: Honor, kind: SubjectKind): boolean {
  return HONOR_INFO[honor].subjects.includes(kind);
}

// ------------------------------------------------------------------ council sessions

export const SESSION_STATUSES = ['draft', 'open', 'closed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = { draft: 'Chuẩn bị', open: 'Đang họp, bỏ phiếu', closed: 'Đã kết thúc' };
export const BALLOT_CHOICES = ['approve', 'reject', 'abstain'] as const;
export type BallotChoice = (typeof BALLOT_CHOICES)[number];
export const BALLOT_CHOICE_LABELS: Record<BallotChoice, string> = { approve: 'Đồng ý', reject: 'Không đồng ý', abstain: 'Không biểu quyết' };

/** Quorum: a session is valid with at least 2/3 of members present (example regulation, legal-rules.md §6). */
export const QUORUM_SHARE = 2 / 3;
export function quorumRequired(totalMembers: number): number {
  return Math.ceil(Math.round(QUORUM_SHARE * totalMembers * 1e9) / 1e9);
}

// ------------------------------------------------------------------ decisions

/** "12/QĐ-SKHCN" from the register number and the issuing unit's code (NĐ 30/2020 form). */
export function decisionNumberText(n: number, unitCode: string): string {
  return `${n}/${decisionSymbol(unitCode)}`;
}
export function decisionSymbol(unitCode: string): string {
  return `QĐ-${unitCode}`;
}
