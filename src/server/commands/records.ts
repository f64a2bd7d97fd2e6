/**
 * Commands over the records the rule engine reads. Each runs inside `runCommand` and writes its
 * audit event with before/after; the subject (person or unit) must be in the actor's scope.
 */
import type { CommandContext } from './run.js';
import {
  deleteDiscipline,
  deleteFact,
  deleteHonor,
  deleteInitiative,
  deleteRating,
  findVisibleDiscipline,
  findVisibleFact,
  findVisibleHonor,
  findVisibleInitiative,
  findVisibleSubject,
  insertDiscipline,
  insertFact,
  insertHonor,
  insertHonors,
  insertInitiative,
  insertRating,
  releaseInitiativesOf,
  unsafeFindRating,
  updateDisciplineAt,
  updateHonorAt,
  updateInitiativeAt,
  updateRatingAt,
  type DisciplineRow,
  type HonorRow,
  type InitiativeRow,
  type InitiativeWithAuthors,
  type RecordSubject,
} from '../repositories/records.js';
import { insertOverride, latestOverrideVersion } from '../repositories/rule-overrides.js';
import { findVisiblePerson } from '../repositories/people.js';
import { findVisibleUnit } from '../repositories/units.js';
import { notFound } from '../errors.js';
import {
  FactAlreadyConfirmed,
  HonorNotForSubject,
  ImportHasInvalidRows,
  OverrideNotAllowed,
  OverrideVersionTaken,
  RatingNotFound,
  RatingYearTaken,
  RecordVersionStale,
} from '../records/errors.js';
import { assertMayRemoveHonor, assertMayRemoveInitiative, assertMayRevokeHonor, assertMayUpdateHonor } from '../policies/record.js';
import {
  DISCIPLINE_LABELS,
  HONOR_INFO,
  classUndecided,
  INITIATIVE_SCOPE_LABELS,
  RATING_LABELS,
  REGIMES,
  type Honor,
  type Rating,
  type SubjectKind,
} from '../../shared/codes.js';
import type {
  DisciplineInput,
  DisciplineUpdate,
  HonorInput,
  HonorUpdate,
  InitiativeInput,
  InitiativeUpdate,
  RatingInput,
  RecordImportKind,
} from '../../shared/schemas/records.js';
import type { CheckedRow, HonorImportRow, RatingImportRow } from '../records/import-xlsx.js';
import { FACT_LABELS, checkOverride, packFor, subjectNotAllowedMessage, type Fact, type RuleOverride } from '../rules/index.js';

const STALE = 'Bản ghi đã được người khác sửa. Hãy tải lại và thử lại.';
const stale = () => new RecordVersionStale(STALE);

async function subjectOrThrow(ctx: CommandContext, ref: { personId?: string | null | undefined; unitId?: string | null | undefined }): Promise<RecordSubject> {
  const s = await findVisibleSubject(ctx.tx, ctx.actor, ref);
  if (!s) throw notFound(ref.personId ? 'Không tìm thấy cán bộ.' : 'Không tìm thấy đơn vị.');
  return s;
}

const subjectCols = (s: RecordSubject) => ({ personId: s.personId, unitId: s.unitId });
const auditUnit = (s: RecordSubject) => s.homeUnitId;
const kindLabel = (s: RecordSubject) => (s.kind === 'individual' ? `cán bộ ${s.name}` : `tập thể ${s.name}`);

function assertHonorFits(honor: Honor, kind: SubjectKind) {
  if (!HONOR_INFO[honor].subjects.includes(kind)) throw new HonorNotForSubject(`${subjectNotAllowedMessage(kind, honor)}.`);
}

// ---------------------------------------------------------------- ratings

/** Sets (creates or changes) the quality rating of a person or unit for a year. */
export async function setRating(
  ctx: CommandContext,
  ref: { personId?: string; unitId?: string },
  year: number,
  input: RatingInput,
  source: 'manual' | 'import' = 'manual',
) {
  const s = await subjectOrThrow(ctx, ref);
  const before = await unsafeFindRating(ctx.tx, s, year);
  if (before && input.version !== undefined && input.version !== before.version) throw stale();
  let row;
  if (before) {
    if (before.rating === input.rating && (before.note ?? null) === (input.note ?? null)) return before;
    row = await updateRatingAt(ctx.tx, before.id, before.version, { rating: input.rating, note: input.note ?? null, source });
    if (!row) throw stale();
  } else {
    row = await insertRating(ctx.tx, { ...subjectCols(s), year, rating: input.rating, note: input.note ?? null, source });
    if (!row) throw new RatingYearTaken(`Xếp loại năm ${year} của ${kindLabel(s)} vừa được người khác ghi. Hãy tải lại và thử lại.`);
  }
  await ctx.audit({
    action: 'record.rating_set',
    entityType: 'quality_rating',
    entityId: row.id,
    unitId: auditUnit(s),
    summary: before
      ? `Sửa xếp loại năm ${year} của ${kindLabel(s)}: ${RATING_LABELS[before.rating as Rating]} → ${RATING_LABELS[input.rating]}`
      : `Xếp loại năm ${year} của ${kindLabel(s)}: ${RATING_LABELS[input.rating]}`,
    before: before ? { year, rating: before.rating, note: before.note } : null,
    after: { year, rating: row.rating, note: row.note },
  });
  return row;
}

export async function removeRating(ctx: CommandContext, ref: { personId?: string; unitId?: string }, year: number) {
  const s = await subjectOrThrow(ctx, ref);
  const before = await unsafeFindRating(ctx.tx, s, year);
  if (!before) throw new RatingNotFound(`Chưa có xếp loại năm ${year}.`);
  await deleteRating(ctx.tx, before.id);
  await ctx.audit({
    action: 'record.rating_removed',
    entityType: 'quality_rating',
    entityId: before.id,
    unitId: auditUnit(s),
    summary: `Xóa xếp loại năm ${year} của ${kindLabel(s)}`,
    before: { year, rating: before.rating, note: before.note },
  });
}

// ---------------------------------------------------------------- honors received

function honorSnapshot(h: HonorRow) {
  const { honor, year, type, decisionNumber, decisionDate, issuer, amount, revoked, revokedReason, source, note, posthumous, inKindDescription, inKindValue } =
    h;
  return { honor, year, type, decisionNumber, decisionDate, issuer, amount, revoked, revokedReason, source, note, posthumous, inKindDescription, inKindValue };
}

function honorValues(input: HonorUpdate) {
  return {
    honor: input.honor,
    year: input.year,
    type: input.type,
    decisionNumber: input.decisionNumber?.trim() || null,
    decisionDate: input.decisionDate ?? null,
    issuer: input.issuer?.trim() || null,
    amount: input.amount ?? null,
    note: input.note?.trim() || null,
    ...(input.posthumous !== undefined && { posthumous: input.posthumous }),
    ...(input.inKindDescription !== undefined && { inKindDescription: input.inKindDescription?.trim() || null }),
    ...(input.inKindValue !== undefined && { inKindValue: input.inKindValue ?? null }),
  };
}

/** Truy tặng is for a person; an award in kind has both its description and its value; a Huân chương has its class. */
function assertHonorExtras(input: HonorUpdate, kind: SubjectKind) {
  if (classUndecided(input.honor)) throw new HonorNotForSubject(`Hãy chọn hạng ${HONOR_INFO[input.honor].label} đã được tặng.`);
  if (input.posthumous && kind !== 'individual') throw new HonorNotForSubject('Chỉ truy tặng cho cá nhân.');
  if (!input.inKindDescription?.trim() !== (input.inKindValue === undefined || input.inKindValue === null))
    throw new HonorNotForSubject('Hiện vật khen thưởng phải ghi cả mô tả và giá trị (đồng).');
}

/** Adds an honor received in the past (or outside the product). */
export async function addHonor(ctx: CommandContext, input: HonorInput, source: 'manual' | 'import' = 'manual'): Promise<HonorRow> {
  const s = await subjectOrThrow(ctx, input);
  assertHonorFits(input.honor, s.kind);
  assertHonorExtras(input, s.kind);
  const row = await insertHonor(ctx.tx, { ...subjectCols(s), ...honorValues(input), source });
  await ctx.audit({
    action: 'record.honor_added',
    entityType: 'honor_award',
    entityId: row.id,
    unitId: auditUnit(s),
    summary: `Thêm ${HONOR_INFO[input.honor].label} năm ${input.year} cho ${kindLabel(s)}`,
    after: honorSnapshot(row),
  });
  return row;
}

async function honorOrThrow(ctx: CommandContext, id: string) {
  const h = await findVisibleHonor(ctx.tx, ctx.actor, id);
  if (!h) throw notFound('Không tìm thấy khen thưởng.');
  const s = await subjectOrThrow(ctx, h);
  return { h, s };
}

export async function updateHonor(ctx: CommandContext, id: string, input: HonorUpdate): Promise<HonorRow> {
  const { h, s } = await honorOrThrow(ctx, id);
  assertMayUpdateHonor(h);
  if (input.version !== undefined && input.version !== h.version) throw stale();
  assertHonorFits(input.honor, s.kind);
  assertHonorExtras(input, s.kind);
  const row = await updateHonorAt(ctx.tx, id, h.version, honorValues(input));
  if (!row) throw stale();
  await ctx.audit({
    action: 'record.honor_updated',
    entityType: 'honor_award',
    entityId: id,
    unitId: auditUnit(s),
    summary: `Sửa ${HONOR_INFO[input.honor].label} năm ${input.year} của ${kindLabel(s)}`,
    before: honorSnapshot(h),
    after: honorSnapshot(row),
  });
  return row;
}

/** Revokes an honor (thu hồi): it stays in the history, flagged, and no longer counts. */
export async function revokeHonor(ctx: CommandContext, id: string, reason: string): Promise<HonorRow> {
  const { h, s } = await honorOrThrow(ctx, id);
  assertMayRevokeHonor(h);
  const row = await updateHonorAt(ctx.tx, id, h.version, { revoked: true, revokedReason: reason });
  if (!row) throw stale();
  // An initiative that backed a revoked award is free to back another one.
  await releaseInitiativesOf(ctx.tx, id);
  await ctx.audit({
    action: 'record.honor_revoked',
    entityType: 'honor_award',
    entityId: id,
    unitId: auditUnit(s),
    summary: `Thu hồi ${HONOR_INFO[h.honor as Honor].label} năm ${h.year} của ${kindLabel(s)}: ${reason}`,
    before: { revoked: false },
    after: { revoked: true, revokedReason: reason },
  });
  return row;
}

/** Deletes an honor typed in or imported by mistake (never one issued by a decision in the product). */
export async function removeHonor(ctx: CommandContext, id: string): Promise<void> {
  const { h, s } = await honorOrThrow(ctx, id);
  assertMayRemoveHonor(h);
  await releaseInitiativesOf(ctx.tx, id);
  await deleteHonor(ctx.tx, id);
  await ctx.audit({
    action: 'record.honor_removed',
    entityType: 'honor_award',
    entityId: id,
    unitId: auditUnit(s),
    summary: `Xóa ${HONOR_INFO[h.honor as Honor].label} năm ${h.year} của ${kindLabel(s)} (nhập nhầm)`,
    before: honorSnapshot(h),
  });
}

// ---------------------------------------------------------------- initiatives

function initiativeSnapshot(i: InitiativeRow, authorIds: string[]) {
  const { title, scope, year, decisionNumber, decisionDate, issuer, unitId, usedForAwardId } = i;
  return { title, scope, year, decisionNumber, decisionDate, issuer, unitId, usedForAwardId, authorIds };
}

/** Checks authors, owning unit and the backed award; returns the owning unit id and the authors. */
async function checkInitiative(ctx: CommandContext, input: InitiativeInput): Promise<{ unitId: string; authors: { personId: string; fullName: string }[] }> {
  const authorIds = [...new Set(input.authorIds)];
  let firstUnit: string | null = null;
  const authors: { personId: string; fullName: string }[] = [];
  for (const pid of authorIds) {
    const p = await findVisiblePerson(ctx.tx, ctx.actor, pid);
    if (!p) throw notFound('Không tìm thấy tác giả sáng kiến.');
    firstUnit ??= p.unitId;
    authors.push({ personId: p.id, fullName: p.fullName });
  }
  const unitId = input.unitId ?? firstUnit;
  if (!unitId || !(await findVisibleUnit(ctx.tx, ctx.actor, unitId))) throw notFound('Không tìm thấy đơn vị.');
  if (input.usedForAwardId) {
    const award = await findVisibleHonor(ctx.tx, ctx.actor, input.usedForAwardId);
    if (!award) throw notFound('Không tìm thấy khen thưởng mà sáng kiến đã dùng để xét.');
    // Several initiatives may back one award; one initiative backing two awards is impossible by the single column.
  }
  return { unitId, authors };
}

function initiativeValues(unitId: string, input: InitiativeInput) {
  return {
    unitId,
    title: input.title,
    scope: input.scope,
    year: input.year,
    decisionNumber: input.decisionNumber?.trim() || null,
    decisionDate: input.decisionDate ?? null,
    issuer: input.issuer?.trim() || null,
    usedForAwardId: input.usedForAwardId ?? null,
  };
}

export async function addInitiative(ctx: CommandContext, input: InitiativeInput): Promise<InitiativeWithAuthors> {
  const { unitId, authors } = await checkInitiative(ctx, input);
  const authorIds = authors.map((a) => a.personId);
  const row = await insertInitiative(ctx.tx, initiativeValues(unitId, input), authorIds);
  await ctx.audit({
    action: 'record.initiative_added',
    entityType: 'initiative',
    entityId: row.id,
    unitId,
    summary: `Thêm sáng kiến "${row.title}" (${INITIATIVE_SCOPE_LABELS[input.scope].toLowerCase()}, năm ${row.year})`,
    after: initiativeSnapshot(row, authorIds),
  });
  return { ...row, authors };
}

export async function updateInitiative(ctx: CommandContext, id: string, input: InitiativeUpdate): Promise<InitiativeWithAuthors> {
  const before = await findVisibleInitiative(ctx.tx, ctx.actor, id);
  if (!before) throw notFound('Không tìm thấy sáng kiến.');
  if (input.version !== undefined && input.version !== before.version) throw stale();
  const { unitId, authors } = await checkInitiative(ctx, input);
  const authorIds = authors.map((a) => a.personId);
  const row = await updateInitiativeAt(ctx.tx, id, before.version, initiativeValues(unitId, input), authorIds);
  if (!row) throw stale();
  await ctx.audit({
    action: 'record.initiative_updated',
    entityType: 'initiative',
    entityId: id,
    unitId,
    summary: `Sửa sáng kiến "${row.title}"`,
    before: initiativeSnapshot(before, before.authorIds),
    after: initiativeSnapshot(row, authorIds),
  });
  return { ...row, authors };
}

export async function removeInitiative(ctx: CommandContext, id: string) {
  const before = await findVisibleInitiative(ctx.tx, ctx.actor, id);
  if (!before) throw notFound('Không tìm thấy sáng kiến.');
  assertMayRemoveInitiative(before);
  await deleteInitiative(ctx.tx, id);
  await ctx.audit({
    action: 'record.initiative_removed',
    entityType: 'initiative',
    entityId: id,
    unitId: before.unitId,
    summary: `Xóa sáng kiến "${before.title}"`,
    before: initiativeSnapshot(before, before.authorIds),
  });
}

// ---------------------------------------------------------------- discipline

function disciplineSnapshot(d: DisciplineRow) {
  const { level, year, decisionNumber, decisionDate, note } = d;
  return { level, year, decisionNumber, decisionDate, note };
}

function disciplineValues(input: DisciplineUpdate) {
  return {
    level: input.level,
    year: input.year,
    decisionNumber: input.decisionNumber?.trim() || null,
    decisionDate: input.decisionDate ?? null,
    note: input.note?.trim() || null,
  };
}

export async function addDiscipline(ctx: CommandContext, input: DisciplineInput): Promise<DisciplineRow> {
  const s = await subjectOrThrow(ctx, input);
  const row = await insertDiscipline(ctx.tx, { ...subjectCols(s), ...disciplineValues(input) });
  await ctx.audit({
    action: 'record.discipline_added',
    entityType: 'discipline',
    entityId: row.id,
    unitId: auditUnit(s),
    summary: `Ghi kỷ luật ${DISCIPLINE_LABELS[input.level].toLowerCase()} năm ${input.year} của ${kindLabel(s)}`,
    after: disciplineSnapshot(row),
  });
  return row;
}

async function disciplineOrThrow(ctx: CommandContext, id: string) {
  const d = await findVisibleDiscipline(ctx.tx, ctx.actor, id);
  if (!d) throw notFound('Không tìm thấy quyết định kỷ luật.');
  return { d, s: await subjectOrThrow(ctx, d) };
}

export async function updateDiscipline(ctx: CommandContext, id: string, input: DisciplineUpdate): Promise<DisciplineRow> {
  const { d, s } = await disciplineOrThrow(ctx, id);
  if (input.version !== undefined && input.version !== d.version) throw stale();
  const row = await updateDisciplineAt(ctx.tx, id, d.version, disciplineValues(input));
  if (!row) throw stale();
  await ctx.audit({
    action: 'record.discipline_updated',
    entityType: 'discipline',
    entityId: id,
    unitId: auditUnit(s),
    summary: `Sửa kỷ luật năm ${input.year} của ${kindLabel(s)}`,
    before: disciplineSnapshot(d),
    after: disciplineSnapshot(row),
  });
  return row;
}

export async function removeDiscipline(ctx: CommandContext, id: string) {
  const { d, s } = await disciplineOrThrow(ctx, id);
  await deleteDiscipline(ctx.tx, id);
  await ctx.audit({
    action: 'record.discipline_removed',
    entityType: 'discipline',
    entityId: id,
    unitId: auditUnit(s),
    summary: `Xóa kỷ luật năm ${d.year} của ${kindLabel(s)}`,
    before: disciplineSnapshot(d),
  });
}

// ---------------------------------------------------------------- facts

export async function addFact(
  ctx: CommandContext,
  input: { personId?: string | null | undefined; unitId?: string | null | undefined; year: number; fact: Fact; note?: string | null | undefined },
) {
  const s = await subjectOrThrow(ctx, input);
  const row = await insertFact(ctx.tx, { ...subjectCols(s), year: input.year, fact: input.fact, note: input.note?.trim() || null });
  if (!row) throw new FactAlreadyConfirmed(`Đã có xác nhận này cho năm ${input.year}.`);
  await ctx.audit({
    action: 'record.fact_added',
    entityType: 'subject_fact',
    entityId: row.id,
    unitId: auditUnit(s),
    summary: `Xác nhận năm ${input.year} cho ${kindLabel(s)}: ${FACT_LABELS[input.fact]}`,
    after: { year: row.year, fact: row.fact, note: row.note },
  });
  return row;
}

export async function removeFact(ctx: CommandContext, id: string) {
  const f = await findVisibleFact(ctx.tx, ctx.actor, id);
  if (!f) throw notFound('Không tìm thấy xác nhận.');
  const s = await subjectOrThrow(ctx, f);
  await deleteFact(ctx.tx, id);
  await ctx.audit({
    action: 'record.fact_removed',
    entityType: 'subject_fact',
    entityId: id,
    unitId: auditUnit(s),
    summary: `Bỏ xác nhận năm ${f.year} của ${kindLabel(s)}: ${FACT_LABELS[f.fact as Fact] ?? f.fact}`,
    before: { year: f.year, fact: f.fact, note: f.note },
  });
}

// ---------------------------------------------------------------- agency overrides

/**
 * Stores a new version of an agency override for the unit (its subtree's evaluations use it).
 * Versions of one id only go up; the override must be allowed by every regime it targets.
 */
export async function createRuleOverride(ctx: CommandContext, unitId: string, o: RuleOverride) {
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  const problems = (o.regimes ?? REGIMES).flatMap((r) => checkOverride(packFor(r), o).map((p) => `${r}: ${p}`));
  if (problems.length) throw new OverrideNotAllowed(`Quy định riêng không hợp lệ: ${problems.join('; ')}`, { problems });
  const max = await latestOverrideVersion(ctx.tx, unitId, o.id);
  const taken = () => new OverrideVersionTaken(`Đã có phiên bản ${max} của quy định "${o.id}"; phiên bản mới phải lớn hơn ${max}.`);
  if (o.version <= max) throw taken();
  const row = await insertOverride(ctx.tx, unitId, o, ctx.actor.accountId);
  if (!row) throw taken();
  await ctx.audit({
    action: 'rule.override_created',
    entityType: 'rule_override',
    entityId: row.id,
    unitId,
    summary: `Ban hành quy định riêng "${o.title ?? o.id}" (phiên bản ${o.version}, hiệu lực từ ${o.effectiveFrom})`,
    after: o,
  });
  return row;
}

// ---------------------------------------------------------------- import

/**
 * Stores the checked rows of a ratings or award-history sheet in one transaction, with one audit
 * event (ratings replaced are listed with before/after). With errors present the user must have
 * chosen to skip them; otherwise nothing is stored.
 */
export async function importRecords(
  ctx: CommandContext,
  kind: RecordImportKind,
  rows: CheckedRow<RatingImportRow>[] | CheckedRow<HonorImportRow>[],
  opts: { skipInvalid: boolean; fileName: string },
) {
  const invalid = rows.filter((r) => !r.input).length;
  if (invalid > 0 && !opts.skipInvalid) throw new ImportHasInvalidRows(`Tệp còn ${invalid} dòng lỗi. Hãy sửa tệp, hoặc xác nhận bỏ qua các dòng lỗi.`);
  let imported = 0;
  const replaced: { personId: string | null; unitId: string | null; year: number; before: string; after: string }[] = [];
  if (kind === 'ratings') {
    for (const r of rows as CheckedRow<RatingImportRow>[]) {
      const i = r.input;
      if (!i) continue;
      const old = await unsafeFindRating(ctx.tx, { personId: i.personId, unitId: i.unitId }, i.year);
      if (old) {
        if (old.rating === i.rating && (old.note ?? null) === i.note) continue;
        if (!(await updateRatingAt(ctx.tx, old.id, old.version, { rating: i.rating, note: i.note, source: 'import' }))) throw stale();
        replaced.push({ personId: i.personId, unitId: i.unitId, year: i.year, before: old.rating, after: i.rating });
      } else if (!(await insertRating(ctx.tx, { personId: i.personId, unitId: i.unitId, year: i.year, rating: i.rating, note: i.note, source: 'import' }))) {
        throw new RatingYearTaken(`Xếp loại năm ${i.year} (dòng ${r.row}) vừa được người khác ghi. Hãy nhập lại tệp.`);
      }
      imported++;
    }
  } else {
    const values = (rows as CheckedRow<HonorImportRow>[])
      .map((r) => r.input)
      .filter((i): i is HonorImportRow => i !== null)
      .map((i) => ({
        personId: i.personId,
        unitId: i.unitId,
        honor: i.honor,
        year: i.year,
        type: i.type,
        decisionNumber: i.decisionNumber,
        decisionDate: i.decisionDate,
        issuer: i.issuer,
        revoked: i.revoked,
        source: 'import',
      }));
    await insertHonors(ctx.tx, values);
    imported = values.length;
  }
  if (imported === 0 && rows.length - invalid === 0) throw new ImportHasInvalidRows('Không có dòng hợp lệ nào để nhập.');
  await ctx.audit({
    action: 'record.imported',
    entityType: kind === 'ratings' ? 'quality_rating' : 'honor_award',
    unitId: ctx.actor.unitId,
    summary: `Nhập ${imported} ${kind === 'ratings' ? 'xếp loại' : 'khen thưởng'} từ tệp "${opts.fileName}"${replaced.length ? ` (thay ${replaced.length} xếp loại cũ)` : ''}${invalid ? `, bỏ qua ${invalid} dòng lỗi` : ''}`,
    before: replaced.length ? { replaced: replaced.map((x) => ({ ...x, rating: x.before })) } : null,
    after: {
      imported,
      skipped: invalid,
      skippedRows: rows.filter((r) => !r.input).map((r) => r.row),
      replaced: replaced.map((x) => ({ ...x, rating: x.after })),
    },
  });
  return { imported, skipped: invalid, replaced: replaced.length };
}
