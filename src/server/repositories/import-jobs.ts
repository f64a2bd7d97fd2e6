import { and, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { importJobs } from '../db/schema/index.js';

export type ImportJobRow = typeof importJobs.$inferSelect;
/** `finished`: the job ended now (database clock). */
export type ImportJobChanges = Partial<Pick<ImportJobRow, 'status' | 'stage' | 'result' | 'error'>> & { finished?: boolean };

export async function insertImportJob(tx: Executor, values: { accountId: string; kind: string; mode: string; fileName: string }): Promise<ImportJobRow> {
  const [row] = await tx
    .insert(importJobs)
    .values({ ...values, status: 'queued', stage: 'queued' })
    .returning();
  if (!row) throw new Error('import job insert returned nothing');
  return row;
}

export async function updateImportJob(tx: Executor, id: string, { finished, ...changes }: ImportJobChanges): Promise<void> {
  await tx
    .update(importJobs)
    .set({ ...changes, updatedAt: sql`now()`, ...(finished ? { finishedAt: sql`now()` } : {}) })
    .where(eq(importJobs.id, id));
}

/** A job of this account (another account's job is not found). */
export async function findImportJobOf(tx: Executor, accountId: string, id: string): Promise<ImportJobRow | undefined> {
  const [row] = await tx
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, id), eq(importJobs.accountId, accountId)));
  return row;
}

/** Jobs are kept a day: enough to read a preview, not a store of uploaded data. */
export async function purgeOldImportJobs(tx: Executor): Promise<void> {
  await tx.delete(importJobs).where(lt(importJobs.createdAt, sql`now() - interval '1 day'`));
}

/**
 * Jobs still queued or running whose last update is older than `staleMs` belonged to a server that
 * stopped (a worker never runs that long: it is stopped at its time limit): they are failed.
 */
export async function failStaleImportJobs(tx: Executor, staleMs: number, error: unknown): Promise<void> {
  await tx
    .update(importJobs)
    .set({ status: 'failed', stage: 'failed', error, finishedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(sql`${importJobs.status} in ('queued', 'running')`, lt(importJobs.updatedAt, sql`now() - ${staleMs} * interval '1 millisecond'`)));
}
