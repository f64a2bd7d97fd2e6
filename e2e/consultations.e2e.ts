/**
 * Hiệp y (issue 16) in the browser, at 1440 and 390 px: the Office asks the police and the Party's
 * inspection committee about a dossier's candidates from the dossier page (the form prefilled from
 * the rule pack and the address book), downloads the letter, is told on the deadline day which body
 * is still silent, records one agreeing and one disagreeing answer with the scanned replies; a second
 * request lapses, shows overdue, and is cancelled with a reason; the result is on the dossier for
 * the council. The server runs in this process so the test moves the one clock (src/server/clock.ts);
 * the browser's clock follows it (the forms' "today").
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { assertFitsScreen, cannotRun, launchBrowser, login, SHOTS, apiAs, startServer } from './helpers.js';
import type { Database } from '../src/server/db/client.js';
import type { App } from '../src/server/app.js';
import { instantVn, now, setClock } from '../src/server/clock.js';
import { notifyConsultationDeadlines } from '../src/server/commands/consultations.js';

const skip = cannotRun();
const TITLE = 'Đề nghị Bằng khen UBND tỉnh năm 2026 cho cá nhân của Sở';
const PEOPLE = ['Triệu Văn Sơn', 'Hoàng Văn Thạch'];
const REASON = 'Đang trong thời gian xem xét kỷ luật theo Quyết định số 12-QĐ/UBKT.';
// Wednesday 11/03/2026; the pack's 7 working days end on Friday 20/03/2026.
const START = instantVn('2026-03-11', '09:00');
const DEADLINE_DAY = instantVn('2026-03-20', '08:30');
const AFTER_DEADLINE = instantVn('2026-03-23', '08:30');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe(
  'hiệp y in the browser: request from a dossier, letter, answers with files, deadline notices, cancel, result on the dossier',
  { skip: skip ?? false },
  () => {
    let server: Awaited<ReturnType<typeof startServer>> | undefined;
    let database: Database;
    let app: App;
    let url: string;
    let browser: Browser;
    let dossierId = '';
    let firstId = '';
    let secondId = '';

    async function page(username: string, width = 1440): Promise<Page> {
      const ctx = await browser.newContext({ viewport: { width, height: width > 500 ? 1000 : 844 }, locale: 'vi-VN', acceptDownloads: true });
      // The browser's "today" (date pickers' defaults) is the server's.
      await ctx.clock.setFixedTime(now());
      const p = await ctx.newPage();
      await login(p, url, username);
      return p;
    }
    async function close(p: Page) {
      await p.context().close();
    }
    async function shot(p: Page, name: string, width: number) {
      await p.screenshot({ path: `${SHOTS}/consultations-${name}-${width}.png`, fullPage: true });
    }
    const api = (username: string) => apiAs(app, username);
    /** The file a click downloads: DocumentDownloads opens it in a new tab (the download may be reported on either tab). */
    async function downloadOf(p: Page, click: () => Promise<void>): Promise<Download> {
      let timer: NodeJS.Timeout | undefined;
      const got = new Promise<Download>((res, rej) => {
        p.once('download', res);
        p.context().once('page', (tab) => tab.once('download', res));
        timer = setTimeout(() => rej(new Error('no download within 30 s')), 30_000);
      });
      await click();
      try {
        return await got;
      } finally {
        clearTimeout(timer);
      }
    }
    /** Sends a request from the dossier page's hiệp y card, with the bodies given (the others unticked). */
    async function sendRequest(p: Page, bodies: string[], numberText: string) {
      await p.goto(`${url}/ho-so/${dossierId}`);
      await p.getByTestId('consultation-new').click();
      const modal = p.locator('.ant-modal').filter({ hasText: 'Xin ý kiến hiệp y' });
      const list = modal.getByTestId('consultation-bodies');
      await list.getByText('Công an tỉnh Cao Bằng').waitFor();
      for (const box of await list.locator('label.ant-checkbox-wrapper').all()) {
        const name = (await box.innerText()).trim();
        const want = bodies.some((b) => name.startsWith(b));
        const checked = await box.locator('input').isChecked();
        if (want !== checked) await box.click();
      }
      await modal.getByTestId('consultation-number').fill(numberText);
      return modal;
    }

    before(async () => {
      setClock(START);
      server = await startServer();
      ({ database, app, url } = server);
      browser = await launchBrowser();
      // The dossier itself is the pipeline's journey (e2e/dossiers.e2e.ts); here it is made through the API.
      const office = await api('vanphong');
      const d = await office('POST', '/api/dossiers', { type: 'cong_trang', year: 2026, title: TITLE });
      assert.equal(d.status, 201, JSON.stringify(d.body));
      dossierId = d.body.id;
      for (const name of PEOPLE) {
        const found = await office('GET', `/api/people?q=${encodeURIComponent(name)}`);
        const person = found.body.items.find((x: { fullName: string }) => x.fullName === name);
        assert.ok(person, name);
        const c = await office('POST', `/api/dossiers/${dossierId}/candidates`, {
          subjectKind: 'individual',
          personId: person.id,
          proposedHonor: 'BK_BO_TINH',
        });
        assert.equal(c.status, 201, JSON.stringify(c.body));
      }
    });
    after(async () => {
      setClock(null);
      await browser?.close();
      await server?.stop();
    });

    it('the Office opens "Xin ý kiến hiệp y" on the dossier: candidates, the bodies of the pack and the deadline are filled in; sends it and downloads the letter', async () => {
      const p = await page('vanphong');
      await p.goto(`${url}/ho-so/${dossierId}`);
      await p.getByTestId('dossier-consultations').getByText('Chưa xin ý kiến hiệp y cho hồ sơ này.').waitFor();
      await p.getByTestId('consultation-new').click();
      const modal = p.locator('.ant-modal').filter({ hasText: 'Xin ý kiến hiệp y' });
      const candidates = modal.getByTestId('consultation-candidates');
      for (const name of PEOPLE) assert.equal(await candidates.getByRole('checkbox', { name: new RegExp(name) }).isChecked(), true, name);
      const bodies = modal.getByTestId('consultation-bodies');
      assert.equal(await bodies.getByRole('checkbox', { name: /Công an tỉnh Cao Bằng/ }).isChecked(), true);
      assert.equal(await bodies.getByRole('checkbox', { name: /Ủy ban Kiểm tra Tỉnh ủy/ }).isChecked(), true);
      assert.equal(await bodies.getByRole('checkbox', { name: /Thuế tỉnh/ }).isChecked(), false);
      assert.equal(await modal.getByTestId('consultation-deadline').inputValue(), '20/03/2026');
      await modal.getByText('Trả lời trong 7 ngày làm việc', { exact: false }).waitFor();
      await modal.getByTestId('consultation-number').fill('15/SKHCN-VP');
      await shot(p, '01-request-form', 1440);
      await modal.getByTestId('consultation-send').click();
      await p.waitForURL(/\/hiep-y\/[0-9a-f-]{36}$/);
      firstId = p.url().split('/').pop()!;
      await p.getByTestId('answer-table').getByText('Công an tỉnh Cao Bằng').waitFor();
      await p.getByText('Đang chờ trả lời').first().waitFor();
      // The letter: DocumentDownloads opens it in a new tab, which the browser saves.
      const dl = await downloadOf(p, () => p.getByTestId('consultation-letter-docx').click());
      const docx = resolve(SHOTS, 'consultations-letter.docx');
      await dl.saveAs(docx);
      assert.equal(readFileSync(docx).subarray(0, 2).toString(), 'PK');
      assert.match(dl.suggestedFilename(), /\.docx$/);
      await shot(p, '02-request-page', 1440);
      await close(p);
    });

    it('records the police agreeing, with the scanned reply', async () => {
      const p = await page('vanphong');
      await p.goto(`${url}/hiep-y/${firstId}`);
      const row = p.getByTestId('answer-table').locator('tr').filter({ hasText: 'Công an tỉnh Cao Bằng' });
      await row.getByTestId('answer-record').click();
      const modal = p.locator('.ant-modal').filter({ hasText: 'Ý kiến trả lời của Công an tỉnh Cao Bằng' });
      assert.equal(await modal.getByTestId('answer-date').inputValue(), '11/03/2026');
      await modal.getByTestId('answer-number').fill('120/CAT-PV01');
      await modal.locator('input[type="file"]').setInputFiles({ name: 'cong-an-tra-loi.pdf', mimeType: 'application/pdf', buffer: PDF });
      await modal.getByTestId('answer-save').click();
      await p.getByText('Đã ghi ý kiến của Công an tỉnh Cao Bằng.').first().waitFor();
      await row.getByTestId('answer-state').getByText('Đồng ý').waitFor();
      await row.getByTestId('answer-file-link').getByText('cong-an-tra-loi.pdf').waitFor();
      await close(p);
    });

    it('on the phone the Office sends a second request, to the tax office only', async () => {
      const p = await page('vanphong', 390);
      const modal = await sendRequest(p, ['Thuế tỉnh Cao Bằng'], '16/SKHCN-VP');
      await shot(p, '03-request-form', 390);
      await modal.getByTestId('consultation-send').click();
      await p.waitForURL(/\/hiep-y\/[0-9a-f-]{36}$/);
      secondId = p.url().split('/').pop()!;
      assert.notEqual(secondId, firstId);
      await p.getByTestId('answer-table').getByText('Thuế tỉnh Cao Bằng').waitFor();
      await shot(p, '04-request-page', 390);
      await assertFitsScreen(p, 'hiệp y');
      await close(p);
    });

    it('on the deadline day the Office is told in the bell and in Việc cần làm who has not answered; opens it from there and records the disagreement with its file', async () => {
      setClock(DEADLINE_DAY);
      assert.ok((await notifyConsultationDeadlines(database.db)) >= 2);
      const p = await page('vanphong');
      const todo = p.getByTestId('todo-panel');
      await todo.getByText(`Hạn trả lời hiệp y (công văn 15/SKHCN-VP): ${TITLE}`).waitFor();
      await todo.getByText(`Hạn trả lời hiệp y (công văn 16/SKHCN-VP): ${TITLE}`).waitFor();
      await todo.getByText('hạn 20/03/2026 (hôm nay)', { exact: false }).first().waitFor();
      await p.getByTestId('notification-bell').click();
      const panel = p.getByTestId('notification-panel');
      await panel.getByText(`Hôm nay là hạn trả lời hiệp y: ${TITLE}`).first().waitFor();
      await panel.getByText('Chưa có ý kiến trả lời của Ủy ban Kiểm tra Tỉnh ủy Cao Bằng.').waitFor();
      await shot(p, '05-deadline-bell', 1440);
      await panel.getByText('Chưa có ý kiến trả lời của Ủy ban Kiểm tra Tỉnh ủy Cao Bằng.').click();
      await p.waitForURL(`**/hiep-y/${firstId}`);
      const row = p.getByTestId('answer-table').locator('tr').filter({ hasText: 'Ủy ban Kiểm tra Tỉnh ủy Cao Bằng' });
      await row.getByTestId('answer-record').click();
      const modal = p.locator('.ant-modal').filter({ hasText: 'Ý kiến trả lời của Ủy ban Kiểm tra Tỉnh ủy Cao Bằng' });
      await modal.getByTestId('answer-kind').getByText('Không đồng ý').click();
      // Without naming who and why, the answer cannot be saved.
      assert.equal(await modal.getByTestId('answer-save').isDisabled(), true);
      await modal.getByTestId('answer-objections').getByText(PEOPLE[1]!).click();
      await modal.getByTestId('answer-reason').fill(REASON);
      await modal.getByTestId('answer-number').fill('45-CV/UBKTTU');
      await modal.locator('input[type="file"]').setInputFiles({ name: 'ubkt-tra-loi.pdf', mimeType: 'application/pdf', buffer: PDF });
      await shot(p, '06-answer-disagree', 1440);
      await modal.getByTestId('answer-save').click();
      await p.getByText('Đã ghi ý kiến của Ủy ban Kiểm tra Tỉnh ủy Cao Bằng.').first().waitFor();
      await row.getByTestId('answer-state').getByText('Không đồng ý').waitFor();
      await row.getByText(`${PEOPLE[1]}: ${REASON}`).waitFor();
      await p.getByText('Đã đủ ý kiến').first().waitFor();
      await p.getByTestId('candidate-result-table').getByText('Có ý kiến không đồng ý').waitFor();
      await shot(p, '07-request-answered', 1440);
      await close(p);
    });

    it('after the deadline the silent tax office counts as "no opinion": the list marks it overdue, the Office is told, and cancels it with a reason on the phone', async () => {
      setClock(AFTER_DEADLINE);
      assert.ok((await notifyConsultationDeadlines(database.db)) >= 1);
      const desk = await page('vanphong');
      await desk.getByTestId('main-menu').getByText('Hiệp y khen thưởng').click();
      await desk.getByTestId('consultation-filter').getByText('Quá hạn').click();
      const table = desk.getByTestId('consultation-table');
      await table.getByTestId('consultation-overdue').first().waitFor();
      assert.equal(await table.getByTestId('consultation-row-link').count(), 1);
      await shot(desk, '08-list-overdue', 1440);
      await desk.getByTestId('notification-bell').click();
      await desk.getByTestId('notification-panel').getByText('Thuế tỉnh Cao Bằng không trả lời trong hạn', { exact: false }).first().waitFor();
      await close(desk);

      const p = await page('vanphong', 390);
      await p.goto(`${url}/hiep-y?`);
      await p.getByTestId('consultation-filter').getByText('Quá hạn').click();
      await p.getByTestId('consultation-table').getByTestId('consultation-overdue').first().waitFor();
      await shot(p, '09-list-overdue', 390);
      await assertFitsScreen(p, 'hiệp y');
      await p.getByTestId('consultation-table').getByTestId('consultation-row-link').first().click();
      await p.waitForURL(`**/hiep-y/${secondId}`);
      await p.getByTestId('answer-state').getByText('Không có ý kiến (quá hạn)').waitFor();
      await p.getByTestId('consultation-cancel').click();
      const ok = p.locator('#consultation-cancel-ok');
      assert.equal(await ok.isDisabled(), true);
      await p.getByTestId('cancel-reason').fill('Gửi nhầm cơ quan; hồ sơ không thuộc diện hiệp y thuế.');
      await ok.click();
      await p.getByTestId('consultation-cancelled').getByText('Gửi nhầm cơ quan', { exact: false }).waitFor();
      assert.equal(await p.getByTestId('consultation-cancel').count(), 0);
      assert.equal(await p.getByTestId('answer-record').count(), 0);
      await shot(p, '10-cancelled', 390);
      await assertFitsScreen(p, 'hiệp y');
      await p.goto(`${url}/hiep-y`);
      await p.getByTestId('consultation-filter').getByText('Đã hủy').click();
      await p.getByTestId('consultation-table').getByText('Đã hủy').first().waitFor();
      await close(p);
    });

    it('the result is on the dossier, for the Office and for the council leader who votes (phone); the cancelled request does not count', async () => {
      const p = await page('vanphong');
      await p.goto(`${url}/ho-so/${dossierId}`);
      const card = p.getByTestId('dossier-consultations');
      await card.getByTestId('consultation-flagged').getByText('1 người/tập thể có cơ quan không đồng ý').waitFor();
      await card.getByText(`Ủy ban Kiểm tra Tỉnh ủy Cao Bằng: ${REASON}`).waitFor();
      assert.equal(await card.getByTestId('consultation-link').count(), 2);
      // The committee disagreed about one person only: the other's row does not show its "Không đồng ý".
      const other = card.getByTestId('consultation-result-table').locator('tr').filter({ hasText: PEOPLE[0]! });
      await other.getByText('Không có ý kiến khác').waitFor();
      assert.equal(await other.getByTestId('answer-state').getByText('Không đồng ý', { exact: true }).count(), 0);
      // Only the open request's bodies: the tax office of the cancelled one is not in the result.
      assert.equal(await card.getByTestId('consultation-result-table').getByText('Thuế tỉnh Cao Bằng').count(), 0);
      await shot(p, '11-dossier-result', 1440);
      await close(p);

      const head = await page('giamdoc', 390);
      await head.goto(`${url}/ho-so/${dossierId}`);
      const hc = head.getByTestId('dossier-consultations');
      await hc.getByTestId('consultation-flagged').waitFor();
      await hc.getByText(REASON, { exact: false }).waitFor();
      assert.equal(await hc.getByTestId('consultation-new').count(), 0);
      await shot(head, '12-dossier-result-head', 390);
      await assertFitsScreen(head, 'hiệp y');
      await close(head);
    });
  },
);
