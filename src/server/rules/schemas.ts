/**
 * zod schemas with Vietnamese messages for what the HTTP layer mounts:
 *   POST /api/rules/evaluate   body  = evaluateRequestSchema
 *   GET  /api/rules/money      query = moneyQuerySchema
 * plus the criterion schema reused by agency overrides. Absent history lists mean "none".
 */
import { z } from 'zod';
import {
  COMMENDATION_TYPES,
  DISCIPLINES,
  HONORS,
  HONOR_INFO,
  INITIATIVE_SCOPES,
  RATINGS,
  REGIMES,
  SUBJECT_KINDS,
  type Honor,
  type SubjectKind,
} from '../../shared/codes.js';
import { subjectNotAllowedMessage } from './evaluate.js';
import { isIsoDate } from './regimes.js';
import { FACTS, type Criterion } from './types.js';

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/** An enum whose errors name the field and list the valid codes. */
function codeEnum<T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (iss) =>
      iss.input === undefined
        ? `Thiếu ${what}`
        : `${what[0]?.toUpperCase()}${what.slice(1)} không hợp lệ: ${JSON.stringify(iss.input)} (hợp lệ: ${values.join(', ')})`,
  });
}

export const honorCodeSchema = codeEnum(HONORS as unknown as readonly [Honor, ...Honor[]], 'mã danh hiệu, hình thức khen thưởng');
export const ratingCodeSchema = codeEnum(RATINGS, 'mã xếp loại chất lượng');
export const regimeCodeSchema = codeEnum(REGIMES, 'mã chế độ pháp lý');
export const subjectKindSchema = codeEnum(SUBJECT_KINDS, 'loại đối tượng');
export const disciplineCodeSchema = codeEnum(DISCIPLINES, 'mã hình thức kỷ luật');
export const commendationTypeSchema = codeEnum(COMMENDATION_TYPES, 'mã loại hình khen thưởng');
export const initiativeScopeSchema = codeEnum(INITIATIVE_SCOPES, 'mã phạm vi sáng kiến');
export const factCodeSchema = codeEnum(FACTS, 'mã sự kiện xác nhận');

/** A real calendar date written YYYY-MM-DD (2023-02-30 is rejected). */
export const isoDateSchema = z.string({ error: (iss) => (iss.input === undefined ? 'Thiếu ngày' : 'Ngày phải là chuỗi dạng YYYY-MM-DD') }).check((ctx) => {
  if (!isIsoDate(ctx.value)) {
    ctx.issues.push({ code: 'custom', input: ctx.value, message: `Ngày không hợp lệ: "${ctx.value}" (định dạng YYYY-MM-DD, ngày phải có thật)` });
  }
});

const yearMessage = `Năm phải là số nguyên từ ${MIN_YEAR} đến ${MAX_YEAR}`;
export const yearSchema = z
  .number({ error: (iss) => (iss.input === undefined ? 'Thiếu năm' : yearMessage) })
  .int({ error: yearMessage })
  .min(MIN_YEAR, { error: yearMessage })
  .max(MAX_YEAR, { error: yearMessage });

const list = <T extends z.ZodType>(item: T, what: string, max: number) =>
  z
    .array(item, { error: `${what} phải là một danh sách` })
    .max(max, { error: `${what} có quá nhiều mục (tối đa ${max})` })
    .optional();

export const ratingEntrySchema = z.object({ year: yearSchema, rating: ratingCodeSchema }, { error: 'Mỗi xếp loại gồm năm (year) và mã xếp loại (rating)' });
export const honorEntrySchema = z.object(
  { year: yearSchema, honor: honorCodeSchema, type: commendationTypeSchema.optional() },
  { error: 'Mỗi khen thưởng gồm năm (year), mã (honor) và loại hình (type, tùy chọn)' },
);
export const initiativeEntrySchema = z.object(
  { year: yearSchema, scope: initiativeScopeSchema, used: z.boolean({ error: 'Trường "used" phải là true/false' }).optional() },
  { error: 'Mỗi sáng kiến gồm năm (year), phạm vi (scope) và đã dùng (used, tùy chọn)' },
);
export const disciplineEntrySchema = z.object({ year: yearSchema, level: disciplineCodeSchema }, { error: 'Mỗi kỷ luật gồm năm (year) và hình thức (level)' });
export const factEntrySchema = z.object({ year: yearSchema, fact: factCodeSchema }, { error: 'Mỗi xác nhận gồm năm (year) và mã (fact)' });

export const memberSchema = z.object(
  {
    ratings: list(ratingEntrySchema, 'Xếp loại của thành viên', 200),
    honors: list(honorEntrySchema, 'Khen thưởng của thành viên', 500),
    disciplines: list(disciplineEntrySchema, 'Kỷ luật của thành viên', 200),
  },
  { error: 'Mỗi thành viên phải là một đối tượng' },
);

export const subjectSchema = z.object(
  {
    kind: subjectKindSchema,
    ratings: list(ratingEntrySchema, 'Xếp loại (ratings)', 200),
    honors: list(honorEntrySchema, 'Khen thưởng (honors)', 500),
    initiatives: list(initiativeEntrySchema, 'Sáng kiến (initiatives)', 500),
    disciplines: list(disciplineEntrySchema, 'Kỷ luật (disciplines)', 200),
    facts: list(factEntrySchema, 'Xác nhận (facts)', 200),
    members: list(memberSchema, 'Thành viên (members)', 20_000),
  },
  { error: (iss) => (iss.input === undefined ? 'Thiếu đối tượng xét (subject)' : 'Đối tượng xét (subject) phải là một đối tượng') },
);

function honorAllowed(honor: Honor, kind: SubjectKind): boolean {
  return HONOR_INFO[honor].subjects.includes(kind);
}

export const evaluateRequestSchema = z
  .object(
    {
      decisionDate: isoDateSchema,
      year: yearSchema,
      honor: honorCodeSchema,
      regime: regimeCodeSchema.optional(),
      subject: subjectSchema,
    },
    { error: 'Yêu cầu phải là một đối tượng JSON' },
  )
  .superRefine((v, ctx) => {
    if (!honorAllowed(v.honor, v.subject.kind)) {
      ctx.addIssue({ code: 'custom', path: ['honor'], message: subjectNotAllowedMessage(v.subject.kind, v.honor) });
    }
    if (v.subject.members !== undefined && v.subject.kind !== 'collective') {
      ctx.addIssue({ code: 'custom', path: ['subject', 'members'], message: 'Chỉ tập thể mới có danh sách thành viên (members)' });
    }
    const decisionYear = Number(v.decisionDate.slice(0, 4));
    if (v.year > decisionYear) {
      ctx.addIssue({ code: 'custom', path: ['year'], message: `Năm xét tặng (${v.year}) không thể sau năm của ngày quyết định (${decisionYear})` });
    }
  });
export type EvaluateRequest = z.infer<typeof evaluateRequestSchema>;

/** Query string of GET /api/rules/money. */
export const moneyQuerySchema = z
  .object({
    honor: honorCodeSchema,
    subject: subjectKindSchema,
    decisionDate: isoDateSchema,
    regime: regimeCodeSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (!honorAllowed(v.honor, v.subject)) {
      ctx.addIssue({ code: 'custom', path: ['subject'], message: subjectNotAllowedMessage(v.subject, v.honor) });
    }
  });
export type MoneyQueryInput = z.infer<typeof moneyQuerySchema>;

// ---------------------------------------------------------------- criteria (for overrides)

const meta = {
  rule: z.string({ error: 'Thiếu mã quy tắc (rule)' }).min(1, { error: 'Thiếu mã quy tắc (rule)' }).max(200),
  article: z.string({ error: 'Thiếu căn cứ (article)' }).min(1, { error: 'Thiếu căn cứ (article)' }).max(500),
  verified: z.boolean({ error: 'Trường "verified" phải là true/false' }),
  note: z.string().max(2000).optional(),
};
const positiveInt = (what: string) =>
  z
    .number({ error: `${what} phải là số nguyên dương` })
    .int({ error: `${what} phải là số nguyên dương` })
    .min(1, { error: `${what} phải là số nguyên dương` })
    .max(50, { error: `${what} tối đa 50` });
const shareSchema = z
  .number({ error: 'Tỷ lệ phải là số từ 0 đến 1' })
  .min(0, { error: 'Tỷ lệ phải là số từ 0 đến 1' })
  .max(1, { error: 'Tỷ lệ phải là số từ 0 đến 1' });
const typesSchema = z.array(commendationTypeSchema).min(1).optional();

/** A rule-pack criterion (recursive for any_of / all_of). */
export const criterionSchema: z.ZodType<Criterion> = z
  .lazy(() =>
    z.discriminatedUnion(
      'kind',
      [
        z.object({ ...meta, kind: z.literal('rating_at_least'), rating: ratingCodeSchema }),
        z.object({ ...meta, kind: z.literal('consecutive_rating_years'), rating: ratingCodeSchema, years: positiveInt('Số năm') }),
        z.object({
          ...meta,
          kind: z.literal('consecutive_title_years'),
          honor: honorCodeSchema,
          years: positiveInt('Số năm'),
          termYears: positiveInt('Số năm mỗi lần').optional(),
          resetBy: honorCodeSchema.optional(),
          countTypes: typesSchema,
        }),
        z.object({
          ...meta,
          kind: z.literal('honor_count'),
          honor: honorCodeSchema,
          atLeast: positiveInt('Số lần'),
          withinYears: positiveInt('Số năm').optional(),
          countTypes: typesSchema,
        }),
        z.object({
          ...meta,
          kind: z.literal('prerequisite_honor'),
          honor: honorCodeSchema,
          withinYears: positiveInt('Số năm').optional(),
          countTypes: typesSchema,
        }),
        z.object({
          ...meta,
          kind: z.literal('initiative'),
          scope: initiativeScopeSchema,
          count: positiveInt('Số sáng kiến').optional(),
          withinYears: positiveInt('Số năm').optional(),
        }),
        z.object({ ...meta, kind: z.literal('no_discipline'), atLeast: disciplineCodeSchema, withinYears: positiveInt('Số năm').optional() }),
        z.object({ ...meta, kind: z.literal('member_share'), honor: honorCodeSchema, atLeast: shareSchema, strict: z.boolean().optional() }),
        z.object({ ...meta, kind: z.literal('members_all_rating_at_least'), rating: ratingCodeSchema }),
        z.object({ ...meta, kind: z.literal('member_count_with_honor'), honor: honorCodeSchema, atLeast: positiveInt('Số thành viên') }),
        z.object({ ...meta, kind: z.literal('no_member_discipline_at_least'), level: disciplineCodeSchema }),
        z.object({
          ...meta,
          kind: z.literal('fact'),
          fact: factCodeSchema,
          withinYears: positiveInt('Số năm').optional(),
          ifAbsent: z.enum(['fail', 'unknown']).optional(),
        }),
        z.object({ ...meta, kind: z.literal('no_fact'), fact: factCodeSchema, withinYears: positiveInt('Số năm').optional() }),
        z.object({ ...meta, kind: z.literal('meets_honor'), honor: honorCodeSchema }),
        z.object({ ...meta, kind: z.literal('any_of'), of: z.array(criterionSchema).min(1, { error: 'Cần ít nhất một điều kiện' }) }),
        z.object({ ...meta, kind: z.literal('all_of'), of: z.array(criterionSchema).min(1, { error: 'Cần ít nhất một điều kiện' }) }),
      ],
      { error: (iss) => `Loại tiêu chí không hợp lệ: ${JSON.stringify((iss.input as { kind?: unknown } | undefined)?.kind ?? iss.input)}` },
    ),
  )
  .meta({ id: 'Criterion' });

/** Flattens zod issues into "path: message" lines (Vietnamese messages come from the schemas). */
export function issuesToMessages(error: z.ZodError): string[] {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
}
