import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from './units.js';
import { people } from './people.js';
import { accounts } from './accounts.js';
import { councilMembers, councils } from './councils.js';
import { dossierCandidates } from './dossiers.js';

/** Council sessions (phiên họp Hội đồng): agenda, attendance, conflicts of interest, the secret ballot. */

export const councilSessions = pgTable(
  'council_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    unitId: uuid('unit_id').notNull().references(() => units.id),
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
    createdBy: uuid('created_by').references(() => accounts.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('council_sessions_unit_idx').on(t.unitId, t.meetingDate)],
);

/** Agenda: one item per candidate; `result` is frozen at close. */
export const sessionItems = pgTable(
  'session_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id').notNull().references(() => dossierCandidates.id),
    honor: text('honor').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    result: jsonb('result'),
  },
  (t) => [uniqueIndex('session_items_uq').on(t.sessionId, t.candidateId)],
);

export const sessionAttendance = pgTable(
  'session_attendance',
  {
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull().references(() => councilMembers.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    present: boolean('present').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.memberId] })],
);

/** Conflicts of interest detected at opening (own nomination, own unit's nomination): the member is recused. */
export const sessionConflicts = pgTable(
  'session_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id').notNull().references(() => sessionItems.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull().references(() => councilMembers.id),
    reason: text('reason').notNull(),
    recused: boolean('recused').notNull().default(true),
  },
  (t) => [uniqueIndex('session_conflicts_uq').on(t.itemId, t.memberId)],
);

/**
 * Secret ballot, part 1: who has voted on an item. Deliberately no id, no timestamp, nothing
 * that orders it against the ballot box.
 */
export const sessionVoterMarks = pgTable(
  'session_voter_marks',
  {
    itemId: uuid('item_id').notNull().references(() => sessionItems.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull().references(() => councilMembers.id),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.memberId] })],
);

/**
 * Secret ballot, part 2: the ballot box as counts per item, channel (online / paper) and choice.
 * Counts, not one row per ballot: a row per ballot would be re-linkable to its voter's mark by
 * physical order or by the transaction id both rows carry (see docs/decisions.md).
 */
export const sessionBallotBox = pgTable(
  'session_ballot_box',
  {
    itemId: uuid('item_id').notNull().references(() => sessionItems.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull(),
    choice: text('choice').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.channel, t.choice] })],
);
