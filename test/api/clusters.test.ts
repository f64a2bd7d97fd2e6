import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq } from 'drizzle-orm';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { buildUnit, clerkOf } from '../helpers/factories.js';
import { clusterMembers, clusterScores, clusterSealedBallots, clusterVoterMarks } from '../../src/server/db/schema/index.js';
import { setClock } from '../../src/server/clock.js';
import { instantVn } from '../../src/shared/clock.js';
import PizZip from 'pizzip';
import ExcelJS from 'exceljs';
import { DEMO_PASSWORD } from '../helpers/app.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('clusters and blocks: members, pledge, scoring, ranking, vote, proposal', () => {
  let t: TestApp;
  let office: Client;
  let admin: Client;
  const units: { id: string; name: string }[] = [];
  let clusterId = '';
  let members: { id: string; unitId: string | null; name: string }[] = [];
  const clerks = new Map<string, Client>();
  let head: Client;

  before(async () => {
    setClock(instantVn('2025-12-10', '09:00'));
    t = await createTestApp();
    office = await t.login('vanphong');
    admin = await t.login('admin');
    for (let i = 1; i <= 6; i++) units.push(await buildUnit(admin, { parentId: t.demo.rootUnitId, name: `Sở Thành viên ${i}`, kind: 'subordinate' }));
    for (const u of units) clerks.set(u.id, await clerkOf(t, u.id));
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  it('the demo Sở heads its block with a published pledge and a scoring table (demo data)', async () => {
    const list = await office.get('/api/clusters');
    const demo = list.body.items.find((c: { name: string }) => c.name === 'Khối thi đua các cơ quan tham mưu tổng hợp');
    assert.ok(demo, 'the demo block is listed for the Văn phòng Sở');
    assert.ok(demo.abilities.includes('edit'), 'the Sở is the head of the year');
    const c = await office.get(`/api/clusters/${demo.id}`);
    assert.equal(c.body.members.length, 7);
    assert.equal(c.body.members.find((m: { role: string }) => m.role === 'head').unitId, t.demo.rootUnitId);
    const p = await office.get(`/api/clusters/${demo.id}/pledge`);
    assert.equal(p.body.published, true);
    assert.ok(p.body.scan);
    const s = await office.get(`/api/clusters/${demo.id}/scoring`);
    assert.ok(s.body.criteria.length >= 13);
    assert.ok(s.body.ranking[0].total > 0);
    // A clerk of another unit of the Sở is no member: the block stays out of sight.
    const donvi = await t.login('donvi');
    assert.equal((await donvi.get(`/api/clusters/${demo.id}`)).status, 404);
  });

  it('creates a block of 11 members mixing units of the installation and outside agencies', async () => {
    const c = await office.post('/api/clusters', {
      year: 2025,
      kind: 'khoi',
      name: 'Khối thi đua các cơ quan tổng hợp',
      organiserName: 'Hội đồng Thi đua - Khen thưởng tỉnh Cao Bằng',
      scale: 100,
      reportDueH1: '2025-06-20',
      reportDueYear: '2025-11-30',
    });
    assert.equal(c.status, 200, JSON.stringify(c.body));
    clusterId = c.body.id;
    for (const u of units) assert.equal((await office.post(`/api/clusters/${clusterId}/members`, { unitId: u.id })).status, 200);
    for (const n of ['Cục Thuế tỉnh Cao Bằng', 'Kho bạc Nhà nước khu vực', 'Bảo hiểm xã hội tỉnh', 'Cục Thống kê tỉnh', 'Ngân hàng Nhà nước chi nhánh tỉnh']) {
      const r = await office.post(`/api/clusters/${clusterId}/members`, { name: n, address: 'Thành phố Cao Bằng', contact: '0206 3850 000' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
    }
    const list = await office.get(`/api/clusters/${clusterId}/members`);
    assert.equal(list.body.total, 11);
    members = list.body.items;
    assert.equal(members.filter((m) => m.unitId).length, 6);
    const all = await office.get('/api/clusters?year=2025&kind=khoi');
    assert.equal(all.body.total, 1);
  });

  it('refuses a member in two blocks of the same year, and a head who is not a member', async () => {
    const other = await office.post('/api/clusters', { year: 2025, kind: 'khoi', name: 'Khối thi đua khác', scale: 100 });
    const before = await t.db.select({ n: count() }).from(clusterMembers);
    const dup = await office.post(`/api/clusters/${other.body.id}/members`, { unitId: units[0]!.id });
    assert.equal(dup.status, 409);
    assert.match(dup.body.message, /đã là thành viên của "Khối thi đua các cơ quan tổng hợp" năm 2025/);
    const dupOutside = await office.post(`/api/clusters/${other.body.id}/members`, { name: 'cục thuế tỉnh cao bằng' });
    assert.equal(dupOutside.status, 409);
    assert.deepEqual(await t.db.select({ n: count() }).from(clusterMembers), before);
    // The same unit may sit in a cụm of the same year.
    const cum = await office.post('/api/clusters', { year: 2025, kind: 'cum', name: 'Cụm thi đua thử', scale: 100 });
    assert.equal((await office.post(`/api/clusters/${cum.body.id}/members`, { unitId: units[0]!.id })).status, 200);
    const otherMember = (await office.post(`/api/clusters/${other.body.id}/members`, { name: 'Cơ quan lạ' })).body.id;
    const bad = await office.post(`/api/clusters/${clusterId}/leaders`, { headMemberId: otherMember, electedOn: '2025-01-15' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /Trưởng cụm, khối phải là một thành viên/);
  });

  it('elects the head and deputy; the head edits, a member clerk reads only', async () => {
    const r = await office.post(`/api/clusters/${clusterId}/leaders`, {
      headMemberId: members[0]!.id,
      deputyMemberId: members[1]!.id,
      electedOn: '2025-01-15',
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.headName, units[0]!.name);
    assert.equal(r.body.leaderHistory.length, 1);
    head = clerks.get(units[0]!.id)!;
    const h = await head.get(`/api/clusters/${clusterId}`);
    assert.ok(h.body.abilities.includes('edit'));
    const m = await clerks.get(units[2]!.id)!.get(`/api/clusters/${clusterId}`);
    assert.equal(m.status, 200);
    assert.ok(!m.body.abilities.includes('edit'));
    assert.ok(m.body.abilities.includes('score'));
    const refused = await clerks.get(units[2]!.id)!.put(`/api/clusters/${clusterId}/pledge`, { commonTargets: ['x'], memberTargets: [] });
    assert.equal(refused.status, 409);
    // A clerk of a unit that is no member does not see the block at all.
    const stranger = await clerkOf(t, (await buildUnit(admin, { parentId: t.demo.rootUnitId, name: 'Sở Ngoài khối' })).id);
    assert.equal((await stranger.get(`/api/clusters/${clusterId}`)).status, 404);
    assert.equal((await stranger.get('/api/clusters')).body.total, 0);
  });

  it('signs and publishes the pledge with common and own targets', async () => {
    const memberClerk = clerks.get(units[3]!.id)!;
    const p = await head.put(`/api/clusters/${clusterId}/pledge`, {
      signedDate: '2025-02-20',
      place: 'Thành phố Cao Bằng',
      commonTargets: ['100% cán bộ hoàn thành nhiệm vụ', 'Giải ngân vốn đầu tư công đúng tiến độ'],
      memberTargets: [{ memberId: members[3]!.id, targets: ['Số hóa 100% hồ sơ TĐKT'] }],
    });
    assert.equal(p.status, 200, JSON.stringify(p.body));
    assert.equal((await memberClerk.get(`/api/clusters/${clusterId}/pledge`)).body.commonTargets.length, 0, 'not published yet');
    assert.equal((await head.post(`/api/clusters/${clusterId}/pledge/publish`)).status, 400);
    const up = await head.upload(`/api/clusters/${clusterId}/pledge/scan`, PDF, {}, 'giao-uoc-da-ky.pdf');
    assert.equal(up.status, 200, JSON.stringify(up.body));
    assert.equal((await head.post(`/api/clusters/${clusterId}/pledge/publish`)).status, 200);
    const seen = await memberClerk.get(`/api/clusters/${clusterId}/pledge`);
    assert.equal(seen.body.published, true);
    assert.equal(seen.body.commonTargets.length, 2);
    assert.deepEqual(seen.body.memberTargets.find((m: { memberId: string }) => m.memberId === members[3]!.id).targets, ['Số hóa 100% hồ sơ TĐKT']);
    const scan = await memberClerk.get(`/api/clusters/${clusterId}/pledge/scan`);
    assert.equal(scan.status, 200);
  });

  let criteria: { id: string; kind: string; maxPoints: number; minPoints: number; latePenalty: number | null }[] = [];

  it('keeps a table of 17 criteria with bonus and minus points; members self-score; the head adjusts; the ranking follows', async () => {
    const rows = [];
    for (let i = 1; i <= 15; i++)
      rows.push({
        groupName: i <= 8 ? 'I. Thực hiện nhiệm vụ chuyên môn' : 'II. Công tác thi đua, khen thưởng',
        title: `Tiêu chí ${i}`,
        kind: 'criterion',
        maxPoints: i === 15 ? 2 : 7,
      });
    rows.push({ groupName: 'III. Điểm thưởng', title: 'Được tặng Cờ thi đua của tỉnh', kind: 'bonus', maxPoints: 10 });
    rows.push({ groupName: 'IV. Điểm trừ', title: 'Nộp báo cáo muộn', kind: 'minus', minPoints: -4, latePenalty: 2 });
    rows.push({ groupName: 'IV. Điểm trừ', title: 'Vi phạm kỷ luật', kind: 'minus', minPoints: -10 });
    const cur = await head.get(`/api/clusters/${clusterId}`);
    const tooBig = await head.put(`/api/clusters/${clusterId}/scoring`, {
      scale: 100,
      version: cur.body.version,
      criteria: [...rows, { groupName: 'X', title: 'Thừa', kind: 'criterion', maxPoints: 5 }],
    });
    assert.equal(tooBig.status, 400);
    assert.match(tooBig.body.message, /vượt thang điểm 100/);
    const s = await head.put(`/api/clusters/${clusterId}/scoring`, { scale: 100, version: cur.body.version, criteria: rows });
    assert.equal(s.status, 200, JSON.stringify(s.body));
    criteria = s.body.criteria;
    assert.equal(criteria.length, 18);
    assert.equal(s.body.maxTotal, 100);

    const base = criteria.filter((c) => c.kind === 'criterion');
    const bonus = criteria.find((c) => c.kind === 'bonus')!;
    const discipline = criteria.find((c) => c.kind === 'minus' && c.latePenalty === null)!;
    const late = criteria.find((c) => c.latePenalty !== null)!;
    // Above the maximum, below the minimum, on the computed item: refused, nothing stored.
    const m2 = clerks.get(units[1]!.id)!;
    const over = await m2.post(`/api/clusters/${clusterId}/scoring/members/${members[1]!.id}`, { entries: [{ criterionId: base[0]!.id, points: 7.5 }] });
    assert.equal(over.status, 400);
    assert.match(over.body.message, /vượt mức tối đa 7/);
    const under = await m2.post(`/api/clusters/${clusterId}/scoring/members/${members[1]!.id}`, { entries: [{ criterionId: discipline.id, points: -11 }] });
    assert.equal(under.status, 400);
    assert.match(under.body.message, /thấp hơn mức tối thiểu -10/);
    assert.equal(
      (await m2.post(`/api/clusters/${clusterId}/scoring/members/${members[1]!.id}`, { entries: [{ criterionId: late.id, points: -2 }] })).status,
      400,
    );
    assert.equal((await t.db.select({ n: count() }).from(clusterScores).where(eq(clusterScores.clusterId, clusterId)))[0]!.n, 0);
    // A member cannot score another member.
    assert.equal(
      (await m2.post(`/api/clusters/${clusterId}/scoring/members/${members[2]!.id}`, { entries: [{ criterionId: base[0]!.id, points: 1 }] })).status,
      409,
    );

    for (const [i, m] of members.entries()) {
      const client = m.unitId ? clerks.get(m.unitId)! : head;
      const entries = base.map((c) => ({ criterionId: c.id, points: Math.max(0, c.maxPoints - (i === 1 ? 0 : i % 4)), evidence: `Báo cáo số ${i + 1}/BC` }));
      if (i === 1) entries.push({ criterionId: bonus.id, points: 10, evidence: 'QĐ tặng Cờ thi đua của tỉnh' });
      if (i === 5) entries.push({ criterionId: discipline.id, points: -5, evidence: null as unknown as string });
      const r = await client.post(`/api/clusters/${clusterId}/scoring/members/${m.id}`, { entries });
      assert.equal(r.status, 200, `${m.name}: ${JSON.stringify(r.body)}`);
    }
    // Reports: member 0 on time, member 2 late for the year report; the rest missing after the due date counts late too.
    for (const m of members.filter((x) => x.unitId)) {
      const c = clerks.get(m.unitId!)!;
      await c.post(`/api/clusters/${clusterId}/reports/${m.id}`, { period: 'h1' });
    }
    const on = await head.post(`/api/clusters/${clusterId}/reports/${members[6]!.id}`, { period: 'h1', submittedOn: '2025-06-18' });
    assert.equal(on.status, 200, JSON.stringify(on.body));

    const adj = await head.post(`/api/clusters/${clusterId}/scoring/members/${members[0]!.id}/adjust`, {
      criterionId: base[0]!.id,
      points: 5,
      reason: 'Chưa có minh chứng giải ngân quý IV',
    });
    assert.equal(adj.status, 200, JSON.stringify(adj.body));
    const noReason = await head.post(`/api/clusters/${clusterId}/scoring/members/${members[0]!.id}/adjust`, {
      criterionId: base[0]!.id,
      points: 5,
      reason: '',
    });
    assert.equal(noReason.status, 400);
    const score = adj.body.scores.find((x: { memberId: string; criterionId: string }) => x.memberId === members[0]!.id && x.criterionId === base[0]!.id);
    assert.equal(score.adjustedPoints, 5);
    assert.equal(score.selfPoints, 7);
    const ranking = adj.body.ranking as { memberId: string; total: number; rank: number; lateReports: number; bonus: number; minus: number }[];
    assert.equal(ranking.length, 11);
    assert.equal(ranking[0]!.memberId, members[1]!.id, 'the member with the Cờ bonus leads');
    assert.equal(ranking[0]!.bonus, 10);
    const first = ranking.find((r) => r.memberId === members[0]!.id)!;
    // 100 - 2 (adjusted) ; h1 reported late (10/12 > 20/06) and the year report missing after 30/11: 2 late × 2 = -4.
    assert.equal(first.lateReports, 2);
    assert.equal(first.total, 100 - 2 - 4);
    const sixth = ranking.find((r) => r.memberId === members[5]!.id)!;
    assert.equal(sixth.minus, -5 - 4);
    assert.ok(ranking.every((r, i) => i === 0 || ranking[i - 1]!.total >= r.total));
  });

  let meetingId = '';

  it('votes at the year-end meeting by secret ballot, refusing a vote without quorum', async () => {
    const s = await head.get(`/api/clusters/${clusterId}/scoring`);
    const leader = s.body.ranking[0].memberId as string;
    // Only 5 of 11 present: short of the 2/3 quorum.
    const few = await head.post(`/api/clusters/${clusterId}/meetings`, {
      heldOn: '2025-12-10',
      presentMemberIds: members.slice(0, 5).map((m) => m.id),
      items: [{ memberId: leader, honor: 'CO_BO_TINH' }],
    });
    assert.equal(few.status, 200, JSON.stringify(few.body));
    const shortId = few.body.items[0].id;
    const shortItem = few.body.items[0].items[0].id;
    const noQuorum = await clerks.get(units[1]!.id)!.post(`/api/clusters/${clusterId}/meetings/${shortId}/ballots`, {
      memberId: members[1]!.id,
      choices: [{ itemId: shortItem, choice: 'approve' }],
    });
    assert.equal(noQuorum.status, 409);
    assert.match(noQuorum.body.message, /Không đủ số thành viên dự họp: có mặt 5\/11/);
    assert.equal((await t.db.select({ n: count() }).from(clusterVoterMarks))[0]!.n, 0);
    assert.equal((await head.post(`/api/clusters/${clusterId}/meetings/${shortId}/close`, {})).status, 409);

    const present = members.slice(0, 9).map((m) => m.id); // 6 units + 3 outside agencies
    const m = await head.post(`/api/clusters/${clusterId}/meetings`, {
      heldOn: '2025-12-12',
      place: 'Hội trường Sở',
      presentMemberIds: present,
      items: [
        { memberId: leader, honor: 'CO_BO_TINH' },
        { memberId: members[0]!.id, honor: 'BK_BO_TINH' },
      ],
    });
    meetingId = m.body.items.find((x: { heldOn: string }) => x.heldOn === '2025-12-12').id;
    const items = m.body.items.find((x: { id: string }) => x.id === meetingId).items as { id: string }[];
    for (const [i, mem] of members.slice(0, 6).entries()) {
      const r = await clerks.get(mem.unitId!)!.post(`/api/clusters/${clusterId}/meetings/${meetingId}/ballots`, {
        memberId: mem.id,
        choices: [
          { itemId: items[0]!.id, choice: 'approve' },
          { itemId: items[1]!.id, choice: i < 2 ? 'approve' : 'reject' },
        ],
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
    }
    const again = await clerks.get(units[0]!.id)!.post(`/api/clusters/${clusterId}/meetings/${meetingId}/ballots`, {
      memberId: members[0]!.id,
      choices: [{ itemId: items[0]!.id, choice: 'reject' }],
    });
    assert.equal(again.status, 409);
    // Marks and sealed ballots are separate rows; no choice in clear.
    assert.equal((await t.db.select({ n: count() }).from(clusterVoterMarks))[0]!.n, 12);
    const sealed = await t.db.select().from(clusterSealedBallots);
    assert.equal(sealed.length, 12);
    assert.ok(sealed.every((b) => !b.sealed.toString('latin1').includes('approve')));
    const tooMany = await head.post(`/api/clusters/${clusterId}/meetings/${meetingId}/paper`, {
      itemId: items[0]!.id,
      counts: { approve: 4, reject: 0, abstain: 0 },
    });
    assert.equal(tooMany.status, 400);
    assert.equal(
      (await head.post(`/api/clusters/${clusterId}/meetings/${meetingId}/paper`, { itemId: items[0]!.id, counts: { approve: 3, reject: 0, abstain: 0 } }))
        .status,
      200,
    );
    const closed = await head.post(`/api/clusters/${clusterId}/meetings/${meetingId}/close`, {
      minutes: 'Hội nghị tổng kết công tác thi đua năm 2025 của Khối.',
    });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    const done = closed.body.items.find((x: { id: string }) => x.id === meetingId);
    assert.equal(done.status, 'closed');
    assert.equal(done.items[0].result.approve, 9);
    assert.equal(done.items[0].result.passed, true);
    assert.equal(done.items[1].result.approve, 2);
    assert.equal(done.items[1].result.passed, false);
  });

  it("sends the head's Tờ trình into the dossier pipeline; the Office receives it; another member's clerk cannot read it", async () => {
    const p = await head.post(`/api/clusters/${clusterId}/meetings/${meetingId}/proposal`);
    assert.equal(p.status, 200, JSON.stringify(p.body));
    const dossierId = p.body.dossierId as string;
    assert.equal((await head.post(`/api/clusters/${clusterId}/meetings/${meetingId}/proposal`)).status, 409);
    const d = await head.get(`/api/dossiers/${dossierId}`);
    assert.equal(d.status, 200);
    assert.equal(d.body.candidates.length, 1);
    assert.equal(d.body.candidates[0].proposedHonor, 'CO_BO_TINH');
    // The leader's achievement report joins the Tờ trình and the minutes before the head submits.
    const rep = await head.post(`/api/dossiers/${dossierId}/documents`, {
      kind: 'bao_cao_thanh_tich',
      candidateId: d.body.candidates[0].id,
      content: 'Báo cáo thành tích năm 2025 của đơn vị dẫn đầu Khối.',
    });
    assert.equal(rep.status, 201, JSON.stringify(rep.body));
    const cur = await head.get(`/api/dossiers/${dossierId}`);
    const sub = await head.post(`/api/dossiers/${dossierId}/submit`, { version: cur.body.version });
    assert.equal(sub.status, 200, JSON.stringify(sub.body));
    const inbox = await office.get('/api/dossiers?pageSize=100');
    assert.ok(inbox.body.items.some((x: { id: string; status: string }) => x.id === dossierId && x.status === 'submitted'));
    const recv = await office.post(`/api/dossiers/${dossierId}/receive`, { version: sub.body.version });
    assert.equal(recv.status, 200, JSON.stringify(recv.body));
    // The leader's own clerk and any other member's clerk: 404 on the head unit's dossier.
    assert.equal((await clerks.get(units[1]!.id)!.get(`/api/dossiers/${dossierId}`)).status, 404);
    assert.equal((await clerks.get(units[4]!.id)!.get(`/api/dossiers/${dossierId}`)).status, 404);
  });

  it('prints the pledge, the scoring summary (XLSX and DOCX), the minutes with the vote and the Tờ trình in NĐ 30 layout', async () => {
    // Binary answers: a raw inject with the standing body's session.
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanphong', password: DEMO_PASSWORD } });
    const cookie = login.cookies.find((c) => c.name === 'tdkt_session')!;
    const raw = async (url: string) => {
      const r = await t.app.inject({ method: 'GET', url, cookies: { tdkt_session: cookie.value } });
      assert.equal(r.statusCode, 200, `${url}: ${r.body}`);
      return r;
    };
    const docText = (buf: Buffer) =>
      new PizZip(buf)
        .file('word/document.xml')!
        .asText()
        .replace(/<[^>]+>/g, '');
    const pledge = docText((await raw(`/api/clusters/${clusterId}/pledge/document`)).rawPayload);
    assert.match(pledge, /BẢN GIAO ƯỚC THI ĐUA/);
    assert.match(pledge, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(pledge, /Giải ngân vốn đầu tư công đúng tiến độ/);
    assert.match(pledge, /Số hóa 100% hồ sơ TĐKT/);
    for (const m of members) assert.ok(pledge.includes(m.name), `pledge lists ${m.name}`);
    const ranking = (await head.get(`/api/clusters/${clusterId}/scoring`)).body.ranking as { name: string; total: number }[];
    const sheet = await raw(`/api/clusters/${clusterId}/scoring/export.xlsx`);
    assert.match(String(sheet.headers['content-type']), /spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    assert.equal(ws.getRow(1).getCell(2).value, 'Thành viên');
    assert.equal(ws.rowCount, 1 + members.length);
    assert.equal(ws.getRow(2).getCell(2).value, ranking[0]!.name);
    assert.equal(Number(ws.getRow(2).getCell(6).value), ranking[0]!.total);
    const summary = docText((await raw(`/api/clusters/${clusterId}/scoring/document`)).rawPayload);
    assert.match(summary, /BẢNG TỔNG HỢP ĐIỂM THI ĐUA/);
    assert.ok(summary.includes(ranking[0]!.name));
    const minutes = docText((await raw(`/api/clusters/${clusterId}/meetings/${meetingId}/minutes`)).rawPayload);
    assert.match(minutes, /BIÊN BẢN/);
    assert.match(minutes, /Cờ thi đua/);
    assert.match(minutes, /9\/11/);
    const proposal = docText((await raw(`/api/clusters/${clusterId}/meetings/${meetingId}/proposal/document`)).rawPayload);
    assert.match(proposal, /TỜ TRÌNH/);
    assert.match(proposal, /Kính gửi/);
    assert.ok(proposal.includes(units[0]!.name), 'signed by the head');
    // An outsider still gets 404 on the cluster's documents.
    const stranger = await clerkOf(t, (await buildUnit(admin, { parentId: t.demo.rootUnitId, name: 'Sở Ngoài khối 2' })).id);
    assert.equal((await stranger.get(`/api/clusters/${clusterId}/scoring/document`)).status, 404);
  });

  it('closes the table: no more scoring; next year copies members, table and suggests the rotation', async () => {
    assert.equal((await head.post(`/api/clusters/${clusterId}/scoring/close`)).status, 200);
    const late = await clerks.get(units[2]!.id)!.post(`/api/clusters/${clusterId}/scoring/members/${members[2]!.id}`, {
      entries: [{ criterionId: criteria[0]!.id, points: 1 }],
    });
    assert.equal(late.status, 409);
    assert.match(late.body.message, /đã khóa/);
    const next = await office.post('/api/clusters', { year: 2026, kind: 'khoi', name: 'Khối thi đua các cơ quan tổng hợp', scale: 100, copyFromId: clusterId });
    assert.equal(next.status, 200, JSON.stringify(next.body));
    assert.equal(next.body.memberCount, 11);
    assert.equal(next.body.leaderHistory.length, 1);
    const suggested = next.body.members.find((m: { id: string }) => m.id === next.body.rotation.headMemberId);
    assert.equal(suggested.name, members[1]!.name, "last year's deputy");
    const sc = await office.get(`/api/clusters/${next.body.id}/scoring`);
    assert.equal(sc.body.criteria.length, 18);
  });

  it('an account whose unit reaches two member units votes for each member separately', async () => {
    const parent = await buildUnit(admin, { parentId: t.demo.rootUnitId, name: 'Sở Mẹ hai thành viên', kind: 'subordinate' });
    const a = await buildUnit(admin, { parentId: parent.id, name: 'Chi cục Thành viên A', kind: 'subordinate' });
    const b = await buildUnit(admin, { parentId: parent.id, name: 'Chi cục Thành viên B', kind: 'subordinate' });
    const c = await office.post('/api/clusters', { year: 2025, kind: 'cum', name: 'Cụm thi đua hai chi cục', organiserName: 'Hội đồng TĐKT tỉnh', scale: 100 });
    assert.equal(c.status, 200, JSON.stringify(c.body));
    const cid = c.body.id as string;
    for (const u of [a, b]) assert.equal((await office.post(`/api/clusters/${cid}/members`, { unitId: u.id })).status, 200);
    assert.equal((await office.post(`/api/clusters/${cid}/members`, { name: 'Cục Hải quan tỉnh' })).status, 200);
    const mem = (await office.get(`/api/clusters/${cid}/members`)).body.items as { id: string; unitId: string | null }[];
    const ma = mem.find((x) => x.unitId === a.id)!;
    const mb = mem.find((x) => x.unitId === b.id)!;
    assert.equal((await office.post(`/api/clusters/${cid}/leaders`, { headMemberId: ma.id, electedOn: '2025-01-15' })).status, 200);
    const both = await clerkOf(t, parent.id);
    const created = await both.post(`/api/clusters/${cid}/meetings`, {
      heldOn: '2025-12-10',
      presentMemberIds: mem.map((x) => x.id),
      items: [{ memberId: ma.id, honor: 'CO_BO_TINH' }],
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const mid = created.body.items[0].id as string;
    const itemId = created.body.items[0].items[0].id as string;
    const itemNow = async () => {
      const r = await both.get(`/api/clusters/${cid}/meetings`);
      return r.body.items.find((x: { id: string }) => x.id === mid).items[0] as { voted: number; iVoted: boolean; myVotedMemberIds: string[] };
    };
    assert.equal((await both.post(`/api/clusters/${cid}/meetings/${mid}/ballots`, { memberId: ma.id, choices: [{ itemId, choice: 'approve' }] })).status, 200);
    const afterA = await itemNow();
    assert.equal(afterA.voted, 1);
    assert.deepEqual(afterA.myVotedMemberIds, [ma.id]);
    assert.equal(afterA.iVoted, false, 'member B has not voted yet');
    const rb = await both.post(`/api/clusters/${cid}/meetings/${mid}/ballots`, { memberId: mb.id, choices: [{ itemId, choice: 'reject' }] });
    assert.equal(rb.status, 200, JSON.stringify(rb.body));
    const afterB = await itemNow();
    assert.equal(afterB.voted, 2);
    assert.deepEqual([...afterB.myVotedMemberIds].sort(), [ma.id, mb.id].sort());
    assert.equal(afterB.iVoted, true);
    // A clerk of member A alone only sees its own mark.
    const onlyA = await clerkOf(t, a.id);
    const seen = (await onlyA.get(`/api/clusters/${cid}/meetings`)).body.items.find((x: { id: string }) => x.id === mid).items[0];
    assert.deepEqual(seen.myVotedMemberIds, [ma.id]);
    assert.equal(seen.iVoted, true);
  });
});
