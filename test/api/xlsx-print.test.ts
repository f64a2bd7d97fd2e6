/**
 * Every kind of workbook the system hands out, opened and printed by LibreOffice Calc: a list
 * export (header row, rows, the "Tổng cộng" row of SUBTOTAL formulas), a statistical form (title,
 * header groups, the "Tổng số" row) and an import template. The printed text must carry the
 * page header (unit, title, day), the column headers, the totals and the page footer — what an
 * agency sees when it prints the file.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { printedXlsx, readExportedSheet, totalOf } from '../helpers/xlsx.js';
import { instantVn, setClock, yearVn } from '../../src/server/clock.js';

/** Without LibreOffice Calc the checks cannot run: a failure under CI, a skip elsewhere. */
function printedOrSkip(t: { skip(msg: string): void }, xlsx: Buffer, name: string): { text: string; pages: number } | null {
  const printed = printedXlsx(xlsx, name);
  if (printed) return printed;
  if (process.env.CI === 'true') throw new Error('LibreOffice Calc (libreoffice-calc-nogui) và pdftotext cần có để kiểm tra bản in Excel');
  t.skip('LibreOffice Calc hoặc pdftotext chưa được cài');
  return null;
}

/** A number as the sheet's format prints it (literal dots every three digits). */
const dotted = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
/** Text runs collapsed to single spaces (pdftotext -layout pads columns). */
const squeeze = (s: string) => s.replace(/\s+/g, ' ');

describe('exported workbooks as LibreOffice prints them', () => {
  let t: TestApp;
  let office: Client;
  let unitName: string;
  let year: number;

  before(async () => {
    t = await createTestApp();
    office = await t.login('vanphong');
    year = yearVn(); // the demo's fund entries are of the year it was seeded in
    // The page header carries the day of the export: a fixed Hà Nội day, late in the evening (UTC is still the 14th's afternoon).
    setClock(instantVn('2026-03-14', '23:30'));
    unitName = (await office.get('/api/auth/me')).body.user.unitName as string;
    assert.ok(unitName, 'the actor’s unit name');
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  it('a list export prints the page header, the header row, its rows and the "Tổng cộng" row with the sums', async (ctx) => {
    // The fund ledger: money columns summed by SUBTOTAL(109, …) under the rows.
    const xlsx = await office.getFile(`/api/fund/${year}/ledger.xlsx`);
    const sheet = await readExportedSheet(xlsx);
    assert.ok(sheet.rows.length > 0, 'the demo agency has fund entries this year');
    const printed = printedOrSkip(ctx, xlsx, 'so-quy');
    if (!printed) return;
    const text = squeeze(printed.text);
    assert.ok(text.includes(unitName), 'unit in the page header');
    assert.ok(text.includes('Ngày 14/03/2026'), 'the Vietnamese day of the export');
    assert.match(text, /Trang 1\/\d+/);
    // A header may wrap inside its cell ("Cam kết / hoàn lại"): each of its words is printed.
    for (const h of sheet.headers)
      assert.ok(
        h.split(' ').every((w) => text.includes(w)),
        `header «${h}»`,
      );
    const firstVoucher = String(sheet.rows[0]!.getCell(sheet.headers.indexOf('Số chứng từ') + 1).value);
    assert.ok(text.includes(firstVoucher), `first row's voucher ${firstVoucher}`);
    // The totals line: the label and the sums as the sheet formats them (literal dots).
    const totalsLine = printed.text.split('\n').find((l) => l.includes('Tổng cộng'));
    assert.ok(totalsLine, 'a "Tổng cộng" line is printed');
    const thu = totalOf(sheet, 'Thu');
    assert.ok(thu !== undefined && thu >= 1000, `Thu sums to ${thu}`);
    assert.ok(totalsLine.includes(dotted(thu)), `${dotted(thu)} on «${totalsLine}»`);
  });

  it('a statistical form prints the page header, its title, the header groups and the "Tổng số" row', async (ctx) => {
    const xlsx = await office.getFile('/api/statistics/forms/0602/export.xlsx?year=2025');
    const printed = printedOrSkip(ctx, xlsx, 'bieu-0602');
    if (!printed) return;
    const text = squeeze(printed.text);
    assert.ok(text.includes('Biểu số 0602.N/BNV-TĐKT năm 2025'), 'the form in the page header');
    assert.ok(text.includes('Ngày 14/03/2026'));
    assert.ok(text.includes(unitName));
    assert.match(text, /Trang 1\/\d+/);
    assert.ok(text.includes('SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC'));
    assert.ok(text.includes('Mã số'));
    assert.ok(text.includes('Tổng số'));
  });

  it('an import template prints its header row and the instructions', async (ctx) => {
    const xlsx = await office.getFile('/api/people/import/template');
    const printed = printedOrSkip(ctx, xlsx, 'mau-nhap-can-bo');
    if (!printed) return;
    const text = squeeze(printed.text);
    // One page wide: every column's header on the first page, not cut into pages of four columns.
    const first = squeeze(printed.text.split('\f')[0] ?? '');
    for (const h of ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Đơn vị', 'Chức vụ', 'Lãnh đạo', 'Loại cán bộ', 'Thư điện tử'])
      assert.ok(first.includes(h), `header «${h}» on page 1`);
    assert.ok(text.includes('Hướng dẫn nhập danh sách cán bộ'), 'the instructions sheet prints too');
  });
});
