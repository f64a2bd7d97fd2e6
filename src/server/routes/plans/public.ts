import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { findPublicPlan, listPublicPlans } from '../../repositories/plans.js';
import { findPublicMovement, listPublicMovements } from '../../repositories/movements.js';
import { movementSchema, movementSummarySchema, planSchema, planSummarySchema, presentMovementSummary, presentPlanSummary } from '../../presenters/plans.js';
import { notFound } from '../../errors.js';
import { idParams as idParamsOf, pageOf, publicErrors } from '../../http/contract.js';
import { pageQuery } from '../../../shared/schemas/common.js';
import { loadMovement, loadPlan } from './load.js';

const idParams = idParamsOf();
const pageOnly = z.object(pageQuery);

/** The public portal: published plans and launched movements, readable without signing in. */
export const publicPlanRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/public/plans',
      {
        schema: {
          tags: ['public'],
          operationId: 'listPublicPlans',
          summary: 'Cổng công khai: kế hoạch đã ban hành',
          security: [],
          querystring: pageOnly,
          response: { 200: pageOf(planSummarySchema), ...publicErrors() },
        },
      },
      async (req) => {
        const { rows, total } = await listPublicPlans(db, req.query);
        return { items: rows.map((r) => presentPlanSummary(r.plan, null, { name: r.unitName, path: '' })), total };
      },
    );

    app.get(
      '/api/public/movements',
      {
        schema: {
          tags: ['public'],
          operationId: 'listPublicMovements',
          summary: 'Cổng công khai: phong trào đã phát động',
          security: [],
          querystring: pageOnly,
          response: { 200: pageOf(movementSummarySchema), ...publicErrors() },
        },
      },
      async (req) => {
        const { rows, total } = await listPublicMovements(db, req.query);
        return { items: rows.map((r) => presentMovementSummary(r.movement, null, { name: r.unitName, path: '' })), total };
      },
    );

    app.get(
      '/api/public/plans/:id',
      {
        schema: {
          tags: ['public'],
          operationId: 'getPublicPlan',
          summary: 'Cổng công khai: toàn văn một kế hoạch đã ban hành',
          params: idParams,
          security: [],
          response: { 200: planSchema, ...publicErrors(404) },
        },
      },
      async (req) => {
        const p = await findPublicPlan(db, req.params.id);
        if (!p) throw notFound('Không tìm thấy kế hoạch.');
        return loadPlan(db, null, p);
      },
    );

    app.get(
      '/api/public/movements/:id',
      {
        schema: {
          tags: ['public'],
          operationId: 'getPublicMovement',
          summary: 'Cổng công khai: một phong trào đã phát động',
          params: idParams,
          security: [],
          response: { 200: movementSchema, ...publicErrors(404) },
        },
      },
      async (req) => {
        const m = await findPublicMovement(db, req.params.id);
        if (!m) throw notFound('Không tìm thấy phong trào.');
        return loadMovement(db, null, m);
      },
    );
  };
