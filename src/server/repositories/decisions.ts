import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { awardDecisions, decisionAwardees, dossierCandidates, dossiers, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { unitIdInScope } from '../policies/scope.js';
import { dossierVisible } from './dossiers.js';

export type DecisionRow = typeof awardDecisions.$inferSelect;
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
};
export type DecisionMeta = Omit<DecisionRow, 'fileData'>;

export async function findVisibleDecision(tx: Executor, actor: Actor, id: string): Promise<DecisionMeta | undefined> {
  const [row] = await tx.select(META).from(awardDecisions).where(and(eq(awardDecisions.id, id), unitIdInScope(actor, awardDecisions.unitId))).limit(1);
  return row;
}

export async function decisionFile(tx: Executor, id: string) {
  const [row] = await tx.select({ fileName: awardDecisions.fileName, fileMime: awardDecisions.fileMime, fileData: awardDecisions.fileData }).from(awardDecisions).where(eq(awardDecisions.id, id));
  return row;
}

export async function listDecisions(tx: Executor, actor: Actor, year?: number) {
  return tx
    .select({ ...META, awardeeCount: sql<number>`(select count(*)::int from decision_awardees a where a.decision_id = award_decisions.id)` })
    .from(awardDecisions)
    .where(and(unitIdInScope(actor, awardDecisions.unitId), year ? eq(awardDecisions.year, year) : undefined))
    .orderBy(desc(awardDecisions.decisionDate), desc(awardDecisions.number))
    .limit(500);
}

export async function awardeesOf(tx: Executor, decisionId: string) {
  return tx.select().from(decisionAwardees).where(eq(decisionAwardees.decisionId, decisionId)).orderBy(asc(decisionAwardees.sortOrder));
}

/** Candidates the council passed and nobody has decided yet: what the head may decide or the Office forward. */
export async function readyCandidates(tx: Executor, actor: Actor) {
  return tx
    .select({ candidate: dossierCandidates, dossierId: dossiers.id, dossierTitle: dossiers.title, unitName: units.name, year: dossiers.year, type: dossiers.type, movementId: dossiers.movementId })
    .from(dossierCandidates)
    .innerJoin(dossiers, eq(dossiers.id, dossierCandidates.dossierId))
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .where(and(dossierVisible(actor), eq(dossiers.status, 'reviewed'), eq(dossiers.level, 'unit'), eq(dossierCandidates.outcome, 'pending'), inArray(dossierCandidates.councilResult, ['passed'])))
    .orderBy(asc(units.name), asc(dossierCandidates.sortOrder))
    .limit(1000);
}
