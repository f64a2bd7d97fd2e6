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
import { formatDateVi, formatLongDateVi, formatNumberVi, lowerFirstVi } from '../../shared/format-vi.js';
import type { ConferenceRow, ExemplarListRow } from '../repositories/exemplars.js';
import { HONOR_INFO, HONORS, type ExemplarKind } from '../../shared/codes.js';
import { conferenceFigures } from '../repositories/exemplars.js';
import { awardeesOf } from '../repositories/decisions.js';
import { unitChainNames } from '../repositories/certificates.js';

/** A text typed a paragraph a line, as the report's paragraphs. */
const paragraphs = (text: string | null): string[] =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

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
  const counts = [
    [byKind('person').length, 'cá nhân'],
    [byKind('collective').length, 'tập thể'],
    [byKind('model').length, 'mô hình, cách làm hay'],
  ] as const;
  const figures = await conferenceFigures(
    tx,
    honoured.map((x) => x.exemplar.id),
  );
  // The honours of the decision that honours them (its standing awards), per form, as the results table of a report reads.
  const awardees = c.decisionId ? (await awardeesOf(tx, c.decisionId)).filter((a) => !a.revoked) : [];
  const tongHop = HONORS.map((honor) => ({
    honor,
    tapThe: awardees.filter((a) => a.honor === honor && a.subjectKind !== 'individual').length,
    caNhan: awardees.filter((a) => a.honor === honor && a.subjectKind === 'individual').length,
  }))
    .filter((x) => x.tapThe + x.caNhan > 0)
    .map((x, i) => ({
      stt: String(i + 1),
      hinhThuc: HONOR_INFO[x.honor].label,
      tapThe: formatNumberVi(x.tapThe),
      caNhan: formatNumberVi(x.caNhan),
      ghiChu: '',
    }));
  const soLieu = (
    [
      ['Điển hình tiên tiến được biểu dương', honoured.length],
      ['Đơn vị có điển hình được biểu dương', new Set(honoured.map((x) => x.exemplar.unitId)).size],
      ['Hoạt động bồi dưỡng điển hình đã thực hiện', figures.nurturing],
      ['Nơi đã nhân rộng điển hình', figures.spreadPlaces],
      ['Bài viết về các điển hình đã đăng trên cổng thông tin', figures.publishedStories],
    ] as const
  ).map(([chiTieu, n], i) => ({ stt: String(i + 1), chiTieu, soLieu: formatNumberVi(n) }));
  const content = [
    `Ngày ${formatDateVi(c.heldOn)}, tại ${c.place}, ${h.unit.name} đã tổ chức ${c.title}.`,
    c.speakers.length ? `Phát biểu tại hội nghị: ${c.speakers.join('; ')}.` : '',
    honoured.length
      ? `Hội nghị biểu dương ${honoured.length} điển hình tiên tiến: ${counts
          .filter(([n]) => n > 0)
          .map(([n, label]) => `${n} ${label}`)
          .join(', ')}.`
      : '',
    decision.numberText
      ? `Các điển hình được khen thưởng theo Quyết định số ${decision.numberText}${decision.decisionDate ? ` ngày ${formatDateVi(decision.decisionDate)}` : ''}.`
      : '',
    ...honoured.map(
      (x, i) =>
        `${i + 1}. ${x.exemplar.name}${x.exemplar.positionText && x.exemplar.positionText !== x.unitName ? ` (${x.exemplar.positionText})` : ''}, ${x.unitName}: ${x.exemplar.achievement}`,
    ),
    c.outcome ?? '',
  ].filter(Boolean);
  const parent = (await unitChainNames(tx, c.unitId))[1];
  const data = {
    coQuanChuQuan: h.coQuanChuQuan,
    coQuanBanHanh: h.coQuanBanHanh,
    ...number,
    diaDanh: h.diaDanh,
    ngayThang: formatLongDateVi(today),
    // The title line reads "Kết quả" + the trích yếu: "Kết quả hội nghị điển hình tiên tiến năm 2025".
    loaiBaoCao: 'Kết quả',
    trichYeu: cleanSummary(lowerFirstVi(c.title)),
    noiDung: content,
    tongHop,
    soLieu,
    // The sections the Office wrote (a paragraph a line); one left empty is left out (docx/sections.ts).
    tonTai: paragraphs(c.shortcomings),
    baiHoc: paragraphs(c.lessons),
    phuongHuong: c.directions?.trim()
      ? paragraphs(c.directions)
      : ['Tiếp tục phát hiện, bồi dưỡng, tổng kết và nhân rộng các điển hình tiên tiến trong các phong trào thi đua.'],
    // A report has no "Kính gửi": it goes to the body above for its information, and to the units honoured.
    noiNhan: [
      ...(parent ? [`${parent} (b/c);`] : []),
      ...(honoured.length ? ['Các đơn vị có điển hình được biểu dương;'] : []),
      `Lưu: VT${code ? `, ${code}` : ''}.`,
    ],
    ...signer,
  };
  const docx = renderDocument('bao_cao_tong_ket', data, await templateFor(tx, c.unitId, 'bao_cao_tong_ket'));
  return { docx, fileStem: documentFileStem('BC', documentNumber(number.so), code, c.heldOn.slice(0, 4)) };
}
