/** A unit's report as its DOCX: the same document the download gives and the ký số renders (signed by the unit's head). */
import type { Executor } from '../../db/client.js';
import { dataFiguresOf } from '../../commands/reports.js';
import type { ReportListRow } from '../../repositories/reports.js';
import { unsafeUnitNameAndPath } from '../../repositories/plans.js';
import { unsafeUnitHead } from '../../repositories/document-parties.js';
import { reportDocx } from '../../presenters/report-documents.js';
import { statedFigures } from '../../reports/indicators.js';

/** A report's data figures: frozen once sent, else computed now for its unit's subtree. */
export async function dataOf(tx: Executor, r: ReportListRow): Promise<Record<string, number>> {
  return r.report.dataFigures ?? (await dataFiguresOf(tx, r.unitPath, r.request));
}

/** The unit's Báo cáo sơ kết / tổng kết, its signer block naming the unit's head (when the staff list has one). */
export async function unitReportDocx(tx: Executor, r: ReportListRow, so: string | undefined): Promise<Buffer> {
  const requester = await unsafeUnitNameAndPath(tx, r.request.unitId);
  const head = await unsafeUnitHead(tx, r.report.unitId);
  return reportDocx(tx, {
    unitId: r.report.unitId,
    kind: r.request.kind,
    title: r.request.title,
    periodFrom: r.request.periodFrom,
    periodTo: r.request.periodTo,
    recipientName: requester.name,
    figures: statedFigures(await dataOf(tx, r), r.report.typed),
    narrative: r.report.narrative,
    so,
    ...(head ? { signer: { title: head.position, name: head.fullName } } : {}),
  });
}
