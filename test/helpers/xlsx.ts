/** Reading an exported list back: the header row, the data rows, and the totals row kept apart. */
import ExcelJS from 'exceljs';

export interface ExportedSheet {
  headers: string[];
  /** Data rows (the totals row is not one of them). */
  rows: ExcelJS.Row[];
  /** The "Tổng cộng" row under the list, when the list has columns that add up. */
  totals: ExcelJS.Row | undefined;
  sheet: ExcelJS.Worksheet;
}

export const TOTALS_LABEL = 'Tổng cộng';

export async function readExportedSheet(buf: Buffer): Promise<ExportedSheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push(row);
  });
  const last = rows.at(-1);
  const isTotals = last !== undefined && (last.values as unknown[]).includes(TOTALS_LABEL);
  return { headers, rows: isTotals ? rows.slice(0, -1) : rows, totals: isTotals ? last : undefined, sheet };
}

/** The value a totals cell holds: the cached result of its formula (exceljs writes no cached 0). */
export function totalOf(s: ExportedSheet, header: string): number | undefined {
  const i = s.headers.indexOf(header);
  const v = s.totals?.getCell(i + 1).value;
  if (!v || typeof v !== 'object' || !('formula' in v)) return undefined;
  return 'result' in v && v.result !== undefined ? Number(v.result) : 0;
}
