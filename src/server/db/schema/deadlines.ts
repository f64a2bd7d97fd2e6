import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { units } from './units.js';

/**
 * Every deadline of the product in one calendar: plans, movements, registrations and (later)
 * dossiers register theirs with `registerDeadline` (src/server/deadlines/register.ts), keyed by
 * (source_type, source_id, key) so re-registering updates in place.
 */
export const deadlines = pgTable(
  'deadlines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceType: text('source_type').notNull(),
    sourceId: uuid('source_id').notNull(),
    key: text('key').notNull(),
    /** The owning unit (whose plan/movement/dossier it is): decides who may see it. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** A unit that must act, when one is named (a plan task's lead, a dossier's unit). */
    responsibleUnitId: uuid('responsible_unit_id').references(() => units.id),
    /** 'office' (the owning unit's office acts) or 'units' (every unit under the owner / the participants act). */
    audience: text('audience').notNull().default('office'),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    dueDate: date('due_date').notNull(),
    /** The window opens at the start of this day ("từ ngày … đến hết ngày …"); null = open until the due date. */
    startDate: date('start_date'),
    /** How the text counts the window's days: 'calendar' (ngày) or 'working' (ngày làm việc); null = not said. */
    dayCountKind: text('day_count_kind'),
    /** The number of days the text gives ("trong 10 ngày làm việc"), checked against start and due date. */
    dayCount: integer('day_count'),
    /** Honors this deadline is for (a movement's per-honor submission dates); empty = every honor. */
    honors: text('honors')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** What happens when it passes ("Quá hạn coi như không có hồ sơ đề nghị"). */
    note: text('note'),
    /** Path in the SPA the reminder links to, e.g. /phong-trao/<id>. */
    link: text('link'),
    /** Days before the due date to remind; null = the configured default (7 and 1). */
    remindDays: integer('remind_days').array(),
    /** draft | open | done | cancelled. Only open deadlines are reminded; drafts are not in the calendar. */
    status: text('status').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('deadlines_source_key_uq').on(t.sourceType, t.sourceId, t.key),
    index('deadlines_due_idx').on(t.dueDate),
    index('deadlines_unit_due_idx').on(t.unitId, t.dueDate),
    index('deadlines_responsible_idx').on(t.responsibleUnitId),
  ],
);

/** Reminder offsets already processed for a deadline (offset -1 = overdue), so a tick skips them. */
export const deadlineReminderRuns = pgTable(
  'deadline_reminder_runs',
  {
    deadlineId: uuid('deadline_id')
      .notNull()
      .references(() => deadlines.id, { onDelete: 'cascade' }),
    offsetDays: integer('offset_days').notNull(),
    dueDate: date('due_date').notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.deadlineId, t.offsetDays, t.dueDate] })],
);

/** In-app notifications (the bell). `key` makes a reminder idempotent: deadline × account × offset. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    key: text('key').notNull(),
    deadlineId: uuid('deadline_id').references(() => deadlines.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('notifications_key_uq').on(t.key), index('notifications_account_idx').on(t.accountId, t.createdAt)],
);

/**
 * E-mail outbox: written in the same transaction as the notification, delivered by the job
 * runner with retries. `key` (deadline × recipient × offset) makes a reminder queue once.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    accountId: uuid('account_id').references(() => accounts.id),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    /** pending | sending | sent | failed (gave up after the last attempt). */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('mail_outbox_key_uq').on(t.key), index('mail_outbox_status_idx').on(t.status, t.nextAttemptAt)],
);
