import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { MIGRATIONS_FOLDER, openDatabase, type Database, type Db } from '../../src/server/db/client.js';
import * as schema from '../../src/server/db/schema/index.js';

export interface ScratchDatabase {
  database: Database;
  /** Closes the connection and, on a server, drops the database. */
  dispose: () => Promise<void>;
}

/**
 * A database prepared once for a whole test run (migrated and seeded) that each test file copies
 * instead of migrating and seeding its own: a PGlite data-directory dump on disk, or a template
 * database on the PostgreSQL server (`CREATE DATABASE … TEMPLATE`).
 */
export type DatabaseTemplate = { kind: 'pglite'; file: string } | { kind: 'postgres'; serverUrl: string; name: string };

export function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** PGlite in memory (or from a dump), migrated: the same engine and extensions as `openDatabase`. */
async function openPglite(loadDataDir?: Blob): Promise<{ database: Database; client: PGlite }> {
  const client = await PGlite.create({ extensions: { unaccent, pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) });
  // A no-op on a dump of a migrated database; it keeps a stale dump from hiding a new migration.
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  const db = drizzle(client, { schema }) as unknown as Db;
  return { client, database: { db, kind: 'pglite', close: () => client.close() } };
}

/**
 * A throw-away database for a test file or a benchmark: PGlite in memory without `serverUrl`;
 * otherwise a new database on that PostgreSQL server (created here, dropped by `dispose`).
 * With `template`, the new database is a copy of it (much faster than migrating and seeding).
 * Answers null when the server cannot be reached and `optional` is set.
 */
export async function openScratchDatabase(
  serverUrl?: string,
  opts: { prefix?: string; optional?: boolean; template?: DatabaseTemplate } = {},
): Promise<ScratchDatabase | null> {
  const template = opts.template;
  if (!serverUrl) {
    if (template?.kind === 'pglite') {
      const { database } = await openPglite(new Blob([new Uint8Array(await readFile(template.file))]));
      return { database, dispose: () => database.close() };
    }
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
  try {
    if (template?.kind === 'postgres') {
      // Two files copying the template at the same instant may collide ("being accessed by other users"): retry.
      for (let attempt = 1; ; attempt++) {
        try {
          await admin.query(`create database ${name} template ${template.name}`);
          break;
        } catch (err) {
          if (attempt >= 10) throw err;
          await new Promise((r) => setTimeout(r, 100 * attempt));
        }
      }
    } else {
      await admin.query(`create database ${name}`);
    }
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ databaseUrl: withDatabase(serverUrl, name), dataDir: 'unused' });
  return {
    database,
    dispose: async () => {
      await database.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * Builds a template: a migrated database filled by `fill` (e.g. the demo seed), stored as a PGlite
 * dump in `file` or as a template database on the server. `fill`'s answer is kept beside it.
 */
export async function createDatabaseTemplate<T>(
  serverUrl: string | undefined,
  file: string,
  fill: (db: Db) => Promise<T>,
): Promise<{ template: DatabaseTemplate; filled: T }> {
  if (!serverUrl) {
    const { database, client } = await openPglite();
    const filled = await fill(database.db);
    const dump = await client.dumpDataDir('none');
    await writeFile(file, new Uint8Array(await dump.arrayBuffer()));
    await database.close();
    return { template: { kind: 'pglite', file }, filled };
  }
  const name = `tdkt_tpl_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const database = await openDatabase({ databaseUrl: withDatabase(serverUrl, name), dataDir: 'unused' });
  try {
    return { template: { kind: 'postgres', serverUrl, name }, filled: await fill(database.db) };
  } finally {
    // No connection may stay open on a template database, or copying it fails.
    await database.close();
  }
}

/** Removes a template built by `createDatabaseTemplate` (the dump file is the caller's). */
export async function dropDatabaseTemplate(template: DatabaseTemplate): Promise<void> {
  if (template.kind === 'postgres') await adminQuery(template.serverUrl, `drop database if exists ${template.name} with (force)`);
}
