import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { dossierRoutes } from './routes.js';
import { achievementReportRoutes } from './achievement-reports.js';
import { bulkCandidateRoutes } from './bulk-candidates.js';
import { sessionRoutes } from '../sessions/routes.js';
import { decisionRoutes } from '../decisions/routes.js';
import { noticeRoutes } from '../notices/routes.js';

/** The nomination pipeline's routes (dossiers, council sessions, decisions, public notices): one line in app.ts. */
export const dossierModuleRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(dossierRoutes(deps));
    await app.register(achievementReportRoutes(deps));
    await app.register(bulkCandidateRoutes(deps));
    await app.register(sessionRoutes(deps));
    await app.register(decisionRoutes(deps));
    await app.register(noticeRoutes(deps));
  };
