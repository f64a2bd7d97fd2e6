/**
 * Totals of long lists. Counting the whole visible set on every page costs more than the page
 * itself once a list holds tens of thousands of rows (count(*) over 100,000 staff: ~45 ms against
 * 1–4 ms for the 50 rows). A total at or past `LARGE_TOTAL` is kept for `TOTAL_TTL_MS` per actor
 * and filter, so paging through a big list counts once; below it, every page counts (small lists
 * stay exact at once). Writes to the list's table drop its cached totals; another server's writes
 * show after the TTL at worst — the pager's total is then an estimate, the rows never are. The TTL
 * is a monotonic timer (not business time: a test's fixed clock must not freeze the cache).
 */
export const LARGE_TOTAL = 5_000;
export const TOTAL_TTL_MS = 30_000;
const MAX_ENTRIES = 2_000;

const cache = new Map<string, { n: number; at: number }>();

/** The cached total under `key` when still fresh, else `count()` (kept when large). */
export async function cachedTotal(key: string, count: () => Promise<number>): Promise<number> {
  const t = performance.now();
  const hit = cache.get(key);
  if (hit && t - hit.at < TOTAL_TTL_MS) return hit.n;
  const n = await count();
  if (n >= LARGE_TOTAL) {
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value ?? '');
    cache.set(key, { n, at: t });
  } else cache.delete(key);
  return n;
}

/** Forgets the totals of one list (`people:` …) after a write to its table. */
export function forgetTotals(list: string): void {
  for (const k of cache.keys()) if (k.startsWith(`${list}:`)) cache.delete(k);
}
