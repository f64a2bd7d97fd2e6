/**
 * Downloadable import templates: the data sheet first (what the importers read: header on row 1,
 * one example row), drop-down lists on the coded columns (taken from the canonical codes, kept on
 * a hidden "Danh mục" sheet so a long list is not cut at Excel's 255 characters), text format on
 * number-like columns (a CCCD keeps its leading zero), and a "Hướng dẫn" sheet that says what each
 * column means, which are required and how to write them.
 */
import ExcelJS from 'exceljs';
import { headerRowHeight, PORTRAIT_MAX_WIDTH, printSetupOf } from './export.js';

export interface TemplateColumn {
  header: string;
  /** What the column holds (Vietnamese, for the instructions sheet). */
  meaning: string;
  required?: boolean;
  /** How to write it ("dd/mm/yyyy", "12 chữ số", …). */
  format?: string;
  /** The accepted values: a drop-down list on the column. */
  choices?: readonly string[];
  /** `text`: the cells are formatted as text (numbers with leading zeros); `date`: dd/mm/yyyy. */
  kind?: 'text' | 'date' | 'integer';
  width?: number;
}

export interface TemplateSpec {
  /** The data sheet's name. */
  sheetName: string;
  /** The instructions sheet's title ("Hướng dẫn nhập danh sách cán bộ"). */
  title: string;
  columns: readonly TemplateColumn[];
  /** Example rows under the header (to be replaced by the user's rows). */
  examples: readonly (readonly (string | number | null)[])[];
  /** Further notes at the bottom of the instructions. */
  notes?: readonly string[];
}

/** Rows of the data sheet that carry the drop-down lists and formats. */
export const TEMPLATE_ROWS = 2000;
const LISTS_SHEET = 'Danh mục';
export const INSTRUCTIONS_SHEET = 'Hướng dẫn';

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * exceljs keeps a sheet's validations by address and writes a range key ("B2:B2001") as one
 * `<dataValidation sqref>`; its typings only expose the per-cell setter, which would create
 * thousands of empty cells.
 */
function validationsOf(ws: ExcelJS.Worksheet): { add(range: string, v: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
}

export async function importTemplateXlsx(spec: TemplateSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'TĐKT';
  const widths = spec.columns.map((c) => c.width ?? Math.max(14, c.header.length + 4));
  // Printed like the exports (a unit prints the filled-in list to sign it): one page wide, header row repeated.
  const ws = wb.addWorksheet(spec.sheetName, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    pageSetup: printSetupOf({ landscape: widths.reduce((a, b) => a + b, 0) > PORTRAIT_MAX_WIDTH, titleRows: '1:1' }),
    headerFooter: { oddFooter: '&CTrang &P/&N' },
  });
  const guide = wb.addWorksheet(INSTRUCTIONS_SHEET, { pageSetup: printSetupOf({ landscape: false }) });
  const lists = spec.columns.some((c) => c.choices?.length) ? wb.addWorksheet(LISTS_SHEET, { state: 'hidden' }) : null;

  ws.addRow(spec.columns.map((c) => c.header));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = headerRowHeight(
    spec.columns.map((c) => c.header),
    widths,
  );
  spec.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = widths[i];
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFCE4D6' : 'FFDDEBF7' } };
    cell.note = `${c.required ? 'Bắt buộc. ' : ''}${c.meaning}${c.format ? ` (${c.format})` : ''}`;
  });
  for (const ex of spec.examples) ws.addRow([...ex]);

  let listColumn = 0;
  spec.columns.forEach((c, i) => {
    const letter = columnLetter(i + 1);
    const range = `${letter}2:${letter}${TEMPLATE_ROWS + 1}`;
    if (c.kind === 'text' || c.kind === 'date') {
      for (let r = 2; r <= Math.max(spec.examples.length + 1, 2); r++) ws.getCell(`${letter}${r}`).numFmt = c.kind === 'text' ? '@' : 'dd/mm/yyyy';
      ws.getColumn(i + 1).numFmt = c.kind === 'text' ? '@' : 'dd/mm/yyyy';
    }
    if (lists && c.choices?.length) {
      listColumn++;
      const l = columnLetter(listColumn);
      lists.getCell(`${l}1`).value = c.header;
      c.choices.forEach((v, k) => (lists.getCell(`${l}${k + 2}`).value = v));
      validationsOf(ws).add(range, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [`'${LISTS_SHEET}'!$${l}$2:$${l}$${c.choices.length + 1}`],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: c.header,
        error: `Hãy chọn một giá trị trong danh sách «${c.header}».`,
        showInputMessage: true,
        promptTitle: c.header,
        prompt: c.meaning.slice(0, 250),
      });
    } else if (c.kind === 'integer') {
      validationsOf(ws).add(range, {
        type: 'whole',
        operator: 'between',
        allowBlank: !c.required,
        formulae: [1900, 2100],
        showErrorMessage: true,
        errorTitle: c.header,
        error: `«${c.header}» phải là số nguyên.`,
      });
    }
  });

  guide.columns = [{ width: 26 }, { width: 60 }, { width: 12 }, { width: 60 }];
  guide.addRow([spec.title]).font = { bold: true, size: 14 };
  const wide = (text: string): void => {
    const r = guide.addRow([text]);
    guide.mergeCells(r.number, 1, r.number, 4);
    r.alignment = { vertical: 'top', wrapText: true };
    r.height = 32;
  };
  wide(`Điền dữ liệu vào trang tính đầu tiên («${spec.sheetName}»), mỗi dòng một đối tượng; giữ nguyên dòng tiêu đề. Thay dòng ví dụ bằng dữ liệu của đơn vị.`);
  guide.addRow([]);
  const th = guide.addRow(['Cột', 'Ý nghĩa', 'Bắt buộc', 'Cách ghi, giá trị hợp lệ']);
  th.font = { bold: true };
  th.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } }));
  for (const c of spec.columns) {
    const how = [c.format, c.choices?.length ? `Chọn trong danh sách: ${c.choices.join('; ')}` : null].filter(Boolean).join('. ');
    const row = guide.addRow([c.header, c.meaning, c.required ? 'Bắt buộc' : 'Không', how]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  guide.addRow([]);
  const notes = [
    'Có thể để các dòng tiêu đề của văn bản (tên đơn vị, "DANH SÁCH …", ngày tháng) phía trên dòng tiêu đề cột: hệ thống tìm dòng tiêu đề trong 10 dòng đầu.',
    'Văn bản gõ bằng phông TCVN3 (ABC) hoặc VNI được tự động chuyển sang Unicode; hãy kiểm tra lại ở bước xem trước.',
    ...(spec.notes ?? []),
  ];
  for (const n of notes) wide(`• ${n}`);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
