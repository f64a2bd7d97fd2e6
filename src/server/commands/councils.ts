import { and, eq } from 'drizzle-orm';
import { councilMembers, councils } from '../db/schema/index.js';
import type { CommandContext } from './run.js';
import { findVisibleUnit } from '../repositories/units.js';
import { findVisiblePerson } from '../repositories/people.js';
import { findVisibleCouncil } from '../repositories/councils.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { COUNCIL_KIND_LABELS, COUNCIL_POSITION_LABELS, type CouncilKind, type CouncilPosition } from '../../shared/codes.js';

export interface CouncilInput {
  unitId: string;
  kind: CouncilKind;
  name?: string | null | undefined;
  establishedBy?: string | null | undefined;
  termStart: string;
  termEnd?: string | null | undefined;
}

function checkTerm(input: { termStart: string; termEnd?: string | null | undefined }) {
  if (input.termEnd && input.termEnd < input.termStart) throw badRequest('Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu.');
}

export async function createCouncil(ctx: CommandContext, input: CouncilInput) {
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  checkTerm(input);
  const [active] = await ctx.tx.select({ id: councils.id }).from(councils).where(and(eq(councils.unitId, unit.id), eq(councils.kind, input.kind), eq(councils.active, true))).limit(1);
  if (active) throw conflict(`"${unit.name}" đã có ${COUNCIL_KIND_LABELS[input.kind]} đang hoạt động. Hãy kiện toàn hội đồng hiện có.`);
  const name = input.name?.trim() || `${COUNCIL_KIND_LABELS[input.kind]} ${unit.name}`;
  const [row] = await ctx.tx
    .insert(councils)
    .values({ unitId: unit.id, kind: input.kind, name, establishedBy: input.establishedBy ?? null, termStart: input.termStart, termEnd: input.termEnd ?? null })
    .returning();
  if (!row) throw new Error('insert failed');
  await ctx.audit({ action: 'council.created', entityType: 'council', entityId: row.id, unitId: unit.id, summary: `Thành lập ${name}`, after: row });
  return row;
}

export async function updateCouncil(ctx: CommandContext, id: string, input: Omit<CouncilInput, 'unitId' | 'kind'> & { active?: boolean | undefined; version?: number | undefined }) {
  const before = await findVisibleCouncil(ctx.tx, ctx.actor, id);
  if (!before) throw notFound('Không tìm thấy hội đồng.');
  if (input.version !== undefined && input.version !== before.version) throw conflict('Hội đồng đã được người khác sửa. Hãy tải lại và thử lại.');
  checkTerm(input);
  const [row] = await ctx.tx
    .update(councils)
    .set({
      name: input.name?.trim() || before.name,
      establishedBy: input.establishedBy ?? null,
      termStart: input.termStart,
      termEnd: input.termEnd ?? null,
      active: input.active ?? before.active,
      version: before.version + 1,
    })
    .where(and(eq(councils.id, id), eq(councils.version, before.version)))
    .returning();
  if (!row) throw conflict('Hội đồng đã được người khác sửa. Hãy tải lại và thử lại.');
  await ctx.audit({ action: 'council.updated', entityType: 'council', entityId: id, unitId: row.unitId, summary: `Sửa ${row.name}`, before, after: row });
  return row;
}

export async function addCouncilMember(ctx: CommandContext, councilId: string, input: { personId: string; position: CouncilPosition; fromDate?: string | null | undefined; toDate?: string | null | undefined }) {
  const council = await findVisibleCouncil(ctx.tx, ctx.actor, councilId);
  if (!council) throw notFound('Không tìm thấy hội đồng.');
  const person = await findVisiblePerson(ctx.tx, ctx.actor, input.personId);
  if (!person) throw notFound('Không tìm thấy cán bộ.');
  if (!person.active) throw badRequest(`${person.fullName} không còn công tác.`);
  const members = await ctx.tx.select().from(councilMembers).where(eq(councilMembers.councilId, councilId));
  if (members.some((m) => m.personId === person.id)) throw conflict(`${person.fullName} đã là thành viên của hội đồng.`);
  if (input.position === 'chu_tich' && members.some((m) => m.position === 'chu_tich')) throw conflict('Hội đồng đã có Chủ tịch.');
  if (input.position === 'thu_ky' && members.some((m) => m.position === 'thu_ky')) throw conflict('Hội đồng đã có Thư ký.');
  const [row] = await ctx.tx
    .insert(councilMembers)
    .values({ councilId, personId: person.id, position: input.position, fromDate: input.fromDate ?? council.termStart, toDate: input.toDate ?? null })
    .returning();
  if (!row) throw new Error('insert failed');
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
  const council = await findVisibleCouncil(ctx.tx, ctx.actor, councilId);
  if (!council) throw notFound('Không tìm thấy hội đồng.');
  const [member] = await ctx.tx.select().from(councilMembers).where(and(eq(councilMembers.id, memberId), eq(councilMembers.councilId, councilId)));
  if (!member) throw notFound('Không tìm thấy thành viên.');
  await ctx.tx.delete(councilMembers).where(eq(councilMembers.id, memberId));
  await ctx.audit({ action: 'council.member_removed', entityType: 'council', entityId: councilId, unitId: council.unitId, summary: `Bớt một thành viên khỏi ${council.name}`, before: member });
}
