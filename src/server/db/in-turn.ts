/**
 * Runs queries one after another and returns their results like `Promise.all`. A transaction is
 * one connection, and node-postgres refuses (deprecated now, an error in pg 9) a query sent while
 * another runs on the same connection; PGlite serialises them anyway. Use this wherever the
 * executor may be a transaction; `Promise.all` stays for the pooled database only.
 */
export async function inTurn<T extends readonly unknown[]>(...steps: { [K in keyof T]: () => PromiseLike<T[K]> }): Promise<T> {
  const results: unknown[] = [];
  for (const step of steps as readonly (() => PromiseLike<unknown>)[]) results.push(await step());
  return results as unknown as T;
}
