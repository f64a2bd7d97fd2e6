/**
 * Lists voted as a whole in a council session (`session_list_votes`): the candidates of a list are
 * agenda items carrying its id. Set-based: a list of thousands is put on the agenda, counted and
 * closed with a few statements.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { councilSessions, dossierCandidates, dossiers, sessionItems, sessionListVotes } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { dossierVisible, type CandidateRow, type DossierRow } from './dossiers.js';

export type ListVoteRow = typeof sessionListVotes.$inferSelect;

const CHUNK = 1_000;
function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** The candidates of the visible dossiers proposed for `honor` that await a council (not yet voted, pending). */
export async function listVisibleCandidatesForList(
  tx: Executor,
  actor: Actor,
  q: { dossierIds: string[]; honor: string },
): Promise<{ candidate: CandidateRow; dossier: DossierRow }[]> {
  if (!q.dossierIds.length) return [];
  return tx
    .select({ candidate: dossierCandidates, dossier: dossiers })
    .from(dossierCandidates)
    .innerJoin(dossiers, eq(dossiers.id, dossierCandidates.dossierId))
    .where(
      and(
        inArray(dossiers.id, q.dossierIds),
        dossierVisible(actor),
        eq(dossierCandidates.honor, q.honor),
        eq(dossierCandidates.outcome, 'pending'),
        isNull(dossierCandidates.councilResult),
      ),
    )
    .orderBy(asc(dossiers.createdAt), asc(dossierCandidates.sortOrder));
}

/** Of these candidates, those already on the agenda of a session not yet closed. */
export async function candidatesOnOpenAgendas(tx: Executor, candidateIds: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const ids of chunks(candidateIds, 5 * CHUNK)) {
    const rows = await tx
      .select({ id: sessionItems.candidateId })
      .from(sessionItems)
      .innerJoin(councilSessions, eq(councilSessions.id, sessionItems.sessionId))
      .where(and(inArray(sessionItems.candidateId, ids), inArray(councilSessions.status, ['draft', 'open'])));
    for (const r of rows) out.add(r.id);
  }
  return out;
}

export async function insertListVote(tx: Executor, values: typeof sessionListVotes.$inferInsert): Promise<ListVoteRow> {
  const [row] = await tx.insert(sessionListVotes).values(values).returning();
  return row!;
}

export async function insertListItems(
  tx: Executor,
  values: { sessionId: string; candidateId: string; honor: string; sortOrder: number; listVoteId: string }[],
): Promise<void> {
  for (const part of chunks(values, CHUNK)) await tx.insert(sessionItems).values(part);
}

export async function listVotesOf(tx: Executor, sessionId: string): Promise<(ListVoteRow & { count: number })[]> {
  const rows = await tx
    .select({ list: sessionListVotes, count: sql<number>`(select count(*)::int from session_items i where i.list_vote_id = "session_list_votes"."id")` })
    .from(sessionListVotes)
    .where(eq(sessionListVotes.sessionId, sessionId))
    .orderBy(asc(sessionListVotes.sortOrder));
  return rows.map((r) => ({ ...r.list, count: Number(r.count) }));
}

export async function findListVote(tx: Executor, sessionId: string, listId: string): Promise<ListVoteRow | undefined> {
  const [row] = await tx
    .select()
    .from(sessionListVotes)
    .where(and(eq(sessionListVotes.id, listId), eq(sessionListVotes.sessionId, sessionId)));
  return row;
}

/** Deletes a list (its items go with it); answers the dossiers its candidates came from. */
export async function deleteListVote(tx: Executor, listId: string): Promise<string[]> {
  const rows = await tx
    .select({ dossierId: dossierCandidates.dossierId })
    .from(sessionItems)
    .innerJoin(dossierCandidates, eq(dossierCandidates.id, sessionItems.candidateId))
    .where(eq(sessionItems.listVoteId, listId));
  await tx.delete(sessionListVotes).where(eq(sessionListVotes.id, listId));
  return [...new Set(rows.map((r) => r.dossierId))];
}

export async function setListVoteCounts(
  tx: Executor,
  listId: string,
  counts: { approve: number; reject: number; abstain: number; recordedAt: Date; recordedBy: string },
): Promise<void> {
  await tx.update(sessionListVotes).set(counts).where(eq(sessionListVotes.id, listId));
}

/**
 * Freezes a list's result on the list, on each of its agenda items and on each candidate (a failed
 * list: its candidates are not awarded), in three statements whatever the length of the list.
 */
export async function saveListResult(tx: Executor, listId: string, result: { passed: boolean; text: string } & Record<string, unknown>): Promise<void> {
  await tx.update(sessionListVotes).set({ result }).where(eq(sessionListVotes.id, listId));
  await tx.update(sessionItems).set({ result }).where(eq(sessionItems.listVoteId, listId));
  await tx
    .update(dossierCandidates)
    .set({
      councilResult: result.passed ? 'passed' : 'failed',
      councilText: result.text,
      ...(result.passed ? {} : { outcome: 'not_awarded' }),
    })
    .where(sql`${dossierCandidates.id} in (select candidate_id from session_items where list_vote_id = ${listId})`);
}

/** The candidates and dossiers of a list (the dossiers that leave the council, the claims released on a failed list). */
export async function candidatesOfList(tx: Executor, listId: string): Promise<{ id: string; dossierId: string }[]> {
  return tx
    .select({ id: dossierCandidates.id, dossierId: dossierCandidates.dossierId })
    .from(sessionItems)
    .innerJoin(dossierCandidates, eq(dossierCandidates.id, sessionItems.candidateId))
    .where(eq(sessionItems.listVoteId, listId));
}
