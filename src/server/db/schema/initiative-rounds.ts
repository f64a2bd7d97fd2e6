import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from './units.js';
import { people } from './people.js';
import { accounts } from './accounts.js';
import { councils } from './councils.js';
import { initiatives } from './records.js';
import { awardDecisions } from './decisions.js';
import { certificates } from './documents.js';
import { dossierCandidates } from './dossiers.js';
import { bytea } from './columns.js';

/** One level of a criterion: the points and what a work at that level looks like. */
export interface RubricLevel {
  points: number;
  descriptor: string;
}

/** A criterion of the rubric (novelty, applicability, effectiveness, scope of influence…). */
export interface RubricCriterion {
  key: string;
  label: string;
  maxPoints: number;
  levels: RubricLevel[];
}

/** One step of a round's calendar, from the agency's own regulation (e.g. applications 1–14/9). */
export interface RoundStep {
  label: string;
  from: string;
  to: string;
}

/**
 * The agency's scoring rubric (thang điểm) for a year: data, not code, versioned — a new version
 * never changes the scores given under an earlier one (a round keeps the version it opened with).
 */
export const initiativeRubrics = pgTable(
  'initiative_rubrics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    /** Where the rubric and its pass mark come from (the agency's regulation). */
    source: text('source').notNull(),
    criteria: jsonb('criteria').$type<RubricCriterion[]>().notNull(),
    /** The average total an initiative needs to pass (out of the sum of maxPoints). */
    passMark: integer('pass_mark').notNull(),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('initiative_rubrics_version_uq').on(t.unitId, t.year, t.version)],
);

/** A round of the initiative council (đợt xét sáng kiến) for a year, with its calendar as data. */
export const initiativeRounds = pgTable(
  'initiative_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    rubricId: uuid('rubric_id')
      .notNull()
      .references(() => initiativeRubrics.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** draft | open | closed */
    status: text('status').notNull().default('draft'),
    calendar: jsonb('calendar').$type<RoundStep[]>().notNull().default([]),
    /** How many initiatives one member may be given to score (the Office's load limit). */
    maxLoad: integer('max_load').notNull().default(50),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('initiative_rounds_unit_idx').on(t.unitId, t.year)],
);

/** The council's members taken into the round when it opens (the total the vote threshold counts). */
export const initiativeRoundMembers = pgTable(
  'initiative_round_members',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => initiativeRounds.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    position: text('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.personId] }), index('initiative_round_members_person_idx').on(t.personId)],
);

/**
 * An application for recognition (đơn yêu cầu công nhận sáng kiến). Once recognised, the recognised
 * initiative the eligibility engine reads is a row of `initiatives` (`recordId`), with the same authors.
 */
export const initiativeApplications = pgTable(
  'initiative_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => initiativeRounds.id),
    /** The submitting unit: decides who sees it (the Office's subtree) and the same-unit conflict. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    field: text('field'),
    /** Where it was applied (a unit of the agency, or a name outside it). */
    appliedUnitId: uuid('applied_unit_id').references(() => units.id),
    appliedPlace: text('applied_place'),
    firstAppliedOn: date('first_applied_on').notNull(),
    novelty: text('novelty').notNull(),
    application: text('application').notNull(),
    benefitVnd: bigint('benefit_vnd', { mode: 'number' }),
    benefitText: text('benefit_text'),
    scopeAsked: text('scope_asked').notNull(),
    /** submitted | recognised | refused | withdrawn */
    status: text('status').notNull().default('submitted'),
    refusalReason: text('refusal_reason'),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date'),
    recordId: uuid('record_id').references(() => initiatives.id),
    /** Giấy chứng nhận: the public verification code printed as a QR. */
    certificateCode: text('certificate_code'),
    /** The Quyết định công nhận sáng kiến (a decision of the unit's register) and the certificate in the sổ vàng. */
    decisionId: uuid('decision_id').references(() => awardDecisions.id),
    certificateId: uuid('certificate_id').references(() => certificates.id),
    /** A higher level's later recognition of the province-wide (bộ, ngành, tỉnh) or national effect. */
    higherScope: text('higher_scope'),
    higherDecisionNumber: text('higher_decision_number'),
    higherDecisionDate: date('higher_decision_date'),
    higherIssuer: text('higher_issuer'),
    createdBy: uuid('created_by').references(() => accounts.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('initiative_applications_round_idx').on(t.roundId),
    index('initiative_applications_unit_idx').on(t.unitId),
    uniqueIndex('initiative_applications_certificate_uq').on(t.certificateCode),
  ],
);

export const initiativeApplicationAuthors = pgTable(
  'initiative_application_authors',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => initiativeApplications.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    /** Contribution in percent; an application's authors sum to 100. */
    sharePercent: integer('share_percent').notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.personId] }), index('initiative_application_authors_person_idx').on(t.personId)],
);

/**
 * Which member scores which initiative (the Office's assignment). A member with a conflict (author,
 * same unit, declared family or supervisor tie) is recused: the row stays, with the reason, and
 * blocks scoring.
 */
export const initiativeAssignments = pgTable(
  'initiative_assignments',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => initiativeApplications.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    /** null = scores; otherwise the conflict that recuses the member. */
    conflict: text('conflict'),
    conflictNote: text('conflict_note'),
    /** true when the member declared the conflict, false when the system detected it. */
    declared: boolean('declared').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.personId] }), index('initiative_assignments_person_idx').on(t.personId)],
);

/** A member's score sheet for one initiative: points per criterion and the vote to recognise. */
export const initiativeScores = pgTable(
  'initiative_scores',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => initiativeApplications.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    points: jsonb('points').$type<Record<string, number>>().notNull(),
    total: integer('total').notNull(),
    approve: boolean('approve').notNull(),
    comment: text('comment'),
    /** Who typed it: the member, or the Office entering a paper sheet. */
    enteredBy: uuid('entered_by').references(() => accounts.id),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.personId] })],
);

/**
 * Use once (legal-rules §10): a recognised initiative offered as evidence for one dossier candidate.
 * The primary key on the initiative makes a second claim impossible, also under concurrent offers;
 * the claim becomes `initiatives.used_for_award_id` when the award is decided.
 */
export const initiativeClaims = pgTable('initiative_claims', {
  initiativeId: uuid('initiative_id')
    .primaryKey()
    .references(() => initiatives.id, { onDelete: 'cascade' }),
  candidateId: uuid('candidate_id')
    .notNull()
    .references(() => dossierCandidates.id, { onDelete: 'cascade' }),
  claimedBy: uuid('claimed_by').references(() => accounts.id),
  claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Files attached to an application (the description, measurements of the benefit, photos of the
 * trial): checked by their bytes like a dossier's documents, at most 10 MB each, kept in the database.
 */
export const initiativeAttachments = pgTable(
  'initiative_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => initiativeApplications.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('initiative_attachments_application_idx').on(t.applicationId, t.createdAt)],
);
