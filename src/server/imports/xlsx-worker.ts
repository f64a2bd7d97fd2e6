/**
 * The worker thread an import job parses its spreadsheet in (`imports/parse-in-worker.ts`): it
 * runs under `resourceLimits`, so a workbook that needs more memory than the cap ends this thread,
 * not the server. It receives the file and what the parse needs, and posts back the parsed sheet or
 * the domain error, as plain data. Each worker parses one file and ends (a fresh heap for every file).
 */
import { parentPort } from 'node:worker_threads';
import { DomainError } from '../errors.js';
import { parseGuardedStaffWorkbook } from './staff-xlsx.js';
import { readHonorsTable, readRatingsTable } from '../records/import-tables.js';
import type { WorkerAnswer, WorkerTask } from './parse-in-worker.js';

async function run(task: WorkerTask): Promise<WorkerAnswer> {
  const buf = Buffer.from(task.buf.buffer, task.buf.byteOffset, task.buf.byteLength);
  try {
    if (task.kind === 'staff') return { ok: true, value: await parseGuardedStaffWorkbook(buf, task.units, task.defaultUnitId, task.mapping) };
    if (task.kind === 'ratings') return { ok: true, value: await readRatingsTable(buf, task.mapping) };
    return { ok: true, value: await readHonorsTable(buf, task.mapping) };
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, error: { kind: e.kind, code: e.code, message: e.message, details: e.details } };
    return { ok: false, error: null, crash: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

// A spare worker is started ahead (modules loaded, exceljs ready) and waits for its one task.
parentPort?.once('message', (task: WorkerTask) => {
  void run(task).then((answer) => parentPort?.postMessage(answer));
});
