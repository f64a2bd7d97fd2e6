/** Kế hoạch kiểm tra and Kết luận kiểm tra as DOCX (NĐ 30/2020), through the unit's templates in force. */
import type { Executor } from '../db/client.js';
import type { InspectionCheck, InspectionTeamMember } from '../db/schema/index.js';
import { renderDocument } from '../documents/index.js';
import { templateFor } from '../repositories/templates.js';
import { unsafeFindUnitWithParent } from '../repositories/dossiers.js';
import type { FindingRow, InspectionListRow, InspectionPlanRow } from '../repositories/inspections.js';
import { CHECK_RESULT_LABELS, type CheckResult } from '../../shared/schemas/inspections.js';
import { formatDateVi, formatLongDateVi } from '../../shared/format-vi.js';
import { dateVn, now } from '../clock.js';

async function header(tx: Executor, unitId: string) {
  const { unit, parent } = await unsafeFindUnitWithParent(tx, unitId);
  // The place line: the province named at the end of the agency's name ("… tỉnh Cao Bằng" → Cao Bằng).
  const place = /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(unit?.name ?? parent?.name ?? '')?.[1] ?? '';
  return {
    name: unit?.name ?? '',
    code: unit?.code ?? '',
    coQuanChuQuan: parent ? parent.name.toUpperCase() : '',
    coQuanBanHanh: (unit?.name ?? '').toUpperCase(),
    diaDanh: place,
  };
}

function splitNumber(text: string | null, fallbackSymbol: string) {
  if (!text) return { so: '', kyHieu: fallbackSymbol };
  const [so, ...rest] = text.split('/');
  return { so: so ?? '', kyHieu: rest.join('/') || fallbackSymbol };
}

function signer(title: string | null, name: string | null) {
  const t = (title ?? '').trim().toUpperCase();
  return { quyenHan: '', chucVuNguoiKy: t, nguoiKy: name ?? '' };
}

/** "Kế hoạch kiểm tra công tác … năm 2027" → "kiểm tra công tác … năm 2027" (the document type is printed above the trích yếu). */
function planSubject(title: string): string {
  const rest = title.trim().replace(/^kế hoạch\s+/iu, '');
  return rest.charAt(0).toLowerCase() + rest.slice(1);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One member per line; a role other than a plain member in brackets ("Đàm Văn Long (Trưởng đoàn)"). */
function teamCell(team: InspectionTeamMember[]): string {
  return team.map((m) => (/^thành viên$/iu.test(m.role.trim()) ? m.name : `${m.name} (${m.role})`)).join('\n');
}

function scheduleCell(from: string, to: string): string {
  return from === to ? formatDateVi(from) : `${formatDateVi(from)} -\n${formatDateVi(to)}`;
}

export async function inspectionPlanDocx(tx: Executor, p: InspectionPlanRow, list: InspectionListRow[]): Promise<Buffer> {
  const h = await header(tx, p.unitId);
  const items = p.content.length;
  return renderDocument(
    'ke_hoach_kiem_tra',
    {
      ...h,
      ...splitNumber(p.number, `KH-${h.code}`),
      ngayThang: formatLongDateVi(p.approvedAt ?? now()),
      trichYeu: capitalise(planSubject(p.title)),
      canCu: ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;', `Căn cứ chức năng, nhiệm vụ của ${h.name} trong công tác thi đua, khen thưởng;`],
      mucDich: [
        'Kiểm tra việc triển khai, tổ chức thực hiện công tác thi đua, khen thưởng tại các đơn vị; kịp thời phát hiện, chấn chỉnh tồn tại, hạn chế; bảo đảm khen thưởng đúng đối tượng, đúng tiêu chuẩn, đúng quy trình.',
        'Việc kiểm tra bảo đảm khách quan, đúng kế hoạch, không gây ảnh hưởng đến hoạt động bình thường của đơn vị được kiểm tra.',
      ],
      noiDungKiemTra: p.content.map((c, i) => `${i + 1}. ${capitalise(c.trim().replace(/[.;]$/u, ''))}.`),
      doanKiemTra: p.team.map((m, i) => `${i + 1}. ${m.name} - ${m.role}.`),
      thoiGian: [`Từ ngày ${formatDateVi(p.periodFrom)} đến ngày ${formatDateVi(p.periodTo)}; lịch kiểm tra từng đơn vị như sau:`],
      lichKiemTra: list.map((i, n) => ({
        stt: n + 1,
        donVi: i.unitName,
        thoiGian: scheduleCell(i.inspection.scheduledFrom, i.inspection.scheduledTo),
        noiDung: items > 1 ? `Các nội dung từ 1 đến ${items} tại Mục II` : 'Nội dung tại Mục II',
        doan: teamCell(p.team),
      })),
      toChucThucHien: [
        'Các đơn vị được kiểm tra chuẩn bị báo cáo, hồ sơ, tài liệu liên quan theo nội dung kiểm tra; bố trí lãnh đạo và cán bộ làm công tác thi đua, khen thưởng làm việc với Đoàn kiểm tra.',
        'Sau kiểm tra, Đoàn kiểm tra ban hành kết luận; các đơn vị báo cáo kết quả khắc phục theo thời hạn ghi trong kết luận./.',
      ],
      noiNhan: [...list.map((i) => `${i.unitName};`), 'Thành viên Đoàn kiểm tra;', 'Lưu: VT.'],
      ...signer(p.signerTitle, p.signerName),
    },
    await templateFor(tx, p.unitId, 'ke_hoach_kiem_tra'),
  );
}

export async function inspectionConclusionDocx(
  tx: Executor,
  plan: InspectionPlanRow,
  i: InspectionListRow,
  checklist: InspectionCheck[],
  findings: { finding: FindingRow; ownerUnitName: string }[],
): Promise<Buffer> {
  const h = await header(tx, plan.unitId);
  const ins = i.inspection;
  const day = ins.inspectedDate ?? ins.scheduledFrom;
  return renderDocument(
    'ket_luan_kiem_tra',
    {
      ...h,
      ...splitNumber(ins.conclusionNumber, `KL-${h.code}`),
      ngayThang: formatLongDateVi(ins.concludedAt ?? now()),
      trichYeu: `Kiểm tra công tác thi đua, khen thưởng năm ${plan.year} tại ${i.unitName}`,
      canCu: [
        [
          'Căn cứ Kế hoạch',
          plan.number ? `số ${plan.number}` : '',
          plan.approvedAt ? `ngày ${formatDateVi(dateVn(plan.approvedAt))}` : '',
          `của ${h.name} về ${planSubject(plan.title)};`,
        ]
          .filter(Boolean)
          .join(' '),
      ],
      noiDung: [
        `Ngày ${formatDateVi(day)}, Đoàn kiểm tra của ${h.name} (${plan.team.map((m) => `${m.name}, ${m.role}`).join('; ')}) đã kiểm tra công tác thi đua, khen thưởng năm ${plan.year} tại ${i.unitName}. Kết quả như sau:`,
      ],
      ketQua: checklist.map((c, n) => ({
        stt: n + 1,
        noiDung: c.label,
        ketQua: (CHECK_RESULT_LABELS as Record<string, string>)[c.result as CheckResult] ?? c.result,
        ghiChu: c.detail,
      })),
      ketLuan: (ins.conclusion ?? '').split(/\n+/).filter(Boolean),
      kienNghi: findings.map(({ finding: f, ownerUnitName }) => ({
        stt: f.seq,
        tonTai: f.finding,
        kienNghi: f.recommendation,
        donVi: f.ownerName ? `${ownerUnitName} (${f.ownerName})` : ownerUnitName,
        thoiHan: formatDateVi(f.dueDate),
      })),
      toChucThucHien: [`${i.unitName} tổ chức khắc phục các tồn tại nêu trên và báo cáo kết quả về ${h.name} trong thời hạn của từng kiến nghị./.`],
      noiNhan: [`${i.unitName};`, 'Thành viên Đoàn kiểm tra;', 'Lưu: VT.'],
      ...signer(plan.signerTitle, plan.signerName),
    },
    await templateFor(tx, plan.unitId, 'ket_luan_kiem_tra'),
  );
}
