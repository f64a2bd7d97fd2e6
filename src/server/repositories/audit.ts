import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { now } from '../clock.js';
import type { Executor } from '../db/client.js';
import { auditEvents } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { unitIdInScope } from './scope.js';
import type { AuditEvent } from '../audit/events.js';

export type AuditEventRow = typeof auditEvents.$inferSelect;

/** Who the audit entry names (the signed-in actor, or e.g. 'system' for the demo seed). */
export interface AuditSource {
  accountId?: string | null;
  username?: string | null;
  unitId?: string | null;
  ip?: string | null;
}

/** Writes one audit entry; call it inside the transaction of the change it records. */
export async function insertAuditEvent(tx: Executor, source: AuditSource, event: AuditEvent): Promise<void> {
  await tx.insert(auditEvents).values({
    // The product's clock, not the database's: the audit's day filter and tests with a fixed clock agree.
    at: now(),
    actorAccountId: source.accountId ?? null,
    actorUsername: source.username ?? null,
    actorUnitId: source.unitId ?? null,
    ip: source.ip ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    unitId: event.unitId ?? null,
    summary: event.summary,
    before: event.before ?? null,
    after: event.after ?? null,
  });
}

export interface AuditFilter {
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  username?: string | undefined;
  /** Vietnamese days, yyyy-mm-dd, both included. */
  from?: string | undefined;
  to?: string | undefined;
}

/** The audit list's filters as SQL, inside the actor's subtree (the list and its export share it). */
function auditWhere(actor: Actor, q: AuditFilter): SQL | undefined {
  return and(
    unitIdInScope(actor, auditEvents.unitId),
    q.action ? eq(auditEvents.action, q.action) : undefined,
    q.entityType ? eq(auditEvents.entityType, q.entityType) : undefined,
    q.entityId ? eq(auditEvents.entityId, q.entityId) : undefined,
    q.username ? eq(auditEvents.actorUsername, q.username.trim().toLowerCase()) : undefined,
    // The agency's day is the Vietnamese day (UTC+7).
    q.from ? gte(auditEvents.at, new Date(`${q.from}T00:00:00+07:00`)) : undefined,
    q.to ? lt(auditEvents.at, sql`${new Date(`${q.to}T00:00:00+07:00`)}::timestamptz + interval '1 day'`) : undefined,
  );
}

/** One page of the visible audit entries, newest first, with the total the filters match. */
export async function listVisibleAuditEvents(
  tx: Executor,
  actor: Actor,
  q: AuditFilter & { page: number; pageSize: number },
): Promise<{ rows: AuditEventRow[]; total: number }> {
  const where = auditWhere(actor, q);
  const rows = await tx
    .select()
    .from(auditEvents)
    .where(where)
    .orderBy(desc(auditEvents.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [totals] = await tx.select({ n: count() }).from(auditEvents).where(where);
  return { rows, total: totals?.n ?? 0 };
}

/** A slice of the visible audit entries (newest first) for the export's batches. */
export function visibleAuditEventsSlice(tx: Executor, actor: Actor, q: AuditFilter, offset: number, limit: number): Promise<AuditEventRow[]> {
  return tx.select().from(auditEvents).where(auditWhere(actor, q)).orderBy(desc(auditEvents.id)).limit(limit).offset(offset);
}
