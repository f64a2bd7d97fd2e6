/**
 * Exemplars in the browser, only through the UI (issue 12): a unit proposes an exemplar from a movement,
 * the Office nurtures, sums it up, records a replication and publishes it; the unit writes a story with a
 * photo, the Office approves and publishes it and it appears on the portal (no sign-in), whose pages and
 * JSON carry no personal data; the conference is recorded and its report (DOCX) downloads and renders.
 * Screenshots at 1440 and 390 px.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { SHOTS, assertFitsScreen, cannotRun, chooseOption, launchBrowser, login, startServer } from './helpers.js';

const skip = cannotRun();
const NAME = 'Mô hình "Tủ sách khoa học cho trường vùng cao"';
const STORY = 'Tủ sách khoa học đến với học sinh vùng cao';
const FORBIDDEN = /^(cccd|birthDate|dateOfBirth|phone|address|email|rating|ratings|discipline|disciplines|gender|personId|amount)$/i;

function forbiddenKeys(v: unknown, path = '$'): string[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => forbiddenKeys(x, `${path}[${i}]`));
  if (v && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => [...(FORBIDDEN.test(k) ? [`${path}.${k}`] : []), ...forbiddenKeys(x, `${path}.${k}`)]);
  return [];
}

/** The text without its UUIDs (an id's last group may be twelve digits), before looking for CCCD numbers. */
const withoutUuids = (text: string) => text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '');

describe('exemplars: discover, nurture, sum up, spread, a story on the portal, the conference report', { skip: skip ?? false }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let exemplarUrl = '';
  let storyUrl = '';
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function as(username: string, width = 1440): Promise<Page> {
    const p = await browser.newPage({ viewport: { width, height: 1000 }, locale: 'vi-VN' });
    await login(p, server.url, username);
    return p;
  }
  const shot = (p: Page, name: string, fullPage = true) => p.screenshot({ path: resolve(SHOTS, `${name}.png`), fullPage });
  async function confirm(p: Page, ok: string) {
    await p.locator('.ant-popconfirm:visible').getByRole('button', { name: ok }).click();
  }

  it('a unit proposes an exemplar from a movement', async () => {
    const p = await as('donvi');
    await p.goto(`${server.url}/phong-trao`);
    await p.getByTestId('movements-table').getByRole('link').first().waitFor();
    await p
      .getByTestId('movements-table')
      .getByRole('link', { name: /Đợt thi đua cao điểm/ })
      .first()
      .click();
    await p.getByTestId('movement-propose-exemplar').click();
    await p.getByTestId('exemplar-name').waitFor();
    // The movement is already chosen, since the proposal came from its page (its name shows once the lists load).
    await p
      .locator('.ant-modal')
      .getByText(/Đợt thi đua cao điểm/)
      .first()
      .waitFor();
    await chooseOption(p, 'exemplar-kind', 'Mô hình, cách làm hay');
    await p.getByTestId('exemplar-name').fill(NAME);
    assert.match(await p.locator('.ant-modal .ant-form-item').filter({ hasText: 'Loại điển hình' }).innerText(), /Mô hình, cách làm hay/);
    await p.getByTestId('exemplar-achievement').fill('Xây dựng 12 tủ sách khoa học cho các trường vùng cao, 3.000 lượt học sinh mượn đọc.');
    await p.getByTestId('exemplar-reason').fill('Cách làm hay, ít tốn kém, dễ nhân rộng.');
    await shot(p, 'exemplars-propose-1440', false);
    await p.getByTestId('exemplar-propose-ok').click();
    await p.getByTestId('exemplar-stages').waitFor();
    exemplarUrl = new URL(p.url()).pathname;
    assert.match(await p.locator('body').innerText(), /Mô hình, cách làm hay · Trung tâm Ứng dụng/);
    assert.match(exemplarUrl, /^\/dien-hinh\/[0-9a-f-]{36}$/);
    assert.match(await p.getByTestId('exemplar-stages').innerText(), /Phát hiện/);
    // The unit proposes; nurturing is the Office's.
    assert.equal(await p.getByTestId('exemplar-nurture').count(), 0);
    // A figure to correct: the unit edits its proposal while it is still at phát hiện.
    await p.getByTestId('exemplar-edit').click();
    await p.getByTestId('exemplar-achievement').fill('Xây dựng 14 tủ sách khoa học cho các trường vùng cao, 3.000 lượt học sinh mượn đọc.');
    await p.getByTestId('exemplar-propose-ok').click();
    await p.locator('#root').getByText('Xây dựng 14 tủ sách khoa học').waitFor();
    // The modal closes once saved (after its animation).
    await p.getByTestId('exemplar-propose-ok').waitFor({ state: 'hidden' });
    await p.close();
  });

  it('the Office nurtures, sums up, records a replication and publishes it', async () => {
    const p = await as('vanphong');
    await p.goto(server.url + exemplarUrl);
    await p.getByTestId('exemplar-nurture').click();
    await p.getByTestId('exemplar-step-owner').fill('Văn phòng Sở');
    await p.getByTestId('exemplar-step-content').fill('Hỗ trợ 200 đầu sách và tập huấn cán bộ thư viện.');
    await p.getByTestId('exemplar-step-ok').click();
    await p.getByText('Hỗ trợ 200 đầu sách').waitFor();
    await p.getByTestId('exemplar-sumup').click();
    await p.getByTestId('exemplar-assessment').fill('Hiệu quả rõ rệt; đề nghị nhân rộng.');
    await p.getByTestId('exemplar-sumup-ok').click();
    await p.getByTestId('exemplar-assessment-text').waitFor();
    await p.getByTestId('exemplar-spread').click();
    await p.getByTestId('exemplar-step-owner').fill('Trường PTDTNT huyện Bảo Lạc');
    await p.getByTestId('exemplar-step-content').fill('Lập tủ sách theo cùng cách làm.');
    await p.getByTestId('exemplar-step-ok').click();
    await p.getByText('Lập tủ sách theo cùng cách làm.').waitFor();
    await p.getByTestId('exemplar-publish').click();
    await confirm(p, 'Đăng');
    await p.getByTestId('exemplar-unpublish').waitFor();
    const stages = await p.getByTestId('exemplar-stages').innerText();
    for (const s of ['Phát hiện', 'Bồi dưỡng', 'Tổng kết', 'Nhân rộng']) assert.match(stages, new RegExp(s));
    assert.doesNotMatch(stages, /Chưa đến/);
    await shot(p, 'exemplars-detail-1440');
    await p.setViewportSize({ width: 390, height: 900 });
    await shot(p, 'exemplars-detail-390');
    await p.close();
  });

  it('the unit writes a story with a photo; the Office approves and publishes it', async () => {
    const p = await as('donvi');
    await p.goto(server.url + exemplarUrl);
    await p.getByTestId('exemplar-write-story').click();
    await p.getByTestId('story-title').fill(STORY);
    await p.getByTestId('story-summary').fill('Mười hai tủ sách, ba nghìn lượt học sinh mượn đọc.');
    await p.getByTestId('story-body').click();
    await p.keyboard.type('Những cuốn sách đầu tiên đến trường vào mùa thu.');
    await p.getByTestId('story-save').click();
    await p.getByTestId('story-image-upload').waitFor();
    storyUrl = new URL(p.url()).pathname;
    const photo = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#2a7' } })
      .jpeg()
      .toBuffer();
    await p.getByTestId('story-image-caption').fill('Hoc sinh doc sach (gõ thiếu dấu)');
    await p.locator('input[type=file]').setInputFiles({ name: 'tu-sach.jpg', mimeType: 'image/jpeg', buffer: photo });
    await p.getByText('1600×1067').waitFor();
    // The caption is corrected later, on the phone too: the field opens in place, Enter or "Lưu" saves it.
    await p.setViewportSize({ width: 390, height: 900 });
    await p.getByTestId('story-image-caption-open').click();
    await p.getByTestId('story-image-caption-edit').fill('Học sinh đọc sách tại tủ sách của trường');
    await shot(p, 'exemplars-story-caption-390');
    await p.getByTestId('story-image-caption-save').click();
    await p.getByText('Đã lưu chú thích ảnh.').waitFor();
    await p.getByText('Học sinh đọc sách tại tủ sách của trường · 1600×1067').waitFor();
    await assertFitsScreen(p, 'điển hình');
    await p.setViewportSize({ width: 1440, height: 900 });
    await p.getByText('chờ lãnh đạo hoặc Văn phòng duyệt').waitFor();
    await shot(p, 'exemplars-story-editor-1440');
    await p.close();

    const o = await as('vanphong');
    await o.goto(server.url + storyUrl);
    await o.getByTestId('story-approve').click();
    await confirm(o, 'Đồng ý');
    await o.getByTestId('story-publish').click();
    await confirm(o, 'Đồng ý');
    await o.getByTestId('story-withdraw').waitFor();
    await o.close();
  });

  for (const width of [1440, 390]) {
    it(`the story appears on the portal, without sign-in, and no page carries personal data (${width} px)`, async () => {
      const p = await browser.newPage({ viewport: { width, height: 900 }, locale: 'vi-VN' });
      const problems: string[] = [];
      p.on('response', (r) => {
        if (!r.url().includes('/api/public/') || !(r.headers()['content-type'] ?? '').includes('json')) return;
        void r
          .text()
          .then((text) => {
            const keys = forbiddenKeys(JSON.parse(text));
            if (keys.length) problems.push(`${r.url()}: ${keys.join(', ')}`);
            if (/\b\d{12}\b/.test(withoutUuids(text))) problems.push(`${r.url()}: a 12-digit number (CCCD?)`);
          })
          .catch(() => undefined);
      });
      await p.goto(`${server.url}/cong-khai`);
      await p.getByText(STORY).first().waitFor();
      await shot(p, `portal-home-${width}`);
      await p.getByRole('link', { name: STORY }).first().click();
      await p.getByTestId('portal-story-image').waitFor();
      assert.match(await p.getByTestId('portal-story-page').innerText(), /Học sinh đọc sách tại tủ sách của trường/);
      assert.ok(await p.getByTestId('portal-story-image').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 1600));
      await shot(p, `portal-story-${width}`);
      await p.getByRole('link', { name: NAME }).click();
      await p.getByTestId('portal-exemplar-page').waitFor();
      assert.match(await p.getByTestId('portal-exemplar-page').innerText(), /Trường PTDTNT huyện Bảo Lạc/);
      await shot(p, `portal-exemplar-${width}`);
      await p.getByTestId('portal-nav-quyet-dinh').click();
      await p.getByTestId('portal-decisions').waitFor();
      await shot(p, `portal-decisions-${width}`);
      await p.getByTestId('portal-nav-home').click();
      await p.getByTestId('portal-search').locator('input').fill('tu sach');
      await p.getByTestId('portal-search').locator('input').press('Enter');
      await p.getByTestId('portal-search-results').getByText(STORY).first().waitFor();
      await shot(p, `portal-search-${width}`);
      // The page a shared link opens carries the item's own Open Graph tags, set by the server.
      const html = await (await fetch(server.url + storyUrl.replace('/dien-hinh/bai-viet/', '/cong-khai/bai-viet/'))).text();
      assert.match(html, new RegExp(`<meta property="og:title" content="${STORY}"`));
      const text = await p.locator('body').innerText();
      assert.doesNotMatch(withoutUuids(text), /\b\d{12}\b/);
      assert.deepEqual(problems, []);
      // No horizontal scroll on a phone.
      await assertFitsScreen(p, 'điển hình');
      await p.close();
    });
  }

  it('the conference is recorded and its report downloads and renders', async () => {
    const p = await as('vanphong');
    await p.goto(`${server.url}/dien-hinh/hoi-nghi`);
    await p.getByTestId('conference-new').click();
    await p.getByTestId('conference-title').fill('Hội nghị điển hình tiên tiến năm 2025');
    const date = p.locator('.ant-modal .ant-picker input').first();
    await date.click();
    await date.fill('20/11/2025');
    await date.press('Enter');
    await p.getByTestId('conference-place').fill('Hội trường Sở Khoa học và Công nghệ');
    await chooseOption(p, 'conference-exemplars', 'Tủ sách khoa học');
    await p.keyboard.press('Escape');
    await p.getByTestId('conference-speakers').click();
    await p.keyboard.type('Giám đốc Sở Hoàng Văn Thạch');
    await p.keyboard.press('Enter');
    await p.getByTestId('conference-outcome').fill('Biểu dương 1 mô hình tiêu biểu.');
    await p.getByTestId('conference-shortcomings').fill('Một số đơn vị chưa gửi bài viết về điển hình.');
    await p.getByTestId('conference-lessons').fill('Gắn phát hiện điển hình với chấm điểm thi đua hằng quý.');
    await p.getByTestId('conference-ok').click();
    await p.getByTestId('conferences-table').getByText('Hội nghị điển hình tiên tiến năm 2025').waitFor();
    // The văn thư gives the report its number: the conference is edited.
    await p.getByTestId('conference-edit').first().click();
    await p.getByTestId('conference-report-number').fill('15');
    await p.getByTestId('conference-ok').click();
    await p.getByTestId('conferences-table').getByText('Báo cáo số 15').waitFor();
    await shot(p, 'exemplars-conferences-1440');
    const [dl] = await Promise.all([p.waitForEvent('download'), p.getByTestId('conference-report').first().click()]);
    const docx = resolve(SHOTS, 'exemplars-conference-report.docx');
    await dl.saveAs(docx);
    assert.equal(readFileSync(docx).subarray(0, 2).toString(), 'PK');
    if (existsSync('/usr/bin/soffice')) {
      execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', SHOTS, docx], { timeout: 120_000 });
      execFileSync('pdftoppm', ['-r', '60', '-png', resolve(SHOTS, 'exemplars-conference-report.pdf'), resolve(SHOTS, 'exemplars-conference-report')]);
      const text = execFileSync('pdftotext', [resolve(SHOTS, 'exemplars-conference-report.pdf'), '-']).toString();
      assert.match(text, /Tủ sách khoa học/);
      assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
      assert.match(text, /Số:\s*15\/BC-SKHCN/);
      assert.match(text, /TỒN TẠI, HẠN CHẾ\s+Một số đơn vị chưa gửi bài viết/);
      assert.match(text, /BÀI HỌC KINH NGHIỆM\s+Gắn phát hiện điển hình/);
    }
    await p.setViewportSize({ width: 390, height: 900 });
    await p.goto(`${server.url}/dien-hinh`);
    await p.getByTestId('exemplars-table').waitFor();
    await shot(p, 'exemplars-list-390');
    await p.setViewportSize({ width: 1440, height: 900 });
    await shot(p, 'exemplars-list-1440');
    await p.goto(`${server.url}/dien-hinh/cong-khai`);
    await p.getByTestId('publication-story').waitFor();
    await shot(p, 'exemplars-publication-1440');
    await p.goto(`${server.url}/dien-hinh/goi-y`);
    await p.getByTestId('suggestions-table').waitFor();
    await shot(p, 'exemplars-suggestions-1440');
    await p.close();
  });

  it('a second proposal is withdrawn by its unit, with a reason, and restored by the Office', async () => {
    const p = await as('donvi');
    await p.goto(`${server.url}/dien-hinh`);
    await p.getByTestId('exemplar-new').click();
    await chooseOption(p, 'exemplar-kind', 'Mô hình, cách làm hay');
    await p.getByTestId('exemplar-name').fill('Mô hình "Vườn ươm giống lúa"');
    await p.getByTestId('exemplar-achievement').fill('Cung cấp giống lúa chất lượng cho 3 xã.');
    await p.getByTestId('exemplar-reason').fill('Đề xuất thử.');
    await p.getByTestId('exemplar-propose-ok').click();
    await p.getByTestId('exemplar-stages').waitFor();
    const url = new URL(p.url()).pathname;
    await p.getByTestId('exemplar-cancel').click();
    // No reason, no withdrawal.
    await p.getByTestId('exemplar-lifecycle-ok').click();
    await p.getByText('Cần nêu lý do.').waitFor();
    await p.getByTestId('exemplar-lifecycle-reason').fill('Trùng với đề xuất của Chi cục, đơn vị rút lại.');
    await p.getByTestId('exemplar-lifecycle-ok').click();
    await p.getByTestId('exemplar-cancelled').waitFor();
    assert.match(await p.getByTestId('exemplar-cancelled').innerText(), /Trùng với đề xuất của Chi cục/);
    // Withdrawn: nothing left to do for the unit (the Office restores).
    assert.equal(await p.getByTestId('exemplar-edit').count(), 0);
    assert.equal(await p.getByTestId('exemplar-cancel').count(), 0);
    assert.equal(await p.getByTestId('exemplar-restore').count(), 0);
    await shot(p, 'exemplars-cancelled-1440');
    await p.setViewportSize({ width: 390, height: 900 });
    await shot(p, 'exemplars-cancelled-390');
    await assertFitsScreen(p, 'điển hình');
    await p.goto(`${server.url}/dien-hinh`);
    await p.getByTestId('exemplars-table').getByText('Vườn ươm giống lúa').waitFor();
    assert.match(await p.getByTestId('exemplars-table').innerText(), /Đã hủy/);
    await p.close();

    const o = await as('vanphong');
    await o.goto(server.url + url);
    await o.getByTestId('exemplar-restore').click();
    await o.getByTestId('exemplar-lifecycle-reason').fill('Chi cục không đề xuất mô hình này; tiếp tục theo dõi.');
    await o.getByTestId('exemplar-lifecycle-ok').click();
    await o.getByTestId('exemplar-cancel').waitFor();
    assert.equal(await o.getByTestId('exemplar-cancelled').count(), 0);
    assert.match(await o.getByTestId('exemplar-stages').innerText(), /Phát hiện/);
    // The conference recorded above is cancelled from its row: it stays listed, marked, without a report button.
    await o.goto(`${server.url}/dien-hinh/hoi-nghi`);
    await o.getByTestId('conference-cancel').first().click();
    await o.getByTestId('conference-cancel-reason').fill('Thử hủy: hội nghị ghi nhận nhầm ngày.');
    await o.getByTestId('conference-cancel-ok').click();
    await o.getByTestId('conference-cancelled').waitFor();
    assert.equal(await o.getByTestId('conference-report').count(), 0);
    await shot(o, 'exemplars-conference-cancelled-1440');
    await o.close();
  });
});
