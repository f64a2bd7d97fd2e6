/**
 * Input schemas of the records the rule engine reads (ratings, honors received, initiatives,
 * discipline, confirmed facts), with Vietnamese messages. Used by the API and the web forms.
 */
import { z } from 'zod';
import { COMMENDATION_TYPES, DISCIPLINES, HONORS, INITIATIVE_SCOPES, RATINGS } from '../codes.js';
import { isoDate } from './common.js';

export const RECORD_MIN_YEAR = 1990;
export const RECORD_MAX_YEAR = 2100;

export const recordYear = z
  .number('Năm phải là số.')
  .int('Năm phải là số nguyên.')
  .min(RECORD_MIN_YEAR, `Năm phải từ ${RECORD_MIN_YEAR} trở đi.`)
  .max(RECORD_MAX_YEAR, `Năm phải trước ${RECORD_MAX_YEAR + 1}.`);

/** Year in a query string or path ("2023"). */
export const recordYearParam = z.coerce
  .number('Năm phải là số.')
  .int('Năm phải là số nguyên.')
  .min(RECORD_MIN_YEAR, `Năm phải từ ${RECORD_MIN_YEAR} trở đi.`)
  .max(RECORD_MAX_YEAR, `Năm phải trước ${RECORD_MAX_YEAR + 1}.`);

const text = (max: number, label: string) => z.string().trim().max(max, `${label} quá dài (tối đa ${max} ký tự).`).nullish();

export const ratingCode = z.enum(RATINGS, `Xếp loại không hợp lệ (hợp lệ: ${RATINGS.join(', ')}).`);
export const honorCode = z.enum(HONORS, 'Mã danh hiệu, hình thức khen thưởng không hợp lệ.');
export const commendationType = z.enum(COMMENDATION_TYPES, 'Loại hình khen thưởng không hợp lệ.');
export const initiativeScope = z.enum(INITIATIVE_SCOPES, 'Phạm vi sáng kiến không hợp lệ (co_so, bo_tinh, toan_quoc).');
export const disciplineLevel = z.enum(DISCIPLINES, 'Hình thức kỷ luật không hợp lệ.');

/** Whose record it is: a person, or a unit as a collective (exactly one). */
export const recordSubjectSchema = z.object({
  personId: z.uuid('Cán bộ không hợp lệ.').nullish(),
  unitId: z.uuid('Đơn vị không hợp lệ.').nullish(),
});
const oneSubject = <T extends { personId?: string | null | undefined; unitId?: string | null | undefined }>(v: T, ctx: z.RefinementCtx) => {
  if (!v.personId === !v.unitId)
    ctx.addIssue({ code: 'custom', path: ['personId'], message: 'Chọn đúng một đối tượng: một cán bộ (personId) hoặc một tập thể (unitId).' });
};

export const ratingInputSchema = z.object({
  rating: ratingCode,
  note: text(500, 'Ghi chú'),
  version: z.number().int().optional(),
});
export type RatingInput = z.infer<typeof ratingInputSchema>;

/** The value of an award in kind (VND): a welfare work for a commune may be worth billions. */
export const inKindValue = z
  .number('Giá trị hiện vật phải là số.')
  .int('Giá trị hiện vật phải là số nguyên (đồng).')
  .min(1, 'Giá trị hiện vật phải lớn hơn 0.')
  .max(1_000_000_000_000, 'Giá trị hiện vật quá lớn.');

const honorFields = {
  honor: honorCode,
  year: recordYear,
  type: commendationType.default('cong_trang'),
  decisionNumber: text(100, 'Số quyết định'),
  decisionDate: isoDate.nullish(),
  issuer: text(300, 'Cơ quan ban hành'),
  amount: z.number().int('Số tiền phải là số nguyên.').min(0, 'Số tiền không được âm.').max(1_000_000_000, 'Số tiền quá lớn.').nullish(),
  note: text(1000, 'Ghi chú'),
  /** Truy tặng (the awardee had died); absent on an update keeps what is stored. */
  posthumous: z.boolean('Truy tặng phải là có hoặc không.').optional(),
  /** Award in kind: what (a welfare work…) and its value in VND. */
  inKindDescription: text(500, 'Hiện vật khen thưởng'),
  inKindValue: inKindValue.nullish(),
};
export const honorInputSchema = recordSubjectSchema.extend(honorFields).superRefine(oneSubject);
export type HonorInput = z.infer<typeof honorInputSchema>;
export const honorUpdateSchema = z.object({ ...honorFields, version: z.number().int().optional() });
export type HonorUpdate = z.infer<typeof honorUpdateSchema>;

const initiativeFields = {
  title: z.string().trim().min(3, 'Tên sáng kiến phải có ít nhất 3 ký tự.').max(500, 'Tên sáng kiến quá dài (tối đa 500 ký tự).'),
  scope: initiativeScope,
  year: recordYear,
  decisionNumber: text(100, 'Số quyết định công nhận'),
  decisionDate: isoDate.nullish(),
  issuer: text(300, 'Cơ quan công nhận'),
  authorIds: z.array(z.uuid('Tác giả không hợp lệ.')).min(1, 'Sáng kiến phải có ít nhất một tác giả.').max(50, 'Tối đa 50 tác giả.'),
  /** The owning unit; defaults to the first author's unit. */
  unitId: z.uuid('Đơn vị không hợp lệ.').nullish(),
  /** The honor it backed (one initiative backs one award only); null = not used yet. */
  usedForAwardId: z.uuid('Khen thưởng không hợp lệ.').nullish(),
};
export const initiativeInputSchema = z.object(initiativeFields);
export type InitiativeInput = z.infer<typeof initiativeInputSchema>;
export const initiativeUpdateSchema = z.object({ ...initiativeFields, version: z.number().int().optional() });
export type InitiativeUpdate = z.infer<typeof initiativeUpdateSchema>;

const disciplineFields = {
  level: disciplineLevel,
  year: recordYear,
  decisionNumber: text(100, 'Số quyết định kỷ luật'),
  decisionDate: isoDate.nullish(),
  note: text(1000, 'Ghi chú'),
};
export const disciplineInputSchema = recordSubjectSchema.extend(disciplineFields).superRefine(oneSubject);
export type DisciplineInput = z.infer<typeof disciplineInputSchema>;
export const disciplineUpdateSchema = z.object({ ...disciplineFields, version: z.number().int().optional() });
export type DisciplineUpdate = z.infer<typeof disciplineUpdateSchema>;

export const RECORD_IMPORT_KINDS = ['ratings', 'honors'] as const;
export type RecordImportKind = (typeof RECORD_IMPORT_KINDS)[number];
