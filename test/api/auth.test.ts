import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../helpers/app.js';
import { sessionSchema } from '../../src/server/presenters/me.js';
import { RESOURCES, abilitiesFor } from '../../src/server/policies/abilities.js';

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
    for (const p of ['/api/auth/login', '/api/units', '/api/people', '/api/people/{id}', '/api/councils', '/api/audit'])
      assert.ok(r.body.paths[p], `missing ${p}`);
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
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      cookies: { tdkt_session: cookie.value },
      payload: { parentId: t.demo.rootUnitId, name: 'Phòng Thử', kind: 'department' },
    });
    assert.equal(r.statusCode, 403);
    assert.match(JSON.parse(r.body).message, /chống giả mạo/);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      cookies: { tdkt_session: cookie.value },
      headers: { 'x-csrf-token': c.csrf },
      payload: { parentId: t.demo.rootUnitId, name: 'Phòng Thử', kind: 'department' },
    });
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

  it('answers /api/auth/me with its declared schema: every resource with its abilities', async () => {
    const me = await (await t.login('donvi')).get('/api/auth/me');
    assert.equal(me.status, 200);
    const parsed = sessionSchema.parse(me.body);
    assert.deepEqual(Object.keys(parsed.user.abilities).sort(), [...RESOURCES].sort());
    assert.deepEqual(parsed.user.abilities.person, abilitiesFor('clerk', 'person'));
    assert.deepEqual(parsed.user.abilities.account, []);
  });

  it('names the sign-in refusals: invalid_credentials, wrong_password', async () => {
    const r = await t.anonymous.request('POST', '/api/auth/login', { username: 'giamdoc', password: 'sai-mat-khau' });
    assert.equal(r.body.error, 'invalid_credentials');
    const c = await t.login('vanphong');
    const wrong = await c.post('/api/auth/password', { currentPassword: 'khong-dung-1', newPassword: 'MatKhauMoi2027' });
    assert.deepEqual([wrong.status, wrong.body.error, wrong.body.message], [400, 'wrong_password', 'Mật khẩu hiện tại không đúng.']);
  });

  it('pages and searches the accounts on the server; an administrator may not reset their own password', async () => {
    const admin = await t.login('admin');
    const all = await admin.get('/api/accounts');
    assert.equal(all.status, 200);
    assert.equal(all.body.total, all.body.items.length);
    assert.ok(all.body.total >= 6);
    const page = await admin.get('/api/accounts?pageSize=2&page=2');
    assert.deepEqual(
      page.body.items.map((a: { id: string }) => a.id),
      all.body.items.slice(2, 4).map((a: { id: string }) => a.id),
    );
    assert.equal(page.body.total, all.body.total);
    const found = await admin.get(`/api/accounts?q=${encodeURIComponent('ha thi mai')}`);
    assert.deepEqual(
      found.body.items.map((a: { username: string }) => a.username),
      ['donvi'],
    );
    const byUnit = await admin.get(`/api/accounts?q=${encodeURIComponent('trung tam ung dung')}`);
    assert.ok(byUnit.body.items.length >= 2 && byUnit.body.items.every((a: { unitName: string }) => /Trung tâm Ứng dụng/.test(a.unitName)));
    const self = all.body.items.find((a: { username: string }) => a.username === 'admin');
    assert.ok(!self.abilities.includes('resetPassword'));
    const reset = await admin.post(`/api/accounts/${self.id}/reset-password`, { newPassword: 'MatKhauMoi2028' });
    assert.deepEqual([reset.status, reset.body.error], [400, 'account_not_allowed']);
  });
});
