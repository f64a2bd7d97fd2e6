import type { Tx } from '../db/client.js';
import type { Actor } from '../auth/actor.js';
import type { CommandContext } from '../commands/run.js';
import { recordAudit } from '../audit/record.js';
import { unsafeAnyAccountOfUnit, unsafeFindUnitById, unsafeFirstPeopleOfUnit } from '../repositories/demo-plans.js';
import { SEED_ROLE } from '../policies/plan.js';
import { assignMembers, createRound, createRubric, openRound, scoreInitiative, submitInitiative } from '../commands/initiatives.js';
import { initiativeApplicationInputSchema, roundInputSchema, rubricInputSchema, scoreInputSchema } from '../../shared/schemas/initiatives.js';
import { yearVn } from '../clock.js';

const CRITERIA = [
  {
    key: 'tinh_moi',
    label: 'Tính mới',
    maxPoints: 30,
    levels: [
      { points: 30, descriptor: 'Chưa từng áp dụng trong cơ quan, không trùng giải pháp đã công bố' },
      { points: 20, descriptor: 'Cải tiến rõ rệt một giải pháp đã có' },
      { points: 10, descriptor: 'Cải tiến nhỏ, phạm vi hẹp' },
    ],
  },
  {
    key: 'kha_nang_ap_dung',
    label: 'Khả năng áp dụng',
    maxPoints: 30,
    levels: [
      { points: 30, descriptor: 'Đã áp dụng ổn định, nhân rộng được ra các đơn vị' },
      { points: 15, descriptor: 'Áp dụng được tại đơn vị đề nghị' },
    ],
  },
  {
    key: 'hieu_qua',
    label: 'Hiệu quả',
    maxPoints: 30,
    levels: [
      { points: 30, descriptor: 'Làm lợi hoặc tiết kiệm rõ rệt, có số liệu' },
      { points: 15, descriptor: 'Có hiệu quả nhưng chưa lượng hóa' },
    ],
  },
  {
    key: 'pham_vi',
    label: 'Phạm vi ảnh hưởng',
    maxPoints: 10,
    levels: [
      { points: 10, descriptor: 'Toàn Sở hoặc rộng hơn' },
      { points: 5, descriptor: 'Trong đơn vị' },
    ],
  },
];

/**
 * Seed 002's fourth quarter in the demo: the Sở's initiative council has this year's round open,
 * with three initiatives of three units assigned to its members; two carry paper score sheets
 * (the council member account "hoidong" still has its own sheets to fill), the third none yet.
 * Through the commands the API uses; the authors are outside Trung tâm Ứng dụng so that the
 * clerk "donvi" starts with an empty list of its own.
 */
export async function seedDemoInitiatives(
  tx: Tx,
  demoRootId: string,
  councilId: string,
  unitId: (key: string) => string,
  person: (name: string) => string,
): Promise<void> {
  const root = await unsafeFindUnitById(tx, demoRootId);
  if (!root) throw new Error('demo root missing');
  const admin = await unsafeAnyAccountOfUnit(tx, demoRootId);
  const actor: Actor = {
    accountId: admin?.id ?? '00000000-0000-0000-0000-000000000000',
    username: 'system',
    displayName: 'Dữ liệu mẫu',
    role: SEED_ROLE,
    unitId: root.id,
    unitPath: root.path,
    personId: null,
    ip: '127.0.0.1',
  };
  const ctx: CommandContext = { tx, actor, audit: (e) => recordAudit(tx, { username: 'system', unitId: actor.unitId }, e) };
  const y = yearVn();
  const rubric = await createRubric(
    ctx,
    rubricInputSchema.parse({
      unitId: root.id,
      year: y,
      name: `Thang điểm chấm sáng kiến năm ${y}`,
      source: 'Quy chế xét, công nhận sáng kiến của Sở Khoa học và Công nghệ (mẫu)',
      passMark: 50,
      criteria: CRITERIA,
    }),
  );
  const round = await createRound(
    ctx,
    roundInputSchema.parse({
      councilId,
      rubricId: rubric.id,
      year: y,
      title: `Đợt xét công nhận sáng kiến năm ${y}`,
      calendar: [
        { label: 'Các đơn vị gửi đơn yêu cầu công nhận', from: `${y}-09-01`, to: `${y}-09-14` },
        { label: 'Văn phòng tổng hợp, chuyển Hội đồng', from: `${y}-09-15`, to: `${y}-09-30` },
        { label: 'Hội đồng sáng kiến chấm điểm, họp xét', from: `${y}-10-01`, to: `${y}-10-15` },
      ],
      maxLoad: 20,
    }),
  );
  await openRound(ctx, round.id);

  const [k1, k2] = await unsafeFirstPeopleOfUnit(tx, unitId('qlkh'), 2);
  const [c1] = await unsafeFirstPeopleOfUnit(tx, unitId('cc'), 1);
  const [t1] = await unsafeFirstPeopleOfUnit(tx, unitId('khtc'), 1);
  if (!k1 || !k2 || !c1 || !t1) throw new Error('demo staff missing');
  const works = [
    {
      unit: 'qlkh',
      title: 'Phần mềm theo dõi tiến độ nhiệm vụ khoa học và công nghệ cấp tỉnh',
      field: 'Quản lý khoa học',
      authors: [
        { personId: k1.id, sharePercent: 70 },
        { personId: k2.id, sharePercent: 30 },
      ],
      novelty: 'Lần đầu theo dõi toàn bộ nhiệm vụ KH&CN cấp tỉnh trên một phần mềm dùng chung, nhắc hạn tự động.',
      application: 'Áp dụng tại Phòng Quản lý khoa học từ tháng 3; các chủ nhiệm nhiệm vụ cập nhật tiến độ hằng tháng.',
      benefitVnd: 85_000_000,
      benefitText: 'Giảm khoảng 40% thời gian tổng hợp báo cáo tiến độ hằng quý.',
      firstAppliedOn: `${y}-03-01`,
      sheets: [
        ['Lưu Đức Minh', 26, 25, 24, 9],
        ['Nguyễn Văn Đức', 24, 24, 22, 8],
        ['Lục Văn Hùng', 25, 26, 25, 9],
      ],
    },
    {
      unit: 'cc',
      title: 'Quy trình kiểm tra nhanh cân thương mại tại các chợ vùng cao',
      field: 'Tiêu chuẩn, đo lường, chất lượng',
      authors: [{ personId: c1.id, sharePercent: 100 }],
      novelty: 'Rút gọn quy trình kiểm tra cân tại chợ phiên bằng bộ quả cân chuẩn mang theo và phiếu ghi nhanh.',
      application: 'Áp dụng thử tại 6 chợ phiên của hai huyện từ tháng 5.',
      benefitVnd: null,
      benefitText: 'Mỗi đợt kiểm tra rút từ 3 ngày xuống 1 ngày; người dân được cân đúng.',
      firstAppliedOn: `${y}-05-10`,
      sheets: [
        ['Lưu Đức Minh', 20, 18, 15, 5],
        ['Nguyễn Văn Đức', 12, 10, 10, 5],
      ],
    },
    {
      unit: 'khtc',
      title: 'Bảng tính tự động lập dự toán kinh phí sự nghiệp khoa học',
      field: 'Tài chính',
      authors: [{ personId: t1.id, sharePercent: 100 }],
      novelty: 'Dự toán lập tự động từ định mức hiện hành, kiểm tra chéo với số đã giao.',
      application: 'Áp dụng khi lập dự toán năm sau tại Phòng Kế hoạch - Tài chính.',
      benefitVnd: 20_000_000,
      benefitText: null,
      firstAppliedOn: `${y}-07-01`,
      sheets: [],
    },
  ] as const;
  const members = ['Lưu Đức Minh', 'Triệu Văn Sơn', 'Lục Văn Hùng', 'Nguyễn Văn Đức'].map(person);
  for (const w of works) {
    const app = await submitInitiative(
      ctx,
      initiativeApplicationInputSchema.parse({
        roundId: round.id,
        unitId: unitId(w.unit),
        kind: 'sang_kien',
        title: w.title,
        field: w.field,
        authors: w.authors,
        appliedUnitId: unitId(w.unit),
        firstAppliedOn: w.firstAppliedOn,
        novelty: w.novelty,
        application: w.application,
        benefitVnd: w.benefitVnd,
        benefitText: w.benefitText,
        scopeAsked: 'co_so',
      }),
    );
    await assignMembers(ctx, app.id, members);
    for (const [name, a, b, c, d] of w.sheets) {
      const points = { tinh_moi: a, kha_nang_ap_dung: b, hieu_qua: c, pham_vi: d };
      await scoreInitiative(
        ctx,
        app.id,
        scoreInputSchema.parse({ personId: person(name), points, approve: a + b + c + d >= 50, comment: 'Phiếu giấy do Văn phòng nhập' }),
      );
    }
  }
}
