import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { ConsultationListRow, ConsultationParts, ConsultedBodyRow } from '../repositories/consultations.js';
import { consultationAbilities, consultedBodyAbilities } from '../policies/consultation.js';
import { CONSULTATION_STATE_LABELS, consultationResult, type ConsultationState } from '../consultations/result.js';
import { CONSULTATION_ANSWER_STATE_LABELS, CONSULTED_BODY_KIND_LABELS, HONOR_INFO, type ConsultedBodyKind, type Honor } from '../../shared/codes.js';
import type { RulePack } from '../rules/index.js';
import { consultationSilence } from '../rules/index.js';

const abilities = z.array(z.string()).describe('Các thao tác tài khoản được làm với bản ghi này (theo vai trò, phạm vi và trạng thái)');
const honorLabel = (h: string) => HONOR_INFO[h as Honor]?.label ?? h;
const kindLabel = (k: string) => CONSULTED_BODY_KIND_LABELS[k as ConsultedBodyKind] ?? k;

export const consultedBodySchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    kind: z.string(),
    kindLabel: z.string(),
    name: z.string(),
    address: z.string().nullable(),
    email: z.string().nullable(),
    active: z.boolean(),
    version: z.number().int(),
    abilities,
  })
  .meta({ id: 'ConsultedBody' });

export function presentConsultedBody(actor: Actor, b: ConsultedBodyRow, unitPath: string): z.infer<typeof consultedBodySchema> {
  return {
    id: b.id,
    unitId: b.unitId,
    kind: b.kind,
    kindLabel: kindLabel(b.kind),
    name: b.name,
    address: b.address,
    email: b.email,
    active: b.active,
    version: b.version,
    abilities: consultedBodyAbilities(actor, { unitPath }),
  };
}

export const consultationSummarySchema = z
  .object({
    id: z.uuid(),
    dossierId: z.uuid(),
    dossierTitle: z.string(),
    dossierYear: z.number().int(),
    unitName: z.string(),
    status: z.string(),
    state: z.enum(['waiting', 'lapsed', 'complete', 'cancelled']),
    stateLabel: z.string(),
    numberText: z.string().nullable(),
    requestDate: z.string(),
    deadline: z.string(),
    deadlineSource: z.string(),
    candidateCount: z.number().int(),
    bodyCount: z.number().int(),
    answeredCount: z.number().int(),
    objectionCount: z.number().int(),
  })
  .meta({ id: 'ConsultationSummary' });
export type ConsultationSummaryJson = z.infer<typeof consultationSummarySchema>;

function listState(r: ConsultationListRow, today: string): ConsultationState {
  const c = r.consultation;
  if (c.status === 'cancelled') return 'cancelled';
  if (Number(r.answeredCount) >= Number(r.bodyCount)) return 'complete';
  return today > c.deadline ? 'lapsed' : 'waiting';
}

export function presentConsultationSummary(r: ConsultationListRow, today: string): ConsultationSummaryJson {
  const c = r.consultation;
  const state = listState(r, today);
  return {
    id: c.id,
    dossierId: c.dossierId,
    dossierTitle: r.dossierTitle,
    dossierYear: r.dossierYear,
    unitName: r.unitName,
    status: c.status,
    state,
    stateLabel: CONSULTATION_STATE_LABELS[state],
    numberText: c.numberText,
    requestDate: c.requestDate,
    deadline: c.deadline,
    deadlineSource: c.deadlineSource,
    candidateCount: Number(r.candidateCount),
    bodyCount: Number(r.bodyCount),
    answeredCount: Number(r.answeredCount),
    objectionCount: c.status === 'cancelled' ? 0 : Number(r.objectionCount),
  };
}

const objectionSchema = z.object({ bodyName: z.string(), reason: z.string() });
const candidateResultSchema = z.object({
  candidateId: z.uuid(),
  displayName: z.string(),
  honor: z.string(),
  honorLabel: z.string(),
  flagged: z.boolean().describe('Có cơ quan không đồng ý với người/tập thể này'),
  objections: z.array(objectionSchema),
});

const sourcedSchema = z.object({ text: z.string(), article: z.string(), verified: z.boolean() });

export const consultationSchema = consultationSummarySchema
  .extend({
    note: z.string().nullable(),
    signerTitle: z.string().nullable(),
    signerName: z.string().nullable(),
    cancelReason: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    version: z.number().int(),
    candidates: z.array(candidateResultSchema),
    answers: z.array(
      z.object({
        id: z.uuid(),
        bodyId: z.uuid(),
        bodyName: z.string(),
        bodyKind: z.string(),
        bodyKindLabel: z.string(),
        state: z.enum(['pending', 'agree', 'disagree', 'no_opinion']),
        stateLabel: z.string(),
        answeredOn: z.string().nullable(),
        answerNumber: z.string().nullable(),
        note: z.string().nullable(),
        fileName: z.string().nullable(),
        objections: z.array(z.object({ candidateId: z.uuid(), displayName: z.string(), reason: z.string() })),
      }),
    ),
    silence: sourcedSchema.describe('Cách tính khi cơ quan không trả lời đúng hạn, và căn cứ'),
    abilities,
  })
  .meta({ id: 'Consultation' });
export type ConsultationJson = z.infer<typeof consultationSchema>;

export function presentConsultation(actor: Actor, r: ConsultationListRow, parts: ConsultationParts, pack: RulePack, today: string): ConsultationJson {
  const c = r.consultation;
  const result = consultationResult(
    {
      status: c.status,
      deadline: c.deadline,
      candidates: parts.candidates,
      answers: parts.answers,
      objections: parts.objections,
    },
    today,
  );
  const names = new Map(parts.candidates.map((k) => [k.candidateId, k.displayName]));
  const silence = consultationSilence(pack);
  return {
    ...presentConsultationSummary(r, today),
    state: result.state,
    stateLabel: CONSULTATION_STATE_LABELS[result.state],
    note: c.note,
    signerTitle: c.signerTitle,
    signerName: c.signerName,
    cancelReason: c.cancelReason,
    cancelledAt: c.cancelledAt?.toISOString() ?? null,
    version: c.version,
    candidates: result.candidates.map((k) => ({ ...k, honorLabel: honorLabel(k.honor) })),
    answers: parts.answers.map((a) => {
      const state = result.answerStates.get(a.id) ?? 'pending';
      return {
        id: a.id,
        bodyId: a.bodyId,
        bodyName: a.bodyName,
        bodyKind: a.bodyKind,
        bodyKindLabel: kindLabel(a.bodyKind),
        state,
        stateLabel: CONSULTATION_ANSWER_STATE_LABELS[state],
        answeredOn: a.answeredOn,
        answerNumber: a.answerNumber,
        note: a.note,
        fileName: a.fileName,
        objections: parts.objections
          .filter((o) => o.answerId === a.id)
          .map((o) => ({ candidateId: o.candidateId, displayName: names.get(o.candidateId) ?? '', reason: o.reason })),
      };
    }),
    silence: { text: silence.note ?? 'Quá hạn không trả lời: không có ý kiến', article: silence.article, verified: silence.verified },
    abilities: consultationAbilities(actor, { status: c.status, unitPath: r.unitPath }),
  };
}

/** A dossier's hiệp y in one answer: the requests, and per candidate whether any body disagreed (cancelled requests do not count). */
export const dossierConsultationResultSchema = z
  .object({
    dossierId: z.uuid(),
    requests: z.array(consultationSummarySchema),
    candidates: z.array(
      candidateResultSchema.extend({
        /** Bodies asked about this candidate (open requests) and what each answered. */
        bodies: z.array(z.object({ bodyName: z.string(), state: z.string(), stateLabel: z.string() })),
      }),
    ),
    mayRequest: z.boolean().describe('Tài khoản được gửi công văn xin ý kiến hiệp y cho hồ sơ này'),
  })
  .meta({ id: 'DossierConsultationResult' });
export type DossierConsultationResultJson = z.infer<typeof dossierConsultationResultSchema>;

export function presentDossierConsultationResult(
  dossierId: string,
  rows: ConsultationListRow[],
  parts: Map<string, ConsultationParts>,
  today: string,
  mayRequest: boolean,
): DossierConsultationResultJson {
  const byCandidate = new Map<string, DossierConsultationResultJson['candidates'][number]>();
  for (const r of rows) {
    const p = parts.get(r.consultation.id);
    if (!p || r.consultation.status === 'cancelled') continue;
    const result = consultationResult(
      { status: r.consultation.status, deadline: r.consultation.deadline, candidates: p.candidates, answers: p.answers, objections: p.objections },
      today,
    );
    for (const k of result.candidates) {
      const cur = byCandidate.get(k.candidateId) ?? {
        candidateId: k.candidateId,
        displayName: k.displayName,
        honor: k.honor,
        honorLabel: honorLabel(k.honor),
        flagged: false,
        objections: [],
        bodies: [],
      };
      cur.objections.push(...k.objections);
      cur.flagged = cur.objections.length > 0;
      for (const a of p.answers) {
        const answered = result.answerStates.get(a.id) ?? 'pending';
        // A disagreement names its candidates: about anyone else on the list that body raised nothing.
        const state = answered === 'disagree' && !p.objections.some((o) => o.answerId === a.id && o.candidateId === k.candidateId) ? 'agree' : answered;
        cur.bodies.push({ bodyName: a.bodyName, state, stateLabel: CONSULTATION_ANSWER_STATE_LABELS[state] });
      }
      byCandidate.set(k.candidateId, cur);
    }
  }
  return {
    dossierId,
    requests: rows.map((r) => presentConsultationSummary(r, today)),
    candidates: [...byCandidate.values()],
    mayRequest,
  };
}

/** What the request form is prefilled with: the dossier's candidates, which of them the pack says need hiệp y and by which kinds of bodies, the default deadline. */
export const consultationDraftSchema = z
  .object({
    dossierId: z.uuid(),
    dossierTitle: z.string(),
    candidates: z.array(
      z.object({
        candidateId: z.uuid(),
        displayName: z.string(),
        positionText: z.string().nullable(),
        honor: z.string(),
        honorLabel: z.string(),
        subjectKind: z.string(),
        needed: z.boolean(),
        bodyKinds: z.array(z.string()),
        article: z.string().nullable(),
        verified: z.boolean(),
      }),
    ),
    bodies: z.array(consultedBodySchema),
    suggestedBodyIds: z.array(z.uuid()),
    deadline: z.string(),
    answerDays: sourcedSchema.extend({ workingDays: z.number().int() }),
  })
  .meta({ id: 'ConsultationDraft' });
export type ConsultationDraftJson = z.infer<typeof consultationDraftSchema>;
