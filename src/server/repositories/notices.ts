/** Queries on public notices (công khai lấy ý kiến), their items and comments. */
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { dossierCandidates, dossiers, publicNoticeChallenges, publicNoticeComments, publicNoticeItems, publicNotices, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { unitIdInScope } from './scope.js';

export type NoticeRow = typeof publicNotices.$inferSelect;
export type NoticeCommentRow = typeof publicNoticeComments.$inferSelect;
/** A notice with the name of the unit that posted it. */
export type NoticeWithUnit = { notice: NoticeRow; unitName: string };

const withUnit = { notice: publicNotices, unitName: units.name };

/** Notices open on `today` (the public portal: no account, no scope); replaced and withdrawn ones are not. */
export async function listOpenNotices(tx: Executor, today: string, limit = 100): Promise<NoticeWithUnit[]> {
  return tx
    .select(withUnit)
    .from(publicNotices)
    .innerJoin(units, eq(units.id, publicNotices.unitId))
    .where(and(lte(publicNotices.startDate, today), gte(publicNotices.endDate, today), eq(publicNotices.status, 'posted')))
    .orderBy(asc(publicNotices.endDate))
    .limit(limit);
}

/** A notice by id, whatever the scope: the public portal shows any notice by its link. */
export async function unsafeFindNotice(tx: Executor, id: string): Promise<NoticeWithUnit | undefined> {
  const [row] = await tx.select(withUnit).from(publicNotices).innerJoin(units, eq(units.id, publicNotices.unitId)).where(eq(publicNotices.id, id));
  return row;
}

/** A notice posted by a unit of the actor's subtree. */
export async function findVisibleNotice(tx: Executor, actor: Actor, id: string): Promise<NoticeWithUnit | undefined> {
  const [row] = await tx
    .select(withUnit)
    .from(publicNotices)
    .innerJoin(units, eq(units.id, publicNotices.unitId))
    .where(and(eq(publicNotices.id, id), unitIdInScope(actor, publicNotices.unitId)));
  return row;
}

/** The notices posted in the actor's subtree, newest first, one page, with their comment counts. */
export async function listVisibleNotices(tx: Executor, actor: Actor, page: { page: number; pageSize: number }) {
  const where = unitIdInScope(actor, publicNotices.unitId);
  const rows = await tx
    .select({ ...withUnit, commentCount: count(publicNoticeComments.id) })
    .from(publicNotices)
    .innerJoin(units, eq(units.id, publicNotices.unitId))
    .leftJoin(publicNoticeComments, eq(publicNoticeComments.noticeId, publicNotices.id))
    .where(where)
    .groupBy(publicNotices.id, units.name)
    .orderBy(desc(publicNotices.startDate), desc(publicNotices.postedAt))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [total] = await tx.select({ n: count() }).from(publicNotices).where(where);
  return { rows: rows.map((r) => ({ notice: r.notice, unitName: r.unitName, commentCount: Number(r.commentCount) })), total: Number(total?.n ?? 0) };
}

/** The candidates listed on a notice, with the unit of their dossier. */
export async function noticeItems(tx: Executor, noticeId: string) {
  return tx
    .select({ candidate: dossierCandidates, unitName: units.name })
    .from(publicNoticeItems)
    .innerJoin(dossierCandidates, eq(dossierCandidates.id, publicNoticeItems.candidateId))
    .innerJoin(dossiers, eq(dossiers.id, dossierCandidates.dossierId))
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .where(eq(publicNoticeItems.noticeId, noticeId))
    .orderBy(asc(dossierCandidates.displayName));
}

export async function commentsOf(tx: Executor, noticeId: string): Promise<NoticeCommentRow[]> {
  return tx.select().from(publicNoticeComments).where(eq(publicNoticeComments.noticeId, noticeId)).orderBy(asc(publicNoticeComments.createdAt));
}

export async function insertNotice(tx: Executor, values: typeof publicNotices.$inferInsert, candidateIds: string[]): Promise<NoticeRow> {
  const [n] = await tx.insert(publicNotices).values(values).returning();
  if (!n) throw new Error('insert public_notices: no row');
  await tx.insert(publicNoticeItems).values(candidateIds.map((candidateId) => ({ noticeId: n.id, candidateId })));
  return n;
}

export async function noticeListsCandidate(tx: Executor, noticeId: string, candidateId: string): Promise<boolean> {
  const [it] = await tx
    .select()
    .from(publicNoticeItems)
    .where(and(eq(publicNoticeItems.noticeId, noticeId), eq(publicNoticeItems.candidateId, candidateId)));
  return Boolean(it);
}

export async function insertComment(tx: Executor, values: typeof publicNoticeComments.$inferInsert): Promise<NoticeCommentRow> {
  const [c] = await tx.insert(publicNoticeComments).values(values).returning();
  if (!c) throw new Error('insert public_notice_comments: no row');
  return c;
}

/** Writes the answer to a comment of this notice; undefined when there is no such comment. */
export async function answerCommentRow(
  tx: Executor,
  noticeId: string,
  commentId: string,
  set: { answer: string; answeredBy: string; answeredAt: Date },
): Promise<NoticeCommentRow | undefined> {
  const [c] = await tx
    .update(publicNoticeComments)
    .set(set)
    .where(and(eq(publicNoticeComments.id, commentId), eq(publicNoticeComments.noticeId, noticeId)))
    .returning();
  return c;
}

// ------------------------------------------------------------------ flood protection (issue #20)

/** Stores a challenge (its nonce hashed) and drops the expired ones. */
export async function insertChallenge(tx: Executor, values: typeof publicNoticeChallenges.$inferInsert, at: Date): Promise<void> {
  await tx.delete(publicNoticeChallenges).where(lt(publicNoticeChallenges.expiresAt, at));
  await tx.insert(publicNoticeChallenges).values(values);
}

/** Marks an unexpired, unused challenge of this notice used (one UPDATE, so a nonce serves once); its difficulty, or undefined. */
export async function consumeChallenge(tx: Executor, noticeId: string, nonceHash: string, at: Date): Promise<number | undefined> {
  const [row] = await tx
    .update(publicNoticeChallenges)
    .set({ usedAt: at })
    .where(
      and(
        eq(publicNoticeChallenges.nonceHash, nonceHash),
        eq(publicNoticeChallenges.noticeId, noticeId),
        isNull(publicNoticeChallenges.usedAt),
        gt(publicNoticeChallenges.expiresAt, at),
      ),
    )
    .returning({ difficulty: publicNoticeChallenges.difficulty });
  return row?.difficulty;
}

/** Comments one sender address left on a notice since `since`, counted under a transaction lock on (notice, address) so parallel posts queue. */
export async function countRecentComments(tx: Executor, noticeId: string, clientKey: string, since: Date): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${noticeId}:${clientKey}`}))`);
  const [row] = await tx
    .select({ n: count() })
    .from(publicNoticeComments)
    .where(and(eq(publicNoticeComments.noticeId, noticeId), eq(publicNoticeComments.clientKey, clientKey), gte(publicNoticeComments.createdAt, since)));
  return Number(row?.n ?? 0);
}

/** Sets comments of this notice aside (spam, duplicate) with a collective answer; returns the rows changed. */
export async function setCommentsAside(
  tx: Executor,
  noticeId: string,
  ids: string[],
  set: { disposition: string; answer: string; answeredBy: string; answeredAt: Date },
): Promise<NoticeCommentRow[]> {
  return tx
    .update(publicNoticeComments)
    .set(set)
    .where(and(eq(publicNoticeComments.noticeId, noticeId), inArray(publicNoticeComments.id, ids)))
    .returning();
}

/** Marks a posted notice replaced by `successorId` (only while it is still posted); undefined when it was not. */
export async function markNoticeReplaced(tx: Executor, id: string, successorId: string): Promise<NoticeRow | undefined> {
  const [row] = await tx
    .update(publicNotices)
    .set({ status: 'replaced', replacedById: successorId })
    .where(and(eq(publicNotices.id, id), eq(publicNotices.status, 'posted')))
    .returning();
  return row;
}

/** Marks a posted notice withdrawn with its reason; undefined when it was not posted any more. */
export async function markNoticeWithdrawn(
  tx: Executor,
  id: string,
  set: { withdrawnAt: Date; withdrawnBy: string; withdrawnReason: string },
): Promise<NoticeRow | undefined> {
  const [row] = await tx
    .update(publicNotices)
    .set({ status: 'withdrawn', ...set })
    .where(and(eq(publicNotices.id, id), eq(publicNotices.status, 'posted')))
    .returning();
  return row;
}

/** The candidate ids a notice lists (carried over when it is replaced). */
export async function noticeCandidateIds(tx: Executor, noticeId: string): Promise<string[]> {
  const rows = await tx.select({ id: publicNoticeItems.candidateId }).from(publicNoticeItems).where(eq(publicNoticeItems.noticeId, noticeId));
  return rows.map((r) => r.id);
}

/** Number, title and status of the notices linked to one (its predecessor, its successor), by id. */
export async function unsafeNoticeHeaders(tx: Executor, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select({ id: publicNotices.id, title: publicNotices.title, number: publicNotices.number, status: publicNotices.status })
    .from(publicNotices)
    .where(inArray(publicNotices.id, ids));
}
