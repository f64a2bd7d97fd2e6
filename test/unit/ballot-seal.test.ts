/** The server secret of sealed ballots: from TDKT_SECRET_KEY, else generated once into DATA_DIR/secret.key (0600). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSecretKey } from '../../src/server/ballots/seal.js';

describe('server secret for sealed ballots', () => {
  it('is generated once into DATA_DIR/secret.key with mode 0600, then read back unchanged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-secret-'));
    try {
      const first = loadSecretKey({}, dir);
      const path = join(dir, 'secret.key');
      assert.equal(statSync(path).mode & 0o777, 0o600);
      assert.ok(first.length >= 32);
      assert.deepEqual(loadSecretKey({}, dir), first);
      assert.equal(readFileSync(path, 'utf8').trim(), first.toString('utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('TDKT_SECRET_KEY wins and writes no file; a short one is refused in Vietnamese', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-secret-'));
    try {
      const key = 'k'.repeat(40);
      assert.equal(loadSecretKey({ TDKT_SECRET_KEY: key }, dir).toString('utf8'), key);
      assert.throws(() => statSync(join(dir, 'secret.key')));
      assert.throws(() => loadSecretKey({ TDKT_SECRET_KEY: 'ngắn' }, dir), /ít nhất 32 ký tự/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
