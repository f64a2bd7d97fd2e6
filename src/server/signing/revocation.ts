/**
 * Revocation of the certificates on a signature's path, from the sources an agency's admin
 * configured: CRLs uploaded as files, CRLs fetched from a URL (kept until their nextUpdate), OCSP
 * responders (RFC 6960: the response must be signed by the issuing CA or a responder it delegated
 * with id-kp-OCSPSigning). The URLs written in the certificates themselves (CRL Distribution
 * Points, AIA OCSP) are followed only when the installation allows it (TDKT_SIGNING_CERT_URLS=1):
 * agencies' networks are usually closed, and a verifier that calls out on every PDF would leak who
 * reads what.
 *
 * A source that cannot be reached, or answers something that does not verify, never makes a crash
 * or a "revoked": the certificate stays "unknown" and the note says why, in Vietnamese.
 */
import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { dateVn } from '../clock.js';
import { formatDateVi } from '../../shared/format-vi.js';
import { x509 } from './x509.js';
import { Lru, digestOf } from './memo.js';

export type Revocation = 'good' | 'revoked' | 'unknown';

/** Where revocation is looked up; part of the trust store of verify.ts. */
export interface RevocationSources {
  /** Certificate revocation lists uploaded by the admin, DER. */
  crls: Buffer[];
  /** CRLs to fetch over HTTP. */
  crlUrls?: string[];
  /** OCSP responders to ask. */
  ocspUrls?: string[];
}

export interface RevocationResult {
  status: Revocation;
  /** What answered for the end certificate: an OCSP responder, a CRL, or nothing. */
  source: 'ocsp' | 'crl' | null;
  /** When the certificate was revoked (status 'revoked'). */
  revokedAt: Date | null;
  /** Why a source could not be used, in Vietnamese (a responder down, a response that does not verify). */
  notes: string[];
}

interface Settings {
  /** Follow the CRL Distribution Points and AIA OCSP URLs of the certificates (default off). */
  followCertificateUrls: boolean;
  /** How long to wait for a CRL or OCSP server. */
  timeoutMs: number;
}

const settings: Settings = { followCertificateUrls: false, timeoutMs: 5_000 };

export function configureRevocation(s: Partial<Settings>): void {
  Object.assign(settings, s);
}

export function revocationSettings(): Readonly<Settings> {
  return settings;
}

const OCSP_NONCE = '1.3.6.1.5.5.7.48.1.2';
const OCSP_BASIC = '1.3.6.1.5.5.7.48.1.1';
const HASH_NAMES: Record<string, string> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};
/** Clock difference tolerated between the responder and this server. */
const SKEW_MS = 5 * 60_000;
const MAX_CRL_BYTES = 20 * 1024 * 1024;
const MAX_OCSP_BYTES = 1024 * 1024;

/** Fetched CRLs by URL, kept until their nextUpdate (an hour when they name none). */
const crlCache = new Map<string, { der: Buffer; until: number }>();

export function clearRevocationCache(): void {
  crlCache.clear();
}

/** CRLs parsed once, by their bytes; whether a CRL's signature is its issuer's, checked once per CRL and key. */
const parsedCrls = new Lru<x509.X509Crl | null>(64);
const crlSignatures = new Lru<Promise<boolean>>(256);
const x509Of = new WeakMap<pkijs.Certificate, x509.X509Certificate>();

function crlOf(der: Buffer): x509.X509Crl | null {
  return parsedCrls.getOrMake(digestOf(der), () => {
    try {
      return new x509.X509Crl(new Uint8Array(der));
    } catch {
      return null;
    }
  });
}

function crlSignedBy(der: Buffer, crl: x509.X509Crl, issuer: x509.X509Certificate): Promise<boolean> {
  return crlSignatures.getOrMake(`${digestOf(der)}|${digestOf(new Uint8Array(issuer.rawData))}`, () =>
    crl.verify({ publicKey: issuer.publicKey }).catch(() => false),
  );
}

function x509CertOf(cert: pkijs.Certificate): x509.X509Certificate {
  let x = x509Of.get(cert);
  if (!x) {
    x = new x509.X509Certificate(cert.toSchema().toBER(false));
    x509Of.set(cert, x);
  }
  return x;
}

class SourceFailed extends Error {}

function reasonOf(e: unknown): string {
  if (e instanceof SourceFailed) return e.message;
  const name = e instanceof Error ? e.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return `quá ${Math.round(settings.timeoutMs / 1000)} giây không trả lời`;
  return 'không kết nối được';
}

async function httpGetOrPost(url: string, init: RequestInit, maxBytes: number): Promise<Buffer> {
  if (!/^https?:\/\//iu.test(url)) throw new SourceFailed('địa chỉ không phải http(s)');
  const res = await fetch(url, { ...init, redirect: 'follow', signal: AbortSignal.timeout(settings.timeoutMs) });
  if (!res.ok) throw new SourceFailed(`máy chủ trả lời HTTP ${res.status}`);
  const body = Buffer.from(await res.arrayBuffer());
  if (body.length > maxBytes) throw new SourceFailed('dữ liệu trả về quá lớn');
  return body;
}

async function fetchCrl(url: string, now: Date): Promise<Buffer> {
  const hit = crlCache.get(url);
  if (hit && hit.until > now.getTime()) return hit.der;
  let der = await httpGetOrPost(url, { method: 'GET' }, MAX_CRL_BYTES);
  // A CRL may be served as PEM.
  if (der.subarray(0, 11).toString('latin1') === '-----BEGIN ')
    der = Buffer.from(
      der
        .toString('latin1')
        .replace(/-----(BEGIN|END)[^-]+-----/gu, '')
        .replace(/\s+/gu, ''),
      'base64',
    );
  let crl: x509.X509Crl;
  try {
    crl = new x509.X509Crl(new Uint8Array(der));
  } catch {
    throw new SourceFailed('dữ liệu trả về không phải CRL');
  }
  crlCache.set(url, { der, until: crl.nextUpdate?.getTime() ?? now.getTime() + 3_600_000 });
  return der;
}

interface OcspAnswer {
  status: Revocation;
  revokedAt: Date | null;
}

function revocationTimeOf(certStatus: unknown): Date | null {
  const first = (certStatus as { valueBlock?: { value?: unknown[] } }).valueBlock?.value?.[0];
  if (first instanceof asn1js.GeneralizedTime) return first.toDate();
  const hex = (first as { valueBlock?: { valueHexView?: Uint8Array } } | undefined)?.valueBlock?.valueHexView;
  if (!hex) return null;
  const t = new asn1js.GeneralizedTime({ valueHex: hex });
  return t.toDate();
}

/** Ask one OCSP responder about `cert`; `above` is its verified path upwards (issuer first). */
async function askOcsp(url: string, cert: pkijs.Certificate, above: pkijs.Certificate[], now: Date): Promise<OcspAnswer> {
  const issuer = above[0]!;
  const request = new pkijs.OCSPRequest();
  await request.createForCertificate(cert, { hashAlgorithm: 'SHA-1', issuerCertificate: issuer });
  const nonce = randomBytes(16);
  request.tbsRequest.requestExtensions = [
    new pkijs.Extension({ extnID: OCSP_NONCE, extnValue: new asn1js.OctetString({ valueHex: new Uint8Array(nonce) }).toBER(false) }),
  ];
  const body = Buffer.from(request.toSchema(true).toBER(false));
  const raw = await httpGetOrPost(
    url,
    { method: 'POST', body: new Uint8Array(body), headers: { 'content-type': 'application/ocsp-request', accept: 'application/ocsp-response' } },
    MAX_OCSP_BYTES,
  );
  let basic: pkijs.BasicOCSPResponse;
  try {
    const response = pkijs.OCSPResponse.fromBER(new Uint8Array(raw));
    const code = response.responseStatus.valueBlock.valueDec;
    if (code !== 0) throw new SourceFailed(`máy chủ từ chối trả lời (mã ${code})`);
    if (!response.responseBytes || response.responseBytes.responseType !== OCSP_BASIC) throw new SourceFailed('phản hồi không phải BasicOCSPResponse');
    basic = pkijs.BasicOCSPResponse.fromBER(new Uint8Array(response.responseBytes.response.valueBlock.valueHexView));
  } catch (e) {
    throw e instanceof SourceFailed ? e : new SourceFailed('phản hồi không đọc được');
  }
  // A CA answering for its own certificates may leave its certificate out (RFC 6960 §4.2.1): the issuer is the candidate then.
  if (!basic.certs?.length) basic.certs = [issuer];
  const signedByIssuer = await basic.verify({ trustedCerts: above, issuerCerts: [issuer] }).catch(() => false);
  if (!signedByIssuer) throw new SourceFailed('phản hồi không có chữ ký hợp lệ của nơi cấp chứng thư hoặc máy chủ OCSP được ủy quyền');
  const echoed = basic.tbsResponseData.responseExtensions?.find((x) => x.extnID === OCSP_NONCE);
  if (echoed) {
    const value = asn1js.fromBER(echoed.extnValue.valueBlock.valueHexView).result as asn1js.OctetString;
    const got = Buffer.from(value instanceof asn1js.OctetString ? value.valueBlock.valueHexView : echoed.extnValue.valueBlock.valueHexView);
    if (!got.equals(nonce)) throw new SourceFailed('phản hồi không khớp với yêu cầu (nonce)');
  }
  for (const single of basic.tbsResponseData.responses) {
    const hashName = HASH_NAMES[single.certID.hashAlgorithm.algorithmId];
    if (!hashName) continue;
    const id = new pkijs.CertID();
    await id.createForCertificate(cert, { hashAlgorithm: hashName, issuerCertificate: issuer });
    if (!single.certID.isEqual(id)) continue;
    if (single.thisUpdate.getTime() > now.getTime() + SKEW_MS) throw new SourceFailed('phản hồi có thời điểm trong tương lai');
    if (single.nextUpdate && single.nextUpdate.getTime() < now.getTime() - SKEW_MS) throw new SourceFailed('phản hồi đã cũ (quá nextUpdate)');
    const tag = (single.certStatus as { idBlock: { tagNumber: number } }).idBlock.tagNumber;
    if (tag === 0) return { status: 'good', revokedAt: null };
    if (tag === 1) return { status: 'revoked', revokedAt: revocationTimeOf(single.certStatus) };
    return { status: 'unknown', revokedAt: null };
  }
  throw new SourceFailed('phản hồi không nói về chứng thư cần kiểm tra');
}

function urlsIn(cert: x509.X509Certificate): { crl: string[]; ocsp: string[] } {
  const crl: string[] = [];
  const ocsp: string[] = [];
  try {
    for (const dp of cert.getExtension(x509.CRLDistributionPointsExtension)?.distributionPoints ?? [])
      for (const name of dp.distributionPoint?.fullName ?? []) if (name.uniformResourceIdentifier) crl.push(name.uniformResourceIdentifier);
    for (const name of cert.getExtension(x509.AuthorityInfoAccessExtension)?.ocsp ?? []) if (name.type === 'url') ocsp.push(name.value);
  } catch {
    // An extension that does not parse gives no URL.
  }
  return { crl, ocsp };
}

const uniq = (xs: string[]) => [...new Set(xs)];

/**
 * The revocation of a verified path (end certificate first, anchor last) at `at` (the signing
 * time; a revocation after it leaves the signature good). `now` is the server's time, for the
 * freshness of what the sources answer. Every certificate but the anchor is looked up; the end
 * certificate must be covered by some source, a CA certificate is checked where a source covers it.
 */
export async function revocationOf(path: pkijs.Certificate[], sources: RevocationSources, at: Date, now: Date): Promise<RevocationResult> {
  const notes: string[] = [];
  const fetched: Buffer[] = [];
  const tried = new Set<string>();
  let endSource: RevocationResult['source'] = null;

  /** The uploaded CRLs and those fetched from the configured URLs (and `extra`), each URL fetched once. */
  const crlsNow = async (extra: string[]): Promise<Buffer[]> => {
    for (const url of uniq([...(sources.crlUrls ?? []), ...extra])) {
      if (tried.has(url)) continue;
      tried.add(url);
      try {
        fetched.push(await fetchCrl(url, now));
      } catch (e) {
        notes.push(`Không tải được danh sách thu hồi (CRL) từ ${url}: ${reasonOf(e)}.`);
      }
    }
    return [...sources.crls, ...fetched];
  };

  for (let i = 0; i < path.length - 1; i++) {
    const cert = path[i]!;
    const above = path.slice(i + 1);
    const xCert = x509CertOf(cert);
    const own = settings.followCertificateUrls ? urlsIn(xCert) : { crl: [], ocsp: [] };
    let answered: OcspAnswer | null = null;
    let source: RevocationResult['source'] = null;
    // OCSP first: it answers for one certificate, now.
    for (const url of uniq([...(sources.ocspUrls ?? []), ...own.ocsp])) {
      try {
        const a = await askOcsp(url, cert, above, now);
        if (a.status === 'unknown') {
          if (i === 0) notes.push(`Máy chủ OCSP ${url} không biết chứng thư số này.`);
          continue;
        }
        answered = a;
        source = 'ocsp';
        break;
      } catch (e) {
        // A CA certificate is checked where a source covers it: what fails for it is not worth a note.
        if (i === 0) notes.push(`Không kiểm tra được qua máy chủ OCSP ${url}: ${reasonOf(e)}.`);
      }
    }
    if (!answered) {
      const issuer = x509CertOf(above[0]!);
      for (const der of await crlsNow(own.crl)) {
        const crl = crlOf(der);
        if (!crl) continue;
        if (crl.issuer !== xCert.issuer) continue;
        if (!(await crlSignedBy(der, crl, issuer))) continue;
        source = 'crl';
        const entry = crl.findRevoked(xCert);
        if (entry) {
          answered = { status: 'revoked', revokedAt: entry.revocationDate };
          break;
        }
        answered ??= { status: 'good', revokedAt: null };
      }
    }
    if (i === 0) endSource = answered ? source : null;
    if (answered?.status === 'revoked' && (!answered.revokedAt || answered.revokedAt.getTime() <= at.getTime()))
      return { status: 'revoked', source, revokedAt: answered.revokedAt, notes };
    // An end certificate no source covers: keep looking at the CAs above (a revoked CA still revokes).
  }
  return { status: endSource ? 'good' : 'unknown', source: endSource, revokedAt: null, notes };
}

/** "Đã bị thu hồi từ ngày …" for the reports. */
export function revokedSince(r: RevocationResult): string {
  return r.revokedAt ? ` (thu hồi từ ngày ${formatDateVi(dateVn(r.revokedAt))})` : '';
}
