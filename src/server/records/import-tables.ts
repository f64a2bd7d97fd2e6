/**
 * The ratings and award-history sheets' columns and their reading, with no database access: the
 * import job runs `readRatingsTable` / `readHonorsTable` in a worker thread (`imports/xlsx-worker.ts`),
 * so this module imports only the spreadsheet reader. The checks against stored data are `import-xlsx.ts`.
 */
import { readXlsxTable, type ImportColumn, type ImportResult } from '../documents/xlsx/import.js';
import { DocumentError } from '../documents/errors.js';
import { badRequest } from '../errors.js';
import { IMPORT_ROW_LIMITS } from '../imports/xlsx-guard.js';
import type { RecordImportKind } from '../../shared/schemas/records.js';

type SubjectKeys = 'fullName' | 'cccd' | 'unit';
const SUBJECT_COLUMNS: ImportColumn<SubjectKeys>[] = [
  { key: 'fullName', header: 'Họ và tên', aliases: ['Họ tên', 'Tên cán bộ', 'Cá nhân'] },
  { key: 'cccd', header: 'Số CCCD', aliases: ['CCCD', 'Số căn cước', 'Số căn cước công dân'], type: 'cccd' },
  { key: 'unit', header: 'Đơn vị', aliases: ['Tên đơn vị', 'Tập thể', 'Phòng, đơn vị'] },
];

type RatingKeys = SubjectKeys | 'year' | 'rating' | 'note';
const RATING_COLUMNS: ImportColumn<RatingKeys>[] = [
  ...SUBJECT_COLUMNS,
  { key: 'year', header: 'Năm', aliases: ['Năm xếp loại', 'Năm đánh giá'], type: 'integer', required: true },
  { key: 'rating', header: 'Xếp loại', aliases: ['Xếp loại chất lượng', 'Mức xếp loại', 'Kết quả xếp loại'], required: true },
  { key: 'note', header: 'Ghi chú' },
];

type HonorKeys = SubjectKeys | 'year' | 'honor' | 'type' | 'decisionNumber' | 'decisionDate' | 'issuer' | 'revoked';
const HONOR_COLUMNS: ImportColumn<HonorKeys>[] = [
  ...SUBJECT_COLUMNS,
  { key: 'year', header: 'Năm', aliases: ['Năm thành tích', 'Năm khen thưởng'], type: 'integer', required: true },
  {
    key: 'honor',
    header: 'Danh hiệu, hình thức',
    aliases: ['Danh hiệu', 'Hình thức khen thưởng', 'Khen thưởng', 'Hình thức', 'Mã khen thưởng'],
    required: true,
  },
  { key: 'type', header: 'Loại hình', aliases: ['Loại hình khen thưởng'] },
  { key: 'decisionNumber', header: 'Số quyết định', aliases: ['Số QĐ', 'Quyết định số'] },
  { key: 'decisionDate', header: 'Ngày quyết định', aliases: ['Ngày QĐ', 'Ngày ký'], type: 'date' },
  { key: 'issuer', header: 'Cơ quan ban hành', aliases: ['Cấp khen', 'Cấp quyết định', 'Người ký'] },
  { key: 'revoked', header: 'Đã thu hồi', aliases: ['Thu hồi'] },
];

export const RECORD_IMPORT_HEADERS: Record<RecordImportKind, string[]> = {
  ratings: RATING_COLUMNS.map((c) => c.header),
  honors: HONOR_COLUMNS.map((c) => c.header),
};

/** The user's choice of sheet column per field (column letter or header text), as sent with the file. */
export type RecordImportMapping = Record<string, string>;

export type RatingsTable = ImportResult<RatingKeys>;
export type HonorsTable = ImportResult<HonorKeys>;

/** Reads a ratings sheet that passed `assertRecordSheet` (pure: the import job runs it in a worker thread). */
export function readRatingsTable(buf: Buffer, mapping?: RecordImportMapping): Promise<RatingsTable> {
  return readTable('ratings', buf, RATING_COLUMNS, mapping);
}

/** Reads an award-history sheet that passed `assertRecordSheet` (pure, like `readRatingsTable`). */
export function readHonorsTable(buf: Buffer, mapping?: RecordImportMapping): Promise<HonorsTable> {
  return readTable('honors', buf, HONOR_COLUMNS, mapping);
}

async function readTable<K extends string>(kind: RecordImportKind, buf: Buffer, spec: readonly ImportColumn<K>[], mapping?: RecordImportMapping) {
  const maxRows = IMPORT_ROW_LIMITS[kind];
  try {
    const known = new Set<string>(spec.map((c) => c.key));
    const unknown = Object.keys(mapping ?? {}).filter((k) => !known.has(k));
    if (unknown.length) throw badRequest(`Ghép cột có trường không tồn tại: ${unknown.join(', ')}.`);
    const t = await readXlsxTable(buf, spec, { mapping: mapping as Partial<Record<K, string>> | undefined });
    if (t.rows.length === 0) throw badRequest('Bảng tính không có dòng dữ liệu nào dưới dòng tiêu đề.');
    if (t.rows.length > maxRows) throw badRequest(`Mỗi lần chỉ nhập tối đa ${maxRows.toLocaleString('vi-VN')} dòng.`);
    return t;
  } catch (e) {
    // File-level problems (columns missing, merged header…) are the user's to fix: 400, not 422.
    if (e instanceof DocumentError) throw badRequest(e.message, e.details);
    throw e;
  }
}
