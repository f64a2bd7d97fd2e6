import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { rateLimits } from '../db/schema/index.js';

/**
 * Milliseconds left in the row's window, computed on the database clock (shared by every app server).
 * `clock_timestamp()`, not `now()`: a hit whose transaction began before the one that opened the
 * window (and waited for its row lock) would otherwise count from an earlier instant and answer
 * more time left than the window holds.
 */
const ttlMs = sql<number>`greatest(0, ceil(extract(epoch from (${rateLimits.expiresAt} - clock_timestamp())) * 1000))::int`;

/**
 * Counts one request under `key` in a window of `windowMs`, atomically (one upsert): a new key or
 * an ended window starts at 1, a running one adds 1. Answers the count and the time left.
 */
export async function hitRateLimit(tx: Executor, key: string, windowMs: number): Promise<{ count: number; ttlMs: number }> {
  const ended = sql`${rateLimits.expiresAt} <= now()`;
  const [row] = await tx
    .insert(rateLimits)
    .values({ key, windowStart: sql`now()`, expiresAt: sql`now() + ${windowMs} * interval '1 millisecond'`, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        windowStart: sql`case when ${ended} then excluded.window_start else ${rateLimits.windowStart} end`,
        expiresAt: sql`case when ${ended} then excluded.expires_at else ${rateLimits.expiresAt} end`,
        count: sql`case when ${ended} then 1 else ${rateLimits.count} + 1 end`,
      },
    })
    .returning({ count: rateLimits.count, ttlMs });
  if (!row) throw new Error('rate limit upsert returned nothing');
  return { count: Number(row.count), ttlMs: Number(row.ttlMs) };
}

/** The running count of `key`, without counting (0 when its window has ended). */
export async function readRateLimit(tx: Executor, key: string): Promise<{ count: number; ttlMs: number }> {
  const [row] = await tx
    .select({ count: rateLimits.count, ttlMs })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), gt(rateLimits.expiresAt, sql`now()`)));
  return row ? { count: Number(row.count), ttlMs: Number(row.ttlMs) } : { count: 0, ttlMs: 0 };
}

/** Deletes the rows whose window has ended. */
export async function purgeExpiredRateLimits(tx: Executor): Promise<void> {
  await tx.delete(rateLimits).where(lte(rateLimits.expiresAt, sql`now()`));
}
