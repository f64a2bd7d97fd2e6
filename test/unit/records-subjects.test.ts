import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { collectiveSubject, emptyRecordSet, individualSubject, unitsDuringYear } from '../../src/server/records/subjects.js';

describe('collective membership by year', () => {
  it('without transfers: the current unit every year', () => {
    assert.deepEqual([...unitsDuringYear('A', [], 2020)], ['A']);
  });
  it('a mid-year transfer counts both units that year, only the new one after', () => {
    const t = [{ fromUnitId: 'A', toUnitId: 'B', effectiveDate: '2024-06-01' }];
    assert.deepEqual([...unitsDuringYear('B', t, 2023)], ['A']);
    assert.deepEqual([...unitsDuringYear('B', t, 2024)].sort(), ['A', 'B']);
    assert.deepEqual([...unitsDuringYear('B', t, 2025)], ['B']);
  });
  it('a transfer effective on 1 January leaves the old unit out of that year', () => {
    const t = [{ fromUnitId: 'A', toUnitId: 'B', effectiveDate: '2024-01-01' }];
    assert.deepEqual([...unitsDuringYear('B', t, 2024)], ['B']);
  });
  it('several transfers, in any order', () => {
    const t = [
      { fromUnitId: 'B', toUnitId: 'C', effectiveDate: '2022-03-01' },
      { fromUnitId: 'A', toUnitId: 'B', effectiveDate: '2021-05-01' },
    ];
    assert.deepEqual([...unitsDuringYear('C', t, 2021)].sort(), ['A', 'B']);
    assert.deepEqual([...unitsDuringYear('C', t, 2022)].sort(), ['B', 'C']);
  });
});

describe('subjects from stored records', () => {
  it('drops revoked honors and marks used initiatives', () => {
    const r = emptyRecordSet();
    r.honors.push({ year: 2023, honor: 'CSTDCS', type: 'cong_trang', revoked: true }, { year: 2023, honor: 'LDTT', type: 'cong_trang', revoked: false });
    r.initiatives.push({ year: 2023, scope: 'co_so', used: true });
    const s = individualSubject(r);
    assert.deepEqual(s.honors, [{ year: 2023, honor: 'LDTT', type: 'cong_trang' }]);
    assert.deepEqual(s.initiatives, [{ year: 2023, scope: 'co_so', used: true }]);
    const c = collectiveSubject(emptyRecordSet(), [r, emptyRecordSet()]);
    assert.equal(c.kind, 'collective');
    assert.equal(c.members?.length, 2);
  });
});
