import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';

/** One round trip to the database: true when it answers. */
export async function pingDatabase(db: Executor): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
