/** Petitions (thắc mắc, kiến nghị, khiếu nại, tố cáo) — see src/server/routes/petitions. */
import type { components } from './schema';
import { call, client, type BodyOf, type QueryOf } from './client';
import { solveProofOfWork, webSha256 } from '../../shared/proof-of-work';

type S = components['schemas'];
export type PetitionSummary = S['PetitionSummary'];
export type Petition = S['Petition'];
export type PublicPetition = S['PublicPetition'];
export type PetitionInput = BodyOf<'/api/petitions'>;

const byId = (id: string) => ({ params: { path: { id } } });

export const listPetitions = (query: QueryOf<'/api/petitions'>) => call(client.GET('/api/petitions', { params: { query } }));
export const getPetition = (id: string) => call(client.GET('/api/petitions/{id}', byId(id)));
export const submitPetition = (input: PetitionInput) => call(client.POST('/api/petitions', { body: input }));
export const listAssignees = () => call(client.GET('/api/petitions/assignees'));
export const assignPetition = (id: string, handlerId: string, version: number) =>
  call(client.POST('/api/petitions/{id}/assign', { ...byId(id), body: { handlerId, version } }));
export const requestPetitionInfo = (id: string, text: string, version: number) =>
  call(client.POST('/api/petitions/{id}/request-info', { ...byId(id), body: { text, version } }));
export const replyToPetition = (id: string, text: string) => call(client.POST('/api/petitions/{id}/reply', { ...byId(id), body: { text } }));
export const answerPetition = (id: string, answer: string, version: number) =>
  call(client.POST('/api/petitions/{id}/answer', { ...byId(id), body: { answer, version } }));
export const closePetition = (id: string, version: number) => call(client.POST('/api/petitions/{id}/close', { ...byId(id), body: { version } }));
export const attachmentUrl = (id: string, attachmentId: string) => `/api/petitions/${id}/attachments/${attachmentId}`;

export const sendPublicPetition = async (input: Omit<BodyOf<'/api/public/petitions'>, 'challenge'>) => {
  const c = await call(client.GET('/api/public/petitions/challenge'));
  const solution = await solveProofOfWork(c.nonce, c.difficulty, webSha256);
  return call(client.POST('/api/public/petitions', { body: { ...input, challenge: { nonce: c.nonce, solution } } }));
};
export const listPetitionAgencies = () => call(client.GET('/api/public/petitions/agencies'));
export const followPublicPetition = (code: string) => call(client.GET('/api/public/petitions/{code}', { params: { path: { code } } }));

/** Reads a File as base64 (the JSON body carries attachments). */
export function fileToBase64(f: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(typeof r.result === 'string' ? r.result.replace(/^data:[^,]*,/, '') : '');
    r.onerror = () => reject(new Error('Không đọc được tệp.'));
    r.readAsDataURL(f);
  });
}
