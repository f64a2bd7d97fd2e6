import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, unitId, type Client, type TestApp } from '../helpers/app.js';
import { makeCccd } from '../../src/shared/cccd.js';

describe('staff: create, validate, search, sort, transfer, scope', () => {
  let t: TestApp;
  let admin: Client;
  let office: string;
  before(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    office = await unitId(admin, 'Văn phòng Sở');
  });
  after(async () => t.close());

  it('finds "Nguyễn Văn Đức" by "nguyen van duc", and by words in any order', async () => {
    for (const q of ['nguyen van duc', 'NGUYEN VAN DUC', 'duc nguyen', 'Nguyễn Văn Đức']) {
      const r = await admin.get(`/api/people?q=${encodeURIComponent(q)}`);
      assert.equal(r.status, 200);
      assert.ok(
        r.body.items.some((p: { fullName: string }) => p.fullName === 'Nguyễn Văn Đức'),
        q,
      );
      assert.ok(
        r.body.items.every((p: { fullName: string }) => /đức/i.test(p.fullName)),
        q,
      );
    }
  });

  it('pages on the server and returns the total', async () => {
    const all = await admin.get('/api/people?pageSize=200');
    assert.ok(all.body.total >= 55 && all.body.total <= 70, `demo has ${all.body.total} staff`);
    const p1 = await admin.get('/api/people?pageSize=10&page=1');
    const p2 = await admin.get('/api/people?pageSize=10&page=2');
    assert.equal(p1.body.items.length, 10);
    assert.equal(p1.body.total, all.body.total);
    assert.deepEqual(
      p2.body.items.map((p: { id: string }) => p.id),
      all.body.items.slice(10, 20).map((p: { id: string }) => p.id),
    );
    const big = await admin.get('/api/people?pageSize=1000');
    assert.equal(big.status, 400);
    assert.match(big.body.message, /tối đa là 200/);
  });

  it('sorts Vietnamese names by given name, then the rest', async () => {
    const names = ['Trần Văn Bình', 'Nguyễn Thị An', 'Lê Văn Ân', 'Phạm Thị Anh', 'Đỗ Văn Đạt', 'Bùi Văn Dũng'];
    const u = await admin.post('/api/units', { parentId: t.demo.rootUnitId, name: 'Tổ Sắp xếp', kind: 'department' });
    for (const fullName of names) assert.equal((await admin.post('/api/people', { fullName, unitId: u.body.id, isLeader: false })).status, 201);
    const r = await admin.get(`/api/people?unitId=${u.body.id}`);
    assert.deepEqual(
      r.body.items.map((p: { fullName: string }) => p.fullName), // â is a letter of its own after a (An < Anh < Ân); đ comes after d.
      ['Nguyễn Thị An', 'Phạm Thị Anh', 'Lê Văn Ân', 'Trần Văn Bình', 'Bùi Văn Dũng', 'Đỗ Văn Đạt'],
    );
  });

  it('filters by unit subtree, leader, employment type, gender', async () => {
    const centre = await unitId(admin, 'Trung tâm Ứng dụng');
    const withSub = await admin.get(`/api/people?unitId=${centre}`);
    const without = await admin.get(`/api/people?unitId=${centre}&includeSubunits=false`);
    assert.ok(withSub.body.total > without.body.total);
    const leaders = await admin.get('/api/people?isLeader=true&pageSize=200');
    assert.ok(leaders.body.items.length > 0 && leaders.body.items.every((p: { isLeader: boolean }) => p.isLeader));
    const women = await admin.get('/api/people?gender=nu&employmentType=vien_chuc&pageSize=200');
    assert.ok(women.body.items.every((p: { gender: string; employmentType: string }) => p.gender === 'nu' && p.employmentType === 'vien_chuc'));
  });

  it('creates a person with a valid CCCD; refuses invalid and duplicate CCCDs, storing nothing', async () => {
    const cccd = makeCccd('004', 'nu', 1991, 424242);
    const ok = await admin.post('/api/people', {
      fullName: 'Nông Thị Lan',
      unitId: office,
      gender: 'nu',
      birthDate: '1991-05-02',
      cccd,
      isLeader: false,
      employmentType: 'cong_chuc',
      position: 'Chuyên viên',
    });
    assert.equal(ok.status, 201);
    const dup = await admin.post('/api/people', { fullName: 'Người Khác', unitId: office, cccd, isLeader: false });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.message, 'Số CCCD này đã được dùng cho một hồ sơ cán bộ khác; liên hệ Văn phòng để kiểm tra.');
    const cases: [unknown, RegExp][] = [
      [{ cccd: '12345' }, /đúng 12 chữ số/],
      [{ cccd: '003190000001' }, /mã tỉnh/],
      [{ cccd: makeCccd('004', 'nam', 1991, 5), gender: 'nu' }, /giới tính/],
      [{ cccd: makeCccd('004', 'nu', 1985, 5), gender: 'nu', birthDate: '1991-05-02' }, /năm sinh/],
      [{ birthDate: '1991-02-30' }, /không tồn tại/],
      [{ fullName: 'A' }, /ít nhất 2 ký tự/],
      [{ fullName: 'x'.repeat(121) }, /quá dài/],
      [{ email: 'khong-phai-email' }, /Thư điện tử không hợp lệ/],
    ];
    const total = (await admin.get('/api/people')).body.total;
    for (const [patch, re] of cases) {
      const r = await admin.post('/api/people', { fullName: 'Người Thử', unitId: office, isLeader: false, ...(patch as object) });
      assert.equal(r.status, 400, JSON.stringify(patch));
      assert.match(r.body.message, re);
    }
    assert.equal((await admin.get('/api/people')).body.total, total);
  });

  it('edits with optimistic locking and refuses a unit change outside "transfer"', async () => {
    const p = (await admin.get('/api/people?q=nguyen%20van%20duc')).body.items[0];
    const base = { fullName: p.fullName, unitId: p.unitId, isLeader: false, gender: p.gender, birthDate: p.birthDate, cccd: p.cccd };
    const ok = await admin.put(`/api/people/${p.id}`, { ...base, position: 'Chuyên viên chính', version: p.version });
    assert.equal(ok.status, 200);
    assert.equal((await admin.put(`/api/people/${p.id}`, { ...base, position: 'X', version: p.version })).status, 409);
    const move = await admin.put(`/api/people/${p.id}`, { ...base, unitId: t.demo.rootUnitId, version: ok.body.version });
    assert.equal(move.status, 400);
    assert.match(move.body.message, /Điều chuyển/);
  });

  it('transfers keep the history', async () => {
    const p = (await admin.get('/api/people?q=nguyen%20van%20duc')).body.items[0];
    const inspect = await unitId(admin, 'Thanh tra');
    const r = await admin.post(`/api/people/${p.id}/transfer`, { toUnitId: inspect, effectiveDate: '2025-03-01', reason: 'Điều động' });
    assert.equal(r.status, 200);
    const detail = await admin.get(`/api/people/${p.id}`);
    assert.equal(detail.body.unitId, inspect);
    assert.equal(detail.body.transfers.length, 1);
    assert.equal(detail.body.transfers[0].fromUnitName, 'Văn phòng Sở');
    assert.equal((await admin.post(`/api/people/${p.id}/transfer`, { toUnitId: inspect, effectiveDate: '2025-03-01' })).status, 400);
  });

  it('scopes people: a clerk gets 404 outside its unit, staff see only themselves', async () => {
    const clerk = await t.login('donvi');
    const duc = (await admin.get('/api/people?q=nguyen%20van%20duc')).body.items[0];
    assert.equal((await clerk.get(`/api/people/${duc.id}`)).status, 404);
    assert.equal((await clerk.get('/api/people?q=nguyen%20van%20duc')).body.total, 0);
    const staff = await t.login('canhan');
    const mine = await staff.get('/api/people');
    assert.equal(mine.body.total, 1);
    assert.equal(mine.body.items[0].fullName, 'Lý Thị Phương');
    assert.equal((await staff.get(`/api/people/${duc.id}`)).status, 404);
    assert.equal((await staff.post('/api/people', { fullName: 'Tự Thêm', unitId: mine.body.items[0].unitId, isLeader: false })).status, 403);
  });

  it('deactivates a person (retired) and keeps them out of active lists', async () => {
    const p = (await admin.post('/api/people', { fullName: 'Hoàng Văn Nghỉ', unitId: office, isLeader: false })).body;
    assert.equal((await admin.post(`/api/people/${p.id}/deactivate`, { reason: 'Nghỉ hưu' })).body.active, false);
    const active = await admin.get('/api/people?active=true&q=hoang%20van%20nghi');
    assert.equal(active.body.total, 0);
  });

  it('sorts the list on the server by birth date, unit or position, and refuses an unknown column', async () => {
    const r = await admin.get('/api/people?sort=birthDate&order=desc&pageSize=200');
    assert.equal(r.status, 200);
    const dates = (r.body.items as { birthDate: string | null }[]).map((p) => p.birthDate).filter((d): d is string => d !== null);
    assert.ok(dates.length > 10);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const byUnit = (await admin.get('/api/people?sort=unit&pageSize=200')).body.items as { unitName: string }[];
    // The database's collation orders the names; what holds everywhere is that each unit is one block.
    const blocks = byUnit.map((p) => p.unitName).filter((n, i, all) => i === 0 || all[i - 1] !== n);
    assert.equal(new Set(blocks).size, blocks.length, 'each unit forms one block');
    const page2 = await admin.get('/api/people?sort=birthDate&order=desc&pageSize=10&page=2');
    assert.deepEqual(
      page2.body.items.map((p: { id: string }) => p.id),
      r.body.items.slice(10, 20).map((p: { id: string }) => p.id),
    );
    const bad = await admin.get('/api/people?sort=cccd');
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /Cột sắp xếp không hợp lệ/);
  });

  it("names its refusals: cccd_taken, stale_version; the abilities follow the person's state", async () => {
    const cccd = makeCccd('004', 'nam', 1980, 777001);
    assert.equal((await admin.post('/api/people', { fullName: 'Lục Văn Một', unitId: office, gender: 'nam', cccd, isLeader: false })).status, 201);
    const dup = await admin.post('/api/people', { fullName: 'Lục Văn Hai', unitId: office, cccd, isLeader: false });
    assert.deepEqual([dup.status, dup.body.error], [409, 'cccd_taken']);
    const p = (await admin.post('/api/people', { fullName: 'Đinh Văn Ba', unitId: office, isLeader: false })).body;
    assert.ok(p.abilities.includes('transfer'));
    const stale = await admin.put(`/api/people/${p.id}`, { fullName: 'Đinh Văn Ba', unitId: office, isLeader: true, version: p.version + 5 });
    assert.deepEqual([stale.status, stale.body.error], [409, 'stale_version']);
    const off = await admin.post(`/api/people/${p.id}/deactivate`, { reason: 'Thôi việc' });
    assert.ok(!off.body.abilities.includes('transfer'), 'no transfer offered for someone no longer followed');
    const moved = await admin.post(`/api/people/${p.id}/transfer`, { toUnitId: t.demo.rootUnitId, effectiveDate: '2025-03-01' });
    assert.deepEqual([moved.status, moved.body.error], [400, 'person_not_allowed']);
    assert.match(moved.body.message, /ngừng theo dõi/);
    assert.equal((await admin.get(`/api/people/${p.id}`)).body.unitId, office, 'nothing moved');
  });
});
