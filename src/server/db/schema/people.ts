import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from './units.js';

/** Staff (cán bộ, công chức, viên chức, người lao động). */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    fullName: text('full_name').notNull(),
    /** Vietnamese order: given name (last word) first, then the rest; see shared/vietnamese.ts. */
    sortKey: text('sort_key').notNull(),
    gender: text('gender'),
    birthDate: date('birth_date'),
    cccd: text('cccd'),
    position: text('position'),
    isLeader: boolean('is_leader').notNull().default(false),
    employmentType: text('employment_type'),
    email: text('email'),
    active: boolean('active').notNull().default(true),
    searchKey: text('search_key')
      .generatedAlwaysAs(sql`lower(tdkt_unaccent(full_name || ' ' || coalesce(cccd, '')))`)
      .notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('people_cccd_uq').on(t.cccd),
    index('people_unit_sort_idx').on(t.unitId, t.sortKey),
    index('people_sort_idx').on(t.sortKey),
    index('people_search_trgm_idx').using('gin', sql`${t.searchKey} gin_trgm_ops`),
  ],
);

/** Transfers between units: the history a person keeps when moving (điều động, luân chuyển, sáp nhập). */
export const personTransfers = pgTable(
  'person_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    fromUnitId: uuid('from_unit_id').references(() => units.id),
    toUnitId: uuid('to_unit_id')
      .notNull()
      .references(() => units.id),
    effectiveDate: date('effective_date').notNull(),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('person_transfers_person_idx').on(t.personId)],
);
