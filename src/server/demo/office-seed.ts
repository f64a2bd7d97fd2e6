import type { Tx } from '../db/client.js';
import type { Actor } from '../auth/actor.js';
import type { CommandContext } from '../commands/run.js';
import { recordAudit } from '../audit/record.js';
import { unsafeAnyAccountOfUnit, unsafeFindUnitById, unsafeUnitsUnder } from '../repositories/demo-plans.js';
import { unsafeFindAccountByUsername } from '../repositories/accounts.js';
import { SEED_ROLE } from '../policies/plan.js';
import { assignPetition, seedPortalPetition, submitPetition } from '../commands/petitions.js';
import { approveInspectionPlan, createInspectionPlan } from '../commands/inspections.js';
import { createCourse, enrolParticipants, setParticipant } from '../commands/trainings.js';
import { addFundSource, payFromFund, spendOnOrganising } from '../commands/fund.js';
import { inspectionPlanInputSchema } from '../../shared/schemas/inspections.js';
import { courseInputSchema } from '../../shared/schemas/trainings.js';
import { addDays } from '../deadlines/clock.js';
import { todayVn } from '../clock.js';

/** The portal petition's code, printed in docs/user-guide/don-thu.md so that the demo can be followed from the portal. */
export const DEMO_PETITION_CODE = { trackingId: 'MAUDEMAU', secret: 'XEMKETQUA234' } as const;

/**
 * The Office's other duties as demo data (issue 14), through the same commands the API uses:
 * petitions (a staff member's question about their own record, assigned to the Office's clerk;
 * a recommendation from the portal with a known tracking code), an approved inspection plan of
 * the Trung tâm Ứng dụng, a training course the Office's TĐKT clerk attended, and the year's
 * funds: the TĐKT fund with a budget source and an organising spend, the bonus fund of NĐ 73/2024
 * with a source and a payment. Dates follow the day the demo data is created.
 */
export async function seedDemoOffice(tx: Tx, demoRootId: string): Promise<void> {
  const root = await unsafeFindUnitById(tx, demoRootId);
  if (!root) throw new Error('demo root missing');
  const admin = await unsafeAnyAccountOfUnit(tx, demoRootId);
  const units = await unsafeUnitsUnder(tx, root.path);
  const ttud = units.find((u) => u.code === 'TTUD')!;
  const ctxAs = (over: Partial<Actor>): CommandContext => {
    const actor: Actor = {
      accountId: admin?.id ?? '00000000-0000-0000-0000-000000000000',
      username: 'system',
      displayName: 'Dữ liệu mẫu',
      role: SEED_ROLE,
      unitId: root.id,
      unitPath: root.path,
      personId: null,
      ip: '127.0.0.1',
      ...over,
    };
    return { tx, actor, audit: (e) => recordAudit(tx, { username: 'system', unitId: actor.unitId }, e) };
  };
  const ctx = ctxAs({});
  const today = todayVn();
  const year = Number(today.slice(0, 4));

  // ---- petitions ----
  const staff = await unsafeFindAccountByUsername(tx, 'canhan');
  const office = await unsafeFindAccountByUsername(tx, 'vanphong');
  if (staff?.personId) {
    const { petition } = await submitPetition(ctxAs({ accountId: staff.id, displayName: staff.displayName, personId: staff.personId, unitId: staff.unitId }), {
      kind: 'thac_mac',
      subjectType: 'record',
      title: `Vì sao tôi chưa được đề nghị danh hiệu Chiến sĩ thi đua cơ sở năm ${year - 1}?`,
      content:
        'Năm qua tôi hoàn thành xuất sắc nhiệm vụ và có sáng kiến được Hội đồng Sáng kiến công nhận, nhưng không có tên trong danh sách đề nghị. Đề nghị Văn phòng giải thích căn cứ.',
      authorContact: '0912 345 678',
    });
    if (office) await assignPetition(ctx, petition.id, { handlerId: office.id });
  }
  await seedPortalPetition(
    tx,
    { id: root.id, path: root.path },
    {
      kind: 'kien_nghi',
      subjectType: 'general',
      title: 'Đề nghị công khai danh sách khen thưởng trên cổng thông tin',
      content: 'Tôi đề nghị Sở công khai kết quả bình xét thi đua cuối năm trên cổng thông tin để người dân được biết và góp ý.',
      authorName: 'Nguyễn Thị Lan',
      authorContact: 'Phường Hợp Giang, thành phố Cao Bằng',
    },
    DEMO_PETITION_CODE,
  );

  // ---- an inspection plan (approved) ----
  const plan = await createInspectionPlan(
    ctx,
    inspectionPlanInputSchema.parse({
      unitId: root.id,
      year,
      number: `25/KH-SKHCN`,
      title: `Kế hoạch kiểm tra công tác thi đua, khen thưởng năm ${year}`,
      content: [
        'Việc đăng ký thi đua đầu năm',
        'Hồ sơ, thủ tục đề nghị khen thưởng',
        'Việc chi tiền thưởng từ quỹ thi đua, khen thưởng',
        'Báo cáo sơ kết, tổng kết',
      ],
      periodFrom: `${year}-09-01`,
      periodTo: `${year}-11-30`,
      team: [
        { name: 'Bế Thị Thu Hà', role: 'Trưởng đoàn' },
        { name: 'Đàm Văn Long', role: 'Thành viên' },
        { name: 'Nguyễn Văn Đức', role: 'Thư ký' },
      ],
      units: [{ unitId: ttud.id, scheduledFrom: `${year}-10-05`, scheduledTo: `${year}-10-06` }],
      signerTitle: 'Giám đốc',
      signerName: 'Hoàng Văn Thạch',
    }),
  );
  await approveInspectionPlan(ctx, plan.id);

  // ---- a training course ----
  // The Office's own clerk attended; the units' clerks are still to be trained (the "units without a trained clerk" list).
  const clerk = await unsafeFindAccountByUsername(tx, 'vanphong');
  const course = await createCourse(
    ctx,
    courseInputSchema.parse({
      unitId: root.id,
      title: `Tập huấn nghiệp vụ công tác thi đua, khen thưởng năm ${year}`,
      organiser: 'Văn phòng Sở Khoa học và Công nghệ',
      startDate: addDays(today, -30),
      endDate: addDays(today, -29),
      place: 'Hội trường Sở Khoa học và Công nghệ',
      content: 'Luật Thi đua, khen thưởng 2022; Nghị định 152/2025/NĐ-CP; quy trình lập hồ sơ đề nghị khen thưởng trên hệ thống.',
    }),
  );
  if (clerk?.personId) {
    const [p] = await enrolParticipants(ctx, course.id, { personIds: [clerk.personId], tdktClerk: true });
    if (p)
      await setParticipant(ctx, course.id, p.id, {
        attendance: 'attended',
        tdktClerk: true,
        certificateNo: `01/${year}/CN-TH`,
        certificateDate: addDays(today, -29),
      });
  }

  // ---- the year's funds ----
  const yearStart = `${year}-01-15` < today ? `${year}-01-15` : today;
  await addFundSource(ctx, year, {
    kind: 'tdkt',
    source: 'budget',
    amount: 60_000_000,
    entryDate: yearStart,
    voucher: `QĐ 12/QĐ-STC`,
    description: `Ngân sách cấp quỹ thi đua, khen thưởng năm ${year}`,
  });
  await spendOnOrganising(ctx, year, {
    amount: 4_500_000,
    entryDate: today,
    voucher: 'PC 03',
    description: 'In ấn tài liệu, khánh tiết lễ phát động phong trào thi đua',
  });
  await addFundSource(ctx, year, {
    kind: 'bonus',
    source: 'budget',
    amount: 20_000_000,
    entryDate: yearStart,
    voucher: 'QĐ 15/QĐ-STC',
    description: `Quỹ tiền thưởng theo Nghị định 73/2024/NĐ-CP năm ${year}`,
  });
  await payFromFund(ctx, year, {
    kind: 'bonus',
    amount: 2_000_000,
    entryDate: today,
    voucher: 'PC 04',
    payee: 'Lý Thị Phương',
    description: 'Thưởng đột xuất theo quy chế chi tiền thưởng của Sở',
  });
}
