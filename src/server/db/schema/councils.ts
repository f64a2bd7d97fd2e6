import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { people } from './people.js';
import { units } from './units.js';

/** Hội đồng TĐKT and Hội đồng sáng kiến of a unit, with their term. */
export const councils = pgTable(
  'councils',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** Quyết định thành lập / kiện toàn, e.g. "125/QĐ-SKHCN ngày 15/01/2024". */
    establishedBy: text('established_by'),
    termStart: date('term_start').notNull(),
    termEnd: date('term_end'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('councils_unit_idx').on(t.unitId)],
);

export const councilMembers = pgTable(
  'council_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    position: text('position').notNull(),
    fromDate: date('from_date'),
    toDate: date('to_date'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('council_members_council_idx').on(t.councilId)],
);
