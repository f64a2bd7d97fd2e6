import type { CommandContext } from './run.js';
import { findVisibleUnit } from '../repositories/units.js';
import { findVisiblePerson } from '../repositories/people.js';
import {
  deleteCouncilMember,
  findActiveCouncilOfKind,
  findCouncilMember,
  findVisibleCouncil,
  insertCouncil,
  insertCouncilMember,
  memberRowsOf,
  updateCouncilAtVersion,
  type CouncilRow,
} from '../repositories/councils.js';
import { assertCouncilAllows } from '../policies/council.js';
import { badRequest, CouncilExists, CouncilMemberConflict, notFound, PersonNotAllowed, StaleVersion } from '../errors.js';
import { COUNCIL_KIND_LABELS, COUNCIL_POSITION_LABELS, type CouncilKind, type CouncilPosition } from '../../shared/codes.js';

export interface CouncilInput {
  unitId: string;
  kind: CouncilKind;
  name?: string | null | undefined;
  establishedBy?: string | null | undefined;
  termStart: string;
  termEnd?: string | null | undefined;
}

const STALE = 'Hội đồng đã được người khác sửa. Hãy tải lại và thử lại.';

function checkTerm(input: { termStart: string; termEnd?: string | null | undefined }) {
  if (input.termEnd && input.termEnd < input.termStart) throw badRequest('Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu.');
}

async function mustFind(ctx: CommandContext, id: string): Promise<CouncilRow> {
  const council = await findVisibleCouncil(ctx.tx, ctx.actor, id);
  if (!council) throw notFound('Không tìm thấy hội đồng.');
  return council;
}

export async function createCouncil(ctx: CommandContext, input: CouncilInput) {
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  checkTerm(input);
  if (await findActiveCouncilOfKind(ctx.tx, unit.id, input.kind))
    throw new CouncilExists(`"${unit.name}" đã có ${COUNCIL_KIND_LABELS[input.kind]} đang hoạt động. Hãy kiện toàn hội đồng hiện có.`);
  const name = input.name?.trim() || `${COUNCIL_KIND_LABELS[input.kind]} ${unit.name}`;
  const row = await insertCouncil(ctx.tx, {
    unitId: unit.id,
    kind: input.kind,
    name,
    establishedBy: input.establishedBy ?? null,
    termStart: input.termStart,
    termEnd: input.termEnd ?? null,
  });
  await ctx.audit({ action: 'council.created', entityType: 'council', entityId: row.id, unitId: unit.id, summary: `Thành lập ${name}`, after: row });
  return row;
}

export async function updateCouncil(
  ctx: CommandContext,
  id: string,
  input: Omit<CouncilInput, 'unitId' | 'kind'> & { active?: boolean | undefined; version?: number | undefined },
) {
  const before = await mustFind(ctx, id);
  if (input.version !== undefined && input.version !== before.version) throw new StaleVersion(STALE);
  checkTerm(input);
  const row = await updateCouncilAtVersion(ctx.tx, id, before.version, {
    name: input.name?.trim() || before.name,
    establishedBy: input.establishedBy ?? null,
    termStart: input.termStart,
    termEnd: input.termEnd ?? null,
    active: input.active ?? before.active,
  });
  if (!row) throw new StaleVersion(STALE);
  await ctx.audit({ action: 'council.updated', entityType: 'council', entityId: id, unitId: row.unitId, summary: `Sửa ${row.name}`, before, after: row });
  return row;
}

export async function addCouncilMember(
  ctx: CommandContext,
  councilId: string,
  input: { personId: string; position: CouncilPosition; fromDate?: string | null | undefined; toDate?: string | null | undefined },
) {
  const council = await mustFind(ctx, councilId);
  assertCouncilAllows(ctx.actor, council, 'manageMembers');
  const person = await findVisiblePerson(ctx.tx, ctx.actor, input.personId);
  if (!person) throw notFound('Không tìm thấy cán bộ.');
  if (!person.active) throw new PersonNotAllowed(`${person.fullName} không còn công tác.`);
  const members = await memberRowsOf(ctx.tx, councilId);
  if (members.some((m) => m.personId === person.id)) throw new CouncilMemberConflict(`${person.fullName} đã là thành viên của hội đồng.`);
  if (input.position === 'chu_tich' && members.some((m) => m.position === 'chu_tich')) throw new CouncilMemberConflict('Hội đồng đã có Chủ tịch.');
  if (input.position === 'thu_ky' && members.some((m) => m.position === 'thu_ky')) throw new CouncilMemberConflict('Hội đồng đã có Thư ký.');
  const row = await insertCouncilMember(ctx.tx, {
    councilId,
    personId: person.id,
    position: input.position,
    fromDate: input.fromDate ?? council.termStart,
    toDate: input.toDate ?? null,
  });
  await ctx.audit({
    action: 'council.member_added',
    entityType: 'council',
    entityId: councilId,
    unitId: council.unitId,
    summary: `Thêm ${person.fullName} (${COUNCIL_POSITION_LABELS[input.position]}) vào ${council.name}`,
    after: row,
  });
  return row;
}

export async function removeCouncilMember(ctx: CommandContext, councilId: string, memberId: string) {
  const council = await mustFind(ctx, councilId);
  assertCouncilAllows(ctx.actor, council, 'manageMembers');
  const member = await findCouncilMember(ctx.tx, councilId, memberId);
  if (!member) throw notFound('Không tìm thấy thành viên.');
  await deleteCouncilMember(ctx.tx, memberId);
  await ctx.audit({
    action: 'council.member_removed',
    entityType: 'council',
    entityId: councilId,
    unitId: council.unitId,
    summary: `Bớt một thành viên khỏi ${council.name}`,
    before: member,
  });
}
