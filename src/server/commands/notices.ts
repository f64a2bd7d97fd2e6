import type { Db } from '../db/client.js';
import type { CommandContext } from './run.js';
import { loadCalendar } from '../repositories/dossiers.js';
import { listVisibleCandidates } from '../repositories/candidates.js';
import { answerCommentRow, findVisibleNotice, insertComment, insertNotice, noticeListsCandidate, unsafeFindNotice, type NoticeCommentRow, type NoticeRow } from '../repositories/notices.js';
import { badRequest, conflict, domainError, notFound } from '../errors.js';
import { now, todayVn } from '../clock.js';
import { recordAudit } from '../audit/record.js';
import { addDays, addWorkingDays } from '../../shared/working-days.js';
import { NOTICE_MIN_WORKING_DAYS, NOTICE_REQUIRED_HONORS } from '../../shared/dossiers.js';
import { HONOR_INFO, type Honor } from '../../shared/codes.js';
import { formatDateVi } from '../../shared/format-vi.js';

export type { NoticeRow } from '../repositories/notices.js';

/** The notice is shorter than the law requires for one of its honors. */
export const NoticeTooShort = domainError('NoticeTooShort', 'invalid', 'notice_too_short');
/** The notice is not open for comments today. */
export const NoticeClosed = domainError('NoticeClosed', 'conflict', 'notice_closed');

/** Posts nominees on the public portal for N working days (Law Art 84 k5; ND98 Art 46 k2: at least 10 for orders and state titles). */
export async function postNotice(ctx: CommandContext, input: { candidateIds: string[]; title: string; body?: string | null | undefined; startDate?: string | undefined; workingDays: number }): Promise<NoticeRow> {
  const ids = [...new Set(input.candidateIds)];
  if (!ids.length) throw badRequest('Hãy chọn các đề nghị cần công khai.');
  const rows = await listVisibleCandidates(ctx.tx, ctx.actor, ids);
  if (rows.length !== ids.length) throw notFound('Không tìm thấy một số đề nghị được chọn.');
  for (const r of rows) {
    if (r.candidate.outcome !== 'pending') throw conflict(`${r.candidate.displayName} đã được xử lý, không công khai nữa.`);
    if (NOTICE_REQUIRED_HONORS.includes(r.candidate.honor as Honor) && input.workingDays < NOTICE_MIN_WORKING_DAYS) {
      throw new NoticeTooShort(`${HONOR_INFO[r.candidate.honor as Honor].label} phải công khai ít nhất ${NOTICE_MIN_WORKING_DAYS} ngày làm việc.`);
    }
  }
  const startDate = input.startDate ?? todayVn();
  const cal = await loadCalendar(ctx.tx);
  // N working days counted from the start day itself.
  const endDate = addWorkingDays(cal, addDays(startDate, -1), input.workingDays);
  const n = await insertNotice(ctx.tx, { unitId: ctx.actor.unitId, title: input.title.trim(), body: input.body?.trim() || null, startDate, endDate, workingDays: input.workingDays, postedBy: ctx.actor.accountId, postedAt: now() }, ids);
  await ctx.audit({ action: 'notice.posted', entityType: 'notice', entityId: n.id, unitId: n.unitId, summary: `Công khai "${n.title}" (${ids.length} đề nghị) từ ${formatDateVi(startDate)} đến hết ${formatDateVi(endDate)} (${input.workingDays} ngày làm việc)` });
  return n;
}

/**
 * A comment from the public portal (no account, hence its own transaction and an anonymous audit
 * source rather than `runCommand`): accepted only while the notice is open.
 */
export async function addPublicComment(db: Db, noticeId: string, input: { authorName: string; authorContact?: string | null | undefined; content: string; candidateId?: string | null | undefined }, ip: string): Promise<NoticeCommentRow> {
  return db.transaction(async (tx) => {
    const found = await unsafeFindNotice(tx, noticeId);
    if (!found) throw notFound('Không tìm thấy thông báo công khai.');
    const n = found.notice;
    const today = todayVn();
    if (today < n.startDate || today > n.endDate) throw new NoticeClosed(`Thời gian lấy ý kiến là từ ${formatDateVi(n.startDate)} đến hết ${formatDateVi(n.endDate)}.`);
    if (input.candidateId && !(await noticeListsCandidate(tx, n.id, input.candidateId))) throw badRequest('Người/tập thể được góp ý không có trong danh sách công khai này.');
    const c = await insertComment(tx, { noticeId: n.id, candidateId: input.candidateId ?? null, authorName: input.authorName.trim(), authorContact: input.authorContact?.trim() || null, content: input.content.trim(), createdAt: now() });
    await recordAudit(tx, { username: 'cong-khai', ip }, { action: 'notice.comment_received', entityType: 'notice', entityId: n.id, unitId: n.unitId, summary: `Ý kiến góp ý của "${c.authorName}" về "${n.title}"` });
    return c;
  });
}

export async function answerComment(ctx: CommandContext, noticeId: string, commentId: string, answer: string): Promise<NoticeCommentRow> {
  const found = await findVisibleNotice(ctx.tx, ctx.actor, noticeId);
  if (!found) throw notFound('Không tìm thấy thông báo công khai.');
  const n = found.notice;
  const c = await answerCommentRow(ctx.tx, n.id, commentId, { answer: answer.trim(), answeredBy: ctx.actor.accountId, answeredAt: now() });
  if (!c) throw notFound('Không tìm thấy ý kiến góp ý.');
  await ctx.audit({ action: 'notice.comment_answered', entityType: 'notice', entityId: n.id, unitId: n.unitId, summary: `Trả lời ý kiến của "${c.authorName}" về "${n.title}"` });
  return c;
}
