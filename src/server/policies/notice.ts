/** Record-level policy of public notices: what an actor may do to one notice now. */
import type { Actor } from '../auth/actor.js';
import { can } from './abilities.js';

export const NOTICE_ACTIONS = ['answer'] as const;
export type NoticeAction = (typeof NOTICE_ACTIONS)[number];

/** A notice is open for the public's comments from its first to its last day (Vietnamese days). */
export function noticeOpen(n: { startDate: string; endDate: string }, today: string): boolean {
  return today >= n.startDate && today <= n.endDate;
}

/** What the actor may do to this notice (a notice is always in the actor's scope when it is shown). */
export function noticeActions(actor: Actor): NoticeAction[] {
  return can(actor.role, 'notice', 'answer') ? ['answer'] : [];
}
