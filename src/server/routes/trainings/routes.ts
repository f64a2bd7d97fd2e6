import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { runCommand } from '../../commands/run.js';
import { createCourse, enrolParticipants, setParticipant, updateCourse, withdrawParticipant } from '../../commands/trainings.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import { courseAbilities } from '../../policies/training.js';
import {
  countCourses,
  countUntrainedUnits,
  findReadableCourse,
  listCourses,
  listUntrainedUnits,
  participantsOf,
  type CourseRow,
} from '../../repositories/trainings.js';
import { unsafeUnitNameAndPath } from '../../repositories/plans.js';
import {
  courseColumns,
  courseSchema,
  courseSummarySchema,
  participantColumns,
  presentCourse,
  presentCourseSummary,
  untrainedUnitSchema,
} from '../../presenters/trainings.js';
import { notFound } from '../../errors.js';
import { errors, file, idParams as idParamsOf, pageOf } from '../../http/contract.js';
import { replyXlsx } from '../../http/xlsx-reply.js';
import { exportUnitName } from '../export-heading.js';
import { courseInputSchema, enrolInputSchema, participantUpdateSchema } from '../../../shared/schemas/trainings.js';
import { pageQuery } from '../../../shared/schemas/common.js';

const tags = ['trainings'];
const idParams = idParamsOf();
const participantParams = z.object({ id: z.uuid('Mã không hợp lệ.'), participantId: z.uuid('Mã người tham gia không hợp lệ.') });
const courseFilter = z.object({ year: z.coerce.number().int().min(2000, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.').optional() });
const oneCourse = { 200: courseSchema, ...errors(403, 404, 409) };

async function visibleParticipants(db: Executor, actor: Actor, c: CourseRow) {
  const owner = await unsafeUnitNameAndPath(db, c.unitId);
  const owns = courseAbilities(actor, { unitPath: owner.path }).includes('manageParticipants');
  return { owner, list: await participantsOf(db, actor, c, owns) };
}

async function loadCourse(db: Executor, actor: Actor, id: string) {
  const c = await findReadableCourse(db, actor, id);
  if (!c) throw notFound('Không tìm thấy lớp tập huấn.');
  const { owner, list } = await visibleParticipants(db, actor, c);
  return presentCourse(c, owner, actor, list);
}

export const trainingRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/trainings',
      {
        schema: {
          tags,
          operationId: 'listTrainings',
          summary: 'Lớp tập huấn, bồi dưỡng nghiệp vụ thi đua, khen thưởng (của đơn vị và cấp trên)',
          querystring: courseFilter.extend(pageQuery),
          response: { 200: pageOf(courseSummarySchema), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'training', 'read');
        const { page, pageSize, ...f } = req.query;
        const rows = await listCourses(db, actor, f, { page, pageSize });
        return { items: rows.map((r) => presentCourseSummary(r, actor)), total: await countCourses(db, actor, f) };
      },
    );

    app.get(
      '/api/trainings/export.xlsx',
      {
        schema: {
          tags,
          operationId: 'exportTrainings',
          summary: 'Xuất Excel danh sách lớp tập huấn',
          querystring: courseFilter,
          response: { 200: file('Tệp Excel', 'xlsx'), ...errors(403) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'training', 'read');
        return replyXlsx(reply, 'Danh sách lớp tập huấn nghiệp vụ TĐKT.xlsx', courseColumns(), await listCourses(db, actor, req.query), {
          sheetName: 'Lớp tập huấn',
          unitName: await exportUnitName(db, actor),
        });
      },
    );

    app.get(
      '/api/trainings/untrained-units',
      {
        schema: {
          tags,
          operationId: 'listUntrainedUnits',
          summary: 'Đơn vị chưa có cán bộ làm công tác thi đua, khen thưởng được tập huấn',
          querystring: z.object(pageQuery),
          response: { 200: pageOf(untrainedUnitSchema), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'training', 'read');
        const rows = await listUntrainedUnits(db, actor, req.query);
        return {
          items: rows.map((r) => ({ id: r.id, name: r.name, depth: r.depth, staffCount: Number(r.staffCount) })),
          total: await countUntrainedUnits(db, actor),
        };
      },
    );

    app.post(
      '/api/trainings',
      {
        schema: {
          tags,
          operationId: 'createTraining',
          summary: 'Tạo lớp tập huấn',
          body: courseInputSchema,
          response: { 201: courseSchema, ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'training', 'create');
        const row = await runCommand(db, actor, (ctx) => createCourse(ctx, req.body));
        return reply.status(201).send(await loadCourse(db, actor, row.id));
      },
    );

    app.get(
      '/api/trainings/:id',
      {
        schema: {
          tags,
          operationId: 'getTraining',
          summary: 'Một lớp tập huấn với người tham gia (đơn vị cấp dưới chỉ thấy người của mình)',
          params: idParams,
          response: { 200: courseSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'training', 'read');
        return loadCourse(db, actor, req.params.id);
      },
    );

    app.put(
      '/api/trainings/:id',
      {
        schema: { tags, operationId: 'updateTraining', summary: 'Sửa lớp tập huấn', params: idParams, body: courseInputSchema, response: oneCourse },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'training', 'update');
        await runCommand(db, actor, (ctx) => updateCourse(ctx, req.params.id, req.body));
        return loadCourse(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/trainings/:id/participants',
      {
        schema: {
          tags,
          operationId: 'enrolTrainingParticipants',
          summary: 'Cử cán bộ của đơn vị mình tham gia lớp',
          params: idParams,
          body: enrolInputSchema,
          response: oneCourse,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'training', 'enrol');
        await runCommand(db, actor, (ctx) => enrolParticipants(ctx, req.params.id, req.body));
        return loadCourse(db, actor, req.params.id);
      },
    );

    app.put(
      '/api/trainings/:id/participants/:participantId',
      {
        schema: {
          tags,
          operationId: 'updateTrainingParticipant',
          summary: 'Ghi tham dự và chứng nhận của một người',
          params: participantParams,
          body: participantUpdateSchema,
          response: oneCourse,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'training', 'update');
        await runCommand(db, actor, (ctx) => setParticipant(ctx, req.params.id, req.params.participantId, req.body));
        return loadCourse(db, actor, req.params.id);
      },
    );

    app.delete(
      '/api/trainings/:id/participants/:participantId',
      {
        schema: {
          tags,
          operationId: 'withdrawTrainingParticipant',
          summary: 'Rút tên một người khỏi lớp',
          params: participantParams,
          response: oneCourse,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'training', 'enrol');
        await runCommand(db, actor, (ctx) => withdrawParticipant(ctx, req.params.id, req.params.participantId));
        return loadCourse(db, actor, req.params.id);
      },
    );

    app.get(
      '/api/trainings/:id/participants.xlsx',
      {
        schema: {
          tags,
          operationId: 'exportTrainingParticipants',
          summary: 'Xuất Excel danh sách người tham gia lớp',
          params: idParams,
          response: { 200: file('Tệp Excel', 'xlsx'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'training', 'read');
        const c = await findReadableCourse(db, actor, req.params.id);
        if (!c) throw notFound('Không tìm thấy lớp tập huấn.');
        const { list } = await visibleParticipants(db, actor, c);
        return replyXlsx(reply, `Danh sách học viên - ${c.title}.xlsx`, participantColumns(), list, {
          sheetName: 'Học viên',
          unitName: await exportUnitName(db, actor, c.unitId),
        });
      },
    );
  };
