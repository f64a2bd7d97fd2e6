import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq } from 'drizzle-orm';
import PizZip from 'pizzip';
import { createTestApp, DEMO_PASSWORD, type Client, type TestApp } from '../helpers/app.js';
import { buildUnit, clerkOf } from '../helpers/factories.js';
import { clusterMembers, clusterScores, clusterTasks, deadlines } from '../../src/server/db/schema/index.js';
import { setClock } from '../../src/server/clock.js';
import { instantVn } from '../../src/shared/clock.js';

type Member = { id: string; unitId: string | null; name: string; mayAdjust: boolean; checkerMemberId: string | null };
type CalendarItem = { sourceType: string; sourceId: string; title: string; dueDate: string; status: string; unitId: string };

const docText = (buf: Buffer) =>
  new PizZip(buf)
    .file('word/document.xml')!
    .asText()
    .replace(/<[^>]+>/g, '');

/** The cluster's plan tasks on the deadline calendar, cross-checking members, the head's report to the Ban, the province's ranking. */
describe('clusters: dated plan tasks, cross-checking, the head report, the province ranking', () => {
  let t: TestApp;
  let office: Client;
  let admin: Client;
  let head: Client;
  let checker: Client;
  let checked: Client;
  let stranger: Client;
  let cid = '';
  let members: Member[] = [];
  const units: { id: string; name: string }[] = [];

  before(async () => {
    setClock(instantVn('2026-03-10', '23:30'));
    t = await createTestApp();
    office = await t.login('vanphong');
    admin = await t.login('admin');
    for (let i = 1; i <= 3; i++) units.push(await buildUnit(admin, { parentId: t.demo.rootUnitId, name: `Sở Kế hoạch ${i}`, kind: 'subordinate' }));
    const c = await office.post('/api/clusters', {
      year: 2026,
      kind: 'cum',
      name: 'Cụm thi đua kế hoạch',
      organiserName: 'Hội đồng Thi đua - Khen thưởng tỉnh Cao Bằng',
      scale: 100,
      reportDueH1: '2026-06-20',
      reportDueYear: '2026-11-30',
    });
    assert.equal(c.status, 200, JSON.stringify(c.body));
    cid = c.body.id;
    for (const u of units) assert.equal((await office.post(`/api/clusters/${cid}/members`, { unitId: u.id })).status, 200);
    assert.equal((await office.post(`/api/clusters/${cid}/members`, { name: 'Cục Thuế tỉnh Cao Bằng' })).status, 200);
    members = (await office.get(`/api/clusters/${cid}/members`)).body.items;
    assert.equal(
      (await office.post(`/api/clusters/${cid}/leaders`, { headMemberId: members[0]!.id, deputyMemberId: members[1]!.id, electedOn: '2026-01-15' })).status,
      200,
    );
    head = await clerkOf(t, units[0]!.id);
    checker = await clerkOf(t, units[1]!.id);
    checked = await clerkOf(t, units[2]!.id);
    stranger = await clerkOf(t, (await buildUnit(admin, { parentId: t.demo.rootUnitId, name: 'Sở Ngoài cụm kế hoạch' })).id);
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  const calendar = async (c: Client) => {
    const r = await c.get('/api/calendar?from=2026-01-01&to=2026-12-31');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    // This cluster's rows only (the demo block's tasks are on the Văn phòng Sở's calendar too).
    return (r.body.items as CalendarItem[]).filter((d) => d.sourceType === 'cluster_task' && d.title.startsWith('Cụm thi đua kế hoạch: '));
  };

  it('the head adds dated tasks; each member unit sees them on its deadline calendar, a stranger does not', async () => {
    const all = await head.post(`/api/clusters/${cid}/tasks`, { title: 'Ký kết giao ước thi đua', startDate: '2026-03-01', dueDate: '2026-03-31' });
    assert.equal(all.status, 200, JSON.stringify(all.body));
    const one = await head.post(`/api/clusters/${cid}/tasks`, {
      title: 'Tổ chức hội nghị sơ kết 6 tháng',
      dueDate: '2026-07-15',
      responsibleMemberId: members[1]!.id,
    });
    assert.equal(one.status, 200, JSON.stringify(one.body));
    assert.equal(one.body.tasks.length, 2);
    assert.equal(one.body.tasks[1].responsibleName, units[1]!.name);
    assert.deepEqual(one.body.abilities, ['edit']);

    const forChecked = await calendar(checked);
    assert.deepEqual(
      forChecked.map((d) => [d.title, d.dueDate]),
      [['Cụm thi đua kế hoạch: Ký kết giao ước thi đua', '2026-03-31']],
      'a member sees the tasks of every member, not one named for another',
    );
    const forResponsible = await calendar(checker);
    assert.deepEqual(
      forResponsible.map((d) => d.dueDate),
      ['2026-03-31', '2026-07-15'],
    );
    // The standing body above the members sees each member's row.
    assert.equal((await calendar(office)).length, 3 + 1);
    assert.equal((await calendar(stranger)).length, 0);
    // The members read the plan; only the head edits it.
    const read = await checked.get(`/api/clusters/${cid}/plan`);
    assert.equal(read.status, 200);
    assert.deepEqual(read.body.abilities, []);
    assert.equal((await checked.post(`/api/clusters/${cid}/tasks`, { title: 'Việc riêng', dueDate: '2026-05-01' })).status, 409);
    assert.equal((await stranger.get(`/api/clusters/${cid}/plan`)).status, 404);
  });

  it('refuses bad tasks with a Vietnamese message and stores nothing', async () => {
    const [before] = await t.db.select({ n: count() }).from(clusterTasks).where(eq(clusterTasks.clusterId, cid));
    const reversed = await head.post(`/api/clusters/${cid}/tasks`, { title: 'Ngược', startDate: '2026-05-10', dueDate: '2026-05-01' });
    assert.equal(reversed.status, 400);
    assert.match(reversed.body.message, /Ngày bắt đầu phải trước hạn hoàn thành/);
    const blank = await head.post(`/api/clusters/${cid}/tasks`, { title: '   ', dueDate: '2026-05-01' });
    assert.equal(blank.status, 400);
    assert.match(blank.body.message, /Hãy nhập nội dung nhiệm vụ/);
    const otherYear = await head.post(`/api/clusters/${cid}/tasks`, { title: 'Năm khác', dueDate: '2024-05-01' });
    assert.equal(otherYear.status, 400);
    assert.match(otherYear.body.message, /trong năm 2026/);
    const stranger404 = await head.post(`/api/clusters/${cid}/tasks`, { title: 'Lạ', dueDate: '2026-05-01', responsibleMemberId: crypto.randomUUID() });
    assert.equal(stranger404.status, 404);
    const [afterRows] = await t.db.select({ n: count() }).from(clusterTasks).where(eq(clusterTasks.clusterId, cid));
    assert.deepEqual(afterRows, before);
  });

  it('edits a task (the calendar follows), refuses a stale version, marks one done and cancels another', async () => {
    const plan = (await head.get(`/api/clusters/${cid}/plan`)).body;
    const pledge = plan.tasks[0];
    const moved = await head.put(`/api/clusters/${cid}/tasks/${pledge.id}`, {
      title: 'Ký kết giao ước thi đua năm 2026',
      dueDate: '2026-04-10',
      version: pledge.version,
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal((await calendar(checked))[0]!.dueDate, '2026-04-10');
    assert.equal((await calendar(checked))[0]!.title, 'Cụm thi đua kế hoạch: Ký kết giao ước thi đua năm 2026');
    const stale = await head.put(`/api/clusters/${cid}/tasks/${pledge.id}`, { title: 'Cũ', dueDate: '2026-04-11', version: pledge.version });
    assert.equal(stale.status, 409);
    const fresh = moved.body.tasks.find((x: { id: string }) => x.id === pledge.id);
    const done = await head.post(`/api/clusters/${cid}/tasks/${pledge.id}/close`, { version: fresh.version, outcome: 'done' });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.tasks.find((x: { id: string }) => x.id === pledge.id).status, 'done');
    assert.deepEqual(
      (await calendar(checked)).map((d) => d.status),
      ['done'],
    );
    const again = await head.post(`/api/clusters/${cid}/tasks/${pledge.id}/close`, { version: fresh.version + 1, outcome: 'cancelled' });
    assert.equal(again.status, 409);
    const review = done.body.tasks.find((x: { id: string }) => x.id !== pledge.id);
    const cancelled = await head.post(`/api/clusters/${cid}/tasks/${review.id}/close`, { version: review.version, outcome: 'cancelled' });
    assert.equal(cancelled.status, 200);
    assert.deepEqual(
      (await calendar(checker)).map((d) => d.dueDate),
      ['2026-04-10'],
      'a cancelled task leaves the calendar',
    );
    const rows = await t.db.select().from(deadlines).where(eq(deadlines.sourceId, review.id));
    assert.deepEqual(
      rows.map((r) => r.status),
      ['cancelled'],
    );
  });

  it('a cross-checking member adjusts the member it checks, with a reason, and nobody else', async () => {
    const table = await head.put(`/api/clusters/${cid}/scoring`, {
      scale: 100,
      version: (await head.get(`/api/clusters/${cid}`)).body.version,
      criteria: [
        { groupName: 'Nhiệm vụ', title: 'Hoàn thành chỉ tiêu', kind: 'criterion', maxPoints: 60 },
        { groupName: 'Nhiệm vụ', title: 'Cải cách hành chính', kind: 'criterion', maxPoints: 40 },
      ],
    });
    assert.equal(table.status, 200, JSON.stringify(table.body));
    const [crit] = (await head.get(`/api/clusters/${cid}/scoring`)).body.criteria;
    const [, m1, m2] = members;
    assert.equal((await checked.post(`/api/clusters/${cid}/scoring/members/${m2!.id}`, { entries: [{ criterionId: crit.id, points: 60 }] })).status, 200);
    assert.equal((await checker.post(`/api/clusters/${cid}/scoring/members/${m1!.id}`, { entries: [{ criterionId: crit.id, points: 55 }] })).status, 200);
    // Before any assignment a member may not adjust another.
    const early = await checker.post(`/api/clusters/${cid}/scoring/members/${m2!.id}/adjust`, { criterionId: crit.id, points: 50, reason: 'Thiếu minh chứng' });
    assert.equal(early.status, 409);
    assert.match(early.body.message, /thành viên được phân công chấm chéo/);

    const self = await head.put(`/api/clusters/${cid}/checkers`, { assignments: [{ memberId: m2!.id, checkerMemberId: m2!.id }] });
    assert.equal(self.status, 400);
    assert.match(self.body.message, /không tự chấm chéo chính mình/);
    const notMember = await head.put(`/api/clusters/${cid}/checkers`, { assignments: [{ memberId: m2!.id, checkerMemberId: crypto.randomUUID() }] });
    assert.equal(notMember.status, 400);
    assert.match(notMember.body.message, /phải là một thành viên của cụm/);
    assert.equal((await t.db.select().from(clusterMembers).where(eq(clusterMembers.id, m2!.id)))[0]!.checkerMemberId, null, 'nothing stored');
    assert.equal((await checker.put(`/api/clusters/${cid}/checkers`, { assignments: [{ memberId: m2!.id, checkerMemberId: m1!.id }] })).status, 409);

    const set = await head.put(`/api/clusters/${cid}/checkers`, { assignments: [{ memberId: m2!.id, checkerMemberId: m1!.id }] });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    const seen = (await checker.get(`/api/clusters/${cid}`)).body.members as Member[];
    assert.equal(seen.find((m) => m.id === m2!.id)!.checkerMemberId, m1!.id);
    assert.deepEqual(
      seen.filter((m) => m.mayAdjust).map((m) => m.id),
      [m2!.id],
      'the checker may adjust only the member it checks',
    );

    const adjusted = await checker.post(`/api/clusters/${cid}/scoring/members/${m2!.id}/adjust`, {
      criterionId: crit.id,
      points: 50,
      reason: 'Thiếu minh chứng',
    });
    assert.equal(adjusted.status, 200, JSON.stringify(adjusted.body));
    const [row] = await t.db.select().from(clusterScores).where(eq(clusterScores.memberId, m2!.id));
    assert.equal(row!.adjustedPoints, 50);
    assert.equal(row!.adjustReason, 'Thiếu minh chứng');
    // The checked member cannot adjust its checker back, nor itself.
    assert.equal((await checked.post(`/api/clusters/${cid}/scoring/members/${m1!.id}/adjust`, { criterionId: crit.id, points: 1, reason: 'x' })).status, 409);
    assert.equal((await checked.post(`/api/clusters/${cid}/scoring/members/${m2!.id}/adjust`, { criterionId: crit.id, points: 60, reason: 'x' })).status, 409);
    // Above the maximum: refused, the adjustment stays.
    const over = await checker.post(`/api/clusters/${cid}/scoring/members/${m2!.id}/adjust`, { criterionId: crit.id, points: 61, reason: 'x' });
    assert.equal(over.status, 400);
    assert.equal((await t.db.select().from(clusterScores).where(eq(clusterScores.memberId, m2!.id)))[0]!.adjustedPoints, 50);
  });

  it("the province's ranking in one answer agrees with each cluster's own, and stays within the actor's sight", async () => {
    const whole = await office.get('/api/clusters/ranking?year=2026');
    assert.equal(whole.status, 200, JSON.stringify(whole.body));
    const mine = whole.body.items.find((x: { clusterId: string }) => x.clusterId === cid);
    const own = (await office.get(`/api/clusters/${cid}/scoring`)).body.ranking;
    assert.deepEqual(mine.ranking, own);
    assert.equal(mine.ranking[0].name, units[1]!.name);
    assert.equal(mine.ranking[0].total, 55);
    assert.equal(mine.ranking.find((r: { name: string }) => r.name === units[2]!.name).total, 50, 'the adjustment counts');
    const forMember = await checked.get('/api/clusters/ranking?year=2026');
    assert.deepEqual(
      forMember.body.items.map((x: { clusterId: string }) => x.clusterId),
      [cid],
    );
    assert.equal((await stranger.get('/api/clusters/ranking?year=2026')).body.total, 0);
    assert.equal((await office.get('/api/clusters/ranking?year=1999')).status, 400);
  });

  it("the head sends its report to the Ban and prints it (Báo cáo tổng kết, NĐ 30) from the cluster's records", async () => {
    assert.equal((await checked.post(`/api/clusters/${cid}/head-reports`, { period: 'year' })).status, 409);
    const sent = await head.post(`/api/clusters/${cid}/head-reports`, { period: 'h1', note: 'Gửi qua hệ thống' });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    // No due date set by the standing body: never late.
    assert.deepEqual(sent.body.headReports[0], { period: 'h1', due: null, sentOn: '2026-03-10', note: 'Gửi qua hệ thống', late: false, daysLate: 0 });
    assert.equal(sent.body.headReports[1].sentOn, null);
    // A binary answer: a raw inject with the standing body's session.
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanphong', password: DEMO_PASSWORD } });
    const cookie = login.cookies.find((c) => c.name === 'tdkt_session')!;
    const doc = await t.app.inject({ method: 'GET', url: `/api/clusters/${cid}/head-report/document?period=year`, cookies: { tdkt_session: cookie.value } });
    assert.equal(doc.statusCode, 200, doc.body);
    const text = docText(doc.rawPayload);
    assert.match(text, /BÁO CÁO/);
    assert.match(text, /Tổng kết năm 2026 phong trào thi đua của Cụm thi đua kế hoạch/i);
    assert.match(text, /có 4 thành viên \(1 cơ quan, tổ chức ngoài hệ thống\); Trưởng cụm: Sở Kế hoạch 1, Phó cụm: Sở Kế hoạch 2/);
    assert.match(text, /đã hoàn thành 1 nhiệm vụ: Ký kết giao ước thi đua năm 2026 \(hạn 10\/04\/2026\)/);
    assert.match(text, /Dẫn đầu: Sở Kế hoạch 2 \(55 điểm\)/);
    assert.match(text, /TRƯỞNG CỤM/);
    assert.doesNotMatch(text, /Tổ chức hội nghị sơ kết 6 tháng/, 'a cancelled task is not reported');
    assert.equal((await stranger.get(`/api/clusters/${cid}/head-report/document?period=year`)).status, 404);
  });
});
