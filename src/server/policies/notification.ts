/**
 * Who is told of a workflow event (issue 18: "everyone is told what waits for them"). The
 * commands name the side (a unit's clerks, the receiving Office, given people); the roles behind
 * each side are decided here, with the other role literals.
 */
import type { Role } from '../../shared/codes.js';
import type { Actor } from '../auth/actor.js';
import { can } from './abilities.js';

/** The unit's side of a dossier or decision: the clerks who prepare, fix and submit. */
export const UNIT_SIDE_NOTIFIED: readonly Role[] = ['clerk'];

/** The receiving side: the standing Office that receives, appraises, prepares sessions and answers comments. */
export const OFFICE_SIDE_NOTIFIED: readonly Role[] = ['office'];

/** The parts of the "Việc cần làm" panel. */
export type TodoSection = 'receive' | 'appraise' | 'prepare' | 'ballots' | 'returned' | 'deadlines' | 'registration';

/**
 * Which parts of "Việc cần làm" an actor gets, from the role's grants: whoever may receive sees
 * what waits for receipt, whoever may vote sees the open ballots, whoever submits sees what came
 * back and this week's deadlines, whoever registers sees the open registrations.
 */
export function todoSectionsOf(actor: Actor): TodoSection[] {
  const r = actor.role;
  const out: TodoSection[] = [];
  if (can(r, 'dossier', 'receive')) out.push('receive');
  if (can(r, 'dossier', 'appraise')) out.push('appraise');
  if (can(r, 'session', 'create')) out.push('prepare');
  if (can(r, 'session', 'vote') && actor.personId) out.push('ballots');
  if (can(r, 'dossier', 'submit')) out.push('returned', 'deadlines');
  if (can(r, 'registration', 'register')) out.push('registration');
  return out;
}
