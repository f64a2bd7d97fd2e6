import type { Actor } from '../auth/actor.js';
import { POLICY, can, type Action, type Resource } from './abilities.js';
import { forbidden } from '../errors.js';

/** Route-level check: the role may take this action on this kind of record at all. */
export function authorize<R extends Resource>(actor: Actor, resource: R, action: Action<R>): void {
  if (!can(actor.role, resource, action)) throw forbidden();
}

/** Refuses unless the role may take at least one of these actions (the record policy then decides which applies). */
export function authorizeAny<R extends Resource>(actor: Actor, resource: R, actions: Action<R>[]): void {
  if (!actions.some((a) => can(actor.role, resource, a))) throw forbidden();
}

/** True when the unit path lies in the actor's subtree. */
export function inSubtree(actor: Actor, unitPath: string): boolean {
  return unitPath.startsWith(actor.unitPath);
}

/**
 * How far an actor reaches: its unit's subtree, or only itself (a role whose `reach` is `self`:
 * its own unit, and among people only its own person). Repositories translate it into SQL
 * (`repositories/scope.ts`).
 */
export type Reach = { kind: 'subtree'; unitPath: string } | { kind: 'self'; unitId: string; personId: string | null };

export function reachOf(actor: Actor): Reach {
  if (POLICY[actor.role].reach === 'self') return { kind: 'self', unitId: actor.unitId, personId: actor.personId ?? null };
  return { kind: 'subtree', unitPath: actor.unitPath };
}
