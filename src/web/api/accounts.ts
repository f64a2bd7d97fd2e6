/** Accounts (src/server/routes/accounts). */
import { call, client, type BodyOf } from './client';
import type { Account } from './types';

export type AccountInput = Omit<BodyOf<'/api/accounts', 'post'>, 'username' | 'password'>;

const byId = (id: string) => ({ params: { path: { id } } });

export const listAccounts = () => call<{ items: Account[] }>(client.GET('/api/accounts'));
export const createAccount = (input: BodyOf<'/api/accounts', 'post'>) => call<Account>(client.POST('/api/accounts', { body: input }));
export const updateAccount = (id: string, input: BodyOf<'/api/accounts/{id}', 'put'>) => call<Account>(client.PUT('/api/accounts/{id}', { ...byId(id), body: input }));
export const resetAccountPassword = (id: string, newPassword: string) => call<{ ok: true }>(client.POST('/api/accounts/{id}/reset-password', { ...byId(id), body: { newPassword } }));
