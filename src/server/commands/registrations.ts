import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { movementHonors, movementUnits, people, registrationReopenings, registrations, units } from '../db/schema/index.js';
import type { CommandContext } from './run.js';
import type { Executor } from '../db/client.js';
import type { Actor } from '../auth/actor.js';
import { findOwnedMovement, findOwnedPlan, findReadableMovement, findReadablePlan, ancestorIds } from '../repositories/plans.js';
import { findVisibleUnit, type UnitRow } from '../repositories/units.js';
import { findVisiblePerson } from '../repositories/people.js';
import { badRequest, notFound } from '../errors.js';
import { vnToday } from '../deadlines/clock.js';
import { formatDateVi } from '../../shared/format-vi.js';
import { HONOR_INFO, type Honor, type SubjectKind } from '../../shared/codes.js';
import { honorSubjectMessage, type RegistrationInput, type UnitSheetInput } from '../../shared/schemas/plans.js';

/** A registration campaign: an annual plan (registration for the year) or a movement. */
export interface Campaign {
  key: string;
  kind: 'plan' | 'movement';
  id: string;
  title: string;
  year: number;
  ownerUnitId: string;
  ownerPath: string;
  deadline: string | null;
  /** Honors the movement offers (empty = any). */
  offered: Honor[];
  /** Explicit participating units' paths (empty = every unit under the owner). */
  participantPaths: string[];
}

/** Resolves the campaign the actor may read; plans must be published and movements launched to take registrations. */
export async function resolveCampaign(tx: Executor, actor: Actor, ref: { planId?: string | null | undefined; movementId?: string | null | undefined }, opts: { owned?: boolean; forWrite?: boolean } = {}): Promise<Campaign> {
  if (!!ref.planId === !!ref.movementId) throw badRequest('Hãy chọn một kế hoạch năm hoặc một phong trào thi đua.');
  if (ref.planId) {
    const p = opts.owned ? await findOwnedPlan(tx, actor, ref.planId) : await findReadablePlan(tx, actor, ref.planId);
    if (!p) throw notFound('Không tìm thấy kế hoạch.');
    if (opts.forWrite && p.status !== 'published') throw badRequest('Kế hoạch chưa ban hành: chưa nhận đăng ký thi đua.');
    const [u] = await tx.select({ path: units.path }).from(units).where(eq(units.id, p.unitId));
    return { key: `plan:${p.id}`, kind: 'plan', id: p.id, title: p.title, year: p.year, ownerUnitId: p.unitId, ownerPath: u!.path, deadline: p.registrationDeadline, offered: [], participantPaths: [] };
  }
  const m = opts.owned ? await findOwnedMovement(tx, actor, ref.movementId!) : await findReadableMovement(tx, actor, ref.movementId!);
  if (!m) throw notFound('Không tìm thấy phong trào.');
  if (opts.forWrite && m.status !== 'launched') throw badRequest(m.status === 'draft' ? 'Phong trào chưa phát động: chưa nhận đăng ký thi đua.' : 'Phong trào đã kết thúc: không nhận đăng ký thi đua.');
  const [u] = await tx.select({ path: units.path }).from(units).where(eq(units.id, m.unitId));
  const offered = await tx.select({ honor: movementHonors.honor }).from(movementHonors).where(eq(movementHonors.movementId, m.id));
  const parts = await tx.select({ path: units.path }).from(movementUnits).innerJoin(units, eq(units.id, movementUnits.unitId)).where(eq(movementUnits.movementId, m.id));
  return { key: `movement:${m.id}`, kind: 'movement', id: m.id, title: m.title, year: m.year, ownerUnitId: m.unitId, ownerPath: u!.path, deadline: m.registrationDeadline, offered: offered.map((o) => o.honor as Honor), participantPaths: parts.map((p) => p.path) };
}

function assertUnitInCampaign(c: Campaign, unit: UnitRow) {
  const inside = unit.path.startsWith(c.ownerPath) && (c.participantPaths.length === 0 || c.participantPaths.some((p) => unit.path.startsWith(p)));
  if (!inside) throw badRequest(`Đơn vị "${unit.name}" không thuộc phạm vi của ${c.kind === 'plan' ? 'kế hoạch' : 'phong trào'} "${c.title}".`);
}

/** Refuses a late registration unless the Office has reopened it for the unit (or a unit above it). */
export async function assertOpen(tx: Executor, c: Campaign, unit: UnitRow, now: Date = new Date()): Promise<void> {
  if (!c.deadline) return;
  const today = vnToday(now);
  if (today <= c.deadline) return;
  const chain = [...ancestorIds(unit.path), unit.id];
  const [reopened] = await tx
    .select({ until: registrationReopenings.until })
    .from(registrationReopenings)
    .where(and(eq(registrationReopenings.campaignKey, c.key), inArray(registrationReopenings.unitId, chain), gte(registrationReopenings.until, today)))
    .limit(1);
  if (reopened) return;
  throw badRequest(`Đã hết hạn đăng ký thi đua (hạn chót ${formatDateVi(c.deadline)}). Đơn vị "${unit.name}" không đăng ký thêm được; nếu có lý do chính đáng, đề nghị Văn phòng (Thường trực Hội đồng) mở lại đăng ký cho đơn vị.`);
}

function assertHonor(c: Campaign, honor: Honor, kind: SubjectKind) {
  if (!HONOR_INFO[honor].subjects.includes(kind)) throw badRequest(honorSubjectMessage(honor, kind));
  if (c.offered.length && !c.offered.includes(honor)) throw badRequest(`Phong trào "${c.title}" không xét "${HONOR_INFO[honor].label}".`);
}

export async function registerOne(ctx: CommandContext, input: RegistrationInput, now?: Date) {
  const c = await resolveCampaign(ctx.tx, ctx.actor, input, { forWrite: true });
  let unit: UnitRow | undefined;
  let subjectName: string;
  if (input.subjectKind === 'individual') {
    if (!input.personId) throw badRequest('Hãy chọn cán bộ đăng ký.');
    const person = await findVisiblePerson(ctx.tx, ctx.actor, input.personId);
    if (!person) throw notFound('Không tìm thấy cán bộ.');
    if (!person.active) throw badRequest(`Cán bộ ${person.fullName} đã ngừng theo dõi.`);
    [unit] = await ctx.tx.select().from(units).where(eq(units.id, person.unitId));
    subjectName = person.fullName;
  } else {
    if (!input.subjectUnitId) throw badRequest('Hãy chọn tập thể đăng ký.');
    unit = await findVisibleUnit(ctx.tx, ctx.actor, input.subjectUnitId);
    if (!unit) throw notFound('Không tìm thấy đơn vị.');
    subjectName = unit.name;
  }
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  assertHonor(c, input.honor, input.subjectKind);
  assertUnitInCampaign(c, unit);
  await assertOpen(ctx.tx, c, unit, now);
  const [row] = await ctx.tx
    .insert(registrations)
    .values({ campaignKey: c.key, planId: c.kind === 'plan' ? c.id : null, movementId: c.kind === 'movement' ? c.id : null, year: c.year, unitId: unit.id, subjectKind: input.subjectKind, personId: input.subjectKind === 'individual' ? input.personId! : null, subjectUnitId: input.subjectKind === 'individual' ? null : unit.id, honor: input.honor, note: input.note ?? null, createdBy: ctx.actor.accountId })
    .onConflictDoNothing()
    .returning();
  if (!row) throw badRequest(`${subjectName} đã đăng ký "${HONOR_INFO[input.honor].label}".`);
  await ctx.audit({ action: 'registration.created', entityType: 'registration', entityId: row.id, unitId: unit.id, summary: `${subjectName} đăng ký "${HONOR_INFO[input.honor].label}" — ${c.title}`, after: { campaign: c.key, honor: input.honor } });
  return row;
}

export async function withdrawRegistration(ctx: CommandContext, id: string, now?: Date) {
  const [row] = await ctx.tx.select().from(registrations).where(eq(registrations.id, id));
  const visible = row && (await visibleRegistration(ctx.tx, ctx.actor, row));
  if (!row || !visible) throw notFound('Không tìm thấy đăng ký.');
  const c = await resolveCampaign(ctx.tx, ctx.actor, { planId: row.planId, movementId: row.movementId }, { forWrite: true });
  const [unit] = await ctx.tx.select().from(units).where(eq(units.id, row.unitId));
  await assertOpen(ctx.tx, c, unit!, now);
  await ctx.tx.delete(registrations).where(eq(registrations.id, id));
  await ctx.audit({ action: 'registration.withdrawn', entityType: 'registration', entityId: id, unitId: row.unitId, summary: `Rút đăng ký "${HONOR_INFO[row.honor as Honor]?.label ?? row.honor}" — ${c.title}`, before: { honor: row.honor } });
}

async function visibleRegistration(tx: Executor, actor: Actor, row: typeof registrations.$inferSelect): Promise<boolean> {
  if (row.personId) return !!(await findVisiblePerson(tx, actor, row.personId));
  return !!(await findVisibleUnit(tx, actor, row.unitId));
}

/** A clerk's one-table registration: the unit's collective honors and each staff member's, replacing what it had. */
export async function registerUnitSheet(ctx: CommandContext, input: UnitSheetInput, now?: Date) {
  const c = await resolveCampaign(ctx.tx, ctx.actor, input, { forWrite: true });
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  assertUnitInCampaign(c, unit);
  await assertOpen(ctx.tx, c, unit, now);
  for (const h of input.collective) assertHonor(c, h, 'collective');
  const personIds = input.people.map((p) => p.personId);
  if (new Set(personIds).size !== personIds.length) throw badRequest('Một cán bộ xuất hiện hai lần trong bảng đăng ký.');
  const staff = personIds.length ? await ctx.tx.select({ id: people.id, fullName: people.fullName, unitId: people.unitId, active: people.active }).from(people).where(inArray(people.id, personIds)) : [];
  const byId = new Map(staff.map((s) => [s.id, s]));
  for (const p of input.people) {
    const s = byId.get(p.personId);
    if (!s || s.unitId !== unit.id) throw badRequest(`Bảng đăng ký có cán bộ không thuộc "${unit.name}".`);
    if (!s.active) throw badRequest(`Cán bộ ${s.fullName} đã ngừng theo dõi.`);
    for (const h of p.honors) {
      if (!HONOR_INFO[h].subjects.includes('individual')) throw badRequest(`${s.fullName}: ${honorSubjectMessage(h, 'individual')}`);
      assertHonor(c, h, 'individual');
    }
  }
  const before = await ctx.tx.select({ honor: registrations.honor, personId: registrations.personId }).from(registrations).where(and(eq(registrations.campaignKey, c.key), eq(registrations.unitId, unit.id)));
  await ctx.tx.delete(registrations).where(and(eq(registrations.campaignKey, c.key), eq(registrations.unitId, unit.id)));
  const base = { campaignKey: c.key, planId: c.kind === 'plan' ? c.id : null, movementId: c.kind === 'movement' ? c.id : null, year: c.year, unitId: unit.id, createdBy: ctx.actor.accountId };
  const rows = [
    ...[...new Set(input.collective)].map((honor) => ({ ...base, subjectKind: 'collective', subjectUnitId: unit.id, personId: null, honor })),
    ...input.people.flatMap((p) => [...new Set(p.honors)].map((honor) => ({ ...base, subjectKind: 'individual', subjectUnitId: null, personId: p.personId, honor }))),
  ];
  for (let i = 0; i < rows.length; i += 1000) await ctx.tx.insert(registrations).values(rows.slice(i, i + 1000));
  await ctx.audit({
    action: 'registration.unit_sheet',
    entityType: 'unit',
    entityId: unit.id,
    unitId: unit.id,
    summary: `Đăng ký thi đua cho "${unit.name}": ${input.collective.length} danh hiệu tập thể, ${input.people.filter((p) => p.honors.length).length} cá nhân — ${c.title}`,
    before: { count: before.length },
    after: { count: rows.length, collective: input.collective },
  });
  return { count: rows.length };
}

export async function reopenRegistration(ctx: CommandContext, input: { planId?: string | null | undefined; movementId?: string | null | undefined; unitId: string; until: string; reason: string }, now?: Date) {
  const c = await resolveCampaign(ctx.tx, ctx.actor, input, { owned: true });
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  assertUnitInCampaign(c, unit);
  if (input.until < vnToday(now)) throw badRequest(`Ngày mở lại đến ${formatDateVi(input.until)} đã qua.`);
  const [row] = await ctx.tx.insert(registrationReopenings).values({ campaignKey: c.key, unitId: unit.id, until: input.until, reason: input.reason, createdBy: ctx.actor.accountId }).returning();
  await ctx.audit({ action: 'registration.reopened', entityType: 'unit', entityId: unit.id, unitId: unit.id, summary: `Mở lại đăng ký thi đua cho "${unit.name}" đến ${formatDateVi(input.until)} — ${c.title}: ${input.reason}`, after: { campaign: c.key, until: input.until, reason: input.reason } });
  return row!;
}

/** Registrations of a campaign the actor may see (its subtree; staff: their own). */
export async function listRegistrations(tx: Executor, actor: Actor, c: Campaign, unitId?: string) {
  const scope = actor.role === 'staff' ? (actor.personId ? eq(registrations.personId, actor.personId) : sql`false`) : sql`${registrations.unitId} in (select ${units.id} from ${units} where ${units.path} like ${actor.unitPath.replace(/[\\%_]/g, (x) => `\\${x}`) + '%'})`;
  return tx
    .select({ reg: registrations, unitName: units.name, personName: people.fullName })
    .from(registrations)
    .innerJoin(units, eq(units.id, registrations.unitId))
    .leftJoin(people, eq(people.id, registrations.personId))
    .where(and(eq(registrations.campaignKey, c.key), scope, unitId ? eq(registrations.unitId, unitId) : undefined))
    .orderBy(units.sortOrder, units.name, people.sortKey);
}

export async function reopeningsOf(tx: Executor, c: Campaign) {
  return tx.select({ r: registrationReopenings, unitName: units.name }).from(registrationReopenings).innerJoin(units, eq(units.id, registrationReopenings.unitId)).where(eq(registrationReopenings.campaignKey, c.key)).orderBy(registrationReopenings.createdAt);
}

