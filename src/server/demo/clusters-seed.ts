import type { Tx } from '../db/client.js';
import { unsafeAnyAccountOfUnit, unsafeFindUnitById, unsafeInsertUnit } from '../repositories/demo-plans.js';
import { todayVn } from '../clock.js';
import type { Actor } from '../auth/actor.js';
import { SEED_ROLE } from '../policies/plan.js';
import type { CommandContext } from '../commands/run.js';
import { recordAudit } from '../audit/record.js';
import {
  addClusterMember,
  attachPledgeScan,
  closeClusterTask,
  createClusterTask,
  createCluster,
  electLeaders,
  loadCluster,
  publishPledge,
  savePledge,
  saveScoringTable,
  selfScore,
} from '../commands/clusters.js';
import { criteriaOf, membersOf } from '../repositories/clusters.js';

/** A one-page PDF standing for the signed pledge's scan (the demo has no real scan). */
function demoScan(year: number): Buffer {
  const text = `Ban giao uoc thi dua nam ${year} - ban chup da ky (du lieu mau)`;
  const stream = `BT /F1 14 Tf 60 780 Td (${text}) Tj ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const OUTSIDE: [string, string, string][] = [
  ['Sở Tài chính tỉnh Cao Bằng', 'Số 10 Hoàng Đình Giong, phường Thục Phán, tỉnh Cao Bằng', 'Văn phòng Sở, 0206 3852 001'],
  ['Sở Nội vụ tỉnh Cao Bằng', 'Số 2 Hoàng Đình Giong, phường Thục Phán, tỉnh Cao Bằng', 'Ban Thi đua - Khen thưởng, 0206 3852 002'],
  ['Văn phòng Ủy ban nhân dân tỉnh Cao Bằng', 'Số 11 Hoàng Đình Giong, phường Thục Phán, tỉnh Cao Bằng', 'Phòng Hành chính - Tổ chức, 0206 3852 003'],
  ['Sở Tư pháp tỉnh Cao Bằng', 'Số 25 Vườn Cam, phường Thục Phán, tỉnh Cao Bằng', 'Văn phòng Sở, 0206 3852 004'],
  ['Thanh tra tỉnh Cao Bằng', 'Số 18 Hiến Giang, phường Thục Phán, tỉnh Cao Bằng', 'Văn phòng, 0206 3852 005'],
  ['Cục Thống kê tỉnh Cao Bằng', 'Số 4 Xuân Trường, phường Thục Phán, tỉnh Cao Bằng', 'Văn phòng Cục, 0206 3852 006'],
];

const TABLE: [string, string, 'criterion' | 'bonus' | 'minus', number, number, number | null][] = [
  ['I. Thực hiện nhiệm vụ chuyên môn', 'Hoàn thành các chỉ tiêu kế hoạch năm được giao', 'criterion', 0, 20, null],
  ['I. Thực hiện nhiệm vụ chuyên môn', 'Tham mưu ban hành văn bản đúng tiến độ', 'criterion', 0, 10, null],
  ['I. Thực hiện nhiệm vụ chuyên môn', 'Cải cách hành chính, chuyển đổi số', 'criterion', 0, 10, null],
  ['I. Thực hiện nhiệm vụ chuyên môn', 'Giải ngân vốn đầu tư công', 'criterion', 0, 10, null],
  ['II. Công tác thi đua, khen thưởng', 'Ban hành kế hoạch, phát động phong trào thi đua', 'criterion', 0, 10, null],
  ['II. Công tác thi đua, khen thưởng', 'Phát hiện, nhân rộng điển hình tiên tiến', 'criterion', 0, 10, null],
  ['II. Công tác thi đua, khen thưởng', 'Tham gia hoạt động của cụm, khối', 'criterion', 0, 10, null],
  ['III. Xây dựng tổ chức', 'Xây dựng tổ chức Đảng, đoàn thể vững mạnh', 'criterion', 0, 10, null],
  ['III. Xây dựng tổ chức', 'Thực hành tiết kiệm, phòng chống tham nhũng', 'criterion', 0, 10, null],
  ['Điểm thưởng', 'Được tặng Cờ thi đua của tỉnh năm trước', 'bonus', 0, 10, null],
  ['Điểm thưởng', 'Được tặng Cờ thi đua của Chính phủ năm trước', 'bonus', 0, 15, null],
  ['Điểm trừ', 'Có cán bộ bị kỷ luật', 'minus', -10, 0, null],
  ['Điểm trừ', 'Gửi báo cáo muộn (mỗi báo cáo)', 'minus', -4, 0, 2],
];

/**
 * "Khối thi đua các cơ quan tham mưu tổng hợp" of the current year, kept by the province's
 * Ban Thi đua - Khen thưởng (its own root: the demo accounts reach only the Sở). The demo Sở is
 * its head with six outside agencies; the pledge is signed and published, the table built and the
 * Sở has self-scored, so `npm start` shows the block to the Văn phòng Sở (vanphong) ready to go on.
 */
export async function seedDemoClusters(tx: Tx, demoRootId: string): Promise<void> {
  const so = await unsafeFindUnitById(tx, demoRootId);
  if (!so) throw new Error('demo root missing');
  const admin = await unsafeAnyAccountOfUnit(tx, demoRootId);
  const year = Number(todayVn().slice(0, 4));
  const keeperId = crypto.randomUUID();
  await unsafeInsertUnit(tx, {
    id: keeperId,
    path: `/${keeperId}/`,
    depth: 0,
    name: 'Ban Thi đua - Khen thưởng tỉnh Cao Bằng',
    code: 'BTĐKT-CB',
    kind: 'agency',
  });
  const ctxFor = (unitId: string, unitPath: string): CommandContext => {
    const actor: Actor = {
      accountId: admin?.id ?? '00000000-0000-0000-0000-000000000000',
      username: 'system',
      displayName: 'Dữ liệu mẫu',
      role: SEED_ROLE,
      unitId,
      unitPath,
      personId: null,
      ip: '127.0.0.1',
    };
    return { tx, actor, audit: (e) => recordAudit(tx, { username: 'system', unitId }, e) };
  };
  // The seed keeps the block for the province and, like the province's installation would, reaches the Sở.
  const keeper = ctxFor(keeperId, '/');
  const head = ctxFor(so.id, so.path);
  const c = await createCluster(keeper, {
    year,
    kind: 'khoi',
    name: 'Khối thi đua các cơ quan tham mưu tổng hợp',
    organiserName: 'Hội đồng Thi đua - Khen thưởng tỉnh Cao Bằng',
    scale: 100,
    reportDueH1: `${year}-06-15`,
    reportDueYear: `${year}-11-30`,
    regulation: 'Quy chế hoạt động của Khối thi đua các cơ quan tham mưu tổng hợp (ban hành kèm theo Quyết định của Hội đồng Thi đua - Khen thưởng tỉnh).',
    plan: [
      `Quý I/${year}: hội nghị ký kết giao ước thi đua, bầu Trưởng, Phó khối`,
      `Trước 15/6/${year}: các thành viên gửi báo cáo 6 tháng về Trưởng khối`,
      `Tháng 7/${year}: sơ kết 6 tháng, trao đổi kinh nghiệm`,
      `Trước 30/11/${year}: báo cáo năm, tự chấm điểm theo bảng chấm điểm`,
      `Tháng 12/${year}: hội nghị tổng kết, bỏ phiếu suy tôn, Tờ trình đề nghị khen thưởng`,
    ].join('\n'),
  });
  await addClusterMember(keeper, c.id, { unitId: so.id });
  for (const [name, address, contact] of OUTSIDE) await addClusterMember(keeper, c.id, { name, address, contact });
  const members = await membersOf(tx, c.id);
  const soMember = members.find((m) => m.memberUnitId === so.id)!;
  await electLeaders(keeper, c.id, {
    headMemberId: soMember.id,
    deputyMemberId: members[1]!.id,
    electedOn: `${year}-02-20`,
    note: 'Bầu tại hội nghị ký giao ước.',
  });
  // The plan as dated tasks (on the deadline calendar of the Sở): the pledge's signing is done.
  const tasks: [string, string | null, string][] = [
    ['Hội nghị ký kết giao ước thi đua, bầu Trưởng, Phó khối', `${year}-02-01`, `${year}-02-20`],
    ['Các thành viên gửi báo cáo 6 tháng về Trưởng khối', null, `${year}-06-15`],
    ['Sơ kết 6 tháng, trao đổi kinh nghiệm', `${year}-07-01`, `${year}-07-31`],
    ['Báo cáo năm, tự chấm điểm theo bảng chấm điểm', null, `${year}-11-30`],
    ['Hội nghị tổng kết, bỏ phiếu suy tôn, Tờ trình đề nghị khen thưởng', `${year}-12-01`, `${year}-12-20`],
  ];
  for (const [title, startDate, dueDate] of tasks) {
    const t = await createClusterTask(head, c.id, { title, startDate, dueDate });
    if (dueDate === `${year}-02-20`) await closeClusterTask(head, c.id, t.id, { version: t.version, outcome: 'done' });
  }
  await savePledge(head, c.id, {
    signedDate: `${year}-02-20`,
    place: 'Sở Khoa học và Công nghệ tỉnh Cao Bằng',
    commonTargets: [
      '100% cán bộ, công chức, viên chức hoàn thành nhiệm vụ được giao',
      'Gửi báo cáo 6 tháng, năm về Trưởng khối đúng hạn',
      'Không có cán bộ vi phạm kỷ luật',
      'Hoàn thành chỉ tiêu chuyển đổi số của tỉnh',
    ],
    memberTargets: [{ memberId: soMember.id, targets: ['Số hóa 100% hồ sơ thi đua, khen thưởng', 'Đưa 3 tiến bộ kỹ thuật vào sản xuất'] }],
  });
  await attachPledgeScan(head, c.id, { name: `giao-uoc-${year}-da-ky.pdf`, data: demoScan(year) });
  await publishPledge(head, c.id);
  await saveScoringTable(head, c.id, {
    scale: 100,
    version: (await loadCluster(head, c.id, false)).cluster.version,
    criteria: TABLE.map(([groupName, title, kind, minPoints, maxPoints, latePenalty]) => ({ groupName, title, kind, minPoints, maxPoints, latePenalty })),
  });
  const criteria = await criteriaOf(tx, c.id);
  const scorable = criteria.filter((x) => x.latePenalty === null && x.kind === 'criterion');
  // The Sở has self-scored its criteria; two outside agencies' sheets are entered by the head.
  await selfScore(
    head,
    c.id,
    soMember.id,
    scorable.map((x, i) => ({ criterionId: x.id, points: x.maxPoints - (i % 3), evidence: i === 0 ? 'Báo cáo tổng kết năm của Sở' : null })),
  );
  for (const [k, m] of members.slice(1, 3).entries())
    await selfScore(
      head,
      c.id,
      m.id,
      scorable.map((x, i) => ({ criterionId: x.id, points: x.maxPoints - ((i + k + 1) % 4) })),
    );
}
