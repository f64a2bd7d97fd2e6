import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

interface Entry {
  at: number;
  payload: string | Buffer;
  contentType: string;
  cacheControl: string;
}

/**
 * A short-lived copy of the portal's public answers on the origin (a micro-cache): a crowd reading the
 * same pages costs one database read per page and period, not one per visitor. Only answers marked
 * `cache-control: public` are kept (they vary by nothing but the address), for `ttlMs` — well under the
 * max-age a proxy may already keep them — and every successful write through this server empties it, so
 * an item withdrawn here leaves the portal at once. Another app server behind the same proxy notices a
 * write of this one only when its copy expires (documented in docs/decisions.md). `ttlMs` 0 turns it off.
 */
export class PublicAnswerCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped when a write starts and when it ends: an answer read across a write is not kept. */
  generation = 0;
  hits = 0;
  misses = 0;

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 1000,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (this.clock() - e.at > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  set(key: string, e: Omit<Entry, 'at'>): void {
    if (this.entries.size >= this.maxEntries) {
      // The oldest entry goes first (a Map iterates in insertion order).
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { ...e, at: this.clock() });
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The largest answer kept (a page of JSON or HTML is a few kilobytes). */
const MAX_ENTRY_BYTES = 256 * 1024;

const keyOf = (req: FastifyRequest) => `${req.protocol}://${req.host}${req.url}`;
const served = new WeakSet<FastifyRequest>();
/** The cache's generation when the request arrived. */
const startedAt = new WeakMap<FastifyRequest, number>();

/**
 * Serves the public routes of this plugin from the cache and stores their answers. Call it BEFORE
 * `addPublicEtags` in the same plugin: the answer is stored before the ETag hook may turn it into a 304.
 */
export function addPublicAnswerCache(app: FastifyInstance, cache: PublicAnswerCache): void {
  if (!cache.enabled) return;
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.method !== 'GET') return;
    startedAt.set(req, cache.generation);
    const hit = cache.get(keyOf(req));
    if (!hit) {
      cache.misses++;
      return;
    }
    cache.hits++;
    served.add(req);
    return reply.header('content-type', hit.contentType).header('cache-control', hit.cacheControl).send(hit.payload);
  });
  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (req.method !== 'GET' || reply.statusCode !== 200 || served.has(req)) return payload;
    const cacheControl = String(reply.getHeader('cache-control') ?? '');
    if (!cacheControl.startsWith('public')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    // Photos and big files stay with the browser's and the proxy's caches (max-age), not in the server's memory.
    if (payload.length > MAX_ENTRY_BYTES) return payload;
    if (startedAt.get(req) !== cache.generation) return payload; // a write ran meanwhile: this answer may predate it
    cache.set(keyOf(req), { payload, contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'), cacheControl });
    return payload;
  });
}

const isWrite = (req: FastifyRequest) => req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS';

/** Empties the cache when any write of the whole app (any method but GET, HEAD, OPTIONS) starts and when it ends. */
export function clearPublicCacheOnWrites(app: FastifyInstance, cache: PublicAnswerCache): void {
  if (!cache.enabled) return;
  app.addHook('onRequest', async (req: FastifyRequest) => {
    if (isWrite(req)) cache.clear();
  });
  app.addHook('onResponse', async (req: FastifyRequest) => {
    if (isWrite(req)) cache.clear();
  });
}
