/**
 * The content of a Báo cáo thành tích as the unit edits it (both forms: a person's and a
 * collective's; the fields of the other form stay empty). Narrative parts are free text, one
 * paragraph per line; the tables are rows. Shared by the server (validation, rendering) and the web.
 */
import { z } from 'zod';

const line = (label: string, max = 300) =>
  z
    .string({ error: `${label}: phải là chữ.` })
    .trim()
    .max(max, `${label}: tối đa ${max} ký tự.`)
    .default('');
const block = (label: string) =>
  z
    .string({ error: `${label}: phải là chữ.` })
    .trim()
    .max(20_000, `${label}: tối đa 20.000 ký tự.`)
    .default('');
const year = z
  .string({ error: 'Năm phải là chữ số.' })
  .trim()
  .regex(/^\d{4}(\s*-\s*\d{4})?$/, 'Năm phải có dạng 2021 hoặc 2019-2021.');

export const ratingRowSchema = z.object({ nam: year, xepLoai: line('Xếp loại chất lượng', 200), ghiChu: line('Ghi chú', 300) });
export const awardRowSchema = z.object({
  nam: year,
  noiDung: line('Danh hiệu / hình thức khen thưởng', 300).refine((s) => s !== '', 'Hãy ghi danh hiệu hoặc hình thức khen thưởng của dòng.'),
  soNgayQuyetDinh: line('Số, ngày của quyết định', 200),
  coQuanBanHanh: line('Cơ quan ban hành', 300),
});

export const achievementReportContentSchema = z
  .object({
    hinhThucDeNghi: line('Hình thức đề nghị khen thưởng', 200).refine((s) => s !== '', 'Hãy ghi hình thức đề nghị khen thưởng.'),
    // I. Sơ lược lý lịch (a person)
    hoTen: line('Họ và tên', 200),
    gioiTinh: line('Giới tính', 20),
    ngaySinh: line('Ngày, tháng, năm sinh', 50),
    queQuan: line('Quê quán'),
    truQuan: line('Trú quán'),
    donViCongTac: line('Đơn vị công tác'),
    chucVu: line('Chức vụ'),
    trinhDo: line('Trình độ chuyên môn, nghiệp vụ'),
    hocHam: line('Học hàm, học vị, danh hiệu, giải thưởng'),
    // I. Sơ lược đặc điểm, tình hình (a collective)
    tenTapThe: line('Tên tập thể'),
    diaChi: line('Địa chỉ'),
    dienThoai: line('Điện thoại, e-mail', 200),
    quaTrinh: block('Quá trình thành lập và phát triển'),
    coCau: block('Cơ cấu tổ chức'),
    // II. Thành tích đạt được
    nhiemVu: block('Chức năng, nhiệm vụ được giao'),
    thanhTich: block('Thành tích, kết quả đạt được'),
    bienPhap: block('Các biện pháp, giải pháp'),
    sangKien: block('Sáng kiến, đề tài'),
    xepLoai: z.array(ratingRowSchema).max(40, 'Bảng xếp loại: tối đa 40 dòng.').default([]),
    // III. Các hình thức đã được khen thưởng
    danhHieu: z.array(awardRowSchema).max(200, 'Bảng danh hiệu: tối đa 200 dòng.').default([]),
    khenThuong: z.array(awardRowSchema).max(200, 'Bảng khen thưởng: tối đa 200 dòng.').default([]),
    // Signatures
    thuTruong: line('Thủ trưởng đơn vị', 200),
    thuTruongCapTren: line('Thủ trưởng đơn vị cấp trên', 200),
  })
  .meta({ id: 'AchievementReportContent' });

export type AchievementReportContent = z.output<typeof achievementReportContentSchema>;
export type AchievementReportContentInput = z.input<typeof achievementReportContentSchema>;

export const ACHIEVEMENT_REPORT_FORMS = ['individual', 'collective'] as const;
export type AchievementReportForm = (typeof ACHIEVEMENT_REPORT_FORMS)[number];
