/**
 * Award decisions (quyết định khen thưởng): the register of numbers, the awardees, and what
 * issuing and revoking write into the candidates and the honor records.
 */
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import {
  awardDecisions,
  awardItemMoves,
  certificates,
  decisionAwardees,
  decisionCounters,
  dossierCandidates,
  dossiers,
  exemplarConferences,
  exemplars,
  fundEntries,
  honorAwards,
  initiativeApplications,
  petitions,
  signedDocuments,
  people,
  publicNoticeComments,
  publicNoticeItems,
  publicNotices,
  units,
} from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { escapeLike, unitIdInScope } from './scope.js';
import { dossierVisible, type CandidateRow, type DossierRow } from './dossiers.js';

export type DecisionRow = typeof awardDecisions.$inferSelect;
export type AwardeeRow = typeof decisionAwardees.$inferSelect;
const META = {
  id: awardDecisions.id,
  kind: awardDecisions.kind,
  unitId: awardDecisions.unitId,
  issuerName: awardDecisions.issuerName,
  number: awardDecisions.number,
  year: awardDecisions.year,
  numberText: awardDecisions.numberText,
  decisionDate: awardDecisions.decisionDate,
  title: awardDecisions.title,
  signerName: awardDecisions.signerName,
  signerTitle: awardDecisions.signerTitle,
  regime: awardDecisions.regime,
  totalAmount: awardDecisions.totalAmount,
  status: awardDecisions.status,
  issuedBy: awardDecisions.issuedBy,
  issuedAt: awardDecisions.issuedAt,
  revokedAt: awardDecisions.revokedAt,
  revokedBy: awardDecisions.revokedBy,
  revokeReason: awardDecisions.revokeReason,
  fileName: awardDecisions.fileName,
  fileMime: awardDecisions.fileMime,
  dossierId: awardDecisions.dossierId,
  issuerSuperior: awardDecisions.issuerSuperior,
  issuerPlace: awardDecisions.issuerPlace,
  issuingAuthority: awardDecisions.issuingAuthority,
  signerAuthorities: awardDecisions.signerAuthorities,
  legalBases: awardDecisions.legalBases,
  proposal: awardDecisions.proposal,
  achievement: awardDecisions.achievement,
  fundingRoute: awardDecisions.fundingRoute,
  executors: awardDecisions.executors,
  recipients: awardDecisions.recipients,
  awardYear: awardDecisions.awardYear,
  version: awardDecisions.version,
};
// The search key is the portal's (generated, never shown).
export type DecisionMeta = Omit<DecisionRow, 'fileData' | 'searchKey'>;

export async function findVisibleDecision(tx: Executor, actor: Actor, id: string): Promise<DecisionMeta | undefined> {
  const [row] = await tx
    .select(META)
    .from(awardDecisions)
    .where(and(eq(awardDecisions.id, id), unitIdInScope(actor, awardDecisions.unitId)))
    .limit(1);
  return row;
}

export async function decisionFile(tx: Executor, id: string) {
  const [row] = await tx
    .select({ fileName: awardDecisions.fileName, fileMime: awardDecisions.fileMime, fileData: awardDecisions.fileData })
    .from(awardDecisions)
    .where(eq(awardDecisions.id, id));
  return row;
}

export interface DecisionFilter {
  year?: number | undefined;
}

const decisionWhere = (actor: Actor, f: DecisionFilter) =>
  and(unitIdInScope(actor, awardDecisions.unitId), f.year ? eq(awardDecisions.year, f.year) : undefined);
const AWARDEE_COUNT = sql<number>`(select count(*)::int from decision_awardees a where a.decision_id = award_decisions.id)`;
const CERTIFICATE_COUNT = sql<number>`(select count(*)::int from certificates c where c.decision_id = award_decisions.id)`;

/** One page of the decisions in the actor's scope, newest first, with the total the filter matches. */
export async function listVisibleDecisions(tx: Executor, actor: Actor, f: DecisionFilter & { page: number; pageSize: number }) {
  const where = decisionWhere(actor, f);
  const rows = await tx
    .select({ ...META, awardeeCount: AWARDEE_COUNT, certificateCount: CERTIFICATE_COUNT })
    .from(awardDecisions)
    .where(where)
    .orderBy(desc(awardDecisions.decisionDate), desc(awardDecisions.number))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [t] = await tx.select({ n: count() }).from(awardDecisions).where(where);
  return { rows, total: Number(t?.n ?? 0) };
}

/** Every decision the filter matches (for the Excel export), read in batches by the caller. */
export async function exportVisibleDecisions(tx: Executor, actor: Actor, f: DecisionFilter, offset: number, limit: number) {
  return tx
    .select({ ...META, awardeeCount: AWARDEE_COUNT })
    .from(awardDecisions)
    .where(decisionWhere(actor, f))
    .orderBy(desc(awardDecisions.decisionDate), desc(awardDecisions.number), asc(awardDecisions.id))
    .limit(limit)
    .offset(offset);
}

export async function awardeesOf(tx: Executor, decisionId: string) {
  return tx.select().from(decisionAwardees).where(eq(decisionAwardees.decisionId, decisionId)).orderBy(asc(decisionAwardees.sortOrder));
}

/** Candidates the council passed and nobody has decided yet: what the head may decide or the Office forward. */
export async function readyCandidates(tx: Executor, actor: Actor) {
  return tx
    .select({
      candidate: dossierCandidates,
      dossierId: dossiers.id,
      dossierTitle: dossiers.title,
      unitName: units.name,
      year: dossiers.year,
      type: dossiers.type,
      movementId: dossiers.movementId,
    })
    .from(dossierCandidates)
    .innerJoin(dossiers, eq(dossiers.id, dossierCandidates.dossierId))
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .where(
      and(
        dossierVisible(actor),
        eq(dossiers.status, 'reviewed'),
        eq(dossiers.level, 'unit'),
        eq(dossierCandidates.outcome, 'pending'),
        eq(dossierCandidates.councilResult, 'passed'),
      ),
    )
    .orderBy(asc(units.name), asc(dossierCandidates.sortOrder))
    .limit(1000);
}

// ------------------------------------------------------------------ issuing

/** Locks the candidates among `ids` that the actor may see, with their dossiers. */
export async function lockVisibleCandidates(tx: Executor, actor: Actor, ids: string[]): Promise<{ candidate: CandidateRow; dossier: DossierRow }[]> {
  if (!ids.length) return [];
  return tx
    .select({ candidate: dossierCandidates, dossier: dossiers })
    .from(dossierCandidates)
    .innerJoin(dossiers, eq(dossiers.id, dossierCandidates.dossierId))
    .where(and(inArray(dossierCandidates.id, ids), dossierVisible(actor)))
    .for('update');
}

/**
 * Takes the next number of the unit's register for the year: creates the counter row if needed,
 * then locks it until commit (no gaps, no duplicates, also under concurrent issuing).
 */
export async function nextDecisionNumber(tx: Executor, unitId: string, year: number): Promise<number> {
  await tx.insert(decisionCounters).values({ unitId, year, lastNumber: 0 }).onConflictDoNothing();
  const [counter] = await tx
    .select()
    .from(decisionCounters)
    .where(and(eq(decisionCounters.unitId, unitId), eq(decisionCounters.year, year)))
    .for('update');
  const number = (counter?.lastNumber ?? 0) + 1;
  await tx
    .update(decisionCounters)
    .set({ lastNumber: number })
    .where(and(eq(decisionCounters.unitId, unitId), eq(decisionCounters.year, year)));
  return number;
}

export async function insertDecision(tx: Executor, values: typeof awardDecisions.$inferInsert): Promise<DecisionRow> {
  const [row] = await tx.insert(awardDecisions).values(values).returning();
  return row!;
}

export async function setDecisionTotal(tx: Executor, id: string, totalAmount: number): Promise<DecisionRow> {
  const [row] = await tx.update(awardDecisions).set({ totalAmount }).where(eq(awardDecisions.id, id)).returning();
  return row!;
}

/** Adds an awardee to the decision's list and marks the candidate awarded by it. */
export async function insertAwardee(tx: Executor, values: typeof decisionAwardees.$inferInsert): Promise<void> {
  await tx.insert(decisionAwardees).values(values);
  if (values.candidateId)
    await tx.update(dossierCandidates).set({ outcome: 'awarded', decisionId: values.decisionId }).where(eq(dossierCandidates.id, values.candidateId));
}

/** An awardee's history row, written when the decision takes effect. */
export async function setAwardeeHonorAward(tx: Executor, awardeeId: string, honorAwardId: string): Promise<void> {
  await tx.update(decisionAwardees).set({ honorAwardId }).where(eq(decisionAwardees.id, awardeeId));
}

/** A decision waiting for its signature is signed: issued now. */
export async function markDecisionIssued(tx: Executor, id: string, at: Date): Promise<DecisionRow> {
  const [row] = await tx.update(awardDecisions).set({ status: 'issued', issuedAt: at }).where(eq(awardDecisions.id, id)).returning();
  return row!;
}

/** The candidates of a decision withdrawn before it took effect wait for a decision again. */
export async function releaseCandidates(tx: Executor, candidateIds: string[]): Promise<void> {
  if (candidateIds.length) await tx.update(dossierCandidates).set({ outcome: 'pending', decisionId: null }).where(inArray(dossierCandidates.id, candidateIds));
}

export async function markCandidatesNotAwarded(tx: Executor, ids: string[]): Promise<void> {
  if (ids.length) await tx.update(dossierCandidates).set({ outcome: 'not_awarded' }).where(inArray(dossierCandidates.id, ids));
}

/** The decision number of a standing (not revoked) honor of the same subject, kind and year, if any. */
export async function standingHonor(
  tx: Executor,
  subject: { personId: string | null; unitId: string | null },
  honor: string,
  year: number,
): Promise<{ number: string | null } | undefined> {
  const who = subject.personId ? eq(honorAwards.personId, subject.personId) : subject.unitId ? eq(honorAwards.unitId, subject.unitId) : null;
  if (!who) return undefined;
  const [dup] = await tx
    .select({ number: honorAwards.decisionNumber })
    .from(honorAwards)
    .where(and(who, eq(honorAwards.honor, honor), eq(honorAwards.year, year), eq(honorAwards.revoked, false)))
    .limit(1);
  return dup;
}

/** The public notices a candidate was listed in. */
export async function noticesOfCandidate(tx: Executor, candidateId: string) {
  const rows = await tx
    .select({ notice: publicNotices })
    .from(publicNoticeItems)
    .innerJoin(publicNotices, eq(publicNotices.id, publicNoticeItems.noticeId))
    .where(eq(publicNoticeItems.candidateId, candidateId));
  return rows.map((r) => r.notice);
}

/** True when a comment of the notice still waits for its answer. */
export async function noticeHasOpenComment(tx: Executor, noticeId: string): Promise<boolean> {
  const [open] = await tx
    .select({ id: publicNoticeComments.id })
    .from(publicNoticeComments)
    .where(and(eq(publicNoticeComments.noticeId, noticeId), isNull(publicNoticeComments.answer)))
    .limit(1);
  return Boolean(open);
}

// ------------------------------------------------------------------ file, revocation

export async function setDecisionFile(tx: Executor, id: string, file: { fileName: string; fileMime: string; fileData: Buffer }): Promise<void> {
  await tx.update(awardDecisions).set(file).where(eq(awardDecisions.id, id));
}

/** Locks a visible decision for the rest of the transaction. */
export async function lockVisibleDecision(tx: Executor, actor: Actor, id: string): Promise<DecisionRow | undefined> {
  const [row] = await tx
    .select()
    .from(awardDecisions)
    .where(and(eq(awardDecisions.id, id), unitIdInScope(actor, awardDecisions.unitId)))
    .for('update');
  return row;
}

/** Revokes one awardee: flagged on the list, on the honor record (with the reason) and on the candidate; never deleted. */
export async function revokeAwardee(tx: Executor, a: AwardeeRow, reason: string, at: Date): Promise<void> {
  await tx.update(decisionAwardees).set({ revoked: true }).where(eq(decisionAwardees.id, a.id));
  if (a.honorAwardId)
    await tx
      .update(honorAwards)
      .set({ revoked: true, revokedReason: reason, updatedAt: at, version: sql`${honorAwards.version} + 1` })
      .where(eq(honorAwards.id, a.honorAwardId));
  if (a.candidateId) await tx.update(dossierCandidates).set({ outcome: 'revoked' }).where(eq(dossierCandidates.id, a.candidateId));
}

/** Revokes the whole decision (`by` given) or only notes the reason of a partial revocation. */
export async function markDecisionRevoked(tx: Executor, id: string, reason: string, whole: { at: Date; by: string } | null): Promise<DecisionRow> {
  const [row] = await tx
    .update(awardDecisions)
    .set(whole ? { status: 'revoked', revokedAt: whole.at, revokedBy: whole.by, revokeReason: reason } : { revokeReason: reason })
    .where(eq(awardDecisions.id, id))
    .returning();
  return row!;
}

/**
 * The people of a unit's subtree (by the unit they work in now) who hold an individual honor for a year:
 * recorded and not revoked, or on a decision of the unit still waiting for its signature (not in the
 * records yet, but decided). What a quota counts when the next decision is issued.
 */
export async function individualHoldersInSubtree(tx: Executor, unitPath: string, honor: string, year: number): Promise<string[]> {
  const inSubtree = sql`${people.unitId} in (select ${units.id} from ${units} where ${units.path} like ${escapeLike(unitPath) + '%'})`;
  const recorded = await tx
    .selectDistinct({ personId: honorAwards.personId })
    .from(honorAwards)
    .innerJoin(people, eq(people.id, honorAwards.personId))
    .where(and(eq(honorAwards.honor, honor), eq(honorAwards.year, year), eq(honorAwards.revoked, false), inSubtree));
  const signing = await tx
    .selectDistinct({ personId: decisionAwardees.personId })
    .from(decisionAwardees)
    .innerJoin(awardDecisions, eq(awardDecisions.id, decisionAwardees.decisionId))
    .innerJoin(dossierCandidates, eq(dossierCandidates.id, decisionAwardees.candidateId))
    .innerJoin(dossiers, eq(dossiers.id, dossierCandidates.dossierId))
    .innerJoin(people, eq(people.id, decisionAwardees.personId))
    .where(
      and(eq(awardDecisions.status, 'signing'), eq(decisionAwardees.honor, honor), eq(decisionAwardees.revoked, false), eq(dossiers.year, year), inSubtree),
    );
  return [...new Set([...recorded, ...signing].flatMap((r) => (r.personId ? [r.personId] : [])))];
}

// ------------------------------------------------------------------ external decisions recorded on their own

/** Changes an external decision's text when nobody wrote it since `expectedVersion`; undefined when someone did. */
export async function updateDecisionAtVersion(
  tx: Executor,
  id: string,
  expectedVersion: number,
  changes: Partial<typeof awardDecisions.$inferInsert>,
): Promise<DecisionRow | undefined> {
  const [row] = await tx
    .update(awardDecisions)
    .set({ ...changes, version: sql`${awardDecisions.version} + 1` })
    .where(and(eq(awardDecisions.id, id), eq(awardDecisions.version, expectedVersion)))
    .returning();
  return row;
}

/** Removes a decision's list and the histories it wrote (a record made by mistake, before anything else used it). */
export async function deleteAwardeesAndHistories(tx: Executor, decisionId: string): Promise<void> {
  const rows = await tx.delete(decisionAwardees).where(eq(decisionAwardees.decisionId, decisionId)).returning({ honorAwardId: decisionAwardees.honorAwardId });
  const ids = rows.flatMap((r) => (r.honorAwardId ? [r.honorAwardId] : []));
  if (ids.length) await tx.delete(honorAwards).where(inArray(honorAwards.id, ids));
}

export async function deleteDecisionRow(tx: Executor, id: string): Promise<void> {
  await tx.delete(awardDecisions).where(eq(awardDecisions.id, id));
}

/** What else points at the decision (certificates, fund entries, items, petitions, exemplars, initiative applications): a record that is used cannot be deleted. */
export async function decisionIsReferenced(tx: Executor, id: string): Promise<boolean> {
  const checks = [
    tx.select({ id: certificates.id }).from(certificates).where(eq(certificates.decisionId, id)).limit(1),
    tx.select({ id: fundEntries.id }).from(fundEntries).where(eq(fundEntries.decisionId, id)).limit(1),
    tx.select({ id: awardItemMoves.id }).from(awardItemMoves).where(eq(awardItemMoves.decisionId, id)).limit(1),
    tx.select({ id: petitions.id }).from(petitions).where(eq(petitions.decisionId, id)).limit(1),
    tx.select({ id: exemplars.id }).from(exemplars).where(eq(exemplars.decisionId, id)).limit(1),
    tx.select({ id: exemplarConferences.id }).from(exemplarConferences).where(eq(exemplarConferences.decisionId, id)).limit(1),
    tx.select({ id: initiativeApplications.id }).from(initiativeApplications).where(eq(initiativeApplications.decisionId, id)).limit(1),
    tx
      .select({ id: signedDocuments.id })
      .from(signedDocuments)
      .where(and(eq(signedDocuments.entityType, 'decision'), eq(signedDocuments.entityId, id)))
      .limit(1),
  ];
  // One by one: the executor may be a transaction.
  for (const q of checks) if ((await q).length) return true;
  return false;
}

/** The histories a decision wrote follow a corrected number, date or issuer. */
export async function refreshHistoriesOfDecision(
  tx: Executor,
  decisionId: string,
  ref: { decisionNumber: string; decisionDate: string; issuer: string },
): Promise<void> {
  await tx
    .update(honorAwards)
    .set({ ...ref, version: sql`${honorAwards.version} + 1` })
    .where(inArray(honorAwards.id, tx.select({ id: decisionAwardees.honorAwardId }).from(decisionAwardees).where(eq(decisionAwardees.decisionId, decisionId))));
}

/** An external decision with this number already recorded by the unit (the same issuer and year). */
export async function findExternalDecisionByNumber(tx: Executor, unitId: string, issuerName: string, numberText: string, year: number) {
  const [row] = await tx
    .select({ id: awardDecisions.id })
    .from(awardDecisions)
    .where(
      and(
        eq(awardDecisions.unitId, unitId),
        eq(awardDecisions.kind, 'external'),
        eq(awardDecisions.year, year),
        sql`lower(${awardDecisions.numberText}) = lower(${numberText})`,
        sql`lower(${awardDecisions.issuerName}) = lower(${issuerName})`,
      ),
    )
    .limit(1);
  return row;
}
