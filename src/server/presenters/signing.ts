/** Digital signing → API JSON: credentials, the trust store, a decision's signature panel, a verification report. */
import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { CredentialSummary, SignatureRow, TrustRow } from '../repositories/signing.js';
import type { PdfVerification } from '../signing/verify.js';
import { certificateSignatureAbilities, copySignatureAbilities, decisionSignatureAbilities, type SignState } from '../policies/signature.js';

const KIND_LABELS = { personal: 'Cá nhân (người có thẩm quyền)', organisation: 'Cơ quan, tổ chức (con dấu)' } as const;
const CUSTODY_LABELS = { server: 'Tệp PKCS#12 lưu trên máy chủ', token: 'Thiết bị ký (USB token)', remote: 'Dịch vụ ký số từ xa' } as const;
const STATE_LABELS: Record<SignState, string> = {
  unsigned: 'Chưa ký số',
  approved: 'Người có thẩm quyền đã ký số; chờ ký số của cơ quan',
  issued: 'Đã ký số và phát hành',
};
const TYPE_LABELS = { approve: 'Người có thẩm quyền ký', issue: 'Cơ quan ký phát hành' } as const;
const TRUST_LABELS = {
  anchor: 'Chứng thư gốc tin cậy',
  intermediate: 'Chứng thư trung gian',
  crl: 'Danh sách thu hồi (CRL)',
  crl_url: 'Địa chỉ tải CRL',
  ocsp_url: 'Máy chủ OCSP',
} as const;

export const credentialSchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    personId: z.uuid().nullable(),
    kind: z.enum(['personal', 'organisation']),
    kindLabel: z.string(),
    custody: z.enum(['server', 'token', 'remote']),
    custodyLabel: z.string(),
    /** A remote credential's provider and key id there (the API key is never shown). */
    providerUrl: z.string().nullable(),
    providerKeyId: z.string().nullable(),
    label: z.string(),
    commonName: z.string(),
    organisation: z.string().nullable(),
    serial: z.string(),
    issuer: z.string(),
    notBefore: z.string(),
    notAfter: z.string(),
    sealMm: z.number().int().nullable(),
    hasImage: z.boolean(),
    disabled: z.boolean(),
    /** Past its validity at the server's clock. */
    expired: z.boolean(),
  })
  .meta({ id: 'SigningCredential' });

export function presentCredential(c: CredentialSummary, at: Date): z.infer<typeof credentialSchema> {
  const kind = c.kind as keyof typeof KIND_LABELS;
  const custody = c.custody as keyof typeof CUSTODY_LABELS;
  return {
    id: c.id,
    unitId: c.unitId,
    unitName: c.unitName,
    personId: c.personId,
    kind,
    kindLabel: KIND_LABELS[kind],
    custody,
    custodyLabel: CUSTODY_LABELS[custody],
    providerUrl: c.providerUrl,
    providerKeyId: c.providerKeyId,
    label: c.label,
    commonName: c.commonName,
    organisation: c.organisation,
    serial: c.serial,
    issuer: c.issuer,
    notBefore: c.notBefore.toISOString(),
    notAfter: c.notAfter.toISOString(),
    sealMm: c.sealMm,
    hasImage: c.hasImage,
    disabled: c.disabledAt !== null,
    expired: c.notAfter.getTime() < at.getTime(),
  };
}

export const trustEntrySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['anchor', 'intermediate', 'crl', 'crl_url', 'ocsp_url']),
    kindLabel: z.string(),
    label: z.string(),
    subject: z.string(),
    /** An online source's address (crl_url, ocsp_url). */
    url: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'TrustEntry' });

export function presentTrustEntry(t: TrustRow): z.infer<typeof trustEntrySchema> {
  const kind = t.kind as keyof typeof TRUST_LABELS;
  return { id: t.id, kind, kindLabel: TRUST_LABELS[kind], label: t.label, subject: t.subject, url: t.url, createdAt: t.createdAt.toISOString() };
}

export const verificationSchema = z
  .object({
    valid: z.boolean(),
    signatures: z.array(
      z.object({
        index: z.number().int(),
        valid: z.boolean(),
        signerName: z.string().nullable(),
        organisation: z.string().nullable(),
        serial: z.string().nullable(),
        issuer: z.string().nullable(),
        signingTime: z.string().nullable(),
        intact: z.boolean(),
        coversDocument: z.boolean(),
        trusted: z.boolean(),
        validAtSigningTime: z.boolean(),
        revocation: z.enum(['good', 'revoked', 'unknown']),
        revocationLabel: z.string(),
        problems: z.array(z.string()),
      }),
    ),
    /** One sentence for the page: what a recipient needs to know. */
    summary: z.string(),
  })
  .meta({ id: 'SignatureVerification' });

const REVOCATION_LABELS = { good: 'Chưa bị thu hồi', revoked: 'Đã bị thu hồi', unknown: 'Chưa kiểm tra được tình trạng thu hồi' } as const;

/** "Chưa bị thu hồi (đã kiểm tra OCSP)", or why it could not be checked. */
function revocationLabel(s: PdfVerification['signatures'][number]): string {
  const source = s.revocationSource === 'ocsp' ? ' (đã kiểm tra OCSP)' : s.revocationSource === 'crl' ? ' (đã kiểm tra CRL)' : '';
  const notes = s.revocation === 'unknown' && s.revocationNotes.length ? `: ${s.revocationNotes.join(' ')}` : '';
  return `${REVOCATION_LABELS[s.revocation]}${source}${notes}`;
}

export function presentVerification(v: PdfVerification): z.infer<typeof verificationSchema> {
  const n = v.signatures.length;
  return {
    valid: v.valid,
    signatures: v.signatures.map((s) => ({
      index: s.index,
      valid: s.valid,
      signerName: s.certificate?.commonName ?? null,
      organisation: s.certificate?.organisation ?? null,
      serial: s.certificate?.serial ?? null,
      issuer: s.certificate?.issuer ?? null,
      signingTime: s.signingTime?.toISOString() ?? null,
      intact: s.intact,
      coversDocument: s.coversDocument,
      trusted: s.trusted,
      validAtSigningTime: s.validAtSigningTime,
      revocation: s.revocation,
      revocationLabel: revocationLabel(s),
      problems: s.problems,
    })),
    summary:
      n === 0
        ? 'Tệp không có chữ ký số.'
        : v.valid
          ? `Tệp có ${n} chữ ký số, tất cả hợp lệ: nội dung không bị thay đổi sau khi ký.`
          : `Tệp có ${n} chữ ký số, có chữ ký không hợp lệ — xem chi tiết từng chữ ký.`,
  };
}

export const signaturePanelSchema = z
  .object({
    state: z.enum(['unsigned', 'approved', 'issued']),
    stateLabel: z.string(),
    abilities: z.array(z.enum(['approve', 'issue', 'download'])),
    signatures: z.array(
      z.object({
        type: z.enum(['approve', 'issue']),
        typeLabel: z.string(),
        via: z.enum(['pkcs12', 'token', 'remote']),
        signerName: z.string(),
        organisation: z.string().nullable(),
        serial: z.string(),
        issuer: z.string(),
        signedAt: z.string(),
      }),
    ),
    verification: verificationSchema.nullable(),
    /** The credentials the actor may use for the next step (theirs, or the agency's). */
    credentials: z.array(credentialSchema),
    /** The decision's own state: 'signing' waits for the agency's signature to take effect. */
    decisionStatus: z.string(),
    decisionStatusLabel: z.string(),
    /** The Giấy khen, Bằng khen registered for the decision and how far they are signed. */
    certificates: z.object({
      total: z.number().int(),
      approved: z.number().int(),
      issued: z.number().int(),
      abilities: z.array(z.enum(['approve', 'issue'])),
    }),
    /** The agency's electronic copy (bản sao điện tử). */
    copy: z.object({ abilities: z.array(z.enum(['sign', 'download'])), signedAt: z.string().nullable() }),
    /** Every credential the actor may sign with here (their own personal ones, the agency's). */
    usableCredentials: z.array(credentialSchema),
  })
  .meta({ id: 'SignaturePanel' });

const DECISION_STATUS_LABELS: Record<string, string> = {
  issued: 'Có hiệu lực',
  signing: 'Chờ ký số phát hành: quyết định có hiệu lực khi cơ quan ký số',
  revoked: 'Đã hủy bỏ (các chữ ký số được giữ nguyên)',
};

export interface PanelExtras {
  certificates: { total: number; approved: number; issued: number };
  copySignedAt: Date | null;
}

export function presentSignaturePanel(
  actor: Actor,
  d: { kind: string; status: string },
  state: SignState,
  signatures: SignatureRow[],
  verification: PdfVerification | null,
  credentials: CredentialSummary[],
  at: Date,
  extras: PanelExtras,
): z.infer<typeof signaturePanelSchema> {
  const abilities = decisionSignatureAbilities(actor, d, state);
  const next = abilities.includes('approve') ? 'personal' : abilities.includes('issue') ? 'organisation' : null;
  return {
    state,
    stateLabel: STATE_LABELS[state],
    abilities,
    signatures: signatures.map((s) => ({
      type: s.type as 'approve' | 'issue',
      typeLabel: TYPE_LABELS[s.type as 'approve' | 'issue'],
      via: s.via as 'pkcs12' | 'token' | 'remote',
      signerName: s.signerName,
      organisation: s.organisation,
      serial: s.serial,
      issuer: s.issuer,
      signedAt: s.signedAt.toISOString(),
    })),
    verification: verification ? presentVerification(verification) : null,
    credentials: credentials
      .filter((c) => c.kind === next && !c.disabledAt && c.notAfter.getTime() >= at.getTime() && (next === 'organisation' || c.personId === actor.personId))
      .map((c) => presentCredential(c, at)),
    decisionStatus: d.status,
    decisionStatusLabel: DECISION_STATUS_LABELS[d.status] ?? d.status,
    certificates: { ...extras.certificates, abilities: certificateSignatureAbilities(actor, d, extras.certificates) },
    copy: { abilities: copySignatureAbilities(actor, state, extras.copySignedAt !== null), signedAt: extras.copySignedAt?.toISOString() ?? null },
    usableCredentials: credentials
      .filter((c) => !c.disabledAt && c.notAfter.getTime() >= at.getTime() && (c.kind === 'organisation' || c.personId === actor.personId))
      .map((c) => presentCredential(c, at)),
  };
}
