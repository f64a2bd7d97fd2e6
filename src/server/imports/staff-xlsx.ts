/**
 * The staff import: reads a sheet of people through the one spreadsheet reader of every import
 * (`readXlsxTable`: header row below the title rows, TCVN3/VNI text converted, a CCCD typed as a
 * number given its leading zeros back), then checks each row against the person schema and the
 * units the actor may reach. Nothing is stored here.
 */
import { fileTypeFromBuffer } from 'file-type';
import { badRequest } from '../errors.js';
import { foldVietnamese } from '../../shared/vietnamese.js';
import { formatDateVi } from '../../shared/format-vi.js';
import { personInputSchema, PERSON_FIELD_LABELS, type PersonInput } from '../../shared/schemas/person.js';
import { EMPLOYMENT_TYPE_LABELS, GENDER_LABELS } from '../../shared/codes.js';
import { DocumentError } from '../documents/errors.js';
import { readXlsxTable, type ImportColumn, type ImportResult, type ImportRowError, type ImportValue, type SheetColumn } from '../documents/xlsx/import.js';
import { importTemplateXlsx, type TemplateColumn } from '../documents/xlsx/template.js';
import { guardXlsx, IMPORT_ROW_LIMITS } from './xlsx-guard.js';

export type { SheetColumn } from '../documents/xlsx/import.js';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = IMPORT_ROW_LIMITS.staff;

/** Columns of the staff import sheet (template order), with the header spellings accepted besides the template's. */
const STAFF_COLUMNS = [
  { key: 'fullName', header: 'Họ và tên', aliases: ['Họ tên', 'Tên cán bộ'] },
  { key: 'gender', header: 'Giới tính' },
  // Read as text (a date cell reads as dd/mm/yyyy): the person schema says what is wrong with a date.
  { key: 'birthDate', header: 'Ngày sinh', aliases: ['Ngày tháng năm sinh'] },
  { key: 'cccd', header: 'Số CCCD', aliases: ['CCCD', 'Số căn cước', 'Số căn cước công dân', 'Căn cước công dân'], type: 'cccd' },
  { key: 'unit', header: 'Đơn vị', aliases: ['Tên đơn vị', 'Phòng/Đơn vị', 'Phòng, đơn vị'] },
  { key: 'position', header: 'Chức vụ', aliases: ['Chức danh', 'Chức vụ/Chức danh'] },
  { key: 'isLeader', header: 'Lãnh đạo', aliases: ['Là lãnh đạo'] },
  { key: 'employmentType', header: 'Loại cán bộ', aliases: ['Đối tượng', 'Loại'] },
  { key: 'email', header: 'Thư điện tử', aliases: ['Email'] },
] as const satisfies readonly ImportColumn[];
export type StaffColumn = (typeof STAFF_COLUMNS)[number]['key'];
type Column = StaffColumn;
const FIELD_KEYS = new Set<string>(STAFF_COLUMNS.map((c) => c.key));
export const STAFF_IMPORT_HEADERS: string[] = STAFF_COLUMNS.map((c) => c.header);
/** The fields a sheet column can be mapped to, with their Vietnamese names (same order as the template). */
export const STAFF_FIELDS = STAFF_COLUMNS.map((c) => ({ key: c.key, label: c.header, required: c.key === 'fullName' }));

/** User-chosen mapping: field → column letter ("C") or header text; "" = do not import that field. */
export type StaffMapping = Partial<Record<Column, string>>;

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
  /** Read but corrected (a CCCD that lost its leading zero): shown, not blocking. */
  warnings: string[];
}

/** Refuses what is not really an .xlsx file, by content rather than by name. */
export async function assertXlsx(buf: Buffer): Promise<void> {
  if (buf.length === 0) throw badRequest('Tệp tải lên rỗng.');
  if (buf.length > MAX_UPLOAD_BYTES) throw badRequest('Tệp vượt quá dung lượng cho phép (10 MB).');
  const type = await fileTypeFromBuffer(buf);
  if (type?.ext !== 'xlsx') throw badRequest('Tệp không phải là bảng tính Excel (.xlsx) hợp lệ. Hãy lưu tệp dưới dạng "Excel Workbook (.xlsx)".');
}

const asText = (v: ImportValue | undefined): string => (v === null || v === undefined ? '' : v instanceof Date ? formatDateVi(v) : String(v));

/** dd/mm/yyyy, d/m/yyyy or yyyy-mm-dd → yyyy-mm-dd; garbage is passed on for the schema to refuse. */
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
  const mapping = Object.fromEntries(Object.entries(mappingInput ?? {}).filter(([k, v]) => FIELD_KEYS.has(k) && v !== undefined)) as StaffMapping;
  let table: ImportResult<Column>;
  try {
    table = await readXlsxTable(buf, STAFF_COLUMNS, { mapping, strictColumns: false });
  } catch (e) {
    if (e instanceof DocumentError) throw badRequest(e.message, e.details);
    throw e;
  }
  const columns = table.sheetColumns;
  const headers = columns.map((c) => c.header);
  const colMapping = Object.fromEntries(STAFF_COLUMNS.map((c) => [c.key, table.columns[c.key] || null])) as Record<Column, string | null>;
  const info = { headers, columns, mapping: colMapping, fields: STAFF_FIELDS };
  const found = columns.map((c) => `${c.letter}: ${c.header}`).join(', ') || '(không có)';
  if (table.problems.length) throw badRequest(`Chọn cột chưa đúng: ${table.problems.join('; ')}. Các cột có trong tệp: ${found}.`, info);
  if (!colMapping.fullName) {
    throw badRequest(
      `Không tìm thấy cột "Họ và tên" ở dòng tiêu đề (dòng ${table.headerRow}). Các cột cần có: ${STAFF_IMPORT_HEADERS.join(', ')}. Hãy chọn cột chứa họ và tên trong bảng "Ghép cột".`,
      info,
    );
  }
  if (!colMapping.unit && !defaultUnitId)
    throw badRequest('Bảng tính không có cột "Đơn vị": hãy chọn đơn vị nhận cán bộ (hoặc chọn cột đơn vị) trước khi tải tệp.', info);
  if (table.rows.length > MAX_IMPORT_ROWS) throw badRequest(`Mỗi lần chỉ nhập tối đa ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng.`);
  const readErrors = messagesByRow(table.errors);
  const readWarnings = messagesByRow(table.warnings);

  const unitByKey = new Map<string, ImportUnit>();
  for (const u of units) {
    unitByKey.set(foldVietnamese(u.name), u);
    if (u.code) unitByKey.set(foldVietnamese(u.code), u);
  }
  const seenCccd = new Map<string, number>();
  const rows: ImportRow[] = [];
  for (const read of table.rows) {
    const r = read.row;
    const values: Record<string, string> = {};
    for (const c of STAFF_COLUMNS) if (colMapping[c.key]) values[c.key] = asText(read.values[c.key]);
    const errors = [...(readErrors.get(r) ?? [])];

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
    rows.push({ row: r, values, input: parsed.success && errors.length === 0 ? parsed.data : null, errors, warnings: readWarnings.get(r) ?? [] });
  }
  if (rows.length === 0) throw badRequest('Bảng tính không có dòng dữ liệu nào dưới dòng tiêu đề.', info);
  return { rows, headers, columns, mapping: colMapping, converted: table.converted };
}

/** The reader's messages by row: "Dòng n: «Field» …" becomes "Field …" (the preview shows the row). */
function messagesByRow(list: readonly ImportRowError[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const e of list) out.set(e.row, [...(out.get(e.row) ?? []), e.message.replace(/^Dòng \d+: /, '').replace(/^«([^»]+)»:? /, '$1: ')]);
  return out;
}

/**
 * The template offered for download: the headers, one example row, drop-down lists for the coded
 * columns (gender, leader, kind of staff, and the units the user may import into) and the
 * instructions sheet.
 */
export async function staffImportTemplate(unitNames: readonly string[] = []): Promise<Buffer> {
  const yesNo = ['Có', 'Không'];
  const about: Record<Column, Omit<TemplateColumn, 'header'>> = {
    fullName: { meaning: 'Họ, chữ đệm và tên của cán bộ, viết có dấu.', required: true, width: 30 },
    gender: { meaning: 'Giới tính.', choices: Object.values(GENDER_LABELS), width: 11 },
    birthDate: { meaning: 'Ngày, tháng, năm sinh.', format: 'dd/mm/yyyy, ví dụ 15/03/1985', kind: 'date', width: 13 },
    cccd: {
      meaning: 'Số căn cước công dân (để phân biệt người trùng họ tên).',
      format: '12 chữ số, ghi dạng văn bản để giữ số 0 ở đầu; số bị mất số 0 sẽ được bù và báo ở bước xem trước',
      kind: 'text',
      width: 16,
    },
    unit: {
      meaning: 'Đơn vị (phòng, ban) nơi cán bộ công tác, đúng tên trong cơ cấu tổ chức; bỏ trống thì dùng đơn vị chọn khi tải tệp.',
      choices: unitNames,
      width: 34,
    },
    position: { meaning: 'Chức vụ hoặc chức danh.', width: 20 },
    isLeader: { meaning: 'Cán bộ lãnh đạo, quản lý.', format: 'bỏ trống là Không', choices: yesNo, width: 10 },
    employmentType: { meaning: 'Loại cán bộ.', choices: Object.values(EMPLOYMENT_TYPE_LABELS), width: 16 },
    email: { meaning: 'Địa chỉ thư điện tử công vụ (để nhận thông báo).', width: 26 },
  };
  return importTemplateXlsx({
    sheetName: 'Danh sách cán bộ',
    title: 'Hướng dẫn nhập danh sách cán bộ',
    columns: STAFF_COLUMNS.map((c) => ({ header: c.header, ...about[c.key] })),
    examples: [['Nguyễn Văn An', 'Nam', '15/03/1985', '004085000123', unitNames[0] ?? 'Văn phòng Sở', 'Chuyên viên', 'Không', 'Công chức', '']],
    notes: ['Số CCCD trùng nhau trong tệp, hoặc trùng với cán bộ đã có, sẽ được báo ở bước xem trước.'],
  });
}
