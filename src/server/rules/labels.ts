/** Vietnamese wording used in explanations (short honor names as written in practice, numbers). */
import {
  DISCIPLINE_LABELS,
  HONOR_INFO,
  INITIATIVE_SCOPE_LABELS,
  RATING_LABELS,
  type Discipline,
  type Honor,
  type InitiativeScope,
  type Rating,
} from '../../shared/codes.js';

/** Short names as officials write them ("cần 3 năm liên tục đạt CSTĐCS"). */
export const HONOR_SHORT: Record<Honor, string> = {
  LDTT: 'LĐTT',
  CSTDCS: 'CSTĐCS',
  CSTD_BO_TINH: 'CSTĐ bộ, ban, ngành, tỉnh',
  CSTD_TQ: 'CSTĐ toàn quốc',
  TTLDTT: 'TTLĐTT',
  TTLDXS: 'TTLĐXS',
  CO_BO_TINH: 'Cờ thi đua bộ, ban, ngành, tỉnh',
  CO_CP: 'Cờ thi đua của Chính phủ',
  GK: 'Giấy khen',
  BK_BO_TINH: 'Bằng khen bộ, ban, ngành, tỉnh',
  BK_TTG: 'Bằng khen của Thủ tướng Chính phủ',
  HCLD3: 'Huân chương Lao động hạng Ba',
  HCLD2: 'Huân chương Lao động hạng Nhì',
  HCLD1: 'Huân chương Lao động hạng Nhất',
  KNC: 'Kỷ niệm chương',
  AHLD: 'Anh hùng Lao động',
  AHLLVTND: 'Anh hùng LLVTND',
  HCLD: 'Huân chương Lao động (chưa xác định hạng)',
};

export const honorLabel = (h: Honor): string => HONOR_INFO[h].label;
export const ratingLabel = (r: Rating): string => RATING_LABELS[r];
export const disciplineLabel = (d: Discipline): string => DISCIPLINE_LABELS[d];
/** "cấp cơ sở", "cấp bộ, ban, ngành, tỉnh", "toàn quốc". */
export const scopeLabel = (s: InitiativeScope): string => INITIATIVE_SCOPE_LABELS[s].replace(/^C/, 'c').replace(/^T/, 't');

/** "Hoàn thành tốt nhiệm vụ trở lên"; the top rating has nothing above it. */
export function ratingAtLeastLabel(r: Rating): string {
  return r === 'HTXSNV' ? RATING_LABELS[r] : `${RATING_LABELS[r]} trở lên`;
}

/** "năm 2023" or "trong 2021–2023" (in running text). */
export function inWindow(from: number, to: number): string {
  return from === to ? `năm ${to}` : `trong ${from}–${to}`;
}

/** "năm 2023" or "2021–2023" (inside parentheses). */
export function windowLabel(from: number, to: number): string {
  return from === to ? `năm ${to}` : `${from}–${to}`;
}

/** Percent with a Vietnamese decimal comma and at most one decimal: 69,9%, 70%. */
export function percent(share: number): string {
  const v = Math.round(share * 1000) / 10;
  return `${String(v).replace('.', ',')}%`;
}

/** VND with dot thousands separators: 1.490.000 đ. */
export function vnd(amount: number): string {
  return `${Math.round(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}

/** Coefficients with a decimal comma: 0,3; 1,5; 12. */
export function coef(n: number): string {
  return String(n).replace('.', ',');
}

export const yearsList = (years: readonly number[]): string => years.join(', ');
