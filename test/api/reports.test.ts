import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { buildUnit, clerkOf } from '../helpers/factories.js';
import { setClock, instantVn } from '../../src/server/clock.js';

/** Seed 000's 6-month cycle on a small synthetic year: three units report (one late, one returned), the roll-up is their sum. */
describe('reports: request, prefilled unit reports, submit / return / receive, roll-up', () => {
  let t: TestApp;
  let admin: Client;
  let office: Client;
  const units: { id: string; name: string }[] = [];
  let requestId = '';

  before(async () => {
    setClock(instantVn('2030-06-01', '09:00'));
    t = await createTestApp();
    admin = await t.login('admin');
    office = await t.login('vanphong');
    for (const name of ['Phòng Báo cáo A', 'Phòng Báo cáo B', 'Phòng Báo cáo C']) units.push(await buildUnit(admin, { parentId: t.demo.rootUnitId, name }));
    // Unit A: a leader (nam) with CSTĐCS, a direct worker (nữ) with Giấy khen; unit B: a collective TTLĐTT; unit C: nothing.
    const leader = await admin.post('/api/people', {
      unitId: units[0]!.id,
      fullName: 'Nông Văn Lãnh',
      gender: 'nam',
      isLeader: true,
      employmentType: 'cong_chuc',
    });
    const worker = await admin.post('/api/people', {
      unitId: units[0]!.id,
      fullName: 'Lục Thị Thợ',
      gender: 'nu',
      isLeader: false,
      employmentType: 'nguoi_lao_dong',
    });
    assert.equal(leader.status, 201, JSON.stringify(leader.body));
    const honor = async (body: object) => assert.equal((await admin.post('/api/records/honors', { year: 2030, ...body })).status, 201);
    await honor({ personId: leader.body.id, honor: 'CSTDCS', decisionDate: '2030-03-10', amount: 2340000 });
    await honor({ personId: worker.body.id, honor: 'GK', decisionDate: '2030-04-02', amount: 710000 });
    // Outside the period (second half): not in the 6-month figures.
    await honor({ personId: worker.body.id, honor: 'LDTT', decisionDate: '2030-12-20' });
    await honor({ unitId: units[1]!.id, honor: 'TTLDTT', decisionDate: '2030-05-05', amount: 1880000 });
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  it('refuses bad requests with Vietnamese messages', async () => {
    const base = {
      unitId: t.demo.rootUnitId,
      kind: 'six_month',
      title: 'Báo cáo sơ kết 6 tháng đầu năm 2030',
      year: 2030,
      periodFrom: '2030-01-01',
      periodTo: '2030-06-30',
    };
    let r = await office.post('/api/report-requests', { ...base, dueDate: '2030-06-25', unitIds: [] });
    assert.equal(r.status, 400);
    assert.match(r.body.message, /ít nhất một đơn vị/);
    r = await office.post('/api/report-requests', { ...base, dueDate: '2030-05-01', unitIds: [units[0]!.id] });
    assert.equal(r.status, 400);
    assert.match(r.body.message, /đã qua/);
    const clerk = await clerkOf(t, units[0]!.id);
    assert.equal((await clerk.post('/api/report-requests', { ...base, dueDate: '2030-06-25', unitIds: [units[0]!.id] })).status, 403);
  });

  it('runs the cycle: prefilled, one late, one returned, roll-up equals the sum', async () => {
    const r = await office.post('/api/report-requests', {
      unitId: t.demo.rootUnitId,
      kind: 'six_month',
      title: 'Báo cáo sơ kết 6 tháng đầu năm 2030',
      year: 2030,
      periodFrom: '2030-01-01',
      periodTo: '2030-06-30',
      dueDate: '2030-06-25',
      unitIds: units.map((u) => u.id),
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    requestId = r.body.id;
    assert.equal(r.body.asked, 3);

    const clerkA = await clerkOf(t, units[0]!.id);
    const clerkB = await clerkOf(t, units[1]!.id);
    const clerkC = await clerkOf(t, units[2]!.id);
    const mine = async (c: Client) => (await c.get(`/api/reports?requestId=${requestId}`)).body.items[0];
    const a = await mine(clerkA);
    assert.ok(a.abilities.includes('submit'));
    let repA = (await clerkA.get(`/api/reports/${a.id}`)).body;
    const fig = (rep: { rows: { key: string; data: number }[] }, k: string) => rep.rows.find((x) => x.key === k)?.data;
    // By hand: unit A has 2 individual awards in the half-year (CSTĐCS leader, GK direct-worker woman), 3,050,000 đ.
    assert.equal(fig(repA, 'honor:CSTDCS:individual'), 1);
    assert.equal(fig(repA, 'honor:GK:individual'), 1);
    assert.equal(fig(repA, 'honor:LDTT:individual'), 0);
    assert.equal(fig(repA, 'people:total'), 2);
    assert.equal(fig(repA, 'people:leader'), 1);
    assert.equal(fig(repA, 'people:non_leader'), 1);
    assert.equal(fig(repA, 'people:direct_worker'), 1);
    assert.equal(fig(repA, 'people:female'), 1);
    assert.equal(fig(repA, 'money'), 3050000);

    // A narrative over its limit is refused, nothing stored.
    let s = await clerkA.put(`/api/reports/${a.id}`, { version: repA.version, narrative: { results: 'x'.repeat(20001) }, typed: {} });
    assert.equal(s.status, 400);
    assert.equal((await clerkA.get(`/api/reports/${a.id}`)).body.version, repA.version);
    // Unit A types one figure differently from the data (it counts a Giấy khen the data lacks) and submits on time.
    s = await clerkA.put(`/api/reports/${a.id}`, {
      version: repA.version,
      narrative: { results: 'Hoàn thành tốt nhiệm vụ.\nPhong trào sôi nổi.' },
      typed: { 'honor:GK:individual': 2 },
    });
    assert.equal(s.status, 200, JSON.stringify(s.body));
    repA = s.body;
    assert.equal((await clerkA.post(`/api/reports/${a.id}/submit`, { version: repA.version })).status, 200);
    // Editing a sent report is refused.
    const locked = await clerkA.put(`/api/reports/${a.id}`, { version: repA.version + 1, narrative: {}, typed: {} });
    assert.equal(locked.status, 409);

    // Unit C submits, the Office returns it, C fixes and submits again.
    const c = await mine(clerkC);
    assert.equal((await clerkC.post(`/api/reports/${c.id}/submit`, { version: c.version })).status, 200);
    let cNow = (await office.get(`/api/reports/${c.id}`)).body;
    assert.ok(cNow.abilities.includes('return'));
    assert.equal((await office.post(`/api/reports/${c.id}/return`, { version: cNow.version, reason: 'Thiếu phần bài học kinh nghiệm.' })).status, 200);
    cNow = (await clerkC.get(`/api/reports/${c.id}`)).body;
    assert.equal(cNow.status, 'returned');
    assert.equal(cNow.returnReason, 'Thiếu phần bài học kinh nghiệm.');
    cNow = (await clerkC.put(`/api/reports/${c.id}`, { version: cNow.version, narrative: { lessons: 'Bám sát kế hoạch.' }, typed: {} })).body;
    assert.equal((await clerkC.post(`/api/reports/${c.id}/submit`, { version: cNow.version })).status, 200);

    // Unit B misses the due date: refused, then the Office extends and B sends late.
    setClock(instantVn('2030-06-27', '09:00'));
    const b = await mine(clerkB);
    assert.equal(b.overdue, true);
    const refused = await clerkB.post(`/api/reports/${b.id}/submit`, { version: b.version });
    assert.equal(refused.status, 409);
    assert.match(refused.body.message, /quá hạn/);
    let roll = (await office.get(`/api/report-requests/${requestId}`)).body;
    assert.deepEqual(
      roll.units.map((u: { overdue: boolean }) => u.overdue),
      [false, true, false],
    );
    assert.equal((await office.post(`/api/reports/${b.id}/extend`, { until: '2030-06-30' })).status, 200);
    const bNow = (await clerkB.get(`/api/reports/${b.id}`)).body;
    const sentB = await clerkB.post(`/api/reports/${b.id}/submit`, { version: bNow.version });
    assert.equal(sentB.status, 200);
    assert.equal(sentB.body.late, true);

    for (const id of [a.id, b.id, c.id]) {
      const cur = (await office.get(`/api/reports/${id}`)).body;
      assert.equal((await office.post(`/api/reports/${id}/receive`, { version: cur.version })).status, 200);
    }
    roll = (await office.get(`/api/report-requests/${requestId}`)).body;
    assert.equal(roll.request.received, 3);
    for (const row of roll.rows) {
      assert.equal(
        row.sum,
        row.cells.reduce((s: number, c: { stated: number }) => s + c.stated, 0),
        row.key,
      );
    }
    const gk = roll.rows.find((x: { key: string }) => x.key === 'honor:GK:individual');
    assert.equal(gk.sum, 2); // what the units typed
    assert.equal(gk.dataSum, 1); // what the data says
    assert.equal(roll.units[0].differences, 1);
    const tt = roll.rows.find((x: { key: string }) => x.key === 'honor:TTLDTT:collective');
    assert.equal(tt.sum, 1);
    const money = roll.rows.find((x: { key: string }) => x.key === 'money');
    assert.equal(money.sum, 3050000 + 1880000);

    // The DOCX of a unit's report and of the roll-up.
    const docx = await clerkA.get(`/api/reports/${a.id}/report.docx`);
    assert.equal(docx.status, 200);
    assert.match(String(docx.headers['content-type']), /wordprocessingml/);
    assert.equal((await office.get(`/api/report-requests/${requestId}/report.docx`)).status, 200);
  });

  it('an outsider does not see another unit’s report; the dashboard answers for an empty year', async () => {
    const clerkA = await clerkOf(t, units[0]!.id);
    const clerkB = await clerkOf(t, units[1]!.id);
    const a = (await clerkA.get(`/api/reports?requestId=${requestId}`)).body.items[0];
    assert.equal((await clerkB.get(`/api/reports/${a.id}`)).status, 404);
    const roll = (await clerkB.get(`/api/report-requests/${requestId}`)).body;
    assert.equal(roll.units.length, 1);
    const d = await office.get('/api/dashboard?year=2030');
    assert.equal(d.status, 200, JSON.stringify(d.body));
    assert.equal(d.body.totals.individual, 3);
    assert.equal(d.body.totals.collective, 1);
    assert.equal(d.body.shares.directWorker, 2);
    const empty = await office.get('/api/dashboard?year=2001');
    assert.equal(empty.status, 200);
    assert.equal(empty.body.totals.individual, 0);
  });
});
