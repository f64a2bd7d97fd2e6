/** The award fund, the award-item inventory and re-issue requests, through the typed client. */
import { call, client, download, type BodyOf } from './client';
import type { FundEntryKind, FundKind } from '../../shared/codes';
import type { components } from './schema';

type S = components['schemas'];
export type Fund = S['Fund'];
export type FundCommitment = S['FundCommitment'];
export type FundEntry = S['FundEntry'];
export type AwardItemStock = S['AwardItemStock'];
export type ReissueRequest = S['ReissueRequest'];

export type AwardItemMove = S['AwardItemMove'];

export const getFund = (year: number, kind: FundKind = 'tdkt') => call(client.GET('/api/fund/{year}', { params: { path: { year }, query: { kind } } }));
export const configureFund = (year: number, body: BodyOf<'/api/fund/{year}/settings', 'put'>) =>
  call(client.PUT('/api/fund/{year}/settings', { params: { path: { year } }, body }));
export const listCommitments = (year: number) => call(client.GET('/api/fund/{year}/commitments', { params: { path: { year }, query: { pageSize: 200 } } }));
export const listEntries = (year: number, kind: FundKind = 'tdkt', entryKind?: FundEntryKind) =>
  call(client.GET('/api/fund/{year}/entries', { params: { path: { year }, query: { kind, pageSize: 200, ...(entryKind ? { entryKind } : {}) } } }));
export const spendOnOrganising = (year: number, body: BodyOf<'/api/fund/{year}/organising'>) =>
  call(client.POST('/api/fund/{year}/organising', { params: { path: { year } }, body }));
export const addSource = (year: number, body: BodyOf<'/api/fund/{year}/sources'>) =>
  call(client.POST('/api/fund/{year}/sources', { params: { path: { year } }, body }));
export const pay = (year: number, body: BodyOf<'/api/fund/{year}/payments'>) =>
  call(client.POST('/api/fund/{year}/payments', { params: { path: { year } }, body }));
export const exportLedger = (year: number, kind: FundKind = 'tdkt') =>
  download(client.GET('/api/fund/{year}/ledger.xlsx', { params: { path: { year }, query: { kind } }, parseAs: 'blob' }), `so-quy-${year}.xlsx`);
export const getStock = (date?: string) => call(client.GET('/api/award-items/stock', { params: { query: date ? { date } : {} } }));
export const listReissues = () => call(client.GET('/api/reissue-requests', { params: { query: { pageSize: 200 } } }));
export const listItemMoves = () => call(client.GET('/api/award-items/moves', { params: { query: { pageSize: 200 } } }));
export const recordItemMove = (body: BodyOf<'/api/award-items/moves'>) => call(client.POST('/api/award-items/moves', { body }));
export const issueItemsForDecision = (body: BodyOf<'/api/award-items/issue'>) => call(client.POST('/api/award-items/issue', { body }));
export const createReissue = (body: BodyOf<'/api/reissue-requests'>) => call(client.POST('/api/reissue-requests', { body }));
export const grantReissue = (id: string, answer: string | null = null) =>
  call(client.POST('/api/reissue-requests/{id}/grant', { params: { path: { id } }, body: { answer } }));
export const refuseReissue = (id: string, answer: string) =>
  call(client.POST('/api/reissue-requests/{id}/refuse', { params: { path: { id } }, body: { answer } }));
