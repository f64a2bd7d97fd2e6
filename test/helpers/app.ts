import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createDatabaseTemplate, dropDatabaseTemplate, openScratchDatabase, type DatabaseTemplate, type ScratchDatabase } from './scratch-db.js';
import { buildApp } from '../../src/server/app.js';
import { seedDemo, type DemoResult } from '../../src/server/demo/seed.js';

export const DEMO_PASSWORD = 'Demo-12345';

/**
 * `npm test` migrates and seeds the demo agency once per run (`prepareDemoTemplate`) and names
 * the result in this variable; every API test file then starts from a copy of it. Without it
 * (`node --test` on one file) each file migrates and seeds its own database, as before.
 */
export const DEMO_TEMPLATE_ENV = 'TDKT_TEST_DEMO_TEMPLATE';

interface DemoTemplateInfo {
  /** The TEST_DATABASE_URL it was built for ('' = PGlite): a template is only used on its own engine. */
  serverUrl: string;
  template: DatabaseTemplate;
  demo: DemoResult;
}

/** Builds the run's demo database in `dir`; answers the path of its description (for DEMO_TEMPLATE_ENV). */
export async function prepareDemoTemplate(dir: string): Promise<string> {
  const serverUrl = process.env.TEST_DATABASE_URL || undefined;
  const { template, filled } = await createDatabaseTemplate(serverUrl, join(dir, 'demo.pgdata'), (db) => seedDemo(db, DEMO_PASSWORD));
  const info: DemoTemplateInfo = { serverUrl: serverUrl ?? '', template, demo: filled };
  const path = join(dir, 'demo-template.json');
  await writeFile(path, JSON.stringify(info));
  return path;
}

/** Drops what `prepareDemoTemplate` built (the folder is the caller's; scripts/run-tests.mjs does the same in plain JS). */
export async function dropDemoTemplate(infoPath: string): Promise<void> {
  const info = JSON.parse(await readFile(infoPath, 'utf8')) as DemoTemplateInfo;
  await dropDatabaseTemplate(info.template);
}

function demoTemplate(): DemoTemplateInfo | null {
  const path = process.env[DEMO_TEMPLATE_ENV];
  if (!path) return null;
  const info = JSON.parse(readFileSync(path, 'utf8')) as DemoTemplateInfo;
  return info.serverUrl === (process.env.TEST_DATABASE_URL ?? '') ? info : null;
}

/**
 * The engine under test with the demo agency: PGlite in memory by default; a fresh database on
 * the PostgreSQL server named by TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)
 * when set. A copy of the run's template when there is one, else migrated and seeded here.
 */
async function openDemoDatabase(): Promise<ScratchDatabase & { demo: DemoResult }> {
  const serverUrl = process.env.TEST_DATABASE_URL || undefined;
  const info = demoTemplate();
  const opened = (await openScratchDatabase(serverUrl, info ? { template: info.template } : {}))!;
  return { ...opened, demo: info ? info.demo : await seedDemo(opened.database.db, DEMO_PASSWORD) };
}

export interface Response {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test-side JSON, asserted field by field
  headers: Record<string, unknown>;
}

export interface Client {
  csrf: string;
  get(url: string): Promise<Response>;
  /** GET a file (an .xlsx template or export) and answer its bytes; throws on a non-200 answer. */
  getFile(url: string): Promise<Buffer>;
  post(url: string, body?: unknown): Promise<Response>;
  put(url: string, body?: unknown): Promise<Response>;
  del(url: string): Promise<Response>;
  upload(url: string, file: Buffer, fields?: Record<string, string>, fileName?: string): Promise<Response>;
  /**
   * Uploads to an import route and polls the job it answers (202) until it ends: answers as the
   * route would have synchronously, 200 with the preview or the counts, or the job's error status
   * and `{ error, message, details }`. An early refusal (400 before any job) is passed through.
   */
  importFile(url: string, file: Buffer, fields?: Record<string, string>, fileName?: string): Promise<Response>;
}

/** Polls an import job answered by an upload (202) until it is done or failed; see `Client.importFile`. */
export async function awaitImportJob(client: Pick<Client, 'get'>, started: Response, timeoutMs = 60_000): Promise<Response> {
  if (started.status !== 202) return started;
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const r = await client.get(`/api/import-jobs/${started.body.id}`);
    if (r.status !== 200) return r;
    if (r.body.status === 'done') return { status: 200, body: r.body.staffPreview ?? r.body.recordPreview ?? r.body.result, headers: r.headers };
    if (r.body.status === 'failed') {
      const { status, ...error } = r.body.error;
      return { status, body: error, headers: r.headers };
    }
    if (performance.now() > deadline) throw new Error(`import job ${started.body.id} still ${r.body.stage} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** A fresh app with the demo agency on a fresh database; `login(user)` gives a signed-in client. `publicCacheMs` turns the portal's micro-cache on. */
export async function createTestApp(opts: { publicCacheMs?: number } = {}) {
  const { database, dispose, demo } = await openDemoDatabase();
  const app = await buildApp({ database, config: { secureCookies: false, webDir: '/nonexistent', publicCacheMs: opts.publicCacheMs ?? 0 } });
  await app.ready();

  const toResponse = (r: { statusCode: number; body: string; headers: Record<string, unknown> }): Response => {
    let body: unknown = r.body;
    try {
      body = JSON.parse(r.body);
    } catch {
      /* not JSON */
    }
    return { status: r.statusCode, body, headers: r.headers };
  };

  /** A client without a session. */
  const anonymous = {
    async request(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) {
      const r = await app.inject({ method, url, payload: payload as string | object | undefined, headers });
      return toResponse(r);
    },
  };

  async function login(username: string, password = DEMO_PASSWORD): Promise<Client> {
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (r.statusCode !== 200) throw new Error(`login ${username} failed: ${r.statusCode} ${r.body}`);
    const cookie = r.cookies.find((c) => c.name === 'tdkt_session');
    if (!cookie) throw new Error('no session cookie');
    const csrf = (JSON.parse(r.body) as { csrfToken: string }).csrfToken;
    const cookies = { tdkt_session: cookie.value };
    const call = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
      toResponse(await app.inject({ method, url, cookies, payload: payload as object | undefined, headers: method === 'GET' ? {} : { 'x-csrf-token': csrf } }));
    const client: Client = {
      csrf,
      get: (url) => call('GET', url),
      async getFile(url) {
        const r = await app.inject({ method: 'GET', url, cookies });
        if (r.statusCode !== 200) throw new Error(`GET ${url}: ${r.statusCode} ${r.body}`);
        return r.rawPayload;
      },
      post: (url, body) => call('POST', url, body ?? {}),
      put: (url, body) => call('PUT', url, body ?? {}),
      del: (url) => call('DELETE', url),
      async importFile(url, file, fields, fileName) {
        return awaitImportJob(client, await client.upload(url, file, fields, fileName));
      },
      async upload(url, file, fields = {}, fileName = 'danh-sach.xlsx') {
        const form = new FormData();
        for (const [k, v] of Object.entries(fields)) form.append(k, v);
        form.append('file', new Blob([new Uint8Array(file)]), fileName);
        const req = new Request('http://x/', { method: 'POST', body: form });
        const payload = Buffer.from(await req.arrayBuffer());
        return toResponse(
          await app.inject({ method: 'POST', url, cookies, payload, headers: { 'x-csrf-token': csrf, 'content-type': req.headers.get('content-type')! } }),
        );
      },
    };
    return client;
  }

  return {
    app,
    database,
    db: database.db,
    demo,
    anonymous,
    login,
    async close() {
      await app.close();
      await dispose();
    },
  };
}

/** Finds a unit id by (part of) its name in the demo tree. */
export async function unitId(client: Client, name: string): Promise<string> {
  const r = await client.get('/api/units?includeInactive=true');
  const u = (r.body.items as { id: string; name: string }[]).find((x) => x.name.includes(name));
  if (!u) throw new Error(`no unit ${name}`);
  return u.id;
}

/** Builds an .xlsx in memory from a header row and data rows. */
export async function makeXlsx(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
