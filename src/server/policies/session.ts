/**
 * What an actor may do to one council session: the role's grant (`abilities.ts`) and the
 * session's state. Commands refuse with it, presenters send it as `abilities`, the web shows
 * the buttons it names.
 */
import type { Actor } from '../auth/actor.js';
import { can, type Action } from './abilities.js';

export const SESSION_ABILITIES = ['read', 'update', 'cancel', 'open', 'vote', 'enterPaperBallots', 'close', 'recordMinutes'] as const;
export type SessionAbility = (typeof SESSION_ABILITIES)[number];

/** The role grant each ability needs (the rest is the session's state). */
export const SESSION_GRANT: Record<SessionAbility, Action<'session'>> = {
  read: 'read',
  update: 'update',
  cancel: 'update',
  open: 'update',
  vote: 'vote',
  enterPaperBallots: 'enterPaperBallots',
  close: 'close',
  // The secretary's record of the meeting is kept by whoever enters the paper ballots (the Office).
  recordMinutes: 'enterPaperBallots',
};

interface SessionState {
  status: string;
}

/** May the actor do this to the session now? (Voting further needs a present, non-recused member: see the command.) */
export function maySession(actor: Actor, s: SessionState, ability: SessionAbility): boolean {
  if (!can(actor.role, 'session', SESSION_GRANT[ability])) return false;
  switch (ability) {
    case 'read':
      return true;
    // The date, the agenda and the attendance are fixed when the session opens; until then it may be cancelled.
    case 'update':
    case 'cancel':
    case 'open':
      return s.status === 'draft';
    case 'vote':
      return s.status === 'open';
    case 'enterPaperBallots':
    case 'close':
      return s.status === 'open';
    // Who chaired, the Ban kiểm phiếu and the discussion are written during the meeting or after it.
    case 'recordMinutes':
      return s.status === 'open' || s.status === 'closed';
  }
}

/** Everything the actor may do to the session now. */
export function sessionAbilities(actor: Actor, s: SessionState): SessionAbility[] {
  return SESSION_ABILITIES.filter((a) => maySession(actor, s, a));
}
