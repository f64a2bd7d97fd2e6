import type { components } from './schema';
/** Plans, movements, registrations, pledges, the calendar and notifications (src/server/routes/plans). */
import { call, client, download, multipart, type BodyOf, type QueryOf } from './client';
import type { Me } from './auth';
import type { MovementInput, PlanInput, TaskStatus } from '../../shared/schemas/plans';

/** The user's abilities on this module's resources (sent with the session like the others). */
export function planAbilities(user: Me) {
  const a = user.abilities as unknown as Record<string, string[] | undefined>;
  const has = (r: string, x: string) => (a[r] ?? []).includes(x);
  return {
    plans: has('plan', 'read'),
    createPlan: has('plan', 'create'),
    movements: has('movement', 'read'),
    createMovement: has('movement', 'create'),
    register: has('registration', 'register'),
    registerUnit: has('registration', 'registerUnit'),
    rollup: has('registration', 'rollup'),
    reopen: has('registration', 'reopen'),
    pledge: has('registration', 'pledge'),
    readPledges: has('registration', 'readPledges'),
    calendar: has('calendar', 'read'),
    notifications: has('notification', 'read'),
  };
}

type S = components['schemas'];
export type Deadline = S['Deadline'];
export type PlanTask = S['PlanTask'];
export type UnitRef = PlanTask['leadUnits'][number];
export type PlanSummary = S['PlanSummary'];
export type Plan = S['Plan'];
export type TargetProgress = S['TargetProgress'];
export type MovementSummary = S['MovementSummary'];
export type Movement = S['Movement'];
/** A plan or a movement: the campaign registrations belong to. */
export interface CampaignRef {
  planId?: string;
  movementId?: string;
}
export type RegistrableHonor = S['RegistrableHonor'];
export type Sheet = S['RegistrationSheet'];
export type Rollup = S['RegistrationRollup'];
export type Notification = S['Notification'];
export type Notifications = S['NotificationList'];
export type Pledge = S['Pledge'];

const byId = (id: string) => ({ params: { path: { id } } });

export const listPlans = (query: QueryOf<'/api/plans'> = {}) => call(client.GET('/api/plans', { params: { query } }));
export const getPlan = (id: string) => call(client.GET('/api/plans/{id}', byId(id)));
export const createPlan = (input: PlanInput) => call(client.POST('/api/plans', { body: input }));
export const updatePlan = (id: string, input: PlanInput) => call(client.PUT('/api/plans/{id}', { ...byId(id), body: input }));
export const publishPlan = (id: string) => call(client.POST('/api/plans/{id}/publish', byId(id)));
export const copyPlan = (id: string, input: BodyOf<'/api/plans/{id}/copy'>) => call(client.POST('/api/plans/{id}/copy', { ...byId(id), body: input }));
export const setTaskProgress = (id: string, taskId: string, input: { status: TaskStatus; progress: number }) =>
  call(client.POST('/api/plans/{id}/tasks/{taskId}/progress', { params: { path: { id, taskId } }, body: input }));

export const listMovements = (query: QueryOf<'/api/movements'> = {}) => call(client.GET('/api/movements', { params: { query } }));
export const getMovement = (id: string) => call(client.GET('/api/movements/{id}', byId(id)));
export const createMovement = (input: MovementInput) => call(client.POST('/api/movements', { body: input }));
export const updateMovement = (id: string, input: MovementInput) => call(client.PUT('/api/movements/{id}', { ...byId(id), body: input }));
export const launchMovement = (id: string) => call(client.POST('/api/movements/{id}/launch', byId(id)));
export const closeMovement = (id: string) => call(client.POST('/api/movements/{id}/close', byId(id)));

export const getSheet = (c: CampaignRef, unitId: string) => call(client.GET('/api/registrations/sheet', { params: { query: { ...c, unitId } } }));
export const saveSheet = (input: BodyOf<'/api/registrations/sheet', 'put'>) => call(client.PUT('/api/registrations/sheet', { body: input }));
export const register = (input: BodyOf<'/api/registrations'>) => call(client.POST('/api/registrations', { body: input }));
export const listRegistrableHonors = (c: CampaignRef, subjectKind?: QueryOf<'/api/registrations/honors'>['subjectKind']) =>
  call(client.GET('/api/registrations/honors', { params: { query: { ...c, subjectKind } } }));
export const getRollup = (c: CampaignRef) => call(client.GET('/api/registrations/rollup', { params: { query: c } }));
export const reopenRegistration = (input: BodyOf<'/api/registrations/reopen'>) => call(client.POST('/api/registrations/reopen', { body: input }));
export const listPledges = (year?: number) => call(client.GET('/api/pledges', { params: { query: { year } } }));
export const uploadPledge = (form: FormData) => call(client.POST('/api/pledges', multipart(form)));

export const getCalendar = (query: QueryOf<'/api/calendar'>) => call(client.GET('/api/calendar', { params: { query } }));
export const getNotifications = () => call(client.GET('/api/notifications', { params: { query: { pageSize: 20 } } }));
export const markRead = (id: string) => call(client.POST('/api/notifications/{id}/read', byId(id)));
export const markAllRead = () => call(client.POST('/api/notifications/read-all'));

export const getPublic = async () => {
  const [plans, movements] = await Promise.all([
    call(client.GET('/api/public/plans', { params: { query: { pageSize: 200 } } })),
    call(client.GET('/api/public/movements', { params: { query: { pageSize: 200 } } })),
  ]);
  return { plans: plans.items, movements: movements.items };
};
export const getPublicPlan = (id: string) => call(client.GET('/api/public/plans/{id}', byId(id)));
export const getPublicMovement = (id: string) => call(client.GET('/api/public/movements/{id}', byId(id)));
export const exportPlans = (q: QueryOf<'/api/plans/export.xlsx'>) =>
  download(client.GET('/api/plans/export.xlsx', { params: { query: q }, parseAs: 'blob' }), 'ke-hoach.xlsx');
export const exportMovements = (q: QueryOf<'/api/movements/export.xlsx'>) =>
  download(client.GET('/api/movements/export.xlsx', { params: { query: q }, parseAs: 'blob' }), 'phong-trao.xlsx');
export const exportRollup = (c: CampaignRef) =>
  download(client.GET('/api/registrations/rollup/export.xlsx', { params: { query: c }, parseAs: 'blob' }), 'tong-hop-dang-ky.xlsx');
export const exportCalendar = (q: QueryOf<'/api/calendar/export.xlsx'>) =>
  download(client.GET('/api/calendar/export.xlsx', { params: { query: q }, parseAs: 'blob' }), 'lich-han.xlsx');

/** "Việc cần làm" of the signed-in account (GET /api/me/todo), computed by the server per role. */
export type Todo = S['Todo'];
export const getTodo = () => call(client.GET('/api/me/todo'));
