import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import { findVisibleUnit } from '../../repositories/units.js';
import { listCalendar, type CalendarFilter } from '../../repositories/calendar.js';
import { listOwnNotifications, markAllOwnNotificationsRead, markOwnNotificationRead } from '../../repositories/notifications.js';
import { outboxStatusOf } from '../../repositories/outbox.js';
import { calendarColumns } from '../../presenters/list-exports.js';
import { replyXlsx } from '../../http/xlsx-reply.js';
import { exportUnitName } from '../export-heading.js';
import { errors, file, idParams as idParamsOf, okSchema } from '../../http/contract.js';
import { formatViDate } from '../../rules/index.js';
import type { Actor } from '../../auth/actor.js';
import { calendarSchema, notificationListSchema, presentDeadline, presentNotification } from '../../presenters/plans.js';
import { badRequest, notFound } from '../../errors.js';
import { isoDate, pageQuery, queryBool } from '../../../shared/schemas/common.js';
import { daysBetween } from '../../deadlines/clock.js';
import { loadJobConfig } from '../../jobs/config.js';
import { now } from '../../clock.js';

/** A calendar range is shown whole (a month, a year): its pages are larger than other lists'. */
const CALENDAR_MAX = 5000;
const calendarRange = z.object({ from: isoDate, to: isoDate, unitId: z.uuid('Đơn vị không hợp lệ.').optional() });
const calendarQuery = calendarRange.extend({
  page: pageQuery.page,
  pageSize: z.coerce.number().int().min(1, 'Cỡ trang phải từ 1 trở lên.').max(CALENDAR_MAX, `Cỡ trang tối đa là ${CALENDAR_MAX}.`).default(500),
});

export const calendarRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    /** Range and unit checks shared by the calendar list and its export. */
    async function calendarFilter(
      actor: Actor,
      q: { from: string; to: string; unitId?: string | undefined },
      page: { page: number; pageSize: number },
    ): Promise<CalendarFilter> {
      if (q.to < q.from) throw badRequest('Khoảng ngày không hợp lệ: "đến ngày" trước "từ ngày".');
      if (daysBetween(q.from, q.to) > 400) throw badRequest('Khoảng ngày tối đa là 400 ngày.');
      let unit: { id: string; path: string } | undefined;
      if (q.unitId) {
        const u = await findVisibleUnit(db, actor, q.unitId);
        if (!u) throw notFound('Không tìm thấy đơn vị.');
        unit = { id: u.id, path: u.path };
      }
      return { from: q.from, to: q.to, unit, limit: page.pageSize, offset: (page.page - 1) * page.pageSize };
    }

    app.get(
      '/api/calendar',
      {
        schema: {
          tags: ['calendar'],
          operationId: 'listCalendar',
          summary: 'Lịch thời hạn (kế hoạch, phong trào, đăng ký, hồ sơ) trong một khoảng ngày, theo đơn vị',
          querystring: calendarQuery,
          response: { 200: calendarSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'calendar', 'read');
        const { from, to, page, pageSize } = req.query;
        const { items, byDay, total } = await listCalendar(db, actor, await calendarFilter(actor, req.query, { page, pageSize }));
        return { from, to, total, byDay, items: items.map((r) => presentDeadline(r.d, r.unitName)) };
      },
    );

    app.get(
      '/api/calendar/export.xlsx',
      {
        schema: {
          tags: ['calendar'],
          operationId: 'exportCalendar',
          summary: 'Xuất Excel lịch thời hạn (dạng danh sách) theo khoảng ngày và đơn vị',
          querystring: calendarRange,
          response: { 200: file('Tệp Excel', 'xlsx'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'calendar', 'read');
        // Every deadline in the range, up to the list's own cap.
        const { items } = await listCalendar(db, actor, await calendarFilter(actor, req.query, { page: 1, pageSize: CALENDAR_MAX }));
        return replyXlsx(
          reply,
          `Lịch thời hạn ${formatViDate(req.query.from)} - ${formatViDate(req.query.to)}.xlsx`.replace(/\//g, '.'),
          calendarColumns(),
          items,
          { sheetName: 'Lịch thời hạn', unitName: await exportUnitName(db, actor, req.query.unitId) },
        );
      },
    );

    app.get(
      '/api/notifications',
      {
        schema: {
          tags: ['calendar'],
          operationId: 'listNotifications',
          summary: 'Thông báo (nhắc hạn) của tài khoản đang đăng nhập',
          querystring: z.object({ unreadOnly: queryBool.optional(), ...pageQuery }),
          response: { 200: notificationListSchema, ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'notification', 'read');
        const { rows, total, unread } = await listOwnNotifications(db, actor.accountId, {
          unreadOnly: req.query.unreadOnly ?? false,
          page: req.query.page,
          pageSize: req.query.pageSize,
        });
        const mail = await outboxStatusOf(db, actor.accountId);
        return { items: rows.map(presentNotification), total, unread, mail: { configured: !!loadJobConfig().smtpUrl, ...mail } };
      },
    );

    app.post(
      '/api/notifications/:id/read',
      {
        schema: {
          tags: ['calendar'],
          operationId: 'markNotificationRead',
          summary: 'Đánh dấu đã đọc',
          params: idParamsOf(),
          response: { 200: okSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'notification', 'read');
        if (!(await markOwnNotificationRead(db, actor.accountId, req.params.id, now()))) throw notFound('Không tìm thấy thông báo.');
        return { ok: true as const };
      },
    );

    app.post(
      '/api/notifications/read-all',
      {
        schema: { tags: ['calendar'], operationId: 'markAllNotificationsRead', summary: 'Đánh dấu tất cả đã đọc', response: { 200: okSchema, ...errors(403) } },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'notification', 'read');
        await markAllOwnNotificationsRead(db, actor.accountId, now());
        return { ok: true as const };
      },
    );
  };
