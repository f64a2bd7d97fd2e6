/**
 * Petitions (thắc mắc, kiến nghị, khiếu nại, tố cáo): submitted by staff or by the public (a
 * tracking code), put on the deadline calendar with the time limit of their kind (the governing
 * pack), assigned, asked for more information, answered and closed. A complaint or denunciation
 * about a notice's candidate (or a decision) holds it until answered.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Db, Executor } from '../db/client.js';
import type { CommandContext } from './run.js';
import type { Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/record.js';
import { badRequest, forbidden, notFound } from '../errors.js';
import { now, todayVn } from '../clock.js';
import { addDays, addWorkingDays } from '../../shared/working-days.js';
import { loadCalendar } from '../repositories/dossiers.js';
import { findVisibleDossier } from '../repositories/dossiers.js';
import { findVisibleDecision } from '../repositories/decisions.js';
import { noticeListsCandidate, unsafeFindNotice } from '../repositories/notices.js';
import { unsafeFindCandidate } from '../repositories/council-sessions.js';
import { unsafeFindRegistration } from '../repositories/registrations.js';
import { unsafeFindUnit } from '../repositories/units.js';
import {
  consumePetitionChallenge,
  countRecentPublicPetitions,
  findAssignableAccount,
  findVisiblePetition,
  insertPetition,
  insertPetitionAttachments,
  insertPetitionEvent,
  insertPetitionChallenge,
  unsafeFindPetitionByTracking,
  findPublicPetitionAgency,
  updatePetition,
  type PetitionRow,
  type PetitionWithNames,
} from '../repositories/petitions.js';
import { completeDeadlines, registerDeadline } from '../deadlines/register.js';
import { governingPack } from '../records/eligibility.js';
import { anonymousDenunciationAllowed, petitionLimit } from '../rules/index.js';
import {
  AnonymousNotAllowed,
  PETITION_FILE_TYPES,
  PETITION_MAX_FILE_BYTES,
  PETITION_MAX_FILES,
  PETITION_MAX_TOTAL_BYTES,
  PUBLIC_PETITION_LIMIT,
  PUBLIC_PETITION_WINDOW_MS,
  PetitionClosed,
  PetitionCodeUnknown,
  PetitionNotActionable,
  TooManyPetitions,
  assignableRoles,
  petitionActions,
  type PetitionAction,
} from '../policies/petition.js';
import { CHALLENGE_TTL_MS, challengeDifficulty } from '../policies/notice.js';
import { ChallengeFailed } from './notices.js';
import { leadingZeroBits, proofInput } from '../../shared/proof-of-work.js';
import { PETITION_KIND_LABELS, type PetitionKind, type PetitionSubject } from '../../shared/codes.js';
import { formatDateVi } from '../../shared/format-vi.js';

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();
const sha256Hex = (text: string): string => sha256(text).toString('hex');
const clientKeyOf = (ip: string): string => sha256Hex(`tdkt-petition:${ip}`);

/** Crockford-like alphabet without look-alikes (0/O, 1/I/L): codes are read over the phone. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
function randomCode(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

export interface AttachmentInput {
  fileName: string;
  /** The file's bytes, base64. */
  data: string;
}

/** Decodes and checks the attachments: count, kind, size of each and of all (nothing is stored when one fails). */
export function decodeAttachments(files: readonly AttachmentInput[] | undefined): { fileName: string; mime: string; data: Buffer }[] {
  const list = files ?? [];
  if (list.length > PETITION_MAX_FILES) throw badRequest(`Chỉ đính kèm tối đa ${PETITION_MAX_FILES} tệp.`);
  let total = 0;
  return list.map((f) => {
    const ext = f.fileName.toLowerCase().split('.').pop() ?? '';
    const mime = PETITION_FILE_TYPES[ext];
    if (!mime) throw badRequest(`Tệp "${f.fileName}" không được nhận: chỉ nhận PDF, ảnh JPG/PNG hoặc Word (.docx).`);
    const data = Buffer.from(f.data, 'base64');
    if (data.length === 0) throw badRequest(`Tệp "${f.fileName}" rỗng.`);
    if (data.length > PETITION_MAX_FILE_BYTES) throw badRequest(`Tệp "${f.fileName}" quá lớn: mỗi tệp tối đa ${PETITION_MAX_FILE_BYTES / 1024 / 1024} MB.`);
    total += data.length;
    if (total > PETITION_MAX_TOTAL_BYTES) throw badRequest(`Các tệp đính kèm quá lớn: tổng cộng tối đa ${PETITION_MAX_TOTAL_BYTES / 1024 / 1024} MB.`);
    return { fileName: f.fileName, mime, data };
  });
}

/** The due date of a petition received on `receivedOn`: the kind's limit from the pack governing the unit, in working or calendar days. */
async function dueOf(tx: Executor, unitPath: string, kind: PetitionKind, receivedOn: string) {
  const pack = await governingPack(tx, unitPath, receivedOn);
  const rule = petitionLimit(pack, kind);
  const dueDate = rule.unit === 'working' ? addWorkingDays(await loadCalendar(tx), receivedOn, rule.days) : addDays(receivedOn, rule.days);
  return { pack, rule, dueDate };
}

async function putOnCalendar(tx: Executor, p: PetitionRow): Promise<void> {
  await registerDeadline(tx, {
    sourceType: 'petition',
    sourceId: p.id,
    key: 'answer',
    unitId: p.unitId,
    kind: 'other',
    title: `${PETITION_KIND_LABELS[p.kind as PetitionKind]}: ${p.title}`,
    dueDate: p.dueDate,
    audience: 'office',
    note: `${p.limitDays} ${p.limitUnit === 'working' ? 'ngày làm việc' : 'ngày'} (${p.limitArticle})`,
    link: `/don-thu/${p.id}`,
    remindDays: [5, 2, 0],
  });
}

interface LinkInput {
  subjectType: PetitionSubject;
  subjectId?: string | null | undefined;
  noticeId?: string | null | undefined;
  candidateId?: string | null | undefined;
  decisionId?: string | null | undefined;
}

/**
 * The record a petition is about, checked against what the sender may see; the unit whose Office
 * handles it (the record's unit, else the sender's or the chosen agency).
 */
async function resolveLink(tx: Executor, actor: Actor | null, link: LinkInput, fallbackUnit: { id: string; path: string } | undefined) {
  const out = {
    unit: fallbackUnit,
    subjectId: null as string | null,
    noticeId: null as string | null,
    candidateId: null as string | null,
    decisionId: null as string | null,
  };
  switch (link.subjectType) {
    case 'general':
      return withUnit(out);
    case 'record':
      if (!actor?.personId) throw badRequest('Tài khoản của bạn không gắn với hồ sơ cá nhân nào.');
      out.subjectId = actor.personId;
      break;
    case 'registration': {
      const r = link.subjectId && actor ? await unsafeFindRegistration(tx, link.subjectId) : undefined;
      if (!r || !actor || (r.personId !== actor.personId && r.unitId !== actor.unitId)) throw notFound('Không tìm thấy đăng ký thi đua.');
      out.subjectId = r.id;
      break;
    }
    case 'dossier': {
      const d = link.subjectId && actor ? await findVisibleDossier(tx, actor, link.subjectId) : undefined;
      if (!d) throw notFound('Không tìm thấy hồ sơ đề nghị khen thưởng.');
      out.subjectId = d.id;
      break;
    }
    case 'decision': {
      const d = link.decisionId && actor ? await findVisibleDecision(tx, actor, link.decisionId) : undefined;
      if (!d) throw notFound('Không tìm thấy quyết định khen thưởng.');
      out.decisionId = d.id;
      const u = await unsafeFindUnit(tx, d.unitId);
      if (u) out.unit = { id: u.id, path: u.path };
      break;
    }
    case 'notice': {
      const n = link.noticeId ? await unsafeFindNotice(tx, link.noticeId) : undefined;
      if (!n) throw notFound('Không tìm thấy thông báo công khai.');
      out.noticeId = n.notice.id;
      const u = await unsafeFindUnit(tx, n.notice.unitId);
      if (u) out.unit = { id: u.id, path: u.path };
      break;
    }
  }
  if (link.candidateId) {
    const c = await unsafeFindCandidate(tx, link.candidateId);
    const onNotice = c && out.noticeId ? await noticeListsCandidate(tx, out.noticeId, c.id) : false;
    // One's own candidacy (a refusal questioned), or a candidate listed on the notice concerned.
    if (!c || !(onNotice || (actor?.personId && c.personId === actor.personId))) throw notFound('Không tìm thấy người/tập thể được đề nghị.');
    out.candidateId = c.id;
  }
  return withUnit(out);
}

function withUnit<T extends { unit: { id: string; path: string } | undefined }>(link: T): T & { unit: { id: string; path: string } } {
  const { unit } = link;
  if (!unit) throw badRequest('Hãy chọn cơ quan nhận đơn.');
  return { ...link, unit };
}

export interface PetitionInput extends LinkInput {
  kind: PetitionKind;
  title: string;
  content: string;
  authorName?: string | null | undefined;
  authorContact?: string | null | undefined;
  anonymous?: boolean | undefined;
  attachments?: AttachmentInput[] | undefined;
}

async function createPetition(
  tx: Executor,
  actor: Actor | null,
  input: PetitionInput,
  origin: {
    unit: { id: string; path: string } | undefined;
    channel: 'app' | 'portal';
    clientKey: string | null;
    fixedCode?: { trackingId: string; secret: string };
  },
): Promise<{ petition: PetitionRow; code: string }> {
  const files = decodeAttachments(input.attachments);
  const link = await resolveLink(tx, actor, input, origin.unit);
  const receivedOn = todayVn();
  const { pack, rule, dueDate } = await dueOf(tx, link.unit.path, input.kind, receivedOn);
  const anonymous = input.kind === 'to_cao' && !!input.anonymous;
  if (anonymous && !anonymousDenunciationAllowed(pack))
    throw new AnonymousNotAllowed(`Tố cáo phải ghi rõ họ tên, địa chỉ người tố cáo (${pack.pipeline.petitions.anonymousDenunciation.article}).`);
  const authorName = anonymous ? null : input.authorName?.trim() || actor?.displayName || null;
  if (!anonymous && !authorName) throw badRequest('Hãy nhập họ tên người gửi.');
  const secret = origin.fixedCode?.secret ?? randomCode(12);
  const trackingId = origin.fixedCode?.trackingId ?? randomCode(8);
  const petition = await insertPetition(tx, {
    unitId: link.unit.id,
    kind: input.kind,
    title: input.title.trim(),
    content: input.content.trim(),
    channel: origin.channel,
    subjectType: input.subjectType,
    subjectId: link.subjectId,
    noticeId: link.noticeId,
    candidateId: link.candidateId,
    decisionId: link.decisionId,
    // A complaint or denunciation about a candidate or a decision holds it until answered.
    holdsSubject: (input.kind === 'khieu_nai' || input.kind === 'to_cao') && !!(link.candidateId || link.decisionId),
    submittedBy: actor?.accountId ?? null,
    submitterPersonId: actor?.personId ?? null,
    authorName,
    authorContact: anonymous ? null : input.authorContact?.trim() || null,
    anonymous,
    trackingId,
    secretHash: sha256Hex(secret),
    receivedOn,
    dueDate,
    limitDays: rule.days,
    limitUnit: rule.unit,
    limitArticle: rule.article,
    clientKey: origin.clientKey,
    createdAt: now(),
  });
  await insertPetitionAttachments(tx, petition.id, files);
  await insertPetitionEvent(tx, { petitionId: petition.id, kind: 'received', actorId: actor?.accountId ?? null, byPetitioner: true, at: now() });
  await putOnCalendar(tx, petition);
  return { petition, code: `${trackingId}-${secret}` };
}

/** A staff member's petition from the app. */
export async function submitPetition(ctx: CommandContext, input: PetitionInput): Promise<{ petition: PetitionRow; code: string }> {
  const unit = await unsafeFindUnit(ctx.tx, ctx.actor.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  const r = await createPetition(ctx.tx, ctx.actor, input, { unit: { id: unit.id, path: unit.path }, channel: 'app', clientKey: null });
  await ctx.audit({
    action: 'petition.submitted',
    entityType: 'petition',
    entityId: r.petition.id,
    unitId: r.petition.unitId,
    summary: `${PETITION_KIND_LABELS[input.kind]} "${r.petition.title}", hạn trả lời ${formatDateVi(r.petition.dueDate)}`,
  });
  return r;
}

export async function issuePetitionChallenge(db: Db): Promise<{ nonce: string; difficulty: number; expiresAt: Date }> {
  return db.transaction(async (tx) => {
    const nonce = randomBytes(16).toString('hex');
    const at = now();
    const expiresAt = new Date(at.getTime() + CHALLENGE_TTL_MS);
    const difficulty = challengeDifficulty();
    await insertPetitionChallenge(tx, { nonceHash: sha256Hex(nonce), difficulty, expiresAt }, at);
    return { nonce, difficulty, expiresAt };
  });
}

/**
 * A petition from the public portal (no account: its own transaction, an anonymous audit source).
 * Only general (to the agency the citizen chose) or about a public notice (to the agency that
 * posted it).
 */
export async function submitPublicPetition(
  db: Db,
  input: PetitionInput & { agencyId?: string | null | undefined; challenge: { nonce: string; solution: number } },
  ip: string,
): Promise<{ petition: PetitionRow; code: string }> {
  if (input.subjectType !== 'general' && input.subjectType !== 'notice') throw badRequest('Cổng công khai chỉ nhận đơn chung hoặc về một thông báo công khai.');
  return db.transaction(async (tx) => {
    const at = now();
    const clientKey = clientKeyOf(ip);
    if ((await countRecentPublicPetitions(tx, clientKey, new Date(at.getTime() - PUBLIC_PETITION_WINDOW_MS))) >= PUBLIC_PETITION_LIMIT)
      throw new TooManyPetitions(`Bạn đã gửi ${PUBLIC_PETITION_LIMIT} đơn trong ${PUBLIC_PETITION_WINDOW_MS / 60_000} phút qua. Hãy thử lại sau.`);
    const difficulty = await consumePetitionChallenge(tx, sha256Hex(input.challenge.nonce), at);
    if (difficulty === undefined) throw new ChallengeFailed('Mã xác minh đã hết hạn hoặc đã được dùng. Hãy tải lại trang và gửi lại.');
    if (leadingZeroBits(createHash('sha256').update(proofInput(input.challenge.nonce, input.challenge.solution)).digest()) < difficulty)
      throw new ChallengeFailed('Mã xác minh không đúng. Hãy tải lại trang và gửi lại.');
    const agency = input.agencyId ? await findPublicPetitionAgency(tx, input.agencyId) : undefined;
    if (input.agencyId && !agency) throw badRequest('Cơ quan nhận đơn không có trong danh sách. Hãy chọn lại cơ quan.');
    // A petition about a notice goes to the agency that posted it (resolveLink), whatever was chosen.
    const r = await createPetition(tx, null, { ...input, subjectId: null, decisionId: null }, { unit: agency, channel: 'portal', clientKey });
    await recordAudit(
      tx,
      { username: 'cong-khai', ip },
      {
        action: 'petition.received_public',
        entityType: 'petition',
        entityId: r.petition.id,
        unitId: r.petition.unitId,
        summary: `${PETITION_KIND_LABELS[input.kind]} từ cổng công khai "${r.petition.title}", hạn trả lời ${formatDateVi(r.petition.dueDate)}`,
      },
    );
    return r;
  });
}

/**
 * The demo agency's portal petition, with a code printed in the user guide so that anyone trying
 * the demo can follow it (only the demo seed calls this; real codes are random and shown once).
 */
export async function seedPortalPetition(
  tx: Executor,
  root: { id: string; path: string },
  input: PetitionInput,
  fixedCode: { trackingId: string; secret: string },
): Promise<PetitionRow> {
  const r = await createPetition(tx, null, { ...input, subjectId: null, decisionId: null }, { unit: root, channel: 'portal', clientKey: null, fixedCode });
  await recordAudit(
    tx,
    { username: 'system' },
    {
      action: 'petition.received_public',
      entityType: 'petition',
      entityId: r.petition.id,
      unitId: r.petition.unitId,
      summary: `Dữ liệu mẫu: đơn từ cổng công khai "${r.petition.title}"`,
    },
  );
  return r.petition;
}

/**
 * A petition by its public code `TRACKING-SECRET`: the secret is compared in constant time with
 * the stored hash; an unknown id and a wrong secret answer the same 404.
 */
export async function followPublicPetition(db: Db, code: string): Promise<PetitionWithNames> {
  const m = /^([2-9A-HJKMNP-Z]{8})-([2-9A-HJKMNP-Z]{12})$/.exec(code.trim().toUpperCase());
  const found = m ? await unsafeFindPetitionByTracking(db, m[1]!) : undefined;
  const expected = Buffer.from(found?.petition.secretHash ?? sha256Hex('none'), 'hex');
  const given = sha256(m?.[2] ?? '');
  if (!found || !m || !timingSafeEqual(expected, given)) throw new PetitionCodeUnknown('Không tìm thấy đơn với mã tra cứu này.');
  return found;
}

/** The petition within reach, or 404; `action` must be one the record policy allows now. */
async function loadFor(ctx: CommandContext, id: string, action: PetitionAction, version?: number): Promise<PetitionWithNames> {
  const found = await findVisiblePetition(ctx.tx, ctx.actor, id);
  if (!found) throw notFound('Không tìm thấy đơn.');
  const p = found.petition;
  if (version !== undefined && version !== p.version) throw new PetitionNotActionable('Đơn vừa được người khác cập nhật. Hãy tải lại trang.');
  if (!petitionActions(ctx.actor, p).includes(action)) {
    if (p.status === 'answered' || p.status === 'closed')
      throw new PetitionClosed(`Đơn đã ${p.status === 'closed' ? 'kết thúc' : 'được trả lời'}: không thực hiện được thao tác này.`);
    if (action === 'reply' && p.submittedBy !== ctx.actor.accountId) throw forbidden();
    throw new PetitionNotActionable('Trạng thái của đơn không cho phép thao tác này.');
  }
  return found;
}

export async function assignPetition(ctx: CommandContext, id: string, input: { handlerId: string; version?: number | undefined }): Promise<PetitionRow> {
  const { petition: p } = await loadFor(ctx, id, 'assign', input.version);
  const handler = await findAssignableAccount(ctx.tx, ctx.actor, input.handlerId, assignableRoles());
  if (!handler) throw notFound('Không tìm thấy người xử lý trong đơn vị.');
  const next = await updatePetition(ctx.tx, p.id, p.version, {
    handlerId: handler.id,
    assignedAt: now(),
    status: p.status === 'received' ? 'assigned' : p.status,
  });
  await insertPetitionEvent(ctx.tx, { petitionId: p.id, kind: 'assigned', text: handler.displayName, actorId: ctx.actor.accountId, at: now() });
  await ctx.audit({
    action: 'petition.assigned',
    entityType: 'petition',
    entityId: p.id,
    unitId: p.unitId,
    summary: `Giao ${handler.displayName} xử lý đơn "${p.title}"`,
  });
  return next;
}

export async function requestPetitionInfo(ctx: CommandContext, id: string, input: { text: string; version?: number | undefined }): Promise<PetitionRow> {
  const { petition: p } = await loadFor(ctx, id, 'requestInfo', input.version);
  const next = await updatePetition(ctx.tx, p.id, p.version, { status: 'info_requested' });
  await insertPetitionEvent(ctx.tx, { petitionId: p.id, kind: 'info_requested', text: input.text.trim(), actorId: ctx.actor.accountId, at: now() });
  await ctx.audit({
    action: 'petition.info_requested',
    entityType: 'petition',
    entityId: p.id,
    unitId: p.unitId,
    summary: `Đề nghị bổ sung thông tin cho đơn "${p.title}"`,
  });
  return next;
}

/** The petitioner's reply to a request for information (the case goes back to its handler). */
export async function replyToPetition(
  ctx: CommandContext,
  id: string,
  input: { text: string; attachments?: AttachmentInput[] | undefined },
): Promise<PetitionRow> {
  const { petition: p } = await loadFor(ctx, id, 'reply');
  const files = decodeAttachments(input.attachments);
  const next = await updatePetition(ctx.tx, p.id, p.version, { status: p.handlerId ? 'assigned' : 'received' });
  await insertPetitionAttachments(ctx.tx, p.id, files);
  await insertPetitionEvent(ctx.tx, {
    petitionId: p.id,
    kind: 'info_provided',
    text: input.text.trim(),
    actorId: ctx.actor.accountId,
    byPetitioner: true,
    at: now(),
  });
  await ctx.audit({
    action: 'petition.info_provided',
    entityType: 'petition',
    entityId: p.id,
    unitId: p.unitId,
    summary: `Bổ sung thông tin cho đơn "${p.title}"`,
  });
  return next;
}

/** The answer: the case's deadline is done, a hold on the candidate or decision is lifted. */
export async function answerPetition(ctx: CommandContext, id: string, input: { answer: string; version?: number | undefined }): Promise<PetitionRow> {
  const { petition: p } = await loadFor(ctx, id, 'answer', input.version);
  const answeredOn = todayVn();
  const next = await updatePetition(ctx.tx, p.id, p.version, {
    status: 'answered',
    answer: input.answer.trim(),
    answeredBy: ctx.actor.accountId,
    answeredAt: now(),
    answeredOn,
  });
  await insertPetitionEvent(ctx.tx, { petitionId: p.id, kind: 'answered', text: input.answer.trim(), actorId: ctx.actor.accountId, at: now() });
  await completeDeadlines(ctx.tx, 'petition', p.id);
  const late = answeredOn > p.dueDate;
  await ctx.audit({
    action: 'petition.answered',
    entityType: 'petition',
    entityId: p.id,
    unitId: p.unitId,
    summary: `Trả lời đơn "${p.title}" ngày ${formatDateVi(answeredOn)} (${late ? 'quá hạn' : 'trong hạn'} ${formatDateVi(p.dueDate)})`,
  });
  return next;
}

export async function closePetition(
  ctx: CommandContext,
  id: string,
  input: { note?: string | null | undefined; version?: number | undefined },
): Promise<PetitionRow> {
  const { petition: p } = await loadFor(ctx, id, 'close', input.version);
  const next = await updatePetition(ctx.tx, p.id, p.version, { status: 'closed', closedAt: now() });
  await insertPetitionEvent(ctx.tx, { petitionId: p.id, kind: 'closed', text: input.note?.trim() || null, actorId: ctx.actor.accountId, at: now() });
  await ctx.audit({ action: 'petition.closed', entityType: 'petition', entityId: p.id, unitId: p.unitId, summary: `Kết thúc xử lý đơn "${p.title}"` });
  return next;
}

/** Every reading of a denunciation is audited (who, and whether the identity was shown). */
export async function auditPetitionRead(ctx: CommandContext, p: PetitionRow, identityShown: boolean, what: 'viewed' | 'attachment_read'): Promise<void> {
  if (p.kind !== 'to_cao' && what === 'viewed') return;
  await ctx.audit({
    action: what === 'viewed' ? 'petition.viewed' : 'petition.attachment_read',
    entityType: 'petition',
    entityId: p.id,
    unitId: p.unitId,
    summary: `${what === 'viewed' ? 'Xem' : 'Tải tệp của'} đơn ${PETITION_KIND_LABELS[p.kind as PetitionKind].toLowerCase()} "${p.title}" (${identityShown ? 'thấy' : 'không thấy'} thông tin người gửi)`,
  });
}
