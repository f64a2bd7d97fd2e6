/**
 * Streaming XLSX export (exceljs WorkbookWriter): rows are committed as they arrive, so memory
 * stays flat for 100,000 rows. Vietnamese headers, bold frozen header row, dd/mm/yyyy dates and
 * money grouped with dots.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export type XlsxColumnType = 'text' | 'integer' | 'number' | 'money' | 'date';

export interface XlsxColumn<Row> {
  /** Vietnamese header text. */
  header: string;
  /** Value for a row (a key of the row or a function). */
  value: keyof Row | ((row: Row) => unknown);
  type?: XlsxColumnType;
  /** Width in characters (default from the header, at least 10). */
  width?: number;
}

/**
 * Excel number formats take the thousands separator from the reader's locale, so `#,##0`
 * would show "1,490,000" on an English system. Literal dots are locale-proof; one format per
 * magnitude keeps them right (the `#` at the front absorbs the leading 1–3 digits).
 */
export function moneyNumFmt(value: number): string {
  const abs = Math.abs(Math.trunc(value));
  if (abs < 1_000) return '0';
  if (abs < 1_000_000) return '#\\.##0';
  if (abs < 1_000_000_000) return '#\\.###\\.##0';
  if (abs < 1_000_000_000_000) return '#\\.###\\.###\\.##0';
  return '#\\.###\\.###\\.###\\.##0';
}

const DATE_FMT = 'dd/mm/yyyy';

/** A `Date` for the calendar day, at UTC midnight so the serial number has no time part. */
function toExcelDate(v: unknown): Date | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : new Date(Date.UTC(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate()));
  if (typeof v === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
    if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  }
  return null;
}

/**
 * A text that a spreadsheet would read as a formula once the sheet is saved as CSV and reopened
 * (`=`, `+`, `-`, `@`, tab, carriage return at the start) gets a leading `'`, so it stays text in
 * every program (OWASP "CSV injection"). In the .xlsx itself every text cell is a string already;
 * the prefix is for what happens after a conversion.
 */
export function inertText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** A cell value as inert text: strings as they are, other scalars through String, objects as JSON. */
function cellText(v: unknown): string {
  const s =
    typeof v === 'string'
      ? v
      : typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean'
        ? String(v)
        : v instanceof Date
          ? v.toISOString()
          : (JSON.stringify(v) ?? '');
  return inertText(s);
}

function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

export interface XlsxExportOptions {
  sheetName?: string;
  /** Optional title rows above the header are deliberately not supported: importers expect the
   * header on row 1 and a frozen pane needs a fixed position. */
  creator?: string;
}

/**
 * Write rows to `outStream` as an .xlsx workbook with one sheet; resolves with the row count
 * once the workbook is fully written. The caller owns `outStream` errors (e.g. client abort).
 */
export async function exportXlsx<Row>(
  columns: readonly XlsxColumn<Row>[],
  rows: AsyncIterable<Row> | Iterable<Row>,
  outStream: Writable,
  options: XlsxExportOptions = {},
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: outStream, useStyles: true, useSharedStrings: false });
  workbook.creator = options.creator ?? 'TĐKT';
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Dữ liệu', {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
  });
  sheet.columns = columns.map((c, i) => ({
    key: `c${i}`,
    width: c.width ?? Math.max(10, Math.min(60, c.header.length + 4)),
    style: c.type === 'date' ? { numFmt: DATE_FMT } : {},
  }));
  const header = sheet.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();

  const getters = columns.map((c) => (typeof c.value === 'function' ? c.value : (row: Row) => row[c.value as keyof Row]));
  let count = 0;
  for await (const row of rows) {
    const xrow = sheet.getRow(count + 2);
    for (let i = 0; i < columns.length; i++) {
      const col = columns[i];
      const getter = getters[i];
      if (!col || !getter) continue;
      const raw = getter(row);
      if (raw === null || raw === undefined || raw === '') continue;
      const cell = xrow.getCell(i + 1);
      switch (col.type ?? 'text') {
        case 'date': {
          const d = toExcelDate(raw);
          cell.value = d ?? cellText(raw);
          if (d) cell.numFmt = DATE_FMT;
          break;
        }
        case 'money': {
          const n = toNumber(raw);
          cell.value = n ?? cellText(raw);
          if (n !== null) cell.numFmt = moneyNumFmt(n);
          break;
        }
        case 'integer':
        case 'number': {
          const n = toNumber(raw);
          cell.value = n ?? cellText(raw);
          break;
        }
        default:
          cell.value = cellText(raw);
      }
    }
    xrow.commit();
    count++;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
