import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { NoticeCommentRow, NoticeWithUnit } from '../repositories/notices.js';
import type { CandidateRow } from '../repositories/dossiers.js';
import {
  COMMENT_DISPOSITIONS,
  NOTICE_ACTIONS,
  NOTICE_STATUS_LABELS,
  NOTICE_STATUSES,
  noticeActions,
  noticeOpen,
  type CommentDisposition,
  type NoticeStatus,
} from '../policies/notice.js';
import { DAY_COUNT_KINDS } from '../../shared/schemas/plans.js';
import { HONOR_INFO, awardWording, type Honor } from '../../shared/codes.js';
import { pageOf } from '../http/contract.js';

const noticeLinkSchema = z.object({ id: z.uuid(), title: z.string(), number: z.string().nullable() });
/** The notices a notice links to (its predecessor and successor), by id. */
export type NoticeLinks = Map<string, { id: string; title: string; number: string | null }>;

/** What the public sees of a notice: only what it needs to comment (name, position and unit, the honor proposed, the achievement summary). */
export const publicNoticeSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    body: z.string().nullable(),
    unitName: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    workingDays: z.number().int(),
    dayCountKind: z.enum(DAY_COUNT_KINDS).describe('Thời gian cho bằng số ngày làm việc (working) hay bằng hai ngày (calendar)'),
    number: z.string().nullable().describe('Số, ký hiệu của thông báo, ví dụ 08/TB-HĐTĐKT'),
    issuedDate: z.string().nullable(),
    issuer: z.string().nullable().describe('Cơ quan ban hành'),
    status: z.enum(NOTICE_STATUSES),
    statusLabel: z.string(),
    replaces: noticeLinkSchema.nullable().describe('Thông báo mà thông báo này thay thế'),
    replacedBy: noticeLinkSchema.nullable().describe('Thông báo thay thế thông báo này'),
    withdrawnAt: z.iso.datetime().nullable(),
    withdrawnReason: z.string().nullable(),
    open: z.boolean().describe('Đang trong thời gian lấy ý kiến'),
    items: z.array(
      z.object({
        candidateId: z.uuid(),
        displayName: z.string(),
        positionText: z.string().nullable(),
        unitName: z.string(),
        honorLabel: z.string(),
        achievement: z.string().nullable(),
        posthumous: z.boolean().describe('Truy tặng'),
        awardWording: z.string().describe('"Truy tặng danh hiệu Anh hùng Lao động" hoặc tên hình thức'),
      }),
    ),
  })
  .meta({ id: 'PublicNotice' });
export type PublicNoticeJson = z.infer<typeof publicNoticeSchema>;

export const publicNoticeListSchema = pageOf(publicNoticeSchema);

export const noticeSummarySchema = publicNoticeSchema
  .extend({ commentCount: z.number().int(), actions: z.array(z.enum(NOTICE_ACTIONS)) })
  .meta({ id: 'NoticeSummary' });
export const noticeListSchema = pageOf(noticeSummarySchema);

export const noticeCommentSchema = z
  .object({
    id: z.uuid(),
    candidateId: z.uuid().nullable(),
    authorName: z.string(),
    authorContact: z.string().nullable(),
    content: z.string(),
    createdAt: z.iso.datetime(),
    answer: z.string().nullable(),
    answeredAt: z.iso.datetime().nullable(),
    /** Set aside by the Office as spam or a duplicate (answered collectively; `answer` holds the reason). */
    disposition: z.enum(COMMENT_DISPOSITIONS).nullable(),
  })
  .meta({ id: 'NoticeComment' });

export const noticeSchema = publicNoticeSchema
  .extend({ comments: z.array(noticeCommentSchema), actions: z.array(z.enum(NOTICE_ACTIONS)) })
  .meta({ id: 'Notice' });

export const commentReceivedSchema = z.object({ id: z.uuid(), message: z.string() });
export const commentChallengeSchema = z
  .object({ nonce: z.string(), difficulty: z.number().int(), expiresAt: z.iso.datetime() })
  .meta({ id: 'NoticeCommentChallenge', description: 'Tìm số n sao cho sha256(nonce + n) có `difficulty` bit 0 đầu tiên, rồi gửi kèm ý kiến.' });
export const commentsSetAsideSchema = z.object({ items: z.array(noticeCommentSchema), total: z.number().int() });
export const commentAnswerSchema = z.object({ id: z.uuid(), answer: z.string().nullable(), answeredAt: z.iso.datetime().nullable() });

export function presentPublicNotice(
  n: NoticeWithUnit,
  items: { candidate: CandidateRow; unitName: string }[],
  today: string,
  links: NoticeLinks = new Map(),
): PublicNoticeJson {
  const link = (id: string | null) => (id ? (links.get(id) ?? null) : null);
  const status: NoticeStatus = (NOTICE_STATUSES as readonly string[]).includes(n.notice.status) ? (n.notice.status as NoticeStatus) : 'posted';
  return {
    id: n.notice.id,
    title: n.notice.title,
    body: n.notice.body,
    unitName: n.unitName,
    startDate: n.notice.startDate,
    endDate: n.notice.endDate,
    workingDays: n.notice.workingDays,
    dayCountKind: n.notice.dayCountKind === 'calendar' ? 'calendar' : 'working',
    number: n.notice.number,
    issuedDate: n.notice.issuedDate,
    issuer: n.notice.issuer,
    status,
    statusLabel: NOTICE_STATUS_LABELS[status],
    replaces: link(n.notice.replacesId),
    replacedBy: link(n.notice.replacedById),
    withdrawnAt: n.notice.withdrawnAt?.toISOString() ?? null,
    withdrawnReason: n.notice.withdrawnReason,
    open: noticeOpen(n.notice, today),
    items: items.map((i) => ({
      candidateId: i.candidate.id,
      displayName: i.candidate.displayName,
      positionText: i.candidate.positionText,
      unitName: i.unitName,
      honorLabel: HONOR_INFO[i.candidate.honor as Honor]?.label ?? i.candidate.honor,
      achievement: i.candidate.achievement,
      posthumous: i.candidate.posthumous,
      awardWording: HONOR_INFO[i.candidate.honor as Honor] ? awardWording(i.candidate.honor as Honor, i.candidate.posthumous) : i.candidate.honor,
    })),
  };
}

function isDisposition(v: string | null): v is CommentDisposition {
  return (COMMENT_DISPOSITIONS as readonly (string | null)[]).includes(v);
}

export function presentComment(c: NoticeCommentRow): z.infer<typeof noticeCommentSchema> {
  return {
    id: c.id,
    candidateId: c.candidateId,
    authorName: c.authorName,
    authorContact: c.authorContact,
    content: c.content,
    createdAt: c.createdAt.toISOString(),
    answer: c.answer,
    answeredAt: c.answeredAt?.toISOString() ?? null,
    disposition: isDisposition(c.disposition) ? c.disposition : null,
  };
}

export function presentNoticeSummary(
  actor: Actor,
  n: NoticeWithUnit,
  items: { candidate: CandidateRow; unitName: string }[],
  today: string,
  commentCount: number,
  links: NoticeLinks = new Map(),
): z.infer<typeof noticeSummarySchema> {
  return { ...presentPublicNotice(n, items, today, links), commentCount, actions: noticeActions(actor, n.notice) };
}

export function presentNotice(
  actor: Actor,
  n: NoticeWithUnit,
  items: { candidate: CandidateRow; unitName: string }[],
  today: string,
  comments: NoticeCommentRow[],
  links: NoticeLinks = new Map(),
): z.infer<typeof noticeSchema> {
  return { ...presentPublicNotice(n, items, today, links), comments: comments.map(presentComment), actions: noticeActions(actor, n.notice) };
}
