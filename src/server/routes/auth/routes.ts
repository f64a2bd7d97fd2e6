import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { changePassword, login, logout } from '../../commands/auth.js';
import { runCommand } from '../../commands/run.js';
import { clearSessionCookie, sessionOf, setSessionCookie } from '../../http/session.js';
import { presentMe, sessionSchema } from '../../presenters/me.js';
import { errors, okSchema, publicErrors } from '../../http/contract.js';

const loginBody = z.object({
  username: z.string().trim().min(1, 'Hãy nhập tên đăng nhập.').max(100, 'Tên đăng nhập quá dài.'),
  password: z.string().min(1, 'Hãy nhập mật khẩu.').max(200, 'Mật khẩu quá dài.'),
});

/** The username of a login body before validation (the rate limit keys on it): a string, or ''. */
function usernameOf(body: unknown): string {
  const u = typeof body === 'object' && body !== null && 'username' in body ? body.username : undefined;
  return typeof u === 'string' ? u : '';
}

export const authRoutes =
  ({ db, config }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/auth/login',
      {
        schema: {
          tags: ['auth'],
          operationId: 'login',
          summary: 'Đăng nhập; trả về csrfToken để gửi trong tiêu đề x-csrf-token',
          security: [],
          body: loginBody,
          response: { 200: sessionSchema, ...publicErrors(401, 423, 429) },
        },
        config: {
          rateLimit: {
            max: 10,
            timeWindow: '1 minute',
            hook: 'preHandler',
            keyGenerator: (req) => `${req.ip}|${usernameOf(req.body).toLowerCase()}`,
            errorResponseBuilder: () => ({ statusCode: 429, error: 'too_many_requests', message: 'Đăng nhập quá nhiều lần. Vui lòng thử lại sau 1 phút.' }),
          },
        },
      },
      async (req, reply) => {
        const result = await login(db, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] });
        setSessionCookie(reply, result.token, result.expiresAt, config.secureCookies);
        const me = await presentMe(db, result.account.id);
        return { csrfToken: result.csrfToken, user: me };
      },
    );

    app.post(
      '/api/auth/logout',
      { schema: { tags: ['auth'], operationId: 'logout', summary: 'Đăng xuất', response: { 200: okSchema, ...errors(403) } } },
      async (req, reply) => {
        const session = sessionOf(req);
        await runCommand(db, session.actor, (ctx) => logout(ctx, session.tokenHash));
        clearSessionCookie(reply);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/auth/me',
      {
        schema: {
          tags: ['auth'],
          operationId: 'getMe',
          summary: 'Tài khoản đang đăng nhập, vai trò, quyền (abilities) và mã CSRF',
          response: { 200: sessionSchema, ...errors() },
        },
      },
      async (req) => {
        const session = sessionOf(req);
        return { csrfToken: session.csrfToken, user: await presentMe(db, session.actor.accountId) };
      },
    );

    app.post(
      '/api/auth/password',
      {
        schema: {
          tags: ['auth'],
          operationId: 'changePassword',
          summary: 'Đổi mật khẩu của chính mình',
          body: z.object({
            currentPassword: z.string().min(1, 'Hãy nhập mật khẩu hiện tại.').max(200, 'Mật khẩu quá dài.'),
            newPassword: z.string().max(200, 'Mật khẩu quá dài.'),
          }),
          response: { 200: okSchema, ...errors(403) },
        },
      },
      async (req) => {
        const session = sessionOf(req);
        await runCommand(db, session.actor, (ctx) => changePassword(ctx, { ...req.body, keepSessionHash: session.tokenHash }));
        return { ok: true as const };
      },
    );
  };
