/** Record-level policy of public notices: what an actor may do to one notice now. */
import type { Actor } from '../auth/actor.js';
import { can } from './abilities.js';

export const NOTICE_ACTIONS = ['answer', 'replace', 'withdraw'] as const;
export type NoticeAction = (typeof NOTICE_ACTIONS)[number];

/** A notice is open for the public's comments from its first to its last day (Vietnamese days), unless replaced or withdrawn. */
export function noticeOpen(n: { startDate: string; endDate: string; status?: string }, today: string): boolean {
  return (n.status ?? 'posted') === 'posted' && today >= n.startDate && today <= n.endDate;
}

/** Notice statuses: posted, replaced by a later notice, withdrawn (thu hồi). */
export const NOTICE_STATUSES = ['posted', 'replaced', 'withdrawn'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = { posted: 'Đang hiệu lực', replaced: 'Đã được thay thế', withdrawn: 'Đã thu hồi' };

/** What the actor may do to this notice (a notice is always in the actor's scope when it is shown): answer comments; replace or withdraw it while it stands. */
export function noticeActions(actor: Actor, n?: { status: string }): NoticeAction[] {
  const out: NoticeAction[] = [];
  if (can(actor.role, 'notice', 'answer')) out.push('answer');
  if ((n?.status ?? 'posted') === 'posted') {
    if (can(actor.role, 'notice', 'replace')) out.push('replace');
    if (can(actor.role, 'notice', 'withdraw')) out.push('withdraw');
  }
  return out;
}

/** How the Office may set a public comment aside instead of answering it alone (answered collectively, with a reason). */
export const COMMENT_DISPOSITIONS = ['spam', 'duplicate'] as const;
export type CommentDisposition = (typeof COMMENT_DISPOSITIONS)[number];

/** Public comments accepted per sender address and notice within the window (issue #20). */
export const PUBLIC_COMMENT_LIMIT = 5;
export const PUBLIC_COMMENT_WINDOW_MS = 10 * 60_000;
/** A challenge is valid this long after it is handed out. */
export const CHALLENGE_TTL_MS = 10 * 60_000;

/** Leading zero bits the proof of work must reach: TDKT_NOTICE_POW_BITS (8–24), 16 by default (about a second in a browser). */
export function challengeDifficulty(): number {
  const n = Number(process.env.TDKT_NOTICE_POW_BITS ?? 16);
  return Number.isInteger(n) ? Math.min(24, Math.max(8, n)) : 16;
}
