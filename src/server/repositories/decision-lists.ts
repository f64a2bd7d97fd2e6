/**
 * Set-based writes and checks of a decision with a long list (a district's LĐTT decision of
 * thousands of names): the awardees, their histories and their fund lines in multi-row statements,
 * the checks in a few queries for the whole list. Lists are cut in chunks so that no statement
 * comes near PostgreSQL's 65,535 parameters.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { decisionAwardees, dossierCandidates, fundEntries, honorAwards, initiatives, petitions, publicNoticeItems } from '../db/schema/index.js';
import { now } from '../clock.js';

const ID_CHUNK = 5_000;
const INSERT_CHUNK = 1_000;

function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** The key of a subject's honor in a year ("<person or unit id>:<honor>:<year>"). */
export const honorKey = (subject: string, honor: string, year: number) => `${subject}:${honor}:${year}`;

/** Standing (not revoked) honors of the listed subjects, by `honorKey`, with their decision number. */
export async function standingHonorsOf(
  tx: Executor,
  list: { personId: string | null; unitId: string | null; honor: string; year: number }[],
): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  const personIds = [...new Set(list.flatMap((s) => (s.personId ? [s.personId] : [])))];
  const unitIds = [...new Set(list.flatMap((s) => (s.unitId ? [s.unitId] : [])))];
  const honors = [...new Set(list.map((s) => s.honor))];
  const years = [...new Set(list.map((s) => s.year))];
  if (!honors.length) return out;
  const run = async (who: ReturnType<typeof inArray>) => {
    const rows = await tx
      .select({
        personId: honorAwards.personId,
        unitId: honorAwards.unitId,
        honor: honorAwards.honor,
        year: honorAwards.year,
        number: honorAwards.decisionNumber,
      })
      .from(honorAwards)
      .where(and(who, inArray(honorAwards.honor, honors), inArray(honorAwards.year, years), eq(honorAwards.revoked, false)));
    for (const r of rows) {
      const key = honorKey(r.personId ?? r.unitId ?? '', r.honor, r.year);
      if (!out.has(key)) out.set(key, r.number);
    }
  };
  for (const ids of chunks(personIds, ID_CHUNK)) await run(inArray(honorAwards.personId, ids));
  for (const ids of chunks(unitIds, ID_CHUNK)) await run(inArray(honorAwards.unitId, ids));
  return out;
}

/**
 * Candidates of the list that were put in a public notice or are named by a petition that holds
 * them: only these need the notice check one by one (a superset: the check itself decides).
 */
export async function candidatesWithNoticesOrPetitions(tx: Executor, candidateIds: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const ids of chunks([...new Set(candidateIds)], ID_CHUNK)) {
    const noticed = await tx.selectDistinct({ id: publicNoticeItems.candidateId }).from(publicNoticeItems).where(inArray(publicNoticeItems.candidateId, ids));
    const held = await tx
      .selectDistinct({ id: petitions.candidateId })
      .from(petitions)
      .where(and(inArray(petitions.candidateId, ids), eq(petitions.holdsSubject, true)));
    for (const r of [...noticed, ...held]) if (r.id) out.add(r.id);
  }
  return out;
}

/** The awardees of a decision, in multi-row inserts; their candidates are marked awarded by this decision. */
export async function insertAwardeesBulk(tx: Executor, values: (typeof decisionAwardees.$inferInsert)[]): Promise<void> {
  for (const part of chunks(values, INSERT_CHUNK)) await tx.insert(decisionAwardees).values(part);
  const byDecision = new Map<string, string[]>();
  for (const v of values) if (v.candidateId) byDecision.set(v.decisionId, [...(byDecision.get(v.decisionId) ?? []), v.candidateId]);
  for (const [decisionId, ids] of byDecision)
    for (const part of chunks(ids, ID_CHUNK))
      await tx.update(dossierCandidates).set({ outcome: 'awarded', decisionId }).where(inArray(dossierCandidates.id, part));
}

/** Honor awards already written from these dossiers (a decision that takes effect twice writes each once), by "<dossier>:<subject>:<honor>". */
export async function decisionHonorAwardsOfDossiers(tx: Executor, dossierIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const ids of chunks([...new Set(dossierIds)], ID_CHUNK)) {
    const rows = await tx
      .select({ id: honorAwards.id, dossierId: honorAwards.dossierId, personId: honorAwards.personId, unitId: honorAwards.unitId, honor: honorAwards.honor })
      .from(honorAwards)
      .where(and(inArray(honorAwards.dossierId, ids), eq(honorAwards.revoked, false)));
    for (const r of rows) out.set(`${r.dossierId}:${r.personId ?? r.unitId}:${r.honor}`, r.id);
  }
  return out;
}

/** The histories of a decision's awardees in multi-row inserts; answers each new row's id by "<dossier>:<subject>:<honor>". */
export async function insertHonorAwardsBulk(tx: Executor, values: (typeof honorAwards.$inferInsert)[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunks(values, INSERT_CHUNK)) {
    const rows = await tx.insert(honorAwards).values(part).returning({
      id: honorAwards.id,
      dossierId: honorAwards.dossierId,
      personId: honorAwards.personId,
      unitId: honorAwards.unitId,
      honor: honorAwards.honor,
    });
    for (const r of rows) out.set(`${r.dossierId}:${r.personId ?? r.unitId}:${r.honor}`, r.id);
  }
  return out;
}

/** Initiatives used by an award (use once): the award's id on each that is still free. */
export async function markInitiativesUsed(tx: Executor, awardId: string, initiativeIds: string[]): Promise<void> {
  if (!initiativeIds.length) return;
  await tx
    .update(initiatives)
    .set({ usedForAwardId: awardId, updatedAt: now() })
    .where(and(inArray(initiatives.id, initiativeIds), sql`${initiatives.usedForAwardId} is null`));
}

/** Links each awardee to its history row, one statement per chunk (`update … from (values …)`). */
export async function setAwardeeHonorAwards(tx: Executor, pairs: { awardeeId: string; honorAwardId: string }[]): Promise<void> {
  for (const part of chunks(pairs, INSERT_CHUNK)) {
    if (!part.length) continue;
    const values = sql.join(
      part.map((p) => sql`(${p.awardeeId}::uuid, ${p.honorAwardId}::uuid)`),
      sql`, `,
    );
    await tx.execute(sql`update ${decisionAwardees} set honor_award_id = v.h from (values ${values}) as v(a, h) where ${decisionAwardees.id} = v.a`);
  }
}

/** Fund lines in multi-row inserts (a decision's commitments). */
export async function insertFundEntriesBulk(tx: Executor, values: (typeof fundEntries.$inferInsert)[]): Promise<void> {
  for (const part of chunks(values, INSERT_CHUNK)) await tx.insert(fundEntries).values(part);
}
