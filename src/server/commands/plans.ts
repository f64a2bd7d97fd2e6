import { signedDocumentOf } from '../repositories/signing.js';
import type { CommandContext } from './run.js';
import type { Executor } from '../db/client.js';
import {
  countUnitsUnder,
  findOwnedPlan,
  findPlanTask,
  findReadablePlan,
  insertPlan,
  markPlanPublished,
  replacePlanTasks,
  setPlanTaskProgress,
  tasksOf,
  unsafeUnitNameAndPath,
  updatePlanAtVersion,
  type PlanRow,
} from '../repositories/plans.js';
import { findVisibleUnit } from '../repositories/units.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { assertPlanContentEditable, assertPublishable } from '../policies/plan.js';
import { now } from '../clock.js';
import { deadlinesOf, syncDeadlines, type DeadlineSpec } from '../deadlines/register.js';
import { formatDateVi } from '../../shared/format-vi.js';
import type { DeadlineInput, PlanInput, PlanTaskInput } from '../../shared/schemas/plans.js';

function snapshot(p: PlanRow) {
  const { year, number, title, status, registrationDeadline, superiorPlanRef, signerName } = p;
  return { year, number, title, status, registrationDeadline, superiorPlanRef, signerName };
}

/** Units named in tasks and deadlines must lie under the plan's unit (a plan directs its own units). */
export async function assertUnitsUnder(tx: Executor, ownerPath: string, ids: string[], what: string): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  if ((await countUnitsUnder(tx, unique, ownerPath)) !== unique.length) throw badRequest(`${what}: có đơn vị không thuộc phạm vi đơn vị ban hành.`);
}

function checkYear(year: number, date: string | null | undefined, what: string) {
  if (!date) return;
  const y = Number(date.slice(0, 4));
  if (y < year - 1 || y > year + 1) throw badRequest(`${what} (${formatDateVi(date)}) không thuộc năm ${year} của kế hoạch.`);
}

async function validatePlan(ctx: CommandContext, input: PlanInput) {
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  checkYear(input.year, input.registrationDeadline, 'Hạn đăng ký thi đua');
  for (const d of input.deadlines) checkYear(input.year, d.dueDate, `Thời hạn "${d.title}"`);
  for (const t of input.tasks) checkYear(input.year, t.dueDate, `Hạn nhiệm vụ "${t.content.slice(0, 60)}"`);
  const named = [
    ...input.tasks.flatMap((t) => [...t.leadUnits, ...t.supportUnits]).map((u) => u.unitId),
    ...input.deadlines.map((d) => d.responsibleUnitId),
  ].filter((x): x is string => !!x);
  await assertUnitsUnder(ctx.tx, unit.path, named, 'Đơn vị thực hiện');
  const keys = input.deadlines.map((d, i) => d.key ?? `d${i + 1}`);
  if (new Set(keys).size !== keys.length) throw badRequest('Mã thời hạn bị trùng.');
  if (input.superiorPlanId && !(await findReadablePlan(ctx.tx, ctx.actor, input.superiorPlanId))) throw notFound('Không tìm thấy kế hoạch cấp trên.');
  return unit;
}

function planValues(input: PlanInput) {
  return {
    unitId: input.unitId,
    year: input.year,
    number: input.number?.trim() || null,
    title: input.title,
    place: input.place ?? null,
    issuedDate: input.issuedDate ?? null,
    basis: input.basis,
    superiorPlanRef: input.superiorPlanRef ?? null,
    superiorPlanId: input.superiorPlanId ?? null,
    purpose: input.purpose ?? null,
    requirements: input.requirements ?? null,
    sections: input.sections,
    organisation: input.organisation,
    recipients: input.recipients,
    signerTitle: input.signerTitle ?? null,
    signerName: input.signerName ?? null,
    registrationDeadline: input.registrationDeadline ?? null,
  };
}

/** Plan-level deadlines live in `deadlines` (source 'plan'); the editor sends them with the plan. */
async function storeTasks(ctx: CommandContext, planId: string, tasks: PlanTaskInput[]) {
  await replacePlanTasks(
    ctx.tx,
    planId,
    tasks.map((t, i) => ({
      quarter: t.quarter,
      seq: i + 1,
      content: t.content,
      leadUnits: t.leadUnits,
      supportUnits: t.supportUnits,
      dueDate: t.dueDate ?? null,
      status: t.status,
      progress: t.status === 'done' ? 100 : t.progress,
    })),
  );
}

/** The deadlines a plan's extra list is stored under, so the editor can show them back. */
export const PLAN_EXTRA_PREFIX = 'x-';

/** Calendar entries of a plan: registration, its listed deadlines, and dated tasks ('draft' until published). */
async function syncPlanDeadlines(tx: Executor, plan: PlanRow, extra: DeadlineInput[]) {
  const link = `/ke-hoach/${plan.id}`;
  const status = plan.status === 'published' ? 'open' : 'draft';
  const specs: DeadlineSpec[] = [];
  if (plan.registrationDeadline) {
    specs.push({
      sourceType: 'plan',
      sourceId: plan.id,
      key: 'registration',
      unitId: plan.unitId,
      kind: 'registration',
      audience: 'units',
      title: `Đăng ký thi đua năm ${plan.year}`,
      dueDate: plan.registrationDeadline,
      link: `/dang-ky-thi-dua?planId=${plan.id}`,
      status,
    });
  }
  extra.forEach((d, i) =>
    specs.push({
      sourceType: 'plan',
      sourceId: plan.id,
      key: `${PLAN_EXTRA_PREFIX}${d.key ?? `d${i + 1}`}`,
      unitId: plan.unitId,
      kind: d.kind,
      audience: d.audience,
      title: d.title,
      dueDate: d.dueDate,
      responsibleUnitId: d.responsibleUnitId ?? null,
      note: d.note ?? null,
      remindDays: d.remindDays ?? null,
      link,
      status,
    }),
  );
  for (const t of await tasksOf(tx, plan.id)) {
    if (!t.dueDate) continue;
    const lead = t.leadUnits.find((u) => u.unitId)?.unitId ?? null;
    specs.push({
      sourceType: 'plan',
      sourceId: plan.id,
      key: `task-${t.seq}`,
      unitId: plan.unitId,
      kind: 'task',
      audience: 'office',
      responsibleUnitId: lead,
      title: `Nhiệm vụ ${t.seq}: ${t.content.slice(0, 150)}`,
      dueDate: t.dueDate,
      link,
      status: t.status === 'done' ? 'done' : status,
    });
  }
  await syncDeadlines(tx, 'plan', plan.id, specs);
}

export async function createPlan(ctx: CommandContext, input: PlanInput): Promise<PlanRow> {
  const unit = await validatePlan(ctx, input);
  const row = await insertPlan(ctx.tx, planValues(input));
  await storeTasks(ctx, row.id, input.tasks);
  await syncPlanDeadlines(ctx.tx, row, input.deadlines);
  await ctx.audit({
    action: 'plan.created',
    entityType: 'plan',
    entityId: row.id,
    unitId: row.unitId,
    summary: `Soạn kế hoạch "${row.title}" (${unit.name})`,
    after: snapshot(row),
  });
  return row;
}

export async function updatePlan(ctx: CommandContext, id: string, input: PlanInput): Promise<PlanRow> {
  const before = await findOwnedPlan(ctx.tx, ctx.actor, id);
  if (!before) throw notFound('Không tìm thấy kế hoạch.');
  if (input.version !== undefined && input.version !== before.version) throw conflict('Kế hoạch đã được người khác sửa. Hãy tải lại và thử lại.');
  if (input.unitId !== before.unitId) throw badRequest('Không thể đổi đơn vị ban hành của kế hoạch.');
  // The signed Kế hoạch is frozen at its first signature: the plan it was rendered from is no longer rewritten.
  assertPlanContentEditable({ signed: !!(await signedDocumentOf(ctx.tx, 'ke_hoach', id)) });
  await validatePlan(ctx, input);
  const row = await updatePlanAtVersion(ctx.tx, id, before.version, planValues(input), now());
  if (!row) throw conflict('Kế hoạch đã được người khác sửa. Hãy tải lại và thử lại.');
  await storeTasks(ctx, id, input.tasks);
  await syncPlanDeadlines(ctx.tx, row, input.deadlines);
  await ctx.audit({
    action: 'plan.updated',
    entityType: 'plan',
    entityId: id,
    unitId: row.unitId,
    summary: `Sửa kế hoạch "${row.title}"`,
    before: snapshot(before),
    after: snapshot(row),
  });
  return row;
}

/** The extra deadlines of a plan as the editor sends them. */
export async function planExtraDeadlines(tx: Executor, planId: string): Promise<DeadlineInput[]> {
  const rows = await deadlinesOf(tx, 'plan', planId);
  return rows
    .filter((d) => d.key.startsWith(PLAN_EXTRA_PREFIX))
    .map((d) => ({
      key: d.key.slice(PLAN_EXTRA_PREFIX.length),
      kind: d.kind as DeadlineInput['kind'],
      title: d.title,
      dueDate: d.dueDate,
      audience: d.audience as DeadlineInput['audience'],
      responsibleUnitId: d.responsibleUnitId,
      note: d.note,
      remindDays: d.remindDays,
    }));
}

export async function publishPlan(ctx: CommandContext, id: string): Promise<PlanRow> {
  const before = await findOwnedPlan(ctx.tx, ctx.actor, id);
  if (!before) throw notFound('Không tìm thấy kế hoạch.');
  assertPublishable(before);
  const row = await markPlanPublished(ctx.tx, before, ctx.actor.accountId, now());
  await syncPlanDeadlines(ctx.tx, row, await planExtraDeadlines(ctx.tx, id));
  await ctx.audit({
    action: 'plan.published',
    entityType: 'plan',
    entityId: id,
    unitId: row.unitId,
    summary: `Ban hành kế hoạch "${row.title}"${row.number ? ` (số ${row.number})` : ''}`,
    before: { status: before.status },
    after: { status: row.status },
  });
  return row;
}

function shiftYear(date: string | null, by: number): string | null {
  if (!date || by === 0) return date;
  const y = Number(date.slice(0, 4)) + by;
  const md = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${y}-${md}`;
}

/**
 * Starts a new draft from last year's plan or from the superior's: text, tasks and deadlines
 * carried over with dates moved to the new year, progress reset. From a superior's plan the new
 * draft cites it as its basis (căn cứ).
 */
export async function copyPlan(ctx: CommandContext, sourceId: string, input: { unitId: string; year: number }): Promise<PlanRow> {
  const source = await findReadablePlan(ctx.tx, ctx.actor, sourceId);
  if (!source) throw notFound('Không tìm thấy kế hoạch nguồn.');
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  const by = input.year - source.year;
  const fromSuperior = source.unitId !== unit.id;
  const src = await unsafeUnitNameAndPath(ctx.tx, source.unitId);
  const citation = `${source.number ? `Kế hoạch số ${source.number}` : `Kế hoạch "${source.title}"`}${source.issuedDate ? ` ngày ${formatDateVi(source.issuedDate)}` : ''} của ${src.name ?? 'cấp trên'}`;
  const title = source.title.replace(String(source.year), String(input.year));
  const row = await insertPlan(ctx.tx, {
    unitId: unit.id,
    year: input.year,
    number: null,
    title,
    place: source.place,
    issuedDate: null,
    basis: fromSuperior ? [...source.basis, `Thực hiện ${citation}`] : source.basis,
    superiorPlanRef: fromSuperior ? citation : source.superiorPlanRef,
    superiorPlanId: fromSuperior ? source.id : source.superiorPlanId,
    copiedFromId: source.id,
    purpose: source.purpose,
    requirements: source.requirements,
    sections: source.sections,
    organisation: source.organisation,
    recipients: source.recipients,
    signerTitle: source.signerTitle,
    signerName: fromSuperior ? null : source.signerName,
    registrationDeadline: shiftYear(source.registrationDeadline, by),
  });
  const inside = (u: { unitId: string | null; name: string }) => (u.unitId && fromSuperior ? { unitId: null, name: u.name } : u);
  const tasks = await tasksOf(ctx.tx, source.id);
  await storeTasks(
    ctx,
    row.id,
    tasks.map((t) => ({
      quarter: t.quarter,
      content: t.content,
      leadUnits: fromSuperior ? t.leadUnits.map(inside) : t.leadUnits,
      supportUnits: fromSuperior ? t.supportUnits.map(inside) : t.supportUnits,
      dueDate: shiftYear(t.dueDate, by),
      status: 'not_started',
      progress: 0,
    })),
  );
  const extra = (await planExtraDeadlines(ctx.tx, source.id)).map((d) => ({
    ...d,
    dueDate: shiftYear(d.dueDate, by) ?? d.dueDate,
    responsibleUnitId: fromSuperior ? null : d.responsibleUnitId,
  }));
  await syncPlanDeadlines(ctx.tx, row, extra);
  await ctx.audit({
    action: 'plan.copied',
    entityType: 'plan',
    entityId: row.id,
    unitId: row.unitId,
    summary: `Tạo kế hoạch năm ${input.year} từ "${source.title}"`,
    after: { ...snapshot(row), copiedFromId: source.id },
  });
  return row;
}

export async function setTaskProgress(ctx: CommandContext, planId: string, taskId: string, input: { status: PlanTaskInput['status']; progress: number }) {
  const plan = await findOwnedPlan(ctx.tx, ctx.actor, planId);
  if (!plan) throw notFound('Không tìm thấy kế hoạch.');
  const task = await findPlanTask(ctx.tx, planId, taskId);
  if (!task) throw notFound('Không tìm thấy nhiệm vụ.');
  const progress = input.status === 'done' ? 100 : input.progress;
  const row = await setPlanTaskProgress(ctx.tx, taskId, input.status, progress, now());
  if (task.dueDate) await syncPlanDeadlines(ctx.tx, plan, await planExtraDeadlines(ctx.tx, planId));
  await ctx.audit({
    action: 'plan.task_progress',
    entityType: 'plan',
    entityId: planId,
    unitId: plan.unitId,
    summary: `Nhiệm vụ ${task.seq} của kế hoạch "${plan.title}": ${progress}%`,
    before: { status: task.status, progress: task.progress },
    after: { status: input.status, progress },
  });
  return row;
}
