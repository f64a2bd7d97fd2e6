import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { accounts, notifications, people } from '../db/schema/index.js';
import type { Role } from '../../shared/codes.js';

export type NotificationRow = typeof notifications.$inferSelect;

/** One account's notifications, newest first, a page at a time; with the totals the bell shows. */
export async function listOwnNotifications(tx: Executor, accountId: string, f: { unreadOnly: boolean; page: number; pageSize: number }) {
  const mine = eq(notifications.accountId, accountId);
  const where = and(mine, f.unreadOnly ? isNull(notifications.readAt) : undefined);
  const rows = await tx
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [counts] = await tx
    .select({
      total: sql<number>`count(*) filter (where ${f.unreadOnly ? isNull(notifications.readAt) : sql`true`})::int`,
      unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)::int`,
    })
    .from(notifications)
    .where(mine);
  return { rows, total: Number(counts?.total ?? 0), unread: Number(counts?.unread ?? 0) };
}

/** Marks one of the account's notifications read; false when it is not the account's (or does not exist). */
export async function markOwnNotificationRead(tx: Executor, accountId: string, id: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.id, id), eq(notifications.accountId, accountId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/** Marks every unread notification of the account read. */
export async function markAllOwnNotificationsRead(tx: Executor, accountId: string, at: Date): Promise<void> {
  await tx
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)));
}

/** Adds a notification unless one with the same key exists; true when it was added. */
export async function insertNotificationOnce(
  tx: Executor,
  n: { accountId: string; key: string; deadlineId: string | null; title: string; body: string; link: string | null },
): Promise<boolean> {
  const rows = await tx.insert(notifications).values(n).onConflictDoNothing().returning({ id: notifications.id });
  return rows.length > 0;
}

/** An account a workflow notification goes to, with the e-mail of its person (if any). */
export interface NotifiableAccount {
  accountId: string;
  displayName: string;
  email: string | null;
}

/**
 * Active accounts of the given roles working in the given units. A workflow event (a dossier
 * returned, a comment posted) reaches accounts outside the actor's scope, hence `unsafe`.
 */
export async function unsafeAccountsOfUnits(tx: Executor, unitIds: string[], roles: readonly Role[]): Promise<NotifiableAccount[]> {
  if (unitIds.length === 0 || roles.length === 0) return [];
  return tx
    .select({ accountId: accounts.id, displayName: accounts.displayName, email: people.email })
    .from(accounts)
    .leftJoin(people, eq(people.id, accounts.personId))
    .where(and(eq(accounts.active, true), inArray(accounts.unitId, unitIds), inArray(accounts.role, [...roles])));
}

/** Active accounts of the given people (a council member, an awardee), whatever their role. */
export async function unsafeAccountsOfPeople(tx: Executor, personIds: string[]): Promise<NotifiableAccount[]> {
  if (personIds.length === 0) return [];
  return tx
    .select({ accountId: accounts.id, displayName: accounts.displayName, email: people.email })
    .from(accounts)
    .leftJoin(people, eq(people.id, accounts.personId))
    .where(and(eq(accounts.active, true), inArray(accounts.personId, personIds)));
}
