/** Official documents → API JSON: templates and their versions, phôi calibration, the sổ vàng, the public certificate check. */
import { z } from 'zod';
import type { PdfVerification } from '../signing/verify.js';
import type { Actor } from '../auth/actor.js';
import type { CertificateRow } from '../repositories/certificates.js';
import type { TemplateInForce } from '../repositories/templates.js';
import { registerNumberText, verificationUrl } from '../commands/certificates.js';
import { certificateAbilities, CERTIFICATE_ABILITIES } from '../policies/certificate.js';
import { templateAbilities, TEMPLATE_ABILITIES } from '../policies/template.js';
import { calibrationSchema, FIELD_CATALOGS, TEMPLATE_KINDS, TEMPLATE_KIND_LABELS, type TemplateKind } from '../documents/index.js';
import { formatDateTimeVi } from './exports.js';
import { dateVn } from '../clock.js';
import { formatDateVi } from '../../shared/format-vi.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export const capabilitiesSchema = z.object({ pdf: z.boolean().describe('Máy chủ có LibreOffice để xuất PDF'), message: z.string().nullable() });

// ------------------------------------------------------------------ templates

export const templateInForceSchema = z
  .object({
    source: z.enum(['own', 'inherited', 'default']),
    unitId: z.uuid().nullable(),
    unitName: z.string().nullable(),
    templateId: z.uuid().nullable(),
    version: z.number().int().nullable(),
    fileName: z.string().nullable(),
    createdAt: z.string().nullable(),
  })
  .meta({ id: 'TemplateInForce' });

export const templateItemSchema = z
  .object({
    kind: z.enum(TEMPLATE_KINDS),
    label: z.string(),
    inForce: templateInForceSchema,
    versionCount: z.number().int(),
    fields: z.array(
      z.object({ name: z.string(), type: z.enum(['text', 'list', 'table']), label: z.string(), columns: z.record(z.string(), z.string()).optional() }),
    ),
    abilities: z.array(z.enum(TEMPLATE_ABILITIES)).describe('Các thao tác tài khoản được làm với mẫu này của đơn vị'),
  })
  .meta({ id: 'TemplateItem' });

/** The template kinds of a unit: a small fixed set, always whole. */
export const templateListSchema = z.object({
  unit: z.object({ id: z.uuid(), name: z.string() }),
  canWrite: z.boolean(),
  pdf: z.boolean(),
  items: z.array(templateItemSchema),
  total: z.number().int(),
});

export const templateVersionSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    fileName: z.string().nullable(),
    size: z.number().int().nullable(),
    sha256: z.string().nullable(),
    tags: z.array(z.string()).nullable(),
    createdAt: z.string(),
    createdAtText: z.string(),
    createdBy: z.string().nullable(),
    isRevert: z.boolean(),
  })
  .meta({ id: 'TemplateVersion' });
export const templateVersionListSchema = z.object({ items: z.array(templateVersionSchema), total: z.number().int() });

export const uploadedTemplateSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  version: z.number().int(),
  fileName: z.string().nullable(),
  size: z.number().int().nullable(),
  tags: z.array(z.string()).nullable(),
  createdAt: z.string(),
});
export const revertedTemplateSchema = z.object({ kind: z.enum(TEMPLATE_KINDS), inForce: templateInForceSchema });

export function presentInForce(t: TemplateInForce): z.infer<typeof templateInForceSchema> {
  return { ...t, createdAt: iso(t.createdAt) };
}

export function presentTemplateItem(actor: Actor, kind: TemplateKind, inForce: TemplateInForce, versionCount: number): z.infer<typeof templateItemSchema> {
  return {
    kind,
    label: TEMPLATE_KIND_LABELS[kind],
    inForce: presentInForce(inForce),
    versionCount,
    fields: Object.entries(FIELD_CATALOGS[kind]).map(([name, spec]) => ({
      name,
      type: spec.type,
      label: spec.label,
      ...(spec.type === 'table' ? { columns: spec.columns } : {}),
    })),
    abilities: templateAbilities(actor, inForce),
  };
}

export function presentTemplateVersion(r: {
  id: string;
  version: number;
  fileName: string | null;
  size: number | null;
  sha256: string | null;
  tags: string[] | null;
  createdAt: Date;
  createdBy: string | null;
  isRevert: boolean;
}): z.infer<typeof templateVersionSchema> {
  return { ...r, createdAt: r.createdAt.toISOString(), createdAtText: formatDateTimeVi(r.createdAt) };
}

// ------------------------------------------------------------------ phôi calibration

export const calibrationStateSchema = z.object({
  unitId: z.uuid(),
  calibration: calibrationSchema,
  version: z.number().int(),
  saved: z.boolean().describe('Đơn vị đã lưu căn chỉnh riêng (nếu không: căn chỉnh mặc định)'),
  fieldLabels: z.record(z.string(), z.string()),
  canWrite: z.boolean(),
});
export const savedCalibrationSchema = z.object({ calibration: calibrationSchema, version: z.number().int() });

// ------------------------------------------------------------------ sổ vàng

export const certificateSchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    number: z.number().int(),
    year: z.number().int(),
    registerNumber: z.string().describe('Số sổ vàng như in trên giấy: 12/2026'),
    code: z.string().describe('Mã xác minh in kèm mã QR'),
    verificationUrl: z.string(),
    honor: z.string(),
    honorLabel: z.string(),
    recipientName: z.string(),
    recipientDetail: z.string().nullable(),
    decisionId: z.uuid().nullable(),
    awardeeId: z.uuid().nullable(),
    decisionNumber: z.string(),
    decisionDate: z.string(),
    issuerName: z.string(),
    revoked: z.boolean(),
    revokedReason: z.string().nullable(),
    revokedAt: z.string().nullable(),
    createdAt: z.string(),
    signState: z.enum(['unsigned', 'approved', 'issued']).describe('Bản điện tử: chưa ký số, người có thẩm quyền đã ký, cơ quan đã ký phát hành'),
    abilities: z.array(z.enum(CERTIFICATE_ABILITIES)).describe('Các thao tác tài khoản được làm với Giấy khen/Bằng khen này'),
  })
  .meta({ id: 'Certificate' });
export const certificateListSchema = z.object({ items: z.array(certificateSchema), total: z.number().int() });
export const issuedCertificatesSchema = z.object({
  created: z.number().int(),
  reused: z.number().int(),
  items: z.array(certificateSchema),
  total: z.number().int(),
});

export function presentCertificate(
  c: CertificateRow,
  actor: Actor,
  publicUrl: string,
  signState: string | undefined = undefined,
): z.infer<typeof certificateSchema> {
  return {
    id: c.id,
    unitId: c.unitId,
    number: c.number,
    year: c.year,
    registerNumber: registerNumberText(c),
    code: c.code,
    verificationUrl: verificationUrl(publicUrl, c.code),
    honor: c.honor,
    honorLabel: c.honorLabel,
    recipientName: c.recipientName,
    recipientDetail: c.recipientDetail,
    decisionId: c.decisionId,
    awardeeId: c.awardeeId,
    decisionNumber: c.decisionNumber,
    decisionDate: c.decisionDate,
    issuerName: c.issuerName,
    revoked: c.revoked,
    revokedReason: c.revokedReason,
    revokedAt: iso(c.revokedAt),
    createdAt: c.createdAt.toISOString(),
    signState: signState === 'approved' || signState === 'issued' ? signState : 'unsigned',
    abilities: certificateAbilities(actor, c),
  };
}

/** What anyone holding the paper may learn: only what the certificate itself shows. */
export const publicCertificateSchema = z
  .object({
    code: z.string(),
    honor: z.string(),
    recipientName: z.string(),
    decisionNumber: z.string(),
    decisionDate: z.string(),
    decisionDateText: z.string(),
    issuer: z.string(),
    registerNumber: z.string(),
    revoked: z.boolean(),
    status: z.string().describe('Tình trạng, bằng lời'),
    /** The electronic certificate the agency signed, checked now; null = issued on paper only. */
    signature: z
      .object({
        valid: z.boolean(),
        signers: z.array(z.object({ name: z.string(), organisation: z.string().nullable(), signedAt: z.string() })),
        problems: z.array(z.string()),
        /** The signed PDF may be downloaded (signed by the agency, certificate in force). */
        downloadable: z.boolean(),
      })
      .nullable(),
  })
  .meta({ id: 'PublicCertificate' });

export interface PublicCertificateSignature {
  state: string;
  verification: PdfVerification;
}

export function presentPublicCertificate(r: CertificateRow, signed: PublicCertificateSignature | null = null): z.infer<typeof publicCertificateSchema> {
  return {
    signature: signed
      ? {
          valid: signed.verification.valid,
          signers: signed.verification.signatures.map((s) => ({
            name: s.certificate?.commonName ?? 'Không xác định',
            organisation: s.certificate?.organisation ?? null,
            signedAt: s.signingTime?.toISOString() ?? '',
          })),
          problems: [...new Set(signed.verification.signatures.flatMap((s) => s.problems))],
          downloadable: signed.state === 'issued' && !r.revoked,
        }
      : null,
    code: r.code,
    honor: r.honorLabel,
    recipientName: r.recipientName,
    decisionNumber: r.decisionNumber,
    decisionDate: r.decisionDate,
    decisionDateText: formatDateVi(r.decisionDate),
    issuer: r.issuerName,
    registerNumber: registerNumberText(r),
    revoked: r.revoked,
    // A Giấy chứng nhận sáng kiến shares the register and the QR page with the award certificates.
    status: r.revoked
      ? `${r.honor === 'SANG_KIEN' ? r.honorLabel : 'Giấy khen/Bằng khen'} này đã bị hủy bỏ${r.revokedAt ? ` từ ngày ${formatDateVi(dateVn(r.revokedAt))}` : ''}.`
      : r.honor === 'SANG_KIEN'
        ? `${r.honorLabel} này có trong sổ đăng ký của ${r.issuerName} và còn hiệu lực.`
        : 'Giấy khen/Bằng khen này có trong sổ vàng và còn hiệu lực.',
  };
}
