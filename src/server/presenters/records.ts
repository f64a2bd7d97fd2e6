/**
 * Record rows → API JSON with Vietnamese labels and the actor's abilities per record, and the
 * zod schemas of those answers (the OpenAPI components the web client is generated from).
 */
import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { disciplineAbilities, factAbilities, honorAbilities, initiativeAbilities, ratingAbilities, subjectRecordAbilities } from '../policies/record.js';
import { ACTIONS } from '../policies/abilities.js';
import {
  COMMENDATION_TYPE_LABELS,
  DISCIPLINE_LABELS,
  HONORS,
  HONOR_INFO,
  awardWording,
  INITIATIVE_SCOPE_LABELS,
  RATING_LABELS,
  REGIMES,
  SUBJECT_KINDS,
  type CommendationType,
  type Discipline,
  type Honor,
  type InitiativeScope,
  type Rating,
} from '../../shared/codes.js';
import { FACTS, FACT_LABELS, type Fact } from '../rules/index.js';
import type { DisciplineRow, FactRow, HonorRow, InitiativeWithAuthors, RatingRow, RecordRows, RecordSubject } from '../repositories/records.js';
import type { CandidateRow } from '../records/eligibility.js';
import type { CheckedRow } from '../records/import-xlsx.js';

const abilities = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).describe('Các thao tác tài khoản được làm với bản ghi này');

export const ratingRecordSchema = z
  .object({
    id: z.uuid(),
    year: z.number().int(),
    rating: z.string(),
    ratingLabel: z.string(),
    note: z.string().nullable(),
    source: z.string().describe('manual | import'),
    version: z.number().int(),
    abilities: abilities(['set', 'remove']),
  })
  .meta({ id: 'RatingRecord' });

export const honorRecordSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid().nullable(),
    unitId: z.uuid().nullable(),
    year: z.number().int(),
    honor: z.string(),
    honorLabel: z.string(),
    type: z.string(),
    typeLabel: z.string(),
    decisionNumber: z.string().nullable(),
    decisionDate: z.string().nullable(),
    issuer: z.string().nullable(),
    amount: z.number().int().nullable(),
    revoked: z.boolean(),
    revokedReason: z.string().nullable(),
    source: z.string().describe('decision | import | manual'),
    dossierId: z.uuid().nullable(),
    note: z.string().nullable(),
    version: z.number().int(),
    abilities: abilities(['update', 'revoke', 'remove']),
    posthumous: z.boolean().describe('Truy tặng'),
    awardWording: z.string().describe('Cách văn bản ghi khen thưởng: "Truy tặng danh hiệu Anh hùng Lao động" hoặc tên hình thức'),
    inKindDescription: z.string().nullable().describe('Khen thưởng bằng hiện vật (ví dụ công trình phúc lợi)'),
    inKindValue: z.number().int().nullable().describe('Giá trị hiện vật (đồng)'),
  })
  .meta({ id: 'HonorRecord' });

export const initiativeRecordSchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    title: z.string(),
    year: z.number().int(),
    scope: z.string(),
    scopeLabel: z.string(),
    decisionNumber: z.string().nullable(),
    decisionDate: z.string().nullable(),
    issuer: z.string().nullable(),
    usedForAwardId: z.uuid().nullable(),
    used: z.boolean(),
    authors: z.array(z.object({ personId: z.uuid(), fullName: z.string() })),
    authorIds: z.array(z.uuid()),
    version: z.number().int(),
    abilities: abilities(['update', 'remove']),
  })
  .meta({ id: 'InitiativeRecord' });

export const disciplineRecordSchema = z
  .object({
    id: z.uuid(),
    year: z.number().int(),
    level: z.string(),
    levelLabel: z.string(),
    decisionNumber: z.string().nullable(),
    decisionDate: z.string().nullable(),
    note: z.string().nullable(),
    version: z.number().int(),
    abilities: abilities(['update', 'remove']),
  })
  .meta({ id: 'DisciplineRecord' });

export const factRecordSchema = z
  .object({
    id: z.uuid(),
    year: z.number().int(),
    fact: z.string(),
    factLabel: z.string(),
    note: z.string().nullable(),
    abilities: abilities(['remove']),
  })
  .meta({ id: 'FactRecord' });

export const subjectRecordsSchema = z
  .object({
    subject: z.object({ kind: z.enum(SUBJECT_KINDS), id: z.uuid(), name: z.string(), unitId: z.uuid(), unitName: z.string() }),
    years: z.array(z.number().int()).describe('Các năm có dữ liệu, mới nhất trước'),
    ratings: z.array(ratingRecordSchema),
    honors: z.array(honorRecordSchema),
    initiatives: z.array(initiativeRecordSchema),
    disciplines: z.array(disciplineRecordSchema),
    facts: z.array(factRecordSchema),
    abilities: z.array(z.enum(ACTIONS.record)).describe('Thao tác của tài khoản với quá trình này (đọc, ghi, nhập tệp)'),
  })
  .meta({ id: 'SubjectRecords' });

export type RatingRecordJson = z.infer<typeof ratingRecordSchema>;
export type HonorRecordJson = z.infer<typeof honorRecordSchema>;
export type InitiativeRecordJson = z.infer<typeof initiativeRecordSchema>;
export type DisciplineRecordJson = z.infer<typeof disciplineRecordSchema>;
export type FactRecordJson = z.infer<typeof factRecordSchema>;

export function presentRating(r: RatingRow, actor: Actor): RatingRecordJson {
  return {
    id: r.id,
    year: r.year,
    rating: r.rating,
    ratingLabel: RATING_LABELS[r.rating as Rating] ?? r.rating,
    note: r.note,
    source: r.source,
    version: r.version,
    abilities: ratingAbilities(actor),
  };
}

export function presentHonor(h: HonorRow, actor: Actor): HonorRecordJson {
  return {
    id: h.id,
    personId: h.personId,
    unitId: h.unitId,
    year: h.year,
    honor: h.honor,
    honorLabel: HONOR_INFO[h.honor as Honor]?.label ?? h.honor,
    type: h.type,
    typeLabel: COMMENDATION_TYPE_LABELS[h.type as CommendationType] ?? h.type,
    decisionNumber: h.decisionNumber,
    decisionDate: h.decisionDate,
    issuer: h.issuer,
    amount: h.amount,
    revoked: h.revoked,
    revokedReason: h.revokedReason,
    source: h.source,
    dossierId: h.dossierId,
    note: h.note,
    version: h.version,
    abilities: honorAbilities(actor, h),
    posthumous: h.posthumous,
    awardWording: HONOR_INFO[h.honor as Honor] ? awardWording(h.honor as Honor, h.posthumous) : h.honor,
    inKindDescription: h.inKindDescription,
    inKindValue: h.inKindValue,
  };
}

export function presentInitiative(i: InitiativeWithAuthors, actor: Actor): InitiativeRecordJson {
  return {
    id: i.id,
    unitId: i.unitId,
    title: i.title,
    year: i.year,
    scope: i.scope,
    scopeLabel: INITIATIVE_SCOPE_LABELS[i.scope as InitiativeScope] ?? i.scope,
    decisionNumber: i.decisionNumber,
    decisionDate: i.decisionDate,
    issuer: i.issuer,
    usedForAwardId: i.usedForAwardId,
    used: i.usedForAwardId !== null,
    authors: i.authors,
    authorIds: i.authors.map((a) => a.personId),
    version: i.version,
    abilities: initiativeAbilities(actor, i),
  };
}

export function presentDiscipline(d: DisciplineRow, actor: Actor): DisciplineRecordJson {
  return {
    id: d.id,
    year: d.year,
    level: d.level,
    levelLabel: DISCIPLINE_LABELS[d.level as Discipline] ?? d.level,
    decisionNumber: d.decisionNumber,
    decisionDate: d.decisionDate,
    note: d.note,
    version: d.version,
    abilities: disciplineAbilities(actor),
  };
}

export function presentFact(f: FactRow, actor: Actor): FactRecordJson {
  return { id: f.id, year: f.year, fact: f.fact, factLabel: FACT_LABELS[f.fact as Fact] ?? f.fact, note: f.note, abilities: factAbilities(actor) };
}

/** A subject's history: flat lists plus the years they cover, newest first. */
export function presentRecords(subject: RecordSubject, rows: RecordRows, actor: Actor): z.infer<typeof subjectRecordsSchema> {
  const years = new Set<number>();
  for (const list of [rows.ratings, rows.honors, rows.initiatives, rows.disciplines, rows.facts]) for (const r of list) years.add(r.year);
  return {
    subject: {
      kind: subject.kind,
      id: subject.personId ?? subject.unitId ?? subject.homeUnitId,
      name: subject.name,
      unitId: subject.homeUnitId,
      unitName: subject.homeUnitName,
    },
    years: [...years].sort((a, b) => b - a),
    ratings: rows.ratings.map((r) => presentRating(r, actor)),
    honors: rows.honors.map((h) => presentHonor(h, actor)),
    initiatives: rows.initiatives.map((i) => presentInitiative(i, actor)),
    disciplines: rows.disciplines.map((d) => presentDiscipline(d, actor)),
    facts: rows.facts.map((f) => presentFact(f, actor)),
    abilities: subjectRecordAbilities(actor),
  };
}

// ---------------------------------------------------------------- eligibility and candidates

export const reasonSchema = z
  .object({
    ok: z.boolean().nullable().describe('true: đạt; false: chưa đạt; null: thiếu dữ liệu, cần xác nhận'),
    text: z.string(),
    rule: z.string(),
    article: z.string(),
    verified: z.boolean(),
  })
  .meta({ id: 'RuleReason' });
export const moneySchema = z.object({ coefficient: z.number(), baseSalary: z.number(), amount: z.number() }).meta({ id: 'RewardMoney' });

const honorCodeOut = z.enum(HONORS);

export const honorEligibilitySchema = z
  .object({
    honor: honorCodeOut,
    label: z.string(),
    kind: z.enum(['title', 'form']),
    eligible: z.boolean().nullable(),
    regime: z.enum(REGIMES),
    year: z.number().int(),
    reasons: z.array(reasonSchema),
    money: moneySchema.nullable(),
  })
  .meta({ id: 'HonorEligibility' });

export const eligibilitySchema = z
  .object({
    subject: z.object({ kind: z.enum(SUBJECT_KINDS), id: z.uuid(), name: z.string() }),
    regime: z.enum(REGIMES),
    year: z.number().int(),
    decisionDate: z.string(),
    appliedOverrides: z.array(z.string()),
    members: z.number().int().nullable().describe('Số thành viên trong năm (tập thể); null với cá nhân'),
    results: z.array(honorEligibilitySchema).describe('Mỗi danh hiệu, hình thức mà đối tượng có thể nhận (một tập nhỏ, cố định)'),
  })
  .meta({ id: 'Eligibility' });

export const quotaUseSchema = z
  .object({
    honor: honorCodeOut,
    of: honorCodeOut,
    share: z.number(),
    baseCount: z.number().int(),
    cap: z.number().int(),
    candidates: z.number().int(),
    over: z.number().int(),
    withinCap: z.boolean(),
    article: z.string(),
    verified: z.boolean(),
    text: z.string(),
  })
  .meta({ id: 'QuotaUse' });

export const candidateSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(SUBJECT_KINDS),
    name: z.string(),
    unitId: z.uuid(),
    unitName: z.string(),
    outcomes: z.array(z.object({ honor: honorCodeOut, eligible: z.boolean().nullable(), reasons: z.array(reasonSchema).optional() })),
  })
  .meta({ id: 'EligibleCandidate' });

export const candidateListSchema = z
  .object({
    unit: z.object({ id: z.uuid(), name: z.string() }),
    regime: z.enum(REGIMES),
    year: z.number().int(),
    decisionDate: z.string(),
    appliedOverrides: z.array(z.string()),
    summary: z
      .array(z.object({ honor: honorCodeOut, eligible: z.number().int(), undetermined: z.number().int(), ineligible: z.number().int() }))
      .describe('Đếm trên toàn bộ danh sách (không chỉ trang này)'),
    quotas: z.array(quotaUseSchema).describe('Tỷ lệ khống chế, tính trên toàn bộ danh sách'),
    items: z.array(candidateSchema),
    total: z.number().int().describe('Tổng số đối tượng khớp bộ lọc'),
  })
  .meta({ id: 'EligibleCandidateList' });

export function presentCandidate(r: CandidateRow): z.infer<typeof candidateSchema> {
  return { id: r.id, kind: r.kind, name: r.name, unitId: r.unitId, unitName: r.unitName, outcomes: r.outcomes };
}

// ---------------------------------------------------------------- import

export const importPreviewSchema = z
  .object({
    kind: z.enum(['ratings', 'honors']),
    /** What the reader did to the file as a whole (cells converted from TCVN3/VNI). */
    notices: z.array(z.string()),
    total: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    rows: z.array(
      z.object({
        row: z.number().int(),
        values: z.record(z.string(), z.string()),
        subjectName: z.string().nullable(),
        ok: z.boolean(),
        errors: z.array(z.string()),
        warnings: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'RecordImportPreview' });

export function presentChecked(rows: CheckedRow<unknown>[]): z.infer<typeof importPreviewSchema>['rows'] {
  return rows.map((r) => ({ row: r.row, values: r.values, subjectName: r.subjectName, ok: r.input !== null, errors: r.errors, warnings: r.warnings }));
}

// ---------------------------------------------------------------- facts catalogue

export const factKindSchema = z.object({ fact: z.enum(FACTS), label: z.string() }).meta({ id: 'FactKind' });

/** The facts a user may confirm (what the engine cannot compute), with their Vietnamese labels. */
export function presentFactKinds(): z.infer<typeof factKindSchema>[] {
  return FACTS.map((fact) => ({ fact, label: FACT_LABELS[fact] }));
}
