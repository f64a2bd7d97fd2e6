/**
 * Sealed secret ballots. A ballot is stored as AES-256-GCM ciphertext under a key the database
 * never holds: HKDF-SHA256 of the server secret (`TDKT_SECRET_KEY`, or `<DATA_DIR>/secret.key`)
 * with the session id as salt. The plaintext has a fixed length (version, choice, random padding)
 * and the item id is authenticated data, so every sealed ballot of an item looks alike, none can
 * be moved to another item, and a tampered one fails to open. See docs/decisions.md (secret ballot).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BALLOT_CHOICES, type BallotChoice } from '../../shared/dossiers.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** version (1) + choice (1) + random padding: every plaintext is this long. */
const PLAINTEXT_BYTES = 16;
const VERSION = 1;
export const SEALED_BALLOT_BYTES = IV_BYTES + PLAINTEXT_BYTES + TAG_BYTES;

let secret: Buffer | undefined;

/** Sets the server secret the ballot keys derive from (once at start-up, `buildApp`). */
export function configureBallotSecret(key: Buffer): void {
  if (key.length < 32) throw new Error('TDKT_SECRET_KEY phải dài ít nhất 32 byte.');
  secret = key;
}

/** True once a secret is configured. */
export function ballotSecretConfigured(): boolean {
  return secret !== undefined;
}

/**
 * The server secret: `TDKT_SECRET_KEY` when set (at least 32 characters), else the content of
 * `<dataDir>/secret.key`, generated once (32 random bytes, base64, mode 0600) when missing.
 */
export function loadSecretKey(env: NodeJS.ProcessEnv, dataDir: string): Buffer {
  const fromEnv = env.TDKT_SECRET_KEY;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('TDKT_SECRET_KEY phải dài ít nhất 32 ký tự (ví dụ: openssl rand -base64 32).');
    return Buffer.from(fromEnv, 'utf8');
  }
  const path = join(dataDir, 'secret.key');
  if (!existsSync(path)) {
    writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
  }
  const key = readFileSync(path, 'utf8').trim();
  if (key.length < 32) throw new Error(`Tệp khóa bí mật ${path} không hợp lệ (ít hơn 32 ký tự).`);
  return Buffer.from(key, 'utf8');
}

function sessionKey(sessionId: string): Buffer {
  if (!secret) throw new Error('Chưa cấu hình khóa bí mật của máy chủ (TDKT_SECRET_KEY).');
  return Buffer.from(hkdfSync('sha256', secret, Buffer.from(sessionId, 'utf8'), Buffer.from('tdkt/sealed-ballot/v1', 'utf8'), 32));
}

/** Seals one choice on one item of a session: IV ‖ ciphertext ‖ tag, always SEALED_BALLOT_BYTES long. */
export function sealBallot(sessionId: string, itemId: string, choice: BallotChoice): Buffer {
  const plain = randomBytes(PLAINTEXT_BYTES);
  plain[0] = VERSION;
  plain[1] = BALLOT_CHOICES.indexOf(choice);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sessionKey(sessionId), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(itemId, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

/** Opens a sealed ballot; null when it is not an authentic ballot of this item (tampered, or another key). */
export function openBallot(sessionId: string, itemId: string, sealed: Uint8Array): BallotChoice | null {
  const buf = Buffer.from(sealed);
  if (buf.length !== SEALED_BALLOT_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sessionKey(sessionId), buf.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(itemId, 'utf8'));
    decipher.setAuthTag(buf.subarray(IV_BYTES + PLAINTEXT_BYTES));
    const plain = Buffer.concat([decipher.update(buf.subarray(IV_BYTES, IV_BYTES + PLAINTEXT_BYTES)), decipher.final()]);
    if (plain[0] !== VERSION) return null;
    return BALLOT_CHOICES[plain[1]!] ?? null;
  } catch {
    return null;
  }
}
