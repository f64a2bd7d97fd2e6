/** Emulation and commendation councils and their members (src/server/routes/councils). */
import { call, client, download, type BodyOf } from './client';
import type { Council } from './types';

export type CouncilInput = BodyOf<'/api/councils', 'post'>;

const byId = (id: string) => ({ params: { path: { id } } });

export const listCouncils = () => call<{ items: Council[] }>(client.GET('/api/councils'));
export const getCouncil = (id: string) => call<Council>(client.GET('/api/councils/{id}', byId(id)));
export const exportCouncils = () => download(client.GET('/api/councils/export.xlsx', { parseAs: 'blob' }), 'hoi-dong.xlsx');
export const createCouncil = (input: CouncilInput) => call<Council>(client.POST('/api/councils', { body: input }));
export const updateCouncil = (id: string, input: BodyOf<'/api/councils/{id}', 'put'>) => call<Council>(client.PUT('/api/councils/{id}', { ...byId(id), body: input }));
export const addCouncilMember = (id: string, input: BodyOf<'/api/councils/{id}/members', 'post'>) => call<{ ok: true }>(client.POST('/api/councils/{id}/members', { ...byId(id), body: input }));
export const removeCouncilMember = (id: string, memberId: string) => call<{ ok: true }>(client.DELETE('/api/councils/{id}/members/{memberId}', { params: { path: { id, memberId } } }));
