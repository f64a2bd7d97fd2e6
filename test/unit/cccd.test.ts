import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cccdProblem, makeCccd } from '../../src/shared/cccd.js';

describe('CCCD numbers', () => {
  it('accepts well-formed numbers and builds them consistently', () => {
    assert.equal(cccdProblem('001090000123'), null);
    assert.equal(makeCccd('004', 'nu', 1991, 42), '004191000042');
    assert.equal(makeCccd('014', 'nam', 2003, 7), '014203000007');
    assert.equal(cccdProblem(makeCccd('096', 'nu', 2001, 999999), { gender: 'nu', birthDate: '2001-01-01' }), null);
  });

  it('refuses wrong length, letters, unknown province codes', () => {
    assert.match(cccdProblem('00109000012')!, /12 chữ số/);
    assert.match(cccdProblem('00109000012a')!, /12 chữ số/);
    assert.match(cccdProblem('003090000123')!, /mã tỉnh/);
    assert.match(cccdProblem('097090000123')!, /mã tỉnh/);
  });

  it('checks the gender and century digit against the record', () => {
    assert.match(cccdProblem('001090000123', { gender: 'nu' })!, /giới tính/);
    assert.equal(cccdProblem('001190000123', { gender: 'nu', birthDate: '1990-06-01' }), null);
    assert.match(cccdProblem('001290000123', { birthDate: '1990-06-01' })!, /năm 2090/);
  });
});
