/** The unit tree (src/server/routes/units): types generated from the contract. */
import { call, client, download, flag } from './client';
import type { components, paths } from './schema';

export type Unit = components['schemas']['Unit'];
export type UnitNode = components['schemas']['UnitTreeNode'];
export type UnitList = paths['/api/units']['get']['responses'][200]['content']['application/json'];
export type UnitInput = Omit<paths['/api/units']['post']['requestBody']['content']['application/json'], 'parentId'>;

const byId = (id: string) => ({ params: { path: { id } } });

export const listUnits = (includeInactive: boolean) => call(client.GET('/api/units', { params: { query: { includeInactive: flag(includeInactive) } } }));
export const exportUnits = (includeInactive: boolean) =>
  download(client.GET('/api/units/export.xlsx', { params: { query: { includeInactive: flag(includeInactive) } }, parseAs: 'blob' }), 'danh-sach-don-vi.xlsx');
export const createUnit = (input: UnitInput & { parentId: string }) => call(client.POST('/api/units', { body: input }));
export const updateUnit = (id: string, input: UnitInput & { version: number }) => call(client.PUT('/api/units/{id}', { ...byId(id), body: input }));
export const moveUnit = (id: string, parentId: string) => call(client.POST('/api/units/{id}/move', { ...byId(id), body: { parentId } }));
export const mergeUnit = (id: string, targetId: string, effectiveDate: string) =>
  call(client.POST('/api/units/{id}/merge', { ...byId(id), body: { targetId, effectiveDate } }));
export const deactivateUnit = (id: string) => call(client.POST('/api/units/{id}/deactivate', byId(id)));
export const reactivateUnit = (id: string) => call(client.POST('/api/units/{id}/reactivate', byId(id)));
export const deleteUnit = (id: string) => call(client.DELETE('/api/units/{id}', byId(id)));
