import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, unitId, type Client, type TestApp } from '../helpers/app.js';
import { buildPerson } from '../helpers/factories.js';
import { trainingParticipants } from '../../src/server/db/schema/index.js';
import { todayVn } from '../../src/server/clock.js';

const Y = Number(todayVn().slice(0, 4)) + 1;

describe('training: courses, participants within scope, attendance, units without a trained clerk', () => {
  let t: TestApp;
  let office: Client;
  let clerk: Client;
  let root: string;
  let ttud: string;
  let vp: string;
  let courseId = '';

  before(async () => {
    t = await createTestApp();
    office = await t.login('vanphong');
    clerk = await t.login('donvi');
    root = t.demo.rootUnitId;
    ttud = await unitId(office, 'Trung tâm Ứng dụng');
    vp = await unitId(office, 'Văn phòng Sở');
  });
  after(async () => t.close());

  it('creates a course; bad dates are refused in Vietnamese', async () => {
    const bad = await office.post('/api/trainings', { unitId: root, title: 'Lớp A', organiser: 'Sở Nội vụ', startDate: `${Y}-04-10`, endDate: `${Y}-04-09` });
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.body), /Ngày kết thúc/);
    const r = await office.post('/api/trainings', {
      unitId: root,
      title: `Bồi dưỡng nghiệp vụ thi đua, khen thưởng năm ${Y}`,
      organiser: 'Sở Nội vụ tỉnh Cao Bằng',
      startDate: `${Y}-04-10`,
      endDate: `${Y}-04-11`,
      place: 'Hội trường Sở Nội vụ',
      content: 'Luật Thi đua, khen thưởng 2022 và Nghị định 152/2025/NĐ-CP',
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    courseId = r.body.id;
    const list = await clerk.get('/api/trainings');
    assert.equal(list.status, 200);
    assert.ok(list.body.items.some((c: { id: string; abilities: string[] }) => c.id === courseId && c.abilities.includes('enrol')));
  });

  it('refuses a participant outside the clerk scope: Vietnamese error, nothing stored', async () => {
    const stored = (await t.db.select().from(trainingParticipants)).length;
    const own = await buildPerson(office, { unitId: ttud });
    const outsider = await buildPerson(office, { unitId: vp });
    const r = await clerk.post(`/api/trainings/${courseId}/participants`, { personIds: [own.id, outsider.id] });
    assert.equal(r.status, 400);
    assert.equal(r.body.error, 'participant_out_of_scope');
    assert.match(r.body.message, /không thuộc các đơn vị bạn quản lý/);
    assert.equal((await t.db.select().from(trainingParticipants)).length, stored);
    const ok = await clerk.post(`/api/trainings/${courseId}/participants`, { personIds: [own.id], tdktClerk: true });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.participants.length, 1);
    assert.equal((await clerk.post(`/api/trainings/${courseId}/participants`, { personIds: [own.id] })).status, 409);
  });

  it('lists units without a trained TĐKT clerk until attendance is recorded', async () => {
    const before = await office.get('/api/trainings/untrained-units?pageSize=200');
    assert.equal(before.status, 200);
    assert.ok(before.body.items.some((u: { id: string }) => u.id === ttud));
    const c = await office.get(`/api/trainings/${courseId}`);
    const pid = c.body.participants[0].id;
    const noCert = await office.put(`/api/trainings/${courseId}/participants/${pid}`, { attendance: 'absent', certificateNo: 'CN-01' });
    assert.equal(noCert.status, 400);
    assert.equal((await clerk.put(`/api/trainings/${courseId}/participants/${pid}`, { attendance: 'attended' })).status, 403);
    const att = await office.put(`/api/trainings/${courseId}/participants/${pid}`, {
      attendance: 'attended',
      certificateNo: 'CN-01',
      certificateDate: `${Y}-04-11`,
    });
    assert.equal(att.status, 200, JSON.stringify(att.body));
    const after = await office.get('/api/trainings/untrained-units?pageSize=200');
    assert.ok(!after.body.items.some((u: { id: string }) => u.id === ttud));
    assert.equal(after.body.total, before.body.total - 1);
  });

  it('exports the course list and the participants to Excel', async () => {
    const a = await office.get('/api/trainings/export.xlsx');
    assert.equal(a.status, 200);
    assert.match(String(a.headers['content-type']), /spreadsheetml/);
    const b = await clerk.get(`/api/trainings/${courseId}/participants.xlsx`);
    assert.equal(b.status, 200);
    assert.match(String(b.headers['content-type']), /spreadsheetml/);
  });
});
