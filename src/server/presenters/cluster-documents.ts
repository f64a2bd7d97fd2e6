/**
 * Documents of a cụm, khối thi đua (NĐ 30/2020 layout, through the standing body's templates in
 * force): Bản giao ước thi đua, Bảng tổng hợp điểm (DOCX; the XLSX is `scoringXlsxRows`), Biên
 * bản hội nghị with the vote (template "bien_ban_hop_xet"), and the head's Tờ trình ("to_trinh").
 */
import type { Executor } from '../db/client.js';
import { renderDocument, type XlsxColumn } from '../documents/index.js';
import { templateFor } from '../repositories/templates.js';
import { unsafeFindUnitWithParent } from '../repositories/dossiers.js';
import type { ClusterRow, CriterionRow, MeetingItemRow, MeetingRow, MemberWithPath, PledgeRow } from '../repositories/clusters.js';
import { CLUSTER_KIND_LABELS, HONOR_INFO, type ClusterKind, type Honor } from '../../shared/codes.js';
import { formatDateVi, formatLongDateVi, formatNumberVi } from '../../shared/format-vi.js';
import { todayVn } from '../clock.js';
import type { rankingOf } from './clusters.js';

type Ranking = ReturnType<typeof rankingOf>;

const kindWord = (c: ClusterRow) => (c.kind === 'cum' ? 'cụm' : 'khối');
const titleOf = (c: ClusterRow) => `${c.kind === 'cum' ? 'TRƯỞNG CỤM' : 'TRƯỞNG KHỐI'}`;
const pts = (n: number) => formatNumberVi(n, Number.isInteger(n) ? 0 : 1);

/** Header: the organising council above, the cluster itself as the issuing body; place from the standing body's name. */
async function header(tx: Executor, c: ClusterRow) {
  const { unit } = await unsafeFindUnitWithParent(tx, c.unitId);
  const place = /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(c.organiserName ?? unit?.name ?? '')?.[1] ?? '';
  return {
    coQuanChuQuan: (c.organiserName ?? unit?.name ?? '').toUpperCase(),
    coQuanBanHanh: c.name.toUpperCase(),
    so: '',
    diaDanh: place,
  };
}

function roleOf(c: ClusterRow, m: MemberWithPath): string {
  const w = kindWord(c);
  return c.headMemberId === m.id ? `Trưởng ${w}` : c.deputyMemberId === m.id ? `Phó ${w}` : 'Thành viên';
}

function headSigner(c: ClusterRow, members: MemberWithPath[]) {
  const head = members.find((m) => m.id === c.headMemberId);
  return { quyenHan: '', chucVuNguoiKy: titleOf(c), nguoiKy: head ? head.name : '' };
}

export async function pledgeDocx(tx: Executor, c: ClusterRow, p: PledgeRow | undefined, members: MemberWithPath[]): Promise<Buffer> {
  const h = await header(tx, c);
  const day = p?.signedDate ?? todayVn();
  return renderDocument(
    'giao_uoc_thi_dua',
    {
      ...h,
      kyHieu: 'GƯTĐ',
      ngayThang: formatLongDateVi(day),
      trichYeu: `năm ${c.year} của ${c.name}`,
      canCu: [
        'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
        ...(c.organiserName ? [`Căn cứ hướng dẫn của ${c.organiserName} về tổ chức hoạt động của các cụm, khối thi đua;`] : []),
        ...(c.regulation ? [`Căn cứ Quy chế hoạt động của ${c.name};`] : []),
      ],
      noiDung: [
        `Hôm nay, ngày ${formatDateVi(day)}${p?.place ? `, tại ${p.place}` : ''}, ${members.length} thành viên ${c.name} ký kết giao ước thi đua năm ${c.year} với các nội dung sau:`,
      ],
      chiTieuChung: p?.commonTargets ?? [],
      chiTieuRieng: members.filter((m) => m.targets.length).map((m, i) => ({ stt: i + 1, thanhVien: m.name, chiTieu: m.targets.join('; ') })),
      ketLuan: [`Các thành viên ${c.name} cam kết tổ chức thực hiện thắng lợi các chỉ tiêu đã giao ước; Trưởng ${kindWord(c)} theo dõi, tổng hợp kết quả./.`],
      thanhVien: members.map((m, i) => ({ stt: i + 1, ten: m.name, vaiTro: roleOf(c, m) })),
    },
    await templateFor(tx, c.unitId, 'giao_uoc_thi_dua'),
  );
}

function criterionPoints(x: CriterionRow): string {
  if (x.kind === 'minus') return pts(x.minPoints);
  if (x.kind === 'bonus') return `+${pts(x.maxPoints)}`;
  return pts(x.maxPoints);
}

export async function scoringDocx(tx: Executor, c: ClusterRow, members: MemberWithPath[], criteria: CriterionRow[], ranking: Ranking): Promise<Buffer> {
  const h = await header(tx, c);
  return renderDocument(
    'bang_diem_cum',
    {
      ...h,
      kyHieu: 'BĐTĐ',
      ngayThang: formatLongDateVi(todayVn()),
      trichYeu: `năm ${c.year} của ${c.name}`,
      thangDiem: formatNumberVi(c.scale),
      noiDung: [
        `Kết quả tự chấm điểm của ${members.length} thành viên ${c.name} năm ${c.year}, đã được Trưởng ${kindWord(c)} rà soát, điều chỉnh (có lý do)${c.scoringClosedAt ? '; bảng chấm điểm đã khóa' : ''}, như sau:`,
      ],
      bangDiem: ranking.map((r) => ({
        hang: r.rank,
        thanhVien: r.name,
        diemTieuChi: pts(r.base),
        diemThuong: pts(r.bonus),
        diemTru: pts(r.minus),
        tongDiem: pts(r.total),
      })),
      tieuChi: criteria.map((x, i) => ({ stt: i + 1, nhom: x.groupName, tieuChi: x.title, toiDa: criterionPoints(x) })),
      ketLuan: [`Bảng tổng hợp điểm là căn cứ để hội nghị tổng kết ${kindWord(c)} bình xét, suy tôn các thành viên dẫn đầu./.`],
      noiNhan: ['Các thành viên;', `${c.organiserName ?? 'Thường trực Hội đồng Thi đua - Khen thưởng'} (b/c);`, 'Lưu.'],
      ...headSigner(c, members),
    },
    await templateFor(tx, c.unitId, 'bang_diem_cum'),
  );
}

/** The scoring summary as spreadsheet rows: one per member, in rank order. */
export function scoringXlsxColumns(): XlsxColumn<Ranking[number]>[] {
  return [
    { header: 'Xếp hạng', value: 'rank', type: 'integer' },
    { header: 'Thành viên', value: 'name', width: 48 },
    { header: 'Điểm các tiêu chí', value: 'base', type: 'number' },
    { header: 'Điểm thưởng', value: 'bonus', type: 'number' },
    { header: 'Điểm trừ', value: 'minus', type: 'number' },
    { header: 'Tổng điểm', value: 'total', type: 'number' },
    { header: 'Số tiêu chí đã chấm', value: 'scored', type: 'integer' },
    { header: 'Báo cáo muộn', value: 'lateReports', type: 'integer' },
  ];
}

interface ItemResult {
  approve: number;
  reject: number;
  abstain: number;
  required: number;
  passed: boolean;
  text: string;
}

function votedRows(m: MeetingRow, items: MeetingItemRow[], members: MemberWithPath[], onlyPassed: boolean) {
  const byId = new Map(members.map((x) => [x.id, x]));
  return items
    .filter((i) => i.meetingId === m.id && (!onlyPassed || (i.result as ItemResult | null)?.passed))
    .map((i, n) => {
      const r = i.result as ItemResult | null;
      const mem = byId.get(i.memberId);
      return {
        stt: n + 1,
        hoTen: mem?.name ?? '',
        chucVuDonVi: mem?.address ?? '',
        hinhThuc: HONOR_INFO[i.honor as Honor]?.label ?? i.honor,
        soPhieu: r ? `${r.approve}/${m.totalMembers}` : 'chưa kiểm phiếu',
        tyLe: r ? `${formatNumberVi((100 * r.approve) / m.totalMembers, 1)}%` : '',
        ghiChu: r ? (r.passed ? 'Đạt' : 'Không đạt') : '',
        ketQua: r?.text ?? '',
      };
    });
}

export async function minutesDocx(tx: Executor, c: ClusterRow, m: MeetingRow, items: MeetingItemRow[], members: MemberWithPath[]): Promise<Buffer> {
  const h = await header(tx, c);
  const head = members.find((x) => x.id === c.headMemberId);
  const present = members.filter((x) => m.presentMemberIds.includes(x.id));
  const rows = votedRows(m, items, members, false);
  return renderDocument(
    'bien_ban_hop_xet',
    {
      ...h,
      kyHieu: 'BB',
      ngayThang: formatLongDateVi(m.heldOn),
      trichYeu: `Hội nghị tổng kết công tác thi đua năm ${c.year} của ${c.name}`,
      thoiGian: `ngày ${formatDateVi(m.heldOn)}`,
      diaDiem: m.place ?? '',
      chuTri: head ? `Đại diện ${head.name} (Trưởng ${kindWord(c)})` : '',
      thuKy: '',
      thanhPhan: present.map((x) => x.name),
      soCoMat: String(present.length),
      tongSoThanhVien: String(m.totalMembers),
      noiDung: [
        ...(m.minutes ?? '').split(/\n+/).filter(Boolean),
        `Hội nghị biểu quyết bằng phiếu kín việc suy tôn các thành viên đề nghị khen thưởng; kết quả kiểm phiếu như sau:`,
        ...rows.map((r) => `- ${r.hoTen} — ${r.hinhThuc}: ${r.ketQua || r.soPhieu}`),
      ],
      danhSach: rows,
      ketThuc: 'cùng ngày',
    },
    await templateFor(tx, c.unitId, 'bien_ban_hop_xet'),
  );
}

export async function proposalDocx(tx: Executor, c: ClusterRow, m: MeetingRow, items: MeetingItemRow[], members: MemberWithPath[]): Promise<Buffer> {
  const h = await header(tx, c);
  const kind = CLUSTER_KIND_LABELS[c.kind as ClusterKind];
  const rows = votedRows(m, items, members, true);
  return renderDocument(
    'to_trinh',
    {
      ...h,
      kyHieu: 'TTr',
      ngayThang: formatLongDateVi(todayVn()),
      trichYeu: `Về việc đề nghị tặng Cờ thi đua, Bằng khen năm ${c.year} cho các thành viên ${c.name}`,
      kinhGui: `Thường trực ${c.organiserName ?? 'Hội đồng Thi đua - Khen thưởng'}`,
      noiDung: [
        `Căn cứ kết quả chấm điểm, xếp hạng năm ${c.year} và kết quả bỏ phiếu kín tại hội nghị tổng kết ngày ${formatDateVi(m.heldOn)} (có mặt ${m.presentMemberIds.length}/${m.totalMembers} thành viên), ${kind} kính trình Thường trực Hội đồng xem xét, đề nghị khen thưởng cho các thành viên sau:`,
      ],
      danhSach: rows.map((r) => ({ stt: r.stt, hoTen: r.hoTen, chucVuDonVi: r.chucVuDonVi, hinhThuc: r.hinhThuc, ghiChu: `${r.soPhieu} phiếu đồng ý` })),
      ketLuan: [
        `Kèm theo: Biên bản hội nghị, Bảng tổng hợp điểm và báo cáo thành tích của các thành viên được đề nghị.`,
        `Kính đề nghị Thường trực Hội đồng xem xét, quyết định./.`,
      ],
      noiNhan: ['Như trên;', 'Các thành viên;', 'Lưu.'],
      ...headSigner(c, members),
    },
    await templateFor(tx, c.unitId, 'to_trinh'),
  );
}
