/**
 * DOCX → PDF through LibreOffice (`soffice --headless --convert-to pdf`), when it is installed.
 * One conversion at a time: LibreOffice is heavy, and a queue keeps a burst of requests from
 * starting a dozen office processes. Each conversion runs in its own temporary directory with its
 * own profile (a desktop LibreOffice of the same user would otherwise swallow the request) and is
 * killed after a timeout.
 *
 * Server-side requests (issue #20): every DOCX is stripped of its external references
 * (`sanitiseDocx`) before LibreOffice sees it, whatever its origin; the temporary profile blocks
 * links from untrusted locations and macros; and where the kernel allows it (`unshare -rn`, probed
 * once) soffice runs in a network namespace of its own with no interface up.
 * `TDKT_SOFFICE_SANDBOX=0` turns the namespace off (a host that forbids user namespaces).
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { badRequest, unavailable } from '../errors.js';
import { sanitiseDocx } from './sanitise-docx.js';

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

let sandbox: string[] | null | undefined;

/** `['unshare', '-rn']` when this host lets an unprivileged process take a network namespace, else null. */
export function networkSandbox(): string[] | null {
  if (sandbox !== undefined) return sandbox;
  if (process.env.TDKT_SOFFICE_SANDBOX === '0') return (sandbox = null);
  const probe = spawnSync('unshare', ['-rn', 'true'], { timeout: 5000, stdio: 'ignore' });
  return (sandbox = probe.status === 0 ? ['unshare', '-rn'] : null);
}

/**
 * The profile's settings: links out of untrusted locations blocked, macros never run, no update
 * check (LibreOffice reads `user/registrymodifications.xcu` of the profile at start).
 */
const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Jobs/Jobs/org.openoffice.Office.Jobs:Job['UpdateCheck']/Arguments"><prop oor:name="AutoCheckEnabled" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
`;

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
      let clean: Buffer;
      try {
        clean = sanitiseDocx(docx).docx;
      } catch {
        throw badRequest('Tệp không phải là tệp Word (.docx) hợp lệ.');
      }
      await writeFile(input, clean);
      const profile = join(dir, 'profile');
      await mkdir(join(profile, 'user'), { recursive: true });
      await writeFile(join(profile, 'user', 'registrymodifications.xcu'), PROFILE_SETTINGS);
      const args = [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        input,
      ];
      const wrap = networkSandbox();
      const [cmd, ...cmdArgs] = wrap ? [...wrap, bin, ...args] : [bin, ...args];
      await new Promise<void>((resolve, reject) => {
        execFile(
          cmd ?? bin,
          cmdArgs,
          { timeout: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, killSignal: 'SIGKILL', env: { ...process.env, HOME: dir } },
          (err: Error | null) => (err ? reject(err) : resolve()),
        );
      }).catch((e: unknown) => {
        const killed = typeof e === 'object' && e !== null && 'killed' in e && (e as { killed?: boolean }).killed;
        throw unavailable(
          'pdf_failed',
          killed
            ? 'LibreOffice chuyển sang PDF quá lâu và đã bị dừng. Hãy thử lại sau hoặc tải bản Word (.docx).'
            : 'LibreOffice không chuyển được văn bản sang PDF. Hãy tải bản Word (.docx).',
        );
      });
      const out = join(dir, 'van-ban.pdf');
      if (!existsSync(out)) throw unavailable('pdf_failed', 'LibreOffice không chuyển được văn bản sang PDF. Hãy tải bản Word (.docx).');
      return await readFile(out);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
