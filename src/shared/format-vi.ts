/**
 * Vietnamese formatting helpers (pure, no I/O). Shared by the server (documents) and the web UI.
 * Conventions come from ../shared/domain/codes.md ("Dates and numbers shown to users") and
 * NĐ 30/2020/NĐ-CP (date line of administrative documents).
 */

/** A calendar date: a `Date` or an ISO string `YYYY-MM-DD` (time part ignored). */
export type DateInput = Date | string;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Vietnam has used UTC+7 without DST since 1975, so a fixed offset is exact. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * Calendar parts of a date as seen in Vietnam. Strings `YYYY-MM-DD…` are taken literally (a
 * stored date has no time zone); `Date` instances are read in Vietnam time so that the result
 * does not depend on the server's TZ.
 */
export function datePartsVi(input: DateInput): DateParts {
  if (typeof input === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(input);
    if (!m) throw new RangeError(`Ngày không hợp lệ: "${input}" (cần dạng YYYY-MM-DD)`);
    return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  }
  if (Number.isNaN(input.getTime())) throw new RangeError('Ngày không hợp lệ');
  const shifted = new Date(input.getTime() + VIETNAM_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `26/06/2021`. */
export function formatDateVi(input: DateInput): string {
  const { year, month, day } = datePartsVi(input);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/**
 * `ngày 26 tháng 6 năm 2021`. NĐ 30/2020 (Phụ lục I): days below 10 and months 1 and 2 take a
 * leading zero (`ngày 05 tháng 02 năm 2021`) so the date cannot be altered by hand.
 */
export function formatLongDateVi(input: DateInput): string {
  const { year, month, day } = datePartsVi(input);
  const dd = day < 10 ? pad2(day) : String(day);
  const mm = month <= 2 ? pad2(month) : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

/** `Sơn La, ngày 26 tháng 6 năm 2021` (the place-and-date line of an administrative document). */
export function formatPlaceDateVi(place: string, input: DateInput): string {
  return `${place}, ${formatLongDateVi(input)}`;
}

/** `1.490.000` — integer part grouped with dots; decimals (if any) after a comma. */
export function formatNumberVi(value: number, fractionDigits = 0): string {
  if (!Number.isFinite(value)) throw new RangeError(`Số không hợp lệ: ${value}`);
  const fixed = Math.abs(value).toFixed(fractionDigits);
  const [intPart = '0', frac] = fixed.split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + grouped + (frac ? `,${frac}` : '');
}

/** `1.490.000 đ`. */
export function formatMoneyVi(value: number): string {
  return `${formatNumberVi(Math.round(value))} đ`;
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const GROUP_NAMES = ['', 'nghìn', 'triệu', 'tỷ', 'nghìn tỷ', 'triệu tỷ'] as const;

function digitWord(d: number): string {
  return DIGITS[d] ?? '';
}

/** Words for 0 < n < 1000; `full` forces "không trăm"/"linh" when a higher group precedes. */
function threeDigitsToWords(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(digitWord(hundreds), 'trăm');
  if (tens === 0) {
    if (units > 0 && (hundreds > 0 || full)) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(digitWord(tens), 'mươi');
  }
  if (units > 0) {
    if (units === 1 && tens >= 2) words.push('mốt');
    else if (units === 5 && tens >= 1) words.push('lăm');
    else if (units === 4 && tens >= 2) words.push('tư');
    else words.push(digitWord(units));
  }
  return words;
}

/** Integer to Vietnamese words, lower case: 1490000 → "một triệu bốn trăm chín mươi nghìn". */
export function numberToWordsVi(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Chỉ đọc được số nguyên: ${value}`);
  if (value === 0) return 'không';
  if (value < 0) return `âm ${numberToWordsVi(-value)}`;
  const groups: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i] ?? 0;
    if (g === 0) continue;
    const hasHigher = i < groups.length - 1;
    words.push(...threeDigitsToWords(g, hasHigher));
    const name = GROUP_NAMES[i];
    if (name === undefined) throw new RangeError(`Số quá lớn: ${value}`);
    if (name) words.push(name);
  }
  return words.join(' ');
}

/** Money in words with a capital first letter: "Một triệu bốn trăm chín mươi nghìn đồng". */
export function moneyToWordsVi(value: number): string {
  const words = `${numberToWordsVi(Math.round(value))} đồng`;
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * An amount as official documents write it: in figures, then in words —
 * `31.230.000 đồng (Ba mươi mốt triệu hai trăm ba mươi nghìn đồng)`. Every document that states
 * money uses this one function.
 */
export function formatMoneyInWordsVi(value: number): string {
  return `${formatNumberVi(Math.round(value))} đồng (${moneyToWordsVi(value)})`;
}

/** Unicode NFC: legacy input (copy-paste from old documents) often arrives decomposed (NFD). */
export function toNfc(text: string): string {
  return text.normalize('NFC');
}

/** Lower-case, diacritics removed, đ → d, spaces collapsed: for matching headers and names. */
export function foldVi(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first letter in lower case, as a label reads inside a sentence ("Theo niên hạn" → "theo niên hạn"). */
export function lowerFirstVi(s: string): string {
  return s.replace(/^./u, (ch) => ch.toLocaleLowerCase('vi'));
}
