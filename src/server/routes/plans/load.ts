import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { movements, registrations, units } from '../../db/schema/index.js';
import { deadlinesOf } from '../../deadlines/register.js';
import { listMovements, movementParts, tasksOf, type MovementRow, type PlanRow } from '../../repositories/plans.js';
import { targetProgress } from '../../repositories/progress.js';
import { ownedBy, presentMovement, presentPlan } from '../../presenters/plans.js';
import { inTurn } from '../../db/in-turn.js';

async function unitOf(tx: Executor, id: string) {
  const [u] = await tx.select({ name: units.name, path: units.path }).from(units).where(eq(units.id, id));
  return u ?? { name: null, path: '' };
}

/** A plan with its tasks and calendar entries, as the API returns it. */
export async function loadPlan(tx: Executor, actor: Actor | null, p: PlanRow) {
  const u = await unitOf(tx, p.unitId);
  const [tasks, deadlines] = await inTurn(() => tasksOf(tx, p.id), () => deadlinesOf(tx, 'plan', p.id));
  return presentPlan(p, actor, u.name, actor ? ownedBy(actor, u.path) : false, tasks, deadlines);
}

/** A movement with targets and their progress, phases, honors offered, deadlines and child movements. */
export async function loadMovement(tx: Executor, actor: Actor | null, m: MovementRow) {
  const u = await unitOf(tx, m.unitId);
  const parts = await movementParts(tx, m.id);
  const [deadlines, progress, counts, children, parentRows] = await inTurn(
    () => deadlinesOf(tx, 'movement', m.id),
    () => targetProgress(tx, m, parts.targets),
    () => tx
      .select({ honor: registrations.honor, n: sql<number>`count(*)::int` })
      .from(registrations)
      .where(eq(registrations.campaignKey, `movement:${m.id}`))
      .groupBy(registrations.honor),
    () => actor
      ? listMovements(tx, actor, { parentId: m.id })
      : tx.select({ movement: movements, unitName: units.name }).from(movements).innerJoin(units, eq(units.id, movements.unitId)).where(and(eq(movements.parentId, m.id), inArray(movements.status, ['launched', 'closed']))),
    () => m.parentId ? tx.select({ id: movements.id, title: movements.title }).from(movements).where(eq(movements.id, m.parentId)) : Promise.resolve([]));
  return presentMovement(m, actor, u.name, actor ? ownedBy(actor, u.path) : false, {
    ...parts,
    deadlines,
    progress,
    honorCounts: new Map(counts.map((c) => [c.honor, Number(c.n)])),
    children,
    parent: parentRows[0] ?? null,
  });
}
