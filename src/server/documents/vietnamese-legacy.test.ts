import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DocumentError } from './errors.js';
import { detectVietnameseEncoding, tcvn3ToUnicode, toUnicodeVietnamese, vniToUnicode } from './vietnamese-legacy.js';

const CASES: Array<[string, string, string]> = [
  // [unicode, TCVN3 (ABC), VNI]
  ['Nguyễn Văn Đức', 'NguyÔn V¨n §øc', 'Nguyeãn Vaên Ñöùc'],
  ['Thi đua khen thưởng', 'Thi ®ua khen th\u00adëng', 'Thi ñua khen thöôûng'],
  ['Quyết định', 'QuyÕt ®Þnh', 'Quyeát ñònh'],
  ['Độc lập - Tự do - Hạnh phúc', '§éc lËp - Tù do - H¹nh phóc', 'Ñoäc laäp - Töï do - Haïnh phuùc'],
  ['Cộng hòa xã hội chủ nghĩa Việt Nam', 'Céng hßa x· héi chñ nghÜa ViÖt Nam', 'Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam'],
];

test('TCVN3 and VNI are detected and converted', () => {
  for (const [unicode, tcvn3, vni] of CASES) {
    assert.equal(detectVietnameseEncoding(tcvn3).encoding, 'tcvn3', tcvn3);
    assert.equal(detectVietnameseEncoding(vni).encoding, 'vni', vni);
    assert.equal(detectVietnameseEncoding(unicode).encoding, 'unicode', unicode);
    assert.equal(tcvn3ToUnicode(tcvn3), unicode);
    assert.equal(vniToUnicode(vni), unicode);
    assert.equal(toUnicodeVietnamese(tcvn3), unicode);
    assert.equal(toUnicodeVietnamese(vni), unicode);
    assert.equal(toUnicodeVietnamese(unicode), unicode);
  }
});

test('upper-case VNI and TCVN3 capitals fonts', () => {
  assert.equal(vniToUnicode('COÄNG HOØA XAÕ HOÄI'), 'CỘNG HÒA XÃ HỘI');
  assert.equal(tcvn3ToUnicode('quyÕt ®Þnh', { upperCase: true }), 'QUYẾT ĐỊNH');
});

test('Unicode stays Unicode (NFD is normalised to NFC), ASCII passes through', () => {
  assert.equal(toUnicodeVietnamese('Hoàng Thị Ánh'.normalize('NFD')), 'Hoàng Thị Ánh');
  assert.equal(toUnicodeVietnamese('Quyet dinh'), 'Quyet dinh');
});

test('text in no recognisable encoding is refused with a Vietnamese message', () => {
  assert.throws(
    () => toUnicodeVietnamese('Straße Ø Æ'),
    (e: unknown) => e instanceof DocumentError && /Không nhận diện được bảng mã/.test(e.message),
  );
});
