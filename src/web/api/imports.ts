/**
 * Spreadsheet imports run as jobs on the server: an upload answers a job at once (202), the file is
 * read in the background, and the client polls `GET /api/import-jobs/{id}` until it is done (the
 * preview or the counts) or failed (the Vietnamese refusal, thrown as an ApiError like any answer).
 */
import { ApiError, call, client } from './client';
import type { components } from './schema';

export type ImportJob = components['schemas']['ImportJob'];
export type ImportCounts = components['schemas']['ImportCounts'];
/** Called with every state the job goes through (stage, stageLabel, progress). */
export type OnImportProgress = (job: ImportJob) => void;

export const getImportJob = (id: string) => call(client.GET('/api/import-jobs/{id}', { params: { path: { id } } }));

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls a started job until it ends; answers the finished job or throws its error. */
export async function awaitImportJob(started: ImportJob, onProgress?: OnImportProgress): Promise<ImportJob> {
  let job = started;
  onProgress?.(job);
  let delay = 250;
  while (job.status === 'queued' || job.status === 'running') {
    await pause(delay);
    delay = Math.min(1500, Math.round(delay * 1.4));
    job = await getImportJob(job.id);
    onProgress?.(job);
  }
  if (job.status === 'failed') {
    const e = job.error;
    throw new ApiError(e?.status ?? 422, e?.error ?? 'import_failed', e?.message ?? 'Không nhập được tệp.', e?.details);
  }
  return job;
}

/** The part of a finished job the caller expects; a job without it is a server fault. */
export function partOf<T>(value: T | null): T {
  if (value === null) throw new ApiError(500, 'bad_response', 'Máy chủ trả lời không đúng định dạng. Vui lòng thử lại sau.');
  return value;
}
