import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.js';
import { resolveSession, safeEqual, SESSION_COOKIE, type ResolvedSession } from '../auth/sessions.js';
import { DomainError, PasswordChangeRequired, unauthorized } from '../errors.js';
import type { Actor } from '../auth/actor.js';

declare module 'fastify' {
  interface FastifyRequest {
    session: ResolvedSession | null;
  }
}

/** Routes under /api that need no session. */
const PUBLIC = [/^\/api\/health$/, /^\/api\/openapi\.json$/, /^\/api\/auth\/login$/, /^\/api\/public\//, /^\/api\/docs(\/|$)/];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What an account whose password an administrator set may still do: read who it is, change the password, log out. */
const WHILE_PASSWORD_CHANGE_REQUIRED = new Set(['GET /api/auth/me', 'HEAD /api/auth/me', 'POST /api/auth/password', 'POST /api/auth/logout']);

/** Resolves the session cookie on every /api request; writes must carry the CSRF token. */
export function registerSessionHook(app: FastifyInstance, db: Db) {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const path = req.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    req.session = token ? await resolveSession(db, token, req.ip) : null;
    if (PUBLIC.some((re) => re.test(path))) return;
    if (!req.session) throw unauthorized();
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, req.session.csrfToken)) {
        throw new DomainError('forbidden', 'csrf', 'Phiên làm việc không hợp lệ (thiếu mã chống giả mạo). Hãy tải lại trang.');
      }
    }
    // Enforced here, for every route, not only by the web's redirect.
    if (req.session.mustChangePassword && !WHILE_PASSWORD_CHANGE_REQUIRED.has(`${req.method} ${path}`)) {
      throw new PasswordChangeRequired('Mật khẩu của bạn do quản trị hệ thống đặt: hãy đổi mật khẩu trước khi tiếp tục làm việc.');
    }
  });
}

/** The signed-in actor; the hook has already refused requests without one. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.session) throw unauthorized();
  return req.session.actor;
}

/** The resolved session (actor, CSRF token, token hash); the hook has already refused requests without one. */
export function sessionOf(req: FastifyRequest): ResolvedSession {
  if (!req.session) throw unauthorized();
  return req.session;
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
