import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { councilMembers, councils, people, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { unitIdInScope } from '../policies/scope.js';

export type CouncilRow = typeof councils.$inferSelect;

export async function findVisibleCouncil(tx: Executor, actor: Actor, id: string): Promise<CouncilRow | undefined> {
  const [row] = await tx.select().from(councils).where(and(eq(councils.id, id), unitIdInScope(actor, councils.unitId))).limit(1);
  return row;
}

export async function listVisibleCouncils(tx: Executor, actor: Actor, unitId?: string) {
  return tx
    .select({ council: councils, unitName: units.name })
    .from(councils)
    .innerJoin(units, eq(units.id, councils.unitId))
    .where(and(unitIdInScope(actor, councils.unitId), unitId ? eq(councils.unitId, unitId) : undefined))
    .orderBy(asc(units.depth), asc(units.name), asc(councils.kind));
}

export async function membersOf(tx: Executor, councilId: string) {
  return tx
    .select({ member: councilMembers, fullName: people.fullName, personPosition: people.position, unitName: units.name, sortKey: people.sortKey })
    .from(councilMembers)
    .innerJoin(people, eq(people.id, councilMembers.personId))
    .innerJoin(units, eq(units.id, people.unitId))
    .where(eq(councilMembers.councilId, councilId))
    .orderBy(asc(people.sortKey));
}
