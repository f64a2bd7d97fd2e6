import { api } from './client';
import type { Account } from './types';
import type { Role } from '../../shared/codes';

export interface AccountInput {
  displayName: string;
  role: Role;
  unitId: string;
  personId?: string | null;
}

export const listAccounts = (filter: { q?: string; page: number; pageSize: number }) => api.get<{ items: Account[]; total: number }>('/api/accounts', { ...filter });
export const createAccount = (input: AccountInput & { username: string; password: string }) => api.post<Account>('/api/accounts', input);
export const updateAccount = (id: string, input: AccountInput & { active: boolean }) => api.put<Account>(`/api/accounts/${id}`, input);
export const resetAccountPassword = (id: string, newPassword: string) => api.post<{ ok: true }>(`/api/accounts/${id}/reset-password`, { newPassword });
