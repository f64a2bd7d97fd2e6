/**
 * The Kế hoạch as the agency issues it (NĐ 30/2020), generated from the data the clerk keeps:
 * from an annual plan (its sections and the quarterly task table of seed 002) and from a movement
 * (theme, slogan, targets, phases, criteria, award forms with quotas, dossier deadlines: seed 001).
 */
import type { Executor } from '../db/client.js';
import type { MovementJson, PlanJson } from './plans.js';
import { renderDocument } from '../documents/index.js';
import { templateFor } from '../repositories/templates.js';
import { cleanSummary, documentFileStem, documentNumber, numberOrSymbol, signerLines } from '../documents/docx/model.js';
import { unitHeader } from './dossier-documents.js';
import { formatDateVi, formatLongDateVi } from '../../shared/format-vi.js';
import { todayVn } from '../clock.js';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** Paragraphs of a text typed with line breaks (blank lines dropped). */
function paragraphs(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
}

function signerOf(title: string | null, name: string | null, agency: string) {
  if (!title?.trim()) return { quyenHan: '', chucVuNguoiKy: '', nguoiKy: name ?? '' };
  return signerLines({ title, name: name ?? '', agency });
}

/** A heading already numbered by the clerk ("II. NỘI DUNG") is kept; otherwise it is numbered in order. */
function numbered(heading: string, index: number): string {
  return /^[IVXLC]+\.\s/u.test(heading.trim()) ? heading.trim() : `${ROMAN[index] ?? index + 1}. ${heading.trim().toLocaleUpperCase('vi')}`;
}

export interface GeneratedDocument {
  docx: Buffer;
  /** Download name without extension, as practice writes it: "KH-05-SKHCN-2026". */
  fileStem: string;
}

/** Kế hoạch from an annual plan. */
export async function planDocx(tx: Executor, plan: PlanJson): Promise<GeneratedDocument> {
  const h = await unitHeader(tx, plan.unitId);
  const code = h.unit.code ?? '';
  const purpose = paragraphs(plan.purpose);
  const requirements = paragraphs(plan.requirements);
  const headed: { tieuDe: string; noiDung: string }[] = [];
  if (purpose.length || requirements.length)
    headed.push({
      tieuDe: 'MỤC ĐÍCH, YÊU CẦU',
      noiDung: [
        ...(purpose.length ? [`1. Mục đích: ${purpose.join(' ')}`] : []),
        ...(requirements.length ? [`2. Yêu cầu: ${requirements.join(' ')}`] : []),
      ].join('\n'),
    });
  for (const s of plan.sections) headed.push({ tieuDe: s.heading, noiDung: s.body });
  const phan = headed.map((s, i) => ({ tieuDe: numbered(s.tieuDe, i), noiDung: s.noiDung }));
  // The quarterly schedule: tasks by quarter (a row per quarter heads its tasks), then the tasks without one.
  const tasks = [...plan.tasks].sort((a, b) => (a.quarter ?? 9) - (b.quarter ?? 9) || a.seq - b.seq);
  const rows: { stt: string; noiDung: string; chuTri: string; phoiHop: string; thoiGian: string }[] = [];
  let quarter: number | null | undefined;
  let n = 0;
  for (const t of tasks) {
    if (t.quarter !== quarter) {
      quarter = t.quarter;
      rows.push({ stt: '', noiDung: quarter ? `QUÝ ${ROMAN[quarter - 1]}` : 'CẢ NĂM', chuTri: '', phoiHop: '', thoiGian: '' });
    }
    n += 1;
    rows.push({
      stt: String(n),
      noiDung: t.content,
      chuTri: t.leadUnits.map((u) => u.name).join(', '),
      phoiHop: t.supportUnits.map((u) => u.name).join(', '),
      thoiGian: t.dueDate ? `Trước ngày ${formatDateVi(t.dueDate)}` : t.quarter ? `Quý ${ROMAN[t.quarter - 1]}` : 'Cả năm',
    });
  }
  const organisation = plan.organisation.flatMap((s, i) => [`${i + 1}. ${s.heading}`, ...paragraphs(s.body)]);
  const number = numberOrSymbol(plan.number, `KH-${code}`);
  const docx = renderDocument(
    'ke_hoach',
    {
      coQuanChuQuan: h.coQuanChuQuan,
      coQuanBanHanh: h.coQuanBanHanh,
      ...number,
      diaDanh: h.diaDanh,
      ngayThang: formatLongDateVi(plan.issuedDate ?? todayVn()),
      // The title line says KẾ HOẠCH already: the trích yếu is what the plan is about.
      trichYeu: cleanSummary(plan.title.replace(/^kế hoạch\s+/iu, '').replace(/^./u, (c) => c.toLocaleUpperCase('vi'))),
      canCu: plan.basis,
      noiDung: [],
      phan,
      coNhiemVu: rows.length ? 'có' : '',
      tieuDeNhiemVu: `${ROMAN[phan.length] ?? phan.length + 1}. LỊCH TRIỂN KHAI NHIỆM VỤ`,
      nhiemVu: rows,
      ketLuan: organisation.length ? [`${ROMAN[phan.length + (rows.length ? 1 : 0)]}. TỔ CHỨC THỰC HIỆN`, ...organisation] : [],
      noiNhan: [...plan.recipients.map((r) => (/[;.]$/u.test(r) ? r : `${r};`)), `Lưu: VT${code ? `, ${code}` : ''}.`],
      ...signerOf(plan.signerTitle, plan.signerName, h.unit.name),
    },
    await templateFor(tx, plan.unitId, 'ke_hoach'),
  );
  return { docx, fileStem: documentFileStem('KH', documentNumber(number.so), code, plan.year) };
}

/** Kế hoạch tổ chức phong trào thi đua, from the movement. */
export async function movementDocx(tx: Executor, m: MovementJson): Promise<GeneratedDocument> {
  const h = await unitHeader(tx, m.unitId);
  const code = h.unit.code ?? '';
  // "Phát động đợt thi đua …" is what the clerk typed as the movement's name; the Kế hoạch organises it.
  const name = m.title.replace(/^(phát động|kế hoạch)\s+/iu, '');
  const lowerTitle = `${name.charAt(0).toLocaleLowerCase('vi')}${name.slice(1)}`;
  const summary = /^(phong trào|đợt thi đua|cuộc vận động)/iu.test(name) ? `Tổ chức ${lowerTitle}` : `Tổ chức phong trào thi đua "${name}"`;
  const sections: { tieuDe: string; noiDung: string[] }[] = [];
  const purpose = paragraphs(m.purpose);
  if (purpose.length) sections.push({ tieuDe: 'MỤC ĐÍCH, YÊU CẦU', noiDung: purpose });
  const content: string[] = [];
  if (m.theme) content.push(`Chủ đề: ${m.theme}`);
  if (m.slogan) content.push(`Khẩu hiệu thi đua: "${m.slogan.replace(/^"|"$/gu, '')}"`);
  if (m.subjectsText) content.push(`Đối tượng thi đua: ${m.subjectsText}`);
  content.push(`Thời gian thực hiện: từ ngày ${formatDateVi(m.startDate)} đến ngày ${formatDateVi(m.endDate)}.`);
  content.push(...paragraphs(m.content));
  if (m.targets.length) content.push('Các chỉ tiêu thi đua:', ...m.targets.map((t) => `- ${t.label}`));
  sections.push({ tieuDe: 'NỘI DUNG THI ĐUA', noiDung: content });
  const criteria = paragraphs(m.criteria);
  if (criteria.length) sections.push({ tieuDe: 'TIÊU CHUẨN, TIÊU CHÍ THI ĐUA', noiDung: criteria });
  if (m.honors.length)
    sections.push({
      tieuDe: 'HÌNH THỨC KHEN THƯỞNG',
      noiDung: m.honors.map((x, i) => {
        const who = x.subjectKinds.every((k) => k === 'individual') ? 'cá nhân' : x.subjectKinds.every((k) => k === 'collective') ? 'tập thể' : 'trường hợp';
        const quota = x.quota !== null ? `: không quá ${x.quota} ${who}` : '';
        return [
          `${i + 1}. ${x.honorLabel ?? x.honor}${quota}${x.quotaNote ? ` (${x.quotaNote})` : ''}.`,
          x.criteria ? ` Tiêu chuẩn: ${x.criteria}` : '',
          x.awardedBy ? ` Cấp khen thưởng: ${x.awardedBy}.` : '',
        ].join('');
      }),
    });
  const dossierLines = [
    ...(m.registrationDeadline
      ? [
          m.registrationStartDate
            ? `Các đơn vị đăng ký thi đua từ ngày ${formatDateVi(m.registrationStartDate)} đến hết ngày ${formatDateVi(m.registrationDeadline)}.`
            : `Các đơn vị đăng ký thi đua trước ngày ${formatDateVi(m.registrationDeadline)}.`,
        ]
      : []),
    // Registration is printed above; the per-honor dates say which honors they are for.
    ...m.deadlines
      .filter((d) => d.key !== 'registration')
      .map((d) => `${d.title}${d.honorLabels.length ? ` (${d.honorLabels.join(', ')})` : ''}: ${d.windowText}${d.note ? ` (${d.note})` : ''}.`),
  ];
  if (dossierLines.length) sections.push({ tieuDe: 'HỒ SƠ, THỜI HẠN', noiDung: dossierLines });
  const phan = sections.map((s, i) => ({ tieuDe: `${ROMAN[i]}. ${s.tieuDe}`, noiDung: s.noiDung.join('\n') }));
  const participants = m.participants.map((p) => p.name);
  const orgIndex = phan.length + (m.phases.length ? 1 : 0);
  const number = numberOrSymbol(m.number, `KH-${code}`);
  const docx = renderDocument(
    'ke_hoach',
    {
      coQuanChuQuan: h.coQuanChuQuan,
      coQuanBanHanh: m.issuer?.trim() ? m.issuer.trim().toLocaleUpperCase('vi') : h.coQuanBanHanh,
      ...number,
      diaDanh: h.diaDanh,
      ngayThang: formatLongDateVi(m.issuedDate ?? m.launchedAt ?? todayVn()),
      trichYeu: cleanSummary(summary),
      canCu: paragraphs(m.basis),
      noiDung: [],
      phan,
      coNhiemVu: m.phases.length ? 'có' : '',
      tieuDeNhiemVu: `${ROMAN[phan.length]}. CÁC ĐỢT THI ĐUA`,
      nhiemVu: m.phases.map((p, i) => ({
        stt: String(i + 1),
        noiDung: [p.name, p.content].filter(Boolean).join(': '),
        chuTri: h.unit.name,
        phoiHop: participants.length ? 'Các đơn vị tham gia' : '',
        thoiGian: `${formatDateVi(p.startDate)} – ${formatDateVi(p.endDate)}${p.summingUpDeadline ? `; sơ kết trước ${formatDateVi(p.summingUpDeadline)}` : ''}`,
      })),
      ketLuan: [
        `${ROMAN[orgIndex]}. TỔ CHỨC THỰC HIỆN`,
        participants.length
          ? `Các đơn vị ${participants.join(', ')} xây dựng kế hoạch, tổ chức phát động, đăng ký thi đua và báo cáo kết quả về ${h.unit.name} theo thời hạn trên./.`
          : `Các đơn vị trực thuộc tổ chức phát động, đăng ký thi đua và báo cáo kết quả về ${h.unit.name} theo thời hạn trên./.`,
      ],
      noiNhan: [...participants.map((p) => `${p};`), `Lưu: VT${code ? `, ${code}` : ''}.`],
      ...signerOf(m.signerTitle, m.signerName, h.unit.name),
    },
    await templateFor(tx, m.unitId, 'ke_hoach'),
  );
  return { docx, fileStem: documentFileStem('KH', documentNumber(number.so), code, m.year) };
}
