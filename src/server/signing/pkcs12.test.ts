import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import forge from 'node-forge';
import { forgePkcs12Kdf, nativePkcs12Kdf, openPkcs12 } from './pkcs12.js';
import { makeTestCa } from './test-ca.js';
import { SigningCredentialInvalid } from './errors.js';

describe('PKCS#12 key derivation with Node hashes', () => {
  it('gives the same bytes as node-forge', () => {
    const salts = [8, 20, 70].map((n) => forge.util.createBuffer(forge.random.getBytesSync(n)));
    for (const password of ['', 'Bench-12345', 'mật khẩu Đắk Lắk', null]) {
      for (const md of [undefined, forge.md.sha1.create(), forge.md.sha256.create(), forge.md.sha512.create()]) {
        for (const salt of salts) {
          for (const [id, iter, n] of [
            [1, 1, 24],
            [2, 3, 8],
            [3, 2048, 20],
            [1, 7, 100],
          ] as const) {
            const a = nativePkcs12Kdf(password, salt.copy(), id, iter, n, md).toHex();
            const b = forgePkcs12Kdf(password, salt.copy(), id, iter, n, md).toHex();
            assert.equal(a, b, `${password} ${md?.algorithm} ${salt.length()} ${id} ${iter} ${n}`);
          }
        }
      }
    }
  });

  it('opens a file with the right password and refuses a wrong one', async () => {
    const ca = await makeTestCa(new Date('2026-12-02T03:15:30Z'));
    assert.ok(openPkcs12(ca.person.p12, ca.person.password).privateKeyPkcs8.length > 100);
    assert.throws(() => openPkcs12(ca.person.p12, 'sai'), SigningCredentialInvalid);
  });
});
