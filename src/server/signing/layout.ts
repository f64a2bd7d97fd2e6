/**
 * Where a signature shows on the page, as NĐ 30/2020 Phụ lục I lays it out:
 * - the competent person's signature (`approve`): their signature image (blue, transparent PNG),
 *   centred between the position line and the name, no text;
 * - the agency's signature (`issue`): the seal image (red, real size) covering about a third of the
 *   person's signature on its left, with the agency's name and the signing time (ISO 8601, Vietnam
 *   time) in italic size 10;
 * - a copy or an appendix sent as its own file (`copy`, `appendix`): the agency's signature at the
 *   top right of the first page, no image, text only.
 *
 * The signer block is found in the PDF itself (pdf.js text positions: the signer's name and the line
 * above it), so the same code places signatures on documents LibreOffice rendered and on certificates.
 */
import sharp from 'sharp';
import type { FieldSpec } from './pdf-field.js';
import { PdfNotSignable } from './errors.js';
import { Lru, digestOf } from './memo.js';

export const SIGN_TYPES = ['approve', 'issue', 'copy', 'appendix'] as const;
export type SignType = (typeof SIGN_TYPES)[number];

interface Line {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SignerBlock {
  pageIndex: number;
  pageWidth: number;
  pageHeight: number;
  name: Line;
  /** The line just above the gap where the person signs (the position, e.g. "GIÁM ĐỐC"). */
  above: Line | null;
}

const fold = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('vi');

async function linesOf(pdf: Buffer): Promise<{ pages: { width: number; height: number; lines: Line[] }[] }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: { width: number; height: number; lines: Line[] }[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const view = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const rows = new Map<number, { x: number; y: number; w: number; h: number; s: string }[]>();
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [, , , , x, y] = item.transform as number[];
        const key = Math.round(y! / 2);
        const row = rows.get(key) ?? [];
        row.push({ x: x!, y: y!, w: item.width, h: item.height, s: item.str });
        rows.set(key, row);
      }
      const lines: Line[] = [];
      for (const row of rows.values()) {
        row.sort((a, b) => a.x - b.x);
        // Items of one baseline far apart are separate lines (the two columns of a signer block).
        let cur: typeof row = [];
        const flush = () => {
          if (!cur.length) return;
          const x = cur[0]!.x;
          const end = Math.max(...cur.map((c) => c.x + c.w));
          lines.push({ text: cur.map((c) => c.s).join(' '), x, y: cur[0]!.y, width: end - x, height: Math.max(...cur.map((c) => c.h)) });
          cur = [];
        };
        for (const it of row) {
          const last = cur[cur.length - 1];
          if (last && it.x - (last.x + last.w) > 40) flush();
          cur.push(it);
        }
        flush();
      }
      pages.push({ width: view.width, height: view.height, lines });
    }
  } finally {
    await doc.destroy();
  }
  return { pages };
}

/**
 * The signer's block: a line with the signer's name under a gap (where the person signs), the line
 * above the gap being the position (`title`, its last line: "PHÓ GIÁM ĐỐC" under "KT. GIÁM ĐỐC").
 * The name may also appear elsewhere (an annex that lists the signer among the awardees); the block
 * is the occurrence with the gap and the position above it, the last one in the document.
 */
export async function findSignerBlock(pdf: Buffer, signerName: string, title?: string): Promise<SignerBlock | null> {
  const { pages } = await linesOf(pdf);
  const wanted = fold(signerName);
  const position = title ? fold(title.split(/\n/u).pop() ?? title) : null;
  const blocks: (SignerBlock & { titled: boolean })[] = [];
  for (const [p, page] of pages.entries()) {
    for (const name of page.lines.filter((l) => fold(l.text).includes(wanted))) {
      const centre = name.x + name.width / 2;
      const above = page.lines.filter((l) => l.y > name.y + name.height && Math.abs(l.x + l.width / 2 - centre) < 80).sort((a, b) => a.y - b.y)[0] ?? null;
      if (!above || above.y - (name.y + name.height) < 30) continue;
      blocks.push({
        pageIndex: p,
        pageWidth: page.width,
        pageHeight: page.height,
        name,
        above,
        titled: position !== null && fold(above.text).includes(position),
      });
    }
  }
  const best = blocks.filter((b) => b.titled).pop() ?? blocks.pop();
  if (!best) return null;
  const { titled: _titled, ...block } = best;
  return block;
}

/** Image sizes by the image's bytes: a batch places the same image on every certificate. */
const pngSizes = new Lru<Promise<{ width: number; height: number }>>(32);

function pngSize(png: Buffer): Promise<{ width: number; height: number }> {
  return pngSizes.getOrMake(digestOf(png), async () => {
    const meta = await sharp(png).metadata();
    if (meta.format !== 'png' || !meta.width || !meta.height) throw new PdfNotSignable('Hình ảnh chữ ký hoặc con dấu phải là tệp PNG.');
    return { width: meta.width, height: meta.height };
  });
}

export interface AppearanceInput {
  type: SignType;
  /** The competent person's name as printed (to find the signer block). */
  signerName: string;
  /** Their position as printed above the gap ("GIÁM ĐỐC"), when known. */
  signerTitle?: string;
  /** approve: the signature image; issue: the seal image. */
  image: Buffer | null;
  /** The seal's real diameter in millimetres (issue). */
  sealMm?: number;
  /** Text of the appearance: agency, time, and for copies the form of copy or the document number. */
  lines: string[];
  /** The signer block found already (a batch of certificates sharing one layout): no search. */
  block?: SignerBlock;
}

/** Vietnam time in ISO 8601 with its offset, as Phụ lục I asks (2026-12-02T10:15:30+07:00). */
export function isoVn(d: Date): string {
  return `${new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 19)}+07:00`;
}

const MM = 72 / 25.4;

/** Page, rectangle, images and text of a signature, from the document itself. */
export async function appearanceFor(pdf: Buffer, input: AppearanceInput): Promise<Pick<FieldSpec, 'pageIndex' | 'rect' | 'images' | 'lines'>> {
  const text = (x: number, top: number) => input.lines.map((t, i) => ({ text: t, x, y: top - (i + 1) * 12, size: 10 }));
  if (input.type === 'copy' || input.type === 'appendix') {
    const { pages } = await linesOf(pdf);
    const width = pages[0]?.width ?? 595;
    const height = pages[0]?.height ?? 842;
    const w = 200;
    const h = input.lines.length * 12 + 6;
    return { pageIndex: 0, rect: [width - w - 20, height - h - 14, width - 20, height - 14], images: [], lines: text(2, h) };
  }
  const block = input.block ?? (await findSignerBlock(pdf, input.signerName, input.signerTitle));
  if (!block) throw new PdfNotSignable(`Không tìm thấy khối chữ ký của "${input.signerName}" trong văn bản để đặt chữ ký số.`);
  const nameTop = block.name.y + block.name.height;
  const gapTop = block.above ? block.above.y - 2 : nameTop + 70;
  const gap = Math.max(30, gapTop - nameTop - 2);
  const centre = block.name.x + block.name.width / 2;
  // The person's signature box: centred, as tall as the gap, at most 150 pt wide.
  const sigH = gap;
  const sigW = Math.min(150, gap * 2.2);
  const sigLeft = centre - sigW / 2;
  const sigBottom = nameTop + 1;
  if (!input.image) throw new PdfNotSignable(input.type === 'approve' ? 'Chưa có hình ảnh chữ ký của người ký.' : 'Chưa có hình ảnh con dấu của cơ quan.');
  const size = await pngSize(input.image);
  if (input.type === 'approve') {
    const scale = Math.min(sigW / size.width, sigH / size.height);
    const w = size.width * scale;
    const h = size.height * scale;
    return {
      pageIndex: block.pageIndex,
      rect: [sigLeft, sigBottom, sigLeft + sigW, sigBottom + sigH],
      images: [{ png: input.image, x: (sigW - w) / 2, y: (sigH - h) / 2, width: w, height: h }],
      lines: [],
    };
  }
  // The seal, real size, its right third over the left third of the signature; the text under the name.
  const d = (input.sealMm ?? 36) * MM;
  const sealRight = sigLeft + sigW / 3;
  const sealLeft = sealRight - d;
  const sealBottom = sigBottom + sigH / 2 - d / 2;
  const textH = input.lines.length * 12 + 4;
  const bottom = Math.min(sealBottom, block.name.y - 4 - textH);
  // Wide enough for the agency's name in italic 10 pt (about 4.8 pt a letter): a long name is not cut.
  const rectW = Math.max(d, 190, ...input.lines.map((l) => l.length * 4.8));
  const rect: [number, number, number, number] = [sealLeft, bottom, sealLeft + rectW, sealBottom + d];
  return {
    pageIndex: block.pageIndex,
    rect,
    images: [{ png: input.image, x: 0, y: sealBottom - bottom, width: d, height: d }],
    lines: text(0, block.name.y - 4 - bottom),
  };
}
