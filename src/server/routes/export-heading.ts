/**
 * Whose list an Excel export is, for its printed page header: the unit the user filtered on when
 * it is within reach, else the actor's own unit.
 */
import type { Executor } from '../db/client.js';
import type { Actor } from '../auth/actor.js';
import { findVisibleUnit } from '../repositories/units.js';
import { unsafeUnitNameAndPath } from '../repositories/plans.js';

export async function exportUnitName(db: Executor, actor: Actor, unitId?: string | null): Promise<string> {
  if (unitId) {
    const u = await findVisibleUnit(db, actor, unitId);
    if (u) return u.name;
  }
  // The actor's own unit: reached through the session, not a search.
  return (await unsafeUnitNameAndPath(db, actor.unitId)).name ?? '';
}
