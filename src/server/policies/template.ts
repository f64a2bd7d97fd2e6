/** What an actor may do to a unit's template of one kind: the role's grant and where the template in force comes from. */
import type { Actor } from '../auth/actor.js';
import { can } from './abilities.js';

export const TEMPLATE_ABILITIES = ['read', 'upload', 'revert'] as const;
export type TemplateAbility = (typeof TEMPLATE_ABILITIES)[number];

/** `source`: the unit's own template, an ancestor's, or the built-in default. */
export function mayTemplate(actor: Actor, t: { source: 'own' | 'inherited' | 'default' }, ability: TemplateAbility): boolean {
  switch (ability) {
    case 'read':
      return can(actor.role, 'template', 'read');
    case 'upload':
      return can(actor.role, 'template', 'write');
    // Only a template of the unit's own can be dropped.
    case 'revert':
      return can(actor.role, 'template', 'write') && t.source === 'own';
  }
}

export function templateAbilities(actor: Actor, t: { source: 'own' | 'inherited' | 'default' }): TemplateAbility[] {
  return TEMPLATE_ABILITIES.filter((a) => mayTemplate(actor, t, a));
}

/** May the actor change the unit's calibration of the phôi (pre-printed certificate blanks)? */
export function mayCalibrate(actor: Actor): boolean {
  return can(actor.role, 'template', 'write');
}
