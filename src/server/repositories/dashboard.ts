import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { dossierCandidates, dossiers, honorAwards, people, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { dossierVisibleCondition, escapeLike } from './scope.js';

/** Honors of a year whose subject (a person's unit, or the collective) lies under `path`; not revoked. */
function honorsUnder(path: string, year: number): SQL {
  const like = escapeLike(path) + '%';
  return and(
    eq(honorAwards.year, year),
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

/** Honors of a year per direct child unit of the actor's unit (each child's whole subtree). */
export async function dashboardHonorsByUnit(tx: Executor, actor: Pick<Actor, 'unitId'>, year: number) {
  const children = await tx
    .select({ id: units.id, name: units.name, path: units.path })
    .from(units)
    .where(and(eq(units.parentId, actor.unitId), eq(units.active, true)))
    .orderBy(asc(units.sortOrder), asc(units.name));
  const out: { unitId: string; unitName: string; collective: number; individual: number }[] = [];
  for (const c of children) {
    const [r] = await tx
      .select({
        collective: sql<number>`count(*) filter (where ${honorAwards.personId} is null)::int`,
        individual: sql<number>`count(*) filter (where ${honorAwards.personId} is not null)::int`,
      })
      .from(honorAwards)
      .leftJoin(people, eq(people.id, honorAwards.personId))
      .where(honorsUnder(c.path, year));
    out.push({ unitId: c.id, unitName: c.name, collective: Number(r?.collective ?? 0), individual: Number(r?.individual ?? 0) });
  }
  return out;
}

/** Totals of a few years (the comparison with previous years). */
export async function dashboardYears(tx: Executor, actor: Pick<Actor, 'unitPath'>, years: number[]) {
  const out: { year: number; n: number; amount: number }[] = [];
  for (const y of years) {
    const [r] = await tx
      .select({ n: sql<number>`count(*)::int`, amount: sql<number>`coalesce(sum(${honorAwards.amount}), 0)::bigint` })
      .from(honorAwards)
      .leftJoin(people, eq(people.id, honorAwards.personId))
      .where(honorsUnder(actor.unitPath, y));
    out.push({ year: y, n: Number(r?.n ?? 0), amount: Number(r?.amount ?? 0) });
  }
  return out;
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
