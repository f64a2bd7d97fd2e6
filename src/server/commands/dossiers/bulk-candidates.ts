/**
 * Many candidates added to a unit's dossier in one command (a district's LĐTT list of thousands of
 * names): from an Excel sheet (preview, then commit of the valid rows), from the eligible list, or
 * from the named registrations of the campaign. Every check runs over the whole list with a few set
 * queries (`repositories/bulk-candidates.ts`), the rows are stored with multi-row inserts, and the
 * dossier gets one audit event for the lot. A row that fails a check is reported with its reasons
 * and nothing is stored for it.
 */
import type { CommandContext } from '../run.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { movementOfferedHonors, unsafeFindUnit, type DossierRow } from '../../repositories/dossiers.js';
import {
  dossierSubjects,
  insertCandidatesBulk,
  listVisiblePeopleByIdsOrCccds,
  listVisibleUnitsByIds,
  namedRegistrationsFor,
  openCandidaciesElsewhere,
  type NominablePerson,
} from '../../repositories/bulk-candidates.js';
import { candidatesIn } from '../../records/eligibility.js';
import { todayVn } from '../../clock.js';
import { notFound } from '../../errors.js';
import { honorAllowsSubject } from '../../../shared/dossiers.js';
import { HONOR_INFO, SUBJECT_KIND_LABELS, type Honor } from '../../../shared/codes.js';
import { foldVi, formatNumberVi } from '../../../shared/format-vi.js';
import { editable, touch } from './common.js';

/** The sources a bulk add can come from (the audit line says which). */
export const BULK_SOURCES = ['excel', 'eligible', 'registrations', 'selection'] as const;
export type BulkSource = (typeof BULK_SOURCES)[number];
const SOURCE_LABELS: Record<BulkSource, string> = {
  excel: 'từ tệp Excel',
  eligible: 'từ danh sách đủ điều kiện',
  registrations: 'từ danh sách đăng ký thi đua',
  selection: 'từ danh sách chọn',
};

/** One row to add: a person (by id or CCCD) or a collective (by unit id), with its honor. */
export interface BulkRow {
  /** The sheet row (Excel), or null for a row that comes from a list. */
  row: number | null;
  subjectKind: 'individual' | 'collective';
  personId?: string | undefined;
  cccd?: string | undefined;
  unitId?: string | undefined;
  /** The name written in the sheet (checked against the stored one). */
  sheetName?: string | undefined;
  /** Null: the sheet's honor cell could not be read (its reason is in `errors`). */
  honor: Honor | null;
  achievement?: string | null | undefined;
  /** Problems already found while reading the sheet. */
  errors?: string[];
  warnings?: string[];
}

export interface BulkFinding {
  row: number | null;
  name: string;
  honor: Honor | null;
  errors: string[];
  warnings: string[];
}

interface Ready {
  finding: BulkFinding;
  values: {
    subjectKind: 'individual' | 'collective';
    personId: string | null;
    subjectUnitId: string | null;
    displayName: string;
    positionText: string | null;
    honor: Honor;
    achievement: string | null;
  } | null;
}

/**
 * Checks every row against the dossier, what the actor may see and what is stored: unknown CCCD or
 * person, outside the dossier unit's subtree, a duplicate (in the dossier, in the list, or proposed
 * in another open dossier for the same year), an honor the subject cannot receive or the movement
 * does not offer. Reads only; a fixed number of queries whatever the length of the list.
 */
export async function checkBulkRows(tx: Executor, actor: Actor, d: DossierRow, rows: BulkRow[]): Promise<Ready[]> {
  const dUnit = await unsafeFindUnit(tx, d.unitId);
  if (!dUnit) throw notFound('Không tìm thấy đơn vị.');
  const offered = d.movementId ? ((await movementOfferedHonors(tx, d.movementId)) as Honor[]) : [];
  const found = await listVisiblePeopleByIdsOrCccds(tx, actor, {
    ids: rows.flatMap((r) => (r.subjectKind === 'individual' && r.personId ? [r.personId] : [])),
    cccds: rows.flatMap((r) => (r.subjectKind === 'individual' && !r.personId && r.cccd ? [r.cccd] : [])),
  });
  const byId = new Map<string, NominablePerson>(found.map((p) => [p.id, p]));
  const byCccd = new Map<string, NominablePerson>(found.flatMap((p) => (p.cccd ? [[p.cccd, p] as const] : [])));
  const unitRows = await listVisibleUnitsByIds(
    tx,
    actor,
    rows.flatMap((r) => (r.subjectKind === 'collective' && r.unitId ? [r.unitId] : [])),
  );
  const unitById = new Map(unitRows.map((u) => [u.id, u]));
  const mine = await dossierSubjects(tx, d.id);
  const honors = [...new Set(rows.flatMap((r) => (r.honor ? [r.honor] : [])))];
  const elsewhere = await openCandidaciesElsewhere(tx, {
    dossierId: d.id,
    year: d.year,
    honors,
    personIds: found.map((p) => p.id),
    unitIds: unitRows.map((u) => u.id),
  });
  const otherOf = new Map(elsewhere.map((o) => [`${o.personId ?? o.subjectUnitId}:${o.honor}`, o.title]));
  const seen = new Map<string, number | null>();

  return rows.map((r): Ready => {
    const errors = [...(r.errors ?? [])];
    const warnings = [...(r.warnings ?? [])];
    let name = r.sheetName?.trim() || '';
    let subjectId: string | null = null;
    let positionText: string | null = null;
    if (r.subjectKind === 'individual') {
      const p = r.personId ? byId.get(r.personId) : r.cccd ? byCccd.get(r.cccd) : undefined;
      if (!r.personId && !r.cccd) {
        if (!errors.length) errors.push('Thiếu số CCCD của cán bộ.');
      } else if (!p) {
        errors.push(r.cccd ? `Không tìm thấy cán bộ có số CCCD ${r.cccd} trong phạm vi đơn vị của bạn.` : 'Không tìm thấy cán bộ.');
      } else {
        if (name && foldVi(name) !== foldVi(p.fullName)) warnings.push(`Họ tên trong tệp "${name}" khác họ tên đã lưu "${p.fullName}": dùng họ tên đã lưu.`);
        name = p.fullName;
        subjectId = p.id;
        positionText = [p.position, p.unitName].filter(Boolean).join(', ') || null;
        if (!p.unitPath.startsWith(dUnit.path)) errors.push(`${p.fullName} không thuộc đơn vị lập hồ sơ (${dUnit.name}).`);
        else if (!p.active) errors.push(`${p.fullName} đã nghỉ hoặc chuyển công tác (hồ sơ cán bộ không còn hoạt động).`);
      }
    } else {
      const u = r.unitId ? unitById.get(r.unitId) : undefined;
      if (!u) errors.push('Không tìm thấy tập thể (đơn vị) được đề nghị.');
      else {
        name = u.name;
        subjectId = u.id;
        if (!u.path.startsWith(dUnit.path)) errors.push(`"${u.name}" không thuộc đơn vị lập hồ sơ (${dUnit.name}).`);
      }
    }
    const honor = r.honor;
    if (!honor) {
      if (!errors.some((e) => /danh hiệu|hình thức/iu.test(e))) errors.push('Chưa ghi danh hiệu, hình thức đề nghị.');
    } else {
      if (!honorAllowsSubject(honor, r.subjectKind)) errors.push(`${SUBJECT_KIND_LABELS[r.subjectKind]} không thể được đề nghị ${HONOR_INFO[honor].label}.`);
      else if (offered.length && !offered.includes(honor))
        errors.push(`Phong trào này chỉ xét các hình thức: ${offered.map((h) => HONOR_INFO[h].label).join(', ')}.`);
    }
    if (subjectId) {
      const inDossier = r.subjectKind === 'individual' ? mine.personIds.has(subjectId) : mine.unitIds.has(subjectId);
      const key = `${r.subjectKind}:${subjectId}`;
      if (inDossier) errors.push(`${name} đã có trong danh sách đề nghị của hồ sơ này.`);
      else if (seen.has(key)) {
        const first = seen.get(key);
        errors.push(first ? `${name} trùng với dòng ${first} của tệp.` : `${name} có hai lần trong danh sách.`);
      } else if (honor && otherOf.has(`${subjectId}:${honor}`)) {
        errors.push(
          `${name} đã được đề nghị ${HONOR_INFO[honor].label} năm ${d.year} trong một hồ sơ khác đang xử lý ("${otherOf.get(`${subjectId}:${honor}`)}").`,
        );
      }
      if (!seen.has(key)) seen.set(key, r.row);
    }
    const finding: BulkFinding = { row: r.row, name: name || (r.cccd ? `CCCD ${r.cccd}` : ''), honor, errors, warnings };
    if (errors.length || !subjectId || !honor) return { finding, values: null };
    return {
      finding,
      values: {
        subjectKind: r.subjectKind,
        personId: r.subjectKind === 'individual' ? subjectId : null,
        subjectUnitId: r.subjectKind === 'collective' ? subjectId : null,
        displayName: name,
        positionText,
        honor,
        achievement: r.achievement?.trim() || null,
      },
    };
  });
}

export interface BulkResult {
  added: number;
  /** The rows not added, with their reasons (nothing stored for them). */
  skipped: BulkFinding[];
  /** Candidates in the dossier after the add. */
  total: number;
}

/** Adds the rows that pass every check in one transaction; the others are answered with their reasons. */
export async function addCandidatesBulk(
  ctx: CommandContext,
  dossierId: string,
  rows: BulkRow[] | ((tx: Executor, d: DossierRow) => Promise<BulkRow[]>),
  opts: { source: BulkSource; version?: number | undefined },
): Promise<BulkResult> {
  const d = await editable(ctx, dossierId, opts.version);
  // A list drawn from the records (eligible, registrations) is read inside the transaction, from the locked dossier.
  const list = typeof rows === 'function' ? await rows(ctx.tx, d) : rows;
  const checked = await checkBulkRows(ctx.tx, ctx.actor, d, list);
  const ok = checked.flatMap((c) => (c.values ? [c.values] : []));
  const { count } = await dossierSubjects(ctx.tx, d.id);
  const added = await insertCandidatesBulk(
    ctx.tx,
    ok.map((v, i) => ({
      dossierId: d.id,
      subjectKind: v.subjectKind,
      personId: v.personId,
      subjectUnitId: v.subjectUnitId,
      displayName: v.displayName,
      positionText: v.positionText,
      proposedHonor: v.honor,
      honor: v.honor,
      achievement: v.achievement,
      sortOrder: count + i,
    })),
  );
  if (added) {
    await touch(ctx, d);
    const byHonor = new Map<Honor, number>();
    for (const v of ok) byHonor.set(v.honor, (byHonor.get(v.honor) ?? 0) + 1);
    await ctx.audit({
      action: 'dossier.candidates_bulk_added',
      entityType: 'dossier',
      entityId: d.id,
      unitId: d.unitId,
      summary: `Thêm ${formatNumberVi(added)} đề nghị ${SOURCE_LABELS[opts.source]}: ${[...byHonor].map(([h, n]) => `${formatNumberVi(n)} ${HONOR_INFO[h].label}`).join(', ')}${
        checked.length > added ? `; bỏ qua ${formatNumberVi(checked.length - added)} dòng không hợp lệ` : ''
      }`,
    });
  }
  return { added, skipped: checked.filter((c) => !c.values).map((c) => c.finding), total: count + added };
}

export interface EligibleSubject {
  kind: 'individual' | 'collective';
  id: string;
  name: string;
  unitName: string;
}

/** Who in the dossier unit's subtree is eligible for an honor in the dossier's year (the regime of the dossier's decision date). */
export async function eligibleSubjects(tx: Executor, d: DossierRow, honor: Honor): Promise<EligibleSubject[]> {
  const dUnit = await unsafeFindUnit(tx, d.unitId);
  if (!dUnit) throw notFound('Không tìm thấy đơn vị.');
  const res = await candidatesIn(tx, dUnit, d.year, d.regimeDate ?? todayVn(), honor, { sort: 'name', order: 'asc', result: 'eligible' });
  return res.items
    .filter((r) => r.outcomes.some((o) => o.honor === honor && o.eligible === true))
    .map((r) => ({ kind: r.kind, id: r.id, name: r.name, unitName: r.unitName }));
}

/** The eligible list as rows to add: everyone, or only those chosen (who must be on the list). */
export async function eligibleRows(
  tx: Executor,
  d: DossierRow,
  honor: Honor,
  only?: { personIds?: string[] | undefined; unitIds?: string[] | undefined },
): Promise<BulkRow[]> {
  const chosen = only && (only.personIds || only.unitIds) ? new Set([...(only.personIds ?? []), ...(only.unitIds ?? [])]) : null;
  return (await eligibleSubjects(tx, d, honor))
    .filter((r) => !chosen || chosen.has(r.id))
    .map((r) =>
      r.kind === 'individual'
        ? { row: null, subjectKind: 'individual' as const, personId: r.id, honor }
        : { row: null, subjectKind: 'collective' as const, unitId: r.id, honor },
    );
}

/** The named registrations of the dossier's campaign for an honor, as rows to add. */
export async function registrationRows(tx: Executor, d: DossierRow, honor: Honor): Promise<BulkRow[]> {
  const dUnit = await unsafeFindUnit(tx, d.unitId);
  if (!dUnit) throw notFound('Không tìm thấy đơn vị.');
  const regs = await namedRegistrationsFor(tx, { movementId: d.movementId, year: d.year, honor, unitPath: dUnit.path });
  return regs.map((r) =>
    r.personId
      ? { row: null, subjectKind: 'individual' as const, personId: r.personId, honor }
      : { row: null, subjectKind: 'collective' as const, unitId: r.subjectUnitId ?? undefined, honor },
  );
}
