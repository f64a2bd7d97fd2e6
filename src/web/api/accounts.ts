/** Accounts (src/server/routes/accounts). */
import { call, client, type BodyOf, type QueryOf } from './client';
import type { components } from './schema';

export type Account = components['schemas']['Account'];
export type AccountInput = Omit<BodyOf<'/api/accounts', 'post'>, 'username' | 'password'>;

const byId = (id: string) => ({ params: { path: { id } } });

export const listAccounts = (query: QueryOf<'/api/accounts'>) => call(client.GET('/api/accounts', { params: { query } }));
export const createAccount = (input: BodyOf<'/api/accounts', 'post'>) => call(client.POST('/api/accounts', { body: input }));
export const updateAccount = (id: string, input: BodyOf<'/api/accounts/{id}', 'put'>) => call(client.PUT('/api/accounts/{id}', { ...byId(id), body: input }));
export const resetAccountPassword = (id: string, newPassword: string) =>
  call(client.POST('/api/accounts/{id}/reset-password', { ...byId(id), body: { newPassword } }));
