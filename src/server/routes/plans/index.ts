import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { planRoutes } from './routes.js';
import { registrationRoutes } from './registrations.js';
import { registrationCountRoutes } from './registration-counts.js';
import { calendarRoutes } from './calendar.js';
import { publicPlanRoutes } from './public.js';

/** Plans, movements, registrations and pledges, the calendar and notifications, and their public pages. */
export const plansModuleRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(planRoutes(deps));
    await app.register(registrationRoutes(deps));
    await app.register(registrationCountRoutes(deps));
    await app.register(calendarRoutes(deps));
    await app.register(publicPlanRoutes(deps));
  };
