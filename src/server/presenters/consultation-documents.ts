/** Công văn xin ý kiến hiệp y (NĐ 30/2020) with the candidate list as a table, through the unit's template in force. */
import type { Executor } from '../db/client.js';
import { renderDocument } from '../documents/index.js';
import { templateFor } from '../repositories/templates.js';
import { unsafeUnitHead } from '../repositories/document-parties.js';
import { cleanSummary, signerLines, splitNumberText } from '../documents/docx/model.js';
import { awardeeListOrder, unitHeader } from './dossier-documents.js';
import type { CandidateRow } from '../repositories/dossiers.js';
import type { ConsultationAnswerRow, ConsultationListRow } from '../repositories/consultations.js';
import { HONOR_INFO, type Honor } from '../../shared/codes.js';
import { formatDateVi, formatLongDateVi } from '../../shared/format-vi.js';

const HANDWRITTEN_NUMBER = '\u00a0'.repeat(10);

export async function consultationLetterDocx(
  tx: Executor,
  r: ConsultationListRow,
  candidates: CandidateRow[],
  answers: ConsultationAnswerRow[],
  silenceText: string,
): Promise<Buffer> {
  const c = r.consultation;
  const h = await unitHeader(tx, c.unitId);
  // Without a number the văn thư writes it in by hand when the letter is signed: leave the gap (NĐ 30/2020, "Số:      /…").
  const number = c.numberText ? splitNumberText(c.numberText) : { so: HANDWRITTEN_NUMBER, kyHieu: `${h.unit.code ?? ''}-VP` };
  const head = await unsafeUnitHead(tx, c.unitId);
  const signer = c.signerTitle
    ? signerLines({ title: c.signerTitle, name: c.signerName ?? '', headTitle: head?.position ?? null, agency: h.unit.name })
    : head
      ? signerLines({ title: head.position, name: head.fullName, agency: h.unit.name })
      : { quyenHan: '', chucVuNguoiKy: 'THỦ TRƯỞNG ĐƠN VỊ', nguoiKy: '' };
  const honors = [...new Set(candidates.map((k) => HONOR_INFO[k.honor as Honor]?.label ?? k.honor))];
  const deadline = formatDateVi(c.deadline);
  return renderDocument(
    'cong_van_hiep_y',
    {
      coQuanChuQuan: h.coQuanChuQuan,
      coQuanBanHanh: h.coQuanBanHanh,
      so: number.so,
      kyHieu: number.kyHieu,
      diaDanh: h.diaDanh,
      ngayThang: formatLongDateVi(c.requestDate),
      trichYeu: cleanSummary(`xin ý kiến hiệp y đề nghị khen thưởng ${honors.join(', ')}`),
      kinhGui: answers.map((a, i) => `${a.bodyName}${i === answers.length - 1 ? '.' : ';'}`),
      noiDung: [
        `Thực hiện quy định của Luật Thi đua, khen thưởng và các văn bản hướng dẫn thi hành, ${h.unit.name} đang hoàn thiện hồ sơ "${r.dossierTitle}" đề nghị cấp có thẩm quyền khen thưởng.`,
        `Để bảo đảm khen thưởng đúng đối tượng, đúng tiêu chuẩn, ${h.unit.name} đề nghị các cơ quan cho ý kiến hiệp y về việc chấp hành chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước đối với các tập thể, cá nhân có tên trong danh sách dưới đây:`,
        ...(c.note ? [c.note] : []),
      ],
      danhSach: awardeeListOrder(candidates).map((k, i) => ({
        stt: i + 1,
        hoTen: k.displayName,
        chucVuDonVi: k.positionText ?? '',
        hinhThuc: HONOR_INFO[k.honor as Honor]?.label ?? k.honor,
        ghiChu: k.subjectKind === 'individual' ? '' : 'Tập thể',
      })),
      ketLuan: [
        `Văn bản trả lời đề nghị gửi về ${h.unit.name} chậm nhất ngày ${deadline}. ${silenceText}`,
        `Rất mong nhận được sự phối hợp của các cơ quan./.`,
      ],
      noiNhan: ['Như trên;', 'Lưu: VT, VP.'],
      ...signer,
    },
    await templateFor(tx, c.unitId, 'cong_van_hiep_y'),
  );
}
