/**
 * Hiệp y: the Office asks other bodies (police, tax, social insurance, environment, the Party's
 * inspection committee) to confirm candidates of a dossier by a deadline, records their answers
 * (agree, or disagree about named candidates with the reason) and their scanned replies, or cancels.
 */
import { createHash } from 'node:crypto';
import type { CommandContext } from './run.js';
import type { Db } from '../db/client.js';
import { notifyWorkflow } from './notify.js';
import {
  bodyNameTaken,
  dossierCandidatesAmong,
  findAnswerOf,
  findOwnedBody,
  findReachableBodies,
  findVisibleConsultation,
  insertBody,
  insertConsultation,
  insertConsultationAnswers,
  insertConsultationCandidates,
  openRequestsOfDossier,
  partsOf,
  replaceObjections,
  unsafeListWaitingDueBy,
  unsafeWaitingBodies,
  updateAnswer,
  updateBodyAtVersion,
  updateConsultationAtVersion,
  type ConsultationListRow,
  type ConsultedBodyRow,
} from '../repositories/consultations.js';
import { findVisibleDossier, loadCalendar } from '../repositories/dossiers.js';
import { findVisibleUnit } from '../repositories/units.js';
import { governingPackOfUnit } from '../records/eligibility.js';
import { consultationAnswerDays, consultationSilence } from '../rules/index.js';
import { addWorkingDays } from '../../shared/working-days.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { ConsultationInvalid, assertConsultationAllows, consultedBodyAbilities } from '../policies/consultation.js';
import { cancelDeadlines, completeDeadlines, registerDeadline } from '../deadlines/register.js';
import { checkUpload } from './dossiers/documents.js';
import { now, todayVn } from '../clock.js';
import { formatDateVi } from '../../shared/format-vi.js';
import type { ConsultationAnswerInput, ConsultationInput, ConsultedBodyInput } from '../../shared/schemas/consultations.js';

const STALE = 'Bản ghi đã được người khác sửa. Hãy tải lại và thử lại.';
const DEADLINE_KEY = 'answers';

export const consultationLink = (id: string): string => `/hiep-y/${id}`;

// ---- Address book ----

export async function saveConsultedBody(ctx: CommandContext, id: string | null, input: ConsultedBodyInput): Promise<ConsultedBodyRow> {
  const values = {
    kind: input.kind,
    name: input.name,
    address: input.address?.trim() || null,
    email: input.email?.trim() || null,
    active: input.active,
  };
  if (!id) {
    const unit = await findVisibleUnit(ctx.tx, ctx.actor, ctx.actor.unitId);
    if (!unit) throw notFound('Không tìm thấy đơn vị.');
    if (await bodyNameTaken(ctx.tx, unit.id, values.name)) throw conflict(`Danh bạ đã có cơ quan "${values.name}".`);
    const row = await insertBody(ctx.tx, { ...values, unitId: unit.id });
    await ctx.audit({
      action: 'consultation.body_saved',
      entityType: 'consulted_body',
      entityId: row.id,
      unitId: row.unitId,
      summary: `Thêm "${row.name}" vào danh bạ cơ quan xin ý kiến hiệp y`,
      after: values,
    });
    return row;
  }
  const found = await findOwnedBody(ctx.tx, ctx.actor, id);
  if (!found) throw notFound('Không tìm thấy cơ quan trong danh bạ.');
  if (!consultedBodyAbilities(ctx.actor, found).includes('update')) throw notFound('Không tìm thấy cơ quan trong danh bạ.');
  const before = found.body;
  if (input.version !== undefined && input.version !== before.version) throw conflict(STALE);
  if (await bodyNameTaken(ctx.tx, before.unitId, values.name, id)) throw conflict(`Danh bạ đã có cơ quan "${values.name}".`);
  const row = await updateBodyAtVersion(ctx.tx, id, before.version, values, now());
  if (!row) throw conflict(STALE);
  await ctx.audit({
    action: 'consultation.body_saved',
    entityType: 'consulted_body',
    entityId: id,
    unitId: row.unitId,
    summary: `Sửa "${row.name}" trong danh bạ cơ quan xin ý kiến hiệp y`,
    before: { kind: before.kind, name: before.name, address: before.address, email: before.email, active: before.active },
    after: values,
  });
  return row;
}

// ---- Requests ----

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}

async function deadlineSpec(
  ctx: CommandContext,
  c: { id: string; unitId: string; deadline: string; numberText: string | null },
  dossierTitle: string,
  silenceNote: string,
) {
  await registerDeadline(ctx.tx, {
    sourceType: 'consultation',
    sourceId: c.id,
    key: DEADLINE_KEY,
    unitId: c.unitId,
    kind: 'dossier',
    // Two requests about one dossier are told apart in the calendar and "Việc cần làm" by their number.
    title: `Hạn trả lời hiệp y${c.numberText ? ` (công văn ${c.numberText})` : ''}: ${dossierTitle}`,
    dueDate: c.deadline,
    audience: 'office',
    note: silenceNote,
    link: consultationLink(c.id),
    remindDays: [1, 0],
  });
}

/**
 * Opens a request for candidates of a dossier: the candidates must be the dossier's own, each body
 * asked once, the deadline after today (or the pack's working days from today when not given).
 */
export async function requestConsultation(ctx: CommandContext, input: ConsultationInput): Promise<ConsultationListRow> {
  const today = todayVn();
  const dossier = await findVisibleDossier(ctx.tx, ctx.actor, input.dossierId);
  if (!dossier) throw notFound('Không tìm thấy hồ sơ.');
  const dupCandidates = duplicates(input.candidateIds);
  if (dupCandidates.length) throw new ConsultationInvalid('Một người/tập thể được chọn hai lần trong danh sách xin ý kiến.');
  const dupBodies = duplicates(input.bodyIds);
  if (dupBodies.length) {
    const [b] = await findReachableBodies(ctx.tx, ctx.actor, dupBodies);
    throw new ConsultationInvalid(`Cơ quan "${b?.name ?? dupBodies[0]}" được chọn hai lần; mỗi cơ quan chỉ nhận một công văn.`);
  }
  const candidates = await dossierCandidatesAmong(ctx.tx, dossier.id, input.candidateIds);
  if (candidates.length !== input.candidateIds.length)
    throw new ConsultationInvalid('Có người/tập thể không thuộc danh sách đề nghị của hồ sơ này; chỉ xin ý kiến về người/tập thể trong hồ sơ.');
  const bodies = await findReachableBodies(ctx.tx, ctx.actor, input.bodyIds);
  if (bodies.length !== input.bodyIds.length) throw new ConsultationInvalid('Có cơ quan không có trong danh bạ cơ quan xin ý kiến hiệp y của đơn vị.');
  const inactive = bodies.find((b) => !b.active);
  if (inactive) throw new ConsultationInvalid(`Cơ quan "${inactive.name}" đã ngừng sử dụng trong danh bạ.`);

  // The same body is not asked twice about the same person while an earlier request is open.
  const open = await openRequestsOfDossier(ctx.tx, dossier.id);
  const openParts = await partsOf(
    ctx.tx,
    open.map((o) => o.id),
  );
  for (const p of openParts.values()) {
    const body = p.answers.find((a) => input.bodyIds.includes(a.bodyId));
    const cand = p.candidates.find((c) => input.candidateIds.includes(c.candidateId));
    if (body && cand) throw conflict(`Đã có công văn đang xin ý kiến ${body.bodyName} về ${cand.displayName}; hãy hủy công văn đó trước khi gửi lại.`);
  }

  const pack = await governingPackOfUnit(ctx.tx, ctx.actor.unitId, dossier.regimeDate ?? today);
  let deadline: string;
  let deadlineSource: 'pack' | 'office';
  if (input.deadline) {
    if (input.deadline <= today) throw new ConsultationInvalid(`Hạn trả lời (${formatDateVi(input.deadline)}) phải sau ngày hôm nay (${formatDateVi(today)}).`);
    deadline = input.deadline;
    deadlineSource = 'office';
  } else {
    deadline = addWorkingDays(await loadCalendar(ctx.tx), today, consultationAnswerDays(pack).workingDays);
    deadlineSource = 'pack';
  }

  const row = await insertConsultation(ctx.tx, {
    unitId: ctx.actor.unitId,
    dossierId: dossier.id,
    deadline,
    deadlineSource,
    requestDate: today,
    numberText: input.numberText?.trim() || null,
    note: input.note?.trim() || null,
    signerTitle: input.signerTitle?.trim() || null,
    signerName: input.signerName?.trim() || null,
    createdBy: ctx.actor.accountId,
  });
  await insertConsultationCandidates(
    ctx.tx,
    candidates.map((c, i) => ({ consultationId: row.id, candidateId: c.id, displayName: c.displayName, honor: c.honor, sortOrder: i })),
  );
  const order = new Map(input.bodyIds.map((id, i) => [id, i]));
  await insertConsultationAnswers(
    ctx.tx,
    bodies.map((b) => ({ consultationId: row.id, bodyId: b.id, bodyName: b.name, bodyKind: b.kind, sortOrder: order.get(b.id) ?? 0 })),
  );
  await deadlineSpec(ctx, row, dossier.title, consultationSilence(pack).note ?? 'Quá hạn không trả lời: ghi nhận "không có ý kiến"');
  await ctx.audit({
    action: 'consultation.requested',
    entityType: 'consultation',
    entityId: row.id,
    unitId: row.unitId,
    summary: `Xin ý kiến hiệp y ${bodies.map((b) => b.name).join(', ')} về ${candidates.length} người/tập thể của hồ sơ "${dossier.title}", hạn ${formatDateVi(deadline)}`,
    after: { dossierId: dossier.id, candidates: candidates.map((c) => c.id), bodies: bodies.map((b) => b.id), deadline, deadlineSource },
  });
  const found = await findVisibleConsultation(ctx.tx, ctx.actor, row.id);
  if (!found) throw notFound('Không tìm thấy công văn xin ý kiến hiệp y.');
  return found;
}

async function lockOpen(ctx: CommandContext, id: string, version: number | undefined, step: 'answer' | 'attach' | 'cancel') {
  const c = await findVisibleConsultation(ctx.tx, ctx.actor, id, { lock: true });
  if (!c) throw notFound('Không tìm thấy công văn xin ý kiến hiệp y.');
  assertConsultationAllows(ctx.actor, { status: c.consultation.status, unitPath: c.unitPath }, step);
  if (version !== undefined && version !== c.consultation.version) throw conflict(STALE);
  return c;
}

/** Records one body's answer: agree, or disagree naming the candidates concerned with a reason each. A later answer replaces an earlier one. */
export async function recordConsultationAnswer(ctx: CommandContext, id: string, input: ConsultationAnswerInput): Promise<void> {
  const c = await lockOpen(ctx, id, input.version, 'answer');
  const answer = await findAnswerOf(ctx.tx, id, input.answerId);
  if (!answer) throw notFound('Cơ quan này không được xin ý kiến trong công văn.');
  const parts = (await partsOf(ctx.tx, [id])).get(id)!;
  const inRequest = new Set(parts.candidates.map((k) => k.candidateId));
  const today = todayVn();
  if (input.answeredOn > today) throw badRequest(`Ngày văn bản trả lời (${formatDateVi(input.answeredOn)}) không thể sau hôm nay.`);
  if (input.answeredOn < c.consultation.requestDate)
    throw badRequest(`Ngày văn bản trả lời (${formatDateVi(input.answeredOn)}) không thể trước ngày xin ý kiến (${formatDateVi(c.consultation.requestDate)}).`);
  if (input.answer === 'agree' && input.objections.length) throw badRequest('Ý kiến đồng ý không kèm người/tập thể bị phản đối; hãy chọn "Không đồng ý".');
  if (input.answer === 'disagree' && !input.objections.length) throw badRequest('Ý kiến không đồng ý phải nêu người/tập thể cụ thể và lý do.');
  if (duplicates(input.objections.map((o) => o.candidateId)).length) throw badRequest('Một người/tập thể được nêu hai lần trong ý kiến không đồng ý.');
  if (input.objections.some((o) => !inRequest.has(o.candidateId)))
    throw new ConsultationInvalid('Ý kiến không đồng ý nêu người/tập thể không có trong công văn xin ý kiến.');
  await updateAnswer(ctx.tx, answer.id, {
    answer: input.answer,
    answeredOn: input.answeredOn,
    answerNumber: input.answerNumber?.trim() || null,
    note: input.note?.trim() || null,
    recordedAt: now(),
    recordedBy: ctx.actor.accountId,
  });
  await replaceObjections(ctx.tx, answer.id, input.objections);
  const row = await updateConsultationAtVersion(ctx.tx, id, c.consultation.version, {}, now());
  if (!row) throw conflict(STALE);
  const waiting = parts.answers.filter((a) => a.id !== answer.id && a.answer === null).length;
  if (waiting === 0) await completeDeadlines(ctx.tx, 'consultation', id, DEADLINE_KEY);
  const names = new Map(parts.candidates.map((k) => [k.candidateId, k.displayName]));
  await ctx.audit({
    action: 'consultation.answer_recorded',
    entityType: 'consultation',
    entityId: id,
    unitId: c.consultation.unitId,
    summary:
      input.answer === 'agree'
        ? `${answer.bodyName} đồng ý (hiệp y hồ sơ "${c.dossierTitle}")`
        : `${answer.bodyName} không đồng ý với ${input.objections.map((o) => names.get(o.candidateId)).join(', ')} (hiệp y hồ sơ "${c.dossierTitle}")`,
    before: { answer: answer.answer },
    after: { answer: input.answer, answeredOn: input.answeredOn, objections: input.objections },
  });
}

/** Attaches the body's scanned reply (PDF or image, checked by content). */
export async function attachConsultationAnswerFile(
  ctx: CommandContext,
  id: string,
  answerId: string,
  file: { buffer: Buffer; fileName: string },
  version?: number,
): Promise<void> {
  const c = await lockOpen(ctx, id, version, 'attach');
  const answer = await findAnswerOf(ctx.tx, id, answerId);
  if (!answer) throw notFound('Cơ quan này không được xin ý kiến trong công văn.');
  const mimeType = await checkUpload(file.buffer);
  const sha256 = createHash('sha256').update(file.buffer).digest('hex');
  await updateAnswer(ctx.tx, answerId, { data: file.buffer, fileName: file.fileName, mimeType, size: file.buffer.length, sha256 });
  const row = await updateConsultationAtVersion(ctx.tx, id, c.consultation.version, {}, now());
  if (!row) throw conflict(STALE);
  await ctx.audit({
    action: 'consultation.answer_file_attached',
    entityType: 'consultation',
    entityId: id,
    unitId: c.consultation.unitId,
    summary: `Đính kèm văn bản trả lời hiệp y của ${answer.bodyName} (${file.fileName})`,
    after: { answerId, fileName: file.fileName, sha256 },
  });
}

export async function cancelConsultation(ctx: CommandContext, id: string, reason: string, version?: number): Promise<void> {
  const c = await lockOpen(ctx, id, version, 'cancel');
  const at = now();
  const row = await updateConsultationAtVersion(
    ctx.tx,
    id,
    c.consultation.version,
    { status: 'cancelled', cancelledAt: at, cancelledBy: ctx.actor.accountId, cancelReason: reason },
    at,
  );
  if (!row) throw conflict(STALE);
  await cancelDeadlines(ctx.tx, 'consultation', id);
  await ctx.audit({
    action: 'consultation.cancelled',
    entityType: 'consultation',
    entityId: id,
    unitId: c.consultation.unitId,
    summary: `Hủy công văn xin ý kiến hiệp y hồ sơ "${c.dossierTitle}": ${reason}`,
    before: { status: 'open' },
    after: { status: 'cancelled', reason },
  });
}

/**
 * The job runner's pass (no actor): on the deadline day the Office is told which bodies have not
 * answered; the day after, that their silence now counts as "không có ý kiến". Each notice once
 * per request and deadline (the notification key).
 */
export async function notifyConsultationDeadlines(db: Db, at: Date = now()): Promise<number> {
  const today = todayVn(at);
  const due = await unsafeListWaitingDueBy(db, today);
  let told = 0;
  for (const c of due) {
    await db.transaction(async (tx) => {
      const waiting = await unsafeWaitingBodies(tx, c.id);
      const overdue = today > c.deadline;
      told += await notifyWorkflow(
        tx,
        null,
        { officeOf: [c.unitId] },
        {
          key: `consultation:${c.id}:${overdue ? 'overdue' : 'due'}:${c.deadline}`,
          title: overdue ? `Quá hạn trả lời hiệp y: ${c.dossierTitle} (hạn ${formatDateVi(c.deadline)})` : `Hôm nay là hạn trả lời hiệp y: ${c.dossierTitle}`,
          body: overdue ? `${waiting.join(', ')} không trả lời trong hạn; ghi nhận "không có ý kiến".` : `Chưa có ý kiến trả lời của ${waiting.join(', ')}.`,
          link: consultationLink(c.id),
        },
      );
    });
  }
  return told;
}
