import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  foldVi,
  lowerFirstVi,
  formatDateVi,
  formatLongDateVi,
  formatMoneyInWordsVi,
  formatMoneyVi,
  formatPlaceDateVi,
  moneyToWordsVi,
  numberToWordsVi,
} from './format-vi.js';

test('dates: dd/mm/yyyy and the NĐ 30 long form with leading zeros for day < 10 and months 1–2', () => {
  assert.equal(formatDateVi('2021-06-26'), '26/06/2021');
  assert.equal(formatLongDateVi('2021-06-26'), 'ngày 26 tháng 6 năm 2021');
  assert.equal(formatLongDateVi('2021-02-05'), 'ngày 05 tháng 02 năm 2021');
  assert.equal(formatPlaceDateVi('Sơn La', '2021-06-26'), 'Sơn La, ngày 26 tháng 6 năm 2021');
  // A Date is read in Vietnam time: 2021-06-25T20:00Z is already the 26th in Hà Nội.
  assert.equal(formatDateVi(new Date('2021-06-25T20:00:00Z')), '26/06/2021');
});

test('money with dot separators and in words', () => {
  assert.equal(formatMoneyVi(1_490_000), '1.490.000 đ');
  assert.equal(formatMoneyVi(0), '0 đ');
  assert.equal(moneyToWordsVi(1_490_000), 'Một triệu bốn trăm chín mươi nghìn đồng');
  assert.equal(numberToWordsVi(15), 'mười lăm');
  assert.equal(numberToWordsVi(21), 'hai mươi mốt');
  assert.equal(numberToWordsVi(105), 'một trăm linh năm');
  assert.equal(numberToWordsVi(1_000_005), 'một triệu không trăm linh năm');
  assert.equal(numberToWordsVi(2_340_000_000), 'hai tỷ ba trăm bốn mươi triệu');
  assert.equal(numberToWordsVi(745_000_000), 'bảy trăm bốn mươi lăm triệu');
});

test('foldVi drops diacritics and case for matching', () => {
  assert.equal(foldVi('  Họ và  TÊN '), 'ho va ten');
  assert.equal(foldVi('Đơn vị'), 'don vi');
});

test('money in documents: figures, then words in brackets (one function for every document)', () => {
  assert.equal(formatMoneyInWordsVi(31_230_000), '31.230.000 đồng (Ba mươi mốt triệu hai trăm ba mươi nghìn đồng)');
  assert.equal(formatMoneyInWordsVi(1_005_000), '1.005.000 đồng (Một triệu không trăm linh năm nghìn đồng)');
  assert.equal(formatMoneyInWordsVi(0), '0 đồng (Không đồng)');
  assert.equal(formatMoneyInWordsVi(2_000_000_000), '2.000.000.000 đồng (Hai tỷ đồng)');
});

test('lowerFirstVi lowers the first letter only, diacritics and Đ included', () => {
  assert.equal(lowerFirstVi('Theo công trạng và thành tích đạt được'), 'theo công trạng và thành tích đạt được');
  assert.equal(lowerFirstVi('Đột xuất'), 'đột xuất');
  assert.equal(lowerFirstVi('Ủy ban'), 'ủy ban');
  assert.equal(lowerFirstVi(''), '');
});
