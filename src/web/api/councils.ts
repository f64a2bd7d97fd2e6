import { api, client, download } from './client';
import type { Council } from './types';
import type { CouncilKind, CouncilPosition } from '../../shared/codes';

export interface CouncilInput {
  unitId: string;
  kind: CouncilKind;
  name?: string | null;
  establishedBy?: string | null;
  termStart: string;
  termEnd?: string | null;
}

export const listCouncils = () => api.get<{ items: Council[] }>('/api/councils');
export const getCouncil = (id: string) => api.get<Council>(`/api/councils/${id}`);
export const createCouncil = (input: CouncilInput) => api.post<Council>('/api/councils', input);
export const updateCouncil = (
  id: string,
  input: { name?: string | null; establishedBy?: string | null; termStart: string; termEnd?: string | null; active?: boolean; version?: number },
) => api.put<Council>(`/api/councils/${id}`, input);
export const addCouncilMember = (id: string, input: { personId: string; position: CouncilPosition; fromDate?: string | null; toDate?: string | null }) =>
  api.post<{ ok: true }>(`/api/councils/${id}/members`, input);
export const removeCouncilMember = (id: string, memberId: string) => api.del<{ ok: true }>(`/api/councils/${id}/members/${memberId}`);

export const exportCouncils = () => download(client.GET('/api/councils/export.xlsx', { parseAs: 'blob' }), 'hoi-dong.xlsx');
