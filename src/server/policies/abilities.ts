import type { Role } from '../../shared/codes.js';

/**
 * The one policy table: which role may do what to which kind of record. Record-level scope
 * (the actor's unit subtree, or only the actor's own person record) is applied by `scope.ts`
 * inside every query, so a record outside it simply is not found (404).
 */
export const RESOURCES = ['unit', 'person', 'account', 'council', 'audit'] as const;
export type Resource = (typeof RESOURCES)[number];

export const ACTIONS = {
  unit: ['read', 'create', 'update', 'move', 'merge', 'deactivate', 'delete'],
  person: ['read', 'create', 'update', 'transfer', 'import', 'deactivate'],
  account: ['read', 'create', 'update', 'resetPassword'],
  council: ['read', 'create', 'update', 'manageMembers'],
  audit: ['read'],
} as const satisfies Record<Resource, readonly string[]>;
export type Action<R extends Resource> = (typeof ACTIONS)[R][number];

/** How far a role reaches: its unit's whole subtree, or only its own person record. */
export type Reach = 'subtree' | 'self';

type Grants = { [R in Resource]?: readonly Action<R>[] };

const ALL = ACTIONS;
const READ = ['read'] as const;

export const POLICY: Record<Role, { reach: Reach; grants: Grants }> = {
  admin: { reach: 'subtree', grants: { ...ALL } },
  office: {
    reach: 'subtree',
    grants: {
      unit: ['read', 'create', 'update', 'move', 'merge', 'deactivate'],
      person: ALL.person,
      account: READ,
      council: ALL.council,
      audit: READ,
    },
  },
  clerk: {
    reach: 'subtree',
    grants: { unit: READ, person: ['read', 'create', 'update', 'transfer', 'import'], council: READ, audit: READ },
  },
  council: { reach: 'subtree', grants: { unit: READ, person: READ, council: READ } },
  head: { reach: 'subtree', grants: { unit: READ, person: READ, council: READ, audit: READ } },
  staff: { reach: 'self', grants: { unit: READ, person: READ } },
};

export function can<R extends Resource>(role: Role, resource: R, action: Action<R>): boolean {
  const list = POLICY[role].grants[resource] as readonly string[] | undefined;
  return list?.includes(action) ?? false;
}

/** Every action of a resource the role may take: sent with records so the UI hides the rest. */
export function abilitiesFor<R extends Resource>(role: Role, resource: R): Action<R>[] {
  return (ACTIONS[resource] as readonly Action<R>[]).filter((a) => can(role, resource, a));
}
