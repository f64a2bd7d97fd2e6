/**
 * Legacy Vietnamese encodings → Unicode. Old documents and spreadsheets typed with the
 * ".VnTime" (TCVN3 / ABC, TCVN 5712:1993) or "VNI-Times" fonts store Vietnamese letters as
 * Latin-1 code points that only look right in those fonts ("QuyÕt ®Þnh", "Quyeát ñònh").
 * Pasted into the system they must be converted, or refused when the encoding is unclear.
 *
 * - TCVN3 is single-byte: one code point per Vietnamese letter. Upper-case accented letters
 *   are not in the table; the ".VnTimeH" fonts print the lower-case codes as capitals, hence
 *   the `upperCase` option.
 * - VNI is composed: base letter followed by one or two mark bytes (a + ù = á, a + ä = ậ, o +
 *   â = ô, ô alone = ơ, ö = ư, ñ = đ); ì í æ ó ò and î are single bytes for i and ỵ.
 */
import { toNfc } from '../../shared/format-vi.js';
import { DocumentError } from './errors.js';

// ---- TCVN3 -----------------------------------------------------------------------------------

/** TCVN3 code point → Unicode (the lower-case letters + Ă Â Đ Ê Ô Ơ Ư). */
const TCVN3_PAIRS: ReadonlyArray<readonly [number, string]> = [
  [0xb5, 'à'],
  [0xb6, 'ả'],
  [0xb7, 'ã'],
  [0xb8, 'á'],
  [0xb9, 'ạ'],
  [0xa8, 'ă'],
  [0xbb, 'ằ'],
  [0xbc, 'ẳ'],
  [0xbd, 'ẵ'],
  [0xbe, 'ắ'],
  [0xc6, 'ặ'],
  [0xa9, 'â'],
  [0xc7, 'ầ'],
  [0xc8, 'ẩ'],
  [0xc9, 'ẫ'],
  [0xca, 'ấ'],
  [0xcb, 'ậ'],
  [0xae, 'đ'],
  [0xcc, 'è'],
  [0xce, 'ẻ'],
  [0xcf, 'ẽ'],
  [0xd0, 'é'],
  [0xd1, 'ẹ'],
  [0xaa, 'ê'],
  [0xd2, 'ề'],
  [0xd3, 'ể'],
  [0xd4, 'ễ'],
  [0xd5, 'ế'],
  [0xd6, 'ệ'],
  [0xd7, 'ì'],
  [0xd8, 'ỉ'],
  [0xdc, 'ĩ'],
  [0xdd, 'í'],
  [0xde, 'ị'],
  [0xdf, 'ò'],
  [0xe1, 'ỏ'],
  [0xe2, 'õ'],
  [0xe3, 'ó'],
  [0xe4, 'ọ'],
  [0xab, 'ô'],
  [0xe5, 'ồ'],
  [0xe6, 'ổ'],
  [0xe7, 'ỗ'],
  [0xe8, 'ố'],
  [0xe9, 'ộ'],
  [0xac, 'ơ'],
  [0xea, 'ờ'],
  [0xeb, 'ở'],
  [0xec, 'ỡ'],
  [0xed, 'ớ'],
  [0xee, 'ợ'],
  [0xef, 'ù'],
  [0xf1, 'ủ'],
  [0xf2, 'ũ'],
  [0xf3, 'ú'],
  [0xf4, 'ụ'],
  [0xad, 'ư'],
  [0xf5, 'ừ'],
  [0xf6, 'ử'],
  [0xf7, 'ữ'],
  [0xf8, 'ứ'],
  [0xf9, 'ự'],
  [0xfa, 'ỳ'],
  [0xfb, 'ỷ'],
  [0xfc, 'ỹ'],
  [0xfd, 'ý'],
  [0xfe, 'ỵ'],
  [0xa1, 'Ă'],
  [0xa2, 'Â'],
  [0xa7, 'Đ'],
  [0xa3, 'Ê'],
  [0xa4, 'Ô'],
  [0xa5, 'Ơ'],
  [0xa6, 'Ư'],
];
const TCVN3_MAP = new Map<string, string>(TCVN3_PAIRS.map(([code, u]) => [String.fromCharCode(code), u]));

/** Convert TCVN3 text; `upperCase` for text typed in a ".VnXxxH" (capitals) font. */
export function tcvn3ToUnicode(text: string, options: { upperCase?: boolean } = {}): string {
  let out = '';
  for (const ch of text) out += TCVN3_MAP.get(ch) ?? ch;
  return options.upperCase ? out.toLocaleUpperCase('vi') : out;
}

// ---- VNI -------------------------------------------------------------------------------------

/** Tone marks after a vowel (lower-case mark bytes; upper-case text uses the upper-case bytes). */
const VNI_TONES: ReadonlyArray<readonly [string, string, string]> = [
  // [lower mark, upper mark, combining tone]
  ['ø', 'Ø', '\u0300'], // huyền
  ['ù', 'Ù', '\u0301'], // sắc
  ['û', 'Û', '\u0309'], // hỏi
  ['õ', 'Õ', '\u0303'], // ngã
  ['ï', 'Ï', '\u0323'], // nặng
];
/** Vowel shape + tone combined in one mark byte, after a/e/o: â-family and ă-family. */
const VNI_SHAPED: ReadonlyArray<readonly [string, string, 'circumflex' | 'breve', string]> = [
  ['â', 'Â', 'circumflex', ''],
  ['à', 'À', 'circumflex', '\u0300'],
  ['á', 'Á', 'circumflex', '\u0301'],
  ['å', 'Å', 'circumflex', '\u0309'],
  ['ã', 'Ã', 'circumflex', '\u0303'],
  ['ä', 'Ä', 'circumflex', '\u0323'],
  ['ê', 'Ê', 'breve', ''],
  ['è', 'È', 'breve', '\u0300'],
  ['é', 'É', 'breve', '\u0301'],
  ['ú', 'Ú', 'breve', '\u0309'],
  ['ü', 'Ü', 'breve', '\u0303'],
  ['ë', 'Ë', 'breve', '\u0323'],
];
const VNI_SINGLE = new Map<string, string>([
  ['ô', 'ơ'],
  ['Ô', 'Ơ'],
  ['ö', 'ư'],
  ['Ö', 'Ư'],
  ['ñ', 'đ'],
  ['Ñ', 'Đ'],
  ['ì', 'ì'],
  ['Ì', 'Ì'],
  ['í', 'í'],
  ['Í', 'Í'],
  ['æ', 'ỉ'],
  ['Æ', 'Ỉ'],
  ['ó', 'ĩ'],
  ['Ó', 'Ĩ'],
  ['ò', 'ị'],
  ['Ò', 'Ị'],
  ['î', 'ỵ'],
  ['Î', 'Ỵ'],
]);

/** Two-character VNI sequences → Unicode, built from the rules above. */
const VNI_PAIRS: Map<string, string> = (() => {
  const m = new Map<string, string>();
  const bases = ['a', 'e', 'o', 'u', 'y', 'A', 'E', 'O', 'U', 'Y', 'ô', 'Ô', 'ö', 'Ö'];
  for (const base of bases) {
    const unicodeBase = VNI_SINGLE.get(base) ?? base; // ô → ơ, ö → ư
    for (const [lo, up, tone] of VNI_TONES) {
      m.set(base + lo, toNfc(unicodeBase + tone));
      m.set(base + up, toNfc(unicodeBase + tone));
    }
  }
  for (const base of ['a', 'e', 'o', 'A', 'E', 'O']) {
    for (const [lo, up, shape, tone] of VNI_SHAPED) {
      if (shape === 'breve' && base.toLowerCase() !== 'a') continue; // only ă has a breve
      const mark = shape === 'circumflex' ? '\u0302' : '\u0306';
      const u = toNfc(base + mark + tone);
      m.set(base + lo, u);
      m.set(base + up, u);
    }
  }
  return m;
})();

/** Convert VNI (VNI-Windows) text. */
export function vniToUnicode(text: string): string {
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const next = chars[i + 1];
    // ơ/ư followed by a tone: "ôø" = ờ, "öù" = ứ.
    if (next !== undefined) {
      const pair = VNI_PAIRS.get(ch + next);
      if (pair !== undefined) {
        out += pair;
        i++;
        continue;
      }
    }
    out += VNI_SINGLE.get(ch) ?? ch;
  }
  return out;
}

// ---- Detection -------------------------------------------------------------------------------

export type TextEncoding = 'unicode' | 'tcvn3' | 'vni' | 'ascii' | 'unknown';

export interface EncodingGuess {
  encoding: TextEncoding;
  /** Evidence counts, for diagnostics. */
  scores: { unicode: number; tcvn3: number; vni: number };
}

/** Letters only Unicode Vietnamese has (outside Latin-1): ă đ ĩ ũ ơ ư and U+1EA0–U+1EF9. */
const UNICODE_VI = /[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9]/g;
/** TCVN3 code points in 0xA1–0xBF: never produced by VNI nor by Vietnamese Unicode text. */
const TCVN3_ONLY = /[\u00a1-\u00a9\u00aa-\u00ae\u00b5-\u00b9\u00bb-\u00be]/g;
/** VNI: a vowel followed by a mark byte where Vietnamese Unicode never has one (aø, eä, eá, öô),
 * or đ (ñ) starting a word. */
const VNI_SEQ = /[aeouyAEOUYôÔöÖ][øûïåäëüØÛÏÅÄËÜ]|[eE][âàáåãäÂÀÁÅÃÄ]|[öÖ][ôÔ]|(?:^|[^\p{L}])[ñÑ][aeiouyâêôöìíæóòîAEIOUYÂÊÔÖÌÍÆÓÒÎ]/gu;

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

/** Guess the encoding of a piece of text by characteristic code points and sequences. */
export function detectVietnameseEncoding(text: string): EncodingGuess {
  const scores = { unicode: count(text, UNICODE_VI), tcvn3: count(text, TCVN3_ONLY), vni: count(text, VNI_SEQ) };
  let encoding: TextEncoding;

  if (/^[\x00-\x7f]*$/.test(text)) encoding = 'ascii';
  else if (scores.unicode > 0 && scores.unicode >= scores.tcvn3 + scores.vni) encoding = 'unicode';
  else if (scores.tcvn3 > 0 && scores.tcvn3 >= scores.vni) encoding = 'tcvn3';
  else if (scores.vni > 0) encoding = 'vni';
  else if (scores.unicode > 0) encoding = 'unicode';
  else encoding = 'unknown';
  return { encoding, scores };
}

/**
 * Normalise user text to Unicode NFC: legacy TCVN3/VNI text is detected and converted.
 * Throws `DocumentError` when the text is neither Unicode nor a recognisable legacy encoding,
 * rather than storing garbled names.
 */
export function toUnicodeVietnamese(text: string, options: { upperCase?: boolean } = {}): string {
  const nfc = toNfc(text);
  const guess = detectVietnameseEncoding(nfc);
  switch (guess.encoding) {
    case 'ascii':
    case 'unicode':
      return nfc;
    case 'tcvn3':
      return tcvn3ToUnicode(nfc, options);
    case 'vni':
      return vniToUnicode(nfc);
    case 'unknown': {
      // Latin-1 letters with no Vietnamese evidence (é, ô…) are valid Unicode on their own
      // only if every one of them is a Vietnamese letter; otherwise we cannot tell.
      const foreign = nfc.match(/[\u0080-\u00ff]/g) ?? [];
      const vietnameseLatin1 = /[àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ]/;
      if (foreign.every((c) => vietnameseLatin1.test(c))) return nfc;
      throw new DocumentError(
        'text_encoding_unknown',
        `Không nhận diện được bảng mã của văn bản (có ký tự lạ: ${[...new Set(foreign)].slice(0, 8).join(' ')}). ` +
          'Hãy chuyển văn bản sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi nhập lại.',
      );
    }
  }
}
