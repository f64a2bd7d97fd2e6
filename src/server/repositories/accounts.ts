import { and, asc, count, eq, sql } from 'drizzle-orm';
import { foldVietnamese } from '../../shared/vietnamese.js';
import { now } from '../clock.js';
import type { Executor } from '../db/client.js';
import { accounts, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { escapeLike, unitIdInScope } from './scope.js';

export type AccountRow = typeof accounts.$inferSelect;

export async function findVisibleAccount(tx: Executor, actor: Actor, id: string): Promise<AccountRow | undefined> {
  const [row] = await tx
    .select()
    .from(accounts)
    .where(and(eq(accounts.id, id), unitIdInScope(actor, accounts.unitId)))
    .limit(1);
  return row;
}

/** One page of the visible accounts, by username, with the total; `q` matches username, name and unit without accents. */
export async function listVisibleAccounts(tx: Executor, actor: Actor, f: { q?: string | undefined; page: number; pageSize: number }) {
  const words = foldVietnamese(f.q ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8);
  const haystack = sql`lower(tdkt_unaccent(${accounts.username} || ' ' || ${accounts.displayName} || ' ' || (select u.name from units u where u.id = ${accounts.unitId})))`;
  const where = and(unitIdInScope(actor, accounts.unitId), ...words.map((w) => sql`${haystack} like ${`%${escapeLike(w)}%`}`));
  const rows = await tx
    .select({ account: accounts, unitName: units.name })
    .from(accounts)
    .innerJoin(units, eq(units.id, accounts.unitId))
    .where(where)
    .orderBy(asc(accounts.username))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [totals] = await tx.select({ n: count() }).from(accounts).where(where);
  return { rows, total: totals?.n ?? 0 };
}

/** An account by username whatever the scope (sign-in, and the check that a new name is free). */
export async function unsafeFindAccountByUsername(tx: Executor, username: string): Promise<AccountRow | undefined> {
  const [row] = await tx.select().from(accounts).where(eq(accounts.username, username)).limit(1);
  return row;
}

/** An account by id whatever the scope: the signed-in actor's own account. */
export async function unsafeFindAccount(tx: Executor, id: string): Promise<AccountRow | undefined> {
  const [row] = await tx.select().from(accounts).where(eq(accounts.id, id)).limit(1);
  return row;
}

/** The signed-in account with its unit's name (for /api/auth/me). */
export async function unsafeFindAccountWithUnit(tx: Executor, id: string) {
  const [row] = await tx
    .select({ account: accounts, unitName: units.name })
    .from(accounts)
    .innerJoin(units, eq(units.id, accounts.unitId))
    .where(eq(accounts.id, id))
    .limit(1);
  return row;
}

export type NewAccount = typeof accounts.$inferInsert;

export async function insertAccount(tx: Executor, values: NewAccount): Promise<AccountRow> {
  const [row] = await tx.insert(accounts).values(values).returning();
  if (!row) throw new Error('insert into accounts returned nothing');
  return row;
}

type AccountChanges = Partial<Pick<AccountRow, 'displayName' | 'role' | 'unitId' | 'personId' | 'active'>>;

/** Writes an account's editable fields, only if its version is still `expectedVersion`. */
export async function updateAccountAtVersion(tx: Executor, id: string, expectedVersion: number, changes: AccountChanges): Promise<AccountRow | undefined> {
  const [row] = await tx
    .update(accounts)
    .set({ ...changes, version: expectedVersion + 1 })
    .where(and(eq(accounts.id, id), eq(accounts.version, expectedVersion)))
    .returning();
  return row;
}

/** A new password hash; `mustChange` makes the user change it at the next sign-in (a reset). */
export async function setAccountPassword(tx: Executor, id: string, passwordHash: string, opts: { mustChange: boolean }): Promise<void> {
  await tx
    .update(accounts)
    .set(opts.mustChange ? { passwordHash, failedAttempts: 0, lockedUntil: null, passwordChangedAt: null } : { passwordHash, passwordChangedAt: now() })
    .where(eq(accounts.id, id));
}

export type FailedLoginOutcome =
  /** The failure was counted; `failedAttempts` is the count after it. */
  | { kind: 'counted'; failedAttempts: number }
  /** This failure reached the limit: the account is now locked until `lockedUntil`. */
  | { kind: 'locked'; lockedUntil: Date }
  /** Another attempt locked the account first: nothing counted. */
  | { kind: 'already_locked'; lockedUntil: Date };

/**
 * Counts a failed sign-in and, at `maxAttempts`, locks the account until `lockUntil` (the counter
 * restarts) — in one UPDATE, so that parallel wrong passwords each count: the row lock orders them,
 * and each reads the count the previous one wrote. A lock still running (`locked_until > now`) is
 * left as it is. `now` and `lockUntil` are wall time (auth/wall-time.ts).
 */
export async function recordFailedLogin(tx: Executor, id: string, opts: { now: Date; lockUntil: Date; maxAttempts: number }): Promise<FailedLoginOutcome> {
  // The row is locked first (FOR UPDATE): parallel wrong passwords are counted one after another,
  // and exactly one of them sees the count reach the limit and sets the lock.
  const [before] = await tx
    .select({ failedAttempts: accounts.failedAttempts, lockedUntil: accounts.lockedUntil })
    .from(accounts)
    .where(eq(accounts.id, id))
    .for('update');
  if (!before) throw new Error('recordFailedLogin: no such account');
  if (before.lockedUntil && before.lockedUntil > opts.now) return { kind: 'already_locked', lockedUntil: before.lockedUntil };
  const failed = before.failedAttempts + 1;
  if (failed >= opts.maxAttempts) {
    await tx.update(accounts).set({ failedAttempts: 0, lockedUntil: opts.lockUntil }).where(eq(accounts.id, id));
    return { kind: 'locked', lockedUntil: opts.lockUntil };
  }
  await tx.update(accounts).set({ failedAttempts: failed }).where(eq(accounts.id, id));
  return { kind: 'counted', failedAttempts: failed };
}

/**
 * Resets the counter after a right password, unless a lock set meanwhile (by parallel wrong
 * passwords) is running: then nothing is written and the answer is false.
 */
export async function recordSuccessfulLogin(tx: Executor, id: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(accounts)
    .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: at })
    .where(and(eq(accounts.id, id), sql`(${accounts.lockedUntil} is null or ${accounts.lockedUntil} <= ${at.toISOString()}::timestamptz)`))
    .returning({ id: accounts.id });
  return rows.length > 0;
}

/** Accounts of a merged unit act for the unit it was merged into. */
export async function moveAccountsToUnit(tx: Executor, fromUnitId: string, toUnitId: string): Promise<void> {
  await tx.update(accounts).set({ unitId: toUnitId }).where(eq(accounts.unitId, fromUnitId));
}
