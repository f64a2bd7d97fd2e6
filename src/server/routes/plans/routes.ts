import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { runCommand } from '../../commands/run.js';
import { copyPlan, createPlan, planExtraDeadlines, publishPlan, setTaskProgress, updatePlan } from '../../commands/plans.js';
import { closeMovement, createMovement, launchMovement, movementExtraDeadlines, updateMovement } from '../../commands/movements.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import { countPlans, findReadablePlan, listPlans } from '../../repositories/plans.js';
import { countMovements, findReadableMovement, listMovements } from '../../repositories/movements.js';
import { signedEntityIds } from '../../repositories/signing.js';
import { movementSchema, movementSummarySchema, planSchema, planSummarySchema, presentMovementSummary, presentPlanSummary } from '../../presenters/plans.js';
import { notFound } from '../../errors.js';
import { errors, file, idParams as idParamsOf, pageOf } from '../../http/contract.js';
import { movementColumns, planColumns } from '../../presenters/list-exports.js';
import { documentQuery, replyDocument, replyXlsx } from '../../http/xlsx-reply.js';
import { exportUnitName } from '../export-heading.js';
import { movementDocx, planDocx } from '../../presenters/plan-documents.js';
import { loadMovement, loadPlan } from './load.js';
import { movementInputSchema, MOVEMENT_STATUSES, PLAN_STATUSES, planInputSchema, TASK_STATUSES } from '../../../shared/schemas/plans.js';
import { pageQuery } from '../../../shared/schemas/common.js';

const idParams = idParamsOf();
const yearQuery = z.coerce.number().int().min(2000, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.').optional();
const planFilter = z.object({ year: yearQuery, status: z.enum(PLAN_STATUSES).optional() });
const movementFilter = z.object({
  year: yearQuery,
  status: z.enum(MOVEMENT_STATUSES).optional(),
  parentId: z.uuid('Phong trào cấp trên không hợp lệ.').optional(),
});
const onePlan = { 200: planSchema, ...errors(403, 404, 409) };
const oneMovement = { 200: movementSchema, ...errors(403, 404, 409) };

export const planRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // ---- Plans (kế hoạch công tác thi đua, khen thưởng) ----
    app.get(
      '/api/plans',
      {
        schema: {
          tags: ['plans'],
          operationId: 'listPlans',
          summary: 'Danh sách kế hoạch thi đua, khen thưởng (của đơn vị và cấp trên đã ban hành)',
          querystring: planFilter.extend(pageQuery),
          response: { 200: pageOf(planSummarySchema), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'plan', 'read');
        const { page, pageSize, ...f } = req.query;
        const rows = await listPlans(db, actor, f, { page, pageSize });
        const signed = await signedEntityIds(
          db,
          'ke_hoach',
          rows.map((r) => r.plan.id),
        );
        return {
          items: rows.map((r) => presentPlanSummary(r.plan, actor, { name: r.unitName, path: r.unitPath }, r.taskCount, signed.has(r.plan.id))),
          total: await countPlans(db, actor, f),
        };
      },
    );

    app.get(
      '/api/plans/export.xlsx',
      {
        schema: {
          tags: ['plans'],
          operationId: 'exportPlans',
          summary: 'Xuất Excel danh sách kế hoạch theo bộ lọc đang chọn',
          querystring: planFilter,
          response: { 200: file('Tệp Excel', 'xlsx'), ...errors(403) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'plan', 'read');
        return replyXlsx(reply, 'Danh sách kế hoạch thi đua, khen thưởng.xlsx', planColumns(), await listPlans(db, actor, req.query), {
          sheetName: 'Kế hoạch',
          unitName: await exportUnitName(db, actor),
        });
      },
    );

    app.get(
      '/api/plans/:id',
      {
        schema: {
          tags: ['plans'],
          operationId: 'getPlan',
          summary: 'Một kế hoạch: nội dung, lịch nhiệm vụ theo quý, thời hạn',
          params: idParams,
          response: { 200: planSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'plan', 'read');
        const p = await findReadablePlan(db, actor, req.params.id);
        if (!p) throw notFound('Không tìm thấy kế hoạch.');
        return { ...(await loadPlan(db, actor, p)), extraDeadlines: await planExtraDeadlines(db, p.id) };
      },
    );

    app.get(
      '/api/plans/:id/document',
      {
        schema: {
          tags: ['plans'],
          operationId: 'downloadPlanDocument',
          summary: 'Văn bản Kế hoạch (Word hoặc PDF) theo NĐ 30/2020, từ nội dung và lịch nhiệm vụ theo quý của kế hoạch',
          params: idParams,
          querystring: documentQuery,
          response: { 200: file('Kế hoạch (Word hoặc PDF)', 'docx', 'pdf'), ...errors(403, 404, 503) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'plan', 'read');
        const p = await findReadablePlan(db, actor, req.params.id);
        if (!p) throw notFound('Không tìm thấy kế hoạch.');
        const json = await loadPlan(db, actor, p);
        const doc = await planDocx(db, json);
        return replyDocument(reply, doc.docx, doc.fileStem, req.query.format);
      },
    );

    app.post(
      '/api/plans',
      {
        schema: {
          tags: ['plans'],
          operationId: 'createPlan',
          summary: 'Soạn kế hoạch mới',
          body: planInputSchema,
          response: { 201: planSchema, ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'plan', 'create');
        const row = await runCommand(db, actor, (ctx) => createPlan(ctx, req.body));
        return reply.status(201).send(await loadPlan(db, actor, row));
      },
    );

    app.put(
      '/api/plans/:id',
      {
        schema: {
          tags: ['plans'],
          operationId: 'updatePlan',
          summary: 'Sửa kế hoạch (kèm lịch nhiệm vụ)',
          params: idParams,
          body: planInputSchema,
          response: onePlan,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'plan', 'update');
        return loadPlan(db, actor, await runCommand(db, actor, (ctx) => updatePlan(ctx, req.params.id, req.body)));
      },
    );

    app.post(
      '/api/plans/:id/publish',
      {
        schema: {
          tags: ['plans'],
          operationId: 'publishPlan',
          summary: 'Ban hành kế hoạch (đưa thời hạn vào lịch, công khai)',
          params: idParams,
          response: onePlan,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'plan', 'publish');
        return loadPlan(db, actor, await runCommand(db, actor, (ctx) => publishPlan(ctx, req.params.id)));
      },
    );

    app.post(
      '/api/plans/:id/copy',
      {
        schema: {
          tags: ['plans'],
          operationId: 'copyPlan',
          summary: 'Tạo kế hoạch mới từ kế hoạch năm trước hoặc của cấp trên',
          params: idParams,
          body: z.object({ unitId: z.uuid('Đơn vị không hợp lệ.'), year: z.number().int().min(2000).max(2100) }),
          response: { 201: planSchema, ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'plan', 'create');
        const row = await runCommand(db, actor, (ctx) => copyPlan(ctx, req.params.id, req.body));
        return reply.status(201).send(await loadPlan(db, actor, row));
      },
    );

    app.post(
      '/api/plans/:id/tasks/:taskId/progress',
      {
        schema: {
          tags: ['plans'],
          operationId: 'setPlanTaskProgress',
          summary: 'Cập nhật tình trạng, tiến độ một nhiệm vụ',
          params: z.object({ id: z.uuid('Mã không hợp lệ.'), taskId: z.uuid('Mã nhiệm vụ không hợp lệ.') }),
          body: z.object({
            status: z.enum(TASK_STATUSES, 'Trạng thái không hợp lệ.'),
            progress: z.number().int().min(0, 'Tiến độ từ 0 đến 100%.').max(100, 'Tiến độ từ 0 đến 100%.'),
          }),
          response: { 200: planSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'plan', 'update');
        await runCommand(db, actor, (ctx) => setTaskProgress(ctx, req.params.id, req.params.taskId, req.body));
        const p = await findReadablePlan(db, actor, req.params.id);
        if (!p) throw notFound('Không tìm thấy kế hoạch.');
        return loadPlan(db, actor, p);
      },
    );

    // ---- Movements (phong trào, đợt thi đua) ----
    app.get(
      '/api/movements',
      {
        schema: {
          tags: ['movements'],
          operationId: 'listMovements',
          summary: 'Danh sách phong trào thi đua',
          querystring: movementFilter.extend(pageQuery),
          response: { 200: pageOf(movementSummarySchema), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'movement', 'read');
        const { page, pageSize, ...f } = req.query;
        const rows = await listMovements(db, actor, f, { page, pageSize });
        const signed = await signedEntityIds(
          db,
          'ke_hoach_phong_trao',
          rows.map((r) => r.movement.id),
        );
        return {
          items: rows.map((r) => presentMovementSummary(r.movement, actor, { name: r.unitName, path: r.unitPath }, signed.has(r.movement.id))),
          total: await countMovements(db, actor, f),
        };
      },
    );

    app.get(
      '/api/movements/export.xlsx',
      {
        schema: {
          tags: ['movements'],
          operationId: 'exportMovements',
          summary: 'Xuất Excel danh sách phong trào thi đua theo bộ lọc đang chọn',
          querystring: movementFilter,
          response: { 200: file('Tệp Excel', 'xlsx'), ...errors(403) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'movement', 'read');
        return replyXlsx(reply, 'Danh sách phong trào thi đua.xlsx', movementColumns(), await listMovements(db, actor, req.query), {
          sheetName: 'Phong trào',
          unitName: await exportUnitName(db, actor),
        });
      },
    );

    app.get(
      '/api/movements/:id',
      {
        schema: {
          tags: ['movements'],
          operationId: 'getMovement',
          summary: 'Một phong trào: chỉ tiêu và tiến độ, các đợt, hình thức khen thưởng, thời hạn, phong trào cấp dưới',
          params: idParams,
          response: { 200: movementSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'movement', 'read');
        const m = await findReadableMovement(db, actor, req.params.id);
        if (!m) throw notFound('Không tìm thấy phong trào.');
        return { ...(await loadMovement(db, actor, m)), extraDeadlines: await movementExtraDeadlines(db, m.id) };
      },
    );

    app.get(
      '/api/movements/:id/document',
      {
        schema: {
          tags: ['movements'],
          operationId: 'downloadMovementDocument',
          summary: 'Kế hoạch tổ chức phong trào thi đua (Word hoặc PDF): chủ đề, khẩu hiệu, chỉ tiêu, các đợt, hình thức khen thưởng, thời hạn',
          params: idParams,
          querystring: documentQuery,
          response: { 200: file('Kế hoạch phong trào (Word hoặc PDF)', 'docx', 'pdf'), ...errors(403, 404, 503) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'movement', 'read');
        const m = await findReadableMovement(db, actor, req.params.id);
        if (!m) throw notFound('Không tìm thấy phong trào.');
        const json = await loadMovement(db, actor, m);
        const doc = await movementDocx(db, json);
        return replyDocument(reply, doc.docx, doc.fileStem, req.query.format);
      },
    );

    app.post(
      '/api/movements',
      {
        schema: {
          tags: ['movements'],
          operationId: 'createMovement',
          summary: 'Soạn phong trào / đợt thi đua (kể cả phong trào cấp dưới)',
          body: movementInputSchema,
          response: { 201: movementSchema, ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'movement', 'create');
        const row = await runCommand(db, actor, (ctx) => createMovement(ctx, req.body));
        return reply.status(201).send(await loadMovement(db, actor, row));
      },
    );

    app.put(
      '/api/movements/:id',
      {
        schema: {
          tags: ['movements'],
          operationId: 'updateMovement',
          summary: 'Sửa phong trào',
          params: idParams,
          body: movementInputSchema,
          response: oneMovement,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'movement', 'update');
        return loadMovement(db, actor, await runCommand(db, actor, (ctx) => updateMovement(ctx, req.params.id, req.body)));
      },
    );

    app.post(
      '/api/movements/:id/launch',
      { schema: { tags: ['movements'], operationId: 'launchMovement', summary: 'Phát động phong trào', params: idParams, response: oneMovement } },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'movement', 'launch');
        return loadMovement(db, actor, await runCommand(db, actor, (ctx) => launchMovement(ctx, req.params.id)));
      },
    );

    app.post(
      '/api/movements/:id/close',
      { schema: { tags: ['movements'], operationId: 'closeMovement', summary: 'Kết thúc phong trào', params: idParams, response: oneMovement } },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'movement', 'close');
        return loadMovement(db, actor, await runCommand(db, actor, (ctx) => closeMovement(ctx, req.params.id)));
      },
    );
  };
