/**
 * Issue 19, concept 1 in the browser, at 1440 and 390 px: the Office records a decision of the Chủ tịch
 * UBND tỉnh from the decisions page (no dossier behind it), opens it, corrects its funding route, and
 * deletes it as a mistaken record. Every step goes through the UI.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SHOTS, apiAs, assertFitsScreen, cannotRun, chooseOption, launchBrowser, login, startServer } from './helpers.js';

const skip = cannotRun();

for (const width of process.env.E2E_WIDTH ? [Number(process.env.E2E_WIDTH)] : [1440, 390]) {
  describe(`a higher authority's decision recorded by the Office (${width} px)`, { skip: skip ?? false }, () => {
    let server: Awaited<ReturnType<typeof startServer>> | undefined;
    let browser: Browser;
    let page: Page;
    const shot = (name: string) => resolve(SHOTS, `higher-decisions-${name}-${width}.png`);

    before(async () => {
      server = await startServer();
      browser = await launchBrowser();
      page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'vi-VN' });
      await login(page, server.url, 'vanphong');
    });
    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('records the chairman’s decision, opens it, corrects it and deletes it', async () => {
      await page.goto(`${server!.url}/quyet-dinh`);
      await page.getByTestId('external-decision-new').click();
      await page.getByTestId('external-number').fill('1234/QĐ-UBND');
      const date = page.getByTestId('external-date');
      await date.click();
      await date.fill('14/03/2025');
      await date.press('Enter');
      await page.getByTestId('external-issuer').fill('Ủy ban nhân dân tỉnh Quảng Ninh');
      await page.getByTestId('external-signer').fill('Nghiêm Xuân Cường');
      await chooseOption(page, 'external-awardee-0', 'Đàm Văn Long', 'Đàm Văn Long');
      await assertFitsScreen(page, 'form');
      await page.screenshot({ path: shot('form'), fullPage: true });
      await page.getByTestId('external-decision-save').click();
      // Saved: the decision opens with its own text.
      const details = page.locator('.ant-descriptions');
      await details.getByText('từ nguồn ngân sách tỉnh qua Sở Nội vụ cấp cho đơn vị đề nghị').waitFor();
      await details.getByText('Ủy ban nhân dân tỉnh Quảng Ninh').waitFor();
      await page.locator('.ant-table').getByText('Đàm Văn Long').last().waitFor();
      // The form's drawer slides out before the page is measured.
      await page.locator('.ant-drawer-title', { hasText: 'Ghi nhận quyết định khen thưởng của cấp trên' }).waitFor({ state: 'detached' });
      await page.screenshot({ path: shot('decision'), fullPage: true });
      await assertFitsScreen(page, 'decision');

      await page.getByTestId('decision-edit').click();
      const funding = page.getByTestId('external-funding');
      await funding.fill('từ Quỹ thi đua, khen thưởng của tỉnh');
      await page.getByTestId('external-decision-save').click();
      await details.getByText('từ Quỹ thi đua, khen thưởng của tỉnh').waitFor();

      // In the register, then deleted as a mistake.
      const office = await apiAs(server!.app, 'vanphong');
      const listed = (await office('GET', '/api/decisions')).body as { items: { numberText: string; kind: string }[] };
      assert.ok(listed.items.some((d) => d.numberText === '1234/QĐ-UBND' && d.kind === 'external'));
      await page.getByTestId('decision-delete').click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: 'Xóa' }).click();
      await page.getByText('Đã xóa quyết định ghi nhận nhầm.').waitFor();
      const after = (await office('GET', '/api/decisions')).body as { items: { numberText: string }[] };
      assert.ok(!after.items.some((d) => d.numberText === '1234/QĐ-UBND'));
    });
  });
}
