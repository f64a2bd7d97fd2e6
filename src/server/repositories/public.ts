/**
 * The portal's reads (no actor): only what is released — published exemplars and stories, issued
 * decisions — of units whose agency has not switched the kind off, minus items taken off the portal.
 * What of each row may be shown is decided by `presenters/public.ts`, not here.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.js';
import {
  awardDecisions,
  decisionAwardees,
  exemplarSteps,
  exemplars,
  movements,
  publicationSettings,
  stories,
  storyImages,
  units,
  unpublishedItems,
} from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { escapeLike, unitIdInScope } from './scope.js';
import type { PublicKind } from '../../shared/codes.js';

export interface Paging {
  page: number;
  pageSize: number;
}

/**
 * The kind is not switched off by the item's unit or any unit above it. Written as `unit_id not in (…)`, a
 * list of hidden units computed once per query (a hashed subplan), not a test per row: the portal counts
 * 50,000 decisions on every page.
 */
function kindOn(kind: PublicKind, unitId: PgColumn): SQL {
  return sql`${unitId} not in (select hu.id from units hu join ${publicationSettings} ps on ps.kind = ${kind} and ps.enabled = false
    join units su on su.id = ps.unit_id where hu.path like su.path || '%')`;
}

/** Not taken off the portal by its agency (also a hashed subplan, not a test per row). */
const notTakenOff = (kind: PublicKind, id: PgColumn) => sql`${id} not in (select ui.item_id from ${unpublishedItems} ui where ui.kind = ${kind})`;

const searchOf = (text: SQL, q: string | undefined) =>
  q ? sql`lower(tdkt_unaccent(${text})) like lower(tdkt_unaccent(${'%' + escapeLike(q) + '%'}))` : undefined;
/** A search on a stored `search_key` (already lower-case and unaccented, trigram-indexed). */
const searchKeyOf = (key: PgColumn, q: string | undefined) => (q ? sql`${key} like lower(tdkt_unaccent(${'%' + escapeLike(q) + '%'}))` : undefined);

// ---- Exemplars ----

// A cancel clears `published_at`; the second condition says it again where the portal reads.
const exemplarPublic = and(sql`${exemplars.publishedAt} is not null`, sql`${exemplars.cancelledAt} is null`, kindOn('exemplar', exemplars.unitId));

const exemplarColumns = {
  exemplar: exemplars,
  unitName: units.name,
  movementId: movements.id,
  movementTitle: movements.title,
  decisionNumber: awardDecisions.numberText,
  decisionDate: awardDecisions.decisionDate,
};

function exemplarBase(tx: Executor) {
  return tx
    .select(exemplarColumns)
    .from(exemplars)
    .innerJoin(units, eq(units.id, exemplars.unitId))
    .leftJoin(movements, and(eq(movements.id, exemplars.movementId), sql`${movements.status} in ('launched', 'closed')`))
    .leftJoin(awardDecisions, and(eq(awardDecisions.id, exemplars.decisionId), eq(awardDecisions.status, 'issued')));
}
export type PublicExemplarRow = Awaited<ReturnType<typeof findPublicExemplar>> & object;

export async function listPublicExemplars(tx: Executor, f: Paging & { q?: string | undefined; kind?: string | undefined }) {
  const where = and(exemplarPublic, f.kind ? eq(exemplars.kind, f.kind) : undefined, searchOf(sql`${exemplars.name} || ' ' || ${exemplars.achievement}`, f.q));
  const rows = await exemplarBase(tx)
    .where(where)
    .orderBy(desc(exemplars.publishedAt), asc(exemplars.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [t] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(exemplars)
    .where(where);
  return { rows, total: Number(t?.n ?? 0) };
}

export async function findPublicExemplar(tx: Executor, id: string) {
  const [row] = await exemplarBase(tx)
    .where(and(eq(exemplars.id, id), exemplarPublic))
    .limit(1);
  return row;
}

/** The replication steps of a published exemplar (where it spread), with the unit's name. */
export async function publicSpreadOf(tx: Executor, exemplarId: string) {
  return tx
    .select({ stepDate: exemplarSteps.stepDate, owner: exemplarSteps.owner, content: exemplarSteps.content, unitName: units.name })
    .from(exemplarSteps)
    .leftJoin(units, eq(units.id, exemplarSteps.unitId))
    .where(and(eq(exemplarSteps.exemplarId, exemplarId), eq(exemplarSteps.stage, 'spreading')))
    .orderBy(asc(exemplarSteps.stepDate));
}

// ---- Stories ----

const storyPublic = and(eq(stories.status, 'published'), kindOn('story', stories.unitId));

/** What a list item shows (not the body: a page of 12 stories need not read 12 bodies). */
const storyListColumns = {
  id: stories.id,
  title: stories.title,
  summary: stories.summary,
  authorName: stories.authorName,
  publishedAt: stories.publishedAt,
};

function storyBase<C extends typeof storyListColumns>(tx: Executor, columns: C) {
  return tx
    .select({
      story: columns,
      unitName: units.name,
      exemplarId: sql<string | null>`case when ${exemplars.publishedAt} is not null then ${exemplars.id} end`,
      exemplarName: exemplars.name,
    })
    .from(stories)
    .innerJoin(units, eq(units.id, stories.unitId))
    .leftJoin(exemplars, eq(exemplars.id, stories.exemplarId));
}
export type PublicStoryRow = Awaited<ReturnType<typeof listPublicStories>>['rows'][number];
export type PublicStoryDetailRow = Awaited<ReturnType<typeof findPublicStory>> & object;

export async function listPublicStories(tx: Executor, f: Paging & { q?: string | undefined; exemplarId?: string | undefined }) {
  const where = and(storyPublic, f.exemplarId ? eq(stories.exemplarId, f.exemplarId) : undefined, searchKeyOf(stories.searchKey, f.q));
  const rows = await storyBase(tx, storyListColumns)
    .where(where)
    .orderBy(desc(stories.publishedAt), desc(stories.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [t] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(stories)
    .where(where);
  return { rows, total: Number(t?.n ?? 0) };
}

export async function findPublicStory(tx: Executor, id: string) {
  const [row] = await storyBase(tx, { ...storyListColumns, bodyHtml: stories.bodyHtml })
    .where(and(eq(stories.id, id), storyPublic))
    .limit(1);
  return row;
}

export async function publicImagesOf(tx: Executor, storyId: string) {
  return tx
    .select({ id: storyImages.id, width: storyImages.width, height: storyImages.height, caption: storyImages.caption })
    .from(storyImages)
    .where(eq(storyImages.storyId, storyId))
    .orderBy(asc(storyImages.createdAt));
}

/** The first photo of each of these stories (the list's cover images), in one query. */
export async function publicCoverImagesOf(tx: Executor, storyIds: string[]): Promise<Map<string, string>> {
  if (storyIds.length === 0) return new Map();
  const rows = await tx
    .selectDistinctOn([storyImages.storyId], { storyId: storyImages.storyId, id: storyImages.id })
    .from(storyImages)
    .where(inArray(storyImages.storyId, storyIds))
    .orderBy(asc(storyImages.storyId), asc(storyImages.createdAt));
  return new Map(rows.map((r) => [r.storyId, r.id]));
}

/** A photo of a published story. */
export async function publicStoryImage(tx: Executor, storyId: string, imageId: string) {
  const [row] = await tx
    .select({ mime: storyImages.mime, data: storyImages.data })
    .from(storyImages)
    .innerJoin(stories, eq(stories.id, storyImages.storyId))
    .innerJoin(units, eq(units.id, stories.unitId))
    .where(and(eq(storyImages.id, imageId), eq(storyImages.storyId, storyId), storyPublic));
  return row;
}

// ---- Decisions ----

const decisionPublic = and(eq(awardDecisions.status, 'issued'), kindOn('decision', awardDecisions.unitId), notTakenOff('decision', awardDecisions.id));

const decisionColumns = {
  id: awardDecisions.id,
  numberText: awardDecisions.numberText,
  decisionDate: awardDecisions.decisionDate,
  title: awardDecisions.title,
  issuerName: awardDecisions.issuerName,
  signerName: awardDecisions.signerName,
  signerTitle: awardDecisions.signerTitle,
  year: awardDecisions.year,
  unitName: units.name,
  awardeeCount: sql<number>`(select count(*)::int from decision_awardees a where a.decision_id = ${awardDecisions.id} and not a.revoked)`,
};
export type PublicDecisionRow = Awaited<ReturnType<typeof findPublicDecision>> & object;

export async function listPublicDecisions(tx: Executor, f: Paging & { q?: string | undefined; year?: number | undefined }) {
  const where = and(decisionPublic, f.year ? eq(awardDecisions.year, f.year) : undefined, searchKeyOf(awardDecisions.searchKey, f.q));
  const rows = await tx
    .select(decisionColumns)
    .from(awardDecisions)
    .innerJoin(units, eq(units.id, awardDecisions.unitId))
    .where(where)
    .orderBy(desc(awardDecisions.decisionDate), desc(awardDecisions.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [t] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(awardDecisions)
    .where(where);
  return { rows, total: Number(t?.n ?? 0) };
}

export async function findPublicDecision(tx: Executor, id: string) {
  const [row] = await tx
    .select(decisionColumns)
    .from(awardDecisions)
    .innerJoin(units, eq(units.id, awardDecisions.unitId))
    .where(and(eq(awardDecisions.id, id), decisionPublic))
    .limit(1);
  return row;
}

/** The awardees of a decision still standing (a revoked award is no longer published), with the collective's unit name. */
export async function publicAwardeesOf(tx: Executor, decisionId: string) {
  return tx
    .select({
      subjectKind: decisionAwardees.subjectKind,
      displayName: decisionAwardees.displayName,
      positionText: decisionAwardees.positionText,
      honor: decisionAwardees.honor,
    })
    .from(decisionAwardees)
    .where(and(eq(decisionAwardees.decisionId, decisionId), eq(decisionAwardees.revoked, false)))
    .orderBy(asc(decisionAwardees.sortOrder));
}

// ---- Sitemap and feed ----

/** The newest released items of every kind for the sitemap and the Atom feed. */
export async function recentPublicItems(tx: Executor, limit: number) {
  const [ex, st, de] = [
    await tx
      .select({ id: exemplars.id, title: exemplars.name, summary: exemplars.achievement, at: exemplars.publishedAt })
      .from(exemplars)
      .innerJoin(units, eq(units.id, exemplars.unitId))
      .where(exemplarPublic)
      .orderBy(desc(exemplars.publishedAt))
      .limit(limit),
    await tx
      .select({ id: stories.id, title: stories.title, summary: stories.summary, at: stories.publishedAt })
      .from(stories)
      .innerJoin(units, eq(units.id, stories.unitId))
      .where(storyPublic)
      .orderBy(desc(stories.publishedAt))
      .limit(limit),
    await tx
      .select({ id: awardDecisions.id, title: awardDecisions.title, summary: awardDecisions.numberText, at: awardDecisions.issuedAt })
      .from(awardDecisions)
      .innerJoin(units, eq(units.id, awardDecisions.unitId))
      .where(decisionPublic)
      .orderBy(desc(awardDecisions.decisionDate))
      .limit(limit),
  ];
  return { exemplars: ex, stories: st, decisions: de };
}

// ---- Settings (signed in) ----

/** The switches set by the units of the actor's subtree and above it (what governs its items). */
export async function publicationSettingsFor(tx: Executor, unitIds: string[]) {
  if (unitIds.length === 0) return [];
  return tx
    .select({
      unitId: publicationSettings.unitId,
      kind: publicationSettings.kind,
      enabled: publicationSettings.enabled,
      updatedAt: publicationSettings.updatedAt,
    })
    .from(publicationSettings)
    .where(inArray(publicationSettings.unitId, unitIds));
}

export async function upsertPublicationSetting(tx: Executor, unitId: string, kind: PublicKind, enabled: boolean, by: string, at: Date): Promise<void> {
  await tx
    .insert(publicationSettings)
    .values({ unitId, kind, enabled, updatedBy: by, updatedAt: at })
    .onConflictDoUpdate({ target: [publicationSettings.unitId, publicationSettings.kind], set: { enabled, updatedBy: by, updatedAt: at } });
}

/** A decision of the actor's subtree, for taking it off the portal or putting it back. */
export async function findOwnedDecisionForPortal(tx: Executor, actor: Actor, id: string) {
  const [row] = await tx
    .select({ id: awardDecisions.id, unitId: awardDecisions.unitId, numberText: awardDecisions.numberText, unitPath: units.path })
    .from(awardDecisions)
    .innerJoin(units, eq(units.id, awardDecisions.unitId))
    .where(and(eq(awardDecisions.id, id), unitIdInScope(actor, awardDecisions.unitId)))
    .limit(1);
  return row;
}

export async function isTakenOff(tx: Executor, kind: PublicKind, itemId: string): Promise<boolean> {
  const [r] = await tx
    .select({ id: unpublishedItems.itemId })
    .from(unpublishedItems)
    .where(and(eq(unpublishedItems.kind, kind), eq(unpublishedItems.itemId, itemId)));
  return !!r;
}

export async function takeOff(tx: Executor, values: typeof unpublishedItems.$inferInsert): Promise<void> {
  await tx.insert(unpublishedItems).values(values).onConflictDoNothing();
}

export async function putBack(tx: Executor, kind: PublicKind, itemId: string): Promise<void> {
  await tx.delete(unpublishedItems).where(and(eq(unpublishedItems.kind, kind), eq(unpublishedItems.itemId, itemId)));
}
