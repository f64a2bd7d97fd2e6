/**
 * Seed 001 in the browser: units submit by 18/6/2021, a late one is refused, the Office returns a
 * dossier, the council votes by secret ballot, the director issues the Giấy khen decision, one
 * nominee goes up for Bằng khen tỉnh and the quota of 01 stops a second.
 * The server runs in this process so the test can replay 2021's dates (src/server/clock.ts).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { apiAs, assertFitsScreen, cannotRun, chooseOption, E2E_PASSWORD, launchBrowser, login, SHOTS } from './helpers.js';
import { openDatabase, type Database } from '../src/server/db/client.js';
import { buildApp, type App } from '../src/server/app.js';
import { seedDemo } from '../src/server/demo/seed.js';
import { setClock } from '../src/server/clock.js';
import { accounts, councilMembers, deadlines, dossiers, movementHonors, movements, people, units } from '../src/server/db/schema/index.js';
import { hashPassword } from '../src/server/auth/passwords.js';
import type { Response } from '../test/helpers/app.js';

const skip = cannotRun();

/** Test-side JSON answers, the same shape the API tests use. */
type Reply = Pick<Response, 'status' | 'body'>;
interface Api {
  get(url: string): Promise<Reply>;
  post(url: string, body?: unknown): Promise<Reply>;
  del(url: string): Promise<Reply>;
}

describe('seed 001 in the browser: dossiers, council, decision, quota', { skip: skip ?? false }, () => {
  let database: Database;
  let app: App;
  let url: string;
  let browser: Browser;
  const ids = { movement: '', a: '', b: '', c: '', x: '', y: '', xName: '', yName: '', session: '' };

  async function api(username: string, password = E2E_PASSWORD): Promise<Api> {
    const call = await apiAs(app, username, password);
    return { get: (u) => call('GET', u), post: (u, b) => call('POST', u, b ?? {}), del: (u) => call('DELETE', u) };
  }
  async function page(username: string, password = E2E_PASSWORD): Promise<Page> {
    const p = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'vi-VN' });
    if (password === E2E_PASSWORD) await login(p, url, username);
    else {
      await p.goto(`${url}/dang-nhap`);
      await p.getByTestId('login-username').fill(username);
      await p.getByTestId('login-password').fill(password);
      await p.getByTestId('login-submit').click();
      await p.getByTestId('current-user-name').waitFor();
    }
    return p;
  }
  async function unitDossier(clerk: Api, unitCode: string, honors: string[], title: string) {
    const [u] = await database.db.select().from(units).where(eq(units.code, unitCode));
    const staff = await database.db.select().from(people).where(eq(people.unitId, u!.id)).orderBy(people.sortKey);
    const d = (await clerk.post('/api/dossiers', { movementId: ids.movement, type: 'chuyen_de', year: 2021, title })).body;
    const cands = [];
    for (const [i, h] of honors.entries())
      cands.push((await clerk.post(`/api/dossiers/${d.id}/candidates`, { subjectKind: 'individual', personId: staff[i]!.id, proposedHonor: h })).body);
    await clerk.post(`/api/dossiers/${d.id}/documents`, { kind: 'to_trinh', content: 'Tờ trình đề nghị khen thưởng.' });
    await clerk.post(`/api/dossiers/${d.id}/documents`, { kind: 'bien_ban_hop_xet', content: 'Biên bản họp xét.', voteResult: '5/5 đồng ý' });
    return { id: d.id as string, cands: cands as { id: string; displayName: string }[] };
  }

  before(async () => {
    setClock('2021-06-10');
    database = await openDatabase({ dataDir: 'memory://' });
    const demo = await seedDemo(database.db, E2E_PASSWORD);
    app = await buildApp({ database, config: { secureCookies: false, webDir: resolve('dist/web') } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
    // The Sở's movement (seed 001): Bằng khen tỉnh 01 for the whole Sở, Giấy khen unlimited; dossiers by 18/6/2021.
    const [m] = await database.db
      .insert(movements)
      .values({
        unitId: demo.rootUnitId,
        type: 'thematic',
        year: 2021,
        title: 'Đợt thi đua chào mừng 80 năm Ngày Bác Hồ về nước',
        startDate: '2021-01-20',
        endDate: '2021-06-30',
        status: 'launched',
      })
      .returning();
    ids.movement = m!.id;
    await database.db.insert(movementHonors).values([
      { movementId: m!.id, honor: 'BK_BO_TINH', quota: 1, quotaNote: '01 tập thể hoặc 01 cá nhân' },
      { movementId: m!.id, honor: 'GK' },
    ]);
    await database.db.insert(deadlines).values({
      sourceType: 'movement',
      sourceId: m!.id,
      key: 'x-units_submit',
      unitId: demo.rootUnitId,
      kind: 'unit_submission',
      title: 'Hạn nộp hồ sơ',
      dueDate: '2021-06-18',
    });
    await database.db.update(councilMembers).set({ fromDate: '2020-01-01' });
    for (const [username, code] of [
      ['qlkh', 'QLKH'],
      ['chicuc', 'CCTĐC'],
    ] as const) {
      const [u] = await database.db.select().from(units).where(eq(units.code, code));
      await database.db.insert(accounts).values({
        username,
        displayName: `Văn thư ${u!.name}`,
        role: 'clerk',
        unitId: u!.id,
        passwordHash: await hashPassword('Clerk-12345'),
        passwordChangedAt: new Date(),
      });
    }
  });
  after(async () => {
    setClock(null);
    await browser?.close();
    await app?.close();
    await database?.close();
  });

  it('a unit builds its dossier in the browser and submits it when complete', async () => {
    const p = await page('donvi');
    await p.goto(`${url}/ho-so`);
    await p.getByTestId('dossier-new').click();
    await chooseOption(p, 'dossier-movement', 'Đợt thi đua chào mừng 80 năm');
    await p.getByTestId('dossier-title').fill('Đề nghị khen thưởng của Trung tâm Ứng dụng');
    await p.getByRole('button', { name: 'Lập hồ sơ' }).last().click();
    await p.getByTestId('candidate-table').waitFor();
    ids.a = p.url().split('/').pop()!;
    for (const [name, honor] of [
      ['Lý Thị Phương', 'Giấy khen'],
      ['Hà Thị Mai', 'Bằng khen bộ, ban, ngành, tỉnh'],
    ] as const) {
      await chooseOption(p, 'candidate-person', name, name.split(' ').pop());
      await chooseOption(p, 'candidate-honor', honor);
      await p.getByTestId('candidate-add').click();
      await p.getByTestId('candidate-table').getByText(name).first().waitFor();
    }
    assert.equal(await p.getByTestId('dossier-submit').isDisabled(), true, 'incomplete: cannot submit');
    const docs: [string, string | null, string, string | null][] = [
      ['Tờ trình đề nghị khen thưởng', null, 'Trung tâm kính đề nghị Giám đốc Sở xét khen thưởng.', null],
      ['Biên bản họp xét', null, 'Họp xét ngày 10/6/2021.', '5/5 thành viên đồng ý'],
      ['Báo cáo thành tích', 'Lý Thị Phương', 'Thành tích xuất sắc trong đợt thi đua.', null],
      ['Báo cáo thành tích', 'Hà Thị Mai', 'Thành tích tiêu biểu của đợt thi đua.', null],
    ];
    for (const [kind, who, content, vote] of docs) {
      await p.getByTestId('document-add').click();
      await chooseOption(p, 'document-kind', kind);
      if (who) await chooseOption(p, 'document-candidate', who);
      if (vote) await p.getByPlaceholder('Ví dụ: 5/6 thành viên đồng ý').fill(vote);
      await p.getByTestId('document-content').fill(content);
      await p.getByRole('button', { name: 'Lưu' }).click();
      await p.getByText('Đã thêm tài liệu.').first().waitFor();
    }
    await p.getByText('Đủ thành phần theo quy định').waitFor();
    await p.getByTestId('dossier-submit').click();
    await p.getByTestId('dossier-status').getByText('Đã nộp, chờ tiếp nhận').waitFor();
    await p.screenshot({ path: `${SHOTS}/dossier-01-submitted.png`, fullPage: true });
    await p.close();
  });

  it('a second unit submits; a third is refused after 18/6', async () => {
    const qlkh = await api('qlkh', 'Clerk-12345');
    const b = await unitDossier(qlkh, 'QLKH', ['GK', 'BK_BO_TINH'], 'Đề nghị khen thưởng của Phòng Quản lý khoa học');
    ids.b = b.id;
    [ids.x, ids.y] = [b.cands[0]!.id, b.cands[1]!.id];
    [ids.xName, ids.yName] = [b.cands[0]!.displayName, b.cands[1]!.displayName];
    await qlkh.post(`/api/dossiers/${b.id}/documents`, { kind: 'bao_cao_thanh_tich', candidateId: ids.y, content: 'Báo cáo.' });
    await qlkh.post(`/api/dossiers/${b.id}/documents`, { kind: 'bao_cao_thanh_tich', candidateId: ids.x, content: 'Tờ trình (đính nhầm vào chỗ báo cáo).' });
    assert.equal((await qlkh.post(`/api/dossiers/${b.id}/submit`)).status, 200);
    const chicuc = await api('chicuc', 'Clerk-12345');
    const c = await unitDossier(chicuc, 'CCTĐC', ['GK'], 'Đề nghị khen thưởng của Chi cục');
    ids.c = c.id;
    await chicuc.post(`/api/dossiers/${c.id}/documents`, { kind: 'bao_cao_thanh_tich', candidateId: c.cands[0]!.id, content: 'Báo cáo.' });
    setClock('2021-06-21');
    const p = await page('chicuc', 'Clerk-12345');
    await p.goto(`${url}/ho-so/${c.id}`);
    await p.getByTestId('dossier-submit').click();
    await p.getByText('Đã quá hạn nộp hồ sơ (hạn 18/06/2021)', { exact: false }).first().waitFor();
    await p.screenshot({ path: `${SHOTS}/dossier-02-late-refused.png` });
    await p.close();
  });

  it('the Office returns one dossier with its reason and receives the other; the unit resubmits', async () => {
    const p = await page('vanphong');
    await p.goto(`${url}/ho-so`);
    await p.getByTestId('dossier-table').getByText('Đề nghị khen thưởng của Phòng Quản lý khoa học').click();
    await p.getByTestId('dossier-return').click();
    await p.getByTestId('return-reasons-input').fill(`Thiếu báo cáo thành tích của ${ids.xName} (tài liệu đính kèm là tờ trình).`);
    await p.getByRole('button', { name: 'Trả lại' }).last().click();
    await p.getByTestId('dossier-status').getByText('Bị trả lại, cần bổ sung').waitFor();
    await p.goto(`${url}/ho-so/${ids.a}`);
    await p.getByTestId('dossier-receive').click();
    await p.getByTestId('dossier-status').getByText('Đã tiếp nhận').waitFor();
    // The unit sees the reason, fixes and resubmits.
    const q = await page('qlkh', 'Clerk-12345');
    await q.goto(`${url}/ho-so/${ids.b}`);
    await q.getByTestId('return-reasons').getByText('Thiếu báo cáo thành tích', { exact: false }).waitFor();
    await q.screenshot({ path: `${SHOTS}/dossier-03-returned.png` });
    await q.close();
    const qlkh = await api('qlkh', 'Clerk-12345');
    const det = (await qlkh.get(`/api/dossiers/${ids.b}`)).body;
    const wrong = det.documents.find((d: { candidateId: string | null; kind: string }) => d.candidateId === ids.x && d.kind === 'bao_cao_thanh_tich');
    await qlkh.del(`/api/dossiers/${ids.b}/documents/${wrong.id}`);
    await qlkh.post(`/api/dossiers/${ids.b}/documents`, { kind: 'bao_cao_thanh_tich', candidateId: ids.x, content: 'Báo cáo thành tích (Mẫu 07).' });
    assert.equal((await qlkh.post(`/api/dossiers/${ids.b}/submit`)).status, 200);
    await p.goto(`${url}/ho-so/${ids.b}`);
    await p.getByTestId('dossier-receive').click();
    await p.getByTestId('dossier-status').getByText('Đã tiếp nhận').waitFor();
    await p.close();
  });

  it('the council votes by secret ballot and the session closes with the tally', async () => {
    const office = await api('vanphong');
    const all: string[] = [];
    for (const d of [ids.a, ids.b]) {
      const det = (await office.get(`/api/dossiers/${d}`)).body;
      for (const c of det.candidates) {
        await office.post(`/api/dossiers/${d}/candidates/${c.id}/appraise`, { note: 'Đủ điều kiện theo Kế hoạch.' });
        all.push(c.id);
      }
    }
    const council = (await office.get('/api/councils')).body.items.find((c: { kind: string }) => c.kind === 'tdkt');
    const s = (await office.post('/api/sessions', { councilId: council.id, title: 'Phiên họp Hội đồng TĐKT Sở', meetingDate: '2021-06-22', candidateIds: all }))
      .body;
    const op = await page('vanphong');
    await op.goto(`${url}/phien-hop/${s.id}`);
    await op.getByTestId('session-open').click();
    await op.getByText('Đang họp, bỏ phiếu').first().waitFor();
    // A member votes in the browser.
    const m = await page('hoidong');
    await m.goto(`${url}/phien-hop/${s.id}`);
    const ballot = m.getByTestId('my-ballot');
    await ballot.waitFor();
    for (const radio of await ballot.getByRole('radio', { name: 'Đồng ý', exact: true }).all()) await radio.check();
    await m.getByTestId('ballot-cast').click();
    await m.getByText('Bạn đã bỏ phiếu cho tất cả đề nghị', { exact: false }).waitFor();
    await m.close();
    const items = (await office.get(`/api/sessions/${s.id}`)).body.items as { id: string }[];
    for (const u of ['giamdoc', 'vanphong'])
      assert.equal(
        (await (await api(u)).post(`/api/sessions/${s.id}/ballots`, { votes: items.map((i) => ({ itemId: i.id, choice: 'approve' })) })).status,
        200,
      );
    await office.post(`/api/sessions/${s.id}/paper-ballots`, { items: items.map((i) => ({ itemId: i.id, approve: 1, reject: 0, abstain: 0 })) });
    await op.reload();
    await op.getByTestId('session-close').click();
    await op.locator('.ant-popconfirm').getByRole('button', { name: 'Kết thúc' }).click();
    await op.getByText('Đã kết thúc').first().waitFor();
    await op.getByTestId('agenda').getByText('Đạt', { exact: true }).first().waitFor();
    await op.screenshot({ path: `${SHOTS}/dossier-04-session-closed.png`, fullPage: true });
    await op.close();
    ids.session = s.id;
  });

  it('the secretary and the chair sign the Biên bản họp xét, the Ban kiểm phiếu its own, each with their own certificate', async () => {
    // The secretary records the minutes on the session page.
    const sec = await page('vanphong');
    await sec.goto(`${url}/phien-hop/${ids.session}`);
    const minutes = sec.getByTestId('session-minutes');
    await minutes.waitFor();
    if (await minutes.getByTestId('minutes-edit').count()) await minutes.getByTestId('minutes-edit').click();
    // One list open at a time: each closes before the next opens.
    const closed = () => sec.waitForFunction(() => document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').length === 0);
    for (const [field, name] of [
      ['minutes-chair', 'Hoàng Văn Thạch'],
      ['minutes-secretary', 'Đàm Văn Long'],
      ['minutes-board', 'Triệu Văn Sơn'],
    ] as const) {
      await chooseOption(sec, field, name);
      if (field === 'minutes-board') await sec.keyboard.press('Escape');
      await closed();
    }
    await sec.getByTestId('minutes-agenda').fill('Xét đề nghị tặng Giấy khen');
    await sec.getByTestId('minutes-save').click();
    await sec.getByText('Đã ghi biên bản phiên họp.').first().waitFor();
    await sec.close();
    for (const [user, state] of [
      ['vanphong', 'Đang ký: còn người chưa ký số'],
      ['giamdoc', 'Những người ký đã ký số'],
    ] as const) {
      const p = await page(user);
      await p.goto(`${url}/phien-hop/${ids.session}`);
      const card = p.getByTestId('signatures-bien_ban_hop_xet');
      await card.getByTestId('document-waiting-for-me').waitFor();
      if (user === 'vanphong') await card.getByTestId('document-sign-number').fill('07');
      await card.getByTestId('document-sign').click();
      await card.getByTestId('document-sign-state').getByText(state).waitFor();
      if (user === 'giamdoc') {
        await card.getByText('tất cả hợp lệ', { exact: false }).waitFor();
        const [download] = await Promise.all([p.waitForEvent('download'), card.getByTestId('document-signed-download').click()]);
        assert.match(download.suggestedFilename(), /Bien-ban-hop-xet-ky-so\.pdf$/u);
        await p.screenshot({ path: `${SHOTS}/dossier-04b-minutes-signed.png`, fullPage: true });
      }
      await p.close();
    }
    // The Ban kiểm phiếu the session elected signs its Biên bản, here on a phone.
    const board = await page('hoidong');
    await board.setViewportSize({ width: 390, height: 844 });
    await board.goto(`${url}/phien-hop/${ids.session}`);
    const counting = board.getByTestId('signatures-bien_ban_kiem_phieu');
    await counting.getByTestId('document-waiting-for-me').waitFor();
    await counting.getByTestId('document-sign-number').fill('08');
    await counting.getByTestId('document-sign').click();
    await counting.getByTestId('document-sign-state').getByText('Những người ký đã ký số').waitFor();
    await counting.getByText('tất cả hợp lệ', { exact: false }).waitFor();
    await assertFitsScreen(board, 'the session page on a phone');
    await board.screenshot({ path: `${SHOTS}/dossier-04c-counting-signed-390.png`, fullPage: true });
    await board.close();
  });

  it('the director issues the Giấy khen decision with the next number of the register', async () => {
    setClock('2021-06-25');
    const p = await page('giamdoc');
    await p.goto(`${url}/quyet-dinh`);
    for (const name of ['Lý Thị Phương', ids.xName])
      await p
        .getByRole('row', { name: new RegExp(name) })
        .getByRole('checkbox')
        .check();
    await p.getByTestId('decision-issue').click();
    const date = p.locator('.ant-modal .ant-picker input').first();
    await date.click();
    await date.fill('25/06/2021');
    await date.press('Enter');
    await p.getByRole('button', { name: 'Ban hành' }).last().click();
    await p.getByText('Đã ban hành Quyết định số 1/QĐ-SKHCN.').first().waitFor();
    await p.getByTestId('decision-docx').waitFor();
    await p.getByTestId('decision-pdf').waitFor();
    await p.screenshot({ path: `${SHOTS}/dossier-05-decision.png`, fullPage: true });
    await p.close();
  });

  it('one nominee goes up for Bằng khen tỉnh; the quota stops the second', async () => {
    const p = await page('vanphong');
    await p.goto(`${url}/ho-so/${ids.a}`);
    await p
      .getByRole('row', { name: /Hà Thị Mai/ })
      .getByRole('button', { name: 'Trình cấp trên' })
      .click();
    await p.locator('.ant-popconfirm').getByRole('button', { name: 'Trình' }).click();
    await p.getByText('Đã đưa vào hồ sơ trình cấp trên.').first().waitFor();
    await p.goto(`${url}/ho-so/${ids.b}`);
    await p
      .getByRole('row', { name: new RegExp(ids.yName) })
      .getByRole('button', { name: 'Trình cấp trên' })
      .click();
    await p.locator('.ant-popconfirm').getByRole('button', { name: 'Trình' }).click();
    await p.getByText('Vượt chỉ tiêu', { exact: false }).first().waitFor();
    await p.screenshot({ path: `${SHOTS}/dossier-06-quota.png` });
    await p.close();
  });

  it('the Sở’s Tờ trình to the province: the director signs it on a phone, the Office seals it, it joins the dossier', async () => {
    const [upward] = await database.db.select({ id: dossiers.id }).from(dossiers).where(eq(dossiers.level, 'upward'));
    const director = await page('giamdoc');
    await director.setViewportSize({ width: 390, height: 900 });
    await director.goto(`${url}/ho-so/${upward!.id}`);
    const card = director.getByTestId('signatures-to_trinh');
    await card.getByTestId('document-waiting-for-me').waitFor();
    await card.getByTestId('document-sign-number').fill('12');
    await card.getByTestId('document-sign').click();
    await card.getByTestId('document-sign-state').getByText('Những người ký đã ký số').waitFor();
    await director.screenshot({ path: `${SHOTS}/dossier-07-to-trinh-signed-390.png`, fullPage: true });
    await assertFitsScreen(director, 'the dossier page on a phone');
    await director.close();
    const office = await page('vanphong');
    await office.goto(`${url}/ho-so/${upward!.id}`);
    const sealCard = office.getByTestId('signatures-to_trinh');
    await sealCard.getByTestId('document-sign').click();
    await sealCard.getByTestId('document-sign-state').getByText('Đã ký số và đóng dấu của cơ quan').waitFor();
    await sealCard.getByText('tất cả hợp lệ', { exact: false }).waitFor();
    // The signed Tờ trình is now a document of the dossier.
    await office.getByText('Tờ trình (đã ký số)').first().waitFor();
    await office.screenshot({ path: `${SHOTS}/dossier-08-to-trinh-sealed.png`, fullPage: true });
    await office.close();
  });
});
