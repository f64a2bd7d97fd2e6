/**
 * The award fund's parameters per regime (legal-rules.md §7.5): the budget allocation caps, the
 * share that may go to organising, the bonus fund of NĐ 73/2024 kept apart, and the time limit of
 * re-issuing or exchanging award items. Where a regime's own clause was not read, the values of
 * the next regime are carried, flagged UNVERIFIED.
 */
import type { FundRules } from '../types.js';

const ND152 = 'NĐ 152/2025/NĐ-CP';
const ND98 = 'NĐ 98/2023/NĐ-CP';
const TT28 = 'TT 28/2025/TT-BTC';
const ND73 = 'Khoản 1 Điều 4 NĐ 73/2024/NĐ-CP';
const REISSUE = {
  days: 15,
  kind: 'days' as const,
  article: 'Mẫu đơn đề nghị cấp đổi, cấp lại hiện vật khen thưởng (2025): 15 ngày',
  verified: false,
  note: 'Chưa xác minh là ngày làm việc hay ngày theo lịch; hệ thống tính 15 ngày theo lịch (thời hạn ngắn hơn). Cơ quan sửa theo quy chế của mình',
};

export const ND152_FUND: FundRules = {
  budgetCaps: [
    {
      basis: 'recurrent_spending_delta',
      share: 0.01,
      article: `Điểm b khoản 3 Điều 46 ${ND152}`,
      verified: true,
      note: 'Tối đa 1,0% chi thường xuyên; đóng góp tính thêm',
    },
    {
      basis: 'recurrent_spending_mountain',
      share: 0.015,
      article: `Điểm b khoản 3 Điều 46 ${ND152}`,
      verified: true,
      note: 'Tối đa 1,5% chi thường xuyên (miền núi, trung du, Tây Nguyên, vùng sâu, hải đảo); đóng góp tính thêm',
    },
    {
      basis: 'salary_fund',
      share: 0.2,
      article: `${ND152} (điều khoản cho bộ, ngành chưa xác minh; tạm áp dụng Điều 50 ${ND98})`,
      verified: false,
      note: 'Tối đa 20% quỹ tiền lương theo ngạch, bậc',
    },
  ],
  organisingShare: {
    share: 0.2,
    article: TT28,
    verified: true,
    note: 'Tối đa 20% quỹ của mỗi cấp cho tổ chức phong trào, tuyên truyền, kiểm tra, hội nghị sơ kết, tổng kết, ký kết giao ước',
  },
  bonusFund: { share: 0.1, article: ND73, verified: true, note: 'Quỹ tiền thưởng 10% quỹ lương, ngoài quỹ thi đua, khen thưởng' },
  reissue: REISSUE,
};

export const ND98_FUND: FundRules = {
  budgetCaps: [
    ...ND152_FUND.budgetCaps
      .filter((c) => c.basis !== 'salary_fund')
      .map((c) => ({ ...c, article: `${ND98} (mức cho tỉnh chưa xác minh; tạm áp dụng ${c.article})`, verified: false })),
    {
      basis: 'salary_fund',
      share: 0.2,
      article: `Điều 50 ${ND98}`,
      verified: true,
      note: 'Tối đa 20% tổng quỹ tiền lương theo ngạch, bậc (xác minh qua nguồn thứ cấp)',
    },
  ],
  organisingShare: { share: 0.2, article: `${TT28} có hiệu lực từ 15/07/2025; trước đó chưa xác minh`, verified: false },
  bonusFund: ND152_FUND.bonusFund,
  reissue: REISSUE,
};

export const ND91_FUND: FundRules = {
  budgetCaps: ND98_FUND.budgetCaps.map((c) => ({ ...c, article: `NĐ 91/2017/NĐ-CP (chưa xác minh; tạm áp dụng ${c.article})`, verified: false })),
  organisingShare: { share: 0.2, article: 'NĐ 91/2017/NĐ-CP (chưa xác minh; tạm áp dụng TT 28/2025/TT-BTC)', verified: false },
  bonusFund: { ...ND152_FUND.bonusFund, article: `${ND73} (có hiệu lực từ 01/07/2024)`, verified: false },
  reissue: REISSUE,
};
