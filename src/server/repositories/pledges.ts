import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { pledges, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { unitIdInScope } from './scope.js';
import { mayReadPledges } from '../policies/registration.js';
import type { Paging } from './plans.js';

export type PledgeRow = typeof pledges.$inferSelect;
export type PledgeValues = Omit<typeof pledges.$inferInsert, 'id' | 'createdAt'>;

/** Pledge columns without the document itself (lists never carry the file). */
const summary = {
  id: pledges.id,
  unitId: pledges.unitId,
  movementId: pledges.movementId,
  year: pledges.year,
  title: pledges.title,
  parties: pledges.parties,
  signedDate: pledges.signedDate,
  documentName: pledges.documentName,
  documentMime: pledges.documentMime,
  documentSize: pledges.documentSize,
  createdAt: pledges.createdAt,
};

export interface PledgeFilter {
  year?: number | undefined;
}

function visibleWhere(actor: Actor, f: PledgeFilter) {
  return and(visiblePledgesCondition(actor), f.year ? eq(pledges.year, f.year) : undefined);
}

/** Pledges of the actor's units, by signing date. */
export async function listVisiblePledges(tx: Executor, actor: Actor, f: PledgeFilter, page: Paging) {
  const rows = await tx
    .select({ p: summary, unitName: units.name })
    .from(pledges)
    .innerJoin(units, eq(units.id, pledges.unitId))
    .where(visibleWhere(actor, f))
    .orderBy(asc(pledges.signedDate), asc(pledges.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [count] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(pledges)
    .where(visibleWhere(actor, f));
  return { rows, total: Number(count?.n ?? 0) };
}

/** One pledge of the actor's units, with its document. */
export async function findVisiblePledge(tx: Executor, actor: Actor, id: string): Promise<PledgeRow | undefined> {
  const [p] = await tx
    .select()
    .from(pledges)
    .where(and(eq(pledges.id, id), visiblePledgesCondition(actor)));
  return p;
}

export async function insertPledge(tx: Executor, values: PledgeValues): Promise<{ id: string; title: string }> {
  const [p] = await tx.insert(pledges).values(values).returning({ id: pledges.id, title: pledges.title });
  if (!p) throw new Error('insert failed');
  return p;
}

/** The pledges an actor may read: none for a role without `readPledges`, else those of its scope. */
function visiblePledgesCondition(actor: Actor): SQL {
  return mayReadPledges(actor) ? unitIdInScope(actor, pledges.unitId) : sql`false`;
}
