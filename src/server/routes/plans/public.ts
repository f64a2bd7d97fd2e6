import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import type { RouteDeps } from '../../app.js';
import { listPublic, movementReleased, planReleased } from '../../repositories/plans.js';
import { movements, plans } from '../../db/schema/index.js';
import { presentMovementSummary, presentPlanSummary } from '../../presenters/plans.js';
import { notFound } from '../../errors.js';
import { loadMovement, loadPlan } from './load.js';

const idParams = z.object({ id: z.uuid('Mã không hợp lệ.') });

/** The public portal: published plans and launched movements, readable without signing in. */
export const publicPlanRoutes = ({ db }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/public/plans-movements', { schema: { tags: ['public'], summary: 'Cổng công khai: kế hoạch đã ban hành, phong trào đã phát động', security: [] } }, async () => {
    const { planRows, movementRows } = await listPublic(db);
    return { plans: planRows.map((r) => presentPlanSummary(r.plan, null, r.unitName)), movements: movementRows.map((r) => presentMovementSummary(r.movement, null, r.unitName)) };
  });

  app.get('/api/public/plans/:id', { schema: { tags: ['public'], summary: 'Cổng công khai: toàn văn một kế hoạch đã ban hành', params: idParams, security: [] } }, async (req) => {
    const [p] = await db.select().from(plans).where(and(eq(plans.id, req.params.id), planReleased));
    if (!p) throw notFound('Không tìm thấy kế hoạch.');
    return loadPlan(db, null, p);
  });

  app.get('/api/public/movements/:id', { schema: { tags: ['public'], summary: 'Cổng công khai: một phong trào đã phát động', params: idParams, security: [] } }, async (req) => {
    const [m] = await db.select().from(movements).where(and(eq(movements.id, req.params.id), movementReleased));
    if (!m) throw notFound('Không tìm thấy phong trào.');
    return loadMovement(db, null, m);
  });
};
