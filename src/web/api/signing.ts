/** Digital signing (ký số): a decision's signatures, signers' credentials, the trust store, verification. */
import { call, client, download, multipart } from './client';
import type { Me } from './auth';
import type { components } from './schema';

type S = components['schemas'];
export type SignaturePanel = S['SignaturePanel'];
export type SigningCredential = S['SigningCredential'];
export type TrustEntry = S['TrustEntry'];
export type SignatureVerification = S['SignatureVerification'];
export type SignType = 'approve' | 'issue';

const byId = (id: string) => ({ params: { path: { id } } });

export const getDecisionSignatures = (id: string) => call(client.GET('/api/decisions/{id}/signatures', byId(id)));
export const signDecision = (id: string, type: SignType, credentialId: string) =>
  call(client.POST('/api/decisions/{id}/sign', { ...byId(id), body: { type, credentialId } }));
export const startExternalSigning = (id: string, type: SignType, credentialId: string) =>
  call(client.POST('/api/decisions/{id}/sign/external', { ...byId(id), body: { type, credentialId } }));
export const downloadSignedDecision = (id: string, name: string) =>
  download(client.GET('/api/decisions/{id}/signed.pdf', { ...byId(id), parseAs: 'blob' }), name);

export const signDecisionCertificates = (id: string, type: SignType, credentialId: string, limit: number) =>
  call(client.POST('/api/decisions/{id}/certificates/sign', { ...byId(id), body: { type, credentialId, limit } }));
export type CopyForm = 'SAO_Y' | 'TRICH_SAO' | 'SAO_LUC';
export const signDecisionCopy = (id: string, credentialId: string, form: CopyForm) =>
  call(client.POST('/api/decisions/{id}/copy', { ...byId(id), body: { credentialId, form } }));
export const downloadDecisionCopy = (id: string, name: string) => download(client.GET('/api/decisions/{id}/copy.pdf', { ...byId(id), parseAs: 'blob' }), name);
export const downloadSignedCertificate = (id: string, name: string) =>
  download(client.GET('/api/certificates/{id}/signed.pdf', { ...byId(id), parseAs: 'blob' }), name);
export type SigningPolicy = S['SigningPolicy'];
export const getSigningPolicy = (unitId?: string) => call(client.GET('/api/signing/policy', { params: { query: unitId ? { unitId } : {} } }));
export const setSigningPolicy = (unitId: string, requireSignature: boolean) => call(client.PUT('/api/signing/policy', { body: { unitId, requireSignature } }));

function form(fields: Record<string, string | undefined>, file: File): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== '') f.append(k, v);
  f.append('file', file, file.name);
  return f;
}

export const verifyPdf = (file: File) => call(client.POST('/api/signatures/verify', multipart(form({}, file))));
export const listCredentials = () => call(client.GET('/api/signing/credentials'));
export const addCredential = (
  fields: {
    kind: string;
    custody: string;
    unitId: string;
    personId?: string;
    label: string;
    password?: string;
    sealMm?: string;
    providerUrl?: string;
    providerKeyId?: string;
    apiKey?: string;
  },
  file: File,
) => call(client.POST('/api/signing/credentials', multipart(form(fields, file))));
export const setCredentialImage = (id: string, file: File, sealMm?: string) =>
  call(client.POST('/api/signing/credentials/{id}/image', { ...byId(id), ...multipart(form({ sealMm }, file)) }));
export const disableCredential = (id: string) => call(client.POST('/api/signing/credentials/{id}/disable', byId(id)));
export const listTrust = () => call(client.GET('/api/signing/trust'));
export const addTrust = (fields: { kind: string; label: string }, file: File) => call(client.POST('/api/signing/trust', multipart(form(fields, file))));
export const addTrustSource = (body: { kind: 'crl_url' | 'ocsp_url'; label: string; url: string }) => call(client.POST('/api/signing/trust/sources', { body }));
export const removeTrust = (id: string) => call(client.DELETE('/api/signing/trust/{id}', byId(id)));

/** What the signed-in user may do (the server decides each record; this only shapes the menu). */
export function signingAbilities(user: Me): { manage: boolean; verify: boolean } {
  const s = (user.abilities as unknown as Record<string, string[] | undefined>).signature ?? [];
  return { manage: s.includes('manage'), verify: s.includes('verify') };
}

/** The Tờ trình of a dossier, the Biên bản họp xét of a session: signed by the people they name. */
export type DocumentSignaturePanel = S['DocumentSignaturePanel'];
export type SignableKind = DocumentSignaturePanel['kind'];
const byDoc = (kind: SignableKind, id: string) => ({ params: { path: { kind, id } } });
export const getDocumentSignatures = (kind: SignableKind, id: string) => call(client.GET('/api/signed-documents/{kind}/{id}', byDoc(kind, id)));
export const signDocument = (kind: SignableKind, id: string, body: { step: 'sign' | 'seal'; credentialId: string; so?: string }) =>
  call(client.POST('/api/signed-documents/{kind}/{id}/sign', { ...byDoc(kind, id), body }));
export const downloadSignedDocument = (kind: SignableKind, id: string, name: string) =>
  download(client.GET('/api/signed-documents/{kind}/{id}/signed.pdf', { ...byDoc(kind, id), parseAs: 'blob' }), name);
