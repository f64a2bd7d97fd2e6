/**
 * DOCX → PDF through LibreOffice (`soffice --headless --convert-to pdf`), when it is installed.
 * One conversion at a time: LibreOffice is heavy, and a queue keeps a burst of requests from
 * starting a dozen office processes. Each conversion runs in its own temporary directory with its
 * own profile (a desktop LibreOffice of the same user would otherwise swallow the request) and is
 * killed after a timeout.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { unavailable } from '../errors.js';

export const SOFFICE_MISSING_MESSAGE =
  'Máy chủ chưa cài LibreOffice nên chưa xuất được PDF. Hãy tải bản Word (.docx), hoặc nhờ quản trị hệ thống cài LibreOffice (apt-get install libreoffice-writer).';

const CANDIDATES = ['soffice', 'libreoffice'];
let cached: string | null | undefined;

/** Path of the soffice binary (TDKT_SOFFICE, else found on PATH), or null when not installed. */
export function sofficePath(): string | null {
  if (cached !== undefined) return cached;
  const env = process.env.TDKT_SOFFICE;
  if (env !== undefined) {
    cached = env && existsSync(env) ? env : null;
    return cached;
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of CANDIDATES) {
      const p = join(dir, name);
      if (dir && existsSync(p)) return (cached = p);
    }
  }
  return (cached = null);
}

/** Forget the cached lookup (tests switch TDKT_SOFFICE). */
export function resetSofficeLookup(): void {
  cached = undefined;
}

export function pdfConversionAvailable(): boolean {
  return sofficePath() !== null;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs `job` after every earlier one has finished (whatever their outcome). */
function serialised<T>(job: () => Promise<T>): Promise<T> {
  const next = queue.then(job, job);
  queue = next.catch(() => undefined);
  return next;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** Converts a DOCX to PDF; throws an 'unavailable' domain error with a Vietnamese message when LibreOffice is absent or fails. */
export function docxToPdf(docx: Buffer, opts: { timeoutMs?: number } = {}): Promise<Buffer> {
  const bin = sofficePath();
  if (!bin) return Promise.reject(unavailable('pdf_unavailable', SOFFICE_MISSING_MESSAGE));
  return serialised(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tdkt-pdf-'));
    try {
      const input = join(dir, 'van-ban.docx');
      await writeFile(input, docx);
      await new Promise<void>((resolve, reject) => {
        execFile(
          bin,
          [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input],
          { timeout: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, killSignal: 'SIGKILL', env: { ...process.env, HOME: dir } },
          (err) => (err ? reject(err) : resolve()),
        );
      }).catch((e: unknown) => {
        const killed = typeof e === 'object' && e !== null && 'killed' in e && (e as { killed?: boolean }).killed;
        throw unavailable('pdf_failed', killed ? 'LibreOffice chuyển sang PDF quá lâu và đã bị dừng. Hãy thử lại sau hoặc tải bản Word (.docx).' : 'LibreOffice không chuyển được văn bản sang PDF. Hãy tải bản Word (.docx).');
      });
      const out = join(dir, 'van-ban.pdf');
      if (!existsSync(out)) throw unavailable('pdf_failed', 'LibreOffice không chuyển được văn bản sang PDF. Hãy tải bản Word (.docx).');
      return await readFile(out);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
