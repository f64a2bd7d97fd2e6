import { sql } from 'drizzle-orm';
import { date, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { units } from './units.js';
import { plans } from './plans.js';

/**
 * Phong trào thi đua / đợt thi đua: launched by a unit for its participating units, with
 * targets, phases, the honors it offers (with quotas) and its deadlines (in `deadlines`,
 * source_type 'movement'). Lower units launch child movements under a parent.
 */
export const movements = pgTable(
  'movements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => movements.id),
    planId: uuid('plan_id').references(() => plans.id),
    /** regular (thường xuyên / năm), thematic (chuyên đề), short_term (ngắn ngày / đợt). */
    type: text('type').notNull(),
    year: integer('year').notNull(),
    /** Số, ký hiệu of the Kế hoạch that launches it ("125/KH-SNV"). */
    number: text('number'),
    /** The day the launching document was issued (ngày ban hành). */
    issuedDate: date('issued_date'),
    /** The issuing body as printed (cơ quan ban hành), when not the launching unit's own name. */
    issuer: text('issuer'),
    title: text('title').notNull(),
    basis: text('basis'),
    theme: text('theme'),
    slogan: text('slogan'),
    content: text('content'),
    purpose: text('purpose'),
    /** Who may be commended (đối tượng), as written. */
    subjectsText: text('subjects_text'),
    /** Extra criteria for the whole movement, as written (tiêu chuẩn). */
    criteria: text('criteria'),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    /** Registrations for this movement close at the end of this day. */
    registrationDeadline: date('registration_deadline'),
    /** Registrations open at the start of this day; null = from the launch. */
    registrationStartDate: date('registration_start_date'),
    signerTitle: text('signer_title'),
    signerName: text('signer_name'),
    status: text('status').notNull().default('draft'),
    launchedAt: timestamp('launched_at', { withTimezone: true }),
    launchedBy: uuid('launched_by').references(() => accounts.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => accounts.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('movements_unit_idx').on(t.unitId, t.year), index('movements_parent_idx').on(t.parentId), index('movements_status_idx').on(t.status)],
);

/** Participating units; none listed = every unit under the launching unit. */
export const movementUnits = pgTable(
  'movement_units',
  {
    movementId: uuid('movement_id')
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.movementId, t.unitId] }), index('movement_units_unit_idx').on(t.unitId)],
);

/**
 * Measurable targets (mục tiêu thi đua): a share of units or staff reaching an honor
 * ("20% tập thể đạt TTLDXS"), or a count ("2–3 Bằng khen", "1 Cờ thi đua").
 */
export const movementTargets = pgTable(
  'movement_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    movementId: uuid('movement_id')
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    subjectKind: text('subject_kind').notNull(),
    /** An honor code; null for a target the product cannot measure ("thu nhập tăng thêm"). */
    honor: text('honor'),
    /** 'share' (percent of participating units / their staff) or 'count'. */
    measure: text('measure').notNull(),
    value: doublePrecision('value').notNull(),
    /** Upper end of a range ("2 – 3 Bằng khen"). */
    valueMax: doublePrecision('value_max'),
    label: text('label').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('movement_targets_movement_idx').on(t.movementId)],
);

/** Phases (đợt) with their period and the date their summing-up must be done by. */
export const movementPhases = pgTable(
  'movement_phases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    movementId: uuid('movement_id')
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    summingUpDeadline: date('summing_up_deadline'),
    content: text('content'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('movement_phases_movement_idx').on(t.movementId)],
);

/**
 * Honors the movement offers (hình thức khen thưởng), with an optional quota for the whole
 * launching unit ("01 tập thể hoặc 01 cá nhân" = quota 1 over both subject kinds) and extra criteria.
 */
export const movementHonors = pgTable(
  'movement_honors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    movementId: uuid('movement_id')
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    honor: text('honor').notNull(),
    /** Subject kinds this offer is for; empty = every kind the honor allows (HONOR_INFO). */
    subjectKinds: text('subject_kinds')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Most proposals the launching unit may put forward in total; null = unlimited. */
    quota: integer('quota'),
    quotaNote: text('quota_note'),
    /** Extra criteria, e.g. collectives: 60% of registered targets by mid-year. */
    criteria: text('criteria'),
    /** Measurable part of the criteria for collectives: share (%) of registered targets achieved by `criteriaByDate`. */
    minTargetShare: doublePrecision('min_target_share'),
    criteriaByDate: date('criteria_by_date'),
    awardedBy: text('awarded_by'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('movement_honors_movement_idx').on(t.movementId)],
);
