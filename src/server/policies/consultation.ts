import type { Actor } from '../auth/actor.js';
import { domainError } from '../errors.js';
import { can } from './abilities.js';
import { ownsRecord } from './plan.js';

/** The request is cancelled: nothing more is recorded on it. */
export const ConsultationClosed = domainError('ConsultationClosed', 'conflict', 'consultation_closed');
/** The request names a candidate the dossier does not hold, or a body twice, or a deadline already past. */
export const ConsultationInvalid = domainError('ConsultationInvalid', 'invalid', 'consultation_invalid');

export type ConsultationAbility = 'read' | 'answer' | 'attach' | 'cancel' | 'letter';

/** What the actor may do to a request: the asking Office's subtree records answers and cancels while it is open. */
export function consultationAbilities(actor: Actor, c: { status: string; unitPath: string }): ConsultationAbility[] {
  const owned = ownsRecord(actor, c.unitPath);
  const open = c.status === 'open';
  const out: ConsultationAbility[] = [];
  if (can(actor.role, 'consultation', 'read')) out.push('read');
  if (owned && open && can(actor.role, 'consultation', 'answer')) out.push('answer', 'attach');
  if (owned && open && can(actor.role, 'consultation', 'create')) out.push('cancel');
  if (owned && can(actor.role, 'consultation', 'create')) out.push('letter');
  return out;
}

const MESSAGES: Record<Exclude<ConsultationAbility, 'read' | 'letter'>, string> = {
  answer: 'Công văn xin ý kiến hiệp y đã hủy, không ghi nhận ý kiến trả lời được nữa.',
  attach: 'Công văn xin ý kiến hiệp y đã hủy, không đính kèm văn bản trả lời được nữa.',
  cancel: 'Công văn xin ý kiến hiệp y đã hủy.',
};

/** Refuses a step on a request that is not open (the route found it in scope; the role was authorised). */
export function assertConsultationAllows(actor: Actor, c: { status: string; unitPath: string }, step: Exclude<ConsultationAbility, 'read' | 'letter'>): void {
  if (!consultationAbilities(actor, c).includes(step)) throw new ConsultationClosed(MESSAGES[step]);
}

export type ConsultedBodyAbility = 'update';

/** An entry of the address book is edited by the subtree that owns it; an ancestor's entries are read-only below. */
export function consultedBodyAbilities(actor: Actor, b: { unitPath: string }): ConsultedBodyAbility[] {
  return ownsRecord(actor, b.unitPath) && can(actor.role, 'consultation', 'manageBodies') ? ['update'] : [];
}
