/**
 * Initiatives in the browser (smoke): the Office opens the initiatives list and the rounds page at
 * 1440 and 390 px. The seed 002 Q4 scenario itself is covered through the API (test/api/initiatives.test.ts).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { SHOTS, cannotRun, launchBrowser, login, startServer } from './helpers.js';

const skip = cannotRun();

describe('initiatives pages', { skip: skip ?? false }, () => {
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
    it(`lists initiatives and rounds at ${width} px`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await login(page, server.url, 'vanphong');
      await page.goto(`${server.url}/sang-kien`);
      await page.getByTestId('initiatives-table').waitFor();
      assert.ok(await page.getByTestId('initiative-new').isVisible());
      await page.screenshot({ path: resolve(SHOTS, `initiatives-list-${width}.png`), fullPage: true });
      await page.getByTestId('initiative-new').click();
      await page.getByTestId('initiative-form').waitFor();
      await page.screenshot({ path: resolve(SHOTS, `initiatives-form-${width}.png`) });
      await page.goto(`${server.url}/sang-kien/dot-xet`);
      await page.getByTestId('rounds-table').waitFor();
      await page.screenshot({ path: resolve(SHOTS, `initiatives-rounds-${width}.png`), fullPage: true });
      await page.close();
    });
  }
});
