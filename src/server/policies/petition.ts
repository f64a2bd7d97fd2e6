/**
 * Record-level policy of petitions (thắc mắc, kiến nghị, khiếu nại, tố cáo): who reaches a case, what
 * they may do to it now, and who may read a denouncer's identity (Luật Tố cáo 2018 Art 47 k1 b:
 * keep the denouncer's name, address and handwriting secret).
 */
import type { Actor } from '../auth/actor.js';
import { can } from './abilities.js';
import { domainError } from '../errors.js';
import { ROLES, type PetitionKind, type PetitionStatus, type Role } from '../../shared/codes.js';

export const PETITION_ACTIONS = ['assign', 'requestInfo', 'answer', 'close', 'reply', 'readIdentity'] as const;
export type PetitionAction = (typeof PETITION_ACTIONS)[number];

/** The case is over (answered or closed): no new answer. */
export const PetitionClosed = domainError('PetitionClosed', 'conflict', 'petition_closed');
/** The action does not fit the case's state (a request for information on an answered case…). */
export const PetitionNotActionable = domainError('PetitionNotActionable', 'conflict', 'petition_not_actionable');
/** Anonymous denunciations are not received under the governing regulation. */
export const AnonymousNotAllowed = domainError('AnonymousNotAllowed', 'invalid', 'anonymous_not_allowed');
/** The public tracking code is unknown or wrong (one answer for both: nothing tells which). */
export const PetitionCodeUnknown = domainError('PetitionCodeUnknown', 'not_found', 'petition_not_found');
/** Public submissions from one address beyond the window's limit. */
export const TooManyPetitions = domainError('TooManyPetitions', 'rate_limited', 'too_many_petitions');

/** How a petition is reached: the Office of the unit subtree (`handle`), or only one's own and assigned cases. */
export type PetitionReach = { kind: 'office'; unitPath: string; accountId: string } | { kind: 'own'; accountId: string };

export function petitionReachOf(actor: Actor): PetitionReach {
  return can(actor.role, 'petition', 'handle')
    ? { kind: 'office', unitPath: actor.unitPath, accountId: actor.accountId }
    : { kind: 'own', accountId: actor.accountId };
}

export interface PetitionState {
  kind: string;
  status: string;
  submittedBy: string | null;
  handlerId: string | null;
}

const OPEN: readonly PetitionStatus[] = ['received', 'assigned', 'info_requested'];

export function petitionOpen(p: Pick<PetitionState, 'status'>): boolean {
  return (OPEN as readonly string[]).includes(p.status);
}

/** May the actor read the petitioner's identity? Always for a question, recommendation or complaint; for a denunciation the handler, the head and the denouncer. */
export function mayReadIdentity(actor: Actor, p: PetitionState): boolean {
  if ((p.kind as PetitionKind) !== 'to_cao') return true;
  return p.submittedBy === actor.accountId || p.handlerId === actor.accountId || can(actor.role, 'petition', 'readIdentity');
}

/** What the actor may do to this petition (already found within its reach). */
export function petitionActions(actor: Actor, p: PetitionState): PetitionAction[] {
  const out: PetitionAction[] = [];
  const office = can(actor.role, 'petition', 'handle');
  const handler = p.handlerId === actor.accountId;
  const open = petitionOpen(p);
  if (office && open) out.push('assign');
  if ((office || handler) && (p.status === 'received' || p.status === 'assigned')) out.push('requestInfo');
  if ((office || handler) && open) out.push('answer');
  if ((office || handler) && p.status === 'answered') out.push('close');
  if (p.submittedBy === actor.accountId && p.status === 'info_requested') out.push('reply');
  if (mayReadIdentity(actor, p)) out.push('readIdentity');
  return out;
}

/** Attachments: at most this many files per petition, each and all together within these sizes. */
export const PETITION_MAX_FILES = 3;
export const PETITION_MAX_FILE_BYTES = 2 * 1024 * 1024;
export const PETITION_MAX_TOTAL_BYTES = 5 * 1024 * 1024;
/** The kinds of files received: PDF, pictures, Word. */
export const PETITION_FILE_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Public petitions accepted per sender address within the window. */
export const PUBLIC_PETITION_LIMIT = 3;
export const PUBLIC_PETITION_WINDOW_MS = 60 * 60_000;

/** The roles a case may be assigned to: those that handle petitions, and the head (who also reads identities). */
export function assignableRoles(): Role[] {
  return ROLES.filter((r) => can(r, 'petition', 'handle'));
}
