import type { CommandContext } from './run.js';
import {
  countActiveChildren,
  countUnitDependents,
  deleteUnitRow,
  findVisibleUnit,
  insertUnit,
  listChildUnits,
  reparentSubtree,
  setUnitParent,
  updateUnitAtVersion,
  type UnitRow,
} from '../repositories/units.js';
import { insertPersonTransfers, moveStaffToUnit, staffIdsOfUnit } from '../repositories/people.js';
import { moveAccountsToUnit } from '../repositories/accounts.js';
import { moveCouncilsToUnit } from '../repositories/councils.js';
import { assertUnitAllows } from '../policies/unit.js';
import { notFound, StaleVersion, UnitHasChildren, UnitInUse, UnitNotAllowed } from '../errors.js';
import { normalizeName } from '../../shared/vietnamese.js';
import type { UnitKind } from '../../shared/codes.js';

export interface UnitInput {
  name: string;
  shortName?: string | null | undefined;
  code?: string | null | undefined;
  kind: UnitKind;
  sortOrder?: number | undefined;
}

const STALE = 'Đơn vị đã được người khác sửa trong lúc bạn thao tác. Hãy tải lại và thử lại.';

async function mustFind(ctx: CommandContext, id: string): Promise<UnitRow> {
  const u = await findVisibleUnit(ctx.tx, ctx.actor, id);
  if (!u) throw notFound('Không tìm thấy đơn vị.');
  return u;
}

function checkVersion(row: { version: number }, expected: number | undefined) {
  if (expected !== undefined && expected !== row.version) throw new StaleVersion(STALE);
}

/** The row a versioned write answered, or the conflict when someone else wrote first. */
function written(row: UnitRow | undefined): UnitRow {
  if (!row) throw new StaleVersion(STALE);
  return row;
}

function snapshot(u: UnitRow) {
  return { name: u.name, shortName: u.shortName, code: u.code, kind: u.kind, parentId: u.parentId, active: u.active, sortOrder: u.sortOrder };
}

export async function createUnit(ctx: CommandContext, input: UnitInput & { parentId: string }): Promise<UnitRow> {
  const parent = await mustFind(ctx, input.parentId);
  assertUnitAllows(ctx.actor, parent, 'create');
  const id = crypto.randomUUID();
  const row = await insertUnit(ctx.tx, {
    id,
    parentId: parent.id,
    path: `${parent.path}${id}/`,
    depth: parent.depth + 1,
    name: normalizeName(input.name),
    shortName: input.shortName ? normalizeName(input.shortName) : null,
    code: input.code?.trim() || null,
    kind: input.kind,
    sortOrder: input.sortOrder ?? 0,
  });
  await ctx.audit({
    action: 'unit.created',
    entityType: 'unit',
    entityId: row.id,
    unitId: row.id,
    summary: `Tạo đơn vị "${row.name}" thuộc "${parent.name}"`,
    after: snapshot(row),
  });
  return row;
}

export async function updateUnit(ctx: CommandContext, id: string, input: UnitInput & { version?: number | undefined }): Promise<UnitRow> {
  const before = await mustFind(ctx, id);
  checkVersion(before, input.version);
  const row = written(
    await updateUnitAtVersion(ctx.tx, id, before.version, {
      name: normalizeName(input.name),
      shortName: input.shortName ? normalizeName(input.shortName) : null,
      code: input.code?.trim() || null,
      kind: input.kind,
      sortOrder: input.sortOrder ?? before.sortOrder,
    }),
  );
  await ctx.audit({
    action: 'unit.updated',
    entityType: 'unit',
    entityId: id,
    unitId: id,
    summary: `Sửa đơn vị "${row.name}"`,
    before: snapshot(before),
    after: snapshot(row),
  });
  return row;
}

/** Moves a unit (and its subtree) under another parent; refuses cycles. */
export async function moveUnit(ctx: CommandContext, id: string, newParentId: string): Promise<UnitRow> {
  const unit = await mustFind(ctx, id);
  assertUnitAllows(ctx.actor, unit, 'move');
  const parent = await mustFind(ctx, newParentId);
  if (parent.id === unit.id || parent.path.startsWith(unit.path)) {
    throw new UnitNotAllowed(`Không thể chuyển "${unit.name}" vào chính nó hoặc vào một đơn vị cấp dưới của nó.`);
  }
  if (parent.id === unit.parentId) throw new UnitNotAllowed('Đơn vị đã thuộc đơn vị cấp trên này.');
  if (!parent.active) throw new UnitNotAllowed('Không thể chuyển vào một đơn vị đã ngừng hoạt động.');
  await reparentSubtree(ctx.tx, unit.path, `${parent.path}${unit.id}/`, parent.depth + 1 - unit.depth);
  const row = written(await updateUnitAtVersion(ctx.tx, id, unit.version, { parentId: parent.id }));
  await ctx.audit({
    action: 'unit.moved',
    entityType: 'unit',
    entityId: id,
    unitId: id,
    summary: `Chuyển "${unit.name}" về trực thuộc "${parent.name}"`,
    before: { parentId: unit.parentId },
    after: { parentId: parent.id },
  });
  return row;
}

/**
 * Merges `sourceId` into `targetId` (sáp nhập): staff, sub-units, accounts and councils move to
 * the target; the source stays, inactive, pointing at the target so its history follows.
 */
export async function mergeUnit(ctx: CommandContext, sourceId: string, targetId: string, effectiveDate: string): Promise<UnitRow> {
  const source = await mustFind(ctx, sourceId);
  const target = await mustFind(ctx, targetId);
  assertUnitAllows(ctx.actor, source, 'merge');
  if (source.id === target.id) throw new UnitNotAllowed('Không thể sáp nhập một đơn vị vào chính nó.');
  if (target.path.startsWith(source.path)) throw new UnitNotAllowed('Không thể sáp nhập một đơn vị vào đơn vị cấp dưới của nó.');
  if (!target.active) throw new UnitNotAllowed(`Đơn vị "${target.name}" đã ngừng hoạt động.`);

  const staff = await staffIdsOfUnit(ctx.tx, source.id);
  await insertPersonTransfers(
    ctx.tx,
    staff.map((personId) => ({
      personId,
      fromUnitId: source.id,
      toUnitId: target.id,
      effectiveDate,
      reason: `Sáp nhập "${source.name}" vào "${target.name}"`,
    })),
  );
  await moveStaffToUnit(ctx.tx, source.id, target.id);
  const children = await listChildUnits(ctx.tx, source.id);
  for (const child of children) {
    await reparentSubtree(ctx.tx, child.path, `${target.path}${child.id}/`, target.depth + 1 - child.depth);
    await setUnitParent(ctx.tx, child.id, target.id);
  }
  await moveAccountsToUnit(ctx.tx, source.id, target.id);
  await moveCouncilsToUnit(ctx.tx, source.id, target.id);
  const row = written(await updateUnitAtVersion(ctx.tx, source.id, source.version, { active: false, mergedIntoId: target.id }));
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
  assertUnitAllows(ctx.actor, unit, 'deactivate');
  if (unit.active === active) throw new UnitNotAllowed(active ? 'Đơn vị đang hoạt động.' : 'Đơn vị đã ngừng hoạt động.');
  if (!active) {
    const deps = await countUnitDependents(ctx.tx, id);
    if (deps.activeStaff > 0) throw new UnitInUse(`Đơn vị còn ${deps.activeStaff} cán bộ đang làm việc. Hãy điều chuyển cán bộ trước khi ngừng hoạt động.`);
    if ((await countActiveChildren(ctx.tx, id)) > 0) throw new UnitHasChildren('Đơn vị còn đơn vị trực thuộc đang hoạt động.');
  }
  const row = written(await updateUnitAtVersion(ctx.tx, id, unit.version, { active }));
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
  assertUnitAllows(ctx.actor, unit, 'delete');
  const deps = await countUnitDependents(ctx.tx, id);
  if (deps.staff > 0) throw new UnitInUse(`Không thể xóa: đơn vị còn ${deps.staff} cán bộ. Hãy điều chuyển cán bộ hoặc dùng "Ngừng hoạt động".`);
  if (deps.children > 0) throw new UnitHasChildren('Không thể xóa: đơn vị còn đơn vị trực thuộc.');
  if (deps.accounts > 0 || deps.councils > 0) throw new UnitInUse('Không thể xóa: đơn vị còn tài khoản hoặc hội đồng gắn với nó.');
  await deleteUnitRow(ctx.tx, id);
  await ctx.audit({
    action: 'unit.deleted',
    entityType: 'unit',
    entityId: id,
    unitId: unit.parentId,
    summary: `Xóa đơn vị "${unit.name}"`,
    before: snapshot(unit),
  });
}
