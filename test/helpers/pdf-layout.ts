/** Reading generated PDFs as a signer would: their text, and where each word stands on the page. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { pdfConversionAvailable } from '../../src/server/office/soffice.js';
import { DEMO_PASSWORD, type TestApp } from './app.js';

export function available(cmd: string, arg: string): boolean {
  try {
    execFileSync(cmd, [arg], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}
export const tools = pdfConversionAvailable() && available('pdftotext', '-v');
export const skipWithoutPdfTools = !tools && process.env.CI !== 'true' ? 'soffice hoặc pdftotext chưa được cài' : false;

export interface Word {
  page: number;
  x: number;
  y: number;
  text: string;
}

/** Every word of a PDF with its page and position (points from the top left). */
export function wordsOf(pdf: Buffer, dir: string, name: string): { words: Word[]; pageWidth: number; text: string } {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  // Kept for a person to look at (test-results/ is not committed).
  mkdirSync('test-results/documents', { recursive: true });
  writeFileSync(join('test-results/documents', `${name}.pdf`), pdf);
  const html = execFileSync('pdftotext', ['-bbox', file, '-']).toString();
  const words: Word[] = [];
  let page = 0;
  let pageWidth = 0;
  for (const m of html.matchAll(/<page width="([\d.]+)"|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)) {
    if (m[1]) {
      page += 1;
      pageWidth = Number(m[1]);
    } else words.push({ page, x: Number(m[2]), y: Number(m[3]), text: m[4]!.replace(/&amp;/g, '&') });
  }
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  return { words, pageWidth, text };
}

/** The first word matching `text` (optionally on or after a page / below a y). */
export function find(words: Word[], text: string, from: { page?: number; y?: number } = {}): Word {
  const w = words.find((x) => x.text === text && x.page >= (from.page ?? 1) && (from.page === undefined || x.page > from.page || x.y >= (from.y ?? 0)));
  assert.ok(w, `"${text}" not found`);
  return w;
}

/** NĐ 30 header: Quốc hiệu right and the first line of the issuing block left, level with each other. */
export function assertHeader(words: Word[], pageWidth: number, firstLeftWord: string) {
  const quocHieu = find(words, 'CỘNG');
  const left = find(words, firstLeftWord);
  assert.equal(quocHieu.page, 1);
  assert.ok(quocHieu.x > pageWidth * 0.45, 'Quốc hiệu in the right column');
  assert.ok(left.x < pageWidth * 0.45, `${firstLeftWord} in the left column`);
  assert.ok(Math.abs(quocHieu.y - left.y) < 4, `first lines level: ${quocHieu.y} vs ${left.y}`);
}

/** The text of a DOCX's body, paragraph by paragraph (no office needed). */
export function docxText(docx: Buffer): string {
  const xml = new PizZip(docx).file('word/document.xml')?.asText() ?? '';
  return xml
    .split(/<\/w:p>/)
    .map((para) => [...para.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .map((l) =>
      l
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"'),
    )
    .filter((l) => l.trim())
    .join('\n');
}

const cookies = new WeakMap<TestApp, Map<string, string>>();

/** The raw bytes of a download as `username` sees it (the test client reads bodies as text); one sign-in per user. */
export async function downloadAs(t: TestApp, username: string, url: string): Promise<{ status: number; body: Buffer; disposition: string }> {
  const mine = cookies.get(t) ?? new Map<string, string>();
  cookies.set(t, mine);
  let cookie = mine.get(username);
  if (!cookie) {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
    cookie = login.cookies.find((c) => c.name === 'tdkt_session')?.value ?? '';
    mine.set(username, cookie);
  }
  const r = await t.app.inject({ method: 'GET', url, cookies: { tdkt_session: cookie } });
  return { status: r.statusCode, body: r.rawPayload, disposition: String(r.headers['content-disposition'] ?? '') };
}
