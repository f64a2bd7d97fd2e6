/**
 * Ký số (issue 17) in the browser, at 1440 and 390 px: the director opens an issued decision and
 * signs it with their own certificate (chosen already, the only one), the Office signs it with the
 * agency's and it is issued; both signatures verify beside the decision; the signed PDF downloads,
 * and a unit's clerk checks that file on the Ký số page; the administrator sees the certificates
 * and the trust store. The decision is inserted directly (the pipeline that issues it has its own tests).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { cannotRun, chooseOption, E2E_PASSWORD, launchBrowser, login, SHOTS } from './helpers.js';
import { openDatabase, type Database } from '../src/server/db/client.js';
import { buildApp, type App } from '../src/server/app.js';
import { seedDemo } from '../src/server/demo/seed.js';
import { pdfConversionAvailable } from '../src/server/office/soffice.js';
import { buildDecision } from '../test/helpers/decisions.js';

const skip = cannotRun() ?? (pdfConversionAvailable() || process.env.CI === 'true' ? null : 'soffice is not installed');

for (const width of [1440, 390]) {
  describe(`ký số in the browser (${width} px): the director, then the agency; verification; the signed file checked`, { skip: skip ?? false }, () => {
    let database: Database;
    let app: App;
    let url: string;
    let browser: Browser;
    let number = '';
    let signedFile = '';
    before(async () => {
      database = await openDatabase({ dataDir: 'memory://' });
      const demo = await seedDemo(database.db, E2E_PASSWORD);
      const { decision } = await buildDecision(database.db, demo.rootUnitId, { n: 3, date: '2026-11-20', number: width === 1440 ? 41 : 42 });
      number = decision.numberText;
      app = await buildApp({ database, config: { secureCookies: false, webDir: resolve('dist/web') } });
      await app.listen({ port: 0, host: '127.0.0.1' });
      url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
      await app?.close();
      await database?.close();
    });

    async function as(username: string): Promise<Page> {
      const ctx = await browser.newContext({ viewport: { width, height: 1000 }, locale: 'vi-VN', acceptDownloads: true });
      const p = await ctx.newPage();
      await login(p, url, username);
      return p;
    }
    const shot = (p: Page, name: string) => p.screenshot({ path: resolve(SHOTS, `signing-${name}-${width}.png`), fullPage: true });
    async function openDecision(p: Page) {
      await p.goto(`${url}/quyet-dinh`);
      await p.getByText(number).first().click();
      await p.getByTestId('decision-signatures').waitFor();
    }

    it('the director signs with their own certificate; the Office cannot sign in their place', async () => {
      const office = await as('vanphong');
      await openDecision(office);
      await office.getByTestId('signature-state').getByText('Chưa ký số').waitFor();
      assert.equal(await office.getByTestId('signature-sign').count(), 0, 'the Office has no button before the director signs');
      const head = await as('giamdoc');
      await openDecision(head);
      await head.getByTestId('signature-sign').click();
      await head.getByTestId('signature-state').getByText('Người có thẩm quyền đã ký số').waitFor({ timeout: 60_000 });
      assert.match(await head.getByTestId('decision-signatures').innerText(), /Người có thẩm quyền ký: Hoàng Văn Thạch/u);
      await shot(head, 'approved');
    });

    it('the Office signs with the agency’s certificate; both signatures verify; the signed PDF downloads', async () => {
      const office = await as('vanphong');
      await openDecision(office);
      await office.getByTestId('signature-sign').click();
      await office.getByTestId('signature-state').getByText('Đã ký số và phát hành').waitFor({ timeout: 60_000 });
      const panel = office.getByTestId('decision-signatures');
      await panel.getByText('Tệp có 2 chữ ký số, tất cả hợp lệ', { exact: false }).waitFor();
      assert.equal(await panel.getByText('Hợp lệ', { exact: true }).count(), 2);
      await shot(office, 'issued');
      const [download] = await Promise.all([office.waitForEvent('download'), office.getByTestId('signed-download').click()]);
      assert.match(download.suggestedFilename(), /ky-so\.pdf$/u);
      signedFile = resolve(SHOTS, `signing-${width}.pdf`);
      await download.saveAs(signedFile);
    });

    it('certificates: the Office registers them, the director signs them, the Office issues them; the register and the public page show it', async () => {
      const office = await as('vanphong');
      await office.goto(`${url}/mau-van-ban`);
      await office.getByRole('tab', { name: 'Sổ vàng' }).click();
      await office
        .getByRole('row', { name: new RegExp(number) })
        .getByTestId('register-issue')
        .click();
      await office
        .getByRole('row', { name: new RegExp(number) })
        .getByText('3/3')
        .waitFor();
      const head = await as('giamdoc');
      await openDecision(head);
      const certs = head.getByTestId('certificate-signing');
      await certs.getByText('3 chưa ký').waitFor();
      await certs.getByTestId('certificate-sign').click();
      await head.getByText('Đã ký số 3 Giấy khen, Bằng khen', { exact: false }).waitFor({ timeout: 60_000 });
      await certs.getByText('3 chờ cơ quan ký').waitFor();
      await openDecision(office);
      const officeCerts = office.getByTestId('certificate-signing');
      await officeCerts.getByTestId('certificate-sign').click();
      await office.getByText('Đã ký số phát hành 3 Giấy khen, Bằng khen', { exact: false }).waitFor({ timeout: 60_000 });
      await officeCerts.getByText('3 đã ký số phát hành').waitFor();
      await shot(office, 'certificates-signed');
      await office.goto(`${url}/mau-van-ban`);
      await office.getByRole('tab', { name: 'Sổ vàng' }).click();
      const row = office
        .getByRole('row', { name: new RegExp(number) })
        .filter({ has: office.getByTestId('certificate-signed-download') })
        .first();
      await row.waitFor();
      const code = (await row.getByRole('link').first().innerText()).trim();
      const [download] = await Promise.all([office.waitForEvent('download'), row.getByTestId('certificate-signed-download').click()]);
      assert.match(download.suggestedFilename(), /ký số\.pdf$/u);
      // Anyone with the paper checks it: the QR page says the electronic certificate's signatures are valid.
      const ctx = await browser.newContext({ viewport: { width, height: 1000 }, locale: 'vi-VN' });
      const anyone = await ctx.newPage();
      await anyone.goto(`${url}/xac-minh/${code}`);
      const sig = anyone.getByTestId('verify-signature');
      await sig.getByText('Bản điện tử có chữ ký số hợp lệ').waitFor();
      assert.match(await sig.innerText(), /Hoàng Văn Thạch/u);
      await sig.getByRole('link', { name: /Tải bản điện tử đã ký số/u }).waitFor();
      await shot(anyone, 'public-certificate');
    });

    it('the Office makes the electronic copy of the signed decision; the administrator requires signatures before issuing', async () => {
      const office = await as('vanphong');
      await openDecision(office);
      const copy = office.getByTestId('decision-copy');
      await copy.getByTestId('copy-sign').click();
      await copy.getByText('Đã ký số bản sao lúc', { exact: false }).waitFor({ timeout: 60_000 });
      const [download] = await Promise.all([office.waitForEvent('download'), copy.getByTestId('copy-download').click()]);
      assert.match(download.suggestedFilename(), /^Bản sao Quyết định/u);
      await shot(office, 'copy');
      const admin = await as('admin');
      await admin.goto(`${url}/ky-so`);
      const policy = admin.getByTestId('signing-policy');
      await policy.getByText('Chỉ phát hành khi người có thẩm quyền và cơ quan đã ký số').click();
      await admin.getByText('Từ nay quyết định chỉ phát hành khi đã ký số.').waitFor();
      await admin.reload();
      // Kept: after a reload the rule reads back as set.
      await admin
        .getByTestId('signing-policy')
        .getByRole('radio', { name: /Chỉ phát hành khi/u, checked: true })
        .waitFor({ state: 'attached' });
      assert.equal(await admin.getByTestId('signing-policy').getByRole('radio', { checked: true }).count(), 1);
      await shot(admin, 'policy');
      // An OCSP responder as a revocation source, from the same page.
      await admin.getByTestId('trust-new').click();
      await chooseOption(admin, 'trust-kind', 'Máy chủ OCSP (kiểm tra thu hồi trực tuyến)');
      await admin.getByRole('dialog').getByLabel('Tên gợi nhớ').fill('OCSP của CA thử nghiệm');
      await admin.getByTestId('trust-url').fill('http://127.0.0.1:9/ocsp');
      await admin.getByRole('dialog').getByRole('button', { name: 'Thêm' }).click();
      await admin.getByText('OCSP của CA thử nghiệm').first().waitFor();
    });

    it('a unit clerk checks the signed file on the Ký số page; the administrator sees certificates and trust', async () => {
      const clerk = await as('donvi');
      await clerk.goto(`${url}/ky-so`);
      const chooser = clerk.waitForEvent('filechooser');
      await clerk.getByTestId('verify-upload').click();
      await (await chooser).setFiles(signedFile);
      await clerk.getByTestId('signature-verification').getByText('tất cả hợp lệ', { exact: false }).waitFor();
      assert.equal(await clerk.getByTestId('credential-new').count(), 0, 'a clerk does not manage certificates');
      await shot(clerk, 'verified');
      const admin = await as('admin');
      await admin.goto(`${url}/ky-so`);
      await admin.getByTestId('credentials-table').getByText('Hoàng Văn Thạch', { exact: false }).first().waitFor();
      assert.match(await admin.locator('body').innerText(), /CA gốc thử nghiệm/u);
      const overflow = await admin.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `the page runs ${overflow}px off the screen`);
      await shot(admin, 'admin');
    });
  });
}
