/**
 * Báo cáo thành tích in the browser (issue 15), seed 001's date (10/6/2021, NĐ 91/2017): the Trung
 * tâm Ứng dụng's clerk opens the report of its nominee from the dossier, finds it prefilled from
 * her records (name, ratings, the Giấy khen she got), writes the achievements section, attaches
 * it, and the dossier's checklist is complete. At 1440 px and 390 px.
 * The server runs in this process so the test can replay 2021's date (src/server/clock.ts).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq, or } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { apiAs, cannotRun, launchBrowser, login, SHOTS, startServer } from './helpers.js';
import type { Database } from '../src/server/db/client.js';
import type { App } from '../src/server/app.js';
import { setClock } from '../src/server/clock.js';
import { stopWarmOffice } from '../src/server/office/soffice.js';
import { honorAwards, people, qualityRatings } from '../src/server/db/schema/index.js';

const skip = cannotRun();

describe('Báo cáo thành tích: prefilled, edited, attached from the dossier page', { skip: skip ?? false, timeout: 600_000 }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let database: Database;
  let app: App;
  let url: string;
  let browser: Browser;
  const ids = { dossier: '', candidate: '' };

  before(async () => {
    setClock('2021-06-10');
    server = await startServer();
    ({ database, app, url } = server);
    browser = await launchBrowser();
    const [phuong] = await database.db.select().from(people).where(eq(people.fullName, 'Lý Thị Phương'));
    await database.db.delete(qualityRatings).where(or(eq(qualityRatings.personId, phuong!.id)));
    await database.db.delete(honorAwards).where(eq(honorAwards.personId, phuong!.id));
    await database.db.insert(qualityRatings).values({ personId: phuong!.id, year: 2021, rating: 'HTXSNV' });
    await database.db
      .insert(honorAwards)
      .values({ personId: phuong!.id, honor: 'GK', year: 2019, decisionNumber: '45/QĐ-SKHCN', decisionDate: '2019-12-20', issuer: 'Sở Khoa học và Công nghệ' });
    const donvi = await apiAs(app, 'donvi');
    const d = await donvi('POST', '/api/dossiers', { type: 'chuyen_de', year: 2021, title: 'Đề nghị khen thưởng đợt thi đua 80 năm Ngày Bác Hồ về nước' });
    ids.dossier = d.body.id;
    const c = await donvi('POST', `/api/dossiers/${ids.dossier}/candidates`, { subjectKind: 'individual', personId: phuong!.id, proposedHonor: 'GK' });
    ids.candidate = c.body.id;
    await donvi('POST', `/api/dossiers/${ids.dossier}/documents`, { kind: 'to_trinh', content: 'Tờ trình đề nghị khen thưởng.' });
    await donvi('POST', `/api/dossiers/${ids.dossier}/documents`, { kind: 'bien_ban_hop_xet', content: 'Biên bản họp xét.', voteResult: '5/5 đồng ý' });
  });
  after(async () => {
    setClock(null);
    stopWarmOffice();
    await browser?.close();
    await server?.stop();
  });

  async function openReport(width: number): Promise<Page> {
    const p = await browser.newPage({ viewport: { width, height: 1000 }, locale: 'vi-VN' });
    await login(p, url, 'donvi');
    await p.goto(`${url}/ho-so/${ids.dossier}`);
    await p.getByTestId('checklist').waitFor();
    await p.getByTestId('candidate-report').first().click();
    await p.getByTestId('report-drawer').getByText('Báo cáo thành tích — Lý Thị Phương').waitFor();
    return p;
  }

  it('at 1440 px: the clerk sees the prefilled report, writes a section, attaches it; the checklist is complete', async () => {
    const p = await openReport(1440);
    await p.getByTestId('checklist').getByText('Còn thiếu 1 thành phần').waitFor();
    const drawer = p.getByTestId('report-drawer');
    await drawer.getByText('Mẫu số 07 - Nghị định số 91/2017/NĐ-CP', { exact: false }).waitFor();
    assert.equal(await drawer.getByTestId('report-hoTen').inputValue(), 'Lý Thị Phương');
    assert.equal(await drawer.getByTestId('report-gioiTinh').inputValue(), 'Nữ');
    assert.equal(await drawer.getByTestId('report-xepLoai-row').count(), 1);
    assert.equal(await drawer.getByTestId('report-xepLoai').getByLabel('Xếp loại chất lượng').inputValue(), 'Hoàn thành xuất sắc nhiệm vụ');
    assert.equal(await drawer.getByTestId('report-khenThuong').getByLabel('Danh hiệu / hình thức').inputValue(), 'Giấy khen');
    await drawer.getByTestId('report-thanhTich').fill('Tham mưu tổ chức 05 hoạt động kỷ niệm 80 năm Ngày Bác Hồ về nước.');
    await drawer.getByTestId('report-save').click();
    await p.getByText('Đã lưu báo cáo thành tích.').waitFor();
    await p.screenshot({ path: `${SHOTS}/bctt-01-editor-1440.png` });
    await drawer.getByTestId('report-attach').click();
    await p.getByText('Đã đính kèm báo cáo thành tích (PDF) vào hồ sơ.').waitFor({ timeout: 120_000 });
    await drawer.getByText('Đã đính kèm vào hồ sơ', { exact: false }).waitFor();
    await p.keyboard.press('Escape');
    await p.getByTestId('checklist').getByText('Đủ thành phần theo quy định').waitFor();
    await p.getByText('BCTT-Ly-Thi-Phuong-2021.pdf').first().waitFor();
    await p.screenshot({ path: `${SHOTS}/bctt-02-attached-1440.png`, fullPage: true });
    await p.close();
  });

  it('at 390 px: the editor fills the screen, the saved section is there, the buttons fit', async () => {
    const p = await openReport(390);
    const drawer = p.getByTestId('report-drawer');
    assert.equal(await drawer.getByTestId('report-thanhTich').inputValue(), 'Tham mưu tổ chức 05 hoạt động kỷ niệm 80 năm Ngày Bác Hồ về nước.');
    const box = await p.locator('.ant-drawer-content-wrapper').boundingBox();
    assert.ok(box && box.width <= 390, 'the drawer fits the phone');
    const attach = await drawer.getByTestId('report-attach').boundingBox();
    assert.ok(attach && attach.x + attach.width <= 390, 'buttons inside the screen');
    await p.screenshot({ path: `${SHOTS}/bctt-03-editor-390.png` });
    await p.close();
  });
});
