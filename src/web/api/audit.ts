import { api, client, download, type QueryOf } from './client';
import type { AuditEvent, Page } from './types';

/** The audit log's filters, as the contract declares them. */
export type AuditFilter = QueryOf<'/api/audit'>;

export const listAudit = (filter: AuditFilter) => api.get<Page<AuditEvent>>('/api/audit', { ...filter });
export const listAuditActions = () => api.get<{ items: { code: string; label: string }[] }>('/api/audit/actions');

export const exportAudit = (q: QueryOf<'/api/audit/export.xlsx'>) => download(client.GET('/api/audit/export.xlsx', { params: { query: q }, parseAs: 'blob' }), 'nhat-ky.xlsx');
