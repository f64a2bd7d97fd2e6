/** What an actor may do to a fund, the inventory and a re-issue request: the role's grant and the record's state. */
import type { Actor } from '../auth/actor.js';
import { can } from './abilities.js';
import { domainError } from '../errors.js';

/** A payment larger than what is still owed on the commitment (or on a revoked award). */
export const PaymentAboveCommitted = domainError('PaymentAboveCommitted', 'conflict', 'payment_above_committed');
/** The fund's balance cannot cover the payment. */
export const FundInsufficient = domainError('FundInsufficient', 'conflict', 'fund_insufficient');
/** The budget allocation would exceed the legal cap, or organising spending its share. */
export const FundCapExceeded = domainError('FundCapExceeded', 'conflict', 'fund_cap_exceeded');
/** Not enough items in stock to issue. */
export const StockInsufficient = domainError('StockInsufficient', 'conflict', 'stock_insufficient');
/** A re-issue request that is closed, or a second one on the same certificate. */
export const ReissueNotOpen = domainError('ReissueNotOpen', 'conflict', 'reissue_not_open');

export const FUND_ABILITIES = ['read', 'addSource', 'pay', 'spendOrganising', 'configure', 'export'] as const;
export type FundAbility = (typeof FUND_ABILITIES)[number];

export function mayFund(actor: Actor, ability: FundAbility): boolean {
  if (ability === 'read' || ability === 'export') return can(actor.role, 'fund', 'read');
  return can(actor.role, 'fund', 'write');
}

export function fundAbilities(actor: Actor): FundAbility[] {
  return FUND_ABILITIES.filter((a) => mayFund(actor, a));
}

export const REISSUE_ABILITIES = ['read', 'issue', 'refuse'] as const;
export type ReissueAbility = (typeof REISSUE_ABILITIES)[number];

export function mayReissue(actor: Actor, r: { status: string }, ability: ReissueAbility): boolean {
  if (ability === 'read') return can(actor.role, 'awardItem', 'read');
  return can(actor.role, 'awardItem', 'write') && r.status === 'pending';
}

export function reissueAbilities(actor: Actor, r: { status: string }): ReissueAbility[] {
  return REISSUE_ABILITIES.filter((a) => mayReissue(actor, r, a));
}

/** Inventory actions (record received or spoiled items, issue for a decision, open a request). */
export function inventoryAbilities(actor: Actor): ('read' | 'write')[] {
  return (['read', 'write'] as const).filter((a) => can(actor.role, 'awardItem', a));
}
