import type { Actor } from '../auth/actor.js';
import { abilitiesFor, can } from '../policies/abilities.js';
import type { CandidateRow, DocumentRow, DossierRow } from '../repositories/dossiers.js';
import type { dossierVersions } from '../db/schema/index.js';
import { COMMENDATION_TYPE_LABELS, HONOR_INFO, SUBJECT_KIND_LABELS, type CommendationType, type Honor, type SubjectKind } from '../../shared/codes.js';
import {
  CANDIDATE_OUTCOME_LABELS,
  DOCUMENT_KIND_LABELS,
  DOSSIER_STATUS_LABELS,
  EDITABLE_STATUSES,
  STEP_LIMITS,
  checklistFor,
  commandsFrom,
  type CandidateOutcome,
  type DocumentKind,
  type DossierCommand,
  type DossierStatus,
} from '../../shared/dossiers.js';
import { stepClock, type Calendar } from '../../shared/working-days.js';
import { dateVn, todayVn } from '../clock.js';

const honorLabel = (h: string) => HONOR_INFO[h as Honor]?.label ?? h;

/** The commands this actor may take on this dossier now: the UI shows exactly these buttons. */
export function actionsFor(actor: Actor, d: DossierRow): DossierCommand[] {
  const unitSide = actor.role === 'admin' || actor.role === 'clerk' || actor.unitId === d.unitId;
  const officeSide = actor.role === 'admin' || d.unitId !== actor.unitId || d.level !== 'unit';
  return commandsFrom(d.status as DossierStatus).filter((c) => {
    switch (c) {
      case 'submit':
        return d.level === 'unit' && unitSide && can(actor.role, 'dossier', 'submit');
      case 'withdraw':
        return unitSide && can(actor.role, 'dossier', 'withdraw');
      case 'receive':
        return officeSide && can(actor.role, 'dossier', 'receive');
      case 'return':
        return officeSide && can(actor.role, 'dossier', 'return');
      case 'appraise':
        return officeSide && can(actor.role, 'dossier', 'appraise');
      case 'forward':
        return d.level === 'upward' && can(actor.role, 'dossier', 'forward');
      case 'recordHigherDecision':
        return d.level === 'upward' && can(actor.role, 'decision', 'record');
      default:
        return false;
    }
  });
}

export function clockOf(cal: Calendar, d: Pick<DossierRow, 'status' | 'stepStartedAt'>) {
  const limit = STEP_LIMITS[d.status as DossierStatus];
  if (!limit) return null;
  return { ...stepClock(cal, dateVn(d.stepStartedAt), limit.workingDays, todayVn()), step: limit.label, article: limit.article };
}

export function presentDossierSummary(d: DossierRow, actor: Actor, unitName: string, candidateCount: number, cal: Calendar) {
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
    submittedAt: d.submittedAt,
    updatedAt: d.updatedAt,
    clock: clockOf(cal, d),
    actions: actionsFor(actor, d),
  };
}

export function presentCandidate(c: CandidateRow) {
  const appraisal = c.appraisalResult as { eligible: boolean | null; reasons: { ok: boolean | null; text: string; article?: string; verified?: boolean }[]; money?: { amount: number } | null } | null;
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
    appraisal: appraisal ? { eligible: appraisal.eligible, reasons: appraisal.reasons.map((r) => ({ ok: r.ok, text: r.text, article: r.article ?? null, verified: r.verified ?? true })), money: appraisal.money?.amount ?? null } : null,
    appraisedAt: c.appraisedAt,
    councilResult: c.councilResult,
    councilText: c.councilText,
    outcome: c.outcome,
    outcomeLabel: CANDIDATE_OUTCOME_LABELS[c.outcome as CandidateOutcome] ?? c.outcome,
    decisionId: c.decisionId,
    sourceCandidateId: c.sourceCandidateId,
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
    createdAt: x.createdAt,
  };
}

export function presentDossier(
  d: DossierRow,
  actor: Actor,
  extra: { unitName: string; receiverUnitName: string | null; candidates: CandidateRow[]; documents: DocumentRow[]; versions: (typeof dossierVersions.$inferSelect)[]; cal: Calendar; deadline: { dueDate: string | null; extensionUntil: string | null } },
) {
  const checklist = checklistFor(
    d.type as CommendationType,
    extra.candidates.map((c) => ({ id: c.id, displayName: c.displayName, honor: c.proposedHonor as Honor })),
    extra.documents.map((x) => ({ kind: x.kind as DocumentKind, candidateId: x.candidateId })),
  );
  const editable = EDITABLE_STATUSES.includes(d.status as DossierStatus) && d.level === 'unit' && (actor.role === 'admin' || actor.role === 'clerk' || actor.unitId === d.unitId) && can(actor.role, 'dossier', 'update');
  return {
    ...presentDossierSummary(d, actor, extra.unitName, extra.candidates.length, extra.cal),
    receiverUnitId: d.receiverUnitId,
    receiverUnitName: extra.receiverUnitName,
    phaseId: d.phaseId,
    summary: d.summary,
    returnReasons: d.returnReasons ?? [],
    firstSubmittedAt: d.firstSubmittedAt,
    receivedAt: d.receivedAt,
    returnedAt: d.returnedAt,
    withdrawnAt: d.withdrawnAt,
    appraisedAt: d.appraisedAt,
    reviewedAt: d.reviewedAt,
    forwardedAt: d.forwardedAt,
    completedAt: d.completedAt,
    createdAt: d.createdAt,
    deadline: extra.deadline,
    editable,
    candidates: extra.candidates.map(presentCandidate),
    documents: extra.documents.map(presentDocument),
    checklist,
    versions: extra.versions.map((v) => ({ revision: v.revision, changes: v.changes, createdAt: v.createdAt })),
    abilities: abilitiesFor(actor.role, 'dossier'),
  };
}
