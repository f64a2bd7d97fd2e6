import type { CommandContext } from './run.js';
import {
  findVisiblePerson,
  insertPerson,
  insertPersonTransfers,
  unsafeFindPersonByCccd,
  updatePersonAtVersion,
  type PersonRow,
} from '../repositories/people.js';
import { findVisibleUnit } from '../repositories/units.js';
import { assertPersonAllows } from '../policies/person.js';
import { CccdTaken, notFound, PersonNotAllowed, StaleVersion, UnitNotAllowed } from '../errors.js';
import { normalizeName, vietnameseNameSortKey } from '../../shared/vietnamese.js';
import type { PersonInput } from '../../shared/schemas/person.js';

const STALE = 'Hồ sơ cán bộ đã được người khác sửa. Hãy tải lại và thử lại.';

function snapshot(p: PersonRow) {
  const { fullName, unitId, gender, birthDate, cccd, position, isLeader, employmentType, email, active } = p;
  return { fullName, unitId, gender, birthDate, cccd, position, isLeader, employmentType, email, active };
}

/** Column values for a person from validated input (names normalised, sort key derived). */
export function personValues(input: PersonInput) {
  const fullName = normalizeName(input.fullName);
  return {
    fullName,
    sortKey: vietnameseNameSortKey(fullName),
    unitId: input.unitId,
    gender: input.gender ?? null,
    birthDate: input.birthDate ?? null,
    cccd: input.cccd?.trim() || null,
    position: input.position?.trim() || null,
    isLeader: input.isLeader,
    employmentType: input.employmentType ?? null,
    email: input.email ?? null,
  };
}

async function mustFind(ctx: CommandContext, id: string): Promise<PersonRow> {
  const person = await findVisiblePerson(ctx.tx, ctx.actor, id);
  if (!person) throw notFound('Không tìm thấy cán bộ.');
  return person;
}

function written(row: PersonRow | undefined): PersonRow {
  if (!row) throw new StaleVersion(STALE);
  return row;
}

async function assertUnitUsable(ctx: CommandContext, unitId: string) {
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  if (!unit.active) throw new UnitNotAllowed(`Đơn vị "${unit.name}" đã ngừng hoạt động.`);
  return unit;
}

/**
 * The one answer to a CCCD already used, whether the other record is inside the actor's scope or
 * not: it names neither the unit nor the person, so that probing numbers tells nothing about
 * where someone works (the Office, which sees every unit, can check).
 */
export const CCCD_TAKEN_MESSAGE = 'Số CCCD này đã được dùng cho một hồ sơ cán bộ khác; liên hệ Văn phòng để kiểm tra.';

async function assertCccdFree(ctx: CommandContext, cccd: string | null, exceptId?: string) {
  if (!cccd) return;
  // Checked across all units (not only visible ones): CCCD is unique nationally.
  const other = await unsafeFindPersonByCccd(ctx.tx, cccd);
  if (other && other.id !== exceptId) throw new CccdTaken(CCCD_TAKEN_MESSAGE);
}

export async function createPerson(ctx: CommandContext, input: PersonInput): Promise<PersonRow> {
  const unit = await assertUnitUsable(ctx, input.unitId);
  const values = personValues(input);
  await assertCccdFree(ctx, values.cccd);
  const row = await insertPerson(ctx.tx, values);
  await ctx.audit({
    action: 'person.created',
    entityType: 'person',
    entityId: row.id,
    unitId: row.unitId,
    summary: `Thêm cán bộ ${row.fullName} (${unit.name})`,
    after: snapshot(row),
  });
  return row;
}

/** Edits a person's record. Changing the unit here is refused: use transferPerson (keeps history). */
export async function updatePerson(ctx: CommandContext, id: string, input: PersonInput & { version?: number | undefined }): Promise<PersonRow> {
  const before = await mustFind(ctx, id);
  if (input.version !== undefined && input.version !== before.version) throw new StaleVersion(STALE);
  if (input.unitId !== before.unitId) throw new PersonNotAllowed('Để đổi đơn vị, hãy dùng chức năng "Điều chuyển" để lưu lại quá trình công tác.');
  const values = personValues(input);
  await assertCccdFree(ctx, values.cccd, id);
  const row = written(await updatePersonAtVersion(ctx.tx, id, before.version, values));
  await ctx.audit({
    action: 'person.updated',
    entityType: 'person',
    entityId: id,
    unitId: row.unitId,
    summary: `Sửa thông tin cán bộ ${row.fullName}`,
    before: snapshot(before),
    after: snapshot(row),
  });
  return row;
}

export async function transferPerson(
  ctx: CommandContext,
  id: string,
  input: { toUnitId: string; effectiveDate: string; reason?: string | null | undefined },
): Promise<PersonRow> {
  const person = await mustFind(ctx, id);
  assertPersonAllows(ctx.actor, person, 'transfer');
  const target = await assertUnitUsable(ctx, input.toUnitId);
  if (target.id === person.unitId) throw new PersonNotAllowed('Cán bộ đang công tác tại đơn vị này.');
  await insertPersonTransfers(ctx.tx, [
    { personId: id, fromUnitId: person.unitId, toUnitId: target.id, effectiveDate: input.effectiveDate, reason: input.reason ?? null },
  ]);
  const row = written(await updatePersonAtVersion(ctx.tx, id, person.version, { unitId: target.id }));
  await ctx.audit({
    action: 'person.transferred',
    entityType: 'person',
    entityId: id,
    unitId: target.id,
    summary: `Điều chuyển ${person.fullName} sang "${target.name}" từ ngày ${input.effectiveDate}`,
    before: { unitId: person.unitId },
    after: { unitId: target.id, effectiveDate: input.effectiveDate, reason: input.reason ?? null },
  });
  return row;
}

export async function setPersonActive(ctx: CommandContext, id: string, active: boolean, reason?: string | null): Promise<PersonRow> {
  const person = await mustFind(ctx, id);
  if (person.active === active) throw new PersonNotAllowed(active ? 'Cán bộ đang được theo dõi.' : 'Cán bộ đã ngừng theo dõi.');
  const row = written(await updatePersonAtVersion(ctx.tx, id, person.version, { active }));
  await ctx.audit({
    action: active ? 'person.updated' : 'person.deactivated',
    entityType: 'person',
    entityId: id,
    unitId: person.unitId,
    summary: `${active ? 'Theo dõi lại' : 'Ngừng theo dõi'} cán bộ ${person.fullName}${reason ? `: ${reason}` : ''}`,
    before: { active: person.active },
    after: { active },
  });
  return row;
}
