import { z } from 'zod';
import type { AuditEventRow } from '../repositories/audit.js';
import { AUDIT_ACTIONS, type AuditAction } from '../audit/events.js';

export const auditEventSchema = z
  .object({
    id: z.number().int(),
    at: z.string().describe('Thời điểm ISO 8601'),
    actorUsername: z.string().nullable(),
    ip: z.string().nullable(),
    action: z.string(),
    actionLabel: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    unitId: z.uuid().nullable(),
    summary: z.string(),
    before: z.unknown().describe('Trạng thái trước thay đổi'),
    after: z.unknown().describe('Trạng thái sau thay đổi'),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventJson = z.infer<typeof auditEventSchema>;

export const auditActionSchema = z.object({ code: z.string(), label: z.string() }).meta({ id: 'AuditAction' });

export const auditPageSchema = z.object({
  items: z.array(auditEventSchema),
  total: z.number().int().describe('Tổng số mục khớp bộ lọc'),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export function presentAuditEvent(r: AuditEventRow): AuditEventJson {
  return {
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
  };
}
