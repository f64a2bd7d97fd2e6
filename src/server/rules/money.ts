/** Reward money = coefficient × base salary on the decision date, rounded (§7.1). */
import { HONOR_INFO, SUBJECT_KIND_LABELS, type Honor, type Regime, type SubjectKind } from '../../shared/codes.js';
import { baseSalaryOn } from './base-salary.js';
import { packFor } from './packs/index.js';
import { resolveRegime } from './regimes.js';
import { RuleError, type IsoDate, type Money, type RoundingRule, type RulePack } from './types.js';

/**
 * Coefficient × base salary, rounded per the rule. Works in thousandths of a coefficient so
 * that e.g. 0.3 × 1,800,000 is exactly 540,000 and is not pushed to 550,000 by float noise.
 */
export function computeAmount(coefficient: number, baseSalary: number, rounding: RoundingRule): number {
  const milli = Math.round(coefficient * 1000) * baseSalary; // exact integer (< 2^53)
  if (rounding.mode === 'none' || rounding.step <= 0) return milli / 1000;
  const q = milli / (rounding.step * 1000);
  const steps = rounding.mode === 'ceil' ? Math.ceil(q) : Math.round(q);
  return steps * rounding.step;
}

export interface MoneyQuery {
  honor: Honor;
  subject: SubjectKind;
  decisionDate: IsoDate;
  regime?: Regime;
}

/** Money for an honor; throws RuleError when the honor has no coefficient for that subject kind. */
export function moneyFor(query: MoneyQuery, pack?: RulePack): Money {
  const p = pack ?? packFor(resolveRegime(query.decisionDate, query.regime));
  return moneyFromPack(p, query.honor, query.subject, query.decisionDate);
}

/** Same as moneyFor with an explicit (possibly overridden) pack. */
export function moneyFromPack(pack: RulePack, honor: Honor, subject: SubjectKind, decisionDate: IsoDate): Money {
  const rule = pack.honors[honor];
  if (!rule.criteria[subject]) {
    throw new RuleError(
      'subject_not_allowed',
      `${SUBJECT_KIND_LABELS[subject]} không thể được xét ${HONOR_INFO[honor].kind === 'title' ? 'danh hiệu' : 'hình thức'} ${HONOR_INFO[honor].label}`,
    );
  }
  const coef = rule.money[subject];
  if (!coef) {
    throw new RuleError(
      'no_coefficient',
      `Chưa có hệ số tiền thưởng cho ${HONOR_INFO[honor].label} (${SUBJECT_KIND_LABELS[subject].toLowerCase()}) theo ${pack.label}`,
    );
  }
  const baseSalary = baseSalaryOn(decisionDate, pack.baseSalary);
  return { coefficient: coef.coefficient, baseSalary, amount: computeAmount(coef.coefficient, baseSalary, pack.rounding) };
}

/** Like moneyFromPack but null instead of throwing (for evaluation results). */
export function tryMoney(pack: RulePack, honor: Honor, subject: SubjectKind, decisionDate: IsoDate): Money | null {
  try {
    return moneyFromPack(pack, honor, subject, decisionDate);
  } catch (e) {
    if (e instanceof RuleError) return null;
    throw e;
  }
}
