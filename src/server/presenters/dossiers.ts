import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { abilitiesFor } from '../policies/abilities.js';
import {
  CANDIDATE_ACTIONS,
  candidateActions,
  dossierActions,
  mayEditDocuments,
  mayEditDossier,
  maySetRegimeDate,
  type CandidateAction,
} from '../policies/dossier.js';
import type { CandidateRow, DocumentRow, DossierRow, DossierVersionRow } from '../repositories/dossiers.js';
import { pageOf } from '../http/contract.js';
import {
  COMMENDATION_TYPE_LABELS,
  HONOR_INFO,
  awardWording,
  classUndecided,
  REGIME_LABELS,
  SUBJECT_KIND_LABELS,
  type CommendationType,
  type Honor,
  type SubjectKind,
} from '../../shared/codes.js';
import {
  CANDIDATE_OUTCOME_LABELS,
  DOCUMENT_KIND_LABELS,
  DOSSIER_COMMANDS,
  DOSSIER_STATUS_LABELS,
  checklistFor,
  regimeDateOf,
  type CandidateOutcome,
  type DocumentKind,
  type DossierStatus,
} from '../../shared/dossiers.js';
import { stepClock, type Calendar } from '../../shared/working-days.js';
import { dateVn, todayVn } from '../clock.js';
import { checklistRequirements, stepTimeLimit, type RulePack } from '../rules/index.js';

const honorLabel = (h: string) => HONOR_INFO[h as Honor]?.label ?? h;

const instant = z.iso.datetime();

export const stepClockSchema = z
  .object({
    startedOn: z.string(),
    limitDays: z.number().int(),
    dueOn: z.string(),
    usedDays: z.number().int(),
    overdue: z.boolean(),
    daysOver: z.number().int(),
    step: z.string(),
    article: z.string(),
  })
  .meta({ id: 'StepClock' });

export const dossierSummarySchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    level: z.string(),
    receiverName: z.string().nullable(),
    movementId: z.uuid().nullable(),
    type: z.string(),
    typeLabel: z.string(),
    year: z.number().int(),
    title: z.string(),
    status: z.string(),
    statusLabel: z.string(),
    revision: z.number().int(),
    version: z.number().int(),
    candidateCount: z.number().int(),
    submittedAt: instant.nullable(),
    updatedAt: instant,
    clock: stepClockSchema.nullable(),
    actions: z.array(z.enum(DOSSIER_COMMANDS)).describe('Các bước tài khoản được làm với hồ sơ này lúc này (đúng các nút hiện trên giao diện)'),
  })
  .meta({ id: 'DossierSummary' });
export type DossierSummaryJson = z.infer<typeof dossierSummarySchema>;

export const dossierListSchema = pageOf(dossierSummarySchema).extend({ page: z.number().int(), pageSize: z.number().int() });
export const overdueListSchema = pageOf(dossierSummarySchema.extend({ clock: stepClockSchema })).extend({
  overdue: z.number().int().describe('Số hồ sơ đã quá hạn'),
});

export const candidateSchema = z
  .object({
    id: z.uuid(),
    subjectKind: z.string(),
    subjectKindLabel: z.string(),
    personId: z.uuid().nullable(),
    subjectUnitId: z.uuid().nullable(),
    householdName: z.string().nullable(),
    householdAddress: z.string().nullable(),
    displayName: z.string(),
    positionText: z.string().nullable(),
    proposedHonor: z.string(),
    proposedHonorLabel: z.string(),
    honor: z.string(),
    honorLabel: z.string(),
    loweredReason: z.string().nullable(),
    achievement: z.string().nullable(),
    appraisalNote: z.string().nullable(),
    appraisal: z
      .object({
        eligible: z.boolean().nullable(),
        reasons: z.array(z.object({ ok: z.boolean().nullable(), text: z.string(), article: z.string().nullable(), verified: z.boolean() })),
        money: z.number().nullable(),
      })
      .nullable(),
    appraisedAt: instant.nullable(),
    councilResult: z.string().nullable(),
    councilText: z.string().nullable(),
    outcome: z.string(),
    outcomeLabel: z.string(),
    decisionId: z.uuid().nullable(),
    sourceCandidateId: z.uuid().nullable(),
    posthumous: z.boolean().describe('Truy tặng'),
    awardWording: z.string().describe('Cách văn bản ghi khen thưởng: "Truy tặng danh hiệu Anh hùng Lao động" hoặc tên hình thức'),
    inKindDescription: z.string().nullable().describe('Khen thưởng bằng hiện vật (ví dụ công trình phúc lợi)'),
    inKindValue: z.number().int().nullable().describe('Giá trị hiện vật (đồng)'),
    classUndecided: z.boolean().describe('Đề nghị Huân chương chưa xác định hạng: cấp quyết định ghi hạng'),
    actions: z
      .array(z.enum(CANDIDATE_ACTIONS))
      .optional()
      .describe('Có khi đề nghị được trình bày trong hồ sơ của nó: các thao tác tài khoản được làm với đề nghị này lúc này'),
  })
  .meta({ id: 'Candidate' });
export type CandidateJson = z.infer<typeof candidateSchema>;

export const dossierDocumentSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    kindLabel: z.string(),
    candidateId: z.uuid().nullable(),
    title: z.string(),
    content: z.string().nullable(),
    voteResult: z.string().nullable(),
    fileName: z.string().nullable(),
    mimeType: z.string().nullable(),
    size: z.number().int().nullable(),
    createdAt: instant,
  })
  .meta({ id: 'DossierDocument' });

const checklistSchema = z.object({
  complete: z.boolean(),
  items: z.array(
    z.object({
      kind: z.string(),
      label: z.string(),
      article: z.string(),
      verified: z.boolean(),
      candidateId: z.uuid().nullable(),
      candidateName: z.string().nullable(),
      present: z.boolean(),
    }),
  ),
  missing: z.array(z.string()),
});

export const dossierSchema = dossierSummarySchema
  .extend({
    receiverUnitId: z.uuid().nullable(),
    receiverUnitName: z.string().nullable(),
    phaseId: z.uuid().nullable(),
    summary: z.string().nullable(),
    returnReasons: z.array(z.string()),
    firstSubmittedAt: instant.nullable(),
    receivedAt: instant.nullable(),
    returnedAt: instant.nullable(),
    withdrawnAt: instant.nullable(),
    appraisedAt: instant.nullable(),
    reviewedAt: instant.nullable(),
    forwardedAt: instant.nullable(),
    completedAt: instant.nullable(),
    createdAt: instant,
    deadline: z.object({
      dueDate: z.string().nullable(),
      extensionUntil: z.string().nullable(),
      startDate: z.string().nullable().optional().describe('Ngày mở thời gian nộp hồ sơ (theo các danh hiệu đề nghị), nếu có'),
    }),
    editable: z.boolean().describe('Tài khoản được sửa nội dung hồ sơ (tên, danh sách đề nghị, tài liệu) lúc này'),
    regimeDate: z.string().nullable().describe('Ngày áp dụng quy định (ngày dự kiến ký quyết định); null: hôm nay'),
    regimeDateInEffect: z.string().describe('Ngày mà chế độ pháp lý, bộ quy tắc và điều kiện khen thưởng của hồ sơ đang theo'),
    regimeLabel: z.string().describe('Chế độ pháp lý áp dụng cho hồ sơ (theo ngày áp dụng)'),
    maySetRegimeDate: z.boolean().describe('Tài khoản được đặt ngày áp dụng quy định lúc này'),
    documentsEditable: z.boolean().describe('Tài khoản được thêm, bỏ tài liệu của hồ sơ lúc này (kể cả Tờ trình của hồ sơ trình cấp trên đang soạn)'),
    candidates: z.array(candidateSchema),
    documents: z.array(dossierDocumentSchema),
    checklist: checklistSchema,
    versions: z.array(z.object({ revision: z.number().int(), changes: z.array(z.string()), createdAt: instant })),
    abilities: z.array(z.string()).describe('Các quyền của vai trò đối với hồ sơ nói chung'),
  })
  .meta({ id: 'Dossier' });
export type DossierJson = z.infer<typeof dossierSchema>;

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** The commands this actor may take on this dossier now (the record policy's answer). */
export const actionsFor = dossierActions;

/** The step clock under the pack governing the dossier's unit today (agency overrides included); null when the step has no limit. */
export function clockOf(cal: Calendar, d: Pick<DossierRow, 'status' | 'stepStartedAt'>, pack: RulePack) {
  const limit = stepTimeLimit(pack, d.status as DossierStatus);
  if (!limit) return null;
  return { ...stepClock(cal, dateVn(d.stepStartedAt), limit.workingDays, todayVn()), step: limit.label, article: limit.article };
}

export function presentDossierSummary(
  d: DossierRow,
  actor: Actor,
  unitName: string,
  candidateCount: number,
  cal: Calendar,
  pack: RulePack,
): DossierSummaryJson {
  return {
    id: d.id,
    unitId: d.unitId,
    unitName,
    level: d.level,
    receiverName: d.receiverName,
    movementId: d.movementId,
    type: d.type,
    typeLabel: COMMENDATION_TYPE_LABELS[d.type as CommendationType] ?? d.type,
    year: d.year,
    title: d.title,
    status: d.status,
    statusLabel: DOSSIER_STATUS_LABELS[d.status as DossierStatus] ?? d.status,
    revision: d.revision,
    version: d.version,
    candidateCount,
    submittedAt: iso(d.submittedAt),
    updatedAt: d.updatedAt.toISOString(),
    clock: clockOf(cal, d, pack),
    actions: dossierActions(actor, d),
  };
}

/** A candidate; `actions` when it is shown within its dossier (the record policy's answer for this actor). */
export function presentCandidate(c: CandidateRow, actions?: CandidateAction[]): CandidateJson {
  const appraisal = c.appraisalResult as {
    eligible: boolean | null;
    reasons: { ok: boolean | null; text: string; article?: string; verified?: boolean }[];
    money?: { amount: number } | null;
  } | null;
  return {
    id: c.id,
    subjectKind: c.subjectKind,
    subjectKindLabel: SUBJECT_KIND_LABELS[c.subjectKind as SubjectKind] ?? c.subjectKind,
    personId: c.personId,
    subjectUnitId: c.subjectUnitId,
    householdName: c.householdName,
    householdAddress: c.householdAddress,
    displayName: c.displayName,
    positionText: c.positionText,
    proposedHonor: c.proposedHonor,
    proposedHonorLabel: honorLabel(c.proposedHonor),
    honor: c.honor,
    honorLabel: honorLabel(c.honor),
    loweredReason: c.loweredReason,
    achievement: c.achievement,
    appraisalNote: c.appraisalNote,
    appraisal: appraisal
      ? {
          eligible: appraisal.eligible,
          reasons: appraisal.reasons.map((r) => ({ ok: r.ok, text: r.text, article: r.article ?? null, verified: r.verified ?? true })),
          money: appraisal.money?.amount ?? null,
        }
      : null,
    appraisedAt: iso(c.appraisedAt),
    councilResult: c.councilResult,
    councilText: c.councilText,
    outcome: c.outcome,
    outcomeLabel: CANDIDATE_OUTCOME_LABELS[c.outcome as CandidateOutcome] ?? c.outcome,
    decisionId: c.decisionId,
    sourceCandidateId: c.sourceCandidateId,
    posthumous: c.posthumous,
    awardWording: HONOR_INFO[c.honor as Honor] ? awardWording(c.honor as Honor, c.posthumous) : c.honor,
    inKindDescription: c.inKindDescription,
    inKindValue: c.inKindValue,
    classUndecided: classUndecided(c.honor as Honor),
    ...(actions ? { actions } : {}),
  };
}

export function presentDocument(x: DocumentRow) {
  return {
    id: x.id,
    kind: x.kind,
    kindLabel: DOCUMENT_KIND_LABELS[x.kind as DocumentKind] ?? x.kind,
    candidateId: x.candidateId,
    title: x.title,
    content: x.content,
    voteResult: x.voteResult,
    fileName: x.fileName,
    mimeType: x.mimeType,
    size: x.size,
    createdAt: x.createdAt.toISOString(),
  };
}

export function presentDossier(
  d: DossierRow,
  actor: Actor,
  extra: {
    unitName: string;
    receiverUnitName: string | null;
    candidates: CandidateRow[];
    documents: DocumentRow[];
    versions: DossierVersionRow[];
    cal: Calendar;
    deadline: { dueDate: string | null; extensionUntil: string | null; startDate?: string | null };
    pack: RulePack;
  },
): DossierJson {
  const checklist = checklistFor(
    d.type as CommendationType,
    extra.candidates.map((c) => ({ id: c.id, displayName: c.displayName, honor: c.proposedHonor as Honor })),
    extra.documents.map((x) => ({ kind: x.kind as DocumentKind, candidateId: x.candidateId })),
    checklistRequirements(extra.pack),
  );
  return {
    ...presentDossierSummary(d, actor, extra.unitName, extra.candidates.length, extra.cal, extra.pack),
    receiverUnitId: d.receiverUnitId,
    receiverUnitName: extra.receiverUnitName,
    phaseId: d.phaseId,
    summary: d.summary,
    returnReasons: d.returnReasons ?? [],
    firstSubmittedAt: iso(d.firstSubmittedAt),
    receivedAt: iso(d.receivedAt),
    returnedAt: iso(d.returnedAt),
    withdrawnAt: iso(d.withdrawnAt),
    appraisedAt: iso(d.appraisedAt),
    reviewedAt: iso(d.reviewedAt),
    forwardedAt: iso(d.forwardedAt),
    completedAt: iso(d.completedAt),
    createdAt: d.createdAt.toISOString(),
    deadline: extra.deadline,
    editable: mayEditDossier(actor, d),
    regimeDate: d.regimeDate,
    regimeDateInEffect: regimeDateOf(d, todayVn()),
    regimeLabel: REGIME_LABELS[extra.pack.regime],
    maySetRegimeDate: maySetRegimeDate(actor, d),
    documentsEditable: mayEditDocuments(actor, d),
    candidates: extra.candidates.map((c) => presentCandidate(c, candidateActions(actor, d, c))),
    documents: extra.documents.map(presentDocument),
    checklist,
    versions: extra.versions.map((v) => ({ revision: v.revision, changes: v.changes, createdAt: v.createdAt.toISOString() })),
    abilities: abilitiesFor(actor.role, 'dossier'),
  };
}
