import type { CommandContext } from './run.js';
import {
  countSteps,
  findVisibleDecisionRef,
  insertConference,
  insertExemplar,
  insertExemplarStep,
  lockOwnedConference,
  lockOwnedExemplar,
  updateConferenceAtVersion,
  updateExemplar,
  updateExemplarAtVersion,
  visibleExemplarIds,
  type ConferenceRow,
  type ExemplarRow,
} from '../repositories/exemplars.js';
import { unsafeWithdrawStoriesOf } from '../repositories/stories.js';
import { findVisibleUnit } from '../repositories/units.js';
import { findVisiblePerson } from '../repositories/people.js';
import { findReadableMovement } from '../repositories/movements.js';
import { unsafeUnitNameAndPath } from '../repositories/plans.js';
import { badRequest, notFound, StaleVersion } from '../errors.js';
import {
  assertConferenceActive,
  assertExemplarCancellable,
  assertExemplarEditable,
  assertExemplarPublishable,
  assertNotCancelled,
  assertStepAllowed,
  ExemplarCancelled,
  ExemplarNotPublishable,
  ExemplarStageOutOfOrder,
  stageAfter,
  type ExemplarStep,
} from '../policies/exemplar.js';
import { now, todayVn } from '../clock.js';
import { formatDateVi } from '../../shared/format-vi.js';
import { EXEMPLAR_STAGE_LABELS, type ExemplarStage } from '../../shared/codes.js';
import type {
  CancelReason,
  ConferenceEdit,
  ConferenceInput,
  ExemplarEdit,
  ExemplarProposal,
  ExemplarStepInput,
  ExemplarSumUp,
} from '../../shared/schemas/exemplars.js';

function snapshot(e: ExemplarRow) {
  const { name, kind, stage, discoveredOn, nurturedFrom, summedUpOn, spreadFrom, publishedAt, cancelledAt, cancelReason } = e;
  return { name, kind, stage, discoveredOn, nurturedFrom, summedUpOn, spreadFrom, publishedAt, cancelledAt, cancelReason };
}

/** The proposal's fields as the edit audit shows them (before/after). */
function proposalSnapshot(e: ExemplarRow) {
  const { kind, name, personId, subjectUnitId, positionText, movementId, decisionId, achievement, reason, discoveredOn } = e;
  return { kind, name, personId, subjectUnitId, positionText, movementId, decisionId, achievement, reason, discoveredOn };
}

const STALE = 'Điển hình đã được người khác cập nhật. Hãy tải lại và thử lại.';

function notInFuture(date: string, what: string) {
  if (date > todayVn()) throw badRequest(`${what} (${formatDateVi(date)}) không được sau ngày hôm nay.`);
}

/** Phát hiện: a unit proposes an exemplar (a person, a collective or a model) with the reason. */
/** The proposal's fields checked (dates, subject of the right kind, links in scope), as stored. */
async function proposalValues(ctx: CommandContext, input: Omit<ExemplarProposal, 'unitId'>) {
  notInFuture(input.discoveredOn, 'Ngày phát hiện');
  if (input.kind === 'person' && input.subjectUnitId) throw badRequest('Điển hình cá nhân không gắn với một tập thể.');
  if (input.kind === 'collective' && input.personId) throw badRequest('Điển hình tập thể không gắn với một cá nhân.');
  if (input.personId && !(await findVisiblePerson(ctx.tx, ctx.actor, input.personId))) throw notFound('Không tìm thấy cán bộ.');
  if (input.subjectUnitId && !(await findVisibleUnit(ctx.tx, ctx.actor, input.subjectUnitId))) throw notFound('Không tìm thấy tập thể.');
  if (input.movementId && !(await findReadableMovement(ctx.tx, ctx.actor, input.movementId))) throw notFound('Không tìm thấy phong trào.');
  if (input.decisionId && !(await findVisibleDecisionRef(ctx.tx, ctx.actor, input.decisionId))) throw notFound('Không tìm thấy quyết định.');
  return {
    kind: input.kind,
    name: input.name,
    personId: input.personId ?? null,
    subjectUnitId: input.subjectUnitId ?? null,
    positionText: input.positionText || null,
    movementId: input.movementId ?? null,
    decisionId: input.decisionId ?? null,
    achievement: input.achievement,
    reason: input.reason,
    discoveredOn: input.discoveredOn,
  };
}

export async function proposeExemplar(ctx: CommandContext, input: ExemplarProposal): Promise<ExemplarRow> {
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị đề xuất.');
  const row = await insertExemplar(ctx.tx, {
    unitId: input.unitId,
    ...(await proposalValues(ctx, input)),
    stage: 'discovered',
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

async function lockExemplar(ctx: CommandContext, id: string): Promise<ExemplarRow> {
  const e = await lockOwnedExemplar(ctx.tx, ctx.actor, id);
  if (!e) throw notFound('Không tìm thấy điển hình.');
  return e;
}

async function lockForStep(ctx: CommandContext, id: string, step: ExemplarStep): Promise<ExemplarRow> {
  const e = await lockExemplar(ctx, id);
  assertNotCancelled(e);
  assertStepAllowed(e, step);
  return e;
}

/** Sửa đề xuất: the proposal's fields, while at phát hiện or bồi dưỡng; audited with what it said before and after. */
export async function editExemplar(ctx: CommandContext, id: string, input: ExemplarEdit): Promise<ExemplarRow> {
  const e = await lockExemplar(ctx, id);
  assertExemplarEditable(e);
  if (input.version !== e.version) throw new StaleVersion(STALE);
  const values = await proposalValues(ctx, input);
  notAfter(values.discoveredOn, e.nurturedFrom, 'Ngày phát hiện', 'ngày bắt đầu bồi dưỡng');
  const row = await updateExemplarAtVersion(ctx.tx, id, e.version, values, now());
  if (!row) throw new StaleVersion(STALE);
  await ctx.audit({
    action: 'exemplar.updated',
    entityType: 'exemplar',
    entityId: id,
    unitId: e.unitId,
    summary: `Sửa đề xuất điển hình "${row.name}"${row.name !== e.name ? ` (trước đây "${e.name}")` : ''}`,
    before: proposalSnapshot(e),
    after: proposalSnapshot(row),
  });
  return row;
}

/**
 * Hủy (or the unit's rút đề xuất): the exemplar leaves the portal and its stages; its published stories are
 * withdrawn (each audited). The stage and the steps are kept, so the Office can restore it.
 */
export async function cancelExemplar(ctx: CommandContext, id: string, input: CancelReason): Promise<ExemplarRow> {
  const e = await lockExemplar(ctx, id);
  assertExemplarCancellable(ctx.actor, e);
  if (input.version !== undefined && input.version !== e.version) throw new StaleVersion(STALE);
  const at = now();
  const row = await updateExemplarAtVersion(
    ctx.tx,
    id,
    e.version,
    { cancelledAt: at, cancelledBy: ctx.actor.accountId, cancelReason: input.reason, publishedAt: null, publishedBy: null },
    at,
  );
  if (!row) throw new StaleVersion(STALE);
  const withdrawn = await unsafeWithdrawStoriesOf(ctx.tx, id, at);
  await ctx.audit({
    action: 'exemplar.cancelled',
    entityType: 'exemplar',
    entityId: id,
    unitId: e.unitId,
    summary: `Hủy điển hình "${e.name}" (giai đoạn ${EXEMPLAR_STAGE_LABELS[e.stage as ExemplarStage]}${e.publishedAt ? ', gỡ khỏi cổng thông tin' : ''}${withdrawn.length ? `, gỡ ${withdrawn.length} bài viết` : ''}): ${input.reason}`,
    before: snapshot(e),
    after: snapshot(row),
  });
  for (const s of withdrawn)
    await ctx.audit({
      action: 'story.withdrawn',
      entityType: 'story',
      entityId: s.id,
      unitId: s.unitId,
      summary: `Gỡ bài "${s.title}" khỏi cổng thông tin vì điển hình "${e.name}" bị hủy`,
      before: { status: 'published' },
      after: { status: s.status },
    });
  return row;
}

/** Khôi phục: the Office brings a cancelled exemplar back at the stage it had; it is not on the portal until published again. */
export async function restoreExemplar(ctx: CommandContext, id: string, input: CancelReason): Promise<ExemplarRow> {
  const e = await lockExemplar(ctx, id);
  if (!e.cancelledAt) throw new ExemplarCancelled('Điển hình chưa bị hủy: không có gì để khôi phục.');
  if (input.version !== undefined && input.version !== e.version) throw new StaleVersion(STALE);
  const row = await updateExemplarAtVersion(ctx.tx, id, e.version, { cancelledAt: null, cancelledBy: null, cancelReason: null }, now());
  if (!row) throw new StaleVersion(STALE);
  await ctx.audit({
    action: 'exemplar.restored',
    entityType: 'exemplar',
    entityId: id,
    unitId: e.unitId,
    summary: `Khôi phục điển hình "${e.name}" (giai đoạn ${EXEMPLAR_STAGE_LABELS[e.stage as ExemplarStage]}): ${input.reason}`,
    before: snapshot(e),
    after: snapshot(row),
  });
  return row;
}

/** A date that must not come after a later stage already reached. */
function notAfter(date: string, later: string | null, what: string, laterWhat: string) {
  if (later && date > later) throw badRequest(`${what} (${formatDateVi(date)}) không được sau ${laterWhat} (${formatDateVi(later)}).`);
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
  const e = await lockExemplar(ctx, id);
  assertNotCancelled(e);
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
/** The conference's fields checked (the exemplars in scope and not cancelled, the decision in scope), as stored. */
async function conferenceValues(ctx: CommandContext, input: Omit<ConferenceInput, 'unitId'>, keep: readonly string[] = []) {
  const ids = [...new Set(input.exemplarIds)];
  const found = await visibleExemplarIds(ctx.tx, ctx.actor, ids);
  if (found.length !== ids.length) throw notFound('Có điển hình không tìm thấy hoặc ngoài phạm vi.');
  // An exemplar cancelled after the conference stays on its record; a new one may not be a cancelled exemplar.
  const cancelled = found.filter((f) => f.cancelled && !keep.includes(f.id));
  if (cancelled.length) throw new ExemplarCancelled(`Điển hình đã bị hủy, không biểu dương được: ${cancelled.map((c) => c.name).join('; ')}.`);
  if (input.decisionId && !(await findVisibleDecisionRef(ctx.tx, ctx.actor, input.decisionId))) throw notFound('Không tìm thấy quyết định.');
  return {
    title: input.title,
    heldOn: input.heldOn,
    place: input.place,
    speakers: input.speakers,
    exemplarIds: ids,
    decisionId: input.decisionId ?? null,
    outcome: input.outcome || null,
    shortcomings: input.shortcomings || null,
    lessons: input.lessons || null,
    directions: input.directions || null,
    reportNumber: input.reportNumber || null,
  };
}

function conferenceSnapshot(c: ConferenceRow) {
  const { title, heldOn, place, speakers, exemplarIds, decisionId, outcome, shortcomings, lessons, directions, reportNumber, cancelledAt, cancelReason } = c;
  return { title, heldOn, place, speakers, exemplarIds, decisionId, outcome, shortcomings, lessons, directions, reportNumber, cancelledAt, cancelReason };
}

const STALE_CONFERENCE = 'Hội nghị đã được người khác cập nhật. Hãy tải lại và thử lại.';

export async function recordConference(ctx: CommandContext, input: ConferenceInput): Promise<ConferenceRow> {
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị tổ chức.');
  const values = await conferenceValues(ctx, input);
  const ids = values.exemplarIds;
  const row = await insertConference(ctx.tx, { unitId: input.unitId, ...values, createdBy: ctx.actor.accountId });
  await ctx.audit({
    action: 'exemplar.conference_recorded',
    entityType: 'exemplar_conference',
    entityId: row.id,
    unitId: row.unitId,
    summary: `Ghi nhận "${row.title}" ngày ${formatDateVi(row.heldOn)} tại ${row.place} (${ids.length} điển hình)`,
    after: conferenceSnapshot(row),
  });
  return row;
}

async function lockConference(ctx: CommandContext, id: string, version: number | undefined): Promise<ConferenceRow> {
  const c = await lockOwnedConference(ctx.tx, ctx.actor, id);
  if (!c) throw notFound('Không tìm thấy hội nghị.');
  assertConferenceActive(c);
  if (version !== undefined && version !== c.version) throw new StaleVersion(STALE_CONFERENCE);
  return c;
}

/** Sửa hội nghị: corrects what was recorded (date, place, speakers, exemplars, decision, outcome, report number). */
export async function updateConference(ctx: CommandContext, id: string, input: ConferenceEdit): Promise<ConferenceRow> {
  const c = await lockConference(ctx, id, input.version);
  const row = await updateConferenceAtVersion(ctx.tx, id, c.version, await conferenceValues(ctx, input, c.exemplarIds), now());
  if (!row) throw new StaleVersion(STALE_CONFERENCE);
  await ctx.audit({
    action: 'exemplar.conference_updated',
    entityType: 'exemplar_conference',
    entityId: id,
    unitId: c.unitId,
    summary: `Sửa "${row.title}" ngày ${formatDateVi(row.heldOn)}`,
    before: conferenceSnapshot(c),
    after: conferenceSnapshot(row),
  });
  return row;
}

/** Hủy hội nghị (recorded by mistake, or not held): kept and marked, with the reason; no report is made of it. */
export async function cancelConference(ctx: CommandContext, id: string, input: CancelReason): Promise<ConferenceRow> {
  const c = await lockConference(ctx, id, input.version);
  const at = now();
  const row = await updateConferenceAtVersion(ctx.tx, id, c.version, { cancelledAt: at, cancelledBy: ctx.actor.accountId, cancelReason: input.reason }, at);
  if (!row) throw new StaleVersion(STALE_CONFERENCE);
  await ctx.audit({
    action: 'exemplar.conference_cancelled',
    entityType: 'exemplar_conference',
    entityId: id,
    unitId: c.unitId,
    summary: `Hủy "${c.title}" ngày ${formatDateVi(c.heldOn)}: ${input.reason}`,
    before: conferenceSnapshot(c),
    after: conferenceSnapshot(row),
  });
  return row;
}
