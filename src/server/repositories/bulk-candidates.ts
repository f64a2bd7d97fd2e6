/**
 * Set-based reads and writes for adding many candidates to a dossier at once (a district's LĐTT
 * list of thousands of names): a few queries for the whole list, never one per row. Lists of ids
 * are cut in chunks so that no statement comes near PostgreSQL's 65,535 parameters.
 */
import { and, eq, inArray, isNotNull, isNull, like, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { dossierCandidates, dossiers, people, registrations, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { escapeLike, visiblePeopleCondition, visibleUnitsCondition } from './scope.js';

type CandidateInsert = typeof dossierCandidates.$inferInsert;

/** Ids per `in (…)` list: one parameter each, far below the statement limit. */
const ID_CHUNK = 5_000;
/** Rows per multi-row insert: 16 columns × 1,000 rows stays far below 65,535 parameters. */
const INSERT_CHUNK = 1_000;

function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

export interface NominablePerson {
  id: string;
  fullName: string;
  cccd: string | null;
  position: string | null;
  active: boolean;
  unitId: string;
  unitPath: string;
  unitName: string;
}

/** People the actor may see, found by id or by CCCD (one query per chunk of the list). */
export async function listVisiblePeopleByIdsOrCccds(tx: Executor, actor: Actor, q: { ids: string[]; cccds: string[] }): Promise<NominablePerson[]> {
  const out: NominablePerson[] = [];
  const select = (where: SQL) =>
    tx
      .select({
        id: people.id,
        fullName: people.fullName,
        cccd: people.cccd,
        position: people.position,
        active: people.active,
        unitId: people.unitId,
        unitPath: units.path,
        unitName: units.name,
      })
      .from(people)
      .innerJoin(units, eq(units.id, people.unitId))
      .where(and(visiblePeopleCondition(actor), where));
  for (const ids of chunks([...new Set(q.ids)], ID_CHUNK)) out.push(...(await select(inArray(people.id, ids))));
  for (const cccds of chunks([...new Set(q.cccds)], ID_CHUNK)) out.push(...(await select(inArray(people.cccd, cccds))));
  return out;
}

/** Units the actor may see, by id (collectives proposed in bulk). */
export async function listVisibleUnitsByIds(tx: Executor, actor: Actor, ids: string[]): Promise<{ id: string; name: string; path: string }[]> {
  const out: { id: string; name: string; path: string }[] = [];
  for (const part of chunks([...new Set(ids)], ID_CHUNK)) {
    out.push(
      ...(await tx
        .select({ id: units.id, name: units.name, path: units.path })
        .from(units)
        .where(and(visibleUnitsCondition(actor), inArray(units.id, part)))),
    );
  }
  return out;
}

export interface OpenCandidacy {
  personId: string | null;
  subjectUnitId: string | null;
  honor: string;
  title: string;
}

/** The subjects of the list already proposed for the same year in another open dossier (any of the honors). */
export async function openCandidaciesElsewhere(
  tx: Executor,
  q: { dossierId: string; year: number; honors: string[]; personIds: string[]; unitIds: string[] },
): Promise<OpenCandidacy[]> {
  if (!q.honors.length) return [];
  const out: OpenCandidacy[] = [];
  const run = (subject: SQL) =>
    tx
      .select({ personId: dossierCandidates.personId, subjectUnitId: dossierCandidates.subjectUnitId, honor: dossierCandidates.honor, title: dossiers.title })
      .from(dossierCandidates)
      .innerJoin(dossiers, eq(dossiers.id, dossierCandidates.dossierId))
      .where(
        and(
          subject,
          ne(dossiers.id, q.dossierId),
          eq(dossiers.year, q.year),
          inArray(dossierCandidates.honor, q.honors),
          eq(dossierCandidates.outcome, 'pending'),
          isNull(dossierCandidates.sourceCandidateId),
          notInArray(dossiers.status, ['completed']),
        ),
      );
  for (const ids of chunks([...new Set(q.personIds)], ID_CHUNK)) out.push(...(await run(inArray(dossierCandidates.personId, ids))));
  for (const ids of chunks([...new Set(q.unitIds)], ID_CHUNK)) out.push(...(await run(inArray(dossierCandidates.subjectUnitId, ids))));
  return out;
}

/** The subjects already in the dossier (for the duplicate check) and how many there are (the next sort order). */
export async function dossierSubjects(tx: Executor, dossierId: string): Promise<{ personIds: Set<string>; unitIds: Set<string>; count: number }> {
  const rows = await tx
    .select({ personId: dossierCandidates.personId, subjectUnitId: dossierCandidates.subjectUnitId })
    .from(dossierCandidates)
    .where(eq(dossierCandidates.dossierId, dossierId));
  return {
    personIds: new Set(rows.flatMap((r) => (r.personId ? [r.personId] : []))),
    unitIds: new Set(rows.flatMap((r) => (r.subjectUnitId ? [r.subjectUnitId] : []))),
    count: rows.length,
  };
}

/** Inserts the candidates with multi-row statements; answers how many were stored. */
export async function insertCandidatesBulk(tx: Executor, values: CandidateInsert[]): Promise<number> {
  let n = 0;
  for (const part of chunks(values, INSERT_CHUNK)) {
    const rows = await tx.insert(dossierCandidates).values(part).returning({ id: dossierCandidates.id });
    n += rows.length;
  }
  return n;
}

/**
 * The named registrations (a person or a collective, not a number) for an honor in the campaign of
 * a dossier: its movement, or the year's annual plan when the dossier has no movement; only
 * registrations of units in the dossier unit's subtree.
 */
export async function namedRegistrationsFor(
  tx: Executor,
  q: { movementId: string | null; year: number; honor: string; unitPath: string },
): Promise<{ subjectKind: string; personId: string | null; subjectUnitId: string | null }[]> {
  const campaign = q.movementId ? eq(registrations.movementId, q.movementId) : and(isNull(registrations.movementId), eq(registrations.year, q.year));
  return tx
    .select({ subjectKind: registrations.subjectKind, personId: registrations.personId, subjectUnitId: registrations.subjectUnitId })
    .from(registrations)
    .innerJoin(units, eq(units.id, registrations.unitId))
    .where(
      and(
        campaign,
        eq(registrations.honor, q.honor),
        like(units.path, `${escapeLike(q.unitPath)}%`),
        or(isNotNull(registrations.personId), isNotNull(registrations.subjectUnitId)),
      ),
    )
    .orderBy(sql`${registrations.createdAt}`);
}
