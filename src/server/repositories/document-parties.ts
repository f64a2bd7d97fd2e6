/**
 * Who a generated document names: the head of a unit (the default signer), a council's name. Reads
 * that ignore scope: they are reached through a record (decision, dossier, session) already found
 * in the actor's scope.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { councils, people } from '../db/schema/index.js';

/** The unit's head: an active leader whose position is not a deputy's ("Phó …"), else any leader. */
export async function unsafeUnitHead(tx: Executor, unitId: string): Promise<{ id: string; fullName: string; position: string } | undefined> {
  const rows = await tx
    .select({ id: people.id, fullName: people.fullName, position: people.position })
    .from(people)
    .where(and(eq(people.unitId, unitId), eq(people.isLeader, true), eq(people.active, true)))
    .orderBy(sql`case when ${people.position} ilike 'phó%' then 1 else 0 end`, asc(people.sortKey))
    .limit(1);
  const row = rows[0];
  return row ? { id: row.id, fullName: row.fullName, position: row.position ?? '' } : undefined;
}

export async function unsafeCouncilName(tx: Executor, councilId: string): Promise<string | undefined> {
  const [row] = await tx.select({ name: councils.name }).from(councils).where(eq(councils.id, councilId));
  return row?.name;
}
