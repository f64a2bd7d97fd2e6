/** Plans, movements, registrations, pledges, the calendar and notifications (src/server/routes/plans). */
import { call, client, download, downloadPath, multipart, type BodyOf, type QueryOf } from './client';
import type { Me } from './types';
import type { Honor, SubjectKind } from '../../shared/codes';
import type { DeadlineInput, MovementInput, PlanInput, TaskStatus } from '../../shared/schemas/plans';

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
    calendar: has('calendar', 'read'),
    notifications: has('notification', 'read'),
  };
}

export interface UnitRef {
  unitId: string | null;
  name: string;
}
export interface Deadline {
  id: string;
  sourceType: string;
  sourceId: string;
  key: string;
  kind: string;
  kindLabel: string;
  title: string;
  dueDate: string;
  unitId: string;
  unitName: string | null;
  responsibleUnitId: string | null;
  audience: 'office' | 'units';
  note: string | null;
  link: string | null;
  status: string;
  overdue: boolean;
}
export interface PlanTask {
  id: string;
  quarter: number | null;
  seq: number;
  content: string;
  leadUnits: UnitRef[];
  supportUnits: UnitRef[];
  dueDate: string | null;
  status: TaskStatus;
  statusLabel: string;
  progress: number;
}
export interface PlanSummary {
  id: string;
  unitId: string;
  unitName: string | null;
  year: number;
  number: string | null;
  title: string;
  issuedDate: string | null;
  status: 'draft' | 'published';
  statusLabel: string;
  registrationDeadline: string | null;
  publishedAt: string | null;
  taskCount: number | null;
  abilities: string[];
}
export interface Plan extends PlanSummary {
  place: string | null;
  basis: string[];
  superiorPlanRef: string | null;
  superiorPlanId: string | null;
  copiedFromId: string | null;
  purpose: string | null;
  requirements: string | null;
  sections: { heading: string; body: string }[];
  organisation: { heading: string; body: string }[];
  recipients: string[];
  signerTitle: string | null;
  signerName: string | null;
  version: number;
  tasks: PlanTask[];
  deadlines: Deadline[];
  extraDeadlines?: DeadlineInput[];
}
export interface TargetProgress {
  base: number | null;
  registered: number;
  awarded: number;
  registeredPercent: number | null;
  awardedPercent: number | null;
  progress: number | null;
  achieved: boolean;
}
export interface MovementSummary {
  id: string;
  unitId: string;
  unitName: string | null;
  parentId: string | null;
  type: string;
  typeLabel: string;
  year: number;
  number: string | null;
  title: string;
  theme: string | null;
  startDate: string;
  endDate: string;
  registrationDeadline: string | null;
  status: 'draft' | 'launched' | 'closed';
  statusLabel: string;
  abilities: string[];
}
export interface Movement extends MovementSummary {
  basis: string | null;
  slogan: string | null;
  content: string | null;
  purpose: string | null;
  subjectsText: string | null;
  criteria: string | null;
  signerTitle: string | null;
  signerName: string | null;
  version: number;
  parent: { id: string; title: string } | null;
  participants: { id: string; name: string }[];
  targets: { id: string; subjectKind: SubjectKind; subjectKindLabel: string; honor: Honor | null; honorLabel: string | null; measure: 'share' | 'count'; value: number; valueMax: number | null; label: string; progress: TargetProgress | null }[];
  phases: { id: string; name: string; startDate: string; endDate: string; summingUpDeadline: string | null; content: string | null }[];
  honors: { id: string; honor: Honor; honorLabel: string; subjectKinds: SubjectKind[]; quota: number | null; quotaNote: string | null; criteria: string | null; minTargetShare: number | null; criteriaByDate: string | null; awardedBy: string | null; registered: number }[];
  deadlines: Deadline[];
  children: MovementSummary[];
  extraDeadlines?: DeadlineInput[];
}
export interface CampaignRef {
  planId?: string;
  movementId?: string;
}
export interface Sheet {
  campaign: { key: string; title: string; year: number; deadline: string | null; open: boolean; offered: Honor[] };
  unit: { id: string; name: string };
  collective: Honor[];
  people: { personId: string; fullName: string; position: string | null; honors: Honor[] }[];
}
export interface Rollup {
  campaign: { key: string; kind: string; id: string; title: string; year: number; deadline: string | null };
  units: { unitId: string; unitName: string; collective: Honor[]; individual: Record<string, number>; total: number }[];
  honors: { honor: Honor; label: string; total: number; quota: number | null; quotaNote: string | null; overQuota: boolean }[];
  reopenings: { id: string; unitId: string; unitName: string; until: string; reason: string; createdAt: string }[];
}
export interface Notification {
  id: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}
export interface Notifications {
  unread: number;
  mail: { configured: boolean; queued: number; sent: number; failed: number };
  items: Notification[];
}
export interface Pledge {
  id: string;
  unitId: string;
  unitName: string;
  year: number;
  title: string;
  parties: string[];
  signedDate: string;
  documentName: string | null;
  documentSize: number | null;
  documentUrl: string | null;
}

const byId = (id: string) => ({ params: { path: { id } } });

export const listPlans = (query: QueryOf<'/api/plans'> = {}) => call<{ items: PlanSummary[] }>(client.GET('/api/plans', { params: { query } }));
export const getPlan = (id: string) => call<Plan>(client.GET('/api/plans/{id}', byId(id)));
export const createPlan = (input: PlanInput) => call<Plan>(client.POST('/api/plans', { body: input }));
export const updatePlan = (id: string, input: PlanInput) => call<Plan>(client.PUT('/api/plans/{id}', { ...byId(id), body: input }));
export const publishPlan = (id: string) => call<Plan>(client.POST('/api/plans/{id}/publish', byId(id)));
export const copyPlan = (id: string, input: BodyOf<'/api/plans/{id}/copy'>) => call<Plan>(client.POST('/api/plans/{id}/copy', { ...byId(id), body: input }));
export const setTaskProgress = (id: string, taskId: string, input: { status: TaskStatus; progress: number }) =>
  call<Plan>(client.POST('/api/plans/{id}/tasks/{taskId}/progress', { params: { path: { id, taskId } }, body: input }));

export const listMovements = (query: QueryOf<'/api/movements'> = {}) => call<{ items: MovementSummary[] }>(client.GET('/api/movements', { params: { query } }));
export const getMovement = (id: string) => call<Movement>(client.GET('/api/movements/{id}', byId(id)));
export const createMovement = (input: MovementInput) => call<Movement>(client.POST('/api/movements', { body: input }));
export const updateMovement = (id: string, input: MovementInput) => call<Movement>(client.PUT('/api/movements/{id}', { ...byId(id), body: input }));
export const launchMovement = (id: string) => call<Movement>(client.POST('/api/movements/{id}/launch', byId(id)));
export const closeMovement = (id: string) => call<Movement>(client.POST('/api/movements/{id}/close', byId(id)));

export const getSheet = (c: CampaignRef, unitId: string) => call<Sheet>(client.GET('/api/registrations/sheet', { params: { query: { ...c, unitId } } }));
export const saveSheet = (input: BodyOf<'/api/registrations/sheet', 'put'>) => call<{ count: number }>(client.PUT('/api/registrations/sheet', { body: input }));
export const register = (input: BodyOf<'/api/registrations'>) => call<{ id: string }>(client.POST('/api/registrations', { body: input }));
export const getRollup = (c: CampaignRef) => call<Rollup>(client.GET('/api/registrations/rollup', { params: { query: c } }));
export const reopenRegistration = (input: BodyOf<'/api/registrations/reopen'>) => call<{ id: string }>(client.POST('/api/registrations/reopen', { body: input }));
export const listPledges = (year?: number) => call<{ items: Pledge[] }>(client.GET('/api/pledges', { params: { query: { year } } }));
export const uploadPledge = (form: FormData) => call<{ id: string }>(client.POST('/api/pledges', multipart(form)));

export const getCalendar = (query: QueryOf<'/api/calendar'>) => call<{ from: string; to: string; total: number; byDay: Record<string, number>; items: Deadline[] }>(client.GET('/api/calendar', { params: { query } }));
export const getNotifications = () => call<Notifications>(client.GET('/api/notifications', { params: { query: { limit: 20 } } }));
export const markRead = (id: string) => call<{ ok: true }>(client.POST('/api/notifications/{id}/read', byId(id)));
export const markAllRead = () => call<{ ok: true }>(client.POST('/api/notifications/read-all'));

export const getPublic = () => call<{ plans: PlanSummary[]; movements: MovementSummary[] }>(client.GET('/api/public/plans-movements'));
export const getPublicPlan = (id: string) => call<Plan>(client.GET('/api/public/plans/{id}', byId(id)));
export const getPublicMovement = (id: string) => call<Movement>(client.GET('/api/public/movements/{id}', byId(id)));
export const exportPlans = (q: QueryOf<'/api/plans/export.xlsx'>) => download(client.GET('/api/plans/export.xlsx', { params: { query: q }, parseAs: 'blob' }), 'ke-hoach.xlsx');
export const exportMovements = (q: QueryOf<'/api/movements/export.xlsx'>) => download(client.GET('/api/movements/export.xlsx', { params: { query: q }, parseAs: 'blob' }), 'phong-trao.xlsx');
export const exportRollup = (c: CampaignRef) => download(client.GET('/api/registrations/rollup/export.xlsx', { params: { query: c }, parseAs: 'blob' }), 'tong-hop-dang-ky.xlsx');
export const exportCalendar = (q: { from: string; to: string; unitId?: string }) => downloadPath('/api/calendar/export.xlsx', q, 'lich-han.xlsx');
