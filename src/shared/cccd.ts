/**
 * Căn cước công dân (CCCD) numbers: 12 digits = 3-digit province code of birth registration,
 * 1 digit for gender and century, 2 digits for the year of birth, 6 random digits
 * (Thông tư 07/2016/TT-BCA, Điều 7). We check the structure; only the police can check existence.
 */

// Province codes in force for CCCD (63 provinces before the 2025 merger; numbers stay valid).
const PROVINCE_CODES = new Set([
  '001',
  '002',
  '004',
  '006',
  '008',
  '010',
  '011',
  '012',
  '014',
  '015',
  '017',
  '019',
  '020',
  '022',
  '024',
  '025',
  '026',
  '027',
  '030',
  '031',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '040',
  '042',
  '044',
  '045',
  '046',
  '048',
  '049',
  '051',
  '052',
  '054',
  '056',
  '058',
  '060',
  '062',
  '064',
  '066',
  '067',
  '068',
  '070',
  '072',
  '074',
  '075',
  '077',
  '079',
  '080',
  '082',
  '083',
  '084',
  '086',
  '087',
  '089',
  '091',
  '092',
  '093',
  '094',
  '095',
  '096',
]);

export interface CccdContext {
  gender?: 'nam' | 'nu' | null | undefined;
  birthDate?: string | null | undefined; // yyyy-mm-dd
}

/** Returns a Vietnamese reason when the number is not a valid CCCD, else null. */
export function cccdProblem(raw: string, ctx: CccdContext = {}): string | null {
  const value = raw.trim();
  if (!/^\d{12}$/.test(value)) return 'Số CCCD phải gồm đúng 12 chữ số.';
  if (!PROVINCE_CODES.has(value.slice(0, 3))) return `Số CCCD có mã tỉnh nơi đăng ký khai sinh "${value.slice(0, 3)}" không tồn tại.`;
  const code = Number(value[3]);
  const century = 1900 + Math.floor(code / 2) * 100;
  if (century > 2100) return 'Số CCCD có mã thế kỷ sinh không hợp lệ.';
  const gender = code % 2 === 0 ? 'nam' : 'nu';
  if (ctx.gender && ctx.gender !== gender) {
    return `Số CCCD không khớp giới tính: chữ số thứ 4 (${code}) là mã của ${gender === 'nam' ? 'nam' : 'nữ'}.`;
  }
  if (ctx.birthDate) {
    const year = century + Number(value.slice(4, 6));
    const birthYear = Number(ctx.birthDate.slice(0, 4));
    if (year !== birthYear) return `Số CCCD không khớp năm sinh: số CCCD cho năm ${year}, hồ sơ ghi năm ${birthYear}.`;
  }
  return null;
}

/** Builds a structurally valid CCCD (for demo data and tests). */
export function makeCccd(province: string, gender: 'nam' | 'nu', birthYear: number, serial: number): string {
  const centuryCode = Math.floor((birthYear - 1900) / 100) * 2 + (gender === 'nu' ? 1 : 0);
  return `${province}${centuryCode}${String(birthYear % 100).padStart(2, '0')}${String(serial % 1_000_000).padStart(6, '0')}`;
}
