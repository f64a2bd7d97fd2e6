import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../auth/actor.js';
import type { Role } from '../../shared/codes.js';
import { candidateActions, dossierActions, mayEditDossier, mayForwardCandidate } from './dossier.js';

const actor = (role: Role, unitId = 'office-unit'): Actor => ({
  accountId: 'a',
  username: 'u',
  displayName: 'U',
  role,
  unitId,
  unitPath: '/1/',
  personId: null,
  ip: '127.0.0.1',
});
const dossier = (status: string, extra: { unitId?: string; level?: string } = {}) => ({
  unitId: extra.unitId ?? 'unit-a',
  level: extra.level ?? 'unit',
  status,
});
const passed = { outcome: 'pending', councilResult: 'passed' };

describe('dossier record policy', () => {
  it('forwarding a candidate needs the grant, the receiving side, a reviewed dossier and a pending candidate that passed the council', () => {
    const office = actor('office');
    assert.equal(mayForwardCandidate(office, dossier('reviewed'), passed), true);
    assert.equal(mayForwardCandidate(office, dossier('in_council'), passed), false);
    assert.equal(mayForwardCandidate(office, dossier('reviewed'), { outcome: 'forwarded', councilResult: 'passed' }), false);
    assert.equal(mayForwardCandidate(office, dossier('reviewed'), { outcome: 'pending', councilResult: 'failed' }), false);
    assert.equal(mayForwardCandidate(office, dossier('reviewed'), { outcome: 'pending', councilResult: null }), false);
    // The Office of the unit that made the dossier is not its receiver; a clerk lacks the grant.
    assert.equal(mayForwardCandidate(actor('office', 'unit-a'), dossier('reviewed'), passed), false);
    assert.equal(mayForwardCandidate(actor('clerk'), dossier('reviewed'), passed), false);
  });

  it('the unit edits its own dossier only while it is a draft, returned or withdrawn', () => {
    const clerk = actor('clerk', 'unit-a');
    assert.equal(mayEditDossier(clerk, dossier('draft')), true);
    assert.equal(mayEditDossier(clerk, dossier('returned')), true);
    assert.equal(mayEditDossier(clerk, dossier('submitted')), false);
    assert.equal(mayEditDossier(clerk, dossier('draft', { level: 'upward' })), false);
    assert.equal(mayEditDossier(actor('head', 'unit-b'), dossier('draft')), false);
    assert.deepEqual(candidateActions(clerk, dossier('draft'), passed), ['update', 'remove']);
    assert.deepEqual(candidateActions(clerk, dossier('submitted'), passed), []);
  });

  it('the transitions offered follow the table and the side of the actor', () => {
    assert.deepEqual(dossierActions(actor('clerk', 'unit-a'), dossier('submitted')), ['withdraw']);
    assert.deepEqual(dossierActions(actor('office'), dossier('submitted')), ['receive', 'return']);
    assert.deepEqual(dossierActions(actor('office', 'unit-a'), dossier('submitted')), ['withdraw']);
    assert.deepEqual(candidateActions(actor('office'), dossier('appraising'), { outcome: 'pending', councilResult: null }), ['appraise']);
  });
});
