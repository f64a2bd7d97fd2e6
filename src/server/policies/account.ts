import type { Actor } from '../auth/actor.js';
import type { AccountRow } from '../repositories/accounts.js';
import { abilitiesFor, can, POLICY, type Action } from './abilities.js';
import { AccountNotAllowed } from '../errors.js';
import { ROLES, type Role } from '../../shared/codes.js';

export type AccountAction = Action<'account'>;

/** A stored role string as a Role, or undefined for a value the policy table does not know. */
export function parseRole(s: string): Role | undefined {
  return (ROLES as readonly string[]).includes(s) ? (s as Role) : undefined;
}

/** A role that reaches only its own person record needs that record: a personal account. */
export function roleNeedsPerson(role: Role): boolean {
  return POLICY[role].reach === 'self';
}

/** Why the action is refused on this account whatever the grant, or null. */
function accountRefusal(actor: Actor, account: Pick<AccountRow, 'id'>, action: AccountAction): string | null {
  // One's own password is changed knowing the current one (Đổi mật khẩu), never reset.
  if (action === 'resetPassword' && account.id === actor.accountId) return 'Hãy dùng "Đổi mật khẩu" cho tài khoản của chính mình.';
  return null;
}

/** The actions the actor may take on this account, sent with the record. */
export function accountAbilities(actor: Actor, account: Pick<AccountRow, 'id'>): AccountAction[] {
  return abilitiesFor(actor.role, 'account').filter((a) => accountRefusal(actor, account, a) === null);
}

export function mayOnAccount(actor: Actor, account: Pick<AccountRow, 'id'>, action: AccountAction): boolean {
  return can(actor.role, 'account', action) && accountRefusal(actor, account, action) === null;
}

export function assertAccountAllows(actor: Actor, account: Pick<AccountRow, 'id'>, action: AccountAction): void {
  const reason = accountRefusal(actor, account, action);
  if (reason) throw new AccountNotAllowed(reason);
}

/**
 * Refuses an account change the policy forbids whatever the grant: a personal account without
 * its person, and locking oneself out or changing one's own role.
 */
export function assertAccountChange(
  actor: Actor,
  before: Pick<AccountRow, 'id' | 'role'> | null,
  after: { role: Role; active: boolean; personId?: string | null | undefined },
): void {
  if (roleNeedsPerson(after.role) && !after.personId) throw new AccountNotAllowed('Tài khoản cá nhân phải gắn với một cán bộ.');
  if (before && before.id === actor.accountId && (!after.active || after.role !== before.role)) {
    throw new AccountNotAllowed('Bạn không thể tự khóa hoặc tự đổi vai trò của chính mình.');
  }
}

/** Whether a change of role, unit or active state ends the account's sessions (they carry the old reach). */
export function changeEndsSessions(before: Pick<AccountRow, 'role' | 'unitId' | 'active'>, after: Pick<AccountRow, 'role' | 'unitId' | 'active'>): boolean {
  return !after.active || after.role !== before.role || after.unitId !== before.unitId;
}
