/** Plans, movements, registrations, pledges, the calendar and notifications (src/server/routes/plans). */
import { api, apiRequest } from './client';
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
    readPledges: has('registration', 'readPledges'),
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
/** An honor the server says may be registered for in a campaign. */
export interface RegistrableHonor {
  honor: Honor;
  label: string;
  subjectKinds: SubjectKind[];
}
export interface Sheet {
  campaign: { key: string; title: string; year: number; deadline: string | null; open: boolean; offered: Honor[]; honors: RegistrableHonor[]; abilities: string[] };
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

export const listPlans = (q: { year?: number } = {}) => api.get<{ items: PlanSummary[] }>('/api/plans', q);
export const getPlan = (id: string) => api.get<Plan>(`/api/plans/${id}`);
export const createPlan = (input: PlanInput) => api.post<Plan>('/api/plans', input);
export const updatePlan = (id: string, input: PlanInput) => api.put<Plan>(`/api/plans/${id}`, input);
export const publishPlan = (id: string) => api.post<Plan>(`/api/plans/${id}/publish`);
export const copyPlan = (id: string, input: { unitId: string; year: number }) => api.post<Plan>(`/api/plans/${id}/copy`, input);
export const setTaskProgress = (id: string, taskId: string, input: { status: TaskStatus; progress: number }) => api.post<Plan>(`/api/plans/${id}/tasks/${taskId}/progress`, input);

export const listMovements = (q: { year?: number; status?: string } = {}) => api.get<{ items: MovementSummary[] }>('/api/movements', q);
export const getMovement = (id: string) => api.get<Movement>(`/api/movements/${id}`);
export const createMovement = (input: MovementInput) => api.post<Movement>('/api/movements', input);
export const updateMovement = (id: string, input: MovementInput) => api.put<Movement>(`/api/movements/${id}`, input);
export const launchMovement = (id: string) => api.post<Movement>(`/api/movements/${id}/launch`);
export const closeMovement = (id: string) => api.post<Movement>(`/api/movements/${id}/close`);

export const getSheet = (c: CampaignRef, unitId: string) => api.get<Sheet>('/api/registrations/sheet', { ...c, unitId });
export const saveSheet = (input: CampaignRef & { unitId: string; collective: Honor[]; people: { personId: string; honors: Honor[] }[] }) => api.put<{ count: number }>('/api/registrations/sheet', input);
export const listRegistrableHonors = (c: CampaignRef, subjectKind?: SubjectKind) => api.get<{ items: RegistrableHonor[]; total: number }>('/api/registrations/honors', { ...c, subjectKind });
export const getRollup = (c: CampaignRef) => api.get<Rollup>('/api/registrations/rollup', { ...c });
export const reopenRegistration = (input: CampaignRef & { unitId: string; until: string; reason: string }) => api.post<{ id: string }>('/api/registrations/reopen', input);
export const listPledges = (year?: number) => api.get<{ items: Pledge[] }>('/api/pledges', { year });
export const uploadPledge = (form: FormData) => apiRequest<{ id: string }>('/api/pledges', { method: 'POST', form });

export const getCalendar = (q: { from: string; to: string; unitId?: string; pageSize?: number }) => api.get<{ from: string; to: string; total: number; byDay: Record<string, number>; items: Deadline[] }>('/api/calendar', q);
export const getNotifications = () => api.get<Notifications>('/api/notifications', { pageSize: 20 });
export const markRead = (id: string) => api.post<{ ok: true }>(`/api/notifications/${id}/read`);
export const markAllRead = () => api.post<{ ok: true }>('/api/notifications/read-all');

export const getPublic = async () => {
  const [plans, movements] = await Promise.all([api.get<{ items: PlanSummary[] }>('/api/public/plans', { pageSize: 200 }), api.get<{ items: MovementSummary[] }>('/api/public/movements', { pageSize: 200 })]);
  return { plans: plans.items, movements: movements.items };
};
export const getPublicPlan = (id: string) => api.get<Plan>(`/api/public/plans/${id}`);
export const getPublicMovement = (id: string) => api.get<Movement>(`/api/public/movements/${id}`);
