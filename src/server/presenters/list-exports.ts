/**
 * Columns of the Excel exports of the workflow lists (dossiers, decisions, plans, …): Vietnamese headers,
 * dates and instants declared as `date` / `datetime` (real date cells), money by column type, and
 * `total` on the columns the totals row adds up.
 */
import type { XlsxColumn } from '../documents/index.js';
import type { DossierRow } from '../repositories/dossiers.js';
import type { DecisionMeta } from '../repositories/decisions.js';
import type { MovementRow, PlanRow } from '../repositories/plans.js';
import type { DeadlineRow } from '../deadlines/register.js';
import type { registrations } from '../db/schema/index.js';
import {
  COMMENDATION_TYPE_LABELS,
  HONOR_INFO,
  REGIME_LABELS,
  SUBJECT_KIND_LABELS,
  type CommendationType,
  type Honor,
  type Regime,
  type SubjectKind,
} from '../../shared/codes.js';
import { DOSSIER_STATUS_LABELS, type DossierStatus } from '../../shared/dossiers.js';
import {
  DEADLINE_KIND_LABELS,
  MOVEMENT_STATUS_LABELS,
  MOVEMENT_TYPE_LABELS,
  PLAN_STATUS_LABELS,
  type DeadlineKind,
  type MovementStatus,
  type MovementType,
  type PlanStatus,
} from '../../shared/schemas/plans.js';

/** Label from a code table, falling back to the stored code. */
function label<K extends string>(table: Record<K, string>, code: string | null | undefined): string {
  if (!code) return '';
  return (table as Record<string, string>)[code] ?? code;
}
const honorLabel = (h: string): string => HONOR_INFO[h as Honor]?.label ?? h;
function counter(): () => number {
  let n = 0;
  return () => ++n;
}

export function dossierColumns(): XlsxColumn<{ dossier: DossierRow; unitName: string; candidateCount: number }>[] {
  const stt = counter();
  return [
    { header: 'STT', value: () => stt(), type: 'integer', width: 7 },
    { header: 'Tên hồ sơ', value: (r) => r.dossier.title, width: 48 },
    { header: 'Đơn vị', value: (r) => r.unitName, width: 32 },
    { header: 'Loại hình khen thưởng', value: (r) => label<CommendationType>(COMMENDATION_TYPE_LABELS, r.dossier.type), width: 24 },
    { header: 'Năm', value: (r) => r.dossier.year, type: 'integer', width: 8 },
    { header: 'Số đề nghị', value: (r) => r.candidateCount, type: 'integer', width: 11, total: true },
    { header: 'Trạng thái', value: (r) => label<DossierStatus>(DOSSIER_STATUS_LABELS, r.dossier.status), width: 22 },
    { header: 'Nơi nhận', value: (r) => r.dossier.receiverName, width: 28 },
    { header: 'Ngày gửi', value: (r) => r.dossier.submittedAt, type: 'datetime', width: 18 },
  ];
}

export function decisionColumns(): XlsxColumn<DecisionMeta & { awardeeCount: number }>[] {
  const stt = counter();
  return [
    { header: 'STT', value: () => stt(), type: 'integer', width: 7 },
    { header: 'Số quyết định', value: (r) => r.numberText, width: 18 },
    { header: 'Ngày quyết định', value: (r) => r.decisionDate, type: 'date', width: 14 },
    { header: 'Trích yếu', value: (r) => r.title, width: 50 },
    { header: 'Cơ quan ban hành', value: (r) => r.issuerName, width: 30 },
    { header: 'Loại', value: (r) => (r.kind === 'internal' ? 'Do đơn vị ban hành' : 'Của cấp trên'), width: 18 },
    { header: 'Người ký', value: (r) => [r.signerTitle, r.signerName].filter(Boolean).join(' '), width: 28 },
    { header: 'Chế độ áp dụng', value: (r) => label<Regime>(REGIME_LABELS, r.regime), width: 22 },
    { header: 'Số người/tập thể được khen', value: (r) => Number(r.awardeeCount), type: 'integer', width: 14, total: true },
    { header: 'Tổng tiền thưởng (đồng)', value: (r) => r.totalAmount, type: 'money', width: 18, total: true },
    { header: 'Trạng thái', value: (r) => (r.status === 'revoked' ? 'Đã hủy bỏ' : 'Có hiệu lực'), width: 14 },
  ];
}

export function planColumns(): XlsxColumn<{ plan: PlanRow; unitName: string; taskCount: number }>[] {
  const stt = counter();
  return [
    { header: 'STT', value: () => stt(), type: 'integer', width: 7 },
    { header: 'Số kế hoạch', value: (r) => r.plan.number, width: 16 },
    { header: 'Tên kế hoạch', value: (r) => r.plan.title, width: 50 },
    { header: 'Năm', value: (r) => r.plan.year, type: 'integer', width: 8 },
    { header: 'Đơn vị ban hành', value: (r) => r.unitName, width: 32 },
    { header: 'Ngày ban hành', value: (r) => r.plan.issuedDate, type: 'date', width: 14 },
    { header: 'Số nhiệm vụ', value: (r) => Number(r.taskCount), type: 'integer', width: 11, total: true },
    { header: 'Trạng thái', value: (r) => label<PlanStatus>(PLAN_STATUS_LABELS, r.plan.status), width: 14 },
  ];
}

export function movementColumns(): XlsxColumn<{ movement: MovementRow; unitName: string }>[] {
  const stt = counter();
  return [
    { header: 'STT', value: () => stt(), type: 'integer', width: 7 },
    { header: 'Số văn bản', value: (r) => r.movement.number, width: 16 },
    { header: 'Tên phong trào', value: (r) => r.movement.title, width: 50 },
    { header: 'Loại phong trào', value: (r) => label<MovementType>(MOVEMENT_TYPE_LABELS, r.movement.type), width: 20 },
    { header: 'Năm', value: (r) => r.movement.year, type: 'integer', width: 8 },
    { header: 'Đơn vị phát động', value: (r) => r.unitName, width: 32 },
    { header: 'Từ ngày', value: (r) => r.movement.startDate, type: 'date', width: 12 },
    { header: 'Đến ngày', value: (r) => r.movement.endDate, type: 'date', width: 12 },
    { header: 'Hạn đăng ký', value: (r) => r.movement.registrationDeadline, type: 'date', width: 12 },
    { header: 'Trạng thái', value: (r) => label<MovementStatus>(MOVEMENT_STATUS_LABELS, r.movement.status), width: 14 },
  ];
}

export function registrationColumns(): XlsxColumn<{ reg: typeof registrations.$inferSelect; unitName: string; personName: string | null }>[] {
  const stt = counter();
  return [
    { header: 'STT', value: () => stt(), type: 'integer', width: 7 },
    { header: 'Đơn vị', value: (r) => r.unitName, width: 32 },
    { header: 'Đối tượng', value: (r) => label<SubjectKind>(SUBJECT_KIND_LABELS, r.reg.subjectKind), width: 12 },
    { header: 'Cá nhân', value: (r) => r.personName, width: 28 },
    { header: 'Danh hiệu, hình thức đăng ký', value: (r) => honorLabel(r.reg.honor), width: 36 },
    { header: 'Ghi chú', value: (r) => r.reg.note, width: 30 },
    { header: 'Thời gian đăng ký', value: (r) => r.reg.createdAt, type: 'datetime', width: 18 },
  ];
}

export interface RollupUnit {
  unitId: string;
  unitName: string;
  collective: string[];
  individual: Record<string, number>;
  total: number;
}

/** One column per honor that appears in the roll-up (individual counts), as on the screen. */
export function rollupColumns(honors: readonly string[]): XlsxColumn<RollupUnit>[] {
  const stt = counter();
  return [
    { header: 'STT', value: () => stt(), type: 'integer', width: 7 },
    { header: 'Đơn vị', value: (r) => r.unitName, width: 36 },
    { header: 'Tập thể đăng ký', value: (r) => r.collective.map(honorLabel).join('; '), width: 36 },
    ...honors.map((h): XlsxColumn<RollupUnit> => ({
      header: `${honorLabel(h)} (cá nhân)`,
      value: (r) => r.individual[h] ?? 0,
      type: 'integer',
      width: 16,
      total: true,
    })),
    { header: 'Tổng số đăng ký', value: (r) => r.total, type: 'integer', width: 12, total: true },
  ];
}

export interface CandidateExportLine {
  name: string;
  kind: string;
  unitName: string;
  honor: string;
  eligible: boolean | null;
  reasons: string;
  amount: number | null;
}

export function candidateColumns(): XlsxColumn<CandidateExportLine>[] {
  const stt = counter();
  return [
    { header: 'STT', value: () => stt(), type: 'integer', width: 7 },
    { header: 'Họ tên / Tập thể', value: (r) => r.name, width: 30 },
    { header: 'Đối tượng', value: (r) => label<SubjectKind>(SUBJECT_KIND_LABELS, r.kind), width: 12 },
    { header: 'Đơn vị', value: (r) => r.unitName, width: 30 },
    { header: 'Danh hiệu, hình thức', value: (r) => honorLabel(r.honor), width: 34 },
    {
      header: 'Kết quả',
      value: (r) => (r.eligible === true ? 'Đủ điều kiện' : r.eligible === false ? 'Không đủ điều kiện' : 'Cần bổ sung, xác nhận'),
      width: 20,
    },
    { header: 'Lý do (tóm tắt)', value: (r) => r.reasons, width: 70 },
    { header: 'Tiền thưởng (đồng)', value: (r) => r.amount, type: 'money', width: 16, total: true },
  ];
}

export function calendarColumns(): XlsxColumn<{ d: DeadlineRow; unitName: string }>[] {
  const stt = counter();
  return [
    { header: 'STT', value: () => stt(), type: 'integer', width: 7 },
    { header: 'Hạn', value: (r) => r.d.dueDate, type: 'date', width: 12 },
    { header: 'Loại thời hạn', value: (r) => label<DeadlineKind>(DEADLINE_KIND_LABELS, r.d.kind), width: 24 },
    { header: 'Nội dung', value: (r) => r.d.title, width: 56 },
    { header: 'Đơn vị', value: (r) => r.unitName, width: 30 },
    { header: 'Ghi chú', value: (r) => r.d.note, width: 30 },
    { header: 'Trạng thái', value: (r) => (r.d.status === 'done' ? 'Đã hoàn thành' : 'Đang mở'), width: 14 },
  ];
}
