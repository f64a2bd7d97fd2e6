import { clusterRoutes } from './routes/clusters/routes.js';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
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
import { randomBytes } from 'node:crypto';
import type { Config } from './config.js';
import { clearPublicCacheOnWrites, PublicAnswerCache } from './http/public-cache.js';
import { ballotSecretConfigured, configureBallotSecret } from './ballots/seal.js';
import { configureSigningSecret } from './signing/secret-box.js';
import { configureRevocation } from './signing/revocation.js';
import { handleError } from './http/errors.js';
import { errorSchema } from './http/contract.js';
import { controlCharacterError, findControlCharacter } from './http/control-chars.js';
import { pingDatabase } from './repositories/health.js';
import { registerSessionHook } from './http/session.js';
import { databaseRateLimitStore } from './http/rate-limit-store.js';
import { bumpChangeEpoch, CHANGES_CHANNEL } from './db/change-epoch.js';
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
import { reportRoutes } from './routes/reports/routes.js';
import { statisticsRoutes } from './routes/statistics/routes.js';
import { initiativeRoutes } from './routes/initiatives/routes.js';
import { petitionRoutes } from './routes/petitions/routes.js';
import { inspectionRoutes } from './routes/inspections/routes.js';
import { consultationRoutes } from './routes/consultations/routes.js';
import { signingRoutes } from './routes/signing/routes.js';
import { documentSigningRoutes } from './routes/signing/documents.js';
import { trainingRoutes } from './routes/trainings/routes.js';
import { exemplarRoutes } from './routes/exemplars/routes.js';
import { publicExemplarRoutes } from './routes/exemplars/public.js';
import { portalPageRoutes } from './routes/exemplars/portal-pages.js';
import { importJobRoutes } from './routes/imports/routes.js';
import { ImportJobs } from './imports/jobs.js';
import { fundRoutes } from './routes/fund/routes.js';
import { meRoutes } from './routes/me/routes.js';

// Zod's own messages in Vietnamese, for the checks our schemas do not word themselves.
z.config(z.locales.vi());

export interface AppDeps {
  database: Database;
  config: Pick<Config, 'secureCookies' | 'webDir'> & Partial<Config>;
  logger?: boolean;
  /** The public answer cache to use (a bench reads its counts); else one built from `config.publicCacheMs`. */
  publicCache?: PublicAnswerCache;
}

export type App = FastifyInstance;

export async function buildApp({ database, config, logger = false, publicCache = new PublicAnswerCache(config.publicCacheMs ?? 0) }: AppDeps) {
  // The key of sealed ballots. main.ts always passes the persistent one; an app built without it
  // (tests, scripts) gets one random key per process, so ballots cast by it open only in that process.
  if (config.secretKey) configureBallotSecret(config.secretKey);
  if (config.secretKey) configureSigningSecret(config.secretKey);
  if (config.signingCertificateUrls !== undefined) configureRevocation({ followCertificateUrls: config.signingCertificateUrls });
  else if (!ballotSecretConfigured()) configureBallotSecret(randomBytes(32));
  // X-Forwarded-For is believed only from the configured proxies (TDKT_TRUSTED_PROXIES): otherwise any
  // client could pick the address that rate limits and the audit log see.
  const trustProxy = config.trustedProxies && config.trustedProxies.length > 0 ? config.trustedProxies : false;
  const app = Fastify({ logger, bodyLimit: MAX_UPLOAD_BYTES, trustProxy }).withTypeProvider<ZodTypeProvider>();
  // Every body, query and path goes through zod; control characters (NUL…) are refused first, here, for all routes.
  app.setValidatorCompiler((route: Parameters<typeof validatorCompiler>[0]) => {
    const validate = validatorCompiler(route);
    return (data: unknown) => {
      const field = findControlCharacter(data);
      return field === null ? validate(data) : { error: controlCharacterError(field) };
    };
  });
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
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tdkt_session' }, csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' } },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(helmet, {
    // The SPA is built by Vite (no inline scripts); Ant Design writes its styles at run time.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: config.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 }, throwFileSizeLimit: true });
  // Counts live in the database (not per process), so that app servers sharing it share the limits.
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(database.db) });
  registerSessionHook(app, database.db);

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        operationId: 'getHealth',
        summary: 'Tình trạng hệ thống',
        security: [],
        response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }), 503: errorSchema },
      },
    },
    async (_req, reply) => {
      // Healthy means the database answers, not only the process.
      if (!(await pingDatabase(database.db))) return reply.status(503).send({ error: 'db_unavailable', message: 'Không kết nối được cơ sở dữ liệu.' });
      return { status: 'ok' as const, db: database.kind };
    },
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // The API reference for people, served from the bundled swagger-ui files (no CDN).
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', deepLinking: true }, staticCSP: true });

  // Spreadsheet imports run as jobs (worker threads with a memory cap); closing the app stops them.
  const imports = new ImportJobs(database.db);
  app.addHook('onClose', () => imports.close());
  clearPublicCacheOnWrites(app, publicCache);
  // Another app server's commits on the same database void this one's cached figures too.
  if (database.listen) {
    const stopListening = await database.listen(CHANGES_CHANNEL, () => bumpChangeEpoch(database.db));
    app.addHook('onClose', () => stopListening());
  }
  const deps: RouteDeps = { db: database.db, database, config, imports, publicCache };
  await app.register(authRoutes(deps));
  await app.register(unitRoutes(deps));
  await app.register(peopleRoutes(deps));
  await app.register(councilRoutes(deps));
  await app.register(clusterRoutes(deps));
  await app.register(accountRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(ruleRoutes(deps));
  await app.register(recordRoutes(deps));
  await app.register(plansModuleRoutes(deps));
  await app.register(documentRoutes(deps));
  await app.register(dossierModuleRoutes(deps));
  await app.register(reportRoutes(deps));
  await app.register(statisticsRoutes(deps));
  await app.register(initiativeRoutes(deps));
  await app.register(petitionRoutes(deps));
  await app.register(inspectionRoutes(deps));
  await app.register(trainingRoutes(deps));
  await app.register(exemplarRoutes(deps));
  await app.register(publicExemplarRoutes(deps));
  await app.register(portalPageRoutes(deps));
  await app.register(importJobRoutes(deps));
  await app.register(fundRoutes(deps));
  await app.register(meRoutes(deps));
  await app.register(consultationRoutes(deps));
  await app.register(signingRoutes(deps));
  await app.register(documentSigningRoutes(deps));

  if (existsSync(config.webDir)) {
    await app.register(fastifyStatic, { root: config.webDir, wildcard: false, index: ['index.html'] });
  }
  return app;
}

export interface RouteDeps {
  db: Database['db'];
  database: Database;
  config: AppDeps['config'];
  imports: ImportJobs;
  /** The origin's short copy of the portal's public answers (off unless `config.publicCacheMs`). */
  publicCache: PublicAnswerCache;
}
