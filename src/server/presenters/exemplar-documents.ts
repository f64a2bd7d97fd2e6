/**
 * The report of an exemplar conference (Báo cáo kết quả Hội nghị điển hình tiên tiến), through the unit's
 * template for reports, with the header of NĐ 30/2020 as the other generated documents carry it: the
 * governing and issuing bodies, "Số: …/BC-<unit code>" (the number the văn thư gave, or blank for it), the
 * place and date, and the unit head's signature block.
 */
import type { Executor } from '../db/client.js';
import { unsafeUnitHead } from '../repositories/document-parties.js';
import { templateFor } from '../repositories/templates.js';
import { renderDocument } from '../documents/index.js';
import { cleanSummary, documentFileStem, documentNumber, numberOrSymbol, signerLines } from '../documents/docx/model.js';
import { unitHeader } from './dossier-documents.js';
import type { GeneratedDocument } from './plan-documents.js';
import { formatDateVi, formatLongDateVi } from '../../shared/format-vi.js';
import type { ConferenceRow, ExemplarListRow } from '../repositories/exemplars.js';
import { EXEMPLAR_KIND_LABELS, EXEMPLAR_STAGE_LABELS, type ExemplarKind, type ExemplarStage } from '../../shared/codes.js';

export async function conferenceReportDocx(
  tx: Executor,
  c: ConferenceRow,
  honoured: ExemplarListRow[],
  decision: { numberText: string | null; decisionDate: string | null },
  today: string,
): Promise<GeneratedDocument> {
  const h = await unitHeader(tx, c.unitId);
  const code = h.unit.code ?? '';
  const number = numberOrSymbol(c.reportNumber, code ? `BC-${code}` : 'BC');
  const head = await unsafeUnitHead(tx, c.unitId);
  const signer = head
    ? signerLines({ title: head.position, name: head.fullName, agency: h.unit.name })
    : { quyenHan: '', chucVuNguoiKy: 'THỦ TRƯỞNG ĐƠN VỊ', nguoiKy: '' };
  const byKind = (k: ExemplarKind) => honoured.filter((x) => x.exemplar.kind === k);
  const content = [
    `Ngày ${formatDateVi(c.heldOn)}, tại ${c.place}, ${h.unit.name} đã tổ chức ${c.title}.`,
    c.speakers.length ? `Phát biểu tại hội nghị: ${c.speakers.join('; ')}.` : '',
    `Hội nghị biểu dương ${honoured.length} điển hình tiên tiến: ${byKind('person').length} cá nhân, ${byKind('collective').length} tập thể, ${byKind('model').length} mô hình, cách làm hay.`,
    decision.numberText
      ? `Các điển hình được khen thưởng theo Quyết định số ${decision.numberText}${decision.decisionDate ? ` ngày ${formatDateVi(decision.decisionDate)}` : ''}.`
      : '',
    ...honoured.map(
      (x, i) =>
        `${i + 1}. ${x.exemplar.name}${x.exemplar.positionText ? ` (${x.exemplar.positionText})` : ''}, ${x.unitName}: ${x.exemplar.achievement} — giai đoạn ${EXEMPLAR_STAGE_LABELS[x.exemplar.stage as ExemplarStage] ?? x.exemplar.stage}.`,
    ),
    c.outcome ?? '',
  ].filter(Boolean);
  const data = {
    coQuanChuQuan: h.coQuanChuQuan,
    coQuanBanHanh: h.coQuanBanHanh,
    ...number,
    diaDanh: h.diaDanh,
    ngayThang: formatLongDateVi(today),
    // The title line reads "Kết quả" + the trích yếu: "Kết quả hội nghị điển hình tiên tiến năm 2025".
    loaiBaoCao: 'Kết quả',
    trichYeu: cleanSummary(c.title.replace(/^./u, (ch) => ch.toLocaleLowerCase('vi'))),
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
    noiNhan: ['Như trên;', `Lưu: VT${code ? `, ${code}` : ''}.`],
    ...signer,
  };
  const docx = renderDocument('bao_cao_tong_ket', data, await templateFor(tx, c.unitId, 'bao_cao_tong_ket'));
  return { docx, fileStem: documentFileStem('BC', documentNumber(number.so), code, c.heldOn.slice(0, 4)) };
}
