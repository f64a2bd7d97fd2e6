/** Initiatives (sáng kiến), the initiative council's rounds, rubrics and score sheets (src/server/routes/initiatives). */
import type { components } from './schema';
import { call, client, download, multipart, type BodyOf, type QueryOf } from './client';
import type { Me } from './auth';

/** The user's abilities on initiatives (sent with the session). */
export function initiativeAbilities(user: Me) {
  const list = (user.abilities as unknown as Record<string, string[] | undefined>).initiative ?? [];
  return {
    read: list.includes('read'),
    create: list.includes('create'),
    manageRounds: list.includes('manageRounds'),
    assign: list.includes('assign'),
    decide: list.includes('decide'),
  };
}

type S = components['schemas'];
export type InitiativeSummary = S['InitiativeSummary'];
export type Initiative = S['Initiative'];
export type InitiativeRound = S['InitiativeRound'];
export type InitiativeRubric = S['InitiativeRubric'];
export type InitiativeScores = S['InitiativeScores'];
export type RoundSheet = S['InitiativeRoundSheet'];
export type InitiativeInput = BodyOf<'/api/initiatives'>;
export type ScoreInput = BodyOf<'/api/initiatives/{id}/scores'>;
export type RubricInput = BodyOf<'/api/initiative-rubrics'>;
export type RoundInput = BodyOf<'/api/initiative-rounds'>;
export type DossierInitiatives = S['DossierInitiatives'];

const byId = (id: string) => ({ params: { path: { id } } });

export const listInitiatives = (query: QueryOf<'/api/initiatives'> = {}) => call(client.GET('/api/initiatives', { params: { query } }));
export const getInitiative = (id: string) => call(client.GET('/api/initiatives/{id}', byId(id)));
export const submitInitiative = (input: InitiativeInput) => call(client.POST('/api/initiatives', { body: input }));
export const withdrawInitiative = (id: string) => call(client.POST('/api/initiatives/{id}/withdraw', byId(id)));
export const assignInitiative = (id: string, personIds: string[]) =>
  call(client.POST('/api/initiatives/{id}/assignments', { ...byId(id), body: { personIds } }));
export const declareConflict = (id: string, body: BodyOf<'/api/initiatives/{id}/conflicts'>) =>
  call(client.POST('/api/initiatives/{id}/conflicts', { ...byId(id), body }));
export const getScores = (id: string) => call(client.GET('/api/initiatives/{id}/scores', byId(id)));
export const scoreInitiative = (id: string, body: ScoreInput) => call(client.POST('/api/initiatives/{id}/scores', { ...byId(id), body }));
export const recogniseInitiative = (id: string, body: BodyOf<'/api/initiatives/{id}/recognise'>) =>
  call(client.POST('/api/initiatives/{id}/recognise', { ...byId(id), body }));
export const refuseInitiative = (id: string, reason: string) => call(client.POST('/api/initiatives/{id}/refuse', { ...byId(id), body: { reason } }));

export const listRounds = (query: QueryOf<'/api/initiative-rounds'> = {}) => call(client.GET('/api/initiative-rounds', { params: { query } }));
export const getRound = (id: string) => call(client.GET('/api/initiative-rounds/{id}', byId(id)));
export const createRound = (body: BodyOf<'/api/initiative-rounds'>) => call(client.POST('/api/initiative-rounds', { body }));
export const openRound = (id: string) => call(client.POST('/api/initiative-rounds/{id}/open', byId(id)));
export const closeRound = (id: string) => call(client.POST('/api/initiative-rounds/{id}/close', byId(id)));
export const getRoundSheet = (id: string) => call(client.GET('/api/initiative-rounds/{id}/sheet', byId(id)));
export const listRubrics = (query: QueryOf<'/api/initiative-rubrics'> = {}) => call(client.GET('/api/initiative-rubrics', { params: { query } }));
export const createRubric = (body: BodyOf<'/api/initiative-rubrics'>) => call(client.POST('/api/initiative-rubrics', { body }));

export const updateInitiative = (id: string, body: InitiativeInput) => call(client.PUT('/api/initiatives/{id}', { ...byId(id), body }));
export const updateRound = (id: string, body: BodyOf<'/api/initiative-rounds/{id}', 'put'>) =>
  call(client.PUT('/api/initiative-rounds/{id}', { ...byId(id), body }));
export const issueRecognition = (id: string, body: BodyOf<'/api/initiative-rounds/{id}/recognition'>) =>
  call(client.POST('/api/initiative-rounds/{id}/recognition', { ...byId(id), body }));
export const recordHigherRecognition = (id: string, body: BodyOf<'/api/initiatives/{id}/higher-recognition'>) =>
  call(client.POST('/api/initiatives/{id}/higher-recognition', { ...byId(id), body }));
export const downloadMinutes = (id: string) =>
  download(
    client.GET('/api/initiative-rounds/{id}/minutes', { params: { path: { id }, query: { format: 'docx' } }, parseAs: 'blob' }),
    'bien-ban-hoi-dong-sang-kien.docx',
  );
export const downloadScoreSheet = (id: string, personId: string) =>
  download(
    client.GET('/api/initiatives/{id}/score-sheets/{personId}', { params: { path: { id, personId }, query: { format: 'docx' } }, parseAs: 'blob' }),
    'phieu-cham-diem.docx',
  );
export const downloadDecision = (id: string) =>
  download(
    client.GET('/api/initiatives/{id}/decision', { params: { path: { id }, query: { format: 'docx' } }, parseAs: 'blob' }),
    'quyet-dinh-cong-nhan-sang-kien.docx',
  );
export const downloadCertificate = (id: string, format: 'pdf' | 'docx') =>
  download(
    client.GET('/api/initiatives/{id}/certificate', { params: { path: { id }, query: { format } }, parseAs: 'blob' }),
    `giay-chung-nhan-sang-kien.${format}`,
  );
export const listDossierInitiatives = (dossierId: string) => call(client.GET('/api/dossiers/{id}/initiatives', byId(dossierId)));
export const offerDossierInitiative = (dossierId: string, body: BodyOf<'/api/dossiers/{id}/initiatives'>) =>
  call(client.POST('/api/dossiers/{id}/initiatives', { ...byId(dossierId), body }));
export const withdrawDossierInitiative = (dossierId: string, initiativeId: string) =>
  call(client.DELETE('/api/dossiers/{id}/initiatives/{initiativeId}', { params: { path: { id: dossierId, initiativeId } } }));
export type InitiativeAttachment = S['InitiativeAttachment'];
export const addInitiativeAttachment = (id: string, form: FormData) =>
  call(client.POST('/api/initiatives/{id}/attachments', { ...byId(id), ...multipart(form) }));
export const removeInitiativeAttachment = (id: string, attachmentId: string) =>
  call(client.DELETE('/api/initiatives/{id}/attachments/{attachmentId}', { params: { path: { id, attachmentId } } }));
export const downloadInitiativeAttachment = (id: string, f: InitiativeAttachment) =>
  download(client.GET('/api/initiatives/{id}/attachments/{attachmentId}', { params: { path: { id, attachmentId: f.id } }, parseAs: 'blob' }), f.fileName);
