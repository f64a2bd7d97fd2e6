/**
 * Periodic reports in the browser, only through the UI: the Office opens a year-end request to the
 * Trung tâm Ứng dụng, the unit's clerk fills and submits it, the Office returns it with a reason, the
 * clerk fixes and sends again, the Office receives it; the roll-up, the statistical forms and the
 * dashboard are shown; every dashboard chart exports a PNG and shows its table, and a clicked figure
 * opens the list behind it (awards, dossiers, fund ledger) filtered through the address.
 * Screenshots at 1440 and 390 px.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { readFile, writeFile } from 'node:fs/promises';
import { yearVn } from '../src/shared/clock.js';
import { SHOTS, apiAs, assertFitsScreen, cannotRun, chooseOption, launchBrowser, login, startServer } from './helpers.js';

const skip = cannotRun();
const currentYear = yearVn();
const writeShot = (name: string, buf: Buffer) => writeFile(resolve(SHOTS, name), buf);
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
  /** The dashboard of the demo agency's year with awards: 2025. */
  const dashboard = async (p: Page) => {
    await p.goto(`${server.url}/bang-dieu-hanh`);
    await p.getByText('Khen thưởng theo tháng').waitFor();
    const y = p.getByRole('spinbutton', { name: 'Năm' });
    await y.fill('2025');
    await y.press('Enter');
    await p.getByTestId('part-byHonor').locator('.recharts-surface').first().waitFor();
    await p.waitForTimeout(800);
  };
  const asTable = async (p: Page, part: string) => {
    await p.getByTestId(`part-${part}`).getByText('Bảng', { exact: true }).click();
    return p.getByTestId(`part-${part}`).locator('.ant-table-tbody tr.ant-table-row');
  };
  const pngOf = async (p: Page, part: string) => {
    const [dl] = await Promise.all([p.waitForEvent('download'), p.getByTestId(`png-${part}`).click()]);
    assert.equal(dl.suggestedFilename(), `bang-dieu-hanh-${part}-2025.png`);
    const buf = await readFile(await dl.path());
    assert.deepEqual([...buf.subarray(1, 4)], [0x50, 0x4e, 0x47], `${part}: a PNG file`);
    return buf;
  };

  it('dashboard: each chart exports a PNG, shows its table; a figure opens its list, filtered', async () => {
    // Prepared through the API (the demo has no dossier in progress): the unit's clerk sends two
    // Giấy khen dossiers this year; the rest of the test drives only the browser.
    const donvi = await apiAs(server.app, 'donvi');
    const staff = (await donvi('GET', '/api/people?pageSize=2')).body.items as { id: string; fullName: string }[];
    for (const [n, person] of staff.entries()) {
      const d = await donvi('POST', '/api/dossiers', { type: 'cong_trang', year: currentYear, title: `Đề nghị tặng Giấy khen đợt ${n + 1}` });
      assert.equal(d.status, 201, JSON.stringify(d.body));
      const c = await donvi('POST', `/api/dossiers/${d.body.id}/candidates`, { subjectKind: 'individual', personId: person.id, proposedHonor: 'GK' });
      assert.equal(c.status, 201, JSON.stringify(c.body));
      await donvi('POST', `/api/dossiers/${d.body.id}/documents`, { kind: 'to_trinh', content: 'Tờ trình đề nghị khen thưởng.' });
      await donvi('POST', `/api/dossiers/${d.body.id}/documents`, { kind: 'bien_ban_hop_xet', content: 'Biên bản họp xét.', voteResult: '5/5 đồng ý' });
      await donvi('POST', `/api/dossiers/${d.body.id}/documents`, {
        kind: 'bao_cao_thanh_tich',
        candidateId: c.body.id,
        content: `Thành tích của ${person.fullName}: hoàn thành xuất sắc nhiệm vụ.`,
      });
      const sent = await donvi('POST', `/api/dossiers/${d.body.id}/submit`, { version: (await donvi('GET', `/api/dossiers/${d.body.id}`)).body.version });
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
    }
    const p = await as('vanphong');
    await dashboard(p);
    // PNG of a bar chart (drawn from its SVG) and of the targets (progress bars painted).
    const png = await pngOf(p, 'byMonth');
    assert.ok(png.length > 5000, `PNG của biểu đồ quá nhỏ: ${png.length} byte`);
    await writeShot('reports-dashboard-bymonth.png', png);
    await pngOf(p, 'targets');
    const [xlsx] = await Promise.all([p.waitForEvent('download'), p.getByTestId('xlsx-byMonth').click()]);
    assert.match(xlsx.suggestedFilename(), /\.xlsx$/);

    // Table view; a row opens the awards behind it.
    const honors = await asTable(p, 'byHonor');
    const first = honors.first();
    const label = (await first.locator('td').first().textContent()) ?? '';
    const cell = async (n: number) => Number((await first.locator('td').nth(n).textContent())?.replace(/\D/g, ''));
    const rowTotal = (await cell(1)) + (await cell(2));
    assert.ok(rowTotal > 0);
    await first.click();
    const drawer = p.locator('.ant-drawer-open');
    await drawer.getByText(`${label} — năm 2025`).waitFor();
    // The drawer lists as many awards as the row counts (collective + individual).
    await drawer.getByText(`${rowTotal} lượt khen thưởng.`).waitFor();
    const rows = await drawer.locator('.ant-table-tbody tr.ant-table-row').count();
    assert.ok(rows > 0, 'the awards behind the row');
    for (const cell of await drawer.locator('.ant-table-tbody tr.ant-table-row td:nth-child(3)').allTextContents()) assert.equal(cell, label);
    await p.screenshot({ path: resolve(SHOTS, 'reports-dashboard-drill-1440.png') });
    await drawer.locator('.ant-drawer-close').click();
    // A PNG asked for from the table view shows the chart again and paints it.
    await pngOf(p, 'byHonor');

    // This year (the demo's dossiers and fund are in it): the pending-dossiers counter opens the list of
    // the year's dossiers in progress, its filter in the address.
    const thisYear = async () => {
      await p.goto(`${server.url}/bang-dieu-hanh`);
      await p.getByTestId('part-money').locator('.recharts-surface').first().waitFor();
      return p.getByRole('spinbutton', { name: 'Năm' }).inputValue();
    };
    const year = await thisYear();
    const pending = Number((await p.getByTestId('counter-pending').locator('.ant-statistic-content-value').textContent())?.replace(/\D/g, ''));
    assert.ok(pending > 0, 'the demo has dossiers in progress this year');
    await p.getByTestId('counter-pending').click();
    await p.waitForURL(/\/ho-so\?/);
    const url = new URL(p.url());
    assert.equal(url.searchParams.get('stage'), 'in_progress');
    assert.equal(url.searchParams.get('year'), year);
    await p.getByTestId('dossier-status').getByText('Đang xử lý (mọi bước)').waitFor();
    assert.equal(await p.getByRole('spinbutton', { name: 'Năm' }).inputValue(), year);
    await p.getByText(`${pending} hồ sơ`).waitFor();
    await p.screenshot({ path: resolve(SHOTS, 'reports-dashboard-to-dossiers-1440.png') });

    // A pending step (table row) opens the list at that step: every dossier listed is at that step.
    await thisYear();
    const steps = await asTable(p, 'pending');
    const step = (await steps.first().locator('td').first().textContent()) ?? '';
    const atStep = (await steps.first().locator('td').nth(1).textContent()) ?? '';
    await steps.first().click();
    await p.waitForURL(/status=/);
    await p.getByTestId('dossier-status').getByText(step).waitFor();
    await p.getByText(`${atStep} hồ sơ`).waitFor();
    const listed = p.getByTestId('dossier-table').locator('.ant-table-tbody tr.ant-table-row');
    for (const row of await listed.all()) await row.getByText(step, { exact: true }).waitFor({ timeout: 2000 });

    // Money by source: a line kind with money this year (the demo fund) opens the fund ledger filtered on it.
    await thisYear();
    const money = await asTable(p, 'money');
    const used = money.filter({ has: p.locator('td:nth-child(2)', { hasNotText: /^0\s*(đ|₫)$/ }) });
    assert.ok((await used.count()) > 0, 'the demo fund has money this year');
    const kind = (await used.first().locator('td').first().textContent()) ?? '';
    await used.first().click();
    await p.waitForURL(/\/quy-khen-thuong\?/);
    assert.equal(new URL(p.url()).searchParams.get('year'), year);
    await p.getByTestId('fund-entry-kind').getByText(kind).waitFor();
    const kindCells = p.getByTestId('fund-entries').locator('.ant-table-tbody tr.ant-table-row td:nth-child(2)');
    await kindCells.first().waitFor();
    for (const k of await kindCells.allTextContents()) assert.equal(k, kind);
    await p.screenshot({ path: resolve(SHOTS, 'reports-dashboard-to-fund-1440.png'), fullPage: true });

    // On a phone: the dashboard, a table view and the filtered lists fit the screen.
    const phone = await as('vanphong', 390);
    await dashboard(phone);
    await assertFitsScreen(phone, 'bảng điều hành 390');
    await asTable(phone, 'byUnit');
    await assertFitsScreen(phone, 'bảng điều hành, xem bảng 390');
    await phone.screenshot({ path: resolve(SHOTS, 'reports-dashboard-table-390.png'), fullPage: true });
    await pngOf(phone, 'years');
    await phone.goto(`${server.url}/bang-dieu-hanh`);
    await phone.getByTestId('part-money').locator('.recharts-surface').first().waitFor();
    await phone.getByTestId('counter-pending').click();
    await phone.waitForURL(/stage=in_progress/);
    await phone.getByTestId('dossier-table').waitFor();
    await assertFitsScreen(phone, 'danh sách hồ sơ lọc 390');
    await phone.screenshot({ path: resolve(SHOTS, 'reports-dashboard-to-dossiers-390.png'), fullPage: true });
    await phone.goto(`${server.url}/quy-khen-thuong?year=${year}&entryKind=budget`);
    await phone.getByTestId('fund-entry-kind').getByText('Ngân sách cấp').waitFor();
    await phone.getByTestId('fund-entries').getByText('Ngân sách cấp', { exact: true }).first().waitFor();
    await assertFitsScreen(phone, 'sổ quỹ lọc 390');
    await phone.screenshot({ path: resolve(SHOTS, 'reports-fund-filtered-390.png'), fullPage: true });
  });
});
