import type { Executor } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { deadlinesOf } from '../../deadlines/register.js';
import { findPublicPlan, findReadablePlan, tasksOf, unsafeUnitNameAndPath, type PlanRow } from '../../repositories/plans.js';
import { listMovements, listPublicChildMovements, movementParts, unsafeFindMovementHeader, type MovementRow } from '../../repositories/movements.js';
import { countRegistrationsByHonor } from '../../repositories/registrations.js';
import { targetProgress } from '../../repositories/progress.js';
import { presentMovement, presentPlan, type MovementJson, type PlanJson } from '../../presenters/plans.js';
import { inTurn } from '../../db/in-turn.js';
import { signedEntityIds } from '../../repositories/signing.js';

/** A plan with its tasks and calendar entries, as the API returns it (actor null: the public portal). */
export async function loadPlan(tx: Executor, actor: Actor | null, p: PlanRow): Promise<PlanJson> {
  const unit = await unsafeUnitNameAndPath(tx, p.unitId);
  const superiorId = p.superiorPlanId;
  const [tasks, deadlines, superior, signed] = await inTurn(
    () => tasksOf(tx, p.id),
    () => deadlinesOf(tx, 'plan', p.id),
    () => (superiorId ? (actor ? findReadablePlan(tx, actor, superiorId) : findPublicPlan(tx, superiorId)) : Promise.resolve(undefined)),
    () => signedEntityIds(tx, 'ke_hoach', [p.id]),
  );
  return presentPlan(p, actor, unit, tasks, deadlines, superior ?? null, signed.has(p.id));
}

/** A movement with targets and their progress, phases, honors offered, deadlines and child movements. */
export async function loadMovement(tx: Executor, actor: Actor | null, m: MovementRow): Promise<MovementJson> {
  const unit = await unsafeUnitNameAndPath(tx, m.unitId);
  const parts = await movementParts(tx, m.id);
  const [deadlines, progress, honorCounts, children, parent, signed] = await inTurn(
    () => deadlinesOf(tx, 'movement', m.id),
    () => targetProgress(tx, m, parts.targets),
    () => countRegistrationsByHonor(tx, `movement:${m.id}`),
    () => (actor ? listMovements(tx, actor, { parentId: m.id }) : listPublicChildMovements(tx, m.id)),
    () => (m.parentId ? unsafeFindMovementHeader(tx, m.parentId) : Promise.resolve(undefined)),
    () => signedEntityIds(tx, 'ke_hoach_phong_trao', [m.id]),
  );
  return presentMovement(m, actor, unit, {
    ...parts,
    deadlines,
    progress,
    honorCounts,
    children,
    parent: parent ? { id: parent.id, title: parent.title } : null,
    signed: signed.has(m.id),
  });
}
