import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { openDatabase } from '../src/server/db/client.js';
import { buildApp, type App } from '../src/server/app.js';
import { seedDemo } from '../src/server/demo/seed.js';

export const E2E_PASSWORD = 'E2e-Demo-2026';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WEB_DIR = resolve('dist/web');
export const SHOTS = resolve('test-results/e2e');

/**
 * Why a browser test cannot run here, or null. Under CI a missing browser or build is a failure,
 * not a skip.
 */
export function cannotRun(): string | null {
  const problems: string[] = [];
  if (!existsSync(CHROMIUM)) problems.push(`chromium not found at ${CHROMIUM} (apt-get install -y chromium)`);
  if (!existsSync(resolve(WEB_DIR, 'index.html'))) problems.push('dist/web is missing (npm run build)');
  if (problems.length === 0) return null;
  if (process.env.CI === 'true') throw new Error(`Browser tests cannot run under CI: ${problems.join('; ')}`);
  return problems.join('; ');
}

/** The app with the demo agency on a fresh in-memory database, on a free loopback port. */
export async function startServer() {
  const database = await openDatabase({ dataDir: 'memory://' });
  const demo = await seedDemo(database.db, E2E_PASSWORD);
  const app = await buildApp({ database, config: { secureCookies: false, webDir: WEB_DIR } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    /** For a test that prepares its data in the database or through the API (`apiAs(app, …)`). */
    database,
    app,
    /** The demo's ids (its root unit, …), for data a test adds before the journey. */
    demo,
    async stop() {
      await app.close();
      await database.close();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function login(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(E2E_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user-name').waitFor();
}

/**
 * Choose an option of an Ant Design select (or tree select; a string is its test id) and wait until the select shows it.
 * Under a loaded machine a click can land while the list is still opening or while the form is
 * re-rendering; such a pick is tried again, and a pick that never shows fails with the option's name.
 */
export async function chooseOption(page: Page, target: Locator | string, text: string, typed?: string, exact = false): Promise<void> {
  const select = typeof target === 'string' ? page.getByTestId(target) : target;
  const root = select.locator('xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  for (let attempt = 1; attempt <= 3; attempt++) {
    await select.click();
    if (typed) await page.keyboard.type(typed);
    await page.locator('.ant-select-dropdown:visible').getByText(text, { exact }).first().click();
    for (let waited = 0; waited < 3000; waited += 100) {
      if ((await root.innerText()).includes(text)) return;
      await page.waitForTimeout(100);
    }
    await page.keyboard.press('Escape');
  }
  throw new Error(`The select did not take the option "${text}"`);
}

/**
 * The API as one account, in the test's process (for the records a journey needs but does not
 * drive through the screens): `const office = await apiAs(app, 'vanphong'); await office('POST', url, body)`.
 */
export async function apiAs(app: App, username: string, password = E2E_PASSWORD) {
  const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const cookies = { tdkt_session: r.cookies.find((c) => c.name === 'tdkt_session')!.value };
  const csrf = (JSON.parse(r.body) as { csrfToken: string }).csrfToken;
  return async (method: 'GET' | 'POST' | 'DELETE', u: string, payload?: unknown) => {
    const res = await app.inject({
      method,
      url: u,
      cookies,
      payload: payload as object | undefined,
      headers: method === 'GET' ? {} : { 'x-csrf-token': csrf },
    });
    return { status: res.statusCode, body: JSON.parse(res.body || 'null') };
  };
}

/** Fails when the page runs off the screen sideways (a phone), naming the elements that stick out. */
export async function assertFitsScreen(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow <= 1) return;
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && e.children.length === 0)
      .slice(0, 5)
      .map((e) => `${e.tagName}.${String(e.className)}: ${(e.textContent ?? '').slice(0, 40)}`),
  );
  throw new Error(`${what}: trang rộng hơn màn hình ${overflow}px (${wide.join(' | ')})`);
}
