import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { units } from './units.js';
import { people } from './people.js';
import { accounts } from './accounts.js';
import { movementPhases, movements } from './movements.js';
import { bytea } from './columns.js';

/**
 * Hồ sơ đề nghị khen thưởng: one row per dossier whatever the type of commendation. `level`
 * 'unit' = a unit's dossier to the standing body; 'upward' = the consolidated dossier the parent
 * level sends to a higher authority (`receiver_name`, outside the product).
 */
export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    receiverUnitId: uuid('receiver_unit_id').references(() => units.id),
    receiverName: text('receiver_name'),
    level: text('level').notNull().default('unit'),
    movementId: uuid('movement_id').references(() => movements.id),
    phaseId: uuid('phase_id').references(() => movementPhases.id),
    type: text('type').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    status: text('status').notNull().default('draft'),
    /**
     * The date of the decision being prepared (ngày áp dụng quy định): the legal regime, the rule
     * pack and the eligibility follow it, so that a past year is appraised under its own decree
     * (a 2017 dossier under NĐ 91/2017). Null: today, the Vietnamese day.
     */
    regimeDate: date('regime_date'),
    /** Incremented on every (re)submission; dossier_versions keeps each one. */
    revision: integer('revision').notNull().default(0),
    /** When the current step began: the working-day clock of the overdue dashboard starts here. */
    stepStartedAt: timestamp('step_started_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => accounts.id),
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by').references(() => accounts.id),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    receivedBy: uuid('received_by').references(() => accounts.id),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnedBy: uuid('returned_by').references(() => accounts.id),
    returnReasons: jsonb('return_reasons').$type<string[]>(),
    appraisedAt: timestamp('appraised_at', { withTimezone: true }),
    appraisedBy: uuid('appraised_by').references(() => accounts.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    forwardedAt: timestamp('forwarded_at', { withTimezone: true }),
    forwardedBy: uuid('forwarded_by').references(() => accounts.id),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** The extension that let a late dossier in, when one was used. */
    extensionId: uuid('extension_id'),
    /** Accent-free title for the list's search (trigram index). */
    searchKey: text('search_key')
      .generatedAlwaysAs(sql`lower(tdkt_unaccent(title))`)
      .notNull(),
    createdBy: uuid('created_by').references(() => accounts.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dossiers_unit_idx').on(t.unitId, t.year),
    index('dossiers_receiver_idx').on(t.receiverUnitId, t.submittedAt),
    index('dossiers_status_idx').on(t.status, t.stepStartedAt),
    index('dossiers_movement_idx').on(t.movementId),
    index('dossiers_search_trgm_idx').using('gin', sql`${t.searchKey} gin_trgm_ops`),
    // The lists' order (latest submission first, drafts on top): page 1 walks the index and stops early.
    index('dossiers_list_order_idx').on(t.submittedAt.desc().nullsFirst(), t.createdAt.desc()),
  ],
);

/** Candidates: a person, a collective (a unit) or a household, each with the honor proposed. */
export const dossierCandidates = pgTable(
  'dossier_candidates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    subjectKind: text('subject_kind').notNull(),
    personId: uuid('person_id').references(() => people.id),
    subjectUnitId: uuid('subject_unit_id').references(() => units.id),
    householdName: text('household_name'),
    householdAddress: text('household_address'),
    displayName: text('display_name').notNull(),
    positionText: text('position_text'),
    proposedHonor: text('proposed_honor').notNull(),
    /** The honor under consideration: the proposal, or lower after appraisal (with the reason). */
    honor: text('honor').notNull(),
    loweredReason: text('lowered_reason'),
    loweredAt: timestamp('lowered_at', { withTimezone: true }),
    loweredBy: uuid('lowered_by').references(() => accounts.id),
    achievement: text('achievement'),
    appraisalNote: text('appraisal_note'),
    /** The engine's answer at appraisal time (EvaluateResult), kept as evidence. */
    appraisalResult: jsonb('appraisal_result'),
    /** Subject data the Office entered where no records exist (households, outside staff). */
    subjectData: jsonb('subject_data'),
    appraisedAt: timestamp('appraised_at', { withTimezone: true }),
    appraisedBy: uuid('appraised_by').references(() => accounts.id),
    /** passed | failed | no_threshold — frozen when the council session closes. */
    councilResult: text('council_result'),
    councilText: text('council_text'),
    outcome: text('outcome').notNull().default('pending'),
    decisionId: uuid('decision_id'),
    /** In an upward dossier: the unit-level candidate it came from. */
    sourceCandidateId: uuid('source_candidate_id').references((): AnyPgColumn => dossierCandidates.id),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Truy tặng: the person has died; every document naming them says "Truy tặng …". */
    posthumous: boolean('posthumous').notNull().default(false),
    /** Award in kind (e.g. a welfare work — công trình phúc lợi — for a commune): what it is and its value (VND). */
    inKindDescription: text('in_kind_description'),
    inKindValue: bigint('in_kind_value', { mode: 'number' }),
  },
  (t) => [
    index('dossier_candidates_dossier_idx').on(t.dossierId, t.sortOrder),
    uniqueIndex('dossier_candidates_person_uq')
      .on(t.dossierId, t.personId)
      .where(sql`${t.personId} is not null`),
    uniqueIndex('dossier_candidates_unit_uq')
      .on(t.dossierId, t.subjectUnitId)
      .where(sql`${t.subjectUnitId} is not null`),
    uniqueIndex('dossier_candidates_household_uq')
      .on(t.dossierId, t.householdName)
      .where(sql`${t.householdName} is not null`),
    index('dossier_candidates_person_idx').on(t.personId, t.honor),
    index('dossier_candidates_subject_unit_idx').on(t.subjectUnitId, t.honor),
    index('dossier_candidates_source_idx').on(t.sourceCandidateId),
  ],
);

/** Documents: written in the app (`content`) or uploaded (`data`, checked by content, ≤ 10 MB). */
export const dossierDocuments = pgTable(
  'dossier_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id').references(() => dossierCandidates.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    content: text('content'),
    /** The review minutes' vote result as written ("5/6 thành viên đồng ý"). */
    voteResult: text('vote_result'),
    fileName: text('file_name'),
    mimeType: text('mime_type'),
    size: integer('size'),
    sha256: text('sha256'),
    data: bytea('data'),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dossier_documents_dossier_idx').on(t.dossierId)],
);

/** Every submitted version of a dossier, with what changed since the previous one. */
export const dossierVersions = pgTable(
  'dossier_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    changes: jsonb('changes').$type<string[]>().notNull(),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('dossier_versions_uq').on(t.dossierId, t.revision)],
);
