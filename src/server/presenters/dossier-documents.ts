/** Data for the DOCX generators (renderDocument) built from pipeline records. */
import type { Executor } from '../db/client.js';
import { unsafeFindUnit } from '../repositories/dossiers.js';
import { unitChainNames } from '../repositories/certificates.js';
import { unsafeCouncilName, unsafeUnitHead } from '../repositories/document-parties.js';
import { cleanSummary, councilBodies, documentNumber, headerLines, issuingBodies, signerLines, splitNumberText } from '../documents/docx/model.js';
import { joinVi } from '../../shared/external-decisions.js';
import { compareVietnameseNames } from '../../shared/vietnamese.js';
import { now } from '../clock.js';
import { renderDocument } from '../documents/index.js';
import type { DecisionMeta } from '../repositories/decisions.js';
import type { awardDecisions, decisionAwardees } from '../db/schema/index.js';
import type { SessionRow } from '../repositories/council-sessions.js';
import type { ItemResult } from '../commands/sessions.js';
import { subjectsPhrase } from '../commands/decisions.js';
import type { CandidateRow, DossierRow } from '../repositories/dossiers.js';
import {
  COUNCIL_POSITION_LABELS,
  HONOR_INFO,
  awardPhrase,
  awardWording,
  classUndecided,
  inKindText,
  type CouncilPosition,
  type Honor,
  type Regime,
} from '../../shared/codes.js';

const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
import { sessionMinutesOf } from './sessions.js';
import { formatDateVi, formatLongDateVi, formatMoneyInWordsVi, formatNumberVi, moneyToWordsVi } from '../../shared/format-vi.js';

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

/**
 * The NĐ 30 header of a document issued by a unit: its superior and its own name from the unit
 * tree, and the place line (the province named by the unit or its nearest ancestor).
 */
export async function unitHeader(tx: Executor, unitId: string) {
  const u = await unsafeFindUnit(tx, unitId);
  const bodies = issuingBodies(await unitChainNames(tx, unitId));
  return { unit: u!, ...bodies };
}

/** "Giám đốc Sở Khoa học và Công nghệ": who holds the authority, from the unit's head (a deputy signs KT.). */
async function authorityOf(tx: Executor, unitId: string, unitName: string, signerTitle: string): Promise<{ headTitle: string; authority: string }> {
  const head = await unsafeUnitHead(tx, unitId);
  const headTitle = (head?.position ?? signerTitle.replace(/^(Phó|Quyền)\s+/iu, '')).replace(/\s+(Sở|Trung tâm|Chi cục)$/u, '').trim();
  const body = unitName.replace(/\s+(tỉnh|thành phố)\s+.+$/iu, '');
  return { headTitle, authority: `${headTitle} ${body}` };
}

/** Time of day in Vietnam of a stored instant: "08 giờ 30 phút". */
function timeOfDayVi(at: Date): string {
  const vn = new Date(at.getTime() + 7 * 3600_000);
  return `${String(vn.getUTCHours()).padStart(2, '0')} giờ ${String(vn.getUTCMinutes()).padStart(2, '0')} phút`;
}

/** Collectives first, then individuals in Vietnamese alphabetical order (given name first), as lists kèm theo are written. */
export function awardeeListOrder<T extends { subjectKind: string; displayName: string }>(rows: readonly T[]): T[] {
  const collectives = rows.filter((r) => r.subjectKind !== 'individual').sort((a, b) => a.displayName.localeCompare(b.displayName, 'vi'));
  const individuals = rows.filter((r) => r.subjectKind === 'individual').sort((a, b) => compareVietnameseNames(a.displayName, b.displayName));
  return [...collectives, ...individuals];
}

/** A sentence ends with its full stop (a line typed without one). */
const sentence = (s: string): string => (/[.;:!?]$/u.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/**
 * A higher authority's decision as it wrote it: its issuing body and superior, its căn cứ and proposing
 * line, Điều 1 with the awardees and their achievement, the article that pays naming the funding route,
 * the executors, its signing authority lines. What it did not say falls back on the usual wording.
 */
function externalDecisionDocx(d: DecisionMeta, awardees: (typeof decisionAwardees.$inferSelect)[]): Buffer {
  const upper = (s: string) => s.trim().toLocaleUpperCase('vi');
  const labels = [...new Set(awardees.map((a) => HONOR_INFO[a.honor as Honor].label))];
  // The award as the decision names it ("Bằng khen của Chủ tịch UBND tỉnh"), from its trích yếu.
  // "Về việc truy tặng …" keeps its verb: a posthumous award is never printed "Tặng".
  const named = /^Về việc\s+(truy tặng|tặng)\s+(.+?)(?:\s+cho\s+.+)?$/iu.exec(d.title.trim());
  const award = named?.[2] ?? labels.join(', ');
  const phrase = named ? `${named[1]!.toLocaleLowerCase('vi')} ${named[2]}` : awardPhrase(awardees);
  const collectives = awardees.filter((a) => a.subjectKind !== 'individual').length;
  const individuals = awardees.length - collectives;
  const two = (n: number) => (n < 10 ? `0${n}` : formatNumberVi(n));
  const who = [collectives ? `${two(collectives)} tập thể` : '', individuals ? `${two(individuals)} cá nhân` : ''].filter(Boolean).join(' và ');
  const total = awardees.reduce((s, a) => s + a.amount, 0);
  const achievement = (d.achievement ?? 'đã có thành tích xuất sắc').replace(/[.;]+$/u, '');
  const articles = [`${upperFirst(phrase)} cho ${who} (có danh sách kèm theo) ${achievement}.`];
  if (total > 0 || d.fundingRoute)
    articles.push(
      total > 0
        ? `Tiền thưởng kèm theo ${award} theo danh sách kèm theo, tổng cộng ${formatMoneyInWordsVi(total)}, ${(d.fundingRoute ?? 'theo quy định hiện hành').replace(/[.;]+$/u, '')}.`
        : `Kinh phí khen thưởng ${d.fundingRoute!.replace(/[.;]+$/u, '')}.`,
    );
  articles.push(
    `${d.executors.length ? joinVi(d.executors) : 'Các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1'} chịu trách nhiệm thi hành Quyết định này./.`,
  );
  const { so, kyHieu } = splitNumberText(d.numberText);
  const bodies = issuingBodies([d.issuerName]);
  const lastAuthority = d.signerAuthorities[d.signerAuthorities.length - 1];
  const signer = d.signerAuthorities.length
    ? {
        quyenHan: d.signerAuthorities.map((a) => `${a.authority} ${upper(a.of)}`).join('\n'),
        // Q. CHỦ TỊCH is the whole line: no position under it.
        chucVuNguoiKy: lastAuthority?.authority === 'Q.' ? '' : upper(d.signerTitle),
        nguoiKy: d.signerName,
      }
    : signerLines({ title: d.signerTitle, name: d.signerName });
  return renderDocument('quyet_dinh_cap_tren', {
    coQuanChuQuan: d.issuerSuperior ? headerLines(upper(d.issuerSuperior)) : '',
    coQuanBanHanh: headerLines(upper(d.issuerName)),
    so,
    kyHieu,
    diaDanh: d.issuerPlace ?? bodies.diaDanh,
    ngayThang: formatLongDateVi(d.decisionDate),
    trichYeu: cleanSummary(d.title),
    thamQuyen: upper(d.issuingAuthority ?? d.issuerName),
    canCu: d.legalBases.length ? d.legalBases : (BASIS[d.regime as Regime] ?? []),
    deNghi: d.proposal ? sentence(d.proposal) : '',
    dieuKhoan: articles.map((noiDung, i) => ({ so: i + 1, noiDung })),
    noiNhan: d.recipients.length ? d.recipients : ['Như Điều 3;', 'Lưu: VT.'],
    ...signer,
    tieuDeDanhSach: `DANH SÁCH ${subjectsPhrase(awardees.map((a) => a.subjectKind))
      .replace(/^các /, '')
      .toLocaleUpperCase('vi')} ĐƯỢC TẶNG ${upper(award)}`,
    // "(Kèm theo Quyết định … của Chủ tịch UBND tỉnh Quảng Ninh)": the authority as written, when not in capitals.
    coQuanKemTheo: d.issuingAuthority && d.issuingAuthority !== upper(d.issuingAuthority) ? d.issuingAuthority : d.issuerName,
    ngayBanHanh: formatDateVi(d.decisionDate),
    danhSach: awardeeListOrder(awardees).map((a, i) => ({
      stt: i + 1,
      hoTen: a.revoked ? `${a.displayName} (đã hủy bỏ)` : a.displayName,
      chucVuDonVi: a.positionText ?? '',
      hinhThuc: named && labels.length === 1 ? award : awardWording(a.honor as Honor, a.posthumous),
      soTien: formatNumberVi(a.amount),
    })),
    tongTien: formatNumberVi(total),
    tongTienBangChu: moneyToWordsVi(total),
  });
}

export async function decisionDocx(tx: Executor, d: DecisionMeta, awardees: (typeof decisionAwardees.$inferSelect)[]): Promise<Buffer> {
  if (d.kind === 'external') return externalDecisionDocx(d, awardees);
  const h = await unitHeader(tx, d.unitId);
  const inKind = awardees.filter((a) => a.inKindDescription);
  const collectives = awardees.filter((a) => a.subjectKind !== 'individual').length;
  const individuals = awardees.length - collectives;
  const who = [collectives ? `${formatNumberVi(collectives)} tập thể` : '', individuals ? `${formatNumberVi(individuals)} cá nhân` : '']
    .filter(Boolean)
    .join(' và ');
  const total = awardees.reduce((s, a) => s + a.amount, 0);
  const { so, kyHieu } = splitNumberText(d.numberText);
  const { headTitle, authority } = await authorityOf(tx, d.unitId, h.unit.name, d.signerTitle);
  return renderDocument('quyet_dinh_khen_thuong', {
    coQuanChuQuan: h.coQuanChuQuan,
    coQuanBanHanh: h.coQuanBanHanh,
    so,
    kyHieu,
    diaDanh: h.diaDanh,
    ngayThang: formatLongDateVi(d.decisionDate),
    trichYeu: cleanSummary(d.title),
    thamQuyen: authority.toLocaleUpperCase('vi'),
    coQuanKemTheo: authority,
    canCu: BASIS[d.regime as Regime] ?? [],
    deNghi: 'Thường trực Hội đồng Thi đua - Khen thưởng',
    dieu1: `${upperFirst(awardPhrase(awardees))} cho ${who} đã có thành tích xuất sắc (có danh sách kèm theo).`,
    dieu2: [
      total > 0
        ? `Tiền thưởng theo danh sách kèm theo, tổng cộng ${formatMoneyInWordsVi(total)}, trích từ quỹ thi đua, khen thưởng theo quy định.`
        : inKind.length
          ? ''
          : 'Tặng thưởng theo quy định hiện hành.',
      ...inKind.map((a) => `Khen thưởng bằng hiện vật cho ${a.displayName}: ${inKindText(a.inKindDescription, a.inKindValue)}.`),
    ]
      .filter(Boolean)
      .join(' '),
    dieu3: 'Thủ trưởng các phòng, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
    tieuDeDanhSach: `DANH SÁCH ${subjectsPhrase(awardees.map((a) => a.subjectKind))
      .replace(/^các /, '')
      .toLocaleUpperCase('vi')} ĐƯỢC ${awardPhrase(awardees).toLocaleUpperCase('vi')}`,
    ngayBanHanh: formatDateVi(d.decisionDate),
    danhSach: awardeeListOrder(awardees).map((a, i) => ({
      stt: i + 1,
      hoTen: a.revoked ? `${a.displayName} (đã hủy bỏ)` : a.displayName,
      chucVuDonVi: a.positionText ?? '',
      hinhThuc: [awardWording(a.honor as Honor, a.posthumous), inKindText(a.inKindDescription, a.inKindValue)].filter(Boolean).join('; hiện vật: '),
      soTien: formatNumberVi(a.amount),
    })),
    tongTien: formatNumberVi(total),
    tongTienBangChu: moneyToWordsVi(total),
    noiNhan: ['Như Điều 3;', 'Lưu: VT, VP.'],
    ...signerLines({ title: d.signerTitle, name: d.signerName, headTitle, agency: h.unit.name }),
  });
}

/** Options of a generated document the clerk may set before printing. */
export interface DocumentOptions {
  /** The number taken from the register for this document ("05"), when already known. */
  so?: string | undefined;
}

type SessionItemOf = { candidate: CandidateRow; dossierUnitName: string; item: { honor: string; result: unknown; listVoteId?: string | null } };
/** A list voted as a whole, for the minutes. */
type ListVoteOf = { id: string; title: string; honor: string; count: number; approve: number | null; result: unknown };
type AttendanceOf = { memberId: string; fullName: string; position: string; present: boolean };

/** Where the data has nothing yet: a dotted line to write in by hand. */
const BLANK_LINE = '……………………………………';

/** A member's name by id, for the minutes. */
function memberName(attendance: readonly AttendanceOf[], id: string | null): string {
  return attendance.find((a) => a.memberId === id)?.fullName ?? '';
}

/** The minutes are the council's: issued by the Hội đồng under its agency. */
async function councilHeader(tx: Executor, s: SessionRow, known: string | undefined) {
  const councilName = known ?? (await unsafeCouncilName(tx, s.councilId)) ?? 'Hội đồng Thi đua - Khen thưởng';
  return { councilName, h: councilBodies(councilName, await unitChainNames(tx, s.unitId)) };
}

export async function minutesDocx(
  tx: Executor,
  s: SessionRow,
  items: SessionItemOf[],
  attendance: AttendanceOf[],
  opts: DocumentOptions & { councilName?: string | undefined; listVotes?: ListVoteOf[] } = {},
): Promise<Buffer> {
  const { h } = await councilHeader(tx, s, opts.councilName);
  const present = attendance.filter((a) => a.present).length;
  // The secret ballots only: a list voted as a whole is in the Biên bản họp xét.
  items = items.filter((i) => !i.item.listVoteId);
  const results = items.map((i) => i.item.result as ItemResult | null);
  const issued = results.map((r) => (r ? r.eligible : null));
  const returned = results.map((r) => (r ? r.online + r.paper : null));
  const valid = results.map((r) => (r ? r.approve + r.reject + r.abstain : null));
  // One figure when every item had the same ballots; otherwise the table says it per item.
  const same = (xs: (number | null)[]): string => {
    const known = xs.filter((x): x is number => x !== null);
    if (!known.length) return '';
    return known.every((x) => x === known[0]) ? String(known[0]) : 'theo từng trường hợp tại bảng dưới đây';
  };
  const invalid = results.map((r, i) => (r ? Math.max(0, (returned[i] ?? 0) - (valid[i] ?? 0)) : null));
  // The Ban kiểm phiếu the session elected (head first); until the secretary records it, lines to write the names in.
  const elected = sessionMinutesOf(s, attendance, items).countingBoard.map((id) => memberName(attendance, id));
  const board = elected.length
    ? elected.map((hoTen, i) => ({ hoTen, nhiemVu: i === 0 ? 'Trưởng Ban' : 'Thành viên' }))
    : [
        { hoTen: BLANK_LINE, nhiemVu: 'Trưởng Ban' },
        { hoTen: BLANK_LINE, nhiemVu: 'Thành viên' },
        { hoTen: BLANK_LINE, nhiemVu: 'Thành viên' },
      ];
  const total = s.totalMembers ?? attendance.length;
  return renderDocument('bien_ban_kiem_phieu', {
    coQuanChuQuan: h.coQuanChuQuan,
    coQuanBanHanh: h.coQuanBanHanh,
    so: documentNumber(opts.so),
    kyHieu: 'BB-HĐTĐKT',
    diaDanh: h.diaDanh,
    ngayThang: formatLongDateVi(s.meetingDate),
    trichYeu: cleanSummary(`Kết quả kiểm phiếu ${s.title.charAt(0).toLocaleLowerCase('vi')}${s.title.slice(1)}`),
    thoiGian: s.openedAt ? `bắt đầu lúc ${timeOfDayVi(s.openedAt)}, ngày ${formatDateVi(s.meetingDate)}` : `ngày ${formatDateVi(s.meetingDate)}`,
    diaDiem: s.location?.trim() || BLANK_LINE,
    soCoMat: `${present}/${total} thành viên`,
    // The Ban kiểm phiếu is elected by the session: its members are written in by hand.
    banKiemPhieu: board,
    soPhieuPhatRa: same(issued),
    soPhieuThuVe: same(returned),
    soPhieuHopLe: same(valid),
    soPhieuKhongHopLe: same(invalid),
    ketQua: items.map(({ candidate, dossierUnitName, item }, i) => {
      const r = results[i];
      return {
        stt: i + 1,
        hoTen: candidate.displayName,
        donVi: dossierUnitName,
        hinhThuc: awardWording(item.honor as Honor, candidate.posthumous),
        soPhieuPhatRa: r ? String(r.eligible) : '',
        soPhieuDongY: r ? String(r.approve) : '',
        tyLe: r && r.totalMembers ? `${formatNumberVi((r.approve / r.totalMembers) * 100, 1)}%` : '',
        ketQua: r ? (r.passed ? 'Đạt' : 'Không đạt') : 'Chưa kiểm phiếu',
      };
    }),
    ketThuc: s.closedAt ? `lúc ${timeOfDayVi(s.closedAt)} cùng ngày` : 'lúc …… giờ …… phút cùng ngày',
    truongBan: elected[0] ?? '',
    // Until the secretary records the Ban, one empty place to sign by hand.
    thanhVienBanKy: elected.length ? elected.slice(1) : [''],
  });
}

/**
 * Biên bản họp xét khen thưởng, issued by the Council: who chaired and took the minutes, members
 * present and absent, the agenda, the discussion the secretary wrote, and the result per candidate.
 */
export async function reviewMinutesDocx(
  tx: Executor,
  s: SessionRow,
  items: SessionItemOf[],
  attendance: AttendanceOf[],
  opts: DocumentOptions & { councilName?: string | undefined; listVotes?: ListVoteOf[] } = {},
): Promise<Buffer> {
  const { councilName, h } = await councilHeader(tx, s, opts.councilName);
  const m = sessionMinutesOf(s, attendance, items);
  const position = (a: AttendanceOf) => COUNCIL_POSITION_LABELS[a.position as CouncilPosition] ?? a.position;
  const label = (a: AttendanceOf) => `${a.fullName} — ${position(a)}`;
  const present = attendance.filter((a) => a.present);
  const absent = attendance.filter((a) => !a.present);
  const total = s.totalMembers ?? attendance.length;
  const chair = attendance.find((a) => a.memberId === m.chairMemberId);
  const secretary = attendance.find((a) => a.memberId === m.secretaryMemberId);
  const results = items.map((i) => i.item.result as ItemResult | null);
  const passed = results.filter((r) => r?.passed).length;
  const counted = results.filter(Boolean).length;
  const lower = `${s.title.charAt(0).toLocaleLowerCase('vi')}${s.title.slice(1)}`;
  // A list voted as a whole is one line of the result table (with its count) and its names go to the annex.
  const lists = new Map((opts.listVotes ?? []).map((l) => [l.id, l]));
  const single = items.filter((i) => !i.item.listVoteId);
  const listed = items.filter((i) => i.item.listVoteId);
  const tyLe = (r: ItemResult | null) => (r && r.totalMembers ? `${formatNumberVi((r.approve / r.totalMembers) * 100, 1)}%` : '');
  const singleRows = single.map(({ candidate, dossierUnitName, item }) => {
    const r = item.result as ItemResult | null;
    return {
      hoTen: candidate.displayName,
      chucVuDonVi: [candidate.positionText, dossierUnitName].filter(Boolean).join(', '),
      hinhThuc: awardWording(item.honor as Honor, candidate.posthumous),
      soPhieu: r ? `${r.approve}/${r.totalMembers}` : '',
      tyLe: tyLe(r),
    };
  });
  const listRows = [...lists.values()].map((l) => {
    const r = l.result as ItemResult | null;
    return {
      hoTen: `${l.title} (${formatNumberVi(l.count)} người/tập thể, chi tiết tại Phụ lục)`,
      chucVuDonVi: 'Biểu quyết cả danh sách',
      hinhThuc: HONOR_INFO[l.honor as Honor].label,
      soPhieu: r ? `${r.approve}/${r.totalMembers}` : l.approve !== null ? `${l.approve}/${s.totalMembers ?? attendance.length}` : '',
      tyLe: tyLe(r),
    };
  });
  return renderDocument('bien_ban_hop_xet', {
    coQuanChuQuan: h.coQuanChuQuan,
    coQuanBanHanh: h.coQuanBanHanh,
    so: documentNumber(opts.so),
    kyHieu: 'BB-HĐTĐKT',
    diaDanh: h.diaDanh,
    ngayThang: formatLongDateVi(s.meetingDate),
    trichYeu: cleanSummary(/^(họp|phiên họp)/iu.test(s.title) ? s.title : `Họp xét ${lower}`),
    thoiGian: s.openedAt ? `${timeOfDayVi(s.openedAt)}, ngày ${formatDateVi(s.meetingDate)}` : `ngày ${formatDateVi(s.meetingDate)}`,
    diaDiem: s.location?.trim() || BLANK_LINE,
    chuTri: chair?.fullName ?? '',
    chucVuChuTri: chair ? `, ${position(chair)} ${councilName}` : '',
    thuKy: secretary?.fullName ?? '',
    chucVuThuKy: secretary ? `, ${position(secretary)} ${councilName}` : '',
    soCoMat: String(present.length),
    tongSoThanhVien: String(total),
    thanhPhan: present.map(label),
    vangMat: absent.length ? absent.map(label) : ['Không có.'],
    chuongTrinh: m.agenda,
    noiDung: [
      `${councilName} xem xét ${items.length} đề nghị khen thưởng đã được Thường trực Hội đồng thẩm định. Các thành viên có xung đột lợi ích với đề nghị nào không biểu quyết đề nghị đó.`,
      ...(m.countingBoard.length
        ? [
            `Phiên họp bầu Ban kiểm phiếu gồm: ${m.countingBoard.map((id, i) => `${memberName(attendance, id)} (${i === 0 ? 'Trưởng ban' : 'thành viên'})`).join('; ')}.`,
          ]
        : []),
      counted
        ? `Hội đồng biểu quyết bằng phiếu kín; tỷ lệ tính trên tổng số ${total} thành viên Hội đồng. Kết quả: ${passed}/${counted} đề nghị đạt, chi tiết tại bảng dưới đây.`
        : 'Hội đồng chưa kiểm phiếu.',
    ],
    yKien: (m.discussion ?? '')
      .split(/\n+/)
      .map((l) => l.trim())
      .filter(Boolean),
    danhSach: [...listRows, ...singleRows].map((row, i) => ({ stt: i + 1, ...row })),
    ketThuc: s.closedAt ? `lúc ${timeOfDayVi(s.closedAt)} cùng ngày` : 'lúc …… giờ …… phút cùng ngày',
    coPhuLuc: listed.length ? 'x' : '',
    tieuDePhuLuc: `DANH SÁCH HỘI ĐỒNG BIỂU QUYẾT THÔNG QUA CẢ DANH SÁCH (${formatNumberVi(listed.length)} người/tập thể)`,
    phuLuc: listed.map(({ candidate, dossierUnitName, item }, i) => ({
      stt: i + 1,
      hoTen: candidate.displayName,
      chucVuDonVi: [candidate.positionText, dossierUnitName].filter(Boolean).join(', '),
      hinhThuc: awardWording(item.honor as Honor, candidate.posthumous),
    })),
  });
}

export async function toTrinhDocx(tx: Executor, d: DossierRow, candidates: CandidateRow[], opts: DocumentOptions = {}): Promise<Buffer> {
  const h = await unitHeader(tx, d.unitId);
  // An upward dossier goes to the unit's superior (the province's People's Committee for a Sở).
  const receiverId = d.receiverUnitId ?? (d.level === 'upward' && !d.receiverName ? h.unit.parentId : null);
  const receiver = receiverId ? await unsafeFindUnit(tx, receiverId) : undefined;
  const head = await unsafeUnitHead(tx, d.unitId);
  // "Hồ sơ đề nghị …" names the file, not what the Tờ trình asks: the summary starts at "đề nghị".
  const title = d.title.trim().replace(/^hồ sơ\s+(?=đề nghị)/iu, '');
  const summary = /^(đề nghị|về việc)/iu.test(title)
    ? `${/^về việc/iu.test(title) ? '' : 'Về việc '}${title.charAt(0).toLocaleLowerCase('vi')}${title.slice(1)}`
    : `Về việc đề nghị khen thưởng ${title.charAt(0).toLocaleLowerCase('vi')}${title.slice(1)}`;
  return renderDocument('to_trinh', {
    coQuanChuQuan: h.coQuanChuQuan,
    coQuanBanHanh: h.coQuanBanHanh,
    so: documentNumber(opts.so),
    kyHieu: `TTr-${h.unit.code ?? ''}`,
    diaDanh: h.diaDanh,
    ngayThang: formatLongDateVi(now()),
    trichYeu: cleanSummary(summary.charAt(0).toLocaleUpperCase('vi') + summary.slice(1)),
    kinhGui: receiver?.name ?? d.receiverName ?? '',
    noiDung: [d.summary ?? `${h.unit.name} đề nghị xét khen thưởng cho các tập thể, cá nhân có thành tích xuất sắc năm ${d.year} như sau:`],
    danhSach: awardeeListOrder(candidates).map((c, i) => ({
      stt: i + 1,
      hoTen: c.displayName,
      chucVuDonVi: c.positionText ?? '',
      hinhThuc: [awardWording(c.proposedHonor as Honor, c.posthumous), inKindText(c.inKindDescription, c.inKindValue)].filter(Boolean).join('; hiện vật: '),
      ghiChu: [c.subjectKind === 'individual' ? '' : 'Tập thể', classUndecided(c.proposedHonor as Honor) ? 'Đề nghị cấp có thẩm quyền xét hạng' : '']
        .filter(Boolean)
        .join('; '),
    })),
    ketLuan: [`Kính đề nghị ${receiver?.name ?? 'cấp trên'} xem xét, quyết định./.`],
    noiNhan: ['Như trên;', 'Lưu: VT.'],
    // The unit's head signs (from the staff records); without one, the position line alone.
    ...(head
      ? signerLines({ title: head.position, name: head.fullName, agency: h.unit.name })
      : { quyenHan: '', chucVuNguoiKy: 'THỦ TRƯỞNG ĐƠN VỊ', nguoiKy: '' }),
  });
}

export type { awardDecisions };
