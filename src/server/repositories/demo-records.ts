import { asc, eq, like } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { disciplineRecords, honorAwards, initiativeAuthors, initiatives, people, qualityRatings, ruleOverrides, units } from '../db/schema/index.js';
import { escapeLike } from './scope.js';

/**
 * The reads and writes of the records demo seed (demo/records-seed.ts): it runs once on an empty
 * database, inside the demo seed's transaction, as the system, so none of them is scoped.
 */

const BATCH = 500;

/** The units of the root unit's subtree (the root included), parents first, in display order. */
export async function unsafeUnitsOfSubtree(tx: Executor, rootUnitId: string) {
  const [root] = await tx.select({ path: units.path }).from(units).where(eq(units.id, rootUnitId));
  return tx
    .select({ id: units.id, code: units.code, kind: units.kind })
    .from(units)
    .where(like(units.path, `${escapeLike(root?.path ?? '/')}%`))
    .orderBy(asc(units.depth), asc(units.sortOrder));
}

/** Every person, in a deterministic order (by CCCD, seeded from the row index). */
export async function unsafeAllPeople(tx: Executor) {
  return tx.select({ id: people.id, fullName: people.fullName, unitId: people.unitId }).from(people).orderBy(asc(people.cccd));
}

export async function unsafeInsertRatings(tx: Executor, rows: (typeof qualityRatings.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await tx.insert(qualityRatings).values(rows.slice(i, i + BATCH));
}

export async function unsafeInsertHonorAwards(tx: Executor, rows: (typeof honorAwards.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await tx.insert(honorAwards).values(rows.slice(i, i + BATCH));
}

/** An initiative and its authors; answers the initiative's id. */
export async function unsafeInsertInitiative(tx: Executor, values: typeof initiatives.$inferInsert, authorIds: string[]): Promise<string> {
  const [row] = await tx.insert(initiatives).values(values).returning({ id: initiatives.id });
  if (authorIds.length) await tx.insert(initiativeAuthors).values(authorIds.map((personId) => ({ initiativeId: row!.id, personId })));
  return row!.id;
}

export async function unsafeInsertDiscipline(tx: Executor, values: typeof disciplineRecords.$inferInsert): Promise<void> {
  await tx.insert(disciplineRecords).values(values);
}

export async function unsafeInsertRuleOverride(tx: Executor, values: typeof ruleOverrides.$inferInsert): Promise<void> {
  await tx.insert(ruleOverrides).values(values);
}
