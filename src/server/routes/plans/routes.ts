import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { runCommand } from '../../commands/run.js';
import { copyPlan, createPlan, planExtraDeadlines, publishPlan, setTaskProgress, updatePlan } from '../../commands/plans.js';
import { closeMovement, createMovement, launchMovement, movementExtraDeadlines, updateMovement } from '../../commands/movements.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import { findReadableMovement, findReadablePlan, listMovements, listPlans } from '../../repositories/plans.js';
import { presentMovementSummary, presentPlanSummary, ownedBy } from '../../presenters/plans.js';
import { notFound } from '../../errors.js';
import { movementColumns, planColumns } from '../../presenters/list-exports.js';
import { replyXlsx } from '../../http/xlsx-reply.js';
import { loadMovement, loadPlan } from './load.js';
import { movementInputSchema, MOVEMENT_STATUSES, PLAN_STATUSES, planInputSchema, TASK_STATUSES } from '../../../shared/schemas/plans.js';

const idParams = z.object({ id: z.uuid('Mã không hợp lệ.') });
const yearQuery = z.coerce.number().int().min(2000, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.').optional();
const planListQuery = z.object({ year: yearQuery, status: z.enum(PLAN_STATUSES).optional() });
const movementListQuery = z.object({ year: yearQuery, status: z.enum(MOVEMENT_STATUSES).optional(), parentId: z.uuid().optional() });

export const planRoutes = ({ db }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  // ---- Plans (kế hoạch công tác thi đua, khen thưởng) ----
  app.get('/api/plans', { schema: { tags: ['plans'], summary: 'Danh sách kế hoạch thi đua, khen thưởng (của đơn vị và cấp trên đã ban hành)', querystring: planListQuery } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'plan', 'read');
    const rows = await listPlans(db, actor, req.query);
    return { items: rows.map((r) => presentPlanSummary(r.plan, actor, r.unitName, ownedBy(actor, r.unitPath), r.taskCount)) };
  });

  app.get('/api/plans/export.xlsx', { schema: { tags: ['plans'], summary: 'Xuất Excel danh sách kế hoạch theo bộ lọc đang chọn', querystring: planListQuery } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'plan', 'read');
    return replyXlsx(reply, 'Danh sách kế hoạch thi đua, khen thưởng.xlsx', planColumns(), await listPlans(db, actor, req.query), { sheetName: 'Kế hoạch' });
  });

  app.get('/api/plans/:id', { schema: { tags: ['plans'], summary: 'Một kế hoạch: nội dung, lịch nhiệm vụ theo quý, thời hạn', params: idParams } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'plan', 'read');
    const p = await findReadablePlan(db, actor, req.params.id);
    if (!p) throw notFound('Không tìm thấy kế hoạch.');
    return { ...(await loadPlan(db, actor, p)), extraDeadlines: await planExtraDeadlines(db, p.id) };
  });

  app.post('/api/plans', { schema: { tags: ['plans'], summary: 'Soạn kế hoạch mới', body: planInputSchema } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'plan', 'create');
    const row = await runCommand(db, actor, (ctx) => createPlan(ctx, req.body));
    return reply.status(201).send(await loadPlan(db, actor, row));
  });

  app.put('/api/plans/:id', { schema: { tags: ['plans'], summary: 'Sửa kế hoạch (kèm lịch nhiệm vụ)', params: idParams, body: planInputSchema } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'plan', 'update');
    return loadPlan(db, actor, await runCommand(db, actor, (ctx) => updatePlan(ctx, req.params.id, req.body)));
  });

  app.post('/api/plans/:id/publish', { schema: { tags: ['plans'], summary: 'Ban hành kế hoạch (đưa thời hạn vào lịch, công khai)', params: idParams } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'plan', 'publish');
    return loadPlan(db, actor, await runCommand(db, actor, (ctx) => publishPlan(ctx, req.params.id)));
  });

  app.post(
    '/api/plans/:id/copy',
    { schema: { tags: ['plans'], summary: 'Tạo kế hoạch mới từ kế hoạch năm trước hoặc của cấp trên', params: idParams, body: z.object({ unitId: z.uuid('Đơn vị không hợp lệ.'), year: z.number().int().min(2000).max(2100) }) } },
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
        summary: 'Cập nhật tình trạng, tiến độ một nhiệm vụ',
        params: z.object({ id: z.uuid('Mã không hợp lệ.'), taskId: z.uuid('Mã nhiệm vụ không hợp lệ.') }),
        body: z.object({ status: z.enum(TASK_STATUSES, 'Trạng thái không hợp lệ.'), progress: z.number().int().min(0, 'Tiến độ từ 0 đến 100%.').max(100, 'Tiến độ từ 0 đến 100%.') }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      authorize(actor, 'plan', 'update');
      await runCommand(db, actor, (ctx) => setTaskProgress(ctx, req.params.id, req.params.taskId, req.body));
      const p = await findReadablePlan(db, actor, req.params.id);
      return loadPlan(db, actor, p!);
    },
  );

  // ---- Movements (phong trào, đợt thi đua) ----
  app.get(
    '/api/movements',
    { schema: { tags: ['movements'], summary: 'Danh sách phong trào thi đua', querystring: movementListQuery } },
    async (req) => {
      const actor = actorOf(req);
      authorize(actor, 'movement', 'read');
      const rows = await listMovements(db, actor, req.query);
      return { items: rows.map((r) => presentMovementSummary(r.movement, actor, r.unitName, ownedBy(actor, r.unitPath))) };
    },
  );

  app.get('/api/movements/export.xlsx', { schema: { tags: ['movements'], summary: 'Xuất Excel danh sách phong trào thi đua theo bộ lọc đang chọn', querystring: movementListQuery } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'movement', 'read');
    return replyXlsx(reply, 'Danh sách phong trào thi đua.xlsx', movementColumns(), await listMovements(db, actor, req.query), { sheetName: 'Phong trào' });
  });

  app.get('/api/movements/:id', { schema: { tags: ['movements'], summary: 'Một phong trào: chỉ tiêu và tiến độ, các đợt, hình thức khen thưởng, thời hạn, phong trào cấp dưới', params: idParams } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'movement', 'read');
    const m = await findReadableMovement(db, actor, req.params.id);
    if (!m) throw notFound('Không tìm thấy phong trào.');
    return { ...(await loadMovement(db, actor, m)), extraDeadlines: await movementExtraDeadlines(db, m.id) };
  });

  app.post('/api/movements', { schema: { tags: ['movements'], summary: 'Soạn phong trào / đợt thi đua (kể cả phong trào cấp dưới)', body: movementInputSchema } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'movement', 'create');
    const row = await runCommand(db, actor, (ctx) => createMovement(ctx, req.body));
    return reply.status(201).send(await loadMovement(db, actor, row));
  });

  app.put('/api/movements/:id', { schema: { tags: ['movements'], summary: 'Sửa phong trào', params: idParams, body: movementInputSchema } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'movement', 'update');
    return loadMovement(db, actor, await runCommand(db, actor, (ctx) => updateMovement(ctx, req.params.id, req.body)));
  });

  app.post('/api/movements/:id/launch', { schema: { tags: ['movements'], summary: 'Phát động phong trào', params: idParams } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'movement', 'launch');
    return loadMovement(db, actor, await runCommand(db, actor, (ctx) => launchMovement(ctx, req.params.id)));
  });

  app.post('/api/movements/:id/close', { schema: { tags: ['movements'], summary: 'Kết thúc phong trào', params: idParams } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'movement', 'close');
    return loadMovement(db, actor, await runCommand(db, actor, (ctx) => closeMovement(ctx, req.params.id)));
  });
};
