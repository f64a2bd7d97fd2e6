/** Inspections of units' TĐKT work and training courses (src/server/routes/inspections, routes/trainings). */
import type { components } from './schema';
import { call, client, download, type BodyOf, type QueryOf } from './client';

type S = components['schemas'];
export type InspectionSummary = S['InspectionSummary'];
export type Inspection = S['Inspection'];
export type InspectionPlan = S['InspectionPlan'];
export type InspectionPlanSummary = S['InspectionPlanSummary'];
export type Course = S['TrainingCourse'];
export type CourseSummary = S['TrainingCourseSummary'];
export type UntrainedUnit = S['UntrainedUnit'];

const byId = (id: string) => ({ params: { path: { id } } });
const byFinding = (id: string, findingId: string) => ({ params: { path: { id, findingId } } });

export const listInspections = (query: QueryOf<'/api/inspections'> = {}) => call(client.GET('/api/inspections', { params: { query } }));
export const listInspectionPlans = (query: QueryOf<'/api/inspections/plans'> = {}) => call(client.GET('/api/inspections/plans', { params: { query } }));
export const getInspectionPlan = (id: string) => call(client.GET('/api/inspections/plans/{id}', byId(id)));
export const createInspectionPlan = (body: BodyOf<'/api/inspections/plans'>) => call(client.POST('/api/inspections/plans', { body }));
export const updateInspectionPlan = (id: string, body: BodyOf<'/api/inspections/plans/{id}', 'put'>) =>
  call(client.PUT('/api/inspections/plans/{id}', { ...byId(id), body }));
export const removeFinding = (id: string, findingId: string) =>
  call(client.DELETE('/api/inspections/{id}/findings/{findingId}', { params: { path: { id, findingId } } }));
export const approveInspectionPlan = (id: string) => call(client.POST('/api/inspections/plans/{id}/approve', byId(id)));
export const getInspection = (id: string) => call(client.GET('/api/inspections/{id}', byId(id)));
export const addFinding = (id: string, body: BodyOf<'/api/inspections/{id}/findings'>) =>
  call(client.POST('/api/inspections/{id}/findings', { ...byId(id), body }));
export const concludeInspection = (id: string, body: BodyOf<'/api/inspections/{id}/conclude'>) =>
  call(client.POST('/api/inspections/{id}/conclude', { ...byId(id), body }));
export const reportFollowUp = (id: string, findingId: string, report: string) =>
  call(client.POST('/api/inspections/{id}/findings/{findingId}/follow-up', { ...byFinding(id, findingId), body: { report } }));
export const reviewFollowUp = (id: string, findingId: string, accepted: boolean) =>
  call(client.POST('/api/inspections/{id}/findings/{findingId}/review', { ...byFinding(id, findingId), body: { accepted } }));
export const closeInspection = (id: string) => call(client.POST('/api/inspections/{id}/close', byId(id)));
export const downloadPlanDocument = (id: string) =>
  download(client.GET('/api/inspections/plans/{id}/document', { ...byId(id), parseAs: 'blob' }), 'ke-hoach-kiem-tra.docx');
export const downloadConclusion = (id: string) =>
  download(client.GET('/api/inspections/{id}/conclusion', { ...byId(id), parseAs: 'blob' }), 'ket-luan-kiem-tra.docx');

export const listTrainings = (query: QueryOf<'/api/trainings'> = {}) => call(client.GET('/api/trainings', { params: { query } }));
export const getTraining = (id: string) => call(client.GET('/api/trainings/{id}', byId(id)));
export const createTraining = (body: BodyOf<'/api/trainings'>) => call(client.POST('/api/trainings', { body }));
export const enrolParticipants = (id: string, body: BodyOf<'/api/trainings/{id}/participants'>) =>
  call(client.POST('/api/trainings/{id}/participants', { ...byId(id), body }));
export const updateParticipant = (id: string, participantId: string, body: BodyOf<'/api/trainings/{id}/participants/{participantId}', 'put'>) =>
  call(client.PUT('/api/trainings/{id}/participants/{participantId}', { params: { path: { id, participantId } }, body }));
export const updateTraining = (id: string, body: BodyOf<'/api/trainings/{id}', 'put'>) => call(client.PUT('/api/trainings/{id}', { ...byId(id), body }));
export const withdrawParticipant = (id: string, participantId: string) =>
  call(client.DELETE('/api/trainings/{id}/participants/{participantId}', { params: { path: { id, participantId } } }));
export const listUntrainedUnits = () => call(client.GET('/api/trainings/untrained-units', { params: { query: { pageSize: 200 } } }));
export const exportTrainings = () => download(client.GET('/api/trainings/export.xlsx', { params: { query: {} }, parseAs: 'blob' }), 'lop-tap-huan.xlsx');
export const exportParticipants = (id: string) =>
  download(client.GET('/api/trainings/{id}/participants.xlsx', { ...byId(id), parseAs: 'blob' }), 'hoc-vien.xlsx');
