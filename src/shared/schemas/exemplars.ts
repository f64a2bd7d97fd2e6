import { z } from 'zod';
import { isoDate } from './common.js';
import { EXEMPLAR_KINDS, PUBLIC_KINDS } from '../codes.js';

const text = (max: number, required: string) => z.string(required).trim().min(1, required).max(max, `Tối đa ${max} ký tự.`);
const optText = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự.`).optional().nullable();

/** Phát hiện: a unit proposes an exemplar, with the reason. */
export const exemplarProposalSchema = z
  .object({
    unitId: z.uuid('Đơn vị đề xuất không hợp lệ.'),
    kind: z.enum(EXEMPLAR_KINDS, 'Loại điển hình không hợp lệ.'),
    name: text(300, 'Cần nhập tên điển hình.'),
    personId: z.uuid('Cán bộ không hợp lệ.').optional().nullable(),
    subjectUnitId: z.uuid('Tập thể không hợp lệ.').optional().nullable(),
    positionText: optText(300),
    movementId: z.uuid('Phong trào không hợp lệ.').optional().nullable(),
    decisionId: z.uuid('Quyết định không hợp lệ.').optional().nullable(),
    achievement: text(4000, 'Cần nêu thành tích, việc làm tiêu biểu.'),
    reason: text(4000, 'Cần nêu lý do đề xuất (phát hiện).'),
    discoveredOn: isoDate,
  })
  .meta({ id: 'ExemplarProposal' });
export type ExemplarProposal = z.infer<typeof exemplarProposalSchema>;

/** Sửa đề xuất (while at phát hiện or bồi dưỡng): the proposal's fields, its unit kept; `version` as read. */
export const exemplarEditSchema = exemplarProposalSchema
  .omit({ unitId: true })
  .extend({ version: z.number('Thiếu phiên bản của bản ghi.').int() })
  .meta({ id: 'ExemplarEdit' });
export type ExemplarEdit = z.infer<typeof exemplarEditSchema>;

/** Hủy, rút đề xuất, khôi phục: always with the reason, kept in the audit. */
export const cancelReasonSchema = z
  .object({ reason: text(500, 'Cần nêu lý do.').refine((s) => s.length >= 3, 'Lý do tối thiểu 3 ký tự.'), version: z.number().int().optional() })
  .meta({ id: 'CancelReason' });
export type CancelReason = z.infer<typeof cancelReasonSchema>;

/** A dated step: a support action (bồi dưỡng) or a replication (nhân rộng). */
export const exemplarStepSchema = z
  .object({
    stepDate: isoDate,
    owner: text(300, 'Cần nêu đơn vị hoặc người phụ trách.'),
    content: text(4000, 'Cần nêu nội dung.'),
    unitId: z.uuid('Đơn vị không hợp lệ.').optional().nullable(),
  })
  .meta({ id: 'ExemplarStepEntry' });
export type ExemplarStepInput = z.infer<typeof exemplarStepSchema>;

export const exemplarSumUpSchema = z.object({ summedUpOn: isoDate, assessment: text(8000, 'Cần nhập đánh giá tổng kết.') }).meta({ id: 'ExemplarSumUp' });
export type ExemplarSumUp = z.infer<typeof exemplarSumUpSchema>;

export const storyInputSchema = z
  .object({
    unitId: z.uuid('Đơn vị không hợp lệ.'),
    exemplarId: z.uuid('Điển hình không hợp lệ.').optional().nullable(),
    title: text(300, 'Cần nhập tiêu đề bài viết.'),
    summary: text(1000, 'Cần nhập tóm tắt.'),
    bodyHtml: z.string('Cần nhập nội dung bài viết.').max(200_000, 'Nội dung bài viết quá dài.'),
    authorName: text(200, 'Cần nhập tên tác giả.'),
    version: z.number().int().optional(),
  })
  .meta({ id: 'StoryDraft' });
export type StoryInput = z.infer<typeof storyInputSchema>;

export const conferenceInputSchema = z
  .object({
    unitId: z.uuid('Đơn vị tổ chức không hợp lệ.'),
    title: text(300, 'Cần nhập tên hội nghị.'),
    heldOn: isoDate,
    place: text(300, 'Cần nhập địa điểm.'),
    speakers: z.array(text(300, 'Tên người phát biểu trống.')).max(50, 'Tối đa 50 người phát biểu.').default([]),
    exemplarIds: z.array(z.uuid('Điển hình không hợp lệ.')).min(1, 'Cần chọn ít nhất một điển hình được biểu dương.').max(200, 'Tối đa 200 điển hình.'),
    decisionId: z.uuid('Quyết định không hợp lệ.').optional().nullable(),
    outcome: optText(8000),
    shortcomings: optText(8000),
    lessons: optText(8000),
    directions: optText(8000),
    reportNumber: z
      .string()
      .trim()
      .max(50, 'Tối đa 50 ký tự.')
      .regex(/^(\d+(\/[\p{L}\d.-]+)?)?$/u, 'Số báo cáo dạng "12" hoặc "12/BC-SKHCN".')
      .optional()
      .nullable(),
  })
  .meta({ id: 'ConferenceInput' });
export type ConferenceInput = z.infer<typeof conferenceInputSchema>;

/** Sửa hội nghị: the same fields, its unit kept; `version` as read. */
export const conferenceEditSchema = conferenceInputSchema
  .omit({ unitId: true })
  .extend({ version: z.number('Thiếu phiên bản của bản ghi.').int() })
  .meta({ id: 'ConferenceEdit' });
export type ConferenceEdit = z.infer<typeof conferenceEditSchema>;

export const publicationSettingSchema = z
  .object({ unitId: z.uuid('Đơn vị không hợp lệ.'), kind: z.enum(PUBLIC_KINDS, 'Loại nội dung không hợp lệ.'), enabled: z.boolean('Cần chọn bật hoặc tắt.') })
  .meta({ id: 'PublicationSettingInput' });
export type PublicationSettingInput = z.infer<typeof publicationSettingSchema>;
