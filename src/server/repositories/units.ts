import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { accounts, councils, people, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { escapeLike, visibleUnitsCondition } from '../policies/scope.js';
import { inTurn } from '../db/in-turn.js';

export type UnitRow = typeof units.$inferSelect;

/** A unit the actor may see, or undefined (which routes turn into 404). */
export async function findVisibleUnit(tx: Executor, actor: Actor, id: string): Promise<UnitRow | undefined> {
  const [row] = await tx.select().from(units).where(and(eq(units.id, id), visibleUnitsCondition(actor))).limit(1);
  return row;
}

export async function listVisibleUnits(tx: Executor, actor: Actor, opts: { includeInactive: boolean }) {
  const staffCounts = tx
    .select({ unitId: people.unitId, n: sql<number>`count(*)::int`.as('n') })
    .from(people)
    .where(eq(people.active, true))
    .groupBy(people.unitId)
    .as('staff_counts');
  return tx
    .select({ unit: units, staffCount: sql<number>`coalesce(${staffCounts.n}, 0)` })
    .from(units)
    .leftJoin(staffCounts, eq(staffCounts.unitId, units.id))
    .where(and(visibleUnitsCondition(actor), opts.includeInactive ? undefined : eq(units.active, true)))
    .orderBy(asc(units.depth), asc(units.sortOrder), asc(units.name));
}

/** Rewrites the path prefix of a whole subtree after a move. */
export async function reparentSubtree(tx: Executor, oldPrefix: string, newPrefix: string, depthDelta: number): Promise<void> {
  await tx
    .update(units)
    .set({
      path: sql`${newPrefix} || substr(${units.path}, ${oldPrefix.length + 1})`,
      depth: sql`${units.depth} + ${depthDelta}`,
      updatedAt: new Date(),
    })
    .where(like(units.path, `${escapeLike(oldPrefix)}%`));
}

export async function countUnitDependents(tx: Executor, id: string) {
  const one = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;
  const [children, staff, activeStaff, accountsN, councilsN] = await inTurn(
    () => one(tx.select({ n: sql<number>`count(*)::int` }).from(units).where(eq(units.parentId, id))),
    () => one(tx.select({ n: sql<number>`count(*)::int` }).from(people).where(eq(people.unitId, id))),
    () => one(tx.select({ n: sql<number>`count(*)::int` }).from(people).where(and(eq(people.unitId, id), eq(people.active, true)))),
    () => one(tx.select({ n: sql<number>`count(*)::int` }).from(accounts).where(eq(accounts.unitId, id))),
    () => one(tx.select({ n: sql<number>`count(*)::int` }).from(councils).where(eq(councils.unitId, id))));
  return { children, staff, activeStaff, accounts: accountsN, councils: councilsN };
}

export async function countActiveChildren(tx: Executor, id: string): Promise<number> {
  const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(units).where(and(eq(units.parentId, id), eq(units.active, true)));
  return r?.n ?? 0;
}
