/**
 * What an actor may do to one award decision: the role's grant (`abilities.ts`) and the
 * decision's kind and state.
 */
import type { Actor } from '../auth/actor.js';
import { can } from './abilities.js';

export const DECISION_ABILITIES = ['read', 'attachFile', 'revoke', 'issueCertificates', 'printCertificates', 'edit', 'delete'] as const;
export type DecisionAbility = (typeof DECISION_ABILITIES)[number];

interface DecisionState {
  kind: string;
  status: string;
  /** The forwarded dossier an external decision answers (null: recorded on its own). */
  dossierId?: string | null;
  /** Set also by a partial revocation. */
  revokeReason?: string | null;
}

export function mayDecision(actor: Actor, d: DecisionState, ability: DecisionAbility): boolean {
  const inForce = d.status !== 'revoked';
  switch (ability) {
    case 'read':
      return can(actor.role, 'decision', 'read');
    case 'attachFile':
      return can(actor.role, 'decision', 'record');
    // A revoked decision stays revoked (Law Art 93): no second revocation.
    case 'revoke':
      return can(actor.role, 'decision', 'revoke') && inForce;
    // Certificates of a higher authority's decision are registered by that authority.
    case 'issueCertificates':
      return can(actor.role, 'certificate', 'issue') && d.kind === 'internal' && d.status === 'issued';
    case 'printCertificates':
      return can(actor.role, 'certificate', 'read') && d.kind === 'internal';
    // A higher authority's decision as recorded here: corrected while nothing revoked it (in part or whole).
    case 'edit':
      return can(actor.role, 'decision', 'record') && d.kind === 'external' && d.status === 'issued' && !d.revokeReason;
    // A record made by mistake is deleted, only when it stands alone (one answering a dossier is revoked instead).
    case 'delete':
      return can(actor.role, 'decision', 'record') && d.kind === 'external' && d.status === 'issued' && !d.revokeReason && !d.dossierId;
  }
}

export function decisionAbilities(actor: Actor, d: DecisionState): DecisionAbility[] {
  return DECISION_ABILITIES.filter((a) => mayDecision(actor, d, a));
}
