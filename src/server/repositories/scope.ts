/**
 * The SQL translation of the policies' reach decisions (`policies/scope.ts` `reachOf`,
 * `policies/dossier.ts` `dossierReachOf`, `policies/registration.ts` `registrationReachOf`):
 * the policies decide who reaches what, the repositories turn it into `where` conditions here.
 */
import { and, eq, isNotNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { dossierCandidates, dossiers, people, sessionAttendance, sessionItems, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { reachOf } from '../policies/scope.js';
import { dossierReachOf } from '../policies/dossier.js';
import { registrationReachOf } from '../policies/registration.js';

/** Escapes the LIKE wildcards of a literal prefix (unit paths, searched text). */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** SQL condition: units visible to the actor (its subtree, or only its own unit for a role that reaches itself). */
export function visibleUnitsCondition(actor: Actor): SQL {
  const reach = reachOf(actor);
  if (reach.kind === 'self') return eq(units.id, reach.unitId);
  return like(units.path, `${escapeLike(reach.unitPath)}%`);
}

/** SQL condition on a table's unit id column: the record belongs to a unit of the actor's subtree. */
export function unitIdInScope(actor: Pick<Actor, 'unitPath'>, unitIdColumn: SQL.Aliased | SQL | PgColumn): SQL {
  return sql`${unitIdColumn} in (select ${units.id} from ${units} where ${units.path} like ${escapeLike(actor.unitPath) + '%'})`;
}

/** SQL condition: people visible to the actor (its subtree, or only itself for staff). */
export function visiblePeopleCondition(actor: Actor): SQL {
  const reach = reachOf(actor);
  if (reach.kind === 'self') return reach.personId ? eq(people.id, reach.personId) : sql`false`;
  return unitIdInScope(reach, people.unitId);
}

/** SQL condition: registrations the actor may see (see `registrationReachOf`). */
export function visibleRegistrationsCondition(actor: Actor, cols: { unitId: PgColumn; personId: PgColumn }): SQL {
  const reach = registrationReachOf(actor);
  if (reach.kind === 'self') return reach.personId ? eq(cols.personId, reach.personId) : sql`false`;
  return unitIdInScope(reach, cols.unitId);
}

/** SQL condition: dossiers the actor sees (see `dossierReachOf`). */
export function dossierVisibleCondition(actor: Actor): SQL {
  const reach = dossierReachOf(actor);
  if (reach.kind === 'agenda') {
    if (!reach.personId) return sql`false`;
    return sql`${dossiers.id} in (select ${dossierCandidates.dossierId} from ${sessionItems}
      join ${dossierCandidates} on ${dossierCandidates.id} = ${sessionItems.candidateId}
      join ${sessionAttendance} on ${sessionAttendance.sessionId} = ${sessionItems.sessionId}
      where ${sessionAttendance.personId} = ${reach.personId})`;
  }
  const inScope = unitIdInScope(reach, dossiers.unitId);
  if (reach.drafts) return inScope;
  return and(inScope, or(isNotNull(dossiers.firstSubmittedAt), eq(dossiers.unitId, reach.ownUnitId))) as SQL;
}
