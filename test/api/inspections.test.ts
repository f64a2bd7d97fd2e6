import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp, unitId, type Client, type TestApp } from '../helpers/app.js';
import { auditEvents, deadlines, inspectionPlans } from '../../src/server/db/schema/index.js';
import { instantVn, setClock, todayVn } from '../../src/server/clock.js';
import { docxText, downloadAs } from '../helpers/pdf-layout.js';

const Y = Number(todayVn().slice(0, 4)) + 1;

describe('inspections: plan, checklist from data, two findings followed up to closure', () => {
  let t: TestApp;
  let office: Client;
  let clerk: Client;
  let council: Client;
  let root: string;
  let ttud: string;

  before(async () => {
    t = await createTestApp();
    office = await t.login('vanphong');
    clerk = await t.login('donvi');
    council = await t.login('hoidong');
    root = t.demo.rootUnitId;
    ttud = await unitId(office, 'Trung tâm Ứng dụng');
  });
  after(async () => t.close());

  const plan = (over: Record<string, unknown> = {}) => ({
    unitId: root,
    year: Y,
    number: `12/KH-SKHCN`,
    title: `Kế hoạch kiểm tra công tác thi đua, khen thưởng năm ${Y}`,
    content: ['Việc đăng ký thi đua đầu năm', 'Hồ sơ, thủ tục đề nghị khen thưởng', 'Việc chi tiền thưởng'],
    periodFrom: `${Y}-05-01`,
    periodTo: `${Y}-06-30`,
    team: [
      { name: 'Đàm Văn Long', role: 'Trưởng đoàn' },
      { name: 'Nông Thị Hoa', role: 'Thành viên' },
    ],
    units: [{ unitId: ttud, scheduledFrom: `${Y}-05-20`, scheduledTo: `${Y}-05-21` }],
    signerTitle: 'Giám đốc',
    signerName: 'Hoàng Văn Thạch',
    ...over,
  });

  let planId = '';
  let inspectionId = '';

  it('refuses a plan inspecting a unit not under the issuing unit, or with dates outside its period; nothing stored', async () => {
    const before = (await t.db.select().from(inspectionPlans)).length;
    const r1 = await office.post('/api/inspections/plans', plan({ units: [{ unitId: root, scheduledFrom: `${Y}-05-20`, scheduledTo: `${Y}-05-21` }] }));
    assert.equal(r1.status, 400);
    assert.match(r1.body.message, /trực thuộc/);
    const r2 = await office.post('/api/inspections/plans', plan({ units: [{ unitId: ttud, scheduledFrom: `${Y}-08-01`, scheduledTo: `${Y}-08-02` }] }));
    assert.equal(r2.status, 400);
    assert.match(JSON.stringify(r2.body), /ngoài thời gian/);
    const r3 = await office.post('/api/inspections/plans', plan({ team: [] }));
    assert.equal(r3.status, 400);
    assert.equal((await t.db.select().from(inspectionPlans)).length, before);
  });

  it('drafts and approves the plan; the unit sees its inspection only once approved', async () => {
    const r = await office.post('/api/inspections/plans', plan());
    assert.equal(r.status, 201, JSON.stringify(r.body));
    planId = r.body.id;
    assert.equal(r.body.status, 'draft');
    assert.deepEqual(r.body.abilities, ['read', 'update', 'approve']);
    inspectionId = r.body.inspections[0].id;
    assert.equal((await clerk.get(`/api/inspections/${inspectionId}`)).status, 404);
    const a = await office.post(`/api/inspections/plans/${planId}/approve`);
    assert.equal(a.status, 200, JSON.stringify(a.body));
    assert.equal(a.body.status, 'approved');
    const cal = await t.db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.sourceType, 'inspection_plan'), eq(deadlines.sourceId, planId)));
    assert.equal(cal.length, 1);
    assert.equal(cal[0]!.dueDate, `${Y}-05-20`);
    const list = await clerk.get(`/api/inspections?year=${Y}`);
    assert.equal(list.status, 200);
    assert.equal(list.body.total, 1);
    assert.equal(list.body.items[0].unitId, ttud);
    assert.equal((await office.put(`/api/inspections/plans/${planId}`, plan())).status, 409);
    assert.equal((await council.get('/api/inspections')).status, 403);
  });

  it('computes the checklist from data; with no report asked, reports answer "chưa có dữ liệu"', async () => {
    const r = await office.get(`/api/inspections/${inspectionId}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.checklistFrozen, false);
    const keys = r.body.checklist.map((c: { key: string }) => c.key);
    assert.deepEqual(keys, ['registrations', 'dossiers_on_time', 'decisions_money', 'reports_submitted', 'trained_clerk']);
    const reports = r.body.checklist.find((c: { key: string }) => c.key === 'reports_submitted');
    assert.equal(reports.result, 'no_data');
    assert.match(reports.detail, /chưa được yêu cầu gửi báo cáo/);
    assert.ok(r.body.abilities.includes('addFinding'));
    assert.ok(r.body.abilities.includes('conclude'));
  });

  it('checks the reports the unit was asked for: one sent on time passes, one left past its due date fails', async () => {
    const reportsItem = async () =>
      (await office.get(`/api/inspections/${inspectionId}`)).body.checklist.find((c: { key: string }) => c.key === 'reports_submitted');
    const ask = async (title: string, dueDate: string) => {
      const r = await office.post('/api/report-requests', {
        unitId: root,
        kind: 'six_month',
        title,
        year: Y,
        periodFrom: `${Y}-01-01`,
        periodTo: `${Y}-06-30`,
        dueDate,
        unitIds: [ttud],
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id as string;
    };
    const first = await ask(`Báo cáo sơ kết quý I năm ${Y}`, `${Y}-03-31`);
    await ask(`Báo cáo sơ kết 6 tháng đầu năm ${Y}`, `${Y}-06-25`);
    let item = await reportsItem();
    assert.equal(item.result, 'no_data');
    assert.match(item.detail, /chưa đến hạn/);
    const mine = (await clerk.get(`/api/reports?requestId=${first}`)).body.items[0];
    const rep = (await clerk.get(`/api/reports/${mine.id}`)).body;
    assert.equal((await clerk.post(`/api/reports/${mine.id}/submit`, { version: rep.version })).status, 200);
    item = await reportsItem();
    assert.equal(item.result, 'pass', item.detail);
    assert.match(item.detail, /1\/2 báo cáo đã gửi, đều trong hạn\. 1 báo cáo chưa đến hạn/);
    setClock(instantVn(`${Y}-07-01`, '09:00'));
    try {
      item = await reportsItem();
      assert.equal(item.result, 'fail');
      assert.match(item.detail, /chưa gửi "Báo cáo sơ kết 6 tháng đầu năm/);
    } finally {
      setClock(null);
    }
  });

  let f1 = '';
  let f2 = '';
  it('records two findings with deadlines and owners; an owner outside the inspected unit is refused', async () => {
    const bad = await office.post(`/api/inspections/${inspectionId}/findings`, {
      finding: 'x',
      recommendation: 'y',
      dueDate: `${Y}-07-30`,
      ownerUnitId: root,
    });
    assert.equal(bad.status, 400);
    const empty = await office.post(`/api/inspections/${inspectionId}/findings`, {
      finding: '',
      recommendation: 'y',
      dueDate: `${Y}-07-30`,
      ownerUnitId: ttud,
    });
    assert.equal(empty.status, 400);
    const a = await office.post(`/api/inspections/${inspectionId}/findings`, {
      finding: 'Hồ sơ đề nghị khen thưởng gửi chậm',
      recommendation: 'Lập lịch nội bộ, gửi hồ sơ đúng hạn',
      dueDate: `${Y}-07-30`,
      ownerUnitId: ttud,
      ownerName: 'Giám đốc Trung tâm',
    });
    assert.equal(a.status, 201, JSON.stringify(a.body));
    const b = await office.post(`/api/inspections/${inspectionId}/findings`, {
      finding: 'Chưa cử cán bộ làm công tác TĐKT đi tập huấn',
      recommendation: 'Cử cán bộ tham gia lớp bồi dưỡng nghiệp vụ',
      dueDate: `${Y}-09-30`,
      ownerUnitId: ttud,
    });
    assert.equal(b.status, 201);
    assert.equal(b.body.findings.length, 2);
    [f1, f2] = b.body.findings.map((f: { id: string }) => f.id);
    // The unit cannot report before the conclusion.
    const early = await clerk.post(`/api/inspections/${inspectionId}/findings/${f1}/follow-up`, { report: 'Đã làm' });
    assert.equal(early.status, 409);
  });

  it('concludes: the checklist is frozen, the deadlines go on the owner unit calendar, the DOCX renders', async () => {
    const r = await office.post(`/api/inspections/${inspectionId}/conclude`, {
      inspectedDate: `${Y}-05-20`,
      conclusion: 'Trung tâm đã triển khai cơ bản công tác thi đua, khen thưởng.\nCòn chậm gửi hồ sơ.',
      conclusionNumber: '05/KL-SKHCN',
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.status, 'concluded');
    assert.equal(r.body.checklistFrozen, true);
    const cal = await t.db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.sourceType, 'inspection'), eq(deadlines.sourceId, inspectionId)));
    assert.equal(cal.length, 2);
    assert.ok(cal.every((d) => d.unitId === ttud && d.status === 'open'));
    const doc = await office.get(`/api/inspections/${inspectionId}/conclusion`);
    assert.equal(doc.status, 200);
    assert.match(String(doc.headers['content-type']), /wordprocessingml/);
    const kh = await office.get(`/api/inspections/plans/${planId}/document`);
    assert.equal(kh.status, 200);
    assert.match(String(doc.headers['content-disposition']), /docx/);
    // The Kế hoạch: its own trích yếu (no "Kế hoạch" twice), the sections, the schedule table row by unit.
    const plan = docxText((await downloadAs(t, 'vanphong', `/api/inspections/plans/${planId}/document`)).body).split('\n');
    assert.ok(plan.includes(`Kiểm tra công tác thi đua, khen thưởng năm ${Y}`), plan.join('|'));
    for (const h of ['II. NỘI DUNG KIỂM TRA', 'III. THÀNH PHẦN ĐOÀN KIỂM TRA', 'IV. THỜI GIAN, LỊCH KIỂM TRA', 'Đơn vị được kiểm tra', 'Đoàn kiểm tra'])
      assert.ok(plan.includes(h), h);
    const row = plan.indexOf('Trung tâm Ứng dụng tiến bộ khoa học và công nghệ');
    assert.ok(row > plan.indexOf('Đoàn kiểm tra'), 'the unit is a row of the schedule');
    // (line breaks inside a cell are not paragraphs: the text runs on)
    assert.deepEqual(plan.slice(row + 1, row + 4), [`20/05/${Y} -21/05/${Y}`, 'Các nội dung từ 1 đến 3 tại Mục II', 'Đàm Văn Long (Trưởng đoàn)Nông Thị Hoa']);
    const kl = docxText((await downloadAs(t, 'vanphong', `/api/inspections/${inspectionId}/conclusion`)).body);
    assert.match(
      kl,
      new RegExp(
        `Căn cứ Kế hoạch số 12/KH-SKHCN ngày \\d{2}/\\d{2}/\\d{4} của Sở Khoa học và Công nghệ tỉnh Cao Bằng về kiểm tra công tác thi đua, khen thưởng năm ${Y};`,
      ),
    );
  });

  it('the unit reports on both findings; the office accepts them and closes the inspection', async () => {
    const seen = await clerk.get(`/api/inspections/${inspectionId}`);
    assert.ok(seen.body.abilities.includes('followUp'));
    assert.ok(!seen.body.abilities.includes('close'));
    assert.equal((await clerk.post(`/api/inspections/${inspectionId}/findings/${f1}/follow-up`, { report: '' })).status, 400);
    const r1 = await clerk.post(`/api/inspections/${inspectionId}/findings/${f1}/follow-up`, { report: 'Đã ban hành lịch nội bộ gửi hồ sơ.' });
    assert.equal(r1.status, 200, JSON.stringify(r1.body));
    assert.equal((await clerk.post(`/api/inspections/${inspectionId}/findings/${f1}/follow-up`, { report: 'lần hai' })).status, 409);
    // Closing with a finding still open is refused.
    assert.equal((await office.post(`/api/inspections/${inspectionId}/close`)).status, 409);
    // The office sends the first report back once, then accepts it.
    const back = await office.post(`/api/inspections/${inspectionId}/findings/${f1}/review`, { accepted: false });
    assert.equal(back.body.findings[0].status, 'open');
    await clerk.post(`/api/inspections/${inspectionId}/findings/${f1}/follow-up`, { report: 'Đã ban hành lịch nội bộ, gửi kèm.' });
    const r2 = await clerk.post(`/api/inspections/${inspectionId}/findings/${f2}/follow-up`, { report: 'Đã cử chị Hà Thị Mai dự lớp tập huấn.' });
    assert.equal(r2.status, 200);
    const cal = await t.db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.sourceType, 'inspection'), eq(deadlines.sourceId, inspectionId)));
    assert.ok(cal.every((d) => d.status === 'done'));
    assert.equal((await clerk.post(`/api/inspections/${inspectionId}/findings/${f1}/review`, { accepted: true })).status, 403);
    for (const f of [f1, f2]) assert.equal((await office.post(`/api/inspections/${inspectionId}/findings/${f}/review`, { accepted: true })).status, 200);
    const closed = await office.post(`/api/inspections/${inspectionId}/close`);
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.equal(closed.body.status, 'closed');
    assert.deepEqual(closed.body.abilities, ['read']);
    const actions = (await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, inspectionId))).map((a) => a.action);
    for (const a of ['inspection.finding_added', 'inspection.concluded', 'inspection.follow_up_reported', 'inspection.finding_closed', 'inspection.closed'])
      assert.ok(actions.includes(a), a);
  });
});
