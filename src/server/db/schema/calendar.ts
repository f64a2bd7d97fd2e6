import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { units } from './units.js';
import { accounts } from './accounts.js';
import { movements } from './movements.js';

/** The pipeline's calendar: deadline extensions granted to late units, and the agency's own days off. */

/** A late unit's extension of the submission deadline of a movement, granted by the Office. */
export const dossierExtensions = pgTable(
  'dossier_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    movementId: uuid('movement_id')
      .notNull()
      .references(() => movements.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    until: date('until').notNull(),
    reason: text('reason').notNull(),
    grantedBy: uuid('granted_by').references(() => accounts.id),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dossier_extensions_idx').on(t.movementId, t.unitId)],
);

/** The agency's own calendar entries (days off, make-up working days) over the statutory defaults. */
export const publicHolidays = pgTable('public_holidays', {
  date: date('date').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull().default('holiday'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
