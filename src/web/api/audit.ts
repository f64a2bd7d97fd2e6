/** The audit log (src/server/routes/audit). */
import { call, client, download, type QueryOf } from './client';
import type { components } from './schema';

export type AuditEvent = components['schemas']['AuditEvent'];
/** The audit log's filters, as the contract declares them. */
export type AuditFilter = QueryOf<'/api/audit'>;

export const listAudit = (filter: AuditFilter) => call(client.GET('/api/audit', { params: { query: filter } }));
export const listAuditActions = () => call(client.GET('/api/audit/actions'));
export const exportAudit = (q: QueryOf<'/api/audit/export.xlsx'>) =>
  download(client.GET('/api/audit/export.xlsx', { params: { query: q }, parseAs: 'blob' }), 'nhat-ky.xlsx');
