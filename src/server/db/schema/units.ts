import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * The unit tree (cơ cấu tổ chức). `path` is the materialised chain of ids from the root,
 * "/<root>/<child>/…/<self>/", so a subtree is one prefix match: the security boundary.
 */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    path: text('path').notNull(),
    depth: integer('depth').notNull().default(0),
    name: text('name').notNull(),
    shortName: text('short_name'),
    /** Ký hiệu used in document numbers, e.g. SKHCN in "Số: 12/QĐ-SKHCN". */
    code: text('code'),
    kind: text('kind').notNull(),
    active: boolean('active').notNull().default(true),
    /** Set when this unit was merged into another (2025 reform): history follows that unit. */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => units.id),
    sortOrder: integer('sort_order').notNull().default(0),
    searchKey: text('search_key')
      .generatedAlwaysAs(sql`lower(tdkt_unaccent(name || ' ' || coalesce(short_name, '') || ' ' || coalesce(code, '')))`)
      .notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('units_path_idx').on(t.path.op('text_pattern_ops')), index('units_parent_idx').on(t.parentId)],
);
