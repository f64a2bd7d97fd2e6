import type { CommandContext } from './run.js';
import {
  countSteps,
  findVisibleDecisionRef,
  insertConference,
  insertExemplar,
  insertExemplarStep,
  lockOwnedExemplar,
  updateExemplar,
  visibleExemplarIds,
  type ConferenceRow,
  type ExemplarRow,
} from '../repositories/exemplars.js';
import { findVisibleUnit } from '../repositories/units.js';
import { findVisiblePerson } from '../repositories/people.js';
import { findReadableMovement } from '../repositories/movements.js';
import { unsafeUnitNameAndPath } from '../repositories/plans.js';
import { badRequest, notFound } from '../errors.js';
import {
  assertExemplarPublishable,
  assertStepAllowed,
  ExemplarNotPublishable,
  ExemplarStageOutOfOrder,
  stageAfter,
  type ExemplarStep,
} from '../policies/exemplar.js';
import { now, todayVn } from '../clock.js';
import { formatDateVi } from '../../shared/format-vi.js';
import { EXEMPLAR_STAGE_LABELS, type ExemplarStage } from '../../shared/codes.js';
import type { ConferenceInput, ExemplarProposal, ExemplarStepInput, ExemplarSumUp } from '../../shared/schemas/exemplars.js';

function snapshot(e: ExemplarRow) {
  const { name, kind, stage, discoveredOn, nurturedFrom, summedUpOn, spreadFrom, publishedAt } = e;
  return { name, kind, stage, discoveredOn, nurturedFrom, summedUpOn, spreadFrom, publishedAt };
}

function notInFuture(date: string, what: string) {
  if (date > todayVn()) throw badRequest(`${what} (${formatDateVi(date)}) không được sau ngày hôm nay.`);
}

/** Phát hiện: a unit proposes an exemplar (a person, a collective or a model) with the reason. */
export async function proposeExemplar(ctx: CommandContext, input: ExemplarProposal): Promise<ExemplarRow> {
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị đề xuất.');
  notInFuture(input.discoveredOn, 'Ngày phát hiện');
  if (input.kind === 'person' && input.subjectUnitId) throw badRequest('Điển hình cá nhân không gắn với một tập thể.');
  if (input.kind === 'collective' && input.personId) throw badRequest('Điển hình tập thể không gắn với một cá nhân.');
  if (input.personId && !(await findVisiblePerson(ctx.tx, ctx.actor, input.personId))) throw notFound('Không tìm thấy cán bộ.');
  if (input.subjectUnitId && !(await findVisibleUnit(ctx.tx, ctx.actor, input.subjectUnitId))) throw notFound('Không tìm thấy tập thể.');
  if (input.movementId && !(await findReadableMovement(ctx.tx, ctx.actor, input.movementId))) throw notFound('Không tìm thấy phong trào.');
  if (input.decisionId && !(await findVisibleDecisionRef(ctx.tx, ctx.actor, input.decisionId))) throw notFound('Không tìm thấy quyết định.');
  const row = await insertExemplar(ctx.tx, {
    unitId: input.unitId,
    kind: input.kind,
    name: input.name,
    personId: input.personId ?? null,
    subjectUnitId: input.subjectUnitId ?? null,
    positionText: input.positionText || null,
    movementId: input.movementId ?? null,
    decisionId: input.decisionId ?? null,
    achievement: input.achievement,
    reason: input.reason,
    stage: 'discovered',
    discoveredOn: input.discoveredOn,
    discoveredBy: ctx.actor.accountId,
  });
  await ctx.audit({
    action: 'exemplar.proposed',
    entityType: 'exemplar',
    entityId: row.id,
    unitId: row.unitId,
    summary: `Đề xuất điển hình "${row.name}" (${unit.name})`,
    after: snapshot(row),
  });
  return row;
}

async function lockForStep(ctx: CommandContext, id: string, step: ExemplarStep): Promise<ExemplarRow> {
  const e = await lockOwnedExemplar(ctx.tx, ctx.actor, id);
  if (!e) throw notFound('Không tìm thấy điển hình.');
  assertStepAllowed(e, step);
  return e;
}

/** The date of a step may not come before the stage it follows. */
function notBefore(date: string, earlier: string | null, what: string) {
  if (earlier && date < earlier) throw badRequest(`${what} (${formatDateVi(date)}) không được trước ${formatDateVi(earlier)}.`);
}

/** Bồi dưỡng: a support action with its date and owner; the first one moves the exemplar from phát hiện to bồi dưỡng. */
export async function nurtureExemplar(ctx: CommandContext, id: string, input: ExemplarStepInput): Promise<ExemplarRow> {
  const e = await lockForStep(ctx, id, 'nurture');
  notInFuture(input.stepDate, 'Ngày bồi dưỡng');
  notBefore(input.stepDate, e.discoveredOn, 'Ngày bồi dưỡng');
  await insertExemplarStep(ctx.tx, {
    exemplarId: id,
    stage: 'nurturing',
    stepDate: input.stepDate,
    owner: input.owner,
    content: input.content,
    createdBy: ctx.actor.accountId,
  });
  const first = e.stage === 'discovered';
  const row = first
    ? await updateExemplar(ctx.tx, id, { stage: stageAfter('nurture'), nurturedFrom: input.stepDate }, now())
    : await updateExemplar(ctx.tx, id, {}, now());
  await ctx.audit({
    action: 'exemplar.nurtured',
    entityType: 'exemplar',
    entityId: id,
    unitId: e.unitId,
    summary: `Bồi dưỡng điển hình "${e.name}": ${input.content.slice(0, 120)} (${input.owner}, ${formatDateVi(input.stepDate)})`,
    before: snapshot(e),
    after: snapshot(row),
  });
  return row;
}

/** Tổng kết: the assessment, once at least one support action was recorded. */
export async function sumUpExemplar(ctx: CommandContext, id: string, input: ExemplarSumUp): Promise<ExemplarRow> {
  const e = await lockForStep(ctx, id, 'sumUp');
  if ((await countSteps(ctx.tx, id, 'nurturing')) === 0) throw new ExemplarStageOutOfOrder('Chưa thể tổng kết: chưa có hoạt động bồi dưỡng nào.');
  notInFuture(input.summedUpOn, 'Ngày tổng kết');
  notBefore(input.summedUpOn, e.nurturedFrom, 'Ngày tổng kết');
  const row = await updateExemplar(
    ctx.tx,
    id,
    { stage: stageAfter('sumUp'), summedUpOn: input.summedUpOn, summedUpBy: ctx.actor.accountId, assessment: input.assessment },
    now(),
  );
  await ctx.audit({
    action: 'exemplar.summed_up',
    entityType: 'exemplar',
    entityId: id,
    unitId: e.unitId,
    summary: `Tổng kết điển hình "${e.name}" (${formatDateVi(input.summedUpOn)})`,
    before: snapshot(e),
    after: snapshot(row),
  });
  return row;
}

/** Nhân rộng: a unit (or place) where the exemplar was replicated, with the date. */
export async function spreadExemplar(ctx: CommandContext, id: string, input: ExemplarStepInput): Promise<ExemplarRow> {
  const e = await lockForStep(ctx, id, 'spread');
  notInFuture(input.stepDate, 'Ngày nhân rộng');
  notBefore(input.stepDate, e.summedUpOn, 'Ngày nhân rộng');
  if (input.unitId && !(await findVisibleUnit(ctx.tx, ctx.actor, input.unitId))) throw notFound('Không tìm thấy đơn vị nhân rộng.');
  await insertExemplarStep(ctx.tx, {
    exemplarId: id,
    stage: 'spreading',
    stepDate: input.stepDate,
    owner: input.owner,
    content: input.content,
    unitId: input.unitId ?? null,
    createdBy: ctx.actor.accountId,
  });
  const row = await updateExemplar(ctx.tx, id, e.stage === 'spreading' ? {} : { stage: stageAfter('spread'), spreadFrom: input.stepDate }, now());
  await ctx.audit({
    action: 'exemplar.spread',
    entityType: 'exemplar',
    entityId: id,
    unitId: e.unitId,
    summary: `Nhân rộng điển hình "${e.name}" tại ${input.owner} (${formatDateVi(input.stepDate)})`,
    before: snapshot(e),
    after: snapshot(row),
  });
  return row;
}

/** Shows a summed-up exemplar on the portal, or takes it off. */
export async function setExemplarPublished(ctx: CommandContext, id: string, published: boolean): Promise<ExemplarRow> {
  const e = await lockOwnedExemplar(ctx.tx, ctx.actor, id);
  if (!e) throw notFound('Không tìm thấy điển hình.');
  const { path } = await unsafeUnitNameAndPath(ctx.tx, e.unitId);
  if (published) assertExemplarPublishable({ ...e, unitPath: path });
  else if (!e.publishedAt) throw new ExemplarNotPublishable('Điển hình chưa được đăng trên cổng thông tin.');
  const at = now();
  const row = await updateExemplar(
    ctx.tx,
    id,
    published ? { publishedAt: at, publishedBy: ctx.actor.accountId } : { publishedAt: null, publishedBy: null },
    at,
  );
  await ctx.audit({
    action: published ? 'exemplar.published' : 'exemplar.unpublished',
    entityType: 'exemplar',
    entityId: id,
    unitId: e.unitId,
    summary: `${published ? 'Đăng' : 'Gỡ'} điển hình "${e.name}" ${published ? 'lên' : 'khỏi'} cổng thông tin (giai đoạn ${EXEMPLAR_STAGE_LABELS[e.stage as ExemplarStage]})`,
    before: snapshot(e),
    after: snapshot(row),
  });
  return row;
}

/** Hội nghị điển hình tiên tiến: records the conference, the exemplars it honoured and the decision that honours them. */
export async function recordConference(ctx: CommandContext, input: ConferenceInput): Promise<ConferenceRow> {
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị tổ chức.');
  const ids = [...new Set(input.exemplarIds)];
  if ((await visibleExemplarIds(ctx.tx, ctx.actor, ids)).length !== ids.length) throw notFound('Có điển hình không tìm thấy hoặc ngoài phạm vi.');
  if (input.decisionId && !(await findVisibleDecisionRef(ctx.tx, ctx.actor, input.decisionId))) throw notFound('Không tìm thấy quyết định.');
  const row = await insertConference(ctx.tx, {
    unitId: input.unitId,
    title: input.title,
    heldOn: input.heldOn,
    place: input.place,
    speakers: input.speakers,
    exemplarIds: ids,
    decisionId: input.decisionId ?? null,
    outcome: input.outcome || null,
    createdBy: ctx.actor.accountId,
  });
  await ctx.audit({
    action: 'exemplar.conference_recorded',
    entityType: 'exemplar_conference',
    entityId: row.id,
    unitId: row.unitId,
    summary: `Ghi nhận "${row.title}" ngày ${formatDateVi(row.heldOn)} tại ${row.place} (${ids.length} điển hình)`,
    after: { title: row.title, heldOn: row.heldOn, place: row.place, exemplarIds: ids, decisionId: row.decisionId },
  });
  return row;
}
