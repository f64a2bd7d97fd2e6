/** Base salary (mức lương cơ sở) history, codes.md and legal-rules.md §7.3. Data, not code. */
import { RuleError, type BaseSalaryEntry, type IsoDate } from './types.js';
import { assertIsoDate } from './regimes.js';

/** Ascending by `from`; each amount applies until the next entry starts. */
export const BASE_SALARY_TABLE: readonly BaseSalaryEntry[] = [
  { from: '2017-07-01', amount: 1_300_000, article: 'NĐ 47/2017/NĐ-CP', verified: false },
  {
    from: '2018-07-01',
    amount: 1_390_000,
    article: 'NĐ 72/2018/NĐ-CP',
    verified: false,
    note: 'Mức 1.390.000 đã xác minh; ngày bắt đầu 01/07/2018 chưa xác minh',
  },
  { from: '2019-07-01', amount: 1_490_000, article: 'NĐ 38/2019/NĐ-CP', verified: true },
  { from: '2023-07-01', amount: 1_800_000, article: 'NĐ 24/2023/NĐ-CP', verified: true },
  { from: '2024-07-01', amount: 2_340_000, article: 'Khoản 2 Điều 3 NĐ 73/2024/NĐ-CP', verified: true },
];

/** The entry in force on `date` (the money rule uses the decision date: ND91 Art 68, ND98 Art 53, ND152 Art 49). */
export function baseSalaryEntryOn(date: IsoDate, table: readonly BaseSalaryEntry[] = BASE_SALARY_TABLE): BaseSalaryEntry {
  assertIsoDate(date);
  let found: BaseSalaryEntry | undefined;
  for (const e of table) if (e.from <= date) found = e;
  if (!found) throw new RuleError('no_base_salary', `Chưa có dữ liệu mức lương cơ sở áp dụng cho ngày ${formatViDate(date)}`);
  return found;
}

/** Base salary amount (VND/month) in force on `date`. */
export function baseSalaryOn(date: IsoDate, table: readonly BaseSalaryEntry[] = BASE_SALARY_TABLE): number {
  return baseSalaryEntryOn(date, table).amount;
}

/** dd/mm/yyyy, as shown to users. */
export function formatViDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
