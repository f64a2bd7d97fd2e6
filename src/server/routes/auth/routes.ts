import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { changePassword, login, logout } from '../../commands/auth.js';
import { runCommand } from '../../commands/run.js';
import { actorOf, clearSessionCookie, setSessionCookie } from '../../http/session.js';
import { presentMe } from '../../presenters/me.js';

const loginBody = z.object({
  username: z.string().trim().min(1, 'Hãy nhập tên đăng nhập.').max(100, 'Tên đăng nhập quá dài.'),
  password: z.string().min(1, 'Hãy nhập mật khẩu.').max(200, 'Mật khẩu quá dài.'),
});

export const authRoutes = ({ db, config }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Đăng nhập; trả về csrfToken để gửi trong tiêu đề x-csrf-token', security: [], body: loginBody },
      config: {
        rateLimit: {
          max: 10,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (req) => `${req.ip}|${String((req.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase()}`,
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

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Đăng xuất' } }, async (req, reply) => {
    const session = req.session!;
    await runCommand(db, session.actor, (ctx) => logout(ctx, session.tokenHash));
    clearSessionCookie(reply);
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: 'Tài khoản đang đăng nhập, vai trò, quyền và mã CSRF' } }, async (req) => {
    const actor = actorOf(req);
    return { csrfToken: req.session!.csrfToken, user: await presentMe(db, actor.accountId) };
  });

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu của chính mình',
        body: z.object({ currentPassword: z.string().min(1, 'Hãy nhập mật khẩu hiện tại.').max(200), newPassword: z.string().max(200, 'Mật khẩu quá dài.') }),
      },
    },
    async (req) => {
      const session = req.session!;
      await runCommand(db, session.actor, (ctx) => changePassword(ctx, { ...req.body, keepSessionHash: session.tokenHash }));
      return { ok: true };
    },
  );
};
