/**
 * The import pages show what the reader changed: the notice about text converted from TCVN3/VNI
 * and each row's warning (a CCCD typed as a number), before and after the import, on a desktop
 * and on a phone.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { assertFitsScreen, cannotRun, launchBrowser, login, SHOTS, startServer } from './helpers.js';
import { makeCccd } from '../src/shared/cccd.js';
import { people } from '../src/server/db/schema/index.js';
import { officialListXlsx } from '../test/helpers/xlsx.js';

const skip = cannotRun();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('import pages list the notices and the per-row warnings the API returns', { skip: skip ?? false }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let desktop: Page;
  let phone: Page;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    desktop = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
    phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    await login(desktop, server.url, 'donvi');
    await login(phone, server.url, 'donvi');
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const staffFile = (serial: number) =>
    officialListXlsx('DANH SÁCH CÁN BỘ', [
      ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Đơn vị', 'Chức vụ'],
      // "Nông Văn Thức" typed with .VnTime (TCVN3); the CCCD typed as a number.
      ['N\u00abng V\u00a8n Th\u00f8c', 'Nam', '12/04/1990', Number(makeCccd('004', 'nam', 1990, serial)), 'KTUD', 'Kỹ sư'],
      ['Bế Thị Hiền', 'Nữ', '03/11/1993', makeCccd('004', 'nu', 1993, serial + 1), 'KTUD', 'Kỹ thuật viên'],
    ]);

  for (const [page, size, serial] of [
    [() => desktop, '1440', 661001],
    [() => phone, '390', 662001],
  ] as const) {
    it(`staff import at ${size} px: the conversion notice and the CCCD warning of row 6, before and after the import`, async () => {
      const p = page();
      await p.goto(`${server.url}/can-bo/nhap-excel`);
      await p.getByTestId('import-file').setInputFiles({ name: 'danh-sach.xlsx', mimeType: XLSX, buffer: await staffFile(serial) });
      const warnings = p.getByTestId('import-findings-warnings');
      await warnings.waitFor();
      const cccd = makeCccd('004', 'nam', 1990, serial);
      assert.match(
        await warnings.innerText(),
        new RegExp(`1 dòng đã được đọc nhưng cần kiểm tra lại[\\s\\S]*Dòng 6: Số CCCD: ${Number(cccd)} được gõ dạng số`),
      );
      assert.match(await p.getByTestId('import-findings-notices').innerText(), /Đã chuyển 1 ô từ bảng mã TCVN3 \(ABC\) sang Unicode/);
      await p.getByTestId('import-preview-table').getByText('Nông Văn Thức').first().waitFor();
      await p.screenshot({ path: `${SHOTS}/imports-staff-preview-${size}.png`, fullPage: true });
      if (size === '390') await assertFitsScreen(p, 'Xem trước nhập cán bộ (390 px)');
      await p.getByTestId('import-confirm').click();
      await p.getByTestId('import-result').waitFor();
      // Still listed once the rows are stored: the user checks them afterwards.
      assert.match(await warnings.innerText(), /Dòng 6:/);
      const [stored] = await server.database.db.select().from(people).where(eq(people.cccd, cccd));
      assert.equal(stored?.fullName, 'Nông Văn Thức');
      if (size === '390') await assertFitsScreen(p, 'Kết quả nhập cán bộ (390 px)');
    });
  }

  it('ratings import at 390 px: the notice and the warning of the row read by its restored CCCD', async () => {
    const [phuong] = await server.database.db.select().from(people).where(eq(people.fullName, 'Lý Thị Phương'));
    assert.ok(phuong?.cccd);
    const file = await officialListXlsx('KẾT QUẢ XẾP LOẠI', [
      ['Họ và tên', 'Số CCCD', 'Năm', 'Xếp loại', 'Ghi chú'],
      [null, Number(phuong.cccd), 2012, 'HTTNV', 'Hoa\u00f8n tha\u00f8nh to\u00e1t'],
    ]);
    await phone.goto(`${server.url}/nhap-thi-dua`);
    await phone.getByTestId('records-import-file').setInputFiles({ name: 'xep-loai.xlsx', mimeType: XLSX, buffer: file });
    const warnings = phone.getByTestId('records-import-findings-warnings');
    await warnings.waitFor();
    assert.match(
      await warnings.innerText(),
      new RegExp(`Dòng 6: «Số CCCD» ${Number(phuong.cccd)} được gõ dạng số nên mất số 0 ở đầu; đã đọc là ${phuong.cccd}`),
    );
    assert.match(await phone.getByTestId('records-import-findings-notices').innerText(), /bảng mã VNI sang Unicode/);
    await phone.screenshot({ path: `${SHOTS}/imports-ratings-preview-390.png`, fullPage: true });
    await assertFitsScreen(phone, 'Xem trước nhập xếp loại (390 px)');
  });
});
