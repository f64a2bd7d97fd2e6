import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorityLine } from '../../src/server/commands/certificates.js';

test('the authority line names the issuer once', () => {
  assert.equal(authorityLine('GIÁM ĐỐC', 'Sở Khoa học và Công nghệ'), 'GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ');
  assert.equal(authorityLine('GIÁM ĐỐC SỞ', 'Sở Khoa học và Công nghệ'), 'GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ');
  assert.equal(authorityLine('KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC', 'Sở Nội vụ'), 'GIÁM ĐỐC SỞ NỘI VỤ');
  assert.equal(authorityLine('Giám đốc Sở Nội vụ', 'Sở Nội vụ'), 'GIÁM ĐỐC SỞ NỘI VỤ');
  assert.equal(authorityLine('TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', 'Ủy ban nhân dân xã Hòa Bình'), 'ỦY BAN NHÂN DÂN XÃ HÒA BÌNH');
  assert.equal(authorityLine('CHỦ TỊCH', 'Ủy ban nhân dân tỉnh Cao Bằng'), 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CAO BẰNG');
  assert.equal(authorityLine('', 'Sở Nội vụ'), 'SỞ NỘI VỤ');
});
