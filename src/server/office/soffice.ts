/**
 * DOCX → PDF through LibreOffice (`soffice --headless --convert-to pdf`), when it is installed.
 * One long-lived office per server (see "The warm office" below) does the conversions, one at a
 * time: LibreOffice is heavy, and a queue keeps a burst of requests from piling up. The office has
 * its own profile directory (a desktop LibreOffice of the same user would otherwise swallow the
 * request); each conversion runs in its own temporary directory and is killed after a timeout.
 *
 * Server-side requests (issue #20): every DOCX is stripped of its external references
 * (`sanitiseDocx`) before LibreOffice sees it, whatever its origin; the temporary profile blocks
 * links from untrusted locations and macros; and where the kernel allows it (`unshare -rn`, probed
 * once) soffice runs in a network namespace of its own with no interface up.
 * `TDKT_SOFFICE_SANDBOX=0` turns the namespace off (a host that forbids user namespaces).
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import PizZip from 'pizzip';
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
/** How long a starting office may take before the conversion falls back to a process of its own. */
const START_TIMEOUT_MS = 60_000;

async function writeProfile(profile: string): Promise<void> {
  await mkdir(join(profile, 'user'), { recursive: true });
  await writeFile(join(profile, 'user', 'registrymodifications.xcu'), PROFILE_SETTINGS);
}

function sandboxed(bin: string, args: string[]): [string, string[]] {
  const wrap = networkSandbox();
  const [cmd, ...rest] = wrap ? [...wrap, bin, ...args] : [bin, ...args];
  return [cmd ?? bin, rest];
}

// ---- The warm office --------------------------------------------------------------------------
//
// Starting LibreOffice costs 2–8 s; converting a page costs a fraction of a second. So one
// office is started per server, with its own profile directory, and kept alive by a hidden
// "keep-alive" document it holds open (a headless office otherwise quits after its first
// conversion). Each conversion then runs `soffice --convert-to` against that profile: the short
// client process finds the running office on its IPC pipe, hands it the file, waits for the
// result and exits (≈ 0.2–0.5 s for a page). The client and the office run in the same kind of
// network namespace (no interface up), and the office dies with the server: a shell watchdog in
// its process group kills the group when the Node process is gone, and `exit` kills it too.
// `TDKT_SOFFICE_WARM=0` goes back to one office process per conversion.

interface WarmOffice {
  dir: string;
  profile: string;
  child: ChildProcess;
  ready: Promise<boolean>;
  alive: boolean;
}

let warm: WarmOffice | null = null;

export function warmConverterEnabled(): boolean {
  return process.env.TDKT_SOFFICE_WARM !== '0';
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

let exitHookInstalled = false;

/** Waits until `file` exists (the office has opened its keep-alive document) or the office died. */
async function waitForFile(file: string, office: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    if (!office()) return false;
    if (existsSync(file)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

async function startWarmOffice(bin: string): Promise<WarmOffice> {
  const dir = await mkdtemp(join(tmpdir(), 'tdkt-office-'));
  const profile = join(dir, 'profile');
  await writeProfile(profile);
  const keepDir = join(dir, 'keep');
  await mkdir(keepDir);
  const keep = join(keepDir, 'giu-ket-noi.docx');
  await writeFile(keep, keepAliveDocx());
  const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nolockcheck', '--nologo', keep];
  const [cmd, cmdArgs] = sandboxed(bin, args);
  // `sh` leads the process group: it starts the office, then polls its parent (this server) and
  // kills the whole group once the server is gone, even after a SIGKILL.
  const script = `"$@" & o=$!; while kill -0 ${process.pid} 2>/dev/null && kill -0 $o 2>/dev/null; do sleep 1; done; kill -KILL 0`;
  const child = spawn('sh', ['-c', script, 'sh', cmd, ...cmdArgs], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, HOME: dir },
  });
  child.unref();
  const office: WarmOffice = { dir, profile, child, alive: true, ready: Promise.resolve(false) };
  child.on('exit', () => {
    office.alive = false;
    if (warm === office) warm = null;
    void rm(dir, { recursive: true, force: true }).catch(() => undefined);
  });
  child.on('error', () => {
    office.alive = false;
  });
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      if (warm) killGroup(warm.child);
    });
  }
  // LibreOffice writes the lock file of a document once it has loaded it: from then on, it
  // answers on its pipe.
  office.ready = waitForFile(join(keepDir, '.~lock.giu-ket-noi.docx#'), () => office.alive, START_TIMEOUT_MS);
  return office;
}

/** The running warm office (started on first use), or null when it could not be started. */
async function warmOffice(bin: string): Promise<WarmOffice | null> {
  if (!warm || !warm.alive) warm = await startWarmOffice(bin);
  const office = warm;
  if (await office.ready) return office;
  stopWarmOffice();
  return null;
}

/** Start the warm office ahead of the first request (the server calls it at start). */
export function prewarmPdfConverter(): void {
  const bin = sofficePath();
  if (!bin || !warmConverterEnabled()) return;
  void serialised(() => warmOffice(bin)).catch(() => undefined);
}

/** Stop the warm office (tests, shutdown); the next conversion starts a new one. */
export function stopWarmOffice(): void {
  const office = warm;
  warm = null;
  if (office) {
    office.alive = false;
    killGroup(office.child);
  }
}

/** PID of the warm office's process group, when one runs (tests check that it is reused). */
export function warmOfficePid(): number | null {
  return warm?.alive ? (warm.child.pid ?? null) : null;
}

/** A one-paragraph document the warm office keeps open. */
function keepAliveDocx(): Buffer {
  const zip = new PizZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>TĐKT</w:t></w:r></w:p></w:body></w:document>',
  );
  return zip.generate({ type: 'nodebuffer' });
}

// ---- Conversion -------------------------------------------------------------------------------

const FAILED = 'LibreOffice không chuyển được văn bản sang PDF. Hãy tải bản Word (.docx).';
const TOO_LONG = 'LibreOffice chuyển sang PDF quá lâu và đã bị dừng. Hãy thử lại sau hoặc tải bản Word (.docx).';

function runSoffice(cmd: string, args: string[], timeoutMs: number, home: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, killSignal: 'SIGKILL', env: { ...process.env, HOME: home } }, (err: Error | null) =>
      err ? reject(err) : resolve(),
    );
  });
}

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
      const office = warmConverterEnabled() ? await warmOffice(bin) : null;
      let profile: string;
      if (office) profile = office.profile;
      else {
        profile = join(dir, 'profile');
        await writeProfile(profile);
      }
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
      const [cmd, cmdArgs] = sandboxed(bin, args);
      await runSoffice(cmd, cmdArgs, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, office?.dir ?? dir).catch((e: unknown) => {
        const killed = typeof e === 'object' && e !== null && 'killed' in e && (e as { killed?: boolean }).killed;
        // A conversion that hangs hangs the office with it: start afresh next time.
        if (killed && office) stopWarmOffice();
        throw unavailable('pdf_failed', killed ? TOO_LONG : FAILED);
      });
      const out = join(dir, 'van-ban.pdf');
      if (!existsSync(out)) throw unavailable('pdf_failed', FAILED);
      return await readFile(out);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
