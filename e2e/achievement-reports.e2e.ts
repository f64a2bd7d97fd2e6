/**
 * Báo cáo thành tích in the browser (issue 15), seed 001's date (10/6/2021, NĐ 91/2017): the Trung
 * tâm Ứng dụng's clerk opens the report of its nominee from the dossier, finds it prefilled from
 * her records (name, ratings, the Giấy khen she got), writes the achievements section, attaches
 * it, and the dossier's checklist is complete. At 1440 px and 390 px.
 * Then ký số: the Sở's director signs and seals the year's Kế hoạch from the plan's page (1440 px);
 * the clerk, proposed herself, signs her own report, and the Trung tâm's director confirms and seals
 * it on a phone (390 px): the signed report is the dossier's.
 * The server runs in this process so the test can replay 2021's date (src/server/clock.ts).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, or } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { apiAs, assertFitsScreen, cannotRun, launchBrowser, login, SHOTS, startServer } from './helpers.js';
import type { Database } from '../src/server/db/client.js';
import type { App } from '../src/server/app.js';
import { setClock } from '../src/server/clock.js';
import { stopWarmOffice } from '../src/server/office/soffice.js';
import { dossierDocuments, honorAwards, people, plans, qualityRatings } from '../src/server/db/schema/index.js';

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

  /** Signs (or seals) with the one certificate the panel offers, and waits for the state it reaches. */
  async function signIn(p: Page, kind: string, state: string) {
    const panel = p.getByTestId(`signatures-${kind}`);
    await panel.getByTestId('document-sign').waitFor();
    await panel.getByTestId('document-sign').click();
    await panel.getByTestId('document-sign-state').getByText(state).waitFor({ timeout: 120_000 });
  }

  it('ký số: the director signs and seals the Kế hoạch on its page; the report is signed by the clerk, then confirmed and sealed on a phone', async () => {
    const [plan] = await database.db
      .select()
      .from(plans)
      .where(and(eq(plans.title, 'Kế hoạch công tác thi đua, khen thưởng năm 2021'), eq(plans.signerName, 'Hoàng Văn Thạch')));
    assert.ok(plan, 'the demo plan of the year');
    const director = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'vi-VN' });
    await login(director, url, 'giamdoc');
    await director.goto(`${url}/ke-hoach/${plan.id}`);
    const planPanel = director.getByTestId('signatures-ke_hoach');
    await planPanel.getByText('Thủ trưởng đơn vị ban hành: Hoàng Văn Thạch — chờ bạn ký').waitFor();
    await signIn(director, 'ke_hoach', 'Những người ký đã ký số');
    await planPanel.getByRole('button', { name: 'Ký số của cơ quan' }).waitFor();
    await signIn(director, 'ke_hoach', 'Đã ký số và đóng dấu của cơ quan');
    await planPanel.locator('.ant-alert-success').first().waitFor();
    await planPanel.getByTestId('document-signed-download').waitFor();
    await director.screenshot({ path: `${SHOTS}/bctt-04-ke-hoach-signed-1440.png`, fullPage: true });
    await director.close();

    // The clerk proposes herself; she saves her report and signs it as the person reporting.
    const [mai] = await database.db.select().from(people).where(eq(people.fullName, 'Hà Thị Mai'));
    const donvi = await apiAs(app, 'donvi');
    const c = await donvi('POST', `/api/dossiers/${ids.dossier}/candidates`, { subjectKind: 'individual', personId: mai!.id, proposedHonor: 'GK' });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    const open = async (p: Page, who: string) => {
      await login(p, url, who);
      await p.goto(`${url}/ho-so/${ids.dossier}`);
      await p.getByTestId('checklist').waitFor();
      await p.locator('tr', { hasText: 'Hà Thị Mai' }).getByTestId('candidate-report').click();
      await p.getByTestId('report-drawer').getByText('Báo cáo thành tích — Hà Thị Mai').waitFor();
      return p.getByTestId('report-drawer');
    };
    const clerk = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'vi-VN' });
    const mine = await open(clerk, 'donvi');
    await mine.getByTestId('signatures-bao_cao_thanh_tich').getByText('Hãy lưu báo cáo thành tích trước khi ký số', { exact: false }).waitFor();
    await mine.getByTestId('report-thanhTich').fill('Tham mưu tổ chức tốt công tác thi đua, khen thưởng của Trung tâm.');
    await mine.getByTestId('report-save').click();
    await clerk.getByText('Đã lưu báo cáo thành tích.').waitFor();
    await mine.getByText('Người báo cáo thành tích: Hà Thị Mai — chờ bạn ký').waitFor();
    await signIn(clerk, 'bao_cao_thanh_tich', 'Đang ký: còn người chưa ký số');
    // Signed: the report is no longer edited.
    await mine.getByText('Chỉ xem: báo cáo đã được ký số', { exact: false }).waitFor();
    assert.equal(await mine.getByTestId('report-save').count(), 0);
    await clerk.close();

    // The Trung tâm's director, on a phone: confirms, then seals with the Trung tâm's certificate.
    const phone = await browser.newPage({ viewport: { width: 390, height: 900 }, locale: 'vi-VN' });
    const drawer = await open(phone, 'thutruong');
    await drawer.getByText('Thủ trưởng đơn vị xác nhận, đề nghị: Lục Văn Hùng — chờ bạn ký').waitFor();
    await signIn(phone, 'bao_cao_thanh_tich', 'Những người ký đã ký số');
    await drawer.getByRole('button', { name: 'Ký số của cơ quan' }).waitFor();
    await signIn(phone, 'bao_cao_thanh_tich', 'Đã ký số và đóng dấu của cơ quan');
    await phone.getByText('Báo cáo thành tích đã ký thay bản chưa ký trong hồ sơ', { exact: false }).waitFor();
    await drawer.getByTestId('signatures-bao_cao_thanh_tich').scrollIntoViewIfNeeded();
    await assertFitsScreen(phone, 'Ký số Báo cáo thành tích (390 px)');
    const box = await drawer.getByTestId('signatures-bao_cao_thanh_tich').boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390, 'the signatures panel fits the phone');
    await phone.screenshot({ path: `${SHOTS}/bctt-05-signed-390.png` });
    await phone.keyboard.press('Escape');
    await phone.getByTestId('checklist').getByText('Đủ thành phần theo quy định').waitFor();
    await phone.close();
    const docs = await database.db
      .select()
      .from(dossierDocuments)
      .where(eq(dossierDocuments.candidateId, c.body.id as string));
    assert.deepEqual(
      docs.map((d) => [d.kind, d.title]),
      [['bao_cao_thanh_tich', 'Báo cáo thành tích (đã ký số) — Hà Thị Mai']],
    );
  });
});
