// Issue #20, sign-in and disclosure findings, tested from outside as an attacker would try them:
// parallel wrong passwords, a password reset not followed by a change, a CCCD probed across units,
// staff reaching their unit's pledges.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, DEMO_PASSWORD, makeXlsx, unitId, type TestApp } from '../helpers/app.js';
import { makeCccd } from '../../src/shared/cccd.js';
import { buildApp } from '../../src/server/app.js';
import { hitRateLimit, purgeExpiredRateLimits } from '../../src/server/repositories/rate-limits.js';
import { accounts, rateLimits } from '../../src/server/db/schema/index.js';
import { eq } from 'drizzle-orm';

describe('security: sign-in, forced password change, disclosure', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  const loginFrom = (username: string, password: string, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

  it('20 parallel wrong passwords lock the account: the next right password answers 423', async () => {
    // From 20 addresses (as a botnet would), so that the per-address rate limit lets every attempt reach the counter.
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => loginFrom('giamdoc', `sai-mat-khau-${i}`, `10.20.0.${i + 1}`)));
    const statuses = answers.map((r) => r.statusCode);
    assert.ok(
      statuses.every((s) => s === 401 || s === 423),
      statuses.join(','),
    );
    assert.ok(statuses.includes(423), `one of the 20 attempts must be the one that locks: ${statuses.join(',')}`);
    const right = await loginFrom('giamdoc', DEMO_PASSWORD, '10.20.1.1');
    assert.equal(right.statusCode, 423, right.body);
    assert.match((JSON.parse(right.body) as { message: string }).message, /tạm khóa/);
    // Each attempt was counted once: one lock entry, the other failures numbered 1..4 (then the lock holds).
    const audit = await (await t.login('admin')).get('/api/audit?pageSize=100');
    const mine = (audit.body.items as { action: string; summary: string }[]).filter(
      (e) => /giamdoc|Đăng nhập sai/.test(e.summary) && e.action.startsWith('auth.'),
    );
    assert.equal(mine.filter((e) => e.action === 'auth.locked').length, 1, JSON.stringify(mine));
  });

  it('after an administrator resets a password, the API allows only /me, the password change and logout until it is changed', async () => {
    const admin = await t.login('admin');
    const accounts = await admin.get('/api/accounts?q=vanphong');
    const id = (accounts.body.items as { id: string; username: string }[]).find((a) => a.username === 'vanphong')!.id;
    assert.equal((await admin.post(`/api/accounts/${id}/reset-password`, { newPassword: 'DatLai-2026x' })).status, 200);
    const user = await t.login('vanphong', 'DatLai-2026x');
    const me = await user.get('/api/auth/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.user.mustChangePassword, true);
    for (const r of [
      await user.get('/api/people'),
      await user.get('/api/units'),
      await user.post('/api/units', { name: 'Phòng Mới', parentId: t.demo.rootUnitId, kind: 'department' }),
      await user.get('/api/notifications'),
    ]) {
      assert.equal(r.status, 403, JSON.stringify(r.body));
      assert.equal(r.body.error, 'password_change_required');
      assert.match(r.body.message, /đổi mật khẩu/);
    }
    // A second session of the same account may log out.
    const other = await t.login('vanphong', 'DatLai-2026x');
    assert.equal((await other.post('/api/auth/logout')).status, 200);
    assert.equal((await user.post('/api/auth/password', { currentPassword: 'DatLai-2026x', newPassword: 'TuChon-2026y' })).status, 200);
    assert.equal((await user.get('/api/auth/me')).body.user.mustChangePassword, false);
    assert.equal((await user.get('/api/people')).status, 200);
  });

  it('a CCCD already used answers the clerk the same, inside or outside its scope, naming no unit nor person', async () => {
    const admin = await t.login('admin');
    const clerk = await t.login('donvi'); // Trung tâm Ứng dụng
    const outside = await unitId(admin, 'Thanh tra Sở');
    const inside = await unitId(admin, 'Phòng Kỹ thuật - Ứng dụng');
    const cOut = makeCccd('004', 'nam', 1982, 515001);
    const cIn = makeCccd('004', 'nam', 1983, 515002);
    assert.equal((await admin.post('/api/people', { fullName: 'Bế Văn Ngoài', unitId: outside, gender: 'nam', cccd: cOut, isLeader: false })).status, 201);
    assert.equal((await admin.post('/api/people', { fullName: 'Bế Văn Trong', unitId: inside, gender: 'nam', cccd: cIn, isLeader: false })).status, 201);
    const names = /Thanh tra|Kỹ thuật|Ngoài|Trong|Sở/;
    const answers = [];
    for (const cccd of [cOut, cIn]) {
      const created = await clerk.post('/api/people', { fullName: 'Nông Văn Thử', unitId: inside, gender: 'nam', cccd, isLeader: false });
      answers.push({ status: created.status, body: created.body });
    }
    const mine = (await clerk.post('/api/people', { fullName: 'Nông Văn Sửa', unitId: inside, gender: 'nam', isLeader: false })).body;
    for (const cccd of [cOut, cIn]) {
      const updated = await clerk.put(`/api/people/${mine.id}`, { fullName: 'Nông Văn Sửa', unitId: inside, gender: 'nam', cccd, isLeader: false });
      answers.push({ status: updated.status, body: updated.body });
    }
    for (const a of answers) {
      assert.deepEqual(a, answers[0], 'the same answer whatever the unit of the other record');
      assert.equal(a.status, 409);
      assert.equal(a.body.error, 'cccd_taken');
      assert.match(a.body.message, /đã được dùng cho một hồ sơ cán bộ khác/);
      assert.doesNotMatch(JSON.stringify(a.body), names);
    }
    const sheet = await makeXlsx([
      ['Họ và tên', 'Giới tính', 'Số CCCD'],
      ['Nông Văn Một', 'Nam', cOut],
      ['Nông Văn Hai', 'Nam', cIn],
    ]);
    const preview = await clerk.importFile('/api/people/import/preview', sheet, { unitId: inside });
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    const [rowOut, rowIn] = preview.body.rows as { errors: string[] }[];
    assert.deepEqual(rowOut!.errors, rowIn!.errors);
    assert.match(rowOut!.errors.join(' '), /đã được dùng cho một hồ sơ cán bộ khác/);
    assert.doesNotMatch(rowOut!.errors.join(' '), names);
  });

  it('two app servers on one database share the login rate limit', async () => {
    const second = await buildApp({ database: t.database, config: { secureCookies: false, webDir: '/nonexistent' } });
    await second.ready();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const server = i % 2 === 0 ? t.app : second;
        const r = await server.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'khong-co-ai', password: `sai-${i}` },
          remoteAddress: '10.30.0.1',
        });
        statuses.push(r.statusCode);
      }
      // 10 a minute per address and username: 6 on each server would pass if each counted alone.
      assert.deepEqual(
        statuses.slice(0, 10),
        Array.from({ length: 10 }, () => 401),
      );
      assert.deepEqual(statuses.slice(10), [429, 429], statuses.join(','));
      const limited = await second.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'khong-co-ai', password: 'x' },
        remoteAddress: '10.30.0.1',
      });
      assert.equal(limited.statusCode, 429);
      assert.match((JSON.parse(limited.body) as { message: string }).message, /thử lại sau/);
      // Another address is counted apart.
      const other = await second.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'khong-co-ai', password: 'x' },
        remoteAddress: '10.30.0.2',
      });
      assert.equal(other.statusCode, 401);
    } finally {
      await second.close();
    }
  });

  it('rate-limit windows restart when they end, parallel hits each count, ended rows are purged', async () => {
    const hits = await Promise.all(Array.from({ length: 8 }, () => hitRateLimit(t.db, 'essai|parallel', 60_000)));
    assert.deepEqual(
      hits.map((h) => h.count).sort((a, b) => a - b),
      [1, 2, 3, 4, 5, 6, 7, 8],
    );
    // The time left is counted on the database clock: positive and never beyond the window.
    assert.ok(
      hits.every((h) => h.ttlMs > 0 && h.ttlMs <= 60_000),
      `time left outside (0, 60000]: ${JSON.stringify(hits)}`,
    );
    // A window long enough that two hits fall into it even on a loaded machine (30 ms failed under CI load).
    const WINDOW = 1500;
    assert.equal((await hitRateLimit(t.db, 'essai|court', WINDOW)).count, 1);
    assert.equal((await hitRateLimit(t.db, 'essai|court', WINDOW)).count, 2);
    await new Promise((r) => setTimeout(r, WINDOW + 100));
    assert.equal((await hitRateLimit(t.db, 'essai|court', WINDOW)).count, 1, 'a new window starts at 1');
    await new Promise((r) => setTimeout(r, WINDOW + 100));
    await purgeExpiredRateLimits(t.db);
    const keys = (await t.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
    assert.ok(!keys.includes('essai|court') && keys.includes('essai|parallel'), keys.join(','));
  });

  it("staff may not read their unit's pledges nor the signed documents; the unit's clerk, the council and the head may", async () => {
    const clerk = await t.login('donvi');
    const staff = await t.login('canhan'); // same unit as donvi
    const ttud = await unitId(clerk, 'Trung tâm Ứng dụng');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.alloc(2000, 32), Buffer.from('\n%%EOF\n')]);
    const created = await clerk.upload(
      '/api/pledges',
      pdf,
      { unitId: ttud, title: 'Giao ước thi đua của Trung tâm', year: '2026', signedDate: '2026-02-01', parties: 'Phòng A; Phòng B' },
      'giao-uoc.pdf',
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id as string;
    assert.ok(!(await staff.get('/api/auth/me')).body.user.abilities.registration.includes('readPledges'));
    for (const r of [await staff.get('/api/pledges'), await staff.get(`/api/pledges/${id}/document`)]) {
      assert.equal(r.status, 403, JSON.stringify(r.body));
      assert.equal(r.body.error, 'forbidden');
    }
    // The head's account was locked by the first test of this file.
    await t.db.update(accounts).set({ lockedUntil: null, failedAttempts: 0 }).where(eq(accounts.username, 'giamdoc'));
    for (const who of ['donvi', 'hoidong', 'giamdoc', 'admin']) {
      const c = await t.login(who);
      const list = await c.get('/api/pledges?year=2026');
      assert.equal(list.status, 200, `${who}: ${JSON.stringify(list.body)}`);
      assert.ok(
        (list.body.items as { id: string }[]).some((p) => p.id === id),
        who,
      );
      assert.equal((await c.get(`/api/pledges/${id}/document`)).status, 200, who);
    }
  });
});
