import { asc, eq, inArray, like } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { accounts, people, units } from '../db/schema/index.js';
import { escapeLike } from './scope.js';
import type { UnitKind } from '../../shared/codes.js';

/**
 * The few reads and writes the plans demo seed (demo/plans-seed.ts) needs besides the commands:
 * it runs once on an empty database, as the system, so none of them is scoped.
 */

export async function unsafeFindUnitById(tx: Executor, id: string) {
  const [u] = await tx.select().from(units).where(eq(units.id, id));
  return u;
}

/** One account of a unit (the seed acts in its name), if any. */
export async function unsafeAnyAccountOfUnit(tx: Executor, unitId: string): Promise<{ id: string } | undefined> {
  const [a] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.unitId, unitId)).limit(1);
  return a;
}

export async function unsafeUnitsUnder(tx: Executor, path: string) {
  return tx
    .select({ id: units.id, code: units.code, name: units.name })
    .from(units)
    .where(like(units.path, `${escapeLike(path)}%`));
}

export async function unsafeInsertUnit(
  tx: Executor,
  u: { id: string; parentId?: string | null; path: string; depth: number; name: string; code: string; kind: UnitKind; sortOrder?: number },
): Promise<void> {
  await tx.insert(units).values(u);
}

/** Gives the named people an e-mail address (so that reminders reach the outbox). */
export async function unsafeSetEmailsByName(tx: Executor, emails: [string, string][]): Promise<void> {
  const found = await tx
    .select({ id: people.id, fullName: people.fullName })
    .from(people)
    .where(
      inArray(
        people.fullName,
        emails.map((e) => e[0]),
      ),
    );
  for (const [name, email] of emails) {
    const p = found.find((x) => x.fullName === name);
    if (p) await tx.update(people).set({ email }).where(eq(people.id, p.id));
  }
}

/** The first people of a unit in name order (the demo seed picks authors from them). */
export async function unsafeFirstPeopleOfUnit(tx: Executor, unitId: string, n: number): Promise<{ id: string; fullName: string }[]> {
  return tx
    .select({ id: people.id, fullName: people.fullName })
    .from(people)
    .where(eq(people.unitId, unitId))
    .orderBy(asc(people.sortKey), asc(people.id))
    .limit(n);
}
