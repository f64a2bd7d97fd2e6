/**
 * Import of quality ratings and award history from .xlsx: every row is checked (subject found in
 * the actor's scope, codes valid, no duplicates) and reported in Vietnamese. Reading only: the
 * preview stores nothing; `importRecords` (commands) stores the checked rows on confirmation.
 */
import { importTemplateXlsx, type TemplateColumn } from '../documents/xlsx/template.js';
import type { Executor } from '../db/client.js';
import type { Actor } from '../auth/actor.js';
import { listVisiblePeopleForMatching, listVisibleUnitsForMatching, unsafeListHonorKeysOf, unsafeListRatingsOf } from '../repositories/records.js';
import type { ImportRowError, ImportValue } from '../documents/xlsx/import.js';
import { readHonorsTable, readRatingsTable, type HonorsTable, type RatingsTable, type RecordImportMapping } from './import-tables.js';
import { assertXlsx } from '../imports/staff-xlsx.js';
import { guardXlsx } from '../imports/xlsx-guard.js';
import { reachesOnlySelf } from '../policies/record.js';
import {
  COMMENDATION_TYPES,
  COMMENDATION_TYPE_LABELS,
  HONORS,
  HONOR_INFO,
  RATINGS,
  RATING_LABELS,
  type CommendationType,
  type Honor,
  type Rating,
} from '../../shared/codes.js';
import { foldVi, formatDateVi } from '../../shared/format-vi.js';
import { HONOR_SHORT } from '../rules/index.js';
import { RECORD_MAX_YEAR, RECORD_MIN_YEAR, type RecordImportKind } from '../../shared/schemas/records.js';

export { RECORD_IMPORT_HEADERS, readHonorsTable, readRatingsTable, type HonorsTable, type RatingsTable, type RecordImportMapping } from './import-tables.js';

export interface RatingImportRow {
  personId: string | null;
  unitId: string | null;
  year: number;
  rating: Rating;
  note: string | null;
  /** The rating it replaces, if any (shown in the preview). */
  replaces: Rating | null;
}

export interface HonorImportRow {
  personId: string | null;
  unitId: string | null;
  year: number;
  honor: Honor;
  type: CommendationType;
  decisionNumber: string | null;
  decisionDate: string | null;
  issuer: string | null;
  revoked: boolean;
}

export interface CheckedRow<T> {
  row: number;
  values: Record<string, string>;
  subjectName: string | null;
  input: T | null;
  errors: string[];
  warnings: string[];
}

const asText = (v: ImportValue | undefined): string => (v === null || v === undefined ? '' : v instanceof Date ? formatDateVi(v) : String(v).trim());

function codeMatcher<C extends string>(codes: readonly C[], labels: (c: C) => string[]): (text: string) => C | null {
  const map = new Map<string, C>();
  for (const c of codes) for (const l of [c, ...labels(c)]) map.set(foldVi(l), c);
  return (text) => map.get(foldVi(text)) ?? null;
}
const matchRating = codeMatcher(RATINGS, (r) => [RATING_LABELS[r]]);
const matchHonor = codeMatcher(HONORS, (h) => [HONOR_INFO[h].label, HONOR_SHORT[h]]);
const matchType = codeMatcher(COMMENDATION_TYPES, (t) => [
  COMMENDATION_TYPE_LABELS[t],
  ...(t === 'cong_trang' ? ['thường xuyên', 'công trạng'] : t === 'chuyen_de' ? ['chuyên đề', 'theo đợt'] : []),
]);

function parseYes(text: string): boolean | null {
  const f = foldVi(text);
  if (['', 'khong', 'k', '0', 'no', 'false'].includes(f)) return false;
  if (['co', 'x', '1', 'yes', 'true', 'da thu hoi'].includes(f)) return true;
  return null;
}

/** Resolves the subject of a row among what the actor may see: CCCD, then name (+ unit), else the unit as a collective. */
class SubjectResolver {
  private byCccd = new Map<string, { id: string; fullName: string }>();
  private byName = new Map<string, { id: string; fullName: string; unitId: string }[]>();
  private unitByKey = new Map<string, { id: string; name: string }>();
  constructor(
    persons: { id: string; fullName: string; cccd: string | null; unitId: string }[],
    unitList: { id: string; name: string; code: string | null; shortName: string | null }[],
    private readonly collectivesAllowed: boolean,
  ) {
    for (const p of persons) {
      if (p.cccd) this.byCccd.set(p.cccd, p);
      const k = foldVi(p.fullName);
      const list = this.byName.get(k) ?? [];
      list.push(p);
      this.byName.set(k, list);
    }
    for (const u of unitList) for (const k of [u.name, u.code, u.shortName]) if (k) this.unitByKey.set(foldVi(k), u);
  }

  resolve(values: Record<string, string>, errors: string[]): { personId: string | null; unitId: string | null; name: string | null } | null {
    const name = values.fullName ?? '';
    const cccd = values.cccd ?? '';
    const unitText = values.unit ?? '';
    const unit = unitText ? this.unitByKey.get(foldVi(unitText)) : undefined;
    if (unitText && !unit) {
      errors.push(`Đơn vị "${unitText}" không có trong cơ cấu tổ chức (hoặc ngoài phạm vi của bạn).`);
      return null;
    }
    if (cccd) {
      const p = this.byCccd.get(cccd);
      if (!p) {
        errors.push(`Không tìm thấy cán bộ có số CCCD ${cccd} trong phạm vi của bạn.`);
        return null;
      }
      if (name && foldVi(name) !== foldVi(p.fullName)) errors.push(`Số CCCD ${cccd} là của "${p.fullName}", không phải "${name}".`);
      return { personId: p.id, unitId: null, name: p.fullName };
    }
    if (name) {
      let list = this.byName.get(foldVi(name)) ?? [];
      if (unit) list = list.filter((p) => p.unitId === unit.id);
      if (list.length === 0) {
        errors.push(`Không tìm thấy cán bộ "${name}"${unit ? ` ở ${unit.name}` : ''} trong phạm vi của bạn.`);
        return null;
      }
      if (list.length > 1) {
        errors.push(`Có ${list.length} cán bộ tên "${name}"${unit ? ` ở ${unit.name}` : ''}: hãy ghi số CCCD để phân biệt.`);
        return null;
      }
      const p = list[0]!;
      return { personId: p.id, unitId: null, name: p.fullName };
    }
    if (unit) {
      if (!this.collectivesAllowed) {
        errors.push('Bạn chỉ được nhập dữ liệu của cá nhân.');
        return null;
      }
      return { personId: null, unitId: unit.id, name: unit.name };
    }
    errors.push('Thiếu đối tượng: ghi "Họ và tên" (hoặc "Số CCCD") của cán bộ, hoặc chỉ "Đơn vị" cho tập thể.');
    return null;
  }
}

async function resolverFor(tx: Executor, actor: Actor): Promise<SubjectResolver> {
  const persons = await listVisiblePeopleForMatching(tx, actor);
  const unitList = await listVisibleUnitsForMatching(tx, actor);
  return new SubjectResolver(persons, unitList, !reachesOnlySelf(actor));
}

/** The file checks every import passes on the request path: content type, then the zip's sizes, ratio and rows. */
export async function assertRecordSheet(kind: RecordImportKind, buf: Buffer): Promise<void> {
  await assertXlsx(buf);
  // Sizes, ratio and row count are checked on the zip itself before the shared reader loads the workbook.
  await guardXlsx(buf, kind);
}

/** The reader's row messages by row, without their "Dòng n: " prefix (the preview shows the row). */
function byRow(messages: readonly ImportRowError[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const e of messages) out.set(e.row, [...(out.get(e.row) ?? []), e.message.replace(/^Dòng \d+: /, '')]);
  return out;
}

function rowValues<K extends string>(values: Record<K, ImportValue>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values) as [K, ImportValue][]) out[k] = asText(v);
  return out;
}

function checkYear(v: ImportValue | undefined, errors: string[]): number | null {
  if (typeof v !== 'number' || !Number.isInteger(v)) return null; // readXlsxTable has reported it
  if (v < RECORD_MIN_YEAR || v > RECORD_MAX_YEAR) {
    errors.push(`Năm ${v} không hợp lệ (từ ${RECORD_MIN_YEAR} đến ${RECORD_MAX_YEAR}).`);
    return null;
  }
  return v;
}

/** Reads and checks a ratings sheet; stores nothing. */
export async function checkRatingsSheet(tx: Executor, actor: Actor, buf: Buffer, mapping?: RecordImportMapping): Promise<CheckedRow<RatingImportRow>[]> {
  await assertRecordSheet('ratings', buf);
  return checkRatingsTable(tx, actor, await readRatingsTable(buf, mapping));
}

/** Checks a read ratings table against what the actor may see and what is stored; stores nothing. */
export async function checkRatingsTable(tx: Executor, actor: Actor, table: RatingsTable): Promise<CheckedRow<RatingImportRow>[]> {
  const resolver = await resolverFor(tx, actor);
  const errorsByRow = byRow(table.errors);
  const warningsByRow = byRow(table.warnings);
  const seen = new Map<string, number>();
  const out: CheckedRow<RatingImportRow>[] = [];
  for (const r of table.rows) {
    const errors = [...(errorsByRow.get(r.row) ?? [])];
    const values = rowValues(r.values);
    const subject = resolver.resolve(values, errors);
    const year = checkYear(r.values.year, errors);
    const rating = values.rating ? matchRating(values.rating) : null;
    if (values.rating && !rating) errors.push(`Xếp loại "${values.rating}" không hợp lệ (HTXSNV, HTTNV, HTNV, KHTNV hoặc tên đầy đủ).`);
    if (subject && year !== null) {
      const key = `${subject.personId ?? subject.unitId}:${year}`;
      const first = seen.get(key);
      if (first !== undefined) errors.push(`Trùng với dòng ${first}: cùng đối tượng, cùng năm ${year}.`);
      else seen.set(key, r.row);
    }
    out.push({
      row: r.row,
      values,
      subjectName: subject?.name ?? null,
      input:
        errors.length === 0 && subject && year !== null && rating
          ? { personId: subject.personId, unitId: subject.unitId, year, rating, note: values.note || null, replaces: null }
          : null,
      errors,
      warnings: [...(warningsByRow.get(r.row) ?? [])],
    });
  }
  // Existing ratings are replaced: say so in the preview.
  const valid = out.filter((r) => r.input);
  const personIds = valid.map((r) => r.input!.personId).filter((x): x is string => !!x);
  const unitIds = valid.map((r) => r.input!.unitId).filter((x): x is string => !!x);
  const existing = new Map<string, string>();
  for (const e of await unsafeListRatingsOf(tx, personIds, unitIds)) existing.set(`${e.personId ?? e.unitId}:${e.year}`, e.rating);
  for (const r of valid) {
    const i = r.input!;
    const old = existing.get(`${i.personId ?? i.unitId}:${i.year}`);
    if (old && old !== i.rating) {
      i.replaces = old as Rating;
      r.warnings.push(`Thay xếp loại năm ${i.year} đang có (${old}) bằng ${i.rating}.`);
    }
  }
  return out;
}

/** Reads and checks an award-history sheet; stores nothing. */
export async function checkHonorsSheet(tx: Executor, actor: Actor, buf: Buffer, mapping?: RecordImportMapping): Promise<CheckedRow<HonorImportRow>[]> {
  await assertRecordSheet('honors', buf);
  return checkHonorsTable(tx, actor, await readHonorsTable(buf, mapping));
}

/** Checks a read award-history table (like `checkRatingsTable`); stores nothing. */
export async function checkHonorsTable(tx: Executor, actor: Actor, table: HonorsTable): Promise<CheckedRow<HonorImportRow>[]> {
  const resolver = await resolverFor(tx, actor);
  const errorsByRow = byRow(table.errors);
  const warningsByRow = byRow(table.warnings);
  const seen = new Map<string, number>();
  const out: CheckedRow<HonorImportRow>[] = [];
  for (const r of table.rows) {
    const errors = [...(errorsByRow.get(r.row) ?? [])];
    const values = rowValues(r.values);
    const subject = resolver.resolve(values, errors);
    const year = checkYear(r.values.year, errors);
    const honor = values.honor ? matchHonor(values.honor) : null;
    if (values.honor && !honor)
      errors.push(`Danh hiệu, hình thức "${values.honor}" không có trong danh mục (ví dụ: LĐTT, CSTĐCS, Giấy khen, Bằng khen bộ, ban, ngành, tỉnh).`);
    const type = values.type ? matchType(values.type) : 'cong_trang';
    if (!type) errors.push(`Loại hình "${values.type}" không hợp lệ (công trạng, chuyên đề, đột xuất, cống hiến, niên hạn, đối ngoại).`);
    const revoked = parseYes(values.revoked ?? '');
    if (revoked === null) errors.push(`Cột "Đã thu hồi" chỉ ghi "Có" hoặc "Không": "${values.revoked}".`);
    if (subject && honor) {
      const kind = subject.personId ? 'individual' : 'collective';
      if (!HONOR_INFO[honor].subjects.includes(kind))
        errors.push(`${kind === 'individual' ? 'Cá nhân' : 'Tập thể'} không thể nhận ${HONOR_INFO[honor].label}.`);
    }
    const d = r.values.decisionDate;
    // A date cell is a calendar date at UTC midnight (not an instant): its UTC date is the date written.
    const decisionDate = d instanceof Date ? d.toISOString().slice(0, 10) : null;
    if (subject && honor && year !== null) {
      const key = `${subject.personId ?? subject.unitId}:${honor}:${year}:${foldVi(values.decisionNumber ?? '')}`;
      const first = seen.get(key);
      if (first !== undefined) errors.push(`Trùng với dòng ${first}.`);
      else seen.set(key, r.row);
    }
    out.push({
      row: r.row,
      values,
      subjectName: subject?.name ?? null,
      input:
        errors.length === 0 && subject && honor && year !== null && type && revoked !== null
          ? {
              personId: subject.personId,
              unitId: subject.unitId,
              year,
              honor,
              type,
              decisionNumber: values.decisionNumber || null,
              decisionDate,
              issuer: values.issuer || null,
              revoked,
            }
          : null,
      errors,
      warnings: [...(warningsByRow.get(r.row) ?? [])],
    });
  }
  // Already in the system: same subject, honor, year and decision number.
  const valid = out.filter((r) => r.input);
  const personIds = [...new Set(valid.map((r) => r.input!.personId).filter((x): x is string => !!x))];
  const unitIds = [...new Set(valid.map((r) => r.input!.unitId).filter((x): x is string => !!x))];
  const stored = new Set<string>();
  const keyOf = (subject: string | null, honor: string, year: number, no: string | null) => `${subject}:${honor}:${year}:${foldVi(no ?? '')}`;
  for (const h of await unsafeListHonorKeysOf(tx, personIds, unitIds)) stored.add(keyOf(h.personId ?? h.unitId, h.honor, h.year, h.decisionNumber));
  for (const r of valid) {
    const i = r.input!;
    if (stored.has(keyOf(i.personId ?? i.unitId, i.honor, i.year, i.decisionNumber))) {
      r.errors.push(
        `${HONOR_INFO[i.honor].label} năm ${i.year}${i.decisionNumber ? ` (QĐ ${i.decisionNumber})` : ''} của ${r.subjectName} đã có trong hệ thống.`,
      );
      r.input = null;
    }
  }
  return out;
}

const SUBJECT_HELP: TemplateColumn[] = [
  { header: 'Họ và tên', meaning: 'Cán bộ được xếp loại, khen thưởng. Bỏ trống (chỉ ghi «Đơn vị») khi đối tượng là tập thể.', width: 28 },
  {
    header: 'Số CCCD',
    meaning: 'Số căn cước công dân của cán bộ: phân biệt người trùng họ tên.',
    format: '12 chữ số, ghi dạng văn bản để giữ số 0 ở đầu',
    kind: 'text',
    width: 16,
  },
  { header: 'Đơn vị', meaning: 'Đơn vị của cán bộ, hoặc tập thể được xếp loại, khen thưởng; đúng tên trong cơ cấu tổ chức.', width: 30 },
];

/**
 * The template offered for download: headers, example rows, drop-down lists of the canonical codes
 * (ratings, honors, kinds of commendation), the units in reach, and the instructions sheet.
 */
export async function recordImportTemplate(kind: RecordImportKind, unitNames: readonly string[] = []): Promise<Buffer> {
  const subject = SUBJECT_HELP.map((c) => (c.header === 'Đơn vị' ? { ...c, choices: unitNames } : c));
  const year: TemplateColumn = {
    header: 'Năm',
    meaning: 'Năm của kết quả.',
    required: true,
    format: `số, từ ${RECORD_MIN_YEAR} đến ${RECORD_MAX_YEAR}`,
    kind: 'integer',
    width: 8,
  };
  const unitExample = unitNames[0] ?? 'Văn phòng Sở';
  if (kind === 'ratings') {
    return importTemplateXlsx({
      sheetName: 'Xếp loại',
      title: 'Hướng dẫn nhập kết quả xếp loại chất lượng',
      columns: [
        ...subject,
        year,
        {
          header: 'Xếp loại',
          meaning: `Mức xếp loại chất lượng: ${RATINGS.map((r) => `${r} = ${RATING_LABELS[r]}`).join('; ')}.`,
          required: true,
          format: 'mã viết tắt hoặc tên đầy đủ',
          choices: RATINGS,
          width: 14,
        },
        { header: 'Ghi chú', meaning: 'Ghi chú (không bắt buộc).', width: 30 },
      ],
      examples: [
        ['Nguyễn Văn An', '004085000123', unitExample, 2024, 'HTXSNV', ''],
        ['', '', unitExample, 2024, 'HTTNV', 'Xếp loại tập thể'],
      ],
      notes: ['Xếp loại đã có của cùng đối tượng, cùng năm sẽ được thay bằng xếp loại trong tệp (báo ở bước xem trước).'],
    });
  }
  return importTemplateXlsx({
    sheetName: 'Khen thưởng',
    title: 'Hướng dẫn nhập lịch sử thi đua, khen thưởng',
    columns: [
      ...subject,
      year,
      {
        header: 'Danh hiệu, hình thức',
        meaning: 'Danh hiệu thi đua hoặc hình thức khen thưởng (tên đầy đủ, hoặc tên viết tắt như LĐTT, CSTĐCS).',
        required: true,
        choices: HONORS.map((h) => HONOR_INFO[h].label),
        width: 36,
      },
      {
        header: 'Loại hình',
        meaning: 'Loại hình khen thưởng; bỏ trống là theo công trạng.',
        choices: COMMENDATION_TYPES.map((t) => COMMENDATION_TYPE_LABELS[t]),
        width: 24,
      },
      { header: 'Số quyết định', meaning: 'Số, ký hiệu của quyết định khen thưởng.', format: 'ví dụ 25/QĐ-SKHCN', width: 16 },
      { header: 'Ngày quyết định', meaning: 'Ngày ký quyết định.', format: 'dd/mm/yyyy', kind: 'date', width: 14 },
      { header: 'Cơ quan ban hành', meaning: 'Cấp, người ký quyết định.', width: 24 },
      { header: 'Đã thu hồi', meaning: 'Khen thưởng đã bị thu hồi, hủy bỏ.', format: 'bỏ trống là Không', choices: ['Có', 'Không'], width: 11 },
    ],
    examples: [
      [
        'Nguyễn Văn An',
        '004085000123',
        unitExample,
        2023,
        HONOR_INFO.CSTDCS.label,
        COMMENDATION_TYPE_LABELS.cong_trang,
        '25/QĐ-SKHCN',
        '15/01/2024',
        'Giám đốc Sở KH&CN',
        'Không',
      ],
    ],
    notes: ['Khen thưởng đã có trong hệ thống (cùng đối tượng, danh hiệu, năm và số quyết định) sẽ bị bỏ qua.'],
  });
}
