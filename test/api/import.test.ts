import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, makeXlsx, unitId, type Client, type TestApp } from '../helpers/app.js';
import { makeCccd } from '../../src/shared/cccd.js';

const HEADER = ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Đơn vị', 'Chức vụ', 'Lãnh đạo', 'Loại cán bộ'];

describe('staff import from .xlsx: preview stores nothing, commit stores valid rows', () => {
  let t: TestApp;
  let clerk: Client;
  let sheet: Buffer;
  before(async () => {
    t = await createTestApp();
    clerk = await t.login('donvi');
    sheet = await makeXlsx([
      HEADER,
      [
        'Đinh Văn Khải',
        'Nam',
        '12/04/1990',
        makeCccd('004', 'nam', 1990, 777001),
        'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ',
        'Kỹ sư',
        'Không',
        'Viên chức',
      ],
      ['Mã Thị Quỳnh', 'Nữ', '03/11/1993', makeCccd('004', 'nu', 1993, 777002), 'KTUD', 'Kỹ thuật viên', 'Không', 'Người lao động'],
      ['Vi Văn Sai', 'Nam', '31/02/1990', '12345', 'Văn phòng Sở', '', 'Có', 'Không rõ'],
      [],
      [
        'Lục Thị Hằng',
        'Nữ',
        '1995-07-20',
        makeCccd('004', 'nu', 1995, 777004),
        'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ',
        'Kế toán',
        'Không',
        'Viên chức',
      ],
    ]);
  });
  after(async () => t.close());

  it('lists every error of the bad row in Vietnamese and stores nothing', async () => {
    const before = (await clerk.get('/api/people')).body.total;
    const r = await clerk.importFile('/api/people/import/preview', sheet);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual([r.body.total, r.body.valid, r.body.invalid], [4, 3, 1]);
    const bad = r.body.rows.find((x: { ok: boolean }) => !x.ok);
    assert.equal(bad.row, 4);
    const text = bad.errors.join(' | ');
    assert.match(text, /Đơn vị "Văn phòng Sở" không có trong cơ cấu tổ chức \(hoặc ngoài phạm vi của bạn\)/);
    assert.match(text, /Ngày sinh: Ngày không tồn tại/);
    assert.match(text, /Số CCCD: Số CCCD phải gồm đúng 12 chữ số/);
    assert.match(text, /Loại cán bộ/);
    assert.equal((await clerk.get('/api/people')).body.total, before);
  });

  it('refuses to commit a sheet with errors unless the user chose to skip them', async () => {
    const before = (await clerk.get('/api/people')).body.total;
    const r = await clerk.importFile('/api/people/import/commit', sheet);
    assert.equal(r.status, 400);
    assert.match(r.body.message, /còn 1 dòng lỗi/);
    assert.equal((await clerk.get('/api/people')).body.total, before);
  });

  it('commits the valid rows, writes one audit entry, then a re-upload finds the CCCDs taken', async () => {
    const before = (await clerk.get('/api/people')).body.total;
    const r = await clerk.importFile('/api/people/import/commit', sheet, { skipInvalid: 'true' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body, { imported: 3, skipped: 1 });
    assert.equal((await clerk.get('/api/people')).body.total, before + 3);
    const found = await clerk.get('/api/people?q=ma%20thi%20quynh');
    assert.equal(found.body.items[0].unitName, 'Phòng Kỹ thuật - Ứng dụng');
    assert.equal(found.body.items[0].employmentType, 'nguoi_lao_dong');
    const audit = await clerk.get('/api/audit?action=person.imported');
    assert.equal(audit.body.total, 1);
    assert.match(audit.body.items[0].summary, /Nhập 3 cán bộ .* bỏ qua 1 dòng lỗi/);
    const again = await clerk.importFile('/api/people/import/preview', sheet);
    assert.equal(again.body.valid, 0);
    assert.match(again.body.rows[0].errors.join(), /đã được dùng cho một hồ sơ cán bộ khác/);
  });

  it('uses the chosen unit when the sheet has no unit column, and flags duplicate CCCDs inside the file', async () => {
    const centre = await unitId(clerk, 'Trung tâm');
    const cccd = makeCccd('004', 'nam', 1980, 888001);
    const file = await makeXlsx([
      ['Họ tên', 'CCCD'],
      ['Hoàng Văn Một', cccd],
      ['Hoàng Văn Hai', cccd],
    ]);
    const r = await clerk.importFile('/api/people/import/preview', file, { unitId: centre });
    assert.equal(r.body.valid, 1);
    assert.match(r.body.rows[1].errors[0], /trùng với dòng 2/);
  });

  it('refuses a file that is not really .xlsx, whatever its name', async () => {
    const r = await clerk.importFile('/api/people/import/preview', Buffer.from('Họ và tên\nNguyễn Văn A\n'), {}, 'danh-sach.xlsx');
    assert.equal(r.status, 400);
    assert.match(r.body.message, /không phải là bảng tính Excel \(\.xlsx\)/);
  });

  it('refuses an upload over 10 MB', async () => {
    const r = await clerk.importFile('/api/people/import/preview', Buffer.alloc(10 * 1024 * 1024 + 10, 1));
    assert.equal(r.status, 413);
    assert.match(r.body.message, /10 MB/);
  });

  it('refuses a sheet without the name column, and a request without a file', async () => {
    const r = await clerk.importFile('/api/people/import/preview', await makeXlsx([['Tên cột lạ'], ['x']]));
    assert.equal(r.status, 400);
    assert.match(r.body.message, /Không tìm thấy cột "Họ và tên"/);
    const none = await clerk.post('/api/people/import/preview', {});
    assert.equal(none.status, 400);
    assert.match(none.body.message, /Hãy chọn một tệp Excel/);
  });

  it('offers a template whose headers and sample row the importer accepts', async () => {
    const admin = await t.login('admin');
    const tpl = await admin.get('/api/people/import/template');
    assert.equal(tpl.status, 200);
    assert.match(String(tpl.headers['content-type']), /spreadsheetml/);
    const raw = await t.app.inject({
      method: 'GET',
      url: '/api/people/import/template',
      cookies: {
        tdkt_session: (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'Demo-12345' } })).cookies.find(
          (c) => c.name === 'tdkt_session',
        )!.value,
      },
    });
    const preview = await admin.importFile('/api/people/import/preview', raw.rawPayload);
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    assert.deepEqual([preview.body.total, preview.body.valid], [1, 1]);
  });
});
