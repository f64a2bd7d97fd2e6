import type { Executor } from '../db/client.js';
import type { Actor } from '../auth/actor.js';
import type { AuditEvent } from './events.js';
import { insertAuditEvent, type AuditSource } from '../repositories/audit.js';

export type { AuditSource } from '../repositories/audit.js';

export function sourceOf(actor: Actor): AuditSource {
  return { accountId: actor.accountId, username: actor.username, unitId: actor.unitId, ip: actor.ip };
}

/** Writes one audit entry; call it inside the transaction of the change it records. */
export function recordAudit(tx: Executor, source: AuditSource, event: AuditEvent): Promise<void> {
  return insertAuditEvent(tx, source, event);
}
