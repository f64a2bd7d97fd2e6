import type { Db, Tx } from '../db/client.js';
import type { Actor } from '../auth/actor.js';
import { recordAudit, sourceOf } from '../audit/record.js';
import type { AuditEvent } from '../audit/events.js';

/** What a command gets: the transaction, the actor, and `audit()` bound to both. */
export interface CommandContext {
  tx: Tx;
  actor: Actor;
  audit(event: AuditEvent): Promise<void>;
}

/**
 * Runs a state change as one transaction that also writes its audit events: both are stored,
 * or neither is.
 */
export function runCommand<T>(db: Db, actor: Actor, body: (ctx: CommandContext) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const ctx: CommandContext = { tx, actor, audit: (event) => recordAudit(tx, sourceOf(actor), event) };
    return body(ctx);
  });
}
