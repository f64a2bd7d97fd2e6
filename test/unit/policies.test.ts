import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIONS, POLICY, abilitiesFor, can } from '../../src/server/policies/abilities.js';
import { ROLES } from '../../src/shared/codes.js';

describe('policy table', () => {
  it('gives every role a reach and only known actions', () => {
    for (const role of ROLES) {
      assert.ok(['subtree', 'self'].includes(POLICY[role].reach));
      for (const [resource, list] of Object.entries(POLICY[role].grants)) {
        for (const a of list as string[]) assert.ok((ACTIONS[resource as keyof typeof ACTIONS] as readonly string[]).includes(a), `${role} ${resource}.${a}`);
      }
    }
  });

  it('encodes the intended separation of duties', () => {
    assert.ok(can('admin', 'account', 'create'));
    assert.ok(!can('office', 'account', 'create'));
    assert.ok(can('clerk', 'person', 'import'));
    assert.ok(!can('clerk', 'unit', 'create'));
    assert.ok(!can('council', 'person', 'update'));
    assert.ok(!can('staff', 'audit', 'read'));
    assert.equal(POLICY.staff.reach, 'self');
    assert.deepEqual(abilitiesFor('head', 'person'), ['read']);
  });
});
