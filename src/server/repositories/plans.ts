import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.js';
import { movementHonors, movementPhases, movementTargets, movementUnits, movements, planTasks, plans, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { POLICY } from '../policies/abilities.js';
import { unitIdInScope } from '../policies/scope.js';
import { inTurn } from '../db/in-turn.js';

export type PlanRow = typeof plans.$inferSelect;
export type PlanTaskRow = typeof planTasks.$inferSelect;
export type MovementRow = typeof movements.$inferSelect;

/** Ids of the units above the actor's own (from its materialised path), nearest last. */
export function ancestorIds(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.slice(0, -1);
}

/** Records the actor may edit: owned by a unit of its subtree (staff own nothing). */
export function ownedCondition(actor: Actor, unitCol: PgColumn): SQL {
  if (POLICY[actor.role].reach === 'self') return sql`false`;
  return unitIdInScope(actor, unitCol);
}

/**
 * Records the actor may read: those of its subtree, and the released ones (published plans,
 * launched movements) of the units above it — a plan is written for the units below.
 */
export function readableCondition(actor: Actor, unitCol: PgColumn, released: SQL): SQL {
  const above = ancestorIds(actor.unitPath);
  const own = POLICY[actor.role].reach === 'self' ? eq(unitCol, actor.unitId) : unitIdInScope(actor, unitCol);
  return (above.length ? or(own, and(released, inArray(unitCol, above))) : own) as SQL;
}

export const planReleased = sql`${plans.status} = 'published'`;
export const movementReleased = sql`${movements.status} in ('launched', 'closed')`;

export async function findReadablePlan(tx: Executor, actor: Actor, id: string): Promise<PlanRow | undefined> {
  const [row] = await tx.select().from(plans).where(and(eq(plans.id, id), readableCondition(actor, plans.unitId, planReleased))).limit(1);
  return row;
}

export async function findOwnedPlan(tx: Executor, actor: Actor, id: string): Promise<PlanRow | undefined> {
  const [row] = await tx.select().from(plans).where(and(eq(plans.id, id), ownedCondition(actor, plans.unitId))).limit(1);
  return row;
}

export async function tasksOf(tx: Executor, planId: string): Promise<PlanTaskRow[]> {
  return tx.select().from(planTasks).where(eq(planTasks.planId, planId)).orderBy(asc(planTasks.seq));
}

export async function listPlans(tx: Executor, actor: Actor, f: { year?: number | undefined; status?: string | undefined }) {
  return tx
    .select({ plan: plans, unitName: units.name, unitPath: units.path, taskCount: sql<number>`(select count(*)::int from ${planTasks} where ${planTasks.planId} = ${plans.id})` })
    .from(plans)
    .innerJoin(units, eq(units.id, plans.unitId))
    .where(and(readableCondition(actor, plans.unitId, planReleased), f.year ? eq(plans.year, f.year) : undefined, f.status ? eq(plans.status, f.status) : undefined))
    .orderBy(desc(plans.year), asc(units.depth), asc(plans.title));
}

export async function findReadableMovement(tx: Executor, actor: Actor, id: string): Promise<MovementRow | undefined> {
  const [row] = await tx.select().from(movements).where(and(eq(movements.id, id), readableCondition(actor, movements.unitId, movementReleased))).limit(1);
  return row;
}

export async function findOwnedMovement(tx: Executor, actor: Actor, id: string): Promise<MovementRow | undefined> {
  const [row] = await tx.select().from(movements).where(and(eq(movements.id, id), ownedCondition(actor, movements.unitId))).limit(1);
  return row;
}

export async function listMovements(tx: Executor, actor: Actor, f: { year?: number | undefined; status?: string | undefined; parentId?: string | undefined }) {
  return tx
    .select({ movement: movements, unitName: units.name, unitPath: units.path })
    .from(movements)
    .innerJoin(units, eq(units.id, movements.unitId))
    .where(
      and(
        readableCondition(actor, movements.unitId, movementReleased),
        f.year ? eq(movements.year, f.year) : undefined,
        f.status ? eq(movements.status, f.status) : undefined,
        f.parentId ? eq(movements.parentId, f.parentId) : undefined,
      ),
    )
    .orderBy(desc(movements.year), desc(movements.startDate), asc(movements.title));
}

/** Everything a movement holds besides its own row. */
export async function movementParts(tx: Executor, id: string) {
  const [targets, phases, honors, participants] = await inTurn(
    () => tx.select().from(movementTargets).where(eq(movementTargets.movementId, id)).orderBy(asc(movementTargets.sortOrder)),
    () => tx.select().from(movementPhases).where(eq(movementPhases.movementId, id)).orderBy(asc(movementPhases.sortOrder)),
    () => tx.select().from(movementHonors).where(eq(movementHonors.movementId, id)).orderBy(asc(movementHonors.sortOrder)),
    () => tx.select({ id: units.id, name: units.name, path: units.path }).from(movementUnits).innerJoin(units, eq(units.id, movementUnits.unitId)).where(eq(movementUnits.movementId, id)).orderBy(asc(units.sortOrder), asc(units.name)));
  return { targets, phases, honors, participants };
}

/** Public portal: released records of every agency. */
export async function listPublic(tx: Executor) {
  const [planRows, movementRows] = await inTurn(
    () => tx.select({ plan: plans, unitName: units.name }).from(plans).innerJoin(units, eq(units.id, plans.unitId)).where(planReleased).orderBy(desc(plans.year), asc(plans.title)),
    () => tx.select({ movement: movements, unitName: units.name }).from(movements).innerJoin(units, eq(units.id, movements.unitId)).where(movementReleased).orderBy(desc(movements.year), asc(movements.title)));
  return { planRows, movementRows };
}
