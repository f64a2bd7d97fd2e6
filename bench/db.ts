import { openScratchDatabase, type ScratchDatabase } from '../test/helpers/scratch-db.js';
import { report } from './report.js';

export type BenchEngine = 'pglite' | 'postgres';

/**
 * A throw-away database for one benchmark: PGlite in memory, or a new database on the PostgreSQL
 * server (BENCH_DATABASE_URL, default 127.0.0.1:5432); null, with a printed line, when that
 * server cannot be reached.
 */
export async function openBenchDatabase(kind: BenchEngine, label: string): Promise<ScratchDatabase | null> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const opened = await openScratchDatabase(kind === 'pglite' ? undefined : serverUrl, { prefix: 'tdkt_bench', optional: true });
  if (!opened) report(`${label} (${kind})`, `skipped: no PostgreSQL server at ${serverUrl}`);
  return opened;
}
