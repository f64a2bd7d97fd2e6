import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { dossiers, honorAwards, initiatives, movements, people, registrations, reportRequests, reports, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { escapeLike, unitIdInScope } from './scope.js';
import type { HonorFact, ReportFacts } from '../reports/indicators.js';

export type ReportRequestRow = typeof reportRequests.$inferSelect;
export type ReportRow = typeof reports.$inferSelect;
export interface Paging {
  page: number;
  pageSize: number;
}

/** A request is seen by its requesting unit's subtree and by the units asked (their report is in the actor's subtree). */
function requestVisible(actor: Actor): SQL {
  return sql`(${unitIdInScope(actor, reportRequests.unitId)} or exists (select 1 from ${reports} where ${reports.requestId} = ${reportRequests.id} and ${unitIdInScope(actor, reports.unitId)}))`;
}

/** A report is seen by its unit's subtree and by the subtree of the unit that asked for it. */
function reportVisible(actor: Actor): SQL {
  return sql`(${unitIdInScope(actor, reports.unitId)} or ${unitIdInScope(actor, reportRequests.unitId)})`;
}

export async function insertReportRequest(tx: Executor, values: Omit<typeof reportRequests.$inferInsert, 'id' | 'createdAt'>): Promise<ReportRequestRow> {
  const [row] = await tx.insert(reportRequests).values(values).returning();
  if (!row) throw new Error('insert failed');
  return row;
}

export async function insertReports(tx: Executor, requestId: string, unitIds: string[]): Promise<void> {
  if (unitIds.length) await tx.insert(reports).values(unitIds.map((unitId) => ({ requestId, unitId })));
}

export async function findVisibleReportRequest(tx: Executor, actor: Actor, id: string): Promise<ReportRequestRow | undefined> {
  const [row] = await tx
    .select()
    .from(reportRequests)
    .where(and(eq(reportRequests.id, id), requestVisible(actor)))
    .limit(1);
  return row;
}

export interface ReportRequestFilter {
  year?: number | undefined;
  kind?: string | undefined;
}

function requestWhere(actor: Actor, f: ReportRequestFilter) {
  return and(requestVisible(actor), f.year ? eq(reportRequests.year, f.year) : undefined, f.kind ? eq(reportRequests.kind, f.kind) : undefined);
}

/** Requests the actor sees, newest due date first, with how many reports are in each state. */
export async function listVisibleReportRequests(tx: Executor, actor: Actor, f: ReportRequestFilter, page: Paging) {
  return tx
    .select({
      request: reportRequests,
      unitName: units.name,
      unitPath: units.path,
      asked: sql<number>`(select count(*)::int from ${reports} where ${reports.requestId} = ${reportRequests.id})`,
      submitted: sql<number>`(select count(*)::int from ${reports} where ${reports.requestId} = ${reportRequests.id} and ${reports.status} in ('submitted', 'received'))`,
      received: sql<number>`(select count(*)::int from ${reports} where ${reports.requestId} = ${reportRequests.id} and ${reports.status} = 'received')`,
    })
    .from(reportRequests)
    .innerJoin(units, eq(units.id, reportRequests.unitId))
    .where(requestWhere(actor, f))
    .orderBy(desc(reportRequests.dueDate), asc(reportRequests.title), asc(reportRequests.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
}

export async function countVisibleReportRequests(tx: Executor, actor: Actor, f: ReportRequestFilter): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(reportRequests)
    .where(requestWhere(actor, f));
  return Number(r?.n ?? 0);
}

export interface ReportFilter {
  requestId?: string | undefined;
  status?: string | undefined;
  year?: number | undefined;
}

function reportWhere(actor: Actor, f: ReportFilter) {
  return and(
    reportVisible(actor),
    f.requestId ? eq(reports.requestId, f.requestId) : undefined,
    f.status ? eq(reports.status, f.status) : undefined,
    f.year ? eq(reportRequests.year, f.year) : undefined,
  );
}

const reportSelection = { report: reports, request: reportRequests, unitName: units.name, unitPath: units.path };
export type ReportListRow = { report: ReportRow; request: ReportRequestRow; unitName: string; unitPath: string };

/** Reports the actor sees (its units' own, and those sent to a unit of its subtree), by due date then unit order. */
export async function listVisibleReports(tx: Executor, actor: Actor, f: ReportFilter, page?: Paging): Promise<ReportListRow[]> {
  const q = tx
    .select(reportSelection)
    .from(reports)
    .innerJoin(reportRequests, eq(reportRequests.id, reports.requestId))
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(reportWhere(actor, f))
    .orderBy(desc(reportRequests.dueDate), asc(units.sortOrder), asc(units.name), asc(reports.id));
  return page ? q.limit(page.pageSize).offset((page.page - 1) * page.pageSize) : q;
}

export async function countVisibleReports(tx: Executor, actor: Actor, f: ReportFilter): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(reports)
    .innerJoin(reportRequests, eq(reportRequests.id, reports.requestId))
    .where(reportWhere(actor, f));
  return Number(r?.n ?? 0);
}

/** `lock` holds the report row for the transaction (a save and a signature of its Báo cáo one at a time). */
export async function findVisibleReport(tx: Executor, actor: Actor, id: string, lock = false): Promise<ReportListRow | undefined> {
  const q = tx
    .select(reportSelection)
    .from(reports)
    .innerJoin(reportRequests, eq(reportRequests.id, reports.requestId))
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(and(eq(reports.id, id), reportVisible(actor)))
    .limit(1);
  const [row] = lock ? await q.for('update', { of: reports }) : await q;
  return row;
}

/** The report rows of one request (reached through a request found in scope). */
export async function reportsOfRequest(tx: Executor, requestId: string): Promise<ReportListRow[]> {
  return tx
    .select(reportSelection)
    .from(reports)
    .innerJoin(reportRequests, eq(reportRequests.id, reports.requestId))
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(eq(reports.requestId, requestId))
    .orderBy(asc(units.sortOrder), asc(units.name), asc(reports.id));
}

/** Versioned write: undefined when someone else wrote first. */
export async function updateReportAtVersion(
  tx: Executor,
  id: string,
  expectedVersion: number,
  changes: Partial<Omit<ReportRow, 'id' | 'requestId' | 'unitId' | 'version' | 'createdAt'>>,
  at: Date,
): Promise<ReportRow | undefined> {
  const [row] = await tx
    .update(reports)
    .set({ ...changes, version: sql`${reports.version} + 1`, updatedAt: at })
    .where(and(eq(reports.id, id), eq(reports.version, expectedVersion)))
    .returning();
  return row;
}

/** Units among `ids` lying strictly under `path` (a request asks only units below the requester). */
export async function unitsStrictlyUnder(tx: Executor, ids: string[], path: string): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return tx
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(inArray(units.id, ids), sql`${units.path} like ${escapeLike(path) + '%'}`, sql`${units.path} <> ${path}`));
}

/** The day an honor counts on: its decision date, else the last day of its year (history typed without a date). */
const honorDay = sql`coalesce(${honorAwards.decisionDate}, make_date(${honorAwards.year}, 12, 31))`;

/** Units under a path, as an SQL sub-select. */
const inSubtree = (col: SQL | PgColumn, path: string) => sql`${col} in (select ${units.id} from ${units} where ${units.path} like ${escapeLike(path) + '%'})`;

/**
 * What a unit's report is prefilled from, for its subtree and the period: honors received (not
 * revoked) grouped by honor, type and the subject's attributes; movements launched; registrations;
 * dossiers sent; initiatives recognised. No actor: the caller found the report or unit in scope.
 */
export async function unsafeReportFacts(tx: Executor, unitPath: string, from: string, to: string): Promise<ReportFacts> {
  const inPeriod = (day: SQL) => sql`${day} between ${from}::date and ${to}::date`;
  const personal = await tx
    .select({
      honor: honorAwards.honor,
      type: honorAwards.type,
      isLeader: people.isLeader,
      employmentType: people.employmentType,
      gender: people.gender,
      n: sql<number>`count(*)::int`,
      amount: sql<number>`coalesce(sum(${honorAwards.amount}), 0)::bigint`,
    })
    .from(honorAwards)
    .innerJoin(people, eq(people.id, honorAwards.personId))
    .where(and(eq(honorAwards.revoked, false), inSubtree(people.unitId, unitPath), inPeriod(honorDay)))
    .groupBy(honorAwards.honor, honorAwards.type, people.isLeader, people.employmentType, people.gender);
  const collective = await tx
    .select({
      honor: honorAwards.honor,
      type: honorAwards.type,
      n: sql<number>`count(*)::int`,
      amount: sql<number>`coalesce(sum(${honorAwards.amount}), 0)::bigint`,
    })
    .from(honorAwards)
    .where(and(eq(honorAwards.revoked, false), sql`${honorAwards.unitId} is not null`, inSubtree(honorAwards.unitId, unitPath), inPeriod(honorDay)))
    .groupBy(honorAwards.honor, honorAwards.type);
  const count = async (q: Promise<{ n: number }[]>) => Number((await q)[0]?.n ?? 0);
  const fromYear = Number(from.slice(0, 4));
  const toYear = Number(to.slice(0, 4));
  const honors: HonorFact[] = [
    ...personal.map((p) => ({ ...p, subject: 'individual', n: Number(p.n), amount: Number(p.amount) })),
    ...collective.map((c) => ({ ...c, subject: 'collective', isLeader: null, employmentType: null, gender: null, n: Number(c.n), amount: Number(c.amount) })),
  ];
  return {
    honors,
    movements: await count(
      tx
        .select({ n: sql<number>`count(*)::int` })
        .from(movements)
        .where(and(sql`${movements.status} <> 'draft'`, inSubtree(movements.unitId, unitPath), inPeriod(sql`${movements.startDate}`))),
    ),
    registrations: await count(
      tx
        .select({ n: sql<number>`count(*)::int` })
        .from(registrations)
        .where(and(inSubtree(registrations.unitId, unitPath), sql`${registrations.year} between ${fromYear} and ${toYear}`)),
    ),
    dossiers: await count(
      tx
        .select({ n: sql<number>`count(*)::int` })
        .from(dossiers)
        .where(
          and(
            sql`${dossiers.firstSubmittedAt} is not null`,
            inSubtree(dossiers.unitId, unitPath),
            inPeriod(sql`((${dossiers.firstSubmittedAt} at time zone 'UTC') + interval '7 hours')::date`),
          ),
        ),
    ),
    initiatives: await count(
      tx
        .select({ n: sql<number>`count(*)::int` })
        .from(initiatives)
        .where(and(inSubtree(initiatives.unitId, unitPath), inPeriod(sql`coalesce(${initiatives.decisionDate}, make_date(${initiatives.year}, 12, 31))`))),
    ),
  };
}
