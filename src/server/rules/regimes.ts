/** Regime selection by the date of the award decision (codes.md; legal-rules.md design rule 1). */
import { REGIMES, type Regime } from '../../shared/codes.js';
import { RuleError, type IsoDate } from './types.js';

/** First decision date of each regime; the previous regime ends the day before. */
export const REGIME_STARTS: ReadonlyArray<{ regime: Regime; from: IsoDate | null }> = [
  { regime: 'ND91_2017', from: null },
  { regime: 'ND98_2023', from: '2024-01-01' },
  { regime: 'ND152_2025', from: '2025-07-01' },
];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** true for a real calendar date written YYYY-MM-DD (rejects 2023-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Throws a RuleError for anything that is not a real YYYY-MM-DD date. */
export function assertIsoDate(value: string): void {
  if (!isIsoDate(value)) throw new RuleError('bad_date', `Ngày không hợp lệ: "${value}" (định dạng YYYY-MM-DD, ngày phải có thật)`);
}

/** The regime whose rules govern a decision signed on `decisionDate`. */
export function regimeForDate(decisionDate: IsoDate): Regime {
  assertIsoDate(decisionDate);
  let chosen: Regime = REGIMES[0];
  for (const s of REGIME_STARTS) if (s.from === null || decisionDate >= s.from) chosen = s.regime;
  return chosen;
}

/** Explicit regime wins (e.g. re-checking an old decision); otherwise by date. */
export function resolveRegime(decisionDate: IsoDate, regime?: Regime): Regime {
  if (regime) {
    assertIsoDate(decisionDate);
    return regime;
  }
  return regimeForDate(decisionDate);
}
