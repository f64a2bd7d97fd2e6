import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { honorAwards, movements, people, units } from '../db/schema/index.js';
import { escapeLike } from './scope.js';

/**
 * What the statistical forms count: honors (not revoked) and launched movements of a year whose
 * subject (a person's unit, the collective, the launching unit) lies under the actor's unit.
 * The caller passes the actor's own path: the forms never reach outside its subtree.
 */
const under = (col: SQL, path: string) => sql`${col} in (select ${units.id} from ${units} where ${units.path} like ${escapeLike(path) + '%'})`;
const subjectUnit = sql`coalesce(${people.unitId}, ${honorAwards.unitId})`;
const subjectKind = sql<'individual' | 'collective'>`case when ${honorAwards.personId} is null then 'collective' else 'individual' end`;
const subjectDepth = sql<number>`(select ${units.depth} from ${units} where ${units.id} = ${subjectUnit})`;

export interface HonorPrefilter {
  honors?: readonly string[] | undefined;
  types?: readonly string[] | undefined;
  subject?: readonly string[] | undefined;
}

function honorWhere(path: string, year: number, f: HonorPrefilter = {}): SQL {
  return and(
    eq(honorAwards.year, year),
    eq(honorAwards.revoked, false),
    under(subjectUnit, path),
    f.honors ? inArray(honorAwards.honor, [...f.honors]) : undefined,
    f.types ? inArray(honorAwards.type, [...f.types]) : undefined,
    f.subject && f.subject.length === 1
      ? f.subject[0] === 'individual'
        ? sql`${honorAwards.personId} is not null`
        : sql`${honorAwards.personId} is null`
      : undefined,
  ) as SQL;
}

export interface StatHonorGroup {
  honor: string;
  type: string;
  subject: 'individual' | 'collective';
  isLeader: boolean | null;
  employmentType: string | null;
  unitDepth: number | null;
  n: number;
}

/** The year's honors under `path`, grouped by every attribute a form reads. */
export async function statHonorGroups(tx: Executor, path: string, year: number): Promise<StatHonorGroup[]> {
  const rows = await tx
    .select({
      honor: honorAwards.honor,
      type: honorAwards.type,
      subject: subjectKind,
      isLeader: people.isLeader,
      employmentType: people.employmentType,
      unitDepth: subjectDepth,
      n: sql<number>`count(*)::int`,
    })
    .from(honorAwards)
    .leftJoin(people, eq(people.id, honorAwards.personId))
    .where(honorWhere(path, year))
    .groupBy(honorAwards.honor, honorAwards.type, subjectKind, people.isLeader, people.employmentType, subjectDepth);
  return rows.map((r) => ({ ...r, n: Number(r.n), unitDepth: r.unitDepth === null ? null : Number(r.unitDepth) }));
}

export interface StatHonorRecord extends Omit<StatHonorGroup, 'n'> {
  id: string;
  personId: string | null;
  unitId: string | null;
  name: string;
  unitName: string;
  year: number;
  decisionNumber: string | null;
  decisionDate: string | null;
}

/** The year's honors under `path` one by one (the records behind a cell), narrowed by what SQL can test. */
export async function statHonorRecords(tx: Executor, path: string, year: number, f: HonorPrefilter): Promise<StatHonorRecord[]> {
  const rows = await tx
    .select({
      id: honorAwards.id,
      personId: honorAwards.personId,
      unitId: honorAwards.unitId,
      name: sql<string>`coalesce(${people.fullName}, (select ${units.name} from ${units} where ${units.id} = ${honorAwards.unitId}))`,
      unitName: sql<string>`(select ${units.name} from ${units} where ${units.id} = ${subjectUnit})`,
      honor: honorAwards.honor,
      type: honorAwards.type,
      subject: subjectKind,
      isLeader: people.isLeader,
      employmentType: people.employmentType,
      unitDepth: subjectDepth,
      year: honorAwards.year,
      decisionNumber: honorAwards.decisionNumber,
      decisionDate: honorAwards.decisionDate,
    })
    .from(honorAwards)
    .leftJoin(people, eq(people.id, honorAwards.personId))
    .where(honorWhere(path, year, f))
    .orderBy(asc(honorAwards.honor), asc(honorAwards.decisionDate), asc(honorAwards.id));
  return rows.map((r) => ({ ...r, unitDepth: r.unitDepth === null ? null : Number(r.unitDepth) }));
}

export interface StatMovementRecord {
  id: string;
  title: string;
  number: string | null;
  unitName: string;
  type: string;
  startDate: string;
  endDate: string;
  unitDepth: number;
}

/** Movements launched (not drafts) in the year by units under `path`. */
export async function statMovements(tx: Executor, path: string, year: number): Promise<StatMovementRecord[]> {
  return tx
    .select({
      id: movements.id,
      title: movements.title,
      number: movements.number,
      unitName: units.name,
      type: movements.type,
      startDate: movements.startDate,
      endDate: movements.endDate,
      unitDepth: units.depth,
    })
    .from(movements)
    .innerJoin(units, eq(units.id, movements.unitId))
    .where(and(eq(movements.year, year), sql`${movements.status} <> 'draft'`, sql`${units.path} like ${escapeLike(path) + '%'}`))
    .orderBy(asc(movements.startDate), asc(movements.title), asc(movements.id));
}
