/** Appraisal (thẩm định) of one candidate by the rule engine, with lowering of the honor when it is not met. */
import type { CommandContext } from '../run.js';
import { candidatesOf, subjectFor, updateDossierAtVersion, type CandidateRow, type DossierRow } from '../../repositories/dossiers.js';
import { findCandidateOf, updateCandidateRow } from '../../repositories/candidates.js';
import { badRequest, notFound } from '../../errors.js';
import { addDays, now, todayVn } from '../../clock.js';
import { evaluate, isLowerHonor, RuleError, type EvaluateResult, type SubjectInput } from '../../rules/index.js';
import { governingPackOfUnit } from '../../records/eligibility.js';
import { honorAllowsSubject, nextStatus, regimeDateOf, type DossierStatus } from '../../../shared/dossiers.js';
import { HONOR_INFO, SUBJECT_KIND_LABELS, type Honor, type SubjectKind } from '../../../shared/codes.js';
import { DossierNotEditable, DossierStale, HonorNotLower } from './errors.js';
import { STALE, assertOfficeSide, assertVersion, loadDossier, refuseTransition, statusLabel, transition } from './common.js';
import { maySetRegimeDate } from '../../policies/dossier.js';
import { formatDateVi } from '../../../shared/format-vi.js';

export interface AppraiseInput {
  note?: string | null | undefined;
  lowerTo?: Honor | null | undefined;
  lowerReason?: string | null | undefined;
  subjectData?: Partial<SubjectInput> | null | undefined;
}

/** Evaluates a candidate with the rule engine; a rule error becomes a "not eligible" answer with its text. */
export function evaluateCandidate(
  year: number,
  honor: Honor,
  subject: SubjectInput,
  decisionDate: string,
  posthumous = false,
): EvaluateResult | { eligible: false; reasons: { ok: false; text: string }[]; honor: Honor; year: number } {
  try {
    return evaluate({ decisionDate, year, honor, subject, posthumous });
  } catch (e) {
    if (e instanceof RuleError) return { eligible: false, honor, year, reasons: [{ ok: false, text: e.message }] };
    throw e;
  }
}

export async function appraiseCandidate(ctx: CommandContext, dossierId: string, candidateId: string, input: AppraiseInput): Promise<CandidateRow> {
  const d = await loadDossier(ctx, dossierId);
  assertOfficeSide(ctx.actor, d);
  if (!nextStatus(d.status as DossierStatus, 'appraise')) refuseTransition(d, 'appraise');
  const c = await findCandidateOf(ctx.tx, d.id, candidateId);
  if (!c) throw notFound('Không tìm thấy người/tập thể trong hồ sơ.');
  let honor = c.honor as Honor;
  const lowered: { honor?: Honor; loweredReason?: string; loweredAt?: Date; loweredBy?: string } = {};
  if (input.lowerTo && input.lowerTo !== c.honor) {
    if (!input.lowerReason?.trim()) throw badRequest('Hạ mức hình thức phải ghi lý do.');
    if (!honorAllowsSubject(input.lowerTo, c.subjectKind as SubjectKind))
      throw badRequest(`${SUBJECT_KIND_LABELS[c.subjectKind as SubjectKind]} không thể được xét ${HONOR_INFO[input.lowerTo].label}.`);
    // The honor order of the pack governing the receiving office on the dossier's regime date (agency overrides included).
    const pack = await governingPackOfUnit(ctx.tx, d.receiverUnitId ?? d.unitId, regimeDateOf(d, todayVn()));
    if (!isLowerHonor(pack, input.lowerTo, honor))
      throw new HonorNotLower(`${HONOR_INFO[input.lowerTo].label} không thấp hơn ${HONOR_INFO[honor].label}: chỉ được hạ mức.`);
    honor = input.lowerTo;
    Object.assign(lowered, { honor, loweredReason: input.lowerReason.trim(), loweredAt: now(), loweredBy: ctx.actor.accountId });
  }
  const subjectData = input.subjectData === undefined ? c.subjectData : input.subjectData;
  const subject = await subjectFor(ctx.tx, { ...c, subjectData });
  const result = evaluateCandidate(d.year, honor, subject, regimeDateOf(d, todayVn()), c.posthumous);
  const row = await updateCandidateRow(ctx.tx, c.id, {
    ...lowered,
    subjectData,
    appraisalNote: input.note?.trim() || c.appraisalNote,
    appraisalResult: result,
    appraisedAt: now(),
    appraisedBy: ctx.actor.accountId,
  });
  await transition(ctx, d, 'appraise', { appraisedAt: d.appraisedAt ?? now(), appraisedBy: d.appraisedBy ?? ctx.actor.accountId });
  await ctx.audit({
    action: lowered.honor ? 'dossier.honor_lowered' : 'dossier.appraised',
    entityType: 'dossier',
    entityId: d.id,
    unitId: d.unitId,
    summary: lowered.honor
      ? `Hạ mức đề nghị của ${c.displayName}: ${HONOR_INFO[c.honor as Honor].label} → ${HONOR_INFO[honor].label} (${input.lowerReason})`
      : `Thẩm định ${c.displayName}: ${result.eligible === true ? 'đủ điều kiện' : result.eligible === false ? 'chưa đủ điều kiện' : 'cần xác nhận thêm'}`,
    after: { honor, eligible: result.eligible, note: input.note ?? null },
  });
  return row;
}

/**
 * Sets the date of the decision being prepared (null: today). The regime, the rule pack and the
 * eligibility follow it, so the appraisals already made are computed again under that regime in
 * the same transaction (the Office sees at once what the date changes).
 */
export async function setRegimeDate(ctx: CommandContext, dossierId: string, input: { regimeDate: string | null; version: number }): Promise<DossierRow> {
  const d = await loadDossier(ctx, dossierId);
  if (!maySetRegimeDate(ctx.actor, d)) throw new DossierNotEditable(`Không đặt được ngày áp dụng quy định khi hồ sơ đang "${statusLabel(d.status)}".`);
  assertVersion(d, input.version);
  const date = input.regimeDate;
  if (date !== null) {
    if (date < `${d.year}-01-01`) throw badRequest(`Ngày áp dụng quy định không được trước năm ${d.year} của hồ sơ.`);
    if (date > addDays(todayVn(), 366)) throw badRequest('Ngày áp dụng quy định không được quá một năm sau hôm nay.');
  }
  const at = now();
  const row = await updateDossierAtVersion(ctx.tx, d.id, input.version, { regimeDate: date, version: d.version + 1, updatedAt: at });
  if (!row) throw new DossierStale(STALE);
  const inEffect = regimeDateOf(row, todayVn());
  let recomputed = 0;
  for (const c of await candidatesOf(ctx.tx, d.id)) {
    if (!c.appraisalResult) continue;
    const subject = await subjectFor(ctx.tx, c);
    await updateCandidateRow(ctx.tx, c.id, { appraisalResult: evaluateCandidate(d.year, c.honor as Honor, subject, inEffect, c.posthumous) });
    recomputed++;
  }
  await ctx.audit({
    action: 'dossier.regime_date_set',
    entityType: 'dossier',
    entityId: d.id,
    unitId: d.unitId,
    summary: `Đặt ngày áp dụng quy định của hồ sơ "${d.title}": ${date ? formatDateVi(date) : 'theo ngày hiện tại'}${recomputed ? ` (thẩm định lại ${recomputed} đề nghị)` : ''}`,
    before: { regimeDate: d.regimeDate },
    after: { regimeDate: date },
  });
  return row;
}
