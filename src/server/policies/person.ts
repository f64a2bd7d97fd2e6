import type { Actor } from '../auth/actor.js';
import type { PersonRow } from '../repositories/people.js';
import { abilitiesFor, can, type Action } from './abilities.js';
import { PersonNotAllowed, type DomainError } from '../errors.js';

export type PersonAction = Action<'person'>;
type PersonState = Pick<PersonRow, 'active' | 'fullName'>;

/** Why this person's state refuses the action (a domain error to throw), or null when it allows it. */
export function personRefusal(_actor: Actor, person: PersonState, action: PersonAction): DomainError | null {
  switch (action) {
    case 'transfer':
      // Someone retired or gone is no longer followed: reactivate first, so the history stays true.
      return person.active ? null : new PersonNotAllowed(`${person.fullName} đã ngừng theo dõi, không thể điều chuyển. Hãy theo dõi lại trước.`);
    case 'read':
    case 'create':
    case 'update':
    case 'import':
    case 'deactivate':
      return null;
  }
}

/** May the actor take this action on this person: the role's grant and the person's state. */
export function mayOnPerson(actor: Actor, person: PersonState, action: PersonAction): boolean {
  return can(actor.role, 'person', action) && personRefusal(actor, person, action) === null;
}

/** The actions the actor may take on this person, sent with the record. */
export function personAbilities(actor: Actor, person: PersonState): PersonAction[] {
  return abilitiesFor(actor.role, 'person').filter((a) => personRefusal(actor, person, a) === null);
}

export function assertPersonAllows(actor: Actor, person: PersonState, action: PersonAction): void {
  const refusal = personRefusal(actor, person, action);
  if (refusal) throw refusal;
}
