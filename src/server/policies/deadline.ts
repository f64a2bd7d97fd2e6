import type { Role } from '../../shared/codes.js';
import type { DeadlineRow } from '../repositories/deadlines.js';

/** The roles reminded of deadlines: the Office (for its unit's deadlines) and the units' clerks. */
export const REMINDED_ROLES: readonly Role[] = ['office', 'clerk'];

/** An account that may be reminded, with its unit's path. */
export interface RemindableAccount {
  accountId: string;
  displayName: string;
  email: string | null;
  unitId: string;
  role: string;
  path: string;
}

export interface ReminderContext {
  /** The owning unit's path (absent when the unit is gone). */
  ownerPath: string | undefined;
  /** For a movement's 'units' deadline: its participants' paths (empty = every unit under the owner). */
  participantPaths: string[];
  /** For a registration deadline: the units that registered already (not chased again). */
  registeredUnits: Set<string> | undefined;
}

/**
 * Who is reminded of a deadline: for audience 'units', the owning unit's Office and the clerks of
 * every taking-part unit that has not acted yet; otherwise the accounts of the owning unit and of
 * the responsible unit.
 */
export function reminderRecipients(accounts: RemindableAccount[], d: DeadlineRow, ctx: ReminderContext): RemindableAccount[] {
  if (d.audience === 'units') {
    const ownerPath = ctx.ownerPath;
    if (!ownerPath) return [];
    const parts = ctx.participantPaths;
    return accounts.filter((a) => {
      if (a.role === 'office') return a.unitId === d.unitId;
      if (!a.path.startsWith(ownerPath)) return false;
      if (parts.length && a.unitId !== d.unitId && !parts.some((p) => a.path.startsWith(p))) return false;
      return !ctx.registeredUnits?.has(a.unitId);
    });
  }
  return accounts.filter((a) => a.unitId === d.unitId || (d.responsibleUnitId !== null && a.unitId === d.responsibleUnitId));
}
