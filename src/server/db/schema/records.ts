import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { people } from './people.js';
import { units } from './units.js';
import { accounts } from './accounts.js';

/**
 * What the eligibility engine reads, per subject: a person (`person_id`) or a unit as a collective
 * (`unit_id`), exactly one of the two. Scope follows the subject: a person's records are visible
 * with the person, a unit's with the unit.
 */
const oneSubject = (name: string, t: { personId: AnyPgColumn; unitId: AnyPgColumn }) => check(name, sql`(${t.personId} is null) <> (${t.unitId} is null)`);

/** Yearly quality rating (xếp loại chất lượng): HTXSNV / HTTNV / HTNV / KHTNV. One per subject and year. */
export const qualityRatings = pgTable(
  'quality_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').references(() => people.id),
    unitId: uuid('unit_id').references(() => units.id),
    year: integer('year').notNull(),
    rating: text('rating').notNull(),
    note: text('note'),
    /** manual | import */
    source: text('source').notNull().default('manual'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneSubject('quality_ratings_one_subject', t),
    uniqueIndex('quality_ratings_person_year_uq')
      .on(t.personId, t.year)
      .where(sql`${t.personId} is not null`),
    uniqueIndex('quality_ratings_unit_year_uq')
      .on(t.unitId, t.year)
      .where(sql`${t.unitId} is not null`),
  ],
);

/**
 * Honors received (danh hiệu, hình thức khen thưởng): decisions issued in the product (dossier
 * pipeline, `source = 'decision'`) and imported or typed-in history. Revoked honors stay, flagged.
 */
export const honorAwards = pgTable(
  'honor_awards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').references(() => people.id),
    unitId: uuid('unit_id').references(() => units.id),
    honor: text('honor').notNull(),
    year: integer('year').notNull(),
    /** Loại hình khen thưởng; only cong_trang feeds chains and prerequisites. */
    type: text('type').notNull().default('cong_trang'),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date'),
    issuer: text('issuer'),
    amount: bigint('amount', { mode: 'number' }),
    revoked: boolean('revoked').notNull().default(false),
    revokedReason: text('revoked_reason'),
    /** decision | import | manual */
    source: text('source').notNull().default('manual'),
    /** The dossier whose decision produced this honor (no FK: the dossier tables are another aggregate). */
    dossierId: uuid('dossier_id'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Truy tặng (the awardee had died). */
    posthumous: boolean('posthumous').notNull().default(false),
    /** Award in kind: what was given (a welfare work…) and its value (VND). */
    inKindDescription: text('in_kind_description'),
    inKindValue: bigint('in_kind_value', { mode: 'number' }),
  },
  (t) => [
    oneSubject('honor_awards_one_subject', t),
    index('honor_awards_person_idx').on(t.personId, t.year),
    index('honor_awards_unit_idx').on(t.unitId, t.year),
    index('honor_awards_dossier_idx').on(t.dossierId),
  ],
);

/** Recognised initiatives (sáng kiến được công nhận). The owning unit decides who sees and edits it. */
export const initiatives = pgTable(
  'initiatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    /** co_so | bo_tinh | toan_quoc */
    scope: text('scope').notNull(),
    year: integer('year').notNull(),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date'),
    issuer: text('issuer'),
    /** The award it backed: one initiative backs one award only (Law Art 5), then it no longer counts. */
    usedForAwardId: uuid('used_for_award_id').references(() => honorAwards.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('initiatives_unit_idx').on(t.unitId, t.year)],
);

export const initiativeAuthors = pgTable(
  'initiative_authors',
  {
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.personId] }), index('initiative_authors_person_idx').on(t.personId)],
);

/** Discipline (kỷ luật): level, year, decision. */
export const disciplineRecords = pgTable(
  'discipline_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').references(() => people.id),
    unitId: uuid('unit_id').references(() => units.id),
    level: text('level').notNull(),
    year: integer('year').notNull(),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneSubject('discipline_records_one_subject', t),
    index('discipline_records_person_idx').on(t.personId),
    index('discipline_records_unit_idx').on(t.unitId),
  ],
);

/** Facts a unit confirms and the engine cannot compute (dẫn đầu cụm, khối…), per subject and year. */
export const subjectFacts = pgTable(
  'subject_facts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').references(() => people.id),
    unitId: uuid('unit_id').references(() => units.id),
    year: integer('year').notNull(),
    fact: text('fact').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneSubject('subject_facts_one_subject', t),
    uniqueIndex('subject_facts_person_uq')
      .on(t.personId, t.year, t.fact)
      .where(sql`${t.personId} is not null`),
    uniqueIndex('subject_facts_unit_uq')
      .on(t.unitId, t.year, t.fact)
      .where(sql`${t.unitId} is not null`),
  ],
);

/**
 * Agency overrides of rule packs (Law Art 75 k2), versioned: `body` is a RuleOverride validated by
 * ruleOverrideSchema/checkOverride. They apply to evaluations of subjects in the issuing unit's subtree.
 */
export const ruleOverrides = pgTable(
  'rule_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    overrideId: text('override_id').notNull(),
    version: integer('version').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    body: jsonb('body').notNull(),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rule_overrides_version_uq').on(t.unitId, t.overrideId, t.version)],
);

/**
 * The dashboard's pre-aggregate of honor_awards (not revoked): counts and money per subject unit
 * (the person's current unit, or the collective), year, honor, subject kind, month of the decision
 * and the person's attributes the charts break down by. Kept exact in the same transaction by the
 * statement triggers of migration 0035 (on honor_awards insert/update/delete and on people's
 * unit, leader, employment and gender changes); no application code writes it. A zero row may
 * remain after subtractions: readers sum and drop zeros.
 */
export const honorAwardFacts = pgTable(
  'honor_award_facts',
  {
    unitId: uuid('unit_id').notNull(),
    year: integer('year').notNull(),
    honor: text('honor').notNull(),
    /** individual | collective */
    subject: text('subject').notNull(),
    /** 1–12; 0 when the award has no decision date. */
    month: integer('month').notNull(),
    isLeader: boolean('is_leader'),
    employmentType: text('employment_type'),
    gender: text('gender'),
    n: integer('n').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
  },
  (t) => [unique('honor_award_facts_key').on(t.year, t.unitId, t.honor, t.subject, t.month, t.isLeader, t.employmentType, t.gender).nullsNotDistinct()],
);
