import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, unitId, type Client, type TestApp } from '../helpers/app.js';

describe('unit tree: create, rename, move, merge, deactivate, delete', () => {
  let t: TestApp;
  let admin: Client;
  before(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  after(async () => t.close());

  const auditFor = async (entityId: string) =>
    (await admin.get(`/api/audit?entityId=${entityId}&pageSize=50`)).body.items as {
      action: string;
      summary: string;
      before: unknown;
      after: unknown;
      ip: string;
      actorUsername: string;
    }[];

  it('returns the visible tree, nested, with staff counts', async () => {
    const r = await admin.get('/api/units');
    assert.equal(r.status, 200);
    assert.equal(r.body.tree.length, 1);
    const root = r.body.tree[0];
    assert.equal(root.name, 'Sở Khoa học và Công nghệ tỉnh Cao Bằng');
    const kinds = new Set(root.children.map((c: { kind: string }) => c.kind));
    for (const k of ['office', 'department', 'subordinate', 'union']) assert.ok(kinds.has(k), k);
    const centre = root.children.find((c: { code: string }) => c.code === 'TTUD');
    assert.equal(centre.children[0].name, 'Phòng Kỹ thuật - Ứng dụng');
    assert.ok(centre.staffCount > 0);
  });

  it('a clerk sees only its own unit and below', async () => {
    const clerk = await t.login('donvi');
    const r = await clerk.get('/api/units');
    assert.deepEqual(r.body.items.map((u: { code: string }) => u.code).sort(), ['KTUD', 'TTUD']);
  });

  it('creates a unit, with its audit entry (who, IP, after)', async () => {
    const r = await admin.post('/api/units', { parentId: t.demo.rootUnitId, name: '  Phòng   Thông tin  ', kind: 'department', code: 'TT-TK' });
    assert.equal(r.status, 201);
    assert.equal(r.body.name, 'Phòng Thông tin');
    const events = await auditFor(r.body.id);
    assert.equal(events[0]!.action, 'unit.created');
    assert.equal(events[0]!.actorUsername, 'admin');
    assert.ok(events[0]!.ip);
    assert.deepEqual((events[0]!.after as { name: string }).name, 'Phòng Thông tin');
  });

  it('renames with optimistic locking: a stale version gets 409 and nothing changes', async () => {
    const id = await unitId(admin, 'Thanh tra Sở');
    const cur = await admin.get(`/api/units/${id}`);
    const ok = await admin.put(`/api/units/${id}`, { name: 'Thanh tra Sở Khoa học và Công nghệ', kind: 'department', code: 'TTr', version: cur.body.version });
    assert.equal(ok.status, 200);
    const stale = await admin.put(`/api/units/${id}`, { name: 'Tên cũ', kind: 'department', version: cur.body.version });
    assert.equal(stale.status, 409);
    assert.match(stale.body.message, /người khác sửa/);
    assert.equal((await admin.get(`/api/units/${id}`)).body.name, 'Thanh tra Sở Khoa học và Công nghệ');
    const ev = (await auditFor(id)).find((e) => e.action === 'unit.updated')!;
    assert.deepEqual([(ev.before as { name: string }).name, (ev.after as { name: string }).name], ['Thanh tra Sở', 'Thanh tra Sở Khoa học và Công nghệ']);
  });

  it('refuses bad input with Vietnamese messages and stores nothing', async () => {
    const before = (await admin.get('/api/units?includeInactive=true')).body.items.length;
    const long = await admin.post('/api/units', { parentId: t.demo.rootUnitId, name: 'x'.repeat(201), kind: 'department' });
    assert.equal(long.status, 400);
    assert.match(long.body.message, /Tên đơn vị quá dài/);
    const kind = await admin.post('/api/units', { parentId: t.demo.rootUnitId, name: 'Phòng A', kind: 'phong' });
    assert.match(kind.body.message, /Loại đơn vị không hợp lệ/);
    const missing = await admin.post('/api/units', { name: 'Phòng A', kind: 'department' });
    assert.equal(missing.status, 400);
    const badId = await admin.get('/api/units/khong-phai-uuid');
    assert.equal(badId.status, 400);
    assert.match(badId.body.message, /Mã đơn vị không hợp lệ/);
    assert.equal((await admin.get('/api/units?includeInactive=true')).body.items.length, before);
  });

  it('moves a unit with its subtree, and refuses a move under its own child', async () => {
    const centre = await unitId(admin, 'Trung tâm Ứng dụng');
    const tech = await unitId(admin, 'Phòng Kỹ thuật - Ứng dụng');
    const cycle = await admin.post(`/api/units/${centre}/move`, { parentId: tech });
    assert.equal(cycle.status, 400);
    assert.match(cycle.body.message, /cấp dưới của nó/);
    const self = await admin.post(`/api/units/${centre}/move`, { parentId: centre });
    assert.equal(self.status, 400);

    const office = await unitId(admin, 'Văn phòng Sở');
    const moved = await admin.post(`/api/units/${centre}/move`, { parentId: office });
    assert.equal(moved.status, 200);
    const tree = (await admin.get('/api/units')).body.items as { id: string; parentId: string; depth: number }[];
    assert.equal(tree.find((u) => u.id === centre)!.parentId, office);
    assert.equal(tree.find((u) => u.id === tech)!.depth, 3, 'the subtree moved along');
    // The clerk of the centre still sees its subtree after the move.
    const clerk = await t.login('donvi');
    assert.equal((await clerk.get('/api/units')).body.items.length, 2);
    await admin.post(`/api/units/${centre}/move`, { parentId: t.demo.rootUnitId });
  });

  it('refuses to delete or deactivate a unit that still has staff', async () => {
    const id = await unitId(admin, 'Phòng Kế hoạch - Tài chính');
    const del = await admin.del(`/api/units/${id}`);
    assert.equal(del.status, 400);
    assert.match(del.body.message, /còn \d+ cán bộ/);
    const deact = await admin.post(`/api/units/${id}/deactivate`);
    assert.equal(deact.status, 400);
    assert.ok((await admin.get(`/api/units/${id}`)).body.active);
  });

  it('deletes an empty unit created by mistake', async () => {
    const r = await admin.post('/api/units', { parentId: t.demo.rootUnitId, name: 'Phòng tạo nhầm', kind: 'department' });
    assert.equal((await admin.del(`/api/units/${r.body.id}`)).status, 200);
    assert.equal((await admin.get(`/api/units/${r.body.id}`)).status, 404);
  });

  it('merges a unit: staff and sub-units follow, the source stays inactive with a pointer, transfers are recorded', async () => {
    const source = await unitId(admin, 'Phòng Quản lý công nghệ');
    const target = await unitId(admin, 'Phòng Quản lý khoa học');
    const sub = await admin.post('/api/units', { parentId: source, name: 'Tổ Sở hữu trí tuệ', kind: 'department' });
    const staffBefore = (await admin.get(`/api/people?unitId=${source}&includeSubunits=false`)).body.items as { id: string }[];
    assert.ok(staffBefore.length > 0);
    const r = await admin.post(`/api/units/${source}/merge`, { targetId: target, effectiveDate: '2025-07-01' });
    assert.equal(r.status, 200);
    assert.equal(r.body.active, false);
    assert.equal(r.body.mergedIntoId, target);
    assert.equal((await admin.get(`/api/people?unitId=${source}&includeSubunits=false`)).body.total, 0);
    const p = await admin.get(`/api/people/${staffBefore[0]!.id}`);
    assert.equal(p.body.unitId, target);
    assert.equal(p.body.transfers.at(-1).fromUnitId, source);
    assert.match(p.body.transfers.at(-1).reason, /Sáp nhập/);
    assert.equal((await admin.get(`/api/units/${sub.body.id}`)).body.parentId, target);
    assert.equal((await admin.post(`/api/units/${source}/reactivate`)).status, 400, 'a merged unit cannot come back');
    const into = await admin.post(`/api/units/${target}/merge`, { targetId: sub.body.id, effectiveDate: '2025-07-01' });
    assert.equal(into.status, 400, 'cannot merge into its own child');
  });

  it('deactivates and reactivates an empty unit', async () => {
    const id = await unitId(admin, 'Chi hội Cựu chiến binh');
    assert.equal((await admin.post(`/api/units/${id}/deactivate`)).body.active, false);
    assert.ok(!(await admin.get('/api/units')).body.items.some((u: { id: string }) => u.id === id));
    assert.equal((await admin.post(`/api/units/${id}/reactivate`)).body.active, true);
  });

  it('a clerk may read units but not create them (403), and cannot touch the root of its reach', async () => {
    const clerk = await t.login('donvi');
    const r = await clerk.post('/api/units', { parentId: await unitId(clerk, 'Trung tâm'), name: 'Tổ mới', kind: 'department' });
    assert.equal(r.status, 403);
    const office = await t.login('vanphong');
    const root = await office.post(`/api/units/${t.demo.rootUnitId}/deactivate`);
    assert.equal(root.status, 400);
  });

  it("sends the unit policy's answer as abilities, and names the refusals", async () => {
    const id = await unitId(admin, 'Chi đoàn Thanh niên');
    const before = await admin.get(`/api/units/${id}`);
    assert.ok(['create', 'move', 'merge', 'deactivate', 'delete'].every((a) => before.body.abilities.includes(a)));
    const off = await admin.post(`/api/units/${id}/deactivate`);
    assert.equal(off.status, 200);
    assert.ok(!off.body.abilities.includes('create') && !off.body.abilities.includes('move') && !off.body.abilities.includes('merge'));
    const child = await admin.post('/api/units', { parentId: id, name: 'Tổ Thanh niên', kind: 'department' });
    assert.deepEqual([child.status, child.body.error], [400, 'unit_not_allowed']);
    const move = await admin.post(`/api/units/${id}/move`, { parentId: await unitId(admin, 'Văn phòng Sở') });
    assert.deepEqual([move.status, move.body.error], [400, 'unit_not_allowed']);
    assert.equal((await admin.post(`/api/units/${id}/reactivate`)).status, 200);
    const own = (await admin.get(`/api/units/${t.demo.rootUnitId}`)).body.abilities as string[];
    assert.ok(!own.includes('delete') && !own.includes('move') && own.includes('create'));
    const busy = await admin.del(`/api/units/${await unitId(admin, 'Thanh tra Sở')}`);
    assert.deepEqual([busy.status, busy.body.error], [400, 'unit_in_use']);
    const stale = await admin.put(`/api/units/${id}`, { name: 'Chi đoàn Thanh niên Sở', kind: 'union', version: 1 });
    assert.deepEqual([stale.status, stale.body.error], [409, 'stale_version']);
  });
});
