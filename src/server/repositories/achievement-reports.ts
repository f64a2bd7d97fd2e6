/**
 * Báo cáo thành tích records, and the reads their prefill needs. Reached through a dossier and
 * candidate already found in the actor's scope: the lookups here do not filter by scope again.
 */
import { and, asc, count, eq, like } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { achievementReports, people, units } from '../db/schema/index.js';

export type AchievementReportRow = typeof achievementReports.$inferSelect;
type Insert = typeof achievementReports.$inferInsert;

export async function reportOfCandidate(tx: Executor, dossierId: string, candidateId: string): Promise<AchievementReportRow | undefined> {
  const [row] = await tx
    .select()
    .from(achievementReports)
    .where(and(eq(achievementReports.dossierId, dossierId), eq(achievementReports.candidateId, candidateId)));
  return row;
}

export async function insertReport(tx: Executor, values: Insert): Promise<AchievementReportRow> {
  const [row] = await tx.insert(achievementReports).values(values).returning();
  return row!;
}

/** Writes when nobody wrote first (undefined otherwise). */
export async function updateReportAtVersion(
  tx: Executor,
  id: string,
  expectedVersion: number,
  set: Partial<Pick<Insert, 'content' | 'attachedDocumentId' | 'attachedAt' | 'updatedBy' | 'updatedAt'>>,
): Promise<AchievementReportRow | undefined> {
  const [row] = await tx
    .update(achievementReports)
    .set({ ...set, version: expectedVersion + 1 })
    .where(and(eq(achievementReports.id, id), eq(achievementReports.version, expectedVersion)))
    .returning();
  return row;
}

/** A person named by a candidate (the candidate was found in scope). */
export async function unsafePersonProfile(tx: Executor, personId: string) {
  const [row] = await tx
    .select({ id: people.id, fullName: people.fullName, gender: people.gender, birthDate: people.birthDate, position: people.position, unitId: people.unitId })
    .from(people)
    .where(eq(people.id, personId));
  return row;
}

/** Active staff of a unit and its sub-units (the collective's size). */
export async function unsafeStaffCount(tx: Executor, unitId: string): Promise<number> {
  const [u] = await tx.select({ path: units.path }).from(units).where(eq(units.id, unitId));
  if (!u) return 0;
  const [row] = await tx
    .select({ n: count() })
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(and(eq(people.active, true), like(units.path, `${u.path}%`)));
  return row?.n ?? 0;
}

/** The unit's parent id (the collective's superior signs its report). */
export async function unsafeParentOf(tx: Executor, unitId: string): Promise<string | null> {
  const [row] = await tx.select({ parentId: units.parentId }).from(units).where(eq(units.id, unitId)).orderBy(asc(units.id));
  return row?.parentId ?? null;
}
