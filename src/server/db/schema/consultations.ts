import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { units } from './units.js';
import { dossierCandidates, dossiers } from './dossiers.js';
import { bytea } from './columns.js';

/** The agency's address book of bodies it asks for hiệp y (công an, thuế, BHXH, TN&MT, ủy ban kiểm tra). */
export const consultedBodies = pgTable(
  'consulted_bodies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The agency whose address book it is (its subtree uses it). */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** CONSULTED_BODY_KINDS: which rule-pack requirement the body answers. */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    address: text('address'),
    email: text('email'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('consulted_bodies_unit_name_uq').on(t.unitId, sql`lower(${t.name})`)],
);

/**
 * Công văn xin ý kiến hiệp y: the Office asks bodies to confirm candidates of one dossier by a
 * deadline. Answers are rows of `consultation_answers`, one per body asked.
 */
export const consultations = pgTable(
  'consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The asking Office's unit: its subtree sees and handles the request. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    /** 'open' | 'cancelled' (complete / overdue are computed from the answers and the clock). */
    status: text('status').notNull().default('open'),
    /** Last day for answers (Vietnamese day, inclusive). */
    deadline: date('deadline').notNull(),
    /** 'pack': the rule pack's working days; 'office': set by the Office. */
    deadlineSource: text('deadline_source').notNull(),
    /** Số, ký hiệu of the letter ("15/SKHCN-VP"); empty until the register gives one. */
    numberText: text('number_text'),
    requestDate: date('request_date').notNull(),
    note: text('note'),
    signerTitle: text('signer_title'),
    signerName: text('signer_name'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => accounts.id),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by').references(() => accounts.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consultations_unit_deadline_idx').on(t.unitId, t.deadline), index('consultations_dossier_idx').on(t.dossierId)],
);

/** The candidates of the dossier the request asks about (as they stood: name and honor kept). */
export const consultationCandidates = pgTable(
  'consultation_candidates',
  {
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => dossierCandidates.id, { onDelete: 'cascade' }),
    displayName: text('display_name').notNull(),
    honor: text('honor').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.consultationId, t.candidateId] }), index('consultation_candidates_candidate_idx').on(t.candidateId)],
);

/** One body asked, and its answer once recorded (with the scanned reply). */
export const consultationAnswers = pgTable(
  'consultation_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => consultedBodies.id),
    /** The body's name and kind when asked (the address book may change later). */
    bodyName: text('body_name').notNull(),
    bodyKind: text('body_kind').notNull(),
    /** null until recorded; 'agree' | 'disagree'. */
    answer: text('answer'),
    /** Date of the body's reply letter, its number, the Office's note. */
    answeredOn: date('answered_on'),
    answerNumber: text('answer_number'),
    note: text('note'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by').references(() => accounts.id),
    fileName: text('file_name'),
    mimeType: text('mime_type'),
    size: integer('size'),
    sha256: text('sha256'),
    data: bytea('data'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('consultation_answers_body_uq').on(t.consultationId, t.bodyId)],
);

/** A body's disagreement about one candidate, with its reason. */
export const consultationObjections = pgTable(
  'consultation_objections',
  {
    answerId: uuid('answer_id')
      .notNull()
      .references(() => consultationAnswers.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => dossierCandidates.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.answerId, t.candidateId] }), index('consultation_objections_candidate_idx').on(t.candidateId)],
);
