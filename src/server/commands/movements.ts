import { signedDocumentOf } from '../repositories/signing.js';
import type { CommandContext } from './run.js';
import type { Executor } from '../db/client.js';
import { findReadablePlan } from '../repositories/plans.js';
import {
  findOwnedMovement,
  findReadableMovement,
  insertMovement,
  phasesOf,
  replaceMovementParts,
  setMovementStatus,
  unsafeFindMovementHeader,
  updateMovementAtVersion,
  type MovementRow,
} from '../repositories/movements.js';
import { assertClosable, assertEditable, assertLaunchable, assertMovementContentEditable } from '../policies/movement.js';
import { now } from '../clock.js';
import { findVisibleUnit } from '../repositories/units.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { assertUnitsUnder } from './plans.js';
import { completeDeadlines, deadlinesOf, syncDeadlines, type DeadlineSpec } from '../deadlines/register.js';
import { formatDateVi } from '../../shared/format-vi.js';
import { HONOR_INFO, type Honor } from '../../shared/codes.js';
import type { Calendar } from '../../shared/working-days.js';
import { loadCalendar } from '../repositories/dossiers.js';
import { windowProblem } from '../deadlines/window.js';
import type { DeadlineInput, MovementInput } from '../../shared/schemas/plans.js';

function snapshot(m: MovementRow) {
  const { type, year, number, issuedDate, issuer, title, theme, startDate, endDate, registrationStartDate, registrationDeadline, status } = m;
  return { type, year, number, issuedDate, issuer, title, theme, startDate, endDate, registrationStartDate, registrationDeadline, status };
}

const d = formatDateVi;

/** Dates that contradict each other are refused before anything is stored. */
function checkDates(input: MovementInput, cal: Calendar) {
  if (input.endDate < input.startDate)
    throw badRequest(`Thời gian thi đua không hợp lệ: ngày kết thúc ${d(input.endDate)} trước ngày bắt đầu ${d(input.startDate)}.`);
  for (const p of input.phases) {
    if (p.endDate < p.startDate) throw badRequest(`${p.name}: ngày kết thúc ${d(p.endDate)} trước ngày bắt đầu ${d(p.startDate)}.`);
    if (p.startDate < input.startDate || p.endDate > input.endDate)
      throw badRequest(`${p.name} (${d(p.startDate)} – ${d(p.endDate)}) nằm ngoài thời gian của phong trào (${d(input.startDate)} – ${d(input.endDate)}).`);
    if (p.summingUpDeadline && p.summingUpDeadline < p.endDate)
      throw badRequest(`${p.name}: hạn sơ kết ${d(p.summingUpDeadline)} trước khi đợt kết thúc (${d(p.endDate)}).`);
  }
  if (input.registrationDeadline && input.registrationDeadline < input.startDate)
    throw badRequest(`Hạn đăng ký thi đua ${d(input.registrationDeadline)} trước ngày phát động (${d(input.startDate)}).`);
  if (input.registrationStartDate && input.registrationDeadline && input.registrationStartDate > input.registrationDeadline)
    throw badRequest(`Thời gian đăng ký thi đua không hợp lệ: ngày mở ${d(input.registrationStartDate)} sau hạn đăng ký ${d(input.registrationDeadline)}.`);
  const offeredHonors = new Set(input.honors.map((h) => h.honor));
  for (const x of input.deadlines) {
    if (x.dueDate < input.startDate) throw badRequest(`Thời hạn "${x.title}" (${d(x.dueDate)}) trước ngày phát động (${d(input.startDate)}).`);
    const problem = windowProblem(cal, x);
    if (problem) throw badRequest(problem);
    for (const h of x.honors ?? [])
      if (offeredHonors.size && !offeredHonors.has(h))
        throw badRequest(`Thời hạn "${x.title}" dành cho "${HONOR_INFO[h].label}", nhưng phong trào không xét hình thức này.`);
  }
  const keys = input.deadlines.map((x, i) => x.key ?? `d${i + 1}`);
  if (new Set(keys).size !== keys.length) throw badRequest('Mã thời hạn bị trùng.');
  const offered = input.honors.map((h) => h.honor);
  if (new Set(offered).size !== offered.length) throw badRequest('Một hình thức khen thưởng được khai báo hai lần.');
}

async function validate(ctx: CommandContext, input: MovementInput, selfId?: string) {
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  checkDates(input, await loadCalendar(ctx.tx));
  await assertUnitsUnder(
    ctx.tx,
    unit.path,
    [...input.participantUnitIds, ...input.deadlines.map((x) => x.responsibleUnitId).filter((x): x is string => !!x)],
    'Đơn vị tham gia',
  );
  if (input.parentId) {
    if (input.parentId === selfId) throw badRequest('Phong trào không thể là phong trào cấp trên của chính nó.');
    const parent = await findReadableMovement(ctx.tx, ctx.actor, input.parentId);
    if (!parent) throw notFound('Không tìm thấy phong trào cấp trên.');
    if (parent.status === 'closed') throw badRequest(`Phong trào cấp trên "${parent.title}" đã kết thúc.`);
  }
  if (input.planId && !(await findReadablePlan(ctx.tx, ctx.actor, input.planId))) throw notFound('Không tìm thấy kế hoạch.');
  return unit;
}

function values(input: MovementInput) {
  return {
    unitId: input.unitId,
    parentId: input.parentId ?? null,
    planId: input.planId ?? null,
    type: input.type,
    year: input.year,
    number: input.number?.trim() || null,
    issuedDate: input.issuedDate ?? null,
    issuer: input.issuer?.trim() || null,
    title: input.title,
    basis: input.basis ?? null,
    theme: input.theme ?? null,
    slogan: input.slogan ?? null,
    content: input.content ?? null,
    purpose: input.purpose ?? null,
    subjectsText: input.subjectsText ?? null,
    criteria: input.criteria ?? null,
    startDate: input.startDate,
    endDate: input.endDate,
    registrationDeadline: input.registrationDeadline ?? null,
    registrationStartDate: input.registrationStartDate ?? null,
    signerTitle: input.signerTitle ?? null,
    signerName: input.signerName ?? null,
  };
}

async function storeParts(tx: Executor, id: string, input: MovementInput) {
  await replaceMovementParts(tx, id, {
    targets: input.targets.map((t, i) => ({
      subjectKind: t.subjectKind,
      honor: t.honor ?? null,
      measure: t.measure,
      value: t.value,
      valueMax: t.valueMax ?? null,
      label: t.label,
      sortOrder: i,
    })),
    phases: input.phases.map((p, i) => ({
      name: p.name,
      startDate: p.startDate,
      endDate: p.endDate,
      summingUpDeadline: p.summingUpDeadline ?? null,
      content: p.content ?? null,
      sortOrder: i,
    })),
    honors: input.honors.map((h, i) => ({
      honor: h.honor,
      subjectKinds: h.subjectKinds,
      quota: h.quota ?? null,
      quotaNote: h.quotaNote ?? null,
      criteria: h.criteria ?? null,
      minTargetShare: h.minTargetShare ?? null,
      criteriaByDate: h.criteriaByDate ?? null,
      awardedBy: h.awardedBy ?? null,
      sortOrder: i,
    })),
    participantUnitIds: input.participantUnitIds,
  });
}

export const MOVEMENT_EXTRA_PREFIX = 'x-';

/** The movement's calendar entries: registration, phases' summing-up, and its listed deadlines. */
async function syncMovementDeadlines(tx: Executor, m: MovementRow, extra: DeadlineInput[], phases: MovementInput['phases']) {
  const status = m.status === 'launched' ? 'open' : m.status === 'closed' ? 'done' : 'draft';
  const link = `/phong-trao/${m.id}`;
  const specs: DeadlineSpec[] = [];
  if (m.registrationDeadline)
    specs.push({
      sourceType: 'movement',
      sourceId: m.id,
      key: 'registration',
      unitId: m.unitId,
      kind: 'registration',
      audience: 'units',
      title: `Đăng ký thi đua: ${m.title}`,
      dueDate: m.registrationDeadline,
      startDate: m.registrationStartDate,
      link: `/dang-ky-thi-dua?movementId=${m.id}`,
      status,
    });
  phases.forEach((p, i) => {
    if (p.summingUpDeadline)
      specs.push({
        sourceType: 'movement',
        sourceId: m.id,
        key: `phase-${i + 1}`,
        unitId: m.unitId,
        kind: 'summing_up',
        audience: 'office',
        title: `Sơ kết, tổng kết ${p.name.toLowerCase().startsWith('đợt') ? p.name.charAt(0).toLowerCase() + p.name.slice(1) : p.name} — ${m.title}`,
        dueDate: p.summingUpDeadline,
        link,
        status,
      });
  });
  extra.forEach((x, i) =>
    specs.push({
      sourceType: 'movement',
      sourceId: m.id,
      key: `${MOVEMENT_EXTRA_PREFIX}${x.key ?? `d${i + 1}`}`,
      unitId: m.unitId,
      kind: x.kind,
      audience: x.audience,
      title: x.title,
      dueDate: x.dueDate,
      responsibleUnitId: x.responsibleUnitId ?? null,
      note: x.note ?? null,
      remindDays: x.remindDays ?? null,
      startDate: x.startDate ?? null,
      dayCountKind: x.dayCountKind ?? null,
      dayCount: x.dayCount ?? null,
      honors: x.honors ?? [],
      link,
      status,
    }),
  );
  await syncDeadlines(tx, 'movement', m.id, specs);
}

export async function movementExtraDeadlines(tx: Executor, id: string): Promise<DeadlineInput[]> {
  return (await deadlinesOf(tx, 'movement', id))
    .filter((x) => x.key.startsWith(MOVEMENT_EXTRA_PREFIX))
    .map((x) => ({
      key: x.key.slice(MOVEMENT_EXTRA_PREFIX.length),
      kind: x.kind as DeadlineInput['kind'],
      title: x.title,
      dueDate: x.dueDate,
      audience: x.audience as DeadlineInput['audience'],
      responsibleUnitId: x.responsibleUnitId,
      note: x.note,
      remindDays: x.remindDays,
      startDate: x.startDate,
      dayCountKind: x.dayCountKind as DeadlineInput['dayCountKind'],
      dayCount: x.dayCount,
      honors: x.honors as Honor[],
    }));
}

async function phasesInput(tx: Executor, id: string): Promise<MovementInput['phases']> {
  const rows = await phasesOf(tx, id);
  return rows.map((p) => ({ name: p.name, startDate: p.startDate, endDate: p.endDate, summingUpDeadline: p.summingUpDeadline, content: p.content }));
}

export async function createMovement(ctx: CommandContext, input: MovementInput): Promise<MovementRow> {
  const unit = await validate(ctx, input);
  const row = await insertMovement(ctx.tx, values(input));
  await storeParts(ctx.tx, row.id, input);
  await syncMovementDeadlines(ctx.tx, row, input.deadlines, input.phases);
  await ctx.audit({
    action: 'movement.created',
    entityType: 'movement',
    entityId: row.id,
    unitId: row.unitId,
    summary: `Soạn phong trào "${row.title}" (${unit.name})`,
    after: snapshot(row),
  });
  return row;
}

export async function updateMovement(ctx: CommandContext, id: string, input: MovementInput): Promise<MovementRow> {
  const before = await findOwnedMovement(ctx.tx, ctx.actor, id);
  if (!before) throw notFound('Không tìm thấy phong trào.');
  if (input.version !== undefined && input.version !== before.version) throw conflict('Phong trào đã được người khác sửa. Hãy tải lại và thử lại.');
  assertEditable(before);
  if (input.unitId !== before.unitId) throw badRequest('Không thể đổi đơn vị phát động.');
  // The signed Kế hoạch phong trào is frozen at its first signature: the movement it was rendered from is no longer rewritten.
  assertMovementContentEditable({ signed: !!(await signedDocumentOf(ctx.tx, 'ke_hoach_phong_trao', id)) });
  await validate(ctx, input, id);
  const row = await updateMovementAtVersion(ctx.tx, id, before.version, values(input), now());
  if (!row) throw conflict('Phong trào đã được người khác sửa. Hãy tải lại và thử lại.');
  await storeParts(ctx.tx, id, input);
  await syncMovementDeadlines(ctx.tx, row, input.deadlines, input.phases);
  await ctx.audit({
    action: 'movement.updated',
    entityType: 'movement',
    entityId: id,
    unitId: row.unitId,
    summary: `Sửa phong trào "${row.title}"`,
    before: snapshot(before),
    after: snapshot(row),
  });
  return row;
}

export async function launchMovement(ctx: CommandContext, id: string): Promise<MovementRow> {
  const before = await findOwnedMovement(ctx.tx, ctx.actor, id);
  if (!before) throw notFound('Không tìm thấy phong trào.');
  assertLaunchable(before, before.parentId ? ((await unsafeFindMovementHeader(ctx.tx, before.parentId)) ?? null) : null);
  const row = await setMovementStatus(ctx.tx, before, 'launched', ctx.actor.accountId, now());
  await syncMovementDeadlines(ctx.tx, row, await movementExtraDeadlines(ctx.tx, id), await phasesInput(ctx.tx, id));
  await ctx.audit({
    action: 'movement.launched',
    entityType: 'movement',
    entityId: id,
    unitId: row.unitId,
    summary: `Phát động phong trào "${row.title}"`,
    before: { status: before.status },
    after: { status: row.status },
  });
  return row;
}

export async function closeMovement(ctx: CommandContext, id: string): Promise<MovementRow> {
  const before = await findOwnedMovement(ctx.tx, ctx.actor, id);
  if (!before) throw notFound('Không tìm thấy phong trào.');
  assertClosable(before);
  const row = await setMovementStatus(ctx.tx, before, 'closed', ctx.actor.accountId, now());
  await completeDeadlines(ctx.tx, 'movement', id);
  await ctx.audit({
    action: 'movement.closed',
    entityType: 'movement',
    entityId: id,
    unitId: row.unitId,
    summary: `Kết thúc phong trào "${row.title}"`,
    before: { status: before.status },
    after: { status: row.status },
  });
  return row;
}
