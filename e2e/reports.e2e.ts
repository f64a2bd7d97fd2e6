/**
 * Periodic reports in the browser, only through the UI: the Office opens a year-end request to the
 * Trung tâm Ứng dụng, the unit's clerk fills and submits it, the Office returns it with a reason, the
 * clerk fixes and sends again, the Office receives it; the roll-up, the statistical forms and the
 * dashboard are shown. Screenshots at 1440 and 390 px.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SHOTS, cannotRun, chooseOption, launchBrowser, login, startServer } from './helpers.js';

const skip = cannotRun();
const UNIT = 'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ';

describe('reports journey', { skip: skip ?? false }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const as = async (user: string, width = 1440): Promise<Page> => {
    const ctx = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await ctx.newPage();
    await login(page, server.url, user);
    return page;
  };

  it('opens a request, the unit submits, the Office returns then receives; roll-up and dashboard', async () => {
    const office = await as('vanphong');
    await office.goto(`${server.url}/bao-cao`);
    await office.getByTestId('new-request').click();
    await chooseOption(office, 'request-kind', 'Báo cáo tổng kết năm');
    await office.getByTestId('request-units').click();
    const unitOption = office.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: UNIT }).first();
    await unitOption.waitFor();
    await unitOption.click();
    // Chosen: the unit shows as a tag in the field before the list closes.
    await office.locator('.ant-select-selection-item', { hasText: UNIT }).first().waitFor();
    await office.keyboard.press('Escape');
    await office.screenshot({ path: resolve(SHOTS, 'reports-request-form-1440.png') });
    await office.getByTestId('request-save').click();
    await office.getByText('Tình hình gửi báo cáo').waitFor();
    const rollupUrl = office.url();
    assert.match(rollupUrl, /\/bao-cao\/yeu-cau\//);

    const clerk = await as('donvi');
    await clerk.goto(`${server.url}/bao-cao`);
    await clerk
      .getByRole('link', { name: /Báo cáo tổng kết công tác thi đua/ })
      .first()
      .click();
    await clerk.getByText('Đơn vị cần hoàn thành và gửi báo cáo').waitFor();
    await clerk.locator('textarea').first().fill('Hoàn thành tốt các nhiệm vụ được giao.');
    await clerk.screenshot({ path: resolve(SHOTS, 'reports-unit-edit-1440.png'), fullPage: true });
    await clerk.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await clerk.getByText('Đã gửi báo cáo.').waitFor();

    await office.goto(rollupUrl);
    await office.getByRole('link', { name: UNIT }).click();
    await office.getByTestId('return-reason').fill('Thiếu phần bài học kinh nghiệm.');
    await office.getByRole('button', { name: 'Trả lại' }).click();
    await office.getByText('Đã trả lại báo cáo.').waitFor();

    await clerk.reload();
    await clerk.getByText('Báo cáo bị trả lại: Thiếu phần bài học kinh nghiệm.').waitFor();
    await clerk.locator('textarea').nth(2).fill('Bám sát kế hoạch, kiểm tra thường xuyên.');
    await clerk.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await clerk.getByText('Đã gửi báo cáo.').waitFor();

    await office.reload();
    await office.getByRole('button', { name: 'Tiếp nhận' }).click();
    await office.getByText('Đã tiếp nhận báo cáo.').waitFor();
    await office.goto(rollupUrl);
    await office.getByText(/đơn vị đã gửi, 1 đã tiếp nhận/).waitFor();
    await office.screenshot({ path: resolve(SHOTS, 'reports-rollup-1440.png'), fullPage: true });

    await office.goto(`${server.url}/bang-dieu-hanh`);
    await office.getByText('Khen thưởng theo tháng').waitFor();
    // A year the demo agency has awards in.
    await office.locator('.ant-input-number input').first().fill('2025');
    await office.locator('.ant-input-number input').first().press('Enter');
    await office.getByText('Theo danh hiệu, hình thức').waitFor();
    await office.waitForTimeout(1500);
    await office.locator('.recharts-surface').first().waitFor();
    await office.screenshot({ path: resolve(SHOTS, 'reports-dashboard-1440.png'), fullPage: true });

    await office.goto(`${server.url}/bieu-thong-ke`);
    await office.getByTestId('stat-form').waitFor();
    await office.getByTestId('cell-total-total').click();
    await office.getByText('bản ghi tạo nên ô này').waitFor();
    await office.screenshot({ path: resolve(SHOTS, 'reports-statistics-1440.png'), fullPage: true });

    const phone = await as('vanphong', 390);
    await phone.goto(rollupUrl);
    await phone.getByText('Tình hình gửi báo cáo').waitFor();
    await phone.screenshot({ path: resolve(SHOTS, 'reports-rollup-390.png'), fullPage: true });
    await phone.goto(`${server.url}/bang-dieu-hanh`);
    await phone.locator('.recharts-surface').first().waitFor();
    await phone.locator('.ant-input-number input').first().fill('2025');
    await phone.locator('.ant-input-number input').first().press('Enter');
    await phone.waitForTimeout(1500);
    await phone.screenshot({ path: resolve(SHOTS, 'reports-dashboard-390.png'), fullPage: true });
    await phone.goto(`${server.url}/bao-cao`);
    await phone.getByTestId('new-request').waitFor();
    await phone.screenshot({ path: resolve(SHOTS, 'reports-list-390.png'), fullPage: true });
  });
});
