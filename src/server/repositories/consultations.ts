/** Hiệp y: the address book of consulted bodies, the requests, the bodies' answers and objections. */
import { and, asc, desc, eq, inArray, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import {
  consultationAnswers,
  consultationCandidates,
  consultationObjections,
  consultations,
  consultedBodies,
  dossierCandidates,
  dossiers,
  units,
} from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { dossierVisibleCondition, unitIdInScope } from './scope.js';
import type { Paging } from './plans.js';

export type ConsultedBodyRow = typeof consultedBodies.$inferSelect;
export type ConsultationRow = typeof consultations.$inferSelect;
export type ConsultationCandidateRow = typeof consultationCandidates.$inferSelect;
export type ConsultationAnswerRow = Omit<typeof consultationAnswers.$inferSelect, 'data'>;
export type ConsultationObjectionRow = typeof consultationObjections.$inferSelect;

// ---- Address book ----

/** The bodies an actor's Office may ask: its own unit's address book and its ancestors' (a department uses the agency's). */
function bookReachable(actor: Actor): SQL {
  return sql`${consultedBodies.unitId} in (select ${units.id} from ${units} where starts_with(${actor.unitPath}::text, ${units.path}))`;
}

export async function listReachableBodies(tx: Executor, actor: Actor, opts: { includeInactive?: boolean } = {}) {
  return tx
    .select({ body: consultedBodies, unitPath: units.path })
    .from(consultedBodies)
    .innerJoin(units, eq(units.id, consultedBodies.unitId))
    .where(and(bookReachable(actor), opts.includeInactive ? undefined : eq(consultedBodies.active, true)))
    .orderBy(asc(consultedBodies.kind), asc(consultedBodies.name));
}

export async function findReachableBodies(tx: Executor, actor: Actor, ids: string[]): Promise<ConsultedBodyRow[]> {
  if (!ids.length) return [];
  return tx
    .select()
    .from(consultedBodies)
    .where(and(inArray(consultedBodies.id, ids), bookReachable(actor)));
}

/** A body of the actor's own subtree's address book (the one it may edit). */
export async function findOwnedBody(tx: Executor, actor: Actor, id: string) {
  const [row] = await tx
    .select({ body: consultedBodies, unitPath: units.path })
    .from(consultedBodies)
    .innerJoin(units, eq(units.id, consultedBodies.unitId))
    .where(and(eq(consultedBodies.id, id), unitIdInScope(actor, consultedBodies.unitId)))
    .limit(1);
  return row;
}

export async function bodyNameTaken(tx: Executor, unitId: string, name: string, exceptId?: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: consultedBodies.id })
    .from(consultedBodies)
    .where(
      and(
        eq(consultedBodies.unitId, unitId),
        sql`lower(${consultedBodies.name}) = lower(${name})`,
        exceptId ? sql`${consultedBodies.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  return !!row;
}

export type BodyValues = Pick<typeof consultedBodies.$inferInsert, 'unitId' | 'kind' | 'name' | 'address' | 'email' | 'active'>;

export async function insertBody(tx: Executor, values: BodyValues): Promise<ConsultedBodyRow> {
  const [row] = await tx.insert(consultedBodies).values(values).returning();
  if (!row) throw new Error('insert failed');
  return row;
}

export async function updateBodyAtVersion(
  tx: Executor,
  id: string,
  version: number,
  values: Partial<BodyValues>,
  at: Date,
): Promise<ConsultedBodyRow | undefined> {
  const [row] = await tx
    .update(consultedBodies)
    .set({ ...values, version: version + 1, updatedAt: at })
    .where(and(eq(consultedBodies.id, id), eq(consultedBodies.version, version)))
    .returning();
  return row;
}

// ---- Requests ----

/** A request is read where its Office's unit is in scope and its dossier is visible (council members: the dossiers on their agenda). */
function readable(actor: Actor): SQL {
  return and(unitIdInScope(actor, consultations.unitId), dossierVisibleCondition(actor)) as SQL;
}

const listColumns = {
  consultation: consultations,
  unitPath: units.path,
  unitName: units.name,
  dossierTitle: dossiers.title,
  dossierYear: dossiers.year,
  candidateCount: sql<number>`(select count(*)::int from ${consultationCandidates} where ${consultationCandidates.consultationId} = ${consultations.id})`,
  bodyCount: sql<number>`(select count(*)::int from ${consultationAnswers} where ${consultationAnswers.consultationId} = ${consultations.id})`,
  answeredCount: sql<number>`(select count(*)::int from ${consultationAnswers} where ${consultationAnswers.consultationId} = ${consultations.id} and ${consultationAnswers.answer} is not null)`,
  objectionCount: sql<number>`(select count(*)::int from ${consultationObjections} join ${consultationAnswers} on ${consultationAnswers.id} = ${consultationObjections.answerId} where ${consultationAnswers.consultationId} = ${consultations.id})`,
};
export type ConsultationListRow = {
  consultation: ConsultationRow;
  unitPath: string;
  unitName: string;
  dossierTitle: string;
  dossierYear: number;
  candidateCount: number;
  bodyCount: number;
  answeredCount: number;
  objectionCount: number;
};

function fromConsultations(tx: Executor) {
  return tx
    .select(listColumns)
    .from(consultations)
    .innerJoin(dossiers, eq(dossiers.id, consultations.dossierId))
    .innerJoin(units, eq(units.id, consultations.unitId));
}

export interface ConsultationFilter {
  status?: 'open' | 'cancelled' | undefined;
  dossierId?: string | undefined;
  /** Open requests past their deadline with a body that has not answered. */
  overdueOn?: string | undefined;
}

function listWhere(actor: Actor, f: ConsultationFilter): SQL {
  return and(
    readable(actor),
    f.status ? eq(consultations.status, f.status) : undefined,
    f.dossierId ? eq(consultations.dossierId, f.dossierId) : undefined,
    f.overdueOn
      ? and(
          eq(consultations.status, 'open'),
          lt(consultations.deadline, f.overdueOn),
          sql`exists (select 1 from ${consultationAnswers} where ${consultationAnswers.consultationId} = ${consultations.id} and ${consultationAnswers.answer} is null)`,
        )
      : undefined,
  ) as SQL;
}

export async function listVisibleConsultations(tx: Executor, actor: Actor, f: ConsultationFilter, page: Paging): Promise<ConsultationListRow[]> {
  return fromConsultations(tx)
    .where(listWhere(actor, f))
    .orderBy(asc(consultations.status), desc(consultations.deadline), desc(consultations.createdAt), asc(consultations.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
}

export async function countVisibleConsultations(tx: Executor, actor: Actor, f: ConsultationFilter): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(consultations)
    .innerJoin(dossiers, eq(dossiers.id, consultations.dossierId))
    .where(listWhere(actor, f));
  return Number(r?.n ?? 0);
}

export async function findVisibleConsultation(tx: Executor, actor: Actor, id: string, opts: { lock?: boolean } = {}): Promise<ConsultationListRow | undefined> {
  const q = fromConsultations(tx)
    .where(and(eq(consultations.id, id), readable(actor)))
    .limit(1);
  const [row] = opts.lock ? await q.for('update', { of: consultations }) : await q;
  return row;
}

export async function insertConsultation(tx: Executor, values: typeof consultations.$inferInsert): Promise<ConsultationRow> {
  const [row] = await tx.insert(consultations).values(values).returning();
  if (!row) throw new Error('insert failed');
  return row;
}

export async function updateConsultationAtVersion(
  tx: Executor,
  id: string,
  version: number,
  values: Partial<typeof consultations.$inferInsert>,
  at: Date,
): Promise<ConsultationRow | undefined> {
  const [row] = await tx
    .update(consultations)
    .set({ ...values, version: version + 1, updatedAt: at })
    .where(and(eq(consultations.id, id), eq(consultations.version, version)))
    .returning();
  return row;
}

export async function insertConsultationCandidates(tx: Executor, rows: (typeof consultationCandidates.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(consultationCandidates).values(rows);
}

export async function insertConsultationAnswers(tx: Executor, rows: (typeof consultationAnswers.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(consultationAnswers).values(rows);
}

/** The candidates of a dossier among `ids` (a candidate not in the dossier is not returned). */
export async function dossierCandidatesAmong(tx: Executor, dossierId: string, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select()
    .from(dossierCandidates)
    .where(and(eq(dossierCandidates.dossierId, dossierId), inArray(dossierCandidates.id, ids)))
    .orderBy(asc(dossierCandidates.sortOrder), asc(dossierCandidates.createdAt));
}

const answerColumns = {
  id: consultationAnswers.id,
  consultationId: consultationAnswers.consultationId,
  bodyId: consultationAnswers.bodyId,
  bodyName: consultationAnswers.bodyName,
  bodyKind: consultationAnswers.bodyKind,
  answer: consultationAnswers.answer,
  answeredOn: consultationAnswers.answeredOn,
  answerNumber: consultationAnswers.answerNumber,
  note: consultationAnswers.note,
  recordedAt: consultationAnswers.recordedAt,
  recordedBy: consultationAnswers.recordedBy,
  fileName: consultationAnswers.fileName,
  mimeType: consultationAnswers.mimeType,
  size: consultationAnswers.size,
  sha256: consultationAnswers.sha256,
  sortOrder: consultationAnswers.sortOrder,
};

export interface ConsultationParts {
  candidates: ConsultationCandidateRow[];
  answers: ConsultationAnswerRow[];
  objections: ConsultationObjectionRow[];
}

/** Candidates, answers and objections of several requests, in three queries. */
export async function partsOf(tx: Executor, ids: string[]): Promise<Map<string, ConsultationParts>> {
  const out = new Map<string, ConsultationParts>(ids.map((id) => [id, { candidates: [], answers: [], objections: [] }]));
  if (!ids.length) return out;
  const cands = await tx
    .select()
    .from(consultationCandidates)
    .where(inArray(consultationCandidates.consultationId, ids))
    .orderBy(asc(consultationCandidates.sortOrder));
  const answers = await tx
    .select(answerColumns)
    .from(consultationAnswers)
    .where(inArray(consultationAnswers.consultationId, ids))
    .orderBy(asc(consultationAnswers.sortOrder));
  const objections = await tx
    .select({ objection: consultationObjections, consultationId: consultationAnswers.consultationId })
    .from(consultationObjections)
    .innerJoin(consultationAnswers, eq(consultationAnswers.id, consultationObjections.answerId))
    .where(inArray(consultationAnswers.consultationId, ids));
  for (const c of cands) out.get(c.consultationId)?.candidates.push(c);
  for (const a of answers) out.get(a.consultationId)?.answers.push(a);
  for (const o of objections) out.get(o.consultationId)?.objections.push(o.objection);
  return out;
}

export async function findAnswerOf(tx: Executor, consultationId: string, answerId: string): Promise<ConsultationAnswerRow | undefined> {
  const [row] = await tx
    .select(answerColumns)
    .from(consultationAnswers)
    .where(and(eq(consultationAnswers.consultationId, consultationId), eq(consultationAnswers.id, answerId)))
    .limit(1);
  return row;
}

export async function updateAnswer(
  tx: Executor,
  id: string,
  values: Partial<Omit<typeof consultationAnswers.$inferInsert, 'id' | 'consultationId' | 'bodyId'>>,
): Promise<void> {
  await tx.update(consultationAnswers).set(values).where(eq(consultationAnswers.id, id));
}

export async function replaceObjections(tx: Executor, answerId: string, rows: { candidateId: string; reason: string }[]): Promise<void> {
  await tx.delete(consultationObjections).where(eq(consultationObjections.answerId, answerId));
  if (rows.length) await tx.insert(consultationObjections).values(rows.map((r) => ({ ...r, answerId })));
}

export async function answerFile(tx: Executor, consultationId: string, answerId: string) {
  const [row] = await tx
    .select({ data: consultationAnswers.data, fileName: consultationAnswers.fileName, mimeType: consultationAnswers.mimeType })
    .from(consultationAnswers)
    .where(and(eq(consultationAnswers.consultationId, consultationId), eq(consultationAnswers.id, answerId)))
    .limit(1);
  return row;
}

/** Open requests of a dossier (a new request must not ask the same body about the same candidate twice). */
export async function openRequestsOfDossier(tx: Executor, dossierId: string) {
  return tx
    .select({ id: consultations.id })
    .from(consultations)
    .where(and(eq(consultations.dossierId, dossierId), eq(consultations.status, 'open')));
}

/**
 * For the job runner (no actor): open requests whose deadline is on or before `today` and that
 * still wait for a body's answer, with the Office's unit.
 */
export async function unsafeListWaitingDueBy(tx: Executor, today: string) {
  return tx
    .select({ id: consultations.id, unitId: consultations.unitId, deadline: consultations.deadline, dossierTitle: dossiers.title })
    .from(consultations)
    .innerJoin(dossiers, eq(dossiers.id, consultations.dossierId))
    .where(
      and(
        eq(consultations.status, 'open'),
        lte(consultations.deadline, today),
        sql`exists (select 1 from ${consultationAnswers} where ${consultationAnswers.consultationId} = ${consultations.id} and ${consultationAnswers.answer} is null)`,
      ),
    );
}

/** Bodies of a request that have not answered yet (names, for the notification). */
export async function unsafeWaitingBodies(tx: Executor, consultationId: string): Promise<string[]> {
  const rows = await tx
    .select({ name: consultationAnswers.bodyName })
    .from(consultationAnswers)
    .where(and(eq(consultationAnswers.consultationId, consultationId), isNull(consultationAnswers.answer)))
    .orderBy(asc(consultationAnswers.sortOrder));
  return rows.map((r) => r.name);
}
