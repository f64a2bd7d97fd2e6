import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, DEMO_PASSWORD, unitId, type Client, type TestApp } from '../helpers/app.js';
import { buildDossier, buildPerson } from '../helpers/factories.js';
import { initiativeApplications, initiativeAttachments, initiativeScores } from '../../src/server/db/schema/index.js';
import { todayVn } from '../../src/server/clock.js';

const Y = Number(todayVn().slice(0, 4));

/** Seed 002's fourth quarter: the Sở's initiative council scores three initiatives, recognises two, refuses one. */
describe('initiatives: round, recusal, scoring, recognition, eligibility', () => {
  let t: TestApp;
  let office: Client;
  let clerk: Client;
  let member: Client;
  let root: string;
  let ttud: string;
  let vp: string;
  let councilId: string;
  let rubricId: string;
  let roundId: string;
  let memberIds: string[];
  let author: { id: string; fullName: string };
  let coAuthor: { id: string; fullName: string };
  let duc: string;
  let son: string;
  const ids: string[] = [];

  before(async () => {
    t = await createTestApp();
    office = await t.login('vanphong');
    clerk = await t.login('donvi');
    member = await t.login('hoidong');
    root = t.demo.rootUnitId;
    ttud = await unitId(office, 'Trung tâm Ứng dụng');
    vp = await unitId(office, 'Văn phòng Sở');
    author = await buildPerson(office, { unitId: ttud, fullName: 'Vi Thị Sáng' });
    coAuthor = await buildPerson(office, { unitId: ttud, fullName: 'Hoàng Văn Kiến' });
  });
  after(async () => t.close());

  const criteria = [
    {
      key: 'tinh_moi',
      label: 'Tính mới',
      maxPoints: 30,
      levels: [
        { points: 30, descriptor: 'Mới hoàn toàn trong cơ quan' },
        { points: 15, descriptor: 'Cải tiến một phần' },
      ],
    },
    { key: 'kha_thi', label: 'Khả năng áp dụng', maxPoints: 30, levels: [{ points: 30, descriptor: 'Áp dụng rộng' }] },
    { key: 'hieu_qua', label: 'Hiệu quả', maxPoints: 30, levels: [{ points: 30, descriptor: 'Làm lợi rõ rệt' }] },
    { key: 'anh_huong', label: 'Phạm vi ảnh hưởng', maxPoints: 10, levels: [{ points: 10, descriptor: 'Toàn cơ quan' }] },
  ];
  const points = (n: number) => ({ tinh_moi: n, kha_thi: n, hieu_qua: n, anh_huong: Math.min(n, 10) });
  const application = (over: Record<string, unknown> = {}) => ({
    roundId,
    unitId: ttud,
    kind: 'sang_kien',
    title: 'Ứng dụng bản đồ số quản lý giống cây trồng',
    field: 'Nông nghiệp',
    authors: [{ personId: author.id, sharePercent: 100 }],
    appliedUnitId: ttud,
    firstAppliedOn: `${Y}-03-01`,
    novelty: 'Lần đầu số hóa bản đồ giống tại Sở.',
    application: 'Áp dụng tại các trạm thực nghiệm.',
    benefitVnd: 120_000_000,
    benefitText: 'Giảm thời gian tra cứu.',
    scopeAsked: 'co_so',
    ...over,
  });

  it('the Office sets a rubric, a round of the initiative council, and opens it with five members', async () => {
    const councils = await office.get('/api/councils');
    const sk = councils.body.items.find((c: { kind: string }) => c.kind === 'sang_kien');
    councilId = sk.id;
    const people = await office.get('/api/people?q=Nông Thị Hạnh');
    const hanh = people.body.items[0].id;
    assert.equal((await office.post(`/api/councils/${councilId}/members`, { personId: hanh, position: 'uy_vien' })).status, 201);

    const bad = await office.post('/api/initiative-rubrics', { unitId: root, year: Y, name: 'X', source: 'Quy chế', passMark: 500, criteria });
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /Điểm đạt/);

    // The demo agency has this year's rubric already (its demo round): a new one is the next version.
    const existing = (await office.get(`/api/initiative-rubrics?year=${Y}`)).body.items.filter((r: { unitId: string }) => r.unitId === root);
    const rubric = await office.post('/api/initiative-rubrics', {
      unitId: root,
      year: Y,
      name: 'Thang điểm sáng kiến',
      source: 'Quy chế sáng kiến của Sở',
      passMark: 50,
      criteria,
    });
    assert.equal(rubric.status, 201, JSON.stringify(rubric.body));
    assert.equal(rubric.body.version, existing.length + 1);
    assert.equal(rubric.body.maxTotal, 100);
    rubricId = rubric.body.id;

    const round = await office.post('/api/initiative-rounds', {
      councilId,
      rubricId,
      year: Y,
      title: `Đợt xét sáng kiến năm ${Y}`,
      calendar: [
        { label: 'Nhận đơn', from: `${Y}-09-01`, to: `${Y}-09-14` },
        { label: 'Hội đồng họp', from: `${Y}-10-01`, to: `${Y}-10-15` },
      ],
    });
    assert.equal(round.status, 201, JSON.stringify(round.body));
    roundId = round.body.id;
    assert.deepEqual(round.body.abilities, ['update', 'open']);

    // Not open yet: no applications.
    const early = await clerk.post('/api/initiatives', application({ roundId }));
    assert.equal(early.status, 404, 'a draft round of the Sở is not visible to a unit');

    const opened = await office.post(`/api/initiative-rounds/${roundId}/open`);
    assert.equal(opened.status, 200, JSON.stringify(opened.body));
    assert.equal(opened.body.status, 'open');
    assert.equal(opened.body.members.length, 5);
    memberIds = opened.body.members.map((m: { personId: string }) => m.personId);
    duc = opened.body.members.find((m: { fullName: string }) => m.fullName === 'Nguyễn Văn Đức').personId;
    son = opened.body.members.find((m: { fullName: string }) => m.fullName === 'Triệu Văn Sơn').personId;
  });

  it('refuses contributions that do not sum to 100 and authors outside the caller’s scope; stores nothing', async () => {
    const before = (await t.db.select().from(initiativeApplications)).length;
    const r = await clerk.post('/api/initiatives', application({ authors: [{ personId: author.id, sharePercent: 90 }] }));
    assert.equal(r.status, 400);
    assert.match(r.body.message, /100%/);
    const outside = await clerk.post('/api/initiatives', application({ authors: [{ personId: duc, sharePercent: 100 }] }));
    assert.equal(outside.status, 400);
    assert.match(outside.body.message, /phạm vi/);
    assert.equal((await t.db.select().from(initiativeApplications)).length, before);
  });

  it('three initiatives are submitted; one has a council member among its authors', async () => {
    const a = await clerk.post('/api/initiatives', application());
    assert.equal(a.status, 201, JSON.stringify(a.body));
    const b = await clerk.post(
      '/api/initiatives',
      application({
        title: 'Quy trình nhân giống nấm bằng công nghệ mới',
        authors: [
          { personId: author.id, sharePercent: 60 },
          { personId: coAuthor.id, sharePercent: 40 },
        ],
      }),
    );
    assert.equal(b.status, 201, JSON.stringify(b.body));
    const c = await office.post(
      '/api/initiatives',
      application({ unitId: vp, appliedUnitId: vp, title: 'Số hóa hồ sơ lưu trữ của Văn phòng', authors: [{ personId: duc, sharePercent: 100 }] }),
    );
    assert.equal(c.status, 201, JSON.stringify(c.body));
    ids.push(a.body.id, b.body.id, c.body.id);

    const list = await office.get(`/api/initiatives?year=${Y}&roundId=${roundId}&status=submitted`);
    assert.equal(list.status, 200);
    assert.equal(list.body.total, 3);
    const mine = await clerk.get('/api/initiatives');
    assert.equal(mine.body.total, 2, 'the clerk sees its unit’s');
  });

  it('attaches files to an initiative (checked by content, limits in Vietnamese), serves them in scope, removes them', async () => {
    const stored = async () => (await t.db.select().from(initiativeAttachments).where(eq(initiativeAttachments.applicationId, ids[0]!))).length;
    const notPdf = await clerk.upload(`/api/initiatives/${ids[0]}/attachments`, Buffer.from('không phải PDF, chỉ là chữ'), {}, 'mo-ta.pdf');
    assert.equal(notPdf.status, 400, JSON.stringify(notPdf.body));
    assert.match(notPdf.body.message, /Chỉ nhận tệp PDF, Word/);
    const tooBig = await clerk.upload(
      `/api/initiatives/${ids[0]}/attachments`,
      Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024)]),
      {},
      'lon.pdf',
    );
    assert.equal(tooBig.status, 413, JSON.stringify(tooBig.body));
    assert.match(tooBig.body.message, /10 MB/);
    assert.equal(await stored(), 0, 'nothing stored for a refused file');

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = await clerk.upload(`/api/initiatives/${ids[0]}/attachments`, pdf, {}, 'Bản mô tả sáng kiến.pdf');
    assert.equal(up.status, 201, JSON.stringify(up.body));
    assert.equal(up.body.attachments.length, 1);
    const att = up.body.attachments[0];
    assert.equal(att.fileName, 'Bản mô tả sáng kiến.pdf');
    assert.equal(att.mimeType, 'application/pdf');
    assert.equal(att.size, pdf.length);

    const cookies = async (username: string) => {
      const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
      return { tdkt_session: login.cookies.find((c) => c.name === 'tdkt_session')!.value };
    };
    const url = `/api/initiatives/${ids[0]}/attachments/${att.id}`;
    const got = await t.app.inject({ method: 'GET', url, cookies: await cookies('vanphong') });
    assert.equal(got.statusCode, 200);
    assert.equal(got.headers['content-type'], 'application/pdf');
    assert.deepEqual(got.rawPayload, pdf);
    const outsider = await t.app.inject({ method: 'GET', url, cookies: await cookies('canhan') });
    assert.equal(outsider.statusCode, 404, 'a staff member who is not an author does not reach the file');
    const wrongParent = await t.app.inject({ method: 'GET', url: `/api/initiatives/${ids[1]}/attachments/${att.id}`, cookies: await cookies('vanphong') });
    assert.equal(wrongParent.statusCode, 404, 'a file is reached only under its own initiative');

    // A council member reads the application but does not edit its files.
    assert.equal((await member.upload(`/api/initiatives/${ids[0]}/attachments`, pdf, {}, 'x.pdf')).status, 403);
    assert.equal((await member.del(url)).status, 403);

    const second = await clerk.upload(`/api/initiatives/${ids[0]}/attachments`, pdf, {}, 'so-lieu.pdf');
    assert.equal(second.status, 201);
    const removed = await clerk.del(url);
    assert.equal(removed.status, 200, JSON.stringify(removed.body));
    assert.deepEqual(
      removed.body.attachments.map((a: { fileName: string }) => a.fileName),
      ['so-lieu.pdf'],
    );
    assert.equal((await clerk.del(url)).status, 404);
    const admin = await t.login('admin');
    const audit = await admin.get(`/api/audit?entityId=${ids[0]}`);
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    assert.ok(actions.includes('initiative.attachment_added') && actions.includes('initiative.attachment_removed'), JSON.stringify(actions));
  });

  it('assigning members recuses the author and the submitting unit’s member, and logs it', async () => {
    const r = await office.post(`/api/initiatives/${ids[2]}/assignments`, { personIds: memberIds });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.recused.length, 1);
    assert.match(r.body.recused[0], /Nguyễn Văn Đức.*tác giả/);
    for (const id of ids.slice(0, 2)) {
      const x = await office.post(`/api/initiatives/${id}/assignments`, { personIds: memberIds });
      assert.equal(x.status, 200);
      assert.match(x.body.recused.join(), /Lục Văn Hùng.*Cùng đơn vị/);
    }
    const got = await office.get(`/api/initiatives/${ids[2]}`);
    const d = got.body.assignments.find((x: { personId: string }) => x.personId === duc);
    assert.equal(d.conflict, 'author');
    const audit = await office.get('/api/audit?action=initiative.recused');
    assert.ok(audit.body.total >= 3);
  });

  it('a member scores within the rubric, once, and sees the others only after its own sheet', async () => {
    // The Office enters a paper sheet first.
    const paper = await office.post(`/api/initiatives/${ids[0]}/scores`, {
      personId: memberIds.find((m) => m !== son && m !== duc),
      points: points(25),
      approve: true,
    });
    assert.equal(paper.status, 200, JSON.stringify(paper.body));

    const before = await member.get(`/api/initiatives/${ids[0]}/scores`);
    assert.equal(before.status, 200);
    assert.equal(before.body.hidden, true);
    assert.equal(before.body.sheets.length, 0);

    const out = await member.post(`/api/initiatives/${ids[0]}/scores`, { points: { ...points(20), tinh_moi: 31 }, approve: true });
    assert.equal(out.status, 400);
    assert.match(out.body.message, /Tính mới.*0 đến 30/);
    const ok = await member.post(`/api/initiatives/${ids[0]}/scores`, { points: points(22), approve: true });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.hidden, false);
    assert.equal(ok.body.sheets.length, 2);
    const twice = await member.post(`/api/initiatives/${ids[0]}/scores`, { points: points(22), approve: true });
    assert.equal(twice.status, 409);

    // The recused member cannot score, even on paper.
    const hung = (await office.get(`/api/initiatives/${ids[0]}`)).body.assignments.find(
      (x: { conflict: string | null }) => x.conflict === 'same_unit',
    ).personId;
    const recused = await office.post(`/api/initiatives/${ids[0]}/scores`, { personId: hung, points: points(25), approve: true });
    assert.equal(recused.status, 409);
  });

  it('the score sheet: averages of those who scored, spread, outliers; recognition needs the round closed and the votes', async () => {
    const others = (_id: string) => memberIds.filter((m) => m !== son);
    // ids[0]: two more sheets (one far off) -> 4 of 5 scored, all approve.
    const rest0 = others(ids[0]!).filter((m) => m !== duc);
    const existing = new Set((await t.db.select().from(initiativeScores).where(eq(initiativeScores.applicationId, ids[0]!))).map((s) => s.personId));
    const todo0 = [...rest0, duc].filter((m) => !existing.has(m));
    for (const [i, pid] of todo0.entries()) {
      const r = await office.post(`/api/initiatives/${ids[0]}/scores`, { personId: pid, points: points(i === 0 ? 24 : 5), approve: true });
      if (r.status !== 200) assert.equal(r.status, 409);
    }
    // ids[1]: all four non-recused approve with good points; ids[2]: poor points, refused.
    for (const id of [ids[1]!, ids[2]!]) {
      for (const pid of memberIds) {
        const r = await office.post(`/api/initiatives/${id}/scores`, { personId: pid, points: points(id === ids[1] ? 26 : 10), approve: id === ids[1] });
        assert.ok(r.status === 200 || r.status === 409, JSON.stringify(r.body));
      }
    }
    const sheet = await office.get(`/api/initiative-rounds/${roundId}/sheet`);
    assert.equal(sheet.status, 200, JSON.stringify(sheet.body));
    assert.equal(sheet.body.thresholds.totalMembers, 5);
    assert.equal(sheet.body.thresholds.votesNeeded, 4);
    assert.match(sheet.body.thresholds.sources.votes, /964/);
    const row1 = sheet.body.rows.find((r: { initiative: { id: string } }) => r.initiative.id === ids[1]);
    assert.equal(row1.line.scored, 4);
    assert.equal(row1.line.recused, 1);
    assert.equal(row1.line.passes, true);

    const early = await office.post(`/api/initiatives/${ids[1]}/recognise`, {
      decisionDate: `${Y}-10-20`,
      signerName: 'Hoàng Văn Thạch',
      signerTitle: 'Giám đốc',
    });
    assert.equal(early.status, 409);
    assert.equal((await office.post(`/api/initiative-rounds/${roundId}/close`)).status, 200);
    const late = await member.post(`/api/initiatives/${ids[1]}/scores`, { points: points(20), approve: true });
    assert.equal(late.status, 409);
    const lateFile = await clerk.upload(`/api/initiatives/${ids[1]}/attachments`, Buffer.from('%PDF-1.4\n%%EOF\n'), {}, 'muon.pdf');
    assert.equal(lateFile.status, 409, JSON.stringify(lateFile.body));
    assert.match(lateFile.body.message, /không còn nhận hồ sơ/);
  });

  it('recognises two, refuses one with reasons the author reads; the recognised one makes a CSTĐCS candidate eligible', async () => {
    const year = Y;
    // The author: LĐTT and HTTNV (not HTXSNV) this year, so CSTĐCS lacks an initiative.
    assert.equal((await office.put(`/api/people/${author.id}/ratings/${year}`, { rating: 'HTTNV' })).status, 200);
    const ldtt = await office.post('/api/records/honors', {
      personId: author.id,
      honor: 'LDTT',
      year,
      type: 'cong_trang',
      decisionNumber: '10/QĐ-SKHCN',
      decisionDate: `${year}-12-01`,
    });
    assert.equal(ldtt.status, 201, JSON.stringify(ldtt.body));
    const cstd = async () => {
      const e = await office.get(`/api/people/${author.id}/eligibility?year=${year}&decisionDate=${year}-12-20`);
      assert.equal(e.status, 200, JSON.stringify(e.body));
      return e.body.results.find((r: { honor: string }) => r.honor === 'CSTDCS');
    };
    const before = await cstd();
    assert.equal(before.eligible, false, JSON.stringify(before));

    const r0 = await office.post(`/api/initiatives/${ids[1]}/recognise`, {
      decisionDate: `${Y}-10-20`,
      signerName: 'Hoàng Văn Thạch',
      signerTitle: 'Giám đốc',
    });
    assert.equal(r0.status, 200, JSON.stringify(r0.body));
    assert.equal(r0.body.status, 'recognised');
    assert.ok(r0.body.recordId);
    assert.match(r0.body.certificateCode, /^[0-9A-Z]{10}$/);
    assert.match(r0.body.decisionNumber, /^\d+\/QĐ-/);
    const pub = await t.anonymous.request('GET', `/api/public/certificates/${r0.body.certificateCode}`);
    assert.equal(pub.status, 200, JSON.stringify(pub.body));
    assert.equal(pub.body.honor, 'Giấy chứng nhận sáng kiến');

    const after = await cstd();
    assert.equal(after.eligible, true, JSON.stringify(after));

    const noVotes = await office.post(`/api/initiatives/${ids[2]}/recognise`, {
      decisionDate: `${Y}-10-20`,
      signerName: 'Hoàng Văn Thạch',
      signerTitle: 'Giám đốc',
    });
    assert.equal(noVotes.status, 409);
    assert.match(noVotes.body.message, /đồng ý/);
    const refused = await office.post(`/api/initiatives/${ids[2]}/refuse`, { reason: 'Chưa chứng minh được hiệu quả áp dụng.' });
    assert.equal(refused.status, 200);
    assert.equal(refused.body.status, 'refused');

    const r1 = await office.post(`/api/initiatives/${ids[0]}/recognise`, {
      decisionDate: `${Y}-10-20`,
      signerName: 'Hoàng Văn Thạch',
      signerTitle: 'Giám đốc',
    });
    assert.equal(r1.status, 200, JSON.stringify(r1.body));
    const list = await office.get(`/api/initiatives?status=recognised`);
    assert.equal(list.body.total, 2);
  });

  it('uses a recognised initiative once: it backs one candidate, a second offer is refused with the reason', async () => {
    const d1 = await buildDossier(t, { unit: { id: ttud }, candidates: [author], year: Y, honor: 'CSTDCS' });
    const d2 = await buildDossier(t, { unit: { id: ttud }, candidates: [author], year: Y - 1, honor: 'GK' });
    const list1 = await d1.clerk.get(`/api/dossiers/${d1.id}/initiatives`);
    assert.equal(list1.status, 200, JSON.stringify(list1.body));
    const row = list1.body.candidates[0];
    const rec = row.available.find((i: { title: string }) => i.title.length > 0);
    assert.ok(rec, JSON.stringify(list1.body));
    const offered = await d1.clerk.post(`/api/dossiers/${d1.id}/initiatives`, { candidateId: row.candidateId, initiativeId: rec.initiativeId });
    assert.equal(offered.status, 200, JSON.stringify(offered.body));
    assert.equal(offered.body.candidates[0].backing[0].initiativeId, rec.initiativeId);
    const other = (await d2.clerk.get(`/api/dossiers/${d2.id}/initiatives`)).body.candidates[0];
    assert.match(other.available.find((i: { initiativeId: string }) => i.initiativeId === rec.initiativeId).takenBy, /hồ sơ/);
    const second = await d2.clerk.post(`/api/dossiers/${d2.id}/initiatives`, { candidateId: other.candidateId, initiativeId: rec.initiativeId });
    assert.equal(second.status, 409, JSON.stringify(second.body));
    assert.match(second.body.message, /chỉ được dùng một lần/);
    assert.equal((await d2.clerk.get(`/api/dossiers/${d2.id}/initiatives`)).body.candidates[0].backing.length, 0);
  });

  it('gives the initiative back when the dossier is withdrawn or returned: it may back another proposal', async () => {
    const d = await buildDossier(t, { unit: { id: ttud }, candidates: [author], year: Y - 3, honor: 'GK', complete: true });
    const backingOf = async () => (await d.clerk.get(`/api/dossiers/${d.id}/initiatives`)).body.candidates[0];
    const row = await backingOf();
    const free = row.available.find((i: { takenBy: string | null }) => !i.takenBy);
    assert.ok(free, JSON.stringify(row));
    const offer = () => d.clerk.post(`/api/dossiers/${d.id}/initiatives`, { candidateId: row.candidateId, initiativeId: free.initiativeId });
    assert.equal((await offer()).status, 200);
    assert.equal((await d.clerk.post(`/api/dossiers/${d.id}/submit`)).status, 200);
    assert.equal((await d.clerk.post(`/api/dossiers/${d.id}/withdraw`)).status, 200);
    const afterWithdraw = await backingOf();
    assert.equal(afterWithdraw.backing.length, 0, 'the withdrawn dossier holds no initiative');
    assert.equal(afterWithdraw.available.find((i: { initiativeId: string }) => i.initiativeId === free.initiativeId).takenBy ?? null, null);
    // The unit offers it again and resubmits; the Office returns the dossier: given back again.
    assert.equal((await offer()).status, 200);
    assert.equal((await d.clerk.post(`/api/dossiers/${d.id}/submit`)).status, 200);
    const ret = await office.post(`/api/dossiers/${d.id}/return`, { reasons: ['Thiếu xác nhận hiệu quả sáng kiến.'] });
    assert.equal(ret.status, 200, JSON.stringify(ret.body));
    assert.equal((await backingOf()).backing.length, 0);
    const admin = await t.login('admin');
    const audit = await admin.get(`/api/audit?entityId=${d.id}&action=initiative.claim_released`);
    assert.equal(audit.status, 200, JSON.stringify(audit.body));
    assert.equal(audit.body.total, 2);
    // Another dossier may now use it.
    const other = await buildDossier(t, { unit: { id: ttud }, candidates: [author], year: Y - 4, honor: 'GK' });
    const o = (await other.clerk.get(`/api/dossiers/${other.id}/initiatives`)).body.candidates[0];
    const taken = await other.clerk.post(`/api/dossiers/${other.id}/initiatives`, { candidateId: o.candidateId, initiativeId: free.initiativeId });
    assert.equal(taken.status, 200, JSON.stringify(taken.body));
  });

  it('gives the decision, the certificate and the minutes as documents, and records a higher recognition', async () => {
    const dec = await office.get(`/api/initiatives/${ids[1]}/decision`);
    assert.equal(dec.status, 200);
    assert.match(String(dec.headers['content-type']), /wordprocessingml/);
    const pdf = await office.get(`/api/initiatives/${ids[1]}/certificate`);
    assert.equal(pdf.status, 200);
    assert.match(String(pdf.headers['content-type']), /pdf/);
    assert.equal((await office.get(`/api/initiative-rounds/${roundId}/minutes`)).status, 200);
    const early = await office.post(`/api/initiatives/${ids[1]}/higher-recognition`, {
      scope: 'bo_tinh',
      decisionNumber: '12/QĐ-UBND',
      decisionDate: `${Y - 1}-01-01`,
      issuer: 'UBND tỉnh Cao Bằng',
    });
    assert.equal(early.status, 400);
    const higher = await office.post(`/api/initiatives/${ids[1]}/higher-recognition`, {
      scope: 'bo_tinh',
      decisionNumber: '12/QĐ-UBND',
      decisionDate: `${Y}-12-28`,
      issuer: 'UBND tỉnh Cao Bằng',
    });
    assert.equal(higher.status, 200, JSON.stringify(higher.body));
    assert.equal(higher.body.higher.scope, 'bo_tinh');
  });

  it('an outsider does not see the initiatives', async () => {
    const staff = await t.login('canhan');
    const r = await staff.get(`/api/initiatives/${ids[0]}`);
    assert.equal(r.status, 404);
  });
});
