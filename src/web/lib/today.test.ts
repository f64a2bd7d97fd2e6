import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currentYearVn, todayVn, vietnamDay } from './today';
import { fmtDate, fmtDateTime } from './format';

test('today is the Vietnamese day, at 23:30 and at 00:30 in Hà Nội', () => {
  // 23:30 on 31/12/2024 in Vietnam is 16:30 UTC the same day.
  assert.equal(todayVn(new Date('2024-12-31T16:30:00Z')), '2024-12-31');
  assert.equal(currentYearVn(new Date('2024-12-31T16:30:00Z')), 2024);
  // 00:30 on 01/01/2025 in Vietnam is still 31/12/2024 at 17:30 UTC.
  assert.equal(todayVn(new Date('2024-12-31T17:30:00Z')), '2025-01-01');
  assert.equal(currentYearVn(new Date('2024-12-31T17:30:00Z')), 2025);
});

test('stored instants show their Vietnamese day and time; calendar dates show as written', () => {
  assert.equal(vietnamDay(new Date('2024-05-01T17:30:00Z')), '2024-05-02');
  assert.equal(fmtDate('2024-05-01T17:30:00.000Z'), '02/05/2024');
  assert.equal(fmtDate('2024-05-01T16:59:00.000Z'), '01/05/2024');
  assert.equal(fmtDate('2024-05-01'), '01/05/2024');
  assert.equal(fmtDateTime('2024-05-01T17:30:00.000Z'), '02/05/2024 00:30');
  assert.equal(fmtDateTime('2024-05-01T01:05:00.000Z'), '01/05/2024 08:05');
  assert.equal(fmtDate(null), '—');
});
