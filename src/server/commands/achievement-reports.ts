/**
 * Báo cáo thành tích of a dossier's candidate: read (the stored report, or one prefilled from the
 * records when none was saved yet), saved by the unit while it may change the dossier's documents,
 * and attached to the dossier as the candidate's `bao_cao_thanh_tich` PDF (the checklist item).
 */
import { createHash } from 'node:crypto';
import type { Executor } from '../db/client.js';
import type { Actor } from '../auth/actor.js';
import type { CommandContext } from './run.js';
import { domainError, notFound } from '../errors.js';
import { signedDocumentOf } from '../repositories/signing.js';
import { documentFileStem } from '../documents/docx/model.js';
import { now, todayVn } from '../clock.js';
import { findVisibleDossier, deleteDocumentOf, documentsOf, insertDocument, type CandidateRow, type DossierRow } from '../repositories/dossiers.js';
import { findCandidateOf } from '../repositories/candidates.js';
import { unsafeLoadRecordRows } from '../repositories/records.js';
import { unitChainNames } from '../repositories/certificates.js';
import { unsafeUnitHead } from '../repositories/document-parties.js';
import {
  insertReport,
  reportOfCandidate,
  unsafeParentOf,
  unsafePersonProfile,
  unsafeStaffCount,
  updateReportAtVersion,
  type AchievementReportRow,
} from '../repositories/achievement-reports.js';
import { governingPackOfUnit } from '../records/eligibility.js';
import { ratingYearsOf, reportForm, type ReportForm } from '../rules/report-forms.js';
import type { RulePack } from '../rules/types.js';
import { documentsEditable, touch } from './dossiers/common.js';
import { DossierStale } from './dossiers/errors.js';
import { regimeDateOf } from '../../shared/dossiers.js';
import {
  GENDER_LABELS,
  HONOR_INFO,
  INITIATIVE_SCOPE_LABELS,
  RATING_LABELS,
  type CommendationType,
  type Gender,
  type Honor,
  type InitiativeScope,
  type Rating,
  type SubjectKind,
} from '../../shared/codes.js';
import { formatDateVi } from '../../shared/format-vi.js';
import {
  achievementReportContentSchema,
  type AchievementReportContent,
  type AchievementReportContentInput,
  type AchievementReportForm,
} from '../../shared/schemas/achievement-reports.js';

export const REPORT_STALE = 'Báo cáo thành tích đã được người khác sửa. Hãy tải lại và thử lại.';

/** What the screen and the document generator need: the report (stored or prefilled) with its dossier, candidate and regime. */
export interface ReportView {
  dossier: DossierRow;
  candidate: CandidateRow;
  row: AchievementReportRow | null;
  content: AchievementReportContent;
  form: AchievementReportForm;
  pack: RulePack;
  reportForm: ReportForm;
  /** It carries a signature (ký số): frozen, no longer edited. */
  signed: boolean;
}

export const formOf = (c: CandidateRow): AchievementReportForm => (c.subjectKind === 'collective' ? 'collective' : 'individual');

/** The dossier and candidate in the actor's scope (404 otherwise), with the report or its prefill. */
export async function loadReport(tx: Executor, actor: Actor, dossierId: string, candidateId: string): Promise<ReportView> {
  const dossier = await findVisibleDossier(tx, actor, dossierId);
  if (!dossier) throw notFound('Không tìm thấy hồ sơ.');
  const candidate = await findCandidateOf(tx, dossier.id, candidateId);
  if (!candidate) throw notFound('Không tìm thấy người/tập thể trong hồ sơ.');
  // The dossier's regime (its regime date, else today) decides the form.
  const pack = await governingPackOfUnit(tx, dossier.unitId, regimeDateOf(dossier, todayVn()));
  const row = (await reportOfCandidate(tx, dossier.id, candidate.id)) ?? null;
  const content = row ? achievementReportContentSchema.parse(row.content) : await prefillReport(tx, dossier, candidate, pack);
  const form = formOf(candidate);
  const signed = (await signedDocumentOf(tx, 'bao_cao_thanh_tich', candidate.id)) !== undefined;
  return { dossier, candidate, row, content, form, pack, reportForm: reportForm(pack.regime, dossier.type as CommendationType, form), signed };
}

const decisionText = (h: { decisionNumber: string | null; decisionDate: string | null }): string =>
  [h.decisionNumber ? `Số ${h.decisionNumber}` : '', h.decisionDate ? `ngày ${formatDateVi(h.decisionDate)}` : ''].filter(Boolean).join(' ');

/** Several paragraphs, one a line. */
const paragraphs = (lines: string[]): string => lines.filter(Boolean).join('\n');

/**
 * The report as the records have it: the person's or unit's profile, the ratings of the years the
 * honor looks at (ending with the dossier's year), the honors received (titles and other forms, by
 * year, with their decisions), the initiatives recognised, the honor asked for, the heads who sign.
 */
export async function prefillReport(tx: Executor, d: DossierRow, c: CandidateRow, pack: RulePack): Promise<AchievementReportContent> {
  const subject = c.subjectKind as SubjectKind;
  const honor = c.honor as Honor;
  const personIds = c.personId ? [c.personId] : [];
  const unitIds = c.subjectUnitId ? [c.subjectUnitId] : [];
  const records = await unsafeLoadRecordRows(tx, personIds, unitIds);
  const years = ratingYearsOf(pack, honor, subject);
  const ratings = records.ratings
    .filter((r) => r.year <= d.year && r.year > d.year - years)
    .map((r) => ({ nam: String(r.year), xepLoai: RATING_LABELS[r.rating as Rating] ?? r.rating, ghiChu: r.note ?? '' }));
  const honors = records.honors.filter((h) => !h.revoked);
  const row = (h: (typeof honors)[number]) => ({
    nam: String(h.year),
    noiDung: HONOR_INFO[h.honor as Honor]?.label ?? h.honor,
    soNgayQuyetDinh: decisionText(h),
    coQuanBanHanh: h.issuer ?? '',
  });
  const initiatives = records.initiatives.map((i) =>
    [
      `"${i.title}"`,
      `(${INITIATIVE_SCOPE_LABELS[i.scope as InitiativeScope] ?? i.scope}, năm ${i.year}`,
      decisionText(i) ? `, Quyết định ${decisionText(i)}${i.issuer ? ` của ${i.issuer}` : ''})` : ')',
    ]
      .join(' ')
      .replace(' ,', ','),
  );
  const base = {
    hinhThucDeNghi: HONOR_INFO[honor]?.label ?? c.honor,
    thanhTich: c.achievement ?? '',
    sangKien: paragraphs(initiatives),
    xepLoai: ratings,
    danhHieu: honors.filter((h) => HONOR_INFO[h.honor as Honor]?.kind === 'title').map(row),
    khenThuong: honors.filter((h) => HONOR_INFO[h.honor as Honor]?.kind !== 'title').map(row),
  };
  if (c.subjectKind === 'collective' && c.subjectUnitId) {
    const chain = await unitChainNames(tx, c.subjectUnitId);
    const head = await unsafeUnitHead(tx, c.subjectUnitId);
    const parentId = await unsafeParentOf(tx, c.subjectUnitId);
    const parentHead = parentId ? await unsafeUnitHead(tx, parentId) : undefined;
    const staff = await unsafeStaffCount(tx, c.subjectUnitId);
    return achievementReportContentSchema.parse({
      ...base,
      tenTapThe: chain.slice(0, 2).filter(Boolean).join(', ') || c.displayName,
      coCau: paragraphs([
        head ? `Thủ trưởng đơn vị: ${head.fullName}${head.position ? `, ${head.position}` : ''}.` : '',
        `Tổng số cán bộ, công chức, viên chức và người lao động: ${staff} người.`,
      ]),
      thuTruong: head?.fullName ?? '',
      thuTruongCapTren: parentHead?.fullName ?? '',
    });
  }
  const person = c.personId ? await unsafePersonProfile(tx, c.personId) : undefined;
  const unitId = person?.unitId ?? d.unitId;
  const chain = await unitChainNames(tx, unitId);
  const head = await unsafeUnitHead(tx, d.unitId);
  return achievementReportContentSchema.parse({
    ...base,
    hoTen: person?.fullName ?? c.householdName ?? c.displayName,
    gioiTinh: person?.gender ? (GENDER_LABELS[person.gender as Gender] ?? '') : '',
    ngaySinh: person?.birthDate ? formatDateVi(person.birthDate) : '',
    truQuan: c.householdAddress ?? '',
    donViCongTac: chain.slice(0, 2).filter(Boolean).join(', '),
    chucVu: person?.position ?? c.positionText ?? '',
    // The unit's head confirms a person's report; the head's own report is confirmed by the superior's head.
    thuTruong: head && head.id !== person?.id ? head.fullName : '',
  });
}

/** Once the report carries a signature its PDF is frozen: the text is no longer changed nor re-attached unsigned. */
export const ReportSigned = domainError('ReportSigned', 'conflict', 'report_signed');

/** Loads what an edit needs: the dossier whose documents the actor may change (409 after it left the unit) and the candidate. */
async function editableReport(ctx: CommandContext, dossierId: string, candidateId: string) {
  const d = await documentsEditable(ctx, dossierId);
  const c = await findCandidateOf(ctx.tx, d.id, candidateId);
  if (!c) throw notFound('Không tìm thấy người/tập thể trong hồ sơ.');
  if (await signedDocumentOf(ctx.tx, 'bao_cao_thanh_tich', c.id))
    throw new ReportSigned('Báo cáo thành tích đã được ký số: không sửa, không đính kèm lại bản chưa ký. Bản đã ký là bản của hồ sơ.');
  return { d, c, row: (await reportOfCandidate(ctx.tx, d.id, c.id)) ?? null };
}

/** Writes the content at the version the client read (0: not saved yet); a stale copy is refused. */
async function writeReport(
  ctx: CommandContext,
  d: DossierRow,
  c: CandidateRow,
  row: AchievementReportRow | null,
  content: AchievementReportContent,
  version: number,
  extra: { attachedDocumentId?: string; attachedAt?: Date } = {},
): Promise<AchievementReportRow> {
  const at = now();
  if (!row) {
    if (version !== 0) throw new DossierStale(REPORT_STALE);
    return insertReport(ctx.tx, {
      dossierId: d.id,
      candidateId: c.id,
      unitId: d.unitId,
      form: formOf(c),
      content,
      createdBy: ctx.actor.accountId,
      updatedBy: ctx.actor.accountId,
      ...extra,
    });
  }
  const saved = await updateReportAtVersion(ctx.tx, row.id, version, { content, updatedBy: ctx.actor.accountId, updatedAt: at, ...extra });
  if (!saved) throw new DossierStale(REPORT_STALE);
  return saved;
}

export async function saveReport(
  ctx: CommandContext,
  dossierId: string,
  candidateId: string,
  input: { content: AchievementReportContentInput; version: number },
): Promise<AchievementReportRow> {
  const { d, c, row } = await editableReport(ctx, dossierId, candidateId);
  const content = achievementReportContentSchema.parse(input.content);
  const saved = await writeReport(ctx, d, c, row, content, input.version);
  await ctx.audit({
    action: 'dossier.achievement_report_saved',
    entityType: 'dossier',
    entityId: d.id,
    unitId: d.unitId,
    summary: `Lưu báo cáo thành tích của ${c.displayName}`,
  });
  return saved;
}

/**
 * Stores the PDF rendered from the report as the candidate's Báo cáo thành tích (replacing the one
 * attached before), saving the content it was rendered from when it had not been saved yet.
 */
/** The report's PDF as the candidate's `bao_cao_thanh_tich` document of the dossier. */
function insertReportPdf(ctx: CommandContext, d: DossierRow, c: CandidateRow, title: string, fileName: string, pdf: Buffer) {
  return insertDocument(ctx.tx, {
    dossierId: d.id,
    candidateId: c.id,
    kind: 'bao_cao_thanh_tich',
    title,
    content: null,
    voteResult: null,
    createdBy: ctx.actor.accountId,
    fileName,
    mimeType: 'application/pdf',
    size: pdf.length,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    data: pdf,
  });
}

/**
 * The signed and sealed report becomes the candidate's Báo cáo thành tích, replacing what the unit
 * attached before (the report's unsigned PDF, or a file uploaded as this candidate's report).
 */
export async function attachSignedReport(ctx: CommandContext, v: ReportView, pdf: Buffer): Promise<void> {
  const { dossier: d, candidate: c, row } = v;
  const old = (await documentsOf(ctx.tx, d.id)).filter((x) => x.candidateId === c.id && x.kind === 'bao_cao_thanh_tich');
  for (const x of old) await deleteDocumentOf(ctx.tx, d.id, x.id);
  const title = `Báo cáo thành tích (đã ký số) — ${c.displayName}`;
  const doc = await insertReportPdf(ctx, d, c, title, `${documentFileStem('BCTT', '', c.displayName, d.year)}-ky-so.pdf`, pdf);
  if (row && !(await updateReportAtVersion(ctx.tx, row.id, row.version, { attachedDocumentId: doc.id, attachedAt: now(), updatedAt: now() })))
    throw new DossierStale(REPORT_STALE);
  await touch(ctx, d);
  await ctx.audit({
    action: 'dossier.achievement_report_attached',
    entityType: 'dossier',
    entityId: d.id,
    unitId: d.unitId,
    summary: `Đính kèm "${title}"${old.length ? ` thay cho ${old.length} bản chưa ký` : ''}`,
  });
}

export async function attachReport(
  ctx: CommandContext,
  dossierId: string,
  candidateId: string,
  input: { content: AchievementReportContent; version: number; pdf: Buffer; fileName: string },
): Promise<AchievementReportRow> {
  const { d, c, row } = await editableReport(ctx, dossierId, candidateId);
  if (row && row.version !== input.version) throw new DossierStale(REPORT_STALE);
  if (row?.attachedDocumentId) await deleteDocumentOf(ctx.tx, d.id, row.attachedDocumentId);
  const title = `Báo cáo thành tích — ${c.displayName}`;
  const doc = await insertReportPdf(ctx, d, c, title, input.fileName, input.pdf);
  const saved = await writeReport(ctx, d, c, row, row ? achievementReportContentSchema.parse(row.content) : input.content, input.version, {
    attachedDocumentId: doc.id,
    attachedAt: now(),
  });
  await touch(ctx, d);
  await ctx.audit({
    action: 'dossier.achievement_report_attached',
    entityType: 'dossier',
    entityId: d.id,
    unitId: d.unitId,
    summary: `Đính kèm "${title}" (tệp ${input.fileName})`,
  });
  return saved;
}
