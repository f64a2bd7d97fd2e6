import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { people, trainingCourses, trainingParticipants, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { escapeLike, unitIdInScope, visibleUnitsCondition } from './scope.js';
import { ownedCondition, readableCondition, type Paging } from './plans.js';

export type CourseRow = typeof trainingCourses.$inferSelect;
export type ParticipantRow = typeof trainingParticipants.$inferSelect;
export type CourseValues = Omit<typeof trainingCourses.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'version'>;

/** Courses are read by their unit's subtree and by every unit below it (they are organised for them). */
const courseReadable = (actor: Actor) => readableCondition(actor, trainingCourses.unitId, sql`true`);

export async function findReadableCourse(tx: Executor, actor: Actor, id: string): Promise<CourseRow | undefined> {
  const [row] = await tx
    .select()
    .from(trainingCourses)
    .where(and(eq(trainingCourses.id, id), courseReadable(actor)))
    .limit(1);
  return row;
}

export async function findOwnedCourse(tx: Executor, actor: Actor, id: string): Promise<CourseRow | undefined> {
  const [row] = await tx
    .select()
    .from(trainingCourses)
    .where(and(eq(trainingCourses.id, id), ownedCondition(actor, trainingCourses.unitId)))
    .limit(1);
  return row;
}

export interface CourseFilter {
  year?: number | undefined;
}

function courseWhere(actor: Actor, f: CourseFilter) {
  return and(courseReadable(actor), f.year ? sql`extract(year from ${trainingCourses.startDate}) = ${f.year}` : undefined);
}

const courseColumns = {
  course: trainingCourses,
  unitName: units.name,
  unitPath: units.path,
  participantCount: sql<number>`(select count(*)::int from ${trainingParticipants} where ${trainingParticipants.courseId} = ${trainingCourses.id})`,
  attendedCount: sql<number>`(select count(*)::int from ${trainingParticipants} where ${trainingParticipants.courseId} = ${trainingCourses.id} and ${trainingParticipants.attendance} = 'attended')`,
};

/** Courses the actor reads, newest first (a page, or all for the export). */
export async function listCourses(tx: Executor, actor: Actor, f: CourseFilter, page?: Paging) {
  const q = tx
    .select(courseColumns)
    .from(trainingCourses)
    .innerJoin(units, eq(units.id, trainingCourses.unitId))
    .where(courseWhere(actor, f))
    .orderBy(desc(trainingCourses.startDate), asc(trainingCourses.title), asc(trainingCourses.id));
  return page ? q.limit(page.pageSize).offset((page.page - 1) * page.pageSize) : q;
}
export type CourseListRow = Awaited<ReturnType<typeof listCourses>>[number];

export async function countCourses(tx: Executor, actor: Actor, f: CourseFilter): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(trainingCourses)
    .where(courseWhere(actor, f));
  return Number(r?.n ?? 0);
}

export async function insertCourse(tx: Executor, values: CourseValues): Promise<CourseRow> {
  const [row] = await tx.insert(trainingCourses).values(values).returning();
  if (!row) throw new Error('insert failed');
  return row;
}

export async function updateCourseAtVersion(tx: Executor, id: string, version: number, values: CourseValues, at: Date): Promise<CourseRow | undefined> {
  const [row] = await tx
    .update(trainingCourses)
    .set({ ...values, version: version + 1, updatedAt: at })
    .where(and(eq(trainingCourses.id, id), eq(trainingCourses.version, version)))
    .returning();
  return row;
}

/**
 * A course's participants the actor sees: all of them for the course's own unit, else only those
 * from the actor's units (a unit sees whom it sent, not the other units' staff).
 */
export async function participantsOf(tx: Executor, actor: Actor, course: CourseRow, ownsCourse: boolean) {
  return tx
    .select({
      participant: trainingParticipants,
      fullName: people.fullName,
      position: people.position,
      unitName: units.name,
      unitPath: units.path,
    })
    .from(trainingParticipants)
    .innerJoin(people, eq(people.id, trainingParticipants.personId))
    .innerJoin(units, eq(units.id, trainingParticipants.unitId))
    .where(and(eq(trainingParticipants.courseId, course.id), ownsCourse ? undefined : unitIdInScope(actor, trainingParticipants.unitId)))
    .orderBy(asc(units.path), asc(people.sortKey));
}
export type ParticipantListRow = Awaited<ReturnType<typeof participantsOf>>[number];

/** A participant of a course already found in scope. */
export async function findParticipant(tx: Executor, courseId: string, participantId: string) {
  const [row] = await tx
    .select({ participant: trainingParticipants, unitPath: units.path })
    .from(trainingParticipants)
    .innerJoin(units, eq(units.id, trainingParticipants.unitId))
    .where(and(eq(trainingParticipants.id, participantId), eq(trainingParticipants.courseId, courseId)));
  return row;
}

export async function isEnrolled(tx: Executor, courseId: string, personId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: trainingParticipants.id })
    .from(trainingParticipants)
    .where(and(eq(trainingParticipants.courseId, courseId), eq(trainingParticipants.personId, personId)));
  return !!row;
}

export async function insertParticipant(tx: Executor, values: Omit<typeof trainingParticipants.$inferInsert, 'id'>): Promise<ParticipantRow> {
  const [row] = await tx.insert(trainingParticipants).values(values).returning();
  if (!row) throw new Error('insert failed');
  return row;
}

export async function updateParticipant(
  tx: Executor,
  id: string,
  values: Partial<Omit<typeof trainingParticipants.$inferInsert, 'id'>>,
): Promise<ParticipantRow> {
  const [row] = await tx.update(trainingParticipants).set(values).where(eq(trainingParticipants.id, id)).returning();
  if (!row) throw new Error('update failed');
  return row;
}

export async function deleteParticipant(tx: Executor, id: string): Promise<void> {
  await tx.delete(trainingParticipants).where(eq(trainingParticipants.id, id));
}

/** A unit has a trained TĐKT clerk when one of its own staff, sent as its clerk, attended a course. */
const trainedClerk = sql`exists (select 1 from ${trainingParticipants} where ${trainingParticipants.unitId} = ${units.id} and ${trainingParticipants.tdktClerk} and ${trainingParticipants.attendance} = 'attended')`;

function untrainedWhere(actor: Actor, underPath?: string): SQL {
  return and(
    visibleUnitsCondition(actor),
    eq(units.active, true),
    sql`not ${trainedClerk}`,
    underPath ? sql`${units.path} like ${escapeLike(underPath) + '%'}` : undefined,
  ) as SQL;
}

/** Active units of the actor's scope with no trained TĐKT clerk, in tree order. */
export async function listUntrainedUnits(tx: Executor, actor: Actor, page: Paging) {
  return tx
    .select({
      id: units.id,
      name: units.name,
      path: units.path,
      depth: units.depth,
      staffCount: sql<number>`(select count(*)::int from ${people} where ${people.unitId} = ${units.id} and ${people.active})`,
    })
    .from(units)
    .where(untrainedWhere(actor))
    .orderBy(asc(units.path))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
}

export async function countUntrainedUnits(tx: Executor, actor: Actor): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(units)
    .where(untrainedWhere(actor));
  return Number(r?.n ?? 0);
}
