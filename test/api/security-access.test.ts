// Issue #20, sign-in and disclosure findings, tested from outside as an attacker would try them:
// parallel wrong passwords, a password reset not followed by a change, a CCCD probed across units,
// staff reaching their unit's pledges.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../helpers/app.js';

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
    assert.ok(statuses.every((s) => s === 401 || s === 423), statuses.join(','));
    assert.ok(statuses.includes(423), `one of the 20 attempts must be the one that locks: ${statuses.join(',')}`);
    const right = await loginFrom('giamdoc', DEMO_PASSWORD, '10.20.1.1');
    assert.equal(right.statusCode, 423, right.body);
    assert.match((JSON.parse(right.body) as { message: string }).message, /tạm khóa/);
    // Each attempt was counted once: one lock entry, the other failures numbered 1..4 (then the lock holds).
    const audit = await (await t.login('admin')).get('/api/audit?pageSize=100');
    const mine = (audit.body.items as { action: string; summary: string }[]).filter((e) => /giamdoc|Đăng nhập sai/.test(e.summary) && e.action.startsWith('auth.'));
    assert.equal(mine.filter((e) => e.action === 'auth.locked').length, 1, JSON.stringify(mine));
  });
});
