/** What an actor may do to one registered certificate (sổ vàng): the role's grant and the certificate's state. */
import type { Actor } from '../auth/actor.js';
import { can } from './abilities.js';

export const CERTIFICATE_ABILITIES = ['read', 'revoke'] as const;
export type CertificateAbility = (typeof CERTIFICATE_ABILITIES)[number];

export function mayCertificate(actor: Actor, c: { revoked: boolean }, ability: CertificateAbility): boolean {
  switch (ability) {
    case 'read':
      return can(actor.role, 'certificate', 'read');
    case 'revoke':
      return can(actor.role, 'certificate', 'revoke') && !c.revoked;
  }
}

export function certificateAbilities(actor: Actor, c: { revoked: boolean }): CertificateAbility[] {
  return CERTIFICATE_ABILITIES.filter((a) => mayCertificate(actor, c, a));
}
