import type { Actor } from '../auth/actor.js';
import type { UnitRow } from '../repositories/units.js';
import { abilitiesFor, can, type Action } from './abilities.js';
import { UnitNotAllowed, type DomainError } from '../errors.js';

export type UnitAction = Action<'unit'>;
type UnitState = Pick<UnitRow, 'id' | 'parentId' | 'active' | 'mergedIntoId'>;

/**
 * Why this unit's place or state refuses the action (a domain error to throw), or null when it
 * allows it. The role's grant is checked apart (`authorize` → 403).
 */
export function unitRefusal(actor: Actor, unit: UnitState, action: UnitAction): DomainError | null {
  // The actor's own unit is the root of its reach; a unit without a parent is an agency's root.
  const own = unit.id === actor.unitId;
  const root = own || unit.parentId === null;
  switch (action) {
    case 'create':
      return unit.active ? null : new UnitNotAllowed('Không thể tạo đơn vị trực thuộc một đơn vị đã ngừng hoạt động.');
    case 'move':
      if (root) return new UnitNotAllowed('Không thể chuyển đơn vị gốc của tài khoản.');
      return unit.active ? null : new UnitNotAllowed('Không thể chuyển một đơn vị đã ngừng hoạt động.');
    case 'merge':
      if (root) return new UnitNotAllowed('Không thể sáp nhập đơn vị gốc của tài khoản.');
      return unit.active ? null : new UnitNotAllowed('Đơn vị đã ngừng hoạt động.');
    case 'deactivate':
      // The same grant deactivates and reactivates; a merged unit cannot come back.
      if (own) return new UnitNotAllowed('Không thể ngừng hoạt động đơn vị gốc của tài khoản.');
      return !unit.active && unit.mergedIntoId ? new UnitNotAllowed('Đơn vị đã được sáp nhập vào đơn vị khác, không thể khôi phục.') : null;
    case 'delete':
      return root ? new UnitNotAllowed('Không thể xóa đơn vị gốc.') : null;
    case 'read':
    case 'update':
      return null;
  }
}

/** May the actor take this action on this unit: the role's grant and the unit's state. */
export function mayOnUnit(actor: Actor, unit: UnitState, action: UnitAction): boolean {
  return can(actor.role, 'unit', action) && unitRefusal(actor, unit, action) === null;
}

/** The actions the actor may take on this unit, sent with it so the UI offers only those. */
export function unitAbilities(actor: Actor, unit: UnitState): UnitAction[] {
  return abilitiesFor(actor.role, 'unit').filter((a) => unitRefusal(actor, unit, a) === null);
}

/** Throws the refusal of `unitRefusal`, if any (commands call it after loading the unit). */
export function assertUnitAllows(actor: Actor, unit: UnitState, action: UnitAction): void {
  const refusal = unitRefusal(actor, unit, action);
  if (refusal) throw refusal;
}
