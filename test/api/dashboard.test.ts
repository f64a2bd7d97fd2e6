import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { buildUnit } from '../helpers/factories.js';
import { setClock, instantVn } from '../../src/server/clock.js';

/**
 * Seed 003's targets (100% TTLĐTT with 20% TTLĐXS; 100% LĐTT with 15% CSTĐCS; 2–3 Bằng khen; 1 Cờ)
 * against a small synthetic year (2032): three units, ten staff. Every figure below is counted by hand
 * from what `before` enters.
 */
describe('dashboard: seed 003 targets against a synthetic year, shares, drill-down, export', () => {
  let t: TestApp;
  let admin: Client;
  let office: Client;
  let movementId = '';
  const u: Record<string, string> = {};
  const p: Record<string, string> = {};

  before(async () => {
    setClock(instantVn('2032-03-01', '09:00'));
    t = await createTestApp();
    admin = await t.login('admin');
    office = await t.login('vanphong');
    for (const k of ['A', 'B', 'C']) u[k] = (await buildUnit(admin, { parentId: t.demo.rootUnitId, name: `Phòng Điều hành ${k}` })).id;
    const staff: [string, string, boolean, string, string][] = [
      ['p1', 'A', true, 'cong_chuc', 'nam'],
      ['p2', 'A', false, 'vien_chuc', 'nu'],
      ['p3', 'A', false, 'nguoi_lao_dong', 'nu'],
      ['p4', 'A', false, 'nguoi_lao_dong', 'nam'],
      ['p5', 'B', false, 'cong_chuc', 'nu'],
      ['p6', 'B', false, 'nguoi_lao_dong', 'nu'],
      ['p7', 'B', false, 'vien_chuc', 'nam'],
      ['p8', 'C', false, 'cong_chuc', 'nam'],
      ['p9', 'C', false, 'cong_chuc', 'nu'],
      ['p10', 'C', false, 'vien_chuc', 'nam'],
    ];
    for (const [k, unit, isLeader, employmentType, gender] of staff) {
      const r = await admin.post('/api/people', { unitId: u[unit], fullName: `Lê Văn Điều ${k}`, gender, isLeader, employmentType });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      p[k] = r.body.id;
    }
    const m = await office.post('/api/movements', {
      unitId: t.demo.rootUnitId,
      type: 'regular',
      year: 2032,
      title: 'Thi đua thực hiện nhiệm vụ năm 2032',
      startDate: '2032-01-01',
      endDate: '2032-12-31',
      participantUnitIds: [u.A, u.B, u.C],
      honors: [{ honor: 'LDTT' }],
      targets: [
        { subjectKind: 'collective', honor: 'TTLDTT', measure: 'share', value: 100, label: '100% tập thể đạt Tập thể lao động tiên tiến' },
        { subjectKind: 'collective', honor: 'TTLDXS', measure: 'share', value: 20, label: '20% tập thể đạt Tập thể lao động xuất sắc' },
        { subjectKind: 'individual', honor: 'LDTT', measure: 'share', value: 100, label: '100% cá nhân đạt Lao động tiên tiến' },
        { subjectKind: 'individual', honor: 'CSTDCS', measure: 'share', value: 15, label: '15% cá nhân đạt Chiến sĩ thi đua cơ sở' },
        { subjectKind: 'individual', honor: 'BK_BO_TINH', measure: 'count', value: 2, valueMax: 3, label: 'Đề nghị 2 – 3 Bằng khen' },
        { subjectKind: 'collective', honor: 'CO_BO_TINH', measure: 'count', value: 1, label: 'Đề nghị 1 Cờ thi đua' },
      ],
    });
    assert.equal(m.status, 201, JSON.stringify(m.body));
    movementId = m.body.id;
    assert.equal((await office.post(`/api/movements/${movementId}/launch`)).status, 200);
    const honor = async (body: object) => {
      const r = await admin.post('/api/records/honors', { year: 2032, decisionDate: '2032-01-15', ...body });
      assert.equal(r.status, 201, JSON.stringify(r.body));
    };
    for (const k of ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']) await honor({ personId: p[k], honor: 'LDTT', amount: 702000 });
    for (const k of ['p1', 'p2']) await honor({ personId: p[k], honor: 'CSTDCS', amount: 2340000 });
    await honor({ personId: p.p3, honor: 'BK_BO_TINH', decisionDate: '2032-02-10', amount: 3510000 });
    await honor({ unitId: u.A, honor: 'TTLDXS' });
    await honor({ unitId: u.B, honor: 'TTLDTT' });
    await honor({ unitId: u.C, honor: 'TTLDTT' });
    const fund = await office.post('/api/fund/2032/sources', {
      source: 'contribution',
      amount: 5_000_000,
      entryDate: '2032-02-01',
      description: 'Đóng góp thử',
    });
    assert.equal(fund.status, 201, JSON.stringify(fund.body));
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  it('computes seed 003 targets from the data (checked by hand)', async () => {
    const d = await office.get(`/api/dashboard?year=2032&movementId=${movementId}`);
    assert.equal(d.status, 200, JSON.stringify(d.body));
    const target = (label: RegExp) => d.body.targets.find((x: { label: string }) => label.test(x.label));
    // TTLĐTT: B and C of the 3 units (A holds TTLĐXS) = 66.7% of 100% → 67, not reached.
    let x = target(/Tập thể lao động tiên tiến/);
    assert.deepEqual([x.base, x.awarded, x.awardedPercent, x.progress, x.achieved], [3, 2, 66.7, 67, false]);
    // TTLĐXS: A of 3 = 33.3% ≥ 20% → reached.
    x = target(/Tập thể lao động xuất sắc/);
    assert.deepEqual([x.base, x.awarded, x.awardedPercent, x.progress, x.achieved], [3, 1, 33.3, 100, true]);
    // LĐTT: 7 of the 10 staff = 70% of 100% → 70.
    x = target(/Lao động tiên tiến$/);
    assert.deepEqual([x.base, x.awarded, x.awardedPercent, x.progress, x.achieved], [10, 7, 70, 70, false]);
    // CSTĐCS: 2 of 10 = 20% ≥ 15% → reached.
    x = target(/Chiến sĩ thi đua cơ sở/);
    assert.deepEqual([x.base, x.awarded, x.awardedPercent, x.progress, x.achieved], [10, 2, 20, 100, true]);
    // Bằng khen: 1 of at least 2 → 50%.
    x = target(/Bằng khen/);
    assert.deepEqual([x.base, x.awarded, x.progress, x.achieved], [null, 1, 50, false]);
    // Cờ: none yet.
    x = target(/Cờ thi đua/);
    assert.deepEqual([x.awarded, x.progress, x.achieved], [0, 0, false]);
  });

  it('counts shares, months and money by hand', async () => {
    const d = (await office.get(`/api/dashboard?year=2032&movementId=${movementId}`)).body;
    // 10 individual honors: p1 (leader) 2; direct workers p3 (2), p4, p6; women p2 (2), p3 (2), p5, p6.
    assert.deepEqual(d.shares, { individuals: 10, leader: 2, nonLeader: 8, directWorker: 4, female: 6, male: 4 });
    assert.deepEqual(d.totals, { collective: 3, individual: 10, amount: 7 * 702000 + 2 * 2340000 + 3510000 });
    const month = (m: number) => d.byMonth.find((x: { month: number }) => x.month === m);
    assert.deepEqual([month(1).collective, month(1).individual, month(2).individual], [3, 9, 1]);
    assert.equal(d.money.find((x: { kind: string }) => x.kind === 'contribution').amount, 5_000_000);
    const coSo = d.byLevel.find((x: { level: string }) => x.level === 'co_so');
    assert.deepEqual([coSo.collective, coSo.individual], [3, 9]);
  });

  it('lists the records behind a figure', async () => {
    const list = async (q: string) => {
      const r = await office.get(`/api/dashboard/honors?year=2032&${q}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };
    assert.equal((await list('share=direct_worker')).total, 4);
    assert.equal((await list('share=female')).total, 6);
    assert.equal((await list('level=co_so')).total, 12);
    assert.equal((await list(`unitId=${u.A}`)).total, 8);
    assert.equal((await list('month=2')).total, 1);
    const bk = await list('honor=BK_BO_TINH');
    assert.equal(bk.items[0].honorLabel, 'Bằng khen bộ, ban, ngành, tỉnh');
    assert.equal(bk.items[0].link, `/thi-dua/ca-nhan/${p.p3}`);
    const outsider = await t.login('admin');
    assert.equal((await outsider.get(`/api/dashboard/honors?year=2032&unitId=00000000-0000-4000-8000-000000000000`)).status, 404);
    const x = await office.get('/api/dashboard/export.xlsx?year=2032&part=shares');
    assert.equal(x.status, 200);
    assert.match(String(x.headers['content-type']), /spreadsheetml/);
    assert.equal((await office.get('/api/dashboard/export.xlsx?year=2032&part=nothing')).status, 400);
  });
});
