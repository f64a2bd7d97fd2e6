import type { Actor } from '../auth/actor.js';
import { domainError } from '../errors.js';
import { can } from './abilities.js';
import { ownsRecord } from './plan.js';

/** A participant the actor may not enrol: someone outside the units it manages. */
export const ParticipantOutOfScope = domainError('ParticipantOutOfScope', 'invalid', 'participant_out_of_scope');
/** The person is already enrolled in the course. */
export const ParticipantAlreadyEnrolled = domainError('ParticipantAlreadyEnrolled', 'conflict', 'participant_already_enrolled');

export type CourseAbility = 'read' | 'update' | 'enrol' | 'manageParticipants';

/**
 * A course: its unit's subtree edits it and records attendance and certificates; any unit that
 * reads it (its own, or a unit below) may send its own staff (`enrol`).
 */
export function courseAbilities(actor: Actor, course: { unitPath: string }): CourseAbility[] {
  const owned = ownsRecord(actor, course.unitPath);
  const out: CourseAbility[] = [];
  if (can(actor.role, 'training', 'read')) out.push('read');
  if (owned && can(actor.role, 'training', 'update')) out.push('update', 'manageParticipants');
  if (can(actor.role, 'training', 'enrol')) out.push('enrol');
  return out;
}

/** The actor may withdraw a participant it enrolled from its own units, while attendance is not recorded. */
export function mayWithdrawParticipant(actor: Actor, course: { unitPath: string }, p: { unitPath: string; attendance: string }): boolean {
  if (courseAbilities(actor, course).includes('manageParticipants')) return true;
  return can(actor.role, 'training', 'enrol') && ownsRecord(actor, p.unitPath) && p.attendance === 'registered';
}
