import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { units } from './units.js';
import { accounts } from './accounts.js';
import { dossierCandidates } from './dossiers.js';

/** Public notices (công khai lấy ý kiến) of nominees, their items and the public's comments. */

export const publicNotices = pgTable(
  'public_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    body: text('body'),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    /** Working days in the window (given, or counted between the two dates). */
    workingDays: integer('working_days').notNull(),
    /** How the window was given: 'working' (N ngày làm việc) or 'calendar' (từ ngày … đến hết ngày …). */
    dayCountKind: text('day_count_kind').notNull().default('working'),
    /** Số, ký hiệu of the Thông báo ("08/TB-HĐTĐKT"), its issue date and issuing body. */
    number: text('number'),
    issuedDate: date('issued_date'),
    issuer: text('issuer'),
    /** posted | replaced | withdrawn. */
    status: text('status').notNull().default('posted'),
    replacesId: uuid('replaces_id').references((): AnyPgColumn => publicNotices.id),
    replacedById: uuid('replaced_by_id').references((): AnyPgColumn => publicNotices.id),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by').references(() => accounts.id),
    withdrawnReason: text('withdrawn_reason'),
    postedBy: uuid('posted_by').references(() => accounts.id),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('public_notices_unit_idx').on(t.unitId, t.endDate)],
);

export const publicNoticeItems = pgTable(
  'public_notice_items',
  {
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => publicNotices.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => dossierCandidates.id),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.candidateId] }), index('public_notice_items_candidate_idx').on(t.candidateId)],
);

export const publicNoticeComments = pgTable(
  'public_notice_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => publicNotices.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id').references(() => dossierCandidates.id),
    authorName: text('author_name').notNull(),
    authorContact: text('author_contact'),
    content: text('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => accounts.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** 'spam' or 'duplicate' when the Office set the comment aside (answered collectively, `answer` holds the reason). */
    disposition: text('disposition'),
    /** sha256 of the sender's real address (the rate limit per address and notice); never the address itself. */
    clientKey: text('client_key'),
  },
  (t) => [index('public_notice_comments_notice_idx').on(t.noticeId), index('public_notice_comments_client_idx').on(t.noticeId, t.clientKey, t.createdAt)],
);

/** Proof-of-work challenges handed to the public portal before a comment: only the nonce's hash is kept. */
export const publicNoticeChallenges = pgTable(
  'public_notice_challenges',
  {
    nonceHash: text('nonce_hash').primaryKey(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => publicNotices.id, { onDelete: 'cascade' }),
    difficulty: integer('difficulty').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('public_notice_challenges_expiry_idx').on(t.expiresAt)],
);
