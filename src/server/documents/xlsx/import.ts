/**
 * The one spreadsheet table reader every import uses (staff, ratings, award history): find the
 * header row (below the merged title rows agencies put on top: "DANH SÁCH CÁN BỘ …", the unit,
 * the date), match headers to a column spec (diacritic-insensitive, with aliases, or an explicit
 * mapping chosen by the user), convert text typed in TCVN3 (ABC) or VNI to Unicode, give a CCCD
 * typed as a number its leading zeros back, convert each cell, and report per-row problems in
 * Vietnamese instead of failing the whole file.
 */
import ExcelJS from 'exceljs';
import { foldVi, formatDateVi } from '../../../shared/format-vi.js';
import { DocumentError } from '../errors.js';
import { detectVietnameseEncoding, toUnicodeVietnamese } from '../vietnamese-legacy.js';

/** `cccd`: a 12-digit number kept as text (a number cell that lost its leading zeros gets them back, with a warning). */
export type ImportColumnType = 'text' | 'integer' | 'number' | 'money' | 'date' | 'cccd';

/** Digits of a CCCD (Thông tư 07/2016/TT-BCA: 3 province + 1 + 2 + 6). Province codes start with 0 (001–096). */
const CCCD_DIGITS = 12;

export interface ImportColumn<K extends string = string> {
  key: K;
  /** Expected header (Vietnamese). */
  header: string;
  /** Other accepted headers ("Họ tên", "Ho va ten"…). */
  aliases?: readonly string[];
  type?: ImportColumnType;
  required?: boolean;
}

export interface ImportOptions<K extends string> {
  /** Sheet name or 1-based index (default: the first sheet). */
  sheet?: string | number;
  /** 1-based header row (default: first row within the first 10 that matches a header). */
  headerRow?: number;
  /** User-chosen mapping: column key → header text as it appears in the file, or a column letter; "" = not imported. */
  mapping?: Partial<Record<K, string>>;
  /**
   * `false`: column problems (a required column missing, a mapping pointing nowhere, no header
   * found) are returned in `problems` with what the sheet holds, for an importer that offers the
   * user a column mapping instead of a refusal. Default `true`: they throw `DocumentError`.
   */
  strictColumns?: boolean;
}

export type ImportValue = string | number | Date | null;

export interface ImportRowError {
  /** 1-based sheet row. */
  row: number;
  column?: string;
  message: string;
}

export interface SheetColumn {
  letter: string;
  header: string;
}

export interface ImportResult<K extends string> {
  rows: Array<{ row: number; values: Record<K, ImportValue> }>;
  errors: ImportRowError[];
  /** What was read but corrected and should be looked at (a CCCD that lost its leading zero). */
  warnings: ImportRowError[];
  /** Which sheet column (letter) each key was read from ('' = not read). */
  columns: Record<K, string>;
  /** The 1-based row the headers were read from. */
  headerRow: number;
  /** The sheet's columns with a header, as the user sees them (for a mapping). */
  sheetColumns: SheetColumn[];
  /** Cells typed in TCVN3 (ABC) or VNI that were converted to Unicode. */
  converted: { cells: number; encodings: string[] };
  /** Column problems, only with `strictColumns: false` (else they throw). */
  problems: string[];
}

/** What the preview says about converted cells (every importer says it the same way). */
export function conversionNotices(converted: ImportResult<string>['converted']): string[] {
  return converted.cells
    ? [`Đã chuyển ${converted.cells} ô từ bảng mã ${converted.encodings.join(', ')} sang Unicode. Hãy kiểm tra lại họ tên trước khi nhập.`]
    : [];
}

/** Converts legacy-encoded text and counts what it converted; a text it cannot read is an error for the cell. */
class LegacyText {
  cells = 0;
  readonly encodings = new Set<string>();
  read(raw: string): { text: string; error: string | null } {
    if (raw === '') return { text: '', error: null };
    const guess = detectVietnameseEncoding(raw);
    try {
      const text = toUnicodeVietnamese(raw);
      if (guess.encoding === 'tcvn3' || guess.encoding === 'vni') {
        this.cells++;
        this.encodings.add(guess.encoding === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI');
      }
      return { text, error: null };
    } catch (e) {
      if (e instanceof DocumentError) return { text: raw.normalize('NFC'), error: e.message };
      throw e;
    }
  }
}

/**
 * A CCCD typed as a number loses its leading zeros (every province code starts with 0): a number
 * of 10 or 11 digits is given them back; the caller reports it. Anything else is left for the
 * CCCD check to judge.
 */
function restoreCccd(raw: ExcelJS.CellValue, text: string): { text: string; restored: boolean } {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw <= 0) return { text, restored: false };
  const digits = String(raw);
  if (digits.length >= CCCD_DIGITS - 2 && digits.length < CCCD_DIGITS) return { text: digits.padStart(CCCD_DIGITS, '0'), restored: true };
  return { text: digits, restored: false };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatDateVi(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result);
    // A formula without a cached result, a shared formula, a hyperlink without text: nothing to read.
    return '';
  }
  return String(value);
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function letterToNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((acc, ch) => acc * 26 + (ch.charCodeAt(0) - 64), 0);
}

/** Money/number text in Vietnamese style: "1.490.000", "1.490.000 đ", "1,5". */
function parseViNumber(text: string): number | null {
  const cleaned = text.replace(/\s|đ|vnđ|vnd|đồng/gi, '');
  if (!/^-?[\d.,]+$/.test(cleaned)) return null;
  let normal: string;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(cleaned)) normal = cleaned.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(cleaned)) normal = cleaned.replace(/,/g, '');
  else normal = cleaned.replace(',', '.');
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

function excelSerialToDate(serial: number): Date {
  // Excel's day 0 is 1899-12-30 (the 1900 leap-year bug is absorbed by that epoch).
  return new Date(Math.round((serial - 25569) * 86400 * 1000));
}

function parseDate(value: ExcelJS.CellValue, text: string): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return excelSerialToDate(value);
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (m) {
    const d = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
    if (d.getUTCDate() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1) return d;
    return null;
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (iso) return new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])));
  return null;
}

/**
 * Read a table from an .xlsx buffer. Throws `DocumentError` for file-level problems (not a
 * workbook, merged header cells, a required column missing); returns row-level problems.
 */
export async function readXlsxTable<K extends string>(
  buffer: Buffer,
  columnSpec: readonly ImportColumn<K>[],
  options: ImportOptions<K> = {},
): Promise<ImportResult<K>> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs' typings expect its own Buffer interface; a Node Buffer is what it reads.
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new DocumentError('xlsx_unreadable', 'Không đọc được tệp: tệp không phải là bảng tính Excel (.xlsx) hoặc đã bị hỏng.');
  }
  const sheet =
    options.sheet === undefined
      ? workbook.worksheets[0]
      : typeof options.sheet === 'number'
        ? workbook.worksheets[options.sheet - 1]
        : workbook.getWorksheet(options.sheet);
  if (!sheet) throw new DocumentError('xlsx_no_sheet', `Không tìm thấy trang tính ${options.sheet ?? ''} trong tệp.`.replace('  ', ' '));

  const strict = options.strictColumns ?? true;
  const legacy = new LegacyText();
  const accepted = new Map<string, K>();
  for (const c of columnSpec) for (const h of [c.header, ...(c.aliases ?? [])]) accepted.set(foldVi(h), c.key);

  const rowHeaders = (rowNumber: number): Map<number, string> => {
    const out = new Map<number, string>();
    sheet.getRow(rowNumber).eachCell({ includeEmpty: false }, (cell, col) => {
      // Headers typed with an old font are read as their Unicode text (not counted: only data cells are).
      const raw = cellText(cell.value).trim();
      const t = raw ? new LegacyText().read(raw).text : '';
      if (t) out.set(col, t);
    });
    return out;
  };

  // The header row is the row of the first 10 that names the most known columns — including the
  // header texts the user's mapping points to (the first such row on a tie). Not merely the first
  // that names one: a title row above the table can read like a header ("KẾT QUẢ XẾP LOẠI" is an
  // alias of "Xếp loại"). A mapping made only of column letters names no header: then it is row 1.
  const mapped = Object.values(options.mapping ?? {}).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  const recognised = new Set([...accepted.keys(), ...mapped.filter((v) => !/^[A-Za-z]{1,3}$/.test(v.trim())).map((v) => foldVi(v))]);
  let headerRow = options.headerRow;
  if (headerRow === undefined) {
    let best = 0;
    for (let r = 1; r <= Math.min(10, sheet.rowCount); r++) {
      const named = new Set([...rowHeaders(r).values()].map((h) => foldVi(h)).filter((h) => recognised.has(h))).size;
      if (named > best) {
        best = named;
        headerRow = r;
      }
    }
    if (headerRow === undefined && (mapped.length > 0 || !strict)) headerRow = 1;
    if (headerRow === undefined) {
      throw new DocumentError(
        'xlsx_header_not_found',
        `Không tìm thấy dòng tiêu đề trong 10 dòng đầu. Cần các cột: ${columnSpec.map((c) => c.header).join(', ')}.`,
      );
    }
  }

  // Merged header cells make the column ↔ header link ambiguous: refuse rather than guess.
  const merges = (sheet.model as { merges?: string[] }).merges ?? [];
  for (const range of merges) {
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range);
    if (!m) continue;
    const top = Number(m[2]);
    const bottom = Number(m[4] ?? m[2]);
    if (headerRow >= top && headerRow <= bottom) {
      throw new DocumentError('xlsx_merged_header', `Dòng tiêu đề (dòng ${headerRow}) có ô gộp ${range}. Hãy bỏ gộp ô để mỗi cột có một tiêu đề riêng.`);
    }
  }

  const headers = rowHeaders(headerRow);
  const byFolded = new Map<string, number>();
  for (const [col, text] of headers) if (!byFolded.has(foldVi(text))) byFolded.set(foldVi(text), col);
  const sheetColumns: SheetColumn[] = [...headers].map(([col, header]) => ({ letter: columnLetter(col), header }));

  const columnOf = new Map<K, number>();
  const problems: string[] = [];
  for (const c of columnSpec) {
    const chosen = options.mapping?.[c.key]?.trim();
    let col: number | undefined;
    if (chosen === '') {
      // The user chose not to import this field.
      if (c.required) problems.push(`thiếu cột bắt buộc «${c.header}»`);
    } else if (chosen !== undefined) {
      // A letter names a column of the sheet only if its header cell holds something.
      col = /^[A-Za-z]{1,3}$/.test(chosen) ? letterToNumber(chosen) : byFolded.get(foldVi(chosen));
      if (col !== undefined && !headers.has(col)) col = undefined;
      if (col === undefined) problems.push(`cột «${chosen}» được chọn cho «${c.header}» không có trong tệp`);
    } else {
      for (const h of [c.header, ...(c.aliases ?? [])]) {
        col = byFolded.get(foldVi(h));
        if (col !== undefined) break;
      }
      if (col === undefined && c.required) problems.push(`thiếu cột bắt buộc «${c.header}»`);
    }
    if (col !== undefined) {
      const dup = [...columnOf.entries()].find(([, v]) => v === col);
      const headerOf = (key: K): string => columnSpec.find((x) => x.key === key)?.header ?? key;
      if (dup) problems.push(`cột ${columnLetter(col)} được chọn cho cả «${headerOf(dup[0])}» và «${c.header}»`);
      else columnOf.set(c.key, col);
    }
  }
  if (problems.length && strict) {
    const found = [...headers.values()].join(', ') || '(không có)';
    throw new DocumentError('xlsx_columns_invalid', `Tệp không đúng mẫu: ${problems.join('; ')}. Các cột có trong tệp: ${found}.`, problems);
  }

  const result: ImportResult<K> = {
    rows: [],
    errors: [],
    warnings: [],
    columns: Object.fromEntries(columnSpec.map((c) => [c.key, columnOf.has(c.key) ? columnLetter(columnOf.get(c.key) ?? 0) : ''])) as Record<K, string>,
    headerRow,
    sheetColumns,
    converted: { cells: 0, encodings: [] },
    problems,
  };
  if (problems.length) return result;

  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const xrow = sheet.getRow(r);
    const values = {} as Record<K, ImportValue>;
    let empty = true;
    const rowErrors: ImportRowError[] = [];
    const rowWarnings: ImportRowError[] = [];
    for (const c of columnSpec) {
      const col = columnOf.get(c.key);
      const raw = col !== undefined ? xrow.getCell(col).value : null;
      const read = legacy.read(cellText(raw).trim());
      const text = read.text;
      if (text !== '') empty = false;
      if (read.error) rowErrors.push({ row: r, column: c.header, message: `Dòng ${r}: «${c.header}»: ${read.error}` });
      if (text === '') {
        values[c.key] = null;
        if (c.required) rowErrors.push({ row: r, column: c.header, message: `Dòng ${r}: thiếu «${c.header}»` });
        continue;
      }
      switch (c.type ?? 'text') {
        case 'text':
          values[c.key] = text;
          break;
        case 'cccd': {
          const fixed = restoreCccd(raw, text);
          if (fixed.restored)
            rowWarnings.push({
              row: r,
              column: c.header,
              message: `Dòng ${r}: «${c.header}» ${text} được gõ dạng số nên mất số 0 ở đầu; đã đọc là ${fixed.text}. Hãy kiểm tra lại (nên định dạng cột là Văn bản).`,
            });
          values[c.key] = fixed.text;
          break;
        }
        case 'date': {
          const d = parseDate(raw, text);
          if (!d) rowErrors.push({ row: r, column: c.header, message: `Dòng ${r}: «${c.header}» không phải ngày hợp lệ (dd/mm/yyyy): "${text}"` });
          values[c.key] = d;
          break;
        }
        case 'integer':
        case 'number':
        case 'money': {
          const n = typeof raw === 'number' ? raw : parseViNumber(text);
          if (n === null) {
            rowErrors.push({ row: r, column: c.header, message: `Dòng ${r}: «${c.header}» không phải số: "${text}"` });
          } else if (c.type === 'integer' && !Number.isInteger(n)) {
            rowErrors.push({ row: r, column: c.header, message: `Dòng ${r}: «${c.header}» phải là số nguyên: "${text}"` });
          }
          values[c.key] = n;
          break;
        }
      }
    }
    if (empty) continue; // blank lines between blocks are common in hand-made sheets
    result.errors.push(...rowErrors);
    result.warnings.push(...rowWarnings);
    result.rows.push({ row: r, values });
  }
  result.converted = { cells: legacy.cells, encodings: [...legacy.encodings] };
  return result;
}
