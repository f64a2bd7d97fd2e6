/**
 * The signer of a stored credential: the PKCS#12 adapter for a file the server holds, the
 * remote-signing adapter for a key a provider holds. A USB token signs through the external flow
 * (one-time URLs), never here.
 */
import { badRequest } from '../errors.js';
import { pkcs12Signer, type CmsSigner } from './cms.js';
import { openPkcs12 } from './pkcs12.js';
import { remoteSigner } from './remote-signer.js';
import { openSecret, sealSecret } from './secret-box.js';

export interface StoredCredential {
  id: string;
  custody: string;
  certificate: Buffer;
  sealedP12: Buffer | null;
  sealedPassword: Buffer | null;
  providerUrl: string | null;
  providerKeyId: string | null;
  sealedApiKey: Buffer | null;
}

export type SignedVia = 'pkcs12' | 'remote';

/** `documentLabel` is what a remote provider may show its user about what is signed. */
export function signerFor(c: StoredCredential, documentLabel: string): { signer: CmsSigner; via: SignedVia } {
  if (c.custody === 'server' && c.sealedP12 && c.sealedPassword) {
    const identity = openPkcs12(openSecret(c.sealedP12, c.id), openSecret(c.sealedPassword, c.id).toString('utf8'));
    return { signer: pkcs12Signer(identity), via: 'pkcs12' };
  }
  if (c.custody === 'remote' && c.providerUrl && c.providerKeyId && c.sealedApiKey) {
    const apiKey = openSecret(c.sealedApiKey, c.id).toString('utf8');
    return { signer: remoteSigner({ url: c.providerUrl, keyId: c.providerKeyId, apiKey, certificate: c.certificate, documentLabel }), via: 'remote' };
  }
  throw badRequest('Chứng thư số này nằm trên thiết bị ký (USB token): hãy ký bằng công cụ ký số.');
}

export interface RemoteProviderInput {
  url: string;
  keyId: string;
  apiKey: string;
}

/** The columns of a remote credential (the API key sealed like a PKCS#12 password), or none for the other custodies. */
export function remoteCredentialColumns(
  custody: string,
  remote: RemoteProviderInput | undefined,
  credentialId: string,
): { providerUrl?: string; providerKeyId?: string; sealedApiKey?: Buffer } {
  if (custody !== 'remote') return {};
  if (!remote?.url || !remote.keyId || !remote.apiKey) throw badRequest('Chứng thư số ký từ xa cần địa chỉ dịch vụ, mã khóa ký và khóa API.');
  if (!/^https?:\/\//iu.test(remote.url)) throw badRequest('Địa chỉ dịch vụ ký số từ xa phải bắt đầu bằng http:// hoặc https://.');
  return { providerUrl: remote.url, providerKeyId: remote.keyId, sealedApiKey: sealSecret(Buffer.from(remote.apiKey, 'utf8'), credentialId) };
}
