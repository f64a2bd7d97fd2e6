import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';

/** The five seed plans (../shared/seeds), entered by the demo data: the product holds what each says. */
describe('seed plans and movements held as data', () => {
  let t: TestApp;
  let office: Client;
  let pub: {
    plans: { id: string; title: string; unitName: string; year: number }[];
    movements: { id: string; title: string; unitName: string; year: number }[];
  };
  const plan = async (unitName: string, year: number) => {
    const p = pub.plans.find((x) => x.unitName === unitName && x.year === year);
    assert.ok(p, `no plan of ${unitName} ${year}`);
    return (await t.anonymous.request('GET', `/api/public/plans/${p.id}`)).body;
  };
  const movement = async (unitName: string, year: number) => {
    const m = pub.movements.find((x) => x.unitName === unitName && x.year === year);
    assert.ok(m, `no movement of ${unitName} ${year}`);
    return (await t.anonymous.request('GET', `/api/public/movements/${m.id}`)).body;
  };

  before(async () => {
    t = await createTestApp();
    office = await t.login('vanphong');
    const plans = (await t.anonymous.request('GET', '/api/public/plans?pageSize=200')).body;
    const movements = (await t.anonymous.request('GET', '/api/public/movements?pageSize=200')).body;
    assert.equal(plans.total, plans.items.length);
    pub = { plans: plans.items, movements: movements.items };
  });
  after(async () => t.close());

  it('seed 002: 17 tasks by quarter with their responsible units, registration before 30/01/2020', async () => {
    const p = await plan('Sở Nội vụ tỉnh Lạng Sơn', 2020);
    assert.equal(p.number, '03/KH-SNV');
    assert.equal(p.issuedDate, '2020-01-03');
    assert.equal(p.signerName, 'Nguyễn Quốc Khánh');
    assert.equal(p.tasks.length, 17);
    const byQuarter = [1, 2, 3, 4].map((q) => p.tasks.filter((x: { quarter: number }) => x.quarter === q).length);
    assert.deepEqual(byQuarter, [4, 3, 4, 6]);
    const t1 = p.tasks[0];
    assert.match(t1.content, /Họp Hội đồng Thi đua - Khen thưởng/);
    assert.deepEqual(
      [...t1.leadUnits, ...t1.supportUnits].map((u: { name: string }) => u.name),
      ['Hội đồng TĐKT Sở', 'Văn phòng Sở', 'Các đơn vị thuộc, trực thuộc Sở'],
    );
    // "Văn phòng Sở chủ trì" leads task 5; the office is a unit of the tree.
    const t5 = p.tasks[4];
    assert.equal(t5.leadUnits[0].name, 'Văn phòng Sở');
    assert.ok(t5.leadUnits[0].unitId);
    assert.deepEqual(
      t5.supportUnits.map((u: { name: string }) => u.name),
      ['Hội đồng TĐKT Sở', 'Các đơn vị thuộc và trực thuộc sở'],
    );
    assert.equal(p.tasks[16].content, 'Xây dựng kế hoạch công tác thi đua, khen thưởng năm 2021.');
    assert.deepEqual(
      p.tasks[16].leadUnits.map((u: { name: string }) => u.name),
      ['Văn phòng Sở'],
    );
    assert.equal(p.registrationDeadline, '2020-01-30');
    const reg = p.deadlines.find((d: { kind: string }) => d.kind === 'registration');
    assert.equal(reg.dueDate, '2020-01-30');
    assert.match(p.superiorPlanRef, /187\/KH-UBND ngày 24\/12\/2019/);
  });

  it('seed 003: theme, targets and two phases with summing-up deadlines 15/7 and 31/12', async () => {
    const m = await movement('Sở Nội vụ tỉnh Hà Tĩnh', 2022);
    assert.equal(m.theme, 'Đoàn kết, đổi mới, thi đua hoàn thành vượt mức các chỉ tiêu, nhiệm vụ năm 2022');
    assert.equal(m.type, 'regular');
    assert.equal(m.status, 'launched');
    assert.deepEqual(
      m.phases.map((p: { startDate: string; endDate: string; summingUpDeadline: string }) => [p.startDate, p.endDate, p.summingUpDeadline]),
      [
        ['2022-01-01', '2022-06-30', '2022-07-15'],
        ['2022-07-01', '2022-12-31', '2022-12-31'],
      ],
    );
    assert.deepEqual(
      m.deadlines.filter((d: { kind: string }) => d.kind === 'summing_up').map((d: { dueDate: string }) => d.dueDate),
      ['2022-07-15', '2022-12-31'],
    );
    const target = (honor: string, kind: string) => m.targets.find((x: { honor: string; subjectKind: string }) => x.honor === honor && x.subjectKind === kind);
    assert.deepEqual([target('TTLDTT', 'collective').measure, target('TTLDTT', 'collective').value], ['share', 100]);
    assert.equal(target('TTLDXS', 'collective').value, 20);
    assert.deepEqual(
      [target('BK_BO_TINH', 'collective').measure, target('BK_BO_TINH', 'collective').value, target('BK_BO_TINH', 'collective').valueMax],
      ['count', 2, 3],
    );
    assert.equal(target('CO_BO_TINH', 'collective').value, 1);
    assert.equal(target('CSTDCS', 'individual').value, 15);
    assert.equal(target('BK_BO_TINH', 'individual').value, 15);
    assert.equal(target('LDTT', 'individual').value, 100);
    assert.equal(target('BK_TTG', 'individual').measure, 'count');
    // Progress is computed from the product's data: nothing registered yet.
    assert.equal(target('TTLDTT', 'collective').progress.registered, 0);
    assert.equal(target('TTLDTT', 'collective').progress.base, 6);
  });

  it("seed 001: the demo Sở's campaign — forms, quota, criteria and three deadlines", async () => {
    const list = await office.get('/api/movements?year=2021');
    assert.equal(list.status, 200);
    const m = (await office.get(`/api/movements/${list.body.items[0].id}`)).body;
    assert.match(m.title, /80 năm Ngày Bác Hồ về nước/);
    assert.equal(m.unitName, 'Sở Khoa học và Công nghệ tỉnh Cao Bằng');
    assert.equal(m.endDate, '2021-06-30');
    const bk = m.honors.find((h: { honor: string }) => h.honor === 'BK_BO_TINH');
    const gk = m.honors.find((h: { honor: string }) => h.honor === 'GK');
    assert.equal(bk.quota, 1);
    assert.deepEqual([...bk.subjectKinds].sort(), ['collective', 'individual']);
    assert.match(bk.quotaNote, /01 tập thể hoặc 01 cá nhân/);
    assert.equal(gk.quota, null);
    assert.equal(bk.minTargetShare, 60);
    assert.equal(bk.criteriaByDate, '2021-06-30');
    assert.match(m.criteria, /6 tháng đầu năm 2021 hoàn thành 60% chỉ tiêu thi đua đã đăng ký/);
    const dl = Object.fromEntries(m.deadlines.map((d: { kind: string; dueDate: string }) => [d.kind, d]));
    assert.equal(dl.unit_submission.dueDate, '2021-06-18');
    assert.equal(dl.unit_submission.audience, 'units');
    assert.match(dl.unit_submission.note, /coi như không có hồ sơ/);
    assert.equal(dl.office_compilation.dueDate, '2021-06-26');
    assert.equal(dl.report.dueDate, '2021-06-30');
    // The same deadlines are in the calendar of the unit below (audience: units).
    const ttud = (await office.get('/api/units')).body.items.find((u: { code: string }) => u.code === 'TTUD').id;
    const cal = await office.get(`/api/calendar?from=2021-06-01&to=2021-06-30&unitId=${ttud}`);
    assert.deepEqual(
      cal.body.items.map((d: { dueDate: string }) => d.dueDate),
      ['2021-06-18'],
    );
  });

  it('seeds 000 and 004: reporting deadlines 25/6 and 25/12, implementing Kế hoạch 289/KH-UBND', async () => {
    for (const unitName of ['Sở Khoa học và Công nghệ tỉnh Sơn La', 'Văn phòng Ủy ban nhân dân tỉnh Sơn La']) {
      const p = await plan(unitName, 2022);
      assert.match(p.superiorPlanRef, /289\/KH-UBND ngày 16\/12\/2021/);
      const reports = p.deadlines.filter((d: { kind: string }) => d.kind === 'report').map((d: { dueDate: string }) => d.dueDate);
      assert.deepEqual(reports, ['2022-06-25', '2022-12-25']);
      assert.equal(p.sections.length, 8);
      assert.ok(p.recipients.length >= 4);
    }
    const p000 = await plan('Sở Khoa học và Công nghệ tỉnh Sơn La', 2022);
    assert.equal(p000.signerName, 'Lưu Bình Khiêm');
    const p004 = await plan('Văn phòng Ủy ban nhân dân tỉnh Sơn La', 2022);
    assert.equal(p004.signerTitle, 'CHÁNH VĂN PHÒNG');
  });

  it('other agencies’ plans are public but not readable through the demo accounts', async () => {
    const p = pub.plans.find((x) => x.unitName === 'Sở Nội vụ tỉnh Lạng Sơn')!;
    assert.equal((await office.get(`/api/plans/${p.id}`)).status, 404);
  });
});
