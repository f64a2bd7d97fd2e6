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
  ruleOverrides,
  subjectFacts,
  units,
} from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { POLICY } from '../policies/abilities.js';
import { escapeLike, unitIdInScope, visiblePeopleCondition } from '../policies/scope.js';
import { findVisiblePerson } from './people.js';
import { findVisibleUnit } from './units.js';
import { emptyRecordSet, unitsDuringYear, type RecordSet } from '../records/subjects.js';
import type { CommendationType, Honor } from '../../shared/codes.js';
import type { RuleOverride } from '../rules/index.js';

export type RatingRow = typeof qualityRatings.$inferSelect;
export type HonorRow = typeof honorAwards.$inferSelect;
export type InitiativeRow = typeof initiatives.$inferSelect;
export type DisciplineRow = typeof disciplineRecords.$inferSelect;
export type FactRow = typeof subjectFacts.$inferSelect;
export type OverrideRow = typeof ruleOverrides.$inferSelect;

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

const selfReach = (actor: Actor) => POLICY[actor.role].reach === 'self';

/**
 * A person or unit whose records the actor may see. Staff (reach "self") see only their own
 * person's records, never a unit's.
 */
export async function findVisibleSubject(tx: Executor, actor: Actor, ref: { personId?: string | null | undefined; unitId?: string | null | undefined }): Promise<RecordSubject | undefined> {
  if (ref.personId) {
    const p = await findVisiblePerson(tx, actor, ref.personId);
    if (!p) return undefined;
    const [u] = await tx.select({ path: units.path, name: units.name }).from(units).where(eq(units.id, p.unitId)).limit(1);
    return { kind: 'individual', personId: p.id, unitId: null, name: p.fullName, homeUnitId: p.unitId, homeUnitPath: u?.path ?? '/', homeUnitName: u?.name ?? '' };
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
  const [row] = await tx.select().from(qualityRatings).where(and(eq(qualityRatings.id, id), subjectVisible(actor, qualityRatings.personId, qualityRatings.unitId))).limit(1);
  return row;
}

export async function ratingOf(tx: Executor, subject: RecordSubject, year: number): Promise<RatingRow | undefined> {
  const cond = subject.personId ? eq(qualityRatings.personId, subject.personId) : eq(qualityRatings.unitId, subject.unitId ?? '');
  const [row] = await tx.select().from(qualityRatings).where(and(cond, eq(qualityRatings.year, year))).limit(1);
  return row;
}

export async function findVisibleHonor(tx: Executor, actor: Actor, id: string): Promise<HonorRow | undefined> {
  const [row] = await tx.select().from(honorAwards).where(and(eq(honorAwards.id, id), subjectVisible(actor, honorAwards.personId, honorAwards.unitId))).limit(1);
  return row;
}

export async function findVisibleDiscipline(tx: Executor, actor: Actor, id: string): Promise<DisciplineRow | undefined> {
  const [row] = await tx.select().from(disciplineRecords).where(and(eq(disciplineRecords.id, id), subjectVisible(actor, disciplineRecords.personId, disciplineRecords.unitId))).limit(1);
  return row;
}

export async function findVisibleFact(tx: Executor, actor: Actor, id: string): Promise<FactRow | undefined> {
  const [row] = await tx.select().from(subjectFacts).where(and(eq(subjectFacts.id, id), subjectVisible(actor, subjectFacts.personId, subjectFacts.unitId))).limit(1);
  return row;
}

/** An initiative of a visible unit, or (for staff) one the actor authored. */
export async function findVisibleInitiative(tx: Executor, actor: Actor, id: string): Promise<(InitiativeRow & { authorIds: string[] }) | undefined> {
  const cond = selfReach(actor)
    ? sql`${initiatives.id} in (select ${initiativeAuthors.initiativeId} from ${initiativeAuthors} where ${initiativeAuthors.personId} = ${actor.personId ?? '00000000-0000-0000-0000-000000000000'})`
    : unitIdInScope(actor, initiatives.unitId);
  const [row] = await tx.select().from(initiatives).where(and(eq(initiatives.id, id), cond)).limit(1);
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
export async function loadRecordRows(tx: Executor, personIds: string[], unitIds: string[]): Promise<RecordRows> {
  /** Rows of one table for the people, then for the units. */
  const both = async <T>(personCol: PgColumn, unitCol: PgColumn, q: (where: SQL) => Promise<T[]>): Promise<T[]> => [
    ...(await chunked(personIds, (part) => q(inArray(personCol, part)))),
    ...(await chunked(unitIds, (part) => q(inArray(unitCol, part)))),
  ];
  const ratings = await both(qualityRatings.personId, qualityRatings.unitId, (w) => tx.select().from(qualityRatings).where(w).orderBy(asc(qualityRatings.year)));
  const honors = await both(honorAwards.personId, honorAwards.unitId, (w) => tx.select().from(honorAwards).where(w).orderBy(asc(honorAwards.year), asc(honorAwards.decisionDate)));
  const disciplines = await both(disciplineRecords.personId, disciplineRecords.unitId, (w) => tx.select().from(disciplineRecords).where(w).orderBy(asc(disciplineRecords.year)));
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
  for (const i of rows.initiatives) for (const a of i.authors) setOf(a.personId, null).initiatives.push({ year: i.year, scope: i.scope, used: i.usedForAwardId !== null });
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
    tx.select({ personId: personTransfers.personId, fromUnitId: personTransfers.fromUnitId, toUnitId: personTransfers.toUnitId, effectiveDate: personTransfers.effectiveDate }).from(personTransfers).where(inArray(personTransfers.personId, part)),
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

// ---------------------------------------------------------------- agency overrides

/** Overrides issued by the unit at `unitPath` or any unit above it (they govern its subjects). */
export async function overridesForPath(tx: Executor, unitPath: string): Promise<OverrideRow[]> {
  const ids = unitPath.split('/').filter(Boolean);
  if (ids.length === 0) return [];
  return tx.select().from(ruleOverrides).where(inArray(ruleOverrides.unitId, ids)).orderBy(asc(ruleOverrides.effectiveFrom), asc(ruleOverrides.overrideId), asc(ruleOverrides.version));
}

export function overrideBodies(rows: OverrideRow[]): RuleOverride[] {
  return rows.map((r) => r.body as RuleOverride);
}

/** Overrides that govern the actor's unit, and those issued inside its subtree. */
export async function listVisibleOverrides(tx: Executor, actor: Actor) {
  const ancestors = actor.unitPath.split('/').filter(Boolean);
  return tx
    .select({ row: ruleOverrides, unitName: units.name })
    .from(ruleOverrides)
    .innerJoin(units, eq(units.id, ruleOverrides.unitId))
    .where(or(inArray(ruleOverrides.unitId, ancestors.length ? ancestors : ['00000000-0000-0000-0000-000000000000']), selfReach(actor) ? sql`false` : unitIdInScope(actor, ruleOverrides.unitId)))
    .orderBy(asc(ruleOverrides.overrideId), asc(ruleOverrides.version));
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
    })
    .returning();
  if (!row) throw new Error('insert failed');
  if (input.initiativeIds?.length) {
    await tx.update(initiatives).set({ usedForAwardId: row.id, updatedAt: new Date() }).where(and(inArray(initiatives.id, input.initiativeIds), sql`${initiatives.usedForAwardId} is null`));
  }
  return row;
}
