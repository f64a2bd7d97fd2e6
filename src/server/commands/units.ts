import { and, eq, ne } from 'drizzle-orm';
import { accounts, councils, people, personTransfers, units } from '../db/schema/index.js';
import type { CommandContext } from './run.js';
import { countActiveChildren, countUnitDependents, findVisibleUnit, reparentSubtree, type UnitRow } from '../repositories/units.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { normalizeName } from '../../shared/vietnamese.js';
import type { UnitKind } from '../../shared/codes.js';

export interface UnitInput {
  name: string;
  shortName?: string | null | undefined;
  code?: string | null | undefined;
  kind: UnitKind;
  sortOrder?: number | undefined;
}

async function mustFind(ctx: CommandContext, id: string): Promise<UnitRow> {
  const u = await findVisibleUnit(ctx.tx, ctx.actor, id);
  if (!u) throw notFound('Không tìm thấy đơn vị.');
  return u;
}

function checkVersion(row: { version: number }, expected: number | undefined) {
  if (expected !== undefined && expected !== row.version) {
    throw conflict('Đơn vị đã được người khác sửa trong lúc bạn thao tác. Hãy tải lại và thử lại.');
  }
}

function snapshot(u: UnitRow) {
  return { name: u.name, shortName: u.shortName, code: u.code, kind: u.kind, parentId: u.parentId, active: u.active, sortOrder: u.sortOrder };
}

export async function createUnit(ctx: CommandContext, input: UnitInput & { parentId: string }): Promise<UnitRow> {
  const parent = await mustFind(ctx, input.parentId);
  if (!parent.active) throw badRequest('Không thể tạo đơn vị trực thuộc một đơn vị đã ngừng hoạt động.');
  const id = crypto.randomUUID();
  const [row] = await ctx.tx
    .insert(units)
    .values({
      id,
      parentId: parent.id,
      path: `${parent.path}${id}/`,
      depth: parent.depth + 1,
      name: normalizeName(input.name),
      shortName: input.shortName ? normalizeName(input.shortName) : null,
      code: input.code?.trim() || null,
      kind: input.kind,
      sortOrder: input.sortOrder ?? 0,
    })
    .returning();
  if (!row) throw new Error('insert failed');
  await ctx.audit({ action: 'unit.created', entityType: 'unit', entityId: row.id, unitId: row.id, summary: `Tạo đơn vị "${row.name}" thuộc "${parent.name}"`, after: snapshot(row) });
  return row;
}

export async function updateUnit(ctx: CommandContext, id: string, input: UnitInput & { version?: number | undefined }): Promise<UnitRow> {
  const before = await mustFind(ctx, id);
  checkVersion(before, input.version);
  const [row] = await ctx.tx
    .update(units)
    .set({
      name: normalizeName(input.name),
      shortName: input.shortName ? normalizeName(input.shortName) : null,
      code: input.code?.trim() || null,
      kind: input.kind,
      sortOrder: input.sortOrder ?? before.sortOrder,
      version: before.version + 1,
      updatedAt: new Date(),
    })
    .where(and(eq(units.id, id), eq(units.version, before.version)))
    .returning();
  if (!row) throw conflict('Đơn vị đã được người khác sửa trong lúc bạn thao tác. Hãy tải lại và thử lại.');
  await ctx.audit({ action: 'unit.updated', entityType: 'unit', entityId: id, unitId: id, summary: `Sửa đơn vị "${row.name}"`, before: snapshot(before), after: snapshot(row) });
  return row;
}

/** Moves a unit (and its subtree) under another parent; refuses cycles. */
export async function moveUnit(ctx: CommandContext, id: string, newParentId: string): Promise<UnitRow> {
  const unit = await mustFind(ctx, id);
  if (unit.id === ctx.actor.unitId || !unit.parentId) throw badRequest('Không thể chuyển đơn vị gốc của tài khoản.');
  const parent = await mustFind(ctx, newParentId);
  if (parent.id === unit.id || parent.path.startsWith(unit.path)) {
    throw badRequest(`Không thể chuyển "${unit.name}" vào chính nó hoặc vào một đơn vị cấp dưới của nó.`);
  }
  if (parent.id === unit.parentId) throw badRequest('Đơn vị đã thuộc đơn vị cấp trên này.');
  if (!parent.active) throw badRequest('Không thể chuyển vào một đơn vị đã ngừng hoạt động.');
  const newPath = `${parent.path}${unit.id}/`;
  await reparentSubtree(ctx.tx, unit.path, newPath, parent.depth + 1 - unit.depth);
  const [row] = await ctx.tx.update(units).set({ parentId: parent.id, version: unit.version + 1 }).where(eq(units.id, id)).returning();
  if (!row) throw new Error('update failed');
  await ctx.audit({ action: 'unit.moved', entityType: 'unit', entityId: id, unitId: id, summary: `Chuyển "${unit.name}" về trực thuộc "${parent.name}"`, before: { parentId: unit.parentId }, after: { parentId: parent.id } });
  return row;
}

/**
 * Merges `sourceId` into `targetId` (sáp nhập): staff, sub-units, accounts and councils move to
 * the target; the source stays, inactive, pointing at the target so its history follows.
 */
export async function mergeUnit(ctx: CommandContext, sourceId: string, targetId: string, effectiveDate: string): Promise<UnitRow> {
  const source = await mustFind(ctx, sourceId);
  const target = await mustFind(ctx, targetId);
  if (source.id === ctx.actor.unitId) throw badRequest('Không thể sáp nhập đơn vị gốc của tài khoản.');
  if (source.id === target.id) throw badRequest('Không thể sáp nhập một đơn vị vào chính nó.');
  if (target.path.startsWith(source.path)) throw badRequest('Không thể sáp nhập một đơn vị vào đơn vị cấp dưới của nó.');
  if (!source.active) throw badRequest(`Đơn vị "${source.name}" đã ngừng hoạt động.`);
  if (!target.active) throw badRequest(`Đơn vị "${target.name}" đã ngừng hoạt động.`);

  const staff = await ctx.tx.select({ id: people.id }).from(people).where(eq(people.unitId, source.id));
  if (staff.length > 0) {
    await ctx.tx.insert(personTransfers).values(
      staff.map((p) => ({ personId: p.id, fromUnitId: source.id, toUnitId: target.id, effectiveDate, reason: `Sáp nhập "${source.name}" vào "${target.name}"` })),
    );
    await ctx.tx.update(people).set({ unitId: target.id, updatedAt: new Date() }).where(eq(people.unitId, source.id));
  }
  const children = await ctx.tx.select().from(units).where(and(eq(units.parentId, source.id), ne(units.id, source.id)));
  for (const child of children) {
    await reparentSubtree(ctx.tx, child.path, `${target.path}${child.id}/`, target.depth + 1 - child.depth);
    await ctx.tx.update(units).set({ parentId: target.id }).where(eq(units.id, child.id));
  }
  await ctx.tx.update(accounts).set({ unitId: target.id }).where(eq(accounts.unitId, source.id));
  await ctx.tx.update(councils).set({ unitId: target.id }).where(eq(councils.unitId, source.id));
  const [row] = await ctx.tx
    .update(units)
    .set({ active: false, mergedIntoId: target.id, version: source.version + 1, updatedAt: new Date() })
    .where(eq(units.id, source.id))
    .returning();
  if (!row) throw new Error('update failed');
  await ctx.audit({
    action: 'unit.merged',
    entityType: 'unit',
    entityId: source.id,
    unitId: target.id,
    summary: `Sáp nhập "${source.name}" vào "${target.name}" từ ngày ${effectiveDate}: ${staff.length} cán bộ, ${children.length} đơn vị trực thuộc`,
    before: { active: true },
    after: { active: false, mergedIntoId: target.id, movedStaff: staff.length, movedUnits: children.length },
  });
  return row;
}

export async function setUnitActive(ctx: CommandContext, id: string, active: boolean): Promise<UnitRow> {
  const unit = await mustFind(ctx, id);
  if (unit.id === ctx.actor.unitId) throw badRequest('Không thể ngừng hoạt động đơn vị gốc của tài khoản.');
  if (unit.active === active) throw badRequest(active ? 'Đơn vị đang hoạt động.' : 'Đơn vị đã ngừng hoạt động.');
  if (!active) {
    const deps = await countUnitDependents(ctx.tx, id);
    if (deps.activeStaff > 0) throw badRequest(`Đơn vị còn ${deps.activeStaff} cán bộ đang làm việc. Hãy điều chuyển cán bộ trước khi ngừng hoạt động.`);
    if ((await countActiveChildren(ctx.tx, id)) > 0) throw badRequest('Đơn vị còn đơn vị trực thuộc đang hoạt động.');
  } else if (unit.mergedIntoId) {
    throw badRequest('Đơn vị đã được sáp nhập vào đơn vị khác, không thể khôi phục.');
  }
  const [row] = await ctx.tx.update(units).set({ active, version: unit.version + 1, updatedAt: new Date() }).where(eq(units.id, id)).returning();
  if (!row) throw new Error('update failed');
  await ctx.audit({
    action: active ? 'unit.reactivated' : 'unit.deactivated',
    entityType: 'unit',
    entityId: id,
    unitId: id,
    summary: `${active ? 'Khôi phục' : 'Ngừng'} hoạt động đơn vị "${unit.name}"`,
    before: { active: unit.active },
    after: { active },
  });
  return row;
}

/** Deletes a unit entered by mistake: only when nothing refers to it. */
export async function deleteUnit(ctx: CommandContext, id: string): Promise<void> {
  const unit = await mustFind(ctx, id);
  if (unit.id === ctx.actor.unitId || !unit.parentId) throw badRequest('Không thể xóa đơn vị gốc.');
  const deps = await countUnitDependents(ctx.tx, id);
  if (deps.staff > 0) throw badRequest(`Không thể xóa: đơn vị còn ${deps.staff} cán bộ. Hãy điều chuyển cán bộ hoặc dùng "Ngừng hoạt động".`);
  if (deps.children > 0) throw badRequest('Không thể xóa: đơn vị còn đơn vị trực thuộc.');
  if (deps.accounts > 0 || deps.councils > 0) throw badRequest('Không thể xóa: đơn vị còn tài khoản hoặc hội đồng gắn với nó.');
  await ctx.tx.update(units).set({ mergedIntoId: null }).where(eq(units.mergedIntoId, id));
  await ctx.tx.delete(units).where(eq(units.id, id));
  await ctx.audit({ action: 'unit.deleted', entityType: 'unit', entityId: id, unitId: unit.parentId, summary: `Xóa đơn vị "${unit.name}"`, before: snapshot(unit) });
}
