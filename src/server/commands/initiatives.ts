/**
 * Initiatives (sáng kiến): rubrics, rounds of the initiative council, applications, assignment of
 * members with their conflicts (recusal), score sheets, recognition and refusal. A recognised
 * initiative becomes a row of the records (`initiatives`) that the eligibility engine reads.
 */
import { randomBytes } from 'node:crypto';
import type { CommandContext } from './run.js';
import type { Executor } from '../db/client.js';
import type { Actor } from '../auth/actor.js';
import { findVisibleUnit } from '../repositories/units.js';
import { findVisibleCouncil } from '../repositories/councils.js';
import { insertInitiative } from '../repositories/records.js';
import {
  assignmentsOf,
  authorsOf,
  currentCouncilMembers,
  findReadableRound,
  findReadableRubric,
  findVisibleApplication,
  insertApplication,
  insertRound,
  insertRoundMembers,
  insertRubric,
  insertScore,
  loadOfMembers,
  nextRubricVersion,
  replaceAuthors,
  roundMembers,
  scoresOf,
  unsafeFindRound,
  unsafeFindRubric,
  updateApplicationAtVersion,
  updateRoundAtVersion,
  upsertAssignment,
  visiblePersonIds,
  type ApplicationListRow,
  type RoundWithUnit,
  type RubricRow,
} from '../repositories/initiatives.js';
import {
  assertInitiativeAllows,
  assertRoundAllows,
  InitiativeAlreadyScored,
  InitiativeMemberRecused,
  InitiativeNoQuorum,
  InitiativeNotAllowed,
  type InitiativeFacts,
} from '../policies/initiative.js';
import { can } from '../policies/abilities.js';
import { badRequest, forbidden, notFound, StaleVersion } from '../errors.js';
import { governingPack } from '../records/eligibility.js';
import { initiativeVotesNeeded, quorumNeeded } from '../rules/pipeline.js';
import { sheetLine, type SheetLine } from '../initiatives/sheet.js';
import { now, todayVn } from '../clock.js';
import { INITIATIVE_CONFLICT_LABELS, type InitiativeConflict } from '../../shared/codes.js';
import type { InitiativeApplicationInput, RoundInput, RubricInput, ScoreInput } from '../../shared/schemas/initiatives.js';

const STALE = 'Sáng kiến đã được người khác sửa. Hãy tải lại và thử lại.';

// ---------------------------------------------------------------- rubrics and rounds

export async function createRubric(ctx: CommandContext, input: RubricInput): Promise<RubricRow> {
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  const version = await nextRubricVersion(ctx.tx, unit.id, input.year);
  const row = await insertRubric(ctx.tx, { ...input, unitId: unit.id, version, createdBy: ctx.actor.accountId });
  await ctx.audit({
    action: 'initiative.rubric_created',
    entityType: 'initiative_rubric',
    entityId: row.id,
    unitId: unit.id,
    summary: `${row.name} năm ${row.year}, phiên bản ${version}`,
    after: row,
  });
  return row;
}

export async function createRound(ctx: CommandContext, input: RoundInput) {
  const council = await findVisibleCouncil(ctx.tx, ctx.actor, input.councilId);
  if (!council) throw notFound('Không tìm thấy hội đồng.');
  if (council.kind !== 'sang_kien') throw badRequest('Đợt xét sáng kiến phải do Hội đồng sáng kiến chấm.');
  if (!council.active) throw badRequest(`${council.name} đã hết hiệu lực.`);
  const rubric = await findReadableRubric(ctx.tx, ctx.actor, input.rubricId);
  if (!rubric) throw notFound('Không tìm thấy thang điểm.');
  const row = await insertRound(ctx.tx, {
    unitId: council.unitId,
    councilId: council.id,
    rubricId: rubric.id,
    year: input.year,
    title: input.title,
    calendar: input.calendar,
    maxLoad: input.maxLoad,
  });
  await ctx.audit({ action: 'initiative.round_created', entityType: 'initiative_round', entityId: row.id, unitId: row.unitId, summary: row.title, after: row });
  return row;
}

async function mustFindRound(ctx: CommandContext, id: string): Promise<RoundWithUnit> {
  const r = await findReadableRound(ctx.tx, ctx.actor, id);
  if (!r) throw notFound('Không tìm thấy đợt xét sáng kiến.');
  return r;
}

/** Opens the round: the council's members in office today become the round's members (the vote's total). */
export async function openRound(ctx: CommandContext, id: string) {
  const r = await mustFindRound(ctx, id);
  assertRoundAllows(ctx.actor, { status: r.round.status, unitPath: r.unitPath }, 'open');
  const members = await currentCouncilMembers(ctx.tx, r.round.councilId, todayVn());
  if (members.length === 0) throw badRequest(`${r.councilName} chưa có thành viên: không mở được đợt xét.`);
  await insertRoundMembers(
    ctx.tx,
    members.map((m) => ({ roundId: id, personId: m.personId, position: m.position })),
  );
  const row = await updateRoundAtVersion(ctx.tx, id, r.round.version, { status: 'open', openedAt: now() });
  if (!row) throw new StaleVersion('Đợt xét đã được người khác sửa. Hãy tải lại.');
  await ctx.audit({
    action: 'initiative.round_opened',
    entityType: 'initiative_round',
    entityId: id,
    unitId: row.unitId,
    summary: `${row.title}: ${members.length} thành viên Hội đồng`,
  });
  return row;
}

export async function closeRound(ctx: CommandContext, id: string) {
  const r = await mustFindRound(ctx, id);
  assertRoundAllows(ctx.actor, { status: r.round.status, unitPath: r.unitPath }, 'close');
  const row = await updateRoundAtVersion(ctx.tx, id, r.round.version, { status: 'closed', closedAt: now() });
  if (!row) throw new StaleVersion('Đợt xét đã được người khác sửa. Hãy tải lại.');
  await ctx.audit({ action: 'initiative.round_closed', entityType: 'initiative_round', entityId: id, unitId: row.unitId, summary: row.title });
  return row;
}

// ---------------------------------------------------------------- applications

/** The facts the record policy reads about one application and the actor's tie to it. */
export async function initiativeFacts(tx: Executor, actor: Actor, a: ApplicationListRow): Promise<InitiativeFacts> {
  const [authors, assignments, scores] = [await authorsOf(tx, [a.app.id]), await assignmentsOf(tx, [a.app.id]), await scoresOf(tx, [a.app.id])];
  const mine = actor.personId ? assignments.find((x) => x.personId === actor.personId) : undefined;
  return {
    status: a.app.status,
    roundStatus: a.roundStatus,
    unitPath: a.unitPath,
    authorIds: authors.map((x) => x.personId),
    myAssignment: mine ? { conflict: mine.conflict } : null,
    iScored: actor.personId !== null && scores.some((s) => s.personId === actor.personId),
  };
}

async function mustFindApplication(ctx: CommandContext, id: string): Promise<ApplicationListRow> {
  const a = await findVisibleApplication(ctx.tx, ctx.actor, id);
  if (!a) throw notFound('Không tìm thấy sáng kiến.');
  return a;
}

/** The unit that submits, the authors (in the caller's reach; staff among them) and the place applied. */
async function checkApplication(ctx: CommandContext, input: InitiativeApplicationInput, round: RoundWithUnit): Promise<string> {
  const unitId = input.unitId ?? ctx.actor.unitId;
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị đề nghị.');
  if (!unit.path.startsWith(round.unitPath)) throw badRequest(`Đơn vị "${unit.name}" không thuộc phạm vi của ${round.councilName}.`);
  const ids = input.authors.map((x) => x.personId);
  const visible = await visiblePersonIds(ctx.tx, ctx.actor, ids);
  if (visible.size !== ids.length) throw badRequest('Có tác giả không thuộc phạm vi quản lý của bạn (hoặc không tồn tại).');
  if (input.appliedUnitId && !(await findVisibleUnit(ctx.tx, ctx.actor, input.appliedUnitId))) throw notFound('Không tìm thấy đơn vị áp dụng.');
  return unit.id;
}

function applicationValues(input: InitiativeApplicationInput) {
  return {
    kind: input.kind,
    title: input.title,
    field: input.field ?? null,
    appliedUnitId: input.appliedUnitId ?? null,
    appliedPlace: input.appliedPlace ?? null,
    firstAppliedOn: input.firstAppliedOn,
    novelty: input.novelty,
    application: input.application,
    benefitVnd: input.benefitVnd ?? null,
    benefitText: input.benefitText ?? null,
    scopeAsked: input.scopeAsked,
  };
}

export async function submitInitiative(ctx: CommandContext, input: InitiativeApplicationInput) {
  const round = await mustFindRound(ctx, input.roundId);
  assertRoundAllows(ctx.actor, { status: round.round.status, unitPath: round.unitPath }, 'submit');
  const unitId = await checkApplication(ctx, input, round);
  const row = await insertApplication(ctx.tx, { ...applicationValues(input), roundId: round.round.id, unitId, createdBy: ctx.actor.accountId }, input.authors);
  await ctx.audit({
    action: 'initiative.submitted',
    entityType: 'initiative',
    entityId: row.id,
    unitId,
    summary: row.title,
    after: { ...row, authors: input.authors },
  });
  return row;
}

export async function updateInitiative(ctx: CommandContext, id: string, input: InitiativeApplicationInput) {
  const a = await mustFindApplication(ctx, id);
  assertInitiativeAllows(ctx.actor, await initiativeFacts(ctx.tx, ctx.actor, a), 'update');
  if (input.roundId !== a.app.roundId) throw badRequest('Không chuyển sáng kiến sang đợt xét khác; hãy rút và nộp lại.');
  const round = await mustFindRound(ctx, a.app.roundId);
  const unitId = await checkApplication(ctx, { ...input, unitId: input.unitId ?? a.app.unitId }, round);
  const row = await updateApplicationAtVersion(ctx.tx, id, input.version ?? a.app.version, { ...applicationValues(input), unitId });
  if (!row) throw new StaleVersion(STALE);
  await replaceAuthors(ctx.tx, id, input.authors);
  await ctx.audit({
    action: 'initiative.updated',
    entityType: 'initiative',
    entityId: id,
    unitId,
    summary: row.title,
    before: a.app,
    after: { ...row, authors: input.authors },
  });
  return row;
}

export async function withdrawInitiative(ctx: CommandContext, id: string) {
  const a = await mustFindApplication(ctx, id);
  assertInitiativeAllows(ctx.actor, await initiativeFacts(ctx.tx, ctx.actor, a), 'withdraw');
  const row = await updateApplicationAtVersion(ctx.tx, id, a.app.version, { status: 'withdrawn' });
  if (!row) throw new StaleVersion(STALE);
  await ctx.audit({ action: 'initiative.withdrawn', entityType: 'initiative', entityId: id, unitId: row.unitId, summary: row.title });
  return row;
}

// ---------------------------------------------------------------- assignment and conflicts

/**
 * Gives the initiative to these members of the round. A member who is an author, or whose unit
 * submitted it, is recused (recorded with the reason and logged), and a member whose declared
 * conflict stands stays recused; the others count against the round's load limit.
 */
export async function assignMembers(ctx: CommandContext, id: string, personIds: string[]) {
  const a = await mustFindApplication(ctx, id);
  assertInitiativeAllows(ctx.actor, await initiativeFacts(ctx.tx, ctx.actor, a), 'assign');
  const round = await unsafeFindRound(ctx.tx, a.app.roundId);
  if (!round) throw notFound('Không tìm thấy đợt xét sáng kiến.');
  const members = new Map((await roundMembers(ctx.tx, a.app.roundId)).map((m) => [m.personId, m]));
  const authors = new Set((await authorsOf(ctx.tx, [id])).map((x) => x.personId));
  const existing = new Map((await assignmentsOf(ctx.tx, [id])).map((x) => [x.personId, x]));
  const load = await loadOfMembers(ctx.tx, a.app.roundId);
  const recused: string[] = [];
  const assigned: string[] = [];
  for (const pid of personIds) {
    const m = members.get(pid);
    if (!m) throw badRequest('Người được phân công không phải thành viên Hội đồng của đợt xét.');
    const before = existing.get(pid);
    if (before?.declared && before.conflict) {
      recused.push(`${m.fullName} (${INITIATIVE_CONFLICT_LABELS[before.conflict as InitiativeConflict] ?? before.conflict})`);
      continue;
    }
    const conflict: InitiativeConflict | null = authors.has(pid) ? 'author' : m.unitId === a.app.unitId ? 'same_unit' : null;
    if (!conflict && !before && (load.get(pid) ?? 0) >= round.round.maxLoad)
      throw badRequest(`${m.fullName} đã được giao ${round.round.maxLoad} sáng kiến (giới hạn của đợt xét).`);
    await upsertAssignment(ctx.tx, { applicationId: id, personId: pid, conflict, conflictNote: null, declared: false });
    if (conflict) recused.push(`${m.fullName} (${INITIATIVE_CONFLICT_LABELS[conflict]})`);
    else assigned.push(m.fullName);
  }
  if (assigned.length)
    await ctx.audit({
      action: 'initiative.assigned',
      entityType: 'initiative',
      entityId: id,
      unitId: a.app.unitId,
      summary: `${a.app.title}: ${assigned.join(', ')}`,
    });
  if (recused.length)
    await ctx.audit({
      action: 'initiative.recused',
      entityType: 'initiative',
      entityId: id,
      unitId: a.app.unitId,
      summary: `${a.app.title}: ${recused.join(', ')}`,
    });
  return { assigned, recused };
}

/** A member declares a conflict (family, supervisor…), or the Office records one for a member: the member is recused. */
export async function declareConflict(
  ctx: CommandContext,
  id: string,
  input: { personId?: string | null | undefined; kind: InitiativeConflict; note?: string | null | undefined },
) {
  const a = await mustFindApplication(ctx, id);
  const pid = input.personId ?? ctx.actor.personId;
  if (!pid) throw badRequest('Tài khoản của bạn không gắn với một cán bộ.');
  const forOther = pid !== ctx.actor.personId;
  const facts = await initiativeFacts(ctx.tx, ctx.actor, a);
  if (forOther) {
    if (!can(ctx.actor.role, 'initiative', 'assign')) throw forbidden();
    assertInitiativeAllows(ctx.actor, facts, 'assign');
  } else {
    if (!can(ctx.actor.role, 'initiative', 'score') && !can(ctx.actor.role, 'initiative', 'assign')) throw forbidden();
    if (facts.status !== 'submitted' || facts.roundStatus !== 'open') assertInitiativeAllows(ctx.actor, facts, 'assign');
  }
  const members = new Map((await roundMembers(ctx.tx, a.app.roundId)).map((m) => [m.personId, m]));
  const m = members.get(pid);
  if (!m) throw badRequest('Người khai xung đột không phải thành viên Hội đồng của đợt xét.');
  if ((await scoresOf(ctx.tx, [id])).some((s) => s.personId === pid)) throw new InitiativeAlreadyScored(`${m.fullName} đã chấm sáng kiến này.`);
  await upsertAssignment(ctx.tx, { applicationId: id, personId: pid, conflict: input.kind, conflictNote: input.note ?? null, declared: true });
  await ctx.audit({
    action: 'initiative.recused',
    entityType: 'initiative',
    entityId: id,
    unitId: a.app.unitId,
    summary: `${a.app.title}: ${m.fullName} (${INITIATIVE_CONFLICT_LABELS[input.kind]}${input.note ? `: ${input.note}` : ''})`,
  });
}

// ---------------------------------------------------------------- scores

function checkPoints(rubric: RubricRow, points: Record<string, number>): number {
  const keys = new Set(rubric.criteria.map((c) => c.key));
  for (const k of Object.keys(points)) if (!keys.has(k)) throw badRequest(`Tiêu chí "${k}" không có trong thang điểm.`);
  let total = 0;
  for (const c of rubric.criteria) {
    const p = points[c.key];
    if (p === undefined) throw badRequest(`Chưa chấm tiêu chí "${c.label}".`);
    if (p < 0 || p > c.maxPoints) throw badRequest(`Điểm tiêu chí "${c.label}" phải từ 0 đến ${c.maxPoints}.`);
    total += p;
  }
  return total;
}

/** A member's sheet (or the Office entering a member's paper sheet): once, within the rubric, while the round is open. */
export async function scoreInitiative(ctx: CommandContext, id: string, input: ScoreInput) {
  const a = await mustFindApplication(ctx, id);
  const facts = await initiativeFacts(ctx.tx, ctx.actor, a);
  const pid = input.personId ?? ctx.actor.personId;
  if (!pid) throw badRequest('Tài khoản của bạn không gắn với một thành viên Hội đồng.');
  const members = await roundMembers(ctx.tx, a.app.roundId);
  const member = members.find((m) => m.personId === pid);
  if (pid !== ctx.actor.personId) {
    if (!can(ctx.actor.role, 'initiative', 'enterPaperScores')) throw forbidden();
    assertInitiativeAllows(ctx.actor, facts, 'enterPaperScores');
    if (!member) throw badRequest('Người chấm không phải thành viên Hội đồng của đợt xét.');
    const assignment = (await assignmentsOf(ctx.tx, [id])).find((x) => x.personId === pid);
    if (!assignment) throw new InitiativeMemberRecused(`${member.fullName} không được phân công chấm sáng kiến này.`);
    if (assignment.conflict) throw new InitiativeMemberRecused(`${member.fullName} không tham gia chấm sáng kiến này (xung đột lợi ích).`);
  } else {
    if (!can(ctx.actor.role, 'initiative', 'score')) throw forbidden();
    assertInitiativeAllows(ctx.actor, facts, 'score');
  }
  const round = await unsafeFindRound(ctx.tx, a.app.roundId);
  const rubric = round ? await unsafeFindRubric(ctx.tx, round.round.rubricId) : undefined;
  if (!rubric) throw notFound('Không tìm thấy thang điểm của đợt xét.');
  const total = checkPoints(rubric, input.points);
  const ok = await insertScore(ctx.tx, {
    applicationId: id,
    personId: pid,
    points: input.points,
    total,
    approve: input.approve,
    comment: input.comment ?? null,
    enteredBy: ctx.actor.accountId,
  });
  if (!ok) throw new InitiativeAlreadyScored(`${member?.fullName ?? 'Thành viên'} đã chấm sáng kiến này; phiếu đã nộp không sửa được.`);
  await ctx.audit({
    action: 'initiative.scored',
    entityType: 'initiative',
    entityId: id,
    unitId: a.app.unitId,
    // The points stay out of the log: other members must not read them there before scoring.
    summary: `${a.app.title}: phiếu của ${member?.fullName ?? 'thành viên'}${pid !== ctx.actor.personId ? ' (nhập từ phiếu giấy)' : ''}`,
  });
}

// ---------------------------------------------------------------- the sheet and the decision

export interface SheetContext {
  round: RoundWithUnit;
  rubric: RubricRow;
  totalMembers: number;
  quorumNeeded: number;
  votesNeeded: number;
  maxTotal: number;
  /** Where the thresholds come from. */
  sources: { passMark: string; quorum: string; votes: string; verified: boolean };
}

/** The thresholds of a round on a date: the rubric's pass mark, the quorum and vote rule of the council's unit's pack. */
export async function sheetContext(tx: Executor, round: RoundWithUnit, date: string): Promise<SheetContext> {
  const rubric = await unsafeFindRubric(tx, round.round.rubricId);
  if (!rubric) throw notFound('Không tìm thấy thang điểm của đợt xét.');
  const pack = await governingPack(tx, round.unitPath, date);
  const totalMembers = (await roundMembers(tx, round.round.id)).length;
  return {
    round,
    rubric,
    totalMembers,
    quorumNeeded: quorumNeeded(pack, totalMembers),
    votesNeeded: initiativeVotesNeeded(pack, totalMembers),
    maxTotal: rubric.criteria.reduce((s, c) => s + c.maxPoints, 0),
    sources: {
      passMark: `${rubric.name} (phiên bản ${rubric.version}): ${rubric.source}`,
      quorum: pack.pipeline.quorum.article,
      votes: pack.pipeline.initiativeVote.article,
      verified: pack.pipeline.quorum.verified && pack.pipeline.initiativeVote.verified,
    },
  };
}

export async function lineOf(tx: Executor, sc: SheetContext, applicationId: string): Promise<SheetLine> {
  const [scores, assignments] = [await scoresOf(tx, [applicationId]), await assignmentsOf(tx, [applicationId])];
  return sheetLine(scores, assignments.filter((x) => x.conflict).length, {
    totalMembers: sc.totalMembers,
    quorumNeeded: sc.quorumNeeded,
    votesNeeded: sc.votesNeeded,
    passMark: sc.rubric.passMark,
    maxTotal: sc.maxTotal,
  });
}

function certificateCode(): string {
  return `SK-${randomBytes(6).toString('hex').toUpperCase()}`;
}

/**
 * Recognises the initiative by the unit head's decision: only when the members who scored reach
 * the quorum, the average reaches the pass mark and the approvals the vote threshold. The
 * recognised initiative (scope cơ sở, the decision's year) joins the authors' records.
 */
export async function recogniseInitiative(ctx: CommandContext, id: string, input: { decisionNumber: string; decisionDate: string }) {
  const a = await mustFindApplication(ctx, id);
  assertInitiativeAllows(ctx.actor, await initiativeFacts(ctx.tx, ctx.actor, a), 'decide');
  const round = await unsafeFindRound(ctx.tx, a.app.roundId);
  if (!round) throw notFound('Không tìm thấy đợt xét sáng kiến.');
  const sc = await sheetContext(ctx.tx, round, input.decisionDate);
  const line = await lineOf(ctx.tx, sc, id);
  if (!line.passes) throw new InitiativeNoQuorum(`Không đủ điều kiện công nhận: ${line.shortfalls.join(' ')}`);
  const authors = await authorsOf(ctx.tx, [id]);
  const record = await insertInitiative(
    ctx.tx,
    {
      unitId: a.app.unitId,
      title: a.app.title,
      scope: 'co_so',
      year: Number(input.decisionDate.slice(0, 4)),
      decisionNumber: input.decisionNumber,
      decisionDate: input.decisionDate,
      issuer: round.unitName,
    },
    authors.map((x) => x.personId),
  );
  const row = await updateApplicationAtVersion(ctx.tx, id, a.app.version, {
    status: 'recognised',
    decisionNumber: input.decisionNumber,
    decisionDate: input.decisionDate,
    recordId: record.id,
    certificateCode: certificateCode(),
  });
  if (!row) throw new StaleVersion(STALE);
  await ctx.audit({
    action: 'initiative.recognised',
    entityType: 'initiative',
    entityId: id,
    unitId: a.app.unitId,
    summary: `${a.app.title}: Quyết định số ${input.decisionNumber} (điểm trung bình ${line.average}, ${line.approvals}/${sc.totalMembers} đồng ý)`,
    after: row,
  });
  return row;
}

/** Refuses the initiative with reasons the authors read on their application. */
export async function refuseInitiative(ctx: CommandContext, id: string, reason: string) {
  const a = await mustFindApplication(ctx, id);
  assertInitiativeAllows(ctx.actor, await initiativeFacts(ctx.tx, ctx.actor, a), 'decide');
  if (a.app.status !== 'submitted') throw new InitiativeNotAllowed('Sáng kiến đã được quyết định.');
  const row = await updateApplicationAtVersion(ctx.tx, id, a.app.version, { status: 'refused', refusalReason: reason });
  if (!row) throw new StaleVersion(STALE);
  await ctx.audit({ action: 'initiative.refused', entityType: 'initiative', entityId: id, unitId: a.app.unitId, summary: `${a.app.title}: ${reason}` });
  return row;
}
