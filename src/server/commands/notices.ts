import { createHash, randomBytes } from 'node:crypto';
import { notifyWorkflow } from './notify.js';
import type { Db, Executor } from '../db/client.js';
import type { CommandContext } from './run.js';
import { loadCalendar } from '../repositories/dossiers.js';
import { listVisibleCandidates } from '../repositories/candidates.js';
import {
  answerCommentRow,
  consumeChallenge,
  countRecentComments,
  findVisibleNotice,
  insertChallenge,
  insertComment,
  insertNotice,
  markNoticeReplaced,
  markNoticeWithdrawn,
  noticeCandidateIds,
  noticeListsCandidate,
  setCommentsAside,
  unsafeFindNotice,
  type NoticeCommentRow,
  type NoticeRow,
} from '../repositories/notices.js';
import { badRequest, conflict, domainError, notFound } from '../errors.js';
import { CHALLENGE_TTL_MS, challengeDifficulty, PUBLIC_COMMENT_LIMIT, PUBLIC_COMMENT_WINDOW_MS, type CommentDisposition } from '../policies/notice.js';
import { leadingZeroBits, proofInput } from '../../shared/proof-of-work.js';
import { now, todayVn } from '../clock.js';
import { recordAudit } from '../audit/record.js';
import { windowEnd, windowLength } from '../deadlines/window.js';
import { publicNotice } from '../rules/index.js';
import { governingPack } from '../records/eligibility.js';
import { HONOR_INFO, type Honor } from '../../shared/codes.js';
import { noticeHasOpenComment, noticesOfCandidate } from '../repositories/decisions.js';
import { holdingPetitionsOfCandidate } from '../repositories/petitions.js';
import type { RulePack } from '../rules/index.js';
import { formatDateVi } from '../../shared/format-vi.js';

export type { NoticeRow } from '../repositories/notices.js';

/** The notice is shorter than the law requires for one of its honors. */
export const NoticeTooShort = domainError('NoticeTooShort', 'invalid', 'notice_too_short');
/** A candidate's public notice is still running, or a comment is unanswered, or a required notice is missing. */
export const NoticeNotDone = domainError('NoticeNotDone', 'conflict', 'notice_not_done');
/** The notice was replaced or withdrawn: it cannot be replaced or withdrawn again. */
export const NoticeNotPosted = domainError('NoticeNotPosted', 'conflict', 'notice_not_posted');
/** The notice is not open for comments today. */
export const NoticeClosed = domainError('NoticeClosed', 'conflict', 'notice_closed');
/** One address sent too many comments on a notice lately. */
export const TooManyComments = domainError('TooManyComments', 'rate_limited', 'too_many_comments');
/** The proof-of-work challenge is missing, unknown, used, expired or not solved. */
export const ChallengeFailed = domainError('ChallengeFailed', 'invalid', 'challenge_failed');

const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The key a sender's address is counted under: its hash, so the table never holds addresses. */
export const clientKeyOf = (ip: string): string => sha256Hex(`tdkt-comment:${ip}`);

async function openNotice(tx: Executor, noticeId: string): Promise<NoticeRow> {
  const found = await unsafeFindNotice(tx, noticeId);
  if (!found) throw notFound('Không tìm thấy thông báo công khai.');
  const n = found.notice;
  if (n.status === 'withdrawn') throw new NoticeClosed(`Thông báo "${n.title}" đã bị thu hồi: không nhận ý kiến góp ý nữa.`);
  if (n.status === 'replaced') throw new NoticeClosed(`Thông báo "${n.title}" đã được thay thế bằng thông báo khác: hãy góp ý vào thông báo mới.`);
  const today = todayVn();
  if (today < n.startDate || today > n.endDate)
    throw new NoticeClosed(`Thời gian lấy ý kiến là từ ${formatDateVi(n.startDate)} đến hết ${formatDateVi(n.endDate)}.`);
  return n;
}

/** Hands out a proof-of-work challenge for a comment on an open notice: a random nonce, kept only as its hash. */
export async function issueCommentChallenge(db: Db, noticeId: string): Promise<{ nonce: string; difficulty: number; expiresAt: Date }> {
  return db.transaction(async (tx) => {
    await openNotice(tx, noticeId);
    const nonce = randomBytes(16).toString('hex');
    const at = now();
    const expiresAt = new Date(at.getTime() + CHALLENGE_TTL_MS);
    const difficulty = challengeDifficulty();
    await insertChallenge(tx, { nonceHash: sha256Hex(nonce), noticeId, difficulty, expiresAt }, at);
    return { nonce, difficulty, expiresAt };
  });
}

/**
 * Why a nominee's public notice is not done by `date` (null when it is): a complaint holding it, no notice
 * where the pack requires one for `honor`, a notice still running, or a comment unanswered. `candidateIds`
 * are the nominee's rows whose notices count: the candidate and, for an upward copy, the unit's candidate it
 * came from. `before` ends the missing-notice sentence ("trước khi quyết định", "trước khi trình cấp trên").
 */
export async function noticeShortfall(
  tx: Executor,
  pack: RulePack,
  nominee: { displayName: string; honor: Honor },
  candidateIds: string[],
  date: string,
  before: string,
): Promise<string | null> {
  // One query after another: `tx` may be a transaction (never Promise.all on it).
  const holds: Awaited<ReturnType<typeof holdingPetitionsOfCandidate>> = [];
  const byId = new Map<string, Awaited<ReturnType<typeof noticesOfCandidate>>[number]>();
  for (const id of candidateIds) {
    holds.push(...(await holdingPetitionsOfCandidate(tx, id)));
    // A withdrawn notice does not count as a notice; a replaced one counts through its successor (its comments still wait for answers).
    for (const n of await noticesOfCandidate(tx, id)) if (n.status !== 'withdrawn') byId.set(n.id, n);
  }
  if (holds.length)
    return `${nominee.displayName} đang tạm dừng xét: còn ${holds.length} đơn khiếu nại, tố cáo chưa được trả lời (hạn ${formatDateVi(holds[0]!.dueDate)}).`;
  const rule = publicNotice(pack, nominee.honor);
  if (!byId.size && rule.required)
    return `${nominee.displayName}: ${HONOR_INFO[nominee.honor].label} phải được công khai lấy ý kiến ${before}${rule.article ? ` (${rule.article})` : ''}.`;
  if (![...byId.values()].some((n) => n.status === 'posted') && rule.required)
    return `${nominee.displayName}: ${HONOR_INFO[nominee.honor].label} phải được công khai lấy ý kiến ${before}${rule.article ? ` (${rule.article})` : ''}.`;
  for (const notice of byId.values()) {
    if (notice.status === 'posted' && (notice.endDate >= date || notice.endDate >= todayVn()))
      return `${nominee.displayName} đang trong thời gian công khai lấy ý kiến (đến hết ngày ${formatDateVi(notice.endDate)}).`;
    if (await noticeHasOpenComment(tx, notice.id)) return `${nominee.displayName}: còn ý kiến góp ý chưa được trả lời trong đợt công khai "${notice.title}".`;
  }
  return null;
}

/** A notice as the Office gives it: its window by two calendar dates, or from a day for N working days; its own number, date and issuer. */
export interface NoticeInput {
  candidateIds: string[];
  title: string;
  body?: string | null | undefined;
  startDate?: string | undefined;
  /** The last day of a window given by two calendar dates ("từ ngày … đến hết ngày …"). */
  endDate?: string | undefined;
  /** N working days counted from the start day itself (10 when neither this nor `endDate` is given). */
  workingDays?: number | undefined;
  number?: string | null | undefined;
  issuedDate?: string | null | undefined;
  issuer?: string | null | undefined;
}

async function createNotice(ctx: CommandContext, input: NoticeInput, replaces: NoticeRow | null): Promise<NoticeRow> {
  const ids = [...new Set(input.candidateIds)];
  if (!ids.length) throw badRequest('Hãy chọn các đề nghị cần công khai.');
  if (input.endDate && input.workingDays !== undefined)
    throw badRequest('Hãy cho thời gian công khai bằng hai ngày (từ ngày … đến hết ngày …) hoặc bằng số ngày làm việc, không cả hai.');
  const rows = await listVisibleCandidates(ctx.tx, ctx.actor, ids);
  if (rows.length !== ids.length) throw notFound('Không tìm thấy một số đề nghị được chọn.');
  const startDate = input.startDate ?? todayVn();
  if (input.endDate && input.endDate < startDate)
    throw badRequest(`Thời gian công khai không hợp lệ: ngày kết thúc ${formatDateVi(input.endDate)} trước ngày bắt đầu ${formatDateVi(startDate)}.`);
  const cal = await loadCalendar(ctx.tx);
  const byDates = !!input.endDate;
  // N working days counted from the start day itself; two dates are counted in working days for the law's minimum.
  const endDate = input.endDate ?? windowEnd(cal, startDate, input.workingDays ?? 10, 'working');
  const workingDays = byDates ? windowLength(cal, startDate, endDate, 'working') : (input.workingDays ?? 10);
  // The notice rules of the pack governing the posting unit on the start date (agency overrides included).
  const pack = await governingPack(ctx.tx, ctx.actor.unitPath, startDate);
  for (const r of rows) {
    if (r.candidate.outcome !== 'pending') throw conflict(`${r.candidate.displayName} đã được xử lý, không công khai nữa.`);
    const notice = publicNotice(pack, r.candidate.honor as Honor);
    if (notice.required && workingDays < notice.minWorkingDays) {
      throw new NoticeTooShort(
        `${HONOR_INFO[r.candidate.honor as Honor].label} phải công khai ít nhất ${notice.minWorkingDays} ngày làm việc${notice.article ? ` (${notice.article})` : ''}` +
          (byDates ? `; từ ngày ${formatDateVi(startDate)} đến hết ngày ${formatDateVi(endDate)} chỉ có ${workingDays} ngày làm việc.` : '.'),
      );
    }
  }
  const n = await insertNotice(
    ctx.tx,
    {
      unitId: ctx.actor.unitId,
      title: input.title.trim(),
      body: input.body?.trim() || null,
      startDate,
      endDate,
      workingDays,
      dayCountKind: byDates ? 'calendar' : 'working',
      number: input.number?.trim() || null,
      issuedDate: input.issuedDate ?? null,
      issuer: input.issuer?.trim() || null,
      replacesId: replaces?.id ?? null,
      postedBy: ctx.actor.accountId,
      postedAt: now(),
    },
    ids,
  );
  const window = `từ ${formatDateVi(startDate)} đến hết ${formatDateVi(endDate)} (${workingDays} ngày làm việc${byDates ? ', theo ngày' : ''})`;
  await ctx.audit({
    action: 'notice.posted',
    entityType: 'notice',
    entityId: n.id,
    unitId: n.unitId,
    summary: `Công khai "${n.title}"${n.number ? ` (số ${n.number})` : ''} (${ids.length} đề nghị) ${window}`,
    after: {
      number: n.number,
      issuedDate: n.issuedDate,
      issuer: n.issuer,
      startDate,
      endDate,
      workingDays,
      dayCountKind: n.dayCountKind,
      replacesId: n.replacesId,
    },
  });
  return n;
}

/** Posts nominees on the public portal (Law Art 84 k5; ND98 Art 46 k2: at least 10 working days for orders and state titles). */
export async function postNotice(ctx: CommandContext, input: NoticeInput): Promise<NoticeRow> {
  return createNotice(ctx, input, null);
}

async function ownNotice(ctx: CommandContext, id: string): Promise<NoticeRow> {
  const found = await findVisibleNotice(ctx.tx, ctx.actor, id);
  if (!found) throw notFound('Không tìm thấy thông báo công khai.');
  const n = found.notice;
  if (n.status === 'replaced') throw new NoticeNotPosted(`Thông báo "${n.title}" đã được thay thế: hãy thao tác trên thông báo thay thế.`);
  if (n.status === 'withdrawn') throw new NoticeNotPosted(`Thông báo "${n.title}" đã bị thu hồi.`);
  return n;
}

/**
 * Replaces a notice by a new one (a corrected list, a new window): the earlier is marked replaced and
 * links to its successor, its candidates carry over (with any added), its comments stay with it.
 */
export async function replaceNotice(
  ctx: CommandContext,
  id: string,
  input: Omit<NoticeInput, 'candidateIds'> & { candidateIds?: string[] | undefined },
): Promise<NoticeRow> {
  const old = await ownNotice(ctx, id);
  const carried = await noticeCandidateIds(ctx.tx, old.id);
  const n = await createNotice(ctx, { ...input, candidateIds: [...carried, ...(input.candidateIds ?? [])] }, old);
  const marked = await markNoticeReplaced(ctx.tx, old.id, n.id);
  if (!marked) throw new NoticeNotPosted(`Thông báo "${old.title}" vừa được người khác thay thế hoặc thu hồi.`);
  await ctx.audit({
    action: 'notice.replaced',
    entityType: 'notice',
    entityId: old.id,
    unitId: old.unitId,
    summary: `Thay thế thông báo "${old.title}"${old.number ? ` (số ${old.number})` : ''} bằng "${n.title}"${n.number ? ` (số ${n.number})` : ''}`,
    before: { status: old.status },
    after: { status: marked.status, replacedById: n.id },
  });
  return n;
}

/** Withdraws a notice (thu hồi) with its reason: the portal shows it as withdrawn and takes no more comments. */
export async function withdrawNotice(ctx: CommandContext, id: string, reason: string): Promise<NoticeRow> {
  const old = await ownNotice(ctx, id);
  const why = reason.trim();
  if (why.length < 3) throw badRequest('Hãy ghi lý do thu hồi thông báo.');
  const row = await markNoticeWithdrawn(ctx.tx, old.id, { withdrawnAt: now(), withdrawnBy: ctx.actor.accountId, withdrawnReason: why });
  if (!row) throw new NoticeNotPosted(`Thông báo "${old.title}" vừa được người khác thay thế hoặc thu hồi.`);
  await ctx.audit({
    action: 'notice.withdrawn',
    entityType: 'notice',
    entityId: row.id,
    unitId: row.unitId,
    summary: `Thu hồi thông báo "${row.title}"${row.number ? ` (số ${row.number})` : ''}: ${why}`,
    before: { status: old.status },
    after: { status: row.status, reason: why },
  });
  return row;
}

/**
 * A comment from the public portal (no account, hence its own transaction and an anonymous audit
 * source rather than `runCommand`): accepted only while the notice is open.
 */
export async function addPublicComment(
  db: Db,
  noticeId: string,
  input: {
    authorName: string;
    authorContact?: string | null | undefined;
    content: string;
    candidateId?: string | null | undefined;
    challenge: { nonce: string; solution: number };
  },
  ip: string,
): Promise<NoticeCommentRow> {
  return db.transaction(async (tx) => {
    const n = await openNotice(tx, noticeId);
    const at = now();
    const clientKey = clientKeyOf(ip);
    const recent = await countRecentComments(tx, n.id, clientKey, new Date(at.getTime() - PUBLIC_COMMENT_WINDOW_MS));
    if (recent >= PUBLIC_COMMENT_LIMIT)
      throw new TooManyComments(
        `Bạn đã gửi ${PUBLIC_COMMENT_LIMIT} ý kiến về thông báo này trong ${PUBLIC_COMMENT_WINDOW_MS / 60_000} phút qua. Hãy thử lại sau.`,
      );
    const difficulty = await consumeChallenge(tx, n.id, sha256Hex(input.challenge.nonce), at);
    if (difficulty === undefined) throw new ChallengeFailed('Mã xác minh đã hết hạn hoặc đã được dùng. Hãy tải lại trang và gửi lại.');
    if (leadingZeroBits(createHash('sha256').update(proofInput(input.challenge.nonce, input.challenge.solution)).digest()) < difficulty)
      throw new ChallengeFailed('Mã xác minh không đúng. Hãy tải lại trang và gửi lại.');
    if (input.candidateId && !(await noticeListsCandidate(tx, n.id, input.candidateId)))
      throw badRequest('Người/tập thể được góp ý không có trong danh sách công khai này.');
    const c = await insertComment(tx, {
      noticeId: n.id,
      candidateId: input.candidateId ?? null,
      authorName: input.authorName.trim(),
      authorContact: input.authorContact?.trim() || null,
      content: input.content.trim(),
      createdAt: at,
      clientKey,
    });
    await recordAudit(
      tx,
      { username: 'cong-khai', ip },
      {
        action: 'notice.comment_received',
        entityType: 'notice',
        entityId: n.id,
        unitId: n.unitId,
        summary: `Ý kiến góp ý của "${c.authorName}" về "${n.title}"`,
      },
    );
    await notifyWorkflow(
      tx,
      null,
      { officeOf: [n.unitId] },
      {
        key: `notice.comment:${c.id}`,
        title: `Góp ý mới cần trả lời: "${n.title}"`,
        body: `${c.authorName} góp ý: "${c.content.length > 300 ? `${c.content.slice(0, 300)}…` : c.content}". Hãy trả lời hoặc ghi nhận trước khi trình quyết định.`,
        link: `/lay-y-kien`,
      },
    );
    return c;
  });
}

export async function answerComment(ctx: CommandContext, noticeId: string, commentId: string, answer: string): Promise<NoticeCommentRow> {
  const found = await findVisibleNotice(ctx.tx, ctx.actor, noticeId);
  if (!found) throw notFound('Không tìm thấy thông báo công khai.');
  const n = found.notice;
  const c = await answerCommentRow(ctx.tx, n.id, commentId, { answer: answer.trim(), answeredBy: ctx.actor.accountId, answeredAt: now() });
  if (!c) throw notFound('Không tìm thấy ý kiến góp ý.');
  await ctx.audit({
    action: 'notice.comment_answered',
    entityType: 'notice',
    entityId: n.id,
    unitId: n.unitId,
    summary: `Trả lời ý kiến của "${c.authorName}" về "${n.title}"`,
  });
  return c;
}

/**
 * Sets public comments aside as spam or duplicates, answered collectively with one reason
 * (audited): they no longer wait for an answer, so a flood never blocks a decision.
 */
export async function setCommentsAsideCmd(
  ctx: CommandContext,
  noticeId: string,
  input: { commentIds: string[]; disposition: CommentDisposition; reason: string },
): Promise<NoticeCommentRow[]> {
  const found = await findVisibleNotice(ctx.tx, ctx.actor, noticeId);
  if (!found) throw notFound('Không tìm thấy thông báo công khai.');
  const n = found.notice;
  const ids = [...new Set(input.commentIds)];
  const label = input.disposition === 'spam' ? 'Ý kiến không hợp lệ (spam)' : 'Ý kiến trùng lặp';
  const rows = await setCommentsAside(ctx.tx, n.id, ids, {
    disposition: input.disposition,
    answer: `${label}: ${input.reason.trim()}`,
    answeredBy: ctx.actor.accountId,
    answeredAt: now(),
  });
  if (rows.length !== ids.length) throw notFound('Không tìm thấy một số ý kiến góp ý được chọn trong thông báo này.');
  await ctx.audit({
    action: 'notice.comments_set_aside',
    entityType: 'notice',
    entityId: n.id,
    unitId: n.unitId,
    summary: `Đánh dấu ${rows.length} ý kiến là ${input.disposition === 'spam' ? 'spam' : 'trùng lặp'} trong "${n.title}": ${input.reason.trim()}`,
  });
  return rows;
}
