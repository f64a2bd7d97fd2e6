import type { Actor } from '../auth/actor.js';
import { domainError } from '../errors.js';
import { can } from './abilities.js';
import { ownsRecord } from './plan.js';
import { EXEMPLAR_STAGE_LABELS, type ExemplarStage } from '../../shared/codes.js';

/** A stage taken out of order (tổng kết before bồi dưỡng, nhân rộng before tổng kết …). */
export const ExemplarStageOutOfOrder = domainError('ExemplarStageOutOfOrder', 'conflict', 'exemplar_stage_out_of_order');
/** Publishing an exemplar that is not summed up yet, or again. */
export const ExemplarNotPublishable = domainError('ExemplarNotPublishable', 'conflict', 'exemplar_not_publishable');
/** A story action its state does not allow (publishing without approval, editing a published story …). */
export const StoryStateRefused = domainError('StoryStateRefused', 'conflict', 'story_state_refused');

export type ExemplarAbility = 'read' | 'nurture' | 'sumUp' | 'spread' | 'publish' | 'unpublish' | 'writeStory';
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
}

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
  if (owned && can(actor.role, 'exemplar', 'nurture') && stepAllowed(e.stage, 'nurture')) out.push('nurture');
  if (owned && can(actor.role, 'exemplar', 'sumUp') && stepAllowed(e.stage, 'sumUp')) out.push('sumUp');
  if (owned && can(actor.role, 'exemplar', 'spread') && stepAllowed(e.stage, 'spread')) out.push('spread');
  if (owned && can(actor.role, 'exemplar', 'publish') && isPublishable(e)) out.push('publish');
  if (owned && can(actor.role, 'exemplar', 'publish') && e.publishedAt) out.push('unpublish');
  if (can(actor.role, 'story', 'write')) out.push('writeStory');
  return out;
}

function isPublishable(e: ExemplarFacts): boolean {
  return !e.publishedAt && (e.stage === 'summed_up' || e.stage === 'spreading');
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
