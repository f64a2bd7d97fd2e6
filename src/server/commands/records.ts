/**
 * Commands over the records the rule engine reads. Each runs inside `runCommand` and writes its
 * audit event with before/after; the subject (person or unit) must be in the actor's scope.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { CommandContext } from './run.js';
import {
  disciplineRecords,
  honorAwards,
  initiativeAuthors,
  initiatives,
  qualityRatings,
  ruleOverrides,
  subjectFacts,
} from '../db/schema/index.js';
import {
  findVisibleDiscipline,
  findVisibleFact,
  findVisibleHonor,
  findVisibleInitiative,
  findVisibleSubject,
  ratingOf,
  type DisciplineRow,
  type HonorRow,
  type InitiativeRow,
  type RecordSubject,
} from '../repositories/records.js';
import { findVisiblePerson } from '../repositories/people.js';
import { findVisibleUnit } from '../repositories/units.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { DISCIPLINE_LABELS, HONOR_INFO, INITIATIVE_SCOPE_LABELS, RATING_LABELS, REGIMES, type Honor, type Rating, type SubjectKind } from '../../shared/codes.js';
import type { DisciplineInput, DisciplineUpdate, HonorInput, HonorUpdate, InitiativeInput, InitiativeUpdate, RatingInput, RecordImportKind } from '../../shared/schemas/records.js';
import type { CheckedRow, HonorImportRow, RatingImportRow } from '../records/import-xlsx.js';
import { FACT_LABELS, checkOverride, packFor, subjectNotAllowedMessage, type Fact, type RuleOverride } from '../rules/index.js';

const STALE = 'Bản ghi đã được người khác sửa. Hãy tải lại và thử lại.';

async function subjectOrThrow(ctx: CommandContext, ref: { personId?: string | null | undefined; unitId?: string | null | undefined }): Promise<RecordSubject> {
  const s = await findVisibleSubject(ctx.tx, ctx.actor, ref);
  if (!s) throw notFound(ref.personId ? 'Không tìm thấy cán bộ.' : 'Không tìm thấy đơn vị.');
  return s;
}

const subjectCols = (s: RecordSubject) => ({ personId: s.personId, unitId: s.unitId });
const auditUnit = (s: RecordSubject) => s.homeUnitId;
const kindLabel = (s: RecordSubject) => (s.kind === 'individual' ? `cán bộ ${s.name}` : `tập thể ${s.name}`);

function assertHonorFits(honor: Honor, kind: SubjectKind) {
  if (!HONOR_INFO[honor].subjects.includes(kind)) throw badRequest(`${subjectNotAllowedMessage(kind, honor)}.`);
}

// ---------------------------------------------------------------- ratings

/** Sets (creates or changes) the quality rating of a person or unit for a year. */
export async function setRating(ctx: CommandContext, ref: { personId?: string; unitId?: string }, year: number, input: RatingInput, source: 'manual' | 'import' = 'manual') {
  const s = await subjectOrThrow(ctx, ref);
  const before = await ratingOf(ctx.tx, s, year);
  if (before && input.version !== undefined && input.version !== before.version) throw conflict(STALE);
  let row;
  if (before) {
    if (before.rating === input.rating && (before.note ?? null) === (input.note ?? null)) return before;
    [row] = await ctx.tx
      .update(qualityRatings)
      .set({ rating: input.rating, note: input.note ?? null, source, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(qualityRatings.id, before.id), eq(qualityRatings.version, before.version)))
      .returning();
    if (!row) throw conflict(STALE);
  } else {
    [row] = await ctx.tx.insert(qualityRatings).values({ ...subjectCols(s), year, rating: input.rating, note: input.note ?? null, source }).returning();
    if (!row) throw new Error('insert failed');
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
  const before = await ratingOf(ctx.tx, s, year);
  if (!before) throw notFound(`Chưa có xếp loại năm ${year}.`);
  await ctx.tx.delete(qualityRatings).where(eq(qualityRatings.id, before.id));
  await ctx.audit({ action: 'record.rating_removed', entityType: 'quality_rating', entityId: before.id, unitId: auditUnit(s), summary: `Xóa xếp loại năm ${year} của ${kindLabel(s)}`, before: { year, rating: before.rating, note: before.note } });
}

// ---------------------------------------------------------------- honors received

function honorSnapshot(h: HonorRow) {
  const { honor, year, type, decisionNumber, decisionDate, issuer, amount, revoked, revokedReason, source, note } = h;
  return { honor, year, type, decisionNumber, decisionDate, issuer, amount, revoked, revokedReason, source, note };
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
  };
}

/** Adds an honor received in the past (or outside the product). */
export async function addHonor(ctx: CommandContext, input: HonorInput, source: 'manual' | 'import' = 'manual'): Promise<HonorRow> {
  const s = await subjectOrThrow(ctx, input);
  assertHonorFits(input.honor, s.kind);
  const [row] = await ctx.tx.insert(honorAwards).values({ ...subjectCols(s), ...honorValues(input), source }).returning();
  if (!row) throw new Error('insert failed');
  await ctx.audit({ action: 'record.honor_added', entityType: 'honor_award', entityId: row.id, unitId: auditUnit(s), summary: `Thêm ${HONOR_INFO[input.honor].label} năm ${input.year} cho ${kindLabel(s)}`, after: honorSnapshot(row) });
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
  if (h.source === 'decision') throw badRequest('Khen thưởng do quyết định ban hành trên hệ thống không sửa ở đây; nếu sai, hãy thu hồi.');
  if (input.version !== undefined && input.version !== h.version) throw conflict(STALE);
  assertHonorFits(input.honor, s.kind);
  const [row] = await ctx.tx
    .update(honorAwards)
    .set({ ...honorValues(input), version: h.version + 1, updatedAt: new Date() })
    .where(and(eq(honorAwards.id, id), eq(honorAwards.version, h.version)))
    .returning();
  if (!row) throw conflict(STALE);
  await ctx.audit({ action: 'record.honor_updated', entityType: 'honor_award', entityId: id, unitId: auditUnit(s), summary: `Sửa ${HONOR_INFO[input.honor].label} năm ${input.year} của ${kindLabel(s)}`, before: honorSnapshot(h), after: honorSnapshot(row) });
  return row;
}

/** Revokes an honor (thu hồi): it stays in the history, flagged, and no longer counts. */
export async function revokeHonor(ctx: CommandContext, id: string, reason: string): Promise<HonorRow> {
  const { h, s } = await honorOrThrow(ctx, id);
  if (h.revoked) throw badRequest('Khen thưởng này đã bị thu hồi.');
  const [row] = await ctx.tx.update(honorAwards).set({ revoked: true, revokedReason: reason, version: h.version + 1, updatedAt: new Date() }).where(eq(honorAwards.id, id)).returning();
  if (!row) throw new Error('update failed');
  // An initiative that backed a revoked award is free to back another one.
  await ctx.tx.update(initiatives).set({ usedForAwardId: null, updatedAt: new Date() }).where(eq(initiatives.usedForAwardId, id));
  await ctx.audit({ action: 'record.honor_revoked', entityType: 'honor_award', entityId: id, unitId: auditUnit(s), summary: `Thu hồi ${HONOR_INFO[h.honor as Honor].label} năm ${h.year} của ${kindLabel(s)}: ${reason}`, before: { revoked: false }, after: { revoked: true, revokedReason: reason } });
  return row;
}

/** Deletes an honor typed in or imported by mistake (never one issued by a decision in the product). */
export async function removeHonor(ctx: CommandContext, id: string): Promise<void> {
  const { h, s } = await honorOrThrow(ctx, id);
  if (h.source === 'decision') throw badRequest('Không xóa được khen thưởng do quyết định ban hành trên hệ thống; hãy thu hồi.');
  await ctx.tx.update(initiatives).set({ usedForAwardId: null, updatedAt: new Date() }).where(eq(initiatives.usedForAwardId, id));
  await ctx.tx.delete(honorAwards).where(eq(honorAwards.id, id));
  await ctx.audit({ action: 'record.honor_removed', entityType: 'honor_award', entityId: id, unitId: auditUnit(s), summary: `Xóa ${HONOR_INFO[h.honor as Honor].label} năm ${h.year} của ${kindLabel(s)} (nhập nhầm)`, before: honorSnapshot(h) });
}

// ---------------------------------------------------------------- initiatives

function initiativeSnapshot(i: InitiativeRow, authorIds: string[]) {
  const { title, scope, year, decisionNumber, decisionDate, issuer, unitId, usedForAwardId } = i;
  return { title, scope, year, decisionNumber, decisionDate, issuer, unitId, usedForAwardId, authorIds };
}

/** Checks authors, owning unit and the backed award; returns the owning unit id. */
async function checkInitiative(ctx: CommandContext, input: InitiativeInput): Promise<string> {
  const authorIds = [...new Set(input.authorIds)];
  let firstUnit: string | null = null;
  for (const pid of authorIds) {
    const p = await findVisiblePerson(ctx.tx, ctx.actor, pid);
    if (!p) throw notFound('Không tìm thấy tác giả sáng kiến.');
    firstUnit ??= p.unitId;
  }
  const unitId = input.unitId ?? firstUnit;
  if (!unitId || !(await findVisibleUnit(ctx.tx, ctx.actor, unitId))) throw notFound('Không tìm thấy đơn vị.');
  if (input.usedForAwardId) {
    const award = await findVisibleHonor(ctx.tx, ctx.actor, input.usedForAwardId);
    if (!award) throw notFound('Không tìm thấy khen thưởng mà sáng kiến đã dùng để xét.');
    // Several initiatives may back one award; one initiative backing two awards is impossible by the single column.
  }
  return unitId;
}

export async function addInitiative(ctx: CommandContext, input: InitiativeInput) {
  const unitId = await checkInitiative(ctx, input);
  const authorIds = [...new Set(input.authorIds)];
  const [row] = await ctx.tx
    .insert(initiatives)
    .values({ unitId, title: input.title, scope: input.scope, year: input.year, decisionNumber: input.decisionNumber?.trim() || null, decisionDate: input.decisionDate ?? null, issuer: input.issuer?.trim() || null, usedForAwardId: input.usedForAwardId ?? null })
    .returning();
  if (!row) throw new Error('insert failed');
  await ctx.tx.insert(initiativeAuthors).values(authorIds.map((personId) => ({ initiativeId: row.id, personId })));
  await ctx.audit({ action: 'record.initiative_added', entityType: 'initiative', entityId: row.id, unitId, summary: `Thêm sáng kiến "${row.title}" (${INITIATIVE_SCOPE_LABELS[input.scope].toLowerCase()}, năm ${row.year})`, after: initiativeSnapshot(row, authorIds) });
  return { ...row, authorIds };
}

export async function updateInitiative(ctx: CommandContext, id: string, input: InitiativeUpdate) {
  const before = await findVisibleInitiative(ctx.tx, ctx.actor, id);
  if (!before) throw notFound('Không tìm thấy sáng kiến.');
  if (input.version !== undefined && input.version !== before.version) throw conflict(STALE);
  const unitId = await checkInitiative(ctx, input);
  const authorIds = [...new Set(input.authorIds)];
  const [row] = await ctx.tx
    .update(initiatives)
    .set({ unitId, title: input.title, scope: input.scope, year: input.year, decisionNumber: input.decisionNumber?.trim() || null, decisionDate: input.decisionDate ?? null, issuer: input.issuer?.trim() || null, usedForAwardId: input.usedForAwardId ?? null, version: before.version + 1, updatedAt: new Date() })
    .where(and(eq(initiatives.id, id), eq(initiatives.version, before.version)))
    .returning();
  if (!row) throw conflict(STALE);
  await ctx.tx.delete(initiativeAuthors).where(eq(initiativeAuthors.initiativeId, id));
  await ctx.tx.insert(initiativeAuthors).values(authorIds.map((personId) => ({ initiativeId: id, personId })));
  await ctx.audit({ action: 'record.initiative_updated', entityType: 'initiative', entityId: id, unitId, summary: `Sửa sáng kiến "${row.title}"`, before: initiativeSnapshot(before, before.authorIds), after: initiativeSnapshot(row, authorIds) });
  return { ...row, authorIds };
}

export async function removeInitiative(ctx: CommandContext, id: string) {
  const before = await findVisibleInitiative(ctx.tx, ctx.actor, id);
  if (!before) throw notFound('Không tìm thấy sáng kiến.');
  if (before.usedForAwardId) throw badRequest('Sáng kiến đã được dùng để xét khen thưởng; không xóa được.');
  await ctx.tx.delete(initiatives).where(eq(initiatives.id, id));
  await ctx.audit({ action: 'record.initiative_removed', entityType: 'initiative', entityId: id, unitId: before.unitId, summary: `Xóa sáng kiến "${before.title}"`, before: initiativeSnapshot(before, before.authorIds) });
}

// ---------------------------------------------------------------- discipline

function disciplineSnapshot(d: DisciplineRow) {
  const { level, year, decisionNumber, decisionDate, note } = d;
  return { level, year, decisionNumber, decisionDate, note };
}

function disciplineValues(input: DisciplineUpdate) {
  return { level: input.level, year: input.year, decisionNumber: input.decisionNumber?.trim() || null, decisionDate: input.decisionDate ?? null, note: input.note?.trim() || null };
}

export async function addDiscipline(ctx: CommandContext, input: DisciplineInput): Promise<DisciplineRow> {
  const s = await subjectOrThrow(ctx, input);
  const [row] = await ctx.tx.insert(disciplineRecords).values({ ...subjectCols(s), ...disciplineValues(input) }).returning();
  if (!row) throw new Error('insert failed');
  await ctx.audit({ action: 'record.discipline_added', entityType: 'discipline', entityId: row.id, unitId: auditUnit(s), summary: `Ghi kỷ luật ${DISCIPLINE_LABELS[input.level].toLowerCase()} năm ${input.year} của ${kindLabel(s)}`, after: disciplineSnapshot(row) });
  return row;
}

async function disciplineOrThrow(ctx: CommandContext, id: string) {
  const d = await findVisibleDiscipline(ctx.tx, ctx.actor, id);
  if (!d) throw notFound('Không tìm thấy quyết định kỷ luật.');
  return { d, s: await subjectOrThrow(ctx, d) };
}

export async function updateDiscipline(ctx: CommandContext, id: string, input: DisciplineUpdate): Promise<DisciplineRow> {
  const { d, s } = await disciplineOrThrow(ctx, id);
  if (input.version !== undefined && input.version !== d.version) throw conflict(STALE);
  const [row] = await ctx.tx
    .update(disciplineRecords)
    .set({ ...disciplineValues(input), version: d.version + 1, updatedAt: new Date() })
    .where(and(eq(disciplineRecords.id, id), eq(disciplineRecords.version, d.version)))
    .returning();
  if (!row) throw conflict(STALE);
  await ctx.audit({ action: 'record.discipline_updated', entityType: 'discipline', entityId: id, unitId: auditUnit(s), summary: `Sửa kỷ luật năm ${input.year} của ${kindLabel(s)}`, before: disciplineSnapshot(d), after: disciplineSnapshot(row) });
  return row;
}

export async function removeDiscipline(ctx: CommandContext, id: string) {
  const { d, s } = await disciplineOrThrow(ctx, id);
  await ctx.tx.delete(disciplineRecords).where(eq(disciplineRecords.id, id));
  await ctx.audit({ action: 'record.discipline_removed', entityType: 'discipline', entityId: id, unitId: auditUnit(s), summary: `Xóa kỷ luật năm ${d.year} của ${kindLabel(s)}`, before: disciplineSnapshot(d) });
}

// ---------------------------------------------------------------- facts

export async function addFact(ctx: CommandContext, input: { personId?: string | null | undefined; unitId?: string | null | undefined; year: number; fact: Fact; note?: string | null | undefined }) {
  const s = await subjectOrThrow(ctx, input);
  const [row] = await ctx.tx
    .insert(subjectFacts)
    .values({ ...subjectCols(s), year: input.year, fact: input.fact, note: input.note?.trim() || null })
    .onConflictDoNothing()
    .returning();
  if (!row) throw conflict(`Đã có xác nhận này cho năm ${input.year}.`);
  await ctx.audit({ action: 'record.fact_added', entityType: 'subject_fact', entityId: row.id, unitId: auditUnit(s), summary: `Xác nhận năm ${input.year} cho ${kindLabel(s)}: ${FACT_LABELS[input.fact]}`, after: { year: row.year, fact: row.fact, note: row.note } });
  return row;
}

export async function removeFact(ctx: CommandContext, id: string) {
  const f = await findVisibleFact(ctx.tx, ctx.actor, id);
  if (!f) throw notFound('Không tìm thấy xác nhận.');
  const s = await subjectOrThrow(ctx, f);
  await ctx.tx.delete(subjectFacts).where(eq(subjectFacts.id, id));
  await ctx.audit({ action: 'record.fact_removed', entityType: 'subject_fact', entityId: id, unitId: auditUnit(s), summary: `Bỏ xác nhận năm ${f.year} của ${kindLabel(s)}: ${FACT_LABELS[f.fact as Fact] ?? f.fact}`, before: { year: f.year, fact: f.fact, note: f.note } });
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
  if (problems.length) throw badRequest(`Quy định riêng không hợp lệ: ${problems.join('; ')}`, { problems });
  const [latest] = await ctx.tx
    .select({ v: sql<number>`max(${ruleOverrides.version})` })
    .from(ruleOverrides)
    .where(and(eq(ruleOverrides.unitId, unitId), eq(ruleOverrides.overrideId, o.id)));
  const max = latest?.v === null || latest?.v === undefined ? 0 : Number(latest.v);
  if (o.version <= max) throw conflict(`Đã có phiên bản ${max} của quy định "${o.id}"; phiên bản mới phải lớn hơn ${max}.`);
  const [row] = await ctx.tx
    .insert(ruleOverrides)
    .values({ unitId, overrideId: o.id, version: o.version, effectiveFrom: o.effectiveFrom, effectiveTo: o.effectiveTo ?? null, body: o, createdBy: ctx.actor.accountId })
    .returning();
  if (!row) throw new Error('insert failed');
  await ctx.audit({ action: 'rule.override_created', entityType: 'rule_override', entityId: row.id, unitId, summary: `Ban hành quy định riêng "${o.title ?? o.id}" (phiên bản ${o.version}, hiệu lực từ ${o.effectiveFrom})`, after: o });
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
  if (invalid > 0 && !opts.skipInvalid) throw badRequest(`Tệp còn ${invalid} dòng lỗi. Hãy sửa tệp, hoặc xác nhận bỏ qua các dòng lỗi.`);
  let imported = 0;
  const replaced: { personId: string | null; unitId: string | null; year: number; before: string; after: string }[] = [];
  if (kind === 'ratings') {
    for (const r of rows as CheckedRow<RatingImportRow>[]) {
      const i = r.input;
      if (!i) continue;
      const cond = i.personId ? eq(qualityRatings.personId, i.personId) : eq(qualityRatings.unitId, i.unitId ?? '');
      const [old] = await ctx.tx.select().from(qualityRatings).where(and(cond, eq(qualityRatings.year, i.year))).limit(1);
      if (old) {
        if (old.rating === i.rating && (old.note ?? null) === i.note) continue;
        await ctx.tx.update(qualityRatings).set({ rating: i.rating, note: i.note, source: 'import', version: old.version + 1, updatedAt: new Date() }).where(eq(qualityRatings.id, old.id));
        replaced.push({ personId: i.personId, unitId: i.unitId, year: i.year, before: old.rating, after: i.rating });
      } else {
        await ctx.tx.insert(qualityRatings).values({ personId: i.personId, unitId: i.unitId, year: i.year, rating: i.rating, note: i.note, source: 'import' });
      }
      imported++;
    }
  } else {
    const values = (rows as CheckedRow<HonorImportRow>[])
      .map((r) => r.input)
      .filter((i): i is HonorImportRow => i !== null)
      .map((i) => ({ personId: i.personId, unitId: i.unitId, honor: i.honor, year: i.year, type: i.type, decisionNumber: i.decisionNumber, decisionDate: i.decisionDate, issuer: i.issuer, revoked: i.revoked, source: 'import' }));
    for (let k = 0; k < values.length; k += 1000) await ctx.tx.insert(honorAwards).values(values.slice(k, k + 1000));
    imported = values.length;
  }
  if (imported === 0 && rows.length - invalid === 0) throw badRequest('Không có dòng hợp lệ nào để nhập.');
  await ctx.audit({
    action: 'record.imported',
    entityType: kind === 'ratings' ? 'quality_rating' : 'honor_award',
    unitId: ctx.actor.unitId,
    summary: `Nhập ${imported} ${kind === 'ratings' ? 'xếp loại' : 'khen thưởng'} từ tệp "${opts.fileName}"${replaced.length ? ` (thay ${replaced.length} xếp loại cũ)` : ''}${invalid ? `, bỏ qua ${invalid} dòng lỗi` : ''}`,
    before: replaced.length ? { replaced: replaced.map((x) => ({ ...x, rating: x.before })) } : null,
    after: { imported, skipped: invalid, skippedRows: rows.filter((r) => !r.input).map((r) => r.row), replaced: replaced.map((x) => ({ ...x, rating: x.after })) },
  });
  return { imported, skipped: invalid, replaced: replaced.length };
}
