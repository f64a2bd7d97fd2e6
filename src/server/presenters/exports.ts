/** Columns of the Excel exports of the lists (Vietnamese headers; dates dd/mm/yyyy). */
import type { XlsxColumn } from '../documents/index.js';
import type { PersonRow } from '../repositories/people.js';
import type { UnitRow } from '../repositories/units.js';
import type { CouncilRow } from '../repositories/councils.js';
import type { auditEvents } from '../db/schema/index.js';
import {
  COUNCIL_KIND_LABELS,
  COUNCIL_POSITION_LABELS,
  EMPLOYMENT_TYPE_LABELS,
  GENDER_LABELS,
  UNIT_KIND_LABELS,
  type CouncilKind,
  type CouncilPosition,
  type EmploymentType,
  type Gender,
  type UnitKind,
} from '../../shared/codes.js';
import { AUDIT_ACTIONS, type AuditAction } from '../audit/events.js';

const yesNo = (v: boolean): string => (v ? 'Có' : 'Không');

/** Dates and times as Vietnamese readers write them (UTC+7), e.g. "21/11/2026 14:05". */
export function formatDateTimeVi(d: Date): string {
  const t = new Date(d.getTime() + 7 * 3600_000);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}`;
}

export function peopleColumns(): XlsxColumn<{ person: PersonRow; unitName: string }>[] {
  let n = 0;
  return [
    { header: 'STT', value: () => ++n, type: 'integer', width: 7 },
    { header: 'Họ và tên', value: (r) => r.person.fullName, width: 28 },
    { header: 'Giới tính', value: (r) => (r.person.gender ? (GENDER_LABELS[r.person.gender as Gender] ?? r.person.gender) : ''), width: 10 },
    { header: 'Ngày sinh', value: (r) => r.person.birthDate, type: 'date', width: 12 },
    { header: 'Số CCCD', value: (r) => r.person.cccd, width: 16 },
    { header: 'Đơn vị', value: (r) => r.unitName, width: 36 },
    { header: 'Chức vụ', value: (r) => r.person.position, width: 24 },
    { header: 'Lãnh đạo', value: (r) => yesNo(r.person.isLeader), width: 10 },
    {
      header: 'Loại cán bộ',
      value: (r) => (r.person.employmentType ? (EMPLOYMENT_TYPE_LABELS[r.person.employmentType as EmploymentType] ?? r.person.employmentType) : ''),
      width: 16,
    },
    { header: 'Thư điện tử', value: (r) => r.person.email, width: 26 },
    { header: 'Trạng thái', value: (r) => (r.person.active ? 'Đang theo dõi' : 'Ngừng theo dõi'), width: 16 },
  ];
}

export function unitColumns(parentName: (id: string | null) => string): XlsxColumn<{ unit: UnitRow; staffCount: number }>[] {
  let n = 0;
  return [
    { header: 'STT', value: () => ++n, type: 'integer', width: 7 },
    { header: 'Tên đơn vị', value: (r) => `${'   '.repeat(r.unit.depth)}${r.unit.name}`, width: 48 },
    { header: 'Tên viết tắt', value: (r) => r.unit.shortName, width: 16 },
    { header: 'Ký hiệu', value: (r) => r.unit.code, width: 12 },
    { header: 'Loại đơn vị', value: (r) => UNIT_KIND_LABELS[r.unit.kind as UnitKind] ?? r.unit.kind, width: 20 },
    { header: 'Đơn vị cấp trên', value: (r) => parentName(r.unit.parentId), width: 36 },
    { header: 'Số cán bộ', value: (r) => Number(r.staffCount), type: 'integer', width: 11, total: true },
    { header: 'Trạng thái', value: (r) => (r.unit.active ? 'Đang hoạt động' : 'Ngừng hoạt động'), width: 16 },
  ];
}

export interface CouncilMemberLine {
  council: CouncilRow;
  unitName: string;
  fullName: string | null;
  position: string | null;
  personPosition: string | null;
  memberUnitName: string | null;
}

export function councilColumns(): XlsxColumn<CouncilMemberLine>[] {
  return [
    { header: 'Hội đồng', value: (r) => r.council.name, width: 40 },
    { header: 'Loại hội đồng', value: (r) => COUNCIL_KIND_LABELS[r.council.kind as CouncilKind] ?? r.council.kind, width: 20 },
    { header: 'Đơn vị', value: (r) => r.unitName, width: 32 },
    { header: 'Quyết định thành lập', value: (r) => r.council.establishedBy, width: 30 },
    { header: 'Nhiệm kỳ từ ngày', value: (r) => r.council.termStart, type: 'date', width: 14 },
    { header: 'Đến ngày', value: (r) => r.council.termEnd, type: 'date', width: 12 },
    { header: 'Thành viên', value: (r) => r.fullName, width: 28 },
    { header: 'Vị trí trong hội đồng', value: (r) => (r.position ? (COUNCIL_POSITION_LABELS[r.position as CouncilPosition] ?? r.position) : ''), width: 20 },
    { header: 'Chức vụ', value: (r) => r.personPosition, width: 24 },
    { header: 'Đơn vị công tác', value: (r) => r.memberUnitName, width: 30 },
    { header: 'Trạng thái', value: (r) => (r.council.active ? 'Đang hoạt động' : 'Hết hiệu lực'), width: 14 },
  ];
}

export function auditColumns(): XlsxColumn<typeof auditEvents.$inferSelect>[] {
  return [
    { header: 'Thời gian', value: (r) => r.at, type: 'datetime', width: 18 },
    { header: 'Tài khoản', value: (r) => r.actorUsername, width: 16 },
    { header: 'Thao tác', value: (r) => AUDIT_ACTIONS[r.action as AuditAction] ?? r.action, width: 34 },
    { header: 'Nội dung', value: (r) => r.summary, width: 70 },
    { header: 'Đối tượng', value: (r) => r.entityType, width: 14 },
    { header: 'Địa chỉ IP', value: (r) => r.ip, width: 16 },
  ];
}
