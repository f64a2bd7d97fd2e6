import { z } from 'zod';
import { isoDate } from './common.js';
import { CONSULTED_BODY_KINDS } from '../codes.js';

const text = (max: number, label: string) => z.string().trim().max(max, `${label} quá dài (tối đa ${max} ký tự).`);
const required = (max: number, label: string) => text(max, label).min(1, `Chưa nhập ${label.toLowerCase()}.`);

export const consultedBodyInputSchema = z.object({
  kind: z.enum(CONSULTED_BODY_KINDS, 'Loại cơ quan không hợp lệ.'),
  name: required(200, 'Tên cơ quan'),
  address: text(300, 'Địa chỉ').nullish(),
  email: z.union([z.literal(''), z.email('Địa chỉ thư điện tử không hợp lệ.')]).nullish(),
  active: z.boolean().default(true),
  version: z.number().int().optional(),
});
export type ConsultedBodyInput = z.infer<typeof consultedBodyInputSchema>;

export const consultationInputSchema = z.object({
  dossierId: z.uuid('Hồ sơ không hợp lệ.'),
  candidateIds: z
    .array(z.uuid('Người/tập thể được đề nghị không hợp lệ.'))
    .min(1, 'Chọn ít nhất một người/tập thể để xin ý kiến.')
    .max(500, 'Tối đa 500 người/tập thể.'),
  bodyIds: z.array(z.uuid('Cơ quan không hợp lệ.')).min(1, 'Chọn ít nhất một cơ quan để xin ý kiến.').max(20, 'Tối đa 20 cơ quan.'),
  /** Empty: the rule pack's working days from today. */
  deadline: isoDate.nullish(),
  numberText: text(50, 'Số, ký hiệu công văn').nullish(),
  note: text(2000, 'Ghi chú').nullish(),
  signerTitle: text(100, 'Chức vụ người ký').nullish(),
  signerName: text(100, 'Họ tên người ký').nullish(),
});
export type ConsultationInput = z.infer<typeof consultationInputSchema>;

export const consultationAnswerInputSchema = z.object({
  answerId: z.uuid('Cơ quan trả lời không hợp lệ.'),
  answer: z.enum(['agree', 'disagree'], 'Ý kiến phải là đồng ý hoặc không đồng ý.'),
  answeredOn: isoDate,
  answerNumber: text(50, 'Số văn bản trả lời').nullish(),
  note: text(2000, 'Ghi chú').nullish(),
  objections: z
    .array(z.object({ candidateId: z.uuid('Người/tập thể không hợp lệ.'), reason: required(1000, 'Lý do không đồng ý') }))
    .max(500, 'Tối đa 500 ý kiến.')
    .default([]),
  version: z.number().int().optional(),
});
export type ConsultationAnswerInput = z.infer<typeof consultationAnswerInputSchema>;

export const consultationCancelInputSchema = z.object({ reason: required(500, 'Lý do hủy'), version: z.number().int().optional() });
