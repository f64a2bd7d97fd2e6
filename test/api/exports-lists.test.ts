/** Excel exports of the workflow lists: same filters and scope as the list routes they mirror, Vietnamese headers. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { createTestApp, DEMO_PASSWORD, type Client, type TestApp } from '../helpers/app.js';
import { clerkFor, ok, staffOf, unitByCode } from '../helpers/dossiers.js';
import { buildDecision } from '../helpers/decisions.js';
import { awardDecisions, movements, registrations } from '../../src/server/db/schema/index.js';
import { moneyNumFmt } from '../../src/server/documents/index.js';
import { vnToday } from '../../src/server/deadlines/clock.js';
import { readExportedSheet, totalOf, type ExportedSheet } from '../helpers/xlsx.js';

type Sheet = ExportedSheet;
const readSheet = readExportedSheet;
const dmy = (iso: string): string => iso.split('-').reverse().join('/');

const col = (s: Sheet, header: string): string[] => {
  const i = s.headers.indexOf(header);
  assert.ok(i >= 0, `column ${header} in ${s.headers.join(', ')}`);
  return s.rows.map((r) => String(r.getCell(i + 1).value ?? ''));
};

describe('Excel export of the workflow lists (dossiers, decisions, plans, movements, registrations, candidates, calendar)', () => {
  let t: TestApp;
  let office: Client;
  let clerk: Client;
  let other: Client;
  const cookies: Record<string, Record<string, string>> = {};
  let ttud: Awaited<ReturnType<typeof unitByCode>>;
  let vp: Awaited<ReturnType<typeof unitByCode>>;

  const signIn = async (username: string, password = DEMO_PASSWORD) => {
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    cookies[username] = { tdkt_session: r.cookies.find((c) => c.name === 'tdkt_session')!.value };
  };

  /** Downloads an export, checks the reply is an .xlsx with a Vietnamese file name and a Vietnamese header row. */
  const download = async (user: string, url: string, firstHeaders: string[]): Promise<Sheet> => {
    const r = await t.app.inject({ method: 'GET', url, cookies: cookies[user] });
    assert.equal(r.statusCode, 200, `${url}: ${r.body.slice(0, 300)}`);
    assert.equal(r.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(String(r.headers['content-disposition']), /^attachment; filename="[^"]+\.xlsx"; filename\*=UTF-8''.*%[CE]/);
    const s = await readSheet(r.rawPayload);
    assert.deepEqual(s.headers.slice(0, firstHeaders.length), firstHeaders);
    return s;
  };

  before(async () => {
    t = await createTestApp();
    office = await t.login('vanphong');
    clerk = await t.login('donvi');
    other = await clerkFor(t, 'vanthu_vp', 'VP');
    await signIn('vanphong');
    await signIn('donvi');
    await signIn('vanthu_vp', 'Clerk-12345');
    ttud = await unitByCode(t, 'TTUD');
    vp = await unitByCode(t, 'VP');
  });
  after(async () => t.close());

  it('dossiers: same filters and scope as GET /api/dossiers, every page', async () => {
    ok(await clerk.post('/api/dossiers', { type: 'cong_trang', year: 2021, title: 'Hồ sơ khen thưởng năm 2021 của Trung tâm' }), 201);
    ok(await clerk.post('/api/dossiers', { type: 'cong_trang', year: 2022, title: 'Hồ sơ khen thưởng năm 2022 của Trung tâm' }), 201);
    ok(await other.post('/api/dossiers', { type: 'cong_trang', year: 2022, title: 'Hồ sơ khen thưởng của Văn phòng' }), 201);
    const headers = ['STT', 'Tên hồ sơ', 'Đơn vị', 'Loại hình khen thưởng', 'Năm'];
    const all = await download('donvi', '/api/dossiers/export.xlsx', headers);
    const list = (await clerk.get('/api/dossiers?pageSize=200')).body;
    assert.equal(all.rows.length, list.total);
    assert.deepEqual(
      col(all, 'Tên hồ sơ'),
      list.items.map((d: { title: string }) => d.title),
    );
    // The clerk's export holds only its own unit's dossiers.
    assert.ok(all.rows.length >= 2);
    // Printed as agencies file it: the clerk's unit and today in the page header, a filter on the header row, the counts added up.
    assert.equal(all.sheet.headerFooter.oddHeader, `&L${ttud.name}&C&"-,Bold"Danh sách hồ sơ đề nghị khen thưởng&RNgày ${dmy(vnToday())}`);
    assert.equal(all.sheet.autoFilter, `A1:I${all.rows.length + 1}`);
    assert.equal(all.sheet.pageSetup.printTitlesRow, '1:1');
    assert.equal(
      totalOf(all, 'Số đề nghị'),
      list.items.reduce((n: number, d: { candidateCount?: number }) => n + (d.candidateCount ?? 0), 0),
    );
    assert.ok(col(all, 'Đơn vị').every((n) => n === ttud.name));
    assert.ok(!col(all, 'Tên hồ sơ').includes('Hồ sơ khen thưởng của Văn phòng'));
    const y = await download('donvi', '/api/dossiers/export.xlsx?year=2021', headers);
    assert.deepEqual(col(y, 'Tên hồ sơ'), ['Hồ sơ khen thưởng năm 2021 của Trung tâm']);
    const q = await download('vanthu_vp', `/api/dossiers/export.xlsx?q=${encodeURIComponent('van phong')}`, headers);
    assert.deepEqual(col(q, 'Tên hồ sơ'), ['Hồ sơ khen thưởng của Văn phòng']);
  });

  it('decisions: with awardee count and total money, year filter, clerk sees its subtree only', async () => {
    const a = await buildDecision(t.db, ttud.id, { n: 3, date: '2026-03-15', number: 901 });
    await buildDecision(t.db, vp.id, { n: 2, date: '2025-05-20', number: 902 });
    await t.db.update(awardDecisions).set({ totalAmount: 1_350_000 }).where(eq(awardDecisions.id, a.decision.id));
    const headers = ['STT', 'Số quyết định', 'Ngày quyết định', 'Trích yếu'];
    const all = await download('vanphong', '/api/decisions/export.xlsx', headers);
    const list = (await office.get('/api/decisions')).body.items as { numberText: string }[];
    assert.deepEqual(
      col(all, 'Số quyết định'),
      list.map((d) => d.numberText),
    );
    const row = all.rows[col(all, 'Số quyết định').indexOf('901/QĐ-SKHCN')]!;
    assert.equal(row.getCell(all.headers.indexOf('Số người/tập thể được khen') + 1).value, 3);
    const money = row.getCell(all.headers.indexOf('Tổng tiền thưởng (đồng)') + 1);
    assert.equal(money.value, 1_350_000);
    assert.equal(money.numFmt.replace(/\\/g, ''), moneyNumFmt(1_350_000).replace(/\\/g, ''), 'dots as thousands separators');
    // The totals row adds up what the list holds (the formula sums what a filter leaves visible).
    assert.equal(totalOf(all, 'Số người/tập thể được khen'), 5);
    const listed = (await office.get('/api/decisions')).body.items as { totalAmount: number }[];
    assert.equal(
      totalOf(all, 'Tổng tiền thưởng (đồng)'),
      listed.reduce((n, d) => n + d.totalAmount, 0),
    );
    assert.ok(listed.reduce((n, d) => n + d.totalAmount, 0) >= 1_350_000);
    assert.match(JSON.stringify(all.totals?.getCell(all.headers.indexOf('Tổng tiền thưởng (đồng)') + 1).value), /SUBTOTAL\(109,/);
    const date = row.getCell(all.headers.indexOf('Ngày quyết định') + 1);
    assert.ok(date.value instanceof Date);
    assert.equal(date.numFmt, 'dd/mm/yyyy');
    const y = await download('vanphong', '/api/decisions/export.xlsx?year=2025', headers);
    assert.deepEqual(col(y, 'Số quyết định'), ['902/QĐ-SKHCN']);
    const mine = await download('donvi', '/api/decisions/export.xlsx', headers);
    assert.deepEqual(col(mine, 'Số quyết định'), ['901/QĐ-SKHCN']);
  });

  it('plans and movements: the list filters apply, scope as the lists', async () => {
    const year = Number(vnToday().slice(0, 4));
    const planHeaders = ['STT', 'Số kế hoạch', 'Tên kế hoạch', 'Năm', 'Đơn vị ban hành'];
    const plans = await download('vanphong', '/api/plans/export.xlsx', planHeaders);
    assert.deepEqual(
      col(plans, 'Tên kế hoạch'),
      (await office.get('/api/plans')).body.items.map((p: { title: string }) => p.title),
    );
    assert.ok(plans.rows.length >= 1);
    assert.equal(
      (await download('vanphong', '/api/plans/export.xlsx?status=draft', planHeaders)).rows.length,
      (await office.get('/api/plans?status=draft')).body.items.length,
    );
    assert.equal((await download('vanphong', `/api/plans/export.xlsx?year=${year - 10}`, planHeaders)).rows.length, 0);
    const clerkPlans = await download('donvi', '/api/plans/export.xlsx', planHeaders);
    assert.deepEqual(
      col(clerkPlans, 'Tên kế hoạch'),
      (await clerk.get('/api/plans')).body.items.map((p: { title: string }) => p.title),
    );

    const mvHeaders = ['STT', 'Số văn bản', 'Tên phong trào', 'Loại phong trào', 'Năm'];
    const mv = await download('vanphong', '/api/movements/export.xlsx', mvHeaders);
    assert.deepEqual(
      col(mv, 'Tên phong trào'),
      (await office.get('/api/movements')).body.items.map((m: { title: string }) => m.title),
    );
    const m2021 = await download('vanphong', '/api/movements/export.xlsx?year=2021', mvHeaders);
    assert.ok(m2021.rows.length >= 1 && m2021.rows.length < mv.rows.length);
    assert.ok(col(m2021, 'Năm').every((y) => y === '2021'));
    const started = m2021.rows[0]!.getCell(mv.headers.indexOf('Từ ngày') + 1);
    assert.ok(started.value instanceof Date);
    const clerkMv = await download('donvi', '/api/movements/export.xlsx', mvHeaders);
    assert.deepEqual(
      col(clerkMv, 'Tên phong trào'),
      (await clerk.get('/api/movements')).body.items.map((m: { title: string }) => m.title),
    );
  });

  it('registrations: roll-up per unit and honor (Office), list with unit filter and the clerk’s subtree', async () => {
    const [m] = await t.db.select().from(movements).where(eq(movements.year, 2021)).limit(1);
    assert.ok(m);
    const campaignKey = `movement:${m.id}`;
    const ttudStaff = await staffOf(t, ttud.id);
    const vpStaff = await staffOf(t, vp.id);
    await t.db
      .insert(registrations)
      .values([
        ...ttudStaff
          .slice(0, 3)
          .map((p) => ({ campaignKey, movementId: m.id, year: 2021, unitId: ttud.id, subjectKind: 'individual', personId: p.id, honor: 'LDTT' })),
        { campaignKey, movementId: m.id, year: 2021, unitId: ttud.id, subjectKind: 'collective', subjectUnitId: ttud.id, honor: 'TTLDTT' },
        ...vpStaff
          .slice(0, 2)
          .map((p) => ({ campaignKey, movementId: m.id, year: 2021, unitId: vp.id, subjectKind: 'individual', personId: p.id, honor: 'LDTT' })),
      ]);
    const rollup = await download('vanphong', `/api/registrations/rollup/export.xlsx?movementId=${m.id}`, ['STT', 'Đơn vị', 'Tập thể đăng ký']);
    assert.ok(rollup.headers.includes('Lao động tiên tiến (cá nhân)'));
    assert.deepEqual(col(rollup, 'Đơn vị').sort(), [ttud.name, vp.name].sort());
    const ttudRow = rollup.rows[col(rollup, 'Đơn vị').indexOf(ttud.name)]!;
    assert.equal(ttudRow.getCell(rollup.headers.indexOf('Lao động tiên tiến (cá nhân)') + 1).value, 3);
    assert.equal(ttudRow.getCell(rollup.headers.indexOf('Tổng số đăng ký') + 1).value, 4);
    assert.match(String(ttudRow.getCell(3).value), /Tập thể lao động tiên tiến/);
    // Another campaign (the current plan) has no registrations: the filter narrows.
    const plan = (await office.get('/api/plans')).body.items[0] as { id: string };
    assert.equal((await download('vanphong', `/api/registrations/rollup/export.xlsx?planId=${plan.id}`, ['STT', 'Đơn vị'])).rows.length, 0);
    assert.equal(
      (await t.app.inject({ method: 'GET', url: `/api/registrations/rollup/export.xlsx?movementId=${m.id}`, cookies: cookies['donvi'] })).statusCode,
      403,
    );

    const headers = ['STT', 'Đơn vị', 'Đối tượng', 'Cá nhân', 'Danh hiệu, hình thức đăng ký'];
    const all = await download('vanphong', `/api/registrations/export.xlsx?movementId=${m.id}`, headers);
    assert.equal(all.rows.length, 6);
    // "Thời gian đăng ký" is a date cell (day and time in Hà Nội), not text.
    const at = all.rows[0]!.getCell(all.headers.indexOf('Thời gian đăng ký') + 1);
    assert.equal(at.type, ExcelJS.ValueType.Date);
    assert.equal(at.numFmt, 'dd/mm/yyyy hh:mm');
    assert.equal(totalOf(rollup, 'Tổng số đăng ký'), 6);
    assert.equal(totalOf(rollup, 'Lao động tiên tiến (cá nhân)'), 5);
    const onlyVp = await download('vanphong', `/api/registrations/export.xlsx?movementId=${m.id}&unitId=${vp.id}`, headers);
    assert.deepEqual(col(onlyVp, 'Đơn vị'), [vp.name, vp.name]);
    // The filtered unit is the one named in the page header.
    assert.match(onlyVp.sheet.headerFooter.oddHeader ?? '', new RegExp(`^&L${vp.name}&C`));
    const mine = await download('donvi', `/api/registrations/export.xlsx?movementId=${m.id}`, headers);
    assert.equal(mine.rows.length, 4);
    assert.ok(col(mine, 'Đơn vị').every((n) => n === ttud.name));
  });

  it('candidates: result, reasons summary and money, honor and unit filters, clerk limited to its subtree', async () => {
    const root = t.demo.rootUnitId;
    const headers = ['STT', 'Họ tên / Tập thể', 'Đối tượng', 'Đơn vị', 'Danh hiệu, hình thức', 'Kết quả', 'Lý do (tóm tắt)', 'Tiền thưởng (đồng)'];
    const qs = (unitId: string, honor?: string) => `unitId=${unitId}&year=2025&decisionDate=2026-03-01${honor ? `&honor=${honor}` : ''}`;
    const ldtt = await download('vanphong', `/api/candidates/export.xlsx?${qs(root, 'LDTT')}`, headers);
    const list = (await office.get(`/api/candidates?${qs(root, 'LDTT')}&pageSize=200`)).body;
    assert.ok(list.total <= 200, 'one page holds the whole list');
    assert.deepEqual(
      col(ldtt, 'Họ tên / Tập thể'),
      list.items.map((r: { name: string }) => r.name),
    );
    assert.ok(col(ldtt, 'Danh hiệu, hình thức').every((h) => h === 'Lao động tiên tiến'));
    assert.ok(col(ldtt, 'Kết quả').every((v) => ['Đủ điều kiện', 'Không đủ điều kiện', 'Cần bổ sung, xác nhận'].includes(v)));
    assert.ok(col(ldtt, 'Lý do (tóm tắt)').every((v) => v.length > 0));
    const eligibleIdx = col(ldtt, 'Kết quả').indexOf('Đủ điều kiện');
    if (eligibleIdx >= 0) assert.ok(Number(ldtt.rows[eligibleIdx]!.getCell(headers.indexOf('Tiền thưởng (đồng)') + 1).value) > 0);
    const every = await download('vanphong', `/api/candidates/export.xlsx?${qs(root)}`, headers);
    assert.ok(every.rows.length > ldtt.rows.length);
    const sub = await download('vanphong', `/api/candidates/export.xlsx?${qs(ttud.id, 'LDTT')}`, headers);
    assert.ok(sub.rows.length > 0 && sub.rows.length < ldtt.rows.length);
    const mine = await download('donvi', `/api/candidates/export.xlsx?${qs(ttud.id, 'LDTT')}`, headers);
    assert.deepEqual(col(mine, 'Họ tên / Tập thể'), col(sub, 'Họ tên / Tập thể'));
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/candidates/export.xlsx?${qs(root)}`, cookies: cookies['donvi'] })).statusCode, 404);
  });

  it('calendar (list view): range and unit filters, scope as the calendar', async () => {
    const today = vnToday();
    const year = today.slice(0, 4);
    const range = `from=${year}-01-01&to=${year}-12-31`;
    const headers = ['STT', 'Hạn', 'Loại thời hạn', 'Nội dung', 'Đơn vị'];
    const all = await download('vanphong', `/api/calendar/export.xlsx?${range}`, headers);
    const list = (await office.get(`/api/calendar?${range}&limit=5000`)).body;
    assert.equal(all.rows.length, list.items.length);
    assert.ok(all.rows.length > 0);
    assert.deepEqual(
      col(all, 'Nội dung'),
      list.items.map((d: { title: string }) => d.title),
    );
    assert.ok(all.rows[0]!.getCell(2).value instanceof Date);
    const narrow = await download('vanphong', `/api/calendar/export.xlsx?from=${year}-01-01&to=${year}-01-31`, headers);
    assert.equal(narrow.rows.length, (await office.get(`/api/calendar?from=${year}-01-01&to=${year}-01-31&limit=5000`)).body.items.length);
    assert.ok(narrow.rows.length < all.rows.length);
    const mine = await download('donvi', `/api/calendar/export.xlsx?${range}`, headers);
    assert.deepEqual(
      col(mine, 'Nội dung'),
      (await clerk.get(`/api/calendar?${range}&limit=5000`)).body.items.map((d: { title: string }) => d.title),
    );
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/calendar/export.xlsx?${range}&unitId=${vp.id}`, cookies: cookies['donvi'] })).statusCode, 404);
  });
});
