import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { units } from './units.js';
import { movements } from './movements.js';

/**
 * Yêu cầu báo cáo: a unit (the Office, or any level) asks units below it for a periodic report
 * (6-month, annual, a movement's summing-up, ad hoc) over a period, due by a date that is put in
 * the deadline calendar (source_type 'report_request', one deadline per unit asked).
 */
export const reportRequests = pgTable(
  'report_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    dueDate: date('due_date').notNull(),
    movementId: uuid('movement_id').references(() => movements.id),
    note: text('note'),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_requests_unit_idx').on(t.unitId, t.year)],
);

/** A unit's report answering a request: the figures it typed, the data's figures frozen at submission, its narrative. */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => reportRequests.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    status: text('status').notNull().default('draft'),
    /** Indicator key → the number the unit typed where it differs from the data. */
    typed: jsonb('typed').$type<Record<string, number>>().notNull().default({}),
    /** Indicator key → the data's figure, frozen when the report is submitted (null while a draft: computed live). */
    dataFigures: jsonb('data_figures').$type<Record<string, number>>(),
    narrative: jsonb('narrative').$type<Record<string, string>>().notNull().default({}),
    /** A later due date the requesting unit granted this unit. */
    extendedUntil: date('extended_until'),
    late: boolean('late').notNull().default(false),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => accounts.id),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    receivedBy: uuid('received_by').references(() => accounts.id),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnReason: text('return_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reports_request_unit_uq').on(t.requestId, t.unitId), index('reports_unit_idx').on(t.unitId)],
);
