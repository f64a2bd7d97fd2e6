/** Vietnamese text helpers shared by server and browser: search keys and name ordering. */

/** Removes diacritics (including đ → d) and lowercases: what the database's tdkt_unaccent + lower does. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

// Vietnamese alphabet order; f, j, w, z (foreign letters) slot in at their Latin places.
const ALPHABET = [
  'a',
  'ă',
  'â',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'ê',
  'f',
  'g',
  'h',
  'i',
  'j',
  'k',
  'l',
  'm',
  'n',
  'o',
  'ô',
  'ơ',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'ư',
  'v',
  'w',
  'x',
  'y',
  'z',
];
const LETTER_RANK = new Map(ALPHABET.map((l, i) => [l, i]));
// Tone order used by Vietnamese dictionaries: ngang, huyền, hỏi, ngã, sắc, nặng.
const TONE_RANK = new Map<string, number>([
  ['\u0300', 1],
  ['\u0309', 2],
  ['\u0303', 3],
  ['\u0301', 4],
  ['\u0323', 5],
]);
// Marks that make a distinct letter (ă â ê ô ơ ư) rather than a tone.
const LETTER_MARKS = new Set(['\u0306', '\u0302', '\u031b']);

function wordKey(word: string): { primary: string; tones: string } {
  let primary = '';
  let tones = '';
  for (const ch of word.normalize('NFC').toLowerCase()) {
    const parts = ch.normalize('NFD');
    const base = parts[0] ?? '';
    let letter = base;
    let tone = 0;
    for (const mark of parts.slice(1)) {
      if (LETTER_MARKS.has(mark)) letter = (base + mark).normalize('NFC');
      else tone = TONE_RANK.get(mark) ?? tone;
    }
    const rank = LETTER_RANK.get(letter);
    // Letters map to 'A'.. (above the separators); digits and others keep their own code.
    primary += rank === undefined ? (/[0-9]/.test(letter) ? letter : '') : String.fromCharCode(0x41 + rank);
    tones += String(tone);
  }
  return { primary, tones };
}

/**
 * Sort key for a Vietnamese full name: given name (last word) first, then the rest, letters in
 * Vietnamese alphabet order, tones only breaking ties. Compare keys by code unit (COLLATE "C").
 */
export function vietnameseNameSortKey(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const given = words[words.length - 1] ?? '';
  const rest = words.slice(0, -1);
  const g = wordKey(given);
  const r = rest.map(wordKey);
  return `${g.primary}!${r.map((k) => k.primary).join(' ')}#${g.tones}${r.map((k) => k.tones).join('')}`;
}

/** Compares two names the Vietnamese way (given name first). */
export function compareVietnameseNames(a: string, b: string): number {
  const ka = vietnameseNameSortKey(a);
  const kb = vietnameseNameSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Canonical form of user-entered names: NFC, single spaces, trimmed. */
export function normalizeName(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
