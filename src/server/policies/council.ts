import type { Actor } from '../auth/actor.js';
import type { CouncilRow } from '../repositories/councils.js';
import { abilitiesFor, can, type Action } from './abilities.js';
import { CouncilMemberConflict, type DomainError } from '../errors.js';

export type CouncilAction = Action<'council'>;
type CouncilState = Pick<CouncilRow, 'active' | 'name'>;

/** Why this council's state refuses the action (a domain error to throw), or null when it allows it. */
export function councilRefusal(_actor: Actor, council: CouncilState, action: CouncilAction): DomainError | null {
  switch (action) {
    case 'manageMembers':
      // A council whose term has ended keeps its members as they were (its minutes cite them).
      return council.active ? null : new CouncilMemberConflict(`${council.name} đã hết hiệu lực: không thể thay đổi thành viên.`);
    case 'read':
    case 'create':
    case 'update':
      return null;
  }
}

export function mayOnCouncil(actor: Actor, council: CouncilState, action: CouncilAction): boolean {
  return can(actor.role, 'council', action) && councilRefusal(actor, council, action) === null;
}

/** The actions the actor may take on this council, sent with the record. */
export function councilAbilities(actor: Actor, council: CouncilState): CouncilAction[] {
  return abilitiesFor(actor.role, 'council').filter((a) => councilRefusal(actor, council, a) === null);
}

export function assertCouncilAllows(actor: Actor, council: CouncilState, action: CouncilAction): void {
  const refusal = councilRefusal(actor, council, action);
  if (refusal) throw refusal;
}
