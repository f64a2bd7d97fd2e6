import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from './units.js';
import { accounts } from './accounts.js';
import { people } from './people.js';
import { publicNotices } from './notices.js';
import { dossierCandidates } from './dossiers.js';
import { awardDecisions } from './decisions.js';
import { bytea } from './columns.js';

/**
 * Questions, recommendations, complaints and denunciations (thắc mắc, kiến nghị, khiếu nại, tố cáo)
 * about TĐKT work, from staff in the app or from the public portal (a tracking code, no account).
 */
export const petitions = pgTable(
  'petitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The unit whose Office handles it (the submitter's unit, or the unit of the notice or decision concerned). */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('received'),
    title: text('title').notNull(),
    content: text('content').notNull(),
    /** 'app' (a signed-in account) or 'portal' (the public). */
    channel: text('channel').notNull(),
    /** What it is about; `subjectId` is the id of that record (registration, dossier), the others have their columns. */
    subjectType: text('subject_type').notNull().default('general'),
    subjectId: uuid('subject_id'),
    noticeId: uuid('notice_id').references(() => publicNotices.id),
    candidateId: uuid('candidate_id').references(() => dossierCandidates.id),
    decisionId: uuid('decision_id').references(() => awardDecisions.id),
    /** The notice's candidate (or the decision's execution) waits until the petition is answered. */
    holdsSubject: boolean('holds_subject').notNull().default(false),
    submittedBy: uuid('submitted_by').references(() => accounts.id),
    submitterPersonId: uuid('submitter_person_id').references(() => people.id),
    /** The petitioner as written; for a denunciation only its handler and the head read these. */
    authorName: text('author_name'),
    authorContact: text('author_contact'),
    anonymous: boolean('anonymous').notNull().default(false),
    /** Public follow-up: `tracking_id` is looked up, the secret half of the code is kept as its SHA-256 only. */
    trackingId: text('tracking_id').notNull(),
    secretHash: text('secret_hash'),
    receivedOn: date('received_on').notNull(),
    dueDate: date('due_date').notNull(),
    limitDays: integer('limit_days').notNull(),
    /** 'working' or 'calendar' days, as the law counts them; `limit_article` its source. */
    limitUnit: text('limit_unit').notNull(),
    limitArticle: text('limit_article').notNull(),
    handlerId: uuid('handler_id').references(() => accounts.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => accounts.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredOn: date('answered_on'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** sha256 of the public sender's address (the flood limit); never the address itself. */
    clientKey: text('client_key'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('petitions_tracking_idx').on(t.trackingId),
    index('petitions_unit_idx').on(t.unitId, t.status, t.dueDate),
    index('petitions_submitter_idx').on(t.submittedBy),
    index('petitions_candidate_idx').on(t.candidateId),
    index('petitions_client_idx').on(t.clientKey, t.createdAt),
  ],
);

/** The case's history: assignment, requests for information and the replies, answers, closing. */
export const petitionEvents = pgTable(
  'petition_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    petitionId: uuid('petition_id')
      .notNull()
      .references(() => petitions.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    text: text('text'),
    actorId: uuid('actor_id').references(() => accounts.id),
    /** The petitioner's own entries (a reply to a request for information). */
    byPetitioner: boolean('by_petitioner').notNull().default(false),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('petition_events_idx').on(t.petitionId, t.at)],
);

export const petitionAttachments = pgTable(
  'petition_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    petitionId: uuid('petition_id')
      .notNull()
      .references(() => petitions.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('petition_attachments_idx').on(t.petitionId)],
);

/** Proof-of-work challenges handed to the public portal's petition form (kept as the nonce's hash). */
export const petitionChallenges = pgTable('petition_challenges', {
  nonceHash: text('nonce_hash').primaryKey(),
  difficulty: integer('difficulty').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
