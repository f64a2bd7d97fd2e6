import { and, asc, between, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { deadlines, movementUnits, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { POLICY } from '../policies/abilities.js';
import { escapeLike, unitIdInScope } from './scope.js';
import { ancestorIds } from './plans.js';
import { inTurn } from '../db/in-turn.js';

/**
 * Deadlines the actor may see (the query joins the owning unit as `units`): those of its subtree, and those of the units above it that its
 * units must meet (audience 'units', or naming one of its units as responsible).
 */
export function visibleDeadlinesCondition(actor: Actor): SQL {
  const self = POLICY[actor.role].reach === 'self';
  // The owning unit is joined (units), so its subtree test is a prefix match on the joined row.
  const own = self ? eq(deadlines.unitId, actor.unitId) : like(units.path, `${escapeLike(actor.unitPath)}%`);
  const above = ancestorIds(actor.unitPath);
  if (!above.length) return own;
  const mine = self ? eq(deadlines.responsibleUnitId, actor.unitId) : unitIdInScope(actor, deadlines.responsibleUnitId);
  return or(own, and(inArray(deadlines.unitId, above), or(eq(deadlines.audience, 'units'), mine))) as SQL;
}

/** Deadlines concerning one unit: its own, those naming it, and the 'units' deadlines of the units above it (for movements: only when it takes part). */
function forUnitCondition(unit: { id: string; path: string }): SQL {
  const above = ancestorIds(unit.path);
  const chain = [...above, unit.id];
  const participates = sql`(${deadlines.sourceType} <> 'movement' or not exists (select 1 from ${movementUnits} mu where mu.movement_id = ${deadlines.sourceId}) or exists (select 1 from ${movementUnits} mu where mu.movement_id = ${deadlines.sourceId} and mu.unit_id in (${sql.join(
    chain.map((c) => sql`${c}`),
    sql`, `,
  )})))`;
  return or(
    eq(deadlines.unitId, unit.id),
    eq(deadlines.responsibleUnitId, unit.id),
    above.length ? and(inArray(deadlines.unitId, above), eq(deadlines.audience, 'units'), participates) : undefined,
  ) as SQL;
}

export interface CalendarFilter {
  from: string;
  to: string;
  unit?: { id: string; path: string } | undefined;
  limit: number;
  /** Rows to skip (paging). */
  offset?: number | undefined;
}

export async function listCalendar(tx: Executor, actor: Actor, f: CalendarFilter) {
  const where = and(
    between(deadlines.dueDate, f.from, f.to),
    inArray(deadlines.status, ['open', 'done']),
    visibleDeadlinesCondition(actor),
    f.unit ? forUnitCondition(f.unit) : undefined,
  );
  const [items, days] = await inTurn(
    () =>
      tx
        .select({ d: deadlines, unitName: units.name })
        .from(deadlines)
        .innerJoin(units, eq(units.id, deadlines.unitId))
        .where(where)
        .orderBy(asc(deadlines.dueDate), asc(deadlines.title), asc(deadlines.id))
        .limit(f.limit)
        .offset(f.offset ?? 0),
    () =>
      tx
        .select({ day: deadlines.dueDate, n: sql<number>`count(*)::int` })
        .from(deadlines)
        .innerJoin(units, eq(units.id, deadlines.unitId))
        .where(where)
        .groupBy(deadlines.dueDate)
        .orderBy(asc(deadlines.dueDate)),
  );
  const byDay: Record<string, number> = {};
  let total = 0;
  for (const d of days) {
    byDay[d.day] = Number(d.n);
    total += Number(d.n);
  }
  return { items, byDay, total };
}
