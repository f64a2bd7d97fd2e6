/**
 * Initiatives (đơn yêu cầu công nhận sáng kiến), the initiative council's rounds, rubrics,
 * assignments and score sheets. Reads are scoped by `initiativeReachOf` (policies/initiative.ts).
 */
import { and, asc, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import {
  councilMembers,
  councils,
  initiativeApplicationAuthors,
  initiativeApplications,
  initiativeAuthors,
  initiativeClaims,
  initiatives,
  dossierCandidates,
  dossiers,
  certificates,
  awardDecisions,
  initiativeAssignments,
  initiativeRoundMembers,
  initiativeRounds,
  initiativeRubrics,
  initiativeScores,
  people,
  units,
} from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { initiativeReachOf } from '../policies/initiative.js';
import { readableCondition } from './plans.js';
import { unitIdInScope, visiblePeopleCondition } from './scope.js';
import { now } from '../clock.js';
import type { Paging } from './plans.js';

export type RubricRow = typeof initiativeRubrics.$inferSelect;
export type RoundRow = typeof initiativeRounds.$inferSelect;
export type ApplicationRow = typeof initiativeApplications.$inferSelect;
export type AssignmentRow = typeof initiativeAssignments.$inferSelect;
export type ScoreRow = typeof initiativeScores.$inferSelect;
export type ApplicationValues = Omit<typeof initiativeApplications.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'version' | 'status'>;

const NO_PERSON = '00000000-0000-0000-0000-000000000000';

// ---------------------------------------------------------------- rubrics

/** Rubrics of the actor's units and of the units above it (a round of the Sở uses the Sở's). */
export async function listRubrics(tx: Executor, actor: Actor, f: { year?: number | undefined }) {
  return tx
    .select({ rubric: initiativeRubrics, unitName: units.name })
    .from(initiativeRubrics)
    .innerJoin(units, eq(units.id, initiativeRubrics.unitId))
    .where(and(readableCondition(actor, initiativeRubrics.unitId, sql`true`), f.year ? eq(initiativeRubrics.year, f.year) : undefined))
    .orderBy(desc(initiativeRubrics.year), asc(units.depth), desc(initiativeRubrics.version));
}

export async function findReadableRubric(tx: Executor, actor: Actor, id: string): Promise<RubricRow | undefined> {
  const [row] = await tx
    .select()
    .from(initiativeRubrics)
    .where(and(eq(initiativeRubrics.id, id), readableCondition(actor, initiativeRubrics.unitId, sql`true`)))
    .limit(1);
  return row;
}

/** A rubric found through a round already in scope. */
export async function unsafeFindRubric(tx: Executor, id: string): Promise<RubricRow | undefined> {
  const [row] = await tx.select().from(initiativeRubrics).where(eq(initiativeRubrics.id, id)).limit(1);
  return row;
}

export async function nextRubricVersion(tx: Executor, unitId: string, year: number): Promise<number> {
  const [r] = await tx
    .select({ v: sql<number>`coalesce(max(${initiativeRubrics.version}), 0)::int` })
    .from(initiativeRubrics)
    .where(and(eq(initiativeRubrics.unitId, unitId), eq(initiativeRubrics.year, year)));
  return (r?.v ?? 0) + 1;
}

export async function insertRubric(tx: Executor, values: typeof initiativeRubrics.$inferInsert): Promise<RubricRow> {
  const [row] = await tx.insert(initiativeRubrics).values(values).returning();
  if (!row) throw new Error('insert failed');
  return row;
}

// ---------------------------------------------------------------- rounds

const roundReleased = sql`${initiativeRounds.status} <> 'draft'`;

/** Rounds the actor reads: its subtree's, those above it once opened (units submit to them), and those it sits in. */
function roundReadable(actor: Actor): SQL {
  const pid = actor.personId ?? NO_PERSON;
  const member = sql`${initiativeRounds.id} in (select ${initiativeRoundMembers.roundId} from ${initiativeRoundMembers} where ${initiativeRoundMembers.personId} = ${pid})`;
  return sql`(${readableCondition(actor, initiativeRounds.unitId, roundReleased)} or ${member})`;
}

export interface RoundWithUnit {
  round: RoundRow;
  unitName: string;
  unitPath: string;
  councilName: string;
}

const roundColumns = { round: initiativeRounds, unitName: units.name, unitPath: units.path, councilName: councils.name };

export async function listRounds(tx: Executor, actor: Actor, f: { year?: number | undefined; status?: string | undefined }): Promise<RoundWithUnit[]> {
  return tx
    .select(roundColumns)
    .from(initiativeRounds)
    .innerJoin(units, eq(units.id, initiativeRounds.unitId))
    .innerJoin(councils, eq(councils.id, initiativeRounds.councilId))
    .where(and(roundReadable(actor), f.year ? eq(initiativeRounds.year, f.year) : undefined, f.status ? eq(initiativeRounds.status, f.status) : undefined))
    .orderBy(desc(initiativeRounds.year), desc(initiativeRounds.createdAt));
}

export async function findReadableRound(tx: Executor, actor: Actor, id: string): Promise<RoundWithUnit | undefined> {
  const [row] = await tx
    .select(roundColumns)
    .from(initiativeRounds)
    .innerJoin(units, eq(units.id, initiativeRounds.unitId))
    .innerJoin(councils, eq(councils.id, initiativeRounds.councilId))
    .where(and(eq(initiativeRounds.id, id), roundReadable(actor)))
    .limit(1);
  return row;
}

/** A round reached through an application already found in scope. */
export async function unsafeFindRound(tx: Executor, id: string): Promise<RoundWithUnit | undefined> {
  const [row] = await tx
    .select(roundColumns)
    .from(initiativeRounds)
    .innerJoin(units, eq(units.id, initiativeRounds.unitId))
    .innerJoin(councils, eq(councils.id, initiativeRounds.councilId))
    .where(eq(initiativeRounds.id, id))
    .limit(1);
  return row;
}

export async function insertRound(tx: Executor, values: typeof initiativeRounds.$inferInsert): Promise<RoundRow> {
  const [row] = await tx.insert(initiativeRounds).values(values).returning();
  if (!row) throw new Error('insert failed');
  return row;
}

export type RoundChanges = Partial<Pick<RoundRow, 'title' | 'calendar' | 'maxLoad' | 'rubricId' | 'status' | 'openedAt' | 'closedAt'>>;

export async function updateRoundAtVersion(tx: Executor, id: string, expectedVersion: number, changes: RoundChanges): Promise<RoundRow | undefined> {
  const [row] = await tx
    .update(initiativeRounds)
    .set({ ...changes, version: sql`${initiativeRounds.version} + 1`, updatedAt: now() })
    .where(and(eq(initiativeRounds.id, id), eq(initiativeRounds.version, expectedVersion)))
    .returning();
  return row;
}

/** The council's members in office today (taken into the round when it opens). */
export async function currentCouncilMembers(tx: Executor, councilId: string, today: string) {
  return tx
    .select({ personId: councilMembers.personId, position: councilMembers.position })
    .from(councilMembers)
    .where(and(eq(councilMembers.councilId, councilId), sql`(${councilMembers.toDate} is null or ${councilMembers.toDate} >= ${today})`));
}

export async function insertRoundMembers(tx: Executor, rows: (typeof initiativeRoundMembers.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(initiativeRoundMembers).values(rows).onConflictDoNothing();
}

export interface RoundMember {
  personId: string;
  fullName: string;
  position: string;
  unitId: string;
}

export async function roundMembers(tx: Executor, roundId: string): Promise<RoundMember[]> {
  return tx
    .select({ personId: initiativeRoundMembers.personId, fullName: people.fullName, position: initiativeRoundMembers.position, unitId: people.unitId })
    .from(initiativeRoundMembers)
    .innerJoin(people, eq(people.id, initiativeRoundMembers.personId))
    .where(eq(initiativeRoundMembers.roundId, roundId))
    .orderBy(asc(people.sortKey));
}

/** How many initiatives of the round each member is given to score (not recused). */
export async function loadOfMembers(tx: Executor, roundId: string): Promise<Map<string, number>> {
  const rows = await tx
    .select({ personId: initiativeAssignments.personId, n: sql<number>`count(*)::int` })
    .from(initiativeAssignments)
    .innerJoin(initiativeApplications, eq(initiativeApplications.id, initiativeAssignments.applicationId))
    .where(and(eq(initiativeApplications.roundId, roundId), sql`${initiativeAssignments.conflict} is null`))
    .groupBy(initiativeAssignments.personId);
  return new Map(rows.map((r) => [r.personId, r.n]));
}

// ---------------------------------------------------------------- applications

/** Applications the actor reaches (see `initiativeReachOf`); those it authored always. */
export function applicationVisible(actor: Actor): SQL {
  const reach = initiativeReachOf(actor);
  const pid = reach.personId ?? NO_PERSON;
  const authored = sql`${initiativeApplications.id} in (select ${initiativeApplicationAuthors.applicationId} from ${initiativeApplicationAuthors} where ${initiativeApplicationAuthors.personId} = ${pid})`;
  if (reach.kind === 'self') return authored;
  if (reach.kind === 'member')
    return sql`(${authored} or ${initiativeApplications.roundId} in (select ${initiativeRoundMembers.roundId} from ${initiativeRoundMembers} where ${initiativeRoundMembers.personId} = ${pid}))`;
  return sql`(${authored} or ${unitIdInScope(reach, initiativeApplications.unitId)})`;
}

export interface ApplicationFilter {
  year?: number | undefined;
  unitId?: string | undefined;
  status?: string | undefined;
  scope?: string | undefined;
  roundId?: string | undefined;
  q?: string | undefined;
}

function applicationWhere(actor: Actor, f: ApplicationFilter) {
  return and(
    applicationVisible(actor),
    f.year ? eq(initiativeRounds.year, f.year) : undefined,
    f.unitId ? eq(initiativeApplications.unitId, f.unitId) : undefined,
    f.status ? eq(initiativeApplications.status, f.status) : undefined,
    f.scope ? eq(initiativeApplications.scopeAsked, f.scope) : undefined,
    f.roundId ? eq(initiativeApplications.roundId, f.roundId) : undefined,
    f.q ? sql`lower(tdkt_unaccent(${initiativeApplications.title})) like '%' || lower(tdkt_unaccent(${f.q})) || '%'` : undefined,
  );
}

export interface ApplicationListRow {
  app: ApplicationRow;
  unitName: string;
  unitPath: string;
  roundTitle: string;
  roundStatus: string;
  year: number;
}

const appColumns = {
  app: initiativeApplications,
  unitName: units.name,
  unitPath: units.path,
  roundTitle: initiativeRounds.title,
  roundStatus: initiativeRounds.status,
  year: initiativeRounds.year,
};

export async function listApplications(tx: Executor, actor: Actor, f: ApplicationFilter, page: Paging): Promise<ApplicationListRow[]> {
  return tx
    .select(appColumns)
    .from(initiativeApplications)
    .innerJoin(initiativeRounds, eq(initiativeRounds.id, initiativeApplications.roundId))
    .innerJoin(units, eq(units.id, initiativeApplications.unitId))
    .where(applicationWhere(actor, f))
    .orderBy(desc(initiativeRounds.year), asc(initiativeApplications.title), asc(initiativeApplications.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
}

export async function countApplications(tx: Executor, actor: Actor, f: ApplicationFilter): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(initiativeApplications)
    .innerJoin(initiativeRounds, eq(initiativeRounds.id, initiativeApplications.roundId))
    .where(applicationWhere(actor, f));
  return r?.n ?? 0;
}

export async function findVisibleApplication(tx: Executor, actor: Actor, id: string): Promise<ApplicationListRow | undefined> {
  const [row] = await tx
    .select(appColumns)
    .from(initiativeApplications)
    .innerJoin(initiativeRounds, eq(initiativeRounds.id, initiativeApplications.roundId))
    .innerJoin(units, eq(units.id, initiativeApplications.unitId))
    .where(and(eq(initiativeApplications.id, id), applicationVisible(actor)))
    .limit(1);
  return row;
}

/** Every application of a round (the score sheet; the caller has found the round in scope). */
export async function applicationsOfRound(tx: Executor, roundId: string): Promise<ApplicationListRow[]> {
  return tx
    .select(appColumns)
    .from(initiativeApplications)
    .innerJoin(initiativeRounds, eq(initiativeRounds.id, initiativeApplications.roundId))
    .innerJoin(units, eq(units.id, initiativeApplications.unitId))
    .where(and(eq(initiativeApplications.roundId, roundId), sql`${initiativeApplications.status} <> 'withdrawn'`))
    .orderBy(asc(initiativeApplications.title), asc(initiativeApplications.id));
}

export interface AuthorRow {
  applicationId: string;
  personId: string;
  fullName: string;
  unitId: string;
  sharePercent: number;
}

const AUTHOR_COLUMNS = {
  applicationId: initiativeApplicationAuthors.applicationId,
  personId: initiativeApplicationAuthors.personId,
  fullName: people.fullName,
  unitId: people.unitId,
  sharePercent: initiativeApplicationAuthors.sharePercent,
};

export async function authorsOf(tx: Executor, applicationIds: string[]): Promise<AuthorRow[]> {
  if (applicationIds.length === 0) return [];
  return tx
    .select(AUTHOR_COLUMNS)
    .from(initiativeApplicationAuthors)
    .innerJoin(people, eq(people.id, initiativeApplicationAuthors.personId))
    .where(inArray(initiativeApplicationAuthors.applicationId, applicationIds))
    .orderBy(desc(initiativeApplicationAuthors.sharePercent), asc(people.sortKey));
}

/** Of these person ids, those the actor may see (an author must be one). */
export async function visiblePersonIds(tx: Executor, actor: Actor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(inArray(people.id, ids), visiblePeopleCondition(actor)));
  return new Set(rows.map((r) => r.id));
}

export async function insertApplication(
  tx: Executor,
  values: ApplicationValues,
  authors: { personId: string; sharePercent: number }[],
): Promise<ApplicationRow> {
  const [row] = await tx.insert(initiativeApplications).values(values).returning();
  if (!row) throw new Error('insert failed');
  await tx.insert(initiativeApplicationAuthors).values(authors.map((a) => ({ ...a, applicationId: row.id })));
  return row;
}

export type ApplicationChanges = Partial<Omit<ApplicationValues, 'roundId' | 'createdBy'>> & { status?: string };

export async function updateApplicationAtVersion(
  tx: Executor,
  id: string,
  expectedVersion: number,
  changes: ApplicationChanges,
): Promise<ApplicationRow | undefined> {
  const [row] = await tx
    .update(initiativeApplications)
    .set({ ...changes, version: sql`${initiativeApplications.version} + 1`, updatedAt: now() })
    .where(and(eq(initiativeApplications.id, id), eq(initiativeApplications.version, expectedVersion)))
    .returning();
  return row;
}

export async function replaceAuthors(tx: Executor, applicationId: string, authors: { personId: string; sharePercent: number }[]): Promise<void> {
  await tx.delete(initiativeApplicationAuthors).where(eq(initiativeApplicationAuthors.applicationId, applicationId));
  await tx.insert(initiativeApplicationAuthors).values(authors.map((a) => ({ ...a, applicationId })));
}

// ---------------------------------------------------------------- assignments and scores

export async function assignmentsOf(tx: Executor, applicationIds: string[]): Promise<AssignmentRow[]> {
  if (applicationIds.length === 0) return [];
  return tx.select().from(initiativeAssignments).where(inArray(initiativeAssignments.applicationId, applicationIds));
}

export async function upsertAssignment(tx: Executor, row: typeof initiativeAssignments.$inferInsert): Promise<void> {
  await tx
    .insert(initiativeAssignments)
    .values(row)
    .onConflictDoUpdate({
      target: [initiativeAssignments.applicationId, initiativeAssignments.personId],
      set: { conflict: row.conflict ?? null, conflictNote: row.conflictNote ?? null, declared: row.declared ?? false },
    });
}

export async function scoresOf(tx: Executor, applicationIds: string[]): Promise<ScoreRow[]> {
  if (applicationIds.length === 0) return [];
  return tx.select().from(initiativeScores).where(inArray(initiativeScores.applicationId, applicationIds));
}

/**
 * The council's sheet of a whole round in three reads joined on the round (not a list of hundreds
 * of ids): the authors, the recusals and the members' totals and votes, each with its application.
 */
export async function sheetPartsOfRound(tx: Executor, roundId: string) {
  const inRound = eq(initiativeApplications.roundId, roundId);
  const authors: AuthorRow[] = await tx
    .select(AUTHOR_COLUMNS)
    .from(initiativeApplicationAuthors)
    .innerJoin(initiativeApplications, eq(initiativeApplications.id, initiativeApplicationAuthors.applicationId))
    .innerJoin(people, eq(people.id, initiativeApplicationAuthors.personId))
    .where(inRound)
    .orderBy(desc(initiativeApplicationAuthors.sharePercent), asc(people.sortKey));
  const recusals = await tx
    .select({ applicationId: initiativeAssignments.applicationId, personId: initiativeAssignments.personId })
    .from(initiativeAssignments)
    .innerJoin(initiativeApplications, eq(initiativeApplications.id, initiativeAssignments.applicationId))
    .where(and(inRound, isNotNull(initiativeAssignments.conflict)));
  const scores = await tx
    .select({
      applicationId: initiativeScores.applicationId,
      personId: initiativeScores.personId,
      total: initiativeScores.total,
      approve: initiativeScores.approve,
    })
    .from(initiativeScores)
    .innerJoin(initiativeApplications, eq(initiativeApplications.id, initiativeScores.applicationId))
    .where(inRound);
  return { authors, recusals, scores };
}

/** Inserts a sheet; false when the member had scored already (the primary key refuses a second one). */
export async function insertScore(tx: Executor, row: typeof initiativeScores.$inferInsert): Promise<boolean> {
  const out = await tx.insert(initiativeScores).values(row).onConflictDoNothing().returning({ id: initiativeScores.applicationId });
  return out.length > 0;
}

/** The name of a unit reached through a record already in scope. */
export async function unsafeUnitNameAndPathOf(tx: Executor, unitId: string): Promise<{ name: string; path: string }> {
  const [u] = await tx.select({ name: units.name, path: units.path }).from(units).where(eq(units.id, unitId));
  return u ?? { name: '', path: '' };
}

// ---------------------------------------------------------------- recognition and use once

/** The applications of a round among these ids (the decision's list; the round was found in scope). */
export async function applicationsOfRoundByIds(tx: Executor, roundId: string, ids: string[]): Promise<ApplicationListRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select(appColumns)
    .from(initiativeApplications)
    .innerJoin(initiativeRounds, eq(initiativeRounds.id, initiativeApplications.roundId))
    .innerJoin(units, eq(units.id, initiativeApplications.unitId))
    .where(and(eq(initiativeApplications.roundId, roundId), inArray(initiativeApplications.id, ids)))
    .orderBy(asc(initiativeApplications.title), asc(initiativeApplications.id));
}

/** The applications recognised by one decision (its list and documents). */
export async function applicationsOfDecision(tx: Executor, decisionId: string): Promise<ApplicationListRow[]> {
  return tx
    .select(appColumns)
    .from(initiativeApplications)
    .innerJoin(initiativeRounds, eq(initiativeRounds.id, initiativeApplications.roundId))
    .innerJoin(units, eq(units.id, initiativeApplications.unitId))
    .where(eq(initiativeApplications.decisionId, decisionId))
    .orderBy(asc(initiativeApplications.title), asc(initiativeApplications.id));
}

/** A higher level recognised the initiative's wider effect: the record the engine reads takes the new scope. */
export async function setRecordScope(tx: Executor, recordId: string, scope: string, decision: { number: string; date: string; issuer: string }): Promise<void> {
  await tx
    .update(initiatives)
    .set({ scope, decisionNumber: decision.number, decisionDate: decision.date, issuer: decision.issuer, updatedAt: now() })
    .where(eq(initiatives.id, recordId));
}

export type ClaimRow = typeof initiativeClaims.$inferSelect;

/** A recognised initiative of the records (as the engine reads it) with its authors and its claim. */
export interface ClaimableInitiative {
  id: string;
  title: string;
  scope: string;
  year: number;
  unitId: string;
  usedForAwardId: string | null;
  claim: { candidateId: string; candidateName: string; dossierId: string; dossierTitle: string; honor: string } | null;
  authorIds: string[];
}

async function withClaims(tx: Executor, rows: (typeof initiatives.$inferSelect)[]): Promise<ClaimableInitiative[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [authors, claims] = [
    await tx.select().from(initiativeAuthors).where(inArray(initiativeAuthors.initiativeId, ids)),
    await tx
      .select({
        initiativeId: initiativeClaims.initiativeId,
        candidateId: initiativeClaims.candidateId,
        candidateName: dossierCandidates.displayName,
        dossierId: dossiers.id,
        dossierTitle: dossiers.title,
        honor: dossierCandidates.honor,
      })
      .from(initiativeClaims)
      .innerJoin(dossierCandidates, eq(dossierCandidates.id, initiativeClaims.candidateId))
      .innerJoin(dossiers, eq(dossiers.id, dossierCandidates.dossierId))
      .where(inArray(initiativeClaims.initiativeId, ids)),
  ];
  return rows.map((r) => {
    const c = claims.find((x) => x.initiativeId === r.id);
    return {
      id: r.id,
      title: r.title,
      scope: r.scope,
      year: r.year,
      unitId: r.unitId,
      usedForAwardId: r.usedForAwardId,
      claim: c ? { candidateId: c.candidateId, candidateName: c.candidateName, dossierId: c.dossierId, dossierTitle: c.dossierTitle, honor: c.honor } : null,
      authorIds: authors.filter((a) => a.initiativeId === r.id).map((a) => a.personId),
    };
  });
}

/** The recognised initiatives a candidate could offer: a person's as author, a collective's as owning unit. */
export async function initiativesOfSubject(tx: Executor, subject: { personId: string | null; unitId: string | null }): Promise<ClaimableInitiative[]> {
  if (subject.personId) {
    const rows = await tx
      .select({ i: initiatives })
      .from(initiativeAuthors)
      .innerJoin(initiatives, eq(initiatives.id, initiativeAuthors.initiativeId))
      .where(eq(initiativeAuthors.personId, subject.personId))
      .orderBy(desc(initiatives.year), asc(initiatives.title));
    return withClaims(
      tx,
      rows.map((r) => r.i),
    );
  }
  if (subject.unitId) {
    const rows = await tx.select().from(initiatives).where(eq(initiatives.unitId, subject.unitId)).orderBy(desc(initiatives.year), asc(initiatives.title));
    return withClaims(tx, rows);
  }
  return [];
}

/** One initiative of the records with its claim (reached through a candidate already found in scope). */
export async function unsafeFindClaimable(tx: Executor, id: string, lock = true): Promise<ClaimableInitiative | undefined> {
  const q = tx.select().from(initiatives).where(eq(initiatives.id, id));
  const rows = lock ? await q.for('update') : await q;
  return (await withClaims(tx, rows))[0];
}

/** Claims the initiative for the candidate; false when another claim holds it (the primary key refuses a second). */
export async function insertClaim(tx: Executor, row: typeof initiativeClaims.$inferInsert): Promise<boolean> {
  const out = await tx.insert(initiativeClaims).values(row).onConflictDoNothing().returning({ id: initiativeClaims.initiativeId });
  return out.length > 0;
}

export async function deleteClaim(tx: Executor, initiativeId: string): Promise<void> {
  await tx.delete(initiativeClaims).where(eq(initiativeClaims.initiativeId, initiativeId));
}

/** The initiatives claimed by these candidates (the dossier page; the decision marks them used). */
export async function claimsOfCandidates(tx: Executor, candidateIds: string[]) {
  if (candidateIds.length === 0) return [];
  return tx
    .select({
      candidateId: initiativeClaims.candidateId,
      initiativeId: initiatives.id,
      title: initiatives.title,
      scope: initiatives.scope,
      year: initiatives.year,
      decisionNumber: initiatives.decisionNumber,
      usedForAwardId: initiatives.usedForAwardId,
    })
    .from(initiativeClaims)
    .innerJoin(initiatives, eq(initiatives.id, initiativeClaims.initiativeId))
    .where(inArray(initiativeClaims.candidateId, candidateIds))
    .orderBy(asc(initiatives.year), asc(initiatives.title));
}

/** The Giấy chứng nhận of a recognised application (reached through the application found in scope). */
export async function unsafeFindCertificateRow(tx: Executor, id: string) {
  const [row] = await tx.select().from(certificates).where(eq(certificates.id, id));
  return row;
}

/** The decision of a recognised application (reached through the application found in scope). */
export async function unsafeFindDecisionRow(tx: Executor, id: string) {
  const [row] = await tx
    .select({
      id: awardDecisions.id,
      unitId: awardDecisions.unitId,
      numberText: awardDecisions.numberText,
      decisionDate: awardDecisions.decisionDate,
      title: awardDecisions.title,
      signerName: awardDecisions.signerName,
      signerTitle: awardDecisions.signerTitle,
      regime: awardDecisions.regime,
    })
    .from(awardDecisions)
    .where(eq(awardDecisions.id, id));
  return row;
}

/** Certificates of these applications' decision, by id (the decision's list prints their numbers). */
export async function certificatesByIds(tx: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.select().from(certificates).where(inArray(certificates.id, ids));
}
