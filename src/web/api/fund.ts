/** The award fund, the award-item inventory and re-issue requests, through the typed client. */
import { call, client, download, type BodyOf } from './client';
import type { components } from './schema';

type S = components['schemas'];
export type Fund = S['Fund'];
export type FundCommitment = S['FundCommitment'];
export type FundEntry = S['FundEntry'];
export type AwardItemStock = S['AwardItemStock'];
export type ReissueRequest = S['ReissueRequest'];

export const getFund = (year: number) => call(client.GET('/api/fund/{year}', { params: { path: { year }, query: {} } }));
export const listCommitments = (year: number) => call(client.GET('/api/fund/{year}/commitments', { params: { path: { year }, query: { pageSize: 200 } } }));
export const listEntries = (year: number) => call(client.GET('/api/fund/{year}/entries', { params: { path: { year }, query: { pageSize: 200 } } }));
export const addSource = (year: number, body: BodyOf<'/api/fund/{year}/sources'>) =>
  call(client.POST('/api/fund/{year}/sources', { params: { path: { year } }, body }));
export const pay = (year: number, body: BodyOf<'/api/fund/{year}/payments'>) =>
  call(client.POST('/api/fund/{year}/payments', { params: { path: { year } }, body }));
export const exportLedger = (year: number) =>
  download(client.GET('/api/fund/{year}/ledger.xlsx', { params: { path: { year }, query: {} }, parseAs: 'blob' }), 'so-quy.xlsx');
export const getStock = (date?: string) => call(client.GET('/api/award-items/stock', { params: { query: date ? { date } : {} } }));
export const listReissues = () => call(client.GET('/api/reissue-requests', { params: { query: { pageSize: 200 } } }));
export const grantReissue = (id: string) => call(client.POST('/api/reissue-requests/{id}/grant', { params: { path: { id } }, body: {} }));
