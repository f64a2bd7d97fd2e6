/**
 * Issue 19 concept 6 in the browser: a unit's clerk registers the number of proposals per high honor
 * (cards that fit a phone), sends them to the Office; the Office reads the roll-up beside what was
 * proposed and returns the sheet with a reason. At 1440 px and 390 px.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SHOTS, apiAs, assertFitsScreen, cannotRun, launchBrowser, login, startServer } from './helpers.js';

const skip = cannotRun();
const YEAR = new Date(Date.now() + 7 * 3600_000).getUTCFullYear() + 1;

describe('registration by number: the clerk enters and sends, the Office compares and returns', { skip: skip ?? false }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let movementId = '';
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const office = await apiAs(server.app, 'vanphong');
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const m = await office('POST', '/api/movements', {
      unitId: server.demo.rootUnitId,
      type: 'thematic',
      year: YEAR,
      title: `Phong trào thi đua "Chuyển đổi số" năm ${YEAR}`,
      startDate: today,
      endDate: `${YEAR}-12-31`,
      registrationDeadline: `${YEAR}-12-01`,
      honors: [{ honor: 'CO_BO_TINH' }, { honor: 'TTLDXS' }, { honor: 'CSTD_BO_TINH' }, { honor: 'LDTT' }],
    });
    assert.equal(m.status, 201, JSON.stringify(m.body));
    movementId = m.body.id;
    assert.equal((await office('POST', `/api/movements/${movementId}/launch`)).status, 200);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(width: number, username: string, tab: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    await login(page, server.url, username);
    await page.goto(`${server.url}/dang-ky-thi-dua?movementId=${movementId}`);
    await page.locator('.ant-tabs-nav').waitFor();
    await page.getByRole('tab').first().waitFor();
    const t = page.getByRole('tab', { name: tab });
    if (await t.isVisible()) await t.click();
    else {
      // A phone folds the tabs that do not fit into the "more" menu.
      await page.locator('.ant-tabs-nav-more').click();
      await page.locator('.ant-tabs-dropdown-menu-item', { hasText: tab }).click();
    }
    return page;
  }

  it('the clerk enters the numbers, saves and sends them (1440 px), and the cards fit at 390 px', async () => {
    const page = await open(1440, 'donvi', 'Đăng ký số lượng');
    await page.getByTestId('count-CSTD_BO_TINH').waitFor();
    assert.equal(await page.getByTestId('count-LDTT').count(), 0);
    await page.getByTestId('count-input-CSTD_BO_TINH').fill('3');
    await page.getByTestId('count-input-TTLDXS').fill('1');
    await page.getByTestId('count-save').click();
    await page.getByText('Đã lưu đăng ký số lượng của đơn vị.').waitFor();
    await page.screenshot({ path: resolve(SHOTS, 'registration-counts-1440.png'), fullPage: true });
    await page.getByTestId('count-submit').click();
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByText('Đã gửi đăng ký số lượng lên Văn phòng.').waitFor();
    await page.getByText('Muốn sửa, đề nghị Văn phòng trả lại.').waitFor();
    assert.equal(await page.getByTestId('count-save').count(), 0);

    const phone = await open(390, 'donvi', 'Đăng ký số lượng');
    await phone.getByTestId('count-CSTD_BO_TINH').waitFor();
    assert.equal(await phone.getByTestId('count-input-CSTD_BO_TINH').inputValue(), '3');
    await assertFitsScreen(phone, 'Đăng ký số lượng (390 px)');
    await phone.screenshot({ path: resolve(SHOTS, 'registration-counts-390.png'), fullPage: true });
  });

  it('the Office reads registered vs proposed and returns the sheet with a reason; the roll-up fits at 390 px', async () => {
    const page = await open(1440, 'vanphong', 'Tổng hợp đăng ký số lượng');
    await page.getByTestId('count-rollup-table').waitFor();
    const row = page.locator('[data-testid="count-rollup-table"] tr', { hasText: 'Đã gửi Văn phòng' });
    assert.match(await row.getByTestId('count-cell-CSTD_BO_TINH').innerText(), /3 \/ 0\s*-3/);
    await page.screenshot({ path: resolve(SHOTS, 'registration-count-rollup-1440.png'), fullPage: true });
    await row.getByTestId('count-return').click();
    await page.getByLabel('Lý do').fill('Đề nghị rà soát lại số CSTĐ tỉnh theo tỷ lệ.');
    await page.getByTestId('count-return-modal-ok').click();
    await page.getByText('Đã trả lại đăng ký số lượng cho đơn vị.').waitFor();

    const phone = await open(390, 'vanphong', 'Tổng hợp đăng ký số lượng');
    await phone.getByTestId('count-rollup-table').waitFor();
    await assertFitsScreen(phone, 'Tổng hợp đăng ký số lượng (390 px)');
    await phone.screenshot({ path: resolve(SHOTS, 'registration-count-rollup-390.png'), fullPage: true });

    const clerk = await open(390, 'donvi', 'Đăng ký số lượng');
    await clerk.getByTestId('count-returned').waitFor();
    assert.match(await clerk.getByTestId('count-returned').innerText(), /rà soát lại số CSTĐ tỉnh/);
    await clerk.getByTestId('count-save').waitFor();
  });
});
