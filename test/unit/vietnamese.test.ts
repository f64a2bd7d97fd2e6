import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareVietnameseNames, foldVietnamese, normalizeName, vietnameseNameSortKey } from '../../src/shared/vietnamese.js';

describe('Vietnamese text', () => {
  it('folds diacritics, đ and case like the database does', () => {
    assert.equal(foldVietnamese('Nguyễn Văn Đức'), 'nguyen van duc');
    assert.equal(foldVietnamese('ĐẶNG THỊ THỦY'), 'dang thi thuy');
    assert.equal(foldVietnamese('Nguye\u0302\u0303n'), 'nguyen', 'decomposed input too');
  });

  it('sorts by given name first, then family and middle names', () => {
    const names = ['Trần Văn Bình', 'Nguyễn Văn An', 'Lê Thị An', 'Đặng Văn Đức', 'Bùi Văn Dũng', 'Hoàng Anh'];
    assert.deepEqual([...names].sort(compareVietnameseNames), ['Lê Thị An', 'Nguyễn Văn An', 'Hoàng Anh', 'Trần Văn Bình', 'Bùi Văn Dũng', 'Đặng Văn Đức']);
  });

  it('follows the Vietnamese alphabet: a < ă < â, d < đ, o < ô < ơ, u < ư', () => {
    const given = ['Ân', 'Anh', 'Ăng', 'An', 'Đào', 'Dương', 'Ơn', 'Ôn', 'On', 'Ưng', 'Uyên'];
    assert.deepEqual(
      given
        .map((g) => `A ${g}`)
        .sort(compareVietnameseNames)
        .map((n) => n.slice(2)),
      ['An', 'Anh', 'Ăng', 'Ân', 'Dương', 'Đào', 'On', 'Ôn', 'Ơn', 'Uyên', 'Ưng'],
    );
  });

  it('orders tones only as a tie-break: ngang, huyền, hỏi, ngã, sắc, nặng', () => {
    const given = ['Mạ', 'Má', 'Mã', 'Mả', 'Mà', 'Ma', 'Mai'];
    assert.deepEqual(
      given
        .map((g) => `B ${g}`)
        .sort(compareVietnameseNames)
        .map((n) => n.slice(2)),
      ['Ma', 'Mà', 'Mả', 'Mã', 'Má', 'Mạ', 'Mai'],
    );
  });

  it('keys compare the same in code-unit order, which the database uses (COLLATE "C")', () => {
    const a = vietnameseNameSortKey('Nguyễn Văn An');
    const b = vietnameseNameSortKey('Nguyễn Văn Anh');
    assert.ok(a < b);
    assert.equal(vietnameseNameSortKey('  '), '');
  });

  it('normalises names to NFC with single spaces', () => {
    assert.equal(normalizeName('  Nguye\u0302\u0303n   Văn  Đức '), 'Nguyễn Văn Đức');
  });
});
