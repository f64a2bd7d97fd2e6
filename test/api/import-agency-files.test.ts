/**
 * Imports of the files agencies really send, through the real import routes: the table under the
 * merged title rows of an official list, a CCCD typed as a number (its leading zeros restored,
 * with a warning on its row), text typed with the old TCVN3 / VNI fonts, and the downloaded
 * template filled in with the values of its own drop-down lists. Every case checks what is stored.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { createTestApp, unitId, type Client, type TestApp } from '../helpers/app.js';
import { people } from '../../src/server/db/schema/index.js';
import { officialListXlsx } from '../helpers/xlsx.js';
import { makeCccd } from '../../src/shared/cccd.js';

type Cell = string | number | Date | null;

/** The drop-down values a template offers for a column (its hidden "Danh mục" sheet). */
function choicesOf(wb: ExcelJS.Workbook, header: string): string[] {
  const lists = wb.getWorksheet('Danh mục');
  assert.ok(lists, 'the template has its Danh mục sheet');
  assert.equal(lists.state, 'hidden');
  for (let c = 1; c <= lists.columnCount; c++) {
    if (lists.getCell(1, c).value !== header) continue;
    const out: string[] = [];
    for (let r = 2; lists.getCell(r, c).value !== null; r++) out.push(String(lists.getCell(r, c).value));
    return out;
  }
  throw new Error(`no drop-down list for «${header}»`);
}

/** Replaces the template's example rows with `rows`, column by header (a missing header fails the test). */
function fillTemplate(ws: ExcelJS.Worksheet, rows: Record<string, Cell>[]): void {
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  for (let r = 2; r <= ws.rowCount; r++) for (let c = 1; c <= headers.length; c++) ws.getCell(r, c).value = null;
  rows.forEach((row, i) => {
    for (const [header, value] of Object.entries(row)) {
      const c = headers.indexOf(header);
      assert.ok(c >= 0, `template column «${header}»`);
      ws.getCell(i + 2, c + 1).value = value;
    }
  });
}

async function loadXlsx(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

const toBuffer = async (wb: ExcelJS.Workbook): Promise<Buffer> => Buffer.from(await wb.xlsx.writeBuffer());

describe('importing the files agencies send: title rows, CCCD typed as a number, legacy fonts, the filled-in template', () => {
  let t: TestApp;
  let clerk: Client; // donvi: Trung tâm Ứng dụng and its sub-unit
  let centre: string;
  let phuong: { id: string; cccd: string };

  const personNamed = async (fullName: string) => (await t.db.select().from(people).where(eq(people.fullName, fullName)))[0];
  const ratingsOf = async (personId: string) =>
    (await clerk.get(`/api/people/${personId}/records`)).body.ratings as { year: number; rating: string; note: string | null }[];

  before(async () => {
    t = await createTestApp();
    clerk = await t.login('donvi');
    centre = await unitId(clerk, 'Trung tâm Ứng dụng');
    const p = await personNamed('Lý Thị Phương');
    assert.ok(p?.cccd && /^0\d{11}$/.test(p.cccd), 'the demo gives Lý Thị Phương a CCCD with a leading zero');
    phuong = { id: p.id, cccd: p.cccd };
  });
  after(async () => t.close());

  it('staff: reads the table under the merged title rows and restores a CCCD typed as a number, warning on its row', async () => {
    const khiem = makeCccd('004', 'nam', 1990, 555001);
    const lua = makeCccd('004', 'nu', 1993, 555002);
    const file = await officialListXlsx('DANH SÁCH CÁN BỘ, VIÊN CHỨC NĂM 2026', [
      ['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Đơn vị', 'Chức vụ', 'Lãnh đạo', 'Loại cán bộ'],
      [
        1,
        'Tạ Văn Khiêm',
        'Nam',
        new Date(Date.UTC(1990, 3, 12)),
        Number(khiem),
        'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ',
        'Kỹ sư',
        'Không',
        'Viên chức',
      ],
      [2, 'Hà Thị Lụa', 'Nữ', '03/11/1993', lua, 'KTUD', 'Kỹ thuật viên', 'Có', 'Người lao động'],
    ]);
    const pv = await clerk.importFile('/api/people/import/preview', file);
    assert.equal(pv.status, 200, JSON.stringify(pv.body));
    assert.deepEqual([pv.body.total, pv.body.valid], [2, 2]);
    assert.deepEqual(
      pv.body.rows.map((r: { row: number }) => r.row),
      [6, 7],
      'rows numbered as Excel shows them, under the 3 title rows, the blank row and the header',
    );
    const [first, second] = pv.body.rows;
    assert.equal(first.values.cccd, khiem);
    assert.equal(first.warnings.length, 1);
    assert.match(first.warnings[0], new RegExp(`Số CCCD.* ${Number(khiem)} được gõ dạng số nên mất số 0 ở đầu; đã đọc là ${khiem}`));
    assert.deepEqual(second.warnings, [], 'a CCCD typed as text is read as it is, without a warning');
    assert.equal(pv.body.mapping.cccd, 'E');

    const ok = await clerk.importFile('/api/people/import/commit', file);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual(ok.body, { imported: 2, skipped: 0 });
    const k = await personNamed('Tạ Văn Khiêm');
    assert.equal(k?.cccd, khiem, 'stored with its leading zeros');
    assert.equal(k?.birthDate, '1990-04-12');
    assert.equal(k?.unitId, centre);
    assert.equal(k?.employmentType, 'vien_chuc');
    const l = await personNamed('Hà Thị Lụa');
    assert.deepEqual([l?.cccd, l?.birthDate, l?.gender, l?.isLeader], [lua, '1993-11-03', 'nu', true]);
  });

  it('ratings: title rows, a CCCD typed as a number, a name in TCVN3 and a note in VNI are read, reported and stored', async () => {
    // The title reads like a header ("Kết quả xếp loại" is an alias of "Xếp loại"): the table's header is still found.
    const file = await officialListXlsx('KẾT QUẢ XẾP LOẠI', [
      ['Họ và tên', 'Số CCCD', 'Đơn vị', 'Năm', 'Xếp loại', 'Ghi chú'],
      [null, Number(phuong.cccd), null, 2016, 'HTXSNV', null],
      // "Lý Thị Phương" typed with .VnTime (TCVN3), "Hoàn thành tốt nhiệm vụ" with VNI-Times.
      ['L\u00fd Th\u00de Ph\u00ad\u00acng', null, null, 2015, 'HTTNV', 'Hoa\u00f8n tha\u00f8nh to\u00e1t nhie\u00e4m vu\u00ef'],
    ]);
    const pv = await clerk.importFile('/api/records/import/preview', file, { kind: 'ratings' });
    assert.equal(pv.status, 200, JSON.stringify(pv.body));
    assert.deepEqual([pv.body.total, pv.body.valid], [2, 2]);
    const [byCccd, legacy] = pv.body.rows;
    assert.equal(byCccd.row, 6);
    assert.equal(byCccd.values.cccd, phuong.cccd);
    assert.equal(byCccd.subjectName, 'Lý Thị Phương', 'found by the restored CCCD');
    assert.equal(byCccd.warnings.length, 1);
    assert.match(byCccd.warnings[0], new RegExp(`Số CCCD.* ${Number(phuong.cccd)} được gõ dạng số nên mất số 0 ở đầu; đã đọc là ${phuong.cccd}`));
    assert.equal(legacy.values.fullName, 'Lý Thị Phương');
    assert.equal(legacy.values.note, 'Hoàn thành tốt nhiệm vụ');
    assert.equal(legacy.subjectName, 'Lý Thị Phương');
    assert.deepEqual(legacy.warnings, []);
    assert.deepEqual(pv.body.notices, ['Đã chuyển 2 ô từ bảng mã TCVN3 (ABC), VNI sang Unicode. Hãy kiểm tra lại họ tên trước khi nhập.']);
    assert.ok(!(await ratingsOf(phuong.id)).some((r) => r.year === 2015 || r.year === 2016), 'the preview stored nothing');

    const ok = await clerk.importFile('/api/records/import/commit', file, { kind: 'ratings' });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.imported, 2);
    const stored = await ratingsOf(phuong.id);
    assert.equal(stored.find((r) => r.year === 2016)?.rating, 'HTXSNV');
    const y2015 = stored.find((r) => r.year === 2015);
    assert.deepEqual([y2015?.rating, y2015?.note], ['HTTNV', 'Hoàn thành tốt nhiệm vụ'], 'the note is stored in Unicode');
  });

  it('staff template: filled in with its drop-down values and uploaded back, it imports', async () => {
    const wb = await loadXlsx(await clerk.getFile('/api/people/import/template'));
    const units = choicesOf(wb, 'Đơn vị');
    assert.ok(units.includes('Phòng Kỹ thuật - Ứng dụng'), 'the units the clerk may import into');
    const gender = choicesOf(wb, 'Giới tính');
    const kinds = choicesOf(wb, 'Loại cán bộ');
    const leader = choicesOf(wb, 'Lãnh đạo');
    const cccd = makeCccd('004', 'nu', 1988, 555003);
    const sheet = wb.worksheets[0]!;
    assert.equal(sheet.name, 'Danh sách cán bộ');
    fillTemplate(sheet, [
      {
        'Họ và tên': 'Nông Thị Xuyến',
        'Giới tính': gender.find((g) => g === 'Nữ') ?? null,
        'Ngày sinh': new Date(Date.UTC(1988, 6, 9)),
        'Số CCCD': cccd,
        'Đơn vị': 'Phòng Kỹ thuật - Ứng dụng',
        'Chức vụ': 'Trưởng phòng',
        'Lãnh đạo': leader.find((v) => v === 'Có') ?? null,
        'Loại cán bộ': kinds.find((v) => v === 'Công chức') ?? null,
      },
    ]);
    const ok = await clerk.importFile('/api/people/import/commit', await toBuffer(wb));
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual(ok.body, { imported: 1, skipped: 0 });
    const x = await personNamed('Nông Thị Xuyến');
    assert.deepEqual([x?.gender, x?.birthDate, x?.cccd, x?.isLeader, x?.employmentType], ['nu', '1988-07-09', cccd, true, 'cong_chuc']);
    assert.equal(x?.unitId, await unitId(clerk, 'Phòng Kỹ thuật - Ứng dụng'));
  });

  it('ratings and award-history templates: filled in with their drop-down values, they import', async () => {
    const rwb = await loadXlsx(await clerk.getFile('/api/records/import/template?kind=ratings'));
    const ratings = choicesOf(rwb, 'Xếp loại');
    const units = choicesOf(rwb, 'Đơn vị');
    assert.deepEqual(ratings, ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV']);
    fillTemplate(rwb.worksheets[0]!, [
      { 'Họ và tên': 'Lý Thị Phương', 'Số CCCD': phuong.cccd, Năm: 2014, 'Xếp loại': ratings[2]!, 'Ghi chú': 'Từ mẫu' },
      { 'Đơn vị': units.find((u) => u === 'Phòng Kỹ thuật - Ứng dụng')!, Năm: 2014, 'Xếp loại': ratings[0]! },
    ]);
    const r = await clerk.importFile('/api/records/import/commit', await toBuffer(rwb), { kind: 'ratings' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.imported, 2);
    const y2014 = (await ratingsOf(phuong.id)).find((x) => x.year === 2014);
    assert.deepEqual([y2014?.rating, y2014?.note], ['HTNV', 'Từ mẫu']);

    const hwb = await loadXlsx(await clerk.getFile('/api/records/import/template?kind=honors'));
    const honors = choicesOf(hwb, 'Danh hiệu, hình thức');
    const types = choicesOf(hwb, 'Loại hình');
    const giayKhen = honors.find((h) => /^Giấy khen/.test(h));
    const dotXuat = types.find((v) => /đột xuất/i.test(v));
    assert.ok(giayKhen && dotXuat, `drop-downs: ${honors.join('; ')} / ${types.join('; ')}`);
    fillTemplate(hwb.worksheets[0]!, [
      {
        'Họ và tên': 'Lý Thị Phương',
        Năm: 2013,
        'Danh hiệu, hình thức': giayKhen,
        'Loại hình': dotXuat,
        'Số quyết định': '41/QĐ-SKHCN',
        'Ngày quyết định': new Date(Date.UTC(2013, 9, 2)),
        'Cơ quan ban hành': 'Giám đốc Sở',
        'Đã thu hồi': choicesOf(hwb, 'Đã thu hồi').find((v) => v === 'Không') ?? null,
      },
    ]);
    const h = await clerk.importFile('/api/records/import/commit', await toBuffer(hwb), { kind: 'honors' });
    assert.equal(h.status, 200, JSON.stringify(h.body));
    assert.equal(h.body.imported, 1);
    const hist = (await clerk.get(`/api/people/${phuong.id}/records`)).body.honors as {
      honor: string;
      year: number;
      type: string;
      decisionNumber: string;
      decisionDate: string;
      revoked: boolean;
    }[];
    const gk = hist.find((x) => x.decisionNumber === '41/QĐ-SKHCN');
    assert.deepEqual([gk?.honor, gk?.year, gk?.type, gk?.decisionDate, gk?.revoked], ['GK', 2013, 'dot_xuat', '2013-10-02', false]);
  });
});
