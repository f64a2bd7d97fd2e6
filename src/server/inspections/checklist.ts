/**
 * The inspection checklist, computed from the unit's own data for the plan's year: what an
 * inspection team checks first (registrations done, dossiers sent on time, decisions and money
 * consistent, reports sent, a trained TĐKT clerk). Each line says pass / fail / no data and why.
 */
import type { Executor } from '../db/client.js';
import type { InspectionCheck } from '../db/schema/index.js';
import { countRegistrationsOf, countTrainedClerksOf, decisionsForUnitDossiers, reportsAskedOf, submittedDossiersOf } from '../repositories/inspections.js';
import { submissionDeadline } from '../repositories/dossiers.js';
import { governingPackOfUnit } from '../records/eligibility.js';
import { computeAmount } from '../rules/money.js';
import { dateVn, todayVn } from '../clock.js';
import { formatDateVi, formatMoneyVi, formatNumberVi } from '../../shared/format-vi.js';

async function registrationsCheck(tx: Executor, unitPath: string, year: number): Promise<InspectionCheck> {
  const n = await countRegistrationsOf(tx, unitPath, year);
  return {
    key: 'registrations',
    label: 'Đăng ký thi đua đầu năm',
    result: n > 0 ? 'pass' : 'fail',
    detail: n > 0 ? `Đã đăng ký ${formatNumberVi(n)} lượt danh hiệu thi đua năm ${year}.` : `Chưa có đăng ký thi đua năm ${year}.`,
  };
}

async function dossiersCheck(tx: Executor, unitPath: string, year: number): Promise<InspectionCheck> {
  const sent = await submittedDossiersOf(tx, unitPath, year);
  const base = { key: 'dossiers_on_time', label: 'Hồ sơ đề nghị khen thưởng gửi đúng hạn' };
  if (!sent.length) return { ...base, result: 'no_data', detail: `Chưa có hồ sơ đề nghị khen thưởng năm ${year}.` };
  const late: string[] = [];
  for (const d of sent) {
    if (!d.movementId || !d.firstSubmittedAt) continue;
    const { dueDate, extension } = await submissionDeadline(tx, d.movementId, d.unitId);
    const limit = extension && (!dueDate || extension.until > dueDate) ? extension.until : dueDate;
    const day = dateVn(d.firstSubmittedAt);
    if (limit && day > limit) late.push(`"${d.title}" gửi ngày ${formatDateVi(day)}, hạn ${formatDateVi(limit)}`);
  }
  return late.length
    ? { ...base, result: 'fail', detail: `${late.length}/${sent.length} hồ sơ gửi quá hạn: ${late.join('; ')}.` }
    : { ...base, result: 'pass', detail: `${sent.length} hồ sơ đã gửi, đều trong hạn.` };
}

async function decisionsCheck(tx: Executor, unitPath: string, year: number): Promise<InspectionCheck> {
  const list = await decisionsForUnitDossiers(tx, unitPath, year);
  const base = { key: 'decisions_money', label: 'Quyết định khen thưởng và tiền thưởng khớp nhau' };
  if (!list.length) return { ...base, result: 'no_data', detail: `Chưa có quyết định khen thưởng năm ${year} cho hồ sơ của đơn vị.` };
  const problems: string[] = [];
  for (const { decision: d, awardees } of list) {
    const sum = awardees.reduce((s, a) => s + a.amount, 0);
    if (sum !== d.totalAmount) problems.push(`Quyết định ${d.numberText}: tổng tiền ${formatMoneyVi(d.totalAmount)} khác tổng danh sách ${formatMoneyVi(sum)}`);
    const pack = await governingPackOfUnit(tx, d.unitId, d.decisionDate);
    for (const a of awardees) {
      if (a.coefficientMilli == null || a.baseSalary == null) continue;
      const expected = computeAmount(a.coefficientMilli / 1000, a.baseSalary, pack.rounding);
      if (expected !== a.amount)
        problems.push(`Quyết định ${d.numberText}, ${a.displayName}: ${formatMoneyVi(a.amount)} thay vì ${formatMoneyVi(expected)} (hệ số × lương cơ sở)`);
    }
  }
  return problems.length
    ? { ...base, result: 'fail', detail: `${problems.join('; ')}.` }
    : { ...base, result: 'pass', detail: `${list.length} quyết định, số tiền thưởng đúng hệ số × mức lương cơ sở và khớp tổng.` };
}

/**
 * The periodic reports the unit was asked for in the year (src/server/reports): each one due by
 * today must have been sent, and on time (its due date, or the extension granted). A report not
 * yet due is not held against the unit; a year without any request answers "chưa có dữ liệu".
 */
export async function reportsSubmittedCheck(tx: Executor, unitPath: string, year: number, today: string): Promise<InspectionCheck> {
  const asked = await reportsAskedOf(tx, unitPath, year);
  const base = { key: 'reports_submitted', label: 'Báo cáo sơ kết, tổng kết công tác thi đua, khen thưởng' };
  if (!asked.length) return { ...base, result: 'no_data', detail: `Đơn vị chưa được yêu cầu gửi báo cáo nào năm ${year}.` };
  const missing: string[] = [];
  const late: string[] = [];
  let sent = 0;
  let notDue = 0;
  for (const r of asked) {
    const limit = r.extendedUntil && r.extendedUntil > r.dueDate ? r.extendedUntil : r.dueDate;
    const isSent = (r.status === 'submitted' || r.status === 'received') && r.submittedAt;
    if (isSent) {
      sent++;
      const day = dateVn(r.submittedAt!);
      if (r.late || day > limit) late.push(`"${r.title}" gửi ngày ${formatDateVi(day)}, hạn ${formatDateVi(limit)}`);
    } else if (today > limit) missing.push(`"${r.title}" (hạn ${formatDateVi(limit)})`);
    else notDue++;
  }
  const pending = notDue ? ` ${notDue} báo cáo chưa đến hạn.` : '';
  if (missing.length || late.length) {
    const parts = [missing.length ? `chưa gửi ${missing.join('; ')}` : '', late.length ? `gửi quá hạn ${late.join('; ')}` : ''].filter(Boolean);
    return { ...base, result: 'fail', detail: `${sent}/${asked.length} báo cáo đã gửi; ${parts.join('; ')}.${pending}` };
  }
  if (!sent) return { ...base, result: 'no_data', detail: `${asked.length} báo cáo được yêu cầu năm ${year}, chưa đến hạn gửi.` };
  return { ...base, result: 'pass', detail: `${sent}/${asked.length} báo cáo đã gửi, đều trong hạn.${pending}` };
}

async function trainedClerkCheck(tx: Executor, unitPath: string): Promise<InspectionCheck> {
  const n = await countTrainedClerksOf(tx, unitPath);
  return {
    key: 'trained_clerk',
    label: 'Cán bộ làm công tác thi đua, khen thưởng được tập huấn',
    result: n > 0 ? 'pass' : 'fail',
    detail: n > 0 ? `${n} cán bộ làm công tác TĐKT đã tham dự lớp tập huấn.` : 'Chưa có cán bộ làm công tác TĐKT nào tham dự lớp tập huấn.',
  };
}

/** The checklist of a unit for a year (its subtree's records). */
export async function inspectionChecklist(tx: Executor, unitPath: string, year: number): Promise<InspectionCheck[]> {
  return [
    await registrationsCheck(tx, unitPath, year),
    await dossiersCheck(tx, unitPath, year),
    await decisionsCheck(tx, unitPath, year),
    await reportsSubmittedCheck(tx, unitPath, year, todayVn()),
    await trainedClerkCheck(tx, unitPath),
  ];
}
