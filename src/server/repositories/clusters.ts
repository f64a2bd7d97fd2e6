/**
 * Cụm, khối thi đua: clusters, members, leaders, pledge, scoring table and scores, reports, the
 * year-end meeting and its secret ballot. A cluster is visible to the unit that keeps it (and its
 * subtree's accounts) and to the accounts of its member units; nothing here reads a member's own
 * records (its dossiers, people) — those stay behind their own scopes.
 */
import { and, asc, count, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import {
  accounts,
  clusterCriteria,
  clusterHeadReports,
  clusterLeaders,
  clusterMeetingItems,
  clusterMeetings,
  clusterMembers,
  clusterPledges,
  clusterReports,
  clusters,
  clusterScores,
  clusterSealedBallots,
  clusterTasks,
  clusterVoterMarks,
  units,
} from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { escapeLike, unitIdInScope } from './scope.js';
import { POLICY } from '../policies/abilities.js';

export type ClusterRow = typeof clusters.$inferSelect;
export type ClusterMemberRow = typeof clusterMembers.$inferSelect;
export type CriterionRow = typeof clusterCriteria.$inferSelect;
export type ScoreRow = typeof clusterScores.$inferSelect;
export type ReportRow = typeof clusterReports.$inferSelect;
export type MeetingRow = typeof clusterMeetings.$inferSelect;
export type MeetingItemRow = typeof clusterMeetingItems.$inferSelect;
export type PledgeRow = typeof clusterPledges.$inferSelect;
export type TaskRow = typeof clusterTasks.$inferSelect;
export type HeadReportRow = typeof clusterHeadReports.$inferSelect;

/** The cluster is kept by a unit of the actor's subtree, or one of its members is. */
function visibleClusterCondition(actor: Actor): SQL {
  if (POLICY[actor.role].reach !== 'subtree') return sql`false`;
  const prefix = `${escapeLike(actor.unitPath)}%`;
  return or(
    unitIdInScope(actor, clusters.unitId),
    sql`exists (select 1 from ${clusterMembers} m join ${units} u on u.id = m.member_unit_id where m.cluster_id = ${clusters.id} and u.path like ${prefix})`,
  ) as SQL;
}

export interface ClusterFilter {
  year?: number | undefined;
  kind?: string | undefined;
}

export async function listVisibleClusters(tx: Executor, actor: Actor, f: ClusterFilter, page: { page: number; pageSize: number }) {
  const where = and(visibleClusterCondition(actor), f.year ? eq(clusters.year, f.year) : undefined, f.kind ? eq(clusters.kind, f.kind) : undefined);
  const rows = await tx
    .select({
      cluster: clusters,
      ownerPath: units.path,
      memberCount: sql<number>`(select count(*)::int from cluster_members m where m.cluster_id = ${clusters.id})`,
      headName: sql<string | null>`(select m.name from cluster_members m where m.id = ${clusters.headMemberId})`,
    })
    .from(clusters)
    .innerJoin(units, eq(units.id, clusters.unitId))
    .where(where)
    .orderBy(desc(clusters.year), asc(clusters.kind), asc(clusters.name))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [t] = await tx.select({ n: count() }).from(clusters).where(where);
  return { rows, total: Number(t?.n ?? 0) };
}

export async function findVisibleCluster(
  tx: Executor,
  actor: Actor,
  id: string,
  lock = false,
): Promise<{ cluster: ClusterRow; ownerPath: string } | undefined> {
  const q = tx
    .select({ cluster: clusters, ownerPath: units.path })
    .from(clusters)
    .innerJoin(units, eq(units.id, clusters.unitId))
    .where(and(eq(clusters.id, id), visibleClusterCondition(actor)))
    .limit(1);
  const [row] = lock ? await q.for('update', { of: clusters }) : await q;
  return row;
}

/** The latest cluster of a lineage before `year` (copy from last year, rotation history). */
export async function unsafePreviousOfLineage(tx: Executor, lineageId: string, year: number): Promise<ClusterRow | undefined> {
  const [row] = await tx
    .select()
    .from(clusters)
    .where(and(eq(clusters.lineageId, lineageId), sql`${clusters.year} < ${year}`))
    .orderBy(desc(clusters.year))
    .limit(1);
  return row;
}

export async function insertCluster(tx: Executor, values: typeof clusters.$inferInsert): Promise<ClusterRow> {
  const [row] = await tx.insert(clusters).values(values).returning();
  if (!row) throw new Error('insert clusters: no row');
  return row;
}

export async function updateClusterRow(tx: Executor, id: string, set: Partial<typeof clusters.$inferInsert>): Promise<ClusterRow> {
  const [row] = await tx
    .update(clusters)
    .set({ ...set, version: sql`${clusters.version} + 1` })
    .where(eq(clusters.id, id))
    .returning();
  if (!row) throw new Error('update clusters: no row');
  return row;
}

export async function clusterNameTaken(tx: Executor, unitId: string, year: number, name: string): Promise<boolean> {
  const [r] = await tx
    .select({ id: clusters.id })
    .from(clusters)
    .where(and(eq(clusters.unitId, unitId), eq(clusters.year, year), eq(clusters.name, name)))
    .limit(1);
  return !!r;
}

// ---- Members ----

export type MemberWithPath = ClusterMemberRow & { unitPath: string | null };

export async function membersOf(tx: Executor, clusterId: string): Promise<MemberWithPath[]> {
  const rows = await tx
    .select({ m: clusterMembers, unitPath: units.path })
    .from(clusterMembers)
    .leftJoin(units, eq(units.id, clusterMembers.memberUnitId))
    .where(eq(clusterMembers.clusterId, clusterId))
    .orderBy(asc(clusterMembers.sortOrder), asc(clusterMembers.name));
  return rows.map((r) => ({ ...r.m, unitPath: r.unitPath }));
}

/** Members of several clusters in one query (the list page: no query per cluster). */
export async function membersOfClusters(tx: Executor, clusterIds: string[]): Promise<MemberWithPath[]> {
  if (!clusterIds.length) return [];
  const rows = await tx
    .select({ m: clusterMembers, unitPath: units.path })
    .from(clusterMembers)
    .leftJoin(units, eq(units.id, clusterMembers.memberUnitId))
    .where(inArray(clusterMembers.clusterId, clusterIds))
    .orderBy(asc(clusterMembers.sortOrder), asc(clusterMembers.name));
  return rows.map((r) => ({ ...r.m, unitPath: r.unitPath }));
}

/** Sets who cross-checks each member (null: nobody but the head). */
export async function setCheckers(tx: Executor, clusterId: string, pairs: { memberId: string; checkerMemberId: string | null }[]): Promise<void> {
  for (const p of pairs)
    await tx
      .update(clusterMembers)
      .set({ checkerMemberId: p.checkerMemberId })
      .where(and(eq(clusterMembers.clusterId, clusterId), eq(clusterMembers.id, p.memberId)));
}

/** The cluster (any, whatever the actor's scope) holding this organisation for a kind and year: the "one cluster each" check. */
export async function unsafeClusterOfMemberKey(tx: Executor, kind: string, year: number, memberKey: string): Promise<{ clusterName: string } | undefined> {
  const [r] = await tx
    .select({ clusterName: clusters.name })
    .from(clusterMembers)
    .innerJoin(clusters, eq(clusters.id, clusterMembers.clusterId))
    .where(and(eq(clusterMembers.kind, kind), eq(clusterMembers.year, year), eq(clusterMembers.memberKey, memberKey)))
    .limit(1);
  return r;
}

export async function insertMember(tx: Executor, values: typeof clusterMembers.$inferInsert): Promise<ClusterMemberRow> {
  const [row] = await tx.insert(clusterMembers).values(values).returning();
  if (!row) throw new Error('insert cluster_members: no row');
  return row;
}

export async function updateMemberTargets(tx: Executor, clusterId: string, memberId: string, targets: string[]): Promise<boolean> {
  const r = await tx
    .update(clusterMembers)
    .set({ targets })
    .where(and(eq(clusterMembers.clusterId, clusterId), eq(clusterMembers.id, memberId)))
    .returning({ id: clusterMembers.id });
  return r.length > 0;
}

export async function deleteMemberOf(tx: Executor, clusterId: string, memberId: string): Promise<ClusterMemberRow | undefined> {
  const [row] = await tx
    .delete(clusterMembers)
    .where(and(eq(clusterMembers.clusterId, clusterId), eq(clusterMembers.id, memberId)))
    .returning();
  return row;
}

/** True when the member has scores, reports or votes (then it is not removed). */
export async function memberInUse(tx: Executor, memberId: string): Promise<boolean> {
  const [s] = await tx.select({ n: count() }).from(clusterScores).where(eq(clusterScores.memberId, memberId));
  const [i] = await tx.select({ n: count() }).from(clusterMeetingItems).where(eq(clusterMeetingItems.memberId, memberId));
  return Number(s?.n ?? 0) + Number(i?.n ?? 0) > 0;
}

// ---- Leaders ----

export async function insertLeader(tx: Executor, values: typeof clusterLeaders.$inferInsert): Promise<void> {
  await tx.insert(clusterLeaders).values(values);
}

/** Heads and deputies of every year of the lineage, newest first, with the members' names and keys. */
export async function leaderHistory(tx: Executor, lineageId: string) {
  const head = sql<string>`(select m.name from cluster_members m where m.id = ${clusterLeaders.headMemberId})`;
  const headKey = sql<string>`(select m.member_key from cluster_members m where m.id = ${clusterLeaders.headMemberId})`;
  const deputy = sql<string | null>`(select m.name from cluster_members m where m.id = ${clusterLeaders.deputyMemberId})`;
  const deputyKey = sql<string | null>`(select m.member_key from cluster_members m where m.id = ${clusterLeaders.deputyMemberId})`;
  return tx
    .select({ year: clusters.year, electedOn: clusterLeaders.electedOn, note: clusterLeaders.note, head, headKey, deputy, deputyKey })
    .from(clusterLeaders)
    .innerJoin(clusters, eq(clusters.id, clusterLeaders.clusterId))
    .where(eq(clusters.lineageId, lineageId))
    .orderBy(desc(clusters.year), desc(clusterLeaders.electedOn), desc(clusterLeaders.createdAt));
}

// ---- Pledge ----

export async function pledgeOf(tx: Executor, clusterId: string): Promise<PledgeRow | undefined> {
  const [row] = await tx.select().from(clusterPledges).where(eq(clusterPledges.clusterId, clusterId));
  return row;
}

export async function upsertPledge(tx: Executor, clusterId: string, set: Partial<typeof clusterPledges.$inferInsert>): Promise<PledgeRow> {
  const [row] = await tx
    .insert(clusterPledges)
    .values({ clusterId, ...set })
    .onConflictDoUpdate({ target: clusterPledges.clusterId, set: { ...set, version: sql`${clusterPledges.version} + 1` } })
    .returning();
  if (!row) throw new Error('upsert cluster_pledges: no row');
  return row;
}

// ---- Scoring table and scores ----

export async function criteriaOf(tx: Executor, clusterId: string): Promise<CriterionRow[]> {
  return tx.select().from(clusterCriteria).where(eq(clusterCriteria.clusterId, clusterId)).orderBy(asc(clusterCriteria.sortOrder));
}

export async function insertCriteria(tx: Executor, rows: (typeof clusterCriteria.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(clusterCriteria).values(rows);
}

export async function updateCriterion(tx: Executor, clusterId: string, id: string, set: Partial<typeof clusterCriteria.$inferInsert>): Promise<void> {
  await tx
    .update(clusterCriteria)
    .set(set)
    .where(and(eq(clusterCriteria.clusterId, clusterId), eq(clusterCriteria.id, id)));
}

export async function deleteCriteria(tx: Executor, clusterId: string, ids: string[]): Promise<void> {
  if (ids.length) await tx.delete(clusterCriteria).where(and(eq(clusterCriteria.clusterId, clusterId), inArray(clusterCriteria.id, ids)));
}

export async function scoresOf(tx: Executor, clusterId: string, memberId?: string): Promise<ScoreRow[]> {
  return tx
    .select()
    .from(clusterScores)
    .where(and(eq(clusterScores.clusterId, clusterId), memberId ? eq(clusterScores.memberId, memberId) : undefined));
}

export async function upsertSelfScore(
  tx: Executor,
  v: { clusterId: string; memberId: string; criterionId: string; selfPoints: number; evidence: string | null; at: Date },
) {
  await tx
    .insert(clusterScores)
    .values({ ...v, updatedAt: v.at })
    .onConflictDoUpdate({
      target: [clusterScores.memberId, clusterScores.criterionId],
      set: { selfPoints: v.selfPoints, evidence: v.evidence, updatedAt: v.at },
    });
}

/** Sets (or, with all null, clears) the adjustment of one score, with who made it, as what and when. */
export async function setAdjustment(
  tx: Executor,
  v: {
    memberId: string;
    criterionId: string;
    adjustedPoints: number | null;
    adjustReason: string | null;
    adjustedBy: string | null;
    adjustedAs: string | null;
    adjustedByMemberId: string | null;
    adjustedAt: Date | null;
    at: Date;
  },
): Promise<boolean> {
  const r = await tx
    .update(clusterScores)
    .set({
      adjustedPoints: v.adjustedPoints,
      adjustReason: v.adjustReason,
      adjustedBy: v.adjustedBy,
      adjustedAs: v.adjustedAs,
      adjustedByMemberId: v.adjustedByMemberId,
      adjustedAt: v.adjustedAt,
      updatedAt: v.at,
    })
    .where(and(eq(clusterScores.memberId, v.memberId), eq(clusterScores.criterionId, v.criterionId)))
    .returning({ m: clusterScores.memberId });
  return r.length > 0;
}

/** The display names of the accounts that adjusted this cluster's scores (shown with each adjustment). */
export async function adjusterNamesOf(tx: Executor, clusterId: string): Promise<Map<string, string>> {
  const rows = await tx
    .selectDistinct({ id: accounts.id, name: accounts.displayName })
    .from(clusterScores)
    .innerJoin(accounts, eq(accounts.id, clusterScores.adjustedBy))
    .where(eq(clusterScores.clusterId, clusterId));
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---- Reports ----

export async function reportsOf(tx: Executor, clusterId: string): Promise<ReportRow[]> {
  return tx.select().from(clusterReports).where(eq(clusterReports.clusterId, clusterId));
}

export async function upsertReport(tx: Executor, v: typeof clusterReports.$inferInsert): Promise<void> {
  await tx
    .insert(clusterReports)
    .values(v)
    .onConflictDoUpdate({ target: [clusterReports.memberId, clusterReports.period], set: { submittedOn: v.submittedOn, note: v.note ?? null } });
}

/**
 * The rankings of every cluster the actor sees for a year, in five queries whatever the number of
 * clusters (the province's view: 35 clusters, 300 members, 40 criteria each).
 */
export async function scoringOfYear(tx: Executor, actor: Actor, year: number, kind?: string) {
  const cs = await tx
    .select()
    .from(clusters)
    .where(and(eq(clusters.year, year), kind ? eq(clusters.kind, kind) : undefined, visibleClusterCondition(actor)))
    .orderBy(asc(clusters.kind), asc(clusters.name));
  const ids = cs.map((c) => c.id);
  if (!ids.length) return { clusters: cs, members: [], criteria: [], sums: [], reports: [] };
  const members = await tx
    .select({ id: clusterMembers.id, clusterId: clusterMembers.clusterId, name: clusterMembers.name })
    .from(clusterMembers)
    .where(inArray(clusterMembers.clusterId, ids))
    .orderBy(asc(clusterMembers.sortOrder), asc(clusterMembers.name));
  const criteria = await tx.select().from(clusterCriteria).where(inArray(clusterCriteria.clusterId, ids));
  // Summed in the database: one row per member instead of one per score (12,000 for a province).
  const v = sql`coalesce(${clusterScores.adjustedPoints}, ${clusterScores.selfPoints})`;
  const sumOf = (kind: SQL) => sql<string>`coalesce(sum(case when ${kind} then ${v} end), 0)`.mapWith(Number);
  const sums = await tx
    .select({
      clusterId: clusterScores.clusterId,
      memberId: clusterScores.memberId,
      base: sumOf(sql`${clusterCriteria.kind} not in ('bonus', 'minus')`),
      bonus: sumOf(sql`${clusterCriteria.kind} = 'bonus'`),
      minus: sumOf(sql`${clusterCriteria.kind} = 'minus'`),
      scored: sql<number>`count(*)::int`,
    })
    .from(clusterScores)
    .innerJoin(clusterCriteria, eq(clusterCriteria.id, clusterScores.criterionId))
    .where(and(inArray(clusterScores.clusterId, ids), sql`${clusterCriteria.latePenalty} is null`))
    .groupBy(clusterScores.clusterId, clusterScores.memberId);
  const reports = await tx.select().from(clusterReports).where(inArray(clusterReports.clusterId, ids));
  return { clusters: cs, members, criteria, sums, reports };
}

// ---- Plan tasks and the head's reports ----

export async function tasksOf(tx: Executor, clusterId: string): Promise<TaskRow[]> {
  return tx.select().from(clusterTasks).where(eq(clusterTasks.clusterId, clusterId)).orderBy(asc(clusterTasks.dueDate), asc(clusterTasks.createdAt));
}

export async function findTaskOf(tx: Executor, clusterId: string, taskId: string): Promise<TaskRow | undefined> {
  const [row] = await tx
    .select()
    .from(clusterTasks)
    .where(and(eq(clusterTasks.clusterId, clusterId), eq(clusterTasks.id, taskId)))
    .for('update');
  return row;
}

export async function insertTask(tx: Executor, values: typeof clusterTasks.$inferInsert): Promise<TaskRow> {
  const [row] = await tx.insert(clusterTasks).values(values).returning();
  if (!row) throw new Error('insert cluster_tasks: no row');
  return row;
}

/** Versioned write: undefined when someone else wrote first. */
export async function updateTaskAtVersion(
  tx: Executor,
  id: string,
  version: number,
  set: Partial<typeof clusterTasks.$inferInsert>,
): Promise<TaskRow | undefined> {
  const [row] = await tx
    .update(clusterTasks)
    .set({ ...set, version: sql`${clusterTasks.version} + 1` })
    .where(and(eq(clusterTasks.id, id), eq(clusterTasks.version, version)))
    .returning();
  return row;
}

export async function headReportsOf(tx: Executor, clusterId: string): Promise<HeadReportRow[]> {
  return tx.select().from(clusterHeadReports).where(eq(clusterHeadReports.clusterId, clusterId));
}

/** The head's reports of several clusters in one query (the list page shows which are late). */
export async function headReportsOfClusters(tx: Executor, clusterIds: string[]): Promise<HeadReportRow[]> {
  if (!clusterIds.length) return [];
  return tx.select().from(clusterHeadReports).where(inArray(clusterHeadReports.clusterId, clusterIds));
}

export async function upsertHeadReport(tx: Executor, v: typeof clusterHeadReports.$inferInsert): Promise<void> {
  await tx
    .insert(clusterHeadReports)
    .values(v)
    .onConflictDoUpdate({
      target: [clusterHeadReports.clusterId, clusterHeadReports.period],
      set: { sentOn: v.sentOn, note: v.note ?? null, createdBy: v.createdBy ?? null },
    });
}

// ---- Meetings and the secret ballot ----

export async function meetingsOf(tx: Executor, clusterId: string): Promise<MeetingRow[]> {
  return tx.select().from(clusterMeetings).where(eq(clusterMeetings.clusterId, clusterId)).orderBy(desc(clusterMeetings.heldOn));
}

export async function findMeetingOf(tx: Executor, clusterId: string, meetingId: string, lock = false): Promise<MeetingRow | undefined> {
  const q = tx
    .select()
    .from(clusterMeetings)
    .where(and(eq(clusterMeetings.clusterId, clusterId), eq(clusterMeetings.id, meetingId)))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function insertMeeting(tx: Executor, values: typeof clusterMeetings.$inferInsert): Promise<MeetingRow> {
  const [row] = await tx.insert(clusterMeetings).values(values).returning();
  if (!row) throw new Error('insert cluster_meetings: no row');
  return row;
}

export async function updateMeetingRow(tx: Executor, id: string, set: Partial<typeof clusterMeetings.$inferInsert>): Promise<MeetingRow> {
  const [row] = await tx.update(clusterMeetings).set(set).where(eq(clusterMeetings.id, id)).returning();
  if (!row) throw new Error('update cluster_meetings: no row');
  return row;
}

export async function insertMeetingItems(tx: Executor, rows: (typeof clusterMeetingItems.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(clusterMeetingItems).values(rows);
}

export async function itemsOfMeetings(tx: Executor, meetingIds: string[]): Promise<MeetingItemRow[]> {
  if (!meetingIds.length) return [];
  return tx.select().from(clusterMeetingItems).where(inArray(clusterMeetingItems.meetingId, meetingIds)).orderBy(asc(clusterMeetingItems.sortOrder));
}

export async function setItemPaperCounts(tx: Executor, itemId: string, counts: Record<string, number>): Promise<void> {
  await tx.update(clusterMeetingItems).set({ paperCounts: counts }).where(eq(clusterMeetingItems.id, itemId));
}

export async function setItemResult(tx: Executor, itemId: string, result: unknown): Promise<void> {
  await tx.update(clusterMeetingItems).set({ result }).where(eq(clusterMeetingItems.id, itemId));
}

/** Secret ballot, part 1: marks that the member voted on the item; false when it had already. */
export async function markClusterVoted(tx: Executor, itemId: string, memberId: string): Promise<boolean> {
  const r = await tx.insert(clusterVoterMarks).values({ itemId, memberId }).onConflictDoNothing().returning({ i: clusterVoterMarks.itemId });
  return r.length > 0;
}

/** Secret ballot, part 2: the sealed choice, without the voter (a separate write from the mark). */
export async function insertClusterSealedBallot(tx: Executor, itemId: string, sealed: Buffer): Promise<void> {
  await tx.insert(clusterSealedBallots).values({ itemId, sealed });
}

export async function clusterSealedBallotsOf(tx: Executor, itemId: string): Promise<Buffer[]> {
  const rows = await tx.select({ sealed: clusterSealedBallots.sealed }).from(clusterSealedBallots).where(eq(clusterSealedBallots.itemId, itemId));
  return rows.map((r) => r.sealed);
}

/** Who has voted on which item of these meetings (marks only, never a choice). */
export async function votedMarksOf(tx: Executor, itemIds: string[]): Promise<{ itemId: string; memberId: string }[]> {
  if (!itemIds.length) return [];
  return tx.select().from(clusterVoterMarks).where(inArray(clusterVoterMarks.itemId, itemIds));
}

/** Member units of this installation under a path (the demo seed and tests find members by unit). */
export async function unitsUnder(tx: Executor, path: string) {
  return tx
    .select({ id: units.id, name: units.name, path: units.path })
    .from(units)
    .where(like(units.path, `${escapeLike(path)}%`));
}
