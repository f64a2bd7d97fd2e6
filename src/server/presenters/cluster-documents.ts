/**
 * Documents of a cụm, khối thi đua (NĐ 30/2020 layout, through the standing body's templates in
 * force): Bản giao ước thi đua, Bảng tổng hợp điểm (DOCX; the XLSX is `scoringXlsxRows`), Biên
 * bản hội nghị with the vote (template "bien_ban_hop_xet"), and the head's Tờ trình ("to_trinh").
 */
import type { Executor } from '../db/client.js';
import { renderDocument, type XlsxColumn } from '../documents/index.js';
import { templateFor } from '../repositories/templates.js';
import { unsafeFindUnitWithParent } from '../repositories/dossiers.js';
import type { ClusterRow, CriterionRow, MeetingItemRow, MeetingRow, MemberWithPath, PledgeRow, ReportRow, TaskRow } from '../repositories/clusters.js';
import { CLUSTER_KIND_LABELS, HONOR_INFO, type ClusterKind, type Honor } from '../../shared/codes.js';
import { formatDateVi, formatLongDateVi, formatNumberVi } from '../../shared/format-vi.js';
import { todayVn } from '../clock.js';
import { isLate } from '../../shared/cluster-scoring.js';
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

export interface HeadReportInput {
  cluster: ClusterRow;
  members: MemberWithPath[];
  period: 'h1' | 'year';
  pledge: PledgeRow | undefined;
  criteria: CriterionRow[];
  ranking: Ranking;
  reports: ReportRow[];
  tasks: TaskRow[];
  meetings: MeetingRow[];
  items: MeetingItemRow[];
}

/**
 * The head's Báo cáo sơ kết (6 months) / tổng kết (year) to the Ban TĐKT, NĐ 30 layout through the
 * "bao_cao_tong_ket" template: what the cluster did (members, pledge, plan tasks, members' reports,
 * scoring and ranking, the year-end vote), counts, shortcomings (late reports, tasks not done) and
 * next steps. Every sentence comes from the cluster's records; nothing is invented.
 */
export async function headReportDocx(tx: Executor, d: HeadReportInput): Promise<Buffer> {
  const c = d.cluster;
  const h = await header(tx, c);
  const w = kindWord(c);
  const today = todayVn();
  const h1 = d.period === 'h1';
  const cutoff = h1 ? `${c.year}-06-30` : `${c.year}-12-31`;
  const tasks = d.tasks.filter((t) => t.status !== 'cancelled' && t.dueDate <= cutoff);
  const done = tasks.filter((t) => t.status === 'done');
  const undone = tasks.filter((t) => t.status === 'open');
  const head = d.members.find((m) => m.id === c.headMemberId);
  const deputy = d.members.find((m) => m.id === c.deputyMemberId);
  const outside = d.members.filter((m) => !m.memberUnitId).length;
  const due = h1 ? c.reportDueH1 : c.reportDueYear;
  const period = h1 ? 'h1' : 'year';
  const received = d.reports.filter((r) => r.period === period);
  const byMember = new Map(received.map((r) => [r.memberId, r]));
  const late = d.members.filter((m) => isLate(due, byMember.get(m.id)?.submittedOn ?? null, today));
  const meeting = h1 ? undefined : d.meetings.find((m) => m.status === 'closed');
  const voted = meeting ? votedRows(meeting, d.items, d.members, true) : [];
  const leader = d.ranking[0];
  const p = d.pledge;
  const noiDung = [
    `${c.name} năm ${c.year} có ${d.members.length} thành viên${outside ? ` (${outside} cơ quan, tổ chức ngoài hệ thống)` : ''}; Trưởng ${w}: ${head?.name ?? 'chưa bầu'}${deputy ? `, Phó ${w}: ${deputy.name}` : ''}.`,
    p?.signedDate
      ? `Ngày ${formatDateVi(p.signedDate)}${p.place ? `, tại ${p.place}` : ''}, các thành viên ký kết giao ước thi đua năm ${c.year} với ${p.commonTargets.length} chỉ tiêu chung${p.publishedAt ? '; giao ước đã được công bố tới các thành viên' : ''}.`
      : `Các thành viên chưa ký kết giao ước thi đua năm ${c.year}.`,
    tasks.length
      ? `Kế hoạch hoạt động của ${w} có ${tasks.length} nhiệm vụ đến hạn trong kỳ; đã hoàn thành ${done.length} nhiệm vụ${done.length ? `: ${done.map((t) => `${t.title} (hạn ${formatDateVi(t.dueDate)})`).join('; ')}` : ''}.`
      : `Kế hoạch hoạt động của ${w} chưa có nhiệm vụ đến hạn trong kỳ.`,
    due
      ? `Hạn các thành viên gửi báo cáo ${h1 ? '6 tháng' : 'năm'} về Trưởng ${w} là ngày ${formatDateVi(due)}; đã nhận ${received.length}/${d.members.length} báo cáo${late.length ? `, ${late.length} thành viên gửi muộn hoặc chưa gửi` : ', đúng hạn'}.`
      : `Đã nhận ${received.length}/${d.members.length} báo cáo ${h1 ? '6 tháng' : 'năm'} của các thành viên.`,
    d.criteria.length
      ? `Bảng chấm điểm thang ${formatNumberVi(c.scale)} điểm gồm ${d.criteria.length} mục; các thành viên tự chấm, Trưởng ${w} và thành viên chấm chéo rà soát, điều chỉnh có ghi lý do${c.scoringClosedAt ? '; bảng điểm đã khóa' : ''}.${leader && leader.scored ? ` Dẫn đầu: ${leader.name} (${pts(leader.total)} điểm).` : ''}`
      : `Chưa lập bảng chấm điểm thi đua năm ${c.year}.`,
    ...(meeting
      ? [
          `Hội nghị tổng kết ngày ${formatDateVi(meeting.heldOn)}${meeting.place ? ` tại ${meeting.place}` : ''}, có mặt ${meeting.presentMemberIds.length}/${meeting.totalMembers} thành viên, đã bỏ phiếu kín suy tôn: ${voted.length ? voted.map((v) => `${v.hoTen} — ${v.hinhThuc} (${v.soPhieu} phiếu)`).join('; ') : 'không thành viên nào đạt số phiếu cần thiết'}.`,
        ]
      : []),
  ];
  const honors = new Map<string, number>();
  for (const v of voted) honors.set(v.hinhThuc, (honors.get(v.hinhThuc) ?? 0) + 1);
  const tongHop = honors.size
    ? [...honors].map(([hinhThuc, n], i) => ({ stt: i + 1, hinhThuc: `Đề nghị ${hinhThuc}`, tapThe: formatNumberVi(n), caNhan: '0', ghiChu: '' }))
    : [
        {
          stt: '',
          hinhThuc: h1 ? 'Chưa xét đề nghị khen thưởng (xét tại hội nghị tổng kết năm)' : 'Chưa có đề nghị khen thưởng được suy tôn',
          tapThe: '',
          caNhan: '',
          ghiChu: '',
        },
      ];
  const soLieu = [
    ['Thành viên', d.members.length],
    ['Nhiệm vụ kế hoạch đến hạn trong kỳ', tasks.length],
    ['Nhiệm vụ đã hoàn thành', done.length],
    [`Báo cáo ${h1 ? '6 tháng' : 'năm'} đã nhận`, received.length],
    ['Thành viên gửi báo cáo muộn hoặc chưa gửi', late.length],
  ].map(([chiTieu, n], i) => ({ stt: i + 1, chiTieu: String(chiTieu), soLieu: formatNumberVi(Number(n)) }));
  const tonTai = [
    ...(late.length ? [`Thành viên gửi báo cáo muộn hoặc chưa gửi: ${late.map((m) => m.name).join('; ')}.`] : []),
    ...(undone.length ? [`Nhiệm vụ chưa hoàn thành: ${undone.map((t) => `${t.title} (hạn ${formatDateVi(t.dueDate)})`).join('; ')}.`] : []),
  ];
  const later = d.tasks.filter((t) => t.status === 'open' && t.dueDate > cutoff);
  const phuongHuong = later.length
    ? later.map((t) => `${t.title} (hạn ${formatDateVi(t.dueDate)}).`)
    : [
        h1
          ? `Tiếp tục thực hiện các chỉ tiêu đã giao ước, chuẩn bị chấm điểm và hội nghị tổng kết năm ${c.year}.`
          : `Luân phiên bầu Trưởng, Phó ${w} và ký kết giao ước thi đua năm ${c.year + 1}.`,
      ];
  return renderDocument(
    'bao_cao_tong_ket',
    {
      ...h,
      kyHieu: 'BC',
      ngayThang: formatLongDateVi(today),
      loaiBaoCao: h1 ? 'Sơ kết' : 'Tổng kết',
      trichYeu: `${h1 ? '6 tháng đầu năm' : 'năm'} ${c.year} phong trào thi đua của ${c.name}`,
      noiDung,
      tongHop,
      soLieu,
      tonTai,
      // Nothing in the records says what was learnt: the head writes it before signing (the heading stays, as in the template).
      baiHoc: [`Trưởng ${w} bổ sung trước khi ký.`],
      phuongHuong,
      noiNhan: [`Ban Thi đua - Khen thưởng${h.diaDanh ? ` tỉnh ${h.diaDanh}` : ''} (b/c);`, 'Các thành viên;', 'Lưu: VT.'],
      ...headSigner(c, d.members),
    },
    await templateFor(tx, c.unitId, 'bao_cao_tong_ket'),
  );
}
