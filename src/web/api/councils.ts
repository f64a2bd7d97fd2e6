/** Emulation and commendation councils and their members (src/server/routes/councils). */
import { call, client, download, type BodyOf } from './client';
import type { components } from './schema';

export type Council = components['schemas']['Council'];
export type CouncilMember = components['schemas']['CouncilMember'];

export type CouncilInput = BodyOf<'/api/councils', 'post'>;

const byId = (id: string) => ({ params: { path: { id } } });

export const listCouncils = () => call(client.GET('/api/councils'));
export const getCouncil = (id: string) => call(client.GET('/api/councils/{id}', byId(id)));
export const exportCouncils = () => download(client.GET('/api/councils/export.xlsx', { parseAs: 'blob' }), 'hoi-dong.xlsx');
export const createCouncil = (input: CouncilInput) => call(client.POST('/api/councils', { body: input }));
export const updateCouncil = (id: string, input: BodyOf<'/api/councils/{id}', 'put'>) => call(client.PUT('/api/councils/{id}', { ...byId(id), body: input }));
export const addCouncilMember = (id: string, input: BodyOf<'/api/councils/{id}/members', 'post'>) =>
  call(client.POST('/api/councils/{id}/members', { ...byId(id), body: input }));
export const removeCouncilMember = (id: string, memberId: string) =>
  call(client.DELETE('/api/councils/{id}/members/{memberId}', { params: { path: { id, memberId } } }));
