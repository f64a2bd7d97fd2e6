import { z } from 'zod';
import { isoDate } from './common.js';

/** Vocabulary of training courses (tập huấn, bồi dưỡng nghiệp vụ) — product-level, see docs/decisions.md. */
export const ATTENDANCES = ['registered', 'attended', 'absent'] as const;
export type Attendance = (typeof ATTENDANCES)[number];
export const ATTENDANCE_LABELS: Record<Attendance, string> = { registered: 'Đã đăng ký', attended: 'Có tham dự', absent: 'Vắng mặt' };

const text = (max: number, label: string) => z.string().trim().max(max, `${label} quá dài (tối đa ${max} ký tự).`);

export const courseInputSchema = z
  .object({
    unitId: z.uuid('Đơn vị không hợp lệ.'),
    title: text(500, 'Tên lớp').min(3, 'Tên lớp phải có ít nhất 3 ký tự.'),
    organiser: text(300, 'Đơn vị tổ chức').min(2, 'Chưa nhập đơn vị tổ chức.'),
    startDate: isoDate,
    endDate: isoDate,
    place: text(300, 'Địa điểm').nullish(),
    content: text(20000, 'Nội dung').nullish(),
    version: z.number().int().optional(),
  })
  .refine((c) => c.endDate >= c.startDate, { path: ['endDate'], message: 'Ngày kết thúc lớp trước ngày khai giảng.' });
export type CourseInput = z.infer<typeof courseInputSchema>;

export const enrolInputSchema = z.object({
  personIds: z.array(z.uuid('Cán bộ không hợp lệ.')).min(1, 'Chưa chọn người tham gia.').max(200, 'Tối đa 200 người một lần.'),
  tdktClerk: z.boolean().default(true),
});
export type EnrolInput = z.infer<typeof enrolInputSchema>;

export const participantUpdateSchema = z.object({
  attendance: z.enum(ATTENDANCES, 'Tình trạng tham dự không hợp lệ.'),
  tdktClerk: z.boolean().optional(),
  certificateNo: text(60, 'Số chứng nhận').nullish(),
  certificateDate: isoDate.nullish(),
});
export type ParticipantUpdate = z.infer<typeof participantUpdateSchema>;
