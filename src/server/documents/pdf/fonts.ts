/**
 * PDF fonts. PDFKit's built-in fonts are WinAnsi-only and cannot print Vietnamese, so we embed
 * a TrueType family found on the machine. We never ship font files: the first family found
 * wins, Liberation Serif (metric-compatible with Times New Roman, the administrative font;
 * Debian/Ubuntu package `fonts-liberation2`) and then DejaVu Serif (`fonts-dejavu-core`, present
 * on most Linux images). CI installs fonts-liberation2.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentError } from '../errors.js';

export interface PdfFontFamily {
  family: string;
  regular: Buffer;
  bold: Buffer;
  italic: Buffer;
  boldItalic: Buffer;
  /** Directory the files came from (for diagnostics). */
  dir: string;
}

interface Candidate {
  family: string;
  dirs: string[];
  files: { regular: string; bold: string; italic: string; boldItalic: string };
}

export const PDF_FONT_CANDIDATES: readonly Candidate[] = [
  {
    family: 'Liberation Serif',
    dirs: [
      '/usr/share/fonts/truetype/liberation2',
      '/usr/share/fonts/truetype/liberation',
      '/usr/share/fonts/liberation-serif',
      '/usr/share/fonts/liberation',
      '/usr/share/fonts/TTF',
    ],
    files: {
      regular: 'LiberationSerif-Regular.ttf',
      bold: 'LiberationSerif-Bold.ttf',
      italic: 'LiberationSerif-Italic.ttf',
      boldItalic: 'LiberationSerif-BoldItalic.ttf',
    },
  },
  {
    family: 'DejaVu Serif',
    dirs: ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/dejavu-serif-fonts', '/usr/share/fonts/TTF'],
    files: {
      regular: 'DejaVuSerif.ttf',
      bold: 'DejaVuSerif-Bold.ttf',
      italic: 'DejaVuSerif-Italic.ttf',
      boldItalic: 'DejaVuSerif-BoldItalic.ttf',
    },
  },
];

let cached: PdfFontFamily | undefined;

/**
 * The first complete font family found (cached). `TDKT_PDF_FONT_DIR` may point to a directory
 * holding one of the candidate families (e.g. on a machine where fonts live elsewhere).
 */
export function resolvePdfFonts(candidates: readonly Candidate[] = PDF_FONT_CANDIDATES): PdfFontFamily {
  if (cached && candidates === PDF_FONT_CANDIDATES) return cached;
  const extra = process.env.TDKT_PDF_FONT_DIR;
  for (const c of candidates) {
    const dirs = extra ? [extra, ...c.dirs] : c.dirs;
    for (const dir of dirs) {
      const paths = {
        regular: join(dir, c.files.regular),
        bold: join(dir, c.files.bold),
        italic: join(dir, c.files.italic),
        boldItalic: join(dir, c.files.boldItalic),
      };
      if (!Object.values(paths).every((p) => existsSync(p))) continue;
      const family: PdfFontFamily = {
        family: c.family,
        dir,
        regular: readFileSync(paths.regular),
        bold: readFileSync(paths.bold),
        italic: readFileSync(paths.italic),
        boldItalic: readFileSync(paths.boldItalic),
      };
      if (candidates === PDF_FONT_CANDIDATES) cached = family;
      return family;
    }
  }
  throw new DocumentError(
    'pdf_font_missing',
    'Không tìm thấy phông chữ có dấu tiếng Việt để tạo tệp PDF. Cần cài phông Liberation Serif ' +
      '(gói fonts-liberation2: "sudo apt-get install fonts-liberation2") hoặc DejaVu Serif (gói fonts-dejavu-core), ' +
      'hoặc đặt biến môi trường TDKT_PDF_FONT_DIR trỏ tới thư mục chứa các tệp phông đó.',
  );
}
