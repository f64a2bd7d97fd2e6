/**
 * The trust store a verifier wants, from the entries an agency's admin configured: roots,
 * intermediates and uploaded CRLs (files), CRL and OCSP URLs (online revocation sources), with
 * a memo of the revocation answers for the request that made it.
 */
import type { TrustStore } from './verify.js';

export interface TrustEntryLike {
  kind: string;
  der: Buffer | null;
  url: string | null;
}

export const TRUST_FILE_KINDS = ['anchor', 'intermediate', 'crl'] as const;
export const TRUST_URL_KINDS = ['crl_url', 'ocsp_url'] as const;

export function trustStoreFrom(rows: readonly TrustEntryLike[]): TrustStore {
  const ders = (kind: string) => rows.flatMap((r) => (r.kind === kind && r.der ? [r.der] : []));
  const urls = (kind: string) => rows.flatMap((r) => (r.kind === kind && r.url ? [r.url] : []));
  return {
    anchors: ders('anchor'),
    intermediates: ders('intermediate'),
    crls: ders('crl'),
    crlUrls: urls('crl_url'),
    ocspUrls: urls('ocsp_url'),
    // A new trust store per request: revocation answers are kept for that request only.
    memo: new Map(),
  };
}
