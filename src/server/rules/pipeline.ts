/**
 * What the dossier pipeline asks the (possibly overridden) pack: pure functions, no I/O. Commands
 * get the pack with `governingPack(tx, unitPath, date)` so that agency overrides change what the
 * pipeline does; see packs/pipeline.ts for the data and its sources.
 */
import type { CommendationType, Honor, PetitionKind, SubjectKind, UnitKind } from '../../shared/codes.js';
import type { ChecklistRequirement, DossierStatus } from '../../shared/dossiers.js';
import { percent } from './labels.js';
import {
  CONSULTATION_DEADLINE_ID,
  PUBLIC_NOTICE_DEADLINE_ID,
  type Authority,
  type ConsultationRequirement,
  type ConsultationRules,
  type DocumentRequirement,
  type MajorityRule,
  type PetitionLimitRule,
  type QuorumRule,
  type RulePack,
  type StepLimitRule,
} from './types.js';

/** Float-safe ceil: 2/3 of 9 members is exactly 6. */
function ceilShare(share: number, total: number): number {
  return Math.ceil(Math.round(share * total * 1e9) / 1e9);
}

/** The documents a dossier of this type needs for a candidate proposed for `honor`. */
export function requiredDocuments(pack: RulePack, honor: Honor, type: CommendationType): DocumentRequirement[] {
  return pack.pipeline.documents.filter((d) => (!d.honors || d.honors.includes(honor)) && !d.exceptTypes?.includes(type));
}

/** The same, in the shape of the shared checklist (`checklistFor(type, candidates, documents, requirementsOf)`). */
export function checklistRequirements(pack: RulePack): (honor: Honor, type: CommendationType) => ChecklistRequirement[] {
  return (honor, type) =>
    requiredDocuments(pack, honor, type).map((d) => ({ kind: d.kind, per: d.per, label: d.label, article: d.article, verified: d.verified }));
}

export interface PublicNoticeAnswer {
  /** Nominees for this honor must be posted publicly before the decision. */
  required: boolean;
  /** Minimum length of the notice in working days (0 when the pack sets none). */
  minWorkingDays: number;
  article: string | null;
  verified: boolean;
}

/** Whether nominees for `honor` must be posted, and for at least how many working days. */
export function publicNotice(pack: RulePack, honor: Honor): PublicNoticeAnswer {
  const rule = pack.pipeline.publicNotice.find((n) => n.honor === honor);
  if (!rule) return { required: false, minWorkingDays: 0, article: null, verified: true };
  const d = pack.deadlines.find((x) => x.id === PUBLIC_NOTICE_DEADLINE_ID);
  const minWorkingDays = d?.kind === 'working_days' ? d.days : 0;
  // "Khoản 5 Điều 84 Luật; Khoản 2 Điều 46 NĐ 98" once, though both the list and the days cite it.
  const article = [...new Set([...rule.article.split('; '), ...(d ? d.article.split('; ') : [])])].join('; ');
  return { required: true, minWorkingDays, article, verified: rule.verified && (d?.verified ?? true) };
}

/** The working-day limit of the step a dossier waits in, or null when the step has none. */
export function stepTimeLimit(pack: RulePack, step: DossierStatus): StepLimitRule | null {
  return pack.pipeline.stepLimits.find((s) => s.step === step) ?? null;
}

/** The steps that have a time limit (what the overdue board scans). */
export function limitedSteps(pack: RulePack): DossierStatus[] {
  return pack.pipeline.stepLimits.map((s) => s.step);
}

/** The quorum rule of council sessions. */
export function quorum(pack: RulePack): QuorumRule {
  return pack.pipeline.quorum;
}

/** Members that must be present out of `totalMembers` for a valid session. */
export function quorumNeeded(pack: RulePack, totalMembers: number): number {
  return ceilShare(pack.pipeline.quorum.share, totalMembers);
}

/** Vietnamese refusal when attendance is short of the quorum ("… cần ít nhất 4 (2/3 tổng số thành viên)"). */
export function quorumShortText(pack: RulePack, present: number, totalMembers: number): string {
  const share = pack.pipeline.quorum.share;
  const shareText = Math.abs(share - 2 / 3) < 1e-9 ? '2/3' : percent(share);
  return `Không đủ số thành viên dự họp: có mặt ${present}/${totalMembers}, cần ít nhất ${quorumNeeded(pack, totalMembers)} (${shareText} tổng số thành viên).`;
}

/** The fallback vote threshold for honors without one of their own. */
export function majorityRule(pack: RulePack): MajorityRule {
  return pack.pipeline.majority;
}

/** Approvals needed under the fallback rule: more than half of 6 is 4; at least half of 6 is 3. */
export function majorityNeeded(pack: RulePack, totalMembers: number): number {
  const m = pack.pipeline.majority;
  const exact = Math.round(m.share * totalMembers * 1e9) / 1e9;
  return m.strict ? Math.floor(exact) + 1 : Math.ceil(exact);
}

/** "quá bán" for the default; otherwise "từ 2/3" / "trên 60%" — as the tally text says it. */
export function majorityPhrase(pack: RulePack): string {
  const m = pack.pipeline.majority;
  if (m.strict && Math.abs(m.share - 0.5) < 1e-9) return 'quá bán';
  return `${m.strict ? 'trên' : 'từ'} ${Math.abs(m.share - 2 / 3) < 1e-9 ? '2/3' : percent(m.share)}`;
}

/** The position of an honor in the pack's order (higher = higher). */
export function honorRank(pack: RulePack, honor: Honor): number {
  return pack.pipeline.honorOrder.ranks[honor];
}

/** Whether `lower` is strictly below `than` (lowering a proposal may only go down). */
export function isLowerHonor(pack: RulePack, lower: Honor, than: Honor): boolean {
  return honorRank(pack, lower) < honorRank(pack, than);
}

/** Which authority the head of a unit of this kind is when it decides (null = may not decide). */
export function unitAuthority(pack: RulePack, unitKind: string): Authority | null {
  return pack.pipeline.unitAuthority.find((u) => u.unitKind === (unitKind as UnitKind))?.who ?? null;
}

/** The initiative council's recognition vote rule (share of the round's total members, with its source). */
export function initiativeVoteRule(pack: RulePack): MajorityRule {
  return pack.pipeline.initiativeVote;
}

/** Approvals needed to recognise an initiative out of the round's `totalMembers` (≥ 2/3 of 5 is 4). */
export function initiativeVotesNeeded(pack: RulePack, totalMembers: number): number {
  const m = pack.pipeline.initiativeVote;
  const exact = Math.round(m.share * totalMembers * 1e9) / 1e9;
  return m.strict ? Math.floor(exact) + 1 : Math.ceil(exact);
}

/** The time limit of a petition of this kind (the governing pack, agency overrides included). */
export function petitionLimit(pack: RulePack, kind: PetitionKind): PetitionLimitRule {
  const rule = pack.pipeline.petitions.limits.find((l) => l.kind === kind);
  if (!rule) throw new Error(`Bộ quy tắc không có thời hạn cho loại đơn ${kind}`);
  return rule;
}

/** Whether a denunciation without the denouncer's name is received. */
export function anonymousDenunciationAllowed(pack: RulePack): boolean {
  return pack.pipeline.petitions.anonymousDenunciation.allowed;
}

/** The kinds of bodies asked for hiệp y about a nominee of `subject` for `honor` (empty: none needed), with the source. */
export function consultationNeeded(pack: RulePack, honor: Honor, subject: SubjectKind): ConsultationRequirement | null {
  const s: SubjectKind = subject === 'household' ? 'individual' : subject;
  return pack.pipeline.consultation.requirements.find((r) => r.honor === honor && r.subject === s) ?? null;
}

export interface ConsultationDaysAnswer {
  workingDays: number;
  article: string;
  verified: boolean;
}

/** Working days the consulted bodies have to answer (the pack's `hiep_y_tra_loi` deadline, overridable). */
export function consultationAnswerDays(pack: RulePack): ConsultationDaysAnswer {
  const d = pack.deadlines.find((x) => x.id === CONSULTATION_DEADLINE_ID);
  if (d?.kind === 'working_days') return { workingDays: d.days, article: d.article, verified: d.verified };
  return { workingDays: 7, article: 'Mặc định của hệ thống (gói quy định không có thời hạn hiệp y)', verified: false };
}

/** What a missing answer after the deadline counts as, and on what basis. */
export function consultationSilence(pack: RulePack): ConsultationRules['silence'] {
  return pack.pipeline.consultation.silence;
}
