// Protections that hold for every route, tested from outside as an attacker would try them:
// forged client addresses, control characters in any input, browser security headers, an honest health check.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, type App } from '../../src/server/app.js';
import type { Database } from '../../src/server/db/client.js';
import { seedDemo } from '../../src/server/demo/seed.js';
import { TEMPLATE_KINDS } from '../../src/server/documents/docx/fields.js';
import { openScratchDatabase, type ScratchDatabase } from '../helpers/scratch-db.js';

const PASSWORD = 'Demo-12345';

async function login(app: App, headers: Record<string, string> = {}) {
  const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: PASSWORD }, headers });
  assert.equal(r.statusCode, 200, r.body);
  const cookie = r.cookies.find((c) => c.name === 'tdkt_session')!;
  return { cookies: { tdkt_session: cookie.value }, csrf: (JSON.parse(r.body) as { csrfToken: string }).csrfToken };
}

describe('security basics', () => {
  let scratch: ScratchDatabase;
  let app: App;
  let proxied: App;

  before(async () => {
    scratch = (await openScratchDatabase(process.env.TEST_DATABASE_URL))!;
    await seedDemo(scratch.database.db, PASSWORD);
    app = await buildApp({ database: scratch.database, config: { secureCookies: false, webDir: '/nonexistent' } });
    proxied = await buildApp({ database: scratch.database, config: { secureCookies: true, webDir: '/nonexistent', trustedProxies: ['127.0.0.1'] } });
    await app.ready();
    await proxied.ready();
  });
  after(async () => {
    await app.close();
    await proxied.close();
    await scratch.dispose();
  });

  it('a forged X-Forwarded-For from an untrusted peer changes neither the rate limit nor the audit address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'giamdoc', password: 'sai-mat-khau' },
        headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
      });
      statuses.push(r.statusCode);
    }
    assert.ok(statuses.includes(429), `12 wrong passwords with 12 forged addresses must hit the rate limit: ${statuses.join(',')}`);
    const s = await login(app, { 'x-forwarded-for': '198.51.100.7' });
    const audit = await app.inject({ method: 'GET', url: '/api/audit?pageSize=5', cookies: s.cookies });
    const ips = (JSON.parse(audit.body) as { items: { ip: string | null }[] }).items.map((e) => e.ip);
    assert.ok(!ips.includes('198.51.100.7'), `the forged address must not reach the audit log: ${ips.join(',')}`);
  });

  it('behind a configured proxy the forwarded client address is used', async () => {
    const s = await login(proxied, { 'x-forwarded-for': '198.51.100.9' });
    const audit = await proxied.inject({ method: 'GET', url: '/api/audit?pageSize=5', cookies: s.cookies });
    const ips = (JSON.parse(audit.body) as { items: { ip: string | null }[] }).items.map((e) => e.ip);
    assert.ok(ips.includes('198.51.100.9'), `the proxy's forwarded address is the client's: ${ips.join(',')}`);
  });

  it('a NUL byte in the body of every write route answers 400 in Vietnamese, nothing stored', async () => {
    const s = await login(app);
    const spec = app.swagger() as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>> };
    let checked = 0;
    const wrong: string[] = [];
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (!['post', 'put', 'patch'].includes(method) || !op.requestBody?.content?.['application/json']) continue;
        const url = path.replace(/\{[^}]+\}/g, (m) =>
          m === '{year}'
            ? '2024'
            : m === '{code}'
              ? 'ABC'
              : m === '{kind}'
                ? path.startsWith('/api/signed-documents/')
                  ? 'to_trinh'
                  : TEMPLATE_KINDS[0]
                : '00000000-0000-4000-8000-000000000000',
        );
        const r = await app.inject({
          method: method.toUpperCase() as 'POST',
          url,
          cookies: s.cookies,
          headers: { 'x-csrf-token': s.csrf },
          payload: { name: 'Tên\u0000độc', title: 'x\u0000', content: '\u0000' },
        });
        checked++;
        const body = JSON.parse(r.body) as { error?: string; message?: string };
        if (r.statusCode !== 400 || body.error !== 'control_characters' || !/ký tự điều khiển/.test(body.message ?? ''))
          wrong.push(`${method.toUpperCase()} ${path} → ${r.statusCode} ${r.body.slice(0, 120)}`);
      }
    }
    assert.ok(checked > 20, `walked ${checked} write routes`);
    assert.deepEqual(wrong, []);
  });

  it('a NUL byte in a query string answers 400 too', async () => {
    const s = await login(app);
    const r = await app.inject({ method: 'GET', url: '/api/people?q=ab%00c', cookies: s.cookies });
    assert.equal(r.statusCode, 400, r.body);
    assert.equal((JSON.parse(r.body) as { error: string }).error, 'control_characters');
  });

  it('browser security headers are sent; HSTS only over HTTPS', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/health' });
    assert.match(String(r.headers['content-security-policy']), /default-src 'self'/);
    assert.match(String(r.headers['content-security-policy']), /script-src 'self'(;|$)/);
    assert.match(String(r.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.ok(r.headers['x-frame-options'], 'X-Frame-Options');
    assert.equal(r.headers['referrer-policy'], 'same-origin');
    assert.equal(r.headers['strict-transport-security'], undefined);
    const secure = await proxied.inject({ method: 'GET', url: '/api/health' });
    assert.match(String(secure.headers['strict-transport-security']), /max-age=31536000/);
  });

  it('health answers 200 when the database answers and 503 when it does not', async () => {
    const ok = await app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(ok.statusCode, 200);
    const down: Database = {
      kind: 'postgres',
      close: async () => {},
      db: { execute: () => Promise.reject(new Error('connection refused')) } as unknown as Database['db'],
    };
    const broken = await buildApp({ database: down, config: { secureCookies: false, webDir: '/nonexistent' } });
    const r = await broken.inject({ method: 'GET', url: '/api/health' });
    await broken.close();
    assert.equal(r.statusCode, 503);
    assert.match((JSON.parse(r.body) as { message: string }).message, /cơ sở dữ liệu/);
  });
});
