/** Staff: the people list, records of one person, transfers, the .xlsx import (src/server/routes/people). */
import { call, client, download, flag, multipart, type BodyOf } from './client';
import type { paths } from './schema';
import { awaitImportJob, partOf, type OnImportProgress } from './imports';
import type { components } from './schema';

export type Person = components['schemas']['Person'];
export type PersonDetail = components['schemas']['PersonDetail'];
export type Transfer = components['schemas']['PersonTransfer'];
export type ImportPreview = components['schemas']['StaffImportPreview'];
export type ImportResult = components['schemas']['ImportCounts'];
/** The sheet's columns and which one each field is read from (the user may change it). */
export type ImportMappingInfo = Required<Pick<ImportPreview, 'columns' | 'mapping' | 'fields'>>;
import type { EmploymentType, Gender } from '../../shared/codes';

export interface PeopleFilter {
  q?: string;
  unitId?: string;
  includeSubunits?: boolean;
  active?: boolean;
  employmentType?: EmploymentType;
  isLeader?: boolean;
  gender?: Gender;
  page?: number;
  pageSize?: number;
}

export type PersonInput = BodyOf<'/api/people', 'post'>;

const byId = (id: string) => ({ params: { path: { id } } });

/** The filter as query parameters (booleans as "true"/"false"). */
function peopleQuery(f: PeopleFilter) {
  return {
    q: f.q,
    unitId: f.unitId,
    includeSubunits: f.unitId ? flag(f.includeSubunits) : undefined,
    employmentType: f.employmentType,
    isLeader: flag(f.isLeader),
    gender: f.gender,
    active: flag(f.active),
  };
}

export const listPeople = (f: PeopleFilter) =>
  call(client.GET('/api/people', { params: { query: { ...peopleQuery(f), includeSubunits: flag(f.includeSubunits), page: f.page, pageSize: f.pageSize } } }));
export const exportPeople = (f: PeopleFilter) =>
  download(client.GET('/api/people/export.xlsx', { params: { query: peopleQuery(f) }, parseAs: 'blob' }), 'danh-sach-can-bo.xlsx');
export const getPerson = (id: string) => call(client.GET('/api/people/{id}', byId(id)));
export const createPerson = (input: PersonInput) => call(client.POST('/api/people', { body: input }));
export const updatePerson = (id: string, input: BodyOf<'/api/people/{id}', 'put'>) => call(client.PUT('/api/people/{id}', { ...byId(id), body: input }));
export const transferPerson = (id: string, input: BodyOf<'/api/people/{id}/transfer'>) =>
  call(client.POST('/api/people/{id}/transfer', { ...byId(id), body: input }));
export const deactivatePerson = (id: string, reason?: string | null) =>
  call(client.POST('/api/people/{id}/deactivate', { ...byId(id), body: { reason: reason ?? null } }));
export const reactivatePerson = (id: string) => call(client.POST('/api/people/{id}/reactivate', byId(id)));

/** A plain link: the browser downloads the template itself (path checked against the contract). */
export const IMPORT_TEMPLATE_URL = '/api/people/import/template' satisfies keyof paths;

function importForm(file: File, unitId: string | undefined, skipInvalid: boolean | undefined, mapping?: Record<string, string>): FormData {
  // Text fields go before the file: the server reads fields that precede the file part.
  const form = new FormData();
  if (unitId) form.append('unitId', unitId);
  if (mapping && Object.keys(mapping).length) form.append('mapping', JSON.stringify(mapping));
  if (skipInvalid !== undefined) form.append('skipInvalid', String(skipInvalid));
  form.append('file', file, file.name);
  return form;
}

/** Uploads the sheet, then polls its import job (progress through `onProgress`) until the preview is ready. */
export const previewImport = async (file: File, unitId?: string, mapping?: Record<string, string>, onProgress?: OnImportProgress): Promise<ImportPreview> =>
  partOf(
    (await awaitImportJob(await call(client.POST('/api/people/import/preview', multipart(importForm(file, unitId, undefined, mapping)))), onProgress))
      .staffPreview,
  );
/** Uploads the sheet again to store its valid rows, and polls the job until the counts are known. */
export const commitImport = async (file: File, unitId?: string, mapping?: Record<string, string>, onProgress?: OnImportProgress): Promise<ImportResult> =>
  partOf((await awaitImportJob(await call(client.POST('/api/people/import/commit', multipart(importForm(file, unitId, true, mapping)))), onProgress)).result);
