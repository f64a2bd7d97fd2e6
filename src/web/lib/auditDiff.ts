/** Turns an audit event's before/after snapshots into readable rows (pure, no React). */
import { EMPLOYMENT_TYPE_LABELS, GENDER_LABELS, ROLE_LABELS, UNIT_KIND_LABELS, COUNCIL_KIND_LABELS, COUNCIL_POSITION_LABELS } from '../../shared/codes';
import { formatDateVi } from '../../shared/format-vi';

export const FIELD_LABELS: Record<string, string> = {
  name: 'Tên',
  shortName: 'Tên viết tắt',
  code: 'Ký hiệu',
  kind: 'Loại',
  sortOrder: 'Thứ tự',
  parentId: 'Đơn vị cấp trên',
  active: 'Đang hoạt động',
  mergedIntoId: 'Sáp nhập vào',
  movedStaff: 'Số cán bộ chuyển theo',
  movedUnits: 'Số đơn vị trực thuộc chuyển theo',
  fullName: 'Họ và tên',
  unitId: 'Đơn vị',
  gender: 'Giới tính',
  birthDate: 'Ngày sinh',
  cccd: 'Số CCCD',
  position: 'Chức vụ',
  isLeader: 'Lãnh đạo',
  employmentType: 'Loại cán bộ',
  email: 'Thư điện tử',
  effectiveDate: 'Ngày hiệu lực',
  reason: 'Lý do',
  username: 'Tên đăng nhập',
  displayName: 'Tên hiển thị',
  role: 'Vai trò',
  personId: 'Cán bộ',
  establishedBy: 'Căn cứ thành lập',
  termStart: 'Nhiệm kỳ từ',
  termEnd: 'Nhiệm kỳ đến',
  fromDate: 'Từ ngày',
  toDate: 'Đến ngày',
  imported: 'Số dòng đã nhập',
  skipped: 'Số dòng bỏ qua',
  skippedRows: 'Các dòng bỏ qua',
  version: 'Phiên bản',
};

// Technical fields that say nothing to a reader.
const HIDDEN = new Set(['id', 'path', 'depth', 'createdAt', 'updatedAt', 'searchKey', 'nameSortKey', 'ids', 'councilId']);
const UNIT_FIELDS = new Set(['unitId', 'parentId', 'mergedIntoId', 'fromUnitId', 'toUnitId', 'targetId']);

const VALUE_LABELS: Record<string, Record<string, string>> = {
  gender: GENDER_LABELS,
  employmentType: EMPLOYMENT_TYPE_LABELS,
  role: ROLE_LABELS,
  position: { ...COUNCIL_POSITION_LABELS },
};

export interface DiffRow {
  key: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

function asRecord(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** One value as text: dates dd/mm/yyyy, booleans Có/Không, codes as labels, unit ids as names. */
export function displayValue(key: string, v: unknown, unitNames: Map<string, string>, kindHint?: string): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') {
    if (UNIT_FIELDS.has(key)) return unitNames.get(v) ?? v;
    if (key === 'kind') return (UNIT_KIND_LABELS as Record<string, string>)[v] ?? (COUNCIL_KIND_LABELS as Record<string, string>)[v] ?? v;
    if (key === 'position' && kindHint === 'council') return (COUNCIL_POSITION_LABELS as Record<string, string>)[v] ?? v;
    const labels = key === 'position' ? undefined : VALUE_LABELS[key];
    if (labels?.[v]) return labels[v];
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDateVi(v);
    return v;
  }
  if (Array.isArray(v)) return v.map((x) => displayValue(key, x, unitNames, kindHint)).join(', ');
  return JSON.stringify(v);
}

/** Field-by-field comparison of before and after; unchanged fields are kept but flagged. */
export function auditDiff(before: unknown, after: unknown, unitNames: Map<string, string>, entityType?: string): DiffRow[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !HIDDEN.has(k));
  const rows = keys.map((k) => {
    const bv = displayValue(k, b[k], unitNames, entityType);
    const av = displayValue(k, a[k], unitNames, entityType);
    const inBefore = k in b;
    const inAfter = k in a;
    return {
      key: k,
      label: FIELD_LABELS[k] ?? k,
      before: inBefore ? bv : '',
      after: inAfter ? av : '',
      changed: inBefore && inAfter ? JSON.stringify(b[k]) !== JSON.stringify(a[k]) : true,
    };
  });
  // Changed fields first, so the reader sees what happened without scanning.
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}
