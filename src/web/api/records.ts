/** Records, eligibility, candidates, rule packs and overrides (see src/server/routes/records, rules). */
import { call, client, downloadPath, multipart, type BodyOf, type QueryOf } from './client';
import type { Me } from './types';
import type { Honor, Rating, Regime, SubjectKind } from '../../shared/codes';

export interface Reason {
  ok: boolean | null;
  text: string;
  rule: string;
  article: string;
  verified: boolean;
}
export interface Money {
  coefficient: number;
  baseSalary: number;
  amount: number;
}
export interface HonorResult {
  honor: Honor;
  label: string;
  kind: 'title' | 'form';
  eligible: boolean | null;
  regime: Regime;
  year: number;
  reasons: Reason[];
  money: Money | null;
}
export interface Eligibility {
  subject: { kind: SubjectKind; id: string; name: string };
  regime: Regime;
  year: number;
  decisionDate: string;
  appliedOverrides: string[];
  members: number | null;
  results: HonorResult[];
}

export interface RatingRec { id: string; year: number; rating: Rating; ratingLabel: string; note: string | null; source: string; version: number }
export interface HonorRec {
  id: string;
  year: number;
  honor: Honor;
  honorLabel: string;
  type: string;
  typeLabel: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  issuer: string | null;
  amount: number | null;
  revoked: boolean;
  revokedReason: string | null;
  source: string;
  note: string | null;
  version: number;
}
export interface InitiativeRec {
  id: string;
  unitId: string;
  title: string;
  year: number;
  scope: string;
  scopeLabel: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  issuer: string | null;
  usedForAwardId: string | null;
  used: boolean;
  authors: { personId: string; fullName: string }[];
  version: number;
}
export interface DisciplineRec { id: string; year: number; level: string; levelLabel: string; decisionNumber: string | null; decisionDate: string | null; note: string | null; version: number }
export interface FactRec { id: string; year: number; fact: string; factLabel: string; note: string | null }
export interface Records {
  subject: { kind: 'individual' | 'collective'; id: string; name: string; unitId: string; unitName: string };
  years: number[];
  ratings: RatingRec[];
  honors: HonorRec[];
  initiatives: InitiativeRec[];
  disciplines: DisciplineRec[];
  facts: FactRec[];
  abilities: ('read' | 'write' | 'import')[];
}

export interface QuotaUse { honor: Honor; of: Honor; share: number; baseCount: number; cap: number; candidates: number; over: number; withinCap: boolean; article: string; verified: boolean; text: string }
export interface Candidates {
  unit: { id: string; name: string };
  regime: Regime;
  year: number;
  decisionDate: string;
  appliedOverrides: string[];
  summary: { honor: Honor; eligible: number; undetermined: number; ineligible: number }[];
  quotas: QuotaUse[];
  results: { id: string; kind: 'individual' | 'collective'; name: string; unitId: string; unitName: string; outcomes: { honor: Honor; eligible: boolean | null; reasons?: Reason[] }[] }[];
}

export interface CriterionView { rule: string; kind: string; text: string; article: string; verified: boolean; note?: string; of?: CriterionView[] }
export interface Sourced { article: string; verified: boolean; note?: string }
export interface HonorView {
  honor: Honor;
  label: string;
  short: string;
  kind: 'title' | 'form';
  subjects: { subject: SubjectKind; label: string; criteria: CriterionView[]; money: (Sourced & { coefficient: number; isCap: boolean; example: { text: string } | null }) | null }[];
  vote: (Sourced & { share: number; secretBallot: boolean; text: string }) | null;
  quota: (Sourced & { of: Honor; share: number; text: string }) | null;
  authority: Sourced & { who: { code: string; label: string }[] };
  overridable: { criteria: 'replace' | 'add' | 'none'; coefficient: boolean };
  notes: string[];
  unverifiedCount: number;
  overriddenBy: string[];
}
export interface PackView {
  regime: Regime;
  label: string;
  decisionsFrom: string | null;
  decisionsTo: string | null;
  asOf: string;
  inForceToday: boolean;
  rounding: { text: string; article: string; verified: boolean };
  baseSalary: (Sourced & { from: string; amount: number })[];
  deadlines: (Sourced & { id: string; label: string })[];
  appliedOverrides: string[];
  overrides: { id: string; version: number; title: string | null; basis: string | null; agency: string; effectiveFrom: string; effectiveTo: string | null; honors: Honor[] }[];
  honors: HonorView[];
}
export interface OverrideItem { id: string; unitName: string; overrideId: string; version: number; effectiveFrom: string; effectiveTo: string | null; createdAt: string; override: { title?: string; basis?: string; agency: string } }

export interface ImportPreviewRows {
  kind: 'ratings' | 'honors';
  total: number;
  valid: number;
  invalid: number;
  rows: { row: number; values: Record<string, string>; subjectName: string | null; ok: boolean; errors: string[]; warnings: string[] }[];
}

export type SubjectRef = { kind: 'person' | 'unit'; id: string };
const byId = (id: string) => ({ params: { path: { id } } });
const yearOf = (id: string, year: number) => ({ params: { path: { id, year } } });

export const getRecords = (s: SubjectRef) => call<Records>(s.kind === 'person' ? client.GET('/api/people/{id}/records', byId(s.id)) : client.GET('/api/units/{id}/records', byId(s.id)));
export const getEligibility = (s: SubjectRef, query: QueryOf<'/api/people/{id}/eligibility'>) =>
  call<Eligibility>(s.kind === 'person' ? client.GET('/api/people/{id}/eligibility', { params: { path: { id: s.id }, query } }) : client.GET('/api/units/{id}/eligibility', { params: { path: { id: s.id }, query } }));
export const setRating = (s: SubjectRef, year: number, rating: BodyOf<'/api/people/{id}/ratings/{year}', 'put'>['rating'], version?: number) => {
  const body = { rating, ...(version ? { version } : {}) };
  return call<RatingRec>(s.kind === 'person' ? client.PUT('/api/people/{id}/ratings/{year}', { ...yearOf(s.id, year), body }) : client.PUT('/api/units/{id}/ratings/{year}', { ...yearOf(s.id, year), body }));
};
export const removeRating = (s: SubjectRef, year: number) =>
  call<unknown>(s.kind === 'person' ? client.DELETE('/api/people/{id}/ratings/{year}', yearOf(s.id, year)) : client.DELETE('/api/units/{id}/ratings/{year}', yearOf(s.id, year)));
export const addHonor = (body: BodyOf<'/api/records/honors'>) => call<HonorRec>(client.POST('/api/records/honors', { body }));
export const revokeHonor = (id: string, reason: string) => call<HonorRec>(client.POST('/api/records/honors/{id}/revoke', { ...byId(id), body: { reason } }));
export const removeHonor = (id: string) => call<unknown>(client.DELETE('/api/records/honors/{id}', byId(id)));
export const addInitiative = (body: BodyOf<'/api/records/initiatives'>) => call<InitiativeRec>(client.POST('/api/records/initiatives', { body }));
export const removeInitiative = (id: string) => call<unknown>(client.DELETE('/api/records/initiatives/{id}', byId(id)));
export const addDiscipline = (body: BodyOf<'/api/records/disciplines'>) => call<DisciplineRec>(client.POST('/api/records/disciplines', { body }));
export const removeDiscipline = (id: string) => call<unknown>(client.DELETE('/api/records/disciplines/{id}', byId(id)));
export const getCandidates = (query: QueryOf<'/api/candidates'>) => call<Candidates>(client.GET('/api/candidates', { params: { query } }));
export const evaluateRule = (body: BodyOf<'/api/rules/evaluate'>, withOverrides: boolean) =>
  call<{ eligible: boolean | null; regime: Regime; reasons: Reason[]; money: Money | null; appliedOverrides: string[] }>(client.POST('/api/rules/evaluate', { params: { query: { withOverrides: withOverrides ? 'true' : undefined } }, body }));
export const getPack = (regime: Regime, asOf?: string) => call<PackView>(client.GET('/api/rules/packs/{regime}', { params: { path: { regime }, query: { asOf } } }));
export const listOverrides = () => call<{ items: OverrideItem[] }>(client.GET('/api/rules/overrides'));
/** Issues an agency override from the JSON the user wrote; the server validates it and answers in Vietnamese. */
export const createOverride = (override: unknown) =>
  call<{ id: string }>(client.POST('/api/rules/overrides', { body: { override: override as BodyOf<'/api/rules/overrides'>['override'] } }));

function importForm(kind: 'ratings' | 'honors', file: File, skipInvalid?: boolean): FormData {
  // Text fields go before the file: the server reads fields that precede the file part.
  const form = new FormData();
  form.append('kind', kind);
  if (skipInvalid !== undefined) form.append('skipInvalid', String(skipInvalid));
  form.append('file', file, file.name);
  return form;
}
export const previewRecordImport = (kind: 'ratings' | 'honors', file: File) => call<ImportPreviewRows>(client.POST('/api/records/import/preview', multipart(importForm(kind, file))));
export const commitRecordImport = (kind: 'ratings' | 'honors', file: File) =>
  call<{ imported: number; skipped: number; replaced: number }>(client.POST('/api/records/import/commit', multipart(importForm(kind, file, true))));

/** The record abilities of the signed-in user (the session carries every resource's abilities). */
export function recordAbilities(user: Me): { read: boolean; write: boolean; import: boolean; createOverride: boolean } {
  const all = user.abilities as unknown as Record<string, string[] | undefined>;
  const rec = all.record ?? [];
  return { read: rec.includes('read'), write: rec.includes('write'), import: rec.includes('import'), createOverride: (all.ruleOverride ?? []).includes('create') };
}

export const exportCandidates = (q: { unitId: string; year?: number; honor?: string; decisionDate?: string }) => downloadPath('/api/candidates/export.xlsx', q, 'danh-sach-du-dieu-kien.xlsx');
