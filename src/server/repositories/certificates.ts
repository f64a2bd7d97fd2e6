/**
 * Sổ vàng (the register of Giấy khen / Bằng khen), its per-unit counters, and the units' phôi
 * calibrations.
 */
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import {
  awardDecisions,
  certificateCalibrations,
  certificateCounters,
  certificates,
  decisionAwardees,
  dossierCandidates,
  dossiers,
  people,
  units,
} from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { escapeLike, unitIdInScope } from './scope.js';

export type CertificateRow = typeof certificates.$inferSelect;
export type CalibrationRow = typeof certificateCalibrations.$inferSelect;

/** Takes the next register number of a unit and year (locks the counter row until commit). */
export async function nextCertificateNumber(tx: Executor, unitId: string, year: number): Promise<number> {
  await tx.insert(certificateCounters).values({ unitId, year, lastNumber: 0 }).onConflictDoNothing();
  const [counter] = await tx
    .select()
    .from(certificateCounters)
    .where(and(eq(certificateCounters.unitId, unitId), eq(certificateCounters.year, year)))
    .for('update');
  const number = (counter?.lastNumber ?? 0) + 1;
  await tx
    .update(certificateCounters)
    .set({ lastNumber: number })
    .where(and(eq(certificateCounters.unitId, unitId), eq(certificateCounters.year, year)));
  return number;
}

export async function insertCertificate(tx: Executor, values: typeof certificates.$inferInsert): Promise<CertificateRow> {
  const [row] = await tx.insert(certificates).values(values).returning();
  return row!;
}

/** Names of the unit and its ancestors, nearest first (the place line of its documents comes from them). */
export async function unitChainNames(tx: Executor, unitId: string): Promise<string[]> {
  const [u] = await tx.select({ path: units.path }).from(units).where(eq(units.id, unitId));
  const ids = (u?.path ?? '').split('/').filter(Boolean);
  if (!ids.length) return [];
  const rows = await tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids));
  return ids.reverse().map((id) => rows.find((r) => r.id === id)?.name ?? '');
}

/** Locks a decision by id for certificate issuing (the caller has checked it is visible). */
export async function unsafeLockDecision(tx: Executor, id: string) {
  const [d] = await tx.select().from(awardDecisions).where(eq(awardDecisions.id, id)).for('update');
  return d;
}

/** The awardees of a decision with what their certificates print (gender for the honorific, achievement, year). */
export async function awardeesForCertificates(tx: Executor, decisionId: string) {
  return tx
    .select({ awardee: decisionAwardees, gender: people.gender, achievement: dossierCandidates.achievement, dossierYear: dossiers.year })
    .from(decisionAwardees)
    .leftJoin(people, eq(people.id, decisionAwardees.personId))
    .leftJoin(dossierCandidates, eq(dossierCandidates.id, decisionAwardees.candidateId))
    .leftJoin(dossiers, eq(dossiers.id, dossierCandidates.dossierId))
    .where(eq(decisionAwardees.decisionId, decisionId))
    .orderBy(asc(decisionAwardees.sortOrder), asc(decisionAwardees.id));
}

/** Every certificate registered for a decision (revoked ones too). */
export async function certificatesOfDecision(tx: Executor, decisionId: string): Promise<CertificateRow[]> {
  return tx.select().from(certificates).where(eq(certificates.decisionId, decisionId));
}

/** The certificates of a decision still in force, in register order (what gets printed). */
export async function activeCertificatesOfDecision(tx: Executor, decisionId: string): Promise<CertificateRow[]> {
  return tx
    .select()
    .from(certificates)
    .where(and(eq(certificates.decisionId, decisionId), eq(certificates.revoked, false)))
    .orderBy(asc(certificates.number));
}

/** Flags the certificates of a decision (all, or those of some awardees) as revoked; returns how many changed. */
export async function revokeCertificatesOfDecision(tx: Executor, decisionId: string, reason: string, at: Date, awardeeIds?: string[]): Promise<number> {
  const where = and(
    eq(certificates.decisionId, decisionId),
    eq(certificates.revoked, false),
    awardeeIds?.length ? inArray(certificates.awardeeId, awardeeIds) : undefined,
  );
  const rows = await tx.update(certificates).set({ revoked: true, revokedReason: reason, revokedAt: at }).where(where).returning({ id: certificates.id });
  return rows.length;
}

/** A certificate of the actor's scope, locked for the rest of the transaction. */
export async function findVisibleCertificate(tx: Executor, actor: Actor, id: string): Promise<CertificateRow | undefined> {
  const [c] = await tx
    .select()
    .from(certificates)
    .where(and(eq(certificates.id, id), unitIdInScope(actor, certificates.unitId)))
    .limit(1);
  return c;
}

export async function lockVisibleCertificate(tx: Executor, actor: Actor, id: string): Promise<CertificateRow | undefined> {
  const [c] = await tx
    .select()
    .from(certificates)
    .where(and(eq(certificates.id, id), unitIdInScope(actor, certificates.unitId)))
    .for('update');
  return c;
}

export async function markCertificateRevoked(tx: Executor, id: string, reason: string, at: Date): Promise<CertificateRow> {
  const [row] = await tx.update(certificates).set({ revoked: true, revokedReason: reason, revokedAt: at }).where(eq(certificates.id, id)).returning();
  return row!;
}

export interface RegisterFilter {
  decisionId?: string | undefined;
  year?: number | undefined;
  q?: string | undefined;
}

function registerWhere(actor: Actor, f: RegisterFilter): SQL | undefined {
  const q = f.q?.trim();
  const like = q ? `%${escapeLike(q)}%` : '';
  return and(
    unitIdInScope(actor, certificates.unitId),
    f.decisionId ? eq(certificates.decisionId, f.decisionId) : undefined,
    f.year ? eq(certificates.year, f.year) : undefined,
    q ? or(ilike(certificates.recipientName, like), eq(certificates.code, q.toUpperCase()), ilike(certificates.decisionNumber, like)) : undefined,
  );
}

/** One page of the register in the actor's scope (newest year first, then by number), with the total. */
export async function listVisibleCertificates(tx: Executor, actor: Actor, f: RegisterFilter & { page: number; pageSize: number }) {
  const where = registerWhere(actor, f);
  const rows = await tx
    .select()
    .from(certificates)
    .where(where)
    .orderBy(desc(certificates.year), asc(certificates.number))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [t] = await tx.select({ n: count() }).from(certificates).where(where);
  return { rows, total: Number(t?.n ?? 0) };
}

/** A slice of the register matching the filter (the Excel export reads it in batches). */
export async function exportVisibleCertificates(tx: Executor, actor: Actor, f: RegisterFilter, offset: number, limit: number): Promise<CertificateRow[]> {
  return tx
    .select()
    .from(certificates)
    .where(registerWhere(actor, f))
    .orderBy(desc(certificates.year), asc(certificates.number), asc(certificates.id))
    .limit(limit)
    .offset(offset);
}

/**
 * A certificate by its public code, without scope: the public verification page (anyone holding
 * the paper may check it).
 */
export async function unsafeFindCertificateByCode(tx: Executor, code: string): Promise<CertificateRow | undefined> {
  const [c] = await tx.select().from(certificates).where(eq(certificates.code, code));
  return c;
}

// ------------------------------------------------------------------ phôi calibration

export async function findCalibration(tx: Executor, unitId: string, lock = false): Promise<CalibrationRow | undefined> {
  const q = tx.select().from(certificateCalibrations).where(eq(certificateCalibrations.unitId, unitId));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function saveCalibrationRow(
  tx: Executor,
  unitId: string,
  values: { calibration: unknown; version: number; updatedBy: string; updatedAt: Date },
  exists: boolean,
): Promise<void> {
  if (exists) await tx.update(certificateCalibrations).set(values).where(eq(certificateCalibrations.unitId, unitId));
  else await tx.insert(certificateCalibrations).values({ unitId, calibration: values.calibration, version: values.version, updatedBy: values.updatedBy });
}
