import type { Db, Tx } from '../db/client.js';
import type { Actor } from '../auth/actor.js';
import { recordAudit, sourceOf } from '../audit/record.js';
import type { AuditEvent } from '../audit/events.js';
import { bumpChangeEpoch } from '../db/change-epoch.js';

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
export async function runCommand<T>(db: Db, actor: Actor, body: (ctx: CommandContext) => Promise<T>): Promise<T> {
  const out = await db.transaction(async (tx) => {
    const ctx: CommandContext = { tx, actor, audit: (event) => recordAudit(tx, sourceOf(actor), event) };
    return body(ctx);
  });
  // Committed: figures derived from the data (the dashboard's cache) are recomputed on next read.
  bumpChangeEpoch(db);
  return out;
}
