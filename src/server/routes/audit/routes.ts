import { z } from 'zod';
import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { actorOf } from '../../http/session.js';
import { authorize, unitIdInScope } from '../../policies/scope.js';
import { auditEvents } from '../../db/schema/index.js';
import { AUDIT_ACTIONS, type AuditAction } from '../../audit/events.js';
import { isoDate, pageQuery } from '../../../shared/schemas/common.js';
import { batched, replyXlsx } from '../../http/xlsx-reply.js';
import { auditColumns } from '../../presenters/exports.js';

const actionCodes = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]];

export const auditFilterQuery = z.object({
  action: z.enum(actionCodes, 'Loại sự kiện không hợp lệ.').optional(),
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(60).optional(),
  username: z.string().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

/** The audit list's filters as SQL (shared by the list and its Excel export). */
export function auditWhere(actor: Actor, q: z.infer<typeof auditFilterQuery>): SQL | undefined {
  return and(
    unitIdInScope(actor, auditEvents.unitId),
    q.action ? eq(auditEvents.action, q.action) : undefined,
    q.entityType ? eq(auditEvents.entityType, q.entityType) : undefined,
    q.entityId ? eq(auditEvents.entityId, q.entityId) : undefined,
    q.username ? eq(auditEvents.actorUsername, q.username.trim().toLowerCase()) : undefined,
    q.from ? gte(auditEvents.at, new Date(`${q.from}T00:00:00+07:00`)) : undefined,
    q.to ? lt(auditEvents.at, sql`${new Date(`${q.to}T00:00:00+07:00`)}::timestamptz + interval '1 day'`) : undefined,
  );
}

export const auditRoutes = ({ db }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/audit/actions', { schema: { tags: ['audit'], summary: 'Danh mục loại sự kiện nhật ký' } }, async (req) => {
    authorize(actorOf(req), 'audit', 'read');
    return { items: actionCodes.map((code) => ({ code, label: AUDIT_ACTIONS[code] })) };
  });

  app.get('/api/audit/export.xlsx', { schema: { tags: ['audit'], summary: 'Xuất Excel nhật ký theo bộ lọc đang chọn (mọi trang)', querystring: auditFilterQuery } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'audit', 'read');
    const where = auditWhere(actor, req.query);
    const rows = batched((offset, limit) => db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.id)).limit(limit).offset(offset));
    return replyXlsx(reply, 'Nhật ký thao tác.xlsx', auditColumns(), rows, { sheetName: 'Nhật ký' });
  });

  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký thao tác trong phạm vi đơn vị',
        querystring: auditFilterQuery.extend(pageQuery),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      authorize(actor, 'audit', 'read');
      const q = req.query;
      const where = auditWhere(actor, q);
      const [rows, totals] = await Promise.all([
        db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
        db.select({ n: count() }).from(auditEvents).where(where),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorUsername: r.actorUsername,
          ip: r.ip,
          action: r.action,
          actionLabel: AUDIT_ACTIONS[r.action as AuditAction] ?? r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          unitId: r.unitId,
          summary: r.summary,
          before: r.before,
          after: r.after,
        })),
        total: totals[0]?.n ?? 0,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
};
