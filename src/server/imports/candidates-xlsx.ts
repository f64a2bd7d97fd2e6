/**
 * The list of candidates of a dossier as an Excel sheet (a district's LĐTT list): one row per
 * person, found by CCCD, with the honor proposed (or the one chosen on upload) and an optional
 * summary of achievements. The sheet is read by the one spreadsheet reader of every import
 * (`readXlsxTable`: header below title rows, TCVN3/VNI converted, a CCCD typed as a number given its
 * zeros back); the checks against stored data are the bulk add's (`commands/dossiers/bulk-candidates.ts`).
 */
import { readXlsxTable, conversionNotices, type ImportColumn, type ImportRowError, type ImportValue } from '../documents/xlsx/import.js';
import { importTemplateXlsx } from '../documents/xlsx/template.js';
import { DocumentError } from '../documents/errors.js';
import { badRequest } from '../errors.js';
import { HONOR_SHORT } from '../rules/index.js';
import { assertXlsx } from './staff-xlsx.js';
import { guardXlsx, IMPORT_ROW_LIMITS } from './xlsx-guard.js';
import { HONORS, HONOR_INFO, type Honor } from '../../shared/codes.js';
import { foldVi, formatDateVi } from '../../shared/format-vi.js';
import type { BulkRow } from '../commands/dossiers/bulk-candidates.js';

type Key = 'cccd' | 'fullName' | 'honor' | 'achievement';
const COLUMNS: ImportColumn<Key>[] = [
  { key: 'cccd', header: 'Số CCCD', aliases: ['CCCD', 'Số căn cước', 'Số căn cước công dân', 'Căn cước công dân'], type: 'cccd' },
  { key: 'fullName', header: 'Họ và tên', aliases: ['Họ tên', 'Tên cán bộ', 'Cá nhân'] },
  { key: 'honor', header: 'Danh hiệu, hình thức', aliases: ['Danh hiệu', 'Hình thức đề nghị', 'Hình thức khen thưởng', 'Danh hiệu đề nghị'] },
  { key: 'achievement', header: 'Tóm tắt thành tích', aliases: ['Thành tích', 'Thành tích đạt được'] },
];

const byHonorName = new Map<string, Honor>();
for (const h of HONORS) for (const l of [h, HONOR_INFO[h].label, HONOR_SHORT[h]]) byHonorName.set(foldVi(l), h);

const asText = (v: ImportValue | undefined): string => (v === null || v === undefined ? '' : v instanceof Date ? formatDateVi(v) : String(v).trim());

/** The file checks every import passes on the request path: content type, then the zip's sizes, ratio and rows. */
export async function assertCandidateSheet(buf: Buffer): Promise<void> {
  await assertXlsx(buf);
  await guardXlsx(buf, 'candidates');
}

export interface CandidateSheet {
  rows: (BulkRow & { values: Record<string, string> })[];
  notices: string[];
}

/** Reads the sheet into rows to add; `honor` is used where a row leaves its honor cell empty. */
export async function readCandidateSheet(buf: Buffer, defaultHonor: Honor | null): Promise<CandidateSheet> {
  let table;
  try {
    table = await readXlsxTable(buf, COLUMNS);
  } catch (e) {
    if (e instanceof DocumentError) throw badRequest(e.message, e.details);
    throw e;
  }
  if (!table.columns.cccd) throw badRequest('Tệp thiếu cột "Số CCCD": mỗi người trong danh sách được tìm theo số căn cước công dân.');
  if (table.rows.length === 0) throw badRequest('Bảng tính không có dòng dữ liệu nào dưới dòng tiêu đề.');
  const max = IMPORT_ROW_LIMITS.candidates;
  if (table.rows.length > max) throw badRequest(`Mỗi lần chỉ nhập tối đa ${max.toLocaleString('vi-VN')} dòng.`);
  const errorsOf = byRow(table.errors);
  const warningsOf = byRow(table.warnings);
  const rows = table.rows.map(({ row, values }) => {
    const errors = [...(errorsOf.get(row) ?? [])];
    const honorText = asText(values.honor);
    let honor: Honor | null = defaultHonor;
    if (honorText) {
      honor = byHonorName.get(foldVi(honorText)) ?? null;
      if (!honor) errors.push(`Danh hiệu, hình thức "${honorText}" không có trong danh mục (ví dụ: LĐTT, CSTĐCS, Giấy khen).`);
    } else if (!defaultHonor) errors.push('Chưa ghi danh hiệu, hình thức đề nghị (cột "Danh hiệu, hình thức", hoặc chọn khi tải tệp).');
    const cccd = asText(values.cccd);
    return {
      row,
      subjectKind: 'individual' as const,
      cccd: cccd || undefined,
      sheetName: asText(values.fullName),
      honor,
      achievement: asText(values.achievement) || null,
      errors,
      warnings: warningsOf.get(row) ?? [],
      values: { cccd, fullName: asText(values.fullName), honor: honorText, achievement: asText(values.achievement) },
    };
  });
  return { rows, notices: conversionNotices(table.converted) };
}

function byRow(list: readonly ImportRowError[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const e of list) out.set(e.row, [...(out.get(e.row) ?? []), e.message.replace(/^Dòng \d+: /, '').replace(/^«([^»]+)»:? /, '$1: ')]);
  return out;
}

/** The template offered for download: the columns, one example row, the honors as a drop-down list, and the instructions. */
export function candidateImportTemplate(): Promise<Buffer> {
  return importTemplateXlsx({
    sheetName: 'Danh sách đề nghị',
    title: 'Hướng dẫn nhập danh sách đề nghị khen thưởng',
    columns: [
      {
        header: 'Số CCCD',
        meaning: 'Số căn cước công dân của cán bộ (cán bộ phải có trong danh sách cán bộ của đơn vị).',
        required: true,
        format: '12 chữ số, ghi dạng văn bản để giữ số 0 ở đầu',
        kind: 'text',
        width: 16,
      },
      { header: 'Họ và tên', meaning: 'Họ và tên, để đối chiếu (hệ thống dùng họ tên đã lưu theo số CCCD).', width: 30 },
      {
        header: 'Danh hiệu, hình thức',
        meaning: 'Danh hiệu thi đua hoặc hình thức khen thưởng đề nghị; bỏ trống thì dùng danh hiệu chọn khi tải tệp.',
        choices: HONORS.filter((h) => HONOR_INFO[h].subjects.includes('individual')).map((h) => HONOR_INFO[h].label),
        width: 34,
      },
      { header: 'Tóm tắt thành tích', meaning: 'Tóm tắt thành tích (không bắt buộc).', width: 40 },
    ],
    examples: [['001085000123', 'Nguyễn Văn An', HONOR_INFO.LDTT.label, '']],
    notes: [
      'Người không tìm thấy theo số CCCD, không thuộc đơn vị lập hồ sơ, đã có trong hồ sơ, có hai lần trong tệp, hoặc không được đề nghị danh hiệu đã ghi sẽ được báo ở bước xem trước; chỉ các dòng hợp lệ được thêm.',
    ],
  });
}
