import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isIsoDate, regimeForDate, resolveRegime } from './regimes.js';
import { RuleError } from './types.js';

test('regime is chosen by decision date at both boundaries', () => {
  const cases: [string, string][] = [
    ['2017-10-01', 'ND91_2017'],
    ['2023-12-31', 'ND91_2017'],
    ['2024-01-01', 'ND98_2023'],
    ['2025-06-30', 'ND98_2023'],
    ['2025-07-01', 'ND152_2025'],
    ['2030-01-01', 'ND152_2025'],
  ];
  for (const [date, regime] of cases) assert.equal(regimeForDate(date), regime, date);
});

test('an explicit regime wins over the date', () => {
  assert.equal(resolveRegime('2025-08-01', 'ND98_2023'), 'ND98_2023');
  assert.equal(resolveRegime('2025-08-01'), 'ND152_2025');
});

test('impossible dates are rejected', () => {
  for (const bad of ['2023-02-30', '2023-13-01', '2023-1-1', '2023-04-31', '2100-02-29', 'x']) assert.equal(isIsoDate(bad), false, bad);
  for (const good of ['2024-02-29', '2000-02-29', '2023-12-31']) assert.equal(isIsoDate(good), true, good);
  assert.throws(
    () => regimeForDate('2023-02-30'),
    (e) => e instanceof RuleError && e.code === 'bad_date' && /không hợp lệ/.test(e.message),
  );
});
