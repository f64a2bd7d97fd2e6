import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../helpers/app.js';

describe('auth: login, CSRF, lockout, password change', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('health answers with the engine in use', async () => {
    const r = await t.anonymous.request('GET', '/api/health');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { status: 'ok', db: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' });
  });

  it('serves the OpenAPI document with the main routes', async () => {
    const r = await t.anonymous.request('GET', '/api/openapi.json');
    assert.equal(r.status, 200);
    assert.match(r.body.openapi, /^3\./);
    for (const p of ['/api/auth/login', '/api/units', '/api/people', '/api/people/{id}', '/api/councils', '/api/audit']) assert.ok(r.body.paths[p], `missing ${p}`);
  });

  it('logs in, returns csrfToken and the user, and sets an HTTP-only SameSite cookie', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'donvi', password: DEMO_PASSWORD } });
    assert.equal(r.statusCode, 200);
    const body = JSON.parse(r.body);
    assert.ok(body.csrfToken.length > 20);
    assert.equal(body.user.role, 'clerk');
    const setCookie = String(r.headers['set-cookie']);
    assert.match(setCookie, /tdkt_session=/);
    assert.match(setCookie, /HttpOnly/i);
    assert.match(setCookie, /SameSite=Lax/i);
  });

  it('refuses a wrong password in Vietnamese, without saying which part was wrong', async () => {
    const r = await t.anonymous.request('POST', '/api/auth/login', { username: 'giamdoc', password: 'sai-mat-khau' });
    assert.equal(r.status, 401);
    assert.equal(r.body.message, 'Tên đăng nhập hoặc mật khẩu không đúng.');
    const unknown = await t.anonymous.request('POST', '/api/auth/login', { username: 'khongco', password: 'x' });
    assert.equal(unknown.status, 401);
    assert.equal(unknown.body.message, r.body.message);
  });

  it('refuses malformed JSON and missing fields with Vietnamese messages', async () => {
    const bad = await t.anonymous.request('POST', '/api/auth/login', '{"username":', { 'content-type': 'application/json' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.message, 'Dữ liệu gửi lên không phải JSON hợp lệ.');
    const missing = await t.anonymous.request('POST', '/api/auth/login', { username: 'admin' });
    assert.equal(missing.status, 400);
    assert.match(missing.body.message, /không hợp lệ/);
  });

  it('locks an account after 5 wrong passwords, even for the right password afterwards', async () => {
    for (let i = 0; i < 4; i++) assert.equal((await t.anonymous.request('POST', '/api/auth/login', { username: 'hoidong', password: `sai-${i}` })).status, 401);
    const fifth = await t.anonymous.request('POST', '/api/auth/login', { username: 'hoidong', password: 'sai-5' });
    assert.equal(fifth.status, 423);
    assert.match(fifth.body.message, /tạm khóa/);
    const right = await t.anonymous.request('POST', '/api/auth/login', { username: 'hoidong', password: DEMO_PASSWORD });
    assert.equal(right.status, 423);
  });

  it('rate-limits repeated logins for one username from one address', async () => {
    let last = 0;
    for (let i = 0; i < 12; i++) last = (await t.anonymous.request('POST', '/api/auth/login', { username: 'khong-ton-tai', password: 'x' })).status;
    assert.equal(last, 429);
  });

  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const c = await t.login('admin');
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: DEMO_PASSWORD } });
    const cookie = login.cookies.find((x) => x.name === 'tdkt_session')!;
    const r = await t.app.inject({ method: 'POST', url: '/api/units', cookies: { tdkt_session: cookie.value }, payload: { parentId: t.demo.rootUnitId, name: 'Phòng Thử', kind: 'department' } });
    assert.equal(r.statusCode, 403);
    assert.match(JSON.parse(r.body).message, /chống giả mạo/);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/units', cookies: { tdkt_session: cookie.value }, headers: { 'x-csrf-token': c.csrf }, payload: { parentId: t.demo.rootUnitId, name: 'Phòng Thử', kind: 'department' } });
    assert.equal(wrong.statusCode, 403, "another session's token is not accepted");
  });

  it('changes the password: the old one stops working, other sessions end', async () => {
    const first = await t.login('canhan');
    const second = await t.login('canhan');
    const weak = await first.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'abc' });
    assert.equal(weak.status, 400);
    assert.match(weak.body.message, /ít nhất 8 ký tự/);
    const ok = await first.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'MatKhauMoi2026' });
    assert.equal(ok.status, 200);
    assert.equal((await first.get('/api/auth/me')).status, 200);
    assert.equal((await second.get('/api/auth/me')).status, 401);
    assert.equal((await t.anonymous.request('POST', '/api/auth/login', { username: 'canhan', password: DEMO_PASSWORD })).status, 401);
    await t.login('canhan', 'MatKhauMoi2026');
  });

  it('logs out: the session no longer works', async () => {
    const c = await t.login('giamdoc');
    assert.equal((await c.post('/api/auth/logout')).status, 200);
    assert.equal((await c.get('/api/auth/me')).status, 401);
  });
});
