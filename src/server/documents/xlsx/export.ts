/**
 * Streaming XLSX export (exceljs WorkbookWriter): rows are committed as they arrive, so memory
 * stays flat for 100,000 rows. Vietnamese headers, bold frozen header row with an autofilter,
 * real date cells (dd/mm/yyyy, or dd/mm/yyyy hh:mm for instants in Vietnam time), money grouped
 * with dots, a totals row under the columns that add up, and a print setup (A4, landscape when
 * wide, fit to width, header row repeated, the unit's name and the date in the page header).
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { VN_OFFSET_MS } from '../../../shared/clock.js';

/** `date`: a calendar day (`yyyy-mm-dd` or a Date at UTC midnight); `datetime`: an instant, shown as its Vietnamese day and time. */
export type XlsxColumnType = 'text' | 'integer' | 'number' | 'money' | 'date' | 'datetime';

export interface XlsxColumn<Row> {
  /** Vietnamese header text. */
  header: string;
  /** Value for a row (a key of the row or a function). */
  value: keyof Row | ((row: Row) => unknown);
  type?: XlsxColumnType;
  /** Width in characters (default from the header, at least 10). */
  width?: number;
  /** The column adds up (money, counts): the totals row under the list sums it. */
  total?: boolean;
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
const DATETIME_FMT = 'dd/mm/yyyy hh:mm';

/** An instant as a cell: Excel has no time zones, so the cell holds the Vietnamese wall-clock time. */
function toExcelDateTime(v: unknown): Date | null {
  const d = v instanceof Date ? v : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? new Date(v) : null;
  if (!d || Number.isNaN(d.getTime())) return null;
  return new Date(d.getTime() + VN_OFFSET_MS);
}

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

/** What the printed page says above the list: who made it and when. */
export interface XlsxHeading {
  /** The unit the list is about (the filtered unit, else the actor's unit). */
  unitName: string;
  /** The day of the export, `yyyy-mm-dd` (the Vietnamese day from the clock). */
  date: string;
  /** The list's title, centred in the page header. */
  title?: string;
}

export interface XlsxExportOptions {
  sheetName?: string;
  /** Optional title rows above the header are deliberately not supported: importers expect the
   * header on row 1 and a frozen pane needs a fixed position. The unit, title and date go into
   * the printed page header instead (`heading`). */
  creator?: string;
  heading?: XlsxHeading;
}

/** Sum of widths (characters) above which the page is turned to landscape. */
export const PORTRAIT_MAX_WIDTH = 100;

/** `&` starts a code in Excel's header/footer language: a literal one is doubled ("KH&&CN"). */
function headerText(s: string): string {
  return s.replace(/&/g, '&&');
}

function dmy(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

/** The page header: unit on the left, title in the middle, date on the right; page numbers below. */
export function pageHeaderOf(h: XlsxHeading): { oddHeader: string; oddFooter: string } {
  const title = h.title ? `&C&"-,Bold"${headerText(h.title)}` : '';
  return { oddHeader: `&L${headerText(h.unitName)}${title}&RNgày ${dmy(h.date)}`, oddFooter: '&CTrang &P/&N' };
}

/**
 * How every exported sheet prints (lists and statistical forms alike): A4, fit to the page width
 * and as many pages down as it needs, centred, narrow margins, `titleRows` ("1:1", "8:10")
 * repeated at the top of every page.
 */
export function printSetupOf(o: { landscape: boolean; titleRows?: string }): Partial<ExcelJS.PageSetup> {
  return {
    ...(o.titleRows ? { printTitlesRow: o.titleRows } : {}),
    paperSize: 9, // A4
    orientation: o.landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages down as the sheet needs
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/**
 * A header row tall enough for its wrapped headers: spreadsheet programs do not grow a row for
 * wrapped text on their own when printing ("Cam kết / hoàn lại" in a 16-character column lost its
 * second line). Bold text is taken as 10% wider than the column's character count.
 */
export function headerRowHeight(headers: readonly string[], widths: readonly number[]): number {
  const lines = Math.max(1, ...headers.map((h, i) => Math.ceil((h.length * 1.1) / Math.max(1, (widths[i] ?? 10) - 1))));
  return 15 * Math.min(lines, 4) + 3;
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
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
  const widths = columns.map((c) => c.width ?? Math.max(10, Math.min(60, c.header.length + 4)));
  const wide = widths.reduce((a, b) => a + b, 0) > PORTRAIT_MAX_WIDTH;
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Dữ liệu', {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    pageSetup: printSetupOf({ landscape: wide, titleRows: '1:1' }),
    headerFooter: options.heading ? pageHeaderOf(options.heading) : { oddFooter: '&CTrang &P/&N' },
  });
  sheet.columns = columns.map((c, i) => ({
    key: `c${i}`,
    width: widths[i],
    style: c.type === 'date' ? { numFmt: DATE_FMT } : c.type === 'datetime' ? { numFmt: DATETIME_FMT } : {},
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
  header.height = headerRowHeight(
    columns.map((c) => c.header),
    widths,
  );
  header.commit();

  const getters = columns.map((c) => (typeof c.value === 'function' ? c.value : (row: Row) => row[c.value as keyof Row]));
  const sums = columns.map(() => 0);
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
        case 'datetime': {
          const d = toExcelDateTime(raw);
          cell.value = d ?? cellText(raw);
          if (d) cell.numFmt = DATETIME_FMT;
          break;
        }
        case 'money': {
          const n = toNumber(raw);
          cell.value = n ?? cellText(raw);
          if (n !== null) cell.numFmt = moneyNumFmt(n);
          if (n !== null) sums[i] = (sums[i] ?? 0) + n;
          break;
        }
        case 'integer':
        case 'number': {
          const n = toNumber(raw);
          cell.value = n ?? cellText(raw);
          if (n !== null) sums[i] = (sums[i] ?? 0) + n;
          break;
        }
        default:
          cell.value = cellText(raw);
      }
    }
    xrow.commit();
    count++;
  }
  const lastColumn = columnLetter(columns.length);
  // The filter covers the header and the rows, not the totals row (which stays visible).
  sheet.autoFilter = `A1:${lastColumn}${count + 1}`;
  if (columns.some((c) => c.total)) writeTotals(sheet.getRow(count + 2), columns, sums, count);
  sheet.commit();
  await workbook.commit();
  return count;
}

/**
 * The totals row: `SUBTOTAL(109, …)` sums the rows the autofilter leaves visible (so a filtered
 * list adds up what is shown), with the full sum stored as the cached result for readers that do
 * not recalculate. The label goes into the first column that is not summed.
 */
function writeTotals<Row>(xrow: ExcelJS.Row, columns: readonly XlsxColumn<Row>[], sums: number[], count: number): void {
  const labelAt = columns.findIndex((c) => !c.total);
  if (labelAt >= 0) xrow.getCell(labelAt + 1).value = 'Tổng cộng';
  columns.forEach((c, i) => {
    if (!c.total) return;
    const letter = columnLetter(i + 1);
    const cell = xrow.getCell(i + 1);
    const result = sums[i] ?? 0;
    cell.value = { formula: count > 0 ? `SUBTOTAL(109,${letter}2:${letter}${count + 1})` : '0', result };
    if (c.type === 'money') cell.numFmt = moneyNumFmt(result);
  });
  xrow.font = { bold: true };
  xrow.eachCell((cell) => (cell.border = { top: { style: 'thin' } }));
  xrow.commit();
}
