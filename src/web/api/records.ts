/** Records, eligibility, candidates, rule packs and overrides (see src/server/routes/records, rules). */
import { api, downloadPath } from './client';
import type { Me } from './types';
import type { Honor, Regime, SubjectKind } from '../../shared/codes';

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

export interface RatingRec { id: string; year: number; rating: string; ratingLabel: string; note: string | null; source: string; version: number }
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
const base = (s: SubjectRef) => (s.kind === 'person' ? `/api/people/${s.id}` : `/api/units/${s.id}`);

export const getRecords = (s: SubjectRef) => api.get<Records>(`${base(s)}/records`);
export const getEligibility = (s: SubjectRef, q: { year?: number; decisionDate?: string }) => api.get<Eligibility>(`${base(s)}/eligibility`, q);
export const setRating = (s: SubjectRef, year: number, rating: string, version?: number) => api.put<RatingRec>(`${base(s)}/ratings/${year}`, { rating, ...(version ? { version } : {}) });
export const removeRating = (s: SubjectRef, year: number) => api.del<void>(`${base(s)}/ratings/${year}`);
export const addHonor = (body: Record<string, unknown>) => api.post<HonorRec>('/api/records/honors', body);
export const revokeHonor = (id: string, reason: string) => api.post<HonorRec>(`/api/records/honors/${id}/revoke`, { reason });
export const removeHonor = (id: string) => api.del<void>(`/api/records/honors/${id}`);
export const addInitiative = (body: Record<string, unknown>) => api.post<InitiativeRec>('/api/records/initiatives', body);
export const removeInitiative = (id: string) => api.del<void>(`/api/records/initiatives/${id}`);
export const addDiscipline = (body: Record<string, unknown>) => api.post<DisciplineRec>('/api/records/disciplines', body);
export const removeDiscipline = (id: string) => api.del<void>(`/api/records/disciplines/${id}`);
export const getCandidates = (q: { unitId: string; year?: number; honor?: string; decisionDate?: string }) => api.get<Candidates>('/api/candidates', q);
export const evaluateRule = (body: unknown, withOverrides: boolean) => api.post<{ eligible: boolean | null; regime: Regime; reasons: Reason[]; money: Money | null; appliedOverrides: string[] }>(`/api/rules/evaluate${withOverrides ? '?withOverrides=true' : ''}`, body);
export const getPack = (regime: Regime, asOf?: string) => api.get<PackView>(`/api/rules/packs/${regime}`, { asOf });
export const listOverrides = () => api.get<{ items: OverrideItem[] }>('/api/rules/overrides');
export const createOverride = (override: unknown) => api.post<{ id: string }>('/api/rules/overrides', { override });

function importForm(kind: 'ratings' | 'honors', file: File, skipInvalid?: boolean): FormData {
  // Text fields go before the file: the server reads fields that precede the file part.
  const form = new FormData();
  form.append('kind', kind);
  if (skipInvalid !== undefined) form.append('skipInvalid', String(skipInvalid));
  form.append('file', file, file.name);
  return form;
}
export const previewRecordImport = (kind: 'ratings' | 'honors', file: File) => api.upload<ImportPreviewRows>('/api/records/import/preview', importForm(kind, file));
export const commitRecordImport = (kind: 'ratings' | 'honors', file: File) => api.upload<{ imported: number; skipped: number; replaced: number }>('/api/records/import/commit', importForm(kind, file, true));

/** The record abilities of the signed-in user (the session carries every resource's abilities). */
export function recordAbilities(user: Me): { read: boolean; write: boolean; import: boolean; createOverride: boolean } {
  const all = user.abilities as unknown as Record<string, string[] | undefined>;
  const rec = all.record ?? [];
  return { read: rec.includes('read'), write: rec.includes('write'), import: rec.includes('import'), createOverride: (all.ruleOverride ?? []).includes('create') };
}

export const exportCandidates = (q: { unitId: string; year?: number; honor?: string; decisionDate?: string }) => downloadPath('/api/candidates/export.xlsx', q, 'danh-sach-du-dieu-kien.xlsx');
