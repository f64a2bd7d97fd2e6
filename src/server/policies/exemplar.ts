import type { Actor } from '../auth/actor.js';
import { domainError } from '../errors.js';
import { can } from './abilities.js';
import { ownsRecord } from './plan.js';
import { EXEMPLAR_STAGE_LABELS, type ExemplarStage } from '../../shared/codes.js';

/** A stage taken out of order (tổng kết before bồi dưỡng, nhân rộng before tổng kết …). */
export const ExemplarStageOutOfOrder = domainError('ExemplarStageOutOfOrder', 'conflict', 'exemplar_stage_out_of_order');
/** Publishing an exemplar that is not summed up yet, or again. */
export const ExemplarNotPublishable = domainError('ExemplarNotPublishable', 'conflict', 'exemplar_not_publishable');
/** A change to a withdrawn or cancelled exemplar (restore it first), or a restore of one that is not cancelled. */
export const ExemplarCancelled = domainError('ExemplarCancelled', 'conflict', 'exemplar_cancelled');
/** Editing the proposal once the exemplar is summed up (the assessment was made on what it says). */
export const ExemplarNotEditable = domainError('ExemplarNotEditable', 'conflict', 'exemplar_not_editable');
/** Editing, cancelling a cancelled conference, or asking for its report. */
export const ConferenceCancelled = domainError('ConferenceCancelled', 'conflict', 'conference_cancelled');
/** A story action its state does not allow (publishing without approval, editing a published story …). */
export const StoryStateRefused = domainError('StoryStateRefused', 'conflict', 'story_state_refused');

export type ExemplarAbility = 'read' | 'update' | 'cancel' | 'restore' | 'nurture' | 'sumUp' | 'spread' | 'publish' | 'unpublish' | 'writeStory';
export type ExemplarStep = 'nurture' | 'sumUp' | 'spread';

/** From which stages each step may be taken: the four stages run in order, bồi dưỡng and nhân rộng repeat. */
const STEP_FROM: Record<ExemplarStep, readonly ExemplarStage[]> = {
  nurture: ['discovered', 'nurturing'],
  sumUp: ['nurturing'],
  spread: ['summed_up', 'spreading'],
};
const STEP_TO: Record<ExemplarStep, ExemplarStage> = { nurture: 'nurturing', sumUp: 'summed_up', spread: 'spreading' };
const STEP_REFUSAL: Record<ExemplarStep, string> = {
  nurture: 'Điển hình đã tổng kết: không thêm hoạt động bồi dưỡng được nữa.',
  sumUp: 'Chưa thể tổng kết: điển hình phải qua bước bồi dưỡng (có ít nhất một hoạt động bồi dưỡng) và chưa được tổng kết.',
  spread: 'Chưa thể nhân rộng: điển hình phải được tổng kết trước.',
};

interface ExemplarFacts {
  stage: string;
  unitPath: string;
  publishedAt: Date | null;
  cancelledAt: Date | null;
}

/** The proposal (who, what, why) is corrected while it is still at phát hiện or bồi dưỡng; tổng kết judged what it says. */
const EDITABLE_STAGES: readonly string[] = ['discovered', 'nurturing'];

function stepAllowed(stage: string, step: ExemplarStep): boolean {
  return (STEP_FROM[step] as readonly string[]).includes(stage);
}

/** The stage a step leads to. */
export function stageAfter(step: ExemplarStep): ExemplarStage {
  return STEP_TO[step];
}

/** What the actor may do to this exemplar: the role's grant, the ownership (its unit's subtree) and the stage. */
export function exemplarAbilities(actor: Actor, e: ExemplarFacts): ExemplarAbility[] {
  const owned = ownsRecord(actor, e.unitPath);
  const out: ExemplarAbility[] = [];
  if (can(actor.role, 'exemplar', 'read')) out.push('read');
  // A cancelled exemplar is kept as it was: it may only be restored.
  if (e.cancelledAt) {
    if (owned && can(actor.role, 'exemplar', 'restore')) out.push('restore');
    return out;
  }
  if (owned && can(actor.role, 'exemplar', 'update') && EDITABLE_STAGES.includes(e.stage)) out.push('update');
  if (owned && mayCancel(actor, e.stage)) out.push('cancel');
  if (owned && can(actor.role, 'exemplar', 'nurture') && stepAllowed(e.stage, 'nurture')) out.push('nurture');
  if (owned && can(actor.role, 'exemplar', 'sumUp') && stepAllowed(e.stage, 'sumUp')) out.push('sumUp');
  if (owned && can(actor.role, 'exemplar', 'spread') && stepAllowed(e.stage, 'spread')) out.push('spread');
  if (owned && can(actor.role, 'exemplar', 'publish') && isPublishable(e)) out.push('publish');
  if (owned && can(actor.role, 'exemplar', 'publish') && e.publishedAt) out.push('unpublish');
  if (can(actor.role, 'story', 'write')) out.push('writeStory');
  return out;
}

function isPublishable(e: ExemplarFacts): boolean {
  return !e.cancelledAt && !e.publishedAt && (e.stage === 'summed_up' || e.stage === 'spreading');
}

/** The unit withdraws its proposal before tổng kết; after it, cancelling is for whoever sums up (the Office). */
function mayCancel(actor: Actor, stage: string): boolean {
  return can(actor.role, 'exemplar', 'cancel') && (EDITABLE_STAGES.includes(stage) || can(actor.role, 'exemplar', 'sumUp'));
}

/** Refuses any change to a cancelled exemplar. */
export function assertNotCancelled(e: { cancelledAt: Date | null }): void {
  if (e.cancelledAt) throw new ExemplarCancelled('Điển hình đã bị hủy (rút đề xuất): hãy khôi phục trước khi thay đổi.');
}

/** Refuses an edit of the proposal once it is summed up, or of a cancelled exemplar. */
export function assertExemplarEditable(e: { stage: string; cancelledAt: Date | null }): void {
  assertNotCancelled(e);
  if (!EDITABLE_STAGES.includes(e.stage))
    throw new ExemplarNotEditable(
      `Chỉ sửa được đề xuất khi điển hình còn ở giai đoạn Phát hiện hoặc Bồi dưỡng (hiện tại: ${EXEMPLAR_STAGE_LABELS[e.stage as ExemplarStage] ?? e.stage}).`,
    );
}

/** Refuses a cancel the actor's grant does not cover at this stage (the caller checked `cancel` with `authorize`). */
export function assertExemplarCancellable(actor: Actor, e: { stage: string; cancelledAt: Date | null }): void {
  if (e.cancelledAt) throw new ExemplarCancelled('Điển hình đã bị hủy trước đó.');
  if (!mayCancel(actor, e.stage)) throw new ExemplarNotEditable('Điển hình đã được tổng kết: chỉ Văn phòng (Thường trực Hội đồng) hủy được.');
}

export type ConferenceAbility = 'read' | 'update' | 'cancel' | 'report';

/** What the actor may do to a conference: the Office of its unit's subtree edits or cancels it; a cancelled one has no report. */
export function conferenceAbilities(actor: Actor, c: { unitPath: string; cancelledAt: Date | null }): ConferenceAbility[] {
  const out: ConferenceAbility[] = [];
  if (!can(actor.role, 'exemplar', 'read')) return out;
  out.push('read');
  if (c.cancelledAt) return out;
  out.push('report');
  if (ownsRecord(actor, c.unitPath) && can(actor.role, 'exemplar', 'conference')) out.push('update', 'cancel');
  return out;
}

export function assertConferenceActive(c: { cancelledAt: Date | null }): void {
  if (c.cancelledAt) throw new ConferenceCancelled('Hội nghị đã bị hủy: không sửa được và không lập báo cáo.');
}

/** Refuses a step out of the four stages' order. */
export function assertStepAllowed(e: { stage: string }, step: ExemplarStep): void {
  if (!stepAllowed(e.stage, step)) {
    throw new ExemplarStageOutOfOrder(`${STEP_REFUSAL[step]} (Giai đoạn hiện tại: ${EXEMPLAR_STAGE_LABELS[e.stage as ExemplarStage] ?? e.stage}.)`);
  }
}

export function assertExemplarPublishable(e: ExemplarFacts): void {
  if (e.publishedAt) throw new ExemplarNotPublishable('Điển hình đã được đăng trên cổng thông tin.');
  if (!isPublishable(e)) throw new ExemplarNotPublishable('Chỉ đăng điển hình đã được tổng kết.');
}

export type StoryAbility = 'read' | 'update' | 'approve' | 'publish' | 'withdraw' | 'redraft';

interface StoryFacts {
  status: string;
  unitPath: string;
}

/** What the actor may do to this story, from the role's grant, ownership and the status. */
export function storyAbilities(actor: Actor, s: StoryFacts): StoryAbility[] {
  const owned = ownsRecord(actor, s.unitPath);
  const out: StoryAbility[] = [];
  if (can(actor.role, 'story', 'read')) out.push('read');
  if (owned && can(actor.role, 'story', 'write') && s.status === 'draft') out.push('update');
  if (owned && can(actor.role, 'story', 'approve') && s.status === 'draft') out.push('approve');
  if (owned && can(actor.role, 'story', 'publish') && s.status === 'approved') out.push('publish');
  if (owned && can(actor.role, 'story', 'publish') && s.status === 'published') out.push('withdraw');
  if (owned && can(actor.role, 'story', 'write') && (s.status === 'withdrawn' || s.status === 'approved')) out.push('redraft');
  return out;
}

const STORY_REFUSAL: Record<Exclude<StoryAbility, 'read'>, string> = {
  update: 'Chỉ sửa được bài viết ở trạng thái nháp (hãy đưa bài về nháp trước).',
  approve: 'Chỉ duyệt được bài viết đang ở trạng thái nháp.',
  publish: 'Bài viết phải được duyệt trước khi đăng.',
  withdraw: 'Chỉ gỡ được bài viết đang đăng.',
  redraft: 'Chỉ đưa về nháp bài viết đã duyệt hoặc đã gỡ.',
};

/** Refuses a story action its state does not allow (the caller checked the role with `authorize`). */
export function assertStoryAllows(s: { status: string }, action: Exclude<StoryAbility, 'read'>): void {
  const ok =
    (action === 'update' && s.status === 'draft') ||
    (action === 'approve' && s.status === 'draft') ||
    (action === 'publish' && s.status === 'approved') ||
    (action === 'withdraw' && s.status === 'published') ||
    (action === 'redraft' && (s.status === 'withdrawn' || s.status === 'approved'));
  if (!ok) throw new StoryStateRefused(STORY_REFUSAL[action]);
}

/** Whether the actor may change the portal's switches of a unit (its own subtree). */
export function mayManagePublication(actor: Actor, unitPath: string): boolean {
  return ownsRecord(actor, unitPath) && can(actor.role, 'publication', 'manage');
}
