import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseSalaryOn } from './base-salary.js';
import { computeAmount, moneyFor } from './money.js';
import { RuleError, type RoundingRule } from './types.js';

const CEIL: RoundingRule = { mode: 'ceil', step: 10_000, article: 'x', verified: true };

test('base salary in force on the decision date', () => {
  const cases: [string, number][] = [
    ['2019-06-30', 1_390_000],
    ['2019-07-01', 1_490_000],
    ['2023-06-30', 1_490_000],
    ['2023-07-01', 1_800_000],
    ['2024-06-30', 1_800_000],
    ['2024-07-01', 2_340_000],
  ];
  for (const [d, amount] of cases) assert.equal(baseSalaryOn(d), amount, d);
  assert.throws(
    () => baseSalaryOn('2016-01-01'),
    (e) => e instanceof RuleError && e.code === 'no_base_salary',
  );
});

test('amount = coefficient × base salary, rounded up to 10,000 (exact multiples stay)', () => {
  const cases: [number, number, number][] = [
    [0.3, 2_340_000, 710_000],
    [0.8, 2_340_000, 1_880_000],
    [0.6, 2_340_000, 1_410_000],
    [0.45, 2_340_000, 1_060_000],
    [4.5, 2_340_000, 10_530_000],
    [0.3, 1_490_000, 450_000],
    [0.15, 1_490_000, 230_000],
    [3.5, 1_490_000, 5_220_000],
    [0.3, 1_800_000, 540_000], // float noise must not push this to 550,000
    [12, 2_340_000, 28_080_000],
  ];
  for (const [c, base, amount] of cases) assert.equal(computeAmount(c, base, CEIL), amount, `${c} × ${base}`);
  assert.equal(computeAmount(0.3, 2_340_000, { ...CEIL, mode: 'none' }), 702_000);
  assert.equal(computeAmount(0.3, 2_340_000, { ...CEIL, mode: 'round' }), 700_000);
});

test('moneyFor per regime and subject', () => {
  const cases: [Parameters<typeof moneyFor>[0], number, number][] = [
    [{ honor: 'GK', subject: 'individual', decisionDate: '2021-06-26' }, 0.3, 450_000],
    [{ honor: 'LDTT', subject: 'individual', decisionDate: '2020-01-15' }, 0.3, 450_000],
    [{ honor: 'BK_TTG', subject: 'individual', decisionDate: '2020-01-15' }, 3.5, 5_220_000],
    [{ honor: 'BK_BO_TINH', subject: 'individual', decisionDate: '2023-05-01' }, 1.0, 1_490_000],
    [{ honor: 'BK_BO_TINH', subject: 'collective', decisionDate: '2023-05-01' }, 2.0, 2_980_000],
    [{ honor: 'BK_BO_TINH', subject: 'individual', decisionDate: '2025-07-01' }, 1.5, 3_510_000],
    [{ honor: 'BK_BO_TINH', subject: 'collective', decisionDate: '2025-07-01' }, 3.0, 7_020_000],
    [{ honor: 'GK', subject: 'household', decisionDate: '2025-07-01' }, 0.45, 1_060_000],
    [{ honor: 'TTLDTT', subject: 'collective', decisionDate: '2024-07-01' }, 0.8, 1_880_000],
    [{ honor: 'TTLDTT', subject: 'collective', decisionDate: '2024-06-30' }, 0.8, 1_440_000],
    [{ honor: 'HCLD3', subject: 'collective', decisionDate: '2025-09-01' }, 9, 21_060_000],
  ];
  for (const [q, coefficient, amount] of cases) {
    const m = moneyFor(q);
    assert.equal(m.coefficient, coefficient, JSON.stringify(q));
    assert.equal(m.amount, amount, JSON.stringify(q));
  }
});

test('moneyFor rejects an honor the subject kind cannot get, in Vietnamese', () => {
  assert.throws(
    () => moneyFor({ honor: 'TTLDTT', subject: 'individual', decisionDate: '2024-03-01' }),
    (e) => e instanceof RuleError && e.code === 'subject_not_allowed' && e.message === 'Cá nhân không thể được xét danh hiệu Tập thể lao động tiên tiến',
  );
  assert.throws(
    () => moneyFor({ honor: 'HCLD1', subject: 'household', decisionDate: '2024-03-01' }),
    (e) => e instanceof RuleError && e.code === 'subject_not_allowed',
  );
});
