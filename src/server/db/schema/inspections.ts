import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { units } from './units.js';

/** A member of an inspection team (đoàn kiểm tra): a name and the role in the team. */
export interface InspectionTeamMember {
  name: string;
  role: string;
}

/** One line of an inspection's checklist, computed from the unit's data (stored when the inspection is concluded). */
export interface InspectionCheck {
  key: string;
  label: string;
  /** 'pass' | 'fail' | 'no_data' */
  result: string;
  detail: string;
}

/**
 * Kế hoạch kiểm tra công tác thi đua, khen thưởng năm: which units are inspected, when, by whom,
 * on what. Each unit inspected is an `inspections` row.
 */
export const inspectionPlans = pgTable(
  'inspection_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The inspecting unit (the Sở): its subtree edits the plan. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    /** "12/KH-SKHCN"; empty while drafting. */
    number: text('number'),
    title: text('title').notNull(),
    /** Nội dung kiểm tra: one line per item. */
    content: text('content').array().notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    team: jsonb('team').$type<InspectionTeamMember[]>().notNull().default([]),
    signerTitle: text('signer_title'),
    signerName: text('signer_name'),
    /** 'draft' | 'approved' */
    status: text('status').notNull().default('draft'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => accounts.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspection_plans_unit_year_idx').on(t.unitId, t.year)],
);

/** The inspection of one unit under a plan: its dates, the conclusion, then the follow-up of its findings until closed. */
export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => inspectionPlans.id, { onDelete: 'cascade' }),
    /** The inspected unit: its clerk reads the inspection and reports on the findings. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    scheduledFrom: date('scheduled_from').notNull(),
    scheduledTo: date('scheduled_to').notNull(),
    /** 'planned' | 'concluded' | 'closed' */
    status: text('status').notNull().default('planned'),
    inspectedDate: date('inspected_date'),
    conclusion: text('conclusion'),
    /** Kết luận số "05/KL-SKHCN". */
    conclusionNumber: text('conclusion_number'),
    /** The checklist as it stood when the conclusion was signed (the live one is computed on reading). */
    checklist: jsonb('checklist').$type<InspectionCheck[]>(),
    concludedAt: timestamp('concluded_at', { withTimezone: true }),
    concludedBy: uuid('concluded_by').references(() => accounts.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => accounts.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspections_plan_idx').on(t.planId), index('inspections_unit_idx').on(t.unitId)],
);

/** A finding and its recommendation (tồn tại, kiến nghị), with a deadline and an owner; the unit reports what it did. */
export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    finding: text('finding').notNull(),
    recommendation: text('recommendation').notNull(),
    dueDate: date('due_date').notNull(),
    /** The unit that must act (the inspected unit or one under it). */
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => units.id),
    /** Who answers for it there ("Giám đốc Trung tâm"). */
    ownerName: text('owner_name'),
    /** 'open' | 'reported' | 'closed' */
    status: text('status').notNull().default('open'),
    followUpReport: text('follow_up_report'),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    reportedBy: uuid('reported_by').references(() => accounts.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspection_findings_inspection_idx').on(t.inspectionId, t.seq)],
);
