/** Queries on the candidates of dossiers (the people, collectives and households proposed). */
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { dossierCandidates, dossiers } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { dossierVisibleCondition } from './scope.js';
import type { CandidateRow, DossierRow } from './dossiers.js';

type CandidateInsert = typeof dossierCandidates.$inferInsert;

/** A candidate of a dossier already loaded within scope; `lock` holds it for the transaction. */
export async function findCandidateOf(tx: Executor, dossierId: string, candidateId: string, opts: { lock?: boolean } = {}): Promise<CandidateRow | undefined> {
  const q = tx
    .select()
    .from(dossierCandidates)
    .where(and(eq(dossierCandidates.id, candidateId), eq(dossierCandidates.dossierId, dossierId)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row;
}

/** Candidates with their dossiers, among those the actor sees. */
export async function listVisibleCandidates(tx: Executor, actor: Actor, ids: string[]): Promise<{ candidate: CandidateRow; dossier: DossierRow }[]> {
  if (!ids.length) return [];
  return tx
    .select({ candidate: dossierCandidates, dossier: dossiers })
    .from(dossierCandidates)
    .innerJoin(dossiers, eq(dossiers.id, dossierCandidates.dossierId))
    .where(and(inArray(dossierCandidates.id, ids), dossierVisibleCondition(actor)));
}

export async function insertCandidate(tx: Executor, values: CandidateInsert): Promise<CandidateRow> {
  const [row] = await tx.insert(dossierCandidates).values(values).returning();
  if (!row) throw new Error('insert dossier_candidates: no row');
  return row;
}

export async function updateCandidateRow(tx: Executor, id: string, set: Partial<CandidateInsert>): Promise<CandidateRow> {
  const [row] = await tx.update(dossierCandidates).set(set).where(eq(dossierCandidates.id, id)).returning();
  if (!row) throw new Error('update dossier_candidates: no row');
  return row;
}

/** Deletes a candidate of this dossier; the deleted row, or undefined when there is none. */
export async function deleteCandidateOf(tx: Executor, dossierId: string, candidateId: string): Promise<CandidateRow | undefined> {
  const [row] = await tx
    .delete(dossierCandidates)
    .where(and(eq(dossierCandidates.id, candidateId), eq(dossierCandidates.dossierId, dossierId)))
    .returning();
  return row;
}

/** Every candidate starts over from its proposal (on each submission). */
export async function resetHonorsToProposals(tx: Executor, dossierId: string): Promise<void> {
  await tx
    .update(dossierCandidates)
    .set({ honor: sql`${dossierCandidates.proposedHonor}` })
    .where(eq(dossierCandidates.dossierId, dossierId));
}

export async function countPendingCandidates(tx: Executor, dossierId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(dossierCandidates)
    .where(and(eq(dossierCandidates.dossierId, dossierId), eq(dossierCandidates.outcome, 'pending')));
  return Number(row?.n ?? 0);
}
