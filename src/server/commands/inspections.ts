/** Inspections of units' TĐKT work: the annual plan, findings, conclusion, the unit's follow-up, closing. */
import type { CommandContext } from './run.js';
import type { Executor } from '../db/client.js';
import {
  countUnitsBelow,
  deleteFinding,
  findFinding,
  findOwnedInspectionPlan,
  findReadableInspection,
  findingsOf,
  insertFinding,
  insertInspectionPlan,
  inspectionsOfPlan,
  replacePlanInspections,
  unitIsUnder,
  updateFinding,
  updateInspectionAtVersion,
  updateInspectionPlanAtVersion,
  type FindingRow,
  type InspectionListRow,
  type InspectionPlanRow,
  type InspectionRow,
} from '../repositories/inspections.js';
import { findVisibleUnit } from '../repositories/units.js';
import { unsafeUnitNameAndPath } from '../repositories/plans.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { InspectionNotAllowed, InspectionUnitOutside, assertInspectionAllows, assertPlanDraft, type InspectionFacts } from '../policies/inspection.js';
import { now } from '../clock.js';
import { completeDeadlines, registerDeadline } from '../deadlines/register.js';
import { inspectionChecklist } from '../inspections/checklist.js';
import { formatDateVi } from '../../shared/format-vi.js';
import type { ConcludeInput, FindingInput, FollowUpInput, InspectionPlanInput } from '../../shared/schemas/inspections.js';

const STALE = 'Bản ghi đã được người khác sửa. Hãy tải lại và thử lại.';

function planSnapshot(p: InspectionPlanRow) {
  const { year, number, title, status, periodFrom, periodTo } = p;
  return { year, number, title, status, periodFrom, periodTo };
}

async function validatePlan(ctx: CommandContext, input: InspectionPlanInput) {
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  const y = Number(input.periodFrom.slice(0, 4));
  if (y !== input.year && Number(input.periodTo.slice(0, 4)) !== input.year)
    throw badRequest(`Thời gian kiểm tra (${formatDateVi(input.periodFrom)} – ${formatDateVi(input.periodTo)}) không thuộc năm ${input.year} của kế hoạch.`);
  const ids = input.units.map((u) => u.unitId);
  if ((await countUnitsBelow(ctx.tx, ids, unit.path)) !== ids.length)
    throw new InspectionUnitOutside('Đơn vị được kiểm tra phải là đơn vị trực thuộc đơn vị ban hành kế hoạch.');
  return unit;
}

function planValues(input: InspectionPlanInput) {
  return {
    unitId: input.unitId,
    year: input.year,
    number: input.number?.trim() || null,
    title: input.title,
    content: input.content,
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
    team: input.team,
    signerTitle: input.signerTitle ?? null,
    signerName: input.signerName ?? null,
  };
}

export async function createInspectionPlan(ctx: CommandContext, input: InspectionPlanInput): Promise<InspectionPlanRow> {
  const unit = await validatePlan(ctx, input);
  const row = await insertInspectionPlan(ctx.tx, planValues(input));
  await replacePlanInspections(ctx.tx, row.id, input.units);
  await ctx.audit({
    action: 'inspection.plan_created',
    entityType: 'inspection_plan',
    entityId: row.id,
    unitId: row.unitId,
    summary: `Soạn kế hoạch kiểm tra "${row.title}" (${unit.name}, ${input.units.length} đơn vị)`,
    after: planSnapshot(row),
  });
  return row;
}

export async function updateInspectionPlan(ctx: CommandContext, id: string, input: InspectionPlanInput): Promise<InspectionPlanRow> {
  const before = await findOwnedInspectionPlan(ctx.tx, ctx.actor, id);
  if (!before) throw notFound('Không tìm thấy kế hoạch kiểm tra.');
  assertPlanDraft(before);
  if (input.version !== undefined && input.version !== before.version) throw conflict(STALE);
  if (input.unitId !== before.unitId) throw badRequest('Không thể đổi đơn vị ban hành của kế hoạch kiểm tra.');
  await validatePlan(ctx, input);
  const row = await updateInspectionPlanAtVersion(ctx.tx, id, before.version, planValues(input), now());
  if (!row) throw conflict(STALE);
  await replacePlanInspections(ctx.tx, id, input.units);
  await ctx.audit({
    action: 'inspection.plan_updated',
    entityType: 'inspection_plan',
    entityId: id,
    unitId: row.unitId,
    summary: `Sửa kế hoạch kiểm tra "${row.title}"`,
    before: planSnapshot(before),
    after: planSnapshot(row),
  });
  return row;
}

/** Approving (ban hành) fixes the plan and puts each unit's inspection on the calendar. */
export async function approveInspectionPlan(ctx: CommandContext, id: string): Promise<InspectionPlanRow> {
  const before = await findOwnedInspectionPlan(ctx.tx, ctx.actor, id);
  if (!before) throw notFound('Không tìm thấy kế hoạch kiểm tra.');
  assertPlanDraft(before);
  const list = await inspectionsOfPlan(ctx.tx, ctx.actor, id);
  if (!list.length) throw badRequest('Kế hoạch kiểm tra chưa có đơn vị được kiểm tra.');
  const at = now();
  const row = await updateInspectionPlanAtVersion(ctx.tx, id, before.version, { status: 'approved', approvedAt: at, approvedBy: ctx.actor.accountId }, at);
  if (!row) throw conflict(STALE);
  for (const i of list) {
    await registerDeadline(ctx.tx, {
      sourceType: 'inspection_plan',
      sourceId: id,
      key: `unit-${i.inspection.id}`,
      unitId: i.inspection.unitId,
      kind: 'task',
      audience: 'office',
      responsibleUnitId: i.inspection.unitId,
      title: `Kiểm tra công tác thi đua, khen thưởng tại ${i.unitName} (${formatDateVi(i.inspection.scheduledFrom)} – ${formatDateVi(i.inspection.scheduledTo)})`,
      dueDate: i.inspection.scheduledFrom,
      link: `/kiem-tra/${i.inspection.id}`,
    });
  }
  await ctx.audit({
    action: 'inspection.plan_approved',
    entityType: 'inspection_plan',
    entityId: id,
    unitId: row.unitId,
    summary: `Ban hành kế hoạch kiểm tra "${row.title}" (${list.length} đơn vị)`,
    before: planSnapshot(before),
    after: planSnapshot(row),
  });
  return row;
}

/** The facts the record policy reads, for an inspection found in scope. */
export async function inspectionFacts(tx: Executor, i: InspectionListRow): Promise<InspectionFacts & { findingRows: FindingRow[] }> {
  const findings = (await findingsOf(tx, i.inspection.id)).map((f) => f.finding);
  return {
    status: i.inspection.status,
    planStatus: i.planStatus,
    planUnitPath: i.planUnitPath,
    unitPath: i.unitPath,
    findings,
    findingRows: findings,
  };
}

async function loadForStep(ctx: CommandContext, id: string) {
  const i = await findReadableInspection(ctx.tx, ctx.actor, id);
  if (!i) throw notFound('Không tìm thấy cuộc kiểm tra.');
  return { i, facts: await inspectionFacts(ctx.tx, i) };
}

export async function addFinding(ctx: CommandContext, id: string, input: FindingInput): Promise<FindingRow> {
  const { i, facts } = await loadForStep(ctx, id);
  assertInspectionAllows(ctx.actor, facts, 'addFinding');
  if (!(await unitIsUnder(ctx.tx, input.ownerUnitId, i.unitPath)))
    throw new InspectionUnitOutside(`Đơn vị chịu trách nhiệm phải là ${i.unitName} hoặc đơn vị trực thuộc.`);
  if (input.dueDate < i.inspection.scheduledFrom) throw badRequest('Thời hạn khắc phục phải sau ngày kiểm tra.');
  const row = await insertFinding(ctx.tx, {
    inspectionId: id,
    finding: input.finding,
    recommendation: input.recommendation,
    dueDate: input.dueDate,
    ownerUnitId: input.ownerUnitId,
    ownerName: input.ownerName?.trim() || null,
  });
  await ctx.audit({
    action: 'inspection.finding_added',
    entityType: 'inspection',
    entityId: id,
    unitId: i.inspection.unitId,
    summary: `Ghi kiến nghị ${row.seq} sau kiểm tra ${i.unitName}: ${row.recommendation.slice(0, 120)}`,
    after: { seq: row.seq, dueDate: row.dueDate },
  });
  return row;
}

export async function removeFinding(ctx: CommandContext, id: string, findingId: string): Promise<void> {
  const { i, facts } = await loadForStep(ctx, id);
  assertInspectionAllows(ctx.actor, facts, 'addFinding');
  const f = await findFinding(ctx.tx, id, findingId);
  if (!f) throw notFound('Không tìm thấy kiến nghị.');
  await deleteFinding(ctx.tx, f.id);
  await ctx.audit({
    action: 'inspection.finding_removed',
    entityType: 'inspection',
    entityId: id,
    unitId: i.inspection.unitId,
    summary: `Bỏ kiến nghị ${f.seq} của cuộc kiểm tra ${i.unitName}`,
    before: { seq: f.seq, recommendation: f.recommendation },
  });
}

const findingDeadlineKey = (f: FindingRow) => `finding-${f.id}`;

/** The conclusion fixes the checklist as it stands and puts every recommendation's deadline on the calendar of its owner. */
export async function concludeInspection(ctx: CommandContext, id: string, input: ConcludeInput): Promise<InspectionRow> {
  const { i, facts } = await loadForStep(ctx, id);
  assertInspectionAllows(ctx.actor, facts, 'conclude');
  if (input.version !== undefined && input.version !== i.inspection.version) throw conflict(STALE);
  if (input.inspectedDate < i.inspection.scheduledFrom) throw badRequest('Ngày kiểm tra trước lịch kiểm tra của kế hoạch.');
  const at = now();
  const checklist = await inspectionChecklist(ctx.tx, i.unitPath, i.planYear);
  const row = await updateInspectionAtVersion(
    ctx.tx,
    id,
    i.inspection.version,
    {
      status: 'concluded',
      inspectedDate: input.inspectedDate,
      conclusion: input.conclusion,
      conclusionNumber: input.conclusionNumber?.trim() || null,
      checklist,
      concludedAt: at,
      concludedBy: ctx.actor.accountId,
    },
    at,
  );
  if (!row) throw conflict(STALE);
  for (const f of facts.findingRows) {
    const owner = await unsafeUnitNameAndPath(ctx.tx, f.ownerUnitId);
    await registerDeadline(ctx.tx, {
      sourceType: 'inspection',
      sourceId: id,
      key: findingDeadlineKey(f),
      unitId: f.ownerUnitId,
      kind: 'task',
      audience: 'office',
      responsibleUnitId: f.ownerUnitId,
      title: `Khắc phục kiến nghị ${f.seq} sau kiểm tra TĐKT (${owner.name ?? i.unitName}): ${f.recommendation.slice(0, 150)}`,
      dueDate: f.dueDate,
      note: f.ownerName,
      link: `/kiem-tra/${id}`,
    });
  }
  await completeDeadlines(ctx.tx, 'inspection_plan', i.inspection.planId, `unit-${id}`);
  await ctx.audit({
    action: 'inspection.concluded',
    entityType: 'inspection',
    entityId: id,
    unitId: i.inspection.unitId,
    summary: `Kết luận kiểm tra ${i.unitName} ngày ${formatDateVi(input.inspectedDate)} (${facts.findingRows.length} kiến nghị)`,
    after: { status: row.status, inspectedDate: row.inspectedDate, conclusionNumber: row.conclusionNumber },
  });
  return row;
}

/** The inspected unit reports what it did about one recommendation; its deadline stops reminding. */
export async function reportFollowUp(ctx: CommandContext, id: string, findingId: string, input: FollowUpInput): Promise<FindingRow> {
  const { i, facts } = await loadForStep(ctx, id);
  assertInspectionAllows(ctx.actor, facts, 'followUp');
  const f = await findFinding(ctx.tx, id, findingId);
  if (!f) throw notFound('Không tìm thấy kiến nghị.');
  if (f.status !== 'open') throw new InspectionNotAllowed('Kiến nghị này đã có báo cáo khắc phục.');
  const row = await updateFinding(ctx.tx, f.id, { status: 'reported', followUpReport: input.report, reportedAt: now(), reportedBy: ctx.actor.accountId });
  await completeDeadlines(ctx.tx, 'inspection', id, findingDeadlineKey(f));
  await ctx.audit({
    action: 'inspection.follow_up_reported',
    entityType: 'inspection',
    entityId: id,
    unitId: i.inspection.unitId,
    summary: `${i.unitName} báo cáo khắc phục kiến nghị ${f.seq}`,
    after: { seq: f.seq, status: row.status },
  });
  return row;
}

/** The office accepts the report (done), or sends it back (open again, on the calendar again). */
export async function reviewFollowUp(ctx: CommandContext, id: string, findingId: string, accepted: boolean): Promise<FindingRow> {
  const { i, facts } = await loadForStep(ctx, id);
  assertInspectionAllows(ctx.actor, facts, 'closeFinding');
  const f = await findFinding(ctx.tx, id, findingId);
  if (!f) throw notFound('Không tìm thấy kiến nghị.');
  if (f.status !== 'reported') throw new InspectionNotAllowed('Kiến nghị này chưa có báo cáo khắc phục để ghi nhận.');
  const at = now();
  const row = accepted
    ? await updateFinding(ctx.tx, f.id, { status: 'closed', closedAt: at, closedBy: ctx.actor.accountId })
    : await updateFinding(ctx.tx, f.id, { status: 'open' });
  if (!accepted) {
    await registerDeadline(ctx.tx, {
      sourceType: 'inspection',
      sourceId: id,
      key: findingDeadlineKey(f),
      unitId: f.ownerUnitId,
      kind: 'task',
      audience: 'office',
      responsibleUnitId: f.ownerUnitId,
      title: `Khắc phục kiến nghị ${f.seq} sau kiểm tra TĐKT (${i.unitName}): ${f.recommendation.slice(0, 150)}`,
      dueDate: f.dueDate,
      note: f.ownerName,
      link: `/kiem-tra/${id}`,
    });
  }
  await ctx.audit({
    action: accepted ? 'inspection.finding_closed' : 'inspection.follow_up_returned',
    entityType: 'inspection',
    entityId: id,
    unitId: i.inspection.unitId,
    summary: accepted ? `Ghi nhận hoàn thành kiến nghị ${f.seq} (${i.unitName})` : `Trả lại báo cáo khắc phục kiến nghị ${f.seq} (${i.unitName})`,
    after: { seq: f.seq, status: row.status },
  });
  return row;
}

export async function closeInspection(ctx: CommandContext, id: string): Promise<InspectionRow> {
  const { i, facts } = await loadForStep(ctx, id);
  assertInspectionAllows(ctx.actor, facts, 'close');
  const at = now();
  const row = await updateInspectionAtVersion(ctx.tx, id, i.inspection.version, { status: 'closed', closedAt: at, closedBy: ctx.actor.accountId }, at);
  if (!row) throw conflict(STALE);
  await ctx.audit({
    action: 'inspection.closed',
    entityType: 'inspection',
    entityId: id,
    unitId: i.inspection.unitId,
    summary: `Kết thúc cuộc kiểm tra ${i.unitName}: các kiến nghị đã hoàn thành`,
    after: { status: 'closed' },
  });
  return row;
}
