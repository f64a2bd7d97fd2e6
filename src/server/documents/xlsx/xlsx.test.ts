import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { DocumentError } from '../errors.js';
import { exportXlsx, inertText, moneyNumFmt } from './export.js';
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
