import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { leadingZeroBits, proofInput, solveProofOfWork, webSha256 } from './proof-of-work.js';

test('leading zero bits count whole bytes and the first set bit', () => {
  assert.equal(leadingZeroBits(new Uint8Array([0, 0, 0x10, 0xff])), 19);
  assert.equal(leadingZeroBits(new Uint8Array([0x80])), 0);
  assert.equal(leadingZeroBits(new Uint8Array([0, 0])), 16);
});

test('a solution found with Web Crypto checks with node:crypto', async () => {
  const n = await solveProofOfWork('a1b2c3', 10, webSha256);
  const digest = createHash('sha256').update(proofInput('a1b2c3', n)).digest();
  assert.ok(leadingZeroBits(digest) >= 10);
  // the smallest such n: every earlier one fails
  for (let k = 0; k < n; k++) assert.ok(leadingZeroBits(createHash('sha256').update(proofInput('a1b2c3', k)).digest()) < 10);
});
