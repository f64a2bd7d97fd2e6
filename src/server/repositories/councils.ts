import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { councilMembers, councils, people, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { unitIdInScope } from './scope.js';

export type CouncilRow = typeof councils.$inferSelect;

export async function findVisibleCouncil(tx: Executor, actor: Actor, id: string): Promise<CouncilRow | undefined> {
  const [row] = await tx
    .select()
    .from(councils)
    .where(and(eq(councils.id, id), unitIdInScope(actor, councils.unitId)))
    .limit(1);
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
  return membersOfCouncils(tx, [councilId]);
}

/** The members of several councils at once (with name, position and unit), in name order. */
export async function membersOfCouncils(tx: Executor, councilIds: string[]) {
  if (councilIds.length === 0) return [];
  return tx
    .select({ member: councilMembers, fullName: people.fullName, personPosition: people.position, unitName: units.name, sortKey: people.sortKey })
    .from(councilMembers)
    .innerJoin(people, eq(people.id, councilMembers.personId))
    .innerJoin(units, eq(units.id, people.unitId))
    .where(inArray(councilMembers.councilId, councilIds))
    .orderBy(asc(people.sortKey));
}

export type CouncilMemberRow = typeof councilMembers.$inferSelect;

/** The active council of a kind in a unit, if any (a unit has at most one of each kind). */
export async function findActiveCouncilOfKind(tx: Executor, unitId: string, kind: string): Promise<CouncilRow | undefined> {
  const [row] = await tx
    .select()
    .from(councils)
    .where(and(eq(councils.unitId, unitId), eq(councils.kind, kind), eq(councils.active, true)))
    .limit(1);
  return row;
}

export async function insertCouncil(tx: Executor, values: typeof councils.$inferInsert): Promise<CouncilRow> {
  const [row] = await tx.insert(councils).values(values).returning();
  if (!row) throw new Error('insert into councils returned nothing');
  return row;
}

type CouncilChanges = Partial<Pick<CouncilRow, 'name' | 'establishedBy' | 'termStart' | 'termEnd' | 'active'>>;

/** Writes a council's fields, only if its version is still `expectedVersion`. */
export async function updateCouncilAtVersion(tx: Executor, id: string, expectedVersion: number, changes: CouncilChanges): Promise<CouncilRow | undefined> {
  const [row] = await tx
    .update(councils)
    .set({ ...changes, version: expectedVersion + 1 })
    .where(and(eq(councils.id, id), eq(councils.version, expectedVersion)))
    .returning();
  return row;
}

/** The membership rows of a council (without names: `membersOf` joins those). */
export async function memberRowsOf(tx: Executor, councilId: string): Promise<CouncilMemberRow[]> {
  return tx.select().from(councilMembers).where(eq(councilMembers.councilId, councilId));
}

export async function findCouncilMember(tx: Executor, councilId: string, memberId: string): Promise<CouncilMemberRow | undefined> {
  const [row] = await tx
    .select()
    .from(councilMembers)
    .where(and(eq(councilMembers.id, memberId), eq(councilMembers.councilId, councilId)))
    .limit(1);
  return row;
}

export async function insertCouncilMember(tx: Executor, values: typeof councilMembers.$inferInsert): Promise<CouncilMemberRow> {
  const [row] = await tx.insert(councilMembers).values(values).returning();
  if (!row) throw new Error('insert into council_members returned nothing');
  return row;
}

export async function deleteCouncilMember(tx: Executor, memberId: string): Promise<void> {
  await tx.delete(councilMembers).where(eq(councilMembers.id, memberId));
}

/** Councils of a merged unit belong to the unit it was merged into. */
export async function moveCouncilsToUnit(tx: Executor, fromUnitId: string, toUnitId: string): Promise<void> {
  await tx.update(councils).set({ unitId: toUnitId }).where(eq(councils.unitId, fromUnitId));
}
