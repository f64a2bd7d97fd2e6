import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { CommandContext } from './run.js';
import type { Executor } from '../db/client.js';
import type { Actor } from '../auth/actor.js';
import { ancestorIds, findOwnedPlan, findReadablePlan } from '../repositories/plans.js';
import { findOwnedMovement, findReadableMovement, honorsOfMovement, participantPathsOf } from '../repositories/movements.js';
import {
  deleteRegistration,
  findActiveReopening,
  insertRegistrationOnce,
  insertReopening,
  registrationsOfUnit,
  replaceUnitRegistrations,
  unsafeFindRegistration,
  unsafeFindUnit,
  unsafePeopleByIds,
  unsafeUnitPath,
  type RegistrationRow,
  type RegistrationValues,
} from '../repositories/registrations.js';
import { insertPledge } from '../repositories/pledges.js';
import { findVisibleUnit, type UnitRow } from '../repositories/units.js';
import { findVisiblePerson } from '../repositories/people.js';
import { badRequest, notFound } from '../errors.js';
import { todayVn } from '../clock.js';
import {
  assertCampaignAccepts,
  HonorNotRegistrable,
  RegistrationClosed,
  RegistrationDuplicate,
  RegistrationNotYetOpen,
  registrableHonors,
  type Campaign,
} from '../policies/registration.js';
import { formatDateVi } from '../../shared/format-vi.js';
import { HONOR_INFO, type Honor, type SubjectKind } from '../../shared/codes.js';
import { honorSubjectMessage, type RegistrationInput, type UnitSheetInput } from '../../shared/schemas/plans.js';

export type { Campaign } from '../policies/registration.js';

/**
 * Resolves the campaign the actor may read (or owns, with `owned`); with `forWrite` it must take
 * registrations (a published plan, a launched movement).
 */
export async function resolveCampaign(
  tx: Executor,
  actor: Actor,
  ref: { planId?: string | null | undefined; movementId?: string | null | undefined },
  opts: { owned?: boolean; forWrite?: boolean } = {},
): Promise<Campaign> {
  if (!!ref.planId === !!ref.movementId) throw badRequest('Hãy chọn một kế hoạch năm hoặc một phong trào thi đua.');
  let c: Campaign;
  if (ref.planId) {
    const p = opts.owned ? await findOwnedPlan(tx, actor, ref.planId) : await findReadablePlan(tx, actor, ref.planId);
    if (!p) throw notFound('Không tìm thấy kế hoạch.');
    c = {
      key: `plan:${p.id}`,
      kind: 'plan',
      id: p.id,
      title: p.title,
      year: p.year,
      status: p.status,
      ownerUnitId: p.unitId,
      ownerPath: (await unsafeUnitPath(tx, p.unitId)) ?? '',
      deadline: p.registrationDeadline,
      offered: [],
      participantPaths: [],
    };
  } else {
    const m = opts.owned ? await findOwnedMovement(tx, actor, ref.movementId!) : await findReadableMovement(tx, actor, ref.movementId!);
    if (!m) throw notFound('Không tìm thấy phong trào.');
    const offered = await honorsOfMovement(tx, m.id);
    c = {
      key: `movement:${m.id}`,
      kind: 'movement',
      id: m.id,
      title: m.title,
      year: m.year,
      status: m.status,
      ownerUnitId: m.unitId,
      ownerPath: (await unsafeUnitPath(tx, m.unitId)) ?? '',
      deadline: m.registrationDeadline,
      opensOn: m.registrationStartDate,
      offered: offered.map((o) => o.honor as Honor),
      participantPaths: await participantPathsOf(tx, m.id),
    };
  }
  if (opts.forWrite) assertCampaignAccepts(c);
  return c;
}

export function assertUnitInCampaign(c: Campaign, unit: UnitRow) {
  const inside = unit.path.startsWith(c.ownerPath) && (c.participantPaths.length === 0 || c.participantPaths.some((p) => unit.path.startsWith(p)));
  if (!inside) throw badRequest(`Đơn vị "${unit.name}" không thuộc phạm vi của ${c.kind === 'plan' ? 'kế hoạch' : 'phong trào'} "${c.title}".`);
}

/** Refuses a late registration unless the Office has reopened it for the unit (or a unit above it). */
export async function assertOpen(tx: Executor, c: Campaign, unit: UnitRow, today: string = todayVn()): Promise<void> {
  if (c.opensOn && today < c.opensOn)
    throw new RegistrationNotYetOpen(
      `Chưa đến thời gian đăng ký thi đua: ${c.kind === 'plan' ? 'kế hoạch' : 'phong trào'} "${c.title}" nhận đăng ký từ ngày ${formatDateVi(c.opensOn)}${c.deadline ? ` đến hết ngày ${formatDateVi(c.deadline)}` : ''}.`,
    );
  if (!c.deadline || today <= c.deadline) return;
  if (await findActiveReopening(tx, c.key, [...ancestorIds(unit.path), unit.id], today)) return;
  throw new RegistrationClosed(
    `Đã hết hạn đăng ký thi đua (hạn chót ${formatDateVi(c.deadline)}). Đơn vị "${unit.name}" không đăng ký thêm được; nếu có lý do chính đáng, đề nghị Văn phòng (Thường trực Hội đồng) mở lại đăng ký cho đơn vị.`,
  );
}

/** The honor may be given to that kind of subject, and the campaign takes registrations for it. */
function assertHonor(c: Campaign, honor: Honor, kind: SubjectKind) {
  if (!HONOR_INFO[honor].subjects.includes(kind)) throw new HonorNotRegistrable(honorSubjectMessage(honor, kind));
  if (!registrableHonors(c).includes(honor)) {
    throw new HonorNotRegistrable(
      c.kind === 'movement'
        ? `Phong trào "${c.title}" không xét "${HONOR_INFO[honor].label}".`
        : `Kế hoạch "${c.title}" không nhận đăng ký "${HONOR_INFO[honor].label}" (chỉ các danh hiệu, hình thức khen thưởng hằng năm của đơn vị và cấp tỉnh).`,
    );
  }
}

function campaignColumns(c: Campaign) {
  return { campaignKey: c.key, planId: c.kind === 'plan' ? c.id : null, movementId: c.kind === 'movement' ? c.id : null, year: c.year };
}

export async function registerOne(ctx: CommandContext, input: RegistrationInput, today?: string): Promise<RegistrationRow> {
  const c = await resolveCampaign(ctx.tx, ctx.actor, input, { forWrite: true });
  let unit: UnitRow | undefined;
  let subjectName: string;
  if (input.subjectKind === 'individual') {
    if (!input.personId) throw badRequest('Hãy chọn cán bộ đăng ký.');
    const person = await findVisiblePerson(ctx.tx, ctx.actor, input.personId);
    if (!person) throw notFound('Không tìm thấy cán bộ.');
    if (!person.active) throw badRequest(`Cán bộ ${person.fullName} đã ngừng theo dõi.`);
    unit = await unsafeFindUnit(ctx.tx, person.unitId);
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
  await assertOpen(ctx.tx, c, unit, today);
  const row = await insertRegistrationOnce(ctx.tx, {
    ...campaignColumns(c),
    unitId: unit.id,
    subjectKind: input.subjectKind,
    personId: input.subjectKind === 'individual' ? input.personId! : null,
    subjectUnitId: input.subjectKind === 'individual' ? null : unit.id,
    honor: input.honor,
    note: input.note ?? null,
    createdBy: ctx.actor.accountId,
  });
  if (!row) throw new RegistrationDuplicate(`${subjectName} đã đăng ký "${HONOR_INFO[input.honor].label}".`);
  await ctx.audit({
    action: 'registration.created',
    entityType: 'registration',
    entityId: row.id,
    unitId: unit.id,
    summary: `${subjectName} đăng ký "${HONOR_INFO[input.honor].label}" — ${c.title}`,
    after: { campaign: c.key, honor: input.honor },
  });
  return row;
}

export async function withdrawRegistration(ctx: CommandContext, id: string, today?: string): Promise<void> {
  const row = await unsafeFindRegistration(ctx.tx, id);
  const visible = row && (await visibleRegistration(ctx.tx, ctx.actor, row));
  if (!row || !visible) throw notFound('Không tìm thấy đăng ký.');
  const c = await resolveCampaign(ctx.tx, ctx.actor, { planId: row.planId, movementId: row.movementId }, { forWrite: true });
  const unit = await unsafeFindUnit(ctx.tx, row.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  await assertOpen(ctx.tx, c, unit, today);
  await deleteRegistration(ctx.tx, id);
  await ctx.audit({
    action: 'registration.withdrawn',
    entityType: 'registration',
    entityId: id,
    unitId: row.unitId,
    summary: `Rút đăng ký "${HONOR_INFO[row.honor as Honor]?.label ?? row.honor}" — ${c.title}`,
    before: { honor: row.honor },
  });
}

async function visibleRegistration(tx: Executor, actor: Actor, row: RegistrationRow): Promise<boolean> {
  if (row.personId) return !!(await findVisiblePerson(tx, actor, row.personId));
  return !!(await findVisibleUnit(tx, actor, row.unitId));
}

/** A clerk's one-table registration: the unit's collective honors and each staff member's, replacing what it had. */
export async function registerUnitSheet(ctx: CommandContext, input: UnitSheetInput, today?: string): Promise<{ count: number }> {
  const c = await resolveCampaign(ctx.tx, ctx.actor, input, { forWrite: true });
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  assertUnitInCampaign(c, unit);
  await assertOpen(ctx.tx, c, unit, today);
  for (const h of input.collective) assertHonor(c, h, 'collective');
  const personIds = input.people.map((p) => p.personId);
  if (new Set(personIds).size !== personIds.length) throw badRequest('Một cán bộ xuất hiện hai lần trong bảng đăng ký.');
  const byId = new Map((await unsafePeopleByIds(ctx.tx, personIds)).map((s) => [s.id, s]));
  for (const p of input.people) {
    const s = byId.get(p.personId);
    if (!s || s.unitId !== unit.id) throw badRequest(`Bảng đăng ký có cán bộ không thuộc "${unit.name}".`);
    if (!s.active) throw badRequest(`Cán bộ ${s.fullName} đã ngừng theo dõi.`);
    for (const h of p.honors) {
      if (!HONOR_INFO[h].subjects.includes('individual')) throw new HonorNotRegistrable(`${s.fullName}: ${honorSubjectMessage(h, 'individual')}`);
      assertHonor(c, h, 'individual');
    }
  }
  const before = await registrationsOfUnit(ctx.tx, c.key, unit.id);
  const base = { ...campaignColumns(c), unitId: unit.id, createdBy: ctx.actor.accountId };
  const rows: RegistrationValues[] = [
    ...[...new Set(input.collective)].map((honor) => ({ ...base, subjectKind: 'collective', subjectUnitId: unit.id, personId: null, honor })),
    ...input.people.flatMap((p) =>
      [...new Set(p.honors)].map((honor) => ({ ...base, subjectKind: 'individual', subjectUnitId: null, personId: p.personId, honor })),
    ),
  ];
  await replaceUnitRegistrations(ctx.tx, c.key, unit.id, rows);
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

export async function reopenRegistration(
  ctx: CommandContext,
  input: { planId?: string | null | undefined; movementId?: string | null | undefined; unitId: string; until: string; reason: string },
  today: string = todayVn(),
) {
  const c = await resolveCampaign(ctx.tx, ctx.actor, input, { owned: true });
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  assertUnitInCampaign(c, unit);
  if (input.until < today) throw badRequest(`Ngày mở lại đến ${formatDateVi(input.until)} đã qua.`);
  const row = await insertReopening(ctx.tx, { campaignKey: c.key, unitId: unit.id, until: input.until, reason: input.reason, createdBy: ctx.actor.accountId });
  await ctx.audit({
    action: 'registration.reopened',
    entityType: 'unit',
    entityId: unit.id,
    unitId: unit.id,
    summary: `Mở lại đăng ký thi đua cho "${unit.name}" đến ${formatDateVi(input.until)} — ${c.title}: ${input.reason}`,
    after: { campaign: c.key, until: input.until, reason: input.reason },
  });
  return row;
}

/** Signed pledge documents: PDF, Word (.docx) or a scan (JPEG/PNG), recognised by content. */
const PLEDGE_TYPES = new Set(['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/jpeg', 'image/png']);

export interface PledgeInput {
  unitId: string;
  title: string;
  year: number;
  signedDate: string;
  /** One party a line (or separated by ";"). */
  parties: string;
  movementId?: string | undefined;
  document: { buffer: Buffer; fileName: string | null };
}

/** Records a pledge (giao ước thi đua) of one of the actor's units with its signed document. */
export async function recordPledge(ctx: CommandContext, input: PledgeInput) {
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  if (input.movementId && !(await findReadableMovement(ctx.tx, ctx.actor, input.movementId))) throw notFound('Không tìm thấy phong trào.');
  const { buffer } = input.document;
  if (buffer.length === 0) throw badRequest('Tệp tải lên rỗng.');
  const type = await fileTypeFromBuffer(buffer);
  if (!type || !PLEDGE_TYPES.has(type.mime))
    throw badRequest('Văn bản giao ước phải là tệp PDF, Word (.docx) hoặc ảnh chụp JPEG/PNG (kiểm tra theo nội dung tệp).');
  const parties = input.parties
    .split(/\r?\n|;/)
    .map((s) => s.trim())
    .filter(Boolean);
  const p = await insertPledge(ctx.tx, {
    unitId: unit.id,
    movementId: input.movementId ?? null,
    year: input.year,
    title: input.title,
    parties,
    signedDate: input.signedDate,
    documentName: input.document.fileName ?? `giao-uoc.${type.ext}`,
    documentMime: type.mime,
    documentSize: buffer.length,
    documentSha256: createHash('sha256').update(buffer).digest('hex'),
    document: buffer,
    createdBy: ctx.actor.accountId,
  });
  await ctx.audit({
    action: 'pledge.created',
    entityType: 'pledge',
    entityId: p.id,
    unitId: unit.id,
    summary: `Giao ước thi đua "${input.title}" (${parties.join(', ') || unit.name})`,
    after: { year: input.year, signedDate: input.signedDate, parties, documentSize: buffer.length },
  });
  return { id: p.id, title: p.title, documentMime: type.mime, documentSize: buffer.length };
}
