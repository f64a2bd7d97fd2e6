import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run queries: the database or an open transaction. */
export type Executor = Db | Tx;

export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
  /**
   * Calls `onNotify` for each notification on `channel` committed by any session (another app
   * server's included); answers the function that stops listening. On PostgreSQL a dedicated
   * connection listens and reconnects after a loss, calling `onNotify` then too (what was sent
   * meanwhile is lost, so listeners treat it as a change).
   */
  listen?(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export interface DatabaseOptions {
  /** postgres://… — when set, a PostgreSQL server is used instead of embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; 'memory://' for a throw-away database. */
  dataDir: string;
}

/**
 * bytea to and from PGlite's text form with Buffer's hex codec: PGlite's own goes byte by byte
 * through strings (a signed PDF of 200 KB cost some 60 ms to store and 45 ms to read).
 */
const byteaText = (x: unknown): string => {
  if (!(x instanceof Uint8Array)) throw new Error('Invalid input for bytea type');
  return `\\x${Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('hex')}`;
};
const byteaOfText = (text: string): Buffer => Buffer.from(text.slice(2), 'hex');

/** Opens the database (PGlite or PostgreSQL) and applies the migrations. */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection dropped by the server (restart, failover, shutdown) must not crash the
    // process: pg emits it on the pool, and an unhandled 'error' event would. The next query reconnects.
    let closing = false;
    pool.on('error', (err) => {
      if (!closing) console.error(`Mất một kết nối PostgreSQL đang nghỉ: ${err.message}`);
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    await migratePg(drizzlePg(pool), { migrationsFolder: MIGRATIONS_FOLDER });
    return {
      db,
      kind: 'postgres',
      close: () => {
        closing = true;
        return pool.end();
      },
      listen: (channel, onNotify) => listenPg(opts.databaseUrl!, channel, onNotify),
    };
  }
  const client = await PGlite.create(opts.dataDir, {
    extensions: { unaccent, pg_trgm },
    serializers: { [types.BYTEA]: byteaText },
    parsers: { [types.BYTEA]: byteaOfText },
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db,
    kind: 'pglite',
    close: () => client.close(),
    listen: async (channel, onNotify) => {
      const stop = await client.listen(channel, () => onNotify());
      return async () => {
        if (!client.closed) await stop();
      };
    },
  };
}

/** LISTEN on a connection of its own (not the pool's), reconnecting after a loss. */
async function listenPg(url: string, channel: string, onNotify: () => void): Promise<() => Promise<void>> {
  let stopped = false;
  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (m) => {
      if (m.channel === channel) onNotify();
    });
    c.on('error', (err) => {
      if (stopped) return;
      console.error(`Mất kết nối nhận thông báo thay đổi dữ liệu (${channel}): ${err.message}; kết nối lại sau 5 giây.`);
      onNotify();
      current = null;
      c.end().catch(() => {});
      schedule();
    });
    await c.connect();
    await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    // Back after a loss: whatever was committed meanwhile went unheard.
    if (current === null && retry !== null) onNotify();
    current = c;
  };
  const schedule = () => {
    retry = setTimeout(() => {
      if (!stopped) connect().catch(schedule);
    }, 5000);
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await current?.end();
  };
}
