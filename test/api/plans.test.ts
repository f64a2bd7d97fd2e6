import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp, unitId, type Client, type TestApp } from '../helpers/app.js';
import { auditEvents, deadlines, plans } from '../../src/server/db/schema/index.js';
import { todayVn } from '../../src/server/clock.js';

/** Next year in the agency's calendar (Vietnam), whatever the hour in UTC. */
const Y = Number(todayVn().slice(0, 4)) + 1;

describe('annual plans: draft, tasks by quarter, publish, copy', () => {
  let t: TestApp;
  let office: Client;
  let clerk: Client;
  let root: string;
  let vp: string;
  let ttud: string;

  before(async () => {
    t = await createTestApp();
    office = await t.login('vanphong');
    clerk = await t.login('donvi');
    root = t.demo.rootUnitId;
    vp = await unitId(office, 'Văn phòng Sở');
    ttud = await unitId(office, 'Trung tâm Ứng dụng');
  });
  after(async () => t.close());

  const body = (over: Record<string, unknown> = {}) => ({
    unitId: root,
    year: Y,
    number: `05/KH-SKHCN`,
    title: `Kế hoạch công tác thi đua, khen thưởng năm ${Y}`,
    place: 'Cao Bằng',
    basis: [`Căn cứ Kế hoạch số 289/KH-UBND ngày 16/12/${Y - 1} của UBND tỉnh;`],
    superiorPlanRef: `Kế hoạch số 289/KH-UBND ngày 16/12/${Y - 1} của UBND tỉnh`,
    purpose: 'Đẩy mạnh phong trào thi đua.',
    requirements: 'Thiết thực, hiệu quả.',
    sections: [{ heading: '1. Tuyên truyền', body: 'Tuyên truyền Luật Thi đua, khen thưởng.' }],
    organisation: [{ heading: '1. Văn phòng Sở', body: 'Tham mưu, tổng hợp.' }],
    recipients: ['Sở Nội vụ;', 'Lưu: VT, VP.'],
    signerTitle: 'GIÁM ĐỐC',
    signerName: 'Hoàng Văn Thạch',
    registrationDeadline: `${Y}-01-30`,
    tasks: [
      {
        quarter: 1,
        content: 'Đăng ký danh hiệu thi đua',
        leadUnits: [{ unitId: vp, name: 'Văn phòng Sở' }],
        supportUnits: [{ unitId: null, name: 'Các đơn vị thuộc Sở' }],
        dueDate: `${Y}-01-30`,
      },
      {
        quarter: 2,
        content: 'Sơ kết 6 tháng',
        leadUnits: [{ unitId: vp, name: 'Văn phòng Sở' }],
        supportUnits: [{ unitId: ttud, name: 'Trung tâm Ứng dụng' }],
        dueDate: `${Y}-06-30`,
      },
      { quarter: 4, content: 'Bình xét danh hiệu', leadUnits: [{ unitId: null, name: 'Hội đồng TĐKT Sở' }], supportUnits: [] },
    ],
    deadlines: [{ key: 'report_h1', kind: 'report', audience: 'units', title: 'Báo cáo 6 tháng', dueDate: `${Y}-06-25` }],
    ...over,
  });

  let planId = '';

  it('creates a draft with its quarterly schedule; drafts stay out of the calendar', async () => {
    const r = await office.post('/api/plans', body());
    assert.equal(r.status, 201, JSON.stringify(r.body));
    planId = r.body.id;
    assert.equal(r.body.status, 'draft');
    assert.deepEqual(
      r.body.tasks.map((x: { quarter: number; seq: number }) => [x.quarter, x.seq]),
      [
        [1, 1],
        [2, 2],
        [4, 3],
      ],
    );
    assert.equal(r.body.tasks[1].supportUnits[0].unitId, ttud);
    assert.ok(r.body.abilities.includes('publish'));
    const cal = await office.get(`/api/calendar?from=${Y}-01-01&to=${Y}-12-31`);
    assert.equal(cal.body.items.filter((d: { sourceId: string }) => d.sourceId === planId).length, 0);
    // The clerk below does not see a draft of the Sở.
    assert.equal((await clerk.get(`/api/plans/${planId}`)).status, 404);
  });

  it('edits with optimistic locking', async () => {
    const cur = (await office.get(`/api/plans/${planId}`)).body;
    const ok = await office.put(`/api/plans/${planId}`, body({ version: cur.version, title: `Kế hoạch TĐKT năm ${Y} (sửa)` }));
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const stale = await office.put(`/api/plans/${planId}`, body({ version: cur.version }));
    assert.equal(stale.status, 409);
    assert.match(stale.body.message, /người khác sửa/);
  });

  it('publishes: deadlines enter the calendar, the clerk below reads it, public portal shows it', async () => {
    const r = await office.post(`/api/plans/${planId}/publish`);
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'published');
    const keys = r.body.deadlines.map((d: { key: string }) => d.key).sort();
    assert.deepEqual(keys, ['registration', 'task-1', 'task-2', 'x-report_h1']);
    // Publishing twice is a state conflict (PlanNotPublishable → 409).
    const twice = await office.post(`/api/plans/${planId}/publish`);
    assert.deepEqual([twice.status, twice.body.error], [409, 'plan_not_publishable']);
    const c = await clerk.get(`/api/plans/${planId}`);
    assert.equal(c.status, 200);
    assert.deepEqual(c.body.abilities, ['read']);
    // The clerk may not edit the Sở's plan (role lacks plan.update: 403).
    assert.equal((await clerk.put(`/api/plans/${planId}`, body())).status, 403);
    const cal = await clerk.get(`/api/calendar?from=${Y}-06-01&to=${Y}-06-30&unitId=${ttud}`);
    assert.deepEqual(
      cal.body.items.map((d: { title: string }) => d.title),
      ['Báo cáo 6 tháng'],
    );
    const pub = await t.anonymous.request('GET', `/api/public/plans/${planId}`);
    assert.equal(pub.status, 200);
    assert.equal(pub.body.tasks.length, 3);
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, planId));
    assert.deepEqual(audit.map((a) => a.action).sort(), ['plan.created', 'plan.published', 'plan.updated']);
  });

  it('updates a task’s progress; a done task leaves the reminders', async () => {
    const p = (await office.get(`/api/plans/${planId}`)).body;
    const r = await office.post(`/api/plans/${planId}/tasks/${p.tasks[1].id}/progress`, { status: 'done', progress: 40 });
    assert.equal(r.status, 200);
    assert.equal(r.body.tasks[1].progress, 100);
    const [d] = await t.db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.sourceId, planId), eq(deadlines.key, 'task-2')));
    assert.equal(d!.status, 'done');
    assert.equal((await office.post(`/api/plans/${planId}/tasks/${p.tasks[1].id}/progress`, { status: 'in_progress', progress: 120 })).status, 400);
  });

  it("copies last year's plan to the next year, and the superior's plan to a unit below", async () => {
    const next = await office.post(`/api/plans/${planId}/copy`, { unitId: root, year: Y + 1 });
    assert.equal(next.status, 201, JSON.stringify(next.body));
    assert.equal(next.body.year, Y + 1);
    assert.equal(next.body.status, 'draft');
    assert.equal(next.body.registrationDeadline, `${Y + 1}-01-30`);
    assert.equal(next.body.tasks.length, 3);
    assert.ok(next.body.tasks.every((x: { status: string }) => x.status === 'not_started'));
    assert.equal(next.body.tasks[1].dueDate, `${Y + 1}-06-30`);
    assert.equal(next.body.title, `Kế hoạch TĐKT năm ${Y + 1} (sửa)`);
    assert.equal(next.body.copiedFromId, planId);
    // The unit below starts its own plan from the Sở's: cites it as basis.
    const admin = await t.login('admin');
    const below = await admin.post(`/api/plans/${planId}/copy`, { unitId: ttud, year: Y });
    assert.equal(below.status, 201);
    assert.equal(below.body.superiorPlanId, planId);
    assert.match(below.body.superiorPlanRef, /Kế hoạch số 05\/KH-SKHCN của Sở Khoa học và Công nghệ tỉnh Cao Bằng/);
    assert.ok(below.body.tasks.every((x: { leadUnits: { unitId: string | null }[] }) => x.leadUnits.every((u) => u.unitId === null)));
  });

  it('refuses bad input with Vietnamese messages and stores nothing', async () => {
    const before = (await t.db.select().from(plans)).length;
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ title: 'x' }, /ít nhất 3 ký tự/],
      [{ tasks: [{ quarter: 5, content: 'Nhiệm vụ' }] }, /Quý phải từ 1 đến 4/],
      [{ registrationDeadline: `${Y}-02-30` }, /không tồn tại/],
      [{ registrationDeadline: `${Y + 5}-01-30` }, /không thuộc năm/],
      [
        {
          deadlines: [
            { kind: 'report', title: 'Báo cáo', dueDate: `${Y}-06-25` },
            { kind: 'report', title: 'Báo cáo năm', dueDate: `${Y}-12-25`, key: 'd1' },
          ],
        },
        /trùng/,
      ],
    ];
    for (const [over, msg] of cases) {
      const r = await office.post('/api/plans', body(over));
      assert.equal(r.status, 400, JSON.stringify(over));
      assert.match(r.body.message, msg);
    }
    // A task naming a unit of another agency.
    const other = crypto.randomUUID();
    const r = await office.post('/api/plans', body({ tasks: [{ quarter: 1, content: 'Nhiệm vụ', leadUnits: [{ unitId: other, name: 'Lạ' }] }] }));
    assert.equal(r.status, 400);
    assert.match(r.body.message, /không thuộc phạm vi/);
    assert.equal((await t.db.select().from(plans)).length, before);
    // A clerk cannot create a plan (403); a plan for another unit is 404.
    assert.equal((await clerk.post('/api/plans', body({ unitId: ttud }))).status, 403);
  });

  it('a plan dated before the superior plan it carries out is saved with a warning (issue 19), not refused; a later date clears it', async () => {
    const admin = await t.login('admin');
    const parent = await office.post('/api/plans', body({ number: '12/KH-SKHCN', issuedDate: `${Y}-01-10` }));
    assert.equal(parent.status, 201, JSON.stringify(parent.body));
    assert.deepEqual(parent.body.warnings, []);
    const child = (issuedDate: string) =>
      body({
        unitId: ttud,
        number: '03/KH-TTUD',
        title: `Kế hoạch thi đua năm ${Y} của Trung tâm`,
        superiorPlanId: parent.body.id,
        issuedDate,
        tasks: [],
        deadlines: [],
      });
    const early = await admin.post('/api/plans', child(`${Y}-01-05`));
    assert.equal(early.status, 201, JSON.stringify(early.body));
    assert.equal(early.body.issuedDate, `${Y}-01-05`, 'stored as entered');
    assert.equal(early.body.warnings.length, 1);
    assert.match(
      early.body.warnings[0],
      new RegExp(`Ngày ban hành 05/01/${Y} trước ngày ban hành kế hoạch cấp trên \\(Kế hoạch số 12/KH-SKHCN ngày 10/01/${Y}\\)`),
    );
    assert.deepEqual((await admin.get(`/api/plans/${early.body.id}`)).body.warnings, early.body.warnings, 'read back with its warning');
    const fixed = await admin.put(`/api/plans/${early.body.id}`, { ...child(`${Y}-01-15`), version: early.body.version });
    assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
    assert.deepEqual(fixed.body.warnings, []);
  });
});
