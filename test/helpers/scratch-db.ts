import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/server/db/client.js';

export interface ScratchDatabase {
  database: Database;
  /** Closes the connection and, on a server, drops the database. */
  dispose(): Promise<void>;
}

/**
 * A throw-away database for a test file or a benchmark: PGlite in memory without `serverUrl`;
 * otherwise a new database on that PostgreSQL server (created here, dropped by `dispose`).
 * Answers null when the server cannot be reached and `optional` is set.
 */
export async function openScratchDatabase(serverUrl?: string, opts: { prefix?: string; optional?: boolean } = {}): Promise<ScratchDatabase | null> {
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: 'memory://' });
    return { database, dispose: () => database.close() };
  }
  const name = `${opts.prefix ?? 'tdkt_test'}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch (err) {
    if (opts.optional) return null;
    throw err;
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: 'unused' });
  return {
    database,
    async dispose() {
      await database.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
