/**
 * Issue 19 in the browser, concepts 3 and 4: windows with an opening and per-honor deadlines in a
 * movement, and public notices with their own number, a window between two dates, a replacement and a
 * withdrawal.
 *  - At 1440 px the Office drafts a movement with a registration window and two deadlines that apply to
 *    some honors only (Cờ and CSTĐ tỉnh by 15/10, TTLĐXS and Bằng khen by 30/11), launches it and finds
 *    both windows on the movement page and in the calendar.
 *  - At 390 px the Office posts a notice between two dates, replaces it by a new one (the candidates
 *    carry over, the old one shows as replaced), withdraws another with a reason, and the public portal
 *    shows that one as withdrawn.
 * The nominations the notices list (a dossier through the council vote) are set up through the API
 * first: that walk is e2e/dossiers.e2e.ts's.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { E2E_PASSWORD, SHOTS, apiAs, assertFitsScreen, cannotRun, chooseOption, launchBrowser, login, startServer } from './helpers.js';
import type { Database } from '../src/server/db/client.js';
import type { App } from '../src/server/app.js';
import { addDays, todayVn } from '../src/server/clock.js';
import { reviewedDossier } from '../test/helpers/dossiers.js';
import type { Client, Response, TestApp } from '../test/helpers/app.js';

const skip = cannotRun();
const TODAY = todayVn();
/** Next year: every window of the movement is still to come whatever day the test runs. */
const Y = Number(TODAY.slice(0, 4)) + 1;
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

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

/** Types the two days of an antd RangePicker (dd/mm/yyyy); `from` may be empty when the opening is optional. */
async function pickRange(page: Page, picker: Locator, from: string | null, to: string) {
  const inputs = picker.locator('input');
  if (from) {
    await inputs.nth(0).click();
    await inputs.nth(0).fill(from);
    await inputs.nth(0).press('Enter');
  }
  await inputs.nth(1).click();
  await inputs.nth(1).fill(to);
  await inputs.nth(1).press('Enter');
  await page.keyboard.press('Escape');
}

async function pickDate(page: Page, input: Locator, day: string) {
  await input.click();
  await input.fill(day);
  await input.press('Enter');
  await page.keyboard.press('Escape');
}

describe('deadline windows and public notices in the browser (issue 19)', { skip: skip ?? false }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let names: string[] = [];
  const shot = (name: string) => resolve(SHOTS, `windows-notices-${name}.png`);
  const page = async (width: number, username?: string): Promise<Page> => {
    const p = await browser.newPage({ viewport: { width, height: 900 }, locale: 'vi-VN' });
    if (username) await login(p, server.url, username);
    return p;
  };

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // Precondition: three nominations passed by the council (walked in the browser elsewhere).
    const t = apiOf(server.app, server.database);
    await reviewedDossier(t, 3, { year: Number(TODAY.slice(0, 4)), skip: 7 });
    const office = await apiAs(server.app, 'vanphong');
    const ready = (await office('GET', '/api/decisions/ready')).body.items as { displayName: string }[];
    names = ready.map((c) => c.displayName);
    assert.ok(names.length >= 3, JSON.stringify(ready));
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  let movementId = '';
  it('the Office drafts a movement with a registration window and two per-honor deadlines (1440 px)', async () => {
    const p = await page(1440, 'vanphong');
    await p.goto(`${server.url}/phong-trao/moi`);
    const editor = p.getByTestId('movement-editor');
    await editor.waitFor();
    await editor.getByLabel('Năm').fill(String(Y));
    await pickRange(p, editor.locator('.ant-picker-range').first(), `01/01/${Y}`, `31/12/${Y}`);
    await editor.getByLabel('Tên phong trào').fill(`Phong trào thi đua "Cán bộ, công chức thi đua thực hiện văn hóa công sở" năm ${Y}`);
    await pickDate(p, p.getByTestId('movement-registration-start'), `10/09/${Y}`);
    await pickDate(p, editor.getByLabel('Hạn đăng ký thi đua'), `30/09/${Y}`);

    const deadlines = editor.locator('.ant-card').filter({ hasText: 'Thời hạn (gửi hồ sơ' });
    const rows = p.getByTestId('movement-deadline-row');
    const addRow = async (title: string, from: string, to: string, days: number, kind: string, honors: string[]) => {
      await deadlines.getByRole('button', { name: 'Thêm' }).click();
      const row = rows.last();
      await row.getByPlaceholder('Nội dung (Hồ sơ đề nghị Cờ thi đua…)').fill(title);
      await pickRange(p, row.locator('.ant-picker-range'), from, to);
      await row.getByPlaceholder('Số ngày').fill(String(days));
      await chooseOption(p, row.locator('.ant-select').nth(1), kind, undefined, true);
      const honorSelect = row.locator('.ant-select').nth(2);
      await honorSelect.click();
      for (const h of honors) {
        await p.keyboard.type(h.slice(0, 12));
        await p.locator('.ant-select-dropdown:visible').getByText(h, { exact: true }).first().click();
      }
      await p.keyboard.press('Escape');
    };
    await addRow('Hồ sơ đề nghị Cờ thi đua, Chiến sĩ thi đua tỉnh', `01/10/${Y}`, `15/10/${Y}`, 15, 'ngày', [
      'Cờ thi đua bộ, ban, ngành, tỉnh',
      'Chiến sĩ thi đua bộ, ban, ngành, tỉnh',
    ]);
    await addRow('Hồ sơ đề nghị Tập thể lao động xuất sắc, Bằng khen', `02/11/${Y}`, `30/11/${Y}`, 21, 'ngày làm việc', [
      'Tập thể lao động xuất sắc',
      'Bằng khen bộ, ban, ngành, tỉnh',
    ]);
    await p.getByTestId('movement-number').fill(`125/KH-SNV`);
    await p.screenshot({ path: shot('editor-1440'), fullPage: true });
    await p.getByTestId('movement-save').click();
    const refused = p.locator('.ant-message-error, .ant-form-item-explain-error').first();
    await Promise.race([
      p.waitForURL(/\/phong-trao\/[0-9a-f-]{36}$/),
      refused.waitFor().then(async () => assert.fail(`not saved: ${await refused.innerText()}`)),
    ]);
    movementId = p.url().split('/').pop()!;

    // Launch (with its confirmation), then read both windows on the movement page.
    await p.getByTestId('movement-launch').click();
    await p.locator('.ant-popconfirm').getByRole('button', { name: 'Phát động' }).click();
    await p.getByText('Đã phát động phong trào').waitFor();
    const list = p.getByTestId('deadline-list');
    await list.getByText(`từ ngày 01/10/${Y} đến hết ngày 15/10/${Y} (15 ngày)`).waitFor();
    await list.getByText('Áp dụng cho: Cờ thi đua bộ, ban, ngành, tỉnh, Chiến sĩ thi đua bộ, ban, ngành, tỉnh').waitFor();
    await list.getByText(`từ ngày 02/11/${Y} đến hết ngày 30/11/${Y} (21 ngày làm việc)`).waitFor();
    await list.getByText('Áp dụng cho: Tập thể lao động xuất sắc, Bằng khen bộ, ban, ngành, tỉnh').waitFor();
    const text = await list.innerText();
    assert.match(text, new RegExp(`10/09/${Y}`), 'the registration opening is shown');
    assert.doesNotMatch(text, /unit_submission|calendar|working|CO_BO_TINH|TTLDXS/, 'no raw codes');
    await p.screenshot({ path: shot('movement-1440'), fullPage: true });

    // The calendar: October of that year, as a list, holds both windows with their opening.
    await p.goto(`${server.url}/lich`);
    const header = p.locator('.ant-picker-calendar-header');
    const pick = async (select: string, option: RegExp) => {
      await header.locator(select).click();
      await p.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
    };
    await pick('.ant-picker-calendar-year-select', new RegExp(`^${Y}$`));
    await pick('.ant-picker-calendar-month-select', /(^|\D)10$/);
    await p.getByText('Hồ sơ đề nghị Cờ thi đua, Chiến sĩ thi đua tỉnh').first().waitFor();
    await p.screenshot({ path: shot('calendar-month-1440'), fullPage: false });
    await p.getByTestId('calendar-view').getByText('Danh sách').click();
    const cal = p.getByTestId('calendar-list');
    const co = cal.getByRole('row').filter({ hasText: 'Hồ sơ đề nghị Cờ thi đua, Chiến sĩ thi đua tỉnh' });
    await co.getByText(`Từ 01/10/${Y}`).waitFor();
    await co.getByText(`Đến hết 15/10/${Y}`).waitFor();
    const bk = cal.getByRole('row').filter({ hasText: 'Hồ sơ đề nghị Tập thể lao động xuất sắc, Bằng khen' });
    await bk.getByText(`Từ 02/11/${Y}`).waitFor();
    await bk.getByText(`Đến hết 30/11/${Y}`).waitFor();
    await p.screenshot({ path: shot('calendar-list-1440'), fullPage: true });
    await p.close();

    const m = (await (await apiAs(server.app, 'vanphong'))('GET', `/api/movements/${movementId}`)).body;
    assert.equal(m.registrationStartDate, `${Y}-09-10`);
    const byTitle = (t: string) => m.extraDeadlines.find((d: { title: string }) => d.title === t);
    assert.deepEqual(byTitle('Hồ sơ đề nghị Cờ thi đua, Chiến sĩ thi đua tỉnh').honors, ['CO_BO_TINH', 'CSTD_BO_TINH']);
    assert.equal(byTitle('Hồ sơ đề nghị Tập thể lao động xuất sắc, Bằng khen').dayCountKind, 'working');
  });

  const start = TODAY;
  const end = addDays(TODAY, 21);
  it('posts a notice between two dates, replaces it (candidates carried over) and shows the old one as replaced (390 px)', async () => {
    const p = await page(390, 'vanphong');
    await p.goto(`${server.url}/lay-y-kien`);
    await p.getByRole('button', { name: 'Đăng công khai' }).click();
    const modal = p.locator('.ant-modal').filter({ hasText: 'Đăng công khai danh sách đề nghị' });
    await modal.getByLabel('Tiêu đề').fill('Thông báo công khai danh sách đề nghị tặng Giấy khen');
    await p.getByTestId('notice-number').fill('08/TB-HĐTĐKT');
    await modal.getByLabel('Cơ quan ban hành').fill('Hội đồng Thi đua - Khen thưởng Sở');
    const candidates = modal.locator('.ant-form-item').filter({ hasText: 'Đề nghị được công khai' }).locator('.ant-select');
    await candidates.click();
    for (const n of names.slice(0, 2)) await p.locator('.ant-select-dropdown:visible').getByText(n).first().click();
    await p.keyboard.press('Escape');
    await modal.getByText('Từ ngày … đến hết ngày …').click();
    await pickRange(p, modal.locator('.ant-picker-range'), ddmmyyyy(start), ddmmyyyy(end));
    await assertFitsScreen(p, 'Đăng công khai (390 px)');
    await p.screenshot({ path: shot('notice-post-390'), fullPage: true });
    await modal.getByRole('button', { name: 'Đăng' }).click();
    await p.getByText('Đã đăng công khai trên cổng thông tin.').waitFor();
    const row = p.getByRole('row').filter({ hasText: 'Số 08/TB-HĐTĐKT' });
    await row.getByText(`Từ ${ddmmyyyy(start)} đến hết ${ddmmyyyy(end)}`).waitFor();
    await assertFitsScreen(p, 'Công khai lấy ý kiến (390 px)');
    await p.screenshot({ path: shot('notices-390'), fullPage: true });

    await row.getByTestId('notice-replace').click();
    const rmodal = p.locator('.ant-modal').filter({ hasText: 'Thay thế thông báo số 08/TB-HĐTĐKT' });
    await rmodal.getByText('2 đề nghị được chuyển sang thông báo mới').waitFor();
    await rmodal.getByLabel('Tiêu đề').fill('Thông báo công khai danh sách đề nghị tặng Giấy khen (thay thế Thông báo số 08/TB-HĐTĐKT)');
    assert.equal(await rmodal.getByLabel('Cơ quan ban hành').inputValue(), 'Hội đồng Thi đua - Khen thưởng Sở', 'the issuer is carried over');
    await p.getByTestId('notice-number').fill('09/TB-HĐTĐKT');
    const more = rmodal.locator('.ant-form-item').filter({ hasText: 'Đề nghị thêm vào' }).locator('.ant-select');
    await more.click();
    await p.locator('.ant-select-dropdown:visible').getByText(names[2]!).first().click();
    await p.keyboard.press('Escape');
    await rmodal.getByText('Từ ngày … đến hết ngày …').click();
    await pickRange(p, rmodal.locator('.ant-picker-range'), ddmmyyyy(start), ddmmyyyy(end));
    await assertFitsScreen(p, 'Thay thế thông báo (390 px)');
    await p.screenshot({ path: shot('notice-replace-390'), fullPage: true });
    await rmodal.getByRole('button', { name: 'Đăng thông báo thay thế' }).click();
    await p.getByText('Đã đăng thông báo thay thế số 09/TB-HĐTĐKT.').waitFor();

    const newRow = p.getByRole('row').filter({ hasText: 'Số 09/TB-HĐTĐKT' });
    await newRow.getByText('3 đề nghị', { exact: false }).waitFor(); // the two carried over, plus one
    const oldRow = p.getByRole('row').filter({ hasText: 'Số 08/TB-HĐTĐKT' }).filter({ hasNotText: 'thay thế Thông báo' });
    await oldRow.getByText('Đã được thay thế').waitFor();
    assert.equal(await oldRow.getByTestId('notice-replace').count(), 0, 'a replaced notice cannot be replaced again');
    await oldRow.locator('.ant-table-row-expand-icon').click();
    await p.getByTestId('notice-replaced-by').getByText('Đã được thay thế bằng thông báo số 09/TB-HĐTĐKT.').waitFor();
    await assertFitsScreen(p, 'Thông báo đã được thay thế (390 px)');
    await p.screenshot({ path: shot('notice-replaced-390'), fullPage: true });
    await p.close();
  });

  it('withdraws the replacement with a reason, and the public portal shows it as withdrawn (390 px)', async () => {
    const reason = 'Hội đồng quyết định tạm dừng xét để xác minh thêm thành tích';
    const p = await page(390, 'vanphong');
    await p.goto(`${server.url}/lay-y-kien`);
    const row = p.getByRole('row').filter({ hasText: 'Số 09/TB-HĐTĐKT' });
    await row.getByTestId('notice-withdraw').click();
    const modal = p.locator('.ant-modal').filter({ hasText: 'Thu hồi thông báo số 09/TB-HĐTĐKT' });
    assert.equal(await modal.getByRole('button', { name: 'Thu hồi' }).isDisabled(), true, 'no withdrawal without a reason');
    await p.getByTestId('notice-withdraw-reason').fill(reason);
    await assertFitsScreen(p, 'Thu hồi thông báo (390 px)');
    await p.screenshot({ path: shot('notice-withdraw-390'), fullPage: true });
    await modal.getByRole('button', { name: 'Thu hồi' }).click();
    await p.getByText('Đã thu hồi thông báo').first().waitFor();
    await row.getByText('Đã thu hồi').first().waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    await p.getByTestId('notice-withdrawn').getByText(reason, { exact: false }).waitFor();
    await p.screenshot({ path: shot('notice-withdrawn-390'), fullPage: true });
    await p.close();

    // The citizen who follows the notice's link finds it withdrawn, with its reason, and no comment form.
    const id = (
      ((await (await apiAs(server.app, 'vanphong'))('GET', '/api/notices')).body.items as { id: string; number: string | null }[]).find(
        (n) => n.number === '09/TB-HĐTĐKT',
      ) ?? { id: '' }
    ).id;
    const pub = await page(390);
    await pub.goto(`${server.url}/cong-khai/lay-y-kien`);
    await pub.getByText('Hiện không có danh sách nào đang lấy ý kiến.').waitFor();
    await pub.goto(`${server.url}/cong-khai/lay-y-kien/${id}`);
    await pub.getByTestId('public-notice-withdrawn').getByText(reason, { exact: false }).waitFor();
    await pub
      .getByTestId('public-notice-identity')
      .getByText(/Hội đồng Thi đua - Khen thưởng Sở — Thông báo số 09\/TB-HĐTĐKT/)
      .waitFor();
    assert.equal(await pub.getByRole('button', { name: 'Gửi góp ý' }).count(), 0, 'a withdrawn notice takes no comments');
    await assertFitsScreen(pub, 'Cổng công khai: thông báo đã thu hồi (390 px)');
    await pub.screenshot({ path: shot('portal-withdrawn-390'), fullPage: true });
    await pub.close();
  });
});
