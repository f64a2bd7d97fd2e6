/** Training courses (tập huấn, bồi dưỡng nghiệp vụ TĐKT): courses, participants from the actor's units, attendance, certificates. */
import type { CommandContext } from './run.js';
import {
  deleteParticipant,
  findOwnedCourse,
  findParticipant,
  findReadableCourse,
  insertCourse,
  insertParticipant,
  isEnrolled,
  updateCourseAtVersion,
  updateParticipant,
  type CourseRow,
  type ParticipantRow,
} from '../repositories/trainings.js';
import { findVisibleUnit } from '../repositories/units.js';
import { findVisiblePerson } from '../repositories/people.js';
import { unsafeUnitNameAndPath } from '../repositories/plans.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { ParticipantAlreadyEnrolled, ParticipantOutOfScope, courseAbilities, mayWithdrawParticipant } from '../policies/training.js';
import { now } from '../clock.js';
import { formatDateVi } from '../../shared/format-vi.js';
import { ATTENDANCE_LABELS, type CourseInput, type EnrolInput, type ParticipantUpdate } from '../../shared/schemas/trainings.js';

const STALE = 'Lớp tập huấn đã được người khác sửa. Hãy tải lại và thử lại.';

function values(input: CourseInput) {
  return {
    unitId: input.unitId,
    title: input.title,
    organiser: input.organiser,
    startDate: input.startDate,
    endDate: input.endDate,
    place: input.place?.trim() || null,
    content: input.content?.trim() || null,
  };
}

export async function createCourse(ctx: CommandContext, input: CourseInput): Promise<CourseRow> {
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  const row = await insertCourse(ctx.tx, values(input));
  await ctx.audit({
    action: 'training.course_created',
    entityType: 'training_course',
    entityId: row.id,
    unitId: row.unitId,
    summary: `Tạo lớp "${row.title}" (${formatDateVi(row.startDate)} – ${formatDateVi(row.endDate)})`,
    after: values(input),
  });
  return row;
}

export async function updateCourse(ctx: CommandContext, id: string, input: CourseInput): Promise<CourseRow> {
  const before = await findOwnedCourse(ctx.tx, ctx.actor, id);
  if (!before) throw notFound('Không tìm thấy lớp tập huấn.');
  if (input.version !== undefined && input.version !== before.version) throw conflict(STALE);
  if (input.unitId !== before.unitId) throw badRequest('Không thể đổi đơn vị quản lý lớp tập huấn.');
  const row = await updateCourseAtVersion(ctx.tx, id, before.version, values(input), now());
  if (!row) throw conflict(STALE);
  await ctx.audit({
    action: 'training.course_updated',
    entityType: 'training_course',
    entityId: id,
    unitId: row.unitId,
    summary: `Sửa lớp "${row.title}"`,
    after: values(input),
  });
  return row;
}

/**
 * Sends people to a course. Each must be a person the actor manages (its units' staff): one
 * outside refuses the whole request, so nothing is stored.
 */
export async function enrolParticipants(ctx: CommandContext, courseId: string, input: EnrolInput): Promise<ParticipantRow[]> {
  const course = await findReadableCourse(ctx.tx, ctx.actor, courseId);
  if (!course) throw notFound('Không tìm thấy lớp tập huấn.');
  const owner = await unsafeUnitNameAndPath(ctx.tx, course.unitId);
  if (!courseAbilities(ctx.actor, { unitPath: owner.path }).includes('enrol')) throw new ParticipantOutOfScope('Bạn không được cử người tham gia lớp này.');
  const ids = [...new Set(input.personIds)];
  const out: ParticipantRow[] = [];
  for (const pid of ids) {
    const person = await findVisiblePerson(ctx.tx, ctx.actor, pid);
    if (!person) throw new ParticipantOutOfScope('Có người không thuộc các đơn vị bạn quản lý: chỉ cử được cán bộ của đơn vị mình. Chưa ghi danh ai.');
    if (!person.active) throw badRequest(`${person.fullName} đã ngừng theo dõi, không cử đi tập huấn được.`);
    if (await isEnrolled(ctx.tx, courseId, pid)) throw new ParticipantAlreadyEnrolled(`${person.fullName} đã có tên trong lớp này.`);
    out.push(
      await insertParticipant(ctx.tx, {
        courseId,
        personId: pid,
        unitId: person.unitId,
        tdktClerk: input.tdktClerk,
        createdBy: ctx.actor.accountId,
      }),
    );
  }
  await ctx.audit({
    action: 'training.enrolled',
    entityType: 'training_course',
    entityId: courseId,
    unitId: course.unitId,
    summary: `Cử ${out.length} người tham gia lớp "${course.title}"`,
    after: { personIds: ids, tdktClerk: input.tdktClerk },
  });
  return out;
}

export async function setParticipant(ctx: CommandContext, courseId: string, participantId: string, input: ParticipantUpdate): Promise<ParticipantRow> {
  const course = await findOwnedCourse(ctx.tx, ctx.actor, courseId);
  if (!course) throw notFound('Không tìm thấy lớp tập huấn.');
  const p = await findParticipant(ctx.tx, courseId, participantId);
  if (!p) throw notFound('Không tìm thấy người tham gia.');
  const certificateNo = input.certificateNo?.trim() || null;
  if ((certificateNo || input.certificateDate) && input.attendance !== 'attended') throw badRequest('Chỉ cấp chứng nhận cho người có tham dự lớp.');
  if (input.certificateDate && input.certificateDate < course.startDate) throw badRequest('Ngày cấp chứng nhận trước ngày khai giảng lớp.');
  const row = await updateParticipant(ctx.tx, p.participant.id, {
    attendance: input.attendance,
    tdktClerk: input.tdktClerk ?? p.participant.tdktClerk,
    certificateNo,
    certificateDate: input.certificateDate ?? null,
    updatedAt: now(),
  });
  await ctx.audit({
    action: 'training.participant_updated',
    entityType: 'training_course',
    entityId: courseId,
    unitId: course.unitId,
    summary: `Lớp "${course.title}": ${ATTENDANCE_LABELS[input.attendance]}${certificateNo ? `, chứng nhận số ${certificateNo}` : ''}`,
    before: { attendance: p.participant.attendance, certificateNo: p.participant.certificateNo },
    after: { attendance: row.attendance, certificateNo: row.certificateNo },
  });
  return row;
}

export async function withdrawParticipant(ctx: CommandContext, courseId: string, participantId: string): Promise<void> {
  const course = await findReadableCourse(ctx.tx, ctx.actor, courseId);
  if (!course) throw notFound('Không tìm thấy lớp tập huấn.');
  const p = await findParticipant(ctx.tx, courseId, participantId);
  const owner = await unsafeUnitNameAndPath(ctx.tx, course.unitId);
  if (!p || !mayWithdrawParticipant(ctx.actor, { unitPath: owner.path }, { unitPath: p.unitPath, attendance: p.participant.attendance }))
    throw notFound('Không tìm thấy người tham gia.');
  await deleteParticipant(ctx.tx, p.participant.id);
  await ctx.audit({
    action: 'training.withdrawn',
    entityType: 'training_course',
    entityId: courseId,
    unitId: course.unitId,
    summary: `Rút tên một người khỏi lớp "${course.title}"`,
    before: { personId: p.participant.personId },
  });
}
