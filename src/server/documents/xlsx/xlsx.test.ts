import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { DocumentError } from '../errors.js';
import { exportXlsx, headerRowHeight, inertText, moneyNumFmt } from './export.js';
import { readXlsxTable, type ImportColumn } from './import.js';

interface Awardee {
  hoTen: string;
  ngaySinh: string;
  soTien: number;
}

async function toBuffer(write: (out: PassThrough) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await write(out);
  return Buffer.concat(chunks);
}

const SPEC: ImportColumn<'hoTen' | 'ngaySinh' | 'soTien'>[] = [
  { key: 'hoTen', header: 'Họ và tên', aliases: ['Họ tên'], required: true },
  { key: 'ngaySinh', header: 'Ngày sinh', type: 'date' },
  { key: 'soTien', header: 'Số tiền', type: 'money' },
];

test('the header row is as tall as its most wrapped header', () => {
  assert.equal(headerRowHeight(['STT', 'Ngày'], [7, 12]), 18);
  assert.equal(headerRowHeight(['STT', 'Cam kết / hoàn lại'], [7, 16]), 33);
  assert.equal(headerRowHeight(['x'.repeat(500)], [10]), 63, 'at most four lines');
});

test('money formats use literal dots whatever the reader locale', () => {
  assert.equal(moneyNumFmt(500), '0');
  assert.equal(moneyNumFmt(1_490_000), '#\\.###\\.##0');
  assert.equal(moneyNumFmt(2_340_000_000), '#\\.###\\.###\\.##0');
});

test('export → import round trip with Vietnamese headers, dates and money', async () => {
  const rows: Awardee[] = [
    { hoTen: 'Nguyễn Văn Đức', ngaySinh: '1985-03-12', soTien: 1_490_000 },
    { hoTen: 'Trần Thị Hoa', ngaySinh: '1990-12-01', soTien: 745_000 },
  ];
  const buf = await toBuffer((out) =>
    exportXlsx<Awardee>(
      [
        { header: 'Họ và tên', value: 'hoTen', width: 30 },
        { header: 'Ngày sinh', value: 'ngaySinh', type: 'date' },
        { header: 'Số tiền', value: (r) => r.soTien, type: 'money' },
      ],
      rows,
      out,
    ),
  );
  // Header bold and frozen, formats as promised.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  assert.ok(ws);
  assert.equal(ws.getCell('A1').font?.bold, true);
  assert.equal(ws.views[0]?.state, 'frozen');
  assert.equal(ws.getCell('B2').numFmt, 'dd/mm/yyyy');
  // exceljs drops the backslashes when reading back; the file itself must keep them, or Excel
  // would read the dots as a decimal point.
  assert.match(new PizZip(buf).file('xl/styles.xml')?.asText() ?? '', /formatCode="#\\\.###\\\.##0"/);

  const result = await readXlsxTable(buf, SPEC);
  assert.deepEqual(result.errors, []);
  assert.equal(result.rows.length, 2);
  assert.equal(result.rows[0]?.values.hoTen, 'Nguyễn Văn Đức');
  assert.equal((result.rows[0]?.values.ngaySinh as Date).toISOString().slice(0, 10), '1985-03-12');
  assert.equal(result.rows[1]?.values.soTien, 745_000);
});

async function sheet(build: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('DS'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('headers match without diacritics, via aliases or a mapping; row errors are reported', async () => {
  const buf = await sheet((ws) => {
    ws.addRow(['DANH SÁCH ĐỀ NGHỊ']);
    ws.addRow(['STT', 'HO TEN', 'ngay sinh', 'So tien']);
    ws.addRow([1, 'Lò Văn Nam', '05/02/1980', '1.490.000 đ']);
    ws.addRow([2, '', '31/02/1980', 'nhiều']);
    ws.addRow([]);
    ws.addRow([3, 'Hà Thị Mai', new Date(Date.UTC(1979, 0, 2)), 2340000]);
  });
  const result = await readXlsxTable(buf, SPEC);
  assert.equal(result.columns.hoTen, 'B');
  assert.equal(result.rows.length, 3, 'the blank row is skipped');
  assert.equal(result.rows[0]?.values.soTien, 1_490_000);
  assert.equal(result.rows[2]?.values.soTien, 2_340_000);
  const messages = result.errors.map((e) => e.message);
  assert.ok(messages.includes('Dòng 4: thiếu «Họ và tên»'), messages.join('|'));
  assert.ok(messages.some((m) => /Dòng 4: «Ngày sinh» không phải ngày hợp lệ/.test(m)));
  assert.ok(messages.some((m) => /Dòng 4: «Số tiền» không phải số/.test(m)));

  const mapped = await readXlsxTable(buf, SPEC, { mapping: { hoTen: 'B', soTien: 'So tien' }, headerRow: 2 });
  assert.equal(mapped.rows[0]?.values.hoTen, 'Lò Văn Nam');
});

test('a title row that reads like a header is not taken for the header row: the row naming most columns is', async () => {
  const buf = await sheet((ws) => {
    ws.addRow(['SỐ TIỀN']); // the list's title, merged across the table: also the text of one header
    ws.mergeCells('A1:C1');
    ws.addRow(['Họ và tên', 'Ngày sinh', 'Số tiền']);
    ws.addRow(['Lò Văn Nam', '05/02/1980', 1_490_000]);
  });
  const result = await readXlsxTable(buf, SPEC);
  assert.equal(result.headerRow, 2);
  assert.deepEqual(
    result.rows.map((r) => r.values.hoTen),
    ['Lò Văn Nam'],
  );
});

test('merged header cells and missing columns are refused with a clear message', async () => {
  const merged = await sheet((ws) => {
    ws.addRow(['Họ và tên', '', 'Số tiền']);
    ws.mergeCells('A1:B1');
    ws.addRow(['A', '', 1]);
  });
  await assert.rejects(readXlsxTable(merged, SPEC), (e: unknown) => e instanceof DocumentError && /ô gộp A1:B1/.test(e.message));

  const missing = await sheet((ws) => {
    ws.addRow(['Ngày sinh', 'Số tiền']);
    ws.addRow(['01/01/1990', 1]);
  });
  await assert.rejects(readXlsxTable(missing, SPEC), /thiếu cột bắt buộc «Họ và tên»/);
  await assert.rejects(readXlsxTable(Buffer.from('abc'), SPEC), /không phải là bảng tính Excel/);
});

test('text cells that a CSV conversion would turn into formulas get a leading apostrophe', async () => {
  const names = ['=HYPERLINK("http://x/","bấm")', '+84 912', '-1+2', '@SUM(A1)', '\tTab', '\rCR', 'Nguyễn Văn An', "'đã có"];
  const buf = await toBuffer((out) =>
    exportXlsx<{ name: string }>(
      [
        { header: 'Họ và tên', value: 'name' },
        { header: 'Ngày', value: 'name', type: 'date' },
        { header: 'Số tiền', value: 'name', type: 'money' },
      ],
      names.map((name) => ({ name })),
      out,
    ),
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  assert.ok(ws);
  const expected = ['\'=HYPERLINK("http://x/","bấm")', "'+84 912", "'-1+2", "'@SUM(A1)", "'\tTab", "'\rCR", 'Nguyễn Văn An', "'đã có"];
  expected.forEach((want, i) => {
    for (const col of ['A', 'B', 'C']) {
      const cell = ws.getCell(`${col}${i + 2}`);
      // XML reading turns a carriage return into a line feed: compare after the same folding.
      assert.equal(typeof cell.value, 'string');
      assert.equal((cell.value as string).replace(/\r/g, '\n'), want.replace(/\r/g, '\n'), `${col}${i + 2}`);
      assert.equal(cell.formula, undefined);
    }
  });
  assert.equal(inertText('12'), '12');
  assert.equal(inertText('\rCR'), "'\rCR");
});

test('a list prints as agencies file it: autofilter, A4 landscape fit to width, header row repeated, unit and date above, totals under', async () => {
  interface Line {
    name: string;
    day: string;
    sentAt: Date | null;
    count: number;
    amount: number | null;
  }
  const lines: Line[] = [
    { name: 'Phòng Kế hoạch', day: '2026-01-05', sentAt: new Date('2026-01-05T18:30:00Z'), count: 3, amount: 1_490_000 },
    { name: 'Văn phòng Sở', day: '2026-02-10', sentAt: null, count: 2, amount: null },
    { name: 'Thanh tra Sở', day: '2026-03-01', sentAt: new Date('2026-03-01T02:00:00Z'), count: 5, amount: 745_000 },
  ];
  const buf = await toBuffer((out) =>
    exportXlsx<Line>(
      [
        { header: 'Đơn vị', value: 'name', width: 40 },
        { header: 'Ngày', value: 'day', type: 'date', width: 12 },
        { header: 'Ngày gửi', value: 'sentAt', type: 'datetime', width: 18 },
        { header: 'Số lượng', value: 'count', type: 'integer', width: 12, total: true },
        { header: 'Tiền thưởng', value: 'amount', type: 'money', width: 30, total: true },
      ],
      lines,
      out,
      { sheetName: 'DS', heading: { unitName: 'Sở KH&CN tỉnh Lào Cai', date: '2026-03-14', title: 'Danh sách hồ sơ' } },
    ),
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  assert.ok(ws);
  assert.equal(ws.autoFilter, 'A1:E4');
  assert.equal(ws.pageSetup.orientation, 'landscape', 'wider than a portrait page (112 characters)');
  assert.equal(ws.pageSetup.paperSize, 9);
  assert.equal(ws.pageSetup.fitToPage, true);
  assert.equal(ws.pageSetup.fitToWidth, 1);
  assert.equal(ws.pageSetup.fitToHeight, 0);
  assert.equal(ws.pageSetup.printTitlesRow, '1:1');
  assert.equal(ws.headerFooter.oddHeader, '&LSở KH&&CN tỉnh Lào Cai&C&"-,Bold"Danh sách hồ sơ&RNgày 14/03/2026');
  assert.match(ws.headerFooter.oddFooter ?? '', /Trang &P\/&N/);
  // Dates and instants are real date cells; an instant shows its day and time in Hà Nội (UTC+7).
  assert.equal(ws.getCell('B2').type, ExcelJS.ValueType.Date);
  assert.equal((ws.getCell('B2').value as Date).toISOString(), '2026-01-05T00:00:00.000Z');
  assert.equal(ws.getCell('C2').type, ExcelJS.ValueType.Date);
  assert.equal((ws.getCell('C2').value as Date).toISOString(), '2026-01-06T01:30:00.000Z', '18:30 UTC is 01:30 the next day in Hà Nội');
  assert.equal(ws.getCell('C2').numFmt, 'dd/mm/yyyy hh:mm');
  assert.equal(ws.getCell('C3').value, null);
  // The totals row: the label, SUBTOTAL over the rows (the filter's visible ones), and the sums as cached results.
  assert.equal(ws.getCell('A5').value, 'Tổng cộng');
  assert.deepEqual(ws.getCell('D5').value, { formula: 'SUBTOTAL(109,D2:D4)', result: 10 });
  assert.deepEqual(ws.getCell('E5').value, { formula: 'SUBTOTAL(109,E2:E4)', result: 2_235_000 });
  assert.equal(ws.getCell('A5').font?.bold, true);

  // A narrow list without adding columns: portrait, no totals row.
  const narrow = await toBuffer((out) => exportXlsx<Line>([{ header: 'Đơn vị', value: 'name', width: 40 }], lines, out));
  const wb2 = new ExcelJS.Workbook();
  await wb2.xlsx.load(narrow as unknown as ArrayBuffer);
  const ws2 = wb2.worksheets[0];
  assert.ok(ws2);
  assert.equal(ws2.pageSetup.orientation, 'portrait');
  assert.equal(ws2.autoFilter, 'A1:A4');
  assert.equal(ws2.rowCount, 4);
});
