/** Registration by number (đăng ký số lượng): a unit's counts per high honor, its submission and return, the Office's roll-up. */
import type { components } from './schema';
import { call, client, download, type BodyOf } from './client';
import type { CampaignRef } from './plans';

type S = components['schemas'];
export type CountSheet = S['RegistrationCountSheet'];
export type CountRollup = S['RegistrationCountRollup'];

export const getCountSheet = (c: CampaignRef, unitId: string) => call(client.GET('/api/registrations/counts', { params: { query: { ...c, unitId } } }));
export const saveCountSheet = (input: BodyOf<'/api/registrations/counts', 'put'>) => call(client.PUT('/api/registrations/counts', { body: input }));
export const submitCountSheet = (input: BodyOf<'/api/registrations/counts/submit'>) => call(client.POST('/api/registrations/counts/submit', { body: input }));
export const returnCountSheet = (input: BodyOf<'/api/registrations/counts/return'>) => call(client.POST('/api/registrations/counts/return', { body: input }));
export const setCountHonors = (input: BodyOf<'/api/registrations/counts/honors', 'put'>) =>
  call(client.PUT('/api/registrations/counts/honors', { body: input }));
export const getCountRollup = (c: CampaignRef) => call(client.GET('/api/registrations/counts/rollup', { params: { query: c } }));
export const exportCountRollup = (c: CampaignRef) =>
  download(client.GET('/api/registrations/counts/rollup/export.xlsx', { params: { query: c }, parseAs: 'blob' }), 'tong-hop-dang-ky-so-luong.xlsx');
