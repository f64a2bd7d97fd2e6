/** The audit log (src/server/routes/audit). */
import { call, client, download, type QueryOf } from './client';
import type { AuditEvent, Page } from './types';

/** The audit log's filters, as the contract declares them. */
export type AuditFilter = QueryOf<'/api/audit'>;

export const listAudit = (filter: AuditFilter) => call<Page<AuditEvent>>(client.GET('/api/audit', { params: { query: filter } }));
export const listAuditActions = () => call<{ items: { code: string; label: string }[] }>(client.GET('/api/audit/actions'));
export const exportAudit = (q: QueryOf<'/api/audit/export.xlsx'>) => download(client.GET('/api/audit/export.xlsx', { params: { query: q }, parseAs: 'blob' }), 'nhat-ky.xlsx');
