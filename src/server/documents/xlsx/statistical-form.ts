/**
 * A statistical form laid out like the official one (TT 02/2023/TT-BNV biểu 06xx.N): the form's
 * code and circular top left, the reporting and receiving units top right, the title and year
 * centred, then the table with its header groups as merged cells, the column numbers row
 * (A, B, C, 1, 2, …) and one row per indicator with its code. Pure: layout in, bytes out.
 */
import ExcelJS from 'exceljs';
import { pageHeaderOf, printSetupOf } from './export.js';

export interface StatSheetColumn {
  code: string;
  label: string;
  groups?: readonly string[] | undefined;
}
export interface StatSheetRow {
  code: string;
  label: string;
  unit?: string | undefined;
  bold?: boolean | undefined;
  heading?: boolean | undefined;
  cells: readonly (number | null)[];
}
export interface StatSheet {
  code: string;
  circular: string;
  title: string;
  year: number;
  reportingUnit: string;
  receivingUnit: string;
  due: string;
  unitOfCount?: string | undefined;
  note?: string | undefined;
  columns: readonly StatSheetColumn[];
  rows: readonly StatSheetRow[];
  /** Print the "Đơn vị tính" column (0602, 0603). */
  withUnit: boolean;
  /** The day of the export, `yyyy-mm-dd` (the Vietnamese day from the clock), for the printed page header. */
  exportedOn: string;
}

const thin = { style: 'thin' as const };
const box = { top: thin, left: thin, bottom: thin, right: thin };
const font = (o: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: 'Times New Roman', size: 11, ...o });

export async function statisticalFormXlsx(s: StatSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const lead = s.withUnit ? 3 : 2; // label, code[, unit]
  const width = lead + s.columns.length;
  const depth = 1 + Math.max(0, ...s.columns.map((c) => c.groups?.length ?? 0));
  const top = s.unitOfCount ? 8 : 7; // the table's first header row, under the title band
  // Printed like the lists: the unit, the form and the day in the page header, page x/y in the
  // footer, and the table's header rows (with the column numbers row) repeated on every page.
  const ws = wb.addWorksheet(s.code.slice(0, 4), {
    pageSetup: printSetupOf({ landscape: true, titleRows: `${top}:${top + depth}` }),
    headerFooter: pageHeaderOf({ unitName: s.reportingUnit, date: s.exportedOn, title: `Biểu số ${s.code} năm ${s.year}` }),
  });
  const put = (r: number, c: number, v: string | number | null, f: Partial<ExcelJS.Font> = {}, align: Partial<ExcelJS.Alignment> = {}) => {
    const cell = ws.getCell(r, c);
    cell.value = v;
    cell.font = font(f);
    cell.alignment = { vertical: 'middle', wrapText: true, ...align };
    return cell;
  };
  const half = Math.max(2, Math.floor(width / 2));
  const band = (r: number, left: string, right: string, lf: Partial<ExcelJS.Font> = {}) => {
    ws.mergeCells(r, 1, r, half);
    put(r, 1, left, lf, { horizontal: 'left' });
    if (width > half) {
      ws.mergeCells(r, half + 1, r, width);
      put(r, half + 1, right, {}, { horizontal: 'center' });
    }
  };
  band(1, `Biểu số: ${s.code}`, `Đơn vị báo cáo: ${s.reportingUnit}`, { bold: true });
  band(2, `Ban hành theo ${s.circular}`, `Đơn vị nhận báo cáo: ${s.receivingUnit}`);
  band(3, `Ngày nhận báo cáo: ${s.due}`, '');
  ws.mergeCells(5, 1, 5, width);
  put(5, 1, s.title, { bold: true, size: 14 }, { horizontal: 'center' });
  ws.mergeCells(6, 1, 6, width);
  put(6, 1, `Năm ${s.year}`, { italic: true }, { horizontal: 'center' });
  if (s.unitOfCount) {
    ws.mergeCells(7, 1, 7, width);
    put(7, 1, `Đơn vị tính: ${s.unitOfCount}`, { italic: true }, { horizontal: 'right' });
  }

  // Header: the lead columns span every header row; each column's groups merge across equal neighbours.
  const headerCell = (r: number, c: number, v: string) => {
    const cell = put(r, c, v, { bold: true }, { horizontal: 'center' });
    cell.border = box;
  };
  const leadLabels = ['', 'Mã số', ...(s.withUnit ? ['Đơn vị tính'] : [])];
  leadLabels.forEach((l, i) => {
    if (depth > 1) ws.mergeCells(top, i + 1, top + depth - 1, i + 1);
    headerCell(top, i + 1, l);
  });
  for (let level = 0; level < depth; level++) {
    let c = 0;
    while (c < s.columns.length) {
      const col = s.columns[c]!;
      const groups = col.groups ?? [];
      if (level > groups.length) {
        c++;
        continue;
      }
      if (level === groups.length) {
        // The leaf: spans the header rows left below it.
        const r = top + level;
        if (depth - 1 > level) ws.mergeCells(r, lead + c + 1, top + depth - 1, lead + c + 1);
        headerCell(r, lead + c + 1, col.label);
        c++;
        continue;
      }
      const key = groups.slice(0, level + 1).join('\u0000');
      let end = c;
      while (end + 1 < s.columns.length && (s.columns[end + 1]!.groups ?? []).slice(0, level + 1).join('\u0000') === key) end++;
      if (end > c) ws.mergeCells(top + level, lead + c + 1, top + level, lead + end + 1);
      headerCell(top + level, lead + c + 1, groups[level]!);
      c = end + 1;
    }
  }
  // Borders on every header cell (merged areas included).
  for (let r = top; r < top + depth; r++) for (let c = 1; c <= width; c++) ws.getCell(r, c).border = box;

  // The column numbers row: A, B[, C], then each column's number (columns sharing a number merge).
  const numbers = top + depth;
  ['A', 'B', ...(s.withUnit ? ['C'] : [])].forEach((l, i) => headerCell(numbers, i + 1, l));
  let c = 0;
  while (c < s.columns.length) {
    let end = c;
    while (end + 1 < s.columns.length && s.columns[end + 1]!.code === s.columns[c]!.code) end++;
    if (end > c) ws.mergeCells(numbers, lead + c + 1, numbers, lead + end + 1);
    headerCell(numbers, lead + c + 1, s.columns[c]!.code);
    c = end + 1;
  }

  s.rows.forEach((row, i) => {
    const r = numbers + 1 + i;
    const b = !!(row.bold || row.heading);
    put(r, 1, row.label, { bold: b }, { horizontal: 'left' }).border = box;
    put(r, 2, row.code, {}, { horizontal: 'center' }).border = box;
    if (s.withUnit) put(r, 3, row.unit ?? '', {}, { horizontal: 'center' }).border = box;
    row.cells.forEach((v, j) => {
      const cell = put(r, lead + j + 1, v, { bold: b }, { horizontal: 'right' });
      cell.border = box;
      cell.numFmt = '0';
    });
  });
  if (s.note) {
    const r = numbers + s.rows.length + 2;
    ws.mergeCells(r, 1, r, width);
    put(r, 1, s.note, { italic: true, size: 10 }, { horizontal: 'left' });
    ws.getRow(r).height = 30;
  }
  ws.getColumn(1).width = 48;
  ws.getColumn(2).width = 7;
  if (s.withUnit) ws.getColumn(3).width = 11;
  for (let j = 0; j < s.columns.length; j++) ws.getColumn(lead + j + 1).width = 13;
  for (let r = top; r < top + depth; r++) ws.getRow(r).height = 48;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
