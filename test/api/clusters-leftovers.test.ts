import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, count, eq, like } from 'drizzle-orm';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { buildUnit, clerkOf } from '../helpers/factories.js';
import { accounts, auditEvents, clusters, clusterScores, deadlines, notifications } from '../../src/server/db/schema/index.js';
import { runReminderTick } from '../../src/server/jobs/reminders.js';
import { loadJobConfig } from '../../src/server/jobs/config.js';
import { setClock } from '../../src/server/clock.js';
import { instantVn } from '../../src/shared/clock.js';

type Member = { id: string; unitId: string | null; name: string };
type CalendarItem = { sourceType: string; sourceId: string; title: string; dueDate: string; status: string; unitId: string; overdue: boolean };
type HeadReport = { period: 'h1' | 'year'; due: string | null; sentOn: string | null; late: boolean; daysLate: number };
type Score = {
  memberId: string;
  criterionId: string;
  selfPoints: number;
  adjustedPoints: number | null;
  adjustReason: string | null;
  adjustedAt: string | null;
  adjustedBy: { account: string | null; role: string | null; roleLabel: string; memberName: string | null } | null;
};

const NAME = 'Cụm thi đua bổ sung';

/**
 * Issue 11's leftovers: a member added after the plan's tasks exist gets them (calendar rows and
 * reminders); the head's reports to the Ban have due dates set by the standing body, and lateness;
 * an adjusted score says who adjusted it, as what, from what to what and why.
 */
describe('clusters: a member added later, the head report due dates, who adjusted a score', () => {
  let t: TestApp;
  let office: Client;
  let admin: Client;
  let head: Client;
  let second: Client;
  let checker: Client;
  let late: Client;
  let stranger: Client;
  let cid = '';
  let members: Member[] = [];
  const units: { id: string; name: string }[] = [];
  const config = { ...loadJobConfig({ TDKT_PUBLIC_URL: 'https://tdkt.example.vn' }), smtpUrl: undefined };

  before(async () => {
    setClock(instantVn('2026-07-10', '23:30'));
    t = await createTestApp();
    office = await t.login('vanphong');
    admin = await t.login('admin');
    for (let i = 1; i <= 4; i++) units.push(await buildUnit(admin, { parentId: t.demo.rootUnitId, name: `Sở Bổ sung ${i}`, kind: 'subordinate' }));
    head = await clerkOf(t, units[0]!.id);
    second = await clerkOf(t, units[1]!.id);
    checker = await clerkOf(t, units[2]!.id);
    late = await clerkOf(t, units[3]!.id);
    stranger = await clerkOf(t, (await buildUnit(admin, { parentId: t.demo.rootUnitId, name: 'Sở Ngoài cụm bổ sung' })).id);
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  const calendar = async (c: Client) => {
    const r = await c.get('/api/calendar?from=2026-01-01&to=2026-12-31');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return (r.body.items as CalendarItem[]).filter((d) => d.title.startsWith(`${NAME}: `));
  };
  const plan = async (c: Client) => {
    const r = await c.get(`/api/clusters/${cid}/plan`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body as { tasks: { id: string; title: string; version: number }[]; headReports: HeadReport[]; abilities: string[] };
  };

  it('the standing body sets the head report due dates at creation; reversed dates are refused and nothing is stored', async () => {
    const body = { year: 2026, kind: 'cum', name: NAME, scale: 100, reportDueH1: '2026-06-20', reportDueYear: '2026-11-30' };
    const [before] = await t.db.select({ n: count() }).from(clusters);
    const reversed = await office.post('/api/clusters', { ...body, headReportDueH1: '2026-12-31', headReportDueYear: '2026-12-15' });
    assert.equal(reversed.status, 400);
    assert.match(reversed.body.message, /Hạn báo cáo 6 tháng của Trưởng cụm, khối phải trước hạn báo cáo năm/);
    assert.deepEqual((await t.db.select({ n: count() }).from(clusters))[0], before);
    const c = await office.post('/api/clusters', { ...body, headReportDueH1: '2026-07-05' });
    assert.equal(c.status, 200, JSON.stringify(c.body));
    cid = c.body.id;
    assert.equal(c.body.headReportDueH1, '2026-07-05');
    assert.equal(c.body.headReportDueYear, null);
    for (const u of units.slice(0, 3)) assert.equal((await office.post(`/api/clusters/${cid}/members`, { unitId: u.id })).status, 200);
    members = (await office.get(`/api/clusters/${cid}/members`)).body.items;
    // No head yet: the due date sits on the standing body's calendar.
    const owner = await t.db.select().from(deadlines).where(eq(deadlines.sourceId, cid));
    assert.deepEqual(
      owner.map((d) => [d.key, d.unitId, d.status]),
      [['h1', t.demo.rootUnitId, 'open']],
    );
    const elected = await office.post(`/api/clusters/${cid}/leaders`, { headMemberId: members[0]!.id, electedOn: '2026-01-15' });
    assert.equal(elected.status, 200, JSON.stringify(elected.body));
  });

  it('a member added after the tasks exist gets the open tasks meant for every member, with their reminders; removed, it loses them', async () => {
    const all = await head.post(`/api/clusters/${cid}/tasks`, { title: 'Trao đổi kinh nghiệm', dueDate: '2026-07-20' });
    assert.equal(all.status, 200, JSON.stringify(all.body));
    const named = await head.post(`/api/clusters/${cid}/tasks`, { title: 'Khảo sát mô hình', dueDate: '2026-08-01', responsibleMemberId: members[1]!.id });
    assert.equal(named.status, 200, JSON.stringify(named.body));
    const finished = await head.post(`/api/clusters/${cid}/tasks`, { title: 'Ký giao ước', dueDate: '2026-03-31' });
    const done = finished.body.tasks.find((x: { title: string }) => x.title === 'Ký giao ước');
    assert.equal((await head.post(`/api/clusters/${cid}/tasks/${done.id}/close`, { version: done.version, outcome: 'done' })).status, 200);
    assert.deepEqual(await calendar(late), [], 'not a member yet');

    const added = await office.post(`/api/clusters/${cid}/members`, { unitId: units[3]!.id });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    const lateMember = added.body.id as string;
    const mine = await calendar(late);
    assert.deepEqual(
      mine.map((d) => [d.title, d.dueDate, d.status, d.unitId]),
      [[`${NAME}: Trao đổi kinh nghiệm`, '2026-07-20', 'open', units[3]!.id]],
      "the open task of every member; not another member's, nor one already done",
    );
    // The same calendar rows as the members that were there: every member's row of the task.
    const rows = await t.db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.sourceType, 'cluster_task'), eq(deadlines.status, 'open')));
    const ofTask = rows.filter((d) => d.title === `${NAME}: Trao đổi kinh nghiệm`);
    assert.deepEqual(ofTask.map((d) => d.unitId).sort(), units.map((u) => u.id).sort());
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'cluster.member_added'), like(auditEvents.summary, '%Sở Bổ sung 4%')));
    assert.match(audit!.summary, /Thêm "Sở Bổ sung 4".*1 nhiệm vụ đang thực hiện vào lịch thời hạn của thành viên mới/);

    // Reminded like the others (the 7-day reminder, the nearest one for a row registered late).
    await runReminderTick(t.db, { now: instantVn('2026-07-13', '09:00'), config, transport: null });
    const [lateAccount] = await t.db.select().from(accounts).where(eq(accounts.unitId, units[3]!.id));
    const told = await t.db
      .select({ title: notifications.title })
      .from(notifications)
      .where(and(eq(notifications.accountId, lateAccount!.id), like(notifications.title, `%${NAME}%`)));
    assert.deepEqual(
      told.map((n) => n.title),
      [`Còn 7 ngày: ${NAME}: Trao đổi kinh nghiệm (hạn 20/07/2026)`],
    );
    // The members' reports to the head are computed for it like for the others.
    const scoring = (await late.get(`/api/clusters/${cid}/scoring`)).body;
    assert.deepEqual(
      scoring.reports.filter((r: { memberId: string }) => r.memberId === lateMember).map((r: { period: string; due: string }) => [r.period, r.due]),
      [
        ['h1', '2026-06-20'],
        ['year', '2026-11-30'],
      ],
    );
    assert.ok(scoring.ranking.some((r: { memberId: string }) => r.memberId === lateMember));

    assert.equal((await office.del(`/api/clusters/${cid}/members/${lateMember}`)).status, 200);
    assert.deepEqual(await calendar(late), [], 'a removed member leaves the calendar');
    assert.equal((await calendar(second)).length, 3, 'the others keep theirs (the done task stays on their calendar as done)');
  });

  it('the standing body sets the due dates; the head and the standing body see a report missing after its due date, then sent late', async () => {
    const before = await plan(head);
    assert.deepEqual(before.abilities, ['edit']);
    assert.deepEqual(before.headReports[0], { period: 'h1', due: '2026-07-05', sentOn: null, note: null, late: true, daysLate: 5 });
    // Only the standing body sets them: the head's clerk lacks the right, a stale version is refused.
    const version = (await office.get(`/api/clusters/${cid}`)).body.version as number;
    assert.equal((await head.put(`/api/clusters/${cid}/head-report-dues`, { h1: '2026-07-30', year: null, version })).status, 403);
    assert.equal((await stranger.get(`/api/clusters/${cid}/plan`)).status, 404);
    const stale = await office.put(`/api/clusters/${cid}/head-report-dues`, { h1: '2026-07-05', year: '2026-12-15', version: version - 1 });
    assert.equal(stale.status, 409);
    const reversed = await office.put(`/api/clusters/${cid}/head-report-dues`, { h1: '2026-12-20', year: '2026-12-15', version });
    assert.equal(reversed.status, 400);
    assert.match(reversed.body.message, /phải trước hạn báo cáo năm/);
    const set = await office.put(`/api/clusters/${cid}/head-report-dues`, { h1: '2026-07-05', year: '2026-12-15', version });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.deepEqual(set.body.abilities, ['edit', 'manage']);
    assert.deepEqual(set.body.headReports[1], { period: 'year', due: '2026-12-15', sentOn: null, note: null, late: false, daysLate: 0 });

    // On the head's calendar (the standing body above sees it too), overdue.
    const onHead = await calendar(head);
    const h1Row = onHead.find((d) => d.sourceType === 'cluster_head_report' && d.dueDate === '2026-07-05');
    assert.ok(h1Row, JSON.stringify(onHead));
    assert.equal(h1Row.title, `${NAME}: Trưởng cụm gửi báo cáo 6 tháng tới Ban Thi đua - Khen thưởng`);
    assert.equal(h1Row.overdue, true);
    assert.ok((await calendar(office)).some((d) => d.sourceType === 'cluster_head_report'));
    assert.equal((await calendar(second)).filter((d) => d.sourceType === 'cluster_head_report').length, 0, 'a member owes nothing to the Ban');

    // The province's list says which clusters' heads are late.
    const list = await office.get('/api/clusters?year=2026');
    assert.deepEqual(list.body.items.find((x: { id: string }) => x.id === cid).headReportsLate, ['h1']);

    // Re-elected: the due dates move to the new head's unit.
    assert.equal((await office.post(`/api/clusters/${cid}/leaders`, { headMemberId: members[1]!.id, electedOn: '2026-07-10' })).status, 200);
    assert.equal((await calendar(head)).filter((d) => d.sourceType === 'cluster_head_report').length, 0);
    assert.equal((await calendar(second)).filter((d) => d.sourceType === 'cluster_head_report').length, 2);

    const sent = await second.post(`/api/clusters/${cid}/head-reports`, { period: 'h1' });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.deepEqual(sent.body.headReports[0], { period: 'h1', due: '2026-07-05', sentOn: '2026-07-10', note: null, late: true, daysLate: 5 });
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'cluster.head_report_sent'), like(auditEvents.summary, `%${NAME}%`)));
    assert.match(audit!.summary, /muộn 5 ngày so với hạn 05\/07\/2026/);
    const row = (await calendar(second)).find((d) => d.dueDate === '2026-07-05')!;
    assert.equal(row.status, 'done', 'sent: the reminders stop');
    // Sent late stays late on the list; the year report, sent before its due date, is not.
    assert.equal((await second.post(`/api/clusters/${cid}/head-reports`, { period: 'year' })).body.headReports[1].late, false);
    assert.deepEqual((await office.get('/api/clusters?year=2026')).body.items.find((x: { id: string }) => x.id === cid).headReportsLate, ['h1']);
    // Back to the first head for the scoring below.
    assert.equal((await office.post(`/api/clusters/${cid}/leaders`, { headMemberId: members[0]!.id, electedOn: '2026-07-10' })).status, 200);
  });

  it('an adjusted score says who adjusted it, as what, from what to what and why — to the member and to the head', async () => {
    const version = (await head.get(`/api/clusters/${cid}`)).body.version as number;
    const table = await head.put(`/api/clusters/${cid}/scoring`, {
      scale: 100,
      version,
      criteria: [
        { groupName: 'Nhiệm vụ', title: 'Hoàn thành chỉ tiêu', kind: 'criterion', maxPoints: 60 },
        { groupName: 'Nhiệm vụ', title: 'Cải cách hành chính', kind: 'criterion', maxPoints: 40 },
      ],
    });
    assert.equal(table.status, 200, JSON.stringify(table.body));
    const [c1, c2] = table.body.criteria as { id: string }[];
    const target = members[1]!;
    const self = await second.post(`/api/clusters/${cid}/scoring/members/${target.id}`, {
      entries: [
        { criterionId: c1!.id, points: 50 },
        { criterionId: c2!.id, points: 40 },
      ],
    });
    assert.equal(self.status, 200, JSON.stringify(self.body));
    assert.equal((await head.put(`/api/clusters/${cid}/checkers`, { assignments: [{ memberId: target.id, checkerMemberId: members[2]!.id }] })).status, 200);
    assert.equal(
      (await head.post(`/api/clusters/${cid}/scoring/members/${target.id}/adjust`, { criterionId: c1!.id, points: 45, reason: 'Thiếu minh chứng quý IV' }))
        .status,
      200,
    );
    assert.equal(
      (
        await checker.post(`/api/clusters/${cid}/scoring/members/${target.id}/adjust`, {
          criterionId: c2!.id,
          points: 35,
          reason: 'Chấm chéo: chưa có văn bản',
        })
      ).status,
      200,
    );
    const nameOf = async (unitId: string) => (await t.db.select().from(accounts).where(eq(accounts.unitId, unitId)))[0]!.displayName;
    for (const reader of [second, head]) {
      const s = (await reader.get(`/api/clusters/${cid}/scoring`)).body;
      const scores = (s.scores as Score[]).filter((x) => x.memberId === target.id);
      const one = scores.find((x) => x.criterionId === c1!.id)!;
      assert.equal(one.selfPoints, 50);
      assert.equal(one.adjustedPoints, 45);
      assert.equal(one.adjustReason, 'Thiếu minh chứng quý IV');
      assert.deepEqual(one.adjustedBy, { account: await nameOf(units[0]!.id), role: 'head', roleLabel: 'Trưởng cụm', memberName: units[0]!.name });
      assert.equal(one.adjustedAt, instantVn('2026-07-10', '23:30').toISOString());
      const two = scores.find((x) => x.criterionId === c2!.id)!;
      assert.deepEqual([two.selfPoints, two.adjustedPoints, two.adjustReason], [40, 35, 'Chấm chéo: chưa có văn bản']);
      assert.deepEqual(two.adjustedBy, {
        account: await nameOf(units[2]!.id),
        role: 'checker',
        roleLabel: 'Thành viên chấm chéo',
        memberName: units[2]!.name,
      });
    }
    // An unadjusted score says nothing; a cleared adjustment forgets who and why (the audit keeps it).
    const cleared = await head.post(`/api/clusters/${cid}/scoring/members/${target.id}/adjust`, { criterionId: c2!.id, points: null, reason: 'Đủ minh chứng' });
    assert.equal(cleared.status, 200, JSON.stringify(cleared.body));
    const back = (cleared.body.scores as Score[]).find((x) => x.memberId === target.id && x.criterionId === c2!.id)!;
    assert.deepEqual([back.adjustedPoints, back.adjustReason, back.adjustedBy, back.adjustedAt], [null, null, null, null]);
    const [row] = await t.db
      .select()
      .from(clusterScores)
      .where(and(eq(clusterScores.memberId, target.id), eq(clusterScores.criterionId, c1!.id)));
    assert.deepEqual([row!.adjustedAs, row!.adjustedByMemberId], ['head', members[0]!.id]);
    const ranking = cleared.body.ranking.find((r: { memberId: string }) => r.memberId === target.id);
    assert.equal(ranking.base, 45 + 40);
  });
});
