/**
 * Signing a PDF: check the signer's certificate (usage, validity now, chain, revocation), add the
 * field with its Phụ lục I appearance as an incremental update, have the signer make the CMS, put it
 * in, and verify the result before anyone receives it.
 */
import { dateVn } from '../clock.js';
import { formatDateVi } from '../../shared/format-vi.js';
import { CertificateNotUsable, SignatureRejected } from './errors.js';
import type { CmsSigner } from './cms.js';
import { addSignatureField, coveredBytes, embedSignature, type FieldSpec, type PreparedPdf } from './pdf-field.js';
import { describeCertificate, type CertificateInfo } from './pkcs12.js';
import { chainAndRevocation, verifyPdf, type PdfVerification, type TrustStore } from './verify.js';

export type FieldRequest = Omit<FieldSpec, 'signingTime'>;

/** Refuse a certificate that may not sign now; answers its description. */
export async function assertMaySign(certificate: Buffer, chain: readonly Buffer[], trust: TrustStore, now: Date): Promise<CertificateInfo> {
  const info = describeCertificate(certificate);
  if (!info.maySign) throw new CertificateNotUsable('Chứng thư số không có mục đích sử dụng để ký (digitalSignature, nonRepudiation).');
  if (now.getTime() > info.notAfter.getTime()) throw new CertificateNotUsable(`Chứng thư số đã hết hạn ngày ${formatDateVi(dateVn(info.notAfter))}.`);
  if (now.getTime() < info.notBefore.getTime()) throw new CertificateNotUsable('Chứng thư số chưa đến ngày có hiệu lực.');
  // The same chain and revocation checks a recipient makes.
  const problem = await chainAndRevocation(certificate, chain, trust, now);
  if (problem) throw new CertificateNotUsable(problem);
  return info;
}

/** Step one of external signing: the PDF with its hole and the digest the client signs. */
export function prepareForSigning(pdf: Buffer, field: FieldRequest, now: Date): Promise<PreparedPdf> {
  return addSignatureField(pdf, { ...field, signingTime: now });
}

/** Step two: put the CMS in and accept the result only if it verifies as the last, whole-file signature. */
export async function completeSigning(
  prepared: PreparedPdf,
  cms: Buffer,
  trust: TrustStore,
  now: Date,
): Promise<{ pdf: Buffer; verification: PdfVerification }> {
  const pdf = embedSignature(prepared, cms);
  return { pdf, verification: await acceptSigned(pdf, trust, now) };
}

/** A signed PDF is accepted only when all its signatures verify. */
export async function acceptSigned(pdf: Buffer, trust: TrustStore, now: Date): Promise<PdfVerification> {
  const verification = await verifyPdf(pdf, trust, now);
  const bad = verification.signatures.find((s) => !s.valid);
  if (!verification.signatures.length) throw new SignatureRejected('Tệp không có chữ ký số.');
  if (bad) throw new SignatureRejected(`Chữ ký số không hợp lệ: ${bad.problems.join(' ')}`);
  return verification;
}

/**
 * Sign with a signer whose certificate was checked already (`assertMaySign` once for a batch); the
 * result is verified before it is returned, as every signature is.
 */
export async function signWithChecked(
  pdf: Buffer,
  field: FieldRequest,
  signer: CmsSigner,
  trust: TrustStore,
  now: Date,
): Promise<{ pdf: Buffer; verification: PdfVerification }> {
  const prepared = await prepareForSigning(pdf, field, now);
  const cms = await signer.sign(coveredBytes(prepared.pdf, prepared.byteRange), now);
  return completeSigning(prepared, cms, trust, now);
}

/** Sign in one go with a signer the server holds (PKCS#12) or reaches (remote provider). */
export async function signPdf(
  pdf: Buffer,
  field: FieldRequest,
  signer: CmsSigner,
  trust: TrustStore,
  now: Date,
): Promise<{ pdf: Buffer; certificate: CertificateInfo; verification: PdfVerification }> {
  const certificate = await assertMaySign(signer.certificate, signer.chain, trust, now);
  return { ...(await signWithChecked(pdf, field, signer, trust, now)), certificate };
}

/**
 * The document as it was before its first signature: the bytes up to the end-of-file marker that
 * precedes the first signature's incremental update (what an electronic copy reproduces).
 */
export function unsignedOriginal(pdf: Buffer, firstByteRange: readonly number[]): Buffer {
  const eof = pdf.lastIndexOf('%%EOF', firstByteRange[1]);
  if (eof < 0) throw new SignatureRejected('Không xác định được bản gốc của văn bản đã ký.');
  let end = eof + 5;
  while (end < pdf.length && (pdf[end] === 0x0a || pdf[end] === 0x0d)) end++;
  return pdf.subarray(0, end);
}
