import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestApp, DEMO_PASSWORD, type Client, type TestApp } from '../helpers/app.js';
import { buildUnit } from '../helpers/factories.js';
import { setClock, instantVn } from '../../src/server/clock.js';
import { durationClass, monthsOf } from '../../src/server/statistics/forms.js';

interface Line {
  key: string;
  heading: boolean;
  cells: (number | null)[];
}
interface Form {
  columns: { key: string }[];
  rows: Line[];
}

/**
 * The statistical forms on a small synthetic year (2031, a year the demo agency has no records of):
 * every cell of 0601, 0602 and 0603 is traced to the records behind it, and the key figures are
 * checked against what was entered, counted by hand below.
 */
describe('statistical forms 0601, 0602, 0603 (TT 02/2023): figures from data, every cell traced', () => {
  let t: TestApp;
  let admin: Client;
  let office: Client;
  const ids: Record<string, string> = {};

  before(async () => {
    // The demo is seeded at today's clock (its plans and movements fall in this year), then the clock moves to
    // 2031: seeded under the 2031 clock, the demo's own movement would count in the synthetic year.
    t = await createTestApp();
    setClock(instantVn('2031-02-01', '09:00'));
    admin = await t.login('admin');
    office = await t.login('vanphong');
    const a = await buildUnit(admin, { parentId: t.demo.rootUnitId, name: 'Phòng Thống kê A' });
    const b = await buildUnit(admin, { parentId: t.demo.rootUnitId, name: 'Phòng Thống kê B' });
    ids.unitA = a.id;
    ids.unitB = b.id;
    const person = async (key: string, body: object) => {
      const r = await admin.post('/api/people', body);
      assert.equal(r.status, 201, JSON.stringify(r.body));
      ids[key] = r.body.id;
    };
    // P1: a leader of the agency itself; P2: a leader of unit A; P3: a direct worker (nữ); P4: neither.
    await person('p1', { unitId: t.demo.rootUnitId, fullName: 'Hà Văn Một', gender: 'nam', isLeader: true, employmentType: 'cong_chuc' });
    await person('p2', { unitId: a.id, fullName: 'Hà Thị Hai', gender: 'nu', isLeader: true, employmentType: 'vien_chuc' });
    await person('p3', { unitId: a.id, fullName: 'Hà Thị Ba', gender: 'nu', isLeader: false, employmentType: 'nguoi_lao_dong' });
    await person('p4', { unitId: b.id, fullName: 'Hà Văn Bốn', gender: 'nam', isLeader: false, employmentType: 'cong_chuc' });
    const honor = async (key: string, body: object) => {
      const r = await admin.post('/api/records/honors', { year: 2031, decisionDate: '2031-01-20', ...body });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      ids[key] = r.body.id;
    };
    await honor('h_p1_bkttg', { personId: ids.p1, honor: 'BK_TTG', type: 'cong_trang' });
    await honor('h_p2_hcld3', { personId: ids.p2, honor: 'HCLD3', type: 'cong_hien' });
    await honor('h_p3_bk', { personId: ids.p3, honor: 'BK_BO_TINH', type: 'dot_xuat' });
    await honor('h_p3_knc', { personId: ids.p3, honor: 'KNC', type: 'nien_han' });
    await honor('h_p4_cstd', { personId: ids.p4, honor: 'CSTD_BO_TINH', type: 'cong_trang' });
    await honor('h_p4_ldtt', { personId: ids.p4, honor: 'LDTT', type: 'cong_trang' });
    await honor('h_a_co', { unitId: a.id, honor: 'CO_BO_TINH', type: 'cong_trang' });
    await honor('h_a_bkttg', { unitId: a.id, honor: 'BK_TTG', type: 'chuyen_de' });
    await honor('h_b_cocp', { unitId: b.id, honor: 'CO_CP', type: 'cong_trang' });
    // Another year: not in 2031's forms.
    await honor('h_p3_2030', { personId: ids.p3, honor: 'BK_BO_TINH', year: 2030, decisionDate: '2030-12-01' });

    const movement = async (key: string, body: object, launch = true) => {
      const r = await office.post('/api/movements', { year: 2031, honors: [{ honor: 'GK' }], ...body });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      ids[key] = r.body.id;
      if (launch) assert.equal((await office.post(`/api/movements/${r.body.id}/launch`)).status, 200);
    };
    // M1: the agency, regular, one year; M2: unit A, thematic, three months; M3: the agency, thematic, three years; M4: a draft.
    await movement('m1', {
      unitId: t.demo.rootUnitId,
      type: 'regular',
      title: 'Thi đua thường xuyên năm 2031',
      startDate: '2031-01-01',
      endDate: '2031-12-31',
    });
    await movement('m2', { unitId: a.id, type: 'thematic', title: 'Thi đua chuyên đề quý II/2031', startDate: '2031-03-01', endDate: '2031-05-31' });
    await movement('m3', {
      unitId: t.demo.rootUnitId,
      type: 'thematic',
      title: 'Thi đua chuyên đề 2031 – 2033',
      startDate: '2031-01-01',
      endDate: '2033-12-31',
    });
    await movement('m4', { unitId: t.demo.rootUnitId, type: 'regular', title: 'Phong trào còn nháp', startDate: '2031-02-01', endDate: '2031-12-31' }, false);
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  const form = async (code: string, year = 2031): Promise<Form> => {
    const r = await office.get(`/api/statistics/forms/${code}?year=${year}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body;
  };
  const cell = (f: Form, row: string, col: string) => {
    const i = f.rows.findIndex((r) => r.key === row);
    const j = f.columns.findIndex((c) => c.key === col);
    assert.ok(i >= 0 && j >= 0, `${row} × ${col}`);
    return f.rows[i]!.cells[j];
  };
  const drill = async (code: string, row: string, col: string): Promise<string[]> => {
    const r = await office.get(`/api/statistics/forms/${code}/cells?year=2031&row=${row}&column=${encodeURIComponent(col)}&pageSize=200`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.items.length, r.body.total);
    return r.body.items.map((x: { id: string }) => x.id).sort();
  };
  const of = (...keys: string[]) => keys.map((k) => ids[k]!).sort();

  it('counts movements by hand (0601)', async () => {
    const f = await form('0601');
    assert.equal(cell(f, 'total', 'total'), 3);
    assert.equal(cell(f, 'total', 'bo_tinh'), 2);
    assert.equal(cell(f, 'total', 'co_quan'), 1);
    assert.equal(cell(f, 'total', 'central'), 0);
    assert.equal(cell(f, 'bo_dp', 'total'), 2);
    assert.equal(cell(f, 'co_quan', 'total'), 1);
    assert.equal(cell(f, 'lt1', 'total'), 1);
    assert.equal(cell(f, 'eq1', 'total'), 1);
    assert.equal(cell(f, '3to5', 'total'), 1);
    assert.equal(cell(f, 'ge5', 'total'), 0);
    assert.equal(cell(f, 'thematic', 'total'), 2);
    assert.equal(cell(f, 'regular', 'bo_tinh'), 1);
    assert.deepEqual(await drill('0601', 'thematic', 'total'), of('m2', 'm3'));
    assert.deepEqual(await drill('0601', 'total', 'co_quan'), of('m2'));
  });

  it('counts state-level awards by hand (0602)', async () => {
    const f = await form('0602');
    assert.equal(cell(f, 'total', 'total'), 4);
    assert.equal(cell(f, 'by_province', 'total'), 4);
    assert.equal(cell(f, 'by_ministry', 'total'), 0);
    assert.equal(cell(f, 'collective', 'total'), 2);
    assert.equal(cell(f, 'individual', 'total'), 2);
    assert.equal(cell(f, 'leader_so', 'total'), 1);
    assert.equal(cell(f, 'leader_other', 'total'), 1);
    assert.equal(cell(f, 'direct_worker', 'total'), 0);
    assert.equal(cell(f, 'cong_trang', 'total'), 2);
    assert.equal(cell(f, 'chuyen_de', 'total'), 1);
    assert.equal(cell(f, 'cong_hien', 'total'), 1);
    assert.equal(cell(f, 'total', 'HCLD3:individual'), 1);
    assert.equal(cell(f, 'total', 'HCLD3:collective'), 0);
    assert.equal(cell(f, 'total', 'CO_CP'), 1);
    assert.equal(cell(f, 'total', 'BK_TTG:collective'), 1);
    assert.equal(cell(f, 'individual', 'BK_TTG:individual'), 1);
    assert.deepEqual(await drill('0602', 'total', 'total'), of('h_p1_bkttg', 'h_p2_hcld3', 'h_a_bkttg', 'h_b_cocp'));
    assert.deepEqual(await drill('0602', 'leader_so', 'BK_TTG:individual'), of('h_p1_bkttg'));
  });

  it('counts ministry/province-level awards by hand (0603)', async () => {
    const f = await form('0603');
    assert.equal(cell(f, 'total', 'total'), 4);
    assert.equal(cell(f, 'collective', 'total'), 1);
    assert.equal(cell(f, 'individual', 'total'), 3);
    assert.equal(cell(f, 'direct_worker', 'total'), 2);
    assert.equal(cell(f, 'leader_so', 'total'), 0);
    assert.equal(cell(f, 'cong_trang', 'total'), 2);
    assert.equal(cell(f, 'dot_xuat', 'BK_BO_TINH'), 1);
    assert.equal(cell(f, 'nien_han', 'KNC'), 1);
    assert.equal(cell(f, 'collective', 'CO_BO_TINH'), 1);
    assert.equal(cell(f, 'total', 'CSTD_BO_TINH'), 1);
    assert.deepEqual(await drill('0603', 'direct_worker', 'total'), of('h_p3_bk', 'h_p3_knc'));
  });

  it('traces every cell of every form to exactly its records', async () => {
    for (const code of ['0601', '0602', '0603']) {
      const f = await form(code);
      for (const row of f.rows) {
        for (const [j, col] of f.columns.entries()) {
          const v = row.cells[j];
          if (row.heading) {
            assert.equal(v, null, `${code} ${row.key}`);
            continue;
          }
          const records = await drill(code, row.key, col.key);
          assert.equal(records.length, v, `${code} ${row.key} × ${col.key}`);
          // Nothing outside the synthetic year's records.
          for (const id of records) assert.ok(Object.values(ids).includes(id), `${code} ${row.key} × ${col.key}: ${id}`);
        }
      }
      // The total column is the sum of the breakdown columns (each record lies in one column).
      for (const row of f.rows.filter((r) => !r.heading)) {
        assert.equal(
          row.cells[0],
          row.cells.slice(1).reduce((s, v) => s! + (v ?? 0), 0),
          `${code} ${row.key}: tổng = cộng các cột`,
        );
      }
    }
  });

  it('an empty year is a valid form of zeros; the XLSX is laid out like the form', async () => {
    const f = await form('0602', 2001);
    assert.ok(f.rows.every((r) => r.cells.every((v) => v === null || v === 0)));
    const cookie = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanphong', password: DEMO_PASSWORD } });
    const x = await t.app.inject({
      method: 'GET',
      url: '/api/statistics/forms/0602/export.xlsx?year=2031',
      cookies: { tdkt_session: cookie.cookies.find((c) => c.name === 'tdkt_session')!.value },
    });
    assert.equal(x.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    assert.match(String(ws.getCell(1, 1).value), /Biểu số: 0602\.N\/BNV-TĐKT/);
    assert.match(String(ws.getCell(5, 1).value), /SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC/);
    // The header groups are merged cells ("Chia ra" spans every breakdown column).
    const merges = (ws.model as { merges: string[] }).merges;
    assert.ok(merges.length > 10, JSON.stringify(merges));
    // Printed like the lists: unit, form and day of the export (the clock's Vietnamese day) in the
    // page header, page x/y below, A4 landscape fit to the width, the table's header rows repeated.
    const unit = /^Đơn vị báo cáo: (.+)$/.exec(String((ws.getRow(1).values as unknown[]).at(-1)))?.[1];
    assert.ok(unit, 'the reporting unit in the title band');
    assert.equal(ws.headerFooter.oddHeader, `&L${unit}&C&"-,Bold"Biểu số 0602.N/BNV-TĐKT năm 2031&RNgày 01/02/2031`);
    assert.equal(ws.headerFooter.oddFooter, '&CTrang &P/&N');
    const rowOf = (text: string) => {
      for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 2).value === text) return r;
      return -1;
    };
    assert.equal(ws.pageSetup.printTitlesRow, `${rowOf('Mã số')}:${rowOf('B')}`, 'from the first header row to the column numbers row');
    assert.deepEqual(
      [ws.pageSetup.paperSize, ws.pageSetup.orientation, ws.pageSetup.fitToPage, ws.pageSetup.fitToWidth, ws.pageSetup.fitToHeight],
      [9, 'landscape', true, 1, 0],
    );
    assert.equal(ws.pageSetup.horizontalCentered, true);
    const bad = await office.get('/api/statistics/forms/0999?year=2031');
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /Không có biểu thống kê/);
  });

  it('counts months of a movement as the form does', () => {
    assert.equal(monthsOf('2031-01-01', '2031-12-31'), 12);
    assert.equal(monthsOf('2031-03-01', '2031-05-31'), 3);
    assert.equal(monthsOf('2031-01-15', '2032-01-14'), 12);
    assert.equal(durationClass(11), 'lt1');
    assert.equal(durationClass(12), 'eq1');
    assert.equal(durationClass(35), '1to3');
    assert.equal(durationClass(36), '3to5');
    assert.equal(durationClass(60), 'ge5');
  });
});
