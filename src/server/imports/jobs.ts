/**
 * Spreadsheet imports as jobs off the request path. The upload route checks the file itself
 * (content type, the zip guard: cheap, bounded, answers 400 at once for a bomb), then `start`
 * records a job and answers its id; the parse runs in a worker thread with a memory cap
 * (`parse-in-worker.ts`), the database checks and the commit run here after it, and the client
 * polls the job (`GET /api/import-jobs/{id}`). The job's state is in the database (`import_jobs`),
 * so any app server answers the poll; a job whose server stopped is failed once it is stale.
 */
import type { Db } from '../db/client.js';
import type { Actor } from '../auth/actor.js';
import { DomainError } from '../errors.js';
import { failStaleImportJobs, findImportJobOf, insertImportJob, purgeOldImportJobs, updateImportJob, type ImportJobRow } from '../repositories/import-jobs.js';
import { PARSE_FAILED, SERVER_STOPPED, WorkerPool } from './parse-in-worker.js';

export const IMPORT_JOB_KINDS = ['staff', 'ratings', 'honors'] as const;
export type ImportJobKind = (typeof IMPORT_JOB_KINDS)[number];
export const IMPORT_JOB_MODES = ['preview', 'commit'] as const;
export type ImportJobMode = (typeof IMPORT_JOB_MODES)[number];
export const IMPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];
/** Where a job is, in order; the web shows it as progress. */
export const IMPORT_JOB_STAGES = ['queued', 'reading', 'checking', 'storing', 'done', 'failed'] as const;
export type ImportJobStage = (typeof IMPORT_JOB_STAGES)[number];

export interface StoredJobError {
  kind: DomainError['kind'];
  code: string;
  message: string;
  details?: unknown;
}

function errorOf(e: unknown): StoredJobError {
  if (e instanceof DomainError) return { kind: e.kind, code: e.code, message: e.message, details: e.details };
  console.error('Tác vụ nhập tệp Excel gặp lỗi:', e);
  return { kind: 'unprocessable', code: 'import_failed', message: PARSE_FAILED };
}

export type JobWork = (stage: (s: ImportJobStage) => Promise<void>) => Promise<unknown>;

export class ImportJobs {
  readonly pool: WorkerPool;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    pool?: WorkerPool,
  ) {
    this.pool = pool ?? new WorkerPool();
  }

  /** Records a queued job and runs `work` in the background; answers the job at once. */
  async start(actor: Actor, job: { kind: ImportJobKind; mode: ImportJobMode; fileName: string }, work: JobWork): Promise<ImportJobRow> {
    await purgeOldImportJobs(this.db);
    const row = await insertImportJob(this.db, { accountId: actor.accountId, ...job });
    const run = this.run(row.id, work).finally(() => this.pending.delete(run));
    this.pending.add(run);
    return row;
  }

  /** The actor's job, after failing the ones whose server stopped (a parse never outlives its time limit). */
  async find(actor: Actor, id: string): Promise<ImportJobRow | undefined> {
    await failStaleImportJobs(this.db, this.pool.limits.timeoutMs + 60_000, { kind: 'unavailable', code: 'server_stopped', message: SERVER_STOPPED });
    return findImportJobOf(this.db, actor.accountId, id);
  }

  /** Waits for the running jobs after stopping their parses (the server is closing). */
  async close(): Promise<void> {
    await this.pool.close();
    await Promise.allSettled([...this.pending]);
  }

  private async run(id: string, work: JobWork): Promise<void> {
    try {
      await updateImportJob(this.db, id, { status: 'running', stage: 'reading' });
      const result = await work((stage) => updateImportJob(this.db, id, { stage }));
      await updateImportJob(this.db, id, { status: 'done', stage: 'done', result, finished: true });
    } catch (e) {
      try {
        await updateImportJob(this.db, id, { status: 'failed', stage: 'failed', error: errorOf(e), finished: true });
      } catch (stored) {
        // The database went away (the server is closing): the poll will see the job as stale.
        console.error('Không ghi được kết quả tác vụ nhập:', stored);
      }
    }
  }
}
