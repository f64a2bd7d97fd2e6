/**
 * The candidates list at scale: the members of every collective come from a few set-based queries
 * (the same answer as the per-unit lookup), and a page of a 2,000-person unit builds the reasons
 * of that page only.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { buildUnit } from '../helpers/factories.js';
import { people, personTransfers, units } from '../../src/server/db/schema/index.js';
import { membersInYear, membersInYearOfUnits } from '../../src/server/repositories/records.js';
import { candidatesIn } from '../../src/server/records/eligibility.js';
import { vietnameseNameSortKey } from '../../src/shared/vietnamese.js';

describe('candidates list at scale', () => {
  let t: TestApp;
  let admin: Client;
  let office: Client;
  let big: { id: string; path: string };

  before(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    office = await t.login('vanphong');
    const u = await buildUnit(admin, { parentId: t.demo.rootUnitId, name: 'Bệnh viện Đa khoa thử' });
    const [row] = await t.db.select().from(units).where(eq(units.id, u.id));
    big = { id: row!.id, path: row!.path };
    const family = ['Nguyễn', 'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng'];
    const rows = Array.from({ length: 2_000 }, (_, i) => {
      const fullName = `${family[i % family.length]} Văn Thử ${i}`;
      return { unitId: big.id, fullName, sortKey: vietnameseNameSortKey(fullName), gender: 'nam', birthDate: '1985-05-20', employmentType: 'cong_chuc' };
    });
    for (let i = 0; i < rows.length; i += 1_000) await t.db.insert(people).values(rows.slice(i, i + 1_000));
  });
  after(async () => t.close());

  it('members of every unit in one pass equal the per-unit lookup, transfers during the year included', async () => {
    const root = (await t.db.select().from(units).where(eq(units.id, t.demo.rootUnitId)))[0]!;
    const all = await t.db.select().from(units);
    const inTree = all.filter((u) => u.path.startsWith(root.path) && u.id !== big.id);
    // Someone who moved from one demo unit to another in mid-2024 belongs to both that year.
    const [from, to] = inTree.filter((u) => u.depth > 0);
    const [mover] = await t.db.select().from(people).where(eq(people.unitId, from!.id)).limit(1);
    await t.db.update(people).set({ unitId: to!.id }).where(eq(people.id, mover!.id));
    await t.db.insert(personTransfers).values({ personId: mover!.id, fromUnitId: from!.id, toUnitId: to!.id, effectiveDate: '2024-07-01' });
    for (const year of [2023, 2024, 2025]) {
      const many = await membersInYearOfUnits(
        t.db,
        root.path,
        inTree.map((u) => u.id),
        year,
      );
      for (const u of inTree) assert.deepEqual([...many.get(u.id)!].sort(), (await membersInYear(t.db, u.path, year)).sort(), `${u.name} ${year}`);
    }
    const y2024 = await membersInYearOfUnits(t.db, root.path, [from!.id, to!.id], 2024);
    assert.ok(y2024.get(from!.id)!.includes(mover!.id) && y2024.get(to!.id)!.includes(mover!.id));
    const y2025 = await membersInYearOfUnits(t.db, root.path, [from!.id, to!.id], 2025);
    assert.ok(!y2025.get(from!.id)!.includes(mover!.id) && y2025.get(to!.id)!.includes(mover!.id));
  });

  it('a page of a 2,000-person unit explains only the rows of the page', async () => {
    const res = await candidatesIn(t.db, big, 2024, '2025-01-15', 'LDTT', { sort: 'result', order: 'asc' }, { page: 3, pageSize: 20 });
    assert.equal(res.total, 2_000, 'Lao động tiên tiến is for individuals: the 2,000 people');
    assert.equal(res.items.length, 20);
    assert.equal(res.explained, 20);
    for (const r of res.items) assert.ok(r.outcomes.every((o) => Array.isArray(o.reasons) && o.reasons.length > 0));
    // The summary still counts everyone.
    const s = res.summary.find((x) => x.honor === 'LDTT')!;
    assert.equal(s.eligible + s.undetermined + s.ineligible, 2_000);
  });

  it('the API answers the page with reasons and the total of the whole list', async () => {
    const r = await office.get(`/api/candidates?unitId=${big.id}&year=2024&decisionDate=2025-01-15&honor=LDTT&page=2&pageSize=50`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.total, 2_000);
    assert.equal(r.body.items.length, 50);
    assert.equal(r.body.explained, undefined, 'the diagnostic count stays off the contract');
    assert.ok(r.body.items.every((i: { outcomes: { reasons?: unknown[] }[] }) => i.outcomes.every((o) => Array.isArray(o.reasons))));
  });
});
