import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { buildUnit } from '../helpers/factories.js';
import { setClock, instantVn } from '../../src/server/clock.js';
import { honorAwardFactsDrift, rebuildHonorAwardFacts } from '../../src/server/repositories/dashboard.js';
import { honorAwardFacts } from '../../src/server/db/schema/index.js';
import { sql } from 'drizzle-orm';

/**
 * The dashboard reads honor_award_facts, a pre-aggregate the database keeps by triggers. Every way
 * an honor or its holder changes through the product (recording, editing, revoking, deleting, a
 * transfer, a person's leader/gender/employment edit) must leave it equal to a recount, and the
 * dashboard must show the change at once.
 */
describe('dashboard pre-aggregate (honor_award_facts) stays exact', () => {
  let t: TestApp;
  let admin: Client;
  let office: Client;
  const u: Record<string, string> = {};
  const p: Record<string, string> = {};
  const honorIds: string[] = [];

  const noDrift = async (when: string) => assert.deepEqual(await honorAwardFactsDrift(t.db), [], `drift after ${when}`);
  const totals = async () => (await office.get('/api/dashboard?year=2033')).body.totals as { collective: number; individual: number; amount: number };
  const byUnit = async (id: string) =>
    ((await office.get('/api/dashboard?year=2033')).body.byUnit as { unitId: string; individual: number; collective: number }[]).find((x) => x.unitId === id);

  before(async () => {
    setClock(instantVn('2033-03-01', '09:00'));
    t = await createTestApp();
    admin = await t.login('admin');
    office = await t.login('vanphong');
    for (const k of ['Kế toán', 'Nhân sự']) u[k] = (await buildUnit(admin, { parentId: t.demo.rootUnitId, name: `Phòng ${k} Tổng hợp` })).id;
    for (const [k, unit, gender] of [
      ['lan', 'Kế toán', 'nu'],
      ['hung', 'Kế toán', 'nam'],
      ['thao', 'Nhân sự', 'nu'],
    ] as const) {
      const r = await admin.post('/api/people', { unitId: u[unit], fullName: `Trần Thị ${k}`, gender, isLeader: false, employmentType: 'cong_chuc' });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      p[k] = r.body.id;
    }
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  it('starts equal to a recount of the demo data', async () => {
    await noDrift('the demo seed');
    const [row] = await t.db.select({ n: sql<number>`coalesce(sum(${honorAwardFacts.n}), 0)::int` }).from(honorAwardFacts);
    assert.ok(Number(row!.n) > 0, 'the demo has honors, so the pre-aggregate is not empty');
  });

  it('follows recording, editing, revoking and deleting honors', async () => {
    const before = await totals();
    const add = async (body: object) => {
      const r = await admin.post('/api/records/honors', { year: 2033, decisionDate: '2033-01-20', ...body });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      honorIds.push(r.body.id);
      return r.body;
    };
    await add({ personId: p.lan, honor: 'LDTT', amount: 702000 });
    await add({ personId: p.hung, honor: 'LDTT', amount: 702000 });
    const cs = await add({ personId: p.thao, honor: 'CSTDCS', amount: 2340000 });
    await add({ unitId: u['Nhân sự'], honor: 'TTLDTT', amount: 1170000 });
    await noDrift('recording');
    let now = await totals();
    assert.deepEqual(now, { collective: before.collective + 1, individual: before.individual + 3, amount: before.amount + 702000 * 2 + 2340000 + 1170000 });

    // An edit that moves the honor to another month and amount.
    const edit = await admin.put(`/api/records/honors/${cs.id}`, {
      honor: 'CSTDCS',
      year: 2033,
      decisionDate: '2033-05-02',
      amount: 2500000,
      version: cs.version,
    });
    assert.equal(edit.status, 200, JSON.stringify(edit.body));
    await noDrift('an edit');
    const d = (await office.get('/api/dashboard?year=2033')).body;
    assert.equal(d.byMonth.find((x: { month: number }) => x.month === 5)?.individual, 1);
    assert.equal((await totals()).amount, before.amount + 702000 * 2 + 2500000 + 1170000);

    // Moved to another year: it leaves 2033.
    const moved = await admin.put(`/api/records/honors/${cs.id}`, {
      honor: 'CSTDCS',
      year: 2032,
      decisionDate: '2032-12-20',
      amount: 2500000,
      version: edit.body.version,
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    await noDrift('a change of year');
    assert.equal((await totals()).individual, before.individual + 2);

    const revoke = await admin.post(`/api/records/honors/${honorIds[0]}/revoke`, { reason: 'Quyết định bị hủy do sai đối tượng' });
    assert.equal(revoke.status, 200, JSON.stringify(revoke.body));
    await noDrift('a revocation');
    now = await totals();
    assert.equal(now.individual, before.individual + 1);
    assert.equal(now.amount, before.amount + 702000 + 1170000);

    const del = await admin.del(`/api/records/honors/${honorIds[3]}`);
    assert.ok(del.status === 200 || del.status === 204, JSON.stringify(del.body));
    await noDrift('a deletion');
    assert.equal((await totals()).collective, before.collective);
  });

  it('follows a transfer and a change of the holder’s attributes', async () => {
    const before = await byUnit(u['Nhân sự']!);
    const tr = await admin.post(`/api/people/${p.hung}/transfer`, { toUnitId: u['Nhân sự'], effectiveDate: '2033-03-01', reason: 'Điều động' });
    assert.equal(tr.status, 200, JSON.stringify(tr.body));
    await noDrift('a transfer');
    assert.equal((await byUnit(u['Nhân sự']!))!.individual, before!.individual + 1);
    assert.equal((await byUnit(u['Kế toán']!))!.individual, 0);

    const shares = async () => (await office.get('/api/dashboard?year=2033')).body.shares as { female: number; leader: number };
    const s0 = await shares();
    const person = (await admin.get(`/api/people/${p.hung}`)).body;
    const upd = await admin.put(`/api/people/${p.hung}`, { ...pick(person), isLeader: true, version: person.version });
    assert.equal(upd.status, 200, JSON.stringify(upd.body));
    await noDrift('a leader change');
    assert.equal((await shares()).leader, s0.leader + 1);
  });

  it('a drift (e.g. after a manual SQL fix) is found and repaired by the rebuild', async () => {
    await t.db.delete(honorAwardFacts).where(sql`${honorAwardFacts.year} = 2033`);
    const drift = await honorAwardFactsDrift(t.db);
    assert.ok(drift.length > 0 && drift.every((x) => x.year === 2033 && x.factsN === 0 && x.liveN > 0), JSON.stringify(drift));
    await rebuildHonorAwardFacts(t.db);
    await noDrift('the rebuild');
  });
});

/** The editable fields of a person as the API returns them (the update body). */
function pick(person: Record<string, unknown>) {
  const { fullName, gender, birthDate, unitId, position, isLeader, employmentType, cccd, email, phone } = person;
  return Object.fromEntries(
    Object.entries({ fullName, gender, birthDate, unitId, position, isLeader, employmentType, cccd, email, phone }).filter(
      ([, v]) => v !== null && v !== undefined,
    ),
  );
}
