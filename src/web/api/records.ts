import type { components } from './schema';
/** Records, eligibility, candidates, rule packs and overrides (see src/server/routes/records, rules). */
import { awaitImportJob, partOf, type ImportCounts, type OnImportProgress } from './imports';
import { call, client, download, multipart, type BodyOf, type QueryOf } from './client';
import type { Me } from './auth';
import type { Regime } from '../../shared/codes';

type S = components['schemas'];
export type Reason = S['RuleReason'];
export type Money = S['RewardMoney'];
export type HonorResult = S['HonorEligibility'];
export type Eligibility = S['Eligibility'];
export type RatingRec = S['RatingRecord'];
export type HonorRec = S['HonorRecord'];
export type InitiativeRec = S['InitiativeRecord'];
export type DisciplineRec = S['DisciplineRecord'];
export type FactRec = S['FactRecord'];
export type Records = S['SubjectRecords'];
export type QuotaUse = S['QuotaUse'];
export type Candidates = S['EligibleCandidateList'];
export type CriterionView = S['CriterionView'];
export type PackView = S['RulePackView'];
export type HonorView = S['HonorRuleView'];
export type OverrideItem = S['RuleOverrideVersion'];
export type ImportPreviewRows = S['RecordImportPreview'];
export type FactKind = S['FactKind'];

export type SubjectRef = { kind: 'person' | 'unit'; id: string };
const byId = (id: string) => ({ params: { path: { id } } });
const yearOf = (id: string, year: number) => ({ params: { path: { id, year } } });

export const getRecords = (s: SubjectRef) =>
  call(s.kind === 'person' ? client.GET('/api/people/{id}/records', byId(s.id)) : client.GET('/api/units/{id}/records', byId(s.id)));
export const getEligibility = (s: SubjectRef, query: QueryOf<'/api/people/{id}/eligibility'>) =>
  call(
    s.kind === 'person'
      ? client.GET('/api/people/{id}/eligibility', { params: { path: { id: s.id }, query } })
      : client.GET('/api/units/{id}/eligibility', { params: { path: { id: s.id }, query } }),
  );
export const setRating = (s: SubjectRef, year: number, rating: BodyOf<'/api/people/{id}/ratings/{year}', 'put'>['rating'], version?: number) => {
  const body = { rating, ...(version ? { version } : {}) };
  return call(
    s.kind === 'person'
      ? client.PUT('/api/people/{id}/ratings/{year}', { ...yearOf(s.id, year), body })
      : client.PUT('/api/units/{id}/ratings/{year}', { ...yearOf(s.id, year), body }),
  );
};
export const removeRating = (s: SubjectRef, year: number) =>
  call(
    s.kind === 'person'
      ? client.DELETE('/api/people/{id}/ratings/{year}', yearOf(s.id, year))
      : client.DELETE('/api/units/{id}/ratings/{year}', yearOf(s.id, year)),
  );
export const addHonor = (body: BodyOf<'/api/records/honors'>) => call(client.POST('/api/records/honors', { body }));
export const revokeHonor = (id: string, reason: string) => call(client.POST('/api/records/honors/{id}/revoke', { ...byId(id), body: { reason } }));
export const removeHonor = (id: string) => call(client.DELETE('/api/records/honors/{id}', byId(id)));
export const addInitiative = (body: BodyOf<'/api/records/initiatives'>) => call(client.POST('/api/records/initiatives', { body }));
export const removeInitiative = (id: string) => call(client.DELETE('/api/records/initiatives/{id}', byId(id)));
export const addDiscipline = (body: BodyOf<'/api/records/disciplines'>) => call(client.POST('/api/records/disciplines', { body }));
export const removeDiscipline = (id: string) => call(client.DELETE('/api/records/disciplines/{id}', byId(id)));
export const getCandidates = (query: QueryOf<'/api/candidates'>) => call(client.GET('/api/candidates', { params: { query } }));
export const evaluateRule = (body: BodyOf<'/api/rules/evaluate'>, withOverrides: boolean) =>
  call(client.POST('/api/rules/evaluate', { params: { query: { withOverrides: withOverrides ? 'true' : undefined } }, body }));
export const getPack = (regime: Regime, asOf?: string) => call(client.GET('/api/rules/packs/{regime}', { params: { path: { regime }, query: { asOf } } }));
export const listOverrides = () => call(client.GET('/api/rules/overrides', { params: { query: { pageSize: 200 } } }));
export const listFactKinds = () => call(client.GET('/api/rules/facts'));
/** Issues an agency override from the JSON the user wrote; the server validates it and answers in Vietnamese. */
export const createOverride = (override: unknown) =>
  call(client.POST('/api/rules/overrides', { body: { override: override as BodyOf<'/api/rules/overrides'>['override'] } }));

function importForm(kind: 'ratings' | 'honors', file: File, skipInvalid?: boolean): FormData {
  // Text fields go before the file: the server reads fields that precede the file part.
  const form = new FormData();
  form.append('kind', kind);
  if (skipInvalid !== undefined) form.append('skipInvalid', String(skipInvalid));
  form.append('file', file, file.name);
  return form;
}
/** Uploads the sheet, then polls its import job (progress through `onProgress`) until the preview is ready. */
export const previewRecordImport = async (kind: 'ratings' | 'honors', file: File, onProgress?: OnImportProgress): Promise<ImportPreviewRows> =>
  partOf((await awaitImportJob(await call(client.POST('/api/records/import/preview', multipart(importForm(kind, file)))), onProgress)).recordPreview);
/** Uploads the sheet again to store its valid rows, and polls the job until the counts are known. */
export const commitRecordImport = async (kind: 'ratings' | 'honors', file: File, onProgress?: OnImportProgress): Promise<ImportCounts> =>
  partOf((await awaitImportJob(await call(client.POST('/api/records/import/commit', multipart(importForm(kind, file, true)))), onProgress)).result);

/** The record abilities of the signed-in user (the session carries every resource's abilities). */
export function recordAbilities(user: Me): { read: boolean; write: boolean; import: boolean; createOverride: boolean } {
  const all = user.abilities as unknown as Record<string, string[] | undefined>;
  const rec = all.record ?? [];
  return {
    read: rec.includes('read'),
    write: rec.includes('write'),
    import: rec.includes('import'),
    createOverride: (all.ruleOverride ?? []).includes('create'),
  };
}

export const exportCandidates = (q: QueryOf<'/api/candidates/export.xlsx'>) =>
  download(client.GET('/api/candidates/export.xlsx', { params: { query: q }, parseAs: 'blob' }), 'danh-sach-du-dieu-kien.xlsx');
export const downloadRecordTemplate = (kind: 'ratings' | 'honors') =>
  download(client.GET('/api/records/import/template', { params: { query: { kind } }, parseAs: 'blob' }), 'mau-nhap.xlsx');
