import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import { AUDIT_ACTIONS, type AuditAction } from '../../audit/events.js';
import { isoDate, pageQuery } from '../../../shared/schemas/common.js';
import { batched, replyXlsx } from '../../http/xlsx-reply.js';
import { exportUnitName } from '../export-heading.js';
import { auditColumns } from '../../presenters/exports.js';
import { listVisibleAuditEvents, visibleAuditEventsSlice } from '../../repositories/audit.js';
import { auditActionSchema, auditPageSchema, presentAuditEvent } from '../../presenters/audit.js';
import { errors, file, pageOf } from '../../http/contract.js';

const actionCodes = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]];

export const auditFilterQuery = z.object({
  action: z.enum(actionCodes, 'Loại sự kiện không hợp lệ.').optional(),
  entityType: z.string().max(40, 'Loại đối tượng quá dài.').optional(),
  entityId: z.string().max(60, 'Mã đối tượng quá dài.').optional(),
  username: z.string().max(100, 'Tên đăng nhập quá dài.').optional(),
  from: isoDate.optional().describe('Từ ngày (theo giờ Việt Nam), yyyy-mm-dd'),
  to: isoDate.optional().describe('Đến hết ngày (theo giờ Việt Nam), yyyy-mm-dd'),
});

export const auditRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/audit/actions',
      {
        schema: {
          tags: ['audit'],
          operationId: 'listAuditActions',
          summary: 'Danh mục loại sự kiện nhật ký (danh sách cố định)',
          response: { 200: pageOf(auditActionSchema), ...errors(403) },
        },
      },
      async (req) => {
        authorize(actorOf(req), 'audit', 'read');
        const items = actionCodes.map((code) => ({ code, label: AUDIT_ACTIONS[code] }));
        return { items, total: items.length };
      },
    );

    app.get(
      '/api/audit/export.xlsx',
      {
        schema: {
          tags: ['audit'],
          operationId: 'exportAudit',
          summary: 'Xuất Excel nhật ký theo bộ lọc đang chọn (mọi trang)',
          querystring: auditFilterQuery,
          response: { 200: file('Tệp Excel', 'xlsx'), ...errors(403) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'audit', 'read');
        const rows = batched((offset, limit) => visibleAuditEventsSlice(db, actor, req.query, offset, limit));
        return replyXlsx(reply, 'Nhật ký thao tác.xlsx', auditColumns(), rows, { sheetName: 'Nhật ký', unitName: await exportUnitName(db, actor) });
      },
    );

    app.get(
      '/api/audit',
      {
        schema: {
          tags: ['audit'],
          operationId: 'listAudit',
          summary: 'Nhật ký thao tác trong phạm vi đơn vị (mới nhất trước)',
          querystring: auditFilterQuery.extend(pageQuery),
          response: { 200: auditPageSchema, ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'audit', 'read');
        const q = req.query;
        const { rows, total } = await listVisibleAuditEvents(db, actor, q);
        return { items: rows.map(presentAuditEvent), total, page: q.page, pageSize: q.pageSize };
      },
    );
  };
