/** Hiệp y (consultation of other bodies about a dossier's candidates) — see src/server/routes/consultations. */
import type { components } from './schema';
import { call, client, multipart, type BodyOf, type QueryOf } from './client';
import type { Me } from './auth';

type S = components['schemas'];
export type ConsultationSummary = S['ConsultationSummary'];
export type Consultation = S['Consultation'];
export type ConsultationAnswer = Consultation['answers'][number];
export type ConsultationDraft = S['ConsultationDraft'];
export type DossierConsultationResult = S['DossierConsultationResult'];
export type ConsultationInput = BodyOf<'/api/consultations'>;
export type ConsultationAnswerInput = BodyOf<'/api/consultations/{id}/answers'>;
export type ConsultationListQuery = QueryOf<'/api/consultations'>;

/** The hiệp y abilities of the signed-in user (sent with the session): the menu entry and the dossier's button. */
export function consultationAbilities(user: Me) {
  const granted: readonly string[] = user.abilities.consultation;
  return { read: granted.includes('read'), create: granted.includes('create') };
}

const byId = (id: string) => ({ params: { path: { id } } });

export const listConsultations = (query: ConsultationListQuery) => call(client.GET('/api/consultations', { params: { query } }));
export const getConsultation = (id: string) => call(client.GET('/api/consultations/{id}', byId(id)));
export const draftConsultation = (dossierId: string) => call(client.GET('/api/consultations/draft', { params: { query: { dossierId } } }));
export const dossierConsultationResult = (dossierId: string) => call(client.GET('/api/consultations/results', { params: { query: { dossierId } } }));
export const requestConsultation = (input: ConsultationInput) => call(client.POST('/api/consultations', { body: input }));
export const recordConsultationAnswer = (id: string, input: ConsultationAnswerInput) =>
  call(client.POST('/api/consultations/{id}/answers', { ...byId(id), body: input }));
export const attachConsultationAnswerFile = (id: string, answerId: string, form: FormData) =>
  call(client.POST('/api/consultations/{id}/answers/{answerId}/file', { params: { path: { id, answerId } }, ...multipart(form) }));
export const cancelConsultation = (id: string, reason: string, version: number) =>
  call(client.POST('/api/consultations/{id}/cancel', { ...byId(id), body: { reason, version } }));
export const consultationLetterUrl = (id: string) => `/api/consultations/${id}/letter`;
export const answerFileUrl = (id: string, answerId: string) => `/api/consultations/${id}/answers/${answerId}/file`;
