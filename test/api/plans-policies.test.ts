import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../src/server/auth/actor.js';
import { planAbilities, assertPublishable, PlanNotPublishable } from '../../src/server/policies/plan.js';
import { movementAbilities, assertLaunchable, MovementNotLaunchable } from '../../src/server/policies/movement.js';
import { annualHonors, campaignAbilities, registrableHonors, type Campaign } from '../../src/server/policies/registration.js';
import { reminderRecipients, type RemindableAccount } from '../../src/server/policies/deadline.js';
import type { DeadlineRow } from '../../src/server/repositories/deadlines.js';
import { STATUS_OF_KIND } from '../../src/server/http/errors.js';
import type { Role } from '../../src/shared/codes.js';

/** Record policies of plans, movements, campaigns and reminders: pure decisions, no database. */
const actor = (role: Role, unitPath = '/root/sub/'): Actor => ({
  accountId: 'a',
  username: role,
  displayName: role,
  role,
  unitId: unitPath.split('/').filter(Boolean).at(-1)!,
  unitPath,
  personId: null,
  ip: '127.0.0.1',
});
const own = { unitPath: '/root/sub/' };
const above = { unitPath: '/root/' };

describe('plan and movement policies', () => {
  it('an owner may edit and publish a draft; once published only edit; a plan from above is read (and copied)', () => {
    assert.deepEqual(planAbilities(actor('office'), { status: 'draft', ...own }), ['read', 'create', 'update', 'progress', 'publish']);
    assert.deepEqual(planAbilities(actor('office'), { status: 'published', ...own }), ['read', 'create', 'update', 'progress']);
    // Signed: the content is frozen, the tasks' progress is still reported.
    assert.deepEqual(planAbilities(actor('office'), { status: 'published', ...own, signed: true }), ['read', 'create', 'progress']);
    assert.deepEqual(planAbilities(actor('office'), { status: 'published', ...above }), ['read', 'create']);
    assert.deepEqual(planAbilities(actor('clerk'), { status: 'published', ...own }), ['read']);
    // A role that reaches only itself owns no plan, even of its own unit.
    assert.deepEqual(planAbilities(actor('staff'), { status: 'draft', ...own }), ['read']);
    assert.throws(
      () => assertPublishable({ status: 'published' }),
      (e) => e instanceof PlanNotPublishable && STATUS_OF_KIND[e.kind] === 409,
    );
  });

  it('a movement is launched from draft, closed when launched, edited until closed', () => {
    assert.deepEqual(movementAbilities(actor('clerk'), { status: 'draft', ...own }), ['read', 'update', 'launch']);
    assert.deepEqual(movementAbilities(actor('clerk'), { status: 'launched', ...own }), ['read', 'update', 'close']);
    assert.deepEqual(movementAbilities(actor('clerk'), { status: 'closed', ...own }), ['read']);
    assert.deepEqual(movementAbilities(actor('clerk'), { status: 'launched', ...own, signed: true }), ['read', 'close']);
    assert.deepEqual(movementAbilities(actor('office'), { status: 'draft', ...above }), ['read']);
    // The head launches and closes but does not edit.
    assert.deepEqual(movementAbilities(actor('head'), { status: 'draft', ...own }), ['read', 'launch']);
    assert.throws(
      () => assertLaunchable({ status: 'draft' }, { status: 'closed', title: 'Cấp trên' }),
      (e) => e instanceof MovementNotLaunchable && /Cấp trên/.test(e.message),
    );
    assert.doesNotThrow(() => assertLaunchable({ status: 'draft' }, { status: 'launched', title: 'Cấp trên' }));
  });
});

describe('campaign policies', () => {
  const campaign = (over: Partial<Campaign> = {}): Campaign => ({
    key: 'plan:x',
    kind: 'plan',
    id: 'x',
    title: 'KH',
    year: 2026,
    status: 'published',
    ownerUnitId: 'root',
    ownerPath: '/root/',
    deadline: '2026-01-30',
    offered: [],
    participantPaths: [],
    ...over,
  });

  it('the annual honors come from the year’s rule pack: agency and province decisions, not the Prime Minister’s or the President’s', () => {
    for (const year of [2021, 2024, 2026]) {
      const honors = annualHonors(year);
      assert.ok(honors.includes('LDTT') && honors.includes('TTLDXS') && honors.includes('BK_BO_TINH'), `${year}: ${honors.join(',')}`);
      assert.ok(
        !honors.includes('BK_TTG') && !honors.includes('CSTD_TQ') && !honors.includes('HCLD3') && !honors.includes('KNC'),
        `${year}: ${honors.join(',')}`,
      );
    }
    assert.deepEqual(registrableHonors(campaign({ kind: 'movement', offered: ['GK'] })), ['GK']);
    assert.deepEqual(registrableHonors(campaign()), annualHonors(2026));
  });

  it('registration is offered while the campaign is open and within its deadline; the owner reopens', () => {
    assert.deepEqual(campaignAbilities(actor('clerk'), campaign(), '2026-01-30'), ['register', 'registerUnit']);
    assert.deepEqual(campaignAbilities(actor('clerk'), campaign(), '2026-01-31'), []);
    assert.deepEqual(campaignAbilities(actor('office', '/root/'), campaign(), '2026-01-31'), ['rollup', 'reopen']);
    // The Office of a unit below does not reopen the superior's campaign.
    assert.deepEqual(campaignAbilities(actor('office', '/root/sub/'), campaign(), '2026-01-31'), ['rollup']);
    assert.deepEqual(campaignAbilities(actor('clerk'), campaign({ kind: 'movement', status: 'closed', deadline: null }), '2026-01-01'), []);
  });
});

describe('reminder recipients', () => {
  const acc = (role: string, unitId: string, path: string): RemindableAccount => ({
    accountId: `${role}-${unitId}`,
    displayName: role,
    email: null,
    unitId,
    role,
    path,
  });
  const accounts = [acc('office', 'root', '/root/'), acc('clerk', 'a', '/root/a/'), acc('clerk', 'b', '/root/b/'), acc('clerk', 'x', '/other/x/')];
  const deadline = (over: Partial<DeadlineRow>): DeadlineRow => ({
    id: 'd',
    sourceType: 'movement',
    sourceId: 'm',
    key: 'k',
    unitId: 'root',
    responsibleUnitId: null,
    audience: 'units',
    kind: 'report',
    title: 'Báo cáo',
    dueDate: '2026-06-30',
    note: null,
    link: null,
    remindDays: null,
    startDate: null,
    dayCountKind: null,
    dayCount: null,
    honors: [],
    status: 'open',
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...over,
  });

  it("a 'units' deadline reminds the owner's office and the taking-part units that have not registered", () => {
    const ids = (d: DeadlineRow, ctx: Parameters<typeof reminderRecipients>[2]) => reminderRecipients(accounts, d, ctx).map((a) => a.accountId);
    assert.deepEqual(ids(deadline({}), { ownerPath: '/root/', participantPaths: [], registeredUnits: undefined }), ['office-root', 'clerk-a', 'clerk-b']);
    assert.deepEqual(ids(deadline({}), { ownerPath: '/root/', participantPaths: ['/root/b/'], registeredUnits: undefined }), ['office-root', 'clerk-b']);
    assert.deepEqual(ids(deadline({ kind: 'registration' }), { ownerPath: '/root/', participantPaths: [], registeredUnits: new Set(['a']) }), [
      'office-root',
      'clerk-b',
    ]);
    assert.deepEqual(ids(deadline({ audience: 'office', responsibleUnitId: 'a' }), { ownerPath: '/root/', participantPaths: [], registeredUnits: undefined }), [
      'office-root',
      'clerk-a',
    ]);
  });
});
