import { and, asc, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.js';
import { planTasks, plans, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { POLICY } from '../policies/abilities.js';
import { escapeLike, unitIdInScope } from './scope.js';

export type PlanRow = typeof plans.$inferSelect;
export type PlanTaskRow = typeof planTasks.$inferSelect;
export type PlanValues = Omit<typeof plans.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'version' | 'status'>;
export type PlanTaskValues = Omit<typeof planTasks.$inferInsert, 'id' | 'planId' | 'createdAt' | 'updatedAt'>;

export interface Paging {
  page: number;
  pageSize: number;
}

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

/** The name and path of a record's owning unit (no scope: the record was found in scope already). */
export async function unsafeUnitNameAndPath(tx: Executor, unitId: string): Promise<{ name: string | null; path: string }> {
  const [u] = await tx.select({ name: units.name, path: units.path }).from(units).where(eq(units.id, unitId));
  return u ?? { name: null, path: '' };
}

/** How many of these unit ids lie under a unit path (a plan names only units below its own). */
export async function countUnitsUnder(tx: Executor, ids: string[], path: string): Promise<number> {
  if (ids.length === 0) return 0;
  const found = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(inArray(units.id, ids), like(units.path, `${escapeLike(path)}%`)));
  return found.length;
}

/** `lock` holds the plan for the transaction (one signature of its Kế hoạch at a time). */
export async function findReadablePlan(tx: Executor, actor: Actor, id: string, opts: { lock?: boolean } = {}): Promise<PlanRow | undefined> {
  const q = tx
    .select()
    .from(plans)
    .where(and(eq(plans.id, id), readableCondition(actor, plans.unitId, planReleased)))
    .limit(1);
  const [row] = opts.lock ? await q.for('update') : await q;
  return row;
}

export async function findOwnedPlan(tx: Executor, actor: Actor, id: string): Promise<PlanRow | undefined> {
  const [row] = await tx
    .select()
    .from(plans)
    .where(and(eq(plans.id, id), ownedCondition(actor, plans.unitId)))
    .limit(1);
  return row;
}

/** A published plan, for the public portal (no actor). */
export async function findPublicPlan(tx: Executor, id: string): Promise<PlanRow | undefined> {
  const [row] = await tx
    .select()
    .from(plans)
    .where(and(eq(plans.id, id), planReleased))
    .limit(1);
  return row;
}

export async function tasksOf(tx: Executor, planId: string): Promise<PlanTaskRow[]> {
  return tx.select().from(planTasks).where(eq(planTasks.planId, planId)).orderBy(asc(planTasks.seq));
}

export interface PlanFilter {
  year?: number | undefined;
  status?: string | undefined;
}

function planWhere(actor: Actor, f: PlanFilter) {
  return and(
    readableCondition(actor, plans.unitId, planReleased),
    f.year ? eq(plans.year, f.year) : undefined,
    f.status ? eq(plans.status, f.status) : undefined,
  );
}

/** Plans the actor may read (a page of them, or all for an export), newest year first. */
export async function listPlans(tx: Executor, actor: Actor, f: PlanFilter, page?: Paging) {
  const q = tx
    .select({
      plan: plans,
      unitName: units.name,
      unitPath: units.path,
      taskCount: sql<number>`(select count(*)::int from ${planTasks} where ${planTasks.planId} = ${plans.id})`,
    })
    .from(plans)
    .innerJoin(units, eq(units.id, plans.unitId))
    .where(planWhere(actor, f))
    .orderBy(desc(plans.year), asc(units.depth), asc(plans.title), asc(plans.id));
  return page ? q.limit(page.pageSize).offset((page.page - 1) * page.pageSize) : q;
}

export async function countPlans(tx: Executor, actor: Actor, f: PlanFilter): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(plans)
    .where(planWhere(actor, f));
  return Number(r?.n ?? 0);
}

/** Public portal: published plans of every agency, a page at a time. */
export async function listPublicPlans(tx: Executor, page: Paging) {
  const [rows, [count]] = [
    await tx
      .select({ plan: plans, unitName: units.name })
      .from(plans)
      .innerJoin(units, eq(units.id, plans.unitId))
      .where(planReleased)
      .orderBy(desc(plans.year), asc(plans.title), asc(plans.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(plans)
      .where(planReleased),
  ];
  return { rows, total: Number(count?.n ?? 0) };
}

export async function insertPlan(tx: Executor, values: PlanValues): Promise<PlanRow> {
  const [row] = await tx.insert(plans).values(values).returning();
  if (!row) throw new Error('insert failed');
  return row;
}

/** Updates a plan if it is still at `version`; undefined when someone else changed it meanwhile. */
export async function updatePlanAtVersion(tx: Executor, id: string, version: number, values: PlanValues, at: Date): Promise<PlanRow | undefined> {
  const [row] = await tx
    .update(plans)
    .set({ ...values, version: version + 1, updatedAt: at })
    .where(and(eq(plans.id, id), eq(plans.version, version)))
    .returning();
  return row;
}

export async function markPlanPublished(tx: Executor, plan: PlanRow, by: string, at: Date): Promise<PlanRow> {
  const [row] = await tx
    .update(plans)
    .set({ status: 'published', publishedAt: at, publishedBy: by, version: plan.version + 1, updatedAt: at })
    .where(eq(plans.id, plan.id))
    .returning();
  if (!row) throw new Error('update failed');
  return row;
}

/** Replaces a plan's schedule (numbered in the given order). */
export async function replacePlanTasks(tx: Executor, planId: string, tasks: PlanTaskValues[]): Promise<void> {
  await tx.delete(planTasks).where(eq(planTasks.planId, planId));
  if (tasks.length) await tx.insert(planTasks).values(tasks.map((t) => ({ ...t, planId })));
}

export async function findPlanTask(tx: Executor, planId: string, taskId: string): Promise<PlanTaskRow | undefined> {
  const [task] = await tx
    .select()
    .from(planTasks)
    .where(and(eq(planTasks.id, taskId), eq(planTasks.planId, planId)));
  return task;
}

export async function setPlanTaskProgress(tx: Executor, taskId: string, status: string, progress: number, at: Date): Promise<PlanTaskRow> {
  const [row] = await tx.update(planTasks).set({ status, progress, updatedAt: at }).where(eq(planTasks.id, taskId)).returning();
  if (!row) throw new Error('update failed');
  return row;
}

/** Movements live in ./movements.ts; the type is re-exported for older importers (list exports). */
export type { MovementRow } from './movements.js';

/** Sets the publication stamp of a seeded plan (demo data carries the documents' own dates; null: keep it). */
export async function unsafeStampPlanPublished(tx: Executor, id: string, publishedAt: Date | null): Promise<void> {
  await tx
    .update(plans)
    .set({ ...(publishedAt ? { publishedAt } : {}), publishedBy: null })
    .where(eq(plans.id, id));
}
