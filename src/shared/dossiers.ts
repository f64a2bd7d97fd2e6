/**
 * The nomination dossier pipeline (hồ sơ đề nghị khen thưởng): ONE state machine for every type
 * of commendation. What differs between types is data (documents required, deadlines, who
 * decides), never the machine. Shared by server (guards) and browser (buttons, labels).
 */
import { HONOR_INFO, type CommendationType, type Honor, type SubjectKind } from './codes.js';

export const DOSSIER_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'withdrawn',
  'received',
  'appraising',
  'in_council',
  'reviewed',
  'forwarded',
  'completed',
] as const;
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

/** Dossiers still moving through the pipeline (sent up, not yet completed nor back to a draft): the dashboard's "đang xử lý". */
export const DOSSIER_IN_PROGRESS: readonly DossierStatus[] = ['submitted', 'returned', 'received', 'appraising', 'in_council', 'reviewed', 'forwarded'];
/** List stages a filter can ask for. */
export const DOSSIER_STAGES = ['in_progress'] as const;

/** Verb-named commands; each is one row of the transition table below. */
export const DOSSIER_COMMANDS = [
  'submit',
  'withdraw',
  'receive',
  'return',
  'appraise',
  'schedule',
  'unschedule',
  'review',
  'complete',
  'forward',
  'recordHigherDecision',
] as const;
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
  /** false = UNVERIFIED in the legal catalog; the UI flags it. */
  verified: boolean;
}

/** The required documents of a candidate proposed for `honor` in a dossier of `type`. */
export type RequirementsOf = (honor: Honor, type: CommendationType) => ChecklistRequirement[];

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
  verified: boolean;
  candidateId: string | null;
  candidateName: string | null;
  present: boolean;
}

/**
 * The completeness checklist of a dossier: every requirement, present or missing. The server
 * passes the governing pack's requirements (`checklistRequirements(pack)`) so that the regime and
 * agency overrides decide what is required; the browser only shows the checklist the server sends.
 */
export function checklistFor(
  type: CommendationType,
  candidates: ChecklistCandidate[],
  documents: ChecklistDocument[],
  requirementsOf: RequirementsOf,
): { complete: boolean; items: ChecklistItem[]; missing: string[] } {
  const items: ChecklistItem[] = [];
  const dossierKinds = new Map<DocumentKind, ChecklistRequirement>();
  for (const c of candidates) {
    for (const r of requirementsOf(c.honor, type)) {
      if (r.per === 'dossier') {
        dossierKinds.set(r.kind, r);
        continue;
      }
      items.push({
        kind: r.kind,
        label: r.label,
        article: r.article,
        verified: r.verified,
        candidateId: c.id,
        candidateName: c.displayName,
        present: documents.some((d) => d.kind === r.kind && d.candidateId === c.id),
      });
    }
  }
  const dossierItems: ChecklistItem[] = [...dossierKinds.values()].map((r) => ({
    kind: r.kind,
    label: r.label,
    article: r.article,
    verified: r.verified,
    candidateId: null,
    candidateName: null,
    present: documents.some((d) => d.kind === r.kind),
  }));
  const all = [...dossierItems, ...items];
  const missing = all.filter((i) => !i.present).map((i) => (i.candidateName ? `${i.label} của ${i.candidateName}` : i.label));
  if (candidates.length === 0) missing.unshift('Danh sách đề nghị khen thưởng (chưa có ai)');
  return { complete: missing.length === 0, items: all, missing };
}

// ------------------------------------------------------------------ lowering

/** The honor levels a candidate may be lowered to (same subject kind; within the unit's usual chain). */
export function honorAllowsSubject(honor: Honor, kind: SubjectKind): boolean {
  return HONOR_INFO[honor].subjects.includes(kind);
}

// ------------------------------------------------------------------ council sessions

export const SESSION_STATUSES = ['draft', 'open', 'closed', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = {
  draft: 'Chuẩn bị',
  open: 'Đang họp, bỏ phiếu',
  closed: 'Đã kết thúc',
  cancelled: 'Đã hủy',
};
export const BALLOT_CHOICES = ['approve', 'reject', 'abstain'] as const;
export type BallotChoice = (typeof BALLOT_CHOICES)[number];
export const BALLOT_CHOICE_LABELS: Record<BallotChoice, string> = { approve: 'Đồng ý', reject: 'Không đồng ý', abstain: 'Không biểu quyết' };

/** Members needed out of `totalMembers` for a valid session at this quorum share. */
export function quorumRequired(totalMembers: number, share: number): number {
  return Math.ceil(Math.round(share * totalMembers * 1e9) / 1e9);
}

// ------------------------------------------------------------------ decisions

/** "12/QĐ-SKHCN" from the register number and the issuing unit's code (NĐ 30/2020 form). */
export function decisionNumberText(n: number, unitCode: string): string {
  return `${n}/${decisionSymbol(unitCode)}`;
}
export function decisionSymbol(unitCode: string): string {
  return `QĐ-${unitCode}`;
}

/** The date whose regime governs a dossier: the decision being prepared, or `today` (the Vietnamese day). */
export function regimeDateOf(d: { regimeDate: string | null }, today: string): string {
  return d.regimeDate ?? today;
}
