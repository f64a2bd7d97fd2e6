import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../src/server/auth/actor.js';
import type { Role } from '../../src/shared/codes.js';
import {
  assertMayRemoveHonor,
  assertMayRemoveInitiative,
  assertMayRevokeHonor,
  assertMayUpdateHonor,
  honorAbilities,
  initiativeAbilities,
  ratingAbilities,
} from '../../src/server/policies/record.js';
import { HonorAlreadyRevoked, HonorIssuedByDecision, InitiativeAlreadyUsed } from '../../src/server/records/errors.js';
import { DomainError } from '../../src/server/errors.js';

const actor = (role: Role): Actor => ({ accountId: 'a', username: 'u', displayName: 'U', role, unitId: 'x', unitPath: '/x/', personId: null, ip: '127.0.0.1' });

test('honor abilities follow the role grant and the record state', () => {
  assert.deepEqual(honorAbilities(actor('clerk'), { source: 'manual', revoked: false }), ['update', 'revoke', 'remove']);
  assert.deepEqual(honorAbilities(actor('clerk'), { source: 'decision', revoked: false }), ['revoke']);
  assert.deepEqual(honorAbilities(actor('clerk'), { source: 'import', revoked: true }), ['remove']);
  assert.deepEqual(honorAbilities(actor('clerk'), { source: 'decision', revoked: true }), []);
  // Read-only roles get nothing, whatever the state.
  for (const role of ['head', 'council', 'staff'] as const) assert.deepEqual(honorAbilities(actor(role), { source: 'manual', revoked: false }), [], role);
  assert.deepEqual(ratingAbilities(actor('staff')), []);
  assert.deepEqual(ratingAbilities(actor('office')), ['set', 'remove']);
});

test('an initiative that backed an award cannot be removed', () => {
  assert.deepEqual(initiativeAbilities(actor('admin'), { usedForAwardId: null }), ['update', 'remove']);
  assert.deepEqual(initiativeAbilities(actor('admin'), { usedForAwardId: 'award' }), ['update']);
  assert.throws(
    () => assertMayRemoveInitiative({ usedForAwardId: 'award' }),
    (e: unknown) => e instanceof InitiativeAlreadyUsed && e instanceof DomainError && e.kind === 'conflict',
  );
  assert.doesNotThrow(() => assertMayRemoveInitiative({ usedForAwardId: null }));
});

test('commands refuse what the abilities do not offer, with named domain errors', () => {
  assert.throws(() => assertMayUpdateHonor({ source: 'decision', revoked: false }), HonorIssuedByDecision);
  assert.throws(() => assertMayRemoveHonor({ source: 'decision', revoked: false }), HonorIssuedByDecision);
  assert.throws(() => assertMayRevokeHonor({ source: 'manual', revoked: true }), HonorAlreadyRevoked);
  assert.doesNotThrow(() => assertMayRemoveHonor({ source: 'import', revoked: true }));
});
