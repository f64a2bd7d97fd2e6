import { eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { mailOutbox } from '../db/schema/index.js';

export type OutboxRow = typeof mailOutbox.$inferSelect;

/** Queues an e-mail unless one with the same key is queued already; true when it was queued. */
export async function enqueueMailOnce(
  tx: Executor,
  m: { key: string; accountId: string | null; toAddress: string; subject: string; text: string; nextAttemptAt: Date },
): Promise<boolean> {
  const rows = await tx.insert(mailOutbox).values(m).onConflictDoNothing().returning({ id: mailOutbox.id });
  return rows.length > 0;
}

/**
 * Claims up to `limit` rows due for sending (status 'sending' with a lease until `lease`), so two
 * servers never send the same row; a lapsed lease is claimed again.
 */
export async function claimDueMail(tx: Executor, at: Date, lease: Date, limit = 50): Promise<OutboxRow[]> {
  const iso = at.toISOString();
  return tx
    .update(mailOutbox)
    .set({ status: 'sending', lockedUntil: lease })
    .where(
      inArray(
        mailOutbox.id,
        sql`(select id from ${mailOutbox} where (${mailOutbox.status} = 'pending' or (${mailOutbox.status} = 'sending' and ${mailOutbox.lockedUntil} < ${iso})) and ${mailOutbox.nextAttemptAt} <= ${iso} order by ${mailOutbox.createdAt} limit ${limit} for update skip locked)`,
      ),
    )
    .returning();
}

export async function markMailSent(tx: Executor, id: string, attempts: number, at: Date): Promise<void> {
  await tx.update(mailOutbox).set({ status: 'sent', sentAt: at, attempts, lockedUntil: null, lastError: null }).where(eq(mailOutbox.id, id));
}

export async function markMailFailed(tx: Executor, id: string, f: { attempts: number; gaveUp: boolean; error: string; nextAttemptAt: Date }): Promise<void> {
  await tx
    .update(mailOutbox)
    .set({ status: f.gaveUp ? 'failed' : 'pending', attempts: f.attempts, lockedUntil: null, lastError: f.error, nextAttemptAt: f.nextAttemptAt })
    .where(eq(mailOutbox.id, id));
}

/** E-mails still to send (pending or being sent). */
export async function countPendingMail(tx: Executor): Promise<number> {
  const [p] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(mailOutbox)
    .where(inArray(mailOutbox.status, ['pending', 'sending']));
  return Number(p?.n ?? 0);
}

/** One account's e-mail figures for the bell ("e-mails are queued: SMTP is not configured"). */
export async function outboxStatusOf(tx: Executor, accountId: string) {
  const rows = await tx
    .select({ status: mailOutbox.status, n: sql<number>`count(*)::int` })
    .from(mailOutbox)
    .where(eq(mailOutbox.accountId, accountId))
    .groupBy(mailOutbox.status);
  const get = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { queued: get('pending') + get('sending'), sent: get('sent'), failed: get('failed') };
}
