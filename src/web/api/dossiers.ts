/** The nomination pipeline API: dossiers, council sessions, decisions, public notices (see src/server/routes/dossiers etc.). */
import { api } from './client';
import type { Me } from './types';
import type { CommendationType, Honor, SubjectKind } from '../../shared/codes';
import type { BallotChoice, DocumentKind, DossierCommand, DossierStatus } from '../../shared/dossiers';
import { solveProofOfWork, webSha256 } from '../../shared/proof-of-work';

/** The pipeline's abilities of the signed-in user (sent by the server with the session). */
export function pipelineAbilities(user: Me) {
  const all = user.abilities as unknown as Record<string, string[] | undefined>;
  const has = (r: string, a: string) => (all[r] ?? []).includes(a);
  return {
    dossiers: has('dossier', 'read'),
    createDossier: has('dossier', 'create'),
    office: has('dossier', 'receive'),
    manageDeadlines: has('dossier', 'manageDeadlines'),
    sessions: has('session', 'read'),
    createSession: has('session', 'create'),
    paperBallots: has('session', 'enterPaperBallots'),
    closeSession: has('session', 'close'),
    decisions: has('decision', 'read'),
    issue: has('decision', 'issue'),
    revoke: has('decision', 'revoke'),
    record: has('decision', 'record'),
    forward: has('dossier', 'forward'),
    notices: has('notice', 'read'),
    postNotice: has('notice', 'post'),
  };
}

export interface StepClock {
  startedOn: string;
  limitDays: number;
  dueOn: string;
  usedDays: number;
  overdue: boolean;
  daysOver: number;
  step: string;
  article: string;
}

export interface DossierSummary {
  id: string;
  unitId: string;
  unitName: string;
  level: 'unit' | 'upward';
  receiverName: string | null;
  movementId: string | null;
  type: CommendationType;
  typeLabel: string;
  year: number;
  title: string;
  status: DossierStatus;
  statusLabel: string;
  revision: number;
  version: number;
  candidateCount: number;
  submittedAt: string | null;
  updatedAt: string;
  clock: StepClock | null;
  actions: DossierCommand[];
}

export interface Appraisal {
  eligible: boolean | null;
  reasons: { ok: boolean | null; text: string; article: string | null; verified: boolean }[];
  money: number | null;
}

export interface Candidate {
  id: string;
  subjectKind: SubjectKind;
  subjectKindLabel: string;
  personId: string | null;
  subjectUnitId: string | null;
  householdName: string | null;
  displayName: string;
  positionText: string | null;
  proposedHonor: Honor;
  proposedHonorLabel: string;
  honor: Honor;
  honorLabel: string;
  loweredReason: string | null;
  achievement: string | null;
  appraisalNote: string | null;
  appraisal: Appraisal | null;
  appraisedAt: string | null;
  councilResult: 'passed' | 'failed' | null;
  councilText: string | null;
  outcome: string;
  outcomeLabel: string;
  decisionId: string | null;
  /** Within its dossier: what the user may do to this candidate now (decided by the server). */
  actions?: ('update' | 'remove' | 'appraise' | 'forward')[];
}

export interface DossierDocument {
  id: string;
  kind: DocumentKind;
  kindLabel: string;
  candidateId: string | null;
  title: string;
  content: string | null;
  voteResult: string | null;
  fileName: string | null;
  mimeType: string | null;
  size: number | null;
  createdAt: string;
}

export interface Dossier extends DossierSummary {
  receiverUnitName: string | null;
  summary: string | null;
  returnReasons: string[];
  receivedAt: string | null;
  returnedAt: string | null;
  withdrawnAt: string | null;
  forwardedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  deadline: { dueDate: string | null; extensionUntil: string | null };
  editable: boolean;
  candidates: Candidate[];
  documents: DossierDocument[];
  checklist: { complete: boolean; missing: string[]; items: { kind: DocumentKind; label: string; article: string; candidateName: string | null; present: boolean }[] };
  versions: { revision: number; changes: string[]; createdAt: string }[];
}

export interface DossierInput {
  movementId?: string | null;
  type: CommendationType;
  year: number;
  title: string;
  summary?: string | null;
}

export const listDossiers = (q: { box?: 'all' | 'inbox' | 'mine'; status?: string; q?: string; page?: number; pageSize?: number }) =>
  api.get<{ items: DossierSummary[]; total: number }>('/api/dossiers', q);
export const getDossier = (id: string) => api.get<Dossier>(`/api/dossiers/${id}`);
export const createDossier = (input: DossierInput) => api.post<Dossier>('/api/dossiers', input);
export const updateDossier = (id: string, input: { title: string; summary?: string | null; version: number }) => api.put<Dossier>(`/api/dossiers/${id}`, input);
export const deleteDossier = (id: string) => api.del<{ ok: true }>(`/api/dossiers/${id}`);
export const addCandidate = (id: string, input: { subjectKind: SubjectKind; personId?: string; unitId?: string; householdName?: string; proposedHonor: Honor; achievement?: string; version?: number }) =>
  api.post<Candidate>(`/api/dossiers/${id}/candidates`, input);
export const removeCandidate = (id: string, candidateId: string) => api.del<{ ok: true }>(`/api/dossiers/${id}/candidates/${candidateId}`);
export const addWrittenDocument = (id: string, input: { kind: DocumentKind; candidateId?: string | null; title?: string | null; content: string; voteResult?: string | null }) =>
  api.post<{ id: string }>(`/api/dossiers/${id}/documents`, input);
export const uploadDocument = (id: string, form: FormData) => api.upload<{ id: string }>(`/api/dossiers/${id}/documents/upload`, form);
export const removeDocument = (id: string, documentId: string) => api.del<{ ok: true }>(`/api/dossiers/${id}/documents/${documentId}`);
export const dossierCommand = (id: string, command: 'submit' | 'withdraw' | 'receive', version?: number) => api.post<Dossier>(`/api/dossiers/${id}/${command}`, { version });
export const returnDossier = (id: string, reasons: string[]) => api.post<Dossier>(`/api/dossiers/${id}/return`, { reasons });
export const appraiseCandidate = (id: string, candidateId: string, input: { note?: string | null; lowerTo?: Honor | null; lowerReason?: string | null }) =>
  api.post<Candidate>(`/api/dossiers/${id}/candidates/${candidateId}/appraise`, input);
export const forwardCandidate = (id: string, candidateId: string) => api.post<{ upwardDossierId: string }>(`/api/dossiers/${id}/candidates/${candidateId}/forward`, {});
export const forwardDossier = (id: string, receiverName: string) => api.post<Dossier>(`/api/dossiers/${id}/forward`, { receiverName });
export const recordHigherDecision = (id: string, input: { numberText: string; decisionDate: string; issuerName: string; signerName: string; signerTitle: string }) =>
  api.post<{ id: string; numberText: string }>(`/api/dossiers/${id}/higher-decision`, input);
export const setSubmissionDeadline = (input: { movementId: string; dueDate: string }) => api.post<{ dueDate: string }>('/api/dossiers/deadlines', input);
export const grantExtension = (input: { movementId: string; unitId: string; until: string; reason: string }) => api.post<{ id: string }>('/api/dossiers/extensions', input);
export const overdue = () => api.get<{ items: (DossierSummary & { clock: StepClock })[]; overdue: number }>('/api/dossiers/overdue');

// ------------------------------------------------------------------ sessions

export interface SessionSummary {
  id: string;
  councilId: string;
  councilName: string;
  title: string;
  meetingDate: string;
  location: string | null;
  status: 'draft' | 'open' | 'closed';
  statusLabel: string;
  totalMembers: number | null;
  itemCount: number;
  /** What the signed-in user may do to this session now (decided by the server). */
  abilities: ('read' | 'update' | 'open' | 'vote' | 'enterPaperBallots' | 'close')[];
}
export interface ItemResult {
  approve: number;
  reject: number;
  abstain: number;
  online: number;
  paper: number;
  eligible: number;
  totalMembers: number;
  required: number | null;
  passed: boolean;
  text: string;
}
export interface SessionItem {
  id: string;
  honor: Honor;
  honorLabel: string;
  dossierId: string;
  dossierTitle: string;
  unitName: string;
  candidate: Candidate;
  conflicts: { memberId: string; fullName: string; reason: string; recused: boolean }[];
  votedCount: number;
  paperCount: number;
  iVoted: boolean;
  iMayVote: boolean;
  result: ItemResult | null;
}
export interface Session extends SessionSummary {
  quorum: { present: number; total: number; required: number };
  attendance: { memberId: string; fullName: string; positionLabel: string; present: boolean }[];
  me: { memberId: string; present: boolean } | null;
  items: SessionItem[];
}
export type ReadyCandidate = Candidate & { dossierId: string; dossierTitle: string; unitName: string };

export const listSessions = () => api.get<{ items: SessionSummary[]; total: number }>('/api/sessions', { pageSize: 200 });
export const sessionCandidates = () => api.get<{ items: ReadyCandidate[] }>('/api/sessions/candidates');
export const createSession = (input: { councilId: string; title: string; meetingDate: string; location?: string | null; candidateIds: string[] }) => api.post<Session>('/api/sessions', input);
export const getSession = (id: string) => api.get<Session>(`/api/sessions/${id}`);
export const setAttendance = (id: string, presentMemberIds: string[]) => api.put<Session>(`/api/sessions/${id}/attendance`, { presentMemberIds });
export const openSession = (id: string) => api.post<Session>(`/api/sessions/${id}/open`);
export const closeSession = (id: string) => api.post<Session>(`/api/sessions/${id}/close`);
export const castBallot = (id: string, votes: { itemId: string; choice: BallotChoice }[]) => api.post<{ ok: true }>(`/api/sessions/${id}/ballots`, { votes });
export const enterPaperBallots = (id: string, items: { itemId: string; approve: number; reject: number; abstain: number }[]) => api.post<Session>(`/api/sessions/${id}/paper-ballots`, { items });

// ------------------------------------------------------------------ decisions

export interface Decision {
  id: string;
  kind: 'internal' | 'external';
  kindLabel: string;
  issuerName: string;
  numberText: string;
  decisionDate: string;
  title: string;
  signerName: string;
  signerTitle: string;
  regime: string;
  totalAmount: number;
  status: 'issued' | 'revoked';
  statusLabel: string;
  revokeReason: string | null;
  hasFile: boolean;
  awardeeCount?: number;
  certificateCount?: number;
  /** What the signed-in user may do to this decision (decided by the server). */
  abilities: ('read' | 'attachFile' | 'revoke' | 'issueCertificates' | 'printCertificates')[];
  awardees?: { id: string; displayName: string; positionText: string | null; honorLabel: string; amount: number; coefficient: number | null; revoked: boolean }[];
}
export const listDecisions = () => api.get<{ items: Decision[]; total: number }>('/api/decisions', { pageSize: 200 });
export const readyToDecide = () => api.get<{ items: ReadyCandidate[] }>('/api/decisions/ready');
export const getDecision = (id: string) => api.get<Decision>(`/api/decisions/${id}`);
export const issueDecision = (input: { candidateIds: string[]; decisionDate: string; signerName: string; signerTitle: string; title?: string | null }) => api.post<Decision>('/api/decisions', input);
export const revokeDecision = (id: string, input: { reason: string; awardeeIds?: string[] }) => api.post<Decision>(`/api/decisions/${id}/revoke`, input);

// ------------------------------------------------------------------ notices

export interface PublicNotice {
  id: string;
  title: string;
  body: string | null;
  unitName: string;
  startDate: string;
  endDate: string;
  workingDays: number;
  open: boolean;
  items: { candidateId: string; displayName: string; positionText: string | null; unitName: string; honorLabel: string; achievement: string | null }[];
  commentCount?: number;
  comments?: { id: string; authorName: string; authorContact: string | null; content: string; createdAt: string; answer: string | null; disposition?: 'spam' | 'duplicate' | null }[];
}
export const listPublicNotices = () => api.get<{ items: PublicNotice[] }>('/api/public/notices');
/** Fetches the anti-flood challenge, solves it in the browser (crypto.subtle), then sends the comment. */
export const sendPublicComment = async (id: string, input: { authorName: string; authorContact?: string; candidateId?: string | null; content: string }) => {
  const c = await api.get<{ nonce: string; difficulty: number }>(`/api/public/notices/${id}/challenge`);
  const solution = await solveProofOfWork(c.nonce, c.difficulty, webSha256);
  return api.post<{ message: string }>(`/api/public/notices/${id}/comments`, { ...input, challenge: { nonce: c.nonce, solution } });
};
export const listNotices = () => api.get<{ items: PublicNotice[] }>('/api/notices');
export const getNotice = (id: string) => api.get<PublicNotice>(`/api/notices/${id}`);
export const postNotice = (input: { candidateIds: string[]; title: string; body?: string | null; workingDays: number }) => api.post<PublicNotice>('/api/notices', input);
export const answerComment = (id: string, commentId: string, answer: string) => api.post<{ id: string }>(`/api/notices/${id}/comments/${commentId}/answer`, { answer });
