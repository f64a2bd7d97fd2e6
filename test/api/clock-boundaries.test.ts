/**
 * Every date-sensitive flow follows the Vietnamese day (UTC+7), not the UTC one: each is replayed
 * with the clock fixed at 23:30 in Hà Nội on its last day (16:30Z, the same day in UTC) and at
 * 00:30 the next morning (17:30Z: still the last day in UTC, already the next day in Vietnam).
 * Code that takes "today" in UTC passes the first and fails the second.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { buildDossier, buildMovement, buildPerson, buildUnit, clerkOf, type BuiltPerson, type BuiltUnit } from '../helpers/factories.js';
import { ok } from '../helpers/dossiers.js';
import { addDays, instantVn, setClock, todayVn } from '../../src/server/clock.js';
import { notifications } from '../../src/server/db/schema/index.js';
import { registerDeadline } from '../../src/server/deadlines/register.js';
import { runReminderTick } from '../../src/server/jobs/reminders.js';
import { loadJobConfig } from '../../src/server/jobs/config.js';

/** The last day of every deadline below: Thursday 14/3/2024. */
const LAST = '2024-03-14';
const NEXT = addDays(LAST, 1);
/** 23:30 in Hà Nội on the last day: 16:30Z, the same day in UTC. */
const LATE = instantVn(LAST, '23:30');
/** 00:30 in Hà Nội the next day: 17:30Z, still the last day in UTC. */
const EARLY = instantVn(NEXT, '00:30');

describe('the clock: the Vietnamese day at 23:30 and at 00:30', () => {
  let t: TestApp;
  let admin: Client, office: Client, clerk: Client;
  let unit: BuiltUnit;
  let staff: BuiltPerson[];
  let movementId = '';
  const dossierIds = { late: '', early: '', stepped: '' };

  before(async () => {
    t = await createTestApp();
    setClock(instantVn('2024-03-01', '09:00'));
    admin = await t.login('admin');
    office = await t.login('vanphong');
    unit = await buildUnit(admin, { parentId: t.demo.rootUnitId, name: 'Phòng Đồng Hồ' });
    staff = [];
    for (const fullName of ['Nguyễn Văn Khuya', 'Trần Thị Sớm', 'Lê Văn Bước']) staff.push(await buildPerson(admin, { unitId: unit.id, fullName }));
    clerk = await clerkOf(t, unit.id);
    movementId = await buildMovement(t, office, { year: 2024, startDate: '2024-03-01', endDate: '2024-06-30', registrationDeadline: LAST });
    ok(await office.post('/api/dossiers/deadlines', { movementId, dueDate: LAST }));
    dossierIds.late = (await buildDossier(t, { unit, movementId, year: 2024, candidates: [staff[0]!], complete: true })).id;
    dossierIds.early = (await buildDossier(t, { unit, movementId, year: 2024, candidates: [staff[1]!], complete: true })).id;
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  it('the two instants are the ones meant: 16:30Z and 17:30Z on the same UTC day', () => {
    assert.equal(LATE.toISOString(), '2024-03-14T16:30:00.000Z');
    assert.equal(EARLY.toISOString(), '2024-03-14T17:30:00.000Z');
    assert.equal(todayVn(LATE), LAST);
    assert.equal(todayVn(EARLY), NEXT);
  });

  it('the audit filter by day finds an entry under its Vietnamese day', async () => {
    const unitsOn = async (day: string) =>
      ((await admin.get(`/api/audit?action=unit.created&from=${day}&to=${day}&pageSize=200`)).body.items as { summary: string }[])
        .map((e) => e.summary)
        .join('\n');
    setClock(LATE);
    await buildUnit(admin, { parentId: t.demo.rootUnitId, name: 'Tổ Trước Nửa Đêm' });
    assert.match(await unitsOn(LAST), /Tổ Trước Nửa Đêm/);
    setClock(EARLY);
    await buildUnit(admin, { parentId: t.demo.rootUnitId, name: 'Tổ Sau Nửa Đêm' });
    const next = await unitsOn(NEXT);
    assert.match(next, /Tổ Sau Nửa Đêm/);
    assert.doesNotMatch(next, /Tổ Trước Nửa Đêm/);
    assert.doesNotMatch(await unitsOn(LAST), /Tổ Sau Nửa Đêm/, 'at 17:30Z it is no longer the 14th in Hà Nội');
  });

  it('registration is open until 24:00 of its last day, then closed', async () => {
    const open = async () => ((await clerk.get(`/api/registrations?movementId=${movementId}`)).body as { campaign: { open: boolean } }).campaign.open;
    setClock(LATE);
    assert.equal(await open(), true);
    setClock(EARLY);
    assert.equal(await open(), false);
  });

  it('a registration is accepted at 23:30 on the last day and refused at 00:30', async () => {
    setClock(LATE);
    const r = await clerk.post('/api/registrations', { movementId, subjectKind: 'individual', personId: staff[0]!.id, honor: 'LDTT' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    setClock(EARLY);
    const late = await clerk.post('/api/registrations', { movementId, subjectKind: 'individual', personId: staff[1]!.id, honor: 'LDTT' });
    assert.deepEqual([late.status, late.body.error], [409, 'registration_closed'], JSON.stringify(late.body));
    assert.match(late.body.message, /hết hạn đăng ký/);
  });

  it('a dossier is received until 24:00 of the submission deadline, refused at 00:30', async () => {
    setClock(LATE);
    ok(await clerk.post(`/api/dossiers/${dossierIds.late}/submit`));
    setClock(EARLY);
    const late = await clerk.post(`/api/dossiers/${dossierIds.early}/submit`);
    assert.equal(late.status, 400, JSON.stringify(late.body));
    assert.match(late.body.message, /quá hạn nộp hồ sơ \(hạn 14\/03\/2024/);
  });

  it('a step past its working-day limit is overdue from 00:30 the next day, not at 23:30', async () => {
    setClock(instantVn('2024-03-01', '09:00'));
    const d = await buildDossier(t, { unit, year: 2024, type: 'dot_xuat', candidates: [staff[2]!] });
    const det = (await clerk.get(`/api/dossiers/${d.id}`)).body as { candidates: { id: string }[] };
    ok(await clerk.post(`/api/dossiers/${d.id}/documents`, { kind: 'to_trinh', content: 'Tờ trình khen thưởng đột xuất.' }), 201);
    ok(
      await clerk.post(`/api/dossiers/${d.id}/documents`, {
        kind: 'bao_cao_thanh_tich',
        candidateId: det.candidates[0]!.id,
        content: 'Tóm tắt thành tích đột xuất.',
      }),
      201,
    );
    ok(await clerk.post(`/api/dossiers/${d.id}/submit`));
    const clockOn = async () => {
      const o = (await office.get('/api/dossiers/overdue')).body as { items: { id: string; clock: { dueOn: string; overdue: boolean } }[] };
      return o.items.find((i) => i.id === d.id)?.clock;
    };
    setClock(instantVn('2024-03-08', '23:30'));
    const onTime = await clockOn();
    assert.equal(onTime?.dueOn, '2024-03-08', '5 working days from Friday 1/3');
    assert.equal(onTime?.overdue, false);
    setClock(instantVn('2024-03-09', '00:30'));
    assert.equal((await clockOn())?.overdue, true);
  });

  it("the calendar marks a deadline overdue from 00:30 the next day, and today's stays open at 23:30", async () => {
    const dl = await registerDeadline(t.db, {
      sourceType: 'dossier',
      sourceId: crypto.randomUUID(),
      key: 'clock',
      unitId: unit.id,
      kind: 'dossier',
      title: 'Hạn thử đồng hồ lịch',
      dueDate: LAST,
    });
    const item = async () => {
      const r = await clerk.get(`/api/calendar?from=${LAST}&to=${LAST}&unitId=${unit.id}`);
      ok(r);
      return (r.body.items as { id: string; overdue: boolean }[]).find((i) => i.id === dl.id);
    };
    setClock(LATE);
    assert.equal((await item())?.overdue, false);
    setClock(EARLY);
    assert.equal((await item())?.overdue, true);
  });

  describe('reminders', () => {
    const config = { ...loadJobConfig({ TDKT_PUBLIC_URL: 'https://tdkt.example.vn' }), smtpUrl: undefined };
    const deadline = (title: string) =>
      registerDeadline(t.db, { sourceType: 'dossier', sourceId: crypto.randomUUID(), key: 'clock', unitId: unit.id, kind: 'dossier', title, dueDate: LAST });
    const titlesOf = async (deadlineId: string) =>
      (
        await t.db
          .select({ title: notifications.title })
          .from(notifications)
          .where(and(eq(notifications.deadlineId, deadlineId)))
      ).map((n) => n.title);

    it('at 23:30 the reminder says "today is the deadline"; at 00:30 it says overdue', async () => {
      const a = await deadline('Nộp báo cáo A');
      await runReminderTick(t.db, { now: LATE, config, transport: null });
      assert.deepEqual(await titlesOf(a.id), ['Hôm nay là hạn chót: Nộp báo cáo A']);
      const b = await deadline('Nộp báo cáo B');
      await runReminderTick(t.db, { now: EARLY, config, transport: null });
      assert.deepEqual(await titlesOf(b.id), ['Quá hạn: Nộp báo cáo B (hạn 14/03/2024)']);
    });

    it('the tick without an explicit instant follows the clock', async () => {
      const c = await deadline('Nộp báo cáo C');
      setClock(EARLY);
      await runReminderTick(t.db, { config, transport: null });
      assert.deepEqual(await titlesOf(c.id), ['Quá hạn: Nộp báo cáo C (hạn 14/03/2024)']);
    });
  });
});
