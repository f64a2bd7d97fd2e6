import type { Actor } from '../auth/actor.js';
import { abilitiesFor } from '../policies/abilities.js';
import type { MovementRow, PlanRow, PlanTaskRow } from '../repositories/plans.js';
import type { DeadlineRow } from '../deadlines/register.js';
import type { TargetProgress } from '../repositories/progress.js';
import type { movementHonors, movementPhases, movementTargets } from '../db/schema/index.js';
import { HONOR_INFO, SUBJECT_KIND_LABELS, type Honor, type SubjectKind } from '../../shared/codes.js';
import {
  DEADLINE_KIND_LABELS,
  MOVEMENT_STATUS_LABELS,
  MOVEMENT_TYPE_LABELS,
  PLAN_STATUS_LABELS,
  TASK_STATUS_LABELS,
  type DeadlineKind,
  type MovementStatus,
  type MovementType,
  type PlanStatus,
  type TaskStatus,
} from '../../shared/schemas/plans.js';
import { vnToday } from '../deadlines/clock.js';

const honorLabel = (h: string | null) => (h ? (HONOR_INFO[h as Honor]?.label ?? h) : null);

/** Abilities on an owned record are the role's; on a record from above only reading. */
function recordAbilities(actor: Actor, resource: 'plan' | 'movement', owned: boolean): string[] {
  const all = abilitiesFor(actor.role, resource) as string[];
  return owned ? all : all.filter((a) => a === 'read');
}

export function ownedBy(actor: Actor, unitPath: string): boolean {
  return actor.role !== 'staff' && unitPath.startsWith(actor.unitPath);
}

export function presentDeadline(d: DeadlineRow, unitName?: string | null) {
  const today = vnToday();
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
  };
}

export function presentTask(t: PlanTaskRow) {
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

export function presentPlanSummary(p: PlanRow, actor: Actor | null, unitName: string | null, owned = false, taskCount?: number) {
  return {
    id: p.id,
    unitId: p.unitId,
    unitName,
    year: p.year,
    number: p.number,
    title: p.title,
    issuedDate: p.issuedDate,
    status: p.status,
    statusLabel: PLAN_STATUS_LABELS[p.status as PlanStatus] ?? p.status,
    registrationDeadline: p.registrationDeadline,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    taskCount: taskCount ?? null,
    abilities: actor ? recordAbilities(actor, 'plan', owned) : [],
  };
}

export function presentPlan(p: PlanRow, actor: Actor | null, unitName: string | null, owned: boolean, tasks: PlanTaskRow[], deadlines: DeadlineRow[]) {
  return {
    ...presentPlanSummary(p, actor, unitName, owned, tasks.length),
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
    deadlines: deadlines.map((d) => presentDeadline(d, unitName)),
  };
}

export function presentMovementSummary(m: MovementRow, actor: Actor | null, unitName: string | null, owned = false) {
  return {
    id: m.id,
    unitId: m.unitId,
    unitName,
    parentId: m.parentId,
    planId: m.planId,
    type: m.type,
    typeLabel: MOVEMENT_TYPE_LABELS[m.type as MovementType] ?? m.type,
    year: m.year,
    number: m.number,
    title: m.title,
    theme: m.theme,
    startDate: m.startDate,
    endDate: m.endDate,
    registrationDeadline: m.registrationDeadline,
    status: m.status,
    statusLabel: MOVEMENT_STATUS_LABELS[m.status as MovementStatus] ?? m.status,
    launchedAt: m.launchedAt?.toISOString() ?? null,
    closedAt: m.closedAt?.toISOString() ?? null,
    abilities: actor ? recordAbilities(actor, 'movement', owned) : [],
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
  children: { movement: MovementRow; unitName: string }[];
  parent: { id: string; title: string } | null;
}

export function presentMovement(m: MovementRow, actor: Actor | null, unitName: string | null, owned: boolean, x: MovementDetailParts) {
  return {
    ...presentMovementSummary(m, actor, unitName, owned),
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
    phases: x.phases.map((p) => ({ id: p.id, name: p.name, startDate: p.startDate, endDate: p.endDate, summingUpDeadline: p.summingUpDeadline, content: p.content })),
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
    deadlines: x.deadlines.map((d) => presentDeadline(d, unitName)),
    children: x.children.map((c) => presentMovementSummary(c.movement, actor, c.unitName, false)),
  };
}
