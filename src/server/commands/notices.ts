import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { dossierCandidates, dossiers, publicNoticeComments, publicNoticeItems, publicNotices, units } from '../db/schema/index.js';
import type { Executor } from '../db/client.js';
import type { CommandContext } from './run.js';
import { dossierVisible, loadCalendar } from '../repositories/dossiers.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { now, todayVn } from '../clock.js';
import { recordAudit } from '../audit/record.js';
import { addDays, addWorkingDays } from '../../shared/working-days.js';
import { NOTICE_MIN_WORKING_DAYS, NOTICE_REQUIRED_HONORS } from '../../shared/dossiers.js';
import { HONOR_INFO, type Honor } from '../../shared/codes.js';
import { formatDateVi } from '../../shared/format-vi.js';
import { unitIdInScope } from '../policies/scope.js';
import type { Actor } from '../auth/actor.js';

export type NoticeRow = typeof publicNotices.$inferSelect;

/** Posts nominees on the public portal for N working days (Law Art 84 k5; ND98 Art 46 k2: at least 10 for orders and state titles). */
export async function postNotice(ctx: CommandContext, input: { candidateIds: string[]; title: string; body?: string | null | undefined; startDate?: string | undefined; workingDays: number }): Promise<NoticeRow> {
  const ids = [...new Set(input.candidateIds)];
  if (!ids.length) throw badRequest('Hãy chọn các đề nghị cần công khai.');
  const rows = await ctx.tx.select({ candidate: dossierCandidates, dossier: dossiers }).from(dossierCandidates).innerJoin(dossiers, eq(dossiers.id, dossierCandidates.dossierId)).where(and(inArray(dossierCandidates.id, ids), dossierVisible(ctx.actor)));
  if (rows.length !== ids.length) throw notFound('Không tìm thấy một số đề nghị được chọn.');
  for (const r of rows) {
    if (r.candidate.outcome !== 'pending') throw conflict(`${r.candidate.displayName} đã được xử lý, không công khai nữa.`);
    if (NOTICE_REQUIRED_HONORS.includes(r.candidate.honor as Honor) && input.workingDays < NOTICE_MIN_WORKING_DAYS) {
      throw badRequest(`${HONOR_INFO[r.candidate.honor as Honor].label} phải công khai ít nhất ${NOTICE_MIN_WORKING_DAYS} ngày làm việc.`);
    }
  }
  const startDate = input.startDate ?? todayVn();
  const cal = await loadCalendar(ctx.tx);
  // N working days counted from the start day itself.
  const endDate = addWorkingDays(cal, addDays(startDate, -1), input.workingDays);
  const [n] = await ctx.tx
    .insert(publicNotices)
    .values({ unitId: ctx.actor.unitId, title: input.title.trim(), body: input.body?.trim() || null, startDate, endDate, workingDays: input.workingDays, postedBy: ctx.actor.accountId, postedAt: now() })
    .returning();
  await ctx.tx.insert(publicNoticeItems).values(ids.map((candidateId) => ({ noticeId: n!.id, candidateId })));
  await ctx.audit({ action: 'notice.posted', entityType: 'notice', entityId: n!.id, unitId: n!.unitId, summary: `Công khai "${n!.title}" (${ids.length} đề nghị) từ ${formatDateVi(startDate)} đến hết ${formatDateVi(endDate)} (${input.workingDays} ngày làm việc)` });
  return n!;
}

/** Public notices open today (the portal shows them without signing in). */
export async function activeNotices(tx: Executor) {
  const today = todayVn();
  return tx.select().from(publicNotices).where(and(lte(publicNotices.startDate, today), gte(publicNotices.endDate, today))).orderBy(asc(publicNotices.endDate)).limit(100);
}

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

export async function findVisibleNotice(tx: Executor, actor: Actor, id: string) {
  const [n] = await tx.select().from(publicNotices).where(and(eq(publicNotices.id, id), unitIdInScope(actor, publicNotices.unitId)));
  return n;
}

/** A comment from the public portal (no account): accepted only while the notice is open. */
export async function addPublicComment(db: Executor, noticeId: string, input: { authorName: string; authorContact?: string | null | undefined; content: string; candidateId?: string | null | undefined }, ip: string) {
  return db.transaction(async (tx) => {
    const [n] = await tx.select().from(publicNotices).where(eq(publicNotices.id, noticeId));
    if (!n) throw notFound('Không tìm thấy thông báo công khai.');
    const today = todayVn();
    if (today < n.startDate || today > n.endDate) throw conflict(`Thời gian lấy ý kiến là từ ${formatDateVi(n.startDate)} đến hết ${formatDateVi(n.endDate)}.`);
    if (input.candidateId) {
      const [it] = await tx.select().from(publicNoticeItems).where(and(eq(publicNoticeItems.noticeId, n.id), eq(publicNoticeItems.candidateId, input.candidateId)));
      if (!it) throw badRequest('Người/tập thể được góp ý không có trong danh sách công khai này.');
    }
    const [c] = await tx.insert(publicNoticeComments).values({ noticeId: n.id, candidateId: input.candidateId ?? null, authorName: input.authorName.trim(), authorContact: input.authorContact?.trim() || null, content: input.content.trim(), createdAt: now() }).returning();
    await recordAudit(tx, { username: 'cong-khai', ip }, { action: 'notice.comment_received', entityType: 'notice', entityId: n.id, unitId: n.unitId, summary: `Ý kiến góp ý của "${c!.authorName}" về "${n.title}"` });
    return c!;
  });
}

export async function answerComment(ctx: CommandContext, noticeId: string, commentId: string, answer: string) {
  const n = await findVisibleNotice(ctx.tx, ctx.actor, noticeId);
  if (!n) throw notFound('Không tìm thấy thông báo công khai.');
  const [c] = await ctx.tx
    .update(publicNoticeComments)
    .set({ answer: answer.trim(), answeredBy: ctx.actor.accountId, answeredAt: now() })
    .where(and(eq(publicNoticeComments.id, commentId), eq(publicNoticeComments.noticeId, n.id)))
    .returning();
  if (!c) throw notFound('Không tìm thấy ý kiến góp ý.');
  await ctx.audit({ action: 'notice.comment_answered', entityType: 'notice', entityId: n.id, unitId: n.unitId, summary: `Trả lời ý kiến của "${c.authorName}" về "${n.title}"` });
  return c;
}
