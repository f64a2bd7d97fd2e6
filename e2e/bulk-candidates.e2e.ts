/**
 * A unit's clerk adds her LĐTT list in bulk, on a desktop and on a phone: she downloads the template,
 * fills it in (one row's CCCD mistyped), sees the preview with the faulty row, adds the valid rows,
 * then adds the staff the eligible list offers (rated HTTNV), chosen with checkboxes. The candidates
 * table pages. The Office then puts the LĐTT list on a council session as one agenda line, records
 * its vote and sees the result once the session is closed.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { apiAs, assertFitsScreen, cannotRun, E2E_PASSWORD, launchBrowser, login, SHOTS, startServer, chooseOption } from './helpers.js';
import { accounts, councilMembers, dossiers, people } from '../src/server/db/schema/index.js';
import { instantVn, setClock } from '../src/server/clock.js';
import { makeCccd } from '../src/shared/cccd.js';
import { vietnameseNameSortKey } from '../src/shared/vietnamese.js';

const skip = cannotRun();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const GIVEN = ['Minh Anh', 'Thu Hà', 'Văn Hùng', 'Ngọc Lan', 'Quang Huy', 'Thị Mai', 'Đức Long', 'Thanh Tâm'];
const nameOf = (i: number) => `${FAMILY[i % 8]} ${GIVEN[Math.floor(i / 8) % 8]}`;

describe('candidates in bulk in the browser: the Excel list and the eligible list', { skip: skip ?? false }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  const dossierOf: Record<string, string> = {};
  const staffOf: Record<string, { id: string; cccd: string; fullName: string }[]> = {};

  /** A signed-in API session that can PUT too (ratings), for the data the journey needs but does not drive. */
  async function putAs(username: string) {
    const r = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: E2E_PASSWORD } });
    const cookies = { tdkt_session: r.cookies.find((c) => c.name === 'tdkt_session')!.value };
    const csrf = (JSON.parse(r.body) as { csrfToken: string }).csrfToken;
    return async (u: string, payload: object) => {
      const res = await server.app.inject({ method: 'PUT', url: u, cookies, payload, headers: { 'x-csrf-token': csrf } });
      assert.equal(res.statusCode, 200, res.body);
    };
  }

  before(async () => {
    setClock(instantVn('2025-11-20', '09:00'));
    server = await startServer();
    browser = await launchBrowser();
    const db = server.database.db;
    const [clerkAccount] = await db.select().from(accounts).where(eq(accounts.username, 'donvi'));
    const admin = await apiAs(server.app, 'admin');
    const clerk = await apiAs(server.app, 'donvi');
    const put = await putAs('donvi');
    // One department per screen size, each with 30 staff (25 on the Excel list, 5 rated HTTNV for the eligible list).
    for (const [n, size] of ['1440', '390'].entries()) {
      const u = await admin('POST', '/api/units', {
        parentId: clerkAccount!.unitId,
        name: size === '1440' ? 'Phòng Dịch vụ khoa học' : 'Phòng Thông tin - Thư viện',
        kind: 'department',
      });
      assert.equal(u.status, 201, JSON.stringify(u.body));
      const rows = Array.from({ length: 30 }, (_, i) => ({
        unitId: u.body.id as string,
        fullName: nameOf(i + n * 30),
        sortKey: vietnameseNameSortKey(nameOf(i + n * 30)),
        cccd: makeCccd('004', i % 2 ? 'nu' : 'nam', 1980 + (i % 15), 771_000 + n * 100 + i),
        position: 'Chuyên viên',
      }));
      const inserted = await db.insert(people).values(rows).returning();
      staffOf[size] = inserted.map((p) => ({ id: p.id, cccd: p.cccd!, fullName: p.fullName }));
      for (const p of inserted.slice(25)) await put(`/api/people/${p.id}/ratings/2025`, { rating: 'HTTNV' });
      const d = await clerk('POST', '/api/dossiers', {
        unitId: u.body.id,
        type: 'cong_trang',
        year: 2025,
        title: `Hồ sơ đề nghị danh hiệu Lao động tiên tiến năm 2025 của ${size === '1440' ? 'Phòng Dịch vụ khoa học' : 'Phòng Thông tin - Thư viện'}`,
      });
      assert.equal(d.status, 201, JSON.stringify(d.body));
      dossierOf[size] = d.body.id as string;
    }
  });
  after(async () => {
    setClock(null);
    await browser?.close();
    await server?.stop();
  });

  /** The template as downloaded, filled in by the clerk: 25 staff, and one row whose CCCD she mistyped. */
  async function fillTemplate(path: string, staff: { cccd: string; fullName: string }[]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Danh sách đề nghị');
    assert.ok(ws, 'the template has its list sheet');
    assert.equal(ws.getRow(1).getCell(1).value, 'Số CCCD');
    staff.slice(0, 25).forEach((p, i) => {
      const r = ws.getRow(2 + i);
      r.getCell(1).value = p.cccd;
      r.getCell(2).value = p.fullName;
      r.getCell(3).value = 'Lao động tiên tiến';
      r.getCell(4).value = i === 0 ? 'Hoàn thành xuất sắc nhiệm vụ năm 2025' : null;
    });
    const bad = ws.getRow(27);
    bad.getCell(1).value = '004199999999';
    bad.getCell(2).value = 'Đinh Văn Sai Số';
    bad.getCell(3).value = 'Lao động tiên tiến';
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  for (const size of ['1440', '390'] as const) {
    it(`at ${size} px: the clerk adds 25 from her Excel file and 5 from the eligible list`, async () => {
      const p: Page = await browser.newPage({
        viewport: size === '1440' ? { width: 1440, height: 900 } : { width: 390, height: 844 },
        locale: 'vi-VN',
        acceptDownloads: true,
      });
      await login(p, server.url, 'donvi');
      await p.goto(`${server.url}/ho-so/${dossierOf[size]}`);
      await p.getByTestId('bulk-menu').click();
      await p.getByTestId('bulk-menu-excel').click();
      const drawer = p.getByTestId('bulk-drawer');
      await drawer.getByTestId('bulk-template').waitFor();
      const [dl] = await Promise.all([p.waitForEvent('download'), drawer.getByTestId('bulk-template').click()]);
      const file = await fillTemplate(await dl.path(), staffOf[size]!);
      await drawer.locator('input[type=file]').setInputFiles({ name: 'danh-sach-ldtt.xlsx', mimeType: XLSX, buffer: file });
      const summary = drawer.getByTestId('bulk-preview-summary');
      await summary.waitFor();
      assert.match(await summary.innerText(), /26 dòng: 25 hợp lệ, 1 có lỗi/);
      await drawer.getByTestId('bulk-preview').getByText('Đinh Văn Sai Số').waitFor();
      await p.screenshot({ path: `${SHOTS}/bulk-excel-preview-${size}.png`, fullPage: true });
      if (size === '390') await assertFitsScreen(p, 'Xem trước danh sách Excel (390 px)');
      await drawer.getByTestId('bulk-commit').click();
      const result = drawer.getByTestId('bulk-result');
      await result.waitFor();
      assert.match(await result.innerText(), /Đã thêm 25 vào danh sách đề nghị, bỏ qua 1; hồ sơ nay có 25 đề nghị[\s\S]*Đinh Văn Sai Số/);
      await p.screenshot({ path: `${SHOTS}/bulk-excel-result-${size}.png`, fullPage: true });
      await p.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });
      await p.getByText('Danh sách đề nghị (25)').waitFor();
      // 25 names page by 20: the second page holds the rest.
      const table = p.getByTestId('candidate-table');
      assert.equal(await table.locator('tbody tr.ant-table-row').count(), 20);
      await p.locator('.ant-card', { hasText: 'Danh sách đề nghị (25)' }).locator('.ant-pagination-item-2').click();
      assert.equal(await table.locator('tbody tr.ant-table-row').count(), 5);

      await p.getByTestId('bulk-menu').click();
      await p.getByTestId('bulk-menu-eligible').click();
      const list = drawer.getByTestId('bulk-eligible');
      const rated = staffOf[size]!.slice(25);
      await list.getByText(rated[0]!.fullName).waitFor();
      // The header checkbox chooses every eligible name not yet in the dossier.
      await list.locator('thead .ant-checkbox-input').check();
      await p.screenshot({ path: `${SHOTS}/bulk-eligible-${size}.png`, fullPage: true });
      if (size === '390') await assertFitsScreen(p, 'Danh sách đủ điều kiện (390 px)');
      await drawer.getByTestId('bulk-eligible-add').click();
      await drawer.getByTestId('bulk-result').waitFor();
      assert.match(await drawer.getByTestId('bulk-result').innerText(), /Đã thêm 5 vào danh sách đề nghị; hồ sơ nay có 30 đề nghị/);
      await p.keyboard.press('Escape');
      await p.getByText('Danh sách đề nghị (30)').waitFor();
      await p.screenshot({ path: `${SHOTS}/bulk-dossier-${size}.png`, fullPage: true });
      if (size === '390') await assertFitsScreen(p, 'Hồ sơ sau khi thêm nhiều (390 px)');
      const stored = await server.database.db.select().from(dossiers).where(eq(dossiers.id, dossierOf[size]!));
      assert.equal(stored.length, 1);
      await p.close();
    });
  }

  it('the Office puts the LĐTT list on a session as one line, records its vote and closes', async () => {
    const db = server.database.db;
    // Submitted, received and appraised (tested elsewhere).
    await db
      .update(dossiers)
      .set({ status: 'appraising', receiverUnitId: server.demo.rootUnitId, firstSubmittedAt: new Date() })
      .where(eq(dossiers.id, dossierOf['1440']!));
    await db.update(councilMembers).set({ fromDate: '2020-01-01' });
    const office = await apiAs(server.app, 'vanphong');
    const councils = (await office('GET', '/api/councils')).body.items as { id: string; kind: string }[];
    const s = await office('POST', '/api/sessions', {
      councilId: councils.find((c) => c.kind === 'tdkt')!.id,
      title: 'Phiên họp xét danh hiệu thi đua năm 2025',
      meetingDate: '2025-12-18',
      candidateIds: [],
    });
    assert.equal(s.status, 201, JSON.stringify(s.body));
    for (const size of ['1440', '390'] as const) {
      const p = await browser.newPage({ viewport: size === '1440' ? { width: 1440, height: 900 } : { width: 390, height: 844 }, locale: 'vi-VN' });
      await login(p, server.url, 'vanphong');
      await p.goto(`${server.url}/phien-hop/${s.body.id}`);
      if (size === '1440') {
        await p.getByTestId('list-vote-add').click();
        await chooseOption(p, 'list-vote-honor', 'Lao động tiên tiến');
        await chooseOption(p, 'list-vote-dossiers', 'Phòng Dịch vụ khoa học');
        await p.locator('#list-vote-ok').click();
        await p.getByTestId('list-vote-count').getByText('30 người/tập thể').waitFor();
        await p.getByTestId('list-votes').locator('.ant-table-row-expand-icon').first().click();
        await p.getByTestId('list-vote-names').getByText(staffOf['1440']![0]!.fullName).waitFor();
        await p.screenshot({ path: `${SHOTS}/list-vote-agenda-${size}.png`, fullPage: true });
        await p.getByTestId('session-open').click();
        await p.getByTestId('list-vote-record').waitFor();
        const present = (await office('GET', `/api/sessions/${s.body.id}`)).body.quorum.present as number;
        await p.getByTestId('list-vote-approve').fill(String(present));
        await p.getByTestId('list-vote-record').click();
        await p.getByText(`Đã ghi: ${present} / 0 / 0`).waitFor();
        await p.getByTestId('session-close').click();
        await p.getByRole('button', { name: 'Kết thúc', exact: true }).click();
        await p.getByTestId('list-votes').getByText('Thông qua').waitFor();
        await p.screenshot({ path: `${SHOTS}/list-vote-closed-${size}.png`, fullPage: true });
      } else {
        await p.getByTestId('list-votes').getByText('Thông qua').waitFor();
        await p.screenshot({ path: `${SHOTS}/list-vote-closed-${size}.png`, fullPage: true });
        await assertFitsScreen(p, 'Phiên họp với danh sách biểu quyết (390 px)');
      }
      await p.close();
    }
  });
});
