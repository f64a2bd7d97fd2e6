import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { accounts, units } from '../db/schema/index.js';
import { ACTIONS, abilitiesFor, type Resource } from '../policies/abilities.js';
import { ROLE_LABELS, type Role } from '../../shared/codes.js';

/** The signed-in account as the web app needs it: who, for which unit, and what it may do. */
export async function presentMe(db: Db, accountId: string) {
  const [row] = await db
    .select({ account: accounts, unitName: units.name })
    .from(accounts)
    .innerJoin(units, eq(units.id, accounts.unitId))
    .where(eq(accounts.id, accountId));
  if (!row) throw new Error('account vanished');
  const role = row.account.role as Role;
  const abilities = Object.fromEntries((Object.keys(ACTIONS) as Resource[]).map((r) => [r, abilitiesFor(role, r)]));
  return {
    id: row.account.id,
    username: row.account.username,
    displayName: row.account.displayName,
    role,
    roleLabel: ROLE_LABELS[role],
    unitId: row.account.unitId,
    unitName: row.unitName,
    personId: row.account.personId,
    mustChangePassword: row.account.passwordChangedAt === null,
    abilities,
  };
}
