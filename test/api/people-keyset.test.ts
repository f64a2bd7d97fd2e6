/** The staff list past a few thousand rows: keyset pages, the total counted once and dropped on a write, the common-name search. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { buildPerson, buildUnit } from '../helpers/factories.js';
import { people } from '../../src/server/db/schema/index.js';
import { LARGE_TOTAL } from '../../src/server/repositories/list-totals.js';
import { vietnameseNameSortKey } from '../../src/shared/vietnamese.js';

const N = 6_000;

describe('staff list at scale', () => {
  let t: TestApp;
  let admin: Client;
  let unitId: string;

  before(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    unitId = (await buildUnit(admin, { parentId: t.demo.rootUnitId, name: 'Trường Thử Nghiệm' })).id;
    const family = ['Nguyễn', 'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Đặng'];
    const given = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Thảo', 'Yến'];
    const rows = Array.from({ length: N }, (_, i) => {
      const fullName = `${family[i % family.length]} Văn ${given[(i * 7) % given.length]} ${i % 10}`;
      return { unitId, fullName, sortKey: vietnameseNameSortKey(fullName), gender: 'nam', birthDate: '1985-05-20', employmentType: 'cong_chuc' };
    });
    for (let i = 0; i < rows.length; i += 1_000) await t.db.insert(people).values(rows.slice(i, i + 1_000));
  });
  after(async () => t.close());

  it('keyset pages walk the same rows in the same order as offset pages, without gaps or repeats', async () => {
    assert.ok(N >= LARGE_TOTAL, 'the list is past the cached-total threshold');
    const byOffset: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const r = await admin.get(`/api/people?unitId=${unitId}&pageSize=200&page=${page}`);
      assert.equal(r.status, 200);
      byOffset.push(...r.body.items.map((p: { id: string }) => p.id));
    }
    const byKeyset: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const r = await admin.get(`/api/people?unitId=${unitId}&pageSize=200${cursor ? `&after=${cursor}` : ''}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.total, N);
      byKeyset.push(...r.body.items.map((p: { id: string }) => p.id));
      cursor = r.body.nextCursor;
      if (!cursor) break;
    }
    assert.equal(byKeyset.length, N);
    assert.equal(new Set(byKeyset).size, N);
    assert.deepEqual(byKeyset.slice(0, 600), byOffset);
    // Descending by keyset is the reverse walk.
    const d1 = await admin.get(`/api/people?unitId=${unitId}&pageSize=100&order=desc`);
    const d2 = await admin.get(`/api/people?unitId=${unitId}&pageSize=100&order=desc&after=${d1.body.nextCursor}`);
    assert.deepEqual(
      [...d1.body.items, ...d2.body.items].map((p: { id: string }) => p.id),
      byKeyset.slice(-200).reverse(),
    );
  });

  it('a write drops the cached total; a short last page is exact', async () => {
    assert.equal((await admin.get(`/api/people?unitId=${unitId}&pageSize=10`)).body.total, N);
    await buildPerson(admin, { unitId, fullName: 'Nguyễn Thị Mới' });
    assert.equal((await admin.get(`/api/people?unitId=${unitId}&pageSize=10`)).body.total, N + 1);
    const last = await admin.get(`/api/people?unitId=${unitId}&pageSize=200&page=31`);
    assert.equal(last.body.items.length, 1);
    assert.equal(last.body.total, N + 1);
  });

  it('the common-name search finds every Nguyễn in name order; a rare word still narrows it', async () => {
    const r = await admin.get(`/api/people?unitId=${unitId}&pageSize=200&q=nguyen`);
    assert.equal(r.status, 200);
    assert.equal(r.body.total, N / 3 + 1);
    assert.ok(r.body.items.every((p: { fullName: string }) => p.fullName.startsWith('Nguyễn')));
    const keys = r.body.items.map((p: { fullName: string }) => vietnameseNameSortKey(p.fullName));
    assert.deepEqual(
      keys,
      [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    const rare = await admin.get(`/api/people?unitId=${unitId}&pageSize=200&q=nguyen%20thao`);
    assert.ok(rare.body.total > 0 && rare.body.total < N / 3);
    assert.ok(rare.body.items.every((p: { fullName: string }) => p.fullName.startsWith('Nguyễn') && p.fullName.includes('Thảo')));
  });

  it('refuses a forged cursor in Vietnamese', async () => {
    const r = await admin.get(`/api/people?unitId=${unitId}&after=khong-phai-con-tro`);
    assert.equal(r.status, 400);
    assert.match(r.body.message, /Con trỏ trang/);
  });
});
