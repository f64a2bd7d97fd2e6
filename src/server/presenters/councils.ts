import type { CouncilRow } from '../repositories/councils.js';
import type { Actor } from '../auth/actor.js';
import { abilitiesFor } from '../policies/abilities.js';
import { COUNCIL_KIND_LABELS, COUNCIL_POSITION_LABELS, COUNCIL_POSITIONS, type CouncilKind, type CouncilPosition } from '../../shared/codes.js';
import type { councilMembers } from '../db/schema/index.js';

export interface CouncilMemberJson {
  id: string;
  personId: string;
  fullName: string;
  personPosition: string | null;
  unitName: string;
  position: string;
  positionLabel: string;
  fromDate: string | null;
  toDate: string | null;
}

export function presentMember(r: { member: typeof councilMembers.$inferSelect; fullName: string; personPosition: string | null; unitName: string }): CouncilMemberJson {
  return {
    id: r.member.id,
    personId: r.member.personId,
    fullName: r.fullName,
    personPosition: r.personPosition,
    unitName: r.unitName,
    position: r.member.position,
    positionLabel: COUNCIL_POSITION_LABELS[r.member.position as CouncilPosition] ?? r.member.position,
    fromDate: r.member.fromDate,
    toDate: r.member.toDate,
  };
}

export function presentCouncil(c: CouncilRow, actor: Actor, unitName: string | null, members: CouncilMemberJson[]) {
  // Chair first, then vice-chairs, members, secretary; names in Vietnamese order within each.
  const rank = (p: string) => COUNCIL_POSITIONS.indexOf(p as CouncilPosition);
  const sorted = [...members].sort((a, b) => rank(a.position) - rank(b.position));
  return {
    id: c.id,
    unitId: c.unitId,
    unitName,
    kind: c.kind,
    kindLabel: COUNCIL_KIND_LABELS[c.kind as CouncilKind] ?? c.kind,
    name: c.name,
    establishedBy: c.establishedBy,
    termStart: c.termStart,
    termEnd: c.termEnd,
    active: c.active,
    version: c.version,
    memberCount: members.length,
    members: sorted,
    abilities: abilitiesFor(actor.role, 'council'),
  };
}
