/**
 * The initiative council's documents as DOCX from the unit's editable templates (NĐ 30/2020):
 * a member's Phiếu chấm điểm, the Biên bản họp Hội đồng sáng kiến, the Quyết định công nhận with
 * its list, and the Giấy chứng nhận sáng kiến (also as a PDF with the QR code of /xac-minh/:code).
 */
import type { Executor } from '../db/client.js';
import { unsafeFindUnitWithParent } from '../repositories/dossiers.js';
import { templateFor } from '../repositories/templates.js';
import {
  applicationsOfDecision,
  authorsOf,
  certificatesByIds,
  roundMembers,
  type ApplicationListRow,
  type AuthorRow,
  type RoundWithUnit,
  type RubricRow,
  type ScoreRow,
} from '../repositories/initiatives.js';
import type { SheetContext } from '../commands/initiatives.js';
import type { SheetLine } from '../initiatives/sheet.js';
import { renderDocument } from '../documents/index.js';
import { renderCertificatesPdf } from '../documents/pdf/certificates.js';
import { registerNumberText, verificationUrl } from '../commands/certificates.js';
import type { CertificateRow } from '../repositories/certificates.js';
import { COUNCIL_POSITION_LABELS, INITIATIVE_SCOPE_LABELS, type CouncilPosition, type InitiativeScope, type Regime } from '../../shared/codes.js';
import { formatDateVi, formatLongDateVi, formatNumberVi } from '../../shared/format-vi.js';
import type { Readable } from 'node:stream';
import { dateVn } from '../clock.js';

async function unitHeader(tx: Executor, unitId: string) {
  const { unit: u, parent } = await unsafeFindUnitWithParent(tx, unitId);
  const place = /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(parent?.name ?? u?.name ?? '')?.[1] ?? /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(u?.name ?? '')?.[1] ?? '';
  return {
    coQuanChuQuan: parent ? parent.name.toLocaleUpperCase('vi') : '',
    coQuanBanHanh: (u?.name ?? '').toLocaleUpperCase('vi'),
    diaDanh: place,
    code: u?.code ?? '',
  };
}

const authorsText = (authors: AuthorRow[]) => authors.map((a) => `${a.fullName} (${a.sharePercent}%)`).join(', ');
const positionLabel = (p: string) => COUNCIL_POSITION_LABELS[p as CouncilPosition] ?? p;

/** One member's Phiếu chấm điểm for one initiative (the rubric's criteria, the points, the opinion). */
export async function scoreSheetDocx(
  tx: Executor,
  round: RoundWithUnit,
  rubric: RubricRow,
  a: ApplicationListRow,
  member: { fullName: string; position: string },
  score: ScoreRow,
): Promise<Buffer> {
  const h = await unitHeader(tx, round.round.unitId);
  const authors = await authorsOf(tx, [a.app.id]);
  return renderDocument(
    'phieu_cham_sang_kien',
    {
      coQuanChuQuan: h.coQuanChuQuan,
      coQuanBanHanh: h.coQuanBanHanh,
      hoiDong: round.councilName.toLocaleUpperCase('vi'),
      dotXet: round.round.title,
      diaDanh: h.diaDanh,
      ngayThang: formatLongDateVi(dateVn(score.enteredAt)),
      thanhVien: member.fullName,
      chucDanh: positionLabel(member.position),
      tenSangKien: a.app.title,
      tacGia: authorsText(authors),
      donVi: a.unitName,
      thangDiem: `${rubric.name} (phiên bản ${rubric.version}): ${rubric.source}; điểm đạt ${rubric.passMark}`,
      tieuChi: rubric.criteria.map((c, i) => ({
        stt: i + 1,
        tieuChi: c.label,
        moTa: c.levels.map((l) => `${l.points}: ${l.descriptor}`).join('; '),
        toiDa: c.maxPoints,
        diem: score.points[c.key] ?? '',
      })),
      tongDiem: score.total,
      diemToiDa: rubric.criteria.reduce((s, c) => s + c.maxPoints, 0),
      yKien: score.approve ? 'Đồng ý công nhận' : 'Không đồng ý công nhận',
      nhanXet: score.comment ?? '',
    },
    await templateFor(tx, round.round.unitId, 'phieu_cham_sang_kien'),
  );
}

export interface MinutesRow {
  app: ApplicationListRow;
  authors: AuthorRow[];
  recusedNames: string[];
  line: SheetLine;
}

/** Biên bản họp Hội đồng sáng kiến: members, thresholds with their source, each initiative's scores and votes. */
export async function councilMinutesDocx(tx: Executor, sc: SheetContext, rows: MinutesRow[], meetingDate: string): Promise<Buffer> {
  const round = sc.round;
  const h = await unitHeader(tx, round.round.unitId);
  const members = await roundMembers(tx, round.round.id);
  const chair = members.find((m) => m.position === 'chu_tich')?.fullName ?? '';
  const secretary = members.find((m) => m.position === 'thu_ky')?.fullName ?? '';
  return renderDocument(
    'bien_ban_hoi_dong_sang_kien',
    {
      coQuanChuQuan: h.coQuanChuQuan,
      coQuanBanHanh: h.coQuanBanHanh,
      so: '',
      kyHieu: `BB-${h.code ? `${h.code}` : 'HĐSK'}`,
      diaDanh: h.diaDanh,
      ngayThang: formatLongDateVi(meetingDate),
      trichYeu: `Họp ${round.councilName} xét công nhận sáng kiến (${round.round.title})`,
      hoiDong: round.councilName,
      thoiGian: formatLongDateVi(meetingDate),
      diaDiem: `Trụ sở ${round.unitName}`,
      chuTri: chair,
      thuKy: secretary,
      thanhPhan: members.map((m) => `${m.fullName} - ${positionLabel(m.position)}`),
      tongSoThanhVien: sc.totalMembers,
      canCuDiem: `Điểm đạt ${sc.rubric.passMark}/${sc.maxTotal} (${sc.sources.passMark}); cần ít nhất ${sc.quorumNeeded} thành viên chấm (${sc.sources.quorum}); cần ${sc.votesNeeded}/${sc.totalMembers} thành viên đồng ý (${sc.sources.votes}).`,
      ketQua: rows.map((r, i) => ({
        stt: i + 1,
        tenSangKien: r.app.app.title,
        tacGia: authorsText(r.authors),
        soCham: `${r.line.scored} / ${r.line.recused}`,
        diemTrungBinh: r.line.average === null ? '—' : formatNumberVi(r.line.average, 1),
        dongY: `${r.line.approvals}/${sc.totalMembers}`,
        ketLuan: r.app.app.status === 'refused' ? 'Không công nhận' : r.line.passes ? 'Đề nghị công nhận' : 'Không đạt',
      })),
      noiDung: rows
        .filter((r) => r.recusedNames.length)
        .map((r) => `Sáng kiến "${r.app.app.title}": ${r.recusedNames.join(', ')} không tham gia chấm (xung đột lợi ích).`),
      ketThuc: 'cùng ngày',
    },
    await templateFor(tx, round.round.unitId, 'bien_ban_hoi_dong_sang_kien'),
  );
}

const BASIS: Record<Regime, string> = {
  ND91_2017: 'Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003 và các Luật sửa đổi, bổ sung;',
  ND98_2023: 'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
  ND152_2025: 'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
};

export interface InitiativeDecisionMeta {
  id: string;
  unitId: string;
  numberText: string;
  decisionDate: string;
  title: string;
  signerName: string;
  signerTitle: string;
  regime: string;
}

/** The Quyết định công nhận sáng kiến and its list (one row per initiative, with its certificate number). */
export async function recognitionDecisionDocx(tx: Executor, d: InitiativeDecisionMeta, councilName: string): Promise<Buffer> {
  const h = await unitHeader(tx, d.unitId);
  const apps = await applicationsOfDecision(tx, d.id);
  const authors = await authorsOf(
    tx,
    apps.map((a) => a.app.id),
  );
  const certs = new Map(
    (
      await certificatesByIds(
        tx,
        apps.map((a) => a.app.certificateId).filter((x): x is string => !!x),
      )
    ).map((c) => [c.id, c]),
  );
  const [numberPart, symbol] = d.numberText.split('/');
  const signer = d.signerTitle.split('\n');
  return renderDocument(
    'quyet_dinh_cong_nhan_sang_kien',
    {
      coQuanChuQuan: h.coQuanChuQuan,
      coQuanBanHanh: h.coQuanBanHanh,
      so: numberPart ?? d.numberText,
      kyHieu: symbol ?? '',
      diaDanh: h.diaDanh,
      ngayThang: formatLongDateVi(d.decisionDate),
      trichYeu: d.title,
      thamQuyen: `${signer[signer.length - 1] ?? ''} ${h.coQuanBanHanh}`.trim(),
      canCu: [
        BASIS[d.regime as Regime] ?? BASIS.ND98_2023,
        'Căn cứ Nghị định số 13/2012/NĐ-CP ngày 02 tháng 3 năm 2012 của Chính phủ ban hành Điều lệ Sáng kiến và Thông tư số 18/2013/TT-BKHCN ngày 01 tháng 8 năm 2013 của Bộ Khoa học và Công nghệ;',
        `Căn cứ kết quả chấm điểm, biểu quyết của ${councilName};`,
      ],
      deNghi: councilName,
      dieu1: `Công nhận ${formatNumberVi(apps.length)} sáng kiến có phạm vi ảnh hưởng, hiệu quả áp dụng cấp cơ sở (có danh sách kèm theo).`,
      dieu2: 'Các tác giả có tên trong danh sách được cấp Giấy chứng nhận sáng kiến và được hưởng các quyền lợi theo quy định.',
      dieu3: 'Chánh Văn phòng, Thủ trưởng các đơn vị có liên quan và các tác giả có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
      tieuDeDanhSach: `SÁNG KIẾN ĐƯỢC CÔNG NHẬN`,
      ngayBanHanh: formatDateVi(d.decisionDate),
      noiNhan: ['Như Điều 3;', `${councilName};`, 'Lưu: VT.'],
      quyenHan: signer.length > 1 ? signer[0] : '',
      chucVuNguoiKy: signer[signer.length - 1] ?? '',
      nguoiKy: d.signerName,
      danhSach: apps.map((a, i) => {
        const c = a.app.certificateId ? certs.get(a.app.certificateId) : undefined;
        return {
          stt: i + 1,
          tenSangKien: a.app.title,
          tacGia: authorsText(authors.filter((x) => x.applicationId === a.app.id)),
          donVi: a.app.appliedPlace ?? a.unitName,
          phamVi: 'Cơ sở',
          soGiay: c ? registerNumberText(c) : '',
        };
      }),
    },
    await templateFor(tx, d.unitId, 'quyet_dinh_cong_nhan_sang_kien'),
  );
}

function scopeText(a: ApplicationListRow): string {
  const s = (a.app.higherScope ?? 'co_so') as InitiativeScope;
  return s === 'co_so' ? 'cấp cơ sở' : `${INITIATIVE_SCOPE_LABELS[s].toLocaleLowerCase('vi')}`;
}

/** The Giấy chứng nhận sáng kiến as DOCX from the template (the verification code and address printed). */
export async function initiativeCertificateDocx(tx: Executor, a: ApplicationListRow, c: CertificateRow, publicUrl: string): Promise<Buffer> {
  const h = await unitHeader(tx, c.unitId);
  const authors = await authorsOf(tx, [a.app.id]);
  const signer = c.signerTitle.split('\n');
  return renderDocument(
    'giay_chung_nhan_sang_kien',
    {
      coQuanChuQuan: h.coQuanChuQuan,
      coQuanBanHanh: h.coQuanBanHanh,
      thamQuyen: `${signer[signer.length - 1] ?? ''} ${h.coQuanBanHanh}`.trim(),
      tacGia: authorsText(authors),
      donVi: a.unitName,
      tenSangKien: a.app.title,
      phamVi: scopeText(a),
      quyetDinh: `${c.decisionNumber} ngày ${formatDateVi(c.decisionDate)}`,
      soVaoSo: registerNumberText(c),
      maXacMinh: c.code,
      duongDanXacMinh: verificationUrl(publicUrl, c.code),
      diaDanh: c.place || h.diaDanh,
      ngayThang: formatLongDateVi(c.decisionDate),
      quyenHan: signer.length > 1 ? signer[0] : '',
      chucVuNguoiKy: signer[signer.length - 1] ?? '',
      nguoiKy: c.signerName,
    },
    await templateFor(tx, c.unitId, 'giay_chung_nhan_sang_kien'),
  );
}

/** The Giấy chứng nhận sáng kiến as PDF on the award certificates' design, with the QR code to /xac-minh/:code. */
export function initiativeCertificatePdf(c: CertificateRow, publicUrl: string): Readable {
  return renderCertificatesPdf(
    [
      {
        form: 'GK',
        title: 'GIẤY CHỨNG NHẬN SÁNG KIẾN',
        // A certificate is issued (cấp), not given (tặng) like a Giấy khen.
        verb: 'CẤP',
        issuer: c.issuerTitle,
        recipientName: c.recipientName,
        ...(c.recipientDetail ? { recipientDetail: c.recipientDetail } : {}),
        achievement: `Là tác giả sáng kiến "${c.achievement}", được công nhận có phạm vi ảnh hưởng cấp cơ sở`,
        decisionNumber: c.decisionNumber,
        decisionDate: c.decisionDate,
        place: c.place,
        signerTitle: c.signerTitle,
        signerName: c.signerName,
        registerNumber: registerNumberText(c),
        verificationUrl: verificationUrl(publicUrl, c.code),
      },
    ],
    { mode: 'full' },
  );
}
