import { and, asc, count, desc, eq, inArray, isNotNull, isNull, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import {
  deadlines,
  disciplineRecords,
  dossierCandidates,
  dossierDocuments,
  dossierExtensions,
  dossiers,
  dossierVersions,
  honorAwards,
  initiativeAuthors,
  initiatives,
  people,
  publicHolidays,
  qualityRatings,
  subjectFacts,
  units,
} from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { escapeLike, unitIdInScope } from '../policies/scope.js';
import { makeCalendar, type Calendar, type HolidayEntry } from '../../shared/working-days.js';
import { foldVietnamese } from '../../shared/vietnamese.js';
import type { DisciplineEntry, FactEntry, HonorEntry, InitiativeEntry, MemberInput, RatingEntry, SubjectInput } from '../rules/index.js';
import type { CommendationType, Discipline, Honor, InitiativeScope, Rating, SubjectKind } from '../../shared/codes.js';
import type { Fact } from '../rules/index.js';
import { inTurn } from '../db/in-turn.js';

export type DossierRow = typeof dossiers.$inferSelect;
export type CandidateRow = typeof dossierCandidates.$inferSelect;
export type DocumentRow = Omit<typeof dossierDocuments.$inferSelect, 'data'>;

/**
 * Which dossiers an actor sees. A unit's clerk: its subtree's dossiers, drafts included. The
 * Office, heads and administrators of a parent level: what has been submitted to them (ever) and
 * their own unit's dossiers — a unit's drafts stay the unit's business.
 */
export function dossierVisible(actor: Actor): SQL {
  const inScope = unitIdInScope(actor, dossiers.unitId);
  if (actor.role === 'clerk') return inScope;
  return and(inScope, or(isNotNull(dossiers.firstSubmittedAt), eq(dossiers.unitId, actor.unitId))) as SQL;
}

export async function findVisibleDossier(tx: Executor, actor: Actor, id: string): Promise<DossierRow | undefined> {
  const [row] = await tx.select().from(dossiers).where(and(eq(dossiers.id, id), dossierVisible(actor))).limit(1);
  return row;
}

/** Locks the dossier row for the rest of the transaction (state changes read-then-write it). */
export async function lockVisibleDossier(tx: Executor, actor: Actor, id: string): Promise<DossierRow | undefined> {
  const [row] = await tx.select().from(dossiers).where(and(eq(dossiers.id, id), dossierVisible(actor))).limit(1).for('update');
  return row;
}

export interface DossierFilter {
  box?: 'all' | 'inbox' | 'mine' | undefined;
  status?: string | undefined;
  movementId?: string | undefined;
  year?: number | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listDossiers(tx: Executor, actor: Actor, f: DossierFilter) {
  const conds: SQL[] = [dossierVisible(actor)];
  if (f.box === 'inbox') conds.push(isNotNull(dossiers.firstSubmittedAt), ne(dossiers.unitId, actor.unitId));
  if (f.box === 'mine') conds.push(eq(dossiers.unitId, actor.unitId));
  if (f.status) conds.push(eq(dossiers.status, f.status));
  if (f.movementId) conds.push(eq(dossiers.movementId, f.movementId));
  if (f.year) conds.push(eq(dossiers.year, f.year));
  const words = foldVietnamese(f.q ?? '').split(/\s+/).filter(Boolean).slice(0, 6);
  for (const w of words) {
    const pattern = `%${escapeLike(w)}%`;
    conds.push(sql`(${dossiers.searchKey} like ${pattern} or ${dossiers.unitId} in (select ${units.id} from ${units} where ${units.searchKey} like ${pattern}))`);
  }
  const where = and(...conds);
  // Conditions on dossiers only (no join) so that the count stays one pass and page 1 can walk the order index.
  const rows = await tx
    .select({ dossier: dossiers, unitName: units.name })
    .from(dossiers)
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .where(where)
    .orderBy(sql`${dossiers.submittedAt} desc nulls first`, desc(dossiers.createdAt))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [total] = await tx.select({ n: count() }).from(dossiers).where(where);
  const ids = rows.map((r) => r.dossier.id);
  const counts = ids.length
    ? await tx.select({ id: dossierCandidates.dossierId, n: count() }).from(dossierCandidates).where(inArray(dossierCandidates.dossierId, ids)).groupBy(dossierCandidates.dossierId)
    : [];
  const byId = new Map(counts.map((c) => [c.id, Number(c.n)]));
  return { rows: rows.map((r) => ({ ...r, candidateCount: byId.get(r.dossier.id) ?? 0 })), total: Number(total?.n ?? 0) };
}

export async function candidatesOf(tx: Executor, dossierId: string): Promise<CandidateRow[]> {
  return tx.select().from(dossierCandidates).where(eq(dossierCandidates.dossierId, dossierId)).orderBy(asc(dossierCandidates.sortOrder), asc(dossierCandidates.createdAt));
}

const DOCUMENT_META = {
  id: dossierDocuments.id,
  dossierId: dossierDocuments.dossierId,
  candidateId: dossierDocuments.candidateId,
  kind: dossierDocuments.kind,
  title: dossierDocuments.title,
  content: dossierDocuments.content,
  voteResult: dossierDocuments.voteResult,
  fileName: dossierDocuments.fileName,
  mimeType: dossierDocuments.mimeType,
  size: dossierDocuments.size,
  sha256: dossierDocuments.sha256,
  createdBy: dossierDocuments.createdBy,
  createdAt: dossierDocuments.createdAt,
};

export async function documentsOf(tx: Executor, dossierId: string): Promise<DocumentRow[]> {
  return tx.select(DOCUMENT_META).from(dossierDocuments).where(eq(dossierDocuments.dossierId, dossierId)).orderBy(asc(dossierDocuments.createdAt));
}

export async function documentFile(tx: Executor, dossierId: string, documentId: string) {
  const [row] = await tx.select().from(dossierDocuments).where(and(eq(dossierDocuments.id, documentId), eq(dossierDocuments.dossierId, dossierId))).limit(1);
  return row;
}

export async function versionsOf(tx: Executor, dossierId: string) {
  return tx.select().from(dossierVersions).where(eq(dossierVersions.dossierId, dossierId)).orderBy(asc(dossierVersions.revision));
}

/** The working-day calendar: statutory defaults plus the agency's own entries. */
export async function loadCalendar(tx: Executor): Promise<Calendar> {
  const rows = await tx.select().from(publicHolidays);
  return makeCalendar(rows.map((r): HolidayEntry => ({ date: r.date, name: r.name, kind: r.kind === 'workday' ? 'workday' : 'holiday' })));
}

/**
 * The kind of a movement's deadline for units to send their dossiers (seed 001: 18/6/2021, "late
 * means no dossier"). It is the movement's own entry in the shared `deadlines` calendar, so the
 * movement editor, the calendar, the reminders and the dossier pipeline read one date.
 */
export const SUBMISSION_DEADLINE_KIND = 'unit_submission';

/** The movement's submission deadline for a unit, pushed back by the latest extension granted to that unit. */
export async function submissionDeadline(tx: Executor, movementId: string, unitId: string): Promise<{ dueDate: string | null; extension: typeof dossierExtensions.$inferSelect | null }> {
  const [d] = await tx
    .select({ dueDate: deadlines.dueDate })
    .from(deadlines)
    .where(and(eq(deadlines.sourceType, 'movement'), eq(deadlines.sourceId, movementId), eq(deadlines.kind, SUBMISSION_DEADLINE_KIND), ne(deadlines.status, 'cancelled')))
    .orderBy(asc(deadlines.dueDate))
    .limit(1);
  const [ext] = await tx.select().from(dossierExtensions).where(and(eq(dossierExtensions.movementId, movementId), eq(dossierExtensions.unitId, unitId))).orderBy(desc(dossierExtensions.until)).limit(1);
  return { dueDate: d?.dueDate ?? null, extension: ext ?? null };
}

/** Open candidacies of the same subject for the same honor and year in another dossier. */
export async function otherOpenCandidacy(
  tx: Executor,
  q: { dossierId: string; year: number; honor: string; personId: string | null; subjectUnitId: string | null; householdName: string | null },
) {
  const subject = q.personId
    ? eq(dossierCandidates.personId, q.personId)
    : q.subjectUnitId
      ? eq(dossierCandidates.subjectUnitId, q.subjectUnitId)
      : q.householdName
        ? eq(dossierCandidates.householdName, q.householdName)
        : sql`false`;
  const [row] = await tx
    .select({ dossierId: dossiers.id, title: dossiers.title, unitName: units.name })
    .from(dossierCandidates)
    .innerJoin(dossiers, eq(dossiers.id, dossierCandidates.dossierId))
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .where(
      and(
        subject,
        ne(dossiers.id, q.dossierId),
        eq(dossiers.year, q.year),
        eq(dossierCandidates.honor, q.honor),
        eq(dossierCandidates.outcome, 'pending'),
        isNull(dossierCandidates.sourceCandidateId),
        notInArray(dossiers.status, ['completed']),
      ),
    )
    .limit(1);
  return row;
}

// ------------------------------------------------------------------ the engine's subject

/**
 * Builds the eligibility engine's subject from the stored records (ratings, honors received,
 * initiatives, discipline, confirmed facts) — the seam between the records and the engine.
 * Households have no records: the Office enters their data (`subject_data`), which is also
 * merged in for people and collectives (facts the Office confirmed at appraisal).
 */
export async function subjectFor(tx: Executor, c: Pick<CandidateRow, 'subjectKind' | 'personId' | 'subjectUnitId' | 'subjectData'>): Promise<SubjectInput> {
  const extra = (c.subjectData ?? {}) as Partial<SubjectInput>;
  const kind = c.subjectKind as SubjectKind;
  if (c.personId) {
    const base = await memberRecords(tx, [c.personId]);
    const mine = base.get(c.personId) ?? {};
    const inits = await tx
      .select({ year: initiatives.year, scope: initiatives.scope, used: initiatives.usedForAwardId })
      .from(initiativeAuthors)
      .innerJoin(initiatives, eq(initiatives.id, initiativeAuthors.initiativeId))
      .where(eq(initiativeAuthors.personId, c.personId));
    const facts = await tx.select().from(subjectFacts).where(eq(subjectFacts.personId, c.personId));
    return merge({ kind, ...mine, initiatives: inits.map((i): InitiativeEntry => ({ year: i.year, scope: i.scope as InitiativeScope, used: i.used !== null })), facts: facts.map((f): FactEntry => ({ year: f.year, fact: f.fact as Fact })) }, extra);
  }
  if (c.subjectUnitId) {
    const uid = c.subjectUnitId;
    const [ratings, honors, discs, facts, inits, staff] = await inTurn(
      () => tx.select().from(qualityRatings).where(eq(qualityRatings.unitId, uid)),
      () => tx.select().from(honorAwards).where(and(eq(honorAwards.unitId, uid), eq(honorAwards.revoked, false))),
      () => tx.select().from(disciplineRecords).where(eq(disciplineRecords.unitId, uid)),
      () => tx.select().from(subjectFacts).where(eq(subjectFacts.unitId, uid)),
      () => tx.select().from(initiatives).where(eq(initiatives.unitId, uid)),
      () => tx.select({ id: people.id }).from(people).where(and(eq(people.unitId, uid), eq(people.active, true))));
    const members = await memberRecords(tx, staff.map((s) => s.id));
    return merge(
      {
        kind,
        ratings: ratings.map((r): RatingEntry => ({ year: r.year, rating: r.rating as Rating })),
        honors: honors.map((h): HonorEntry => ({ year: h.year, honor: h.honor as Honor, type: h.type as CommendationType })),
        disciplines: discs.map((d): DisciplineEntry => ({ year: d.year, level: d.level as Discipline })),
        facts: facts.map((f): FactEntry => ({ year: f.year, fact: f.fact as Fact })),
        initiatives: inits.map((i): InitiativeEntry => ({ year: i.year, scope: i.scope as InitiativeScope, used: i.usedForAwardId !== null })),
        members: staff.map((s) => members.get(s.id) ?? {}),
      },
      extra,
    );
  }
  return merge({ kind }, extra);
}

function merge(base: SubjectInput, extra: Partial<SubjectInput>): SubjectInput {
  return {
    ...base,
    ratings: [...(base.ratings ?? []), ...(extra.ratings ?? [])],
    honors: [...(base.honors ?? []), ...(extra.honors ?? [])],
    disciplines: [...(base.disciplines ?? []), ...(extra.disciplines ?? [])],
    initiatives: [...(base.initiatives ?? []), ...(extra.initiatives ?? [])],
    facts: [...(base.facts ?? []), ...(extra.facts ?? [])],
    ...(base.members || extra.members ? { members: [...(base.members ?? []), ...(extra.members ?? [])] } : {}),
  };
}

async function memberRecords(tx: Executor, personIds: string[]): Promise<Map<string, MemberInput>> {
  const out = new Map<string, MemberInput>();
  if (personIds.length === 0) return out;
  const [ratings, honors, discs] = await inTurn(
    () => tx.select().from(qualityRatings).where(inArray(qualityRatings.personId, personIds)),
    () => tx.select().from(honorAwards).where(and(inArray(honorAwards.personId, personIds), eq(honorAwards.revoked, false))),
    () => tx.select().from(disciplineRecords).where(inArray(disciplineRecords.personId, personIds)));
  const get = (id: string) => {
    let m = out.get(id);
    if (!m) out.set(id, (m = { ratings: [], honors: [], disciplines: [] }));
    return m;
  };
  for (const r of ratings) get(r.personId!).ratings!.push({ year: r.year, rating: r.rating as Rating });
  for (const h of honors) get(h.personId!).honors!.push({ year: h.year, honor: h.honor as Honor, type: h.type as CommendationType });
  for (const d of discs) get(d.personId!).disciplines!.push({ year: d.year, level: d.level as Discipline });
  return out;
}

export async function unitName(tx: Executor, id: string): Promise<string> {
  const [u] = await tx.select({ name: units.name }).from(units).where(eq(units.id, id));
  return u?.name ?? '';
}
