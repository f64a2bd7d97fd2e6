/**
 * Queries over the records the rule engine reads, always scoped to what the actor may see, plus
 * `recordHonorAward`, the entry point the dossier pipeline calls when a decision is issued.
 */
import { and, asc, eq, inArray, isNotNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.js';
import {
  disciplineRecords,
  honorAwards,
  initiativeAuthors,
  initiatives,
  people,
  personTransfers,
  qualityRatings,
  subjectFacts,
  units,
} from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { reachesOnlySelf } from '../policies/record.js';
import { escapeLike, unitIdInScope, visiblePeopleCondition, visibleUnitsCondition } from './scope.js';
import { findVisiblePerson } from './people.js';
import { findVisibleUnit } from './units.js';
import { emptyRecordSet, unitsDuringYear, type RecordSet } from '../records/subjects.js';
import type { CommendationType, Honor } from '../../shared/codes.js';
import { now } from '../clock.js';

export type RatingRow = typeof qualityRatings.$inferSelect;
export type HonorRow = typeof honorAwards.$inferSelect;
export type InitiativeRow = typeof initiatives.$inferSelect;
export type DisciplineRow = typeof disciplineRecords.$inferSelect;
export type FactRow = typeof subjectFacts.$inferSelect;

/** Whose records: a person, or a unit as a collective. */
export interface RecordSubject {
  kind: 'individual' | 'collective';
  personId: string | null;
  unitId: string | null;
  name: string;
  /** The person's current unit, or the unit itself: decides which agency overrides apply. */
  homeUnitId: string;
  homeUnitPath: string;
  homeUnitName: string;
}

const selfReach = reachesOnlySelf;

/**
 * A person or unit whose records the actor may see. Staff (reach "self") see only their own
 * person's records, never a unit's.
 */
export async function findVisibleSubject(
  tx: Executor,
  actor: Actor,
  ref: { personId?: string | null | undefined; unitId?: string | null | undefined },
): Promise<RecordSubject | undefined> {
  if (ref.personId) {
    const p = await findVisiblePerson(tx, actor, ref.personId);
    if (!p) return undefined;
    const [u] = await tx.select({ path: units.path, name: units.name }).from(units).where(eq(units.id, p.unitId)).limit(1);
    return {
      kind: 'individual',
      personId: p.id,
      unitId: null,
      name: p.fullName,
      homeUnitId: p.unitId,
      homeUnitPath: u?.path ?? '/',
      homeUnitName: u?.name ?? '',
    };
  }
  if (ref.unitId) {
    if (selfReach(actor)) return undefined;
    const u = await findVisibleUnit(tx, actor, ref.unitId);
    if (!u) return undefined;
    return { kind: 'collective', personId: null, unitId: u.id, name: u.name, homeUnitId: u.id, homeUnitPath: u.path, homeUnitName: u.name };
  }
  return undefined;
}

/** SQL: a subject-keyed record (person_id | unit_id) the actor may see. */
function subjectVisible(actor: Actor, personCol: PgColumn, unitCol: PgColumn): SQL {
  const personPart = and(isNotNull(personCol), sql`${personCol} in (select ${people.id} from ${people} where ${visiblePeopleCondition(actor)})`) as SQL;
  if (selfReach(actor)) return personPart;
  return or(personPart, and(isNotNull(unitCol), unitIdInScope(actor, unitCol))) as SQL;
}

export async function findVisibleRating(tx: Executor, actor: Actor, id: string): Promise<RatingRow | undefined> {
  const [row] = await tx
    .select()
    .from(qualityRatings)
    .where(and(eq(qualityRatings.id, id), subjectVisible(actor, qualityRatings.personId, qualityRatings.unitId)))
    .limit(1);
  return row;
}

/** The subject's rating for a year; the caller has checked that the subject is visible. */
export async function unsafeFindRating(
  tx: Executor,
  subject: { personId: string | null; unitId: string | null },
  year: number,
): Promise<RatingRow | undefined> {
  const cond = subject.personId ? eq(qualityRatings.personId, subject.personId) : eq(qualityRatings.unitId, subject.unitId ?? '');
  const [row] = await tx
    .select()
    .from(qualityRatings)
    .where(and(cond, eq(qualityRatings.year, year)))
    .limit(1);
  return row;
}

export async function findVisibleHonor(tx: Executor, actor: Actor, id: string): Promise<HonorRow | undefined> {
  const [row] = await tx
    .select()
    .from(honorAwards)
    .where(and(eq(honorAwards.id, id), subjectVisible(actor, honorAwards.personId, honorAwards.unitId)))
    .limit(1);
  return row;
}

export async function findVisibleDiscipline(tx: Executor, actor: Actor, id: string): Promise<DisciplineRow | undefined> {
  const [row] = await tx
    .select()
    .from(disciplineRecords)
    .where(and(eq(disciplineRecords.id, id), subjectVisible(actor, disciplineRecords.personId, disciplineRecords.unitId)))
    .limit(1);
  return row;
}

export async function findVisibleFact(tx: Executor, actor: Actor, id: string): Promise<FactRow | undefined> {
  const [row] = await tx
    .select()
    .from(subjectFacts)
    .where(and(eq(subjectFacts.id, id), subjectVisible(actor, subjectFacts.personId, subjectFacts.unitId)))
    .limit(1);
  return row;
}

/** An initiative of a visible unit, or (for staff) one the actor authored. */
export async function findVisibleInitiative(tx: Executor, actor: Actor, id: string): Promise<(InitiativeRow & { authorIds: string[] }) | undefined> {
  const cond = selfReach(actor)
    ? sql`${initiatives.id} in (select ${initiativeAuthors.initiativeId} from ${initiativeAuthors} where ${initiativeAuthors.personId} = ${actor.personId ?? '00000000-0000-0000-0000-000000000000'})`
    : unitIdInScope(actor, initiatives.unitId);
  const [row] = await tx
    .select()
    .from(initiatives)
    .where(and(eq(initiatives.id, id), cond))
    .limit(1);
  if (!row) return undefined;
  const authors = await tx.select({ personId: initiativeAuthors.personId }).from(initiativeAuthors).where(eq(initiativeAuthors.initiativeId, id));
  return { ...row, authorIds: authors.map((a) => a.personId) };
}

// ---------------------------------------------------------------- bulk loading

export interface InitiativeWithAuthors extends InitiativeRow {
  authors: { personId: string; fullName: string }[];
}

export interface RecordRows {
  ratings: RatingRow[];
  honors: HonorRow[];
  initiatives: InitiativeWithAuthors[];
  disciplines: DisciplineRow[];
  facts: FactRow[];
}

const CHUNK = 5000;
async function chunked<T>(ids: string[], load: (part: string[]) => Promise<T[]>): Promise<T[]> {
  if (ids.length === 0) return [];
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await load(ids.slice(i, i + CHUNK))));
  return out;
}

/**
 * Every record of the given people and units (callers have checked visibility). Initiatives come
 * with their authors; for people they are the ones they authored, for units the ones they own.
 */
export async function unsafeLoadRecordRows(tx: Executor, personIds: string[], unitIds: string[]): Promise<RecordRows> {
  /** Rows of one table for the people, then for the units. */
  const both = async <T>(personCol: PgColumn, unitCol: PgColumn, q: (where: SQL) => Promise<T[]>): Promise<T[]> => [
    ...(await chunked(personIds, (part) => q(inArray(personCol, part)))),
    ...(await chunked(unitIds, (part) => q(inArray(unitCol, part)))),
  ];
  const ratings = await both(qualityRatings.personId, qualityRatings.unitId, (w) =>
    tx.select().from(qualityRatings).where(w).orderBy(asc(qualityRatings.year)),
  );
  const honors = await both(honorAwards.personId, honorAwards.unitId, (w) =>
    tx.select().from(honorAwards).where(w).orderBy(asc(honorAwards.year), asc(honorAwards.decisionDate)),
  );
  const disciplines = await both(disciplineRecords.personId, disciplineRecords.unitId, (w) =>
    tx.select().from(disciplineRecords).where(w).orderBy(asc(disciplineRecords.year)),
  );
  const facts = await both(subjectFacts.personId, subjectFacts.unitId, (w) => tx.select().from(subjectFacts).where(w).orderBy(asc(subjectFacts.year)));
  const byAuthor = await chunked(personIds, (part) =>
    tx.select({ id: initiativeAuthors.initiativeId }).from(initiativeAuthors).where(inArray(initiativeAuthors.personId, part)),
  );
  const byUnit = await chunked(unitIds, (part) => tx.select({ id: initiatives.id }).from(initiatives).where(inArray(initiatives.unitId, part)));
  const initiativeIds = [...new Set([...byAuthor, ...byUnit].map((r) => r.id))];
  const rows = await chunked(initiativeIds, (part) => tx.select().from(initiatives).where(inArray(initiatives.id, part)).orderBy(asc(initiatives.year)));
  const authors = await chunked(initiativeIds, (part) =>
    tx
      .select({ initiativeId: initiativeAuthors.initiativeId, personId: initiativeAuthors.personId, fullName: people.fullName })
      .from(initiativeAuthors)
      .innerJoin(people, eq(people.id, initiativeAuthors.personId))
      .where(inArray(initiativeAuthors.initiativeId, part)),
  );
  const authorsOf = new Map<string, { personId: string; fullName: string }[]>();
  for (const a of authors) {
    const list = authorsOf.get(a.initiativeId) ?? [];
    list.push({ personId: a.personId, fullName: a.fullName });
    authorsOf.set(a.initiativeId, list);
  }
  return { ratings, honors, disciplines, facts, initiatives: rows.map((r) => ({ ...r, authors: authorsOf.get(r.id) ?? [] })) };
}

/** Groups loaded rows into the engine's record sets per person id and per unit id. */
export function groupRecordSets(rows: RecordRows): { people: Map<string, RecordSet>; units: Map<string, RecordSet> } {
  const ppl = new Map<string, RecordSet>();
  const uts = new Map<string, RecordSet>();
  const setOf = (personId: string | null, unitId: string | null): RecordSet => {
    const [map, key] = personId ? [ppl, personId] : [uts, unitId ?? ''];
    let s = map.get(key);
    if (!s) map.set(key, (s = emptyRecordSet()));
    return s;
  };
  for (const r of rows.ratings) setOf(r.personId, r.unitId).ratings.push({ year: r.year, rating: r.rating });
  for (const h of rows.honors) setOf(h.personId, h.unitId).honors.push({ year: h.year, honor: h.honor, type: h.type, revoked: h.revoked });
  for (const d of rows.disciplines) setOf(d.personId, d.unitId).disciplines.push({ year: d.year, level: d.level });
  for (const f of rows.facts) setOf(f.personId, f.unitId).facts.push({ year: f.year, fact: f.fact });
  // Initiatives count for their authors (individual criteria); a unit's own list is for display only.
  for (const i of rows.initiatives)
    for (const a of i.authors) setOf(a.personId, null).initiatives.push({ year: i.year, scope: i.scope, used: i.usedForAwardId !== null });
  return { people: ppl, units: uts };
}

// ---------------------------------------------------------------- collectives and candidates

/**
 * Members of a unit (as a collective) in a year: people who belonged to the unit or one of its
 * sub-units at any time during that year, from the current unit and the transfer history.
 */
export async function membersInYear(tx: Executor, unitPath: string, year: number): Promise<string[]> {
  const prefix = `${escapeLike(unitPath)}%`;
  const subtree = sql`(select ${units.id} from ${units} where ${units.path} like ${prefix})`;
  const candidates = await tx
    .select({ id: people.id, unitId: people.unitId })
    .from(people)
    .where(
      or(
        sql`${people.unitId} in ${subtree}`,
        sql`${people.id} in (select ${personTransfers.personId} from ${personTransfers} where ${personTransfers.fromUnitId} in ${subtree} or ${personTransfers.toUnitId} in ${subtree})`,
      ),
    );
  const subtreeIds = new Set((await tx.select({ id: units.id }).from(units).where(like(units.path, prefix))).map((u) => u.id));
  const moved = candidates.map((c) => c.id);
  const transfers = await chunked(moved, (part) =>
    tx
      .select({
        personId: personTransfers.personId,
        fromUnitId: personTransfers.fromUnitId,
        toUnitId: personTransfers.toUnitId,
        effectiveDate: personTransfers.effectiveDate,
      })
      .from(personTransfers)
      .where(inArray(personTransfers.personId, part)),
  );
  const byPerson = new Map<string, typeof transfers>();
  for (const t of transfers) {
    const list = byPerson.get(t.personId) ?? [];
    list.push(t);
    byPerson.set(t.personId, list);
  }
  const out: string[] = [];
  for (const c of candidates) {
    const during = unitsDuringYear(c.unitId, byPerson.get(c.id) ?? [], year);
    if ([...during].some((u) => subtreeIds.has(u))) out.push(c.id);
  }
  return out;
}

/**
 * `membersInYear` for many units of one subtree at once (the candidates list: every collective of
 * a department): three queries whatever the number of units, instead of three per unit. A person
 * belongs to a unit when one of the units they were in during the year is that unit or below it
 * (the unit's id is on that unit's materialised path).
 */
export async function membersInYearOfUnits(tx: Executor, rootPath: string, unitIds: string[], year: number): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(unitIds.map((id) => [id, []]));
  if (unitIds.length === 0) return out;
  const prefix = `${escapeLike(rootPath)}%`;
  const subtree = sql`(select ${units.id} from ${units} where ${units.path} like ${prefix})`;
  const candidates = await tx
    .select({ id: people.id, unitId: people.unitId })
    .from(people)
    .where(
      or(
        sql`${people.unitId} in ${subtree}`,
        sql`${people.id} in (select ${personTransfers.personId} from ${personTransfers} where ${personTransfers.fromUnitId} in ${subtree} or ${personTransfers.toUnitId} in ${subtree})`,
      ),
    );
  const pathOf = new Map((await tx.select({ id: units.id, path: units.path }).from(units).where(like(units.path, prefix))).map((u) => [u.id, u.path]));
  const transfers = await chunked(
    candidates.map((c) => c.id),
    (part) =>
      tx
        .select({
          personId: personTransfers.personId,
          fromUnitId: personTransfers.fromUnitId,
          toUnitId: personTransfers.toUnitId,
          effectiveDate: personTransfers.effectiveDate,
        })
        .from(personTransfers)
        .where(inArray(personTransfers.personId, part)),
  );
  const byPerson = new Map<string, typeof transfers>();
  for (const t of transfers) {
    const list = byPerson.get(t.personId) ?? [];
    list.push(t);
    byPerson.set(t.personId, list);
  }
  for (const c of candidates) {
    const hit = new Set<string>();
    for (const u of unitsDuringYear(c.unitId, byPerson.get(c.id) ?? [], year)) {
      const path = pathOf.get(u);
      if (!path) continue;
      for (const id of path.split('/')) if (out.has(id)) hit.add(id);
    }
    for (const id of hit) out.get(id)?.push(c.id);
  }
  return out;
}

/** Active people currently in the unit's subtree (candidates for individual honors), with names. */
export async function peopleInSubtree(tx: Executor, unitPath: string) {
  return tx
    .select({ id: people.id, fullName: people.fullName, unitId: people.unitId, unitName: units.name, position: people.position })
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(and(eq(people.active, true), like(units.path, `${escapeLike(unitPath)}%`)))
    .orderBy(asc(people.sortKey), asc(people.id));
}

/** Active units of the subtree (candidates for collective honors). */
export async function unitsInSubtree(tx: Executor, unitPath: string) {
  return tx
    .select({ id: units.id, name: units.name, path: units.path, kind: units.kind })
    .from(units)
    .where(and(eq(units.active, true), like(units.path, `${escapeLike(unitPath)}%`)))
    .orderBy(asc(units.depth), asc(units.sortOrder), asc(units.name));
}

// ---------------------------------------------------------------- for the dossier pipeline

export interface HonorAwardInput {
  /** Exactly one of personId / unitId. */
  personId?: string | null;
  unitId?: string | null;
  honor: Honor;
  /** The year of achievement the honor is for (not necessarily the decision's year). */
  year: number;
  type?: CommendationType;
  decisionNumber: string;
  decisionDate: string;
  issuer: string;
  amount?: number | null;
  dossierId?: string | null;
  /** Initiatives that backed this award: marked used (one initiative backs one award only). */
  initiativeIds?: string[];
  note?: string | null;
  /** Truy tặng; an award in kind (description, value in VND). */
  posthumous?: boolean;
  inKindDescription?: string | null;
  inKindValue?: number | null;
}

/**
 * Stores an honor granted by an issued decision (`source = 'decision'`) inside the caller's
 * transaction; the caller writes the audit event of its own command. Idempotent per
 * (dossier, subject, honor): calling it again returns the row already stored.
 */
export async function recordHonorAward(tx: Executor, input: HonorAwardInput): Promise<HonorRow> {
  if (!input.personId === !input.unitId) throw new Error('recordHonorAward: exactly one of personId / unitId');
  if (input.dossierId) {
    const subjectCond = input.personId ? eq(honorAwards.personId, input.personId) : eq(honorAwards.unitId, input.unitId ?? '');
    const [existing] = await tx
      .select()
      .from(honorAwards)
      .where(and(eq(honorAwards.dossierId, input.dossierId), subjectCond, eq(honorAwards.honor, input.honor), eq(honorAwards.revoked, false)))
      .limit(1);
    if (existing) return existing;
  }
  const [row] = await tx
    .insert(honorAwards)
    .values({
      personId: input.personId ?? null,
      unitId: input.unitId ?? null,
      honor: input.honor,
      year: input.year,
      type: input.type ?? 'cong_trang',
      decisionNumber: input.decisionNumber,
      decisionDate: input.decisionDate,
      issuer: input.issuer,
      amount: input.amount ?? null,
      source: 'decision',
      dossierId: input.dossierId ?? null,
      note: input.note ?? null,
      posthumous: input.posthumous ?? false,
      inKindDescription: input.inKindDescription ?? null,
      inKindValue: input.inKindValue ?? null,
    })
    .returning();
  if (!row) throw new Error('insert failed');
  if (input.initiativeIds?.length) {
    await tx
      .update(initiatives)
      .set({ usedForAwardId: row.id, updatedAt: now() })
      .where(and(inArray(initiatives.id, input.initiativeIds), sql`${initiatives.usedForAwardId} is null`));
  }
  return row;
}

// ---------------------------------------------------------------- writes (commands pass ctx.tx)

type RatingValues = typeof qualityRatings.$inferInsert;
type HonorValues = typeof honorAwards.$inferInsert;
type InitiativeValues = typeof initiatives.$inferInsert;
type DisciplineValues = typeof disciplineRecords.$inferInsert;
type FactValues = typeof subjectFacts.$inferInsert;

/** Inserts a rating; undefined when the subject already has one for the year (a concurrent write). */
export async function insertRating(tx: Executor, values: RatingValues): Promise<RatingRow | undefined> {
  const [row] = await tx.insert(qualityRatings).values(values).onConflictDoNothing().returning();
  return row;
}

/** Changes a rating if it is still at `version`; undefined when someone changed it meanwhile. */
export async function updateRatingAt(
  tx: Executor,
  id: string,
  version: number,
  set: Pick<RatingValues, 'rating' | 'note' | 'source'>,
): Promise<RatingRow | undefined> {
  const [row] = await tx
    .update(qualityRatings)
    .set({ ...set, version: version + 1, updatedAt: now() })
    .where(and(eq(qualityRatings.id, id), eq(qualityRatings.version, version)))
    .returning();
  return row;
}

export async function deleteRating(tx: Executor, id: string): Promise<void> {
  await tx.delete(qualityRatings).where(eq(qualityRatings.id, id));
}

/** Ratings of the given people and units, every year (the caller has checked scope). */
export async function unsafeListRatingsOf(tx: Executor, personIds: string[], unitIds: string[]): Promise<RatingRow[]> {
  return [
    ...(await chunked([...new Set(personIds)], (part) => tx.select().from(qualityRatings).where(inArray(qualityRatings.personId, part)))),
    ...(await chunked([...new Set(unitIds)], (part) => tx.select().from(qualityRatings).where(inArray(qualityRatings.unitId, part)))),
  ];
}

/** The keys of the honors stored for the given people and units (duplicate check of an import). */
export async function unsafeListHonorKeysOf(tx: Executor, personIds: string[], unitIds: string[]) {
  const cols = {
    personId: honorAwards.personId,
    unitId: honorAwards.unitId,
    honor: honorAwards.honor,
    year: honorAwards.year,
    decisionNumber: honorAwards.decisionNumber,
  };
  return [
    ...(await chunked([...new Set(personIds)], (part) => tx.select(cols).from(honorAwards).where(inArray(honorAwards.personId, part)))),
    ...(await chunked([...new Set(unitIds)], (part) => tx.select(cols).from(honorAwards).where(inArray(honorAwards.unitId, part)))),
  ];
}

export async function insertHonor(tx: Executor, values: HonorValues): Promise<HonorRow> {
  const [row] = await tx.insert(honorAwards).values(values).returning();
  if (!row) throw new Error('insert failed');
  return row;
}

/** Inserts many honors (an imported sheet) in batches. */
export async function insertHonors(tx: Executor, values: HonorValues[]): Promise<void> {
  for (let k = 0; k < values.length; k += 1000) await tx.insert(honorAwards).values(values.slice(k, k + 1000));
}

/** Changes an honor if it is still at `version`; undefined when someone changed it meanwhile. */
export async function updateHonorAt(tx: Executor, id: string, version: number, set: Partial<HonorValues>): Promise<HonorRow | undefined> {
  const [row] = await tx
    .update(honorAwards)
    .set({ ...set, version: version + 1, updatedAt: now() })
    .where(and(eq(honorAwards.id, id), eq(honorAwards.version, version)))
    .returning();
  return row;
}

export async function deleteHonor(tx: Executor, id: string): Promise<void> {
  await tx.delete(honorAwards).where(eq(honorAwards.id, id));
}

/** Frees the initiatives that backed an award (revoked or deleted): they may back another one. */
export async function releaseInitiativesOf(tx: Executor, awardId: string): Promise<void> {
  await tx.update(initiatives).set({ usedForAwardId: null, updatedAt: now() }).where(eq(initiatives.usedForAwardId, awardId));
}

export async function insertInitiative(tx: Executor, values: InitiativeValues, authorIds: string[]): Promise<InitiativeRow> {
  const [row] = await tx.insert(initiatives).values(values).returning();
  if (!row) throw new Error('insert failed');
  if (authorIds.length) await tx.insert(initiativeAuthors).values(authorIds.map((personId) => ({ initiativeId: row.id, personId })));
  return row;
}

/** Changes an initiative and its authors if it is still at `version`; undefined otherwise. */
export async function updateInitiativeAt(
  tx: Executor,
  id: string,
  version: number,
  set: Partial<InitiativeValues>,
  authorIds: string[],
): Promise<InitiativeRow | undefined> {
  const [row] = await tx
    .update(initiatives)
    .set({ ...set, version: version + 1, updatedAt: now() })
    .where(and(eq(initiatives.id, id), eq(initiatives.version, version)))
    .returning();
  if (!row) return undefined;
  await tx.delete(initiativeAuthors).where(eq(initiativeAuthors.initiativeId, id));
  if (authorIds.length) await tx.insert(initiativeAuthors).values(authorIds.map((personId) => ({ initiativeId: id, personId })));
  return row;
}

export async function deleteInitiative(tx: Executor, id: string): Promise<void> {
  await tx.delete(initiatives).where(eq(initiatives.id, id));
}

export async function insertDiscipline(tx: Executor, values: DisciplineValues): Promise<DisciplineRow> {
  const [row] = await tx.insert(disciplineRecords).values(values).returning();
  if (!row) throw new Error('insert failed');
  return row;
}

/** Changes a discipline record if it is still at `version`; undefined otherwise. */
export async function updateDisciplineAt(tx: Executor, id: string, version: number, set: Partial<DisciplineValues>): Promise<DisciplineRow | undefined> {
  const [row] = await tx
    .update(disciplineRecords)
    .set({ ...set, version: version + 1, updatedAt: now() })
    .where(and(eq(disciplineRecords.id, id), eq(disciplineRecords.version, version)))
    .returning();
  return row;
}

export async function deleteDiscipline(tx: Executor, id: string): Promise<void> {
  await tx.delete(disciplineRecords).where(eq(disciplineRecords.id, id));
}

/** Confirms a fact; undefined when it is already confirmed for the subject and year. */
export async function insertFact(tx: Executor, values: FactValues): Promise<FactRow | undefined> {
  const [row] = await tx.insert(subjectFacts).values(values).onConflictDoNothing().returning();
  return row;
}

export async function deleteFact(tx: Executor, id: string): Promise<void> {
  await tx.delete(subjectFacts).where(eq(subjectFacts.id, id));
}

// ---------------------------------------------------------------- import: who the rows may name

/** People the actor may see, with what an import row can name them by. */
export async function listVisiblePeopleForMatching(tx: Executor, actor: Actor) {
  return tx.select({ id: people.id, fullName: people.fullName, cccd: people.cccd, unitId: people.unitId }).from(people).where(visiblePeopleCondition(actor));
}

/** Units the actor may see, with what an import row can name them by. */
export async function listVisibleUnitsForMatching(tx: Executor, actor: Actor) {
  return tx.select({ id: units.id, name: units.name, code: units.code, shortName: units.shortName }).from(units).where(visibleUnitsCondition(actor));
}
