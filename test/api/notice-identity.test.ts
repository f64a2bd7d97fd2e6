/**
 * Issue 19, concepts 3 and 4 for public notices: a comment window given by two calendar dates (the
 * law's minimum in working days still applies, with its article), the notice's own number, date and
 * issuer, its replacement by a later notice (candidates carried over, comments kept) and its withdrawal.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { buildPerson, buildUnit, buildDossier, type BuiltPerson, type BuiltUnit } from '../helpers/factories.js';
import { ok } from '../helpers/dossiers.js';
import { postPublicComment } from '../helpers/notices.js';
import { setClock } from '../../src/server/clock.js';

describe('public notices: two-date windows, number and issuer, replacement, withdrawal (issue 19)', () => {
  let t: TestApp;
  let admin: Client, office: Client, clerk: Client;
  let unit: BuiltUnit;
  let staff: BuiltPerson[];
  let candidateIds: string[] = [];
  let extraCandidate = '';
  let firstId = '';
  let secondId = '';

  before(async () => {
    t = await createTestApp();
    // Monday 03/03/2025: ND 98/2023 governs; a Huân chương list is posted at least 10 working days.
    setClock('2025-03-03');
    admin = await t.login('admin');
    office = await t.login('vanphong');
    unit = await buildUnit(admin, { parentId: t.demo.rootUnitId, name: 'Phòng Quản lý công chức' });
    staff = [];
    for (const fullName of ['Đặng Văn Khoa', 'Bùi Thị Ngọc Lan', 'Trịnh Quốc Việt']) staff.push(await buildPerson(admin, { unitId: unit.id, fullName }));
    const d = await buildDossier(t, {
      unit,
      year: 2025,
      honor: 'HCLD3',
      candidates: staff,
      complete: true,
      title: 'Hồ sơ đề nghị tặng Huân chương Lao động hạng Ba',
    });
    clerk = d.clerk;
    ok(await clerk.post(`/api/dossiers/${d.id}/submit`));
    const det = (await office.get(`/api/dossiers/${d.id}`)).body;
    const ids = det.candidates.map((c: { id: string }) => c.id) as string[];
    candidateIds = ids.slice(0, 2);
    extraCandidate = ids[2]!;
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  it('refuses a window between two dates that holds fewer working days than the law requires, naming the article; nothing is stored', async () => {
    const before = (await office.get('/api/notices')).body.total as number;
    const short = await office.post('/api/notices', {
      candidateIds,
      title: 'Thông báo công khai danh sách đề nghị tặng Huân chương Lao động hạng Ba',
      startDate: '2025-03-03',
      endDate: '2025-03-12',
    });
    assert.equal(short.status, 400, JSON.stringify(short.body));
    assert.equal(short.body.error, 'notice_too_short');
    assert.match(short.body.message, /Huân chương Lao động hạng Ba phải công khai ít nhất 10 ngày làm việc \(.*Điều 46.*NĐ 98\/2023\/NĐ-CP.*\)/);
    assert.match(short.body.message, /từ ngày 03\/03\/2025 đến hết ngày 12\/03\/2025 chỉ có 8 ngày làm việc/);
    const both = await office.post('/api/notices', {
      candidateIds,
      title: 'Thông báo công khai',
      startDate: '2025-03-03',
      endDate: '2025-03-20',
      workingDays: 10,
    });
    assert.equal(both.status, 400);
    const reversed = await office.post('/api/notices', { candidateIds, title: 'Thông báo công khai', startDate: '2025-03-10', endDate: '2025-03-05' });
    assert.equal(reversed.status, 400);
    assert.match(reversed.body.message, /ngày kết thúc 05\/03\/2025 trước ngày bắt đầu 10\/03\/2025/);
    assert.equal((await office.get('/api/notices')).body.total, before, 'nothing stored');
  });

  it('posts a notice for the window between two calendar dates, with its number, issue date and issuer, read back by the Office and the public', async () => {
    const n = await office.post('/api/notices', {
      candidateIds,
      title: 'Thông báo công khai danh sách đề nghị tặng Huân chương Lao động hạng Ba',
      startDate: '2025-03-03',
      endDate: '2025-03-17',
      number: '08/TB-HĐTĐKT',
      issuedDate: '2025-03-03',
      issuer: 'Hội đồng Thi đua - Khen thưởng Sở',
    });
    ok(n, 201);
    firstId = n.body.id;
    const got = (await office.get(`/api/notices/${firstId}`)).body;
    assert.equal(got.startDate, '2025-03-03');
    assert.equal(got.endDate, '2025-03-17');
    assert.equal(got.dayCountKind, 'calendar');
    assert.equal(got.workingDays, 11);
    assert.equal(got.number, '08/TB-HĐTĐKT');
    assert.equal(got.issuedDate, '2025-03-03');
    assert.equal(got.issuer, 'Hội đồng Thi đua - Khen thưởng Sở');
    assert.equal(got.status, 'posted');
    assert.deepEqual(got.actions, ['answer', 'replace', 'withdraw']);
    const pub = (await t.anonymous.request('GET', `/api/public/notices/${firstId}`)).body;
    assert.equal(pub.number, '08/TB-HĐTĐKT');
    assert.equal(pub.open, true);
    // The older way still works: today, N working days.
    const nDays = await office.post('/api/notices', { candidateIds: [extraCandidate], title: 'Công khai bổ sung', workingDays: 10 });
    ok(nDays, 201);
    assert.equal(nDays.body.endDate, '2025-03-14');
    assert.equal(nDays.body.dayCountKind, 'working');
    ok(await office.post(`/api/notices/${nDays.body.id}/withdraw`, { reason: 'Đăng nhầm, gộp vào thông báo thay thế' }));
  });

  it('replaces the notice: the earlier is marked replaced and links to its successor, the candidates carry over, the comments stay', async () => {
    const c = await postPublicComment(t.anonymous, firstId, {
      authorName: 'Lê Thị Hồng',
      content: 'Đề nghị ghi rõ chức vụ của ông Đặng Văn Khoa trong danh sách.',
      candidateId: candidateIds[0],
    });
    ok(c, 201);
    setClock('2025-03-05');
    const r = await office.post(`/api/notices/${firstId}/replace`, {
      title: 'Thông báo công khai danh sách đề nghị tặng Huân chương Lao động hạng Ba (thay thế Thông báo số 08/TB-HĐTĐKT)',
      startDate: '2025-03-05',
      endDate: '2025-03-19',
      number: '09/TB-HĐTĐKT',
      issuedDate: '2025-03-05',
      issuer: 'Hội đồng Thi đua - Khen thưởng Sở',
      candidateIds: [extraCandidate],
    });
    ok(r, 201);
    secondId = r.body.id;
    assert.equal(r.body.replaces.id, firstId);
    assert.equal(r.body.replaces.number, '08/TB-HĐTĐKT');
    assert.deepEqual(r.body.items.map((i: { candidateId: string }) => i.candidateId).sort(), [...candidateIds, extraCandidate].sort());

    const old = (await office.get(`/api/notices/${firstId}`)).body;
    assert.equal(old.status, 'replaced');
    assert.equal(old.statusLabel, 'Đã được thay thế');
    assert.deepEqual(old.replacedBy, { id: secondId, title: r.body.title, number: '09/TB-HĐTĐKT' });
    assert.equal(old.comments.length, 1, 'the comment stays with the earlier notice');
    assert.equal(old.open, false);
    assert.deepEqual(old.actions, ['answer']);
    assert.equal((await office.get(`/api/notices/${secondId}`)).body.comments.length, 0);

    // The portal lists the successor only; the earlier takes no more comments.
    const open = (await t.anonymous.request('GET', '/api/public/notices')).body.items.map((n: { id: string }) => n.id);
    assert.ok(open.includes(secondId));
    assert.ok(!open.includes(firstId));
    const onOld = await t.anonymous.request('GET', `/api/public/notices/${firstId}/challenge`);
    assert.equal(onOld.status, 409);
    assert.match(onOld.body.message, /đã được thay thế/);
    const again = await office.post(`/api/notices/${firstId}/replace`, { title: 'Thay thế lần nữa', workingDays: 10 });
    assert.equal(again.status, 409);
    // A too-short replacement is refused with the article, and the earlier notice stays as it was.
    const short = await office.post(`/api/notices/${secondId}/replace`, { title: 'Thay thế quá ngắn', startDate: '2025-03-06', endDate: '2025-03-10' });
    assert.equal(short.status, 400);
    assert.match(short.body.message, /ít nhất 10 ngày làm việc \(.*Điều 46/);
    assert.equal((await office.get(`/api/notices/${secondId}`)).body.status, 'posted');
  });

  it('withdraws the notice with its reason: the portal shows it withdrawn and no longer lists it; every change is audited', async () => {
    const noReason = await office.post(`/api/notices/${secondId}/withdraw`, { reason: '' });
    assert.equal(noReason.status, 400);
    const w = await office.post(`/api/notices/${secondId}/withdraw`, { reason: 'Hội đồng quyết định tạm dừng xét để xác minh thêm thành tích' });
    ok(w);
    assert.equal(w.body.status, 'withdrawn');
    const pub = (await t.anonymous.request('GET', `/api/public/notices/${secondId}`)).body;
    assert.equal(pub.status, 'withdrawn');
    assert.equal(pub.statusLabel, 'Đã thu hồi');
    assert.equal(pub.withdrawnReason, 'Hội đồng quyết định tạm dừng xét để xác minh thêm thành tích');
    assert.equal(pub.open, false);
    const open = (await t.anonymous.request('GET', '/api/public/notices')).body.items.map((n: { id: string }) => n.id);
    assert.ok(!open.includes(secondId));
    const comment = await t.anonymous.request('GET', `/api/public/notices/${secondId}/challenge`);
    assert.equal(comment.status, 409);
    assert.match(comment.body.message, /thu hồi/);
    const twice = await office.post(`/api/notices/${secondId}/withdraw`, { reason: 'Lần nữa' });
    assert.equal(twice.status, 409);

    const admin = await t.login('admin');
    const actions = async (id: string) =>
      ((await admin.get(`/api/audit?entityType=notice&entityId=${id}&pageSize=50`)).body.items as { action: string; summary: string }[])
        .map((e) => e.action)
        .sort();
    assert.deepEqual(await actions(firstId), ['notice.comment_received', 'notice.posted', 'notice.replaced']);
    assert.deepEqual(await actions(secondId), ['notice.posted', 'notice.withdrawn']);
    const withdrawn = ((await admin.get(`/api/audit?action=notice.withdrawn&entityId=${secondId}`)).body.items as { summary: string }[])[0]!;
    assert.match(withdrawn.summary, /số 09\/TB-HĐTĐKT.*tạm dừng xét/);
  });
});
