/** Reading an exported list back: the header row, the data rows, and the totals row kept apart. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { sofficePath } from '../../src/server/office/soffice.js';

export interface ExportedSheet {
  headers: string[];
  /** Data rows (the totals row is not one of them). */
  rows: ExcelJS.Row[];
  /** The "Tổng cộng" row under the list, when the list has columns that add up. */
  totals: ExcelJS.Row | undefined;
  sheet: ExcelJS.Worksheet;
}

export const TOTALS_LABEL = 'Tổng cộng';

export async function readExportedSheet(buf: Buffer): Promise<ExportedSheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push(row);
  });
  const last = rows.at(-1);
  const isTotals = last !== undefined && (last.values as unknown[]).includes(TOTALS_LABEL);
  return { headers, rows: isTotals ? rows.slice(0, -1) : rows, totals: isTotals ? last : undefined, sheet };
}

/** The value a totals cell holds: the cached result of its formula (exceljs writes no cached 0). */
export function totalOf(s: ExportedSheet, header: string): number | undefined {
  const i = s.headers.indexOf(header);
  const v = s.totals?.getCell(i + 1).value;
  if (!v || typeof v !== 'object' || !('formula' in v)) return undefined;
  return 'result' in v && v.result !== undefined ? Number(v.result) : 0;
}

/**
 * An exported workbook as LibreOffice Calc prints it: converted to PDF with `soffice --headless
 * --convert-to pdf` (the product's converter, `office/soffice.ts`, takes only DOCX: it sanitises
 * Word files; these workbooks are our own), its text read with `pdftotext -layout`. The PDF and
 * its first page as a PNG (pdftoppm, 50 dpi) are kept under test-results/xlsx/ for a person to
 * look at. Null when LibreOffice Calc or poppler is not installed (`apt-get install
 * libreoffice-calc-nogui poppler-utils`).
 */
export function printedXlsx(xlsx: Buffer, name: string): { text: string; pages: number } | null {
  const bin = sofficePath();
  if (!bin) return null;
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-xlsx-pdf-'));
  try {
    const input = join(dir, `${name}.xlsx`);
    writeFileSync(input, xlsx);
    try {
      execFileSync(
        bin,
        [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input],
        { stdio: 'ignore', timeout: 120_000, env: { ...process.env, HOME: dir } },
      );
    } catch {
      return null;
    }
    const pdf = join(dir, `${name}.pdf`);
    if (!existsSync(pdf)) return null; // Writer alone cannot open a workbook: Calc is missing
    const keep = 'test-results/xlsx';
    mkdirSync(keep, { recursive: true });
    copyFileSync(pdf, join(keep, `${name}.pdf`));
    try {
      execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', pdf, join(keep, name)], { stdio: 'ignore' });
      const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
      return { text, pages: text.split('\f').filter((p) => p.trim() !== '').length };
    } catch {
      return null;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A list as agencies make it: merged title rows above the table (the list's name, the unit, the
 * place and date), a blank row, then the header row and the rows — what the importers must read.
 */
export async function officialListXlsx(title: string, table: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  const width = table[0]?.length ?? 1;
  const titles = [title, 'SỞ KHOA HỌC VÀ CÔNG NGHỆ - TRUNG TÂM ỨNG DỤNG TIẾN BỘ KHOA HỌC VÀ CÔNG NGHỆ', 'Cao Bằng, ngày 05 tháng 12 năm 2026'];
  titles.forEach((text, i) => {
    ws.getCell(i + 1, 1).value = text;
    ws.mergeCells(i + 1, 1, i + 1, width);
  });
  ws.addRow([]);
  for (const r of table) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
