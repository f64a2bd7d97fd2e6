import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, unitId, type Client, type TestApp } from '../helpers/app.js';
import { auditEvents, registrations } from '../../src/server/db/schema/index.js';
import { addDays } from '../../src/server/deadlines/clock.js';
import { todayVn } from '../../src/server/clock.js';

/** Next year in the agency's calendar (Vietnam), whatever the hour in UTC. */
const Y = Number(todayVn().slice(0, 4)) + 1;

describe('registrations (đăng ký thi đua), late refusal and reopening, roll-up, pledges', () => {
  let t: TestApp;
  let office: Client;
  let clerk: Client;
  let staff: Client;
  let ttud: string;
  let vp: string;
  let movementId = '';
  let currentPlanId = '';
  let staffPersonId = '';
  let ttudPeople: { personId: string; fullName: string }[] = [];

  before(async () => {
    t = await createTestApp();
    office = await t.login('vanphong');
    clerk = await t.login('donvi');
    staff = await t.login('canhan');
    ttud = await unitId(office, 'Trung tâm Ứng dụng');
    vp = await unitId(office, 'Văn phòng Sở');
    const m = await office.post('/api/movements', {
      unitId: t.demo.rootUnitId,
      type: 'thematic',
      year: Y,
      title: 'Phong trào thi đua chuyển đổi số',
      startDate: todayVn(),
      endDate: `${Y}-12-31`,
      registrationDeadline: addDays(todayVn(), 20),
      honors: [
        { honor: 'BK_BO_TINH', quota: 1, quotaNote: '01 tập thể hoặc 01 cá nhân' },
        { honor: 'GK' },
        { honor: 'LDTT' },
        { honor: 'CSTDCS' },
        { honor: 'TTLDTT' },
        { honor: 'TTLDXS' },
      ],
    });
    assert.equal(m.status, 201, JSON.stringify(m.body));
    movementId = m.body.id;
    await office.post(`/api/movements/${movementId}/launch`);
    currentPlanId = (await office.get('/api/plans')).body.items[0].id;
    staffPersonId = (await staff.get('/api/people')).body.items[0].id;
  });
  after(async () => t.close());

  it('a person registers a title for themself; an honor for collectives is refused', async () => {
    const ok = await staff.post('/api/registrations', { movementId, subjectKind: 'individual', personId: staffPersonId, honor: 'LDTT' });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    const twice = await staff.post('/api/registrations', { movementId, subjectKind: 'individual', personId: staffPersonId, honor: 'LDTT' });
    assert.deepEqual([twice.status, twice.body.error], [409, 'registration_duplicate']);
    assert.match(twice.body.message, /đã đăng ký/);
    const bad = await staff.post('/api/registrations', { movementId, subjectKind: 'individual', personId: staffPersonId, honor: 'TTLDXS' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.message, 'Cá nhân không thể nhận "Tập thể lao động xuất sắc" (chỉ dành cho tập thể).');
    const notOffered = await staff.post('/api/registrations', { movementId, subjectKind: 'individual', personId: staffPersonId, honor: 'CSTD_BO_TINH' });
    assert.equal(notOffered.status, 400);
    assert.match(notOffered.body.message, /không xét/);
    // Someone else: not found for staff.
    const other = (await office.get(`/api/people?unitId=${vp}`)).body.items[0].id;
    assert.equal((await staff.post('/api/registrations', { movementId, subjectKind: 'individual', personId: other, honor: 'LDTT' })).status, 404);
    assert.equal(
      (
        await t.db
          .select()
          .from(registrations)
          .where(eq(registrations.campaignKey, `movement:${movementId}`))
      ).length,
      1,
    );
  });

  it('a clerk registers the whole unit in one table; other units are not found', async () => {
    const sheet = await clerk.get(`/api/registrations/sheet?movementId=${movementId}&unitId=${ttud}`);
    assert.equal(sheet.status, 200);
    ttudPeople = sheet.body.people;
    assert.ok(ttudPeople.length >= 10);
    assert.ok(sheet.body.people.some((p: { honors: string[] }) => p.honors.includes('LDTT')));
    const r = await clerk.put('/api/registrations/sheet', {
      movementId,
      unitId: ttud,
      collective: ['TTLDXS', 'BK_BO_TINH'],
      people: ttudPeople.map((p, i) => ({ personId: p.personId, honors: i < 2 ? ['LDTT', 'CSTDCS'] : ['LDTT'] })),
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.count, 2 + ttudPeople.length + 2);
    const bad = await clerk.put('/api/registrations/sheet', { movementId, unitId: ttud, collective: ['LDTT'], people: [] });
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /Tập thể không thể nhận "Lao động tiên tiến"/);
    // Another unit: the clerk's scope ends at its subtree.
    assert.equal((await clerk.put('/api/registrations/sheet', { movementId, unitId: vp, collective: ['TTLDTT'], people: [] })).status, 404);
    assert.equal((await clerk.get(`/api/registrations/sheet?movementId=${movementId}&unitId=${vp}`)).status, 404);
    assert.equal((await clerk.get(`/api/registrations?movementId=${movementId}&unitId=${vp}`)).status, 404);
    // Staff cannot use the unit table (403).
    assert.equal((await staff.put('/api/registrations/sheet', { movementId, unitId: ttud, collective: [], people: [] })).status, 403);
  });

  it('the Office sees the roll-up by unit and honor, with quotas', async () => {
    await office.put('/api/registrations/sheet', { movementId, unitId: vp, collective: ['BK_BO_TINH'], people: [] });
    const r = await office.get(`/api/registrations/rollup?movementId=${movementId}`);
    assert.equal(r.status, 200);
    const u = r.body.units.find((x: { unitId: string }) => x.unitId === ttud);
    assert.deepEqual(u.collective.sort(), ['BK_BO_TINH', 'TTLDXS']);
    assert.equal(u.individual.LDTT, ttudPeople.length);
    assert.equal(u.individual.CSTDCS, 2);
    const bk = r.body.honors.find((h: { honor: string }) => h.honor === 'BK_BO_TINH');
    assert.deepEqual([bk.total, bk.quota, bk.overQuota], [2, 1, true]);
    assert.equal((await clerk.get(`/api/registrations/rollup?movementId=${movementId}`)).status, 403);
  });

  it('refuses a late registration with a message, until the Office reopens it for that unit', async () => {
    // The demo plan of this year closed registration on 30/01.
    const late = await clerk.put('/api/registrations/sheet', { planId: currentPlanId, unitId: ttud, collective: ['TTLDTT'], people: [] });
    assert.deepEqual([late.status, late.body.error], [409, 'registration_closed']);
    assert.match(late.body.message, /Đã hết hạn đăng ký thi đua \(hạn chót 30\/01\/\d{4}\)/);
    assert.equal(
      (
        await t.db
          .select()
          .from(registrations)
          .where(eq(registrations.campaignKey, `plan:${currentPlanId}`))
      ).length,
      0,
    );
    assert.equal(
      (await clerk.post('/api/registrations/reopen', { planId: currentPlanId, unitId: ttud, until: addDays(todayVn(), 5), reason: 'Đơn vị mới kiện toàn' }))
        .status,
      403,
    );
    const re = await office.post('/api/registrations/reopen', {
      planId: currentPlanId,
      unitId: ttud,
      until: addDays(todayVn(), 5),
      reason: 'Đơn vị mới kiện toàn lãnh đạo',
    });
    assert.equal(re.status, 201, JSON.stringify(re.body));
    const ok = await clerk.put('/api/registrations/sheet', { planId: currentPlanId, unitId: ttud, collective: ['TTLDTT'], people: [] });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    // Still closed for the other units.
    const other = await office.put('/api/registrations/sheet', { planId: currentPlanId, unitId: vp, collective: ['TTLDTT'], people: [] });
    assert.deepEqual([other.status, other.body.error], [409, 'registration_closed']);
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'registration.reopened'));
    assert.equal(audit.length, 1);
    assert.match(audit[0]!.summary, /Đơn vị mới kiện toàn lãnh đạo/);
    const roll = await office.get(`/api/registrations/rollup?planId=${currentPlanId}`);
    assert.equal(roll.body.reopenings.length, 1);
  });

  it('withdraws a registration before the deadline', async () => {
    const list = await staff.get(`/api/registrations?movementId=${movementId}`);
    assert.equal(list.status, 200);
    assert.ok(list.body.items.length >= 1);
    assert.ok(list.body.items.every((i: { personId: string }) => i.personId === staffPersonId));
    const r = await staff.del(`/api/registrations/${list.body.items[0].id}`);
    assert.equal(r.status, 200);
  });

  it('records a pledge with its signed document, checked by content', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.alloc(2000, 32), Buffer.from('\n%%EOF\n')]);
    const ok = await office.upload(
      '/api/pledges',
      pdf,
      { unitId: vp, title: `Giao ước thi đua Cụm thi đua năm ${Y}`, year: String(Y), signedDate: `${Y}-02-15`, parties: 'Sở Nội vụ\nSở Tư pháp\nSở KH&CN' },
      'giao-uoc.pdf',
    );
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.documentMime, 'application/pdf');
    const list = await office.get(`/api/pledges?year=${Y}`);
    assert.deepEqual(list.body.items[0].parties, ['Sở Nội vụ', 'Sở Tư pháp', 'Sở KH&CN']);
    const doc = await office.get(`/api/pledges/${ok.body.id}/document`);
    assert.equal(doc.status, 200);
    assert.equal(doc.headers['content-type'], 'application/pdf');
    assert.equal((await clerk.get(`/api/pledges/${ok.body.id}/document`)).status, 404);
    const fake = await office.upload(
      '/api/pledges',
      Buffer.from('đây không phải PDF'),
      { unitId: vp, title: 'Giao ước', year: String(Y), signedDate: `${Y}-02-15` },
      'giao-uoc.pdf',
    );
    assert.equal(fake.status, 400);
    assert.match(fake.body.message, /PDF, Word/);
    const big = await office.upload(
      '/api/pledges',
      Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]),
      { unitId: vp, title: 'Giao ước', year: String(Y), signedDate: `${Y}-02-15` },
      'lon.pdf',
    );
    assert.equal(big.status, 413);
    assert.equal((await office.get(`/api/pledges?year=${Y}`)).body.items.length, 1);
  });
});
