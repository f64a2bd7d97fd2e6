/**
 * Issue 19 in the browser: a unit's plan dated before the superior plan it carries out is shown with a
 * warning (not refused); saving it from the editor keeps its link to the superior plan and the warning.
 * At 1440 px and 390 px.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SHOTS, apiAs, assertFitsScreen, cannotRun, launchBrowser, login, startServer } from './helpers.js';

const skip = cannotRun();
const YEAR = new Date(Date.now() + 7 * 3600_000).getUTCFullYear() + 1;

describe('a plan dated before its superior plan: warned, not refused', { skip: skip ?? false }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let childId = '';
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const office = await apiAs(server.app, 'vanphong');
    const plan = (over: Record<string, unknown>) => ({
      year: YEAR,
      place: 'Cao Bằng',
      basis: [],
      sections: [],
      organisation: [],
      recipients: [],
      tasks: [],
      deadlines: [],
      ...over,
    });
    const parent = await office(
      'POST',
      '/api/plans',
      plan({ unitId: server.demo.rootUnitId, number: '12/KH-SKHCN', title: `Kế hoạch thi đua, khen thưởng năm ${YEAR}`, issuedDate: `${YEAR}-01-10` }),
    );
    assert.equal(parent.status, 201, JSON.stringify(parent.body));
    const units = (await office('GET', '/api/units')).body.items as { id: string; name: string }[];
    const ttud = units.find((u) => u.name.startsWith('Trung tâm Ứng dụng'))!;
    const admin = await apiAs(server.app, 'admin');
    const child = await admin(
      'POST',
      '/api/plans',
      plan({
        unitId: ttud.id,
        number: '03/KH-TTUD',
        title: `Kế hoạch thi đua năm ${YEAR} của Trung tâm`,
        superiorPlanId: parent.body.id,
        issuedDate: `${YEAR}-01-05`,
      }),
    );
    assert.equal(child.status, 201, JSON.stringify(child.body));
    childId = child.body.id;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(width: number): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    await login(page, server.url, 'admin');
    await page.goto(`${server.url}/ke-hoach/${childId}`);
    await page.getByTestId('plan-warning').waitFor();
    return page;
  }

  it('shows the warning on the plan, keeps it and the superior plan when saved from the editor', async () => {
    const page = await open(1440);
    const text = await page.getByTestId('plan-warning').innerText();
    assert.match(text, new RegExp(`Ngày ban hành 05/01/${YEAR} trước ngày ban hành kế hoạch cấp trên \\(Kế hoạch số 12/KH-SKHCN ngày 10/01/${YEAR}\\)`));
    await page.screenshot({ path: resolve(SHOTS, 'plan-warning-1440.png'), fullPage: false });
    await page.getByTestId('plan-edit').click();
    await page.getByTestId('plan-save').click();
    await page.getByText('Đã lưu kế hoạch.').waitFor();
    await page.getByTestId('plan-warning').waitFor();
    const saved = (await (await apiAs(server.app, 'admin'))('GET', `/api/plans/${childId}`)).body as {
      superiorPlanId: string | null;
      warnings: string[];
      version: number;
    };
    assert.ok(saved.superiorPlanId, 'the link to the superior plan survives an edit');
    assert.equal(saved.warnings.length, 1);
    assert.ok(saved.version > 1, 'saved');
  });

  it('fits a phone (390 px)', async () => {
    const page = await open(390);
    await assertFitsScreen(page, 'Kế hoạch có cảnh báo');
    await page.screenshot({ path: resolve(SHOTS, 'plan-warning-390.png'), fullPage: true });
  });
});
