/**
 * Decode the QR code printed on a PDF page, the way a phone would see a print: rasterise the
 * page with poppler's `pdftoppm`, read the PNG with pngjs and scan the whole page with jsQR.
 * Checking `layoutCertificate` only proves what we *meant* to draw; this proves what was drawn.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

let pdftoppmFound: boolean | undefined;

function hasPdftoppm(): boolean {
  if (pdftoppmFound === undefined) {
    try {
      execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
      pdftoppmFound = true;
    } catch {
      pdftoppmFound = false;
    }
  }
  return pdftoppmFound;
}

/**
 * `false` when the QR tests can run, else the reason to skip them (logged). On CI, where
 * poppler-utils is installed, a missing `pdftoppm` is an error rather than a silent skip.
 */
export function qrDecodeSkipReason(): string | false {
  // On CI the test runs anyway and fails in `decodeQrOnFirstPage` with a clear message.
  if (hasPdftoppm() || process.env.CI === 'true') return false;
  const reason = 'pdftoppm (poppler-utils) absent: QR decoding not tested';
  console.warn(`[pdf-qr] ${reason}`);
  return reason;
}

/** Rasterise page 1 of `pdf` at `dpi` and return the text of the QR code found on it, or null. */
export function decodeQrOnFirstPage(pdf: Buffer, dpi = 150): string | null {
  if (!hasPdftoppm()) throw new Error('pdftoppm (poppler-utils) is required to decode certificate QR codes (CI installs it)');
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-qr-'));
  try {
    const input = join(dir, 'in.pdf');
    writeFileSync(input, pdf);
    // -singlefile writes exactly `<prefix>.png` for the first page.
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', input, join(dir, 'page')], { stdio: 'ignore' });
    const png = PNG.sync.read(readFileSync(join(dir, 'page.png')));
    const pixels = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength);
    return jsQR(pixels, png.width, png.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
