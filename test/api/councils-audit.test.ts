import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { count } from 'drizzle-orm';
import { createTestApp, unitId, type Client, type TestApp } from '../helpers/app.js';
import { runCommand } from '../../src/server/commands/run.js';
import { createUnit } from '../../src/server/commands/units.js';
import { auditEvents, units } from '../../src/server/db/schema/index.js';
import type { Actor } from '../../src/server/auth/actor.js';
import { todayVn } from '../../src/server/clock.js';

describe('councils and audit', () => {
  let t: TestApp;
  let office: Client;
  before(async () => {
    t = await createTestApp();
    office = await t.login('vanphong');
  });
  after(async () => t.close());

  it('lists both councils of the Sở with their members, chair first', async () => {
    const r = await office.get('/api/councils');
    assert.equal(r.status, 200);
    const tdkt = r.body.items.find((c: { kind: string }) => c.kind === 'tdkt');
    const sk = r.body.items.find((c: { kind: string }) => c.kind === 'sang_kien');
    assert.ok(tdkt && sk);
    assert.equal(tdkt.members[0].positionLabel, 'Chủ tịch');
    assert.equal(tdkt.members[0].fullName, 'Hoàng Văn Thạch');
    assert.equal(tdkt.members.at(-1).position, 'thu_ky');
    assert.equal(tdkt.memberCount, 6);
  });

  it('creates a council for a unit, adds members, refuses a second chair and a duplicate member', async () => {
    const centre = await unitId(office, 'Trung tâm Ứng dụng');
    const c = await office.post('/api/councils', { unitId: centre, kind: 'tdkt', termStart: '2025-01-01', termEnd: '2029-12-31', establishedBy: '05/QĐ-TTUD' });
    assert.equal(c.status, 201);
    assert.equal(c.body.name, 'Hội đồng Thi đua - Khen thưởng Trung tâm Ứng dụng tiến bộ khoa học và công nghệ');
    const again = await office.post('/api/councils', { unitId: centre, kind: 'tdkt', termStart: '2025-01-01' });
    assert.equal(again.status, 409);
    const staff = (await office.get(`/api/people?unitId=${centre}`)).body.items as { id: string }[];
    assert.equal((await office.post(`/api/councils/${c.body.id}/members`, { personId: staff[0]!.id, position: 'chu_tich' })).status, 201);
    const second = await office.post(`/api/councils/${c.body.id}/members`, { personId: staff[1]!.id, position: 'chu_tich' });
    assert.equal(second.status, 409);
    assert.equal(second.body.message, 'Hội đồng đã có Chủ tịch.');
    assert.equal((await office.post(`/api/councils/${c.body.id}/members`, { personId: staff[0]!.id, position: 'uy_vien' })).status, 409);
    const badTerm = await office.put(`/api/councils/${c.body.id}`, { termStart: '2025-01-01', termEnd: '2024-01-01' });
    assert.equal(badTerm.status, 400);
    assert.match(badTerm.body.message, /sau ngày bắt đầu/);
    const detail = await office.get(`/api/councils/${c.body.id}`);
    assert.equal(detail.body.members.length, 1);
    assert.equal((await office.del(`/api/councils/${c.body.id}/members/${detail.body.members[0].id}`)).status, 200);
  });

  it('lists councils as {items,total}; an ended council refuses member changes (council_member_conflict)', async () => {
    const list = await office.get('/api/councils');
    assert.equal(list.body.total, list.body.items.length);
    const vp = await unitId(office, 'Văn phòng Sở');
    const mine = await office.get(`/api/councils?unitId=${vp}`);
    assert.equal(mine.body.total, 0);
    const c = (await office.post('/api/councils', { unitId: vp, kind: 'sang_kien', termStart: '2024-01-01' })).body;
    assert.ok(c.abilities.includes('manageMembers'));
    const ended = await office.put(`/api/councils/${c.id}`, { termStart: '2024-01-01', termEnd: '2024-12-31', active: false, version: c.version });
    assert.equal(ended.status, 200);
    assert.ok(!ended.body.abilities.includes('manageMembers'));
    const staff = (await office.get(`/api/people?unitId=${vp}`)).body.items as { id: string }[];
    const add = await office.post(`/api/councils/${c.id}/members`, { personId: staff[0]!.id, position: 'uy_vien' });
    assert.deepEqual([add.status, add.body.error], [409, 'council_member_conflict']);
    assert.match(add.body.message, /hết hiệu lực/);
    assert.equal((await office.get(`/api/councils/${c.id}`)).body.memberCount, 0);
    const stale = await office.put(`/api/councils/${c.id}`, { termStart: '2024-01-01', version: c.version });
    assert.deepEqual([stale.status, stale.body.error], [409, 'stale_version']);
  });

  it('a council member may read councils but not change them', async () => {
    const member = await t.login('hoidong');
    const list = await member.get('/api/councils');
    assert.equal(list.status, 200);
    assert.equal(
      (await member.post(`/api/councils/${list.body.items[0].id}/members`, { personId: list.body.items[0].members[0].personId, position: 'uy_vien' })).status,
      403,
    );
  });

  it('audit: each account sees only the entries of its subtree, with filters', async () => {
    const admin = await t.login('admin');
    const clerk = await t.login('donvi');
    const centre = await unitId(admin, 'Trung tâm Ứng dụng');
    await admin.post('/api/units', { parentId: centre, name: 'Tổ Kiểm định', kind: 'department' });
    await admin.post('/api/units', { parentId: t.demo.rootUnitId, name: 'Phòng Ngoài Trung tâm', kind: 'department' });
    const seen = (await clerk.get('/api/audit?action=unit.created')).body.items.map((e: { summary: string }) => e.summary);
    assert.ok(seen.some((s: string) => s.includes('Tổ Kiểm định')));
    assert.ok(!seen.some((s: string) => s.includes('Phòng Ngoài Trung tâm')));
    const all = (await admin.get('/api/audit?action=unit.created')).body.items.map((e: { summary: string }) => e.summary);
    assert.ok(all.some((s: string) => s.includes('Phòng Ngoài Trung tâm')));
    const byUser = await admin.get('/api/audit?username=admin&pageSize=200');
    assert.ok(byUser.body.items.every((e: { actorUsername: string }) => e.actorUsername === 'admin'));
    const today = todayVn(); // the API filters by the Vietnamese day, not the UTC one
    assert.ok((await admin.get(`/api/audit?from=${today}&to=${today}`)).body.total > 0);
    assert.equal((await admin.get('/api/audit?from=2000-01-01&to=2000-01-02')).body.total, 0);
    assert.equal((await admin.get('/api/audit?action=khong.co')).status, 400);
  });

  it('a write and its audit entry are stored together or not at all', async () => {
    const actor: Actor = {
      accountId: t.demo.rootUnitId,
      username: 'thu',
      displayName: 'Thử',
      role: 'admin',
      unitId: t.demo.rootUnitId,
      unitPath: `/${t.demo.rootUnitId}/`,
      personId: null,
      ip: '127.0.0.1',
    };
    const [u0] = await t.db.select({ n: count() }).from(units);
    const [a0] = await t.db.select({ n: count() }).from(auditEvents);
    await assert.rejects(
      runCommand(t.db, actor, async (ctx) => {
        await createUnit(ctx, { parentId: t.demo.rootUnitId, name: 'Phòng Sẽ Hủy', kind: 'department' });
        throw new Error('hỏng giữa chừng');
      }),
      /hỏng giữa chừng/,
    );
    const [u1] = await t.db.select({ n: count() }).from(units);
    const [a1] = await t.db.select({ n: count() }).from(auditEvents);
    assert.deepEqual([u1!.n, a1!.n], [u0!.n, a0!.n]);
  });
});
