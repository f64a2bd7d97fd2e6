import { applicableDeadline } from '../deadlines/window.js';
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import {
  deadlines,
  disciplineRecords,
  movementHonors,
  movementUnits,
  movements,
  dossierCandidates,
  dossierDocuments,
  dossierExtensions,
  dossiers,
  dossierVersions,
  honorAwards,
  initiativeAuthors,
  initiativeClaims,
  initiatives,
  people,
  publicHolidays,
  qualityRatings,
  subjectFacts,
  units,
} from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { escapeLike } from './scope.js';
import { dossierVisibleCondition } from './scope.js';
import { makeCalendar, type Calendar, type HolidayEntry } from '../../shared/working-days.js';
import { foldVietnamese } from '../../shared/vietnamese.js';
import { DOSSIER_IN_PROGRESS } from '../../shared/dossiers.js';
import type { DisciplineEntry, FactEntry, HonorEntry, InitiativeEntry, MemberInput, RatingEntry, SubjectInput } from '../rules/index.js';
import type { CommendationType, Discipline, Honor, InitiativeScope, Rating, SubjectKind } from '../../shared/codes.js';
import type { Fact } from '../rules/index.js';
import { inTurn } from '../db/in-turn.js';

export type DossierRow = typeof dossiers.$inferSelect;
export type CandidateRow = typeof dossierCandidates.$inferSelect;
export type DocumentRow = Omit<typeof dossierDocuments.$inferSelect, 'data'>;

/** Which dossiers an actor sees (the policy's SQL condition; kept here under its old name for the other repositories). */
export const dossierVisible = dossierVisibleCondition;

export async function findVisibleDossier(tx: Executor, actor: Actor, id: string): Promise<DossierRow | undefined> {
  const [row] = await tx
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.id, id), dossierVisible(actor)))
    .limit(1);
  return row;
}

/** Locks the dossier row for the rest of the transaction (state changes read-then-write it). */
export async function lockVisibleDossier(tx: Executor, actor: Actor, id: string): Promise<DossierRow | undefined> {
  const [row] = await tx
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.id, id), dossierVisible(actor)))
    .limit(1)
    .for('update');
  return row;
}

export interface DossierFilter {
  box?: 'all' | 'inbox' | 'mine' | undefined;
  status?: string | undefined;
  /** 'in_progress': only the steps of DOSSIER_IN_PROGRESS. */
  stage?: 'in_progress' | undefined;
  movementId?: string | undefined;
  year?: number | undefined;
  q?: string | undefined;
  sort?: DossierSort | undefined;
  order?: 'asc' | 'desc' | undefined;
  page: number;
  pageSize: number;
}

export const DOSSIER_SORTS = ['submittedAt', 'updatedAt', 'title', 'year', 'status'] as const;
export type DossierSort = (typeof DOSSIER_SORTS)[number];

function dossierOrder(f: DossierFilter): SQL[] {
  if (!f.sort) return [sql`${dossiers.submittedAt} desc nulls first`, desc(dossiers.createdAt)];
  const dir = f.order === 'asc' ? asc : desc;
  const col = { submittedAt: dossiers.submittedAt, updatedAt: dossiers.updatedAt, title: dossiers.title, year: dossiers.year, status: dossiers.status }[f.sort];
  return [dir(col), desc(dossiers.createdAt), asc(dossiers.id)];
}

export async function listVisibleDossiers(tx: Executor, actor: Actor, f: DossierFilter) {
  const conds: SQL[] = [dossierVisible(actor)];
  if (f.box === 'inbox') conds.push(isNotNull(dossiers.firstSubmittedAt), ne(dossiers.unitId, actor.unitId));
  if (f.box === 'mine') conds.push(eq(dossiers.unitId, actor.unitId));
  if (f.status) conds.push(eq(dossiers.status, f.status));
  if (f.stage === 'in_progress') conds.push(inArray(dossiers.status, [...DOSSIER_IN_PROGRESS]));
  if (f.movementId) conds.push(eq(dossiers.movementId, f.movementId));
  if (f.year) conds.push(eq(dossiers.year, f.year));
  const words = foldVietnamese(f.q ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6);
  for (const w of words) {
    const pattern = `%${escapeLike(w)}%`;
    conds.push(
      sql`(${dossiers.searchKey} like ${pattern} or ${dossiers.unitId} in (select ${units.id} from ${units} where ${units.searchKey} like ${pattern}))`,
    );
  }
  const where = and(...conds);
  // Conditions on dossiers only (no join) so that the count stays one pass and page 1 can walk the order index.
  const rows = await tx
    .select({ dossier: dossiers, unitName: units.name })
    .from(dossiers)
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .where(where)
    .orderBy(...dossierOrder(f))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [total] = await tx.select({ n: count() }).from(dossiers).where(where);
  const ids = rows.map((r) => r.dossier.id);
  const counts = ids.length
    ? await tx
        .select({ id: dossierCandidates.dossierId, n: count() })
        .from(dossierCandidates)
        .where(inArray(dossierCandidates.dossierId, ids))
        .groupBy(dossierCandidates.dossierId)
    : [];
  const byId = new Map(counts.map((c) => [c.id, Number(c.n)]));
  return { rows: rows.map((r) => ({ ...r, candidateCount: byId.get(r.dossier.id) ?? 0 })), total: Number(total?.n ?? 0) };
}

export async function candidatesOf(tx: Executor, dossierId: string): Promise<CandidateRow[]> {
  return tx
    .select()
    .from(dossierCandidates)
    .where(eq(dossierCandidates.dossierId, dossierId))
    .orderBy(asc(dossierCandidates.sortOrder), asc(dossierCandidates.createdAt));
}

const DOCUMENT_META = {
  id: dossierDocuments.id,
  dossierId: dossierDocuments.dossierId,
  candidateId: dossierDocuments.candidateId,
  kind: dossierDocuments.kind,
  title: dossierDocuments.title,
  content: dossierDocuments.content,
  voteResult: dossierDocuments.voteResult,
  fileName: dossierDocuments.fileName,
  mimeType: dossierDocuments.mimeType,
  size: dossierDocuments.size,
  sha256: dossierDocuments.sha256,
  createdBy: dossierDocuments.createdBy,
  createdAt: dossierDocuments.createdAt,
};

export async function documentsOf(tx: Executor, dossierId: string): Promise<DocumentRow[]> {
  return tx.select(DOCUMENT_META).from(dossierDocuments).where(eq(dossierDocuments.dossierId, dossierId)).orderBy(asc(dossierDocuments.createdAt));
}

export async function documentFile(tx: Executor, dossierId: string, documentId: string) {
  const [row] = await tx
    .select()
    .from(dossierDocuments)
    .where(and(eq(dossierDocuments.id, documentId), eq(dossierDocuments.dossierId, dossierId)))
    .limit(1);
  return row;
}

export async function versionsOf(tx: Executor, dossierId: string) {
  return tx.select().from(dossierVersions).where(eq(dossierVersions.dossierId, dossierId)).orderBy(asc(dossierVersions.revision));
}

/** The working-day calendar: statutory defaults plus the agency's own entries. */
export async function loadCalendar(tx: Executor): Promise<Calendar> {
  const rows = await tx.select().from(publicHolidays);
  return makeCalendar(rows.map((r): HolidayEntry => ({ date: r.date, name: r.name, kind: r.kind === 'workday' ? 'workday' : 'holiday' })));
}

/**
 * The kind of a movement's deadline for units to send their dossiers (seed 001: 18/6/2021, "late
 * means no dossier"). It is the movement's own entry in the shared `deadlines` calendar, so the
 * movement editor, the calendar, the reminders and the dossier pipeline read one date.
 */
export const SUBMISSION_DEADLINE_KIND = 'unit_submission';

/**
 * The movement's submission deadline for a unit's dossier proposing `honors` (per-honor deadlines:
 * the earliest of those of its honors, falling back to the general one; see `applicableDeadline`),
 * with the day its window opens and the latest extension granted to that unit.
 */
export async function submissionDeadline(
  tx: Executor,
  movementId: string,
  unitId: string,
  honors: string[] = [],
): Promise<{
  dueDate: string | null;
  startDate: string | null;
  title: string | null;
  earliestDue: string | null;
  extension: typeof dossierExtensions.$inferSelect | null;
}> {
  const rows = await tx
    .select({
      title: deadlines.title,
      dueDate: deadlines.dueDate,
      startDate: deadlines.startDate,
      honors: deadlines.honors,
      responsibleUnitId: deadlines.responsibleUnitId,
    })
    .from(deadlines)
    .where(
      and(
        eq(deadlines.sourceType, 'movement'),
        eq(deadlines.sourceId, movementId),
        eq(deadlines.kind, SUBMISSION_DEADLINE_KIND),
        ne(deadlines.status, 'cancelled'),
      ),
    )
    .orderBy(asc(deadlines.dueDate));
  const d = applicableDeadline(rows, unitId, honors);
  const [ext] = await tx
    .select()
    .from(dossierExtensions)
    .where(and(eq(dossierExtensions.movementId, movementId), eq(dossierExtensions.unitId, unitId)))
    .orderBy(desc(dossierExtensions.until))
    .limit(1);
  return { dueDate: d?.dueDate ?? null, startDate: d?.startDate ?? null, title: d?.title ?? null, earliestDue: d?.earliestDue ?? null, extension: ext ?? null };
}

/** Open candidacies of the same subject for the same honor and year in another dossier. */
export async function otherOpenCandidacy(
  tx: Executor,
  q: { dossierId: string; year: number; honor: string; personId: string | null; subjectUnitId: string | null; householdName: string | null },
) {
  const subject = q.personId
    ? eq(dossierCandidates.personId, q.personId)
    : q.subjectUnitId
      ? eq(dossierCandidates.subjectUnitId, q.subjectUnitId)
      : q.householdName
        ? eq(dossierCandidates.householdName, q.householdName)
        : sql`false`;
  const [row] = await tx
    .select({ dossierId: dossiers.id, title: dossiers.title, unitName: units.name })
    .from(dossierCandidates)
    .innerJoin(dossiers, eq(dossiers.id, dossierCandidates.dossierId))
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .where(
      and(
        subject,
        ne(dossiers.id, q.dossierId),
        eq(dossiers.year, q.year),
        eq(dossierCandidates.honor, q.honor),
        eq(dossierCandidates.outcome, 'pending'),
        isNull(dossierCandidates.sourceCandidateId),
        notInArray(dossiers.status, ['completed']),
      ),
    )
    .limit(1);
  return row;
}

// ------------------------------------------------------------------ the engine's subject

/**
 * Builds the eligibility engine's subject from the stored records (ratings, honors received,
 * initiatives, discipline, confirmed facts) — the seam between the records and the engine.
 * Households have no records: the Office enters their data (`subject_data`), which is also
 * merged in for people and collectives (facts the Office confirmed at appraisal).
 */
export async function subjectFor(
  tx: Executor,
  c: Pick<CandidateRow, 'subjectKind' | 'personId' | 'subjectUnitId' | 'subjectData'> & { id?: string | undefined },
): Promise<SubjectInput> {
  // Use once (legal-rules §10): an initiative offered for another candidate counts as used here.
  const claimedElsewhere = (claim: string | null) => claim !== null && claim !== (c.id ?? null);
  const extra = (c.subjectData ?? {}) as Partial<SubjectInput>;
  const kind = c.subjectKind as SubjectKind;
  if (c.personId) {
    const base = await memberRecords(tx, [c.personId]);
    const mine = base.get(c.personId) ?? {};
    const inits = await tx
      .select({ year: initiatives.year, scope: initiatives.scope, used: initiatives.usedForAwardId, claim: initiativeClaims.candidateId })
      .from(initiativeAuthors)
      .innerJoin(initiatives, eq(initiatives.id, initiativeAuthors.initiativeId))
      .leftJoin(initiativeClaims, eq(initiativeClaims.initiativeId, initiatives.id))
      .where(eq(initiativeAuthors.personId, c.personId));
    const facts = await tx.select().from(subjectFacts).where(eq(subjectFacts.personId, c.personId));
    return merge(
      {
        kind,
        ...mine,
        initiatives: inits.map((i): InitiativeEntry => ({
          year: i.year,
          scope: i.scope as InitiativeScope,
          used: i.used !== null || claimedElsewhere(i.claim),
        })),
        facts: facts.map((f): FactEntry => ({ year: f.year, fact: f.fact as Fact })),
      },
      extra,
    );
  }
  if (c.subjectUnitId) {
    const uid = c.subjectUnitId;
    const [ratings, honors, discs, facts, inits, staff] = await inTurn(
      () => tx.select().from(qualityRatings).where(eq(qualityRatings.unitId, uid)),
      () =>
        tx
          .select()
          .from(honorAwards)
          .where(and(eq(honorAwards.unitId, uid), eq(honorAwards.revoked, false))),
      () => tx.select().from(disciplineRecords).where(eq(disciplineRecords.unitId, uid)),
      () => tx.select().from(subjectFacts).where(eq(subjectFacts.unitId, uid)),
      () =>
        tx
          .select({ year: initiatives.year, scope: initiatives.scope, usedForAwardId: initiatives.usedForAwardId, claim: initiativeClaims.candidateId })
          .from(initiatives)
          .leftJoin(initiativeClaims, eq(initiativeClaims.initiativeId, initiatives.id))
          .where(eq(initiatives.unitId, uid)),
      () =>
        tx
          .select({ id: people.id })
          .from(people)
          .where(and(eq(people.unitId, uid), eq(people.active, true))),
    );
    const members = await memberRecords(
      tx,
      staff.map((s) => s.id),
    );
    return merge(
      {
        kind,
        ratings: ratings.map((r): RatingEntry => ({ year: r.year, rating: r.rating as Rating })),
        honors: honors.map((h): HonorEntry => ({ year: h.year, honor: h.honor as Honor, type: h.type as CommendationType })),
        disciplines: discs.map((d): DisciplineEntry => ({ year: d.year, level: d.level as Discipline })),
        facts: facts.map((f): FactEntry => ({ year: f.year, fact: f.fact as Fact })),
        initiatives: inits.map((i): InitiativeEntry => ({
          year: i.year,
          scope: i.scope as InitiativeScope,
          used: i.usedForAwardId !== null || claimedElsewhere(i.claim),
        })),
        members: staff.map((s) => members.get(s.id) ?? {}),
      },
      extra,
    );
  }
  return merge({ kind }, extra);
}

function merge(base: SubjectInput, extra: Partial<SubjectInput>): SubjectInput {
  return {
    ...base,
    ratings: [...(base.ratings ?? []), ...(extra.ratings ?? [])],
    honors: [...(base.honors ?? []), ...(extra.honors ?? [])],
    disciplines: [...(base.disciplines ?? []), ...(extra.disciplines ?? [])],
    initiatives: [...(base.initiatives ?? []), ...(extra.initiatives ?? [])],
    facts: [...(base.facts ?? []), ...(extra.facts ?? [])],
    ...(base.members || extra.members ? { members: [...(base.members ?? []), ...(extra.members ?? [])] } : {}),
  };
}

async function memberRecords(tx: Executor, personIds: string[]): Promise<Map<string, MemberInput>> {
  const out = new Map<string, MemberInput>();
  if (personIds.length === 0) return out;
  const [ratings, honors, discs] = await inTurn(
    () => tx.select().from(qualityRatings).where(inArray(qualityRatings.personId, personIds)),
    () =>
      tx
        .select()
        .from(honorAwards)
        .where(and(inArray(honorAwards.personId, personIds), eq(honorAwards.revoked, false))),
    () => tx.select().from(disciplineRecords).where(inArray(disciplineRecords.personId, personIds)),
  );
  const get = (id: string) => {
    let m = out.get(id);
    if (!m) out.set(id, (m = { ratings: [], honors: [], disciplines: [] }));
    return m;
  };
  for (const r of ratings) get(r.personId!).ratings!.push({ year: r.year, rating: r.rating as Rating });
  for (const h of honors) get(h.personId!).honors!.push({ year: h.year, honor: h.honor as Honor, type: h.type as CommendationType });
  for (const d of discs) get(d.personId!).disciplines!.push({ year: d.year, level: d.level as Discipline });
  return out;
}

/** A unit's name, whatever the scope (the unit and receiver of a dossier already read within scope). */
export async function unsafeUnitName(tx: Executor, id: string): Promise<string> {
  const [u] = await tx.select({ name: units.name }).from(units).where(eq(units.id, id));
  return u?.name ?? '';
}

export function rowsOf<T>(r: unknown): T[] {
  // node-postgres returns { rows }, PGlite returns { rows } too; keep one place that knows it.
  return (r as { rows?: T[] }).rows ?? [];
}

// ------------------------------------------------------------------ writes and lookups of the commands

type DossierInsert = typeof dossiers.$inferInsert;
export type DossierVersionRow = typeof dossierVersions.$inferSelect;
export type ExtensionRow = typeof dossierExtensions.$inferSelect;

/**
 * Locks a dossier by id, whatever the actor's scope: for a command that already loaded a related
 * record within scope (a session closing, a decision issued) and now completes its dossier.
 */
export async function unsafeLockDossier(tx: Executor, id: string): Promise<DossierRow | undefined> {
  const [row] = await tx.select().from(dossiers).where(eq(dossiers.id, id)).for('update');
  return row;
}

export async function insertDossier(tx: Executor, values: DossierInsert): Promise<DossierRow> {
  const [row] = await tx.insert(dossiers).values(values).returning();
  if (!row) throw new Error('insert dossiers: no row');
  return row;
}

/** Writes a dossier only if it is still at `version` (optimistic locking); undefined when someone else changed it. */
export async function updateDossierAtVersion(tx: Executor, id: string, version: number, set: Partial<DossierInsert>): Promise<DossierRow | undefined> {
  const [row] = await tx
    .update(dossiers)
    .set(set)
    .where(and(eq(dossiers.id, id), eq(dossiers.version, version)))
    .returning();
  return row;
}

/** Bumps a dossier's version whatever it is now (a consolidated dossier receiving a candidate). */
export async function bumpDossierVersion(tx: Executor, id: string, at: Date): Promise<void> {
  await tx
    .update(dossiers)
    .set({ version: sql`${dossiers.version} + 1`, updatedAt: at })
    .where(eq(dossiers.id, id));
}

export async function deleteDossierRow(tx: Executor, id: string): Promise<void> {
  await tx.delete(dossiers).where(eq(dossiers.id, id));
}

/** The parent level's open consolidated dossier for a year (and movement), locked. */
export async function lockUpwardDraft(tx: Executor, q: { unitId: string; year: number; movementId: string | null }): Promise<DossierRow | undefined> {
  const [row] = await tx
    .select()
    .from(dossiers)
    .where(
      and(
        eq(dossiers.level, 'upward'),
        eq(dossiers.unitId, q.unitId),
        eq(dossiers.year, q.year),
        eq(dossiers.status, 'draft'),
        q.movementId ? eq(dossiers.movementId, q.movementId) : sql`${dossiers.movementId} is null`,
      ),
    )
    .limit(1)
    .for('update');
  return row;
}

export async function latestVersion(tx: Executor, dossierId: string): Promise<DossierVersionRow | undefined> {
  const [row] = await tx.select().from(dossierVersions).where(eq(dossierVersions.dossierId, dossierId)).orderBy(desc(dossierVersions.revision)).limit(1);
  return row;
}

export async function insertDossierVersion(tx: Executor, values: typeof dossierVersions.$inferInsert): Promise<void> {
  await tx.insert(dossierVersions).values(values);
}

/** A candidate of this dossier proposed for the same honor, same year, in another open dossier. */
export async function findDuplicateNomination(tx: Executor, d: { id: string; year: number }): Promise<{ displayName: string; title: string } | undefined> {
  const r = await tx.execute(sql`
    select c.display_name, d2.title from ${dossierCandidates} c
    join ${dossierCandidates} c2 on c2.honor = c.proposed_honor and c2.id <> c.id and c2.outcome = 'pending' and c2.source_candidate_id is null
      and (c2.person_id = c.person_id or c2.subject_unit_id = c.subject_unit_id or c2.household_name = c.household_name)
    join ${dossiers} d2 on d2.id = c2.dossier_id and d2.id <> ${d.id} and d2.year = ${d.year} and d2.status <> 'completed'
    where c.dossier_id = ${d.id} limit 1`);
  const dup = rowsOf<{ display_name: string; title: string }>(r)[0];
  return dup ? { displayName: dup.display_name, title: dup.title } : undefined;
}

/** The visible dossiers waiting in a timed step, oldest step first (the overdue dashboard). */
export async function listVisibleTimedDossiers(tx: Executor, actor: Actor, statuses: string[], limit: number) {
  return tx
    .select({ dossier: dossiers, unitName: units.name })
    .from(dossiers)
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .where(and(dossierVisible(actor), inArray(dossiers.status, statuses)))
    .orderBy(dossiers.stepStartedAt)
    .limit(limit);
}

// ------------------------------------------------------------------ documents

export async function insertDocument(tx: Executor, values: typeof dossierDocuments.$inferInsert): Promise<DocumentRow> {
  const [row] = await tx.insert(dossierDocuments).values(values).returning(DOCUMENT_META);
  if (!row) throw new Error('insert dossier_documents: no row');
  return row;
}

/** Deletes a document of this dossier; its title, or undefined when there is none. */
export async function deleteDocumentOf(tx: Executor, dossierId: string, documentId: string): Promise<string | undefined> {
  const [doc] = await tx
    .delete(dossierDocuments)
    .where(and(eq(dossierDocuments.id, documentId), eq(dossierDocuments.dossierId, dossierId)))
    .returning({ title: dossierDocuments.title });
  return doc?.title;
}

// ------------------------------------------------------------------ units and movements the pipeline reads

/** A unit by id, whatever the actor's scope (the dossier's own unit, a person's unit: already reached through a scoped record). */
export async function unsafeFindUnit(tx: Executor, id: string) {
  const [u] = await tx.select().from(units).where(eq(units.id, id));
  return u;
}

/**
 * A movement and its unit's path, whatever the actor's scope: a movement belongs to a parent
 * level, and units take part in it by participation, not by scope.
 */
export async function unsafeFindMovement(tx: Executor, id: string) {
  const [m] = await tx
    .select({ movement: movements, path: units.path })
    .from(movements)
    .innerJoin(units, eq(units.id, movements.unitId))
    .where(eq(movements.id, id));
  return m;
}

/** A movement launched by a unit of the actor's subtree. */
export async function findVisibleMovement(tx: Executor, actor: Actor, id: string) {
  const [m] = await tx
    .select({ movement: movements })
    .from(movements)
    .innerJoin(units, eq(units.id, movements.unitId))
    .where(and(eq(movements.id, id), sql`${units.path} like ${escapeLike(actor.unitPath) + '%'}`));
  return m?.movement;
}

/** Units named as taking part in a movement (none: its whole subtree takes part). */
export async function movementParticipants(tx: Executor, movementId: string): Promise<string[]> {
  const rows = await tx.select({ unitId: movementUnits.unitId }).from(movementUnits).where(eq(movementUnits.movementId, movementId));
  return rows.map((r) => r.unitId);
}

export async function movementOfferedHonors(tx: Executor, movementId: string): Promise<string[]> {
  const rows = await tx.select({ honor: movementHonors.honor }).from(movementHonors).where(eq(movementHonors.movementId, movementId));
  return rows.map((r) => r.honor);
}

/** Locks the movement row so that two quota checks for it run one after the other. */
export async function lockMovement(tx: Executor, movementId: string) {
  const [m] = await tx.select().from(movements).where(eq(movements.id, movementId)).for('update');
  return m;
}

export async function movementOffer(tx: Executor, movementId: string, honor: string) {
  const [offer] = await tx
    .select()
    .from(movementHonors)
    .where(and(eq(movementHonors.movementId, movementId), eq(movementHonors.honor, honor)));
  return offer;
}

/** Names already forwarded upward for a movement and honor (the quota's use), except one consolidated dossier. */
export async function quotaUse(tx: Executor, movementId: string, honor: string, exceptUpwardId?: string): Promise<string[]> {
  const rows = await tx
    .select({ name: dossierCandidates.displayName })
    .from(dossierCandidates)
    .innerJoin(dossiers, eq(dossiers.id, dossierCandidates.dossierId))
    .where(
      and(
        eq(dossiers.movementId, movementId),
        eq(dossiers.level, 'upward'),
        eq(dossierCandidates.honor, honor),
        ne(dossierCandidates.outcome, 'not_awarded'),
        exceptUpwardId ? ne(dossiers.id, exceptUpwardId) : undefined,
      ),
    );
  return rows.map((r) => r.name);
}

// ------------------------------------------------------------------ extensions and the agency's calendar

/** Extensions granted for a movement to units of the actor's subtree. */
export async function listVisibleExtensions(tx: Executor, actor: Actor, movementId: string) {
  return tx
    .select({ ext: dossierExtensions, unitName: units.name })
    .from(dossierExtensions)
    .innerJoin(units, eq(units.id, dossierExtensions.unitId))
    .where(and(eq(dossierExtensions.movementId, movementId), sql`${units.path} like ${escapeLike(actor.unitPath) + '%'}`))
    .orderBy(asc(units.sortOrder), asc(dossierExtensions.grantedAt));
}

export async function insertExtension(tx: Executor, values: typeof dossierExtensions.$inferInsert): Promise<ExtensionRow> {
  const [row] = await tx.insert(dossierExtensions).values(values).returning();
  if (!row) throw new Error('insert dossier_extensions: no row');
  return row;
}

/** The agency's own calendar entries of a year. */
export async function listAgencyHolidays(tx: Executor, year: number) {
  return tx
    .select()
    .from(publicHolidays)
    .where(sql`${publicHolidays.date} between ${`${year}-01-01`} and ${`${year}-12-31`}`)
    .orderBy(asc(publicHolidays.date));
}

export async function upsertHoliday(tx: Executor, entry: { date: string; name: string; kind: 'holiday' | 'workday' }): Promise<void> {
  await tx
    .insert(publicHolidays)
    .values(entry)
    .onConflictDoUpdate({ target: publicHolidays.date, set: { name: entry.name, kind: entry.kind } });
}

export async function deleteHoliday(tx: Executor, date: string): Promise<void> {
  await tx.delete(publicHolidays).where(eq(publicHolidays.date, date));
}

/** A unit and its parent, whatever the actor's scope (the letterhead of a document about a record already reached within scope). */
export async function unsafeFindUnitWithParent(tx: Executor, id: string) {
  const unit = await unsafeFindUnit(tx, id);
  const parent = unit?.parentId ? await unsafeFindUnit(tx, unit.parentId) : undefined;
  return { unit, parent };
}
