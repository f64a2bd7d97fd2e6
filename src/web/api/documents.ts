/** Official documents: templates, PDF capability, phôi calibration, certificates, Excel downloads. */
import { call, client, download, multipart, type QueryOf } from './client';
import type { Me } from './types';
import type { paths } from './schema';

/** The kinds of official document that have a DOCX template, as the contract lists them. */
export type TemplateKind = paths['/api/templates/{kind}/versions']['get']['parameters']['path']['kind'];

export interface TemplateInForce {
  source: 'own' | 'inherited' | 'default';
  unitId: string | null;
  unitName: string | null;
  templateId: string | null;
  version: number | null;
  fileName: string | null;
  createdAt: string | null;
}

export interface TemplateItem {
  kind: TemplateKind;
  label: string;
  inForce: TemplateInForce;
  versionCount: number;
  fields: { name: string; type: 'text' | 'list' | 'table'; label: string; columns?: Record<string, string> }[];
}

export interface TemplateList {
  unit: { id: string; name: string };
  canWrite: boolean;
  pdf: boolean;
  items: TemplateItem[];
}

export interface TemplateVersion {
  id: string;
  version: number;
  fileName: string | null;
  size: number | null;
  createdAt: string;
  createdAtText: string;
  createdBy: string | null;
  isRevert: boolean;
}

export interface FieldPosition {
  x: number;
  y: number;
  width: number;
  fontSize: number;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  italic?: boolean;
  lines?: number;
  color?: string;
}

export type Calibration = {
  pageWidth: number;
  pageHeight: number;
  offsetX: number;
  offsetY: number;
  fields: Record<string, FieldPosition | undefined>;
  qr?: { x: number; y: number; size: number };
};

export interface CalibrationState {
  unitId: string;
  calibration: Calibration;
  version: number;
  saved: boolean;
  fieldLabels: Record<string, string>;
  canWrite: boolean;
}

export interface PublicCertificate {
  code: string;
  honor: string;
  recipientName: string;
  decisionNumber: string;
  decisionDate: string;
  decisionDateText: string;
  issuer: string;
  registerNumber: string;
  revoked: boolean;
  status: string;
}

export interface RegisteredCertificate {
  id: string;
  registerNumber: string;
  code: string;
  verificationUrl: string;
  honorLabel: string;
  recipientName: string;
  recipientDetail: string | null;
  decisionId: string | null;
  decisionNumber: string;
  decisionDate: string;
  revoked: boolean;
  revokedReason: string | null;
}

export const listCertificates = (query: QueryOf<'/api/certificates'>) => call<{ items: RegisteredCertificate[] }>(client.GET('/api/certificates', { params: { query } }));
export const issueDecisionCertificates = (decisionId: string) => call<{ created: number; reused: number }>(client.POST('/api/decisions/{id}/certificates', { params: { path: { id: decisionId } } }));

export const getCapabilities = () => call<{ pdf: boolean; message: string | null }>(client.GET('/api/documents/capabilities'));
export const getTemplates = () => call<TemplateList>(client.GET('/api/templates'));
export const getTemplateVersions = (kind: TemplateKind) => call<{ items: TemplateVersion[] }>(client.GET('/api/templates/{kind}/versions', { params: { path: { kind } } }));
export const revertTemplate = (kind: TemplateKind) => call<{ inForce: TemplateInForce }>(client.POST('/api/templates/{kind}/revert', { params: { path: { kind } }, body: {} }));
export function uploadTemplate(kind: TemplateKind, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return call<{ version: number }>(client.POST('/api/templates/{kind}', { params: { path: { kind } }, ...multipart(form) }));
}
export const getCalibration = () => call<CalibrationState>(client.GET('/api/certificates/calibration'));
export const saveCalibration = (calibration: Calibration, version: number) => call<{ version: number }>(client.PUT('/api/certificates/calibration', { body: { calibration, version } }));
export const getPublicCertificate = (code: string) => call<PublicCertificate>(client.GET('/api/public/certificates/{code}', { params: { path: { code } } }));

/** Template permissions of the signed-in user (the server enforces them anyway). */
export function templateAbilities(user: Me): { read: boolean; write: boolean; certificates: boolean; issue: boolean } {
  const all = user.abilities as unknown as Record<string, string[] | undefined>;
  const t = all.template ?? [];
  const c = all.certificate ?? [];
  return { read: t.includes('read'), write: t.includes('write'), certificates: c.includes('read') && (all.decision ?? []).includes('read'), issue: c.includes('issue') };
}

export const exportCertificates = (q: QueryOf<'/api/certificates/export.xlsx'>) => download(client.GET('/api/certificates/export.xlsx', { params: { query: q }, parseAs: 'blob' }), 'so-giay-khen.xlsx');
export const printCertificates = (decisionId: string, mode: 'full' | 'blank') =>
  download(client.GET('/api/decisions/{id}/certificates.pdf', { params: { path: { id: decisionId }, query: { mode } }, parseAs: 'blob' }), 'giay-khen.pdf');
export const downloadTemplate = (kind: TemplateKind, q: QueryOf<'/api/templates/{kind}/download'> = {}) =>
  download(client.GET('/api/templates/{kind}/download', { params: { path: { kind }, query: q }, parseAs: 'blob' }), 'mau.docx');
export const previewTemplate = (kind: TemplateKind, format: 'docx' | 'pdf' = 'docx') =>
  download(client.GET('/api/templates/{kind}/preview', { params: { path: { kind }, query: { format } }, parseAs: 'blob' }), format === 'pdf' ? 'xem-truoc.pdf' : 'xem-truoc.docx');
export const downloadCalibrationTest = () => download(client.GET('/api/certificates/calibration/test.pdf', { parseAs: 'blob' }), 'in-thu.pdf');
