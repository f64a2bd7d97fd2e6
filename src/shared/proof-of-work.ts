/**
 * The captcha-free challenge of the public portal (issue #20): the server hands out a random
 * nonce and a difficulty; the client finds a number `n` such that sha256(nonce + n) (UTF-8, `n`
 * in decimal) begins with `difficulty` zero bits. Shared by the server (which checks one hash)
 * and the browser (which searches with `crypto.subtle`), so both agree on the encoding.
 */

/** The number of leading zero bits of a digest. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** The text that is hashed for a candidate solution. */
export function proofInput(nonce: string, n: number): string {
  return `${nonce}${n}`;
}

/** Searches the smallest `n` whose hash has enough leading zero bits (`sha256` given by the caller: Web Crypto or node:crypto). */
export async function solveProofOfWork(
  nonce: string,
  difficulty: number,
  sha256: (text: string) => Promise<Uint8Array> | Uint8Array,
  limit = 1 << 26,
): Promise<number> {
  for (let n = 0; n < limit; n++) {
    if (leadingZeroBits(await sha256(proofInput(nonce, n))) >= difficulty) return n;
  }
  throw new Error('Không giải được thử thách chống gửi tự động.');
}

/** sha256 through the Web Crypto API (browsers, and Node ≥ 19 as `globalThis.crypto`). */
export async function webSha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}
