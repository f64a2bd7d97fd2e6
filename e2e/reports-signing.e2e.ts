/**
 * Ký số of a unit's Báo cáo on its report page: the Trung tâm's director signs then seals in the
 * panel, the page then says the report is frozen and offers only sending. Screenshots at 1440 and 390 px.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { todayVn } from '../src/shared/clock.js';
import { SHOTS, apiAs, assertFitsScreen, cannotRun, launchBrowser, login, startServer } from './helpers.js';

const skip = cannotRun();
const UNIT = 'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ';

describe('ký số of a unit’s Báo cáo', { skip: skip ?? false }, () => {
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

  const as = async (user: string, width: number): Promise<Page> => {
    const ctx = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await ctx.newPage();
    await login(page, server.url, user);
    return page;
  };

  it('the director signs and seals the report in its panel; the report is then sent as signed', async () => {
    const office = await apiAs(server.app, 'vanphong');
    const units = (await office('GET', '/api/units')).body.items as { id: string; name: string; parentId: string | null }[];
    const unitId = units.find((u) => u.name === UNIT)?.id;
    const rootId = units.find((u) => u.parentId === null)?.id;
    assert.ok(unitId && rootId, 'the Sở and its Trung tâm');
    const year = Number(todayVn().slice(0, 4));
    const req = await office('POST', '/api/report-requests', {
      unitId: rootId,
      kind: 'annual',
      title: `Báo cáo tổng kết năm ${year} (ký số)`,
      year,
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-12-31`,
      dueDate: `${year + 1}-01-15`,
      unitIds: [unitId],
    });
    assert.equal(req.status, 201, JSON.stringify(req.body));
    const id = (await office('GET', `/api/reports?requestId=${req.body.id}`)).body.items[0].id as string;

    const p = await as('thutruong', 1440);
    await p.goto(`${server.url}/bao-cao/${id}`);
    const panel = p.getByTestId('signatures-bao_cao');
    await panel.getByText('Lục Văn Hùng').first().waitFor();
    await p.getByTestId('document-sign').click();
    await p.getByText('Đã ký số: đủ chữ ký của những người ký.').waitFor();
    await p.getByTestId('document-sign').click();
    await p.getByText(/Báo cáo đã ký số, đóng dấu/).waitFor();
    await p.getByTestId('document-signed-download').waitFor();
    await p.screenshot({ path: resolve(SHOTS, 'reports-signing-1440.png'), fullPage: true });

    const phone = await as('donvi', 390);
    await phone.goto(`${server.url}/bao-cao/${id}`);
    await phone.getByText('Báo cáo đã được ký số: nội dung và số liệu không sửa được nữa').waitFor();
    assert.equal(await phone.locator('textarea').count(), 0, 'no longer edited');
    await assertFitsScreen(phone, 'báo cáo đã ký số 390');
    await phone.screenshot({ path: resolve(SHOTS, 'reports-signing-390.png'), fullPage: true });
    await phone.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await phone.getByText('Đã gửi báo cáo.').waitFor();
  });
});
