import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Audit trail: one row per state change, written in the same transaction as the change.
 * `unitId` is the unit the changed record belongs to, which decides who may read the entry.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorAccountId: uuid('actor_account_id'),
    actorUsername: text('actor_username'),
    actorUnitId: uuid('actor_unit_id'),
    ip: text('ip'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    unitId: uuid('unit_id'),
    summary: text('summary').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_unit_at_idx').on(t.unitId, t.at), index('audit_at_idx').on(t.at), index('audit_entity_idx').on(t.entityType, t.entityId)],
);
