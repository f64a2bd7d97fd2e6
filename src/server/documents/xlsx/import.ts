/**
 * Generic spreadsheet table reader: find the header row, match headers to a column spec
 * (diacritic-insensitive, with aliases, or an explicit mapping chosen by the user), convert
 * each cell, and report per-row problems in Vietnamese instead of failing the whole file.
 */
import ExcelJS from 'exceljs';
import { foldVi, formatDateVi, toNfc } from '../../../shared/format-vi.js';
import { DocumentError } from '../errors.js';

export type ImportColumnType = 'text' | 'integer' | 'number' | 'money' | 'date';

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
  /** User-chosen mapping: column key → header text as it appears in the file, or a column letter. */
  mapping?: Partial<Record<K, string>>;
}

export type ImportValue = string | number | Date | null;

export interface ImportRowError {
  /** 1-based sheet row. */
  row: number;
  column?: string;
  message: string;
}

export interface ImportResult<K extends string> {
  rows: Array<{ row: number; values: Record<K, ImportValue> }>;
  errors: ImportRowError[];
  /** Which sheet column (letter) each key was read from. */
  columns: Record<K, string>;
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

  const accepted = new Map<string, K>();
  for (const c of columnSpec) for (const h of [c.header, ...(c.aliases ?? [])]) accepted.set(foldVi(h), c.key);

  const rowHeaders = (rowNumber: number): Map<number, string> => {
    const out = new Map<number, string>();
    sheet.getRow(rowNumber).eachCell({ includeEmpty: false }, (cell, col) => {
      const t = cellText(cell.value).trim();
      if (t) out.set(col, t);
    });
    return out;
  };

  // The header row is the first that names a known column — including the header texts the user's
  // mapping points to. A mapping made only of column letters names no header: then it is row 1.
  const mapped = Object.values(options.mapping ?? {}).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  const recognised = new Set([...accepted.keys(), ...mapped.filter((v) => !/^[A-Za-z]{1,3}$/.test(v.trim())).map((v) => foldVi(v))]);
  let headerRow = options.headerRow;
  if (headerRow === undefined) {
    for (let r = 1; r <= Math.min(10, sheet.rowCount); r++) {
      const hs = rowHeaders(r);
      if ([...hs.values()].some((h) => recognised.has(foldVi(h)))) {
        headerRow = r;
        break;
      }
    }
    if (headerRow === undefined && mapped.length > 0) headerRow = 1;
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
  for (const [col, text] of headers) byFolded.set(foldVi(text), col);

  const columnOf = new Map<K, number>();
  const problems: string[] = [];
  for (const c of columnSpec) {
    const chosen = options.mapping?.[c.key];
    let col: number | undefined;
    if (chosen !== undefined) {
      col = /^[A-Za-z]{1,3}$/.test(chosen) ? letterToNumber(chosen) : byFolded.get(foldVi(chosen));
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
      if (dup) problems.push(`cột ${columnLetter(col)} được dùng cho cả «${dup[0]}» và «${c.key}»`);
      columnOf.set(c.key, col);
    }
  }
  if (problems.length) {
    const found = [...headers.values()].join(', ') || '(không có)';
    throw new DocumentError('xlsx_columns_invalid', `Tệp không đúng mẫu: ${problems.join('; ')}. Các cột có trong tệp: ${found}.`, problems);
  }

  const result: ImportResult<K> = {
    rows: [],
    errors: [],
    columns: Object.fromEntries(columnSpec.map((c) => [c.key, columnOf.has(c.key) ? columnLetter(columnOf.get(c.key) ?? 0) : ''])) as Record<K, string>,
  };

  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const xrow = sheet.getRow(r);
    const values = {} as Record<K, ImportValue>;
    let empty = true;
    const rowErrors: ImportRowError[] = [];
    for (const c of columnSpec) {
      const col = columnOf.get(c.key);
      const raw = col !== undefined ? xrow.getCell(col).value : null;
      const text = toNfc(cellText(raw).trim());
      if (text !== '') empty = false;
      if (text === '') {
        values[c.key] = null;
        if (c.required) rowErrors.push({ row: r, column: c.header, message: `Dòng ${r}: thiếu «${c.header}»` });
        continue;
      }
      switch (c.type ?? 'text') {
        case 'text':
          values[c.key] = text;
          break;
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
    result.rows.push({ row: r, values });
  }
  return result;
}
