import { sql } from 'drizzle-orm';
import type { Database } from './client.js';

/**
 * Keeps planner statistics and the visibility map fresh. A PostgreSQL server does this itself
 * (autovacuum); embedded PGlite has no background workers, so without this a bulk import leaves
 * the planner blind and list queries slow. Run at start-up, after bulk writes, and hourly.
 */
export async function refreshStatistics(database: Database): Promise<void> {
  if (database.kind !== 'pglite') return;
  await database.db.execute(sql`vacuum analyze`);
}

/** Starts the hourly refresh; returns a stop function. */
export function scheduleMaintenance(database: Database, everyMs = 60 * 60 * 1000): () => void {
  const timer = setInterval(() => {
    void refreshStatistics(database).catch((err: unknown) => console.error('Bảo trì cơ sở dữ liệu thất bại:', err));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
