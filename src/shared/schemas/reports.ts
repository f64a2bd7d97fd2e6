import { z } from 'zod';
import { isoDate } from './common.js';

/** Vocabulary of periodic reports (báo cáo định kỳ, sơ kết, tổng kết): product-level, see docs/decisions.md. */
export const REPORT_KINDS = ['six_month', 'annual', 'movement', 'ad_hoc'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  six_month: 'Báo cáo sơ kết 6 tháng',
  annual: 'Báo cáo tổng kết năm',
  movement: 'Báo cáo sơ kết, tổng kết phong trào',
  ad_hoc: 'Báo cáo đột xuất',
};

export const REPORT_STATUSES = ['draft', 'submitted', 'received', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: 'Chưa gửi',
  submitted: 'Đã gửi, chờ tiếp nhận',
  received: 'Đã tiếp nhận',
  returned: 'Bị trả lại, cần sửa',
};

/** The narrative parts of a summing-up (TT 01/2024/TT-BNV Art 3 k3: results, shortcomings, lessons; and proposals). */
export const NARRATIVE_KEYS = ['results', 'shortcomings', 'lessons', 'proposals'] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];
export const NARRATIVE_LABELS: Record<NarrativeKey, string> = {
  results: 'Kết quả thực hiện',
  shortcomings: 'Tồn tại, hạn chế và nguyên nhân',
  lessons: 'Bài học kinh nghiệm',
  proposals: 'Phương hướng, kiến nghị, đề xuất',
};
/** Characters per narrative section (a product limit, not a legal one): a report section is a few pages at most. */
export const NARRATIVE_MAX = 20000;

const title = z.string().trim().min(3, 'Tên báo cáo phải có ít nhất 3 ký tự.').max(500, 'Tên báo cáo quá dài (tối đa 500 ký tự).');
const year = z.number().int('Năm phải là số nguyên.').min(2000, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.');

export const reportRequestInputSchema = z
  .object({
    unitId: z.uuid('Đơn vị yêu cầu báo cáo không hợp lệ.'),
    kind: z.enum(REPORT_KINDS, 'Loại báo cáo không hợp lệ.'),
    title,
    year,
    periodFrom: isoDate,
    periodTo: isoDate,
    dueDate: isoDate,
    movementId: z.uuid('Phong trào không hợp lệ.').nullish(),
    note: z.string().trim().max(2000, 'Ghi chú quá dài (tối đa 2000 ký tự).').nullish(),
    unitIds: z.array(z.uuid('Đơn vị được yêu cầu không hợp lệ.')).min(1, 'Chọn ít nhất một đơn vị phải báo cáo.').max(500, 'Tối đa 500 đơn vị.'),
  })
  .superRefine((v, ctx) => {
    if (v.periodFrom > v.periodTo) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'Kỳ báo cáo: ngày kết thúc phải sau ngày bắt đầu.' });
    if (v.kind === 'movement' && !v.movementId) ctx.addIssue({ code: 'custom', path: ['movementId'], message: 'Báo cáo phong trào phải chọn phong trào.' });
  });
export type ReportRequestInput = z.infer<typeof reportRequestInputSchema>;

const narrativeText = z.string().max(NARRATIVE_MAX, `Mỗi phần nội dung tối đa ${NARRATIVE_MAX.toLocaleString('vi-VN')} ký tự.`);

export const reportUpdateSchema = z.object({
  version: z.number().int(),
  narrative: z.object(
    Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, narrativeText.optional()])) as Record<NarrativeKey, z.ZodOptional<typeof narrativeText>>,
  ),
  /** Figures the unit typed where they differ from the data (indicator key → number); absent = the data's figure. */
  typed: z.record(
    z.string().regex(/^[a-z0-9_:]{1,80}$/i, 'Mã chỉ tiêu không hợp lệ.'),
    z.number().int('Số liệu phải là số nguyên.').min(0, 'Số liệu không được âm.').max(1e13, 'Số liệu quá lớn.'),
  ),
});
export type ReportUpdate = z.infer<typeof reportUpdateSchema>;

export const reportReturnSchema = z.object({
  version: z.number().int(),
  reason: z.string().trim().min(5, 'Nêu lý do trả lại (ít nhất 5 ký tự).').max(2000, 'Lý do quá dài (tối đa 2000 ký tự).'),
});
export const reportExtendSchema = z.object({ until: isoDate });
