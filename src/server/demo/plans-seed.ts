import type { Tx } from '../db/client.js';
import { unsafeAnyAccountOfUnit, unsafeFindUnitById, unsafeInsertUnit, unsafeSetEmailsByName, unsafeUnitsUnder } from '../repositories/demo-plans.js';
import { unsafeStampPlanPublished } from '../repositories/plans.js';
import { unsafeStampMovementLaunch } from '../repositories/movements.js';
import { todayVn } from '../clock.js';
import type { Actor } from '../auth/actor.js';
import { SEED_ROLE } from '../policies/plan.js';
import type { CommandContext } from '../commands/run.js';
import { recordAudit } from '../audit/record.js';
import { createPlan, publishPlan } from '../commands/plans.js';
import { createMovement, launchMovement } from '../commands/movements.js';
import { movementInputSchema, planInputSchema, type PlanTaskInput } from '../../shared/schemas/plans.js';
import { addDays } from '../deadlines/clock.js';
import type { UnitKind } from '../../shared/codes.js';

/**
 * The five seed plans (../shared/seeds) entered as data, through the same commands the API uses
 * (so they pass the same checks):
 *  - seed 001 (Sở KH&CN Cao Bằng, 2021 campaign) is a movement of the demo Sở itself;
 *  - seeds 000 and 004 (Sở KH&CN and Văn phòng UBND tỉnh Sơn La, 2022 plans) belong to a separate
 *    root "UBND tỉnh Sơn La"; seed 002 (Sở Nội vụ Lạng Sơn, 2020 plan) and seed 003 (Sở Nội vụ
 *    Hà Tĩnh, 2022 movement) to their own root agencies. Demo accounts do not reach those
 *    agencies; their records are published, so the public portal shows them.
 *  - the demo Sở also gets a plan for the current year (seed 002's schedule, dated), so the
 *    calendar and reminders have something upcoming.
 */
export async function seedDemoPlans(tx: Tx, demoRootId: string): Promise<void> {
  const root = await unsafeFindUnitById(tx, demoRootId);
  if (!root) throw new Error('demo root missing');
  const admin = await unsafeAnyAccountOfUnit(tx, demoRootId);
  const demoUnits = await unsafeUnitsUnder(tx, root.path);
  const demo = (code: string) => demoUnits.find((u) => u.code === code)!.id;

  const ctxFor = (unitId: string, path: string): CommandContext => {
    const actor: Actor = {
      accountId: admin?.id ?? '00000000-0000-0000-0000-000000000000',
      username: 'system',
      displayName: 'Dữ liệu mẫu',
      role: SEED_ROLE,
      unitId,
      unitPath: path,
      personId: null,
      ip: '127.0.0.1',
    };
    return { tx, actor, audit: (e) => recordAudit(tx, { username: 'system', unitId }, e) };
  };
  const demoCtx = ctxFor(root.id, root.path);

  // E-mail addresses for the demo accounts' people, so that reminders show in the outbox.
  const emails: [string, string][] = [
    ['Đàm Văn Long', 'long.dv@skhcn-caobang.example'],
    ['Hà Thị Mai', 'mai.ht@skhcn-caobang.example'],
    ['Bế Thị Thu Hà', 'ha.btt@skhcn-caobang.example'],
  ];
  await unsafeSetEmailsByName(tx, emails);

  // ---- seed 001: the demo Sở's own 2021 campaign ----
  const m001 = await createMovement(demoCtx, movementInputSchema.parse(seed001(root.id)));
  await launchMovement(demoCtx, m001.id);
  await unsafeStampMovementLaunch(tx, m001.id, new Date('2021-01-15T02:00:00Z'));

  // ---- the demo Sở's plan for the current year ----
  const year = Number(todayVn().slice(0, 4));
  const currentPlan = await createPlan(demoCtx, planInputSchema.parse(currentYearPlan(root.id, year, demo('VP'))));
  await publishPlan(demoCtx, currentPlan.id);

  // A short campaign of the demo Sở running now, so that registration is open and the calendar has
  // upcoming deadlines (the dates follow the day the demo data is created).
  const today = todayVn();
  const shift = (days: number) => addDays(today, days);
  const current = await createMovement(demoCtx, movementInputSchema.parse(currentMovement(root.id, shift)));
  await launchMovement(demoCtx, current.id);

  // ---- other agencies ----
  const mkRoot = async (name: string, code: string, children: [string, string, UnitKind][]) => {
    const id = crypto.randomUUID();
    const path = `/${id}/`;
    await unsafeInsertUnit(tx, { id, path, depth: 0, name, code, kind: 'agency' });
    const kids: Record<string, { id: string; path: string }> = {};
    for (const [i, [childName, childCode, kind]] of children.entries()) {
      const cid = crypto.randomUUID();
      await unsafeInsertUnit(tx, { id: cid, parentId: id, path: `${path}${cid}/`, depth: 1, name: childName, code: childCode, kind, sortOrder: i });
      kids[childCode] = { id: cid, path: `${path}${cid}/` };
    }
    return { id, path, kids };
  };

  const sonLa = await mkRoot('Ủy ban nhân dân tỉnh Sơn La', 'UBND-SL', [
    ['Sở Khoa học và Công nghệ tỉnh Sơn La', 'SKHCN-SL', 'agency'],
    ['Văn phòng Ủy ban nhân dân tỉnh Sơn La', 'VP-UBND-SL', 'agency'],
  ]);
  const slCtx = ctxFor(sonLa.id, sonLa.path);
  const p000 = await createPlan(slCtx, planInputSchema.parse(seed000(sonLa.kids['SKHCN-SL']!.id)));
  await publishPlan(slCtx, p000.id);
  const p004 = await createPlan(slCtx, planInputSchema.parse(seed004(sonLa.kids['VP-UBND-SL']!.id)));
  await publishPlan(slCtx, p004.id);

  const langSon = await mkRoot('Sở Nội vụ tỉnh Lạng Sơn', 'SNV-LS', [
    ['Văn phòng Sở', 'VP', 'office'],
    ['Ban Thi đua - Khen thưởng', 'BTĐKT', 'subordinate'],
  ]);
  const lsCtx = ctxFor(langSon.id, langSon.path);
  const p002 = await createPlan(lsCtx, planInputSchema.parse(seed002(langSon.id, langSon.kids['VP']!.id)));
  await publishPlan(lsCtx, p002.id);

  const haTinh = await mkRoot('Sở Nội vụ tỉnh Hà Tĩnh', 'SNV-HT', [
    ['Văn phòng Sở', 'VP', 'office'],
    ['Phòng Tổ chức, biên chế và tổ chức phi chính phủ', 'TCBC', 'department'],
    ['Phòng Xây dựng chính quyền và công tác thanh niên', 'XDCQ', 'department'],
    ['Phòng Cải cách hành chính', 'CCHC', 'department'],
    ['Ban Thi đua - Khen thưởng', 'BTĐKT', 'subordinate'],
    ['Chi cục Văn thư - Lưu trữ', 'CCVTLT', 'subordinate'],
  ]);
  const htCtx = ctxFor(haTinh.id, haTinh.path);
  const m003 = await createMovement(htCtx, movementInputSchema.parse(seed003(haTinh.id)));
  await launchMovement(htCtx, m003.id);

  // History: the released dates are the documents' own; no demo account launched or published them.
  await unsafeStampMovementLaunch(tx, m003.id, new Date('2022-01-20T02:00:00Z'));
  for (const [id, at] of [
    [p000.id, '2022-01-20'],
    [p004.id, '2022-01-20'],
    [p002.id, '2020-01-03'],
  ] as const) {
    await unsafeStampPlanPublished(tx, id, new Date(`${at}T02:00:00Z`));
  }
  await unsafeStampPlanPublished(tx, currentPlan.id, null);
}

// ---------------------------------------------------------------------------------------------
// The seeds as plan / movement inputs.

const u = (name: string, unitId: string | null = null) => ({ unitId, name });

function seed001(unitId: string) {
  const title =
    'Phát động đợt thi đua lập thành tích chào mừng kỷ niệm 80 năm Ngày Bác Hồ về nước trực tiếp lãnh đạo cách mạng Việt Nam (28/01/1941-28/01/2021) và 60 năm Cao Bằng thực hiện lời căn dặn của Chủ tịch Hồ Chí Minh khi Người về thăm Cao Bằng năm 1961';
  return {
    unitId,
    type: 'short_term',
    year: 2021,
    title,
    basis:
      'Thực hiện Kế hoạch số 43/KH-UBND ngày 08/01/2021 của Ủy ban nhân dân tỉnh về việc phát động thi đua lập thành tích chào mừng kỷ niệm 80 năm Ngày Bác Hồ về nước trực tiếp lãnh đạo cách mạng Việt Nam (28/01/1941-28/01/2021) và 60 năm Cao Bằng thực hiện lời căn dặn của Chủ tịch Hồ Chí Minh khi Người về thăm Cao Bằng năm 1961.',
    theme: 'Thi đua lập thành tích chào mừng kỷ niệm 80 năm Ngày Bác Hồ về nước và 60 năm Cao Bằng thực hiện lời căn dặn của Chủ tịch Hồ Chí Minh',
    slogan:
      'Nhân dân và cán bộ tỉnh Cao Bằng thi đua lập thành tích chào mừng kỷ niệm 80 năm ngày Bác Hồ về nước trực tiếp lãnh đạo cách mạng Việt Nam (28/01/1941-28/01/2021) và 60 năm Cao Bằng thực hiện lời căn dặn của Chủ tịch Hồ Chí Minh năm 1961',
    purpose:
      '- Đẩy mạnh phong trào thi đua yêu nước, tạo không khí thi đua sôi nổi trong đội ngũ công chức, viên chức, người lao động toàn Sở.\n- Tuyên truyền, giáo dục lòng yêu nước, truyền thống cách mạng, truyền thống lịch sử.\n- Phát hiện, biểu dương khen thưởng kịp thời các tập thể, cá nhân có thành tích tiêu biểu xuất sắc trong đợt thi đua để phổ biến, học tập, nhân rộng.',
    content:
      '- Tập trung chỉ đạo và tổ chức thực hiện hoàn thành toàn diện và vượt mức các chỉ tiêu, nhiệm vụ về KH&CN được Tỉnh ủy, HĐND tỉnh và UBND tỉnh đặt ra trong năm 2021.\n- Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh bằng những việc làm, hành động cụ thể.\n- Tổ chức phổ biến nội dung Đề cương tuyên truyền kỷ niệm 80 năm Ngày Bác Hồ về nước tới toàn thể đảng viên, công chức, viên chức và người lao động của Sở.\n- Chấp hành nghiêm kỷ luật, kỷ cương hành chính, thực hiện văn hóa và đạo đức công vụ.\n- Tiếp tục huy động các nguồn lực trong việc chung tay thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới trên địa bàn tỉnh Cao Bằng.\n- Tích cực hưởng ứng cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021-2026.',
    subjectsText: '- Các phòng, đơn vị trực thuộc Sở KH&CN.\n- Đảng viên, công chức, viên chức, người lao động của Sở KH&CN.',
    criteria:
      'Đối với tập thể: chấp hành tốt chủ trương, đường lối của Đảng, chính sách pháp luật của Nhà nước; có thành tích tiêu biểu, xuất sắc trong đợt thi đua; tích cực tham gia xây dựng các loại quỹ, các hoạt động nhân đạo, từ thiện; trong 6 tháng đầu năm 2021 hoàn thành 60% chỉ tiêu thi đua đã đăng ký hoặc kế hoạch đề ra; có công trình, phần việc đạt hiệu quả, thiết thực chào mừng kỷ niệm.\nĐối với cá nhân: chấp hành tốt chủ trương, đường lối của Đảng, chính sách pháp luật của Nhà nước; gương mẫu, đi đầu trong các phong trào thi đua; đạt thành tích tiêu biểu xuất sắc trong công tác, học tập, nghiên cứu khoa học; tích cực tham gia các hoạt động nhân đạo, từ thiện; có thành tích xuất sắc trong việc tham mưu triển khai các hoạt động kỷ niệm.',
    // "Từ ngày phát động đến tháng 6 năm 2021": launched after Kế hoạch 43/KH-UBND of 08/01/2021.
    startDate: '2021-01-15',
    endDate: '2021-06-30',
    signerTitle: 'GIÁM ĐỐC',
    signerName: 'Bế Đăng Khoa',
    honors: [
      {
        honor: 'BK_BO_TINH',
        subjectKinds: ['collective', 'individual'],
        quota: 1,
        quotaNote: 'Sở KH&CN chỉ được phép đề nghị 01 tập thể hoặc 01 cá nhân để khen thưởng',
        awardedBy: 'Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng',
        criteria:
          'Tập thể: trong 6 tháng đầu năm 2021 hoàn thành 60% chỉ tiêu thi đua đã đăng ký hoặc kế hoạch đề ra. Hội đồng TĐKT Sở lựa chọn 01 tập thể hoặc 01 cá nhân xuất sắc nhất trong đợt thi đua.',
        minTargetShare: 60,
        criteriaByDate: '2021-06-30',
      },
      {
        honor: 'GK',
        subjectKinds: ['collective', 'individual'],
        quota: null,
        quotaNote: 'Số lượng tập thể, cá nhân do các phòng, đơn vị đề nghị không giới hạn',
        awardedBy: 'Giám đốc Sở KH&CN tỉnh Cao Bằng',
        criteria: 'Tập thể: trong 6 tháng đầu năm 2021 hoàn thành 60% chỉ tiêu thi đua đã đăng ký hoặc kế hoạch đề ra.',
        minTargetShare: 60,
        criteriaByDate: '2021-06-30',
      },
    ],
    deadlines: [
      {
        key: 'units_submit',
        kind: 'unit_submission',
        audience: 'units',
        title: 'Các phòng, đơn vị gửi hồ sơ đề nghị khen thưởng về Văn phòng Sở (trước ngày 18/6/2021)',
        dueDate: '2021-06-18',
        note: 'Quá thời hạn trên, nếu các phòng, đơn vị trực thuộc và các tổ chức đoàn thể thuộc Sở không có phản hồi, coi như không có hồ sơ đề nghị Chủ tịch UBND tỉnh tặng Bằng khen và Giám đốc Sở tặng Giấy khen.',
      },
      {
        key: 'office_compile',
        kind: 'office_compilation',
        audience: 'office',
        title: 'Văn phòng Sở tổng hợp, hoàn thiện hồ sơ trình Chủ tịch UBND tỉnh tặng Bằng khen và tham mưu Giám đốc Sở tặng Giấy khen (trước ngày 26/6/2021)',
        dueDate: '2021-06-26',
      },
      {
        key: 'report',
        kind: 'report',
        audience: 'office',
        title: 'Văn phòng Sở tổng hợp hồ sơ và báo cáo kết quả đợt thi đua (trước ngày 30/6/2021)',
        dueDate: '2021-06-30',
      },
    ],
  };
}

function currentMovement(unitId: string, shift: (days: number) => string) {
  return {
    unitId,
    type: 'short_term',
    year: Number(shift(60).slice(0, 4)),
    title: 'Đợt thi đua cao điểm hoàn thành nhiệm vụ khoa học và công nghệ cuối năm',
    theme: 'Tăng tốc, về đích các nhiệm vụ khoa học và công nghệ',
    slogan: 'Chủ động - Sáng tạo - Về đích',
    content: '- Hoàn thành các nhiệm vụ khoa học và công nghệ được giao trong năm.\n- Đẩy mạnh chuyển đổi số, cải cách hành chính.',
    startDate: shift(-10),
    endDate: shift(60),
    registrationDeadline: shift(14),
    signerTitle: 'GIÁM ĐỐC',
    signerName: 'Hoàng Văn Thạch',
    targets: [
      { subjectKind: 'collective', honor: 'GK', measure: 'share', value: 50, label: '50% phòng, đơn vị được Giám đốc Sở tặng Giấy khen' },
      { subjectKind: 'collective', honor: 'BK_BO_TINH', measure: 'count', value: 1, label: '01 tập thể được Chủ tịch UBND tỉnh tặng Bằng khen' },
      { subjectKind: 'individual', honor: 'GK', measure: 'share', value: 20, label: '20% cán bộ được tặng Giấy khen' },
    ],
    honors: [
      {
        honor: 'BK_BO_TINH',
        subjectKinds: ['collective', 'individual'],
        quota: 1,
        quotaNote: '01 tập thể hoặc 01 cá nhân cho toàn Sở',
        awardedBy: 'Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng',
      },
      { honor: 'GK', subjectKinds: ['collective', 'individual'], awardedBy: 'Giám đốc Sở KH&CN' },
    ],
    deadlines: [
      {
        key: 'units_submit',
        kind: 'unit_submission',
        audience: 'units',
        title: 'Các phòng, đơn vị gửi hồ sơ đề nghị khen thưởng về Văn phòng Sở',
        dueDate: shift(62),
        note: 'Quá hạn coi như không có hồ sơ đề nghị.',
      },
      { key: 'office_compile', kind: 'office_compilation', audience: 'office', title: 'Văn phòng Sở tổng hợp, trình Hội đồng TĐKT Sở', dueDate: shift(68) },
      { key: 'report', kind: 'report', audience: 'office', title: 'Báo cáo kết quả đợt thi đua', dueDate: shift(72) },
    ],
  };
}

const SEED002_TASKS: [number, string, string[]][] = [
  [
    1,
    'Họp Hội đồng Thi đua - Khen thưởng xét danh hiệu thi đua và khen thưởng cho các tập thể và cá nhân. Tổng hợp, hoàn chỉnh hồ sơ, báo cáo kết quả thi đua, khen thưởng năm 2019 báo cáo Cụm thi đua, Ban Thi đua-khen thưởng tỉnh, trình Hội đồng thi đua tỉnh xem xét khen thưởng. Tổ chức tổng kết cụm thi đua trong Cụm thi đua các cơ quan tham mưu tổng hợp. Phát động phong trào thi đua năm 2020. Ban hành Kế hoạch triển khai công tác thi đua, khen thưởng năm 2020 cụm thi đua.',
    ['Hội đồng TĐKT Sở', 'Văn phòng Sở', 'Các đơn vị thuộc, trực thuộc Sở'],
  ],
  [1, 'Đăng ký danh hiệu thi đua năm 2020 đối với tập thể, cá nhân.', ['Văn phòng Sở', 'Các đơn vị thuộc, trực thuộc Sở']],
  [1, 'Ký giao ước thi đua với các cơ quan trong Cụm thi đua các cơ quan tham mưu tổng hợp.', ['Văn phòng Sở', 'Các đơn vị thành viên']],
  [1, 'Chuẩn bị tổ chức Hội nghị điển hình tiên tiến Sở Nội vụ.', ['Hội đồng TĐKT Sở', 'Văn phòng Sở', 'Các đơn vị thuộc, trực thuộc Sở']],
  [2, 'Tổ chức Hội nghị điển hình tiên tiến Sở Nội vụ.', ['Văn phòng Sở chủ trì', 'Hội đồng TĐKT Sở', 'Các đơn vị thuộc và trực thuộc sở']],
  [
    2,
    'Xét khen thưởng tập thể và cá nhân trong phong trào thi đua giai đoạn 2016-2020.',
    ['Văn phòng Sở chủ trì', 'Hội đồng TĐKT Sở', 'Các đơn vị thuộc và trực thuộc sở'],
  ],
  [2, 'Báo cáo sơ kết công tác thi đua khen thưởng 6 tháng đầu năm 2020.', ['Văn phòng Sở chủ trì', 'Các đơn vị thuộc và trực thuộc sở']],
  [3, 'Cử công chức tham gia các lớp bồi dưỡng nghiệp vụ công tác thi đua, khen thưởng năm 2020.', ['Văn phòng Sở']],
  [3, 'Xây dựng Kế hoạch công tác kiểm tra thi đua khen thưởng 2020.', ['Văn phòng Sở']],
  [3, 'Tham dự Đại hội thi đua yêu nước tỉnh Lạng Sơn lần thứ V.', ['Lãnh đạo Sở', 'Văn phòng Sở', 'Đại biểu được bầu dự']],
  [3, 'Dự hội nghị sơ kết công tác thi đua khen thưởng 6 tháng đầu năm 2020 của Cụm thi đua các cơ quan tham mưu tổng hợp', ['Lãnh đạo Sở', 'Văn phòng Sở']],
  [4, 'Hội đồng sáng kiến Sở tổ chức chấm điểm, đánh giá, công nhận sáng kiến năm 2020.', ['Văn phòng Sở', 'Hội đồng sáng kiến Sở']],
  [4, 'Tổ chức bình xét danh hiệu thi đua, hình thức khen thưởng năm 2020.', ['Văn phòng Sở', 'Hội đồng TĐKT Sở', 'Các đơn vị thuộc, trực thuộc Sở']],
  [
    4,
    'Xây dựng báo cáo tổng kết công tác thi đua, khen thưởng năm 2020, triển khai nhiệm vụ công tác thi đua, khen thưởng năm 2021 của sở.',
    ['Văn phòng Sở', 'Các đơn vị thuộc, trực thuộc Sở'],
  ],
  [
    4,
    'Quyết định công nhận danh hiệu thi đua, hình thức khen năm 2020. Hướng dẫn các tập thể, cá nhân hoàn thiện hồ sơ đề nghị các cấp khen thưởng.',
    ['Lãnh đạo Sở', 'Văn phòng Sở'],
  ],
  [4, 'Dự hội nghị tổng kết công tác thi đua, khen thưởng Cụm thi đua các cơ quan tham mưu tổng hợp.', ['Lãnh đạo Sở', 'Văn phòng Sở']],
  [4, 'Xây dựng kế hoạch công tác thi đua, khen thưởng năm 2021.', ['Văn phòng Sở']],
];

/** The demo plan of the current year looks followed up: past quarters done, the current one under way. */
function progressAt(due: string, quarter: number): { status: 'done' | 'in_progress' | 'not_started'; progress: number } {
  const today = todayVn();
  if (due < today) return { status: 'done', progress: 100 };
  const currentQuarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return quarter === currentQuarter ? { status: 'in_progress', progress: 40 } : { status: 'not_started', progress: 0 };
}

/** Seed 002's schedule: the first unit listed (or the one marked "chủ trì") leads, the others support. */
function seed002Tasks(officeId: string | null, year?: number): PlanTaskInput[] {
  const quarterEnd = ['03-31', '06-30', '09-30', '12-31'];
  return SEED002_TASKS.map(([quarter, content, names]) => {
    const refs = names.map((n) => u(n.replace(/ chủ trì$/, ''), n.startsWith('Văn phòng Sở') ? officeId : null));
    const leadIdx = Math.max(
      0,
      names.findIndex((n) => n.endsWith('chủ trì')),
    );
    return {
      quarter,
      content: year
        ? content
            .replaceAll('năm 2021', `năm ${year + 1}`)
            .replaceAll('năm 2020', `năm ${year}`)
            .replaceAll('năm 2019', `năm ${year - 1}`)
            .replaceAll(' 2020.', ` ${year}.`)
            .replaceAll('Sở Nội vụ', 'Sở')
            .replaceAll('tỉnh Lạng Sơn lần thứ V', 'tỉnh Cao Bằng')
            .replace('giai đoạn 2016-2020', `giai đoạn ${year - 4}-${year}`)
        : content,
      leadUnits: [refs[leadIdx]!],
      supportUnits: refs.filter((_, i) => i !== leadIdx),
      dueDate: year ? `${year}-${quarterEnd[quarter - 1]}` : null,
      ...(year ? progressAt(`${year}-${quarterEnd[quarter - 1]}`, quarter) : { status: 'not_started' as const, progress: 0 }),
    };
  });
}

function seed002(unitId: string, officeId: string) {
  return {
    unitId,
    year: 2020,
    number: '03/KH-SNV',
    title: 'Kế hoạch công tác thi đua, khen thưởng năm 2020',
    place: 'Lạng Sơn',
    issuedDate: '2020-01-03',
    basis: [
      'Căn cứ Luật Thi đua, khen thưởng ngày 26/11/2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 14/6/2005 và Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 16/11/2013 và các văn bản hướng dẫn thi hành; Kế hoạch số 04/KH-UBND ngày 10/01/2017 của Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn về công tác thi đua, khen thưởng giai đoạn 2016-2020;',
      'Căn cứ Kế hoạch số 187/KH-UBND ngày 24/12/2019 của Ủy ban nhân dân tỉnh về công tác thi đua, khen thưởng năm 2020;',
    ],
    superiorPlanRef: 'Kế hoạch số 187/KH-UBND ngày 24/12/2019 của Ủy ban nhân dân tỉnh Lạng Sơn về công tác thi đua, khen thưởng năm 2020',
    purpose:
      'Đẩy mạnh các phong trào thi đua, tạo khí thế sôi nổi, cổ vũ tinh thần quyết tâm khắc phục khó khăn thực hiện thắng lợi các chỉ tiêu kinh tế - xã hội, lập thành tích chào mừng các ngày lễ lớn trong năm 2020.\nPhát động phong trào thi đua sâu rộng trong toàn cơ quan với nội dung thiết thực, bám sát nhiệm vụ chính trị của cơ quan.\nNâng cao chất lượng công tác khen thưởng, thực hiện tốt Luật Thi đua, khen thưởng và các văn bản hướng dẫn thi hành. Làm tốt công tác phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến.',
    requirements:
      'Triển khai phong trào thi đua và công tác khen thưởng đảm bảo thiết thực, chính xác, công khai, minh bạch, kịp thời, đúng đối tượng, đúng thành tích tạo động lực cho các Phòng chuyên môn, các đơn vị thuộc và trực thuộc Sở phấn đấu hoàn thành tốt nhiệm vụ chính trị được giao năm 2020.',
    sections: [
      {
        heading: 'III. GIẢI PHÁP CHỦ YẾU',
        body: '1. Tiếp tục đẩy mạnh công tác tuyên truyền, giáo dục truyền thống yêu nước, các phong trào thi đua, gắn công tác thi đua, khen thưởng với việc "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh".\n2. Nâng cao chất lượng hoạt động của Hội đồng Thi đua - Khen thưởng; Hội đồng sáng kiến của Sở.\n3. Tiếp tục quán triệt và thực hiện Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị, Chỉ thị số 30-CT/TU ngày 18/11/2014 của Ban Thường vụ Tỉnh ủy.\n4. Triển khai thực hiện tốt chương trình cải cách hành chính nhà nước giai đoạn 2016-2020.\n5. Tiếp tục bồi dưỡng, nhân rộng các điển hình tiên tiến.\n6. Tích cực tham gia các lớp tập huấn, bồi dưỡng nghiệp vụ cho cán bộ về công tác thi đua khen thưởng.\n7. Thực hiện tốt công tác tổng hợp xây dựng báo cáo theo đúng thời gian quy định của Cụm thi đua và của Hội đồng Thi đua - Khen thưởng tỉnh.',
      },
    ],
    organisation: [
      {
        heading: '1. Các phòng, tổ chức trực thuộc sở',
        body: 'a) Tổ chức quán triệt sâu sắc mục đích, yêu cầu, nội dung kế hoạch đến toàn thể công chức, viên chức và người lao động trực thuộc. Đăng ký hình thức thi đua đối với tập thể, cá nhân năm 2020 gửi Văn phòng tổng hợp trước 30/01/2020.\nb) Cam kết hoàn thành các chỉ tiêu thi đua và tổ chức đăng ký các hình thức thi đua đối với tập thể và cá nhân.\nc) Xây dựng nội dung, kế hoạch, biện pháp tổ chức triển khai phong trào thi đua.\nd) Báo cáo kết quả phong trào thi đua theo đúng tiến độ, thời gian.\ne) Tổ chức đánh giá, bình xét, biểu dương kịp thời những cá nhân có thành tích.',
      },
      {
        heading: '2. Các tổ chức đoàn thể',
        body: 'Chi đoàn TNCS Hồ Chí Minh, Hội CCB, Công đoàn cơ sở cơ quan xây dựng kế hoạch và phối hợp với Văn phòng Sở tổ chức tốt các hoạt động chung.',
      },
      {
        heading: '3. Văn phòng Sở',
        body: 'a) Tổng hợp, theo dõi, đôn đốc các phòng, tổ chức và các tổ chức đoàn thể thuộc Sở thực hiện theo kế hoạch.\nb) Phối hợp với các phòng, tổ chức thuộc Sở tổ chức tốt các nội dung.\nc) Đăng tải các nội dung triển khai công tác thi đua, khen thưởng trên cổng thông tin điện tử của Sở Nội vụ.',
      },
    ],
    recipients: [
      'Hội đồng TĐKT tỉnh;',
      'Ban TĐKT, Sở Nội vụ;',
      'Cụm Thi đua các cơ quan TMTH;',
      'Đảng ủy Sở Nội vụ;',
      'Lãnh đạo Sở Nội vụ;',
      'Hội đồng TĐKT Sở Nội vụ;',
      'Các phòng, TC thuộc sở;',
      'Công đoàn, Đoàn Thanh niên, Hội Cựu chiến binh Sở Nội vụ;',
      'Website;',
      'Lưu: VT, VP.',
    ],
    signerTitle: 'GIÁM ĐỐC',
    signerName: 'Nguyễn Quốc Khánh',
    registrationDeadline: '2020-01-30',
    tasks: seed002Tasks(officeId),
  };
}

function currentYearPlan(unitId: string, year: number, officeId: string) {
  return {
    unitId,
    year,
    title: `Kế hoạch công tác thi đua, khen thưởng năm ${year}`,
    place: 'Cao Bằng',
    basis: [`Căn cứ Kế hoạch công tác thi đua, khen thưởng năm ${year} của Ủy ban nhân dân tỉnh Cao Bằng;`],
    purpose: 'Đẩy mạnh các phong trào thi đua, hoàn thành thắng lợi nhiệm vụ chính trị được giao; nâng cao chất lượng công tác khen thưởng.',
    requirements: 'Thiết thực, chính xác, công khai, minh bạch, kịp thời, đúng đối tượng, đúng thành tích.',
    recipients: ['Ban Thi đua - Khen thưởng tỉnh;', 'Lãnh đạo Sở;', 'Các phòng, đơn vị thuộc Sở;', 'Lưu: VT, VP.'],
    signerTitle: 'GIÁM ĐỐC',
    signerName: 'Hoàng Văn Thạch',
    registrationDeadline: `${year}-01-30`,
    tasks: seed002Tasks(officeId, year),
    deadlines: [
      {
        key: 'report_h1',
        kind: 'report',
        audience: 'units',
        title: 'Các phòng, đơn vị báo cáo công tác thi đua, khen thưởng 6 tháng (trước ngày 25/6)',
        dueDate: `${year}-06-25`,
      },
      {
        key: 'report_year',
        kind: 'report',
        audience: 'units',
        title: 'Các phòng, đơn vị báo cáo công tác thi đua, khen thưởng năm (trước ngày 25/12)',
        dueDate: `${year}-12-25`,
      },
    ],
  };
}

function slReportDeadlines(who: string) {
  return [
    {
      key: 'report_h1',
      kind: 'report',
      audience: 'units',
      title: `${who} báo cáo công tác thi đua, khen thưởng 6 tháng (trước ngày 25/6/2022)`,
      dueDate: '2022-06-25',
    },
    {
      key: 'report_year',
      kind: 'report',
      audience: 'units',
      title: `${who} báo cáo công tác thi đua, khen thưởng năm (trước ngày 25/12/2022)`,
      dueDate: '2022-12-25',
    },
  ];
}

const PLAN289 = 'Kế hoạch số 289/KH-UBND ngày 16/12/2021 của UBND tỉnh Sơn La triển khai, thực hiện công tác thi đua, khen thưởng năm 2022';

function seed000(unitId: string) {
  return {
    unitId,
    year: 2022,
    title: 'Kế hoạch triển khai thực hiện công tác thi đua, khen thưởng năm 2022',
    place: 'Sơn La',
    basis: [`Thực hiện ${PLAN289}.`],
    superiorPlanRef: PLAN289,
    purpose:
      '- Tạo sự chuyển biến mạnh mẽ trong nhận thức, tư tưởng của cấp ủy đảng, chính quyền, nâng cao trách nhiệm của người đứng đầu cơ quan, đơn vị trong việc triển khai thực hiện công tác thi đua, khen thưởng.\n- Phát huy sức mạnh tổng hợp của toàn ngành; phấn đấu hoàn thành thắng lợi nhiệm vụ năm 2022 và giai đoạn 2021-2025.\n- Nâng cao chất lượng công tác khen thưởng; kịp thời biểu dương các tập thể, cá nhân lập thành tích xuất sắc.',
    requirements:
      '- Các phòng, đơn vị chủ động xây dựng kế hoạch phát động, triển khai thực hiện phong trào thi đua và công tác khen thưởng phù hợp với đặc điểm tình hình và gắn với nhiệm vụ chính trị được giao.\n- Nâng cao chất lượng công tác khen thưởng, chú trọng khen thưởng thành tích đột xuất, chuyên đề, khen thưởng tập thể nhỏ và người lao động trực tiếp.',
    sections: [
      {
        heading: '1. Công tác tuyên truyền, phổ biến pháp luật về thi đua, khen thưởng',
        body: 'Các cơ quan, đơn vị tiếp tục tập trung tuyên truyền, phổ biến các văn bản của Đảng, Nhà nước và của Tỉnh về công tác thi đua, khen thưởng. Trung tâm Thông tin và Ứng dụng Khoa học và Công nghệ xây dựng chuyên trang, chuyên mục tuyên truyền.',
      },
      {
        heading: '2. Tổ chức triển khai thực hiện các phong trào thi đua yêu nước',
        body: 'Tiếp tục triển khai các phong trào thi đua theo chuyên đề do Thủ tướng Chính phủ phát động và các phong trào thi đua giai đoạn 2021-2025 của tỉnh gắn với "mục tiêu kép". Phát động phong trào thi đua năm 2022. Tổ chức sơ kết, tổng kết, báo cáo kết quả thực hiện các phong trào thi đua năm 2021.',
      },
      {
        heading: '3. Đẩy mạnh công tác biểu dương, phát triển điển hình tiên tiến',
        body: 'Thực hiện đồng bộ cả 4 khâu: Phát hiện - Bồi dưỡng - Tổng kết - Nhân rộng.',
      },
      {
        heading: '4. Giới thiệu, biểu dương, tuyên truyền các điển hình tiên tiến',
        body: 'Giới thiệu, biểu dương, tuyên truyền các điển hình tiên tiến và giới thiệu về Hội đồng Thi đua - Khen thưởng sở.',
      },
      {
        heading: '5. Thực hiện công tác khen thưởng',
        body: 'Gắn với kết quả thực hiện nhiệm vụ chính trị; đảm bảo khen thưởng đúng tiêu chuẩn, kịp thời, công khai, minh bạch.',
      },
      {
        heading: '6. Kiện toàn Hội đồng Thi đua Khen thưởng',
        body: 'Tiếp tục củng cố, kiện toàn và nâng cao chất lượng hoạt động của Hội đồng Thi đua Khen thưởng theo quy định.',
      },
      {
        heading: '7. Đội ngũ làm công tác thi đua, khen thưởng',
        body: 'Bố trí, lựa chọn công chức, viên chức làm công tác thi đua, khen thưởng đảm bảo năng lực; đăng ký tập huấn bồi dưỡng nghiệp vụ.',
      },
      {
        heading: '8. Ứng dụng công nghệ thông tin',
        body: 'Tăng cường ứng dụng công nghệ thông tin trong công tác thi đua, khen thưởng; thực hiện đúng thủ tục hành chính trong lĩnh vực thi đua, khen thưởng.',
      },
    ],
    organisation: [
      {
        heading: '1. Văn phòng sở',
        body: 'Chủ động tham mưu Hội đồng Thi đua, khen thưởng Sở Khoa học và Công nghệ để chỉ đạo và tổ chức triển khai thực hiện có hiệu quả các phong trào thi đua của ngành năm 2022.',
      },
      {
        heading: '2. Các đơn vị trực thuộc sở',
        body: 'Chủ động xây dựng kế hoạch công tác thi đua, khen thưởng năm 2022 gửi về Hội đồng Thi đua - khen thưởng Sở. Định kỳ 06 tháng (trước ngày 25/6), năm (trước ngày 25/12) báo cáo công tác thi đua, khen thưởng về Sở Khoa học và Công nghệ tổng hợp. Trung tâm Thông tin và Ứng dụng KH&CN đăng tải kế hoạch trên trang Thông tin điện tử của Sở.',
      },
    ],
    recipients: ['Sở Nội vụ (báo cáo);', 'Tập thể lãnh đạo sở (chỉ đạo);', 'Các phòng, đơn vị thuộc Sở (thực hiện);', 'Lưu: VT, VP, N(02b).'],
    signerTitle: 'GIÁM ĐỐC',
    signerName: 'Lưu Bình Khiêm',
    deadlines: slReportDeadlines('Các phòng, đơn vị trực thuộc Sở'),
  };
}

function seed004(unitId: string) {
  return {
    unitId,
    year: 2022,
    title: 'Kế hoạch triển khai, thực hiện công tác thi đua, khen thưởng năm 2022 của Văn phòng UBND tỉnh',
    place: 'Sơn La',
    basis: [`Thực hiện ${PLAN289}.`],
    superiorPlanRef: PLAN289,
    purpose:
      'Nâng cao trách nhiệm của người đứng đầu các phòng, ban, đơn vị trực thuộc Văn phòng trong việc triển khai thực hiện công tác thi đua, khen thưởng. Phát huy sức mạnh tổng hợp; phấn đấu hoàn thành thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2022 và giai đoạn 2021-2025 của tỉnh. Nâng cao chất lượng công tác khen thưởng.',
    requirements:
      'Các phòng, ban, đơn vị căn cứ nội dung kế hoạch triển khai thực hiện phong trào thi đua và công tác khen thưởng phù hợp với đặc điểm tình hình và gắn với nhiệm vụ chính trị được giao; chú trọng khen thưởng thành tích đột xuất, chuyên đề, khen thưởng tập thể nhỏ và người lao động trực tiếp.',
    sections: [
      {
        heading: '1. Tuyên truyền các văn bản về thi đua, khen thưởng',
        body: 'Tiếp tục tập trung tuyên truyền, phổ biến các văn bản của Đảng, Nhà nước và của tỉnh về công tác thi đua, khen thưởng. Trung tâm Thông tin và các phòng, ban, đơn vị phối hợp xây dựng chuyên trang, chuyên mục tuyên truyền.',
      },
      {
        heading: '2. Tổ chức triển khai thực hiện các phong trào thi đua yêu nước',
        body: 'Phát động phong trào thi đua năm 2022 và các phong trào thi đua theo chuyên đề; xây dựng, ban hành các văn bản hướng dẫn; tổ chức sơ kết, tổng kết, báo cáo kết quả.',
      },
      { heading: '3. Đẩy mạnh công tác biểu dương, phát triển điển hình tiên tiến', body: 'Phát hiện - Bồi dưỡng - Tổng kết - Nhân rộng.' },
      {
        heading: '4. Thực hiện công tác khen thưởng',
        body: 'Gắn với kết quả thực hiện nhiệm vụ chính trị; chú trọng khen thưởng thành tích chuyên đề và đột xuất.',
      },
      {
        heading: '5. Hội đồng thi đua, khen thưởng của Văn phòng',
        body: 'Tiếp tục nâng cao chất lượng hoạt động của Hội đồng thi đua, khen thưởng của Văn phòng.',
      },
      { heading: '6. Tập huấn bồi dưỡng nghiệp vụ', body: 'Tham gia tập huấn bồi dưỡng nghiệp vụ công tác thi đua, khen thưởng.' },
      { heading: '7. Kiểm tra, giám sát', body: 'Tăng cường công tác kiểm tra, giám sát; giải quyết kịp thời các kiến nghị, thắc mắc.' },
      { heading: '8. Ứng dụng công nghệ thông tin', body: 'Tăng cường ứng dụng công nghệ thông tin trong công tác thi đua, khen thưởng.' },
    ],
    organisation: [
      {
        heading: '1. Phòng Tổ chức - Hành chính - Quản trị',
        body: 'Chủ trì, phối hợp tham mưu tổ chức các phong trào thi đua; theo dõi, đôn đốc các phòng, ban, đơn vị thực hiện kế hoạch; định kỳ tổng hợp, báo cáo UBND tỉnh (qua Sở Nội vụ) theo quy định.',
      },
      {
        heading: '2. Các phòng, ban, đơn vị',
        body: 'Tổ chức triển khai các phong trào thi đua phù hợp với chức năng, nhiệm vụ được giao; định kỳ báo cáo Chánh Văn phòng (qua phòng Tổ chức - Hành chính - Quản trị) theo quy định.',
      },
      {
        heading: '3. Thành viên Hội đồng thi đua, khen thưởng Văn phòng',
        body: 'Tăng cường chỉ đạo, hướng dẫn thực hiện phong trào thi đua và công tác khen thưởng.',
      },
      { heading: '4. Trung tâm thông tin', body: 'Xây dựng các chuyên trang, chuyên mục tuyên truyền gương người tốt, việc tốt, điển hình tiên tiến.' },
    ],
    recipients: ['Sở Nội vụ;', 'Các thành viên Hội đồng TĐKT Văn phòng;', 'Các phòng, ban, đơn vị;', 'Lưu: VT, TCHCQT, H01b.'],
    signerTitle: 'CHÁNH VĂN PHÒNG',
    signerName: 'Nguyễn Huy Anh',
    // The plan says "định kỳ ... theo quy định": the periods of Kế hoạch 289/KH-UBND, as in seed 000.
    deadlines: slReportDeadlines('Các phòng, ban, đơn vị'),
  };
}

function seed003(unitId: string) {
  return {
    unitId,
    type: 'regular',
    year: 2022,
    title: 'Kế hoạch phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2022',
    basis:
      'Thực hiện Chỉ thị số 34/2014/CT-TW ngày 07/04/2014 của Bộ Chính trị; Chỉ thị số 41-CT-TU ngày 09/9/2014 của Ban Thường vụ Tỉnh ủy; Luật Thi đua, khen thưởng, các văn bản hướng dẫn thi hành; Chỉ thị số 02/CT-UBND ngày 19/01/2022 của Ủy ban nhân dân tỉnh về việc phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2022.',
    theme: 'Đoàn kết, đổi mới, thi đua hoàn thành vượt mức các chỉ tiêu, nhiệm vụ năm 2022',
    purpose:
      '- Phát huy sức mạnh đoàn kết, dân chủ, tích cực, chủ động, trách nhiệm, sáng tạo, quyết tâm thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2022 và giai đoạn 2021 – 2025.\n- Nâng cao nhận thức về vai trò, tác dụng của phong trào thi đua.\n- Phát hiện kịp thời các tập thể, cá nhân điển hình tiên tiến.',
    content:
      '- Tiếp tục thực hiện có hiệu quả Chỉ thị số 34-CT/TW; Chỉ thị số 19/CT-TTg; Chỉ thị số 08-CT/TU; Nghị quyết số 10-NQ/TU; Kế hoạch số 177/KH-UBND.\n- Bám sát nhiệm vụ chính trị; thực hiện linh hoạt, hiệu quả mục tiêu vừa phòng, chống dịch COVID-19, vừa phục hồi, phát triển kinh tế - xã hội.\n- Hưởng ứng các phong trào: "Cả tỉnh chung sức xây dựng tỉnh Hà Tĩnh đạt chuẩn nông thôn mới"; "Cán bộ, công chức, viên chức Hà Tĩnh thi đua thực hiện văn hóa công sở"; "Cải cách hành chính"; "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"…\n- Xây dựng tổ chức Đảng, chính quyền, đoàn thể trong sạch vững mạnh; thực hành tiết kiệm, chống lãng phí.\n- Đẩy mạnh cải cách hành chính; áp dụng ISO 9001:2015.\n- Khen thưởng và trình khen thưởng kịp thời; tổ chức sơ kết, tổng kết.',
    startDate: '2022-01-01',
    endDate: '2022-12-31',
    signerTitle: 'GIÁM ĐỐC',
    signerName: 'Phan Thị Tô Hoa',
    targets: [
      {
        subjectKind: 'collective',
        honor: null,
        measure: 'count',
        value: 1,
        label: 'Tập thể cơ quan Sở hoàn thành xuất sắc nhiệm vụ, được UBND tỉnh tặng Cờ thi đua hoặc Bằng khen',
      },
      {
        subjectKind: 'collective',
        honor: 'TTLDTT',
        measure: 'share',
        value: 100,
        label: '100% phòng, ban, trung tâm đạt danh hiệu Tập thể lao động tiên tiến',
      },
      { subjectKind: 'collective', honor: 'TTLDXS', measure: 'share', value: 20, label: '20% tập thể đạt danh hiệu Tập thể lao động xuất sắc' },
      {
        subjectKind: 'collective',
        honor: 'BK_BO_TINH',
        measure: 'count',
        value: 2,
        valueMax: 3,
        label: '2 - 3 phòng, ban, trung tâm được Bộ Nội vụ, UBND tỉnh tặng Bằng khen',
      },
      { subjectKind: 'collective', honor: 'CO_BO_TINH', measure: 'count', value: 1, label: '1 đơn vị trực thuộc được tặng Cờ thi đua Ủy ban nhân dân tỉnh' },
      {
        subjectKind: 'collective',
        honor: null,
        measure: 'count',
        value: 0,
        label: 'Thu nhập tăng thêm của CBCC năm 2022 cao hơn năm 2021; Công đoàn, Đoàn Thanh niên hoàn thành xuất sắc nhiệm vụ',
      },
      { subjectKind: 'individual', honor: null, measure: 'share', value: 100, label: '100% cán bộ, công chức, viên chức hoàn thành tốt nhiệm vụ trở lên' },
      { subjectKind: 'individual', honor: 'LDTT', measure: 'share', value: 100, label: '100% cán bộ, công chức, viên chức đạt danh hiệu Lao động tiên tiến' },
      { subjectKind: 'individual', honor: 'CSTDCS', measure: 'share', value: 15, label: '15% đạt danh hiệu Chiến sĩ thi đua cơ sở' },
      { subjectKind: 'individual', honor: 'BK_BO_TINH', measure: 'share', value: 15, label: '15% cá nhân được Bộ Nội vụ, UBND tỉnh tặng Bằng khen' },
      { subjectKind: 'individual', honor: 'BK_TTG', measure: 'count', value: 1, label: 'Có cá nhân được Thủ tướng Chính phủ tặng Bằng khen' },
    ],
    phases: [
      {
        name: 'Đợt thi đua thứ nhất',
        startDate: '2022-01-01',
        endDate: '2022-06-30',
        summingUpDeadline: '2022-07-15',
        content:
          'Thi đua lập thành tích chào mừng kỷ niệm 92 năm Ngày thành lập Đảng Cộng sản Việt Nam, 47 năm Ngày giải phóng miền Nam, 132 năm Ngày sinh Chủ tịch Hồ Chí Minh, 65 năm Ngày Bác Hồ về thăm Hà Tĩnh…; hoàn thành các nhiệm vụ, chỉ tiêu 06 tháng đầu năm 2022. Tổng kết đợt thi đua gắn với sơ kết 06 tháng, hoàn thành trước ngày 15/7/2022.',
      },
      {
        name: 'Đợt thi đua thứ hai',
        startDate: '2022-07-01',
        endDate: '2022-12-31',
        summingUpDeadline: '2022-12-31',
        content:
          'Thi đua lập thành tích chào mừng kỷ niệm 77 năm Cách mạng tháng Tám và Quốc khánh 02/9, 75 năm Ngày Thương binh Liệt sỹ, 92 năm Xô Viết Nghệ Tĩnh…; hoàn thành toàn diện các chỉ tiêu năm 2022. Tổng kết phong trào thi đua gắn với hội nghị tổng kết công tác năm 2022, hoàn thành trước ngày 31/12/2022.',
      },
    ],
  };
}
