import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from './units.js';
import { accounts } from './accounts.js';
import { councils } from './councils.js';
import { dossiers } from './dossiers.js';
import { bytea } from './columns.js';

const points = (name: string) => numeric(name, { precision: 9, scale: 2, mode: 'number' });

/**
 * Cụm, khối thi đua of one year. `unit_id` is the installation unit that keeps the record (the
 * province's standing body in a province installation, the agency itself when the organiser is
 * outside): its subtree sees every cluster; a member sees only its clusters' shared records.
 * `lineage_id` links the same cluster across years (rotation history, copy from last year).
 */
export const clusters = pgTable(
  'clusters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    councilId: uuid('council_id').references(() => councils.id),
    /** The organiser when it is outside the installation (e.g. "Hội đồng Thi đua - Khen thưởng tỉnh Cao Bằng"). */
    organiserName: text('organiser_name'),
    lineageId: uuid('lineage_id').notNull(),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    regulation: text('regulation'),
    plan: text('plan'),
    headMemberId: uuid('head_member_id'),
    deputyMemberId: uuid('deputy_member_id'),
    scale: integer('scale').notNull().default(100),
    /** Due dates of the members' reports to the head (6 months, year). */
    reportDueH1: date('report_due_h1'),
    reportDueYear: date('report_due_year'),
    /** Due dates of the head's reports to the Ban TĐKT (6 months, year), set by the standing body that keeps the cluster. */
    headReportDueH1: date('head_report_due_h1'),
    headReportDueYear: date('head_report_due_year'),
    scoringClosedAt: timestamp('scoring_closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('clusters_name_uq').on(t.unitId, t.year, t.name),
    index('clusters_year_idx').on(t.year, t.kind),
    index('clusters_lineage_idx').on(t.lineageId),
  ],
);

/**
 * Members: a unit of this installation (`member_unit_id`) or an outside organisation (name,
 * address, contact). `member_key` (the unit id, or the outside name folded) is unique per kind
 * and year: an organisation sits in one cụm and one khối at most.
 */
export const clusterMembers = pgTable(
  'cluster_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    memberKey: text('member_key').notNull(),
    memberUnitId: uuid('member_unit_id').references(() => units.id),
    name: text('name').notNull(),
    address: text('address'),
    contact: text('contact'),
    /** The member's own pledged targets (the common ones are on the pledge). */
    targets: jsonb('targets').$type<string[]>().notNull().default([]),
    /** The member that cross-checks this one's self-scoring (chấm chéo): it may adjust with a reason, like the head. */
    checkerMemberId: uuid('checker_member_id'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    uniqueIndex('cluster_members_key_uq').on(t.kind, t.year, t.memberKey),
    index('cluster_members_cluster_idx').on(t.clusterId, t.sortOrder),
    index('cluster_members_unit_idx')
      .on(t.memberUnitId)
      .where(sql`${t.memberUnitId} is not null`),
  ],
);

/** Each election of the head and deputy (history within a year; past years through the lineage). */
export const clusterLeaders = pgTable(
  'cluster_leaders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    headMemberId: uuid('head_member_id')
      .notNull()
      .references(() => clusterMembers.id, { onDelete: 'cascade' }),
    deputyMemberId: uuid('deputy_member_id').references(() => clusterMembers.id, { onDelete: 'cascade' }),
    electedOn: date('elected_on').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cluster_leaders_cluster_idx').on(t.clusterId, t.electedOn)],
);

/** The pledge (giao ước thi đua) of the year: common targets, signing, the signed scan, publication. */
export const clusterPledges = pgTable('cluster_pledges', {
  clusterId: uuid('cluster_id')
    .primaryKey()
    .references(() => clusters.id, { onDelete: 'cascade' }),
  signedDate: date('signed_date'),
  place: text('place'),
  commonTargets: jsonb('common_targets').$type<string[]>().notNull().default([]),
  scan: bytea('scan'),
  scanName: text('scan_name'),
  scanMime: text('scan_mime'),
  scanSize: integer('scan_size'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The scoring table (bảng chấm điểm): groups and criteria with their bounds. `kind` criterion
 * (0..max), bonus (0..max, e.g. +10 for a Cờ of the province) or minus (min..0). A minus item with
 * `late_penalty` is scored by the system: that many points off per late report.
 */
export const clusterCriteria = pgTable(
  'cluster_criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    groupName: text('group_name').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    minPoints: points('min_points').notNull().default(0),
    maxPoints: points('max_points').notNull().default(0),
    latePenalty: points('late_penalty'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('cluster_criteria_cluster_idx').on(t.clusterId, t.sortOrder)],
);

/**
 * A member's self-score on one criterion with its evidence, and the adjustment with its reason: who
 * (`adjusted_by`, the account), as what (`adjusted_as`: head, keeper while the head is outside, or
 * cross-checking member) and for which member (`adjusted_by_member_id`), when.
 */
export const clusterScores = pgTable(
  'cluster_scores',
  {
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => clusterMembers.id, { onDelete: 'cascade' }),
    criterionId: uuid('criterion_id')
      .notNull()
      .references(() => clusterCriteria.id, { onDelete: 'cascade' }),
    selfPoints: points('self_points').notNull(),
    evidence: text('evidence'),
    adjustedPoints: points('adjusted_points'),
    adjustReason: text('adjust_reason'),
    adjustedBy: uuid('adjusted_by').references(() => accounts.id),
    adjustedAs: text('adjusted_as'),
    adjustedByMemberId: uuid('adjusted_by_member_id').references(() => clusterMembers.id, { onDelete: 'set null' }),
    adjustedAt: timestamp('adjusted_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.criterionId] }), index('cluster_scores_cluster_idx').on(t.clusterId)],
);

/**
 * The cluster's plan of the year as dated tasks (like the annual plan's): each due date is in the
 * one deadline calendar for the members concerned (all members, or the one responsible).
 * `status` open | done | cancelled; a cancelled task stays listed, its deadlines cancelled.
 */
export const clusterTasks = pgTable(
  'cluster_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    startDate: date('start_date'),
    dueDate: date('due_date').notNull(),
    /** The member that carries it out; null: every member. */
    responsibleMemberId: uuid('responsible_member_id').references(() => clusterMembers.id, { onDelete: 'set null' }),
    note: text('note'),
    status: text('status').notNull().default('open'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cluster_tasks_cluster_idx').on(t.clusterId, t.dueDate)],
);

/** The head's reports to the Ban TĐKT (6 months, year): the day it was sent, by whom. */
export const clusterHeadReports = pgTable(
  'cluster_head_reports',
  {
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    sentOn: date('sent_on').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => accounts.id),
  },
  (t) => [primaryKey({ columns: [t.clusterId, t.period] })],
);

/** Members' reports to the head (6 months, year): submitted on a day, late when after the due date. */
export const clusterReports = pgTable(
  'cluster_reports',
  {
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => clusterMembers.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    submittedOn: date('submitted_on').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => accounts.id),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.period] }), index('cluster_reports_cluster_idx').on(t.clusterId)],
);

/** The year-end meeting (hội nghị tổng kết): members present, minutes, the proposal's dossier. */
export const clusterMeetings = pgTable(
  'cluster_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    heldOn: date('held_on').notNull(),
    place: text('place'),
    presentMemberIds: jsonb('present_member_ids').$type<string[]>().notNull().default([]),
    /** Frozen at creation: the denominator of quorum and majority. */
    totalMembers: integer('total_members').notNull(),
    minutes: text('minutes'),
    status: text('status').notNull().default('open'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    dossierId: uuid('dossier_id').references(() => dossiers.id),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cluster_meetings_cluster_idx').on(t.clusterId)],
);

/** What the meeting votes on: one member proposed for one honor (the leader for the Cờ, others for Bằng khen). */
export const clusterMeetingItems = pgTable(
  'cluster_meeting_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => clusterMeetings.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => clusterMembers.id),
    honor: text('honor').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    /** Paper ballots' counts per choice, entered by the head (outside members vote on paper). */
    paperCounts: jsonb('paper_counts').$type<Record<string, number>>(),
    /** Frozen at close: counts and passed. */
    result: jsonb('result'),
  },
  (t) => [uniqueIndex('cluster_meeting_items_uq').on(t.meetingId, t.memberId, t.honor)],
);

/** Secret ballot, part 1 (as `session_voter_marks`): which member has voted on an item, no choice. */
export const clusterVoterMarks = pgTable(
  'cluster_voter_marks',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => clusterMeetingItems.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => clusterMembers.id),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.memberId] })],
);

/** Secret ballot, part 2 (as `session_sealed_ballots`): the choice sealed by `ballots/seal.ts`, no voter. */
export const clusterSealedBallots = pgTable(
  'cluster_sealed_ballots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => clusterMeetingItems.id, { onDelete: 'cascade' }),
    sealed: bytea('sealed').notNull(),
  },
  (t) => [index('cluster_sealed_ballots_item_idx').on(t.itemId)],
);
