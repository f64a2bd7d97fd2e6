/** The nomination pipeline API: dossiers, council sessions, decisions, public notices (see src/server/routes/dossiers etc.). */
import type { components } from './schema';
import { call, client, download, multipart, type BodyOf, type QueryOf } from './client';
import type { Me } from './auth';
import type { BallotChoice } from '../../shared/dossiers';
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
    answerNotice: has('notice', 'answer'),
  };
}

type S = components['schemas'];
export type StepClock = S['StepClock'];
export type DossierSummary = S['DossierSummary'];
export type Candidate = S['Candidate'];
export type Appraisal = NonNullable<Candidate['appraisal']>;
export type DossierDocument = S['DossierDocument'];
export type Dossier = S['Dossier'];
export type DossierInput = BodyOf<'/api/dossiers'>;

const byId = (id: string) => ({ params: { path: { id } } });
const ofCandidate = (id: string, candidateId: string) => ({ params: { path: { id, candidateId } } });

export const listDossiers = (query: QueryOf<'/api/dossiers'>) => call(client.GET('/api/dossiers', { params: { query } }));
export const getDossier = (id: string) => call(client.GET('/api/dossiers/{id}', byId(id)));
export const createDossier = (input: DossierInput) => call(client.POST('/api/dossiers', { body: input }));
export const updateDossier = (id: string, input: BodyOf<'/api/dossiers/{id}', 'put'>) => call(client.PUT('/api/dossiers/{id}', { ...byId(id), body: input }));
export const setDossierRegimeDate = (id: string, input: BodyOf<'/api/dossiers/{id}/regime-date', 'put'>) =>
  call(client.PUT('/api/dossiers/{id}/regime-date', { ...byId(id), body: input }));
export const deleteDossier = (id: string) => call(client.DELETE('/api/dossiers/{id}', byId(id)));
export const addCandidate = (id: string, input: BodyOf<'/api/dossiers/{id}/candidates'>) =>
  call(client.POST('/api/dossiers/{id}/candidates', { ...byId(id), body: input }));
export const removeCandidate = (id: string, candidateId: string) =>
  call(client.DELETE('/api/dossiers/{id}/candidates/{candidateId}', ofCandidate(id, candidateId)));
// Many candidates at once: the Excel list (preview, then commit of the valid rows), the eligible list, the registrations.
export type CandidateImportPreview = S['CandidateImportPreview'];
export type BulkCandidateResult = S['BulkCandidateResult'];
export type DossierEligibleList = S['DossierEligibleList'];
export const candidateImportTemplateUrl = (id: string) => `/api/dossiers/${id}/candidates/import/template.xlsx`;
export const previewCandidateImport = (id: string, form: FormData) =>
  call(client.POST('/api/dossiers/{id}/candidates/import/preview', { ...byId(id), ...multipart(form) }));
export const commitCandidateImport = (id: string, form: FormData) =>
  call(client.POST('/api/dossiers/{id}/candidates/import/commit', { ...byId(id), ...multipart(form) }));
export const dossierEligible = (id: string, honor: QueryOf<'/api/dossiers/{id}/candidates/eligible'>['honor']) =>
  call(client.GET('/api/dossiers/{id}/candidates/eligible', { params: { path: { id }, query: { honor } } }));
export const addCandidatesBulk = (id: string, body: BodyOf<'/api/dossiers/{id}/candidates/bulk'>) =>
  call(client.POST('/api/dossiers/{id}/candidates/bulk', { ...byId(id), body }));
export const addWrittenDocument = (id: string, input: BodyOf<'/api/dossiers/{id}/documents'>) =>
  call(client.POST('/api/dossiers/{id}/documents', { ...byId(id), body: input }));
export const uploadDocument = (id: string, form: FormData) => call(client.POST('/api/dossiers/{id}/documents/upload', { ...byId(id), ...multipart(form) }));
export const removeDocument = (id: string, documentId: string) =>
  call(client.DELETE('/api/dossiers/{id}/documents/{documentId}', { params: { path: { id, documentId } } }));
export const dossierCommand = (id: string, command: 'submit' | 'withdraw' | 'receive', version?: number) => {
  const init = { ...byId(id), body: { version } };
  if (command === 'submit') return call(client.POST('/api/dossiers/{id}/submit', init));
  if (command === 'withdraw') return call(client.POST('/api/dossiers/{id}/withdraw', init));
  return call(client.POST('/api/dossiers/{id}/receive', init));
};
export const returnDossier = (id: string, reasons: string[]) => call(client.POST('/api/dossiers/{id}/return', { ...byId(id), body: { reasons } }));
export const appraiseCandidate = (id: string, candidateId: string, input: BodyOf<'/api/dossiers/{id}/candidates/{candidateId}/appraise'>) =>
  call(client.POST('/api/dossiers/{id}/candidates/{candidateId}/appraise', { ...ofCandidate(id, candidateId), body: input }));
export const forwardCandidate = (id: string, candidateId: string) =>
  call(client.POST('/api/dossiers/{id}/candidates/{candidateId}/forward', { ...ofCandidate(id, candidateId), body: {} }));
export const forwardDossier = (id: string, receiverName: string) => call(client.POST('/api/dossiers/{id}/forward', { ...byId(id), body: { receiverName } }));
export const recordHigherDecision = (id: string, input: BodyOf<'/api/dossiers/{id}/higher-decision'>) =>
  call(client.POST('/api/dossiers/{id}/higher-decision', { ...byId(id), body: input }));
export const setSubmissionDeadline = (input: BodyOf<'/api/dossiers/deadlines'>) => call(client.POST('/api/dossiers/deadlines', { body: input }));
export const grantExtension = (input: BodyOf<'/api/dossiers/extensions'>) => call(client.POST('/api/dossiers/extensions', { body: input }));
export const listHolidays = (year: number) => call(client.GET('/api/dossiers/holidays', { params: { query: { year } } }));
export const setHoliday = (input: BodyOf<'/api/dossiers/holidays', 'put'>) => call(client.PUT('/api/dossiers/holidays', { body: input }));
export const overdue = () => call(client.GET('/api/dossiers/overdue'));

// ------------------------------------------------------------------ sessions

export type SessionSummary = S['SessionSummary'];
export type ItemResult = S['SessionItemResult'];
export type Session = S['Session'];
export type SessionItem = Session['items'][number];
export type ReadyCandidate = S['ReadyCandidate'];
export type AgendaCandidate = S['AgendaCandidate'];

export const listSessions = () => call(client.GET('/api/sessions', { params: { query: { pageSize: 200 } } }));
export const sessionCandidates = () => call(client.GET('/api/sessions/candidates'));
export const createSession = (input: BodyOf<'/api/sessions'>) => call(client.POST('/api/sessions', { body: input }));
export const getSession = (id: string) => call(client.GET('/api/sessions/{id}', byId(id)));
export const setAttendance = (id: string, presentMemberIds: string[]) =>
  call(client.PUT('/api/sessions/{id}/attendance', { ...byId(id), body: { presentMemberIds } }));
export const updateSession = (id: string, body: BodyOf<'/api/sessions/{id}', 'put'>) => call(client.PUT('/api/sessions/{id}', { ...byId(id), body }));
export const cancelSession = (id: string, reason: string) => call(client.POST('/api/sessions/{id}/cancel', { ...byId(id), body: { reason } }));
export const addSessionItems = (id: string, candidateIds: string[]) => call(client.POST('/api/sessions/{id}/items', { ...byId(id), body: { candidateIds } }));
export const removeSessionItem = (id: string, itemId: string) => call(client.DELETE('/api/sessions/{id}/items/{itemId}', { params: { path: { id, itemId } } }));
export const openSession = (id: string) => call(client.POST('/api/sessions/{id}/open', byId(id)));
export const closeSession = (id: string) => call(client.POST('/api/sessions/{id}/close', byId(id)));
export const castBallot = (id: string, votes: { itemId: string; choice: BallotChoice }[]) =>
  call(client.POST('/api/sessions/{id}/ballots', { ...byId(id), body: { votes } }));
export const enterPaperBallots = (id: string, items: { itemId: string; approve: number; reject: number; abstain: number }[]) =>
  call(client.POST('/api/sessions/{id}/paper-ballots', { ...byId(id), body: { items } }));
export type SessionListVote = Session['listVotes'][number];
export const addSessionListVote = (id: string, body: BodyOf<'/api/sessions/{id}/list-votes'>) =>
  call(client.POST('/api/sessions/{id}/list-votes', { ...byId(id), body }));
export const removeSessionListVote = (id: string, listId: string) =>
  call(client.DELETE('/api/sessions/{id}/list-votes/{listId}', { params: { path: { id, listId } } }));
export const recordSessionListVote = (id: string, listId: string, body: BodyOf<'/api/sessions/{id}/list-votes/{listId}/result'>) =>
  call(client.POST('/api/sessions/{id}/list-votes/{listId}/result', { params: { path: { id, listId } }, body }));
export const recordSessionMinutes = (id: string, body: BodyOf<'/api/sessions/{id}/minutes', 'put'>) =>
  call(client.PUT('/api/sessions/{id}/minutes', { ...byId(id), body }));

// ------------------------------------------------------------------ decisions

export type Decision = S['Decision'];
export type DecisionAwardee = S['DecisionAwardee'];
export const listDecisions = () => call(client.GET('/api/decisions', { params: { query: { pageSize: 200 } } }));
export const readyToDecide = () => call(client.GET('/api/decisions/ready'));
export const getDecision = (id: string) => call(client.GET('/api/decisions/{id}', byId(id)));
export const issueDecision = (input: BodyOf<'/api/decisions'>) => call(client.POST('/api/decisions', { body: input }));
export const revokeDecision = (id: string, input: BodyOf<'/api/decisions/{id}/revoke'>) =>
  call(client.POST('/api/decisions/{id}/revoke', { ...byId(id), body: input }));
/** A higher authority's decision recorded on its own (no dossier), corrected, or deleted as a mistake. */
export type ExternalDecisionInput = BodyOf<'/api/decisions/external'>;
export const recordExternalDecision = (input: ExternalDecisionInput) => call(client.POST('/api/decisions/external', { body: input }));
export const updateExternalDecision = (id: string, input: BodyOf<'/api/decisions/{id}/external', 'put'>) =>
  call(client.PUT('/api/decisions/{id}/external', { ...byId(id), body: input }));
export const deleteExternalDecision = (id: string) => call(client.DELETE('/api/decisions/{id}', byId(id)));

// ------------------------------------------------------------------ notices

export type PublicNotice = S['PublicNotice'];
export type NoticeSummary = S['NoticeSummary'];
export type Notice = S['Notice'];
export const listPublicNotices = () => call(client.GET('/api/public/notices'));
/** One notice by its link, whatever its state (the portal shows a replaced or withdrawn notice as such). */
export const getPublicNotice = (id: string) => call(client.GET('/api/public/notices/{id}', byId(id)));
/** Fetches the anti-flood challenge, solves it in the browser (crypto.subtle), then sends the comment. */
export const sendPublicComment = async (id: string, input: Omit<BodyOf<'/api/public/notices/{id}/comments'>, 'challenge'>) => {
  const c = await call(client.GET('/api/public/notices/{id}/challenge', byId(id)));
  const solution = await solveProofOfWork(c.nonce, c.difficulty, webSha256);
  return call(client.POST('/api/public/notices/{id}/comments', { ...byId(id), body: { ...input, challenge: { nonce: c.nonce, solution } } }));
};
export const listNotices = () => call(client.GET('/api/notices'));
export const getNotice = (id: string) => call(client.GET('/api/notices/{id}', byId(id)));
export const postNotice = (input: BodyOf<'/api/notices'>) => call(client.POST('/api/notices', { body: input }));
export type NoticeInput = BodyOf<'/api/notices'>;
export const replaceNotice = (id: string, body: BodyOf<'/api/notices/{id}/replace'>) => call(client.POST('/api/notices/{id}/replace', { ...byId(id), body }));
export const withdrawNotice = (id: string, reason: string) => call(client.POST('/api/notices/{id}/withdraw', { ...byId(id), body: { reason } }));
/** Sets comments aside as spam or duplicates, answered together with one reason. */
export const setCommentsAside = (id: string, body: BodyOf<'/api/notices/{id}/comments/set-aside'>) =>
  call(client.POST('/api/notices/{id}/comments/set-aside', { ...byId(id), body }));
export const answerComment = (id: string, commentId: string, answer: string) =>
  call(client.POST('/api/notices/{id}/comments/{commentId}/answer', { params: { path: { id, commentId } }, body: { answer } }));

export const exportDossiers = (q: QueryOf<'/api/dossiers/export.xlsx'>) =>
  download(client.GET('/api/dossiers/export.xlsx', { params: { query: q }, parseAs: 'blob' }), 'ho-so.xlsx');
export const exportDecisions = (q: QueryOf<'/api/decisions/export.xlsx'> = {}) =>
  download(client.GET('/api/decisions/export.xlsx', { params: { query: q }, parseAs: 'blob' }), 'so-quyet-dinh.xlsx');

// ---- Báo cáo thành tích of a candidate

export type AchievementReport = S['AchievementReport'];
export type AchievementReportContent = S['AchievementReportContent'];
const reportPath = '/api/dossiers/{id}/candidates/{candidateId}/achievement-report' as const;

export const getAchievementReport = (id: string, candidateId: string) => call(client.GET(reportPath, ofCandidate(id, candidateId)));
export const saveAchievementReport = (id: string, candidateId: string, body: BodyOf<typeof reportPath, 'put'>) =>
  call(client.PUT(reportPath, { ...ofCandidate(id, candidateId), body }));
export const attachAchievementReport = (id: string, candidateId: string, version: number) =>
  call(client.POST(`${reportPath}/attach`, { ...ofCandidate(id, candidateId), body: { version } }));
export const downloadAchievementReport = (id: string, candidateId: string, format: 'docx' | 'pdf') =>
  download(client.GET(`${reportPath}.docx`, { params: { path: { id, candidateId }, query: { format } }, parseAs: 'blob' }), `bao-cao-thanh-tich.${format}`);
export const updateCandidate = (id: string, candidateId: string, input: BodyOf<'/api/dossiers/{id}/candidates/{candidateId}', 'put'>) =>
  call(client.PUT('/api/dossiers/{id}/candidates/{candidateId}', { ...ofCandidate(id, candidateId), body: input }));
