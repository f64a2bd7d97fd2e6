/** Appraisal (thẩm định) of one candidate by the rule engine, with lowering of the honor when it is not met. */
import type { CommandContext } from '../run.js';
import { subjectFor, type CandidateRow } from '../../repositories/dossiers.js';
import { findCandidateOf, updateCandidateRow } from '../../repositories/candidates.js';
import { badRequest, notFound } from '../../errors.js';
import { now, todayVn } from '../../clock.js';
import { evaluate, isLowerHonor, RuleError, type EvaluateResult, type SubjectInput } from '../../rules/index.js';
import { governingPackOfUnit } from '../../records/eligibility.js';
import { honorAllowsSubject, nextStatus, type DossierStatus } from '../../../shared/dossiers.js';
import { HONOR_INFO, SUBJECT_KIND_LABELS, type Honor, type SubjectKind } from '../../../shared/codes.js';
import { HonorNotLower } from './errors.js';
import { assertOfficeSide, loadDossier, refuseTransition, transition } from './common.js';

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
): EvaluateResult | { eligible: false; reasons: { ok: false; text: string }[]; honor: Honor; year: number } {
  try {
    return evaluate({ decisionDate, year, honor, subject });
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
    // The honor order of the pack governing the receiving office today (agency overrides included).
    const pack = await governingPackOfUnit(ctx.tx, d.receiverUnitId ?? d.unitId, todayVn());
    if (!isLowerHonor(pack, input.lowerTo, honor))
      throw new HonorNotLower(`${HONOR_INFO[input.lowerTo].label} không thấp hơn ${HONOR_INFO[honor].label}: chỉ được hạ mức.`);
    honor = input.lowerTo;
    Object.assign(lowered, { honor, loweredReason: input.lowerReason.trim(), loweredAt: now(), loweredBy: ctx.actor.accountId });
  }
  const subjectData = input.subjectData === undefined ? c.subjectData : input.subjectData;
  const subject = await subjectFor(ctx.tx, { ...c, subjectData });
  const result = evaluateCandidate(d.year, honor, subject, todayVn());
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
