import { boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from './units.js';
import { people } from './people.js';
import { accounts } from './accounts.js';
import { councilMembers, councils } from './councils.js';
import { dossierCandidates } from './dossiers.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** Council sessions (phiên họp Hội đồng): agenda, attendance, conflicts of interest, the secret ballot. */

export const councilSessions = pgTable(
  'council_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    meetingDate: date('meeting_date').notNull(),
    location: text('location'),
    status: text('status').notNull().default('draft'),
    /** Frozen when the session opens: the denominator of every vote threshold. */
    totalMembers: integer('total_members'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    openedBy: uuid('opened_by').references(() => accounts.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => accounts.id),
    /** A session in preparation may be cancelled (its candidates go back to the list awaiting a session). */
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => accounts.id),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by').references(() => accounts.id),
    /**
     * The record of the meeting kept by the secretary (for the Biên bản họp xét and kiểm phiếu): who
     * chaired, who took the minutes, the Ban kiểm phiếu the session elected (head first), the agenda
     * and the discussion. Null until recorded; written while the session is open or closed.
     */
    chairMemberId: uuid('chair_member_id').references(() => councilMembers.id),
    secretaryMemberId: uuid('secretary_member_id').references(() => councilMembers.id),
    countingBoard: jsonb('counting_board').$type<string[]>(),
    agenda: jsonb('agenda').$type<string[]>(),
    discussion: text('discussion'),
    minutesRecordedAt: timestamp('minutes_recorded_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('council_sessions_unit_idx').on(t.unitId, t.meetingDate)],
);

/**
 * A list voted as a whole (biểu quyết thông qua cả danh sách): the council approves, e.g., the LĐTT
 * list of a dossier by one vote, counted by the secretary (approve / reject / abstain), while the high
 * honors go by secret ballot item by item. Its candidates are agenda items that carry `list_vote_id`;
 * at close each of them gets the list's result.
 */
export const sessionListVotes = pgTable(
  'session_list_votes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => councilSessions.id, { onDelete: 'cascade' }),
    honor: text('honor').notNull(),
    title: text('title').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    approve: integer('approve'),
    reject: integer('reject'),
    abstain: integer('abstain'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by').references(() => accounts.id),
    result: jsonb('result'),
  },
  (t) => [index('session_list_votes_session_idx').on(t.sessionId, t.sortOrder)],
);

/** Agenda: one item per candidate; `result` is frozen at close. */
export const sessionItems = pgTable(
  'session_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => councilSessions.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => dossierCandidates.id),
    honor: text('honor').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    result: jsonb('result'),
    /** Set when the item is voted with a list (not by secret ballot on its own). */
    listVoteId: uuid('list_vote_id').references(() => sessionListVotes.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('session_items_uq').on(t.sessionId, t.candidateId), index('session_items_list_idx').on(t.listVoteId)],
);

export const sessionAttendance = pgTable(
  'session_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => councilSessions.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => councilMembers.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    present: boolean('present').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.memberId] })],
);

/** Conflicts of interest detected at opening (own nomination, own unit's nomination): the member is recused. */
export const sessionConflicts = pgTable(
  'session_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => councilSessions.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => sessionItems.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => councilMembers.id),
    reason: text('reason').notNull(),
    recused: boolean('recused').notNull().default(true),
  },
  (t) => [uniqueIndex('session_conflicts_uq').on(t.itemId, t.memberId)],
);

/**
 * Secret ballot, part 1: who has voted on an item. Deliberately no id, no timestamp. Written in the
 * same transaction as the voter's sealed ballot: whoever reads the database can pair the two rows
 * (same `xmin`), but the sealed ballot says nothing without the server's key.
 */
export const sessionVoterMarks = pgTable(
  'session_voter_marks',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => sessionItems.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => councilMembers.id),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.memberId] })],
);

/**
 * Secret ballot, part 2: one sealed online ballot per vote, append-only. No voter column, no
 * timestamp, no counter: a random id, the item, and the AES-256-GCM ciphertext of a fixed-length
 * plaintext under a key derived from the server secret and the session (`ballots/seal.ts`). Only
 * closing the session opens them (docs/decisions.md, secret ballot).
 */
export const sessionSealedBallots = pgTable(
  'session_sealed_ballots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => sessionItems.id, { onDelete: 'cascade' }),
    sealed: bytea('sealed').notNull(),
  },
  (t) => [index('session_sealed_ballots_item_idx').on(t.itemId)],
);

/**
 * The paper ballots' counts per item and choice, entered by the secretary (`channel` is always
 * 'paper'; online ballots are sealed in `session_sealed_ballots`, never counted here).
 */
export const sessionBallotBox = pgTable(
  'session_ballot_box',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => sessionItems.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull(),
    choice: text('choice').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.channel, t.choice] })],
);
