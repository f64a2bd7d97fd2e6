/**
 * What the award fund and the award items ask the (possibly overridden) pack: pure functions, no
 * I/O. Data and sources: packs/fund.ts (legal-rules.md §7.5).
 */
import type { FundCapBasis } from '../../shared/codes.js';
import { addDays } from '../../shared/clock.js';
import { addWorkingDays, type Calendar } from '../../shared/working-days.js';
import { percent, vnd } from './labels.js';
import type { FundCapRule, RulePack, Sourced } from './types.js';

export interface CapAnswer {
  /** The largest budget allocation of the year (VND), or null when the agency has not entered its base. */
  cap: number | null;
  rule: FundCapRule | null;
}

/** The budget allocation cap of a fund whose base is `basisAmount` (recurrent spending or salary fund). */
export function budgetCap(pack: RulePack, basis: FundCapBasis | null, basisAmount: number | null): CapAnswer {
  const rule = basis ? (pack.fund.budgetCaps.find((c) => c.basis === basis) ?? null) : null;
  if (!rule || basisAmount === null) return { cap: null, rule };
  return { cap: Math.floor(basisAmount * rule.share), rule };
}

/** "Vượt mức tối đa 1% chi thường xuyên (120.000.000 đ; Điểm b khoản 3 Điều 46 NĐ 152/2025/NĐ-CP)". */
export function budgetCapText(answer: CapAnswer): string {
  if (!answer.rule || answer.cap === null) return '';
  return `mức tối đa ${percent(answer.rule.share)} (${vnd(answer.cap)}; ${answer.rule.article})`;
}

/** The most a level may spend on organising out of a fund whose income is `income`. */
export function organisingCap(pack: RulePack, income: number): { cap: number; rule: Sourced & { share: number } } {
  const rule = pack.fund.organisingShare;
  return { cap: Math.floor(income * rule.share), rule };
}

/** The bonus fund's share of the salary fund (NĐ 73/2024 Art 4), outside the TĐKT fund. */
export function bonusFundCap(pack: RulePack, salaryFund: number | null): { cap: number | null; rule: Sourced & { share: number } } {
  const rule = pack.fund.bonusFund;
  return { cap: salaryFund === null ? null : Math.floor(salaryFund * rule.share), rule };
}

/** The day a re-issue / exchange request received on `received` must be answered by. */
export function reissueDueDate(pack: RulePack, received: string, calendar: Calendar): { due: string; rule: RulePack['fund']['reissue'] } {
  const rule = pack.fund.reissue;
  return { due: rule.kind === 'working_days' ? addWorkingDays(calendar, received, rule.days) : addDays(received, rule.days), rule };
}
