import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import { badRequest } from '../errors.js';
import { foldVietnamese } from '../../shared/vietnamese.js';
import { personInputSchema, PERSON_FIELD_LABELS, type PersonInput } from '../../shared/schemas/person.js';
import { EMPLOYMENT_TYPE_LABELS, type EmploymentType } from '../../shared/codes.js';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

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
type Column = keyof typeof COLUMNS;
export const STAFF_IMPORT_HEADERS = ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Đơn vị', 'Chức vụ', 'Lãnh đạo', 'Loại cán bộ', 'Thư điện tử'];

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
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
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
    if (foldVietnamese(label) === f || code === f) return code as EmploymentType;
  }
  return text;
}

/**
 * Reads and checks every row of a staff sheet. Nothing is stored here: the caller shows the
 * result as a preview, and commits only on the user's confirmation.
 */
export async function parseStaffWorkbook(buf: Buffer, units: ImportUnit[], defaultUnitId: string | null): Promise<{ rows: ImportRow[]; headers: string[] }> {
  await assertXlsx(buf);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw badRequest('Không đọc được tệp Excel: tệp bị hỏng hoặc được bảo vệ bằng mật khẩu.');
  }
  const ws = wb.worksheets[0];
  if (!ws || ws.rowCount < 1) throw badRequest('Bảng tính không có dữ liệu.');
  if (ws.rowCount - 1 > MAX_IMPORT_ROWS) throw badRequest(`Mỗi lần chỉ nhập tối đa ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng.`);

  const header = ws.getRow(1);
  const colOf = new Map<Column, number>();
  const headers: string[] = [];
  header.eachCell((cell, col) => {
    const text = cellText(cell.value).trim();
    headers.push(text);
    const f = foldVietnamese(text).replace(/\s+/g, ' ');
    for (const [key, aliases] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
      if (aliases.includes(f) && !colOf.has(key)) colOf.set(key, col);
    }
  });
  if (!colOf.has('fullName')) {
    throw badRequest(`Không tìm thấy cột "Họ và tên" ở dòng tiêu đề (dòng 1). Các cột cần có: ${STAFF_IMPORT_HEADERS.join(', ')}.`);
  }
  if (!colOf.has('unit') && !defaultUnitId) throw badRequest('Bảng tính không có cột "Đơn vị": hãy chọn đơn vị nhận cán bộ trước khi tải tệp.');

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
    for (const [key, col] of colOf) values[key] = cellText(row.getCell(col).value).trim();
    if (Object.values(values).every((v) => v === '')) continue; // blank line
    const errors: string[] = [];

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
  if (rows.length === 0) throw badRequest('Bảng tính không có dòng dữ liệu nào dưới dòng tiêu đề.');
  return { rows, headers };
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
