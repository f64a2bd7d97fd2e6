import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { XlsxColumn } from '../documents/index.js';
import type { CourseListRow, CourseRow, ParticipantListRow } from '../repositories/trainings.js';
import { courseAbilities, mayWithdrawParticipant } from '../policies/training.js';
import { ATTENDANCE_LABELS, type Attendance } from '../../shared/schemas/trainings.js';

const abilities = z.array(z.string()).describe('Các thao tác tài khoản được làm với bản ghi này (theo vai trò, phạm vi và trạng thái)');

export const courseSummarySchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    title: z.string(),
    organiser: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    place: z.string().nullable(),
    participantCount: z.number().int(),
    attendedCount: z.number().int(),
    abilities,
  })
  .meta({ id: 'TrainingCourseSummary' });
export type CourseSummaryJson = z.infer<typeof courseSummarySchema>;

export const participantSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    fullName: z.string(),
    position: z.string().nullable(),
    unitId: z.uuid(),
    unitName: z.string(),
    tdktClerk: z.boolean(),
    attendance: z.string(),
    attendanceLabel: z.string(),
    certificateNo: z.string().nullable(),
    certificateDate: z.string().nullable(),
    mayWithdraw: z.boolean(),
  })
  .meta({ id: 'TrainingParticipant' });

export const courseSchema = courseSummarySchema
  .extend({ version: z.number().int(), content: z.string().nullable(), participants: z.array(participantSchema) })
  .meta({ id: 'TrainingCourse' });
export type CourseJson = z.infer<typeof courseSchema>;

export const untrainedUnitSchema = z
  .object({ id: z.uuid(), name: z.string(), depth: z.number().int(), staffCount: z.number().int() })
  .meta({ id: 'UntrainedUnit' });

const attendanceLabel = (a: string) => (ATTENDANCE_LABELS as Record<string, string>)[a as Attendance] ?? a;

export function presentCourseSummary(r: CourseListRow, actor: Actor): CourseSummaryJson {
  const c = r.course;
  return {
    id: c.id,
    unitId: c.unitId,
    unitName: r.unitName,
    title: c.title,
    organiser: c.organiser,
    startDate: c.startDate,
    endDate: c.endDate,
    place: c.place,
    participantCount: Number(r.participantCount),
    attendedCount: Number(r.attendedCount),
    abilities: courseAbilities(actor, { unitPath: r.unitPath }),
  };
}

export function presentCourse(c: CourseRow, owner: { name: string | null; path: string }, actor: Actor, list: ParticipantListRow[]): CourseJson {
  return {
    ...presentCourseSummary(
      {
        course: c,
        unitName: owner.name ?? '',
        unitPath: owner.path,
        participantCount: list.length,
        attendedCount: list.filter((p) => p.participant.attendance === 'attended').length,
      },
      actor,
    ),
    version: c.version,
    content: c.content,
    participants: list.map((p) => ({
      id: p.participant.id,
      personId: p.participant.personId,
      fullName: p.fullName,
      position: p.position,
      unitId: p.participant.unitId,
      unitName: p.unitName,
      tdktClerk: p.participant.tdktClerk,
      attendance: p.participant.attendance,
      attendanceLabel: attendanceLabel(p.participant.attendance),
      certificateNo: p.participant.certificateNo,
      certificateDate: p.participant.certificateDate,
      mayWithdraw: mayWithdrawParticipant(actor, { unitPath: owner.path }, { unitPath: p.unitPath, attendance: p.participant.attendance }),
    })),
  };
}

function counter(): () => number {
  let n = 0;
  return () => ++n;
}

export function courseColumns(): XlsxColumn<CourseListRow>[] {
  const stt = counter();
  return [
    { header: 'STT', value: () => stt(), type: 'integer', width: 7 },
    { header: 'Tên lớp', value: (r) => r.course.title, width: 50 },
    { header: 'Đơn vị tổ chức', value: (r) => r.course.organiser, width: 32 },
    { header: 'Từ ngày', value: (r) => r.course.startDate, type: 'date', width: 12 },
    { header: 'Đến ngày', value: (r) => r.course.endDate, type: 'date', width: 12 },
    { header: 'Địa điểm', value: (r) => r.course.place ?? '', width: 30 },
    { header: 'Nội dung', value: (r) => r.course.content ?? '', width: 50 },
    { header: 'Số người tham gia', value: (r) => Number(r.participantCount), type: 'integer', width: 12, total: true },
    { header: 'Số người có tham dự', value: (r) => Number(r.attendedCount), type: 'integer', width: 12, total: true },
  ];
}

export function participantColumns(): XlsxColumn<ParticipantListRow>[] {
  const stt = counter();
  return [
    { header: 'STT', value: () => stt(), type: 'integer', width: 7 },
    { header: 'Họ và tên', value: (r) => r.fullName, width: 28 },
    { header: 'Chức vụ', value: (r) => r.position ?? '', width: 24 },
    { header: 'Đơn vị', value: (r) => r.unitName, width: 36 },
    { header: 'Cán bộ làm công tác TĐKT', value: (r) => (r.participant.tdktClerk ? 'Có' : ''), width: 12 },
    { header: 'Tham dự', value: (r) => attendanceLabel(r.participant.attendance), width: 14 },
    { header: 'Số chứng nhận', value: (r) => r.participant.certificateNo ?? '', width: 16 },
    { header: 'Ngày cấp', value: (r) => r.participant.certificateDate, type: 'date', width: 12 },
  ];
}
