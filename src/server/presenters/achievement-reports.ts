/** Báo cáo thành tích: the JSON of the editor, and the DOCX rendered from the report with the regime's form. */
import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/client.js';
import { achievementReportActions, ACHIEVEMENT_REPORT_ACTIONS } from '../policies/dossier.js';
import { unitChainNames } from '../repositories/certificates.js';
import { issuingBodies, documentFileStem } from '../documents/docx/model.js';
import { renderDocument } from '../documents/index.js';
import type { ReportView } from '../commands/achievement-reports.js';
import { achievementReportContentSchema, ACHIEVEMENT_REPORT_FORMS } from '../../shared/schemas/achievement-reports.js';
import { REGIMES, REGIME_LABELS } from '../../shared/codes.js';
import { formatLongDateVi } from '../../shared/format-vi.js';
import { todayVn } from '../clock.js';

export const achievementReportSchema = z
  .object({
    id: z.string().nullable().describe('null: chưa lưu lần nào (nội dung điền sẵn từ dữ liệu)'),
    dossierId: z.string(),
    candidateId: z.string(),
    candidateName: z.string(),
    form: z.enum(ACHIEVEMENT_REPORT_FORMS).describe('individual: mẫu của cá nhân; collective: mẫu của tập thể'),
    regime: z.enum(REGIMES),
    regimeLabel: z.string(),
    formLabel: z.string().describe('Tên mẫu báo cáo của chế độ áp dụng'),
    formNumber: z.string().describe('Số hiệu mẫu in trên văn bản ("" khi danh mục pháp lý chưa xác minh số hiệu)'),
    content: achievementReportContentSchema,
    version: z.number().int().describe('0: chưa lưu'),
    attachedDocumentId: z.string().nullable(),
    attachedAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
    signed: z.boolean().describe('Đã có chữ ký số: nội dung không sửa nữa, bản đã ký (khi đủ chữ ký và con dấu) là báo cáo của hồ sơ'),
    abilities: z.array(z.enum(ACHIEVEMENT_REPORT_ACTIONS)).describe('update: sửa, lưu; attach: đính kèm vào hồ sơ'),
  })
  .meta({ id: 'AchievementReport' });

export function presentAchievementReport(actor: Actor, v: ReportView): z.output<typeof achievementReportSchema> {
  return {
    id: v.row?.id ?? null,
    dossierId: v.dossier.id,
    candidateId: v.candidate.id,
    candidateName: v.candidate.displayName,
    form: v.form,
    regime: v.pack.regime,
    regimeLabel: REGIME_LABELS[v.pack.regime],
    formLabel: v.reportForm.label,
    formNumber: v.reportForm.number,
    content: v.content,
    version: v.row?.version ?? 0,
    attachedDocumentId: v.row?.attachedDocumentId ?? null,
    attachedAt: v.row?.attachedAt?.toISOString() ?? null,
    updatedAt: v.row?.updatedAt.toISOString() ?? null,
    signed: v.signed,
    // A signed report is frozen: neither edited nor attached again unsigned.
    abilities: v.signed ? [] : achievementReportActions(actor, v.dossier),
  };
}

/** "BCTT-Nguyen-Van-Duc-2021": Báo cáo thành tích, whose, which year (without extension). */
export function achievementReportFileStem(v: ReportView): string {
  return documentFileStem('BCTT', '', v.candidate.displayName, v.dossier.year);
}

/** One paragraph per line of a narrative part. */
const lines = (s: string): string[] =>
  s
    .split(/\r?\n|\r/)
    .map((x) => x.trim())
    .filter(Boolean);

/** The DOCX of the report: the regime's form (person or collective), dated today in Vietnam. */
export async function achievementReportDocx(tx: Executor, v: ReportView): Promise<Buffer> {
  const c = v.content;
  const unitId = v.candidate.subjectUnitId ?? v.dossier.unitId;
  const bodies = issuingBodies(await unitChainNames(tx, unitId));
  const common = {
    mauSo: v.reportForm.number,
    diaDanh: bodies.diaDanh,
    ngayThang: formatLongDateVi(todayVn()),
    hinhThucDeNghi: c.hinhThucDeNghi.toLocaleUpperCase('vi'),
    nhiemVu: lines(c.nhiemVu),
    thanhTich: lines(c.thanhTich),
    bienPhap: lines(c.bienPhap),
    sangKien: lines(c.sangKien),
    xepLoai: c.xepLoai,
    danhHieu: c.danhHieu,
    khenThuong: c.khenThuong,
    thuTruong: c.thuTruong,
  };
  if (v.form === 'collective')
    return renderDocument('bao_cao_thanh_tich_tap_the', {
      ...common,
      coQuanChuQuan: bodies.coQuanChuQuan,
      coQuanBanHanh: bodies.coQuanBanHanh,
      tenTapThe: c.tenTapThe,
      diaChi: c.diaChi,
      dienThoai: c.dienThoai,
      quaTrinh: lines(c.quaTrinh),
      coCau: lines(c.coCau),
      thuTruongCapTren: c.thuTruongCapTren,
    });
  return renderDocument('bao_cao_thanh_tich_ca_nhan', {
    ...common,
    hoTen: c.hoTen,
    gioiTinh: c.gioiTinh,
    ngaySinh: c.ngaySinh,
    queQuan: c.queQuan,
    truQuan: c.truQuan,
    donViCongTac: c.donViCongTac,
    chucVu: c.chucVu,
    trinhDo: c.trinhDo,
    hocHam: c.hocHam,
  });
}
