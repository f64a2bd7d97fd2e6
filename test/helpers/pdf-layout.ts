/** Reading generated PDFs as a signer would: their text, and where each word stands on the page. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { PNG } from 'pngjs';
import { pdfConversionAvailable } from '../../src/server/office/soffice.js';
import { DEMO_PASSWORD, type TestApp } from './app.js';
import { findSignerBlock } from '../../src/server/signing/layout.js';
import { signingCredentials } from '../../src/server/db/schema/index.js';

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

/**
 * A page of a generated PDF against its reference image (`test/reference/<name>.png`, grey, 40 dpi):
 * a layout that moved (a header block, a signer block, a table) fails; anti-aliasing and a
 * one-pixel shift do not. A pixel counts as different when it differs by more than a third of
 * the grey scale from every reference pixel around it; at most `tolerance` of the page may differ.
 * `UPDATE_REFERENCE_IMAGES=1` writes the references (look at them before committing). On a
 * mismatch the rendering and a diff are kept in test-results/documents/ for a person to look at.
 */
export function assertMatchesReference(pdf: Buffer, dir: string, name: string, opts: { page?: number; tolerance?: number } = {}): void {
  const page = opts.page ?? 1;
  const file = join(dir, `${name}-ref.pdf`);
  writeFileSync(file, pdf);
  const out = join(dir, `${name}-ref`);
  execFileSync('pdftoppm', ['-gray', '-r', '40', '-f', String(page), '-l', String(page), '-png', '-singlefile', file, out]);
  const actualPng = readFileSync(`${out}.png`);
  const refPath = join('test/reference', `${name}.png`);
  if (process.env.UPDATE_REFERENCE_IMAGES === '1') {
    mkdirSync('test/reference', { recursive: true });
    writeFileSync(refPath, actualPng);
    return;
  }
  assert.ok(existsSync(refPath), `Thiếu ảnh mẫu ${refPath}: chạy lại với UPDATE_REFERENCE_IMAGES=1, xem ảnh rồi commit.`);
  const a = PNG.sync.read(actualPng);
  const b = PNG.sync.read(readFileSync(refPath));
  const keep = () => {
    mkdirSync('test-results/documents', { recursive: true });
    writeFileSync(join('test-results/documents', `${name}-actual.png`), actualPng);
  };
  if (a.width !== b.width || a.height !== b.height) {
    keep();
    assert.fail(`${name}: page size ${a.width}×${a.height} against the reference's ${b.width}×${b.height}`);
  }
  const grey = (img: PNG, x: number, y: number) => img.data[(y * img.width + x) * 4]!;
  const diff = new PNG({ width: a.width, height: a.height });
  let differing = 0;
  for (let y = 0; y < a.height; y++)
    for (let x = 0; x < a.width; x++) {
      const v = grey(a, x, y);
      let near = false;
      for (let dy = -1; dy <= 1 && !near; dy++)
        for (let dx = -1; dx <= 1 && !near; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx >= 0 && yy >= 0 && xx < b.width && yy < b.height && Math.abs(grey(b, xx, yy) - v) <= 85) near = true;
        }
      const i = (y * a.width + x) * 4;
      const shade = near ? 255 - Math.round((255 - v) / 4) : 0;
      diff.data[i] = near ? shade : 255;
      diff.data[i + 1] = diff.data[i + 2] = shade;
      diff.data[i + 3] = 255;
      if (!near) differing++;
    }
  const share = differing / (a.width * a.height);
  const tolerance = opts.tolerance ?? 0.004;
  if (share > tolerance) {
    keep();
    writeFileSync(join('test-results/documents', `${name}-diff.png`), PNG.sync.write(diff));
  }
  assert.ok(share <= tolerance, `${name}: ${(share * 100).toFixed(2)}% of the page differs from ${refPath} (at most ${(tolerance * 100).toFixed(2)}%)`);
}

/** The /Rect of each signature widget of a signed PDF ([x1, y1, x2, y2], points from the bottom left), in the order they were added. */
export function signatureRects(pdf: Buffer): number[][] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/obj\s*<<((?:(?!endobj)[\s\S])*?\/FT\s*\/Sig(?:(?!endobj)[\s\S])*?)>>\s*endobj/gu)]
    .map((m) => /\/Rect\s*\[([^\]]+)\]/u.exec(m[1]!)?.[1])
    .filter((r): r is string => r !== undefined)
    .map((r) => r.trim().split(/\s+/u).map(Number));
}

/** The signature's rectangle sits in the gap above the signer's printed name, centred on it. */
export async function assertOnBlock(pdf: Buffer, rect: number[], name: string) {
  const block = await findSignerBlock(pdf, name);
  assert.ok(block, `the block of ${name}`);
  const centre = block.name.x + block.name.width / 2;
  const [x1, y1, x2] = rect as [number, number, number];
  assert.ok(Math.abs((x1 + x2) / 2 - centre) < 2, `${name}: centred on the name (${(x1 + x2) / 2} vs ${centre})`);
  assert.ok(Math.abs(y1 - (block.name.y + block.name.height)) < 3, `${name}: just above the name`);
}

/** The demo's signing credentials by common name (a person's, an agency's seal). */
export async function credentialIdsByName(t: TestApp): Promise<Record<string, string>> {
  return Object.fromEntries((await t.db.select().from(signingCredentials)).map((c) => [c.commonName, c.id]));
}
