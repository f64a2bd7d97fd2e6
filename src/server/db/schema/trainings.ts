import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { people } from './people.js';
import { units } from './units.js';

/** A training course (lớp tập huấn, bồi dưỡng nghiệp vụ thi đua, khen thưởng). */
export const trainingCourses = pgTable(
  'training_courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The unit that keeps the course in the system: its subtree edits it, the units below enrol. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    /** Who organises it, as named ("Sở Nội vụ tỉnh Cao Bằng"); it may be outside the tree. */
    organiser: text('organiser').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    place: text('place'),
    content: text('content'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('training_courses_unit_idx').on(t.unitId, t.startDate)],
);

/** A person enrolled in a course: attendance and certificate. */
export const trainingParticipants = pgTable(
  'training_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    /** The person's unit when enrolled (a later transfer does not move the training). */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** Sent as the unit's TĐKT clerk (cán bộ làm công tác thi đua, khen thưởng). */
    tdktClerk: boolean('tdkt_clerk').notNull().default(true),
    /** 'registered' | 'attended' | 'absent' */
    attendance: text('attendance').notNull().default('registered'),
    certificateNo: text('certificate_no'),
    certificateDate: date('certificate_date'),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('training_participants_uq').on(t.courseId, t.personId), index('training_participants_unit_idx').on(t.unitId)],
);
