/**
 * Issue 18, "everyone is told what waits for them", in the browser: a clerk submits, the Office
 * returns it with reasons from its "Việc cần làm", the clerk reads the notification and the panel
 * item and fixes the dossier; a member finds the open ballot in "Việc cần làm"; the upward dossier
 * carries its documents and cannot leave incomplete. Screens at 1440 and 390 px.
 * The server runs in this process so the test can replay 2021's dates (src/server/clock.ts).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { assertFitsScreen, cannotRun, chooseOption, launchBrowser, login, SHOTS, apiAs, startServer } from './helpers.js';
import type { Database } from '../src/server/db/client.js';
import type { App } from '../src/server/app.js';
import { setClock } from '../src/server/clock.js';
import { councilMembers, deadlines, movementHonors, movements } from '../src/server/db/schema/index.js';

const skip = cannotRun();
const TITLE = 'Đề nghị khen thưởng đợt thi đua của Trung tâm Ứng dụng';
const REASON = 'Báo cáo thành tích của Hà Thị Mai chưa có số liệu minh chứng.';

describe('issue 18 in the browser: notifications, Việc cần làm, the upward dossier', { skip: skip ?? false }, () => {
  let database: Database;
  let app: App;
  let url: string;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let browser: Browser;
  let dossierId = '';

  async function page(username: string, width = 1440): Promise<Page> {
    const p = await browser.newPage({ viewport: { width, height: width > 500 ? 1000 : 844 }, locale: 'vi-VN' });
    await login(p, url, username);
    return p;
  }
  async function addDocument(p: Page, kind: string, who: string | null, content: string, vote: string | null) {
    await p.getByTestId('document-add').click();
    await chooseOption(p, 'document-kind', kind);
    if (who) await chooseOption(p, 'document-candidate', who);
    if (vote) await p.getByPlaceholder('Ví dụ: 5/6 thành viên đồng ý').fill(vote);
    await p.getByTestId('document-content').fill(content);
    await p.getByRole('button', { name: 'Lưu' }).click();
    await p.getByText('Đã thêm tài liệu.').first().waitFor();
  }
  const api = (username: string) => apiAs(app, username);

  before(async () => {
    setClock('2021-06-10');
    server = await startServer();
    ({ database, app, url } = server);
    const { demo } = server;
    browser = await launchBrowser();
    // Seed 001's movement: Bằng khen tỉnh 01 for the whole Sở; dossiers by 18/6/2021.
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
    await database.db.insert(movementHonors).values([
      { movementId: m!.id, honor: 'BK_BO_TINH', quota: 1, quotaNote: '01 tập thể hoặc 01 cá nhân' },
      { movementId: m!.id, honor: 'GK' },
    ]);
    await database.db.insert(deadlines).values({
      sourceType: 'movement',
      sourceId: m!.id,
      key: 'x-units_submit',
      unitId: demo.rootUnitId,
      audience: 'units',
      kind: 'unit_submission',
      title: 'Hạn nộp hồ sơ đợt thi đua',
      dueDate: '2021-06-15',
      link: '/ho-so',
    });
    await database.db.update(councilMembers).set({ fromDate: '2020-01-01' });
  });
  after(async () => {
    setClock(null);
    await browser?.close();
    await server?.stop();
  });

  it("the clerk sees this week's deadline in Việc cần làm, builds her dossier and submits it", async () => {
    const p = await page('donvi');
    const todo = p.getByTestId('todo-panel');
    await todo.getByText('Hạn nộp hồ sơ đợt thi đua').waitFor();
    await todo.getByText('hạn 15/06/2021', { exact: false }).waitFor();
    await p.goto(`${url}/ho-so`);
    await p.getByTestId('dossier-new').click();
    await chooseOption(p, 'dossier-movement', 'Đợt thi đua chào mừng 80 năm');
    await p.getByTestId('dossier-title').fill(TITLE);
    await p.getByRole('button', { name: 'Lập hồ sơ' }).last().click();
    await p.getByTestId('candidate-table').waitFor();
    dossierId = p.url().split('/').pop()!;
    await chooseOption(p, 'candidate-person', 'Hà Thị Mai', 'Mai');
    await chooseOption(p, 'candidate-honor', 'Bằng khen bộ, ban, ngành, tỉnh');
    await p.getByTestId('candidate-add').click();
    await p.getByTestId('candidate-table').getByText('Hà Thị Mai').first().waitFor();
    await addDocument(p, 'Tờ trình đề nghị khen thưởng', null, 'Trung tâm kính đề nghị Giám đốc Sở xét khen thưởng.', null);
    await addDocument(p, 'Biên bản họp xét', null, 'Họp xét ngày 10/6/2021.', '5/5 thành viên đồng ý');
    await addDocument(p, 'Báo cáo thành tích', 'Hà Thị Mai', 'Thành tích tiêu biểu của đợt thi đua.', null);
    await p.getByTestId('dossier-submit').click();
    await p.getByTestId('dossier-status').getByText('Đã nộp, chờ tiếp nhận').waitFor();
    await p.close();
  });

  it('the Office finds it in Việc cần làm and returns it with the reason', async () => {
    const p = await page('vanphong');
    const todo = p.getByTestId('todo-panel');
    await todo.getByTestId('todo-receive').waitFor();
    await p.screenshot({ path: `${SHOTS}/notify-01-office-todo-1440.png`, fullPage: true });
    await todo.getByRole('link', { name: TITLE }).click();
    await p.waitForURL(`**/ho-so/${dossierId}`);
    await p.getByTestId('dossier-return').click();
    await p.getByTestId('return-reasons-input').fill(REASON);
    await p.getByRole('button', { name: 'Trả lại' }).last().click();
    await p.getByTestId('dossier-status').getByText('Bị trả lại, cần bổ sung').waitFor();
    await p.close();
  });

  it('the clerk is told in the bell and in Việc cần làm, opens the dossier from there, fixes it and resubmits', async () => {
    // The phone first (looking only), then the desktop, where she fixes it.
    for (const width of [390, 1440]) {
      const p = await page('donvi', width);
      await p.getByTestId('todo-returned').waitFor();
      await p.getByTestId('todo-panel').getByText(`Lý do: ${REASON}`).waitFor();
      await p.getByTestId('notification-bell').click();
      const panel = p.getByTestId('notification-panel');
      await panel.getByText(`Hồ sơ "${TITLE}" bị trả lại, cần bổ sung`).waitFor();
      await panel.getByText(REASON, { exact: false }).waitFor();
      await p.screenshot({ path: `${SHOTS}/notify-02-clerk-bell-${width}.png`, fullPage: width > 500 });
      if (width < 500) await assertFitsScreen(p, 'việc cần làm');
      if (width > 500) {
        await panel.getByText(`Hồ sơ "${TITLE}" bị trả lại, cần bổ sung`).click();
        await p.waitForURL(`**/ho-so/${dossierId}`);
        await p.getByTestId('return-reasons').getByText(REASON).waitFor();
        await addDocument(p, 'Báo cáo thành tích', 'Hà Thị Mai', 'Bổ sung số liệu: 3 đề tài nghiệm thu xuất sắc trong đợt thi đua.', null);
        await p.getByTestId('dossier-submit').click();
        await p.getByTestId('dossier-status').getByText('Đã nộp, chờ tiếp nhận').waitFor();
      } else {
        await p
          .locator('.ant-drawer')
          .getByRole('button', { name: /close|đóng/i })
          .first()
          .click();
        await p.screenshot({ path: `${SHOTS}/notify-03-clerk-home-390.png`, fullPage: true });
      }
      await p.close();
    }
  });

  it('the Office receives; once the session opens, the member finds the open ballot in Việc cần làm and votes', async () => {
    const p = await page('vanphong');
    await p.getByTestId('notification-bell').click();
    await p.getByTestId('notification-panel').getByText(`Hồ sơ mới chờ tiếp nhận: "${TITLE}"`).first().click();
    await p.waitForURL(`**/ho-so/${dossierId}`);
    await p.getByTestId('dossier-receive').click();
    await p.getByTestId('dossier-status').getByText('Đã tiếp nhận').waitFor();
    // Appraisal and the agenda are the Office's screens of another journey (e2e/dossiers.e2e.ts); here through the API.
    const office = await api('vanphong');
    const det = (await office('GET', `/api/dossiers/${dossierId}`)).body;
    const cand = det.candidates[0].id as string;
    assert.equal((await office('POST', `/api/dossiers/${dossierId}/candidates/${cand}/appraise`, { note: 'Đủ điều kiện.' })).status, 200);
    const council = (await office('GET', '/api/councils')).body.items.find((c: { kind: string }) => c.kind === 'tdkt');
    const s = (
      await office('POST', '/api/sessions', { councilId: council.id, title: 'Phiên họp Hội đồng TĐKT Sở', meetingDate: '2021-06-22', candidateIds: [cand] })
    ).body;
    await p.goto(`${url}/`);
    await p.getByTestId('todo-prepare').waitFor();
    await p.getByTestId('todo-panel').getByRole('link', { name: 'Phiên họp Hội đồng TĐKT Sở' }).click();
    await p.getByTestId('session-open').click();
    await p.getByText('Đang họp, bỏ phiếu').first().waitFor();
    const member = await api('hoidong');
    const todo = (await member('GET', '/api/me/todo')).body;
    const state = (await office('GET', `/api/sessions/${s.id}`)).body.status;
    assert.ok(
      todo.sections.some((x: { key: string }) => x.key === 'ballots'),
      `the member's todo has the ballot (session ${state}): ${JSON.stringify(todo)}`,
    );
    // The phone first (looking only), then the desktop, where she votes.
    for (const width of [390, 1440]) {
      const m = await page('hoidong', width);
      await m.getByTestId('todo-ballots').waitFor();
      await m.getByTestId('todo-panel').getByText('Còn 1 đề nghị chưa bỏ phiếu (họp ngày 22/06/2021)').waitFor();
      await m.screenshot({ path: `${SHOTS}/notify-04-member-todo-${width}.png`, fullPage: true });
      if (width < 500) await assertFitsScreen(m, 'việc cần làm');
      if (width > 500) {
        await m.getByTestId('todo-panel').getByRole('link', { name: 'Phiên họp Hội đồng TĐKT Sở' }).click();
        const ballot = m.getByTestId('my-ballot');
        await ballot.waitFor();
        for (const radio of await ballot.getByRole('radio', { name: 'Đồng ý', exact: true }).all()) await radio.check();
        await m.getByTestId('ballot-cast').click();
        await m.getByText('Bạn đã bỏ phiếu cho tất cả đề nghị', { exact: false }).waitFor();
        await m.goto(`${url}/`);
        await m.getByTestId('todo-panel').waitFor();
        assert.equal(await m.getByTestId('todo-ballots').count(), 0, 'the ballot leaves Việc cần làm once cast');
      }
      await m.close();
    }
    const items = (await office('GET', `/api/sessions/${s.id}`)).body.items as { id: string }[];
    for (const u of ['giamdoc', 'vanphong'])
      assert.equal(
        (await (await api(u))('POST', `/api/sessions/${s.id}/ballots`, { votes: items.map((i) => ({ itemId: i.id, choice: 'approve' })) })).status,
        200,
      );
    await office('POST', `/api/sessions/${s.id}/paper-ballots`, { items: items.map((i) => ({ itemId: i.id, approve: 1, reject: 0, abstain: 0 })) });
    await p.reload();
    await p.getByTestId('session-close').click();
    await p.locator('.ant-popconfirm').getByRole('button', { name: 'Kết thúc' }).click();
    await p.getByText('Đã kết thúc').first().waitFor();
    await p.close();
  });

  it('the upward dossier carries the report and the minutes, refuses to leave without the Tờ trình, then goes with a labelled receiver', async () => {
    setClock('2021-06-25');
    const p = await page('vanphong');
    await p.goto(`${url}/ho-so/${dossierId}`);
    await p
      .getByRole('row', { name: /Hà Thị Mai/ })
      .getByRole('button', { name: 'Trình cấp trên' })
      .click();
    await p.locator('.ant-popconfirm').getByRole('button', { name: 'Trình' }).click();
    await p.getByText('Đã đưa vào hồ sơ trình cấp trên.').first().waitFor();
    await p.goto(`${url}/ho-so`);
    // The Office's own dossiers: the upward one is the Sở's.
    await p.getByRole('tab', { name: 'Hồ sơ của cơ quan (trình cấp trên)' }).click();
    await p.getByTestId('dossier-table').getByText('Hồ sơ đề nghị cấp trên khen thưởng', { exact: false }).first().click();
    // Both of Mai's achievement reports (the first and the one with figures) and the council's minutes.
    await p.getByText('Tài liệu (3)').waitFor();
    await p.getByText('Báo cáo thành tích — Hà Thị Mai').first().waitFor();
    await p.getByText('Biên bản họp Hội đồng Thi đua - Khen thưởng — Hà Thị Mai').waitFor();
    await p.getByRole('button', { name: 'Trình cấp trên' }).first().click();
    const modal = p.locator('.ant-modal:visible');
    await modal.getByText('Hồ sơ chưa đủ thành phần, chưa trình được').waitFor();
    assert.equal(await p.locator('#forward-ok').isDisabled(), true, 'cannot forward while something is missing');
    await p.screenshot({ path: `${SHOTS}/notify-05-upward-incomplete-1440.png` });
    await modal.getByRole('button', { name: 'Hủy' }).click();
    await addDocument(p, 'Tờ trình đề nghị khen thưởng', null, 'Sở Khoa học và Công nghệ kính trình Chủ tịch UBND tỉnh xét tặng Bằng khen.', null);
    await p.getByText('Đủ thành phần theo quy định').waitFor();
    await p.getByRole('button', { name: 'Trình cấp trên' }).first().click();
    await p.getByLabel('Cơ quan nhận hồ sơ').fill('Ban Thi đua - Khen thưởng tỉnh Cao Bằng');
    await p.locator('#forward-ok').click();
    await p.getByText('Đã trình cấp trên.').first().waitFor();
    await p.screenshot({ path: `${SHOTS}/notify-06-upward-forwarded-1440.png`, fullPage: true });
    await p.close();
  });
});
