/**
 * The Office's other duties in the browser (issue 14), the journeys e2e/office.e2e.ts leaves to the
 * API tests, at 1440 and 390 px (each width on its own fresh demo agency):
 *  - a public complaint about a public notice puts that candidate on hold: the director cannot
 *    decide on them until the Office answers, then can;
 *  - that decision's money flows into the fund ledger (commitment, payment) and back out when the
 *    decision is revoked;
 *  - the demo inspection gets two findings and its conclusion; the unit reports on both, the Office
 *    accepts them and closes the inspection.
 * The steps under test go through the UI only. The nominations the notice lists (a dossier through
 * the council vote) and the notice itself are set up through the API first: they are the
 * precondition, walked in the browser by e2e/dossiers.e2e.ts.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { E2E_PASSWORD, SHOTS, cannotRun, launchBrowser, login, startServer } from './helpers.js';
import type { Database } from '../src/server/db/client.js';
import type { App } from '../src/server/app.js';
import { addDays, setClock, todayVn } from '../src/server/clock.js';
import { reviewedDossier } from '../test/helpers/dossiers.js';
import type { Client, Response, TestApp } from '../test/helpers/app.js';

const skip = cannotRun();
const YEAR = Number(todayVn().slice(0, 4));

/** The API as a signed-in user, for the preconditions only (the shape test/helpers/dossiers.ts takes). */
function apiOf(app: App, database: Database): TestApp {
  const login = async (username: string): Promise<Client> => {
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: E2E_PASSWORD } });
    const cookies = { tdkt_session: r.cookies.find((c) => c.name === 'tdkt_session')!.value };
    const csrf = (JSON.parse(r.body) as { csrfToken: string }).csrfToken;
    const call = async (method: 'GET' | 'POST', url: string, payload?: unknown): Promise<Response> => {
      const res = await app.inject({ method, url, cookies, payload: payload as object | undefined, headers: method === 'GET' ? {} : { 'x-csrf-token': csrf } });
      return { status: res.statusCode, body: JSON.parse(res.body || 'null'), headers: res.headers };
    };
    return { csrf, get: (u: string) => call('GET', u), post: (u: string, b?: unknown) => call('POST', u, b ?? {}) } as unknown as Client;
  };
  return { db: database.db, login } as unknown as TestApp;
}

/** Types a date into an antd DatePicker (dd/mm/yyyy) and confirms it. */
async function pickDate(page: Page, testIdOrInput: string | ReturnType<Page['locator']>, ddmmyyyy: string) {
  const input = typeof testIdOrInput === 'string' ? page.getByTestId(testIdOrInput) : testIdOrInput;
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
}

const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

for (const width of [1440, 390]) {
  describe(
    `office, more (${width} px): a complaint holds a notice's candidate, the fund follows the decision, an inspection is followed up`,
    { skip: skip ?? false },
    () => {
      let server: Awaited<ReturnType<typeof startServer>> | undefined;
      let database: Database;
      let app: App;
      let url: string;
      let browser: Browser;
      let candidateName = '';
      const shot = (name: string) => resolve(SHOTS, `office-more-${name}-${width}.png`);
      const page = async (username?: string): Promise<Page> => {
        const p = await browser.newPage({ viewport: { width, height: 900 }, locale: 'vi-VN' });
        if (username) await login(p, url, username);
        return p;
      };

      /** The director selects the candidate among those passed by the council and issues a decision dated `day`. */
      const decide = async (day: string, expected: RegExp, shotName: string) => {
        const head = await page('giamdoc');
        await head.goto(`${url}/quyet-dinh`);
        await head
          .getByRole('row', { name: new RegExp(candidateName) })
          .getByRole('checkbox')
          .check();
        await head.getByTestId('decision-issue').click();
        await pickDate(head, head.locator('.ant-modal .ant-picker input').first(), ddmmyyyy(day));
        await head.getByRole('button', { name: 'Ban hành' }).last().click();
        await head.getByText(expected).first().waitFor();
        await head.screenshot({ path: shot(shotName) });
        await head.close();
      };

      before(async () => {
        server = await startServer();
        ({ database, app, url } = server);
        browser = await launchBrowser();
        // Precondition: one nomination passed by the council, on a public notice of the Sở.
        const t = apiOf(app, database);
        const { candidateIds } = await reviewedDossier(t, 1, { year: YEAR, skip: 5 });
        const office = await t.login('vanphong');
        const notice = await office.post('/api/notices', { candidateIds, title: `Công khai danh sách đề nghị khen thưởng năm ${YEAR}`, workingDays: 10 });
        assert.equal(notice.status, 201, JSON.stringify(notice.body));
        candidateName = (notice.body.items as { displayName: string }[])[0]!.displayName;
      });
      after(async () => {
        setClock(null);
        await browser?.close();
        await server?.stop();
      });

      let petitionTitle = '';
      it('a citizen complains about a candidate of the public notice; the decision on them is held', async () => {
        const p = await page();
        await p.goto(`${url}/cong-khai/lay-y-kien`);
        await p.getByText(candidateName).first().waitFor();
        await p.getByTestId('notice-complain').first().click();
        await p.waitForURL(/\/cong-khai\/don-thu\?noticeId=/);
        // The petition about a notice goes to the agency that posted it: no agency to choose.
        await p.getByTestId('public-agency-of-notice').waitFor();
        await p.getByText('sẽ tạm dừng cho đến khi cơ quan trả lời đơn').waitFor();
        petitionTitle = `Khiếu nại về người được đề nghị khen thưởng (${width})`;
        await p.getByTestId('public-name').fill('Nguyễn Văn Dân');
        await p.getByTestId('public-title').fill(petitionTitle);
        await p.getByTestId('public-content').fill('Người được đề nghị đã bị kỷ luật khiển trách trong năm, đề nghị xem xét lại.');
        await p.screenshot({ path: shot('complaint-form'), fullPage: true });
        await p.getByTestId('public-send').click();
        assert.match((await p.getByTestId('tracking-code').innerText()).replace('Mã tra cứu:', '').trim(), /^[2-9A-Z]{8}-[2-9A-Z]{12}$/);
        await p.close();

        await decide(todayVn(), /tạm dừng.*khiếu nại/, 'decision-held');
      });

      it('the Office answers the complaint; the hold is lifted and the director decides', async () => {
        // The decision comes after the notice's 10 working days (the server's clock, in this process).
        const decisionDay = addDays(todayVn(), 20);
        setClock(decisionDay);
        const office = await page('vanphong');
        await office.goto(`${url}/don-thu`);
        await office.getByTestId('petition-list').getByText(petitionTitle).first().click();
        await office.waitForURL(/\/don-thu\/[0-9a-f-]{36}$/);
        await office.getByText('Đang tạm dừng đến khi trả lời').waitFor();
        await office.getByTestId('petition-text').fill('Đã kiểm tra: quyết định kỷ luật được ban hành sau năm xét, không ảnh hưởng đến việc khen thưởng.');
        await office.getByTestId('petition-answer').click();
        await office.getByTestId('petition-answer-text').waitFor();
        await office.screenshot({ path: shot('complaint-answered'), fullPage: true });
        await office.close();

        await decide(decisionDay, /Đã ban hành Quyết định số/, 'decision-issued');
      });

      it("the decision's money is in the fund ledger, paid, and back out when the decision is revoked", async () => {
        const office = await page('vanphong');
        await office.goto(`${url}/quy-khen-thuong`);
        const row = office.getByTestId('fund-commitments').getByRole('row', { name: new RegExp(candidateName) });
        await row.getByText('Còn phải chi').waitFor();
        const balanceBefore = await office.getByTestId('fund-balance').innerText();
        await row.getByTestId('fund-pay').click();
        await office.getByTestId('pay-voucher').fill(`PC-${width}`);
        await office.getByTestId('fund-pay-ok').click();
        await office.getByText('Đã ghi khoản chi.').first().waitFor();
        await row.getByText('Đã chi', { exact: true }).waitFor();
        await office.getByTestId('fund-entries').getByText(`PC-${width}`).waitFor();
        assert.notEqual(await office.getByTestId('fund-balance').innerText(), balanceBefore, 'the payment leaves the fund');
        await office.screenshot({ path: shot('fund-paid'), fullPage: true });
        await office.close();

        const head = await page('giamdoc');
        await head.goto(`${url}/quyet-dinh`);
        await head.locator('a', { hasText: 'QĐ-' }).first().click();
        const drawer = head.locator('.ant-drawer');
        await drawer.getByPlaceholder('Lý do hủy bỏ').fill('Người được khen thưởng bị kỷ luật trong năm xét (phát hiện sau khi ban hành).');
        await drawer.getByRole('button', { name: /Hủy bỏ quyết định/ }).click();
        await head.locator('.ant-popconfirm').getByRole('button', { name: 'Hủy bỏ' }).click();
        await head.getByText('Đã hủy bỏ khen thưởng.').first().waitFor();
        await head.close();

        const again = await page('vanphong');
        await again.goto(`${url}/quy-khen-thuong`);
        await again
          .getByTestId('fund-commitments')
          .getByRole('row', { name: new RegExp(candidateName) })
          .getByText('Đã hủy bỏ, hoàn quỹ')
          .waitFor();
        const recover = again.getByTestId('fund-totals').locator('.ant-descriptions-item-content').last();
        assert.notEqual((await recover.innerText()).trim(), '0 đ', 'the paid bonus is to be recovered');
        await again.screenshot({ path: shot('fund-returned'), fullPage: true });
        if (width === 390) {
          // The fund's kind switch stays on the screen.
          const box = await again.getByTestId('fund-kind').boundingBox();
          assert.ok(box && box.x >= 0 && box.x + box.width <= width, `fund kind switch within the screen: ${JSON.stringify(box)}`);
        }
        await again.close();
      });

      it('the demo inspection: two findings, the conclusion, the unit reports on both, the Office accepts and closes', async () => {
        const office = await page('vanphong');
        await office.goto(`${url}/kiem-tra`);
        await office.getByTestId('inspections-table').getByText('Trung tâm Ứng dụng').first().click();
        await office.waitForURL(/\/kiem-tra\/[0-9a-f-]{36}$/);
        const inspectionUrl = office.url();
        const findings: [string, string, string][] = [
          ['Hồ sơ đề nghị khen thưởng gửi chậm so với hạn của Sở', 'Lập lịch nội bộ, gửi hồ sơ đúng hạn', `30/11/${YEAR}`],
          ['Chưa cử cán bộ làm công tác thi đua, khen thưởng đi tập huấn', 'Cử cán bộ tham gia lớp bồi dưỡng nghiệp vụ', `31/12/${YEAR}`],
        ];
        for (const [finding, recommendation, due] of findings) {
          await office.getByTestId('finding-new').click();
          await office.getByTestId('finding-finding').fill(finding);
          await office.getByTestId('finding-recommendation').fill(recommendation);
          await pickDate(office, office.getByTestId('finding-due'), due);
          await office.locator('#finding-save').click();
          await office.getByTestId('inspection-findings').getByText(recommendation).first().waitFor();
        }
        await office.getByTestId('inspection-conclude').click();
        await pickDate(office, office.getByTestId('conclude-date'), ddmmyyyy(todayVn()));
        await office.getByTestId('conclude-text').fill('Trung tâm đã triển khai cơ bản công tác thi đua, khen thưởng; còn hai tồn tại cần khắc phục.');
        await office.locator('#conclude-save').click();
        await office
          .getByTestId('inspection-close')
          .waitFor({ state: 'detached' })
          .catch(() => undefined);
        await office.getByText('Trung tâm đã triển khai cơ bản').first().waitFor();
        await office.screenshot({ path: shot('inspection-concluded'), fullPage: true });

        const clerk = await page('donvi');
        await clerk.goto(inspectionUrl);
        for (const seq of [1, 2]) {
          await clerk.getByTestId(`follow-up-${seq}`).click();
          await clerk
            .getByTestId('report-text')
            .fill(seq === 1 ? 'Đã ban hành lịch nội bộ; hồ sơ năm nay gửi đúng hạn.' : 'Đã cử cán bộ dự lớp bồi dưỡng nghiệp vụ tháng 11.');
          await clerk.locator('#report-save').click();
          await clerk.getByTestId(`follow-up-${seq}`).waitFor({ state: 'detached' });
        }
        await clerk.getByText('Đã cử cán bộ dự lớp bồi dưỡng').first().waitFor();
        await clerk.screenshot({ path: shot('inspection-reported'), fullPage: true });
        await clerk.close();

        await office.reload();
        for (const seq of [1, 2]) {
          await office.getByTestId(`accept-${seq}`).click();
          await office.getByTestId(`accept-${seq}`).waitFor({ state: 'detached' });
        }
        await office.getByTestId('inspection-close').click();
        await office.getByTestId('inspection-close').waitFor({ state: 'detached' });
        await office.screenshot({ path: shot('inspection-closed'), fullPage: true });
        await office.close();
      });
    },
  );
}
