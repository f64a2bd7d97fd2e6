import { and, eq, like, sql, type SQL } from 'drizzle-orm';
import { people, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { POLICY, can, type Action, type Resource } from './abilities.js';
import { forbidden } from '../errors.js';

/** Route-level check: the role may take this action on this kind of record at all. */
export function authorize<R extends Resource>(actor: Actor, resource: R, action: Action<R>): void {
  if (!can(actor.role, resource, action)) throw forbidden();
}

/** True when the unit path lies in the actor's subtree. */
export function inSubtree(actor: Actor, unitPath: string): boolean {
  return unitPath.startsWith(actor.unitPath);
}

/** SQL condition: units visible to the actor. */
export function visibleUnitsCondition(actor: Actor): SQL {
  if (POLICY[actor.role].reach === 'self') return eq(units.id, actor.unitId);
  return like(units.path, `${escapeLike(actor.unitPath)}%`);
}

/** SQL condition on a table's unit id column: the record belongs to a visible unit. */
export function unitIdInScope(actor: Actor, unitIdColumn: typeof people.unitId | SQL.Aliased | SQL | import('drizzle-orm/pg-core').PgColumn): SQL {
  return sql`${unitIdColumn} in (select ${units.id} from ${units} where ${units.path} like ${escapeLike(actor.unitPath) + '%'})`;
}

/** SQL condition: people visible to the actor (its subtree, or only itself for staff). */
export function visiblePeopleCondition(actor: Actor): SQL {
  if (POLICY[actor.role].reach === 'self') {
    return actor.personId ? eq(people.id, actor.personId) : sql`false`;
  }
  return and(unitIdInScope(actor, people.unitId)) as SQL;
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
