/**
 * Small caches for the signing code: results that are pure functions of bytes (a certificate
 * parsed, a CRL's signature checked, a CMS verified over given bytes) are kept by a digest of those
 * bytes, the oldest dropped first.
 */
import { createHash } from 'node:crypto';

const all = new Set<Lru<unknown>>();

/** Empty every cache (the bench's cold figures). */
export function clearMemos(): void {
  for (const lru of all) lru.clear();
}

export class Lru<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly max: number) {
    all.add(this);
  }

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }

  /** The value for `key`, made by `make` when missing; a promise that rejects is not kept. */
  getOrMake(key: string, make: () => V): V {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const v = make();
    this.set(key, v);
    if (v instanceof Promise) v.catch(() => this.map.get(key) === v && this.map.delete(key));
    return v;
  }
}

/** SHA-256 of bytes, base64 (a cache key). */
export const digestOf = (bytes: Uint8Array | ArrayBuffer): string =>
  createHash('sha256')
    .update(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes)
    .digest('base64');
