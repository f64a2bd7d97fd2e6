import { and, asc, eq, like, ne, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { accounts, councils, people, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { escapeLike, visibleUnitsCondition } from './scope.js';
import { inTurn } from '../db/in-turn.js';
import { now } from '../clock.js';

export type UnitRow = typeof units.$inferSelect;

/** The path of a unit by id, ignoring scope (for the agency overrides that govern it); '' if none. */
export async function unsafeUnitPath(tx: Executor, id: string): Promise<string> {
  const [row] = await tx.select({ path: units.path }).from(units).where(eq(units.id, id)).limit(1);
  return row?.path ?? '';
}

/** A unit the actor may see, or undefined (which routes turn into 404). */
export async function findVisibleUnit(tx: Executor, actor: Actor, id: string): Promise<UnitRow | undefined> {
  const [row] = await tx
    .select()
    .from(units)
    .where(and(eq(units.id, id), visibleUnitsCondition(actor)))
    .limit(1);
  return row;
}

/** A unit by id whatever the actor's scope (the session's own unit, a unit named in a trusted import). */
export async function unsafeFindUnit(tx: Executor, id: string): Promise<UnitRow | undefined> {
  const [row] = await tx.select().from(units).where(eq(units.id, id)).limit(1);
  return row;
}

/** Every visible unit (active or not by `includeInactive`), parents before children, with its active staff count. */
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
      updatedAt: now(),
    })
    .where(like(units.path, `${escapeLike(oldPrefix)}%`));
}

export async function countUnitDependents(tx: Executor, id: string) {
  const one = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;
  const [children, staff, activeStaff, accountsN, councilsN] = await inTurn(
    () =>
      one(
        tx
          .select({ n: sql<number>`count(*)::int` })
          .from(units)
          .where(eq(units.parentId, id)),
      ),
    () =>
      one(
        tx
          .select({ n: sql<number>`count(*)::int` })
          .from(people)
          .where(eq(people.unitId, id)),
      ),
    () =>
      one(
        tx
          .select({ n: sql<number>`count(*)::int` })
          .from(people)
          .where(and(eq(people.unitId, id), eq(people.active, true))),
      ),
    () =>
      one(
        tx
          .select({ n: sql<number>`count(*)::int` })
          .from(accounts)
          .where(eq(accounts.unitId, id)),
      ),
    () =>
      one(
        tx
          .select({ n: sql<number>`count(*)::int` })
          .from(councils)
          .where(eq(councils.unitId, id)),
      ),
  );
  return { children, staff, activeStaff, accounts: accountsN, councils: councilsN };
}

export async function countActiveChildren(tx: Executor, id: string): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(units)
    .where(and(eq(units.parentId, id), eq(units.active, true)));
  return r?.n ?? 0;
}

export type NewUnit = typeof units.$inferInsert;

export async function insertUnit(tx: Executor, values: NewUnit): Promise<UnitRow> {
  const [row] = await tx.insert(units).values(values).returning();
  if (!row) throw new Error('insert into units returned nothing');
  return row;
}

type UnitChanges = Partial<Pick<UnitRow, 'name' | 'shortName' | 'code' | 'kind' | 'sortOrder' | 'parentId' | 'active' | 'mergedIntoId'>>;

/**
 * Writes changes to a unit and bumps its version, only if the stored version is still
 * `expectedVersion`: undefined means someone else changed it meanwhile.
 */
export async function updateUnitAtVersion(tx: Executor, id: string, expectedVersion: number, changes: UnitChanges): Promise<UnitRow | undefined> {
  const [row] = await tx
    .update(units)
    .set({ ...changes, version: expectedVersion + 1, updatedAt: now() })
    .where(and(eq(units.id, id), eq(units.version, expectedVersion)))
    .returning();
  return row;
}

/** The direct sub-units of a unit. */
export async function listChildUnits(tx: Executor, parentId: string): Promise<UnitRow[]> {
  return tx
    .select()
    .from(units)
    .where(and(eq(units.parentId, parentId), ne(units.id, parentId)));
}

/** Hangs a unit under another parent (its path is rewritten by `reparentSubtree`). */
export async function setUnitParent(tx: Executor, id: string, parentId: string): Promise<void> {
  await tx.update(units).set({ parentId, updatedAt: now() }).where(eq(units.id, id));
}

/** Deletes a unit row; units merged into it forget the pointer first. */
export async function deleteUnitRow(tx: Executor, id: string): Promise<void> {
  await tx.update(units).set({ mergedIntoId: null }).where(eq(units.mergedIntoId, id));
  await tx.delete(units).where(eq(units.id, id));
}

/** How many units the database holds (0: a fresh database, which gets the demo agency). */
export async function countUnits(tx: Executor): Promise<number> {
  const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(units);
  return Number(r?.n ?? 0);
}
