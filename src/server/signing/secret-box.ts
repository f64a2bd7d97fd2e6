/**
 * Sealing of stored PKCS#12 files and their passwords: AES-256-GCM under a key derived (HKDF-SHA256)
 * from the server secret (TDKT_SECRET_KEY, or <DATA_DIR>/secret.key — the one the sealed ballots use,
 * with its own label), the credential's id as authenticated data so a sealed file cannot be moved to
 * another credential. The database never holds the key. An app built without the secret (tests)
 * uses TDKT_SECRET_KEY, else a random key per process, like the ballots.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { SigningKeyMissing } from './errors.js';

let secret: Buffer | undefined;

export function configureSigningSecret(key: Buffer): void {
  secret = key;
}

function key(): Buffer {
  // Without a configured secret: TDKT_SECRET_KEY when set (the test runner shares one across its processes), else one per process.
  secret ??= process.env.TDKT_SECRET_KEY ? Buffer.from(process.env.TDKT_SECRET_KEY, 'utf8') : randomBytes(32);
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), Buffer.from('tdkt/signing-credential/v1', 'utf8'), 32));
}

export function sealSecret(plain: Buffer, credentialId: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  cipher.setAAD(Buffer.from(credentialId, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

export function openSecret(sealed: Buffer, credentialId: string): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(), sealed.subarray(0, 12));
    decipher.setAAD(Buffer.from(credentialId, 'utf8'));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
  } catch {
    throw new SigningKeyMissing(
      'Không mở được chứng thư số đã lưu: khóa bí mật của máy chủ (TDKT_SECRET_KEY) đã thay đổi. Quản trị cần tải lại tệp chứng thư số.',
    );
  }
}
