import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { RouteDeps } from '../../app.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import { findVisibleUnit } from '../../repositories/units.js';
import { listCalendar } from '../../repositories/calendar.js';
import { presentDeadline } from '../../presenters/plans.js';
import { badRequest, notFound } from '../../errors.js';
import { notifications } from '../../db/schema/index.js';
import { isoDate } from '../../../shared/schemas/common.js';
import { daysBetween } from '../../deadlines/clock.js';
import { loadJobConfig } from '../../jobs/config.js';
import { outboxStatus } from '../../jobs/reminders.js';

export const calendarRoutes = ({ db }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  app.get(
    '/api/calendar',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Lịch thời hạn (kế hoạch, phong trào, đăng ký, hồ sơ) trong một khoảng ngày, theo đơn vị',
        querystring: z.object({ from: isoDate, to: isoDate, unitId: z.uuid('Đơn vị không hợp lệ.').optional(), limit: z.coerce.number().int().min(1).max(5000).default(500) }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      authorize(actor, 'calendar', 'read');
      const { from, to, unitId, limit } = req.query;
      if (to < from) throw badRequest('Khoảng ngày không hợp lệ: "đến ngày" trước "từ ngày".');
      if (daysBetween(from, to) > 400) throw badRequest('Khoảng ngày tối đa là 400 ngày.');
      let unit: { id: string; path: string } | undefined;
      if (unitId) {
        const u = await findVisibleUnit(db, actor, unitId);
        if (!u) throw notFound('Không tìm thấy đơn vị.');
        unit = { id: u.id, path: u.path };
      }
      const { items, byDay, total } = await listCalendar(db, actor, { from, to, unit, limit });
      return { from, to, total, byDay, items: items.map((r) => presentDeadline(r.d, r.unitName)) };
    },
  );

  app.get('/api/notifications', { schema: { tags: ['calendar'], summary: 'Thông báo (nhắc hạn) của tài khoản đang đăng nhập', querystring: z.object({ unreadOnly: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }) } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'notification', 'read');
    const mine = eq(notifications.accountId, actor.accountId);
    const [rows, unread] = await Promise.all([
      db.select().from(notifications).where(and(mine, req.query.unreadOnly === 'true' ? isNull(notifications.readAt) : undefined)).orderBy(desc(notifications.createdAt)).limit(req.query.limit),
      db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(mine, isNull(notifications.readAt))),
    ]);
    const mail = await outboxStatus(db, actor.accountId);
    return {
      unread: Number(unread[0]?.n ?? 0),
      mail: { configured: !!loadJobConfig().smtpUrl, ...mail },
      items: rows.map((n) => ({ id: n.id, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })),
    };
  });

  app.post('/api/notifications/:id/read', { schema: { tags: ['calendar'], summary: 'Đánh dấu đã đọc', params: z.object({ id: z.uuid('Mã không hợp lệ.') }) } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'notification', 'read');
    const [row] = await db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.id, req.params.id), eq(notifications.accountId, actor.accountId))).returning({ id: notifications.id });
    if (!row) throw notFound('Không tìm thấy thông báo.');
    return { ok: true };
  });

  app.post('/api/notifications/read-all', { schema: { tags: ['calendar'], summary: 'Đánh dấu tất cả đã đọc' } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'notification', 'read');
    await db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.accountId, actor.accountId), isNull(notifications.readAt)));
    return { ok: true };
  });
};
