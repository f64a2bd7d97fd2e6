import { check, customType, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { accounts } from './accounts.js';
import { people } from './people.js';
import { units } from './units.js';
import { plans } from './plans.js';
import { movements } from './movements.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Đăng ký thi đua: a unit or a person aims for an honor, for a year (the annual plan that sets
 * the deadline) or for a movement. `campaign_key` is 'plan:<id>' or 'movement:<id>'.
 */
export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignKey: text('campaign_key').notNull(),
    planId: uuid('plan_id').references(() => plans.id),
    movementId: uuid('movement_id').references(() => movements.id),
    year: integer('year').notNull(),
    /** The registering unit (scope): the collective itself, or the person's unit. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    subjectKind: text('subject_kind').notNull(),
    subjectUnitId: uuid('subject_unit_id').references(() => units.id),
    personId: uuid('person_id').references(() => people.id),
    honor: text('honor').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('registrations_subject_uq').on(t.campaignKey, t.subjectKind, sql`coalesce(${t.personId}, ${t.subjectUnitId})`, t.honor),
    index('registrations_unit_idx').on(t.unitId, t.campaignKey),
    index('registrations_campaign_idx').on(t.campaignKey, t.honor),
  ],
);

/** The Office reopens registration for one unit after the deadline (recorded and audited). */
export const registrationReopenings = pgTable(
  'registration_reopenings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignKey: text('campaign_key').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    until: date('until').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('registration_reopenings_idx').on(t.campaignKey, t.unitId)],
);

/**
 * Giao ước thi đua between units, with the signed document stored in the database (bytea, ≤ 10 MB,
 * type checked by content) so that a backup of the database holds it.
 */
export const pledges = pgTable(
  'pledges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    movementId: uuid('movement_id').references(() => movements.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    parties: text('parties')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    signedDate: date('signed_date').notNull(),
    documentName: text('document_name'),
    documentMime: text('document_mime'),
    documentSize: integer('document_size'),
    documentSha256: text('document_sha256'),
    document: bytea('document'),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('pledges_unit_idx').on(t.unitId, t.year)],
);

/**
 * Đăng ký số lượng: one unit's registration by number for a campaign (how many proposals it will
 * make for each high honor), beside its named registrations. Its own life-cycle: the clerk edits it
 * within the registration window, submits it (locked), the Office may return it with a reason.
 */
export const registrationCountSheets = pgTable(
  'registration_count_sheets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignKey: text('campaign_key').notNull(),
    planId: uuid('plan_id').references(() => plans.id),
    movementId: uuid('movement_id').references(() => movements.id),
    year: integer('year').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** draft | submitted | returned */
    status: text('status').notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => accounts.id),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnedBy: uuid('returned_by').references(() => accounts.id),
    returnReason: text('return_reason'),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('registration_count_sheets_uq').on(t.campaignKey, t.unitId)],
);

/** One line of a count sheet: the honor, how many proposals, an optional note. */
export const registrationCounts = pgTable(
  'registration_counts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sheetId: uuid('sheet_id')
      .notNull()
      .references(() => registrationCountSheets.id, { onDelete: 'cascade' }),
    honor: text('honor').notNull(),
    count: integer('count').notNull(),
    note: text('note'),
  },
  (t) => [uniqueIndex('registration_counts_uq').on(t.sheetId, t.honor), check('registration_counts_count_ck', sql`${t.count} >= 0`)],
);

/** Which honors a campaign takes registrations by number for (set by its Office; absent: the default of the rules). */
export const registrationCountHonors = pgTable('registration_count_honors', {
  campaignKey: text('campaign_key').primaryKey(),
  honors: text('honors').array().notNull(),
  updatedBy: uuid('updated_by').references(() => accounts.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
