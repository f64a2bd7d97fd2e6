import { z } from 'zod';
import { HONORS, HONOR_INFO, SUBJECT_KINDS, type Honor, type SubjectKind } from '../codes.js';
import { isoDate } from './common.js';

/** Vocabulary of plans, movements and deadlines (product-level, see docs/decisions.md). */
export const PLAN_STATUSES = ['draft', 'published'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = { draft: 'Dự thảo', published: 'Đã ban hành' };

export const TASK_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { not_started: 'Chưa thực hiện', in_progress: 'Đang thực hiện', done: 'Hoàn thành' };

export const MOVEMENT_TYPES = ['regular', 'thematic', 'short_term'] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];
export const MOVEMENT_TYPE_LABELS: Record<MovementType, string> = {
  regular: 'Thường xuyên (hằng năm)',
  thematic: 'Theo chuyên đề',
  short_term: 'Đợt thi đua ngắn ngày',
};

export const MOVEMENT_STATUSES = ['draft', 'launched', 'closed'] as const;
export type MovementStatus = (typeof MOVEMENT_STATUSES)[number];
export const MOVEMENT_STATUS_LABELS: Record<MovementStatus, string> = { draft: 'Dự thảo', launched: 'Đã phát động', closed: 'Đã kết thúc' };

export const DEADLINE_KINDS = ['registration', 'unit_submission', 'office_compilation', 'report', 'summing_up', 'task', 'dossier', 'other'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  registration: 'Hạn đăng ký thi đua',
  unit_submission: 'Hạn đơn vị gửi hồ sơ',
  office_compilation: 'Hạn Văn phòng tổng hợp, trình',
  report: 'Hạn báo cáo',
  summing_up: 'Hạn sơ kết, tổng kết',
  task: 'Hạn nhiệm vụ',
  dossier: 'Hạn hồ sơ',
  other: 'Thời hạn khác',
};

export const DEADLINE_AUDIENCES = ['office', 'units'] as const;
export type DeadlineAudience = (typeof DEADLINE_AUDIENCES)[number];

/** How a window's days are counted, as the text says: "10 ngày" (calendar) or "10 ngày làm việc" (working). */
export const DAY_COUNT_KINDS = ['calendar', 'working'] as const;
export type DayCountKind = (typeof DAY_COUNT_KINDS)[number];
export const DAY_COUNT_KIND_LABELS: Record<DayCountKind, string> = { calendar: 'ngày', working: 'ngày làm việc' };

export const TARGET_MEASURES = ['share', 'count'] as const;
export type TargetMeasure = (typeof TARGET_MEASURES)[number];

const text = (max: number, label: string) => z.string().trim().max(max, `${label} quá dài (tối đa ${max} ký tự).`);
const title = z.string().trim().min(3, 'Tên phải có ít nhất 3 ký tự.').max(500, 'Tên quá dài (tối đa 500 ký tự).');
const section = z.object({ heading: text(300, 'Tiêu đề mục'), body: text(20000, 'Nội dung mục') });
const unitRef = z.object({ unitId: z.uuid('Đơn vị không hợp lệ.').nullable(), name: text(300, 'Tên đơn vị').min(1, 'Thiếu tên đơn vị.') });
const year = z.number().int('Năm phải là số nguyên.').min(2000, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.');
const honor = z.enum(HONORS, 'Mã danh hiệu / hình thức khen thưởng không hợp lệ.');
const subjectKind = z.enum(SUBJECT_KINDS, 'Đối tượng phải là cá nhân, tập thể hoặc hộ gia đình.');

export const deadlineInput = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{1,40}$/, 'Mã thời hạn chỉ gồm chữ thường, số, gạch dưới (tối đa 40 ký tự).')
    .optional(),
  kind: z.enum(DEADLINE_KINDS, 'Loại thời hạn không hợp lệ.'),
  title: title,
  dueDate: isoDate,
  audience: z.enum(DEADLINE_AUDIENCES, 'Đối tượng thực hiện phải là "office" hoặc "units".').default('office'),
  responsibleUnitId: z.uuid('Đơn vị không hợp lệ.').nullish(),
  note: text(1000, 'Ghi chú').nullish(),
  remindDays: z.array(z.number().int().min(0, 'Số ngày nhắc phải ≥ 0.').max(90, 'Nhắc trước tối đa 90 ngày.')).max(5, 'Tối đa 5 lần nhắc.').nullish(),
  /** The window opens this day ("từ ngày … đến hết ngày …"); a submission before it is refused. */
  startDate: isoDate.nullish(),
  /** How the text counts the days: calendar days or working days. */
  dayCountKind: z.enum(DAY_COUNT_KINDS, 'Cách tính ngày phải là "calendar" (ngày) hoặc "working" (ngày làm việc).').nullish(),
  /** The number of days the text gives ("trong 10 ngày làm việc"): must agree with the start and due date. */
  dayCount: z.number().int('Số ngày phải là số nguyên.').min(1, 'Số ngày phải từ 1.').max(366, 'Số ngày tối đa 366.').nullish(),
  /** Honors this deadline is for (per-honor submission dates inside one movement); empty = every honor. */
  honors: z.array(z.enum(HONORS, 'Mã danh hiệu / hình thức khen thưởng không hợp lệ.')).max(30).optional(),
});
export type DeadlineInput = z.infer<typeof deadlineInput>;

export const planTaskInput = z.object({
  quarter: z.number().int().min(1, 'Quý phải từ 1 đến 4.').max(4, 'Quý phải từ 1 đến 4.').nullable(),
  content: text(5000, 'Nội dung nhiệm vụ').min(3, 'Nội dung nhiệm vụ quá ngắn.'),
  leadUnits: z.array(unitRef).max(20).default([]),
  supportUnits: z.array(unitRef).max(50).default([]),
  dueDate: isoDate.nullish(),
  status: z.enum(TASK_STATUSES, 'Trạng thái nhiệm vụ không hợp lệ.').default('not_started'),
  progress: z.number().int().min(0, 'Tiến độ phải từ 0 đến 100%.').max(100, 'Tiến độ phải từ 0 đến 100%.').default(0),
});
export type PlanTaskInput = z.infer<typeof planTaskInput>;

export const planInputSchema = z.object({
  unitId: z.uuid('Đơn vị không hợp lệ.'),
  year,
  number: text(60, 'Số kế hoạch').nullish(),
  title,
  place: text(100, 'Địa danh').nullish(),
  issuedDate: isoDate.nullish(),
  basis: z.array(text(2000, 'Căn cứ')).max(30).default([]),
  superiorPlanRef: text(500, 'Kế hoạch cấp trên').nullish(),
  superiorPlanId: z.uuid('Kế hoạch cấp trên không hợp lệ.').nullish(),
  purpose: text(20000, 'Mục đích').nullish(),
  requirements: text(20000, 'Yêu cầu').nullish(),
  sections: z.array(section).max(40).default([]),
  organisation: z.array(section).max(40).default([]),
  recipients: z.array(text(300, 'Nơi nhận')).max(40).default([]),
  signerTitle: text(100, 'Chức vụ người ký').nullish(),
  signerName: text(100, 'Người ký').nullish(),
  registrationDeadline: isoDate.nullish(),
  tasks: z.array(planTaskInput).max(300, 'Tối đa 300 nhiệm vụ.').default([]),
  deadlines: z.array(deadlineInput).max(50).default([]),
  version: z.number().int().optional(),
});
export type PlanInput = z.infer<typeof planInputSchema>;

export const targetInput = z
  .object({
    subjectKind,
    honor: honor.nullish(),
    measure: z.enum(TARGET_MEASURES, 'Chỉ tiêu phải là tỉ lệ (share) hoặc số lượng (count).'),
    value: z.number().min(0, 'Chỉ tiêu không được âm.'),
    valueMax: z.number().min(0).nullish(),
    label: text(500, 'Nội dung chỉ tiêu').min(3, 'Nội dung chỉ tiêu quá ngắn.'),
  })
  .superRefine((t, ctx) => {
    if (t.measure === 'share' && (t.value > 100 || (t.valueMax ?? 0) > 100))
      ctx.addIssue({ code: 'custom', path: ['value'], message: `Chỉ tiêu tỉ lệ "${t.label}" vượt quá 100%.` });
    if (t.valueMax != null && t.valueMax < t.value)
      ctx.addIssue({ code: 'custom', path: ['valueMax'], message: `Chỉ tiêu "${t.label}": cận trên nhỏ hơn cận dưới.` });
    if (t.honor && !HONOR_INFO[t.honor].subjects.includes(t.subjectKind))
      ctx.addIssue({ code: 'custom', path: ['honor'], message: honorSubjectMessage(t.honor, t.subjectKind) });
  });

export const phaseInput = z.object({
  name: text(300, 'Tên đợt').min(2, 'Thiếu tên đợt thi đua.'),
  startDate: isoDate,
  endDate: isoDate,
  summingUpDeadline: isoDate.nullish(),
  content: text(10000, 'Nội dung đợt').nullish(),
});

export const offeredHonorInput = z
  .object({
    honor,
    subjectKinds: z.array(subjectKind).max(3).default([]),
    quota: z.number().int().min(0, 'Chỉ tiêu khen thưởng không được âm.').nullish(),
    quotaNote: text(500, 'Ghi chú chỉ tiêu').nullish(),
    criteria: text(10000, 'Tiêu chuẩn').nullish(),
    minTargetShare: z.number().min(0).max(100, 'Tỉ lệ hoàn thành chỉ tiêu tối đa 100%.').nullish(),
    criteriaByDate: isoDate.nullish(),
    awardedBy: text(300, 'Cấp khen').nullish(),
  })
  .superRefine((h, ctx) => {
    for (const k of h.subjectKinds)
      if (!HONOR_INFO[h.honor].subjects.includes(k)) ctx.addIssue({ code: 'custom', path: ['subjectKinds'], message: honorSubjectMessage(h.honor, k) });
  });

export const movementInputSchema = z.object({
  unitId: z.uuid('Đơn vị không hợp lệ.'),
  parentId: z.uuid('Phong trào cấp trên không hợp lệ.').nullish(),
  planId: z.uuid('Kế hoạch không hợp lệ.').nullish(),
  type: z.enum(MOVEMENT_TYPES, 'Loại phong trào không hợp lệ.'),
  year,
  number: text(60, 'Số văn bản').nullish(),
  issuedDate: isoDate.nullish(),
  issuer: text(300, 'Cơ quan ban hành').nullish(),
  title,
  basis: text(5000, 'Căn cứ').nullish(),
  theme: text(1000, 'Chủ đề').nullish(),
  slogan: text(1000, 'Khẩu hiệu').nullish(),
  content: text(30000, 'Nội dung').nullish(),
  purpose: text(20000, 'Mục đích').nullish(),
  subjectsText: text(5000, 'Đối tượng').nullish(),
  criteria: text(20000, 'Tiêu chuẩn').nullish(),
  startDate: isoDate,
  endDate: isoDate,
  registrationDeadline: isoDate.nullish(),
  registrationStartDate: isoDate.nullish(),
  signerTitle: text(100, 'Chức vụ người ký').nullish(),
  signerName: text(100, 'Người ký').nullish(),
  participantUnitIds: z.array(z.uuid('Đơn vị không hợp lệ.')).max(5000).default([]),
  targets: z.array(targetInput).max(50).default([]),
  phases: z.array(phaseInput).max(20).default([]),
  honors: z.array(offeredHonorInput).max(30).default([]),
  deadlines: z.array(deadlineInput).max(50).default([]),
  version: z.number().int().optional(),
});
export type MovementInput = z.infer<typeof movementInputSchema>;

/** "Cá nhân không thể đăng ký danh hiệu Tập thể lao động xuất sắc (chỉ dành cho tập thể)." */
export function honorSubjectMessage(h: Honor, kind: SubjectKind): string {
  const info = HONOR_INFO[h];
  const who: Record<SubjectKind, string> = { individual: 'Cá nhân', collective: 'Tập thể', household: 'Hộ gia đình' };
  const allowed = info.subjects.map((s) => who[s].toLowerCase()).join(', ');
  return `${who[kind]} không thể nhận "${info.label}" (chỉ dành cho ${allowed}).`;
}

const campaign = {
  planId: z.uuid('Kế hoạch không hợp lệ.').nullish(),
  movementId: z.uuid('Phong trào không hợp lệ.').nullish(),
};

export const registrationInputSchema = z.object({
  ...campaign,
  subjectKind,
  personId: z.uuid('Cán bộ không hợp lệ.').nullish(),
  subjectUnitId: z.uuid('Đơn vị không hợp lệ.').nullish(),
  honor,
  note: text(1000, 'Ghi chú').nullish(),
});
export type RegistrationInput = z.infer<typeof registrationInputSchema>;

/** A clerk's one-table registration for a whole unit: replaces that unit's registrations for the campaign. */
export const unitSheetSchema = z.object({
  ...campaign,
  unitId: z.uuid('Đơn vị không hợp lệ.'),
  collective: z.array(honor).max(5).default([]),
  people: z
    .array(z.object({ personId: z.uuid('Cán bộ không hợp lệ.'), honors: z.array(honor).max(5) }))
    .max(5000)
    .default([]),
});
export type UnitSheetInput = z.infer<typeof unitSheetSchema>;

export const reopenInputSchema = z.object({
  ...campaign,
  unitId: z.uuid('Đơn vị không hợp lệ.'),
  until: isoDate,
  reason: text(1000, 'Lý do').min(3, 'Hãy ghi lý do mở lại đăng ký.'),
});
