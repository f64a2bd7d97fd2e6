import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { accounts, sessions, units } from '../db/schema/index.js';
import { wallNow as now } from '../auth/wall-time.js';

/**
 * Sign-in sessions (the `sessions` table; council meetings are `repositories/council-sessions.ts`).
 * The cookie carries a random token; the table stores only its SHA-256.
 */

export async function insertLoginSession(
  tx: Executor,
  values: { tokenHash: string; accountId: string; csrfToken: string; ip: string; userAgent: string | null; expiresAt: Date },
): Promise<void> {
  await tx.insert(sessions).values(values);
}

/** The unexpired session of a token hash with its account and the account's unit path; ignores scope (it is how the actor is found). */
/** What an actor is made of: the account, its unit's path (join accounts and units to select it). */
export const ACTOR_COLUMNS = {
  accountId: accounts.id,
  username: accounts.username,
  displayName: accounts.displayName,
  role: accounts.role,
  unitId: accounts.unitId,
  personId: accounts.personId,
  active: accounts.active,
  unitPath: units.path,
};

export async function unsafeFindLiveSession(tx: Executor, tokenHash: string) {
  const [row] = await tx
    .select({ csrfToken: sessions.csrfToken, passwordChangedAt: accounts.passwordChangedAt, ...ACTOR_COLUMNS })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .innerJoin(units, eq(units.id, accounts.unitId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now())))
    .limit(1);
  return row;
}

export async function deleteLoginSession(tx: Executor, tokenHash: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of an account, or every one but `keepTokenHash` (the one changing its password). */
export async function deleteLoginSessionsOf(tx: Executor, accountId: string, keepTokenHash?: string): Promise<void> {
  await tx.delete(sessions).where(and(eq(sessions.accountId, accountId), keepTokenHash ? ne(sessions.tokenHash, keepTokenHash) : undefined));
}

export async function purgeExpiredLoginSessions(tx: Executor): Promise<void> {
  await tx.delete(sessions).where(lt(sessions.expiresAt, now()));
}
