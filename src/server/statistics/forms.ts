/**
 * The annual statistical forms of the TĐKT sector as DATA: a form is its rows, its columns and, for
 * each, the conditions a record must meet; the cell (row × column) counts the records meeting both.
 * A new circular is a new definition here, nothing else changes (issue 13). Pure: no I/O.
 *
 * TT 02/2023/TT-BNV (23/3/2023), forms 0601.N, 0602.N, 0603.N/BNV-TĐKT, due 15/12: layout after
 * ../shared/domain/legal-rules.md §12 (S40, S41). TT 18/2025/TT-BNV (08/10/2025) replaces that regime;
 * its forms are UNVERIFIED (the official text was not read), so none is defined for it yet.
 *
 * Categories the records do not hold (a household, an enterprise, an entrepreneur, a State prize, a
 * resistance award, a movement launched by the central council) are rows or columns with `none`:
 * always 0, and the drill-down says why.
 */
import { HONOR_INFO, type Honor } from '../../shared/codes.js';
import { addDays } from '../../shared/clock.js';

/** What a statistical record looks like to a form: named attributes with string values. */
export type StatRecord = Record<string, string>;
/** A record matches when, for every attribute named, its value is one of those listed. */
export type Conditions = Record<string, readonly string[]>;

export interface StatLine {
  key: string;
  /** Mã số (rows) or the column number printed under the header. */
  code: string;
  label: string;
  /** Header groups above a column, outermost first (merged cells in the XLSX). */
  groups?: readonly string[];
  /** Đơn vị tính (rows of 0602/0603). */
  unit?: string;
  /** A heading row ("1. Chia theo …"): no figures. */
  heading?: boolean;
  /** The records must meet these (absent: all the form's records). */
  where?: Conditions;
  /** The records hold no such category: the line is always 0, and this says why. */
  none?: string;
  bold?: boolean;
}

export interface StatForm {
  code: string;
  circular: string;
  title: string;
  /** Unit printed above the table ("Đơn vị tính: Phong trào"). */
  unitOfCount?: string;
  source: 'movement' | 'honor';
  due: string;
  verified: boolean;
  note: string;
  columns: readonly StatLine[];
  rows: readonly StatLine[];
}

const TT02 = 'Thông tư số 02/2023/TT-BNV ngày 23/3/2023';
const TT02_NOTE =
  'Theo Thông tư 02/2023/TT-BNV. Thông tư 18/2025/TT-BNV (08/10/2025) thay thế chế độ báo cáo này; mẫu biểu mới CHƯA ĐƯỢC KIỂM CHỨNG (UNVERIFIED) nên chưa lập.';

// ------------------------------------------------------------------ 0601.N: movements

const LAUNCH = 'Số phong trào thi đua chia theo cấp chủ trì phát động thi đua';

export const FORM_0601: StatForm = {
  code: '0601.N/BNV-TĐKT',
  circular: TT02,
  title: 'SỐ PHONG TRÀO THI ĐUA',
  unitOfCount: 'Phong trào',
  source: 'movement',
  due: 'Ngày 15 tháng 12 năm báo cáo',
  verified: true,
  note: TT02_NOTE,
  columns: [
    { key: 'total', code: '1=(2+3+4)', label: 'Tổng số' },
    {
      key: 'central',
      code: '2',
      groups: [LAUNCH],
      label: 'Cấp Trung ương (Hội đồng Thi đua - Khen thưởng Trung ương)',
      none: 'Phong trào do Trung ương phát động không do đơn vị phát động trong hệ thống.',
    },
    {
      key: 'bo_tinh',
      code: '3',
      groups: [LAUNCH],
      label: 'Cấp bộ, ban, ngành, đoàn thể trung ương, tỉnh, thành phố trực thuộc Trung ương',
      where: { launch: ['bo_tinh'] },
    },
    { key: 'co_quan', code: '4', groups: [LAUNCH], label: 'Cơ quan, tổ chức, đơn vị', where: { launch: ['co_quan'] } },
  ],
  rows: [
    { key: 'total', code: '01', label: 'Tổng số', bold: true },
    { key: 'h_scope', code: '', label: '1. Chia theo phạm vi tổ chức thi đua', heading: true },
    { key: 'national', code: '02', label: '- Toàn quốc', none: 'Hệ thống không có phong trào phạm vi toàn quốc.' },
    { key: 'bo_dp', code: '03', label: '- Bộ, ban, ngành đoàn thể, địa phương', where: { scope: ['bo_dp'] } },
    {
      key: 'cum_khoi',
      code: '04',
      label: '- Cụm, khối thi đua do Hội đồng Thi đua - Khen thưởng các cấp tổ chức',
      none: 'Phong trào chưa ghi cụm, khối tổ chức.',
    },
    { key: 'co_quan', code: '05', label: '- Cơ quan, tổ chức, đơn vị', where: { scope: ['co_quan'] } },
    { key: 'h_duration', code: '', label: '2. Chia theo thời hạn thi đua', heading: true },
    { key: 'lt1', code: '06', label: '- Dưới 1 năm', where: { duration: ['lt1'] } },
    { key: 'eq1', code: '07', label: '- 1 năm', where: { duration: ['eq1'] } },
    { key: '1to3', code: '08', label: '- Từ 1 năm đến dưới 3 năm', where: { duration: ['1to3'] } },
    { key: '3to5', code: '09', label: '- Từ 3 năm đến dưới 5 năm', where: { duration: ['3to5'] } },
    { key: 'ge5', code: '10', label: '- Từ 5 năm trở lên', where: { duration: ['ge5'] } },
    { key: 'h_method', code: '', label: '3. Chia theo phương thức tổ chức phong trào thi đua', heading: true },
    { key: 'thematic', code: '11', label: '- Thi đua theo chuyên đề', where: { method: ['thematic'] } },
    { key: 'regular', code: '12', label: '- Thi đua thường xuyên hàng năm', where: { method: ['regular'] } },
  ],
};

// ------------------------------------------------------------------ 0602.N / 0603.N: awards

const honorCol = (key: string, code: string, groups: string[], label: string, honors: readonly Honor[], subject?: 'individual' | 'collective'): StatLine => ({
  key,
  code,
  groups,
  label,
  where: subject ? { honor: honors, subject: [subject] } : { honor: honors },
});

/** The recipient and type rows shared by 0602 and 0603 (numbered from `first`). */
function awardRows(first: number, withSubmitter: boolean): StatLine[] {
  let n = first;
  const code = () => String(n++).padStart(2, '0');
  const rows: StatLine[] = [{ key: 'total', code: code(), label: 'Tổng số', bold: true }];
  if (withSubmitter)
    rows.push(
      { key: 'h_submitter', code: '', label: '1. Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về khen thưởng', heading: true },
      { key: 'by_ministry', code: code(), label: '- Bộ, ban, ngành, đoàn thể Trung ương', unit: 'Bộ, ngành', where: { submitter: ['bo_nganh'] } },
      { key: 'by_province', code: code(), label: '- Tỉnh, thành phố trực thuộc Trung ương', unit: 'Tỉnh, TP', where: { submitter: ['tinh'] } },
    );
  rows.push(
    { key: 'h_subject', code: '', label: `${withSubmitter ? 2 : 1}. Chia theo đối tượng khen thưởng`, heading: true },
    { key: 'collective', code: code(), label: '- Tập thể', unit: 'Tập thể', where: { subject: ['collective'] } },
    { key: 'enterprise', code: code(), label: 'Trong đó: Doanh nghiệp', unit: 'Doanh nghiệp', none: 'Danh mục đơn vị không ghi doanh nghiệp.' },
    { key: 'household', code: code(), label: '- Hộ gia đình', unit: 'Hộ', none: 'Hồ sơ khen thưởng chưa ghi hộ gia đình.' },
    { key: 'individual', code: code(), label: '- Cá nhân', unit: 'Người', where: { subject: ['individual'] } },
    {
      key: 'leader_bo_tinh',
      code: code(),
      label: '+ Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên',
      unit: 'Người',
      none: 'Hồ sơ cán bộ không ghi chức vụ cấp bộ, cấp tỉnh.',
    },
    {
      key: 'leader_so',
      code: code(),
      label: '+ Lãnh đạo cấp vụ, sở, ngành và tương đương',
      unit: 'Người',
      where: { subject: ['individual'], leader: ['agency'] },
    },
    { key: 'entrepreneur', code: code(), label: '+ Doanh nhân', unit: 'Người', none: 'Hồ sơ cán bộ không ghi doanh nhân.' },
    {
      key: 'leader_other',
      code: code(),
      label: '+ Các cấp lãnh đạo khác từ phó phòng trở lên',
      unit: 'Người',
      where: { subject: ['individual'], leader: ['unit'] },
    },
    {
      key: 'direct_worker',
      code: code(),
      label: '+ Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu (công nhân, nông dân,...)',
      unit: 'Người',
      where: { subject: ['individual'], directWorker: ['yes'] },
    },
    { key: 'h_type', code: '', label: `${withSubmitter ? 3 : 2}. Chia theo phương thức khen thưởng`, heading: true },
    { key: 'cong_trang', code: code(), label: '- Thường xuyên', where: { type: ['cong_trang'] } },
    { key: 'chuyen_de', code: code(), label: '- Chuyên đề', where: { type: ['chuyen_de'] } },
    { key: 'dot_xuat', code: code(), label: '- Đột xuất', where: { type: ['dot_xuat'] } },
    { key: 'doi_ngoai', code: code(), label: '- Đối ngoại', where: { type: ['doi_ngoai'] } },
    { key: 'cong_hien', code: code(), label: '- Cống hiến', where: { type: ['cong_hien'] } },
    { key: 'nien_han', code: code(), label: '- Niên hạn', where: { type: ['nien_han'] } },
    { key: 'khang_chien', code: code(), label: '- Kháng chiến', none: 'Danh mục loại hình khen thưởng không có «kháng chiến».' },
  );
  return rows;
}

const STATE_HONORS: readonly Honor[] = ['HCLD1', 'HCLD2', 'HCLD3', 'CO_CP', 'BK_TTG', 'CSTD_TQ'];
const ORDERS = 'Các loại huân chương, huy chương (mỗi hình thức ghi riêng một cột)';
const TITLES = 'Danh hiệu vinh dự nhà nước';

export const FORM_0602: StatForm = {
  code: '0602.N/BNV-TĐKT',
  circular: TT02,
  title: 'SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC',
  source: 'honor',
  due: 'Ngày 15 tháng 12 năm báo cáo',
  verified: true,
  note: TT02_NOTE,
  columns: [
    { key: 'total', code: '1', label: 'Tổng số', where: { honor: STATE_HONORS } },
    ...(['HCLD1', 'HCLD2', 'HCLD3'] as const).flatMap((h) => [
      honorCol(`${h}:collective`, '2', ['Chia ra', ORDERS, HONOR_INFO[h].label], 'Tập thể', [h], 'collective'),
      honorCol(`${h}:individual`, '2', ['Chia ra', ORDERS, HONOR_INFO[h].label], 'Cá nhân', [h], 'individual'),
    ]),
    { key: 'hcm_prize', code: '3', groups: ['Chia ra'], label: 'Giải thưởng Hồ Chí Minh', none: 'Danh mục khen thưởng không có Giải thưởng Hồ Chí Minh.' },
    { key: 'state_prize', code: '4', groups: ['Chia ra'], label: 'Giải thưởng Nhà nước', none: 'Danh mục khen thưởng không có Giải thưởng Nhà nước.' },
    {
      key: 'state_title',
      code: '5',
      groups: ['Chia ra', TITLES],
      label: 'Danh hiệu vinh dự nhà nước',
      none: 'Danh mục khen thưởng không có danh hiệu vinh dự nhà nước.',
    },
    honorCol('CO_CP', '6', ['Chia ra', 'Cờ thi đua của Chính phủ'], 'Tập thể', ['CO_CP'], 'collective'),
    honorCol('BK_TTG:collective', '7', ['Chia ra', 'Bằng khen của Thủ tướng Chính phủ'], 'Tập thể', ['BK_TTG'], 'collective'),
    honorCol('BK_TTG:individual', '7', ['Chia ra', 'Bằng khen của Thủ tướng Chính phủ'], 'Cá nhân', ['BK_TTG'], 'individual'),
    honorCol('CSTD_TQ', '8', ['Chia ra', 'Danh hiệu «Chiến sĩ thi đua toàn quốc»'], 'Cá nhân', ['CSTD_TQ'], 'individual'),
    {
      key: 'other',
      code: '9',
      groups: ['Chia ra'],
      label: 'Các hình thức khen thưởng khác',
      none: 'Danh mục khen thưởng cấp Nhà nước không có hình thức khác.',
    },
  ],
  rows: awardRows(1, true),
};

const BO_TINH_HONORS: readonly Honor[] = ['BK_BO_TINH', 'CSTD_BO_TINH', 'CO_BO_TINH', 'KNC'];
export const FORM_0603: StatForm = {
  code: '0603.N/BNV-TĐKT',
  circular: TT02,
  title: 'SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG',
  source: 'honor',
  due: 'Ngày 15 tháng 12 năm báo cáo',
  verified: true,
  note: TT02_NOTE,
  columns: [
    { key: 'total', code: '1', label: 'Tổng số', where: { honor: BO_TINH_HONORS } },
    honorCol('BK_BO_TINH', '2', ['Chia ra'], 'Bằng khen', ['BK_BO_TINH']),
    honorCol('CSTD_BO_TINH', '3', ['Chia ra'], 'Chiến sĩ thi đua cấp bộ, cấp tỉnh', ['CSTD_BO_TINH']),
    honorCol('CO_BO_TINH', '4', ['Chia ra'], 'Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương', ['CO_BO_TINH']),
    honorCol('KNC', '5', ['Chia ra'], 'Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương', ['KNC']),
  ],
  rows: awardRows(1, false),
};

/** The forms by the short code used in the URL (`/api/statistics/forms/0601`). */
export const STAT_FORMS: Record<string, StatForm> = { '0601': FORM_0601, '0602': FORM_0602, '0603': FORM_0603 };
export const STAT_FORM_CODES = Object.keys(STAT_FORMS) as [string, ...string[]];

/** The circulars known, and whether their layouts are defined here. */
export const STAT_CIRCULARS = [
  { code: 'TT 02/2023/TT-BNV', date: '2023-03-23', forms: STAT_FORM_CODES, verified: true, note: 'Đang lập biểu theo thông tư này.' },
  {
    code: 'TT 18/2025/TT-BNV',
    date: '2025-10-08',
    forms: [] as string[],
    verified: false,
    note: 'Thay thế chế độ báo cáo thống kê của TT 02/2023; mã biểu và chỉ tiêu mới CHƯA ĐƯỢC KIỂM CHỨNG (UNVERIFIED) — sẽ thêm định nghĩa biểu khi có văn bản chính thức.',
  },
] as const;

export function matches(r: StatRecord, where: Conditions | undefined): boolean {
  if (!where) return true;
  for (const [field, values] of Object.entries(where)) if (!values.includes(r[field] ?? '')) return false;
  return true;
}

/** Does the record fall in this cell? A line with `none` holds nothing; headings hold nothing. */
export function inCell(r: StatRecord, row: StatLine, col: StatLine): boolean {
  if (row.heading || row.none || col.none) return false;
  return matches(r, row.where) && matches(r, col.where);
}

/** A group of identical records (same attributes) and how many: what the repository counts. */
export interface StatGroup {
  attrs: StatRecord;
  n: number;
}

/** The figures of a form: rows × columns, null for heading rows. */
export function formValues(form: StatForm, groups: readonly StatGroup[]): (number | null)[][] {
  return form.rows.map((row) =>
    row.heading ? form.columns.map(() => null) : form.columns.map((col) => groups.reduce((s, g) => s + (inCell(g.attrs, row, col) ? g.n : 0), 0)),
  );
}

// ------------------------------------------------------------------ attributes from stored fields

/** Months a movement runs, counting its last day: 01/01 – 31/12 is 12. */
export function monthsOf(start: string, end: string): number {
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number];
  // The day after the end: whole months from the start to it.
  const [ay, am, ad] = addDays(end, 1).split('-').map(Number) as [number, number, number];
  let m = (ay - sy) * 12 + (am - sm);
  if (ad < sd) m -= 1;
  return m;
}

export function durationClass(months: number): string {
  if (months < 12) return 'lt1';
  if (months === 12) return 'eq1';
  if (months < 36) return '1to3';
  if (months < 60) return '3to5';
  return 'ge5';
}

/**
 * A movement as the 0601 form sees it. The agency itself (the root unit) launches at ministry or
 * province level with its scope; any unit below launches as "cơ quan, tổ chức, đơn vị" (docs/decisions.md).
 */
export function movementRecord(m: { type: string; startDate: string; endDate: string; unitDepth: number }): StatRecord {
  const agency = m.unitDepth === 0;
  return {
    launch: agency ? 'bo_tinh' : 'co_quan',
    scope: agency ? 'bo_dp' : 'co_quan',
    duration: durationClass(monthsOf(m.startDate, m.endDate)),
    method: m.type === 'regular' ? 'regular' : 'thematic',
  };
}

/**
 * An honor as 0602/0603 see it. `submitter` is the agency's kind (a ministry or a province);
 * leaders are split between the agency's own leaders (cấp vụ, sở, ngành) and those of the units below
 * (từ phó phòng trở lên); a direct worker holds no leading post and is employed as người lao động.
 */
export function honorRecord(
  h: { honor: string; type: string; subject: 'individual' | 'collective'; isLeader: boolean | null; employmentType: string | null; unitDepth: number | null },
  submitter: 'bo_nganh' | 'tinh',
): StatRecord {
  const leader = h.subject !== 'individual' || !h.isLeader ? 'none' : h.unitDepth === 0 ? 'agency' : 'unit';
  return {
    honor: h.honor,
    type: h.type,
    subject: h.subject,
    leader,
    directWorker: h.subject === 'individual' && h.isLeader === false && h.employmentType === 'nguoi_lao_dong' ? 'yes' : 'no',
    submitter,
  };
}
