/**
 * The remote-signing HTTP adapter: the key stays with a provider (a remote-signing service, an HSM
 * behind an agency's gateway); the server builds the CMS and sends the provider only the hash to
 * sign. The protocol (docs/signing-provider.md), no vendor SDK:
 *
 *   POST <provider URL>            Authorization: Bearer <API key>   Content-Type: application/json
 *   { "keyId": "…", "algorithm": "RSASSA-PKCS1-v1_5-SHA256",
 *     "digest": "<base64 of SHA-256 of the DER signed attributes>",
 *     "certificateSha256": "<hex>", "documentLabel": "Quyết định số …" }
 *   → 200 { "signature": "<base64 RSASSA-PKCS1-v1_5 signature of that digest>" }
 *
 * The returned signature is checked against the credential's certificate before it goes into the
 * PDF: a signature made by another key is refused and nothing is stored.
 */
import { createHash, X509Certificate, verify as verifySignature } from 'node:crypto';
import { createCms, type CmsSigner } from './cms.js';
import { RemoteSigningFailed, SignatureRejected } from './errors.js';

/** The DER prefix of a DigestInfo for SHA-256 (RFC 8017 §9.2): what an RSASSA-PKCS1-v1_5 signature wraps the digest in. */
export const DIGEST_INFO_SHA256 = Buffer.from('3031300d060960864801650304020105000420', 'hex');
export const REMOTE_ALGORITHM = 'RSASSA-PKCS1-v1_5-SHA256';

export interface RemoteSignerOptions {
  url: string;
  keyId: string;
  apiKey: string;
  certificate: Buffer;
  chain?: readonly Buffer[];
  /** What the provider may show its user (e.g. on a phone confirmation): the document being signed. */
  documentLabel: string;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

async function post(o: RemoteSignerOptions, body: unknown): Promise<Response> {
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    return await fetch(o.url, {
      method: 'POST',
      headers: { authorization: `Bearer ${o.apiKey}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'TimeoutError' || name === 'AbortError')
      throw new RemoteSigningFailed(`Dịch vụ ký số từ xa không trả lời sau ${Math.round(timeoutMs / 1000)} giây. Hãy thử lại sau.`);
    throw new RemoteSigningFailed(`Không kết nối được dịch vụ ký số từ xa (${new URL(o.url).host}). Hãy kiểm tra địa chỉ dịch vụ hoặc thử lại sau.`);
  }
}

/** Ask the provider to sign `toBeSigned` (the DER signed attributes); answers the raw signature, verified. */
export async function remoteRawSign(o: RemoteSignerOptions, toBeSigned: Buffer): Promise<Buffer> {
  const digest = createHash('sha256').update(toBeSigned).digest();
  const res = await post(o, {
    keyId: o.keyId,
    algorithm: REMOTE_ALGORITHM,
    digest: digest.toString('base64'),
    certificateSha256: createHash('sha256').update(o.certificate).digest('hex'),
    documentLabel: o.documentLabel,
  });
  const text = await res.text().catch(() => '');
  let json: { signature?: unknown; message?: unknown } = {};
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    // Not JSON: handled below.
  }
  if (res.status === 401 || res.status === 403)
    throw new RemoteSigningFailed(
      `Dịch vụ ký số từ xa từ chối yêu cầu (HTTP ${res.status}): khóa API không đúng hoặc không được dùng khóa ký này. Quản trị cần kiểm tra cấu hình chứng thư số.`,
    );
  if (!res.ok) {
    const why = typeof json.message === 'string' ? `: ${json.message.slice(0, 200)}` : '';
    throw new RemoteSigningFailed(`Dịch vụ ký số từ xa từ chối ký (HTTP ${res.status})${why}.`);
  }
  if (typeof json.signature !== 'string' || !/^[A-Za-z0-9+/=\s]+$/u.test(json.signature))
    throw new RemoteSigningFailed('Dịch vụ ký số từ xa trả lời không đúng giao thức (thiếu chữ ký dạng base64).');
  const signature = Buffer.from(json.signature, 'base64');
  const publicKey = new X509Certificate(o.certificate).publicKey;
  if (!verifySignature('sha256', toBeSigned, publicKey, signature))
    throw new SignatureRejected(
      'Chữ ký do dịch vụ ký số từ xa trả về không khớp với chứng thư số đã đăng ký (ký bằng khóa khác hoặc sai nội dung); văn bản không được ký.',
    );
  return signature;
}

/** A `CmsSigner` whose key is with a remote provider. */
export function remoteSigner(o: RemoteSignerOptions): CmsSigner {
  const chain = o.chain ?? [];
  return {
    certificate: o.certificate,
    chain,
    sign: (content, signingTime) => createCms(content, signingTime, o.certificate, chain, (toBeSigned) => remoteRawSign(o, toBeSigned)),
  };
}
