import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from './db/client.js';
import type { Config } from './config.js';
import { handleError } from './http/errors.js';
import { publicErrors } from './http/contract.js';
import { registerSessionHook } from './http/session.js';
import { MAX_UPLOAD_BYTES } from './imports/staff-xlsx.js';
import { authRoutes } from './routes/auth/routes.js';
import { unitRoutes } from './routes/units/routes.js';
import { peopleRoutes } from './routes/people/routes.js';
import { councilRoutes } from './routes/councils/routes.js';
import { accountRoutes } from './routes/accounts/routes.js';
import { auditRoutes } from './routes/audit/routes.js';
import { ruleRoutes } from './routes/rules/routes.js';
import { recordRoutes } from './routes/records/routes.js';
import { plansModuleRoutes } from './routes/plans/index.js';
import { documentRoutes } from './routes/documents/routes.js';
import { dossierModuleRoutes } from './routes/dossiers/index.js';

// Zod's own messages in Vietnamese, for the checks our schemas do not word themselves.
z.config(z.locales.vi());

export interface AppDeps {
  database: Database;
  config: Pick<Config, 'secureCookies' | 'webDir'> & Partial<Config>;
  logger?: boolean;
}

export type App = FastifyInstance;

export async function buildApp({ database, config, logger = false }: AppDeps) {
  const app = Fastify({ logger, bodyLimit: MAX_UPLOAD_BYTES, trustProxy: true }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return reply.status(404).send({ error: 'not_found', message: 'Không tìm thấy địa chỉ yêu cầu.' });
    // The SPA owns every other path.
    const index = join(config.webDir, 'index.html');
    if (existsSync(index)) return reply.sendFile('index.html');
    return reply.status(404).type('text/plain; charset=utf-8').send('Chưa có giao diện web: hãy chạy "npm run build".');
  });

  await app.register(swagger, {
    openapi: {
      info: { title: 'TĐKT API', description: 'API hệ thống quản lý thi đua, khen thưởng', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tdkt_session' }, csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' } } },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 }, throwFileSizeLimit: true });
  await app.register(rateLimit, { global: false });
  registerSessionHook(app, database.db);

  app.get('/api/health', { schema: { tags: ['system'], operationId: 'getHealth', summary: 'Tình trạng hệ thống', security: [], response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }), ...publicErrors(503) } } }, async () => ({
    status: 'ok' as const,
    db: database.kind,
  }));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // The API reference for people, served from the bundled swagger-ui files (no CDN).
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', deepLinking: true }, staticCSP: true });

  const deps: RouteDeps = { db: database.db, database, config };
  await app.register(authRoutes(deps));
  await app.register(unitRoutes(deps));
  await app.register(peopleRoutes(deps));
  await app.register(councilRoutes(deps));
  await app.register(accountRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(ruleRoutes(deps));
  await app.register(recordRoutes(deps));
  await app.register(plansModuleRoutes(deps));
  await app.register(documentRoutes(deps));
  await app.register(dossierModuleRoutes(deps));

  if (existsSync(config.webDir)) {
    await app.register(fastifyStatic, { root: config.webDir, wildcard: false, index: ['index.html'] });
  }
  return app;
}

export interface RouteDeps {
  db: Database['db'];
  database: Database;
  config: AppDeps['config'];
}
