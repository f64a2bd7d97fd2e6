import { and, asc, desc, eq, inArray, isNotNull, like, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.js';
import {
  awardDecisions,
  decisionAwardees,
  dossierCandidates,
  dossiers,
  inspectionFindings,
  inspectionPlans,
  inspections,
  registrations,
  reportRequests,
  reports,
  trainingParticipants,
  units,
} from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { escapeLike, unitIdInScope } from './scope.js';
import { ownedCondition, type Paging } from './plans.js';

export type InspectionPlanRow = typeof inspectionPlans.$inferSelect;
export type InspectionRow = typeof inspections.$inferSelect;
export type FindingRow = typeof inspectionFindings.$inferSelect;
export type InspectionPlanValues = Omit<typeof inspectionPlans.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'version' | 'status'>;

const planUnits = alias(units, 'plan_units');

/**
 * Inspection plans the actor reads: those of its subtree (the inspecting office), and approved
 * plans that inspect a unit of its subtree (the inspected unit's clerk).
 */
function planReadable(actor: Actor): SQL {
  return or(
    unitIdInScope(actor, inspectionPlans.unitId),
    and(
      eq(inspectionPlans.status, 'approved'),
      sql`exists (select 1 from ${inspections} where ${inspections.planId} = ${inspectionPlans.id} and ${unitIdInScope(actor, inspections.unitId)})`,
    ),
  ) as SQL;
}

/** One inspection is read by the inspecting office's subtree, or — once the plan is approved — by the inspected unit's. */
function inspectionReadable(actor: Actor): SQL {
  return or(unitIdInScope(actor, inspectionPlans.unitId), and(eq(inspectionPlans.status, 'approved'), unitIdInScope(actor, inspections.unitId))) as SQL;
}

export async function findReadableInspectionPlan(tx: Executor, actor: Actor, id: string): Promise<InspectionPlanRow | undefined> {
  const [row] = await tx
    .select()
    .from(inspectionPlans)
    .where(and(eq(inspectionPlans.id, id), planReadable(actor)))
    .limit(1);
  return row;
}

export async function findOwnedInspectionPlan(tx: Executor, actor: Actor, id: string): Promise<InspectionPlanRow | undefined> {
  const [row] = await tx
    .select()
    .from(inspectionPlans)
    .where(and(eq(inspectionPlans.id, id), ownedCondition(actor, inspectionPlans.unitId)))
    .limit(1);
  return row;
}

export interface InspectionPlanFilter {
  year?: number | undefined;
  status?: string | undefined;
}

function planWhere(actor: Actor, f: InspectionPlanFilter) {
  return and(planReadable(actor), f.year ? eq(inspectionPlans.year, f.year) : undefined, f.status ? eq(inspectionPlans.status, f.status) : undefined);
}

export async function listInspectionPlans(tx: Executor, actor: Actor, f: InspectionPlanFilter, page: Paging) {
  return tx
    .select({
      plan: inspectionPlans,
      unitName: units.name,
      unitPath: units.path,
      unitCount: sql<number>`(select count(*)::int from ${inspections} where ${inspections.planId} = ${inspectionPlans.id})`,
    })
    .from(inspectionPlans)
    .innerJoin(units, eq(units.id, inspectionPlans.unitId))
    .where(planWhere(actor, f))
    .orderBy(desc(inspectionPlans.year), asc(inspectionPlans.title), asc(inspectionPlans.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
}

export async function countInspectionPlans(tx: Executor, actor: Actor, f: InspectionPlanFilter): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(inspectionPlans)
    .where(planWhere(actor, f));
  return Number(r?.n ?? 0);
}

export async function insertInspectionPlan(tx: Executor, values: InspectionPlanValues): Promise<InspectionPlanRow> {
  const [row] = await tx.insert(inspectionPlans).values(values).returning();
  if (!row) throw new Error('insert failed');
  return row;
}

export async function updateInspectionPlanAtVersion(
  tx: Executor,
  id: string,
  version: number,
  values: Partial<InspectionPlanValues> & { status?: string },
  at: Date,
): Promise<InspectionPlanRow | undefined> {
  const [row] = await tx
    .update(inspectionPlans)
    .set({ ...values, version: version + 1, updatedAt: at })
    .where(and(eq(inspectionPlans.id, id), eq(inspectionPlans.version, version)))
    .returning();
  return row;
}

/** Replaces the inspections of a draft plan (a draft has no findings yet). */
export async function replacePlanInspections(
  tx: Executor,
  planId: string,
  rows: { unitId: string; scheduledFrom: string; scheduledTo: string }[],
): Promise<InspectionRow[]> {
  await tx.delete(inspections).where(eq(inspections.planId, planId));
  if (!rows.length) return [];
  return tx
    .insert(inspections)
    .values(rows.map((r) => ({ ...r, planId })))
    .returning();
}

/** How many of these unit ids lie strictly under a unit path (an office inspects the units below it). */
export async function countUnitsBelow(tx: Executor, ids: string[], path: string): Promise<number> {
  if (!ids.length) return 0;
  const found = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(inArray(units.id, ids), like(units.path, `${escapeLike(path)}%`), sql`${units.path} <> ${path}`));
  return found.length;
}

/** Is `unitId` the unit at `path` or one of its descendants? */
export async function unitIsUnder(tx: Executor, unitId: string, path: string): Promise<boolean> {
  const [u] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.id, unitId), like(units.path, `${escapeLike(path)}%`)));
  return !!u;
}

const inspectionColumns = {
  inspection: inspections,
  unitName: units.name,
  unitPath: units.path,
  planTitle: inspectionPlans.title,
  planYear: inspectionPlans.year,
  planStatus: inspectionPlans.status,
  planUnitId: inspectionPlans.unitId,
  planUnitName: planUnits.name,
  planUnitPath: planUnits.path,
  findingCount: sql<number>`(select count(*)::int from ${inspectionFindings} where ${inspectionFindings.inspectionId} = ${inspections.id})`,
  openFindingCount: sql<number>`(select count(*)::int from ${inspectionFindings} where ${inspectionFindings.inspectionId} = ${inspections.id} and ${inspectionFindings.status} <> 'closed')`,
};
export type InspectionListRow = {
  inspection: InspectionRow;
  unitName: string;
  unitPath: string;
  planTitle: string;
  planYear: number;
  planStatus: string;
  planUnitId: string;
  planUnitName: string;
  planUnitPath: string;
  findingCount: number;
  openFindingCount: number;
};

function inspectionsFrom(tx: Executor) {
  return tx
    .select(inspectionColumns)
    .from(inspections)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspections.planId))
    .innerJoin(units, eq(units.id, inspections.unitId))
    .innerJoin(planUnits, eq(planUnits.id, inspectionPlans.unitId));
}

export async function findReadableInspection(tx: Executor, actor: Actor, id: string): Promise<InspectionListRow | undefined> {
  const [row] = await inspectionsFrom(tx)
    .where(and(eq(inspections.id, id), inspectionReadable(actor)))
    .limit(1);
  return row;
}

export async function inspectionsOfPlan(tx: Executor, actor: Actor, planId: string): Promise<InspectionListRow[]> {
  return inspectionsFrom(tx)
    .where(and(eq(inspections.planId, planId), inspectionReadable(actor)))
    .orderBy(asc(inspections.scheduledFrom), asc(units.name));
}

export interface InspectionFilter {
  year?: number | undefined;
  status?: string | undefined;
  planId?: string | undefined;
  unitId?: string | undefined;
}

function inspectionWhere(actor: Actor, f: InspectionFilter) {
  return and(
    inspectionReadable(actor),
    f.year ? eq(inspectionPlans.year, f.year) : undefined,
    f.status ? eq(inspections.status, f.status) : undefined,
    f.planId ? eq(inspections.planId, f.planId) : undefined,
    f.unitId ? eq(inspections.unitId, f.unitId) : undefined,
  );
}

export async function listInspections(tx: Executor, actor: Actor, f: InspectionFilter, page: Paging): Promise<InspectionListRow[]> {
  return inspectionsFrom(tx)
    .where(inspectionWhere(actor, f))
    .orderBy(desc(inspectionPlans.year), asc(inspections.scheduledFrom), asc(units.name), asc(inspections.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
}

export async function countInspections(tx: Executor, actor: Actor, f: InspectionFilter): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(inspections)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspections.planId))
    .where(inspectionWhere(actor, f));
  return Number(r?.n ?? 0);
}

export async function updateInspectionAtVersion(
  tx: Executor,
  id: string,
  version: number,
  values: Partial<Omit<typeof inspections.$inferInsert, 'id' | 'planId' | 'unitId' | 'version'>>,
  at: Date,
): Promise<InspectionRow | undefined> {
  const [row] = await tx
    .update(inspections)
    .set({ ...values, version: version + 1, updatedAt: at })
    .where(and(eq(inspections.id, id), eq(inspections.version, version)))
    .returning();
  return row;
}

export async function findingsOf(tx: Executor, inspectionId: string) {
  return tx
    .select({ finding: inspectionFindings, ownerUnitName: units.name })
    .from(inspectionFindings)
    .innerJoin(units, eq(units.id, inspectionFindings.ownerUnitId))
    .where(eq(inspectionFindings.inspectionId, inspectionId))
    .orderBy(asc(inspectionFindings.seq));
}

/** A finding of an inspection already found in scope. */
export async function findFinding(tx: Executor, inspectionId: string, findingId: string): Promise<FindingRow | undefined> {
  const [row] = await tx
    .select()
    .from(inspectionFindings)
    .where(and(eq(inspectionFindings.id, findingId), eq(inspectionFindings.inspectionId, inspectionId)));
  return row;
}

export async function insertFinding(tx: Executor, values: Omit<typeof inspectionFindings.$inferInsert, 'id' | 'seq' | 'createdAt'>): Promise<FindingRow> {
  const [n] = await tx
    .select({ max: sql<number>`coalesce(max(${inspectionFindings.seq}), 0)::int` })
    .from(inspectionFindings)
    .where(eq(inspectionFindings.inspectionId, values.inspectionId));
  const [row] = await tx
    .insert(inspectionFindings)
    .values({ ...values, seq: Number(n?.max ?? 0) + 1 })
    .returning();
  if (!row) throw new Error('insert failed');
  return row;
}

export async function deleteFinding(tx: Executor, id: string): Promise<void> {
  await tx.delete(inspectionFindings).where(eq(inspectionFindings.id, id));
}

export async function updateFinding(tx: Executor, id: string, values: Partial<Omit<typeof inspectionFindings.$inferInsert, 'id'>>): Promise<FindingRow> {
  const [row] = await tx.update(inspectionFindings).set(values).where(eq(inspectionFindings.id, id)).returning();
  if (!row) throw new Error('update failed');
  return row;
}

// ---- The checklist's facts (the inspected unit's subtree, one year) ---------------------------

const inSubtree = (col: SQL | typeof units.id, path: string) =>
  sql`${col} in (select ${units.id} from ${units} where ${units.path} like ${escapeLike(path) + '%'})`;

/** Registrations (đăng ký thi đua) made in the unit's subtree for the year. */
export async function countRegistrationsOf(tx: Executor, unitPath: string, year: number): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(and(eq(registrations.year, year), inSubtree(sql`${registrations.unitId}`, unitPath)));
  return Number(r?.n ?? 0);
}

/** The unit's dossiers of the year that were sent, with what is needed to tell whether they were on time. */
export async function submittedDossiersOf(tx: Executor, unitPath: string, year: number) {
  return tx
    .select({ id: dossiers.id, title: dossiers.title, unitId: dossiers.unitId, movementId: dossiers.movementId, firstSubmittedAt: dossiers.firstSubmittedAt })
    .from(dossiers)
    .where(and(eq(dossiers.year, year), isNotNull(dossiers.firstSubmittedAt), inSubtree(sql`${dossiers.unitId}`, unitPath)));
}

/** Decisions of the year rewarding candidates of the unit's dossiers, with their awardees' money. */
export async function decisionsForUnitDossiers(tx: Executor, unitPath: string, year: number) {
  const ids = await tx
    .selectDistinct({ id: awardDecisions.id })
    .from(awardDecisions)
    .innerJoin(decisionAwardees, eq(decisionAwardees.decisionId, awardDecisions.id))
    .innerJoin(dossierCandidates, eq(dossierCandidates.id, decisionAwardees.candidateId))
    .innerJoin(dossiers, eq(dossiers.id, dossierCandidates.dossierId))
    .where(and(eq(awardDecisions.year, year), inSubtree(sql`${dossiers.unitId}`, unitPath)));
  if (!ids.length) return [];
  const list = ids.map((r) => r.id);
  const [ds, aw] = [
    await tx.select().from(awardDecisions).where(inArray(awardDecisions.id, list)),
    await tx
      .select({
        decisionId: decisionAwardees.decisionId,
        displayName: decisionAwardees.displayName,
        coefficientMilli: decisionAwardees.coefficientMilli,
        baseSalary: decisionAwardees.baseSalary,
        amount: decisionAwardees.amount,
      })
      .from(decisionAwardees)
      .where(inArray(decisionAwardees.decisionId, list)),
  ];
  return ds.map((d) => ({ decision: d, awardees: aw.filter((a) => a.decisionId === d.id) }));
}

/** The periodic reports the unit itself was asked for in the year (báo cáo 6 tháng, năm, sơ kết, tổng kết), with where each stands. */
export async function reportsAskedOf(tx: Executor, unitPath: string, year: number) {
  return tx
    .select({
      title: reportRequests.title,
      dueDate: reportRequests.dueDate,
      extendedUntil: reports.extendedUntil,
      status: reports.status,
      late: reports.late,
      submittedAt: reports.submittedAt,
    })
    .from(reports)
    .innerJoin(reportRequests, eq(reportRequests.id, reports.requestId))
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(and(eq(reportRequests.year, year), eq(units.path, unitPath)))
    .orderBy(asc(reportRequests.dueDate), asc(reportRequests.title));
}

/** TĐKT clerks of the unit's subtree who attended a course. */
export async function countTrainedClerksOf(tx: Executor, unitPath: string): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(distinct ${trainingParticipants.personId})::int` })
    .from(trainingParticipants)
    .where(
      and(eq(trainingParticipants.tdktClerk, true), eq(trainingParticipants.attendance, 'attended'), inSubtree(sql`${trainingParticipants.unitId}`, unitPath)),
    );
  return Number(r?.n ?? 0);
}
