/**
 * Fields a template shows or hides by the content of others, filled before rendering so that every
 * caller (and the sample data) gets them alike. A clerk expects a report without an empty heading or a
 * table of headers only: a section with nothing to say is left out and the remaining headings keep
 * their order I, II, III… without a gap.
 */
import type { TemplateKind } from './fields.js';
import { headerLines } from './model.js';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

const hasItems = (v: unknown): boolean => Array.isArray(v) && v.some((x) => (typeof x === 'string' ? x.trim() !== '' : x != null));

/** Báo cáo sơ kết, tổng kết: "I. KẾT QUẢ THỰC HIỆN" always; then tồn tại, bài học, phương hướng when they have text. */
function reportSections(data: Record<string, unknown>): Record<string, unknown> {
  const sections = [
    ['mucTonTai', 'tonTai', 'TỒN TẠI, HẠN CHẾ'],
    ['mucBaiHoc', 'baiHoc', 'BÀI HỌC KINH NGHIỆM'],
    ['mucPhuongHuong', 'phuongHuong', 'PHƯƠNG HƯỚNG, NHIỆM VỤ'],
  ] as const;
  const out: Record<string, unknown> = {
    coTongHop: hasItems(data.tongHop) ? 'x' : '',
    coSoLieu: hasItems(data.soLieu) ? 'x' : '',
    coTheoDonVi: hasItems(data.theoDonVi) ? 'x' : '',
  };
  let n = 1; // I is the results section, always present.
  for (const [field, list, title] of sections) out[field] = hasItems(data[list]) ? `${ROMAN[n++]}. ${title}` : '';
  return out;
}

/**
 * Báo cáo thành tích, part II: the fixed items (nhiệm vụ, thành tích; the collective's results) come
 * first, then the ratings table (always: "Không có" when empty), then biện pháp and sáng kiến when
 * they have text, numbered on without a gap.
 */
function achievementSections(first: number) {
  return (data: Record<string, unknown>): Record<string, unknown> => {
    let n = first;
    const out: Record<string, unknown> = { mucKetQua: `${n++}. Kết quả xếp loại chất lượng, đánh giá hằng năm:` };
    out.mucBienPhap = hasItems(data.bienPhap) ? `${n++}. Các biện pháp, giải pháp đã thực hiện:` : '';
    out.mucSangKien = hasItems(data.sangKien) ? `${n}. Sáng kiến, đề tài, giải pháp được công nhận:` : '';
    return out;
  };
}

const DERIVED: Partial<Record<TemplateKind, (data: Record<string, unknown>) => Record<string, unknown>>> = {
  bao_cao_tong_ket: reportSections,
  bao_cao_thanh_tich_ca_nhan: achievementSections(3),
  bao_cao_thanh_tich_tap_the: achievementSections(2),
};

/** The data with the kind's derived fields added; a value the caller set is kept. */
export function withDerivedFields(kind: TemplateKind, data: Record<string, unknown>): Record<string, unknown> {
  const out = { ...data };
  // Every kind: the issuing body's name broken as a clerk would break it (model.ts headerLines).
  if (typeof out.coQuanBanHanh === 'string') out.coQuanBanHanh = headerLines(out.coQuanBanHanh);
  const derive = DERIVED[kind];
  if (!derive) return out;
  for (const [k, v] of Object.entries(derive(data))) if (out[k] === undefined) out[k] = v;
  return out;
}
