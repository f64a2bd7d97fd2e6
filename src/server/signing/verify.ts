/**
 * Verification of the signatures in a PDF, whoever made them: for each one, integrity (the CMS
 * verifies over the bytes of its byte range), whether later bytes were added, the signer and
 * organisation, the signing time, the certificate's validity at that time, its chain to the trust
 * anchors the admin configured, and revocation from the sources the admin configured (uploaded CRLs,
 * CRL and OCSP URLs: revocation.ts). The answer says in
 * Vietnamese what is wrong; nothing here throws on a bad signature.
 */
import * as pkijs from 'pkijs';
import { dateVn } from '../clock.js';
import { formatDateVi } from '../../shared/format-vi.js';
import { CMS_OID, certOf, derOf } from './cms.js';
import { coveredBytes } from './pdf-field.js';
import { describeCertificate, type CertificateInfo } from './pkcs12.js';
import { PdfNotSignable } from './errors.js';
import { Lru, digestOf } from './memo.js';
import { revocationOf, revokedSince, type Revocation, type RevocationResult, type RevocationSources } from './revocation.js';

export type { Revocation } from './revocation.js';

export interface TrustStore extends RevocationSources {
  /** Root certificates (the Ban Cơ yếu's root, public CAs), DER. */
  anchors: Buffer[];
  /** Intermediate CA certificates the signatures may omit, DER. */
  intermediates: Buffer[];
  /**
   * Revocation answers kept for the life of this trust store object, i.e. one request
   * (`trustStoreFrom` makes a new one each time): a batch asks about the same certificate, at the
   * same time, once. A trust store without it asks every time.
   */
  memo?: Map<string, Promise<RevocationResult>>;
}

export interface SignatureReport {
  index: number;
  /** The certificate that signed, or null when the CMS could not be read. */
  certificate: CertificateInfo | null;
  signingTime: Date | null;
  /** The CMS verifies over the bytes it names. */
  intact: boolean;
  /** The signature covers the file up to its end (or a later signature does). */
  coversDocument: boolean;
  trusted: boolean;
  validAtSigningTime: boolean;
  revocation: Revocation;
  /** What answered for the signer's certificate (OCSP, CRL), when something did. */
  revocationSource: RevocationResult['source'];
  /** Why a revocation source could not be used (a responder down…), in Vietnamese; it does not make the signature invalid. */
  revocationNotes: string[];
  /** What is wrong, in Vietnamese; empty when the signature is valid. */
  problems: string[];
  valid: boolean;
}

export interface PdfVerification {
  signatures: SignatureReport[];
  /** At least one signature, and every one valid. */
  valid: boolean;
}

interface RawSignature {
  byteRange: [number, number, number, number];
  cms: Buffer;
  claimedTime: Date | null;
}

function derLength(buf: Buffer): number {
  if (buf[0] !== 0x30) return buf.length;
  const first = buf[1] ?? 0;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (buf[2 + i] ?? 0);
  return 2 + n + len;
}

function pdfDate(text: string | undefined): Date | null {
  const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|([+-])(\d{2})'?(\d{2})'?)?/u.exec(text ?? '');
  if (!m) return null;
  const utc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  const sign = m[8] === '-' ? -1 : 1;
  const offset = m[8] ? sign * (+m[9]! * 60 + +m[10]!) : 0;
  return new Date(utc - offset * 60_000);
}

/** The signatures of a PDF, in file order. */
export function signaturesIn(pdf: Buffer): RawSignature[] {
  const text = pdf.toString('latin1');
  const out: RawSignature[] = [];
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/gu)) {
    const byteRange = [+m[1]!, +m[2]!, +m[3]!, +m[4]!] as [number, number, number, number];
    const [, b, c] = byteRange;
    if (text[b] !== '<' || text[c - 1] !== '>') continue;
    const hex = text.slice(b + 1, c - 1).replace(/\s/gu, '');
    const raw = Buffer.from(hex, 'hex');
    const objStart = text.lastIndexOf(' obj', m.index);
    const dict = text.slice(objStart, text.indexOf('endobj', m.index));
    out.push({ byteRange, cms: raw.subarray(0, derLength(raw)), claimedTime: pdfDate(/\/M\s*\((D:[^)]*)\)/u.exec(dict)?.[1]) });
  }
  return out;
}

/**
 * Chains found, by the bytes of the end certificate, those it carried and the trust store's: the
 * path, and the interval in which every certificate of the path pkijs validated is valid (a date
 * inside it gives the same answer; any other is worked out again).
 */
const chains = new Lru<{ path: pkijs.Certificate[]; from: number; to: number }>(256);

async function chainTrusted(leaf: pkijs.Certificate, carried: pkijs.Certificate[], trust: TrustStore, at: Date): Promise<pkijs.Certificate[] | null> {
  if (trust.anchors.length === 0) return null;
  const key = [[leaf, ...carried].map((c) => digestOf(derOf(c))), trust.anchors.map(digestOf), trust.intermediates.map(digestOf)]
    .map((xs) => xs.join(','))
    .join('|');
  const hit = chains.get(key);
  if (hit && hit.from <= at.getTime() && at.getTime() <= hit.to) return hit.path;
  const anchorCerts = trust.anchors.map((d) => certOf(d));
  const intermediateCerts = trust.intermediates.map((d) => certOf(d));
  const engine = new pkijs.CertificateChainValidationEngine({
    trustedCerts: anchorCerts,
    certs: [leaf, ...carried, ...intermediateCerts],
    checkDate: at,
  });
  const result = await engine.verify().catch(() => ({ result: false, certificatePath: undefined }));
  if (!result.result) return null;
  // The path by keys, end certificate first: pkijs's answer links by name, and two CAs may share a
  // name (a renewed CA, the demo's and a test's), so each issuer is the one whose key signed the certificate.
  const validated = result.certificatePath ?? [];
  const candidates = [...validated, ...carried, ...intermediateCerts, ...anchorCerts];
  const anchors = new Set(trust.anchors.map((d) => Buffer.from(d).toString('hex')));
  const der = (c: pkijs.Certificate) => derOf(c).toString('hex');
  const path = [leaf];
  while (path.length < 10 && !anchors.has(der(path[path.length - 1]!))) {
    const last = path[path.length - 1]!;
    let next: pkijs.Certificate | undefined;
    for (const c of candidates) {
      if (der(c) === der(last) || !c.subject.isEqual(last.issuer)) continue;
      if (await last.verify(c).catch(() => false)) {
        next = c;
        break;
      }
    }
    if (!next) return null;
    path.push(next);
  }
  const from = Math.max(...[leaf, ...validated].map((c) => c.notBefore.value.getTime()));
  const to = Math.min(...[leaf, ...validated].map((c) => c.notAfter.value.getTime()));
  chains.set(key, { path, from, to });
  return path;
}

/** The revocation of a path, asked once per trust store object (one request) for the same path and times. */
function revocationMemo(path: pkijs.Certificate[], trust: TrustStore, at: Date, now: Date): Promise<RevocationResult> {
  if (!trust.memo) return revocationOf(path, trust, at, now);
  const key = `${path.map((c) => digestOf(derOf(c))).join(',')}|${at.getTime()}|${now.getTime()}`;
  let hit = trust.memo.get(key);
  if (!hit) {
    hit = revocationOf(path, trust, at, now);
    trust.memo.set(key, hit);
  }
  return hit.then((r) => ({ ...r, notes: [...r.notes] }));
}

const TRUST_PROBLEM = 'Không xác định được chứng thư số do tổ chức được tin cậy cấp (chưa cấu hình hoặc không thuộc chuỗi tin cậy).';
const REVOKED_PROBLEM = 'Chứng thư số đã bị thu hồi trước thời điểm ký';

/** Why a certificate is not trusted at a time (chain, revocation), or null. */
export async function chainAndRevocation(certificate: Buffer, chain: readonly Buffer[], trust: TrustStore, at: Date): Promise<string | null> {
  const path = await chainTrusted(
    certOf(certificate),
    chain.map((d) => certOf(d)),
    trust,
    at,
  );
  if (!path) return TRUST_PROBLEM;
  const r = await revocationMemo(path, trust, at, at);
  return r.status === 'revoked' ? `Chứng thư số đã bị thu hồi${revokedSince(r)}; không thể dùng để ký.` : null;
}

function signingTimeOf(signer: pkijs.SignerInfo): Date | null {
  const attr = signer.signedAttrs?.attributes.find((a) => a.type === CMS_OID.signingTime);
  const value = attr?.values[0] as { toDate?: () => Date } | undefined;
  return value?.toDate ? value.toDate() : null;
}

interface CmsCheck {
  /** The CMS verifies over the bytes. */
  intact: boolean;
  leaf: pkijs.Certificate | null;
  carried: pkijs.Certificate[];
  signingTime: Date | null;
}

/**
 * CMS checks by the digests of the CMS and of the bytes it covers (an earlier signature is checked
 * once); the certificates are the shared parsed ones, so an entry is small.
 */
const cmsChecks = new Lru<Promise<CmsCheck>>(4096);

/** Parse the CMS and check it over the covered bytes; throws when it is not a readable SignedData. */
function cmsChecked(cms: Buffer, covered: Buffer): Promise<CmsCheck> {
  return cmsChecks.getOrMake(`${digestOf(cms)}|${digestOf(covered)}`, async () => {
    const info = pkijs.ContentInfo.fromBER(new Uint8Array(cms));
    if (info.contentType !== CMS_OID.signedData) throw new Error('not signed data');
    const signed = new pkijs.SignedData({ schema: info.content });
    const carried = (signed.certificates ?? []).filter((x): x is pkijs.Certificate => x instanceof pkijs.Certificate);
    const data = covered.buffer.slice(covered.byteOffset, covered.byteOffset + covered.byteLength) as ArrayBuffer;
    // extendedMode answers a result object; a failed check throws one (SignedDataVerifyError).
    const verified: pkijs.SignedDataVerifyResult | null = await signed
      .verify({ signer: 0, data, extendedMode: true, checkChain: false })
      .catch((e: unknown) => (e && typeof e === 'object' && 'signerCertificate' in e ? (e as pkijs.SignedDataVerifyResult) : null));
    const leaf = verified?.signerCertificate;
    return {
      intact: verified?.signatureVerified === true,
      leaf: leaf ? certOf(derOf(leaf)) : null,
      carried: carried.map((c) => certOf(derOf(c))),
      signingTime: signingTimeOf(signed.signerInfos[0]!),
    };
  });
}

async function verifyOne(pdf: Buffer, raw: RawSignature, index: number, laterExists: boolean, trust: TrustStore, now: Date): Promise<SignatureReport> {
  const problems: string[] = [];
  const [, , c, d] = raw.byteRange;
  const coversDocument = c + d === pdf.length || laterExists;
  if (!coversDocument) problems.push('Tệp đã bị thêm nội dung sau khi ký (chữ ký không bao trùm toàn bộ tệp).');
  let certificate: CertificateInfo | null = null;
  let signingTime: Date | null = raw.claimedTime;
  let intact = false;
  let trusted = false;
  let validAtSigningTime = false;
  let revocation: Revocation = 'unknown';
  let revocationSource: RevocationResult['source'] = null;
  let revocationNotes: string[] = [];
  try {
    const checked = await cmsChecked(raw.cms, coveredBytes(pdf, raw.byteRange));
    const leaf = checked.leaf;
    const carried = checked.carried;
    intact = checked.intact;
    if (!intact) problems.push('Chữ ký không khớp với nội dung tệp: tệp đã bị thay đổi sau khi ký, hoặc chữ ký bị hỏng.');
    signingTime = checked.signingTime ? new Date(checked.signingTime) : raw.claimedTime;
    if (leaf) {
      certificate = describeCertificate(derOf(leaf));
      const at = signingTime ?? now;
      validAtSigningTime = certificate.notBefore.getTime() <= at.getTime() && at.getTime() <= certificate.notAfter.getTime();
      if (!validAtSigningTime) problems.push(`Chứng thư số không còn hiệu lực tại thời điểm ký (hiệu lực đến ${formatDateVi(dateVn(certificate.notAfter))}).`);
      if (!certificate.maySign) problems.push('Chứng thư số không có mục đích sử dụng để ký (digitalSignature, nonRepudiation).');
      const path = await chainTrusted(leaf, carried, trust, validAtSigningTime ? at : certificate.notAfter);
      trusted = path !== null;
      if (!trusted) problems.push(TRUST_PROBLEM);
      if (path) {
        const r = await revocationMemo(path, trust, at, now);
        revocation = r.status;
        revocationSource = r.source;
        revocationNotes = r.notes;
        if (revocation === 'revoked') problems.push(`${REVOKED_PROBLEM}${revokedSince(r)}.`);
      }
    } else problems.push('Không tìm thấy chứng thư số của người ký trong chữ ký.');
  } catch {
    problems.push('Không đọc được chữ ký số (CMS) trong tệp.');
  }
  return {
    index,
    certificate,
    signingTime,
    intact,
    coversDocument,
    trusted,
    validAtSigningTime,
    revocation,
    revocationSource,
    revocationNotes,
    problems,
    valid: problems.length === 0,
  };
}

/** Verify every signature in a PDF against the trust store, at the time each one claims. */
export async function verifyPdf(pdf: Buffer, trust: TrustStore, now: Date): Promise<PdfVerification> {
  if (pdf.subarray(0, 1024).indexOf('%PDF-') < 0) throw new PdfNotSignable('Tệp không phải là tệp PDF.');
  const raws = signaturesIn(pdf);
  // Later signatures cover more of the file; an earlier one is covered by the one after it.
  const ends = raws.map((r) => r.byteRange[2] + r.byteRange[3]);
  const signatures = await Promise.all(
    raws.map((raw, i) =>
      verifyOne(
        pdf,
        raw,
        i,
        ends.some((e, j) => j !== i && e > ends[i]!),
        trust,
        now,
      ),
    ),
  );
  return { signatures, valid: signatures.length > 0 && signatures.every((s) => s.valid) };
}
