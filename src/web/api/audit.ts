import { api } from './client';
import type { AuditEvent, Page } from './types';

export interface AuditFilter {
  action?: string;
  entityType?: string;
  username?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export const listAudit = (filter: AuditFilter) => api.get<Page<AuditEvent>>('/api/audit', { ...filter });
export const listAuditActions = () => api.get<{ items: { code: string; label: string }[] }>('/api/audit/actions');
