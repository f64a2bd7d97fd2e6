import ExcelJS from 'exceljs';
import { openScratchDatabase, type ScratchDatabase } from './scratch-db.js';
import { buildApp } from '../../src/server/app.js';
import { seedDemo } from '../../src/server/demo/seed.js';

export const DEMO_PASSWORD = 'Demo-12345';

/**
 * The engine under test: PGlite in memory by default; a fresh database on the PostgreSQL server
 * named by TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) when set.
 */
async function openTestDatabase(): Promise<ScratchDatabase> {
  return (await openScratchDatabase(process.env.TEST_DATABASE_URL))!;
}

export interface Response {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test-side JSON, asserted field by field
  headers: Record<string, unknown>;
}

export interface Client {
  csrf: string;
  get(url: string): Promise<Response>;
  post(url: string, body?: unknown): Promise<Response>;
  put(url: string, body?: unknown): Promise<Response>;
  del(url: string): Promise<Response>;
  upload(url: string, file: Buffer, fields?: Record<string, string>, fileName?: string): Promise<Response>;
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** A fresh app with the demo agency on a fresh database; `login(user)` gives a signed-in client. */
export async function createTestApp() {
  const { database, dispose } = await openTestDatabase();
  const demo = await seedDemo(database.db, DEMO_PASSWORD);
  const app = await buildApp({ database, config: { secureCookies: false, webDir: '/nonexistent' } });
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
    return {
      csrf,
      get: (url) => call('GET', url),
      post: (url, body) => call('POST', url, body ?? {}),
      put: (url, body) => call('PUT', url, body ?? {}),
      del: (url) => call('DELETE', url),
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
