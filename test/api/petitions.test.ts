/** Issue 14: thắc mắc, kiến nghị, khiếu nại, tố cáo — time limits, holds, a denouncer's secrecy, the public portal. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { ok, reviewedDossier } from '../helpers/dossiers.js';
import { setClock } from '../../src/server/clock.js';
import { petitions, units } from '../../src/server/db/schema/index.js';
import { solveProofOfWork } from '../../src/shared/proof-of-work.js';

async function publicChallenge(t: TestApp) {
  const c = await t.anonymous.request('GET', '/api/public/petitions/challenge');
  ok(c);
  const nonce = c.body.nonce as string;
  return { nonce, solution: await solveProofOfWork(nonce, c.body.difficulty as number, (s) => createHash('sha256').update(s).digest()) };
}

async function stored(t: TestApp): Promise<number> {
  const [r] = await t.db.select({ n: count() }).from(petitions);
  return Number(r?.n ?? 0);
}

describe('petitions', () => {
  let t: TestApp;
  let office: Client, staff: Client, head: Client, council: Client, clerk: Client;

  before(async () => {
    t = await createTestApp();
    office = await t.login('vanphong');
    staff = await t.login('canhan');
    head = await t.login('giamdoc');
    council = await t.login('hoidong');
    clerk = await t.login('donvi');
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  it('a staff member questions their CSTĐCS refusal; the Office answers within the limit', async () => {
    setClock('2026-03-02');
    const r = await staff.post('/api/petitions', {
      kind: 'thac_mac',
      subjectType: 'record',
      title: 'Thắc mắc về việc không được xét Chiến sĩ thi đua cơ sở năm 2025',
      content: 'Tôi đạt Hoàn thành xuất sắc nhiệm vụ hai năm liền và có sáng kiến được công nhận, nhưng không có tên trong danh sách đề nghị CSTĐCS.',
    });
    ok(r, 201);
    const p = r.body;
    assert.equal(p.status, 'received');
    assert.equal(p.kind, 'thac_mac');
    // 15 working days from Monday 02/03/2026: Monday 23/03/2026.
    assert.equal(p.dueDate, '2026-03-23');
    assert.match(p.limitText, /15 ngày làm việc/);
    assert.match(p.trackingCode, /^[2-9A-Z]{8}-[2-9A-Z]{12}$/);
    const mine = await staff.get('/api/petitions?mine=true');
    ok(mine);
    // The demo agency's own question by this staff member is listed too.
    assert.ok(mine.body.items.some((x: { id: string }) => x.id === p.id));
    // On the deadline calendar of the Office.
    const cal = await office.get('/api/calendar?from=2026-03-01&to=2026-03-31');
    ok(cal);
    assert.ok(cal.body.items.some((d: { title: string; dueDate: string }) => d.dueDate === '2026-03-23' && /Thắc mắc/.test(d.title)));
    // Another unit's clerk does not reach it.
    assert.equal((await clerk.get(`/api/petitions/${p.id}`)).status, 404);
    const inbox = await office.get('/api/petitions?status=open');
    ok(inbox);
    assert.ok(inbox.body.items.some((i: { id: string }) => i.id === p.id));
    const assignees = await office.get('/api/petitions/assignees');
    ok(assignees);
    const me = assignees.body.items.find((a: { displayName: string }) => /Đàm Văn Long/.test(a.displayName));
    ok(await office.post(`/api/petitions/${p.id}/assign`, { handlerId: me.id }));
    setClock('2026-03-16');
    const asked = await office.post(`/api/petitions/${p.id}/request-info`, { text: 'Đề nghị gửi giấy chứng nhận sáng kiến.' });
    ok(asked);
    assert.equal(asked.body.status, 'info_requested');
    const replied = await staff.post(`/api/petitions/${p.id}/reply`, {
      text: 'Tôi gửi kèm giấy chứng nhận sáng kiến.',
      attachments: [{ fileName: 'sang-kien.pdf', data: Buffer.from('%PDF-1.4 test').toString('base64') }],
    });
    ok(replied);
    assert.equal(replied.body.status, 'assigned');
    assert.equal(replied.body.attachments.length, 1);
    const answered = await office.post(`/api/petitions/${p.id}/answer`, {
      answer: 'Sáng kiến được công nhận sau ngày họp xét; Văn phòng sẽ đề nghị bổ sung trong đợt xét năm 2026.',
    });
    ok(answered);
    assert.equal(answered.body.status, 'answered');
    assert.equal(answered.body.answeredOnTime, true);
    const seen = await staff.get(`/api/petitions/${p.id}`);
    ok(seen);
    assert.match(seen.body.answer, /Sáng kiến được công nhận/);
    // Closed: a second answer is refused in Vietnamese, nothing changes.
    ok(await office.post(`/api/petitions/${p.id}/close`, {}));
    const again = await office.post(`/api/petitions/${p.id}/answer`, { answer: 'Một câu trả lời khác cho đơn đã kết thúc.' });
    assert.equal(again.status, 409);
    assert.equal(again.body.error, 'petition_closed');
    assert.match(again.body.message, /Đơn đã kết thúc/);
    assert.match((await staff.get(`/api/petitions/${p.id}`)).body.answer, /Sáng kiến được công nhận/);
  });

  it('bad input: no content, over size, wrong file type — Vietnamese errors, nothing stored', async () => {
    const before = await stored(t);
    const empty = await staff.post('/api/petitions', { kind: 'kien_nghi', title: 'Kiến nghị', content: '' });
    assert.equal(empty.status, 400);
    assert.match(empty.body.message, /nội dung/i);
    const big = await staff.post('/api/petitions', {
      kind: 'kien_nghi',
      title: 'Kiến nghị có tệp lớn',
      content: 'Nội dung kiến nghị kèm tệp quá lớn.',
      attachments: [{ fileName: 'lon.pdf', data: Buffer.alloc(2 * 1024 * 1024 + 10).toString('base64') }],
    });
    assert.equal(big.status, 400);
    assert.match(big.body.message, /quá lớn/);
    const exe = await staff.post('/api/petitions', {
      kind: 'kien_nghi',
      title: 'Kiến nghị có tệp lạ',
      content: 'Nội dung kiến nghị kèm tệp không nhận.',
      attachments: [{ fileName: 'virus.exe', data: Buffer.from('MZ').toString('base64') }],
    });
    assert.equal(exe.status, 400);
    assert.match(exe.body.message, /không được nhận/);
    assert.equal(await stored(t), before);
  });

  it("a tố cáo's denouncer is hidden from a council member (404) and the Office, visible to the handler and the head; every reading audited", async () => {
    setClock('2026-04-01');
    const r = await staff.post('/api/petitions', {
      kind: 'to_cao',
      title: 'Tố cáo kê khai khống thành tích',
      content: 'Một cán bộ của đơn vị kê khai thành tích không đúng thực tế trong hồ sơ đề nghị khen thưởng.',
      authorContact: '0912 000 111',
    });
    ok(r, 201);
    const id = r.body.id as string;
    assert.equal(r.body.authorName, 'Lý Thị Phương', 'the denouncer sees their own name');
    assert.equal(r.body.dueDate, '2026-05-01', '30 days (Luật Tố cáo 2018 Art 30)');
    assert.equal((await council.get(`/api/petitions/${id}`)).status, 404);
    assert.ok(!(await council.get('/api/petitions')).body.items.some((i: { id: string }) => i.id === id));
    const redacted = await office.get(`/api/petitions/${id}`);
    ok(redacted);
    assert.equal(redacted.body.authorName, null);
    assert.equal(redacted.body.authorContact, null);
    assert.equal(redacted.body.identityHidden, true);
    assert.ok(!JSON.stringify(redacted.body).includes('Lý Thị Phương'));
    const listed = (await office.get('/api/petitions?kind=to_cao')).body.items as { id: string; authorName: string | null }[];
    assert.equal(listed.find((i) => i.id === id)?.authorName, null);
    const byHead = await head.get(`/api/petitions/${id}`);
    ok(byHead);
    assert.equal(byHead.body.authorName, 'Lý Thị Phương');
    const officer = (await head.get('/api/petitions/assignees')).body.items.find((a: { displayName: string }) => /Đàm Văn Long/.test(a.displayName));
    ok(await head.post(`/api/petitions/${id}/assign`, { handlerId: officer.id }));
    const byHandler = await office.get(`/api/petitions/${id}`);
    ok(byHandler);
    assert.equal(byHandler.body.authorName, 'Lý Thị Phương');
    assert.equal(byHandler.body.authorContact, '0912 000 111');
    const audit = await head.get('/api/audit?pageSize=200');
    const views = audit.body.items.filter((e: { action: string }) => e.action === 'petition.viewed');
    assert.ok(views.length >= 3, 'each reading of the denunciation is audited');
    assert.ok(views.some((e: { summary: string }) => /không thấy thông tin người gửi/.test(e.summary)));
  });

  it('a public complaint about a notice puts that candidate on hold until answered; the public follows it by code', async () => {
    setClock('2024-03-01');
    const { candidateIds } = await reviewedDossier(t, 1, { year: 2024, skip: 3 });
    const n = await office.post('/api/notices', { candidateIds, title: 'Công khai đề nghị khen thưởng năm 2024', workingDays: 10 });
    ok(n, 201);
    const body = {
      kind: 'khieu_nai',
      subjectType: 'notice',
      noticeId: n.body.id,
      candidateId: candidateIds[0],
      title: 'Khiếu nại về người được đề nghị khen thưởng',
      content: 'Người được đề nghị đã bị kỷ luật khiển trách trong năm, không đủ điều kiện khen thưởng.',
      authorName: 'Nguyễn Văn Dân',
      authorContact: 'dan@example.vn',
    };
    const noChallenge = await t.anonymous.request('POST', '/api/public/petitions', body);
    assert.equal(noChallenge.status, 400);
    const sent = await t.anonymous.request('POST', '/api/public/petitions', { ...body, challenge: await publicChallenge(t) });
    ok(sent, 201);
    const code = sent.body.trackingCode as string;
    assert.equal(sent.body.dueDate, '2024-03-31');
    const follow = await t.anonymous.request('GET', `/api/public/petitions/${code}`);
    ok(follow);
    assert.equal(follow.body.status, 'received');
    assert.ok(!('authorName' in follow.body));
    // A spoofed code (right tracking id, wrong secret) and a made-up one answer the same 404.
    const [tracking] = code.split('-');
    const spoofed = await t.anonymous.request('GET', `/api/public/petitions/${tracking}-AAAAAAAAAAAA`);
    const madeUp = await t.anonymous.request('GET', '/api/public/petitions/ZZZZZZZZ-AAAAAAAAAAAA');
    assert.equal(spoofed.status, 404);
    assert.equal(madeUp.status, 404);
    assert.deepEqual(spoofed.body, madeUp.body);
    setClock('2024-03-15');
    const decide = () => head.post('/api/decisions', { candidateIds, decisionDate: '2024-03-15', signerName: 'Hoàng Văn Thạch', signerTitle: 'Giám đốc Sở' });
    const held = await decide();
    assert.equal(held.status, 409);
    assert.match(held.body.message, /tạm dừng.*khiếu nại/);
    const inbox = (await office.get('/api/petitions?kind=khieu_nai')).body.items as { id: string; holdsSubject: boolean }[];
    assert.equal(inbox.length, 1);
    assert.equal(inbox[0]!.holdsSubject, true);
    ok(await office.post(`/api/petitions/${inbox[0]!.id}/answer`, { answer: 'Đã kiểm tra: quyết định kỷ luật được ban hành sau năm xét, không ảnh hưởng.' }));
    ok(await decide(), 201);
    const answered = await t.anonymous.request('GET', `/api/public/petitions/${code}`);
    assert.equal(answered.body.status, 'answered');
    assert.match(answered.body.answer, /Đã kiểm tra/);
  });

  it('the portal lists the agencies that accept petitions (names only) and the citizen addresses one of them', async () => {
    setClock('2024-04-10');
    const list = await t.anonymous.request('GET', '/api/public/petitions/agencies');
    ok(list);
    const items = list.body.items as { id: string; name: string }[];
    assert.equal(list.body.total, items.length);
    for (const a of items) assert.deepEqual(Object.keys(a).sort(), ['id', 'name']);
    const names = items.map((a) => a.name);
    // Every agency of the installation (the demo Sở and the province tree), no office or department inside one.
    for (const n of ['Sở Khoa học và Công nghệ tỉnh Cao Bằng', 'Ủy ban nhân dân tỉnh Sơn La', 'Sở Khoa học và Công nghệ tỉnh Sơn La'])
      assert.ok(names.includes(n), n);
    assert.ok(!names.includes('Văn phòng Sở'));
    const caoBang = items.find((a) => a.name === 'Sở Khoa học và Công nghệ tỉnh Cao Bằng')!;
    const sonLa = items.find((a) => a.name === 'Sở Khoa học và Công nghệ tỉnh Sơn La')!;
    const [department] = await t.db.select({ id: units.id }).from(units).where(eq(units.name, 'Văn phòng Sở'));
    const body = {
      kind: 'kien_nghi',
      subjectType: 'general',
      title: 'Đề nghị hướng dẫn hồ sơ khen thưởng cho doanh nghiệp',
      content: 'Doanh nghiệp chúng tôi muốn đề nghị khen thưởng cho người lao động, xin hướng dẫn thủ tục và thời hạn nộp hồ sơ.',
      authorName: 'Trần Thị Hoa',
      authorContact: 'hoa@example.vn',
    };
    const before = await stored(t);
    const refusals: [unknown, RegExp][] = [
      [undefined, /Hãy chọn cơ quan nhận đơn/],
      [crypto.randomUUID(), /không có trong danh sách/],
      [department!.id, /không có trong danh sách/],
      ['khong-phai-ma', /Cơ quan nhận đơn không hợp lệ/],
    ];
    for (const [agencyId, message] of refusals) {
      const r = await t.anonymous.request('POST', '/api/public/petitions', { ...body, agencyId, challenge: await publicChallenge(t) });
      assert.equal(r.status, 400, String(agencyId));
      assert.match(r.body.message, message);
    }
    assert.equal(await stored(t), before, 'nothing stored');

    const toSonLa = await t.anonymous.request('POST', '/api/public/petitions', { ...body, agencyId: sonLa.id, challenge: await publicChallenge(t) });
    ok(toSonLa, 201);
    const toCaoBang = await t.anonymous.request('POST', '/api/public/petitions', {
      ...body,
      title: 'Đề nghị công khai kết quả bình xét',
      agencyId: caoBang.id,
      challenge: await publicChallenge(t),
    });
    ok(toCaoBang, 201);
    const rows = await t.db.select({ unitId: petitions.unitId, title: petitions.title, channel: petitions.channel }).from(petitions);
    assert.ok(rows.some((r) => r.unitId === sonLa.id && r.title === body.title && r.channel === 'portal'));
    // The Cao Bằng Office sees the petition addressed to it, not the one sent to Sơn La.
    const inbox = (await office.get('/api/petitions?pageSize=100')).body.items as { title: string }[];
    assert.ok(inbox.some((p) => p.title === 'Đề nghị công khai kết quả bình xét'));
    assert.ok(!inbox.some((p) => p.title === body.title));
  });
});
