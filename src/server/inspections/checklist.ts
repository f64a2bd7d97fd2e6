/**
 * The inspection checklist, computed from the unit's own data for the plan's year: what an
 * inspection team checks first (registrations done, dossiers sent on time, decisions and money
 * consistent, reports sent, a trained TĐKT clerk). Each line says pass / fail / no data and why.
 */
import type { Executor } from '../db/client.js';
import type { InspectionCheck } from '../db/schema/index.js';
import { countRegistrationsOf, countTrainedClerksOf, decisionsForUnitDossiers, submittedDossiersOf } from '../repositories/inspections.js';
import { submissionDeadline } from '../repositories/dossiers.js';
import { governingPackOfUnit } from '../records/eligibility.js';
import { computeAmount } from '../rules/money.js';
import { dateVn } from '../clock.js';
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
 * Hook for the periodic reports (báo cáo 6 tháng, năm) a unit sends: that module does not exist
 * yet, so the line answers "chưa có dữ liệu" instead of guessing. Replace the body when reports land.
 */
export async function reportsSubmittedCheck(_tx: Executor, _unitPath: string, year: number): Promise<InspectionCheck> {
  return {
    key: 'reports_submitted',
    label: 'Báo cáo sơ kết, tổng kết công tác thi đua, khen thưởng',
    result: 'no_data',
    detail: `Chưa có dữ liệu: hệ thống chưa theo dõi báo cáo định kỳ năm ${year}.`,
  };
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
    await reportsSubmittedCheck(tx, unitPath, year),
    await trainedClerkCheck(tx, unitPath),
  ];
}
