import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { RouteDeps } from '../../app.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import { findVisibleUnit } from '../../repositories/units.js';
import { listCalendar, type CalendarFilter } from '../../repositories/calendar.js';
import { calendarColumns } from '../../presenters/list-exports.js';
import { replyXlsx } from '../../http/xlsx-reply.js';
import { formatViDate } from '../../rules/index.js';
import type { Actor } from '../../auth/actor.js';
import { presentDeadline } from '../../presenters/plans.js';
import { badRequest, notFound } from '../../errors.js';
import { notifications } from '../../db/schema/index.js';
import { isoDate } from '../../../shared/schemas/common.js';
import { daysBetween } from '../../deadlines/clock.js';
import { loadJobConfig } from '../../jobs/config.js';
import { outboxStatus } from '../../jobs/reminders.js';

const CALENDAR_MAX = 5000;
const calendarQuery = z.object({ from: isoDate, to: isoDate, unitId: z.uuid('Đơn vị không hợp lệ.').optional(), limit: z.coerce.number().int().min(1).max(CALENDAR_MAX).default(500) });

export const calendarRoutes = ({ db }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  /** Range and unit checks shared by the calendar list and its export. */
  async function calendarFilter(actor: Actor, q: { from: string; to: string; unitId?: string | undefined; limit: number }): Promise<CalendarFilter> {
    if (q.to < q.from) throw badRequest('Khoảng ngày không hợp lệ: "đến ngày" trước "từ ngày".');
    if (daysBetween(q.from, q.to) > 400) throw badRequest('Khoảng ngày tối đa là 400 ngày.');
    let unit: { id: string; path: string } | undefined;
    if (q.unitId) {
      const u = await findVisibleUnit(db, actor, q.unitId);
      if (!u) throw notFound('Không tìm thấy đơn vị.');
      unit = { id: u.id, path: u.path };
    }
    return { from: q.from, to: q.to, unit, limit: q.limit };
  }

  app.get(
    '/api/calendar',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Lịch thời hạn (kế hoạch, phong trào, đăng ký, hồ sơ) trong một khoảng ngày, theo đơn vị',
        querystring: calendarQuery,
      },
    },
    async (req) => {
      const actor = actorOf(req);
      authorize(actor, 'calendar', 'read');
      const { from, to } = req.query;
      const { items, byDay, total } = await listCalendar(db, actor, await calendarFilter(actor, req.query));
      return { from, to, total, byDay, items: items.map((r) => presentDeadline(r.d, r.unitName)) };
    },
  );

  app.get('/api/calendar/export.xlsx', { schema: { tags: ['calendar'], summary: 'Xuất Excel lịch thời hạn (dạng danh sách) theo khoảng ngày và đơn vị', querystring: calendarQuery.omit({ limit: true }) } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'calendar', 'read');
    // Every deadline in the range, up to the list's own cap.
    const { items } = await listCalendar(db, actor, await calendarFilter(actor, { ...req.query, limit: CALENDAR_MAX }));
    return replyXlsx(reply, `Lịch thời hạn ${formatViDate(req.query.from)} - ${formatViDate(req.query.to)}.xlsx`.replace(/\//g, '.'), calendarColumns(), items, { sheetName: 'Lịch thời hạn' });
  });

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
