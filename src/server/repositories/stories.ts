/** Stories about exemplars (bài viết) and their photos. */
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { exemplars, stories, storyImages, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { escapeLike, unitIdInScope } from './scope.js';
import { ownedCondition } from './plans.js';

export type StoryRow = typeof stories.$inferSelect;
export type StoryImageMeta = Omit<typeof storyImages.$inferSelect, 'data'>;

export interface StoryListRow {
  story: StoryRow;
  unitName: string;
  unitPath: string;
  exemplarName: string | null;
}

const IMAGE_META = {
  id: storyImages.id,
  storyId: storyImages.storyId,
  mime: storyImages.mime,
  width: storyImages.width,
  height: storyImages.height,
  caption: storyImages.caption,
  createdAt: storyImages.createdAt,
};

function joined(tx: Executor) {
  return tx
    .select({ story: stories, unitName: units.name, unitPath: units.path, exemplarName: exemplars.name })
    .from(stories)
    .innerJoin(units, eq(units.id, stories.unitId))
    .leftJoin(exemplars, eq(exemplars.id, stories.exemplarId));
}

export async function findVisibleStory(tx: Executor, actor: Actor, id: string): Promise<StoryListRow | undefined> {
  const [row] = await joined(tx)
    .where(and(eq(stories.id, id), unitIdInScope(actor, stories.unitId)))
    .limit(1);
  return row;
}

export async function lockOwnedStory(tx: Executor, actor: Actor, id: string): Promise<StoryRow | undefined> {
  const [row] = await tx
    .select()
    .from(stories)
    .where(and(eq(stories.id, id), ownedCondition(actor, stories.unitId)))
    .for('update')
    .limit(1);
  return row;
}

export interface StoryFilter {
  status?: string | undefined;
  exemplarId?: string | undefined;
  q?: string | undefined;
}

function storyWhere(actor: Actor, f: StoryFilter): SQL | undefined {
  return and(
    unitIdInScope(actor, stories.unitId),
    f.status ? eq(stories.status, f.status) : undefined,
    f.exemplarId ? eq(stories.exemplarId, f.exemplarId) : undefined,
    f.q ? sql`lower(tdkt_unaccent(${stories.title} || ' ' || ${stories.summary})) like lower(tdkt_unaccent(${'%' + escapeLike(f.q) + '%'}))` : undefined,
  );
}

export async function listVisibleStories(tx: Executor, actor: Actor, f: StoryFilter, page: { page: number; pageSize: number }) {
  const where = storyWhere(actor, f);
  const rows = await joined(tx)
    .where(where)
    .orderBy(desc(stories.updatedAt), asc(stories.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [t] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(stories)
    .where(where);
  return { rows, total: Number(t?.n ?? 0) };
}

export async function insertStory(tx: Executor, values: typeof stories.$inferInsert): Promise<StoryRow> {
  const [row] = await tx.insert(stories).values(values).returning();
  if (!row) throw new Error('insert failed');
  return row;
}

/** Updates a story if it is still at `version`; undefined when someone else changed it meanwhile. */
export async function updateStoryAtVersion(tx: Executor, id: string, version: number, values: Partial<typeof stories.$inferInsert>, at: Date) {
  const [row] = await tx
    .update(stories)
    .set({ ...values, version: version + 1, updatedAt: at })
    .where(and(eq(stories.id, id), eq(stories.version, version)))
    .returning();
  return row;
}

export async function insertStoryImage(tx: Executor, values: typeof storyImages.$inferInsert): Promise<StoryImageMeta> {
  const [row] = await tx.insert(storyImages).values(values).returning(IMAGE_META);
  if (!row) throw new Error('insert failed');
  return row;
}

export async function imagesOf(tx: Executor, storyId: string): Promise<StoryImageMeta[]> {
  return tx.select(IMAGE_META).from(storyImages).where(eq(storyImages.storyId, storyId)).orderBy(asc(storyImages.createdAt));
}

/** Removes a photo of a story (the caller locked the story); undefined when there is no such photo. */
export async function deleteStoryImage(tx: Executor, storyId: string, imageId: string): Promise<StoryImageMeta | undefined> {
  const [row] = await tx
    .delete(storyImages)
    .where(and(eq(storyImages.id, imageId), eq(storyImages.storyId, storyId)))
    .returning(IMAGE_META);
  return row;
}

/** Sets a photo's caption; answers the photo before and after, or undefined when the story has no such photo. */
export async function updateStoryImageCaption(tx: Executor, storyId: string, imageId: string, caption: string) {
  const where = and(eq(storyImages.id, imageId), eq(storyImages.storyId, storyId));
  const [before] = await tx.select(IMAGE_META).from(storyImages).where(where).for('update');
  if (!before) return undefined;
  const [after] = await tx.update(storyImages).set({ caption }).where(where).returning(IMAGE_META);
  return after ? { before, after } : undefined;
}

/** Whether the exemplar a story presents was cancelled (unsafe: reached through the story, already in scope). */
export async function unsafeExemplarCancelled(tx: Executor, exemplarId: string): Promise<boolean> {
  const [row] = await tx.select({ at: exemplars.cancelledAt }).from(exemplars).where(eq(exemplars.id, exemplarId)).limit(1);
  return !!row?.at;
}

/** Withdraws the published stories of an exemplar being cancelled (unsafe: reached through the exemplar, already locked in scope). */
export async function unsafeWithdrawStoriesOf(tx: Executor, exemplarId: string, at: Date): Promise<StoryRow[]> {
  return tx
    .update(stories)
    .set({ status: 'withdrawn', withdrawnAt: at, version: sql`${stories.version} + 1`, updatedAt: at })
    .where(and(eq(stories.exemplarId, exemplarId), eq(stories.status, 'published')))
    .returning();
}

export async function countImages(tx: Executor, storyId: string): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(storyImages)
    .where(eq(storyImages.storyId, storyId));
  return Number(r?.n ?? 0);
}

/** A photo's bytes (the caller found its story in scope, or published). */
export async function storyImageFile(tx: Executor, storyId: string, imageId: string) {
  const [row] = await tx
    .select({ mime: storyImages.mime, data: storyImages.data })
    .from(storyImages)
    .where(and(eq(storyImages.id, imageId), eq(storyImages.storyId, storyId)));
  return row;
}

/** An exemplar of the actor's scope a story may present. */
export async function findVisibleExemplarRef(tx: Executor, actor: Actor, id: string) {
  const [row] = await tx
    .select({ id: exemplars.id, name: exemplars.name, cancelledAt: exemplars.cancelledAt })
    .from(exemplars)
    .where(and(eq(exemplars.id, id), unitIdInScope(actor, exemplars.unitId)))
    .limit(1);
  return row;
}
