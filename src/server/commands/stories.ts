import type { CommandContext } from './run.js';
import {
  countImages,
  deleteStoryImage,
  findVisibleExemplarRef,
  insertStory,
  insertStoryImage,
  lockOwnedStory,
  unsafeExemplarCancelled,
  updateStoryAtVersion,
  updateStoryImageCaption,
  type StoryImageMeta,
  type StoryRow,
} from '../repositories/stories.js';
import { findVisibleUnit } from '../repositories/units.js';
import { badRequest, conflict, notFound, StaleVersion } from '../errors.js';
import { assertStoryAllows, ExemplarCancelled, type StoryAbility } from '../policies/exemplar.js';
import { sanitizeStoryHtml, textOf } from '../content/sanitize.js';
import { prepareStoryImage } from '../content/images.js';
import { now } from '../clock.js';
import type { StoryInput } from '../../shared/schemas/exemplars.js';
import { STORY_STATUS_LABELS, type StoryStatus } from '../../shared/codes.js';

/** Photos per story (a page, not an album). */
export const MAX_STORY_IMAGES = 20;

function snapshot(s: StoryRow) {
  const { title, status, exemplarId, authorName } = s;
  return { title, status, exemplarId, authorName, bodyLength: s.bodyHtml.length };
}

async function storyValues(ctx: CommandContext, input: StoryInput) {
  if (!(await findVisibleUnit(ctx.tx, ctx.actor, input.unitId))) throw notFound('Không tìm thấy đơn vị.');
  if (input.exemplarId) {
    const ex = await findVisibleExemplarRef(ctx.tx, ctx.actor, input.exemplarId);
    if (!ex) throw notFound('Không tìm thấy điển hình.');
    if (ex.cancelledAt) throw new ExemplarCancelled(`Điển hình "${ex.name}" đã bị hủy: không viết bài về điển hình này được.`);
  }
  const bodyHtml = sanitizeStoryHtml(input.bodyHtml);
  if (!textOf(bodyHtml)) throw badRequest('Nội dung bài viết trống (sau khi bỏ các thẻ không được phép).');
  return { unitId: input.unitId, exemplarId: input.exemplarId ?? null, title: input.title, summary: input.summary, bodyHtml, authorName: input.authorName };
}

export async function createStory(ctx: CommandContext, input: StoryInput): Promise<StoryRow> {
  const values = await storyValues(ctx, input);
  const row = await insertStory(ctx.tx, { ...values, status: 'draft', createdBy: ctx.actor.accountId });
  await ctx.audit({
    action: 'story.created',
    entityType: 'story',
    entityId: row.id,
    unitId: row.unitId,
    summary: `Viết bài "${row.title}"`,
    after: snapshot(row),
  });
  return row;
}

async function lockStory(ctx: CommandContext, id: string, action: Exclude<StoryAbility, 'read'>): Promise<StoryRow> {
  const s = await lockOwnedStory(ctx.tx, ctx.actor, id);
  if (!s) throw notFound('Không tìm thấy bài viết.');
  assertStoryAllows(s, action);
  return s;
}

export async function updateStory(ctx: CommandContext, id: string, input: StoryInput): Promise<StoryRow> {
  const before = await lockStory(ctx, id, 'update');
  if (input.version !== undefined && input.version !== before.version) throw new StaleVersion('Bài viết đã được người khác sửa. Hãy tải lại và thử lại.');
  if (input.unitId !== before.unitId) throw badRequest('Không thể đổi đơn vị của bài viết.');
  const row = await updateStoryAtVersion(ctx.tx, id, before.version, await storyValues(ctx, input), now());
  if (!row) throw conflict('Bài viết đã được người khác sửa. Hãy tải lại và thử lại.');
  await ctx.audit({
    action: 'story.updated',
    entityType: 'story',
    entityId: id,
    unitId: row.unitId,
    summary: `Sửa bài "${row.title}"`,
    before: snapshot(before),
    after: snapshot(row),
  });
  return row;
}

const TRANSITIONS = {
  approve: { to: 'approved', action: 'story.approved', verb: 'Duyệt' },
  publish: { to: 'published', action: 'story.published', verb: 'Đăng' },
  withdraw: { to: 'withdrawn', action: 'story.withdrawn', verb: 'Gỡ' },
  redraft: { to: 'draft', action: 'story.redrafted', verb: 'Đưa về nháp' },
} as const;

/** Duyệt → đăng → gỡ (or back to draft): each step from the one status that allows it, audited. */
export async function moveStory(ctx: CommandContext, id: string, step: keyof typeof TRANSITIONS): Promise<StoryRow> {
  const s = await lockStory(ctx, id, step);
  // A story of a cancelled exemplar stays off the portal (the exemplar is restored first).
  if ((step === 'publish' || step === 'approve') && s.exemplarId && (await unsafeExemplarCancelled(ctx.tx, s.exemplarId)))
    throw new ExemplarCancelled('Điển hình của bài viết đã bị hủy: không duyệt, không đăng được cho đến khi điển hình được khôi phục.');
  const t = TRANSITIONS[step];
  const at = now();
  const stamps =
    step === 'approve'
      ? { approvedBy: ctx.actor.accountId, approvedAt: at }
      : step === 'publish'
        ? { publishedAt: at, withdrawnAt: null }
        : step === 'withdraw'
          ? { withdrawnAt: at }
          : { approvedBy: null, approvedAt: null };
  const row = await updateStoryAtVersion(ctx.tx, id, s.version, { status: t.to, ...stamps }, at);
  if (!row) throw conflict('Bài viết đã được người khác sửa. Hãy tải lại và thử lại.');
  await ctx.audit({
    action: t.action,
    entityType: 'story',
    entityId: id,
    unitId: s.unitId,
    summary: `${t.verb} bài "${s.title}" (${STORY_STATUS_LABELS[s.status as StoryStatus]} → ${STORY_STATUS_LABELS[t.to]})`,
    before: snapshot(s),
    after: snapshot(row),
  });
  return row;
}

/** Adds a photo to a draft story: checked by content, resized, stripped of metadata. */
export async function addStoryImage(ctx: CommandContext, id: string, file: Buffer, caption: string): Promise<StoryImageMeta> {
  const s = await lockStory(ctx, id, 'update');
  if ((await countImages(ctx.tx, id)) >= MAX_STORY_IMAGES) throw badRequest(`Mỗi bài viết có tối đa ${MAX_STORY_IMAGES} ảnh.`);
  const img = await prepareStoryImage(file);
  const row = await insertStoryImage(ctx.tx, {
    storyId: id,
    mime: img.mime,
    width: img.width,
    height: img.height,
    caption: caption.trim().slice(0, 500),
    data: img.data,
  });
  await ctx.audit({
    action: 'story.image_added',
    entityType: 'story',
    entityId: id,
    unitId: s.unitId,
    summary: `Thêm ảnh vào bài "${s.title}" (${img.width}×${img.height}${caption ? `, "${caption.slice(0, 80)}"` : ''})`,
  });
  return row;
}

/** Removes a photo of a draft story (a wrong photo, or one to upload again with another caption). */
export async function removeStoryImage(ctx: CommandContext, id: string, imageId: string): Promise<void> {
  const s = await lockStory(ctx, id, 'update');
  const img = await deleteStoryImage(ctx.tx, id, imageId);
  if (!img) throw notFound('Không tìm thấy ảnh.');
  await ctx.audit({
    action: 'story.image_removed',
    entityType: 'story',
    entityId: id,
    unitId: s.unitId,
    summary: `Xóa ảnh khỏi bài "${s.title}" (${img.width}×${img.height}${img.caption ? `, "${img.caption.slice(0, 80)}"` : ''})`,
  });
}

/** Changes the caption of a photo of a draft story (the caption is part of what the head approves). */
export async function captionStoryImage(ctx: CommandContext, id: string, imageId: string, caption: string): Promise<void> {
  const s = await lockStory(ctx, id, 'update');
  const text = caption.trim();
  const changed = await updateStoryImageCaption(ctx.tx, id, imageId, text);
  if (!changed) throw notFound('Không tìm thấy ảnh.');
  if (changed.before.caption === text) return;
  await ctx.audit({
    action: 'story.image_captioned',
    entityType: 'story',
    entityId: id,
    unitId: s.unitId,
    summary: `Sửa chú thích ảnh của bài "${s.title}": "${changed.before.caption.slice(0, 80)}" → "${text.slice(0, 80)}"`,
    before: { imageId, caption: changed.before.caption },
    after: { imageId, caption: text },
  });
}
