import { z } from 'zod';
import type { CouncilRow } from '../repositories/councils.js';
import type { Actor } from '../auth/actor.js';
import { ACTIONS } from '../policies/abilities.js';
import { councilAbilities } from '../policies/council.js';
import { COUNCIL_KIND_LABELS, COUNCIL_POSITION_LABELS, COUNCIL_POSITIONS, type CouncilKind, type CouncilPosition } from '../../shared/codes.js';
import type { councilMembers } from '../db/schema/index.js';

export const councilMemberSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    fullName: z.string(),
    personPosition: z.string().nullable(),
    unitName: z.string(),
    position: z.string(),
    positionLabel: z.string(),
    fromDate: z.string().nullable(),
    toDate: z.string().nullable(),
  })
  .meta({ id: 'CouncilMember' });
export type CouncilMemberJson = z.infer<typeof councilMemberSchema>;

export const councilSchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string().nullable(),
    kind: z.string(),
    kindLabel: z.string(),
    name: z.string(),
    establishedBy: z.string().nullable(),
    termStart: z.string(),
    termEnd: z.string().nullable(),
    active: z.boolean(),
    version: z.number().int(),
    memberCount: z.number().int(),
    members: z.array(councilMemberSchema).describe('Chủ tịch, Phó Chủ tịch, Ủy viên, Thư ký; trong mỗi nhóm theo họ tên'),
    abilities: z.array(z.enum(ACTIONS.council)).describe('Các thao tác tài khoản được làm với hội đồng này (vai trò và hiệu lực)'),
  })
  .meta({ id: 'Council' });
export type CouncilJson = z.infer<typeof councilSchema>;

export function presentMember(r: {
  member: typeof councilMembers.$inferSelect;
  fullName: string;
  personPosition: string | null;
  unitName: string;
}): CouncilMemberJson {
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

/** Chair first, then vice-chairs, members, secretary; the given order (names) within each. */
export function sortMembers<M extends { position: string | null }>(members: M[]): M[] {
  const rank = (p: string | null) => COUNCIL_POSITIONS.indexOf(p as CouncilPosition);
  return [...members].sort((a, b) => rank(a.position) - rank(b.position));
}

export function presentCouncil(c: CouncilRow, actor: Actor, unitName: string | null, members: CouncilMemberJson[]): CouncilJson {
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
    members: sortMembers(members),
    abilities: councilAbilities(actor, c),
  };
}
