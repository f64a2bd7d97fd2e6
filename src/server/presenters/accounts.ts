import type { AccountRow } from '../repositories/accounts.js';
import type { Actor } from '../auth/actor.js';
import { abilitiesFor } from '../policies/abilities.js';
import { ROLE_LABELS, type Role } from '../../shared/codes.js';

/** Accounts without secrets: no hash, no counters beyond the lock state. */
export function presentAccount(a: AccountRow, actor: Actor, unitName: string | null) {
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    roleLabel: ROLE_LABELS[a.role as Role] ?? a.role,
    unitId: a.unitId,
    unitName,
    personId: a.personId,
    active: a.active,
    locked: a.lockedUntil !== null && a.lockedUntil > new Date(),
    lastLoginAt: a.lastLoginAt?.toISOString() ?? null,
    abilities: abilitiesFor(actor.role, 'account'),
  };
}
