import { api } from './client';
import type { Unit, UnitList } from './types';
import type { UnitKind } from '../../shared/codes';

export interface UnitInput {
  name: string;
  shortName?: string | null;
  code?: string | null;
  kind: UnitKind;
  sortOrder?: number;
}

export const listUnits = (includeInactive: boolean) => api.get<UnitList>('/api/units', { includeInactive });
export const createUnit = (input: UnitInput & { parentId: string }) => api.post<Unit>('/api/units', input);
export const updateUnit = (id: string, input: UnitInput & { version: number }) => api.put<Unit>(`/api/units/${id}`, input);
export const moveUnit = (id: string, parentId: string) => api.post<Unit>(`/api/units/${id}/move`, { parentId });
export const mergeUnit = (id: string, targetId: string, effectiveDate: string) => api.post<Unit>(`/api/units/${id}/merge`, { targetId, effectiveDate });
export const deactivateUnit = (id: string) => api.post<Unit>(`/api/units/${id}/deactivate`);
export const reactivateUnit = (id: string) => api.post<Unit>(`/api/units/${id}/reactivate`);
export const deleteUnit = (id: string) => api.del<{ ok: true }>(`/api/units/${id}`);
