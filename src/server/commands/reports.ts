import type { CommandContext } from './run.js';
import type { Executor } from '../db/client.js';
import {
  findVisibleReport,
  insertReportRequest,
  insertReports,
  unitsStrictlyUnder,
  unsafeReportFacts,
  updateReportAtVersion,
  type ReportListRow,
  type ReportRequestRow,
} from '../repositories/reports.js';
import { findVisibleUnit } from '../repositories/units.js';
import { findReadableMovement } from '../repositories/movements.js';
import { unsafeUnitNameAndPath } from '../repositories/plans.js';
import { badRequest, conflict, notFound, StaleVersion } from '../errors.js';
import { signedDocumentOf } from '../repositories/signing.js';
import { assertExtendable, assertReceivable, assertReportWritable, assertSubmittableOn, type ReportFacts } from '../policies/report.js';
import { figuresFromFacts, INDICATOR_KEYS } from '../reports/indicators.js';
import { completeDeadlines, registerDeadline } from '../deadlines/register.js';
import { now, todayVn } from '../clock.js';
import { formatDateVi } from '../../shared/format-vi.js';
import type { ReportRequestInput, ReportUpdate } from '../../shared/schemas/reports.js';

/** The request a report answers and both units' paths: what the record policy reads. */
export function reportFactsOf(r: ReportListRow, requestUnitPath: string): ReportFacts {
  return { status: r.report.status, unitPath: r.unitPath, requestUnitPath };
}

/** The data's figures of a unit's subtree over the request's period (computed live while a draft). */
export async function dataFiguresOf(
  tx: Executor,
  unitPath: string,
  request: Pick<ReportRequestRow, 'periodFrom' | 'periodTo'>,
): Promise<Record<string, number>> {
  return figuresFromFacts(await unsafeReportFacts(tx, unitPath, request.periodFrom, request.periodTo));
}

const dueOf = (r: ReportListRow) => r.report.extendedUntil ?? r.request.dueDate;

export async function createReportRequest(ctx: CommandContext, input: ReportRequestInput): Promise<ReportRequestRow> {
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị yêu cầu báo cáo.');
  if (input.movementId && !(await findReadableMovement(ctx.tx, ctx.actor, input.movementId))) throw notFound('Không tìm thấy phong trào.');
  const ids = [...new Set(input.unitIds)];
  const asked = await unitsStrictlyUnder(ctx.tx, ids, unit.path);
  if (asked.length !== ids.length) throw badRequest('Đơn vị được yêu cầu báo cáo phải là đơn vị cấp dưới của đơn vị yêu cầu.');
  if (input.dueDate < todayVn()) throw badRequest(`Hạn báo cáo (${formatDateVi(input.dueDate)}) đã qua.`);
  const request = await insertReportRequest(ctx.tx, {
    unitId: unit.id,
    kind: input.kind,
    title: input.title,
    year: input.year,
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
    dueDate: input.dueDate,
    movementId: input.movementId ?? null,
    note: input.note ?? null,
    createdBy: ctx.actor.accountId,
  });
  await insertReports(ctx.tx, request.id, ids);
  // One deadline per unit asked: each unit is reminded, and its deadline is done once it submits.
  for (const u of asked) {
    await registerDeadline(ctx.tx, {
      sourceType: 'report_request',
      sourceId: request.id,
      key: `unit:${u.id}`,
      unitId: unit.id,
      responsibleUnitId: u.id,
      kind: 'report',
      title: `${input.title} — ${u.name}`,
      dueDate: input.dueDate,
      link: `/bao-cao/yeu-cau/${request.id}`,
    });
  }
  await ctx.audit({
    action: 'report.requested',
    entityType: 'report_request',
    entityId: request.id,
    unitId: unit.id,
    summary: `Yêu cầu ${asked.length} đơn vị gửi "${input.title}" trước ngày ${formatDateVi(input.dueDate)}`,
    after: { kind: input.kind, periodFrom: input.periodFrom, periodTo: input.periodTo, dueDate: input.dueDate, units: asked.map((u) => u.name) },
  });
  return request;
}

async function loadForChange(ctx: CommandContext, id: string, lock = false): Promise<{ row: ReportListRow; facts: ReportFacts }> {
  const row = await findVisibleReport(ctx.tx, ctx.actor, id, lock);
  if (!row) throw notFound('Không tìm thấy báo cáo.');
  const requester = await unsafeUnitNameAndPath(ctx.tx, row.request.unitId);
  return { row, facts: reportFactsOf(row, requester.path) };
}

function checkTyped(typed: Record<string, number>): Record<string, number> {
  const unknown = Object.keys(typed).filter((k) => !INDICATOR_KEYS.has(k));
  if (unknown.length) throw badRequest(`Chỉ tiêu không có trong báo cáo: ${unknown.join(', ')}.`);
  return typed;
}

export async function saveReport(ctx: CommandContext, id: string, input: ReportUpdate) {
  // Locked: a signature of its Báo cáo in progress waits for this save, or this save sees the signature.
  const { row, facts } = await loadForChange(ctx, id, true);
  assertReportWritable(ctx.actor, facts);
  // The signed Báo cáo is frozen at its first signature: what the head signed is not rewritten (docs/decisions.md).
  if (await signedDocumentOf(ctx.tx, 'bao_cao', id))
    throw conflict('Báo cáo đã được ký số: nội dung và số liệu không sửa được nữa (văn bản đã ký là bản đơn vị gửi). Đơn vị vẫn gửi được báo cáo.');
  const narrative = Object.fromEntries(Object.entries(input.narrative).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const updated = await updateReportAtVersion(ctx.tx, id, input.version, { narrative, typed: checkTyped(input.typed) }, now());
  if (!updated) throw new StaleVersion('Báo cáo đã được người khác sửa. Hãy tải lại và thử lại.');
  await ctx.audit({
    action: 'report.saved',
    entityType: 'report',
    entityId: id,
    unitId: row.report.unitId,
    summary: `Lưu ${row.request.title} — ${row.unitName}`,
  });
  return updated;
}

export async function submitReport(ctx: CommandContext, id: string, version: number) {
  const { row, facts } = await loadForChange(ctx, id);
  assertReportWritable(ctx.actor, facts);
  const today = todayVn();
  assertSubmittableOn(today, dueOf(row));
  const dataFigures = await dataFiguresOf(ctx.tx, row.unitPath, row.request);
  const updated = await updateReportAtVersion(
    ctx.tx,
    id,
    version,
    { status: 'submitted', dataFigures, submittedAt: now(), submittedBy: ctx.actor.accountId, late: today > row.request.dueDate },
    now(),
  );
  if (!updated) throw new StaleVersion('Báo cáo đã được người khác sửa. Hãy tải lại và thử lại.');
  await completeDeadlines(ctx.tx, 'report_request', row.request.id, `unit:${row.report.unitId}`);
  await ctx.audit({
    action: 'report.submitted',
    entityType: 'report',
    entityId: id,
    unitId: row.report.unitId,
    summary: `Gửi ${row.request.title} — ${row.unitName}${updated.late ? ' (muộn)' : ''}`,
  });
  return updated;
}

export async function receiveReport(ctx: CommandContext, id: string, version: number) {
  const { row, facts } = await loadForChange(ctx, id);
  assertReceivable(ctx.actor, facts);
  const updated = await updateReportAtVersion(ctx.tx, id, version, { status: 'received', receivedAt: now(), receivedBy: ctx.actor.accountId }, now());
  if (!updated) throw new StaleVersion('Báo cáo đã được người khác sửa. Hãy tải lại và thử lại.');
  await ctx.audit({
    action: 'report.received',
    entityType: 'report',
    entityId: id,
    unitId: row.report.unitId,
    summary: `Tiếp nhận ${row.request.title} — ${row.unitName}`,
  });
  return updated;
}

export async function returnReport(ctx: CommandContext, id: string, version: number, reason: string) {
  const { row, facts } = await loadForChange(ctx, id);
  assertReceivable(ctx.actor, facts);
  const updated = await updateReportAtVersion(ctx.tx, id, version, { status: 'returned', returnedAt: now(), returnReason: reason, dataFigures: null }, now());
  if (!updated) throw new StaleVersion('Báo cáo đã được người khác sửa. Hãy tải lại và thử lại.');
  // The unit must send it again: its deadline reopens (until the due date or a later extension).
  await registerDeadline(ctx.tx, {
    sourceType: 'report_request',
    sourceId: row.request.id,
    key: `unit:${row.report.unitId}`,
    unitId: row.request.unitId,
    responsibleUnitId: row.report.unitId,
    kind: 'report',
    title: `${row.request.title} — ${row.unitName} (bị trả lại)`,
    dueDate: dueOf(row) < todayVn() ? todayVn() : dueOf(row),
    note: reason,
    link: `/bao-cao/${id}`,
  });
  await ctx.audit({
    action: 'report.returned',
    entityType: 'report',
    entityId: id,
    unitId: row.report.unitId,
    summary: `Trả lại ${row.request.title} — ${row.unitName}: ${reason}`,
  });
  return updated;
}

export async function extendReport(ctx: CommandContext, id: string, until: string) {
  const { row, facts } = await loadForChange(ctx, id);
  assertExtendable(ctx.actor, facts);
  if (until < todayVn()) throw badRequest('Ngày gia hạn phải từ hôm nay trở đi.');
  if (until <= row.request.dueDate) throw badRequest('Ngày gia hạn phải sau hạn báo cáo.');
  const updated = await updateReportAtVersion(ctx.tx, id, row.report.version, { extendedUntil: until }, now());
  if (!updated) throw new StaleVersion('Báo cáo đã được người khác sửa. Hãy tải lại và thử lại.');
  await registerDeadline(ctx.tx, {
    sourceType: 'report_request',
    sourceId: row.request.id,
    key: `unit:${row.report.unitId}`,
    unitId: row.request.unitId,
    responsibleUnitId: row.report.unitId,
    kind: 'report',
    title: `${row.request.title} — ${row.unitName} (gia hạn)`,
    dueDate: until,
    link: `/bao-cao/${id}`,
  });
  await ctx.audit({
    action: 'report.extended',
    entityType: 'report',
    entityId: id,
    unitId: row.report.unitId,
    summary: `Gia hạn ${row.request.title} — ${row.unitName} đến ngày ${formatDateVi(until)}`,
  });
  return updated;
}
