/** Exemplars (điển hình tiên tiến), their steps, conferences, and candidates suggested from the awards data. */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { awardDecisions, exemplarConferences, exemplarSteps, exemplars, honorAwards, movements, people, stories, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { escapeLike, unitIdInScope } from './scope.js';
import { ownedCondition } from './plans.js';

export type ExemplarRow = typeof exemplars.$inferSelect;
export type ExemplarStepRow = typeof exemplarSteps.$inferSelect;
export type ConferenceRow = typeof exemplarConferences.$inferSelect;

/** An exemplar with the names it is shown with. */
export interface ExemplarListRow {
  exemplar: ExemplarRow;
  unitName: string;
  unitPath: string;
  movementTitle: string | null;
  decisionNumber: string | null;
}

const LIST_COLUMNS = {
  exemplar: exemplars,
  unitName: units.name,
  unitPath: units.path,
  movementTitle: movements.title,
  decisionNumber: awardDecisions.numberText,
};

function joined<T extends Executor>(tx: T) {
  return tx
    .select(LIST_COLUMNS)
    .from(exemplars)
    .innerJoin(units, eq(units.id, exemplars.unitId))
    .leftJoin(movements, eq(movements.id, exemplars.movementId))
    .leftJoin(awardDecisions, eq(awardDecisions.id, exemplars.decisionId));
}

export async function findVisibleExemplar(tx: Executor, actor: Actor, id: string): Promise<ExemplarListRow | undefined> {
  const [row] = await joined(tx)
    .where(and(eq(exemplars.id, id), unitIdInScope(actor, exemplars.unitId)))
    .limit(1);
  return row;
}

/** An exemplar the actor may change (its unit in the actor's subtree; staff own nothing), locked for the change. */
export async function lockOwnedExemplar(tx: Executor, actor: Actor, id: string): Promise<ExemplarRow | undefined> {
  const [row] = await tx
    .select()
    .from(exemplars)
    .where(and(eq(exemplars.id, id), ownedCondition(actor, exemplars.unitId)))
    .for('update')
    .limit(1);
  return row;
}

export interface ExemplarFilter {
  stage?: string | undefined;
  kind?: string | undefined;
  movementId?: string | undefined;
  /** `active`: not cancelled (what a conference may honour); `cancelled`: only the cancelled ones. */
  state?: 'active' | 'cancelled' | undefined;
  q?: string | undefined;
}

function exemplarWhere(actor: Actor, f: ExemplarFilter): SQL | undefined {
  return and(
    unitIdInScope(actor, exemplars.unitId),
    f.stage ? eq(exemplars.stage, f.stage) : undefined,
    f.kind ? eq(exemplars.kind, f.kind) : undefined,
    f.movementId ? eq(exemplars.movementId, f.movementId) : undefined,
    f.state === 'active' ? sql`${exemplars.cancelledAt} is null` : f.state === 'cancelled' ? sql`${exemplars.cancelledAt} is not null` : undefined,
    f.q ? sql`lower(tdkt_unaccent(${exemplars.name} || ' ' || ${exemplars.achievement})) like lower(tdkt_unaccent(${'%' + escapeLike(f.q) + '%'}))` : undefined,
  );
}

export async function listVisibleExemplars(tx: Executor, actor: Actor, f: ExemplarFilter, page: { page: number; pageSize: number }) {
  const where = exemplarWhere(actor, f);
  const rows = await joined(tx)
    .where(where)
    .orderBy(desc(exemplars.updatedAt), asc(exemplars.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [t] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(exemplars)
    .where(where);
  return { rows, total: Number(t?.n ?? 0) };
}

export async function insertExemplar(tx: Executor, values: typeof exemplars.$inferInsert): Promise<ExemplarRow> {
  const [row] = await tx.insert(exemplars).values(values).returning();
  if (!row) throw new Error('insert failed');
  return row;
}

export async function updateExemplar(tx: Executor, id: string, values: Partial<typeof exemplars.$inferInsert>, at: Date): Promise<ExemplarRow> {
  const [row] = await tx
    .update(exemplars)
    .set({ ...values, version: sql`${exemplars.version} + 1`, updatedAt: at })
    .where(eq(exemplars.id, id))
    .returning();
  if (!row) throw new Error('update failed');
  return row;
}

/** Updates an exemplar if it is still at `version`; undefined when someone else changed it meanwhile. */
export async function updateExemplarAtVersion(
  tx: Executor,
  id: string,
  version: number,
  values: Partial<typeof exemplars.$inferInsert>,
  at: Date,
): Promise<ExemplarRow | undefined> {
  const [row] = await tx
    .update(exemplars)
    .set({ ...values, version: version + 1, updatedAt: at })
    .where(and(eq(exemplars.id, id), eq(exemplars.version, version)))
    .returning();
  return row;
}

export async function insertExemplarStep(tx: Executor, values: typeof exemplarSteps.$inferInsert): Promise<ExemplarStepRow> {
  const [row] = await tx.insert(exemplarSteps).values(values).returning();
  if (!row) throw new Error('insert failed');
  return row;
}

export async function stepsOf(tx: Executor, exemplarId: string): Promise<ExemplarStepRow[]> {
  return tx.select().from(exemplarSteps).where(eq(exemplarSteps.exemplarId, exemplarId)).orderBy(asc(exemplarSteps.stepDate), asc(exemplarSteps.createdAt));
}

export async function countSteps(tx: Executor, exemplarId: string, stage: string): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(exemplarSteps)
    .where(and(eq(exemplarSteps.exemplarId, exemplarId), eq(exemplarSteps.stage, stage)));
  return Number(r?.n ?? 0);
}

/** Exemplars of the actor's scope among these ids (a conference honours only those it may see), with whether each is cancelled. */
export async function visibleExemplarIds(tx: Executor, actor: Actor, ids: string[]): Promise<{ id: string; name: string; cancelled: boolean }[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: exemplars.id, name: exemplars.name, cancelledAt: exemplars.cancelledAt })
    .from(exemplars)
    .where(and(inArray(exemplars.id, ids), unitIdInScope(actor, exemplars.unitId)));
  return rows.map((r) => ({ id: r.id, name: r.name, cancelled: !!r.cancelledAt }));
}

export async function exemplarNames(tx: Executor, ids: string[]): Promise<ExemplarListRow[]> {
  if (ids.length === 0) return [];
  return joined(tx).where(inArray(exemplars.id, ids)).orderBy(asc(exemplars.name));
}

// ---- Conferences (hội nghị điển hình tiên tiến) ----

/** What the honoured exemplars went through, for the conference report: support actions, replication, published stories. */
export async function conferenceFigures(tx: Executor, exemplarIds: string[]) {
  if (exemplarIds.length === 0) return { nurturing: 0, spreading: 0, spreadPlaces: 0, publishedStories: 0 };
  const [steps] = await tx
    .select({
      nurturing: sql<number>`count(*) filter (where ${exemplarSteps.stage} = 'nurturing')::int`,
      spreading: sql<number>`count(*) filter (where ${exemplarSteps.stage} = 'spreading')::int`,
      // A place of replication: a unit of the tree, or the owner as written when it is not one.
      spreadPlaces: sql<number>`count(distinct coalesce(${exemplarSteps.unitId}::text, lower(${exemplarSteps.owner}))) filter (where ${exemplarSteps.stage} = 'spreading')::int`,
    })
    .from(exemplarSteps)
    .where(inArray(exemplarSteps.exemplarId, exemplarIds));
  const [st] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(stories)
    .where(and(inArray(stories.exemplarId, exemplarIds), eq(stories.status, 'published')));
  return {
    nurturing: Number(steps?.nurturing ?? 0),
    spreading: Number(steps?.spreading ?? 0),
    spreadPlaces: Number(steps?.spreadPlaces ?? 0),
    publishedStories: Number(st?.n ?? 0),
  };
}

export async function insertConference(tx: Executor, values: typeof exemplarConferences.$inferInsert): Promise<ConferenceRow> {
  const [row] = await tx.insert(exemplarConferences).values(values).returning();
  if (!row) throw new Error('insert failed');
  return row;
}

/** A conference with its unit and the honouring decision. */
export interface ConferenceListRow {
  conference: ConferenceRow;
  unitName: string;
  unitPath: string;
  decisionNumber: string | null;
  decisionDate: string | null;
}

function conferencesJoined(tx: Executor) {
  return tx
    .select({
      conference: exemplarConferences,
      unitName: units.name,
      unitPath: units.path,
      decisionNumber: awardDecisions.numberText,
      decisionDate: awardDecisions.decisionDate,
    })
    .from(exemplarConferences)
    .innerJoin(units, eq(units.id, exemplarConferences.unitId))
    .leftJoin(awardDecisions, eq(awardDecisions.id, exemplarConferences.decisionId));
}

export async function findVisibleConference(tx: Executor, actor: Actor, id: string): Promise<ConferenceListRow | undefined> {
  const [row] = await conferencesJoined(tx)
    .where(and(eq(exemplarConferences.id, id), unitIdInScope(actor, exemplarConferences.unitId)))
    .limit(1);
  return row;
}

/** A conference the actor may change (its unit in the actor's subtree), locked for the change. */
export async function lockOwnedConference(tx: Executor, actor: Actor, id: string): Promise<ConferenceRow | undefined> {
  const [row] = await tx
    .select()
    .from(exemplarConferences)
    .where(and(eq(exemplarConferences.id, id), ownedCondition(actor, exemplarConferences.unitId)))
    .for('update')
    .limit(1);
  return row;
}

/** Updates a conference if it is still at `version`; undefined when someone else changed it meanwhile. */
export async function updateConferenceAtVersion(
  tx: Executor,
  id: string,
  version: number,
  values: Partial<typeof exemplarConferences.$inferInsert>,
  at: Date,
): Promise<ConferenceRow | undefined> {
  const [row] = await tx
    .update(exemplarConferences)
    .set({ ...values, version: version + 1, updatedAt: at })
    .where(and(eq(exemplarConferences.id, id), eq(exemplarConferences.version, version)))
    .returning();
  return row;
}

export async function listVisibleConferences(tx: Executor, actor: Actor, page: { page: number; pageSize: number }) {
  const where = unitIdInScope(actor, exemplarConferences.unitId);
  const rows = await conferencesJoined(tx)
    .where(where)
    .orderBy(desc(exemplarConferences.heldOn), asc(exemplarConferences.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [t] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(exemplarConferences)
    .where(where);
  return { rows, total: Number(t?.n ?? 0) };
}

/** A decision of the actor's scope, as a link target (number and date only). */
export async function findVisibleDecisionRef(tx: Executor, actor: Actor, id: string) {
  const [row] = await tx
    .select({ id: awardDecisions.id, numberText: awardDecisions.numberText, decisionDate: awardDecisions.decisionDate })
    .from(awardDecisions)
    .where(and(eq(awardDecisions.id, id), unitIdInScope(actor, awardDecisions.unitId)))
    .limit(1);
  return row;
}

// ---- Suggestions from the awards data ----

export interface HonorRun {
  personId: string | null;
  unitId: string | null;
  name: string;
  unitName: string;
  years: number[];
}

/**
 * Subjects of the actor's scope holding `honor` (not revoked, công trạng) in each of the `years`
 * given, who are not an exemplar yet: collectives TTLĐXS three years running, CSTĐCS chains.
 */
export async function honorRuns(tx: Executor, actor: Actor, honor: string, years: number[], subject: 'person' | 'unit'): Promise<HonorRun[]> {
  const subjectCol = subject === 'person' ? honorAwards.personId : honorAwards.unitId;
  const scope =
    subject === 'person'
      ? sql`${honorAwards.personId} in (select ${people.id} from ${people} where ${unitIdInScope(actor, people.unitId)})`
      : unitIdInScope(actor, honorAwards.unitId);
  const notYet =
    subject === 'person'
      ? sql`not exists (select 1 from ${exemplars} e where e.person_id = ${honorAwards.personId})`
      : sql`not exists (select 1 from ${exemplars} e where e.subject_unit_id = ${honorAwards.unitId})`;
  const rows = await tx
    .select({ subjectId: subjectCol, years: sql<number[]>`array_agg(distinct ${honorAwards.year} order by ${honorAwards.year})` })
    .from(honorAwards)
    .where(
      and(
        eq(honorAwards.honor, honor),
        eq(honorAwards.revoked, false),
        eq(honorAwards.type, 'cong_trang'),
        inArray(honorAwards.year, years),
        sql`${subjectCol} is not null`,
        scope,
        notYet,
      ),
    )
    .groupBy(subjectCol)
    .having(sql`count(distinct ${honorAwards.year}) = ${years.length}`)
    .limit(200);
  const ids = rows.map((r) => r.subjectId).filter((x): x is string => !!x);
  if (ids.length === 0) return [];
  const names =
    subject === 'person'
      ? await tx
          .select({ id: people.id, name: people.fullName, unitName: units.name })
          .from(people)
          .innerJoin(units, eq(units.id, people.unitId))
          .where(inArray(people.id, ids))
      : await tx
          .select({ id: units.id, name: units.name, unitName: sql<string>`coalesce((select p.name from units p where p.id = ${units.parentId}), '')` })
          .from(units)
          .where(inArray(units.id, ids));
  const byId = new Map(names.map((n) => [n.id, n]));
  return rows
    .filter((r) => r.subjectId && byId.has(r.subjectId))
    .map((r) => {
      const n = byId.get(r.subjectId!)!;
      return {
        personId: subject === 'person' ? r.subjectId : null,
        unitId: subject === 'unit' ? r.subjectId : null,
        name: n.name,
        unitName: n.unitName,
        years: r.years.map(Number),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** Models of the actor's scope replicated in at least `minUnits` units and not yet published: worth honouring and telling. */
export async function widelyReplicatedModels(tx: Executor, actor: Actor, minUnits: number) {
  return tx
    .select({
      id: exemplars.id,
      name: exemplars.name,
      unitName: units.name,
      units: sql<number>`(select count(distinct coalesce(s.unit_id::text, s.owner))::int from exemplar_steps s where s.exemplar_id = ${exemplars.id} and s.stage = 'spreading')`,
    })
    .from(exemplars)
    .innerJoin(units, eq(units.id, exemplars.unitId))
    .where(
      and(
        unitIdInScope(actor, exemplars.unitId),
        eq(exemplars.kind, 'model'),
        sql`${exemplars.publishedAt} is null`,
        sql`${exemplars.cancelledAt} is null`,
        sql`(select count(distinct coalesce(s.unit_id::text, s.owner)) from exemplar_steps s where s.exemplar_id = ${exemplars.id} and s.stage = 'spreading') >= ${minUnits}`,
      ),
    )
    .limit(200);
}

/** The demo seed: launched or closed movements under a unit (no actor: the seed runs before any account acts). */
export async function unsafeMovementsUnder(tx: Executor, unitPath: string): Promise<{ id: string; title: string }[]> {
  return tx
    .select({ id: movements.id, title: movements.title })
    .from(movements)
    .innerJoin(units, eq(units.id, movements.unitId))
    .where(and(sql`${units.path} LIKE ${escapeLike(unitPath) + '%'}`, inArray(movements.status, ['launched', 'closed'])))
    .orderBy(asc(movements.startDate));
}
