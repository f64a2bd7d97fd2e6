/** The nomination pipeline API: dossiers, council sessions, decisions, public notices (see src/server/routes/dossiers etc.). */
import { call, client, download, multipart, type BodyOf, type QueryOf } from './client';
import type { Me } from './types';
import type { CommendationType, Honor, SubjectKind } from '../../shared/codes';
import type { BallotChoice, DocumentKind, DossierCommand, DossierStatus } from '../../shared/dossiers';

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

const byId = (id: string) => ({ params: { path: { id } } });
const ofCandidate = (id: string, candidateId: string) => ({ params: { path: { id, candidateId } } });

export const listDossiers = (query: QueryOf<'/api/dossiers'>) => call<{ items: DossierSummary[]; total: number }>(client.GET('/api/dossiers', { params: { query } }));
export const getDossier = (id: string) => call<Dossier>(client.GET('/api/dossiers/{id}', byId(id)));
export const createDossier = (input: DossierInput) => call<Dossier>(client.POST('/api/dossiers', { body: input }));
export const updateDossier = (id: string, input: BodyOf<'/api/dossiers/{id}', 'put'>) => call<Dossier>(client.PUT('/api/dossiers/{id}', { ...byId(id), body: input }));
export const deleteDossier = (id: string) => call<{ ok: true }>(client.DELETE('/api/dossiers/{id}', byId(id)));
export const addCandidate = (id: string, input: BodyOf<'/api/dossiers/{id}/candidates'>) => call<Candidate>(client.POST('/api/dossiers/{id}/candidates', { ...byId(id), body: input }));
export const removeCandidate = (id: string, candidateId: string) => call<{ ok: true }>(client.DELETE('/api/dossiers/{id}/candidates/{candidateId}', ofCandidate(id, candidateId)));
export const addWrittenDocument = (id: string, input: BodyOf<'/api/dossiers/{id}/documents'>) => call<{ id: string }>(client.POST('/api/dossiers/{id}/documents', { ...byId(id), body: input }));
export const uploadDocument = (id: string, form: FormData) => call<{ id: string }>(client.POST('/api/dossiers/{id}/documents/upload', { ...byId(id), ...multipart(form) }));
export const removeDocument = (id: string, documentId: string) => call<{ ok: true }>(client.DELETE('/api/dossiers/{id}/documents/{documentId}', { params: { path: { id, documentId } } }));
export const dossierCommand = (id: string, command: 'submit' | 'withdraw' | 'receive', version?: number) => {
  const init = { ...byId(id), body: { version } };
  if (command === 'submit') return call<Dossier>(client.POST('/api/dossiers/{id}/submit', init));
  if (command === 'withdraw') return call<Dossier>(client.POST('/api/dossiers/{id}/withdraw', init));
  return call<Dossier>(client.POST('/api/dossiers/{id}/receive', init));
};
export const returnDossier = (id: string, reasons: string[]) => call<Dossier>(client.POST('/api/dossiers/{id}/return', { ...byId(id), body: { reasons } }));
export const appraiseCandidate = (id: string, candidateId: string, input: BodyOf<'/api/dossiers/{id}/candidates/{candidateId}/appraise'>) =>
  call<Candidate>(client.POST('/api/dossiers/{id}/candidates/{candidateId}/appraise', { ...ofCandidate(id, candidateId), body: input }));
export const forwardCandidate = (id: string, candidateId: string) => call<{ upwardDossierId: string }>(client.POST('/api/dossiers/{id}/candidates/{candidateId}/forward', { ...ofCandidate(id, candidateId), body: {} }));
export const forwardDossier = (id: string, receiverName: string) => call<Dossier>(client.POST('/api/dossiers/{id}/forward', { ...byId(id), body: { receiverName } }));
export const recordHigherDecision = (id: string, input: BodyOf<'/api/dossiers/{id}/higher-decision'>) =>
  call<{ id: string; numberText: string }>(client.POST('/api/dossiers/{id}/higher-decision', { ...byId(id), body: input }));
export const setSubmissionDeadline = (input: BodyOf<'/api/dossiers/deadlines'>) => call<{ dueDate: string }>(client.POST('/api/dossiers/deadlines', { body: input }));
export const grantExtension = (input: BodyOf<'/api/dossiers/extensions'>) => call<{ id: string }>(client.POST('/api/dossiers/extensions', { body: input }));
export const overdue = () => call<{ items: (DossierSummary & { clock: StepClock })[]; overdue: number }>(client.GET('/api/dossiers/overdue'));

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

export const listSessions = () => call<{ items: SessionSummary[] }>(client.GET('/api/sessions'));
export const sessionCandidates = () => call<{ items: ReadyCandidate[] }>(client.GET('/api/sessions/candidates'));
export const createSession = (input: BodyOf<'/api/sessions'>) => call<Session>(client.POST('/api/sessions', { body: input }));
export const getSession = (id: string) => call<Session>(client.GET('/api/sessions/{id}', byId(id)));
export const setAttendance = (id: string, presentMemberIds: string[]) => call<Session>(client.PUT('/api/sessions/{id}/attendance', { ...byId(id), body: { presentMemberIds } }));
export const openSession = (id: string) => call<Session>(client.POST('/api/sessions/{id}/open', byId(id)));
export const closeSession = (id: string) => call<Session>(client.POST('/api/sessions/{id}/close', byId(id)));
export const castBallot = (id: string, votes: { itemId: string; choice: BallotChoice }[]) => call<{ ok: true }>(client.POST('/api/sessions/{id}/ballots', { ...byId(id), body: { votes } }));
export const enterPaperBallots = (id: string, items: { itemId: string; approve: number; reject: number; abstain: number }[]) => call<Session>(client.POST('/api/sessions/{id}/paper-ballots', { ...byId(id), body: { items } }));

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
  awardees?: { id: string; displayName: string; positionText: string | null; honorLabel: string; amount: number; coefficient: number | null; revoked: boolean }[];
}
export const listDecisions = () => call<{ items: Decision[] }>(client.GET('/api/decisions'));
export const readyToDecide = () => call<{ items: ReadyCandidate[] }>(client.GET('/api/decisions/ready'));
export const getDecision = (id: string) => call<Decision>(client.GET('/api/decisions/{id}', byId(id)));
export const issueDecision = (input: BodyOf<'/api/decisions'>) => call<Decision>(client.POST('/api/decisions', { body: input }));
export const revokeDecision = (id: string, input: BodyOf<'/api/decisions/{id}/revoke'>) => call<Decision>(client.POST('/api/decisions/{id}/revoke', { ...byId(id), body: input }));

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
  comments?: { id: string; authorName: string; authorContact: string | null; content: string; createdAt: string; answer: string | null }[];
}
export const listPublicNotices = () => call<{ items: PublicNotice[] }>(client.GET('/api/public/notices'));
export const sendPublicComment = (id: string, input: BodyOf<'/api/public/notices/{id}/comments'>) => call<{ message: string }>(client.POST('/api/public/notices/{id}/comments', { ...byId(id), body: input }));
export const listNotices = () => call<{ items: PublicNotice[] }>(client.GET('/api/notices'));
export const getNotice = (id: string) => call<PublicNotice>(client.GET('/api/notices/{id}', byId(id)));
export const postNotice = (input: BodyOf<'/api/notices'>) => call<PublicNotice>(client.POST('/api/notices', { body: input }));
export const answerComment = (id: string, commentId: string, answer: string) => call<{ id: string }>(client.POST('/api/notices/{id}/comments/{commentId}/answer', { params: { path: { id, commentId } }, body: { answer } }));

export const exportDossiers = (q: QueryOf<'/api/dossiers/export.xlsx'>) => download(client.GET('/api/dossiers/export.xlsx', { params: { query: q }, parseAs: 'blob' }), 'ho-so.xlsx');
export const exportDecisions = (q: QueryOf<'/api/decisions/export.xlsx'> = {}) => download(client.GET('/api/decisions/export.xlsx', { params: { query: q }, parseAs: 'blob' }), 'so-quyet-dinh.xlsx');
