/**
 * Runs the parse of an uploaded spreadsheet in a worker thread (`xlsx-worker.ts`) with a memory cap
 * (`resourceLimits.maxOldGenerationSizeMb`) and a time limit, so that a workbook that passed the
 * guard but still needs too much stops its own thread with a Vietnamese refusal instead of freezing
 * or killing the server. At most `TDKT_IMPORT_WORKERS` parses run at once in a process; the others wait.
 */
import { Worker } from 'node:worker_threads';
import { DomainError, type ErrorKind } from '../errors.js';
import type { ImportUnit, StaffMapping, StaffSheet } from './staff-xlsx.js';
import type { HonorsTable, RatingsTable, RecordImportMapping } from '../records/import-tables.js';

export type WorkerTask =
  | { kind: 'staff'; buf: Uint8Array; units: ImportUnit[]; defaultUnitId: string | null; mapping?: StaffMapping }
  | { kind: 'ratings' | 'honors'; buf: Uint8Array; mapping?: RecordImportMapping };

export type WorkerAnswer =
  | { ok: true; value: StaffSheet | RatingsTable | HonorsTable }
  | { ok: false; error: { kind: ErrorKind; code: string; message: string; details?: unknown } }
  | { ok: false; error: null; crash: string };

export interface WorkerLimits {
  /** V8 old-generation cap of one parse (TDKT_IMPORT_MEMORY_MB, default 384). */
  memoryMb: number;
  /** Wall time of one parse before its thread is stopped (TDKT_IMPORT_TIMEOUT_MS, default 120 s). */
  timeoutMs: number;
  /** Parses running at once in this process (TDKT_IMPORT_WORKERS, default 2). */
  concurrency: number;
}

function positive(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export function loadWorkerLimits(env: NodeJS.ProcessEnv = process.env): WorkerLimits {
  return {
    memoryMb: positive(env.TDKT_IMPORT_MEMORY_MB, 384),
    timeoutMs: positive(env.TDKT_IMPORT_TIMEOUT_MS, 120_000),
    concurrency: Math.floor(positive(env.TDKT_IMPORT_WORKERS, 2)),
  };
}

export const TOO_MUCH_MEMORY =
  'Tệp Excel cần quá nhiều bộ nhớ để đọc (quá nhiều ô, định dạng hoặc dữ liệu ẩn). Hãy chia tệp thành nhiều tệp nhỏ hơn, hoặc sao chép dữ liệu sang một tệp mới rồi tải lên lại.';
export const TOO_SLOW = 'Đọc tệp Excel quá lâu nên đã dừng. Hãy chia tệp thành nhiều tệp nhỏ hơn rồi tải lên lại.';
export const PARSE_FAILED = 'Không đọc được tệp Excel do lỗi của máy chủ. Hãy thử lại; nếu vẫn lỗi, báo quản trị hệ thống.';
export const SERVER_STOPPED = 'Máy chủ đã dừng khi đang xử lý tệp. Hãy tải tệp lên lại.';

const WORKER_URL = new URL('./xlsx-worker.mjs', import.meta.url);

/** A counting gate: at most `limit` holders at once, the others wait in order. */
class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async enter(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  leave(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

export class WorkerPool {
  private readonly gate: Gate;
  private readonly running = new Set<Worker>();
  /** One worker started ahead, its modules loaded, so that a parse does not wait for exceljs to load. */
  private spare: Worker | null = null;
  private closed = false;
  constructor(readonly limits: WorkerLimits = loadWorkerLimits()) {
    this.gate = new Gate(Math.max(1, limits.concurrency));
  }

  parseStaff(task: Omit<Extract<WorkerTask, { kind: 'staff' }>, 'kind'>): Promise<StaffSheet> {
    return this.run({ kind: 'staff', ...task }) as Promise<StaffSheet>;
  }
  readRatings(buf: Uint8Array, mapping?: RecordImportMapping): Promise<RatingsTable> {
    return this.run({ kind: 'ratings', buf, mapping }) as Promise<RatingsTable>;
  }
  readHonors(buf: Uint8Array, mapping?: RecordImportMapping): Promise<HonorsTable> {
    return this.run({ kind: 'honors', buf, mapping }) as Promise<HonorsTable>;
  }

  /** Stops every running parse and the spare worker (the server is closing). */
  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.running, ...(this.spare ? [this.spare] : [])];
    this.spare = null;
    await Promise.all(all.map((w) => w.terminate()));
  }

  private async run(task: WorkerTask): Promise<StaffSheet | RatingsTable | HonorsTable> {
    await this.gate.enter();
    try {
      if (this.closed) throw new DomainError('unavailable', 'server_stopping', SERVER_STOPPED);
      return await this.parseIn(this.takeWorker(), task);
    } finally {
      this.gate.leave();
    }
  }

  private newWorker(): Worker {
    const { memoryMb } = this.limits;
    const worker = new Worker(WORKER_URL, {
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.floor(memoryMb / 8))) },
    });
    // A spare that dies before it is used (out of memory while loading, say) is simply replaced next time.
    worker.on('error', () => undefined);
    return worker;
  }

  /** The spare worker if there is one (and a new spare started for the next parse), else a new worker. */
  private takeWorker(): Worker {
    const worker = this.spare ?? this.newWorker();
    this.spare = this.newWorker();
    // An idle spare does not keep the process alive.
    this.spare.unref();
    worker.ref();
    return worker;
  }

  private parseIn(worker: Worker, task: WorkerTask): Promise<StaffSheet | RatingsTable | HonorsTable> {
    return new Promise((resolve, reject) => {
      this.running.add(worker);
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.running.delete(worker);
        fn();
      };
      const timer = setTimeout(
        () => settle(() => (void worker.terminate(), reject(new DomainError('too_large', 'import_too_slow', TOO_SLOW)))),
        this.limits.timeoutMs,
      );
      worker.once('message', (answer: WorkerAnswer) =>
        settle(() => {
          void worker.terminate();
          if (answer.ok) resolve(answer.value);
          else if (answer.error) reject(new DomainError(answer.error.kind, answer.error.code, answer.error.message, answer.error.details));
          else {
            console.error('Lỗi khi đọc tệp Excel trong luồng phụ:', answer.crash);
            reject(new DomainError('unprocessable', 'import_failed', PARSE_FAILED));
          }
        }),
      );
      worker.once('error', (err: Error & { code?: string }) =>
        settle(() => {
          if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') reject(new DomainError('too_large', 'import_too_much_memory', TOO_MUCH_MEMORY));
          else {
            console.error('Luồng đọc tệp Excel gặp lỗi:', err);
            reject(new DomainError('unprocessable', 'import_failed', PARSE_FAILED));
          }
        }),
      );
      worker.once('exit', () =>
        settle(() => reject(new DomainError(this.closed ? 'unavailable' : 'unprocessable', 'import_failed', this.closed ? SERVER_STOPPED : PARSE_FAILED))),
      );
      worker.postMessage(task);
    });
  }
}
