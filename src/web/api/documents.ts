/** Official documents: templates, PDF capability, phôi calibration, certificates, Excel downloads. */
import { call, client, download, multipart, type Answer, type QueryOf } from './client';
import type { Me } from './auth';
import type { components, paths } from './schema';

/** The kinds of official document that have a DOCX template, as the contract lists them. */
export type TemplateKind = paths['/api/templates/{kind}/versions']['get']['parameters']['path']['kind'];

type S = components['schemas'];
export type TemplateInForce = S['TemplateInForce'];
export type TemplateItem = S['TemplateItem'];
export type TemplateList = Answer<'/api/templates'>;
export type TemplateVersion = S['TemplateVersion'];
export type CalibrationState = Answer<'/api/certificates/calibration'>;
export type Calibration = CalibrationState['calibration'];
export type FieldPosition = NonNullable<Calibration['fields'][string]>;
export type PublicCertificate = S['PublicCertificate'];
export type RegisteredCertificate = S['Certificate'];

export const listCertificates = (query: QueryOf<'/api/certificates'>) =>
  call(client.GET('/api/certificates', { params: { query: { ...query, pageSize: 200 } } }));
export const issueDecisionCertificates = (decisionId: string) =>
  call(client.POST('/api/decisions/{id}/certificates', { params: { path: { id: decisionId } } }));

export const getCapabilities = () => call(client.GET('/api/documents/capabilities'));
export const getTemplates = () => call(client.GET('/api/templates'));
export const getTemplateVersions = (kind: TemplateKind) => call(client.GET('/api/templates/{kind}/versions', { params: { path: { kind } } }));
export const revertTemplate = (kind: TemplateKind) => call(client.POST('/api/templates/{kind}/revert', { params: { path: { kind } }, body: {} }));
export function uploadTemplate(kind: TemplateKind, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return call(client.POST('/api/templates/{kind}', { params: { path: { kind } }, ...multipart(form) }));
}
export const getCalibration = () => call(client.GET('/api/certificates/calibration'));
export const saveCalibration = (calibration: Calibration, version: number) =>
  call(client.PUT('/api/certificates/calibration', { body: { calibration, version } }));
export const getPublicCertificate = (code: string) => call(client.GET('/api/public/certificates/{code}', { params: { path: { code } } }));

/** Template permissions of the signed-in user (the server enforces them anyway). */
export function templateAbilities(user: Me): { read: boolean; write: boolean; certificates: boolean; issue: boolean } {
  const all = user.abilities as unknown as Record<string, string[] | undefined>;
  const t = all.template ?? [];
  const c = all.certificate ?? [];
  return {
    read: t.includes('read'),
    write: t.includes('write'),
    certificates: c.includes('read') && (all.decision ?? []).includes('read'),
    issue: c.includes('issue'),
  };
}

export const exportCertificates = (q: QueryOf<'/api/certificates/export.xlsx'>) =>
  download(client.GET('/api/certificates/export.xlsx', { params: { query: q }, parseAs: 'blob' }), 'so-giay-khen.xlsx');
export const printCertificates = (decisionId: string, mode: 'full' | 'blank') =>
  download(client.GET('/api/decisions/{id}/certificates.pdf', { params: { path: { id: decisionId }, query: { mode } }, parseAs: 'blob' }), 'giay-khen.pdf');
export const downloadTemplate = (kind: TemplateKind, q: QueryOf<'/api/templates/{kind}/download'> = {}) =>
  download(client.GET('/api/templates/{kind}/download', { params: { path: { kind }, query: q }, parseAs: 'blob' }), 'mau.docx');
export const previewTemplate = (kind: TemplateKind, format: 'docx' | 'pdf' = 'docx') =>
  download(
    client.GET('/api/templates/{kind}/preview', { params: { path: { kind }, query: { format } }, parseAs: 'blob' }),
    format === 'pdf' ? 'xem-truoc.pdf' : 'xem-truoc.docx',
  );
export const downloadCalibrationTest = () => download(client.GET('/api/certificates/calibration/test.pdf', { parseAs: 'blob' }), 'in-thu.pdf');
