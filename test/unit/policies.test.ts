import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIONS, POLICY, abilitiesFor, can } from '../../src/server/policies/abilities.js';
import { ROLES } from '../../src/shared/codes.js';
import type { Actor } from '../../src/server/auth/actor.js';
import { mayOnUnit, unitAbilities, unitRefusal } from '../../src/server/policies/unit.js';
import { mayOnPerson, personAbilities } from '../../src/server/policies/person.js';
import { councilAbilities } from '../../src/server/policies/council.js';
import { accountAbilities, assertAccountChange, parseRole, roleNeedsPerson } from '../../src/server/policies/account.js';
import { AccountNotAllowed, UnitNotAllowed } from '../../src/server/errors.js';

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

describe('record policies: the role grant and the record state', () => {
  const actor = (role: Actor['role'], over: Partial<Actor> = {}): Actor => ({
    accountId: 'a-1',
    username: 'u',
    displayName: 'U',
    role,
    unitId: 'root',
    unitPath: '/root/',
    personId: null,
    ip: '127.0.0.1',
    ...over,
  });
  const unit = (over: Partial<{ id: string; parentId: string | null; active: boolean; mergedIntoId: string | null }> = {}) => ({
    id: 'u-1',
    parentId: 'root',
    active: true,
    mergedIntoId: null,
    ...over,
  });

  it("units: the actor's own root may not be moved, merged, deactivated or deleted", () => {
    const own = unitAbilities(actor('admin'), unit({ id: 'root', parentId: null }));
    assert.deepEqual(own, ['read', 'create', 'update']);
    assert.deepEqual(unitAbilities(actor('admin'), unit()), ['read', 'create', 'update', 'move', 'merge', 'deactivate', 'delete']);
    assert.ok(unitRefusal(actor('admin'), unit({ id: 'root' }), 'move') instanceof UnitNotAllowed);
  });

  it('units: an inactive unit takes no sub-unit, move or merge; a merged one cannot come back', () => {
    const inactive = unitAbilities(actor('admin'), unit({ active: false }));
    assert.ok(!inactive.includes('create') && !inactive.includes('move') && !inactive.includes('merge'));
    assert.ok(inactive.includes('deactivate'), 'an inactive unit may be reactivated');
    assert.ok(!unitAbilities(actor('admin'), unit({ active: false, mergedIntoId: 'u-2' })).includes('deactivate'));
    assert.equal(
      unitRefusal(actor('admin'), unit({ active: false, mergedIntoId: 'u-2' }), 'deactivate')?.message,
      'Đơn vị đã được sáp nhập vào đơn vị khác, không thể khôi phục.',
    );
  });

  it('units: the role grant still bounds the answer (office may not delete, clerk only reads)', () => {
    assert.ok(!unitAbilities(actor('office'), unit()).includes('delete'));
    assert.ok(!mayOnUnit(actor('office'), unit(), 'delete'));
    assert.deepEqual(unitAbilities(actor('clerk'), unit()), ['read']);
  });

  it('people: someone no longer followed cannot be transferred', () => {
    assert.ok(personAbilities(actor('office'), { active: true, fullName: 'A' }).includes('transfer'));
    assert.ok(!personAbilities(actor('office'), { active: false, fullName: 'A' }).includes('transfer'));
    assert.ok(!mayOnPerson(actor('head'), { active: true, fullName: 'A' }, 'transfer'), 'head reads only');
  });

  it('councils: an ended council keeps its members', () => {
    assert.ok(councilAbilities(actor('office'), { active: true, name: 'HĐ' }).includes('manageMembers'));
    assert.ok(!councilAbilities(actor('office'), { active: false, name: 'HĐ' }).includes('manageMembers'));
    assert.ok(councilAbilities(actor('office'), { active: false, name: 'HĐ' }).includes('update'), 'it may still be edited (reactivated)');
  });

  it("accounts: no reset of one's own password; personal roles need a person; no self-lockout", () => {
    const admin = actor('admin');
    assert.ok(!accountAbilities(admin, { id: admin.accountId }).includes('resetPassword'));
    assert.ok(accountAbilities(admin, { id: 'other' }).includes('resetPassword'));
    assert.ok(roleNeedsPerson('staff') && !roleNeedsPerson('clerk'));
    assert.throws(() => assertAccountChange(admin, null, { role: 'staff', active: true, personId: null }), AccountNotAllowed);
    assert.throws(() => assertAccountChange(admin, { id: admin.accountId, role: 'admin' }, { role: 'admin', active: false }), /tự khóa/);
    assert.doesNotThrow(() => assertAccountChange(admin, { id: 'other', role: 'clerk' }, { role: 'office', active: false }));
    assert.equal(parseRole('office'), 'office');
    assert.equal(parseRole('superuser'), undefined);
  });
});
