/** Regime B: Law 06/2022/QH15 + NĐ 98/2023/NĐ-CP + TT 01/2024/TT-BNV; decisions 2024-01-01 … 2025-06-30. */
import { REGIME_LABELS } from '../../../shared/codes.js';

import {
  LAW_2022,
  art,
  authority,
  definePack,
  formCoefficients,
  hcldCoefficients,
  heroCoefficients,
  lawCriteria,
  titleCoefficients,
  vote,
  withPrinciples,
  type CriteriaParams,
} from './base.js';
import { ND98_FUND } from './fund.js';
import { CONSULTATION_DEADLINE, pipelineRules, stepLimit } from './pipeline.js';

const ND98 = 'NĐ 98/2023/NĐ-CP';
const cp: CriteriaParams = {
  prefix: 'ND98',
  instrument: LAW_2022,
  principlesArticle: art(4, ND98),
  principlesVerified: true,
  cstdcsMode: 'any',
};

/** Shared with ND152 for the parts the catalog says are unchanged. */
export function nd98Criteria(params: CriteriaParams): ReturnType<typeof lawCriteria> {
  return withPrinciples(lawCriteria(params), params);
}

const MONEY = 'Điều 53–58 ' + ND98;
const HOUSEHOLD_UNVERIFIED = { multiplier: 1.5, article: `${ND98} (chưa xác minh mức cho hộ gia đình)`, verified: false };
const VOTE = art(30, ND98, 7);
const AUTH = art(80, LAW_2022);
const AUTH_UPPER = `${LAW_2022} (Điều 78–79, chưa xác minh số điều)`;

const NOTICE = `${art(84, LAW_2022, 5)}; ${art(46, ND98, 2)}`;
const QD311 = 'QĐ 311/QĐ-BNV';
const QD311_LATER = 'QĐ 311/QĐ-BNV ban hành năm 2025; thời hạn áp dụng trước đó chưa xác minh';

export const ND98_2023_PACK = definePack({
  regime: 'ND98_2023',
  label: REGIME_LABELS.ND98_2023,
  decisionsFrom: '2024-01-01',
  decisionsTo: '2025-06-30',
  criteria: nd98Criteria(cp),
  money: {
    ...titleCoefficients(MONEY),
    GK: formCoefficients(0.3, 0.6, `Khoản 1 Điều 58 ${ND98}`, false, HOUSEHOLD_UNVERIFIED, 'Hệ số NĐ 98 chưa xác minh; tạm dùng 0,3 / 0,6 như NĐ 91 và NĐ 152'),
    BK_BO_TINH: formCoefficients(
      1.0,
      2.0,
      `Điểm b khoản 1 Điều 58 ${ND98}`,
      false,
      HOUSEHOLD_UNVERIFIED,
      'Chưa xác minh: NĐ 91 là 1,0 / 2,0, NĐ 152 là 1,5 / 3,0; chưa rõ mức tăng có từ NĐ 98 hay không',
    ),
    BK_TTG: formCoefficients(3.5, 7.0, `Điểm a khoản 1 Điều 58 ${ND98}`, false, HOUSEHOLD_UNVERIFIED),
    ...hcldCoefficients(`${ND98} (hệ số Huân chương Lao động chưa xác minh)`, false),
    ...heroCoefficients(
      { article: art(56, ND98), verified: true },
      { article: `${art(56, ND98)} (mức tập thể gấp đôi chưa xác minh; theo Điều 52 NĐ 152/2025)`, verified: false },
    ),
    KNC: {
      individual: {
        coefficient: 0.6,
        isCap: true,
        article: `Điểm d khoản 1 Điều 58 ${ND98}`,
        verified: true,
        note: 'Tối đa 0,6; cơ quan ban hành quy định mức cụ thể',
      },
    },
  },
  votes: {
    CSTDCS: vote(0.8, VOTE, true, false),
    CSTD_BO_TINH: vote(0.9, VOTE, true, true),
    CSTD_TQ: vote(0.9, VOTE, true, true),
    CO_BO_TINH: vote(0.8, VOTE, true, false),
    CO_CP: vote(0.8, VOTE, true, false),
    BK_TTG: vote(0.8, `${VOTE} (theo TTHC 5084, NHNN)`, false, true),
    HCLD3: vote(0.8, `${VOTE} (theo TTHC 5084, NHNN)`, false, true),
    HCLD2: vote(0.8, `${VOTE} (theo TTHC 5084, NHNN)`, false, true),
    HCLD1: vote(0.8, `${VOTE} (theo TTHC 5084, NHNN)`, false, true),
    HCLD: vote(0.8, `${VOTE} (theo TTHC 5084, NHNN)`, false, true),
    AHLD: vote(0.9, VOTE, true, true),
    AHLLVTND: vote(0.9, VOTE, true, true),
  },
  quotas: {},
  authority: {
    LDTT: authority(['thu_truong_don_vi', 'chu_tich_ubnd_huyen', 'chu_tich_ubnd_xa', 'giam_doc_doanh_nghiep'], AUTH, true),
    CSTDCS: authority(['thu_truong_don_vi', 'chu_tich_ubnd_huyen', 'giam_doc_doanh_nghiep'], AUTH, true, 'Chủ tịch UBND cấp xã không có thẩm quyền'),
    TTLDTT: authority(['thu_truong_don_vi', 'chu_tich_ubnd_huyen', 'giam_doc_doanh_nghiep'], AUTH, true),
    GK: authority(['thu_truong_don_vi', 'chu_tich_ubnd_huyen', 'chu_tich_ubnd_xa', 'giam_doc_doanh_nghiep', 'chu_tich_hdqt'], AUTH, true),
    CSTD_BO_TINH: authority(['bo_truong_chu_tich_tinh'], AUTH_UPPER, false),
    TTLDXS: authority(['bo_truong_chu_tich_tinh'], AUTH_UPPER, false),
    CO_BO_TINH: authority(['bo_truong_chu_tich_tinh'], AUTH_UPPER, false),
    BK_BO_TINH: authority(['bo_truong_chu_tich_tinh'], AUTH_UPPER, false),
    CSTD_TQ: authority(['thu_tuong'], AUTH_UPPER, false),
    CO_CP: authority(['thu_tuong'], AUTH_UPPER, false),
    BK_TTG: authority(['thu_tuong'], AUTH_UPPER, false),
    HCLD3: authority(['chu_tich_nuoc'], AUTH_UPPER, false),
    HCLD2: authority(['chu_tich_nuoc'], AUTH_UPPER, false),
    HCLD1: authority(['chu_tich_nuoc'], AUTH_UPPER, false),
    HCLD: authority(['chu_tich_nuoc'], AUTH_UPPER, false, 'Chủ tịch nước quyết định cả hạng Huân chương'),
    AHLD: authority(['chu_tich_nuoc'], AUTH_UPPER, false, 'Danh hiệu vinh dự nhà nước do Chủ tịch nước phong tặng, truy tặng'),
    AHLLVTND: authority(['chu_tich_nuoc'], AUTH_UPPER, false, 'Danh hiệu vinh dự nhà nước do Chủ tịch nước phong tặng, truy tặng'),
    KNC: authority(['co_quan_ban_hanh_knc'], 'Quy định của cơ quan ban hành', false),
  },
  rounding: {
    mode: 'ceil',
    step: 10_000,
    article: art(53, ND98),
    verified: true,
    note: 'Làm tròn lên bội số 10.000 đ; việc luôn làm tròn lên (không phải gần nhất) chưa xác minh',
  },
  deadlines: [
    {
      id: 'cstdtq_gui_bnv',
      label: 'Bộ Nội vụ nhận hồ sơ CSTĐ toàn quốc trước 31/12 năm sau năm đạt thành tích',
      kind: 'yearly_date',
      month: 12,
      day: 31,
      yearOffset: 1,
      article: art(32, ND98),
      verified: true,
    },
    {
      id: 'co_cp_gui_bnv',
      label: 'Bộ Nội vụ nhận hồ sơ Cờ thi đua của Chính phủ trước 30/6',
      kind: 'yearly_date',
      month: 6,
      day: 30,
      yearOffset: 1,
      article: art(32, ND98),
      verified: true,
      note: 'Ngành giáo dục: trước 31/12',
    },
    {
      id: 'bnv_tham_dinh',
      label: 'Bộ Nội vụ thẩm định, trình Thủ tướng trong 20 ngày làm việc',
      kind: 'working_days',
      days: 20,
      article: art(32, ND98),
      verified: true,
    },
    {
      id: 'cong_khai_truoc_hop',
      label: 'Công khai danh sách đề nghị Huân chương, danh hiệu vinh dự nhà nước ít nhất 10 ngày làm việc trước khi họp Hội đồng',
      kind: 'working_days',
      days: 10,
      article: art(46, ND98, 2),
      verified: true,
    },
    {
      id: 'tong_ket_nam_gui_so',
      label: 'Hồ sơ tổng kết năm gửi cơ quan thường trực Hội đồng trước 10/12',
      kind: 'yearly_date',
      month: 12,
      day: 10,
      yearOffset: 0,
      article: 'QĐ 86/2025 Bắc Ninh, Điều 6 (ví dụ cấp tỉnh)',
      verified: false,
      note: 'Mỗi tỉnh, bộ quy định; cơ quan ghi đè',
    },
    { ...CONSULTATION_DEADLINE },
  ],
  fund: ND98_FUND,
  pipeline: pipelineRules({
    dossierArticle: art(84, LAW_2022, 1),
    dossierVerified: true,
    publicNotice: [
      { honor: 'HCLD3', article: NOTICE, verified: true },
      { honor: 'HCLD2', article: NOTICE, verified: true },
      { honor: 'HCLD1', article: NOTICE, verified: true },
      { honor: 'HCLD', article: NOTICE, verified: true },
      { honor: 'AHLD', article: NOTICE, verified: true },
      { honor: 'AHLLVTND', article: NOTICE, verified: true },
      {
        honor: 'CSTD_TQ',
        article: `${art(45, 'NĐ 91/2017/NĐ-CP', 10)} (giữ như chế độ trước)`,
        verified: false,
        note: 'Khoản 2 Điều 46 NĐ 98 chỉ nêu Huân chương và danh hiệu vinh dự nhà nước; thực tế các bộ vẫn công khai CSTĐ toàn quốc. Cơ quan có thể bỏ',
      },
    ],
    stepLimits: [
      stepLimit('submitted', 5, 'Tiếp nhận hoặc trả lại hồ sơ', `${QD311} (05 ngày làm việc)`, false, QD311_LATER),
      stepLimit(
        'received',
        20,
        'Thẩm định hồ sơ',
        `${art(32, ND98)} (20 ngày làm việc)`,
        true,
        'Thời hạn thẩm định của Bộ Nội vụ; hệ thống áp dụng cho bước thẩm định của cơ quan',
      ),
      stepLimit(
        'appraising',
        20,
        'Thẩm định, trình Hội đồng',
        `${art(32, ND98)} (20 ngày làm việc)`,
        true,
        'Thời hạn thẩm định của Bộ Nội vụ; hệ thống áp dụng cho bước thẩm định của cơ quan',
      ),
      stepLimit('reviewed', 10, 'Ra quyết định hoặc trình cấp trên', `${QD311} (10 ngày làm việc)`, false, QD311_LATER),
      stepLimit('returned', 5, 'Đơn vị bổ sung hồ sơ', 'Quy định của cơ quan (mặc định 05 ngày làm việc)', false),
    ],
    authorityArticle: AUTH,
    authorityVerified: true,
    instrument: LAW_2022,
  }),
  notes: {
    BK_BO_TINH: ['Điểm a–c khoản 1 Điều 74 (thành tích xuất sắc trong phong trào, đột xuất, đóng góp lớn) do Hội đồng xem xét, không tự động kiểm tra'],
  },
});
