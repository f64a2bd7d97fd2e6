import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { cannotRun, launchBrowser, login, SHOTS, startServer } from './helpers.js';
import { makeCccd } from '../src/shared/cccd.js';

const skip = cannotRun();

describe('foundation in the browser: log in, create a unit, import staff, search, audit', { skip: skip ?? false }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('logs in and shows the Vietnamese shell with the menu of the role', async () => {
    await login(page, server.url, 'vanphong');
    const menu = page.getByTestId('main-menu');
    for (const item of ['Trang chủ', 'Cơ cấu tổ chức', 'Cán bộ', 'Hội đồng', 'Nhật ký']) await menu.getByText(item, { exact: true }).waitFor();
    assert.match(await page.getByTestId('current-user-name').innerText(), /Đàm Văn Long/);
    await page.screenshot({ path: `${SHOTS}/01-home.png` });
  });

  it('refuses a wrong password with a Vietnamese message', async () => {
    const other = await browser.newPage();
    await other.goto(`${server.url}/dang-nhap`);
    await other.getByTestId('login-username').fill('giamdoc');
    await other.getByTestId('login-password').fill('sai-mat-khau');
    await other.getByTestId('login-submit').click();
    await other.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    await other.close();
  });

  it('creates a unit under the Sở', async () => {
    await page.goto(`${server.url}/don-vi`);
    const tree = page.getByTestId('unit-tree');
    await tree.getByText('Sở Khoa học và Công nghệ tỉnh Cao Bằng').first().click();
    await page.getByTestId('unit-add').click();
    await page.getByTestId('unit-name').fill('Phòng Chuyển đổi số');
    await page.getByTestId('unit-kind').click();
    await page.locator('.ant-select-dropdown').getByText('Phòng chuyên môn', { exact: true }).click();
    await page.getByTestId('unit-code').fill('CĐS');
    await page.getByTestId('unit-submit').click();
    await tree.getByText('Phòng Chuyển đổi số').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/02-unit-created.png` });
  });

  it('imports staff from an .xlsx with one bad row: the preview names the error, the confirm stores the rest', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Đơn vị', 'Chức vụ', 'Lãnh đạo', 'Loại cán bộ']);
    ws.addRow(['Hoàng Thị Ngân', 'Nữ', '14/02/1994', makeCccd('004', 'nu', 1994, 314159), 'Phòng Chuyển đổi số', 'Chuyên viên', 'Không', 'Công chức']);
    ws.addRow(['Nông Văn Quyết', 'Nam', '01/09/1989', '0040891', 'Phòng Chuyển đổi số', 'Chuyên viên', 'Không', 'Công chức']);
    ws.addRow(['Triệu Văn Khoa', 'Nam', '22/12/1991', makeCccd('004', 'nam', 1991, 271828), 'CĐS', 'Trưởng phòng', 'Có', 'Công chức']);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());

    await page.goto(`${server.url}/can-bo/nhap-excel`);
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'can-bo-cds.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    const preview = page.getByTestId('import-preview-table');
    // Ant Design's table may render a row twice (fixed columns): any one will do.
    await preview.getByText('Số CCCD phải gồm đúng 12 chữ số', { exact: false }).first().waitFor();
    await page.screenshot({ path: `${SHOTS}/03-import-preview.png` });
    // Nothing stored yet.
    const before = await page.request.get(`${server.url}/api/people?q=hoang%20thi%20ngan`);
    assert.equal((await before.json()).total, 0);
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-result').waitFor();
    assert.match(await page.getByTestId('import-result').innerText(), /2/);
    const afterImport = await page.request.get(`${server.url}/api/people?q=hoang%20thi%20ngan`);
    assert.equal((await afterImport.json()).total, 1);
  });

  it('finds "Nguyễn Văn Đức" by typing "nguyen van duc"', async () => {
    await page.goto(`${server.url}/can-bo`);
    await page.getByTestId('people-search').fill('nguyen van duc');
    const table = page.getByTestId('people-table');
    await table.getByText('Nguyễn Văn Đức', { exact: true }).first().waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="people-table"]')?.textContent?.includes('Lý Thị Phương'));
    await page.screenshot({ path: `${SHOTS}/04-search.png` });
  });

  it('shows the audit entries of the new unit and the import', async () => {
    await page.goto(`${server.url}/nhat-ky`);
    const table = page.getByTestId('audit-table');
    await table.getByText('Tạo đơn vị "Phòng Chuyển đổi số"', { exact: false }).first().waitFor();
    await table.getByText('Nhập 2 cán bộ', { exact: false }).first().waitFor();
    await page.screenshot({ path: `${SHOTS}/05-audit.png` });
  });
});

if (skip) console.log(`# browser tests skipped: ${skip}`);
