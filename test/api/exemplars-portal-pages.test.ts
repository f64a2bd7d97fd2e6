/**
 * The portal's pages, not only its JSON: every /cong-khai/... page is the SPA's index.html with Open
 * Graph tags the server fills in from the public presenter. Each page's HTML, and every JSON answer the
 * page loads, is checked for forbidden fields (CCCD, birth date, phone, address, e-mail, ratings,
 * discipline) and for the actual personal data of the people it shows; an item under a complaint
 * (taken off the portal) shows nothing of itself.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inArray } from 'drizzle-orm';
import sharp from 'sharp';
import { buildApp, type App } from '../../src/server/app.js';
import { people } from '../../src/server/db/schema/index.js';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { buildDecision } from '../helpers/decisions.js';
import { reviewedDossier } from '../helpers/dossiers.js';
import { formatDateVi } from '../../src/shared/format-vi.js';

const FORBIDDEN_KEY =
  /^(cccd|birthDate|birth_date|dateOfBirth|phone|phoneNumber|address|email|rating|ratings|discipline|disciplines|gender|personId|amount|complaint|petition|underComplaint)$/i;

function forbiddenKeys(v: unknown, path = '$'): string[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => forbiddenKeys(x, `${path}[${i}]`));
  if (v && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => [...(FORBIDDEN_KEY.test(k) ? [`${path}.${k}`] : []), ...forbiddenKeys(x, `${path}.${k}`)]);
  return [];
}

const INDEX = `<!doctype html><html lang="vi"><head><meta charset="UTF-8" /><title>TĐKT</title></head><body><div id="root"></div></body></html>`;

describe('portal pages: Open Graph from the public presenter, and no personal data in any page or its JSON', () => {
  let t: TestApp;
  let web: App;
  let dir = '';
  let office: Client;
  let exemplarId = '';
  let storyId = '';
  let decisionId = '';
  let hiddenDecisionId = '';
  let noticeId = '';
  /** Personal data of the people the pages show: none of it may appear. */
  let secrets: string[] = [];

  const page = async (url: string) => {
    const r = await web.inject({ method: 'GET', url });
    return { status: r.statusCode, html: r.body, headers: r.headers };
  };
  const json = async (url: string) => {
    const r = await web.inject({ method: 'GET', url });
    return { status: r.statusCode, body: JSON.parse(r.body) as unknown, text: r.body };
  };
  const og = (html: string, prop: string) => new RegExp(`<meta property="og:${prop}" content="([^"]*)"`).exec(html)?.[1];

  before(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'tdkt-web-'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    web = await buildApp({ database: t.database, config: { secureCookies: false, webDir: dir } });
    await web.ready();
    office = await t.login('vanphong');
    const donvi = await t.login('donvi');
    const unitId = (await donvi.get('/api/auth/me')).body.user.unitId;
    const e = await donvi.post('/api/exemplars', {
      unitId,
      kind: 'person',
      name: 'Kỹ sư "Lý Thị Phương" <giỏi>',
      positionText: 'Kỹ sư nông nghiệp, Trung tâm Ứng dụng',
      achievement: 'Đưa giống lúa mới vào ba xã vùng cao.',
      reason: 'Tiêu biểu trong phong trào.',
      discoveredOn: '2025-03-01',
    });
    exemplarId = e.body.id;
    await office.post(`/api/exemplars/${exemplarId}/nurture`, { stepDate: '2025-04-01', owner: 'Văn phòng Sở', content: 'Hỗ trợ tập huấn' });
    await office.post(`/api/exemplars/${exemplarId}/sum-up`, { summedUpOn: '2025-06-01', assessment: 'Hiệu quả rõ.' });
    assert.equal((await office.post(`/api/exemplars/${exemplarId}/publish`)).status, 200);
    const s = await donvi.post('/api/stories', {
      unitId,
      exemplarId,
      title: 'Mùa lúa mới trên vùng cao',
      summary: 'Câu chuyện của một kỹ sư trẻ.',
      bodyHtml: '<p>Nội dung bài viết.</p>',
      authorName: 'Hà Thị Mai',
    });
    storyId = s.body.id;
    const img = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a6' } })
      .jpeg()
      .toBuffer();
    assert.equal((await donvi.upload(`/api/stories/${storyId}/images`, img, { caption: 'Ruộng lúa' }, 'lua.jpg')).status, 200);
    await office.post(`/api/stories/${storyId}/approve`);
    assert.equal((await office.post(`/api/stories/${storyId}/publish`)).body.status, 'published');
    const d = await buildDecision(t.db, unitId, { n: 4, number: 321 });
    decisionId = d.decision.id;
    const hidden = await buildDecision(t.db, unitId, { n: 2, number: 322 });
    hiddenDecisionId = hidden.decision.id;
    assert.equal((await office.post(`/api/publication/decisions/${hiddenDecisionId}/take-off`, { reason: 'Đang có khiếu nại' })).status, 200);
    // A public notice of two nominees: its own page (/cong-khai/lay-y-kien/:id) is walked too.
    const reviewed = await reviewedDossier(t, 2);
    const notice = await office.post('/api/notices', { candidateIds: reviewed.candidateIds, title: 'Thông báo công khai danh sách đề nghị tặng Giấy khen' });
    assert.equal(notice.status, 201, JSON.stringify(notice.body));
    noticeId = notice.body.id;
    const nominees = ((await office.get(`/api/dossiers/${reviewed.dossierId}`)).body.candidates as { personId: string | null }[]).map((c) => c.personId!);
    const ids = [...d.awardees, ...hidden.awardees]
      .map((a) => a.personId!)
      .concat(nominees)
      .filter(Boolean);
    const rows = await t.db.select().from(people).where(inArray(people.id, ids));
    assert.ok(rows.length >= 4);
    secrets = rows.flatMap((p) => [p.cccd, p.birthDate, p.birthDate ? formatDateVi(p.birthDate) : null].filter((x): x is string => Boolean(x)));
    assert.ok(secrets.length >= 8);
  });
  after(async () => {
    await web?.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Each portal page and the JSON answers its screen loads (src/web/pages/portal/PortalPages.tsx). */
  const pages = () => [
    {
      url: '/cong-khai',
      data: [
        '/api/public/exemplars?pageSize=6',
        '/api/public/stories?pageSize=6',
        '/api/public/decisions?pageSize=6',
        '/api/public/plans?pageSize=200',
        '/api/public/movements?pageSize=200',
      ],
    },
    { url: '/cong-khai/dien-hinh', data: ['/api/public/exemplars?page=1&pageSize=12'] },
    { url: `/cong-khai/dien-hinh/${exemplarId}`, data: [`/api/public/exemplars/${exemplarId}`, `/api/public/stories?exemplarId=${exemplarId}&pageSize=20`] },
    { url: '/cong-khai/bai-viet', data: ['/api/public/stories?page=1&pageSize=12'] },
    { url: `/cong-khai/bai-viet/${storyId}`, data: [`/api/public/stories/${storyId}`] },
    { url: '/cong-khai/quyet-dinh', data: ['/api/public/decisions?page=1&pageSize=12'] },
    { url: `/cong-khai/quyet-dinh/${decisionId}`, data: [`/api/public/decisions/${decisionId}`] },
    {
      url: '/cong-khai/tim-kiem?q=lua',
      data: ['/api/public/exemplars?q=lua&pageSize=6', '/api/public/stories?q=lua&pageSize=6', '/api/public/decisions?q=lua&pageSize=6'],
    },
    { url: '/cong-khai/lay-y-kien', data: ['/api/public/notices'] },
    { url: `/cong-khai/lay-y-kien/${noticeId}`, data: [`/api/public/notices/${noticeId}`] },
    { url: '/cong-khai/don-thu', data: ['/api/public/petitions/agencies'] },
    { url: '/cong-khai/ke-hoach-phong-trao', data: ['/api/public/plans?pageSize=200', '/api/public/movements?pageSize=200'] },
  ];

  it('the walk covers every portal route of the web app', () => {
    const app = readFileSync('src/web/App.tsx', 'utf8');
    const routes = [...app.matchAll(/path="(\/cong-khai[^"]*)"/g)].map((m) => m[1]!);
    assert.ok(routes.length >= 10, routes.join(' '));
    // Plans and movements pages belong to the plans module (their JSON is walked by the public-route test).
    const elsewhere = ['/cong-khai/ke-hoach/:id', '/cong-khai/phong-trao/:id'];
    const walked = pages().map((p) => p.url.split('?')[0]!);
    for (const r of routes) {
      if (elsewhere.includes(r)) continue;
      const re = new RegExp(`^${r.replace(/:id/, '[^/]+')}$`);
      assert.ok(
        walked.some((w) => re.test(w)),
        `portal route ${r} is not walked`,
      );
    }
  });

  it('every page and every JSON it loads is free of forbidden fields and of the people’s personal data', async () => {
    let checked = 0;
    for (const p of pages()) {
      const html = await page(p.url);
      assert.equal(html.status, 200, p.url);
      assert.match(String(html.headers['content-type']), /text\/html/, p.url);
      for (const s of secrets) assert.ok(!html.html.includes(s), `${p.url} shows ${s}`);
      assert.doesNotMatch(html.html, /cccd|birthDate|"email"|"phone"/i, p.url);
      for (const u of p.data) {
        const r = await json(u);
        assert.equal(r.status, 200, u);
        assert.deepEqual(forbiddenKeys(r.body), [], u);
        for (const s of secrets) assert.ok(!r.text.includes(s), `${u} shows ${s}`);
        checked++;
      }
    }
    assert.ok(checked >= 16, `checked ${checked}`);
    // The decision page does list its awardees (name, position as printed, honor) — the test is not empty.
    const d = await json(`/api/public/decisions/${decisionId}`);
    assert.equal((d.body as { awardees: unknown[] }).awardees.length, 4);
  });

  it('item pages carry their own Open Graph tags, escaped; the home its own', async () => {
    const e = await page(`/cong-khai/dien-hinh/${exemplarId}`);
    assert.equal(og(e.html, 'title'), 'Kỹ sư &quot;Lý Thị Phương&quot; &lt;giỏi&gt; – Cá nhân điển hình');
    assert.equal(og(e.html, 'description'), 'Đưa giống lúa mới vào ba xã vùng cao.');
    assert.match(og(e.html, 'url') ?? '', new RegExp(`/cong-khai/dien-hinh/${exemplarId}$`));
    assert.doesNotMatch(e.html, /<giỏi>/);
    assert.match(e.html, /<title>Kỹ sư &quot;Lý Thị Phương&quot;/);
    const s = await page(`/cong-khai/bai-viet/${storyId}`);
    assert.equal(og(s.html, 'title'), 'Mùa lúa mới trên vùng cao');
    assert.equal(og(s.html, 'type'), 'article');
    assert.match(og(s.html, 'image') ?? '', new RegExp(`/api/public/stories/${storyId}/images/`));
    const d = await page(`/cong-khai/quyet-dinh/${decisionId}`);
    assert.equal(og(d.html, 'title'), 'Quyết định số 321/QĐ-SKHCN');
    const home = await page('/cong-khai');
    assert.equal(og(home.html, 'title'), 'Cổng thông tin thi đua, khen thưởng');
    assert.equal(home.headers['cache-control'], 'public, max-age=60');
  });

  it('an item taken off the portal (under a complaint) or not published shows nothing of itself', async () => {
    const hidden = await page(`/cong-khai/quyet-dinh/${hiddenDecisionId}`);
    assert.equal(hidden.status, 200);
    assert.equal(og(hidden.html, 'title'), 'Cổng thông tin thi đua, khen thưởng');
    assert.ok(!hidden.html.includes('322/QĐ'));
    assert.equal((await json(`/api/public/decisions/${hiddenDecisionId}`)).status, 404);
    const list = await json('/api/public/decisions?pageSize=100');
    assert.ok(!(list.body as { items: { id: string }[] }).items.some((x) => x.id === hiddenDecisionId));
    assert.equal((await office.post(`/api/stories/${storyId}/withdraw`)).body.status, 'withdrawn');
    const s = await page(`/cong-khai/bai-viet/${storyId}`);
    assert.ok(!s.html.includes('Mùa lúa mới'));
    const bad = await page('/cong-khai/dien-hinh/khong-phai-uuid');
    assert.equal(bad.status, 200);
    assert.equal(og(bad.html, 'title'), 'Cổng thông tin thi đua, khen thưởng');
  });
});
