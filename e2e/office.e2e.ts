/**
 * The Office's other duties in the browser (issue 14), only through the UI, at 1440 and 390 px:
 *  - a staff member questions their CSTĐCS refusal; the Office assigns it and answers within the limit;
 *  - a tố cáo's denouncer is hidden from a council member (not found) and visible to the assigned handler;
 *  - the public portal links to the petitions page; a citizen chooses the agency, sends a complaint and follows it by its code,
 *    and the demo agency's portal petition is followed by the code printed in the user guide.
 * The hold on a noticed candidate, an inspection's two findings followed up and a decision's money in
 * and out of the fund are walked by e2e/office-more.e2e.ts.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { SHOTS, cannotRun, chooseOption, launchBrowser, login, startServer } from './helpers.js';

const skip = cannotRun();

describe('office: petitions, portal', { skip: skip ?? false }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const width of [1440, 390]) {
    const shot = (name: string) => resolve(SHOTS, `office-${name}-${width}.png`);

    it(`a staff member questions their CSTĐCS refusal and the Office answers within the limit (${width} px)`, async () => {
      const staffCtx = await browser.newContext({ viewport: { width, height: 900 } });
      const staff = await staffCtx.newPage();
      await login(staff, server.url, 'canhan');
      await staff.goto(`${server.url}/don-thu`);
      await staff.getByTestId('petition-new').click();
      await staff.getByTestId('petition-title').fill(`Vì sao tôi không được xét Chiến sĩ thi đua cơ sở (${width})`);
      await staff.getByTestId('petition-content').fill('Tôi hoàn thành xuất sắc nhiệm vụ hai năm liền và có sáng kiến được công nhận, đề nghị giải thích.');
      await staff.screenshot({ path: shot('petition-form') });
      await staff.getByTestId('petition-send').click();
      await staff.waitForURL(/\/don-thu\/[0-9a-f-]{36}$/);
      const url = staff.url();

      const officeCtx = await browser.newContext({ viewport: { width, height: 900 } });
      const office = await officeCtx.newPage();
      await login(office, server.url, 'vanphong');
      await office.goto(`${server.url}/don-thu`);
      await office.getByTestId('petition-list').getByText(`(${width})`).waitFor();
      await office.screenshot({ path: shot('petition-inbox'), fullPage: true });
      await office.goto(url);
      await chooseOption(office, 'petition-handler', 'Đàm Văn Long');
      await office.getByTestId('petition-assign').click();
      await office.getByText('Giao xử lý —').first().waitFor();
      await office.getByTestId('petition-text').fill('Theo Quy chế thi đua của Sở, năm trước đơn vị chỉ được đề nghị 15% số cá nhân đạt Lao động tiên tiến.');
      await office.getByTestId('petition-answer').click();
      await office.getByTestId('petition-answer-text').waitFor();
      const title = await office.locator('.ant-card-head-title', { hasText: 'Trả lời ngày' }).innerText();
      assert.doesNotMatch(title, /quá hạn/);
      await office.screenshot({ path: shot('petition-answered'), fullPage: true });

      await staff.reload();
      assert.match(await staff.getByTestId('petition-answer-text').innerText(), /15% số cá nhân/);
      await staffCtx.close();
      await officeCtx.close();
    });

    it(`a denouncer is hidden from a council member and visible to the handler (${width} px)`, async () => {
      const staffCtx = await browser.newContext({ viewport: { width, height: 900 } });
      const staff = await staffCtx.newPage();
      await login(staff, server.url, 'canhan');
      await staff.goto(`${server.url}/don-thu`);
      await staff.getByTestId('petition-new').click();
      await chooseOption(staff, 'petition-kind', 'Tố cáo');
      await staff.getByTestId('petition-title').fill(`Tố cáo việc kê khai thành tích không đúng (${width})`);
      await staff.getByTestId('petition-content').fill('Hồ sơ đề nghị khen thưởng của phòng kê khai sáng kiến chưa được công nhận.');
      await staff.getByTestId('petition-send').click();
      await staff.waitForURL(/\/don-thu\/[0-9a-f-]{36}$/);
      const url = staff.url();
      await staffCtx.close();

      const councilCtx = await browser.newContext({ viewport: { width, height: 900 } });
      const council = await councilCtx.newPage();
      await login(council, server.url, 'hoidong');
      await council.goto(url);
      await council.getByText('Không tìm thấy đơn').first().waitFor();
      await council.screenshot({ path: shot('denunciation-council') });
      await councilCtx.close();

      const officeCtx = await browser.newContext({ viewport: { width, height: 900 } });
      const office = await officeCtx.newPage();
      await login(office, server.url, 'vanphong');
      await office.goto(url);
      await chooseOption(office, 'petition-handler', 'Đàm Văn Long');
      await office.getByTestId('petition-assign').click();
      await office.getByText('Lý Thị Phương').first().waitFor();
      await office.screenshot({ path: shot('denunciation-handler'), fullPage: true });
      await officeCtx.close();
    });

    it(`the portal links to petitions; a citizen sends one and follows it by its code (${width} px)`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${server.url}/cong-khai`);
      await page.getByTestId('public-petitions-link').click();
      await page.waitForURL(/\/cong-khai\/don-thu/);
      await page.getByTestId('follow-code').fill('MAUDEMAU-XEMKETQUA234');
      await page.getByTestId('follow-go').click();
      await page.getByTestId('follow-result').getByText('công khai danh sách khen thưởng').waitFor();
      await chooseOption(page, 'public-kind', 'Khiếu nại');
      // Several agencies in the installation (the province tree): the citizen chooses the addressee.
      await chooseOption(page, 'public-agency', 'Sở Khoa học và Công nghệ tỉnh Cao Bằng', 'Cao Bằng');
      await page.getByTestId('public-name').fill('Trần Văn Bình');
      await page.getByTestId('public-title').fill(`Khiếu nại về kết quả bình xét (${width})`);
      await page.getByTestId('public-content').fill('Tôi khiếu nại việc bình xét thi đua cuối năm không công khai kết quả.');
      await page.getByTestId('public-send').click();
      const code = (await page.getByTestId('tracking-code').innerText()).replace('Mã tra cứu:', '').trim();
      assert.match(code, /^[2-9A-Z]{8}-[2-9A-Z]{12}$/);
      await page.screenshot({ path: shot('portal-sent'), fullPage: true });
      await page.getByTestId('follow-code').fill(code);
      await page.getByTestId('follow-go').click();
      await page.getByTestId('follow-result').getByText(`Khiếu nại về kết quả bình xét (${width})`).waitFor();
      // A spoofed code is refused.
      await page.getByTestId('follow-code').fill(`${code.slice(0, 9)}ZZZZZZZZZZZZ`);
      await page.getByTestId('follow-go').click();
      await page.getByText('Không tìm thấy đơn với mã tra cứu này.').first().waitFor();
      await page.close();
    });
  }
});
