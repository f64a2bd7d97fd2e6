import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { buildDecision } from '../helpers/decisions.js';
import { docxText, downloadAs } from '../helpers/pdf-layout.js';
import { auditEvents, exemplars, stories } from '../../src/server/db/schema/index.js';

/** Fields the portal must never show (Nghị định 13/2023): checked in every public JSON answer. */
const FORBIDDEN =
  /^(cccd|birthDate|birth_date|dateOfBirth|phone|phoneNumber|address|email|rating|ratings|discipline|disciplines|gender|passwordHash|createdBy|personId|amount|coefficientMilli|baseSalary)$/i;

function forbiddenKeys(v: unknown, path = '$'): string[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => forbiddenKeys(x, `${path}[${i}]`));
  if (v && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => [...(FORBIDDEN.test(k) ? [`${path}.${k}`] : []), ...forbiddenKeys(x, `${path}.${k}`)]);
  return [];
}

async function photo(width = 3000, height = 2000): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#2a6' } })
    .jpeg()
    .withMetadata({ exif: { IFD0: { Copyright: 'GPS thử' } } })
    .toBuffer();
}

/** The text without its UUIDs (ids in links and feeds), before looking for numbers that identify a person. */
const withoutUuids = (text: string) => text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '');

describe('exemplars: four stages, stories with photos, the portal and its privacy', () => {
  let t: TestApp;
  let donvi: Client;
  let office: Client;
  let head: Client;
  let unitId = '';
  let exemplarId = '';
  let storyId = '';

  before(async () => {
    t = await createTestApp();
    donvi = await t.login('donvi');
    office = await t.login('vanphong');
    head = await t.login('giamdoc');
    unitId = (await donvi.get('/api/auth/me')).body.user.unitId;
  });
  after(async () => t.close());

  it('a unit proposes an exemplar; stages out of order are refused and store nothing', async () => {
    const r = await donvi.post('/api/exemplars', {
      unitId,
      kind: 'model',
      name: 'Mô hình "Phòng thí nghiệm mở"',
      achievement: 'Chia sẻ thiết bị thí nghiệm cho các trường trong tỉnh.',
      reason: 'Tiêu biểu trong phong trào thi đua đổi mới sáng tạo.',
      discoveredOn: '2024-03-01',
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    exemplarId = r.body.id;
    assert.equal(r.body.stage, 'discovered');
    assert.deepEqual(r.body.abilities, ['read', 'update', 'cancel', 'writeStory']);
    const before = (await t.db.select().from(exemplars)).length;
    const early = await office.post(`/api/exemplars/${exemplarId}/sum-up`, { summedUpOn: '2024-06-01', assessment: 'Tốt' });
    assert.equal(early.status, 409);
    assert.match(early.body.message, /Chưa thể tổng kết/);
    const spread = await office.post(`/api/exemplars/${exemplarId}/spread`, { stepDate: '2024-06-01', owner: 'Trường THPT', content: 'Áp dụng' });
    assert.equal(spread.status, 409);
    assert.match(spread.body.message, /phải được tổng kết trước/);
    assert.equal((await office.get(`/api/exemplars/${exemplarId}`)).body.stage, 'discovered');
    assert.equal((await t.db.select().from(exemplars)).length, before);
    // The unit may propose, not nurture.
    assert.equal((await donvi.post(`/api/exemplars/${exemplarId}/nurture`, { stepDate: '2024-04-01', owner: 'Văn phòng', content: 'Hỗ trợ' })).status, 403);
  });

  it('the Office nurtures, sums up, spreads and publishes, each step dated and audited', async () => {
    const n = await office.post(`/api/exemplars/${exemplarId}/nurture`, { stepDate: '2024-04-01', owner: 'Văn phòng Sở', content: 'Hỗ trợ kinh phí thiết bị' });
    assert.equal(n.status, 200, JSON.stringify(n.body));
    assert.equal(n.body.stage, 'nurturing');
    assert.equal(n.body.nurturedFrom, '2024-04-01');
    const before = await office.post(`/api/exemplars/${exemplarId}/sum-up`, { summedUpOn: '2024-03-15', assessment: 'Sớm quá' });
    assert.equal(before.status, 400);
    const s = await office.post(`/api/exemplars/${exemplarId}/sum-up`, { summedUpOn: '2024-06-20', assessment: 'Hiệu quả, có thể nhân rộng.' });
    assert.equal(s.status, 200, JSON.stringify(s.body));
    assert.equal(s.body.stage, 'summed_up');
    const sp = await office.post(`/api/exemplars/${exemplarId}/spread`, {
      stepDate: '2024-09-01',
      owner: 'Trung tâm Thông tin',
      content: 'Áp dụng tại đơn vị',
      unitId,
    });
    assert.equal(sp.body.stage, 'spreading');
    assert.deepEqual(
      sp.body.stages.map((x: { date: string | null }) => x.date),
      ['2024-03-01', '2024-04-01', '2024-06-20', '2024-09-01'],
    );
    const p = await office.post(`/api/exemplars/${exemplarId}/publish`);
    assert.equal(p.status, 200);
    assert.ok(p.body.publishedAt);
    const actions = (await t.db.select().from(auditEvents)).map((a) => a.action);
    for (const a of ['exemplar.proposed', 'exemplar.nurtured', 'exemplar.summed_up', 'exemplar.spread', 'exemplar.published'])
      assert.ok(actions.includes(a), a);
    const pub = await t.anonymous.request('GET', `/api/public/exemplars/${exemplarId}`);
    assert.equal(pub.status, 200);
    assert.equal(pub.body.spread[0].content, 'Áp dụng tại đơn vị');
  });

  it('a story: script stripped, photo checked by content and resized, published only after approval', async () => {
    const r = await donvi.post('/api/stories', {
      unitId,
      exemplarId,
      title: 'Phòng thí nghiệm mở cho học sinh',
      summary: 'Câu chuyện về một cách làm hay.',
      bodyHtml:
        '<p onclick="x()">Nội dung <strong>đậm</strong><script>alert(1)</script><img src="https://evil.example/x.png"><a href="javascript:alert(1)">link</a></p><iframe src="x"></iframe>',
      authorName: 'Hà Thị Mai',
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    storyId = r.body.id;
    assert.equal(r.body.bodyHtml, '<p>Nội dung <strong>đậm</strong><a rel="noopener noreferrer nofollow" target="_blank">link</a></p>');
    const empty = await donvi.post('/api/stories', { unitId, title: 'Trống', summary: 'Trống', bodyHtml: '<script>x</script>', authorName: 'A' });
    assert.equal(empty.status, 400);
    assert.match(empty.body.message, /trống/);
    const notImage = await donvi.upload(`/api/stories/${storyId}/images`, Buffer.from('%PDF-1.4 giả làm ảnh'), { caption: 'x' }, 'anh.jpg');
    assert.equal(notImage.status, 422);
    assert.match(notImage.body.message, /không phải là ảnh/);
    const big = Buffer.concat([await photo(100, 100), Buffer.alloc(5 * 1024 * 1024)]);
    assert.equal((await donvi.upload(`/api/stories/${storyId}/images`, big, {}, 'to.jpg')).status, 413);
    const ok = await donvi.upload(`/api/stories/${storyId}/images`, await photo(), { caption: 'Học sinh thực hành' }, 'anh.jpg');
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.width, 1600);
    assert.equal(ok.body.caption, 'Học sinh thực hành');
    const early = await office.post(`/api/stories/${storyId}/publish`);
    assert.equal(early.status, 409);
    assert.match(early.body.message, /phải được duyệt trước khi đăng/);
    assert.equal((await t.db.select().from(stories)).find((s) => s.id === storyId)?.status, 'draft');
    assert.equal((await donvi.post(`/api/stories/${storyId}/approve`)).status, 403);
    assert.equal((await head.post(`/api/stories/${storyId}/approve`)).body.status, 'approved');
    assert.equal((await head.post(`/api/stories/${storyId}/publish`)).body.status, 'published');
    const pub = await t.anonymous.request('GET', `/api/public/stories/${storyId}`);
    assert.equal(pub.status, 200);
    assert.equal(pub.body.exemplarName, 'Mô hình "Phòng thí nghiệm mở"');
    const img = await t.anonymous.request('GET', pub.body.images[0].url);
    assert.equal(img.status, 200);
    assert.equal(img.headers['content-type'], 'image/jpeg');
    const list = await t.anonymous.request('GET', '/api/public/stories?q=phong thi nghiem');
    assert.equal(list.body.total, 1);
    assert.equal(list.body.items[0].coverImageUrl, pub.body.images[0].url, 'the list shows the first photo as the cover');
  });

  it('public answers carry a weak ETag; a repeat with If-None-Match gets 304 and no body; a change gives a new tag', async () => {
    const url = '/api/public/stories?pageSize=6';
    const first = await t.anonymous.request('GET', url);
    assert.equal(first.status, 200);
    assert.match(String(first.headers['cache-control']), /^public, max-age=\d+/);
    const tag = String(first.headers.etag);
    assert.match(tag, /^W\/"[\w-]+"$/);
    const again = await t.anonymous.request('GET', url, undefined, { 'if-none-match': tag });
    assert.equal(again.status, 304);
    assert.equal(again.body, '');
    const other = await t.anonymous.request('GET', url, undefined, { 'if-none-match': 'W/"khac"' });
    assert.equal(other.status, 200);
    assert.equal(other.headers.etag, tag);
    // A second published story changes the list, hence the tag.
    const r = await donvi.post('/api/stories', { unitId, title: 'Bài thứ hai', summary: 'Tóm tắt.', bodyHtml: '<p>Nội dung.</p>', authorName: 'Hà Thị Mai' });
    await head.post(`/api/stories/${r.body.id}/approve`);
    await head.post(`/api/stories/${r.body.id}/publish`);
    const changed = await t.anonymous.request('GET', url, undefined, { 'if-none-match': tag });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.etag, tag);
    assert.equal(changed.body.total, first.body.total + 1);
    assert.equal(changed.body.items.find((x: { id: string }) => x.id === r.body.id).coverImageUrl, null);
    // The portal page (HTML) is tagged too.
    const page = await t.anonymous.request('GET', `/cong-khai/bai-viet/${storyId}`);
    if (page.status === 200) {
      const cached = await t.anonymous.request('GET', `/cong-khai/bai-viet/${storyId}`, undefined, { 'if-none-match': String(page.headers.etag) });
      assert.equal(cached.status, 304);
    }
  });

  it('the conference is recorded and its report renders (DOCX)', async () => {
    const c = await office.post('/api/exemplar-conferences', {
      unitId: (await office.get('/api/auth/me')).body.user.unitId,
      title: 'Hội nghị điển hình tiên tiến năm 2024',
      heldOn: '2024-10-15',
      place: 'Hội trường Sở',
      speakers: ['Giám đốc Sở', 'Đại diện Trung tâm'],
      exemplarIds: [exemplarId],
    });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    const doc = await office.get(`/api/exemplar-conferences/${c.body.id}/report.docx`);
    assert.equal(doc.status, 200);
    assert.match(String(doc.headers['content-type']), /wordprocessingml/);
    // Nothing written for shortcomings and lessons: those sections are left out; the default direction stays.
    const bare = docxText((await downloadAs(t, 'vanphong', `/api/exemplar-conferences/${c.body.id}/report.docx`)).body);
    assert.doesNotMatch(bare, /TỒN TẠI, HẠN CHẾ|BÀI HỌC KINH NGHIỆM/);
    assert.match(bare, /Tiếp tục phát hiện, bồi dưỡng/);
    // The Office writes the report's other sections (TT 01/2024 Art 3 k3), a paragraph a line.
    const edited = await office.put(`/api/exemplar-conferences/${c.body.id}`, {
      title: c.body.title,
      heldOn: c.body.heldOn,
      place: c.body.place,
      speakers: c.body.speakers,
      exemplarIds: [exemplarId],
      shortcomings: 'Một số đơn vị chưa gửi bài viết về điển hình.\n\nViệc nhân rộng còn chậm ở khối sự nghiệp.',
      lessons: 'Gắn phát hiện điển hình với chấm điểm thi đua hằng quý.',
      directions: 'Tổ chức hội nghị điển hình năm 2025 vào quý IV.',
      version: c.body.version,
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.body.lessons, 'Gắn phát hiện điển hình với chấm điểm thi đua hằng quý.');
    const text = docxText((await downloadAs(t, 'vanphong', `/api/exemplar-conferences/${c.body.id}/report.docx`)).body);
    assert.match(text, /II\. TỒN TẠI, HẠN CHẾ[\s\S]*Một số đơn vị chưa gửi bài viết[\s\S]*Việc nhân rộng còn chậm/);
    assert.match(text, /III\. BÀI HỌC KINH NGHIỆM[\s\S]*Gắn phát hiện điển hình/);
    assert.match(text, /IV\. PHƯƠNG HƯỚNG, NHIỆM VỤ[\s\S]*Tổ chức hội nghị điển hình năm 2025 vào quý IV/);
    assert.doesNotMatch(text, /Tiếp tục phát hiện, bồi dưỡng/);
    const tooLong = await office.put(`/api/exemplar-conferences/${c.body.id}`, {
      ...edited.body,
      exemplarIds: [exemplarId],
      lessons: 'x'.repeat(8001),
      version: edited.body.version,
    });
    assert.equal(tooLong.status, 400);
    assert.match(tooLong.body.message, /Tối đa 8000 ký tự/);
  });

  it('publication switches and unpublishing hide items from the portal', async () => {
    const d = await buildDecision(t.db, unitId, { n: 2 });
    const listed = await t.anonymous.request('GET', '/api/public/decisions?pageSize=200');
    assert.ok(listed.body.items.some((x: { id: string }) => x.id === d.decision.id));
    const one = await t.anonymous.request('GET', `/api/public/decisions/${d.decision.id}`);
    assert.equal(one.body.awardees.length, 2);
    assert.ok(one.body.awardees[0].honorLabel);
    assert.equal((await office.post(`/api/publication/decisions/${d.decision.id}/take-off`, { reason: 'Đang có khiếu nại' })).status, 200);
    assert.equal((await t.anonymous.request('GET', `/api/public/decisions/${d.decision.id}`)).status, 404);
    assert.equal((await office.post(`/api/publication/decisions/${d.decision.id}/restore`, { reason: 'Đã giải quyết' })).status, 200);
    const root = (await office.get('/api/auth/me')).body.user.unitId;
    assert.equal((await office.put('/api/publication', { unitId: root, kind: 'story', enabled: false })).status, 200);
    assert.equal((await t.anonymous.request('GET', `/api/public/stories/${storyId}`)).status, 404);
    assert.equal((await t.anonymous.request('GET', '/api/public/stories')).body.total, 0);
    assert.equal((await office.get('/api/publication')).body.kinds.find((k: { kind: string }) => k.kind === 'story').enabled, false);
    await office.put('/api/publication', { unitId: root, kind: 'story', enabled: true });
    assert.equal((await t.anonymous.request('GET', `/api/public/stories/${storyId}`)).status, 200);
  });

  it('every public route (from the OpenAPI) answers without a forbidden field', async () => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const sample: Record<string, string> = {};
    for (const path of [
      '/api/public/exemplars',
      '/api/public/stories',
      '/api/public/decisions',
      '/api/public/plans',
      '/api/public/movements',
      '/api/public/notices',
    ]) {
      const r = await t.anonymous.request('GET', path);
      if (r.body?.items?.[0]?.id) sample[path] = r.body.items[0].id;
    }
    let walked = 0;
    for (const [path, methods] of Object.entries(spec.paths)) {
      if (!path.startsWith('/api/public/') || !('get' in methods)) continue;
      const listPath = path.replace(/\/\{[^}]+\}.*$/, '');
      const url = path
        .replace('{id}', sample[listPath] ?? crypto.randomUUID())
        .replace('{imageId}', crypto.randomUUID())
        .replace('{code}', 'KHONGCO123');
      if (path === '/api/public/stories/{id}/images/{imageId}') continue;
      const r = await t.anonymous.request('GET', url);
      assert.ok(r.status < 500, `${url} → ${r.status}`);
      assert.deepEqual(forbiddenKeys(r.body), [], url);
      // Ids are UUIDs, whose digits could look like a phone number: they are taken out first.
      if (typeof r.body === 'string') assert.doesNotMatch(withoutUuids(r.body), /cccd|birthDate|(?<![\w.])0\d{9}(?!\w)/i, url);
      walked++;
    }
    assert.ok(walked >= 12, `walked ${walked}`);
    const feed = await t.anonymous.request('GET', '/api/public/feed.atom');
    assert.match(String(feed.headers['content-type']), /atom/);
    assert.match(String(feed.body), /Phòng thí nghiệm mở cho học sinh/);
    const map = await t.anonymous.request('GET', '/api/public/sitemap.xml');
    assert.match(String(map.body), new RegExp(`/cong-khai/bai-viet/${storyId}`));
  });
});
