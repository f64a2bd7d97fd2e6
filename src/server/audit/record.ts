import type { Executor } from '../db/client.js';
import { auditEvents } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import type { AuditEvent } from './events.js';
import { now } from '../clock.js';

/** Who the audit entry names when no one is signed in (e.g. a failed login, the demo seed). */
export interface AuditSource {
  accountId?: string | null;
  username?: string | null;
  unitId?: string | null;
  ip?: string | null;
}

export function sourceOf(actor: Actor): AuditSource {
  return { accountId: actor.accountId, username: actor.username, unitId: actor.unitId, ip: actor.ip };
}

/** Writes one audit entry; call it inside the transaction of the change it records. */
export async function recordAudit(tx: Executor, source: AuditSource, event: AuditEvent): Promise<void> {
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
