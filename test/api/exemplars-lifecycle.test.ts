/**
 * The dead ends closed (issue 12): an exemplar's proposal is edited while at phát hiện / bồi dưỡng (audited
 * with before and after), withdrawn by its unit or cancelled by the Office with a reason (it leaves the
 * portal, its published stories are withdrawn) and restored by the Office; a conference is edited and
 * cancelled (no report then); the report carries its "Số: …/BC-…" line; a draft story's photo is removed.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { docxText, downloadAs } from '../helpers/pdf-layout.js';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { buildOutsider } from '../helpers/factories.js';
import { auditEvents, exemplarConferences, exemplars, stories } from '../../src/server/db/schema/index.js';

const proposal = (unitId: string, name: string) => ({
  unitId,
  kind: 'model',
  name,
  achievement: 'Số hóa hồ sơ lưu trữ của đơn vị.',
  reason: 'Cách làm hay, dễ nhân rộng.',
  discoveredOn: '2024-03-01',
});

describe('exemplars: edit, withdraw, cancel and restore; conferences edited and cancelled; a photo removed', () => {
  let t: TestApp;
  let donvi: Client;
  let office: Client;
  let head: Client;
  let outsider: Client;
  let unitId = '';
  let rootId = '';

  before(async () => {
    t = await createTestApp();
    donvi = await t.login('donvi');
    office = await t.login('vanphong');
    head = await t.login('giamdoc');
    unitId = (await donvi.get('/api/auth/me')).body.user.unitId;
    rootId = (await office.get('/api/auth/me')).body.user.unitId;
    // An administrator of an unrelated agency: every grant, nothing of the demo Sở in scope.
    outsider = await buildOutsider(t);
  });
  after(async () => t.close());

  it('the unit edits its proposal (audited before/after); bad input and stale versions store nothing', async () => {
    const r = await donvi.post('/api/exemplars', proposal(unitId, 'Mô hình "Số hóa hồ sơ"'));
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const id = r.body.id;
    assert.deepEqual(r.body.abilities, ['read', 'update', 'cancel', 'writeStory']);
    const edit = { ...proposal(unitId, 'Mô hình "Số hóa hồ sơ lưu trữ"'), version: r.body.version };
    delete (edit as { unitId?: string }).unitId;
    const ok = await donvi.put(`/api/exemplars/${id}`, { ...edit, reason: 'Tiết kiệm 30% thời gian tra cứu.' });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.name, 'Mô hình "Số hóa hồ sơ lưu trữ"');
    assert.equal(ok.body.reason, 'Tiết kiệm 30% thời gian tra cứu.');
    const audit = (await t.db.select().from(auditEvents)).find((a) => a.action === 'exemplar.updated' && a.entityId === id);
    assert.ok(audit);
    assert.equal((audit.before as { name: string }).name, 'Mô hình "Số hóa hồ sơ"');
    assert.equal((audit.after as { reason: string }).reason, 'Tiết kiệm 30% thời gian tra cứu.');
    // The version read before the edit is stale now.
    const stale = await donvi.put(`/api/exemplars/${id}`, { ...edit, name: 'Tên khác' });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error, 'stale_version');
    const bad = await donvi.put(`/api/exemplars/${id}`, { ...edit, version: ok.body.version, name: '  ', discoveredOn: '2024-02-30' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /Cần nhập tên điển hình|Ngày/);
    const future = await donvi.put(`/api/exemplars/${id}`, { ...edit, version: ok.body.version, discoveredOn: '2099-01-01' });
    assert.equal(future.status, 400);
    assert.match(future.body.message, /không được sau ngày hôm nay/);
    const wrongKind = await donvi.put(`/api/exemplars/${id}`, { ...edit, version: ok.body.version, kind: 'collective', personId: crypto.randomUUID() });
    assert.equal(wrongKind.status, 400);
    assert.match(wrongKind.body.message, /tập thể không gắn với một cá nhân/);
    const [row] = await t.db.select().from(exemplars).where(eqId(id));
    assert.equal(row?.name, 'Mô hình "Số hóa hồ sơ lưu trữ"');
    assert.equal(row?.version, ok.body.version);
    // Another agency's administrator does not find it; a clerk has no grant to edit a conference or restore.
    assert.equal((await outsider.get(`/api/exemplars/${id}`)).status, 404);
    assert.equal((await outsider.put(`/api/exemplars/${id}`, { ...edit, version: ok.body.version })).status, 404);
    assert.equal((await outsider.post(`/api/exemplars/${id}/cancel`, { reason: 'Thử hủy' })).status, 404);
    assert.equal((await donvi.post(`/api/exemplars/${id}/restore`, { reason: 'Thử' })).status, 403);
  });

  it('the proposal is no longer editable once summed up; the unit may not cancel it then, the Office may', async () => {
    const r = await donvi.post('/api/exemplars', proposal(unitId, 'Mô hình "Một cửa điện tử"'));
    const id = r.body.id;
    await office.post(`/api/exemplars/${id}/nurture`, { stepDate: '2024-04-01', owner: 'Văn phòng Sở', content: 'Tập huấn' });
    // While nurtured, the discovery date may not move after the first support action.
    const cur = (await donvi.get(`/api/exemplars/${id}`)).body;
    assert.ok(cur.abilities.includes('update'));
    const late = await donvi.put(`/api/exemplars/${id}`, {
      ...proposal(unitId, cur.name),
      unitId: undefined,
      discoveredOn: '2024-05-01',
      version: cur.version,
    });
    assert.equal(late.status, 400);
    assert.match(late.body.message, /không được sau ngày bắt đầu bồi dưỡng/);
    await office.post(`/api/exemplars/${id}/sum-up`, { summedUpOn: '2024-06-01', assessment: 'Hiệu quả.' });
    const after = (await donvi.get(`/api/exemplars/${id}`)).body;
    assert.deepEqual(after.abilities, ['read', 'writeStory']);
    const edit = await donvi.put(`/api/exemplars/${id}`, { ...proposal(unitId, 'Tên mới'), unitId: undefined, version: after.version });
    assert.equal(edit.status, 409);
    assert.match(edit.body.message, /Chỉ sửa được đề xuất khi điển hình còn ở giai đoạn Phát hiện hoặc Bồi dưỡng/);
    const unitCancel = await donvi.post(`/api/exemplars/${id}/cancel`, { reason: 'Rút đề xuất' });
    assert.equal(unitCancel.status, 409);
    assert.match(unitCancel.body.message, /chỉ Văn phòng/);
    assert.ok((await office.get(`/api/exemplars/${id}`)).body.abilities.includes('cancel'));
  });

  it('cancelling takes the exemplar and its stories off the portal; nothing moves it until the Office restores it', async () => {
    const r = await office.post('/api/exemplars', proposal(rootId, 'Mô hình "Thư viện số"'));
    const id = r.body.id;
    await office.post(`/api/exemplars/${id}/nurture`, { stepDate: '2024-04-01', owner: 'Văn phòng Sở', content: 'Hỗ trợ' });
    await office.post(`/api/exemplars/${id}/sum-up`, { summedUpOn: '2024-06-01', assessment: 'Tốt.' });
    assert.equal((await office.post(`/api/exemplars/${id}/publish`)).status, 200);
    const s = await office.post('/api/stories', {
      unitId: rootId,
      exemplarId: id,
      title: 'Thư viện số',
      summary: 'Tóm tắt.',
      bodyHtml: '<p>Nội dung.</p>',
      authorName: 'A',
    });
    await head.post(`/api/stories/${s.body.id}/approve`);
    await head.post(`/api/stories/${s.body.id}/publish`);
    assert.equal((await t.anonymous.request('GET', `/api/public/exemplars/${id}`)).status, 200);
    assert.equal((await t.anonymous.request('GET', `/api/public/stories/${s.body.id}`)).status, 200);
    // The out-of-scope clerk does not see it (it is the Sở's own), hence cannot cancel it.
    assert.equal((await donvi.post(`/api/exemplars/${id}/cancel`, { reason: 'Thử hủy' })).status, 404);
    const noReason = await office.post(`/api/exemplars/${id}/cancel`, { reason: ' ' });
    assert.equal(noReason.status, 400);
    assert.match(noReason.body.message, /Cần nêu lý do/);
    assert.equal((await office.get(`/api/exemplars/${id}`)).body.cancelledAt, null);

    const c = await office.post(`/api/exemplars/${id}/cancel`, { reason: 'Đơn vị có sai phạm được phát hiện sau khi tổng kết.' });
    assert.equal(c.status, 200, JSON.stringify(c.body));
    assert.ok(c.body.cancelledAt);
    assert.equal(c.body.publishedAt, null);
    assert.equal(c.body.cancelReason, 'Đơn vị có sai phạm được phát hiện sau khi tổng kết.');
    assert.deepEqual(c.body.abilities, ['read', 'restore']);
    assert.equal((await t.anonymous.request('GET', `/api/public/exemplars/${id}`)).status, 404);
    assert.equal((await t.anonymous.request('GET', `/api/public/stories/${s.body.id}`)).status, 404);
    assert.equal((await office.get(`/api/stories/${s.body.id}`)).body.status, 'withdrawn');
    const actions = (await t.db.select().from(auditEvents)).filter((a) => a.entityId === id || a.entityId === s.body.id).map((a) => a.action);
    assert.ok(actions.includes('exemplar.cancelled'));
    assert.ok(actions.includes('story.withdrawn'));
    // Nothing moves a cancelled exemplar, nor publishes its story, nor honours it at a conference.
    for (const [path, body] of [
      ['spread', { stepDate: '2024-07-01', owner: 'Trường', content: 'Áp dụng' }],
      ['publish', undefined],
      ['cancel', { reason: 'Lần nữa' }],
    ] as const) {
      const res = await office.post(`/api/exemplars/${id}/${path}`, body);
      assert.equal(res.status, 409, path);
      assert.match(res.body.message, /đã bị hủy/);
    }
    await office.post(`/api/stories/${s.body.id}/redraft`);
    const approve = await head.post(`/api/stories/${s.body.id}/approve`);
    assert.equal(approve.status, 409);
    assert.match(approve.body.message, /Điển hình của bài viết đã bị hủy/);
    const story = await office.post('/api/stories', { unitId: rootId, exemplarId: id, title: 'Bài mới', summary: 'T.', bodyHtml: '<p>x</p>', authorName: 'A' });
    assert.equal(story.status, 409);
    const conf = await office.post('/api/exemplar-conferences', { unitId: rootId, title: 'Hội nghị', heldOn: '2024-10-01', place: 'Sở', exemplarIds: [id] });
    assert.equal(conf.status, 409);
    assert.match(conf.body.message, /đã bị hủy, không biểu dương được/);
    assert.equal(
      (await office.get('/api/exemplars?state=cancelled')).body.items.some((x: { id: string }) => x.id === id),
      true,
    );
    assert.equal(
      (await office.get('/api/exemplars?state=active')).body.items.some((x: { id: string }) => x.id === id),
      false,
    );

    const restored = await office.post(`/api/exemplars/${id}/restore`, { reason: 'Kết luận thanh tra: không có sai phạm.' });
    assert.equal(restored.status, 200, JSON.stringify(restored.body));
    assert.equal(restored.body.cancelledAt, null);
    assert.equal(restored.body.stage, 'summed_up');
    assert.ok(restored.body.abilities.includes('publish'));
    assert.equal((await office.post(`/api/exemplars/${id}/restore`, { reason: 'Lần nữa' })).status, 409);
    assert.equal((await office.post(`/api/exemplars/${id}/publish`)).status, 200);
    assert.equal((await t.anonymous.request('GET', `/api/public/exemplars/${id}`)).status, 200);
  });

  it('a conference is edited (report number, exemplars) and cancelled; a cancelled one has no report', async () => {
    const ex = await office.post('/api/exemplars', proposal(rootId, 'Mô hình "Hội nghị"'));
    const c = await office.post('/api/exemplar-conferences', {
      unitId: rootId,
      title: 'Hội nghị điển hình tiên tiến năm 2024',
      heldOn: '2024-10-15',
      place: 'Hội trường Sở',
      exemplarIds: [ex.body.id],
    });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    assert.deepEqual(c.body.abilities, ['read', 'report', 'update', 'cancel']);
    // Without a number yet: the line reads "Số: /BC-<code>", left for the văn thư.
    const blank = await reportText(t, c.body.id);
    assert.match(blank.text, /Số:\s*\/BC-SKHCN/);
    const edit = {
      title: c.body.title,
      heldOn: '2024-10-16',
      place: 'Hội trường tầng 3',
      exemplarIds: [ex.body.id],
      speakers: ['Giám đốc Sở'],
      reportNumber: '15',
      version: c.body.version,
    };
    const badNumber = await office.put(`/api/exemplar-conferences/${c.body.id}`, { ...edit, reportNumber: 'mười lăm' });
    assert.equal(badNumber.status, 400);
    assert.match(badNumber.body.message, /Số báo cáo dạng/);
    const u = await office.put(`/api/exemplar-conferences/${c.body.id}`, edit);
    assert.equal(u.status, 200, JSON.stringify(u.body));
    assert.equal(u.body.place, 'Hội trường tầng 3');
    assert.equal(u.body.reportNumber, '15');
    assert.equal((await office.put(`/api/exemplar-conferences/${c.body.id}`, edit)).status, 409, 'stale version');
    const numbered = await reportText(t, c.body.id);
    assert.match(numbered.text, /Số:\s*15\/BC-SKHCN/);
    assert.match(numbered.text, /Hội trường tầng 3/);
    assert.match(numbered.disposition, /BC-15-SKHCN-2024\.docx/);
    // Out of scope: not found; a clerk has no grant on conferences.
    assert.equal((await outsider.put(`/api/exemplar-conferences/${c.body.id}`, edit)).status, 404);
    assert.equal((await outsider.post(`/api/exemplar-conferences/${c.body.id}/cancel`, { reason: 'Thử hủy' })).status, 404);
    assert.equal((await donvi.post(`/api/exemplar-conferences/${c.body.id}/cancel`, { reason: 'Thử hủy' })).status, 403);
    assert.equal((await office.post(`/api/exemplar-conferences/${c.body.id}/cancel`, { reason: '' })).status, 400);
    const cancelled = await office.post(`/api/exemplar-conferences/${c.body.id}/cancel`, { reason: 'Ghi nhận nhầm, hội nghị hoãn sang năm sau.' });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    assert.ok(cancelled.body.cancelledAt);
    assert.deepEqual(cancelled.body.abilities, ['read']);
    const report = await office.get(`/api/exemplar-conferences/${c.body.id}/report.docx`);
    assert.equal(report.status, 409);
    assert.match(report.body.message, /Hội nghị đã bị hủy/);
    assert.equal((await office.put(`/api/exemplar-conferences/${c.body.id}`, { ...edit, version: cancelled.body.version })).status, 409);
    const [row] = await t.db.select().from(exemplarConferences).where(eqId(c.body.id, exemplarConferences.id));
    assert.equal(row?.cancelReason, 'Ghi nhận nhầm, hội nghị hoãn sang năm sau.');
    const actions = (await t.db.select().from(auditEvents)).filter((a) => a.entityId === c.body.id).map((a) => a.action);
    assert.deepEqual(actions.sort(), ['exemplar.conference_cancelled', 'exemplar.conference_recorded', 'exemplar.conference_updated']);
  });

  it('a photo of a draft story is removed; not once the story is approved', async () => {
    const s = await donvi.post('/api/stories', { unitId, title: 'Bài có ảnh', summary: 'T.', bodyHtml: '<p>x</p>', authorName: 'A' });
    const jpeg = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#36a' } })
      .jpeg()
      .toBuffer();
    const a = await donvi.upload(`/api/stories/${s.body.id}/images`, jpeg, { caption: 'Ảnh nhầm' }, 'a.jpg');
    const b = await donvi.upload(`/api/stories/${s.body.id}/images`, jpeg, { caption: 'Ảnh đúng' }, 'b.jpg');
    assert.equal((await outsider.del(`/api/stories/${s.body.id}/images/${a.body.id}`)).status, 404);
    assert.equal((await donvi.del(`/api/stories/${s.body.id}/images/${crypto.randomUUID()}`)).status, 404);
    const r = await donvi.del(`/api/stories/${s.body.id}/images/${a.body.id}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(
      r.body.images.map((i: { caption: string }) => i.caption),
      ['Ảnh đúng'],
    );
    await head.post(`/api/stories/${s.body.id}/approve`);
    const late = await donvi.del(`/api/stories/${s.body.id}/images/${b.body.id}`);
    assert.equal(late.status, 409);
    assert.match(late.body.message, /Chỉ sửa được bài viết ở trạng thái nháp/);
    assert.equal((await t.db.select().from(stories).where(eqId(s.body.id, stories.id))).length, 1);
  });
});

describe('a photo caption is edited later; the conference report has no empty section', () => {
  let t: TestApp;
  let donvi: Client;
  let office: Client;
  let head: Client;
  let outsider: Client;
  let unitId = '';
  let rootId = '';
  before(async () => {
    t = await createTestApp();
    donvi = await t.login('donvi');
    office = await t.login('vanphong');
    head = await t.login('giamdoc');
    unitId = (await donvi.get('/api/auth/me')).body.user.unitId;
    rootId = (await office.get('/api/auth/me')).body.user.unitId;
    outsider = await buildOutsider(t);
  });
  after(async () => t.close());

  it('the caption of a photo of a draft story is changed (audited); bad input, outsiders and approved stories change nothing', async () => {
    const s = await donvi.post('/api/stories', { unitId, title: 'Bài có chú thích', summary: 'T.', bodyHtml: '<p>x</p>', authorName: 'A' });
    const jpeg = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#3a6' } })
      .jpeg()
      .toBuffer();
    const img = await donvi.upload(`/api/stories/${s.body.id}/images`, jpeg, { caption: 'Chú thích gõ nhầm' }, 'a.jpg');
    const url = `/api/stories/${s.body.id}/images/${img.body.id}`;
    const ok = await donvi.put(url, { caption: '  Lớp tập huấn tại xã Đàm Thủy  ' });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual(
      ok.body.images.map((i: { caption: string }) => i.caption),
      ['Lớp tập huấn tại xã Đàm Thủy'],
    );
    const audit = (await t.db.select().from(auditEvents)).filter((a) => a.action === 'story.image_captioned' && a.entityId === s.body.id);
    assert.equal(audit.length, 1);
    assert.deepEqual(audit[0]!.before, { imageId: img.body.id, caption: 'Chú thích gõ nhầm' });
    const tooLong = await donvi.put(url, { caption: 'x'.repeat(501) });
    assert.equal(tooLong.status, 400);
    assert.match(tooLong.body.message, /tối đa 500 ký tự/);
    assert.equal((await donvi.put(`/api/stories/${s.body.id}/images/${crypto.randomUUID()}`, { caption: 'Khác' })).status, 404);
    assert.equal((await outsider.put(url, { caption: 'Của người ngoài' })).status, 404);
    await head.post(`/api/stories/${s.body.id}/approve`);
    const late = await donvi.put(url, { caption: 'Sau khi duyệt' });
    assert.equal(late.status, 409);
    const now = await donvi.get(`/api/stories/${s.body.id}`);
    assert.equal(now.body.images[0].caption, 'Lớp tập huấn tại xã Đàm Thủy');
  });

  it('the report leaves out sections without content, numbers the rest and fills its tables from the data', async () => {
    const ex = await office.post('/api/exemplars', proposal(rootId, 'Mô hình "Một cửa số"'));
    const c = await office.post('/api/exemplar-conferences', {
      unitId: rootId,
      title: 'Hội nghị điển hình tiên tiến năm 2025',
      heldOn: '2025-10-15',
      place: 'Hội trường Sở',
      exemplarIds: [ex.body.id],
    });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    const { text } = await reportText(t, c.body.id);
    // No shortcomings or lessons recorded: no such headings; the direction is section II, not IV.
    assert.doesNotMatch(text, /TỒN TẠI, HẠN CHẾ|BÀI HỌC KINH NGHIỆM/);
    assert.match(text, /II\. PHƯƠNG HƯỚNG, NHIỆM VỤ/);
    assert.doesNotMatch(text, /IV\./);
    // No honouring decision: no awards table; the figures come from the exemplars honoured.
    assert.doesNotMatch(text, /Kết quả khen thưởng:/);
    assert.match(text, /Số liệu khác:/);
    assert.match(text, /Điển hình tiên tiến được biểu dương/);
    assert.match(text, /1 mô hình, cách làm hay/);
    assert.doesNotMatch(text, /0 cá nhân|giai đoạn/);
    assert.doesNotMatch(text, /Như trên/);
  });
});

function eqId(id: string, col: PgColumn = exemplars.id) {
  return eq(col, id);
}

/** The report's text (the DOCX body, paragraph by paragraph). */
async function reportText(t: TestApp, id: string): Promise<{ text: string; disposition: string }> {
  const r = await downloadAs(t, 'vanphong', `/api/exemplar-conferences/${id}/report.docx`);
  assert.equal(r.status, 200);
  return { text: docxText(r.body), disposition: r.disposition };
}
