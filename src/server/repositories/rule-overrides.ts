/**
 * Agency overrides of the rule packs (Law Art 75 k2): the versions a unit issued, the ones that
 * govern a unit (issued by it or a unit above it), and the list an actor may read.
 */
import { and, asc, count, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { ruleOverrides, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { unitIdInScope } from './scope.js';
import { reachesOnlySelf } from '../policies/record.js';
import type { RuleOverride } from '../rules/index.js';

export type OverrideRow = typeof ruleOverrides.$inferSelect;

/** Overrides issued by the unit at `unitPath` or any unit above it (they govern its subjects). */
export async function overridesForPath(tx: Executor, unitPath: string): Promise<OverrideRow[]> {
  const ids = unitPath.split('/').filter(Boolean);
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(ruleOverrides)
    .where(inArray(ruleOverrides.unitId, ids))
    .orderBy(asc(ruleOverrides.effectiveFrom), asc(ruleOverrides.overrideId), asc(ruleOverrides.version));
}

export function overrideBodies(rows: OverrideRow[]): RuleOverride[] {
  return rows.map((r) => r.body as RuleOverride);
}

/** Overrides that govern the actor's unit, and those issued inside its subtree. */
function visibleOverrides(actor: Actor) {
  const ancestors = actor.unitPath.split('/').filter(Boolean);
  return or(
    inArray(ruleOverrides.unitId, ancestors.length ? ancestors : ['00000000-0000-0000-0000-000000000000']),
    reachesOnlySelf(actor) ? sql`false` : unitIdInScope(actor, ruleOverrides.unitId),
  );
}

/** One page of the overrides the actor may read (every version), with the issuing unit's name. */
export async function listVisibleOverrides(tx: Executor, actor: Actor, page: { page: number; pageSize: number }) {
  const where = visibleOverrides(actor);
  const [total] = await tx.select({ n: count() }).from(ruleOverrides).where(where);
  const items = await tx
    .select({ row: ruleOverrides, unitName: units.name })
    .from(ruleOverrides)
    .innerJoin(units, eq(units.id, ruleOverrides.unitId))
    .where(where)
    .orderBy(asc(ruleOverrides.overrideId), asc(ruleOverrides.version), asc(ruleOverrides.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { items, total: Number(total?.n ?? 0) };
}

/** The highest version the unit has stored for an override id (0 when none). */
export async function latestOverrideVersion(tx: Executor, unitId: string, overrideId: string): Promise<number> {
  const [latest] = await tx
    .select({ v: sql<number | null>`max(${ruleOverrides.version})` })
    .from(ruleOverrides)
    .where(and(eq(ruleOverrides.unitId, unitId), eq(ruleOverrides.overrideId, overrideId)));
  return latest?.v === null || latest?.v === undefined ? 0 : Number(latest.v);
}

/** Stores one version; undefined when the same (unit, id, version) was stored meanwhile. */
export async function insertOverride(tx: Executor, unitId: string, o: RuleOverride, createdBy: string): Promise<OverrideRow | undefined> {
  const [row] = await tx
    .insert(ruleOverrides)
    .values({ unitId, overrideId: o.id, version: o.version, effectiveFrom: o.effectiveFrom, effectiveTo: o.effectiveTo ?? null, body: o, createdBy })
    .onConflictDoNothing()
    .returning();
  return row;
}
