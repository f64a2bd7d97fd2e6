import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { dossierCandidates, dossiers, fundEntries, funds, honorAwards, people, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { dossierVisibleCondition, escapeLike } from './scope.js';

/** Honors of a year (or of some years) whose subject (a person's unit, or the collective) lies under `path`; not revoked. */
function honorsUnder(path: string, year: number | number[]): SQL {
  const like = escapeLike(path) + '%';
  return and(
    Array.isArray(year) ? inArray(honorAwards.year, year) : eq(honorAwards.year, year),
    eq(honorAwards.revoked, false),
    sql`coalesce(${people.unitId}, ${honorAwards.unitId}) in (select ${units.id} from ${units} where ${units.path} like ${like})`,
  ) as SQL;
}

export interface DashboardHonorRow {
  honor: string;
  subject: 'individual' | 'collective';
  month: number;
  isLeader: boolean | null;
  employmentType: string | null;
  gender: string | null;
  n: number;
  amount: number;
}

/** Honors of the actor's subtree in a year, grouped finely enough for every chart (no actor beyond its path). */
export async function dashboardHonors(tx: Executor, actor: Pick<Actor, 'unitPath'>, year: number): Promise<DashboardHonorRow[]> {
  const rows = await tx
    .select({
      honor: honorAwards.honor,
      subject: sql<'individual' | 'collective'>`case when ${honorAwards.personId} is null then 'collective' else 'individual' end`,
      month: sql<number>`coalesce(extract(month from ${honorAwards.decisionDate})::int, 0)`,
      isLeader: people.isLeader,
      employmentType: people.employmentType,
      gender: people.gender,
      n: sql<number>`count(*)::int`,
      amount: sql<number>`coalesce(sum(${honorAwards.amount}), 0)::bigint`,
    })
    .from(honorAwards)
    .leftJoin(people, eq(people.id, honorAwards.personId))
    .where(honorsUnder(actor.unitPath, year))
    .groupBy(
      honorAwards.honor,
      sql`case when ${honorAwards.personId} is null then 'collective' else 'individual' end`,
      sql`coalesce(extract(month from ${honorAwards.decisionDate})::int, 0)`,
      people.isLeader,
      people.employmentType,
      people.gender,
    );
  return rows.map((r) => ({ ...r, n: Number(r.n), amount: Number(r.amount) }));
}

/**
 * Honors of a year per direct child unit of the actor's unit (each child's whole subtree), in ONE
 * grouped query: the child is read off the subject unit's path (`<actor path><child id>/…`), so
 * the cost does not grow with the number of children (bench: 50 departments, 3,000 units).
 */
export async function dashboardHonorsByUnit(tx: Executor, actor: Pick<Actor, 'unitId' | 'unitPath'>, year: number) {
  const children = await tx
    .select({ id: units.id, name: units.name, path: units.path })
    .from(units)
    .where(and(eq(units.parentId, actor.unitId), eq(units.active, true)))
    .orderBy(asc(units.sortOrder), asc(units.name));
  const subject = sql`(select ${units.path} from ${units} where ${units.id} = coalesce(${people.unitId}, ${honorAwards.unitId}))`;
  // The offset is inlined (an integer we compute): a bound parameter would make the SELECT and GROUP BY expressions differ.
  const child = sql<string>`split_part(substr(${subject}, ${sql.raw(String(actor.unitPath.length + 1))}), '/', 1)`;
  const rows = await tx
    .select({
      child,
      collective: sql<number>`count(*) filter (where ${honorAwards.personId} is null)::int`,
      individual: sql<number>`count(*) filter (where ${honorAwards.personId} is not null)::int`,
    })
    .from(honorAwards)
    .leftJoin(people, eq(people.id, honorAwards.personId))
    .where(honorsUnder(actor.unitPath, year))
    .groupBy(child);
  const byChild = new Map(rows.map((r) => [r.child, r]));
  return children.map((c) => {
    const r = byChild.get(c.id);
    return { unitId: c.id, unitName: c.name, collective: Number(r?.collective ?? 0), individual: Number(r?.individual ?? 0) };
  });
}

/** Totals of a few years (the comparison with previous years), in one grouped query. */
export async function dashboardYears(tx: Executor, actor: Pick<Actor, 'unitPath'>, years: number[]) {
  const rows = await tx
    .select({ year: honorAwards.year, n: sql<number>`count(*)::int`, amount: sql<number>`coalesce(sum(${honorAwards.amount}), 0)::bigint` })
    .from(honorAwards)
    .leftJoin(people, eq(people.id, honorAwards.personId))
    .where(honorsUnder(actor.unitPath, years))
    .groupBy(honorAwards.year);
  return years.map((y) => {
    const r = rows.find((x) => x.year === y);
    return { year: y, n: Number(r?.n ?? 0), amount: Number(r?.amount ?? 0) };
  });
}

/** Visible dossiers of a year still in the pipeline, by step, with their candidates. */
export async function dashboardPendingDossiers(tx: Executor, actor: Actor, year: number, statuses: string[]) {
  const rows = await tx
    .select({
      status: dossiers.status,
      n: sql<number>`count(*)::int`,
      candidates: sql<number>`coalesce(sum((select count(*) from ${dossierCandidates} where ${dossierCandidates.dossierId} = ${dossiers.id})), 0)::int`,
    })
    .from(dossiers)
    .where(and(dossierVisibleCondition(actor), eq(dossiers.year, year), inArray(dossiers.status, statuses)))
    .groupBy(dossiers.status);
  return rows.map((r) => ({ status: r.status, n: Number(r.n), candidates: Number(r.candidates) }));
}

/** The year's fund ledgers of units under the actor's unit, summed by line kind (money by source and use). */
export async function dashboardMoney(tx: Executor, actor: Pick<Actor, 'unitPath'>, year: number) {
  const rows = await tx
    .select({ kind: fundEntries.kind, amount: sql<string>`coalesce(sum(${fundEntries.amount}), 0)` })
    .from(fundEntries)
    .innerJoin(funds, eq(funds.id, fundEntries.fundId))
    .where(and(eq(funds.year, year), sql`${funds.unitId} in (select ${units.id} from ${units} where ${units.path} like ${escapeLike(actor.unitPath) + '%'})`))
    .groupBy(fundEntries.kind);
  return rows.map((r) => ({ kind: r.kind, amount: Number(r.amount) }));
}

export interface DashboardHonorFilter {
  honor?: string | undefined;
  /** Honors of one level (the caller turns it into honor codes). */
  honors?: readonly string[] | undefined;
  month?: number | undefined;
  /** A child unit: honors of its subtree. */
  unitPath?: string | undefined;
  subject?: 'individual' | 'collective' | undefined;
  share?: 'leader' | 'non_leader' | 'direct_worker' | 'female' | 'male' | undefined;
}

function shareCondition(share: DashboardHonorFilter['share']): SQL | undefined {
  switch (share) {
    case 'leader':
      return sql`${people.isLeader} = true`;
    case 'non_leader':
      return sql`${people.isLeader} = false`;
    case 'direct_worker':
      return sql`${people.isLeader} = false and ${people.employmentType} = 'nguoi_lao_dong'`;
    case 'female':
      return sql`${people.gender} = 'nu'`;
    case 'male':
      return sql`${people.gender} = 'nam'`;
    default:
      return undefined;
  }
}

/** The honors behind one figure of the dashboard, with who received them (paged). */
export async function dashboardHonorRecords(
  tx: Executor,
  actor: Pick<Actor, 'unitPath'>,
  year: number,
  f: DashboardHonorFilter,
  page: { page: number; pageSize: number },
) {
  const where = and(
    honorsUnder(f.unitPath && f.unitPath.startsWith(actor.unitPath) ? f.unitPath : actor.unitPath, year),
    f.honor ? eq(honorAwards.honor, f.honor) : undefined,
    f.honors ? inArray(honorAwards.honor, [...f.honors]) : undefined,
    f.month !== undefined ? sql`coalesce(extract(month from ${honorAwards.decisionDate})::int, 0) = ${f.month}` : undefined,
    f.subject === 'individual' || f.share ? sql`${honorAwards.personId} is not null` : undefined,
    f.subject === 'collective' ? sql`${honorAwards.personId} is null` : undefined,
    shareCondition(f.share),
  );
  const items = await tx
    .select({
      id: honorAwards.id,
      personId: honorAwards.personId,
      unitId: honorAwards.unitId,
      name: sql<string>`coalesce(${people.fullName}, (select ${units.name} from ${units} where ${units.id} = ${honorAwards.unitId}))`,
      unitName: sql<string>`(select ${units.name} from ${units} where ${units.id} = coalesce(${people.unitId}, ${honorAwards.unitId}))`,
      honor: honorAwards.honor,
      type: honorAwards.type,
      decisionNumber: honorAwards.decisionNumber,
      decisionDate: honorAwards.decisionDate,
      amount: honorAwards.amount,
    })
    .from(honorAwards)
    .leftJoin(people, eq(people.id, honorAwards.personId))
    .where(where)
    .orderBy(asc(honorAwards.decisionDate), asc(honorAwards.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [n] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(honorAwards)
    .leftJoin(people, eq(people.id, honorAwards.personId))
    .where(where);
  return { items, total: Number(n?.n ?? 0) };
}
