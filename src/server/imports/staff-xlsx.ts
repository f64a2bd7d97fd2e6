import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import { badRequest } from '../errors.js';
import { foldVietnamese } from '../../shared/vietnamese.js';
import { personInputSchema, PERSON_FIELD_LABELS, type PersonInput } from '../../shared/schemas/person.js';
import { EMPLOYMENT_TYPE_LABELS } from '../../shared/codes.js';
import { DocumentError } from '../documents/errors.js';
import { detectVietnameseEncoding, toUnicodeVietnamese } from '../documents/vietnamese-legacy.js';
import { guardXlsx, IMPORT_ROW_LIMITS } from './xlsx-guard.js';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = IMPORT_ROW_LIMITS.staff;

/** Columns of the staff import sheet, with the header spellings we accept (folded). */
const COLUMNS = {
  fullName: ['ho va ten', 'ho ten', 'ten can bo'],
  gender: ['gioi tinh'],
  birthDate: ['ngay sinh', 'ngay thang nam sinh'],
  cccd: ['so cccd', 'cccd', 'so can cuoc', 'so can cuoc cong dan', 'can cuoc cong dan'],
  unit: ['don vi', 'ten don vi', 'phong/don vi', 'phong, don vi'],
  position: ['chuc vu', 'chuc danh', 'chuc vu/chuc danh'],
  isLeader: ['lanh dao', 'la lanh dao'],
  employmentType: ['loai can bo', 'doi tuong', 'loai'],
  email: ['email', 'thu dien tu'],
} as const;
export type StaffColumn = keyof typeof COLUMNS;
type Column = StaffColumn;
export const STAFF_IMPORT_HEADERS = ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Đơn vị', 'Chức vụ', 'Lãnh đạo', 'Loại cán bộ', 'Thư điện tử'];
/** The fields a sheet column can be mapped to, with their Vietnamese names (same order as the template). */
export const STAFF_FIELDS = (Object.keys(COLUMNS) as Column[]).map((key, i) => ({ key, label: STAFF_IMPORT_HEADERS[i]!, required: key === 'fullName' }));

/** User-chosen mapping: field → column letter ("C") or header text; "" = do not import that field. */
export type StaffMapping = Partial<Record<Column, string>>;

export interface SheetColumn {
  letter: string;
  header: string;
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function letterToNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((acc, ch) => acc * 26 + (ch.charCodeAt(0) - 64), 0);
}

/** What the preview tells the user besides the rows: the sheet's columns and the mapping used. */
export interface StaffSheetInfo {
  headers: string[];
  columns: SheetColumn[];
  /** Field → column letter it is read from (null: not imported). */
  mapping: Record<Column, string | null>;
  /** Cells typed in TCVN3 (ABC) or VNI that were converted to Unicode. */
  converted: { cells: number; encodings: string[] };
}

export interface ImportUnit {
  id: string;
  name: string;
  code: string | null;
  active: boolean;
}

export interface ImportRow {
  /** Row number in the sheet, as Excel shows it. */
  row: number;
  values: Record<string, string>;
  input: PersonInput | null;
  errors: string[];
}

/** Refuses what is not really an .xlsx file, by content rather than by name. */
export async function assertXlsx(buf: Buffer): Promise<void> {
  if (buf.length === 0) throw badRequest('Tệp tải lên rỗng.');
  if (buf.length > MAX_UPLOAD_BYTES) throw badRequest('Tệp vượt quá dung lượng cho phép (10 MB).');
  const type = await fileTypeFromBuffer(buf);
  if (type?.ext !== 'xlsx') throw badRequest('Tệp không phải là bảng tính Excel (.xlsx) hợp lệ. Hãy lưu tệp dưới dạng "Excel Workbook (.xlsx)".');
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result);
    return '';
  }
  return String(v);
}

/** dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd, or an Excel date → yyyy-mm-dd; garbage is passed on for the schema to refuse. */
function parseDate(text: string): string {
  const t = text.trim();
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return t;
}

function parseGender(text: string): string | null {
  const f = foldVietnamese(text.trim());
  if (!f) return null;
  if (f === 'nam') return 'nam';
  if (f === 'nu') return 'nu';
  return text; // refused by the schema with its message
}

function parseBool(text: string): boolean | string {
  const f = foldVietnamese(text.trim());
  if (['', 'khong', 'k', '0', 'no', 'false'].includes(f)) return false;
  if (['co', 'x', '1', 'yes', 'true', 'lanh dao'].includes(f)) return true;
  return text;
}

function parseEmploymentType(text: string): string | null {
  const f = foldVietnamese(text.trim());
  if (!f) return null;
  for (const [code, label] of Object.entries(EMPLOYMENT_TYPE_LABELS)) {
    if (foldVietnamese(label) === f || code === f) return code;
  }
  return text;
}

/**
 * Reads and checks every row of a staff sheet. Nothing is stored here: the caller shows the
 * result as a preview, and commits only on the user's confirmation.
 */
export async function parseStaffWorkbook(buf: Buffer, units: ImportUnit[], defaultUnitId: string | null, mappingInput?: StaffMapping): Promise<StaffSheet> {
  await assertXlsx(buf);
  // Sizes, ratio and row count are checked on the zip itself before exceljs builds the workbook in memory.
  await guardXlsx(buf, 'staff');
  return parseGuardedStaffWorkbook(buf, units, defaultUnitId, mappingInput);
}

export type StaffSheet = { rows: ImportRow[] } & StaffSheetInfo;

/**
 * The parse itself, for a file that already passed `assertXlsx` and `guardXlsx` (the import job
 * checks the file on the request path, then runs this in a worker thread with a memory cap).
 */
export async function parseGuardedStaffWorkbook(
  buf: Buffer,
  units: ImportUnit[],
  defaultUnitId: string | null,
  mappingInput?: StaffMapping,
): Promise<StaffSheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw badRequest('Không đọc được tệp Excel: tệp bị hỏng hoặc được bảo vệ bằng mật khẩu.');
  }
  const ws = wb.worksheets[0];
  if (!ws || ws.rowCount < 1) throw badRequest('Bảng tính không có dữ liệu.');
  if (ws.rowCount - 1 > MAX_IMPORT_ROWS) throw badRequest(`Mỗi lần chỉ nhập tối đa ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng.`);

  // Merged header cells make the column ↔ field link ambiguous: refuse rather than guess.
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  for (const range of merges) {
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range);
    if (m && Number(m[2]) <= 1) throw badRequest(`Dòng tiêu đề (dòng 1) có ô gộp ${range}. Hãy bỏ gộp ô để mỗi cột có một tiêu đề riêng, rồi tải lại tệp.`);
  }

  // Legacy-encoded text (TCVN3/VNI typed with old fonts) is converted; unrecognisable text is refused per cell.
  const converted = { cells: 0, encodings: new Set<string>() };
  const unicodeText = (raw: string): { text: string; error: string | null } => {
    const guess = detectVietnameseEncoding(raw);
    try {
      const text = toUnicodeVietnamese(raw);
      if (guess.encoding === 'tcvn3' || guess.encoding === 'vni') {
        converted.cells++;
        converted.encodings.add(guess.encoding === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI');
      }
      return { text, error: null };
    } catch (e) {
      if (e instanceof DocumentError) return { text: raw.normalize('NFC'), error: e.message };
      throw e;
    }
  };

  const header = ws.getRow(1);
  const columns: SheetColumn[] = [];
  const headers: string[] = [];
  const detected = new Map<Column, number>();
  header.eachCell((cell, col) => {
    const text = unicodeText(cellText(cell.value).trim()).text;
    headers.push(text);
    if (text) columns.push({ letter: columnLetter(col), header: text });
    const f = foldVietnamese(text).replace(/\s+/g, ' ');
    for (const [key, aliases] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
      if (aliases.includes(f) && !detected.has(key)) detected.set(key, col);
    }
  });

  // The user's choices override what was detected, field by field.
  const colOf = new Map<Column, number>(detected);
  const problems: string[] = [];
  const labelOf = (key: Column): string => STAFF_FIELDS.find((f) => f.key === key)?.label ?? key;
  for (const [key, chosenRaw] of Object.entries(mappingInput ?? {}) as [Column, string | undefined][]) {
    if (!(key in COLUMNS) || chosenRaw === undefined) continue;
    const chosen = chosenRaw.trim();
    if (chosen === '') {
      colOf.delete(key);
      continue;
    }
    const byLetter = /^[A-Za-z]{1,3}$/.test(chosen) ? columns.find((c) => c.letter === chosen.toUpperCase()) : undefined;
    const byHeader = columns.find((c) => foldVietnamese(c.header) === foldVietnamese(chosen));
    const col = byLetter ?? byHeader;
    if (!col) problems.push(`cột «${chosen}» được chọn cho «${labelOf(key)}» không có trong tệp`);
    else colOf.set(key, letterToNumber(col.letter));
  }
  const used = new Map<number, Column>();
  for (const [key, col] of colOf) {
    const other = used.get(col);
    if (other) problems.push(`cột ${columnLetter(col)} được chọn cho cả «${labelOf(other)}» và «${labelOf(key)}»`);
    else used.set(col, key);
  }
  const mapping = Object.fromEntries((Object.keys(COLUMNS) as Column[]).map((k) => [k, colOf.has(k) ? columnLetter(colOf.get(k)!) : null])) as Record<
    Column,
    string | null
  >;
  const info = { headers, columns, mapping, fields: STAFF_FIELDS };
  const found = columns.map((c) => `${c.letter}: ${c.header}`).join(', ') || '(không có)';
  if (problems.length) throw badRequest(`Chọn cột chưa đúng: ${problems.join('; ')}. Các cột có trong tệp: ${found}.`, info);
  if (!colOf.has('fullName')) {
    throw badRequest(
      `Không tìm thấy cột "Họ và tên" ở dòng tiêu đề (dòng 1). Các cột cần có: ${STAFF_IMPORT_HEADERS.join(', ')}. Hãy chọn cột chứa họ và tên trong bảng "Ghép cột".`,
      info,
    );
  }
  if (!colOf.has('unit') && !defaultUnitId)
    throw badRequest('Bảng tính không có cột "Đơn vị": hãy chọn đơn vị nhận cán bộ (hoặc chọn cột đơn vị) trước khi tải tệp.', info);

  const unitByKey = new Map<string, ImportUnit>();
  for (const u of units) {
    unitByKey.set(foldVietnamese(u.name), u);
    if (u.code) unitByKey.set(foldVietnamese(u.code), u);
  }
  const seenCccd = new Map<string, number>();
  const rows: ImportRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values: Record<string, string> = {};
    const errors: string[] = [];
    for (const [key, col] of colOf) {
      const { text, error } = unicodeText(cellText(row.getCell(col).value).trim());
      values[key] = text;
      if (error) errors.push(`${labelOf(key)}: ${error}`);
    }
    if (Object.values(values).every((v) => v === '')) continue; // blank line

    let unitId = defaultUnitId;
    if (values.unit) {
      const u = unitByKey.get(foldVietnamese(values.unit));
      if (!u) errors.push(`Đơn vị "${values.unit}" không có trong cơ cấu tổ chức (hoặc ngoài phạm vi của bạn).`);
      else if (!u.active) errors.push(`Đơn vị "${u.name}" đã ngừng hoạt động.`);
      else unitId = u.id;
    } else if (!unitId) {
      errors.push('Thiếu đơn vị.');
    }

    const candidate = {
      fullName: values.fullName ?? '',
      unitId: unitId ?? '00000000-0000-0000-0000-000000000000',
      gender: parseGender(values.gender ?? ''),
      birthDate: values.birthDate ? parseDate(values.birthDate) : null,
      cccd: values.cccd || null,
      position: values.position || null,
      isLeader: parseBool(values.isLeader ?? ''),
      employmentType: parseEmploymentType(values.employmentType ?? ''),
      email: values.email || null,
    };
    const parsed = personInputSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (field === 'unitId') continue; // already reported above
        const label = PERSON_FIELD_LABELS[field as keyof typeof PERSON_FIELD_LABELS] ?? field;
        errors.push(`${label}: ${issue.message}`);
      }
    }
    const cccd = candidate.cccd?.trim();
    if (cccd) {
      const first = seenCccd.get(cccd);
      if (first !== undefined) errors.push(`Số CCCD ${cccd} trùng với dòng ${first} trong tệp.`);
      else seenCccd.set(cccd, r);
    }
    rows.push({ row: r, values, input: parsed.success && errors.length === 0 ? parsed.data : null, errors });
  }
  if (rows.length === 0) throw badRequest('Bảng tính không có dòng dữ liệu nào dưới dòng tiêu đề.', info);
  return { rows, headers, columns, mapping, converted: { cells: converted.cells, encodings: [...converted.encodings] } };
}

/** An empty workbook with the expected headers, offered for download. */
export async function staffImportTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách cán bộ');
  ws.addRow(STAFF_IMPORT_HEADERS);
  ws.getRow(1).font = { bold: true };
  ws.addRow(['Nguyễn Văn An', 'Nam', '15/03/1985', '004085000123', 'Văn phòng Sở', 'Chuyên viên', 'Không', 'Công chức', '']);
  ws.columns.forEach((c, i) => (c.width = i === 0 || i === 4 ? 30 : 16));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
