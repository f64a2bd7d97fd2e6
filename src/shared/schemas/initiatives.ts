/** Input schemas of initiatives (sáng kiến), the council's rounds, rubrics and score sheets. */
import { z } from 'zod';
import { INITIATIVE_CONFLICTS, INITIATIVE_KINDS, INITIATIVE_ROUND_STATUSES, INITIATIVE_SCOPES, INITIATIVE_STATUSES } from '../codes.js';
import { isoDate } from './common.js';

const text = (label: string, max: number) => z.string().trim().min(1, `${label} không được để trống.`).max(max, `${label} quá dài (tối đa ${max} ký tự).`);
const optText = (label: string, max: number) => z.string().trim().max(max, `${label} quá dài (tối đa ${max} ký tự).`).nullish();
const year = z.number('Năm phải là số.').int('Năm phải là số nguyên.').min(2000, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.');

export const rubricLevelSchema = z.object({
  points: z.number('Điểm phải là số.').int('Điểm phải là số nguyên.').min(0, 'Điểm không được âm.').max(100, 'Điểm tối đa 100.'),
  descriptor: text('Mô tả mức điểm', 500),
});

export const rubricCriterionSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Mã tiêu chí chỉ gồm chữ thường không dấu, số và dấu gạch dưới.'),
    label: text('Tên tiêu chí', 300),
    maxPoints: z
      .number('Điểm tối đa phải là số.')
      .int('Điểm tối đa phải là số nguyên.')
      .min(1, 'Điểm tối đa phải từ 1.')
      .max(100, 'Điểm tối đa không quá 100.'),
    levels: z.array(rubricLevelSchema).min(1, 'Mỗi tiêu chí cần ít nhất một mức điểm có mô tả.').max(20, 'Tối đa 20 mức điểm.'),
  })
  .refine((c) => c.levels.every((l) => l.points <= c.maxPoints), { message: 'Mức điểm không được vượt điểm tối đa của tiêu chí.', path: ['levels'] });

export const rubricInputSchema = z
  .object({
    unitId: z.uuid('Đơn vị không hợp lệ.'),
    year,
    name: text('Tên thang điểm', 300),
    source: text('Căn cứ (quy chế của cơ quan)', 500),
    passMark: z.number('Điểm đạt phải là số.').int('Điểm đạt phải là số nguyên.').min(1, 'Điểm đạt phải từ 1.'),
    criteria: z.array(rubricCriterionSchema).min(1, 'Thang điểm cần ít nhất một tiêu chí.').max(20, 'Tối đa 20 tiêu chí.'),
  })
  .refine((r) => new Set(r.criteria.map((c) => c.key)).size === r.criteria.length, { message: 'Mã tiêu chí bị trùng.', path: ['criteria'] })
  .refine((r) => r.passMark <= r.criteria.reduce((s, c) => s + c.maxPoints, 0), { message: 'Điểm đạt không được vượt tổng điểm tối đa.', path: ['passMark'] });
export type RubricInput = z.infer<typeof rubricInputSchema>;

export const roundStepSchema = z
  .object({ label: text('Tên bước', 200), from: isoDate, to: isoDate })
  .refine((s) => s.from <= s.to, { message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.', path: ['to'] });

export const roundInputSchema = z.object({
  councilId: z.uuid('Hội đồng không hợp lệ.'),
  rubricId: z.uuid('Thang điểm không hợp lệ.'),
  year,
  title: text('Tên đợt xét', 300),
  calendar: z.array(roundStepSchema).max(20, 'Tối đa 20 bước.').default([]),
  maxLoad: z.number('Số sáng kiến tối đa phải là số.').int().min(1, 'Mỗi thành viên chấm ít nhất 1 sáng kiến.').max(1000, 'Tối đa 1000.').default(50),
});
export type RoundInput = z.infer<typeof roundInputSchema>;

export const authorInputSchema = z.object({
  personId: z.uuid('Tác giả không hợp lệ.'),
  sharePercent: z
    .number('Tỷ lệ đóng góp phải là số.')
    .int('Tỷ lệ đóng góp là số nguyên (%).')
    .min(1, 'Tỷ lệ đóng góp từ 1%.')
    .max(100, 'Tỷ lệ đóng góp tối đa 100%.'),
});

export const initiativeApplicationInputSchema = z
  .object({
    roundId: z.uuid('Đợt xét không hợp lệ.'),
    unitId: z.uuid('Đơn vị đề nghị không hợp lệ.').nullish(),
    kind: z.enum(INITIATIVE_KINDS, 'Loại không hợp lệ (sang_kien, de_tai, giai_phap).'),
    title: z.string().trim().min(3, 'Tên sáng kiến phải có ít nhất 3 ký tự.').max(500, 'Tên sáng kiến quá dài (tối đa 500 ký tự).'),
    field: optText('Lĩnh vực', 200),
    authors: z.array(authorInputSchema).min(1, 'Sáng kiến phải có ít nhất một tác giả.').max(20, 'Tối đa 20 tác giả.'),
    appliedUnitId: z.uuid('Đơn vị áp dụng không hợp lệ.').nullish(),
    appliedPlace: optText('Nơi áp dụng', 300),
    firstAppliedOn: isoDate,
    novelty: text('Tính mới', 5000),
    application: text('Cách áp dụng', 5000),
    benefitVnd: z
      .number('Số tiền làm lợi phải là số.')
      .int('Số tiền làm lợi là số nguyên (đồng).')
      .min(0, 'Số tiền làm lợi không được âm.')
      .max(1e15)
      .nullish(),
    benefitText: optText('Hiệu quả', 5000),
    scopeAsked: z.enum(INITIATIVE_SCOPES, 'Phạm vi đề nghị không hợp lệ (co_so, bo_tinh, toan_quoc).'),
    version: z.number().int().optional(),
  })
  .refine((a) => a.authors.reduce((s, x) => s + x.sharePercent, 0) === 100, {
    message: 'Tổng tỷ lệ đóng góp của các tác giả phải bằng 100%.',
    path: ['authors'],
  })
  .refine((a) => new Set(a.authors.map((x) => x.personId)).size === a.authors.length, {
    message: 'Một người chỉ được ghi một lần trong danh sách tác giả.',
    path: ['authors'],
  })
  .refine((a) => a.appliedUnitId || a.appliedPlace, { message: 'Cần ghi đơn vị hoặc nơi áp dụng sáng kiến.', path: ['appliedPlace'] });
export type InitiativeApplicationInput = z.infer<typeof initiativeApplicationInputSchema>;

export const assignInputSchema = z.object({
  personIds: z.array(z.uuid('Thành viên không hợp lệ.')).min(1, 'Chọn ít nhất một thành viên.').max(50),
});

export const conflictInputSchema = z.object({
  /** The member declaring; omitted = the caller itself. */
  personId: z.uuid('Thành viên không hợp lệ.').nullish(),
  kind: z.enum(INITIATIVE_CONFLICTS, 'Loại xung đột không hợp lệ.'),
  note: optText('Ghi chú', 500),
});

export const scoreInputSchema = z.object({
  /** Only for the Office entering a member's paper sheet; a member scores as itself. */
  personId: z.uuid('Thành viên không hợp lệ.').nullish(),
  points: z.record(z.string(), z.number('Điểm phải là số.').int('Điểm phải là số nguyên.')),
  approve: z.boolean('Cần ghi ý kiến đồng ý hay không đồng ý công nhận.'),
  comment: optText('Nhận xét', 2000),
});
export type ScoreInput = z.infer<typeof scoreInputSchema>;

/** The decision of one initiative (its number comes from the unit's decision register). */
export const recogniseInputSchema = z.object({
  decisionDate: isoDate,
  signerName: text('Người ký', 200),
  signerTitle: text('Chức vụ người ký', 200),
  title: optText('Trích yếu', 500),
});

/** Quyết định công nhận sáng kiến of a round: the list of initiatives, number from the register. */
export const recognitionInputSchema = recogniseInputSchema.extend({
  initiativeIds: z.array(z.uuid('Sáng kiến không hợp lệ.')).min(1, 'Hãy chọn ít nhất một sáng kiến để công nhận.').max(1000),
});

export const higherRecognitionInputSchema = z.object({
  scope: z.enum(['bo_tinh', 'toan_quoc'], 'Phạm vi được cấp trên công nhận là bo_tinh hoặc toan_quoc.'),
  decisionNumber: text('Số quyết định của cấp trên', 100),
  decisionDate: isoDate,
  issuer: text('Cơ quan ban hành', 300),
});

export const roundUpdateSchema = roundInputSchema.extend({ version: z.number().int().optional() });

/** Use once: a recognised initiative offered as the evidence of a dossier candidate. */
export const offerInitiativeInputSchema = z.object({
  candidateId: z.uuid('Người/tập thể không hợp lệ.'),
  initiativeId: z.uuid('Sáng kiến không hợp lệ.'),
});

export const refuseInputSchema = z.object({
  reason: z.string().trim().min(5, 'Cần ghi lý do không công nhận (ít nhất 5 ký tự).').max(2000, 'Lý do quá dài.'),
});

export const initiativeFilterSchema = z.object({
  year: z.coerce.number().int().min(2000, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.').optional(),
  unitId: z.uuid('Đơn vị không hợp lệ.').optional(),
  status: z.enum(INITIATIVE_STATUSES, 'Trạng thái không hợp lệ.').optional(),
  scope: z.enum(INITIATIVE_SCOPES, 'Phạm vi không hợp lệ.').optional(),
  roundId: z.uuid('Đợt xét không hợp lệ.').optional(),
  q: z.string().trim().max(200).optional(),
});

export const roundFilterSchema = z.object({
  year: z.coerce.number().int().min(2000, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.').optional(),
  status: z.enum(INITIATIVE_ROUND_STATUSES, 'Trạng thái không hợp lệ.').optional(),
});
