import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, unitId, type Client, type TestApp } from '../helpers/app.js';
import { auditEvents, registrations } from '../../src/server/db/schema/index.js';
import { setClock, todayVn } from '../../src/server/clock.js';
import { addDays } from '../../src/server/deadlines/clock.js';

const Y = Number(todayVn().slice(0, 4)) + 1;

/** The module's list shape, the honors the server offers, named errors and abilities on the wire, the Vietnamese day at the deadline. */
describe('plans module contract: paged lists, registrable honors, abilities, deadlines by the Vietnamese day', () => {
  let t: TestApp;
  let office: Client;
  let clerk: Client;
  let staff: Client;
  let ttud: string;

  before(async () => {
    t = await createTestApp();
    office = await t.login('vanphong');
    clerk = await t.login('donvi');
    staff = await t.login('canhan');
    ttud = await unitId(office, 'Trung tâm Ứng dụng');
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  it('every list answers { items, total } and pages with page / pageSize', async () => {
    for (const url of ['/api/plans', '/api/movements', '/api/pledges', '/api/notifications']) {
      const all = await office.get(url);
      assert.equal(all.status, 200, url);
      assert.ok(Array.isArray(all.body.items) && typeof all.body.total === 'number', url);
      assert.equal(all.body.items.length, Math.min(all.body.total, 50), url);
    }
    const plans = (await t.anonymous.request('GET', '/api/public/plans?pageSize=200')).body;
    assert.ok(plans.total >= 4);
    const first = (await t.anonymous.request('GET', '/api/public/plans?page=1&pageSize=2')).body;
    const second = (await t.anonymous.request('GET', '/api/public/plans?page=2&pageSize=2')).body;
    assert.deepEqual([first.items.length, first.total], [2, plans.total]);
    assert.deepEqual(
      [...first.items, ...second.items].map((p: { id: string }) => p.id),
      plans.items.slice(0, first.items.length + second.items.length).map((p: { id: string }) => p.id),
    );
    assert.ok((await t.anonymous.request('GET', '/api/public/movements')).body.total >= 2);
    const bad = await office.get('/api/plans?pageSize=500');
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /Cỡ trang tối đa là 200/);
  });

  it('the server says which honors a subject registers for: the annual ones from the rules, or the movement’s', async () => {
    const plan = (await office.get('/api/plans?status=published')).body.items.find((p: { unitId: string }) => p.unitId === t.demo.rootUnitId);
    const annual = await clerk.get(`/api/registrations/honors?planId=${plan.id}`);
    assert.equal(annual.status, 200);
    assert.deepEqual(
      annual.body.items.map((h: { honor: string }) => h.honor),
      ['LDTT', 'CSTDCS', 'CSTD_BO_TINH', 'TTLDTT', 'TTLDXS', 'CO_BO_TINH', 'GK', 'BK_BO_TINH'],
    );
    assert.equal(annual.body.items[0].label, 'Lao động tiên tiến');
    const forMe = await staff.get(`/api/registrations/honors?planId=${plan.id}&subjectKind=individual`);
    assert.ok(forMe.body.items.every((h: { subjectKinds: string[] }) => h.subjectKinds.includes('individual')));
    assert.ok(!forMe.body.items.some((h: { honor: string }) => h.honor === 'TTLDXS'));
    const sheet = await clerk.get(`/api/registrations/sheet?planId=${plan.id}&unitId=${ttud}`);
    assert.deepEqual(
      sheet.body.campaign.honors.map((h: { honor: string }) => h.honor),
      annual.body.items.map((h: { honor: string }) => h.honor),
    );
    // An honor outside the list is refused by the same rule (before the deadline is even looked at).
    const hc = await clerk.post('/api/registrations', { planId: plan.id, subjectKind: 'collective', subjectUnitId: ttud, honor: 'HCLD3' });
    assert.deepEqual([hc.status, hc.body.error], [400, 'honor_not_registrable']);
    assert.match(hc.body.message, /không nhận đăng ký "Huân chương Lao động hạng Ba"/);
  });

  it('sends each record’s abilities from its policy: state and ownership, not only the role', async () => {
    const m = await office.post('/api/movements', {
      unitId: t.demo.rootUnitId,
      type: 'thematic',
      year: Y,
      title: 'Phong trào thử quyền',
      startDate: `${Y}-01-01`,
      endDate: `${Y}-12-31`,
    });
    assert.equal(m.status, 201, JSON.stringify(m.body));
    assert.deepEqual(m.body.abilities, ['read', 'update', 'launch']);
    const launched = await office.post(`/api/movements/${m.body.id}/launch`);
    assert.deepEqual(launched.body.abilities, ['read', 'update', 'close']);
    const closed = await office.post(`/api/movements/${m.body.id}/close`);
    assert.deepEqual(closed.body.abilities, ['read']);
    const closeAgain = await office.post(`/api/movements/${m.body.id}/close`);
    assert.deepEqual([closeAgain.status, closeAgain.body.error], [409, 'movement_not_closable']);
    const list = (await office.get('/api/plans?status=published')).body.items;
    assert.ok(list.length && list.every((p: { abilities: string[] }) => !p.abilities.includes('publish')));
  });

  it('records a pledge through a command: audited, and a pledge of a unit outside the scope is not found', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(500, 32), Buffer.from('\n%%EOF\n')]);
    const ok = await clerk.upload('/api/pledges', pdf, {
      unitId: ttud,
      title: 'Giao ước thi đua của Trung tâm',
      year: String(Y),
      signedDate: `${Y}-02-01`,
      parties: 'Phòng A; Phòng B',
    });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, ok.body.id));
    assert.equal(audit?.action, 'pledge.created');
    const outside = await clerk.upload('/api/pledges', pdf, { unitId: t.demo.rootUnitId, title: 'Giao ước của Sở', year: String(Y), signedDate: `${Y}-02-01` });
    assert.equal(outside.status, 404);
  });

  it('a registration deadline ends at midnight in Vietnam: open at 23:30, closed at 00:30 (UTC+7)', async () => {
    const deadline = addDays(todayVn(), 10);
    const m = await office.post('/api/movements', {
      unitId: t.demo.rootUnitId,
      type: 'thematic',
      year: Number(deadline.slice(0, 4)),
      title: 'Phong trào hạn đăng ký',
      startDate: todayVn(),
      endDate: addDays(todayVn(), 60),
      registrationDeadline: deadline,
      honors: [{ honor: 'TTLDXS' }, { honor: 'GK' }],
    });
    assert.equal(m.status, 201, JSON.stringify(m.body));
    assert.equal((await office.post(`/api/movements/${m.body.id}/launch`)).status, 200);
    // 23:30 in Hà Nội on the deadline is 16:30 UTC the same day.
    setClock(new Date(`${deadline}T16:30:00Z`));
    const inTime = await clerk.put('/api/registrations/sheet', { movementId: m.body.id, unitId: ttud, collective: ['TTLDXS'], people: [] });
    assert.equal(inTime.status, 200, JSON.stringify(inTime.body));
    // 00:30 the next day in Hà Nội is still the deadline's date in UTC (17:30).
    setClock(new Date(`${deadline}T17:30:00Z`));
    const late = await clerk.put('/api/registrations/sheet', { movementId: m.body.id, unitId: ttud, collective: ['GK'], people: [] });
    assert.deepEqual([late.status, late.body.error], [409, 'registration_closed']);
    const sheet = await clerk.get(`/api/registrations/sheet?movementId=${m.body.id}&unitId=${ttud}`);
    assert.equal(sheet.body.campaign.open, false);
    assert.deepEqual(sheet.body.campaign.abilities, []);
    setClock(null);
    const rows = await t.db
      .select()
      .from(registrations)
      .where(eq(registrations.campaignKey, `movement:${m.body.id}`));
    assert.deepEqual(
      rows.map((r) => r.honor),
      ['TTLDXS'],
    );
  });
});
