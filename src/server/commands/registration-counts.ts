/**
 * Registration by number (đăng ký số lượng): a unit registers how many proposals it will make for
 * each high honor of a campaign, beside its named registrations. Same window as the named ones
 * (the campaign takes registrations, before its deadline or within the Office's reopening for the
 * unit); the clerk submits the sheet (then it is locked) and the Office may return it.
 */
import type { CommandContext } from './run.js';
import type { Executor } from '../db/client.js';
import type { Actor } from '../auth/actor.js';
import { assertOpen, assertUnitInCampaign, resolveCampaign, type Campaign } from './registrations.js';
import { ancestorIds } from '../repositories/plans.js';
import { findActiveReopening } from '../repositories/registrations.js';
import {
  countLinesOf,
  ensureCountSheet,
  findCountHonors,
  findCountSheet,
  replaceCountLines,
  saveCountHonors,
  updateCountSheetAtVersion,
  type CountSheetRow,
} from '../repositories/registration-counts.js';
import { findVisibleUnit, type UnitRow } from '../repositories/units.js';
import { badRequest, forbidden, notFound, StaleVersion } from '../errors.js';
import { now, todayVn } from '../clock.js';
import {
  assertCountSheetEditable,
  countHonorsOf,
  CountSheetNotReturnable,
  HonorNotRegistrable,
  ownsCampaign,
  type CountSheetStatus,
} from '../policies/registration.js';
import { HONOR_INFO, type Honor } from '../../shared/codes.js';
import type { CountHonorsInput, CountSheetInput, CountSheetRef, CountSheetReturnInput } from '../../shared/schemas/registration-counts.js';

/** The honors the campaign counts (the Office's choice, else the rules' high honors). */
export async function countHonorsOfCampaign(tx: Executor, c: Campaign): Promise<Honor[]> {
  return countHonorsOf(c, await findCountHonors(tx, c.key));
}

/** Whether the unit may still register in the campaign today (before the deadline, or reopened for it or a unit above it). */
export async function windowOpenFor(tx: Executor, c: Campaign, unit: UnitRow, today: string = todayVn()): Promise<boolean> {
  if (!c.deadline || today <= c.deadline) return true;
  return !!(await findActiveReopening(tx, c.key, [...ancestorIds(unit.path), unit.id], today));
}

async function unitOf(tx: Executor, actor: Actor, c: Campaign, unitId: string): Promise<UnitRow> {
  const unit = await findVisibleUnit(tx, actor, unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  assertUnitInCampaign(c, unit);
  return unit;
}

function sheetValues(c: Campaign, unit: UnitRow, actor: Actor) {
  return {
    campaignKey: c.key,
    planId: c.kind === 'plan' ? c.id : null,
    movementId: c.kind === 'movement' ? c.id : null,
    year: c.year,
    unitId: unit.id,
    updatedBy: actor.accountId,
  };
}

function summaryOf(lines: { honor: string; count: number }[]): string {
  return lines.map((l) => `${HONOR_INFO[l.honor as Honor]?.label ?? l.honor}: ${l.count}`).join('; ') || 'không đăng ký';
}

/** Saves the unit's counts (replacing its lines); the sheet stays a draft (or returned) until submitted. */
export async function saveCountSheet(ctx: CommandContext, input: CountSheetInput, today?: string): Promise<CountSheetRow> {
  const c = await resolveCampaign(ctx.tx, ctx.actor, input, { forWrite: true });
  const unit = await unitOf(ctx.tx, ctx.actor, c, input.unitId);
  await assertOpen(ctx.tx, c, unit, today);
  const allowed = await countHonorsOfCampaign(ctx.tx, c);
  const seen = new Set<string>();
  for (const l of input.items) {
    if (!allowed.includes(l.honor))
      throw new HonorNotRegistrable(
        `"${HONOR_INFO[l.honor].label}" không đăng ký theo số lượng trong ${c.kind === 'plan' ? 'kế hoạch' : 'phong trào'} "${c.title}" (chỉ: ${allowed.map((h) => HONOR_INFO[h].label).join(', ') || 'không có danh hiệu nào'}).`,
      );
    if (seen.has(l.honor)) throw badRequest(`"${HONOR_INFO[l.honor].label}" xuất hiện hai lần trong bảng đăng ký số lượng.`);
    seen.add(l.honor);
  }
  // The version the clerk read: 0 for a sheet never saved (the answer before the first save says so).
  const readVersion = (await findCountSheet(ctx.tx, c.key, unit.id))?.version ?? 0;
  const sheet = await ensureCountSheet(ctx.tx, sheetValues(c, unit, ctx.actor));
  assertCountSheetEditable(sheet.status as CountSheetStatus, unit.name);
  if (input.version !== undefined && input.version !== readVersion)
    throw new StaleVersion('Bảng đăng ký số lượng vừa được người khác sửa; hãy tải lại trang rồi nhập lại.');
  const before = await countLinesOf(ctx.tx, sheet.id);
  const lines = input.items.map((l) => ({ honor: l.honor, count: l.count, note: l.note?.trim() || null }));
  await replaceCountLines(ctx.tx, sheet.id, lines);
  const row = await updateCountSheetAtVersion(ctx.tx, sheet.id, sheet.version, { updatedBy: ctx.actor.accountId });
  if (!row) throw new StaleVersion('Bảng đăng ký số lượng vừa được người khác sửa; hãy tải lại trang rồi nhập lại.');
  await ctx.audit({
    action: 'registration.counts_saved',
    entityType: 'registration_count_sheet',
    entityId: sheet.id,
    unitId: unit.id,
    summary: `Đăng ký số lượng của "${unit.name}" — ${c.title}: ${summaryOf(lines)}`,
    before: { lines: before.map((l) => ({ honor: l.honor, count: l.count })) },
    after: { lines: lines.map((l) => ({ honor: l.honor, count: l.count })) },
  });
  return row;
}

/** The clerk sends the sheet to the Office: locked from then on, until returned. */
export async function submitCountSheet(ctx: CommandContext, input: CountSheetRef, today?: string): Promise<CountSheetRow> {
  const c = await resolveCampaign(ctx.tx, ctx.actor, input, { forWrite: true });
  const unit = await unitOf(ctx.tx, ctx.actor, c, input.unitId);
  await assertOpen(ctx.tx, c, unit, today);
  const sheet = await ensureCountSheet(ctx.tx, sheetValues(c, unit, ctx.actor));
  assertCountSheetEditable(sheet.status as CountSheetStatus, unit.name);
  const row = await updateCountSheetAtVersion(ctx.tx, sheet.id, sheet.version, {
    status: 'submitted',
    submittedAt: now(),
    submittedBy: ctx.actor.accountId,
    updatedBy: ctx.actor.accountId,
  });
  if (!row) throw new StaleVersion('Bảng đăng ký số lượng vừa được người khác sửa; hãy tải lại trang.');
  const lines = await countLinesOf(ctx.tx, sheet.id);
  await ctx.audit({
    action: 'registration.counts_submitted',
    entityType: 'registration_count_sheet',
    entityId: sheet.id,
    unitId: unit.id,
    summary: `"${unit.name}" gửi đăng ký số lượng — ${c.title}: ${summaryOf(lines)}`,
    after: { status: 'submitted' },
  });
  return row;
}

/** The Office returns a submitted sheet to the unit, with its reason (the unit edits it again within the window). */
export async function returnCountSheet(ctx: CommandContext, input: CountSheetReturnInput): Promise<CountSheetRow> {
  const c = await resolveCampaign(ctx.tx, ctx.actor, input, { owned: true });
  if (!ownsCampaign(ctx.actor, c)) throw forbidden('Chỉ Văn phòng của đơn vị phát động mới trả lại đăng ký số lượng.');
  const unit = await unitOf(ctx.tx, ctx.actor, c, input.unitId);
  const sheet = await findCountSheet(ctx.tx, c.key, unit.id);
  if (!sheet || sheet.status !== 'submitted') throw new CountSheetNotReturnable(`"${unit.name}" chưa gửi bảng đăng ký số lượng nên không có gì để trả lại.`);
  const row = await updateCountSheetAtVersion(ctx.tx, sheet.id, sheet.version, {
    status: 'returned',
    returnedAt: now(),
    returnedBy: ctx.actor.accountId,
    returnReason: input.reason,
    updatedBy: ctx.actor.accountId,
  });
  if (!row) throw new StaleVersion('Bảng đăng ký số lượng vừa được người khác sửa; hãy tải lại trang.');
  await ctx.audit({
    action: 'registration.counts_returned',
    entityType: 'registration_count_sheet',
    entityId: sheet.id,
    unitId: unit.id,
    summary: `Trả lại đăng ký số lượng của "${unit.name}" — ${c.title}: ${input.reason}`,
    before: { status: 'submitted' },
    after: { status: 'returned', reason: input.reason },
  });
  return row;
}

/** The Office chooses which honors its campaign takes registrations by number for. */
export async function setCountHonors(ctx: CommandContext, input: CountHonorsInput): Promise<Honor[]> {
  const c = await resolveCampaign(ctx.tx, ctx.actor, input, { owned: true });
  if (!ownsCampaign(ctx.actor, c)) throw forbidden('Chỉ Văn phòng của đơn vị phát động mới chọn được danh hiệu đăng ký theo số lượng.');
  const honors = [...new Set(input.honors)];
  const notOffered = c.offered.length ? honors.filter((h) => !c.offered.includes(h)) : [];
  if (notOffered.length) throw new HonorNotRegistrable(`Phong trào "${c.title}" không xét: ${notOffered.map((h) => HONOR_INFO[h].label).join(', ')}.`);
  const before = await findCountHonors(ctx.tx, c.key);
  await saveCountHonors(ctx.tx, c.key, honors, ctx.actor.accountId);
  await ctx.audit({
    action: 'registration.count_honors_set',
    entityType: c.kind,
    entityId: c.id,
    unitId: c.ownerUnitId,
    summary: `Danh hiệu đăng ký theo số lượng — ${c.title}: ${honors.map((h) => HONOR_INFO[h].label).join(', ') || 'không có'}`,
    before: { honors: before },
    after: { honors },
  });
  return countHonorsOf(c, honors);
}
