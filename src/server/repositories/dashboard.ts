import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { dossierCandidates, dossiers, fundEntries, funds, honorAwardFacts, honorAwards, people, units } from '../db/schema/index.js';
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

/**
 * The same set read off the pre-aggregate (honor_award_facts, kept exact by triggers): the
 * dashboard's figures cost a sum over a few rows per unit, not a scan of the year's awards.
 */
function factsUnder(path: string, year: number | number[]): SQL {
  const like = escapeLike(path) + '%';
  return and(
    Array.isArray(year) ? inArray(honorAwardFacts.year, year) : eq(honorAwardFacts.year, year),
    sql`${honorAwardFacts.unitId} in (select ${units.id} from ${units} where ${units.path} like ${like})`,
  ) as SQL;
}

const factsN = sql<number>`sum(${honorAwardFacts.n})::int`;
const factsAmount = sql<number>`sum(${honorAwardFacts.amount})::bigint`;

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
      honor: honorAwardFacts.honor,
      subject: sql<'individual' | 'collective'>`${honorAwardFacts.subject}`,
      month: honorAwardFacts.month,
      isLeader: honorAwardFacts.isLeader,
      employmentType: honorAwardFacts.employmentType,
      gender: honorAwardFacts.gender,
      n: factsN,
      amount: factsAmount,
    })
    .from(honorAwardFacts)
    .where(factsUnder(actor.unitPath, year))
    .groupBy(
      honorAwardFacts.honor,
      honorAwardFacts.subject,
      honorAwardFacts.month,
      honorAwardFacts.isLeader,
      honorAwardFacts.employmentType,
      honorAwardFacts.gender,
    )
    .having(sql`sum(${honorAwardFacts.n}) <> 0`);
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
  // The offset is inlined (an integer we compute): a bound parameter would make the SELECT and GROUP BY expressions differ.
  const child = sql<string>`split_part(substr(${units.path}, ${sql.raw(String(actor.unitPath.length + 1))}), '/', 1)`;
  const rows = await tx
    .select({
      child,
      collective: sql<number>`coalesce(sum(${honorAwardFacts.n}) filter (where ${honorAwardFacts.subject} = 'collective'), 0)::int`,
      individual: sql<number>`coalesce(sum(${honorAwardFacts.n}) filter (where ${honorAwardFacts.subject} = 'individual'), 0)::int`,
    })
    .from(honorAwardFacts)
    .innerJoin(units, eq(units.id, honorAwardFacts.unitId))
    .where(and(eq(honorAwardFacts.year, year), sql`${units.path} like ${escapeLike(actor.unitPath) + '%'}`))
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
    .select({ year: honorAwardFacts.year, n: factsN, amount: factsAmount })
    .from(honorAwardFacts)
    .where(factsUnder(actor.unitPath, years))
    .groupBy(honorAwardFacts.year);
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

/**
 * Where honor_award_facts differs from a recount of honor_awards (per key: the pre-aggregate's
 * figure and the recount's). Empty when the triggers kept it exact; operations can run it after a
 * restore or a manual SQL fix, and `rebuildHonorAwardFacts` repairs what it finds.
 */
export async function honorAwardFactsDrift(tx: Executor) {
  const r = await tx.execute(sql`
    with live as (
      select coalesce(p.unit_id, a.unit_id) as unit_id, a.year, a.honor,
             case when a.person_id is null then 'collective' else 'individual' end as subject,
             coalesce(extract(month from a.decision_date)::int, 0) as month,
             p.is_leader, p.employment_type, p.gender, count(*)::int as n, coalesce(sum(a.amount), 0)::bigint as amount
      from honor_awards a left join people p on p.id = a.person_id
      where not a.revoked
      group by 1, 2, 3, 4, 5, 6, 7, 8
    ), facts as (
      select unit_id, year, honor, subject, month, is_leader, employment_type, gender, n, amount
      from honor_award_facts where n <> 0 or amount <> 0
    )
    select coalesce(l.unit_id, f.unit_id) as unit_id, coalesce(l.year, f.year) as year, coalesce(l.honor, f.honor) as honor,
           coalesce(l.subject, f.subject) as subject, coalesce(l.month, f.month) as month,
           coalesce(f.n, 0)::int as facts_n, coalesce(l.n, 0)::int as live_n,
           coalesce(f.amount, 0)::bigint as facts_amount, coalesce(l.amount, 0)::bigint as live_amount
    from live l full join facts f
      on (l.unit_id, l.year, l.honor, l.subject, l.month) = (f.unit_id, f.year, f.honor, f.subject, f.month)
     and l.is_leader is not distinct from f.is_leader and l.employment_type is not distinct from f.employment_type
     and l.gender is not distinct from f.gender
    where coalesce(l.n, 0) <> coalesce(f.n, 0) or coalesce(l.amount, 0) <> coalesce(f.amount, 0)
  `);
  const rows = (Array.isArray(r) ? r : (r as { rows: Record<string, unknown>[] }).rows) as Record<string, unknown>[];
  return rows.map((x) => ({
    unitId: String(x.unit_id),
    year: Number(x.year),
    honor: String(x.honor),
    subject: String(x.subject),
    month: Number(x.month),
    factsN: Number(x.facts_n),
    liveN: Number(x.live_n),
    factsAmount: Number(x.facts_amount),
    liveAmount: Number(x.live_amount),
  }));
}

/** Recomputes honor_award_facts from honor_awards (after a restore or a manual fix; the triggers keep it exact otherwise). */
export async function rebuildHonorAwardFacts(tx: Executor): Promise<void> {
  await tx.execute(sql`delete from ${honorAwardFacts}`);
  await tx.execute(sql`
    insert into honor_award_facts (unit_id, year, honor, subject, month, is_leader, employment_type, gender, n, amount)
    select coalesce(p.unit_id, a.unit_id), a.year, a.honor,
           case when a.person_id is null then 'collective' else 'individual' end,
           coalesce(extract(month from a.decision_date)::int, 0),
           p.is_leader, p.employment_type, p.gender, count(*)::int, coalesce(sum(a.amount), 0)::bigint
    from honor_awards a left join people p on p.id = a.person_id
    where not a.revoked
    group by 1, 2, 3, 4, 5, 6, 7, 8`);
}
