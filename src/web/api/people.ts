import { api, client, download, flag } from './client';
import type { ImportPreview, ImportResult, Page, Person, PersonDetail } from './types';
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

export interface PersonInput {
  fullName: string;
  unitId: string;
  gender?: Gender | null;
  birthDate?: string | null;
  cccd?: string | null;
  position?: string | null;
  isLeader: boolean;
  employmentType?: EmploymentType | null;
  email?: string | null;
}

export const listPeople = (filter: PeopleFilter) => api.get<Page<Person>>('/api/people', { ...filter });
export const getPerson = (id: string) => api.get<PersonDetail>(`/api/people/${id}`);
export const createPerson = (input: PersonInput) => api.post<Person>('/api/people', input);
export const updatePerson = (id: string, input: PersonInput & { version: number }) => api.put<Person>(`/api/people/${id}`, input);
export const transferPerson = (id: string, input: { toUnitId: string; effectiveDate: string; reason?: string | null }) =>
  api.post<Person>(`/api/people/${id}/transfer`, input);
export const deactivatePerson = (id: string, reason?: string | null) => api.post<Person>(`/api/people/${id}/deactivate`, { reason: reason ?? null });
export const reactivatePerson = (id: string) => api.post<Person>(`/api/people/${id}/reactivate`);

export const IMPORT_TEMPLATE_URL = '/api/people/import/template';

function importForm(file: File, unitId: string | undefined, skipInvalid: boolean | undefined, mapping?: Record<string, string>): FormData {
  // Text fields go before the file: the server reads fields that precede the file part.
  const form = new FormData();
  if (unitId) form.append('unitId', unitId);
  if (mapping && Object.keys(mapping).length) form.append('mapping', JSON.stringify(mapping));
  if (skipInvalid !== undefined) form.append('skipInvalid', String(skipInvalid));
  form.append('file', file, file.name);
  return form;
}

export const previewImport = (file: File, unitId?: string, mapping?: Record<string, string>) => api.upload<ImportPreview>('/api/people/import/preview', importForm(file, unitId, undefined, mapping));
export const commitImport = (file: File, unitId?: string, mapping?: Record<string, string>) => api.upload<ImportResult>('/api/people/import/commit', importForm(file, unitId, true, mapping));

export const exportPeople = (f: PeopleFilter) =>
  download(
    client.GET('/api/people/export.xlsx', {
      params: { query: { q: f.q, unitId: f.unitId, includeSubunits: f.unitId ? flag(f.includeSubunits) : undefined, employmentType: f.employmentType, isLeader: flag(f.isLeader), gender: f.gender, active: flag(f.active) } },
      parseAs: 'blob',
    }),
    'danh-sach-can-bo.xlsx',
  );
