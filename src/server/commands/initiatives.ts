/**
 * Initiatives (sáng kiến): rubrics, rounds of the initiative council, applications, assignment of
 * members with their conflicts (recusal), score sheets, recognition and refusal. A recognised
 * initiative becomes a row of the records (`initiatives`) that the eligibility engine reads.
 */
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
  applicationsOfRoundByIds,
  deleteClaim,
  insertClaim,
  setRecordScope,
  unsafeFindClaimable,
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
import { insertDecision, nextDecisionNumber } from '../repositories/decisions.js';
import { insertCertificate, nextCertificateNumber, unitChainNames } from '../repositories/certificates.js';
import { candidatesOf } from '../repositories/dossiers.js';
import { editable } from './dossiers/common.js';
import { newPublicCode } from './certificates.js';
import { InitiativeAlreadyUsed } from '../records/errors.js';
import { regimeForDate } from '../rules/regimes.js';
import { decisionNumberText } from '../../shared/dossiers.js';
import { formatDateVi } from '../../shared/format-vi.js';
import { normalizeName } from '../../shared/vietnamese.js';
import { badRequest, forbidden, notFound, StaleVersion } from '../errors.js';
import { governingPack } from '../records/eligibility.js';
import { initiativeVotesNeeded, quorumNeeded } from '../rules/pipeline.js';
import { sheetLine, type SheetLine } from '../initiatives/sheet.js';
import { now, todayVn } from '../clock.js';
import { HONOR_INFO, HONORS, INITIATIVE_CONFLICT_LABELS, INITIATIVE_SCOPE_LABELS, type Honor, type InitiativeConflict } from '../../shared/codes.js';
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

/** Edits a round before it opens: title, calendar, load limit, rubric (the rubric is fixed once scoring starts). */
export async function updateRound(ctx: CommandContext, id: string, input: RoundInput & { version?: number | undefined }) {
  const r = await mustFindRound(ctx, id);
  assertRoundAllows(ctx.actor, { status: r.round.status, unitPath: r.unitPath }, 'update');
  if (input.councilId !== r.round.councilId) throw badRequest('Không đổi Hội đồng của đợt xét; hãy tạo đợt xét mới.');
  const rubric = await findReadableRubric(ctx.tx, ctx.actor, input.rubricId);
  if (!rubric) throw notFound('Không tìm thấy thang điểm.');
  const row = await updateRoundAtVersion(ctx.tx, id, input.version ?? r.round.version, {
    title: input.title,
    calendar: input.calendar,
    maxLoad: input.maxLoad,
    rubricId: rubric.id,
  });
  if (!row) throw new StaleVersion('Đợt xét đã được người khác sửa. Hãy tải lại.');
  await ctx.audit({
    action: 'initiative.round_updated',
    entityType: 'initiative_round',
    entityId: id,
    unitId: row.unitId,
    summary: row.title,
    before: r.round,
    after: row,
  });
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

/** The place line of a unit's documents: the province named at the end of its name or an ancestor's. */
async function placeOf(tx: Executor, unitId: string): Promise<string> {
  for (const name of await unitChainNames(tx, unitId)) {
    const m = /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(name);
    if (m?.[1]) return m[1];
  }
  return '';
}

export interface RecognitionInput {
  initiativeIds: string[];
  decisionDate: string;
  signerName: string;
  signerTitle: string;
  title?: string | null | undefined;
}

/**
 * Issues the Quyết định công nhận sáng kiến of a closed round: one decision of the council's unit
 * for the initiatives listed, its number taken from the unit's decision register (the counter row
 * locked until commit, like award decisions), a Giấy chứng nhận per initiative in the sổ vàng with
 * a public code for the QR page. Each initiative must have the quorum, the pass mark and the votes;
 * one that does not refuses the whole decision. The recognised initiatives (scope cơ sở, the
 * decision's year) join the authors' records, where the eligibility engine reads them.
 */
export async function recogniseInitiatives(ctx: CommandContext, roundId: string, input: RecognitionInput) {
  const round = await mustFindRound(ctx, roundId);
  const ids = [...new Set(input.initiativeIds)];
  if (ids.length === 0) throw badRequest('Hãy chọn ít nhất một sáng kiến để công nhận.');
  const apps = await applicationsOfRoundByIds(ctx.tx, roundId, ids);
  if (apps.length !== ids.length) throw notFound('Có sáng kiến không thuộc đợt xét này.');
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, round.round.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị của Hội đồng sáng kiến.');
  if (!unit.code) throw badRequest(`${unit.name} chưa có ký hiệu văn bản: chưa lấy được số quyết định.`);
  const sc = await sheetContext(ctx.tx, round, input.decisionDate);
  const checked: { a: ApplicationListRow; line: SheetLine; authors: Awaited<ReturnType<typeof authorsOf>> }[] = [];
  for (const a of apps) {
    assertInitiativeAllows(ctx.actor, await initiativeFacts(ctx.tx, ctx.actor, a), 'decide');
    const line = await lineOf(ctx.tx, sc, a.app.id);
    if (!line.passes) throw new InitiativeNoQuorum(`"${a.app.title}" chưa đủ điều kiện công nhận: ${line.shortfalls.join(' ')}`);
    checked.push({ a, line, authors: await authorsOf(ctx.tx, [a.app.id]) });
  }
  const year = Number(input.decisionDate.slice(0, 4));
  const number = await nextDecisionNumber(ctx.tx, unit.id, year);
  const numberText = decisionNumberText(number, unit.code);
  const decision = await insertDecision(ctx.tx, {
    kind: 'internal',
    unitId: unit.id,
    issuerName: unit.name,
    number,
    year,
    numberText,
    decisionDate: input.decisionDate,
    title: input.title?.trim() || `Về việc công nhận sáng kiến năm ${round.round.year}`,
    signerName: input.signerName.trim(),
    signerTitle: input.signerTitle.trim(),
    regime: regimeForDate(input.decisionDate),
    issuedBy: ctx.actor.accountId,
    issuedAt: now(),
  });
  const place = await placeOf(ctx.tx, unit.id);
  for (const { a, authors } of checked) {
    const record = await insertInitiative(
      ctx.tx,
      { unitId: a.app.unitId, title: a.app.title, scope: 'co_so', year, decisionNumber: numberText, decisionDate: input.decisionDate, issuer: unit.name },
      authors.map((x) => x.personId),
    );
    const certificate = await insertCertificate(ctx.tx, {
      unitId: unit.id,
      year,
      number: await nextCertificateNumber(ctx.tx, unit.id, year),
      code: newPublicCode(),
      honor: INITIATIVE_CERTIFICATE,
      honorLabel: 'Giấy chứng nhận sáng kiến',
      recipientName: authors.map((x) => normalizeName(x.fullName)).join(', '),
      recipientDetail: a.unitName,
      achievement: a.app.title,
      decisionId: decision.id,
      decisionNumber: numberText,
      decisionDate: input.decisionDate,
      issuerName: unit.name,
      issuerTitle: unit.name.toLocaleUpperCase('vi'),
      signerTitle: input.signerTitle.trim(),
      signerName: normalizeName(input.signerName),
      place,
      issuedBy: ctx.actor.accountId,
    });
    const row = await updateApplicationAtVersion(ctx.tx, a.app.id, a.app.version, {
      status: 'recognised',
      decisionNumber: numberText,
      decisionDate: input.decisionDate,
      decisionId: decision.id,
      recordId: record.id,
      certificateId: certificate.id,
      certificateCode: certificate.code,
    });
    if (!row) throw new StaleVersion(STALE);
  }
  await ctx.audit({
    action: 'initiative.recognition_issued',
    entityType: 'decision',
    entityId: decision.id,
    unitId: unit.id,
    summary: `Quyết định số ${numberText} ngày ${formatDateVi(input.decisionDate)} công nhận ${checked.length} sáng kiến: ${checked
      .map(({ a, line }) => `${a.app.title} (điểm trung bình ${line.average}, ${line.approvals}/${sc.totalMembers} đồng ý)`)
      .join('; ')}`,
    after: { numberText, initiatives: checked.map(({ a }) => a.app.id) },
  });
  return decision;
}

/**
 * A higher level (bộ, ngành, tỉnh; or national) later recognised the initiative's wider effect:
 * its decision is recorded on the application and the record the engine reads takes the scope.
 */
export async function recordHigherRecognition(
  ctx: CommandContext,
  id: string,
  input: { scope: 'bo_tinh' | 'toan_quoc'; decisionNumber: string; decisionDate: string; issuer: string },
) {
  const a = await mustFindApplication(ctx, id);
  if (!can(ctx.actor.role, 'initiative', 'decide')) throw forbidden();
  assertInitiativeAllows(ctx.actor, await initiativeFacts(ctx.tx, ctx.actor, a), 'recordHigher');
  if (!a.app.recordId || !a.app.decisionDate) throw new InitiativeNotAllowed('Chỉ ghi công nhận của cấp trên cho sáng kiến đã được cơ sở công nhận.');
  if (input.decisionDate < a.app.decisionDate) throw badRequest('Quyết định của cấp trên không thể trước quyết định công nhận của cơ sở.');
  const row = await updateApplicationAtVersion(ctx.tx, id, a.app.version, {
    higherScope: input.scope,
    higherDecisionNumber: input.decisionNumber.trim(),
    higherDecisionDate: input.decisionDate,
    higherIssuer: input.issuer.trim(),
  });
  if (!row) throw new StaleVersion(STALE);
  await setRecordScope(ctx.tx, a.app.recordId, input.scope, { number: input.decisionNumber.trim(), date: input.decisionDate, issuer: input.issuer.trim() });
  await ctx.audit({
    action: 'initiative.higher_recognised',
    entityType: 'initiative',
    entityId: id,
    unitId: a.app.unitId,
    summary: `${a.app.title}: ${input.issuer} công nhận phạm vi ${INITIATIVE_SCOPE_LABELS[input.scope]} (Quyết định số ${input.decisionNumber} ngày ${formatDateVi(input.decisionDate)})`,
    before: { scope: 'co_so' },
    after: { scope: input.scope },
  });
  return row;
}

// ---------------------------------------------------------------- use once (legal-rules §10)

/**
 * Offers a recognised initiative as the evidence of a dossier candidate: the candidate must be
 * its author (a collective: the owning unit) and the initiative must not have backed or be
 * backing another award. The claim is one row per initiative (its primary key), so two offers at
 * once cannot both win.
 */
export async function offerInitiative(ctx: CommandContext, input: { dossierId: string; candidateId: string; initiativeId: string }) {
  const d = await editable(ctx, input.dossierId);
  const c = (await candidatesOf(ctx.tx, d.id)).find((x) => x.id === input.candidateId);
  if (!c) throw notFound('Không tìm thấy người/tập thể trong hồ sơ.');
  const i = await unsafeFindClaimable(ctx.tx, input.initiativeId);
  const mine = i && (c.personId ? i.authorIds.includes(c.personId) : i.unitId === c.subjectUnitId);
  if (!i || !mine) throw notFound(`Không tìm thấy sáng kiến đã công nhận của ${c.displayName}.`);
  if (i.claim?.candidateId === c.id) return i;
  if (i.usedForAwardId)
    throw new InitiativeAlreadyUsed(
      `Sáng kiến "${i.title}" đã được dùng làm căn cứ cho một khen thưởng khác; mỗi sáng kiến chỉ được dùng một lần (Luật Thi đua, khen thưởng, Điều 5).`,
    );
  if (i.claim)
    throw new InitiativeAlreadyUsed(
      `Sáng kiến "${i.title}" đã được dùng làm căn cứ đề nghị ${honorLabel(i.claim.honor)} cho ${i.claim.candidateName} (hồ sơ "${i.claim.dossierTitle}"); mỗi sáng kiến chỉ được dùng một lần.`,
    );
  if (!(await insertClaim(ctx.tx, { initiativeId: i.id, candidateId: c.id, claimedBy: ctx.actor.accountId })))
    throw new InitiativeAlreadyUsed(`Sáng kiến "${i.title}" vừa được dùng cho một đề nghị khác; mỗi sáng kiến chỉ được dùng một lần.`);
  await ctx.audit({
    action: 'initiative.offered',
    entityType: 'dossier',
    entityId: d.id,
    unitId: d.unitId,
    summary: `Sáng kiến "${i.title}" làm căn cứ đề nghị ${honorLabel(c.honor)} cho ${c.displayName}`,
  });
  return i;
}

/** Takes an offered initiative back from a candidate while the dossier is editable (free to back another). */
export async function withdrawOffer(ctx: CommandContext, input: { dossierId: string; initiativeId: string }) {
  const d = await editable(ctx, input.dossierId);
  const i = await unsafeFindClaimable(ctx.tx, input.initiativeId);
  const candidates = await candidatesOf(ctx.tx, d.id);
  const c = candidates.find((x) => x.id === i?.claim?.candidateId);
  if (!i || !c) throw notFound('Sáng kiến không phải căn cứ của đề nghị nào trong hồ sơ này.');
  if (i.usedForAwardId) throw new InitiativeAlreadyUsed(`Sáng kiến "${i.title}" đã là căn cứ của khen thưởng đã quyết định.`);
  await deleteClaim(ctx.tx, i.id);
  await ctx.audit({
    action: 'initiative.offer_withdrawn',
    entityType: 'dossier',
    entityId: d.id,
    unitId: d.unitId,
    summary: `Bỏ sáng kiến "${i.title}" khỏi căn cứ đề nghị của ${c.displayName}`,
  });
}

const honorLabel = (h: string): string => ((HONORS as readonly string[]).includes(h) ? HONOR_INFO[h as Honor].label : h);

/** The code of the certificates table's row for a Giấy chứng nhận sáng kiến (not an honor). */
export const INITIATIVE_CERTIFICATE = 'SANG_KIEN';
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
