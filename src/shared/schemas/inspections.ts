import { z } from 'zod';
import { isoDate } from './common.js';

/** Vocabulary of inspections (kiểm tra công tác thi đua, khen thưởng) — product-level, see docs/decisions.md. */
export const INSPECTION_PLAN_STATUSES = ['draft', 'approved'] as const;
export type InspectionPlanStatus = (typeof INSPECTION_PLAN_STATUSES)[number];
export const INSPECTION_PLAN_STATUS_LABELS: Record<InspectionPlanStatus, string> = { draft: 'Dự thảo', approved: 'Đã ban hành' };

export const INSPECTION_STATUSES = ['planned', 'concluded', 'closed'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const INSPECTION_STATUS_LABELS: Record<InspectionStatus, string> = {
  planned: 'Chưa kiểm tra',
  concluded: 'Đã kết luận, đang khắc phục',
  closed: 'Đã kết thúc',
};

export const FINDING_STATUSES = ['open', 'reported', 'closed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  open: 'Chưa khắc phục',
  reported: 'Đơn vị đã báo cáo khắc phục',
  closed: 'Đã hoàn thành',
};

export const CHECK_RESULTS = ['pass', 'fail', 'no_data'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];
export const CHECK_RESULT_LABELS: Record<CheckResult, string> = { pass: 'Đạt', fail: 'Chưa đạt', no_data: 'Chưa có dữ liệu' };

const text = (max: number, label: string) => z.string().trim().max(max, `${label} quá dài (tối đa ${max} ký tự).`);
const required = (max: number, label: string) => text(max, label).min(1, `Chưa nhập ${label.toLowerCase()}.`);
const year = z.number().int('Năm phải là số nguyên.').min(2000, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.');

const teamMember = z.object({ name: required(100, 'Họ tên thành viên đoàn'), role: required(100, 'Nhiệm vụ trong đoàn') });
const inspectedUnit = z.object({
  unitId: z.uuid('Đơn vị được kiểm tra không hợp lệ.'),
  scheduledFrom: isoDate,
  scheduledTo: isoDate,
});

export const inspectionPlanInputSchema = z
  .object({
    unitId: z.uuid('Đơn vị không hợp lệ.'),
    year,
    number: text(60, 'Số kế hoạch').nullish(),
    title: text(500, 'Tên kế hoạch').min(3, 'Tên kế hoạch phải có ít nhất 3 ký tự.'),
    content: z.array(required(2000, 'Nội dung kiểm tra')).min(1, 'Chưa nhập nội dung kiểm tra.').max(30, 'Tối đa 30 nội dung.'),
    periodFrom: isoDate,
    periodTo: isoDate,
    team: z.array(teamMember).min(1, 'Đoàn kiểm tra cần ít nhất một thành viên.').max(30, 'Tối đa 30 thành viên.'),
    units: z.array(inspectedUnit).min(1, 'Chưa chọn đơn vị được kiểm tra.').max(200, 'Tối đa 200 đơn vị.'),
    signerTitle: text(100, 'Chức vụ người ký').nullish(),
    signerName: text(100, 'Người ký').nullish(),
    version: z.number().int().optional(),
  })
  .superRefine((p, ctx) => {
    if (p.periodTo < p.periodFrom) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'Thời gian kiểm tra: ngày kết thúc trước ngày bắt đầu.' });
    p.units.forEach((u, i) => {
      if (u.scheduledTo < u.scheduledFrom)
        ctx.addIssue({ code: 'custom', path: ['units', i, 'scheduledTo'], message: 'Lịch kiểm tra đơn vị: ngày kết thúc trước ngày bắt đầu.' });
      else if (u.scheduledFrom < p.periodFrom || u.scheduledTo > p.periodTo)
        ctx.addIssue({ code: 'custom', path: ['units', i, 'scheduledFrom'], message: 'Lịch kiểm tra đơn vị nằm ngoài thời gian của kế hoạch.' });
    });
    if (new Set(p.units.map((u) => u.unitId)).size !== p.units.length)
      ctx.addIssue({ code: 'custom', path: ['units'], message: 'Một đơn vị được chọn hai lần trong kế hoạch.' });
  });
export type InspectionPlanInput = z.infer<typeof inspectionPlanInputSchema>;

export const findingInputSchema = z.object({
  finding: required(5000, 'Tồn tại, hạn chế'),
  recommendation: required(5000, 'Kiến nghị'),
  dueDate: isoDate,
  ownerUnitId: z.uuid('Đơn vị chịu trách nhiệm không hợp lệ.'),
  ownerName: text(200, 'Người chịu trách nhiệm').nullish(),
});
export type FindingInput = z.infer<typeof findingInputSchema>;

export const concludeInputSchema = z.object({
  inspectedDate: isoDate,
  conclusion: required(20000, 'Nội dung kết luận'),
  conclusionNumber: text(60, 'Số kết luận').nullish(),
  version: z.number().int().optional(),
});
export type ConcludeInput = z.infer<typeof concludeInputSchema>;

export const followUpInputSchema = z.object({ report: required(20000, 'Báo cáo kết quả khắc phục') });
export type FollowUpInput = z.infer<typeof followUpInputSchema>;
