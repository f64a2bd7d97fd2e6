import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { units } from './units.js';

/** A titled block of a plan's text (mục đích, nội dung, tổ chức thực hiện …). */
export interface PlanSection {
  heading: string;
  body: string;
}

/** A unit named in a task: a unit of the tree when it is one, else only its name ("Hội đồng TĐKT Sở"). */
export interface TaskUnitRef {
  unitId: string | null;
  name: string;
}

/**
 * Kế hoạch công tác thi đua, khen thưởng năm (or a plan launching a campaign): the document's
 * parts as data, so that it can be shown, published, copied to next year and followed up.
 */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The issuing unit: its subtree edits, its descendants read once published. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    /** "03/KH-SNV"; empty while drafting ("Số: /KH-SKHCN"). */
    number: text('number'),
    title: text('title').notNull(),
    place: text('place'),
    issuedDate: date('issued_date'),
    /** Căn cứ: one line per instrument. */
    basis: text('basis')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The superior's plan it implements, as cited ("Kế hoạch số 289/KH-UBND ngày 16/12/2021 của UBND tỉnh Sơn La"). */
    superiorPlanRef: text('superior_plan_ref'),
    /** The superior's plan when it is held in the system too. */
    superiorPlanId: uuid('superior_plan_id').references((): AnyPgColumn => plans.id),
    copiedFromId: uuid('copied_from_id').references((): AnyPgColumn => plans.id),
    purpose: text('purpose'),
    requirements: text('requirements'),
    sections: jsonb('sections').$type<PlanSection[]>().notNull().default([]),
    organisation: jsonb('organisation').$type<PlanSection[]>().notNull().default([]),
    recipients: text('recipients')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    signerTitle: text('signer_title'),
    signerName: text('signer_name'),
    /** Units and people register their titles for the year before this date (seed 002: 30/01). */
    registrationDeadline: date('registration_deadline'),
    status: text('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => accounts.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plans_unit_year_idx').on(t.unitId, t.year), index('plans_status_idx').on(t.status)],
);

/** The schedule of a plan: tasks by quarter with their lead and supporting units, due date and progress. */
export const planTasks = pgTable(
  'plan_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    /** 1–4; null for a task that runs all year. */
    quarter: integer('quarter'),
    seq: integer('seq').notNull(),
    content: text('content').notNull(),
    leadUnits: jsonb('lead_units').$type<TaskUnitRef[]>().notNull().default([]),
    supportUnits: jsonb('support_units').$type<TaskUnitRef[]>().notNull().default([]),
    dueDate: date('due_date'),
    status: text('status').notNull().default('not_started'),
    progress: integer('progress').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_tasks_plan_idx').on(t.planId, t.seq)],
);
