import { wallNow } from '../auth/wall-time.js';
import { createHash } from 'node:crypto';
import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../db/client.js';
import { hitRateLimit, purgeExpiredRateLimits, readRateLimit } from '../repositories/rate-limits.js';

type Result = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Result) => void;

const PURGE_EVERY_MS = 60_000;

/** The route a child store counts for, from the options @fastify/rate-limit passes (`routeInfo` is not in its typings). */
function routeOf(options: object): string {
  const info = 'routeInfo' in options && typeof options.routeInfo === 'object' && options.routeInfo !== null ? options.routeInfo : {};
  const method = 'method' in info ? String(info.method) : '';
  const url = 'url' in info ? String(info.url) : '';
  return `${method} ${url}`;
}

/**
 * A store for @fastify/rate-limit in the database (table `rate_limits`), so that every app server
 * on one database shares the counts: an attacker spreading attempts over two servers meets the same
 * limit. The same code runs on PGlite. Keys are hashed (SHA-256 of route + key): the table holds
 * neither addresses nor usernames, and a long username cannot make a long key. Ended windows are
 * purged at most once a minute per process.
 */
export function databaseRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  let lastPurge = 0;
  const purge = async () => {
    if (wallNow().getTime() - lastPurge < PURGE_EVERY_MS) return;
    lastPurge = wallNow().getTime();
    // Purging is housekeeping: a failure must not refuse the request (the next purge retries).
    await purgeExpiredRateLimits(db).catch(() => {});
  };
  const hash = (route: string, key: string) => createHash('sha256').update(`${route}\u0000${key}`).digest('base64url');

  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    private readonly route: string;
    constructor(options: FastifyRateLimitOptions | object, route?: string) {
      this.route = route ?? routeOf(options);
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      purge()
        .then(() => hitRateLimit(db, hash(this.route, key), timeWindow))
        .then(
          (r) => callback(null, { current: r.count, ttl: r.ttlMs }),
          (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
        );
    }

    read(key: string, callback: Callback): void {
      readRateLimit(db, hash(this.route, key)).then(
        (r) => callback(null, { current: r.count, ttl: r.ttlMs }),
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      );
    }

    child(routeOptions: object): FastifyRateLimitStore {
      return new DatabaseRateLimitStore(routeOptions, routeOf(routeOptions));
    }
  }
  return DatabaseRateLimitStore;
}
