import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { units } from './units.js';
import { people } from './people.js';
import { movements } from './movements.js';
import { awardDecisions } from './decisions.js';
import { bytea } from './columns.js';

/**
 * Điển hình tiên tiến: a person, a collective or a model (mô hình, cách làm hay), proposed by a
 * unit and taken through the four stages (phát hiện → bồi dưỡng → tổng kết → nhân rộng), each
 * with its date and who did it. `unitId` is the proposing unit: its subtree (and the offices
 * above it) follow the record.
 */
export const exemplars = pgTable(
  'exemplars',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    /** The person's or collective's name as printed, or the model's name. */
    name: text('name').notNull(),
    personId: uuid('person_id').references(() => people.id),
    subjectUnitId: uuid('subject_unit_id').references(() => units.id),
    /** Position and unit as printed on the portal ("Trưởng phòng Quản lý khoa học"). */
    positionText: text('position_text'),
    movementId: uuid('movement_id').references(() => movements.id),
    decisionId: uuid('decision_id').references(() => awardDecisions.id),
    achievement: text('achievement').notNull(),
    /** Phát hiện: why the unit proposes it. */
    reason: text('reason').notNull(),
    stage: text('stage').notNull().default('discovered'),
    discoveredOn: date('discovered_on').notNull(),
    discoveredBy: uuid('discovered_by').references(() => accounts.id),
    nurturedFrom: date('nurtured_from'),
    summedUpOn: date('summed_up_on'),
    summedUpBy: uuid('summed_up_by').references(() => accounts.id),
    assessment: text('assessment'),
    spreadFrom: date('spread_from'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => accounts.id),
    /** Withdrawn (the proposal) or cancelled (by the Office): off the portal and out of the stages; the stage is kept for a restore. */
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => accounts.id),
    cancelReason: text('cancel_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('exemplars_unit_idx').on(t.unitId, t.stage),
    index('exemplars_published_idx')
      .on(t.publishedAt)
      .where(sql`${t.publishedAt} is not null`),
  ],
);

/** A dated step of bồi dưỡng (a support action) or nhân rộng (a unit where it was replicated). */
export const exemplarSteps = pgTable(
  'exemplar_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    exemplarId: uuid('exemplar_id')
      .notNull()
      .references(() => exemplars.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    stepDate: date('step_date').notNull(),
    /** Who is in charge (a unit or a person, as written). */
    owner: text('owner').notNull(),
    content: text('content').notNull(),
    /** Nhân rộng: the unit of the tree where it was replicated, when it is one. */
    unitId: uuid('unit_id').references(() => units.id),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('exemplar_steps_exemplar_idx').on(t.exemplarId, t.stepDate)],
);

/** Bài viết: a story presenting an exemplar; draft → approved → published → withdrawn. The body is sanitised HTML. */
export const stories = pgTable(
  'stories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    exemplarId: uuid('exemplar_id').references(() => exemplars.id),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    bodyHtml: text('body_html').notNull(),
    authorName: text('author_name').notNull(),
    status: text('status').notNull().default('draft'),
    createdBy: uuid('created_by').references(() => accounts.id),
    approvedBy: uuid('approved_by').references(() => accounts.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    /** The portal's search (title and summary, without diacritics), with a trigram index. */
    searchKey: text('search_key')
      .generatedAlwaysAs(sql`lower(tdkt_unaccent(title || ' ' || summary))`)
      .notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('stories_unit_idx').on(t.unitId, t.status),
    index('stories_published_idx')
      .on(t.publishedAt, t.id)
      .where(sql`${t.status} = 'published'`),
    index('stories_search_trgm_idx').using('gin', sql`${t.searchKey} gin_trgm_ops`),
  ],
);

/** A photo of a story, checked by content and resized on upload (≤ 1600 px), with its caption. */
export const storyImages = pgTable(
  'story_images',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storyId: uuid('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    mime: text('mime').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    caption: text('caption').notNull().default(''),
    data: bytea('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('story_images_story_idx').on(t.storyId)],
);

/** Hội nghị điển hình tiên tiến (seed 002): when, where, who spoke, the exemplars honoured and the honouring decision. */
export const exemplarConferences = pgTable(
  'exemplar_conferences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    heldOn: date('held_on').notNull(),
    place: text('place').notNull(),
    speakers: text('speakers')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    exemplarIds: uuid('exemplar_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    decisionId: uuid('decision_id').references(() => awardDecisions.id),
    outcome: text('outcome'),
    /** The report's sections of TT 01/2024 Art 3 k3 besides the results: shortcomings, lessons, what comes next (a paragraph a line). */
    shortcomings: text('shortcomings'),
    lessons: text('lessons'),
    directions: text('directions'),
    /** The report's number as registered ("12/BC-SKHCN"); empty until the văn thư gives one (the line then reads "Số:   /BC-…"). */
    reportNumber: text('report_number'),
    /** Recorded by mistake or not held: kept, marked, no report. */
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => accounts.id),
    cancelReason: text('cancel_reason'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('exemplar_conferences_unit_idx').on(t.unitId, t.heldOn)],
);

/** Per unit and kind, whether the portal shows it; no row = shown. A unit switched off hides its whole subtree. */
export const publicationSettings = pgTable(
  'publication_settings',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    enabled: boolean('enabled').notNull(),
    updatedBy: uuid('updated_by').references(() => accounts.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.kind] })],
);

/** An item taken off the portal by its agency (a decision: its own record stays untouched). */
export const unpublishedItems = pgTable(
  'unpublished_items',
  {
    kind: text('kind').notNull(),
    itemId: uuid('item_id').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    reason: text('reason').notNull(),
    by: uuid('by').references(() => accounts.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.itemId] })],
);
