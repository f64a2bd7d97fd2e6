import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { PlanRow, PlanTaskRow } from '../repositories/plans.js';
import type { MovementRow } from '../repositories/movements.js';
import type { DeadlineRow } from '../repositories/deadlines.js';
import type { TargetProgress } from '../repositories/progress.js';
import type { movementHonors, movementPhases, movementTargets } from '../db/schema/index.js';
import { planAbilities } from '../policies/plan.js';
import { movementAbilities } from '../policies/movement.js';
import { campaignAbilities, campaignAcceptsRegistrations, registrableHonors, withinDeadline, type Campaign } from '../policies/registration.js';
import { HONOR_INFO, SUBJECT_KIND_LABELS, type Honor, type SubjectKind } from '../../shared/codes.js';
import {
  DAY_COUNT_KINDS,
  DEADLINE_KIND_LABELS,
  MOVEMENT_STATUS_LABELS,
  type DayCountKind,
  MOVEMENT_TYPE_LABELS,
  PLAN_STATUS_LABELS,
  TASK_STATUS_LABELS,
  type DeadlineInput,
  type DeadlineKind,
  type MovementStatus,
  type MovementType,
  type PlanStatus,
  type TaskStatus,
} from '../../shared/schemas/plans.js';
import { todayVn } from '../clock.js';
import { formatDateVi } from '../../shared/format-vi.js';
import { windowText } from '../deadlines/window.js';

const honorLabel = (h: string | null) => (h ? (HONOR_INFO[h as Honor]?.label ?? h) : null);
const abilities = z.array(z.string()).describe('Các thao tác tài khoản được làm với bản ghi này (theo vai trò, phạm vi và trạng thái)');

// ---------------------------------------------------------------- schemas (the API's shapes)

export const deadlineSchema = z
  .object({
    id: z.uuid(),
    sourceType: z.string(),
    sourceId: z.uuid(),
    key: z.string(),
    kind: z.string(),
    kindLabel: z.string(),
    title: z.string(),
    dueDate: z.string(),
    unitId: z.uuid(),
    unitName: z.string().nullable(),
    responsibleUnitId: z.uuid().nullable(),
    audience: z.string(),
    note: z.string().nullable(),
    link: z.string().nullable(),
    remindDays: z.array(z.number().int()).nullable(),
    status: z.string(),
    overdue: z.boolean(),
    startDate: z.string().nullable().describe('Ngày mở (thời hạn "từ ngày … đến hết ngày …"); null khi chỉ có hạn chót'),
    dayCountKind: z.enum(DAY_COUNT_KINDS).nullable().describe('Văn bản tính theo ngày (calendar) hay ngày làm việc (working)'),
    dayCount: z.number().int().nullable(),
    honors: z.array(z.string()).describe('Các danh hiệu, hình thức khen thưởng của thời hạn này; rỗng = mọi hình thức'),
    honorLabels: z.array(z.string()),
    windowText: z.string().describe('"từ ngày … đến hết ngày …" hoặc "trước ngày …"'),
    notYetOpen: z.boolean().describe('Chưa đến ngày mở'),
  })
  .meta({ id: 'Deadline' });
export type DeadlineJson = z.infer<typeof deadlineSchema>;

/** A deadline as the plan / movement editor sends it back (the "extra" deadlines of the record). */
export const extraDeadlineSchema = z
  .object({
    key: z.string().optional(),
    kind: z.string(),
    title: z.string(),
    dueDate: z.string(),
    audience: z.string(),
    responsibleUnitId: z.uuid().nullish(),
    note: z.string().nullish(),
    remindDays: z.array(z.number().int()).nullish(),
    startDate: z.string().nullish(),
    dayCountKind: z.enum(DAY_COUNT_KINDS).nullish(),
    dayCount: z.number().int().nullish(),
    honors: z.array(z.string()).optional(),
  })
  .meta({ id: 'ExtraDeadline' });

const unitRefSchema = z.object({ unitId: z.uuid().nullable(), name: z.string() });
const sectionSchema = z.object({ heading: z.string(), body: z.string() });

export const planTaskSchema = z
  .object({
    id: z.uuid(),
    quarter: z.number().int().nullable(),
    seq: z.number().int(),
    content: z.string(),
    leadUnits: z.array(unitRefSchema),
    supportUnits: z.array(unitRefSchema),
    dueDate: z.string().nullable(),
    status: z.string(),
    statusLabel: z.string(),
    progress: z.number().int(),
  })
  .meta({ id: 'PlanTask' });

export const planSummarySchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string().nullable(),
    year: z.number().int(),
    number: z.string().nullable(),
    title: z.string(),
    issuedDate: z.string().nullable(),
    status: z.string(),
    statusLabel: z.string(),
    registrationDeadline: z.string().nullable(),
    publishedAt: z.string().nullable(),
    taskCount: z.number().int().nullable(),
    abilities,
  })
  .meta({ id: 'PlanSummary' });
export type PlanSummaryJson = z.infer<typeof planSummarySchema>;

export const planSchema = planSummarySchema
  .extend({
    place: z.string().nullable(),
    basis: z.array(z.string()),
    superiorPlanRef: z.string().nullable(),
    superiorPlanId: z.uuid().nullable(),
    copiedFromId: z.uuid().nullable(),
    purpose: z.string().nullable(),
    requirements: z.string().nullable(),
    sections: z.array(sectionSchema),
    organisation: z.array(sectionSchema),
    recipients: z.array(z.string()),
    signerTitle: z.string().nullable(),
    signerName: z.string().nullable(),
    version: z.number().int(),
    tasks: z.array(planTaskSchema),
    deadlines: z.array(deadlineSchema),
    extraDeadlines: z.array(extraDeadlineSchema).optional().describe('Các thời hạn khác của kế hoạch, như khi soạn (chỉ khi xem một kế hoạch)'),
    warnings: z.array(z.string()).describe('Cảnh báo không chặn việc lưu (ví dụ kế hoạch ban hành trước ngày ban hành kế hoạch cấp trên); rỗng khi không có'),
  })
  .meta({ id: 'Plan' });
export type PlanJson = z.infer<typeof planSchema>;

export const targetProgressSchema = z
  .object({
    base: z.number().int().nullable(),
    registered: z.number().int(),
    awarded: z.number().int(),
    registeredPercent: z.number().nullable(),
    awardedPercent: z.number().nullable(),
    progress: z.number().nullable(),
    achieved: z.boolean(),
  })
  .meta({ id: 'TargetProgress' });

export const movementSummarySchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string().nullable(),
    parentId: z.uuid().nullable(),
    planId: z.uuid().nullable(),
    type: z.string(),
    typeLabel: z.string(),
    year: z.number().int(),
    number: z.string().nullable(),
    issuedDate: z.string().nullable().describe('Ngày ban hành văn bản phát động'),
    issuer: z.string().nullable().describe('Cơ quan ban hành (khi khác tên đơn vị phát động)'),
    title: z.string(),
    theme: z.string().nullable(),
    startDate: z.string(),
    endDate: z.string(),
    registrationDeadline: z.string().nullable(),
    registrationStartDate: z.string().nullable().describe('Ngày mở đăng ký thi đua'),
    status: z.string(),
    statusLabel: z.string(),
    launchedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    abilities,
  })
  .meta({ id: 'MovementSummary' });
export type MovementSummaryJson = z.infer<typeof movementSummarySchema>;

export const movementSchema = movementSummarySchema
  .extend({
    basis: z.string().nullable(),
    slogan: z.string().nullable(),
    content: z.string().nullable(),
    purpose: z.string().nullable(),
    subjectsText: z.string().nullable(),
    criteria: z.string().nullable(),
    signerTitle: z.string().nullable(),
    signerName: z.string().nullable(),
    version: z.number().int(),
    parent: z.object({ id: z.uuid(), title: z.string() }).nullable(),
    participants: z.array(z.object({ id: z.uuid(), name: z.string() })),
    targets: z.array(
      z.object({
        id: z.uuid(),
        subjectKind: z.string(),
        subjectKindLabel: z.string(),
        honor: z.string().nullable(),
        honorLabel: z.string().nullable(),
        measure: z.string(),
        value: z.number(),
        valueMax: z.number().nullable(),
        label: z.string(),
        progress: targetProgressSchema.nullable(),
      }),
    ),
    phases: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        startDate: z.string(),
        endDate: z.string(),
        summingUpDeadline: z.string().nullable(),
        content: z.string().nullable(),
      }),
    ),
    honors: z.array(
      z.object({
        id: z.uuid(),
        honor: z.string(),
        honorLabel: z.string().nullable(),
        subjectKinds: z.array(z.string()),
        quota: z.number().int().nullable(),
        quotaNote: z.string().nullable(),
        criteria: z.string().nullable(),
        minTargetShare: z.number().nullable(),
        criteriaByDate: z.string().nullable(),
        awardedBy: z.string().nullable(),
        registered: z.number().int(),
      }),
    ),
    deadlines: z.array(deadlineSchema),
    children: z.array(movementSummarySchema),
    extraDeadlines: z.array(extraDeadlineSchema).optional().describe('Các thời hạn khác của phong trào, như khi soạn (chỉ khi xem một phong trào)'),
  })
  .meta({ id: 'Movement' });
export type MovementJson = z.infer<typeof movementSchema>;

// ---------------------------------------------------------------- presenters

/** A record's owning unit as the presenters need it: its name (shown) and path (ownership). */
export interface OwnerUnit {
  name: string | null;
  path: string;
}

export function presentDeadline(d: DeadlineRow, unitName?: string | null): DeadlineJson {
  const today = todayVn();
  return {
    id: d.id,
    sourceType: d.sourceType,
    sourceId: d.sourceId,
    key: d.key,
    kind: d.kind,
    kindLabel: DEADLINE_KIND_LABELS[d.kind as DeadlineKind] ?? d.kind,
    title: d.title,
    dueDate: d.dueDate,
    unitId: d.unitId,
    unitName: unitName ?? null,
    responsibleUnitId: d.responsibleUnitId,
    audience: d.audience,
    note: d.note,
    link: d.link,
    remindDays: d.remindDays,
    status: d.status,
    overdue: d.status === 'open' && d.dueDate < today,
    startDate: d.startDate,
    dayCountKind: (DAY_COUNT_KINDS as readonly string[]).includes(d.dayCountKind ?? '') ? (d.dayCountKind as DayCountKind) : null,
    dayCount: d.dayCount,
    honors: d.honors,
    honorLabels: d.honors.map((h) => honorLabel(h) ?? h),
    windowText: windowText(d),
    notYetOpen: !!d.startDate && today < d.startDate,
  };
}

export function presentExtraDeadline(d: DeadlineInput): z.infer<typeof extraDeadlineSchema> {
  return d;
}

export function presentTask(t: PlanTaskRow): z.infer<typeof planTaskSchema> {
  return {
    id: t.id,
    quarter: t.quarter,
    seq: t.seq,
    content: t.content,
    leadUnits: t.leadUnits,
    supportUnits: t.supportUnits,
    dueDate: t.dueDate,
    status: t.status,
    statusLabel: TASK_STATUS_LABELS[t.status as TaskStatus] ?? t.status,
    progress: t.progress,
  };
}

export function presentPlanSummary(p: PlanRow, actor: Actor | null, unit: OwnerUnit, taskCount?: number, signed = false): PlanSummaryJson {
  return {
    id: p.id,
    unitId: p.unitId,
    unitName: unit.name,
    year: p.year,
    number: p.number,
    title: p.title,
    issuedDate: p.issuedDate,
    status: p.status,
    statusLabel: PLAN_STATUS_LABELS[p.status as PlanStatus] ?? p.status,
    registrationDeadline: p.registrationDeadline,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    taskCount: taskCount ?? null,
    abilities: actor ? planAbilities(actor, { status: p.status, unitPath: unit.path, signed }) : [],
  };
}

/** The superior plan a plan carries out, as far as its warnings need it. */
export type SuperiorPlan = Pick<PlanRow, 'number' | 'title' | 'issuedDate'>;

/**
 * What the plan's author should look at again, without refusing the plan: a plan dated before the superior
 * plan it carries out (it cannot carry out what was not issued yet; often a typing slip in a year or month).
 */
export function planWarnings(p: Pick<PlanRow, 'issuedDate'>, superior: SuperiorPlan | null): string[] {
  if (!p.issuedDate || !superior?.issuedDate || p.issuedDate >= superior.issuedDate) return [];
  const name = superior.number ? `Kế hoạch số ${superior.number}` : `kế hoạch "${superior.title}"`;
  return [
    `Ngày ban hành ${formatDateVi(p.issuedDate)} trước ngày ban hành kế hoạch cấp trên (${name} ngày ${formatDateVi(superior.issuedDate)}): kế hoạch thực hiện kế hoạch cấp trên thường ban hành sau kế hoạch đó. Hãy kiểm tra lại ngày ban hành.`,
  ];
}

export function presentPlan(
  p: PlanRow,
  actor: Actor | null,
  unit: OwnerUnit,
  tasks: PlanTaskRow[],
  deadlines: DeadlineRow[],
  superior: SuperiorPlan | null = null,
  signed = false,
): PlanJson {
  return {
    ...presentPlanSummary(p, actor, unit, tasks.length, signed),
    place: p.place,
    basis: p.basis,
    superiorPlanRef: p.superiorPlanRef,
    superiorPlanId: p.superiorPlanId,
    copiedFromId: p.copiedFromId,
    purpose: p.purpose,
    requirements: p.requirements,
    sections: p.sections,
    organisation: p.organisation,
    recipients: p.recipients,
    signerTitle: p.signerTitle,
    signerName: p.signerName,
    version: p.version,
    tasks: tasks.map(presentTask),
    deadlines: deadlines.map((d) => presentDeadline(d, unit.name)),
    warnings: planWarnings(p, superior),
  };
}

export function presentMovementSummary(m: MovementRow, actor: Actor | null, unit: OwnerUnit, signed = false): MovementSummaryJson {
  return {
    id: m.id,
    unitId: m.unitId,
    unitName: unit.name,
    parentId: m.parentId,
    planId: m.planId,
    type: m.type,
    typeLabel: MOVEMENT_TYPE_LABELS[m.type as MovementType] ?? m.type,
    year: m.year,
    number: m.number,
    issuedDate: m.issuedDate,
    issuer: m.issuer,
    title: m.title,
    theme: m.theme,
    startDate: m.startDate,
    endDate: m.endDate,
    registrationDeadline: m.registrationDeadline,
    registrationStartDate: m.registrationStartDate,
    status: m.status,
    statusLabel: MOVEMENT_STATUS_LABELS[m.status as MovementStatus] ?? m.status,
    launchedAt: m.launchedAt?.toISOString() ?? null,
    closedAt: m.closedAt?.toISOString() ?? null,
    abilities: actor ? movementAbilities(actor, { status: m.status, unitPath: unit.path, signed }) : [],
  };
}

export interface MovementDetailParts {
  targets: (typeof movementTargets.$inferSelect)[];
  phases: (typeof movementPhases.$inferSelect)[];
  honors: (typeof movementHonors.$inferSelect)[];
  participants: { id: string; name: string }[];
  deadlines: DeadlineRow[];
  progress: Map<string, TargetProgress>;
  honorCounts: Map<string, number>;
  children: { movement: MovementRow; unitName: string; unitPath: string }[];
  parent: { id: string; title: string } | null;
  /** Its Kế hoạch phong trào carries a digital signature. */
  signed?: boolean;
}

export function presentMovement(m: MovementRow, actor: Actor | null, unit: OwnerUnit, x: MovementDetailParts): MovementJson {
  return {
    ...presentMovementSummary(m, actor, unit, x.signed ?? false),
    basis: m.basis,
    slogan: m.slogan,
    content: m.content,
    purpose: m.purpose,
    subjectsText: m.subjectsText,
    criteria: m.criteria,
    signerTitle: m.signerTitle,
    signerName: m.signerName,
    version: m.version,
    parent: x.parent,
    participants: x.participants.map((p) => ({ id: p.id, name: p.name })),
    targets: x.targets.map((t) => ({
      id: t.id,
      subjectKind: t.subjectKind,
      subjectKindLabel: SUBJECT_KIND_LABELS[t.subjectKind as SubjectKind] ?? t.subjectKind,
      honor: t.honor,
      honorLabel: honorLabel(t.honor),
      measure: t.measure,
      value: t.value,
      valueMax: t.valueMax,
      label: t.label,
      progress: x.progress.get(t.id) ?? null,
    })),
    phases: x.phases.map((p) => ({
      id: p.id,
      name: p.name,
      startDate: p.startDate,
      endDate: p.endDate,
      summingUpDeadline: p.summingUpDeadline,
      content: p.content,
    })),
    honors: x.honors.map((h) => ({
      id: h.id,
      honor: h.honor,
      honorLabel: honorLabel(h.honor),
      subjectKinds: h.subjectKinds.length ? h.subjectKinds : [...(HONOR_INFO[h.honor as Honor]?.subjects ?? [])],
      quota: h.quota,
      quotaNote: h.quotaNote,
      criteria: h.criteria,
      minTargetShare: h.minTargetShare,
      criteriaByDate: h.criteriaByDate,
      awardedBy: h.awardedBy,
      registered: x.honorCounts.get(h.honor) ?? 0,
    })),
    deadlines: x.deadlines.map((d) => presentDeadline(d, unit.name)),
    // Children are shown as links; editing them happens on their own page.
    children: x.children.map((c) => presentMovementSummary(c.movement, actor, { name: c.unitName, path: c.unitPath })),
  };
}

// ---------------------------------------------------------------- registrations, pledges, calendar, notifications

/** An honor a subject may register for in a campaign, with the kinds of subject it is for. */
export const registrableHonorSchema = z.object({ honor: z.string(), label: z.string(), subjectKinds: z.array(z.string()) }).meta({ id: 'RegistrableHonor' });
export type RegistrableHonorJson = z.infer<typeof registrableHonorSchema>;

export function presentRegistrableHonor(h: Honor): RegistrableHonorJson {
  return { honor: h, label: HONOR_INFO[h].label, subjectKinds: [...HONOR_INFO[h].subjects] };
}

export const campaignSchema = z
  .object({
    key: z.string(),
    kind: z.enum(['plan', 'movement']),
    id: z.uuid(),
    title: z.string(),
    year: z.number().int(),
    deadline: z.string().nullable(),
    open: z.boolean().describe('Còn trong hạn đăng ký và đang nhận đăng ký'),
    offered: z.array(z.string()).describe('Các hình thức phong trào xét (rỗng: kế hoạch năm)'),
    honors: z.array(registrableHonorSchema).describe('Danh hiệu, hình thức được đăng ký trong đợt này'),
    abilities,
  })
  .meta({ id: 'Campaign' });
export type CampaignJson = z.infer<typeof campaignSchema>;

/** A campaign with what it takes today: open or not, the honors to register for, the actor's abilities in it. */
export function presentCampaign(c: Campaign, actor: Actor, today: string = todayVn()): CampaignJson {
  return {
    key: c.key,
    kind: c.kind,
    id: c.id,
    title: c.title,
    year: c.year,
    deadline: c.deadline,
    open: campaignAcceptsRegistrations(c) && withinDeadline(c, today),
    offered: c.offered,
    honors: registrableHonors(c).map(presentRegistrableHonor),
    abilities: campaignAbilities(actor, c, today),
  };
}

export const registrationSchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    subjectKind: z.string(),
    personId: z.uuid().nullable(),
    personName: z.string().nullable(),
    honor: z.string(),
    honorLabel: z.string(),
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Registration' });

export function presentRegistration(r: {
  reg: { id: string; unitId: string; subjectKind: string; personId: string | null; honor: string; note: string | null; createdAt: Date };
  unitName: string;
  personName: string | null;
}): z.infer<typeof registrationSchema> {
  return {
    id: r.reg.id,
    unitId: r.reg.unitId,
    unitName: r.unitName,
    subjectKind: r.reg.subjectKind,
    personId: r.reg.personId,
    personName: r.personName,
    honor: r.reg.honor,
    honorLabel: HONOR_INFO[r.reg.honor as Honor]?.label ?? r.reg.honor,
    note: r.reg.note,
    createdAt: r.reg.createdAt.toISOString(),
  };
}

export const registrationListSchema = z.object({ campaign: campaignSchema, items: z.array(registrationSchema), total: z.number().int() });

export const registrationCreatedSchema = z.object({ id: z.uuid(), honor: z.string(), subjectKind: z.string() }).meta({ id: 'RegistrationCreated' });

export const sheetSchema = z
  .object({
    campaign: campaignSchema,
    unit: z.object({ id: z.uuid(), name: z.string() }),
    collective: z.array(z.string()),
    people: z.array(z.object({ personId: z.uuid(), fullName: z.string(), position: z.string().nullable(), honors: z.array(z.string()) })),
  })
  .meta({ id: 'RegistrationSheet' });

export const sheetSavedSchema = z.object({ count: z.number().int() });

export const reopeningSchema = z
  .object({ id: z.uuid(), unitId: z.uuid(), unitName: z.string(), until: z.string(), reason: z.string(), createdAt: z.string() })
  .meta({ id: 'RegistrationReopening' });
export const reopenedSchema = z.object({ id: z.uuid(), unitId: z.uuid(), until: z.string(), reason: z.string() });

export const rollupUnitSchema = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  collective: z.array(z.string()),
  individual: z.record(z.string(), z.number().int()),
  total: z.number().int(),
});
export const rollupSchema = z
  .object({
    campaign: campaignSchema.pick({ key: true, kind: true, id: true, title: true, year: true, deadline: true }),
    units: z.array(rollupUnitSchema),
    honors: z.array(
      z.object({
        honor: z.string(),
        label: z.string(),
        total: z.number().int(),
        quota: z.number().int().nullable(),
        quotaNote: z.string().nullable(),
        overQuota: z.boolean(),
      }),
    ),
    reopenings: z.array(reopeningSchema),
  })
  .meta({ id: 'RegistrationRollup' });

export const pledgeSchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    movementId: z.uuid().nullable(),
    year: z.number().int(),
    title: z.string(),
    parties: z.array(z.string()),
    signedDate: z.string(),
    documentName: z.string().nullable(),
    documentMime: z.string().nullable(),
    documentSize: z.number().int().nullable(),
    documentUrl: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Pledge' });

export function presentPledge(r: {
  p: {
    id: string;
    unitId: string;
    movementId: string | null;
    year: number;
    title: string;
    parties: string[];
    signedDate: string;
    documentName: string | null;
    documentMime: string | null;
    documentSize: number | null;
    createdAt: Date;
  };
  unitName: string;
}): z.infer<typeof pledgeSchema> {
  return { ...r.p, unitName: r.unitName, createdAt: r.p.createdAt.toISOString(), documentUrl: r.p.documentName ? `/api/pledges/${r.p.id}/document` : null };
}

export const pledgeCreatedSchema = z
  .object({ id: z.uuid(), title: z.string(), documentMime: z.string(), documentSize: z.number().int() })
  .meta({ id: 'PledgeCreated' });

export const calendarSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    total: z.number().int(),
    byDay: z.record(z.string(), z.number().int()).describe('Số thời hạn theo ngày trong cả khoảng (không chỉ trang này)'),
    items: z.array(deadlineSchema),
  })
  .meta({ id: 'Calendar' });

export const notificationSchema = z
  .object({ id: z.uuid(), title: z.string(), body: z.string(), link: z.string().nullable(), createdAt: z.string(), readAt: z.string().nullable() })
  .meta({ id: 'Notification' });

export function presentNotification(n: {
  id: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}): z.infer<typeof notificationSchema> {
  return { id: n.id, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null };
}

export const notificationListSchema = z
  .object({
    items: z.array(notificationSchema),
    total: z.number().int(),
    unread: z.number().int(),
    mail: z.object({ configured: z.boolean(), queued: z.number().int(), sent: z.number().int(), failed: z.number().int() }),
  })
  .meta({ id: 'NotificationList' });
