/** The report of an exemplar conference (Báo cáo kết quả Hội nghị điển hình tiên tiến), through the unit's template for reports. */
import type { Executor } from '../db/client.js';
import { unsafeFindUnitWithParent } from '../repositories/dossiers.js';
import { templateFor } from '../repositories/templates.js';
import { renderDocument } from '../documents/index.js';
import { formatDateVi, formatLongDateVi } from '../../shared/format-vi.js';
import type { ConferenceRow, ExemplarListRow } from '../repositories/exemplars.js';
import { EXEMPLAR_KIND_LABELS, EXEMPLAR_STAGE_LABELS, type ExemplarKind, type ExemplarStage } from '../../shared/codes.js';

export async function conferenceReportDocx(
  tx: Executor,
  c: ConferenceRow,
  honoured: ExemplarListRow[],
  decision: { numberText: string | null; decisionDate: string | null },
  today: string,
): Promise<Buffer> {
  const { unit, parent } = await unsafeFindUnitWithParent(tx, c.unitId);
  const place = /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(unit?.name ?? '')?.[1] ?? '';
  const byKind = (k: ExemplarKind) => honoured.filter((h) => h.exemplar.kind === k);
  const content = [
    `Ngày ${formatDateVi(c.heldOn)}, tại ${c.place}, ${unit?.name ?? ''} đã tổ chức ${c.title}.`,
    c.speakers.length ? `Phát biểu tại hội nghị: ${c.speakers.join('; ')}.` : '',
    `Hội nghị biểu dương ${honoured.length} điển hình tiên tiến: ${byKind('person').length} cá nhân, ${byKind('collective').length} tập thể, ${byKind('model').length} mô hình, cách làm hay.`,
    decision.numberText
      ? `Các điển hình được khen thưởng theo Quyết định số ${decision.numberText}${decision.decisionDate ? ` ngày ${formatDateVi(decision.decisionDate)}` : ''}.`
      : '',
    ...honoured.map(
      (h, i) =>
        `${i + 1}. ${h.exemplar.name}${h.exemplar.positionText ? ` (${h.exemplar.positionText})` : ''}, ${h.unitName}: ${h.exemplar.achievement} — giai đoạn ${EXEMPLAR_STAGE_LABELS[h.exemplar.stage as ExemplarStage] ?? h.exemplar.stage}.`,
    ),
    c.outcome ?? '',
  ].filter(Boolean);
  const data = {
    coQuanChuQuan: parent ? parent.name.toUpperCase() : '',
    coQuanBanHanh: (unit?.name ?? '').toUpperCase(),
    so: '',
    kyHieu: 'BC',
    diaDanh: place,
    ngayThang: formatLongDateVi(today),
    trichYeu: `Kết quả ${c.title}`,
    loaiBaoCao: 'KẾT QUẢ HỘI NGHỊ ĐIỂN HÌNH TIÊN TIẾN',
    noiDung: content,
    tongHop: (['person', 'collective', 'model'] as const).map((k, i) => ({
      stt: String(i + 1),
      hinhThuc: EXEMPLAR_KIND_LABELS[k],
      tapThe: String(k === 'person' ? 0 : byKind(k).length),
      caNhan: String(k === 'person' ? byKind(k).length : 0),
      ghiChu: '',
    })),
    tonTai: [],
    phuongHuong: ['Tiếp tục phát hiện, bồi dưỡng, tổng kết và nhân rộng các điển hình tiên tiến trong các phong trào thi đua.'],
    noiNhan: ['Như trên;', 'Lưu: VT.'],
    quyenHan: 'TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG',
    chucVuNguoiKy: 'CHỦ TỊCH',
    nguoiKy: '',
  };
  return renderDocument('bao_cao_tong_ket', data, await templateFor(tx, c.unitId, 'bao_cao_tong_ket'));
}
