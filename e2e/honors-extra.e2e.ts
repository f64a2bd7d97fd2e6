/**
 * Issue 19, concept 5 in the browser, at 1440 and 390 px: the Office records on a person's history a
 * Bằng khen given posthumously with a gift in kind (the list then reads "Truy tặng …" and the gift),
 * and, recording the decision received for a dossier forwarded upward, sets the class of the Huân
 * chương Lao động proposed without one (the form will not save until it is chosen).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SHOTS, apiAs, assertFitsScreen, cannotRun, chooseOption, launchBrowser, login, startServer } from './helpers.js';
import { dossierCandidates, dossiers, people } from '../src/server/db/schema/index.js';

const skip = cannotRun();

for (const width of process.env.E2E_WIDTH ? [Number(process.env.E2E_WIDTH)] : [1440, 390]) {
  describe(`posthumous awards and the Huân chương class (${width} px)`, { skip: skip ?? false }, () => {
    let server: Awaited<ReturnType<typeof startServer>> | undefined;
    let browser: Browser;
    let page: Page;
    const shot = (name: string) => resolve(SHOTS, `honors-extra-${name}-${width}.png`);
    const ids = {} as Record<string, string>;

    before(async () => {
      server = await startServer();
      const db = server.database.db;
      const [fallen, worker] = await db.select().from(people).limit(2);
      ids.fallen = fallen!.id;
      ids.fallenName = fallen!.fullName;
      ids.workerName = worker!.fullName;
      // A dossier the Sở forwarded to the province, with a Huân chương Lao động whose class the province
      // decides: the steps that lead here (council, public notice, forward) have journeys of their own.
      const [up] = await db
        .insert(dossiers)
        .values({
          unitId: server.demo.rootUnitId,
          level: 'upward',
          type: 'cong_trang',
          year: 2024,
          title: 'Hồ sơ đề nghị Chủ tịch nước tặng Huân chương Lao động năm 2024',
          status: 'forwarded',
        })
        .returning();
      ids.upward = up!.id;
      await db.insert(dossierCandidates).values({
        dossierId: up!.id,
        subjectKind: 'individual',
        personId: worker!.id,
        displayName: worker!.fullName,
        proposedHonor: 'HCLD',
        honor: 'HCLD',
        achievement: 'Chủ trì ba đề tài cấp tỉnh về giống lúa chịu hạn, áp dụng trên 4.000 ha.',
      });
      browser = await launchBrowser();
      page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'vi-VN' });
      await login(page, server.url, 'vanphong');
    });
    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('records a posthumous Bằng khen with a gift in kind on the person’s history', async () => {
      await page.goto(`${server!.url}/thi-dua/ca-nhan/${ids.fallen}`);
      await page.getByTestId('add-honor').click();
      const modal = page.locator('.ant-modal:visible');
      await chooseOption(page, modal.locator('.ant-select').first(), 'Bằng khen bộ, ban, ngành, tỉnh', 'Bằng khen', true);
      await modal.getByLabel('Năm thành tích').fill('2023');
      await modal.getByLabel('Số quyết định').fill('2210/QĐ-UBND');
      await modal.getByTestId('honor-posthumous').click();
      await modal.getByTestId('honor-in-kind-description').fill('Sổ tiết kiệm hỗ trợ gia đình');
      // A gift without its value is not saved.
      await modal.getByRole('button', { name: 'Lưu' }).click();
      await modal.getByText('Hãy ghi giá trị của hiện vật.').waitFor();
      await modal.getByTestId('honor-in-kind-value').fill('20000000');
      await assertFitsScreen(page, 'honor form');
      await page.screenshot({ path: shot('honor-form'), fullPage: true });
      await modal.getByRole('button', { name: 'Lưu' }).click();
      const tag = page.getByTestId('history-honor').filter({ hasText: 'Truy tặng Bằng khen' });
      await tag.waitFor();
      await tag.getByTestId('history-in-kind').getByText('Sổ tiết kiệm hỗ trợ gia đình').waitFor();
      await modal.waitFor({ state: 'hidden' });
      await assertFitsScreen(page, 'history');
      await page.screenshot({ path: shot('history'), fullPage: true });
      const office = await apiAs(server!.app, 'vanphong');
      const rec = (await office('GET', `/api/people/${ids.fallen}/records`)).body as {
        honors: { posthumous: boolean; inKindValue: number | null; decisionNumber: string | null }[];
      };
      const saved = rec.honors.find((h) => h.decisionNumber === '2210/QĐ-UBND');
      assert.equal(saved?.posthumous, true);
      assert.equal(saved?.inKindValue, 20_000_000);
    });

    it('sets the class of the Huân chương when recording the higher decision', async () => {
      await page.goto(`${server!.url}/ho-so/${ids.upward}`);
      await page.getByRole('button', { name: 'Ghi nhận quyết định cấp trên' }).click();
      const modal = page.locator('.ant-modal:visible');
      await modal.getByTestId('higher-decision-number').fill('1520/QĐ-CTN');
      const date = modal.getByTestId('higher-decision-date');
      await date.click();
      await date.fill('02/09/2024');
      await date.press('Enter');
      await modal.getByTestId('higher-decision-issuer').fill('Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam');
      await modal.getByTestId('higher-decision-signer').fill('Tô Lâm');
      await modal.getByTestId('higher-decision-signer-title').fill('Chủ tịch nước');
      // Without the class the form does not save.
      await page.getByTestId('higher-decision-save').click();
      await modal.getByText(`Hãy chọn hạng Huân chương Lao động được tặng cho ${ids.workerName}.`).waitFor();
      await modal.getByText('Hạng Ba').click();
      await assertFitsScreen(page, 'higher decision');
      await page.screenshot({ path: shot('higher-decision'), fullPage: true });
      await page.getByTestId('higher-decision-save').click();
      await page.getByText('Đã ghi nhận quyết định.').first().waitFor();
      await page.getByText('Huân chương Lao động hạng Ba').first().waitFor();
      await modal.waitFor({ state: 'hidden' });
      await assertFitsScreen(page, 'dossier after');
      await page.screenshot({ path: shot('dossier-after'), fullPage: true });
      const office = await apiAs(server!.app, 'vanphong');
      const d = (await office('GET', `/api/dossiers/${ids.upward}`)).body as { status: string; candidates: { honor: string }[] };
      assert.equal(d.status, 'completed');
      assert.equal(d.candidates[0]!.honor, 'HCLD3');
    });
  });
}
