/** Queries on petitions (thắc mắc, kiến nghị, khiếu nại, tố cáo), their history, attachments and the portal's challenges. */
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.js';
import { accounts, petitionAttachments, petitionChallenges, petitionEvents, petitions, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { petitionReachOf } from '../policies/petition.js';
import { unitIdInScope } from './scope.js';
import { StaleVersion } from '../errors.js';

export type PetitionRow = typeof petitions.$inferSelect;
export type PetitionInsert = typeof petitions.$inferInsert;
export type PetitionEventRow = typeof petitionEvents.$inferSelect;
export type PetitionAttachmentMeta = Omit<typeof petitionAttachments.$inferSelect, 'data'>;
export type PetitionWithNames = { petition: PetitionRow; unitName: string; handlerName: string | null };

const handler = alias(accounts, 'handler');
const withNames = { petition: petitions, unitName: units.name, handlerName: handler.displayName };

/** The petitions the actor reaches: the Office its unit subtree's; anyone else the cases they sent or handle. */
function visible(actor: Actor): SQL {
  const reach = petitionReachOf(actor);
  const own = or(eq(petitions.submittedBy, reach.accountId), eq(petitions.handlerId, reach.accountId)) as SQL;
  return reach.kind === 'office' ? (or(own, unitIdInScope({ unitPath: reach.unitPath }, petitions.unitId)) as SQL) : own;
}

export async function insertPetition(tx: Executor, row: PetitionInsert): Promise<PetitionRow> {
  const [r] = await tx.insert(petitions).values(row).returning();
  return r!;
}

export async function insertPetitionAttachments(tx: Executor, petitionId: string, files: { fileName: string; mime: string; data: Buffer }[]): Promise<void> {
  if (!files.length) return;
  await tx.insert(petitionAttachments).values(files.map((f) => ({ petitionId, fileName: f.fileName, mime: f.mime, size: f.data.length, data: f.data })));
}

export async function insertPetitionEvent(
  tx: Executor,
  e: { petitionId: string; kind: string; text?: string | null; actorId?: string | null; byPetitioner?: boolean; at: Date },
): Promise<void> {
  await tx.insert(petitionEvents).values({ ...e, text: e.text ?? null, actorId: e.actorId ?? null, byPetitioner: e.byPetitioner ?? false });
}

export async function findVisiblePetition(tx: Executor, actor: Actor, id: string): Promise<PetitionWithNames | undefined> {
  const [row] = await tx
    .select(withNames)
    .from(petitions)
    .innerJoin(units, eq(units.id, petitions.unitId))
    .leftJoin(handler, eq(handler.id, petitions.handlerId))
    .where(and(eq(petitions.id, id), visible(actor)));
  return row;
}

/** A petition by its public tracking id (the portal; the secret half of the code is checked by the caller). */
export async function unsafeFindPetitionByTracking(tx: Executor, trackingId: string): Promise<PetitionWithNames | undefined> {
  const [row] = await tx
    .select(withNames)
    .from(petitions)
    .innerJoin(units, eq(units.id, petitions.unitId))
    .leftJoin(handler, eq(handler.id, petitions.handlerId))
    .where(eq(petitions.trackingId, trackingId));
  return row;
}

export interface PetitionFilter {
  /** Only the cases the actor sent ("Kiến nghị của tôi"). */
  mine?: boolean | undefined;
  /** Only the cases assigned to the actor. */
  assignedToMe?: boolean | undefined;
  status?: string | undefined;
  kind?: string | undefined;
  /** Open cases past their due date on `today`. */
  overdueOn?: string | undefined;
  page: number;
  pageSize: number;
}

const OPEN_STATUSES = ['received', 'assigned', 'info_requested'];

export async function listVisiblePetitions(
  tx: Executor,
  actor: Actor,
  f: PetitionFilter,
): Promise<{ rows: PetitionWithNames[]; total: number; overdue: number; today: string | undefined }> {
  const conds: SQL[] = [visible(actor)];
  if (f.mine) conds.push(eq(petitions.submittedBy, actor.accountId));
  if (f.assignedToMe) conds.push(eq(petitions.handlerId, actor.accountId));
  if (f.status === 'open') conds.push(inArray(petitions.status, OPEN_STATUSES));
  else if (f.status) conds.push(eq(petitions.status, f.status));
  if (f.kind) conds.push(eq(petitions.kind, f.kind));
  const base = and(...conds);
  const where = f.overdueOn ? and(base, inArray(petitions.status, OPEN_STATUSES), lt(petitions.dueDate, f.overdueOn)) : base;
  const rows = await tx
    .select(withNames)
    .from(petitions)
    .innerJoin(units, eq(units.id, petitions.unitId))
    .leftJoin(handler, eq(handler.id, petitions.handlerId))
    .where(where)
    .orderBy(
      asc(sql`case when ${petitions.status} in ('received','assigned','info_requested') then 0 else 1 end`),
      asc(petitions.dueDate),
      desc(petitions.createdAt),
    )
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [total] = await tx.select({ n: count() }).from(petitions).where(where);
  return { rows, total: Number(total?.n ?? 0), overdue: 0, today: f.overdueOn };
}

/** Open cases past their due date among those the actor reaches. */
export async function countOverduePetitions(tx: Executor, actor: Actor, today: string): Promise<number> {
  const [r] = await tx
    .select({ n: count() })
    .from(petitions)
    .where(and(visible(actor), inArray(petitions.status, OPEN_STATUSES), lt(petitions.dueDate, today)));
  return Number(r?.n ?? 0);
}

/** Updates a petition at the version read (optimistic lock): a stale version refuses. */
export async function updatePetition(tx: Executor, id: string, version: number, set: Partial<PetitionInsert>): Promise<PetitionRow> {
  const [r] = await tx
    .update(petitions)
    .set({ ...set, version: version + 1 })
    .where(and(eq(petitions.id, id), eq(petitions.version, version)))
    .returning();
  if (!r) throw new StaleVersion('Đơn vừa được người khác cập nhật. Hãy tải lại trang.');
  return r;
}

export async function petitionEventsOf(tx: Executor, petitionId: string) {
  return tx
    .select({ event: petitionEvents, actorName: accounts.displayName })
    .from(petitionEvents)
    .leftJoin(accounts, eq(accounts.id, petitionEvents.actorId))
    .where(eq(petitionEvents.petitionId, petitionId))
    .orderBy(asc(petitionEvents.at));
}

export async function petitionAttachmentsOf(tx: Executor, petitionId: string): Promise<PetitionAttachmentMeta[]> {
  return tx
    .select({
      id: petitionAttachments.id,
      petitionId: petitionAttachments.petitionId,
      fileName: petitionAttachments.fileName,
      mime: petitionAttachments.mime,
      size: petitionAttachments.size,
      createdAt: petitionAttachments.createdAt,
    })
    .from(petitionAttachments)
    .where(eq(petitionAttachments.petitionId, petitionId))
    .orderBy(asc(petitionAttachments.createdAt));
}

/** One attachment of a petition already found within the actor's reach. */
export async function unsafeFindPetitionAttachment(tx: Executor, petitionId: string, attachmentId: string) {
  const [r] = await tx
    .select()
    .from(petitionAttachments)
    .where(and(eq(petitionAttachments.petitionId, petitionId), eq(petitionAttachments.id, attachmentId)));
  return r;
}

/** Open petitions that hold a candidate (a complaint about a public notice, not yet answered). */
export async function holdingPetitionsOfCandidate(tx: Executor, candidateId: string): Promise<PetitionRow[]> {
  return tx
    .select()
    .from(petitions)
    .where(and(eq(petitions.candidateId, candidateId), eq(petitions.holdsSubject, true), inArray(petitions.status, OPEN_STATUSES)));
}

/** Open petitions that hold a decision's execution. */
export async function holdingPetitionsOfDecision(tx: Executor, decisionId: string): Promise<PetitionRow[]> {
  return tx
    .select()
    .from(petitions)
    .where(and(eq(petitions.decisionId, decisionId), eq(petitions.holdsSubject, true), inArray(petitions.status, OPEN_STATUSES)));
}

/** Public petitions from one address since `since`, counted under a transaction lock on the address so parallel posts queue. */
export async function countRecentPublicPetitions(tx: Executor, clientKey: string, since: Date): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`petition:${clientKey}`}))`);
  const [r] = await tx
    .select({ n: count() })
    .from(petitions)
    .where(and(eq(petitions.clientKey, clientKey), gte(petitions.createdAt, since)));
  return Number(r?.n ?? 0);
}

export async function insertPetitionChallenge(tx: Executor, c: { nonceHash: string; difficulty: number; expiresAt: Date }, at: Date): Promise<void> {
  await tx.insert(petitionChallenges).values({ ...c, createdAt: at });
}

/** Marks a challenge used; its difficulty, or undefined when unknown, used or expired. */
export async function consumePetitionChallenge(tx: Executor, nonceHash: string, at: Date): Promise<number | undefined> {
  const [row] = await tx
    .update(petitionChallenges)
    .set({ usedAt: at })
    .where(and(eq(petitionChallenges.nonceHash, nonceHash), isNull(petitionChallenges.usedAt), gt(petitionChallenges.expiresAt, at)))
    .returning({ difficulty: petitionChallenges.difficulty });
  return row?.difficulty;
}

/** Accounts of the unit subtree that may be assigned a case (the Office's, and the head's). */
export async function listAssignableAccounts(tx: Executor, actor: Actor, roles: readonly string[]) {
  return tx
    .select({ id: accounts.id, displayName: accounts.displayName, role: accounts.role })
    .from(accounts)
    .where(and(inArray(accounts.role, [...roles]), unitIdInScope(actor, accounts.unitId), eq(accounts.active, true)))
    .orderBy(asc(accounts.displayName));
}

/** An account by id within the actor's unit subtree (an assignee). */
export async function findAssignableAccount(tx: Executor, actor: Actor, id: string, roles: readonly string[]) {
  const [r] = await tx
    .select({ id: accounts.id, displayName: accounts.displayName, role: accounts.role })
    .from(accounts)
    .where(and(eq(accounts.id, id), inArray(accounts.role, [...roles]), unitIdInScope(actor, accounts.unitId), eq(accounts.active, true)));
  return r;
}

const publicAgency = and(eq(units.kind, 'agency'), eq(units.active, true), isNull(units.mergedIntoId));

/**
 * The agencies a citizen may address a petition to from the portal: every active agency (kind
 * `agency`, not merged into another) of the installation, the province's Sở and UBND alike; names
 * only. A public list by design (the portal), so it ignores any actor's scope.
 */
export async function listPublicPetitionAgencies(tx: Executor): Promise<{ id: string; name: string }[]> {
  return tx.select({ id: units.id, name: units.name }).from(units).where(publicAgency).orderBy(asc(units.depth), asc(units.sortOrder), asc(units.name));
}

/** One agency of that list (the portal's choice, checked when the petition is sent). */
export async function findPublicPetitionAgency(tx: Executor, id: string): Promise<{ id: string; path: string } | undefined> {
  const [r] = await tx
    .select({ id: units.id, path: units.path })
    .from(units)
    .where(and(eq(units.id, id), publicAgency));
  return r;
}
