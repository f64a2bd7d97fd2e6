/**
 * A list's filter kept in the address (`?status=…&year=…`), so that a link — from a dashboard
 * figure, a bookmark, a colleague — opens the list already filtered, and the back button restores it.
 */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

export type UrlFilter<K extends string> = { [P in K]: string | undefined };

/** The named parameters read from the address, and `set` to change some of them (undefined or '' removes one). */
export function useUrlFilter<K extends string>(names: readonly K[]): [UrlFilter<K>, (patch: Partial<Record<K, string | number | undefined | null>>) => void] {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(names.map((n) => [n, params.get(n) ?? undefined])) as UrlFilter<K>;
  const set = useCallback(
    (patch: Partial<Record<K, string | number | undefined | null>>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries<string | number | undefined | null>(patch)) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [values, set];
}

/** A year from the address (2000–2100), or undefined. */
export function yearParam(v: string | undefined): number | undefined {
  const n = Number(v);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : undefined;
}
