import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { createTestApp, makeXlsx, unitId, type Client, type TestApp } from '../helpers/app.js';
import { people } from '../../src/server/db/schema/index.js';
import { readExportedSheet, totalOf } from '../helpers/xlsx.js';

const readSheet = readExportedSheet;

describe('Excel export of the lists, with the filters applied', () => {
  let t: TestApp;
  let office: Client;
  let clerk: Client;
  const cookies: Record<string, Record<string, string>> = {};

  before(async () => {
    t = await createTestApp();
    office = await t.login('vanphong');
    clerk = await t.login('donvi');
    for (const u of ['vanphong', 'donvi']) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: 'Demo-12345' } });
      cookies[u] = { tdkt_session: r.cookies.find((c) => c.name === 'tdkt_session')!.value };
    }
  });
  after(async () => t.close());

  const download = async (user: string, url: string) => t.app.inject({ method: 'GET', url, cookies: cookies[user] });

  it('exports every page of the people list with the same filters, Vietnamese headers and dates', async () => {
    const all = await office.get('/api/people?pageSize=1');
    const r = await download('vanphong', '/api/people/export.xlsx');
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['content-type']), /spreadsheetml/);
    assert.equal(
      r.headers['content-disposition'],
      `attachment; filename="Danh-sach-can-bo.xlsx"; filename*=UTF-8''Danh%20s%C3%A1ch%20c%C3%A1n%20b%E1%BB%99.xlsx`,
    );
    const { headers, rows, sheet } = await readSheet(r.rawPayload);
    assert.deepEqual(headers.slice(0, 6), ['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Đơn vị']);
    assert.equal(rows.length, all.body.total);
    assert.equal(sheet.getRow(2).getCell(4).numFmt, 'dd/mm/yyyy');
    assert.ok(sheet.getRow(2).getCell(4).value instanceof Date);
    // Filters: search and gender, exactly what the list answers (all pages).
    const filtered = await office.get('/api/people?gender=nu&pageSize=200');
    const fx = await readSheet((await download('vanphong', '/api/people/export.xlsx?gender=nu')).rawPayload);
    assert.deepEqual(
      fx.rows.map((row) => String(row.getCell(2).value)),
      filtered.body.items.map((p: { fullName: string }) => p.fullName),
    );
    assert.ok(fx.rows.every((row) => row.getCell(3).value === 'Nữ'));
    const q = await readSheet((await download('vanphong', `/api/people/export.xlsx?q=${encodeURIComponent('duc nguyen')}`)).rawPayload);
    assert.ok(q.rows.length >= 1);
    assert.ok(q.rows.every((row) => /Nguyễn/.test(String(row.getCell(2).value)) && /Đức/.test(String(row.getCell(2).value))));
  });

  it("keeps the export to the caller's scope; a foreign unit filter is a 404", async () => {
    const mine = await clerk.get('/api/people?pageSize=1');
    const x = await readSheet((await download('donvi', '/api/people/export.xlsx')).rawPayload);
    assert.equal(x.rows.length, mine.body.total);
    const everyone = await office.get('/api/people?pageSize=1');
    assert.ok(x.rows.length < everyone.body.total);
    const root = t.demo.rootUnitId;
    const rootPeople = await t.db.select().from(people).where(eq(people.unitId, root));
    assert.ok(rootPeople.length > 0);
    assert.ok(x.rows.every((row) => !rootPeople.some((p) => p.fullName === String(row.getCell(2).value))));
    const sibling = await unitId(office, 'Văn phòng');
    assert.equal((await download('donvi', `/api/people/export.xlsx?unitId=${sibling}`)).statusCode, 404);
  });

  it('exports units in tree order, councils with members, and the audit log with its filters', async () => {
    const units = await readSheet((await download('vanphong', '/api/units/export.xlsx')).rawPayload);
    const api = await office.get('/api/units');
    assert.equal(units.rows.length, api.body.items.length);
    assert.equal(String(units.rows[0]!.getCell(2).value), 'Sở Khoa học và Công nghệ tỉnh Cao Bằng');
    assert.equal(units.headers[1], 'Tên đơn vị');
    // The staff counts add up in the totals row under the tree.
    assert.equal(
      totalOf(units, 'Số cán bộ'),
      units.rows.reduce((n, r) => n + Number(r.getCell(units.headers.indexOf('Số cán bộ') + 1).value ?? 0), 0),
    );
    assert.ok((totalOf(units, 'Số cán bộ') ?? 0) > 0);
    const councils = await readSheet((await download('vanphong', '/api/councils/export.xlsx')).rawPayload);
    assert.equal(councils.rows.length, 10); // 6 + 4 members of the two demo councils
    assert.equal(String(councils.rows[0]!.getCell(8).value), 'Chủ tịch');
    assert.equal(councils.rows[0]!.getCell(5).numFmt, 'dd/mm/yyyy');
    await office.post('/api/people', { fullName: 'Người Xuất Excel', unitId: t.demo.rootUnitId, isLeader: false });
    const audit = await readSheet((await download('vanphong', '/api/audit/export.xlsx?action=person.created')).rawPayload);
    const auditApi = await office.get('/api/audit?action=person.created&pageSize=200');
    assert.equal(audit.rows.length, auditApi.body.total);
    assert.ok(audit.rows.every((row) => row.getCell(3).value === 'Thêm cán bộ'));
    // The time is a date cell with its Hà Nội day and time, not a text.
    assert.ok(audit.rows[0]!.getCell(1).value instanceof Date);
    assert.equal(audit.rows[0]!.getCell(1).numFmt, 'dd/mm/yyyy hh:mm');
    assert.equal((await download('donvi', '/api/audit/export.xlsx')).statusCode, 200);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/audit/export.xlsx' })).statusCode, 401);
  });
});

describe('staff import: column mapping and legacy Vietnamese encodings', () => {
  let t: TestApp;
  let clerk: Client;
  let ttud: string;

  before(async () => {
    t = await createTestApp();
    clerk = await t.login('donvi');
    ttud = await unitId(clerk, 'Trung tâm');
  });
  after(async () => t.close());

  const sheet = () =>
    makeXlsx([
      ['STT', 'Tên đầy đủ', 'Năm sinh (ngày)', 'Mã định danh', 'Ghi chú'],
      [1, 'Ma Văn Ánh', '02/03/1990', '004090001111', 'x'],
      [2, 'Lò Thị Bích', '12/12/1991', '004091002222', ''],
    ]);

  it('answers the detected mapping, and refuses a sheet whose name column it cannot find, with the columns to choose from', async () => {
    const r = await clerk.importFile('/api/people/import/preview', await sheet(), { unitId: ttud });
    assert.equal(r.status, 400);
    assert.match(r.body.message, /Không tìm thấy cột "Họ và tên"/);
    assert.deepEqual(
      r.body.details.columns.map((c: { letter: string }) => c.letter),
      ['A', 'B', 'C', 'D', 'E'],
    );
    assert.equal(r.body.details.mapping.fullName, null);
    assert.ok(r.body.details.fields.some((f: { key: string; label: string }) => f.key === 'cccd' && f.label === 'Số CCCD'));
  });

  it('uses the mapping the user chose (letters or header text) for preview and commit', async () => {
    const mapping = JSON.stringify({ fullName: 'B', birthDate: 'Năm sinh (ngày)', cccd: 'D' });
    const r = await clerk.importFile('/api/people/import/preview', await sheet(), { unitId: ttud, mapping });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual([r.body.total, r.body.valid], [2, 2]);
    assert.equal(r.body.mapping.fullName, 'B');
    assert.equal(r.body.mapping.birthDate, 'C');
    assert.equal(r.body.mapping.cccd, 'D');
    assert.equal(r.body.rows[0].values.fullName, 'Ma Văn Ánh');
    const before = (await clerk.get('/api/people')).body.total;
    const c = await clerk.importFile('/api/people/import/commit', await sheet(), { unitId: ttud, mapping });
    assert.equal(c.status, 200, JSON.stringify(c.body));
    assert.deepEqual(c.body, { imported: 2, skipped: 0 });
    const found = await clerk.get(`/api/people?q=${encodeURIComponent('Lò Thị Bích')}`);
    assert.equal(found.body.items[0].birthDate, '1991-12-12');
    assert.equal(found.body.items[0].cccd, '004091002222');
    assert.equal((await clerk.get('/api/people')).body.total, before + 2);
  });

  it('refuses a wrong column choice or a column chosen twice, storing nothing', async () => {
    const before = (await clerk.get('/api/people')).body.total;
    const missing = await clerk.importFile('/api/people/import/commit', await sheet(), { unitId: ttud, mapping: JSON.stringify({ fullName: 'K' }) });
    assert.equal(missing.status, 400);
    assert.match(missing.body.message, /cột «K» được chọn cho «Họ và tên» không có trong tệp/);
    const twice = await clerk.importFile('/api/people/import/preview', await sheet(), {
      unitId: ttud,
      mapping: JSON.stringify({ fullName: 'B', position: 'B' }),
    });
    assert.equal(twice.status, 400);
    assert.match(twice.body.message, /cột B được chọn cho cả «Họ và tên» và «Chức vụ»/);
    const unknownField = await clerk.importFile('/api/people/import/preview', await sheet(), { unitId: ttud, mapping: JSON.stringify({ luong: 'C' }) });
    assert.equal(unknownField.status, 400);
    assert.match(unknownField.body.message, /không có trường luong/);
    assert.equal((await clerk.get('/api/people')).body.total, before);
  });

  it('refuses merged header cells with a clear message', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(['Họ và tên', '', 'Đơn vị']);
    ws.addRow(['Ma Văn Cường', '', 'Trung tâm Ứng dụng']);
    ws.mergeCells('A1:B1');
    const r = await clerk.importFile('/api/people/import/preview', Buffer.from(await wb.xlsx.writeBuffer()), { unitId: ttud });
    assert.equal(r.status, 400);
    assert.match(r.body.message, /ô gộp A1:B1/);
  });

  it('converts TCVN3/VNI names to Unicode NFC and says so; unreadable text is refused per row', async () => {
    const buf = await makeXlsx([
      ['Họ và tên', 'Chức vụ'],
      ['NguyÔn V¨n §øc', 'Chuyên viên'],
      ['Ma Thị Hoa', 'Kỹ sư'],
      ['Lý Ðức Tài', 'Kỹ thuật viên'],
      ['Hoàng Văn Nam', 'Vi\u00c6n tr\u00d8\u00c5ng'],
    ]);
    const r = await clerk.importFile('/api/people/import/preview', buf, { unitId: ttud });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.rows[0].values.fullName, 'Nguyễn Văn Đức');
    assert.equal(r.body.converted.cells >= 1, true);
    assert.deepEqual(r.body.converted.encodings, ['TCVN3 (ABC)']);
    assert.match(r.body.notices[0], /Đã chuyển \d+ ô từ bảng mã TCVN3 \(ABC\) sang Unicode/);
    const bad = r.body.rows[3];
    assert.equal(bad.ok, false);
    assert.match(bad.errors.join(' '), /Chức vụ: Không nhận diện được bảng mã/);
    const c = await clerk.importFile('/api/people/import/commit', buf, { unitId: ttud, skipInvalid: 'true' });
    assert.equal(c.status, 200, JSON.stringify(c.body));
    const [row] = await t.db
      .select()
      .from(people)
      .where(eq(people.fullName, 'Nguyễn Văn Đức'.normalize('NFC')));
    assert.ok(row, 'stored converted');
    assert.equal(row.fullName, row.fullName.normalize('NFC'));
  });
});
