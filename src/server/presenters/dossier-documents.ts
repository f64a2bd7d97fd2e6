/** Data for the DOCX generators (renderDocument) built from pipeline records. */
import type { Executor } from '../db/client.js';
import { unsafeFindUnit, unsafeFindUnitWithParent } from '../repositories/dossiers.js';
import { now } from '../clock.js';
import { renderDocument } from '../documents/index.js';
import type { DecisionMeta } from '../repositories/decisions.js';
import type { awardDecisions, decisionAwardees } from '../db/schema/index.js';
import type { SessionRow } from '../repositories/council-sessions.js';
import type { ItemResult } from '../commands/sessions.js';
import { subjectsPhrase } from '../commands/decisions.js';
import type { CandidateRow, DossierRow } from '../repositories/dossiers.js';
import { HONOR_INFO, type Honor, type Regime } from '../../shared/codes.js';
import { formatDateVi, formatLongDateVi, formatMoneyVi, formatNumberVi, moneyToWordsVi } from '../../shared/format-vi.js';
import { COUNCIL_POSITION_LABELS, type CouncilPosition } from '../../shared/codes.js';

const BASIS: Record<Regime, string[]> = {
  ND91_2017: [
    'Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013;',
    'Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
  ],
  ND98_2023: [
    'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
    'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
  ],
  ND152_2025: [
    'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
    'Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
  ],
};

async function unitHeader(tx: Executor, unitId: string) {
  const { unit: u, parent } = await unsafeFindUnitWithParent(tx, unitId);
  // The place line: the province named at the end of the agency's name ("… tỉnh Cao Bằng" → Cao Bằng).
  const place = /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(u?.name ?? '')?.[1] ?? '';
  return { unit: u!, coQuanChuQuan: parent ? parent.name.toUpperCase() : '', coQuanBanHanh: (u?.name ?? '').toUpperCase(), diaDanh: place };
}

export async function decisionDocx(tx: Executor, d: DecisionMeta, awardees: (typeof decisionAwardees.$inferSelect)[]): Promise<Buffer> {
  const h = await unitHeader(tx, d.unitId);
  const honors = [...new Set(awardees.map((a) => HONOR_INFO[a.honor as Honor].label))];
  const collectives = awardees.filter((a) => a.subjectKind !== 'individual').length;
  const individuals = awardees.length - collectives;
  const who = [collectives ? `${formatNumberVi(collectives)} tập thể` : '', individuals ? `${formatNumberVi(individuals)} cá nhân` : '']
    .filter(Boolean)
    .join(' và ');
  const total = awardees.reduce((s, a) => s + a.amount, 0);
  const [numberPart, symbol] = d.numberText.split('/');
  return renderDocument('quyet_dinh_khen_thuong', {
    coQuanChuQuan: h.coQuanChuQuan,
    coQuanBanHanh: h.coQuanBanHanh,
    so: numberPart ?? d.numberText,
    kyHieu: symbol ?? '',
    diaDanh: h.diaDanh,
    ngayThang: formatLongDateVi(d.decisionDate),
    trichYeu: d.title,
    thamQuyen: d.signerTitle.toUpperCase(),
    canCu: BASIS[d.regime as Regime] ?? [],
    deNghi: 'Thường trực Hội đồng Thi đua - Khen thưởng',
    dieu1: `Tặng ${honors.join(', ')} cho ${who} đã có thành tích xuất sắc (có danh sách kèm theo).`,
    dieu2:
      total > 0
        ? `Tiền thưởng theo danh sách kèm theo, tổng cộng ${formatMoneyVi(total)} (${moneyToWordsVi(total)}), trích từ quỹ thi đua, khen thưởng theo quy định.`
        : 'Tặng thưởng theo quy định hiện hành.',
    dieu3: 'Thủ trưởng các phòng, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
    tieuDeDanhSach: `DANH SÁCH ${subjectsPhrase(awardees.map((a) => a.subjectKind))
      .replace(/^các /, '')
      .toUpperCase()} ĐƯỢC TẶNG ${honors.join(', ').toUpperCase()}`,
    ngayBanHanh: formatDateVi(d.decisionDate),
    danhSach: awardees.map((a, i) => ({
      stt: i + 1,
      hoTen: a.revoked ? `${a.displayName} (đã hủy bỏ)` : a.displayName,
      chucVuDonVi: a.positionText ?? '',
      hinhThuc: HONOR_INFO[a.honor as Honor].label,
      soTien: formatNumberVi(a.amount),
    })),
    tongTien: formatNumberVi(total),
    tongTienBangChu: moneyToWordsVi(total),
    noiNhan: ['Như Điều 3;', 'Lưu: VT, VP.'],
    quyenHan: '',
    chucVuNguoiKy: d.signerTitle.toUpperCase(),
    nguoiKy: d.signerName,
  });
}

export async function minutesDocx(
  tx: Executor,
  s: SessionRow,
  items: { candidate: CandidateRow; dossierUnitName: string; item: { honor: string; result: unknown } }[],
  attendance: { fullName: string; position: string; present: boolean }[],
): Promise<Buffer> {
  const h = await unitHeader(tx, s.unitId);
  const present = attendance.filter((a) => a.present).length;
  const secretary = attendance.find((a) => a.position === 'thu_ky');
  const chair = attendance.find((a) => a.position === 'chu_tich');
  return renderDocument('bien_ban_kiem_phieu', {
    coQuanChuQuan: h.coQuanChuQuan,
    coQuanBanHanh: h.coQuanBanHanh,
    so: '',
    kyHieu: 'BB-HĐTĐKT',
    diaDanh: h.diaDanh,
    ngayThang: formatLongDateVi(s.meetingDate),
    trichYeu: `Kiểm phiếu xét khen thưởng — ${s.title}`,
    thoiGian: `ngày ${formatDateVi(s.meetingDate)}`,
    diaDiem: s.location ?? '',
    banKiemPhieu: [secretary, chair]
      .filter((x): x is NonNullable<typeof x> => Boolean(x))
      .map((m) => ({ hoTen: m.fullName, nhiemVu: COUNCIL_POSITION_LABELS[m.position as CouncilPosition] ?? m.position })),
    soPhieuPhatRa: String(present),
    soPhieuThuVe: String(present),
    soPhieuHopLe: String(present),
    soPhieuKhongHopLe: '0',
    ketQua: items.map(({ candidate, dossierUnitName, item }, i) => {
      const r = item.result as ItemResult | null;
      return {
        stt: i + 1,
        hoTen: candidate.displayName,
        donVi: dossierUnitName,
        hinhThuc: HONOR_INFO[item.honor as Honor].label,
        soPhieuDongY: r ? String(r.approve) : '',
        tyLe: r && r.totalMembers ? `${formatNumberVi((r.approve / r.totalMembers) * 100, 1)}%` : '',
        ketQua: r ? (r.passed ? 'Đạt' : 'Không đạt') : 'Chưa kiểm phiếu',
      };
    }),
    truongBan: secretary?.fullName ?? '',
  });
}

export async function toTrinhDocx(tx: Executor, d: DossierRow, candidates: CandidateRow[]): Promise<Buffer> {
  const h = await unitHeader(tx, d.unitId);
  const receiver = d.receiverUnitId ? await unsafeFindUnit(tx, d.receiverUnitId) : undefined;
  return renderDocument('to_trinh', {
    coQuanChuQuan: h.coQuanChuQuan,
    coQuanBanHanh: h.coQuanBanHanh,
    so: '',
    kyHieu: `TTr-${h.unit.code ?? ''}`,
    diaDanh: h.diaDanh,
    ngayThang: formatLongDateVi(now()),
    trichYeu: `Về việc đề nghị khen thưởng — ${d.title}`,
    kinhGui: receiver?.name ?? d.receiverName ?? '',
    noiDung: [d.summary ?? `${h.unit.name} đề nghị xét khen thưởng cho các tập thể, cá nhân có thành tích xuất sắc năm ${d.year} như sau:`],
    danhSach: candidates.map((c, i) => ({
      stt: i + 1,
      hoTen: c.displayName,
      chucVuDonVi: c.positionText ?? '',
      hinhThuc: HONOR_INFO[c.proposedHonor as Honor].label,
      ghiChu: c.subjectKind === 'individual' ? '' : 'Tập thể',
    })),
    ketLuan: ['Kính đề nghị xem xét, quyết định./.'],
    noiNhan: ['Như trên;', 'Lưu: VT.'],
    quyenHan: '',
    chucVuNguoiKy: 'THỦ TRƯỞNG ĐƠN VỊ',
    nguoiKy: '',
  });
}

export type { awardDecisions };
