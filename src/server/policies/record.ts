/**
 * Record-level policy of the records aggregate: what an actor may do to one rating, honor
 * received, initiative, discipline or confirmed fact. The role grant comes from `abilities.ts`
 * (`record.write`); the record's own state (an honor issued by a decision, revoked, an initiative
 * that backed an award) narrows it. Scope is not decided here: a record outside the actor's
 * scope is never loaded (404). Commands refuse with the same answers; presenters send them as
 * `abilities` with each record, and the web shows only what they allow.
 */
import type { Actor } from '../auth/actor.js';
import { abilitiesFor, can, POLICY } from './abilities.js';
import { HonorAlreadyRevoked, HonorIssuedByDecision, InitiativeAlreadyUsed } from '../records/errors.js';

export type RatingAbility = 'set' | 'remove';
export type HonorAbility = 'update' | 'revoke' | 'remove';
export type InitiativeAbility = 'update' | 'remove';
export type DisciplineAbility = 'update' | 'remove';
export type FactAbility = 'remove';

const writes = (actor: Actor) => can(actor.role, 'record', 'write');

/** What the actor may do with a subject's history as a whole (read, write, import). */
export function subjectRecordAbilities(actor: Actor) {
  return abilitiesFor(actor.role, 'record');
}

/** Whether the actor reaches only its own person record (staff): never a unit's records. */
export function reachesOnlySelf(actor: Actor): boolean {
  return POLICY[actor.role].reach === 'self';
}

export function ratingAbilities(actor: Actor): RatingAbility[] {
  return writes(actor) ? ['set', 'remove'] : [];
}

interface HonorState {
  source: string;
  revoked: boolean;
}

export function honorAbilities(actor: Actor, h: HonorState): HonorAbility[] {
  if (!writes(actor)) return [];
  const out: HonorAbility[] = [];
  const fromDecision = h.source === 'decision';
  if (!fromDecision && !h.revoked) out.push('update');
  if (!h.revoked) out.push('revoke');
  if (!fromDecision) out.push('remove');
  return out;
}

/** Refuses an edit of an honor the product issued by a decision (it is revoked, not edited). */
export function assertMayUpdateHonor(h: HonorState): void {
  if (h.source === 'decision') throw new HonorIssuedByDecision('Khen thưởng do quyết định ban hành trên hệ thống không sửa ở đây; nếu sai, hãy thu hồi.');
}

export function assertMayRevokeHonor(h: HonorState): void {
  if (h.revoked) throw new HonorAlreadyRevoked('Khen thưởng này đã bị thu hồi.');
}

export function assertMayRemoveHonor(h: HonorState): void {
  if (h.source === 'decision') throw new HonorIssuedByDecision('Không xóa được khen thưởng do quyết định ban hành trên hệ thống; hãy thu hồi.');
}

export function initiativeAbilities(actor: Actor, i: { usedForAwardId: string | null }): InitiativeAbility[] {
  if (!writes(actor)) return [];
  return i.usedForAwardId === null ? ['update', 'remove'] : ['update'];
}

export function assertMayRemoveInitiative(i: { usedForAwardId: string | null }): void {
  if (i.usedForAwardId !== null) throw new InitiativeAlreadyUsed('Sáng kiến đã được dùng để xét khen thưởng; không xóa được.');
}

export function disciplineAbilities(actor: Actor): DisciplineAbility[] {
  return writes(actor) ? ['update', 'remove'] : [];
}

export function factAbilities(actor: Actor): FactAbility[] {
  return writes(actor) ? ['remove'] : [];
}
