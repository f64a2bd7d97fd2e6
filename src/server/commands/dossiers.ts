import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { and, count, eq, ne, sql } from 'drizzle-orm';
import {
  deadlines,
  dossierCandidates,
  dossierDocuments,
  dossierExtensions,
  dossiers,
  dossierVersions,
  movementHonors,
  movementUnits,
  movements,
  publicHolidays,
  units,
} from '../db/schema/index.js';
import type { CommandContext } from './run.js';
import type { Actor } from '../auth/actor.js';
import {
  candidatesOf,
  documentsOf,
  lockVisibleDossier,
  otherOpenCandidacy,
  submissionDeadline,
  subjectFor,
  SUBMISSION_DEADLINE_KIND,
  type CandidateRow,
  type DossierRow,
} from '../repositories/dossiers.js';
import { findVisiblePerson } from '../repositories/people.js';
import { findVisibleUnit } from '../repositories/units.js';
import { movementSubmissionDeadline, registerDeadline } from '../deadlines/register.js';
import { MOVEMENT_EXTRA_PREFIX } from './movements.js';
import { badRequest, conflict, forbidden, notFound } from '../errors.js';
import { now, todayVn } from '../clock.js';
import { evaluate, RuleError, type EvaluateResult, type SubjectInput } from '../rules/index.js';
import {
  DOSSIER_STATUS_LABELS,
  EDITABLE_STATUSES,
  checklistFor,
  honorAllowsSubject,
  nextStatus,
  transitionFor,
  type DocumentKind,
  type DossierCommand,
  type DossierStatus,
} from '../../shared/dossiers.js';
import { COMMENDATION_TYPE_LABELS, HONOR_INFO, SUBJECT_KIND_LABELS, type CommendationType, type Honor, type SubjectKind } from '../../shared/codes.js';
import { formatDateVi } from '../../shared/format-vi.js';
import { normalizeName } from '../../shared/vietnamese.js';
import { inTurn } from '../db/in-turn.js';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** Accepted by content, whatever the file name says: PDF, Word (docx / legacy doc), images. */
const ALLOWED_MIME = new Set(['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/x-cfb', 'image/jpeg', 'image/png']);

const STALE = 'Hồ sơ đã được người khác sửa. Hãy tải lại và thử lại.';

/** Rough order of honors, to refuse "lowering" to a higher one. */
const HONOR_RANK: Record<Honor, number> = { LDTT: 1, TTLDTT: 1, KNC: 1, GK: 2, CSTDCS: 3, TTLDXS: 3, BK_BO_TINH: 4, CSTD_BO_TINH: 5, CO_BO_TINH: 5, BK_TTG: 6, CO_CP: 6, CSTD_TQ: 7, HCLD3: 7, HCLD2: 8, HCLD1: 9 };

// ------------------------------------------------------------------ guards

export function statusLabel(s: string): string {
  return DOSSIER_STATUS_LABELS[s as DossierStatus] ?? s;
}

function refuseTransition(d: DossierRow, command: DossierCommand): never {
  throw conflict(`Không thể "${transitionFor(command).label.toLowerCase()}" khi hồ sơ đang ở trạng thái "${statusLabel(d.status)}".`);
}

/** Moves a dossier along the transition table, with its stamps; a stale version is a 409. */
export async function transition(ctx: CommandContext, d: DossierRow, command: DossierCommand, stamps: Partial<typeof dossiers.$inferInsert> = {}): Promise<DossierRow> {
  const to = nextStatus(d.status as DossierStatus, command);
  if (!to) refuseTransition(d, command);
  const at = now();
  const [row] = await ctx.tx
    .update(dossiers)
    .set({ ...stamps, status: to, stepStartedAt: to === d.status ? d.stepStartedAt : at, version: d.version + 1, updatedAt: at })
    .where(and(eq(dossiers.id, d.id), eq(dossiers.version, d.version)))
    .returning();
  if (!row) throw conflict(STALE);
  return row;
}

/** Bumps the version of a dossier whose parts changed (candidates, documents): concurrent editors get a 409. */
async function touch(ctx: CommandContext, d: DossierRow, expected?: number): Promise<DossierRow> {
  if (expected !== undefined && expected !== d.version) throw conflict(STALE);
  const [row] = await ctx.tx.update(dossiers).set({ version: d.version + 1, updatedAt: now() }).where(and(eq(dossiers.id, d.id), eq(dossiers.version, d.version))).returning();
  if (!row) throw conflict(STALE);
  return row;
}

async function loadDossier(ctx: CommandContext, id: string): Promise<DossierRow> {
  const d = await lockVisibleDossier(ctx.tx, ctx.actor, id);
  if (!d) throw notFound('Không tìm thấy hồ sơ.');
  return d;
}

/** The unit's side of the pipeline (editing, submitting, withdrawing): its own staff, or an administrator. */
function assertUnitSide(actor: Actor, d: DossierRow) {
  if (actor.role === 'admin' || actor.role === 'clerk' || actor.unitId === d.unitId) return;
  throw forbidden('Chỉ đơn vị lập hồ sơ được sửa, nộp hoặc rút hồ sơ này.');
}

async function editable(ctx: CommandContext, id: string, expectedVersion?: number): Promise<DossierRow> {
  const d = await loadDossier(ctx, id);
  assertUnitSide(ctx.actor, d);
  if (!EDITABLE_STATUSES.includes(d.status as DossierStatus)) throw conflict(`Hồ sơ đang ở trạng thái "${statusLabel(d.status)}", không sửa được. Chỉ sửa khi hồ sơ đang soạn, bị trả lại hoặc đã rút.`);
  if (d.level !== 'unit') throw conflict('Hồ sơ trình cấp trên được lập từ các đề nghị đã qua Hội đồng, không sửa trực tiếp.');
  if (expectedVersion !== undefined && expectedVersion !== d.version) throw conflict(STALE);
  return d;
}

// ------------------------------------------------------------------ create, edit

export interface DossierInput {
  unitId?: string | null | undefined;
  movementId?: string | null | undefined;
  phaseId?: string | null | undefined;
  type: CommendationType;
  year: number;
  title: string;
  summary?: string | null | undefined;
}

export async function createDossier(ctx: CommandContext, input: DossierInput): Promise<DossierRow> {
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId ?? ctx.actor.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  if (!unit.active) throw badRequest(`Đơn vị "${unit.name}" đã ngừng hoạt động.`);
  let receiverUnitId: string = unit.parentId ?? unit.id;
  if (input.movementId) {
    // The movement belongs to a parent level: checked by participation, not by the actor's scope.
    const [m] = await ctx.tx.select({ movement: movements, path: units.path }).from(movements).innerJoin(units, eq(units.id, movements.unitId)).where(eq(movements.id, input.movementId));
    if (!m) throw notFound('Không tìm thấy phong trào thi đua.');
    const listed = await ctx.tx.select({ unitId: movementUnits.unitId }).from(movementUnits).where(eq(movementUnits.movementId, m.movement.id));
    const participates = listed.length ? listed.some((l) => l.unitId === unit.id) || unit.path.startsWith(m.path) : unit.path.startsWith(m.path);
    if (!participates) throw badRequest(`Đơn vị "${unit.name}" không thuộc phạm vi của phong trào "${m.movement.title}".`);
    if (m.movement.unitId !== unit.id) receiverUnitId = m.movement.unitId;
  }
  const [row] = await ctx.tx
    .insert(dossiers)
    .values({
      unitId: unit.id,
      receiverUnitId,
      movementId: input.movementId ?? null,
      phaseId: input.phaseId ?? null,
      type: input.type,
      year: input.year,
      title: input.title.trim(),
      summary: input.summary?.trim() || null,
      createdBy: ctx.actor.accountId,
      stepStartedAt: now(),
      createdAt: now(),
      updatedAt: now(),
    })
    .returning();
  if (!row) throw new Error('insert failed');
  await ctx.audit({ action: 'dossier.created', entityType: 'dossier', entityId: row.id, unitId: row.unitId, summary: `Tạo hồ sơ "${row.title}" (${COMMENDATION_TYPE_LABELS[input.type].toLowerCase()}, năm ${row.year})` });
  return row;
}

export async function updateDossier(ctx: CommandContext, id: string, input: { title: string; summary?: string | null | undefined; version: number }): Promise<DossierRow> {
  const d = await editable(ctx, id, input.version);
  const [row] = await ctx.tx
    .update(dossiers)
    .set({ title: input.title.trim(), summary: input.summary?.trim() || null, version: d.version + 1, updatedAt: now() })
    .where(and(eq(dossiers.id, id), eq(dossiers.version, input.version)))
    .returning();
  if (!row) throw conflict(STALE);
  await ctx.audit({ action: 'dossier.updated', entityType: 'dossier', entityId: id, unitId: d.unitId, summary: `Sửa hồ sơ "${row.title}"`, before: { title: d.title, summary: d.summary }, after: { title: row.title, summary: row.summary } });
  return row;
}

export async function deleteDossier(ctx: CommandContext, id: string): Promise<void> {
  const d = await editable(ctx, id);
  if (d.status !== 'draft' || d.firstSubmittedAt) throw conflict('Chỉ xóa được hồ sơ chưa nộp lần nào; hồ sơ đã nộp được lưu lại để tra cứu.');
  await ctx.tx.delete(dossiers).where(eq(dossiers.id, id));
  await ctx.audit({ action: 'dossier.deleted', entityType: 'dossier', entityId: id, unitId: d.unitId, summary: `Xóa hồ sơ nháp "${d.title}"` });
}

export interface CandidateInput {
  subjectKind: SubjectKind;
  personId?: string | null | undefined;
  unitId?: string | null | undefined;
  householdName?: string | null | undefined;
  householdAddress?: string | null | undefined;
  proposedHonor: Honor;
  achievement?: string | null | undefined;
  positionText?: string | null | undefined;
  version?: number | undefined;
}

async function offeredHonors(ctx: CommandContext, d: DossierRow): Promise<Honor[]> {
  if (!d.movementId) return [];
  const rows = await ctx.tx.select({ honor: movementHonors.honor }).from(movementHonors).where(eq(movementHonors.movementId, d.movementId));
  return rows.map((r) => r.honor as Honor);
}

async function assertHonorOffered(ctx: CommandContext, d: DossierRow, honor: Honor, kind: SubjectKind) {
  if (!honorAllowsSubject(honor, kind)) throw badRequest(`${SUBJECT_KIND_LABELS[kind]} không thể được đề nghị ${HONOR_INFO[honor].label}.`);
  const offered = await offeredHonors(ctx, d);
  if (offered.length && !offered.includes(honor)) {
    throw badRequest(`Phong trào này chỉ xét các hình thức: ${offered.map((h) => HONOR_INFO[h].label).join(', ')}.`);
  }
}

export async function addCandidate(ctx: CommandContext, dossierId: string, input: CandidateInput): Promise<CandidateRow> {
  const d = await editable(ctx, dossierId, input.version);
  await assertHonorOffered(ctx, d, input.proposedHonor, input.subjectKind);
  const [dUnit] = await ctx.tx.select().from(units).where(eq(units.id, d.unitId));
  let displayName: string;
  let positionText = input.positionText?.trim() || null;
  let personId: string | null = null;
  let subjectUnitId: string | null = null;
  let householdName: string | null = null;
  if (input.subjectKind === 'individual') {
    if (!input.personId) throw badRequest('Hãy chọn cán bộ được đề nghị khen thưởng.');
    const p = await findVisiblePerson(ctx.tx, ctx.actor, input.personId);
    if (!p) throw notFound('Không tìm thấy cán bộ.');
    const [pu] = await ctx.tx.select().from(units).where(eq(units.id, p.unitId));
    if (!pu || !pu.path.startsWith(dUnit!.path)) throw badRequest(`${p.fullName} không thuộc đơn vị lập hồ sơ.`);
    personId = p.id;
    displayName = p.fullName;
    positionText ??= [p.position, pu.name].filter(Boolean).join(', ');
  } else if (input.subjectKind === 'collective') {
    if (!input.unitId) throw badRequest('Hãy chọn tập thể được đề nghị khen thưởng.');
    const u = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
    if (!u) throw notFound('Không tìm thấy đơn vị.');
    if (!u.path.startsWith(dUnit!.path)) throw badRequest(`"${u.name}" không thuộc đơn vị lập hồ sơ.`);
    subjectUnitId = u.id;
    displayName = u.name;
  } else {
    const name = normalizeName(input.householdName ?? '');
    if (!name) throw badRequest('Hãy nhập tên hộ gia đình (chủ hộ).');
    householdName = name;
    displayName = `Hộ gia đình ${name}`;
  }
  const mine = await candidatesOf(ctx.tx, d.id);
  if (mine.some((c) => (personId && c.personId === personId) || (subjectUnitId && c.subjectUnitId === subjectUnitId) || (householdName && c.householdName === householdName))) {
    throw conflict(`${displayName} đã có trong danh sách đề nghị của hồ sơ này.`);
  }
  const other = await otherOpenCandidacy(ctx.tx, { dossierId: d.id, year: d.year, honor: input.proposedHonor, personId, subjectUnitId, householdName });
  if (other) throw conflict(`${displayName} đã được đề nghị ${HONOR_INFO[input.proposedHonor].label} năm ${d.year} trong một hồ sơ khác đang xử lý ("${other.title}").`);
  const [row] = await ctx.tx
    .insert(dossierCandidates)
    .values({
      dossierId: d.id,
      subjectKind: input.subjectKind,
      personId,
      subjectUnitId,
      householdName,
      householdAddress: input.householdAddress?.trim() || null,
      displayName,
      positionText,
      proposedHonor: input.proposedHonor,
      honor: input.proposedHonor,
      achievement: input.achievement?.trim() || null,
      sortOrder: mine.length,
    })
    .returning();
  await touch(ctx, d);
  await ctx.audit({ action: 'dossier.candidate_added', entityType: 'dossier', entityId: d.id, unitId: d.unitId, summary: `Đề nghị ${HONOR_INFO[input.proposedHonor].label} cho ${displayName}` });
  return row!;
}

export async function updateCandidate(ctx: CommandContext, dossierId: string, candidateId: string, input: { proposedHonor?: Honor | undefined; achievement?: string | null | undefined; positionText?: string | null | undefined; version?: number | undefined }): Promise<CandidateRow> {
  const d = await editable(ctx, dossierId, input.version);
  const [c] = await ctx.tx.select().from(dossierCandidates).where(and(eq(dossierCandidates.id, candidateId), eq(dossierCandidates.dossierId, d.id)));
  if (!c) throw notFound('Không tìm thấy người/tập thể trong hồ sơ.');
  const honor = input.proposedHonor ?? (c.proposedHonor as Honor);
  if (honor !== c.proposedHonor) {
    await assertHonorOffered(ctx, d, honor, c.subjectKind as SubjectKind);
    const other = await otherOpenCandidacy(ctx.tx, { dossierId: d.id, year: d.year, honor, personId: c.personId, subjectUnitId: c.subjectUnitId, householdName: c.householdName });
    if (other) throw conflict(`${c.displayName} đã được đề nghị ${HONOR_INFO[honor].label} năm ${d.year} trong một hồ sơ khác đang xử lý ("${other.title}").`);
  }
  const [row] = await ctx.tx
    .update(dossierCandidates)
    .set({
      proposedHonor: honor,
      honor,
      achievement: input.achievement === undefined ? c.achievement : input.achievement?.trim() || null,
      positionText: input.positionText === undefined ? c.positionText : input.positionText?.trim() || null,
    })
    .where(eq(dossierCandidates.id, c.id))
    .returning();
  await touch(ctx, d);
  await ctx.audit({ action: 'dossier.candidate_updated', entityType: 'dossier', entityId: d.id, unitId: d.unitId, summary: `Sửa đề nghị của ${c.displayName}`, before: { honor: c.proposedHonor }, after: { honor } });
  return row!;
}

export async function removeCandidate(ctx: CommandContext, dossierId: string, candidateId: string, version?: number): Promise<void> {
  const d = await editable(ctx, dossierId, version);
  const [c] = await ctx.tx.delete(dossierCandidates).where(and(eq(dossierCandidates.id, candidateId), eq(dossierCandidates.dossierId, d.id))).returning();
  if (!c) throw notFound('Không tìm thấy người/tập thể trong hồ sơ.');
  await touch(ctx, d);
  await ctx.audit({ action: 'dossier.candidate_removed', entityType: 'dossier', entityId: d.id, unitId: d.unitId, summary: `Bỏ ${c.displayName} khỏi danh sách đề nghị` });
}

export interface DocumentInput {
  kind: DocumentKind;
  candidateId?: string | null | undefined;
  title?: string | null | undefined;
  content?: string | null | undefined;
  voteResult?: string | null | undefined;
  version?: number | undefined;
}

/** Checks an upload by its bytes (not its name) and returns the detected type. */
export async function checkUpload(buffer: Buffer): Promise<string> {
  if (buffer.length === 0) throw badRequest('Tệp tải lên rỗng.');
  if (buffer.length > MAX_DOCUMENT_BYTES) throw badRequest('Tệp vượt quá 10 MB.');
  const type = await fileTypeFromBuffer(buffer);
  if (!type || !ALLOWED_MIME.has(type.mime)) throw badRequest('Chỉ nhận tệp PDF, Word (.docx, .doc) hoặc ảnh (JPG, PNG); nội dung tệp không đúng các định dạng này.');
  return type.mime;
}

export async function addDocument(ctx: CommandContext, dossierId: string, input: DocumentInput, file?: { buffer: Buffer; fileName: string }): Promise<typeof dossierDocuments.$inferSelect> {
  const d = await editable(ctx, dossierId, input.version);
  const perCandidate = input.kind === 'bao_cao_thanh_tich' || input.kind === 'minh_chung';
  let candidate: CandidateRow | undefined;
  if (input.candidateId) {
    [candidate] = await ctx.tx.select().from(dossierCandidates).where(and(eq(dossierCandidates.id, input.candidateId), eq(dossierCandidates.dossierId, d.id)));
    if (!candidate) throw notFound('Không tìm thấy người/tập thể trong hồ sơ.');
  }
  if (perCandidate && !candidate) throw badRequest('Báo cáo thành tích và minh chứng phải gắn với một người/tập thể trong danh sách.');
  if (!perCandidate && candidate && input.kind !== 'khac') throw badRequest('Tờ trình và biên bản họp xét là tài liệu chung của hồ sơ.');
  const content = input.content?.trim() || null;
  if (!file && !content) throw badRequest('Hãy nhập nội dung hoặc tải tệp lên.');
  if (input.kind === 'bien_ban_hop_xet' && !input.voteResult?.trim()) throw badRequest('Biên bản họp xét phải ghi kết quả biểu quyết (ví dụ: 5/6 thành viên đồng ý).');
  let fileValues = {};
  if (file) {
    const mimeType = await checkUpload(file.buffer);
    fileValues = { fileName: file.fileName, mimeType, size: file.buffer.length, sha256: createHash('sha256').update(file.buffer).digest('hex'), data: file.buffer };
  }
  const title = input.title?.trim() || (candidate ? `${kindTitle(input.kind)} — ${candidate.displayName}` : kindTitle(input.kind));
  const [row] = await ctx.tx
    .insert(dossierDocuments)
    .values({ dossierId: d.id, candidateId: candidate?.id ?? null, kind: input.kind, title, content, voteResult: input.voteResult?.trim() || null, createdBy: ctx.actor.accountId, ...fileValues })
    .returning();
  await touch(ctx, d);
  await ctx.audit({ action: 'dossier.document_added', entityType: 'dossier', entityId: d.id, unitId: d.unitId, summary: `Thêm "${title}"${file ? ` (tệp ${file.fileName})` : ''}` });
  return row!;
}

function kindTitle(kind: DocumentKind): string {
  return { to_trinh: 'Tờ trình', bien_ban_hop_xet: 'Biên bản họp xét', bao_cao_thanh_tich: 'Báo cáo thành tích', minh_chung: 'Minh chứng', khac: 'Tài liệu' }[kind];
}

export async function removeDocument(ctx: CommandContext, dossierId: string, documentId: string, version?: number): Promise<void> {
  const d = await editable(ctx, dossierId, version);
  const [doc] = await ctx.tx.delete(dossierDocuments).where(and(eq(dossierDocuments.id, documentId), eq(dossierDocuments.dossierId, d.id))).returning({ title: dossierDocuments.title });
  if (!doc) throw notFound('Không tìm thấy tài liệu.');
  await touch(ctx, d);
  await ctx.audit({ action: 'dossier.document_removed', entityType: 'dossier', entityId: d.id, unitId: d.unitId, summary: `Bỏ "${doc.title}"` });
}

// ------------------------------------------------------------------ versions

interface Snapshot {
  title: string;
  summary: string | null;
  candidates: { id: string; name: string; honor: string; achievement: string | null }[];
  documents: { id: string; kind: string; candidateId: string | null; title: string; fileName: string | null; fingerprint: string }[];
}

async function snapshotOf(ctx: CommandContext, d: DossierRow): Promise<Snapshot> {
  const [cands, docs] = await inTurn(() => candidatesOf(ctx.tx, d.id), () => documentsOf(ctx.tx, d.id));
  return {
    title: d.title,
    summary: d.summary,
    candidates: cands.map((c) => ({ id: c.id, name: c.displayName, honor: c.proposedHonor, achievement: c.achievement })),
    documents: docs.map((x) => ({ id: x.id, kind: x.kind, candidateId: x.candidateId, title: x.title, fileName: x.fileName, fingerprint: x.sha256 ?? createHash('sha256').update(`${x.content ?? ''}|${x.voteResult ?? ''}`).digest('hex') })),
  };
}

/** What changed between two submitted versions, in Vietnamese. */
export function diffSnapshots(prev: Snapshot | null, next: Snapshot): string[] {
  if (!prev) return [`Nộp lần đầu: ${next.candidates.length} đề nghị, ${next.documents.length} tài liệu`];
  const out: string[] = [];
  if (prev.title !== next.title) out.push(`Đổi tên hồ sơ: "${prev.title}" → "${next.title}"`);
  if (prev.summary !== next.summary) out.push('Sửa nội dung tóm tắt');
  const label = (h: string) => HONOR_INFO[h as Honor]?.label ?? h;
  for (const c of next.candidates) {
    const p = prev.candidates.find((x) => x.id === c.id);
    if (!p) out.push(`Thêm ${c.name} (${label(c.honor)})`);
    else {
      if (p.honor !== c.honor) out.push(`Đổi hình thức đề nghị của ${c.name}: ${label(p.honor)} → ${label(c.honor)}`);
      if (p.achievement !== c.achievement) out.push(`Sửa tóm tắt thành tích của ${c.name}`);
    }
  }
  for (const p of prev.candidates) if (!next.candidates.some((c) => c.id === p.id)) out.push(`Bỏ ${p.name}`);
  for (const x of next.documents) if (!prev.documents.some((p) => p.fingerprint === x.fingerprint && p.kind === x.kind && p.candidateId === x.candidateId)) out.push(`Thêm/thay tài liệu "${x.title}"${x.fileName ? ` (${x.fileName})` : ''}`);
  for (const p of prev.documents) if (!next.documents.some((x) => x.id === p.id)) out.push(`Bỏ tài liệu "${p.title}"`);
  return out.length ? out : ['Nộp lại, không thay đổi nội dung'];
}

// ------------------------------------------------------------------ the unit's transitions

export async function submitDossier(ctx: CommandContext, id: string, version?: number): Promise<DossierRow> {
  const d = await loadDossier(ctx, id);
  assertUnitSide(ctx.actor, d);
  if (d.level !== 'unit') throw conflict('Hồ sơ trình cấp trên dùng chức năng "Trình cấp trên".');
  if (!nextStatus(d.status as DossierStatus, 'submit')) refuseTransition(d, 'submit');
  if (version !== undefined && version !== d.version) throw conflict(STALE);
  const [cands, docs] = await inTurn(() => candidatesOf(ctx.tx, d.id), () => documentsOf(ctx.tx, d.id));
  const checklist = checklistFor(d.type as CommendationType, cands.map((c) => ({ id: c.id, displayName: c.displayName, honor: c.proposedHonor as Honor })), docs.map((x) => ({ kind: x.kind as DocumentKind, candidateId: x.candidateId })));
  if (!checklist.complete) throw badRequest(`Hồ sơ chưa đủ thành phần, chưa nộp được. Còn thiếu: ${checklist.missing.join('; ')}.`, { missing: checklist.missing });

  // Seed 001: "Quá thời hạn trên … coi như không có hồ sơ đề nghị" — unless the Office granted an extension.
  // A dossier the Office returned for completion is not late when it comes back.
  let extensionId: string | null = d.extensionId;
  if (d.movementId && d.status !== 'returned') {
    const { dueDate, extension } = await submissionDeadline(ctx.tx, d.movementId, d.unitId);
    const today = todayVn();
    if (dueDate && today > dueDate) {
      if (!extension || today > extension.until) {
        throw badRequest(
          `Đã quá hạn nộp hồ sơ (hạn ${formatDateVi(dueDate)}${extension ? `, gia hạn đến ${formatDateVi(extension.until)}` : ''}). Quá hạn coi như không có hồ sơ đề nghị; nếu có lý do chính đáng, đề nghị Văn phòng gia hạn cho đơn vị.`,
        );
      }
      extensionId = extension.id;
    }
  }

  const duplicate = await ctx.tx.execute(sql`
    select c.display_name, d2.title from ${dossierCandidates} c
    join ${dossierCandidates} c2 on c2.honor = c.proposed_honor and c2.id <> c.id and c2.outcome = 'pending' and c2.source_candidate_id is null
      and (c2.person_id = c.person_id or c2.subject_unit_id = c.subject_unit_id or c2.household_name = c.household_name)
    join ${dossiers} d2 on d2.id = c2.dossier_id and d2.id <> ${d.id} and d2.year = ${d.year} and d2.status <> 'completed'
    where c.dossier_id = ${d.id} limit 1`);
  const dup = rowsOf<{ display_name: string; title: string }>(duplicate)[0];
  if (dup) throw conflict(`${dup.display_name} đã được đề nghị cùng hình thức, cùng năm trong một hồ sơ khác đang xử lý ("${dup.title}").`);

  const snap = await snapshotOf(ctx, d);
  const [prev] = await ctx.tx.select().from(dossierVersions).where(eq(dossierVersions.dossierId, d.id)).orderBy(sql`${dossierVersions.revision} desc`).limit(1);
  const changes = diffSnapshots((prev?.snapshot as Snapshot | undefined) ?? null, snap);
  const revision = d.revision + 1;
  await ctx.tx.insert(dossierVersions).values({ dossierId: d.id, revision, snapshot: snap, changes, createdBy: ctx.actor.accountId, createdAt: now() });
  const at = now();
  const row = await transition(ctx, d, 'submit', { revision, submittedAt: at, submittedBy: ctx.actor.accountId, firstSubmittedAt: d.firstSubmittedAt ?? at, extensionId });
  // Candidates start over from their proposals on every submission.
  await ctx.tx.update(dossierCandidates).set({ honor: sql`${dossierCandidates.proposedHonor}` }).where(eq(dossierCandidates.dossierId, d.id));
  await ctx.audit({ action: 'dossier.submitted', entityType: 'dossier', entityId: d.id, unitId: d.unitId, summary: `Nộp hồ sơ "${d.title}" (lần ${revision}, ${cands.length} đề nghị)${extensionId ? ' theo gia hạn' : ''}`, after: { revision, changes } });
  return row;
}

export function rowsOf<T>(r: unknown): T[] {
  // node-postgres returns { rows }, PGlite returns { rows } too; keep one place that knows it.
  return ((r as { rows?: T[] }).rows ?? []) as T[];
}

export async function withdrawDossier(ctx: CommandContext, id: string): Promise<DossierRow> {
  const d = await loadDossier(ctx, id);
  assertUnitSide(ctx.actor, d);
  const row = await transition(ctx, d, 'withdraw', { withdrawnAt: now(), withdrawnBy: ctx.actor.accountId });
  await ctx.audit({ action: 'dossier.withdrawn', entityType: 'dossier', entityId: id, unitId: d.unitId, summary: `Rút hồ sơ "${d.title}" trước khi được tiếp nhận` });
  return row;
}

// ------------------------------------------------------------------ the Office's transitions

function assertOfficeSide(actor: Actor, d: DossierRow) {
  if (actor.role !== 'admin' && d.unitId === actor.unitId && d.level === 'unit') throw forbidden('Hồ sơ của chính đơn vị mình do cơ quan cấp trên tiếp nhận.');
}

export async function receiveDossier(ctx: CommandContext, id: string): Promise<DossierRow> {
  const d = await loadDossier(ctx, id);
  assertOfficeSide(ctx.actor, d);
  const row = await transition(ctx, d, 'receive', { receivedAt: now(), receivedBy: ctx.actor.accountId });
  await ctx.audit({ action: 'dossier.received', entityType: 'dossier', entityId: id, unitId: d.unitId, summary: `Tiếp nhận hồ sơ "${d.title}" (lần nộp ${d.revision})` });
  return row;
}

export async function returnDossier(ctx: CommandContext, id: string, reasons: string[]): Promise<DossierRow> {
  const d = await loadDossier(ctx, id);
  assertOfficeSide(ctx.actor, d);
  const clean = reasons.map((r) => r.trim()).filter(Boolean);
  if (!clean.length) throw badRequest('Hãy ghi lý do trả lại hồ sơ.');
  const row = await transition(ctx, d, 'return', { returnedAt: now(), returnedBy: ctx.actor.accountId, returnReasons: clean });
  await ctx.audit({ action: 'dossier.returned', entityType: 'dossier', entityId: id, unitId: d.unitId, summary: `Trả lại hồ sơ "${d.title}": ${clean.join('; ')}`, after: { reasons: clean } });
  return row;
}

export interface AppraiseInput {
  note?: string | null | undefined;
  lowerTo?: Honor | null | undefined;
  lowerReason?: string | null | undefined;
  subjectData?: Partial<SubjectInput> | null | undefined;
}

/** Evaluates a candidate with the rule engine; a rule error becomes a "not eligible" answer with its text. */
export function evaluateCandidate(year: number, honor: Honor, subject: SubjectInput, decisionDate: string): EvaluateResult | { eligible: false; reasons: { ok: false; text: string }[]; honor: Honor; year: number } {
  try {
    return evaluate({ decisionDate, year, honor, subject });
  } catch (e) {
    if (e instanceof RuleError) return { eligible: false, honor, year, reasons: [{ ok: false, text: e.message }] };
    throw e;
  }
}

export async function appraiseCandidate(ctx: CommandContext, dossierId: string, candidateId: string, input: AppraiseInput): Promise<CandidateRow> {
  const d = await loadDossier(ctx, dossierId);
  assertOfficeSide(ctx.actor, d);
  if (!nextStatus(d.status as DossierStatus, 'appraise')) refuseTransition(d, 'appraise');
  const [c] = await ctx.tx.select().from(dossierCandidates).where(and(eq(dossierCandidates.id, candidateId), eq(dossierCandidates.dossierId, d.id)));
  if (!c) throw notFound('Không tìm thấy người/tập thể trong hồ sơ.');
  let honor = c.honor as Honor;
  const lowered: Partial<typeof dossierCandidates.$inferInsert> = {};
  if (input.lowerTo && input.lowerTo !== c.honor) {
    if (!input.lowerReason?.trim()) throw badRequest('Hạ mức hình thức phải ghi lý do.');
    if (!honorAllowsSubject(input.lowerTo, c.subjectKind as SubjectKind)) throw badRequest(`${SUBJECT_KIND_LABELS[c.subjectKind as SubjectKind]} không thể được xét ${HONOR_INFO[input.lowerTo].label}.`);
    if (HONOR_RANK[input.lowerTo] >= HONOR_RANK[honor]) throw badRequest(`${HONOR_INFO[input.lowerTo].label} không thấp hơn ${HONOR_INFO[honor].label}: chỉ được hạ mức.`);
    honor = input.lowerTo;
    Object.assign(lowered, { honor, loweredReason: input.lowerReason.trim(), loweredAt: now(), loweredBy: ctx.actor.accountId });
  }
  const subjectData = input.subjectData === undefined ? c.subjectData : input.subjectData;
  const subject = await subjectFor(ctx.tx, { ...c, subjectData });
  const result = evaluateCandidate(d.year, honor, subject, todayVn());
  const [row] = await ctx.tx
    .update(dossierCandidates)
    .set({ ...lowered, subjectData, appraisalNote: input.note?.trim() || c.appraisalNote, appraisalResult: result, appraisedAt: now(), appraisedBy: ctx.actor.accountId })
    .where(eq(dossierCandidates.id, c.id))
    .returning();
  await transition(ctx, d, 'appraise', { appraisedAt: d.appraisedAt ?? now(), appraisedBy: d.appraisedBy ?? ctx.actor.accountId });
  await ctx.audit({
    action: lowered.honor ? 'dossier.honor_lowered' : 'dossier.appraised',
    entityType: 'dossier',
    entityId: d.id,
    unitId: d.unitId,
    summary: lowered.honor
      ? `Hạ mức đề nghị của ${c.displayName}: ${HONOR_INFO[c.honor as Honor].label} → ${HONOR_INFO[honor].label} (${input.lowerReason})`
      : `Thẩm định ${c.displayName}: ${result.eligible === true ? 'đủ điều kiện' : result.eligible === false ? 'chưa đủ điều kiện' : 'cần xác nhận thêm'}`,
    after: { honor, eligible: result.eligible, note: input.note ?? null },
  });
  return row!;
}

// ------------------------------------------------------------------ forwarding upward

/** Locks the movement row so that two quota checks for it run one after the other. */
async function lockMovement(ctx: CommandContext, movementId: string) {
  const [m] = await ctx.tx.select().from(movements).where(eq(movements.id, movementId)).for('update');
  return m;
}

async function assertQuota(ctx: CommandContext, movementId: string | null, honor: Honor, adding: number, exceptUpwardId?: string) {
  if (!movementId) return;
  const [offer] = await ctx.tx.select().from(movementHonors).where(and(eq(movementHonors.movementId, movementId), eq(movementHonors.honor, honor)));
  if (!offer || offer.quota === null) return;
  const used = await ctx.tx
    .select({ name: dossierCandidates.displayName })
    .from(dossierCandidates)
    .innerJoin(dossiers, eq(dossiers.id, dossierCandidates.dossierId))
    .where(and(eq(dossiers.movementId, movementId), eq(dossiers.level, 'upward'), eq(dossierCandidates.honor, honor), ne(dossierCandidates.outcome, 'not_awarded'), exceptUpwardId ? ne(dossiers.id, exceptUpwardId) : undefined));
  if (used.length + adding > offer.quota) {
    throw conflict(
      `Vượt chỉ tiêu: phong trào chỉ cho phép đề nghị ${String(offer.quota).padStart(2, '0')} ${HONOR_INFO[honor].label}${offer.quotaNote ? ` (${offer.quotaNote})` : ''}; đã đề nghị: ${used.map((u) => u.name).join(', ') || 'không'}.`,
    );
  }
}

/** Puts a council-approved candidate into the parent level's consolidated dossier for a higher authority. */
export async function forwardCandidate(ctx: CommandContext, dossierId: string, candidateId: string, input: { honor?: Honor | undefined }): Promise<{ upward: DossierRow; candidate: CandidateRow }> {
  const d = await loadDossier(ctx, dossierId);
  assertOfficeSide(ctx.actor, d);
  if (d.status !== 'reviewed') throw conflict(`Chỉ trình cấp trên các đề nghị đã qua Hội đồng (hồ sơ đang "${statusLabel(d.status)}").`);
  const [c] = await ctx.tx.select().from(dossierCandidates).where(and(eq(dossierCandidates.id, candidateId), eq(dossierCandidates.dossierId, d.id))).for('update');
  if (!c) throw notFound('Không tìm thấy người/tập thể trong hồ sơ.');
  if (c.outcome !== 'pending') throw conflict(`${c.displayName} đã được xử lý (${c.outcome === 'awarded' ? 'đã khen thưởng' : c.outcome === 'forwarded' ? 'đã trình cấp trên' : 'không khen thưởng'}).`);
  if (c.councilResult === 'failed') throw conflict(`${c.displayName} không đạt tỷ lệ phiếu của Hội đồng, không trình cấp trên được.`);
  const honor = input.honor ?? (c.honor as Honor);
  if (!honorAllowsSubject(honor, c.subjectKind as SubjectKind)) throw badRequest(`${SUBJECT_KIND_LABELS[c.subjectKind as SubjectKind]} không thể được đề nghị ${HONOR_INFO[honor].label}.`);
  if (d.movementId) await lockMovement(ctx, d.movementId);
  await assertQuota(ctx, d.movementId, honor, 1);
  const parentUnit = d.receiverUnitId ?? ctx.actor.unitId;
  let [upward] = await ctx.tx
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.level, 'upward'), eq(dossiers.unitId, parentUnit), eq(dossiers.year, d.year), eq(dossiers.status, 'draft'), d.movementId ? eq(dossiers.movementId, d.movementId) : sql`${dossiers.movementId} is null`))
    .limit(1)
    .for('update');
  if (!upward) {
    const [m] = d.movementId ? await ctx.tx.select({ title: movements.title }).from(movements).where(eq(movements.id, d.movementId)) : [];
    [upward] = await ctx.tx
      .insert(dossiers)
      .values({ unitId: parentUnit, level: 'upward', receiverUnitId: null, movementId: d.movementId, type: d.type, year: d.year, title: `Hồ sơ đề nghị cấp trên khen thưởng${m ? ` — ${m.title}` : ` năm ${d.year}`}`, createdBy: ctx.actor.accountId, stepStartedAt: now() })
      .returning();
    await ctx.audit({ action: 'dossier.created', entityType: 'dossier', entityId: upward!.id, unitId: parentUnit, summary: `Lập hồ sơ trình cấp trên "${upward!.title}"` });
  }
  const [copy] = await ctx.tx
    .insert(dossierCandidates)
    .values({
      dossierId: upward!.id,
      subjectKind: c.subjectKind,
      personId: c.personId,
      subjectUnitId: c.subjectUnitId,
      householdName: c.householdName,
      householdAddress: c.householdAddress,
      displayName: c.displayName,
      positionText: c.positionText,
      proposedHonor: honor,
      honor,
      achievement: c.achievement,
      appraisalNote: c.appraisalNote,
      appraisalResult: c.appraisalResult,
      councilResult: c.councilResult,
      councilText: c.councilText,
      sourceCandidateId: c.id,
    })
    .returning();
  await ctx.tx.update(dossierCandidates).set({ outcome: 'forwarded' }).where(eq(dossierCandidates.id, c.id));
  await ctx.tx.update(dossiers).set({ version: sql`${dossiers.version} + 1`, updatedAt: now() }).where(eq(dossiers.id, upward!.id));
  await ctx.audit({ action: 'dossier.candidate_forwarded', entityType: 'dossier', entityId: d.id, unitId: d.unitId, summary: `Chọn ${c.displayName} đề nghị cấp trên tặng ${HONOR_INFO[honor].label}` });
  await maybeComplete(ctx, d.id);
  return { upward: upward!, candidate: copy! };
}

/** Sends the consolidated dossier to the higher authority (the quota is checked again). */
export async function forwardDossier(ctx: CommandContext, id: string, input: { receiverName: string; summary?: string | null | undefined }): Promise<DossierRow> {
  const d = await loadDossier(ctx, id);
  if (d.level !== 'upward') throw conflict('Chỉ hồ sơ tổng hợp của cấp trên trực tiếp mới trình lên cơ quan cấp trên.');
  const cands = await candidatesOf(ctx.tx, d.id);
  if (!cands.length) throw badRequest('Hồ sơ trình cấp trên chưa có đề nghị nào.');
  if (d.movementId) {
    await lockMovement(ctx, d.movementId);
    const byHonor = new Map<Honor, number>();
    for (const c of cands) byHonor.set(c.honor as Honor, (byHonor.get(c.honor as Honor) ?? 0) + 1);
    for (const [h, n] of byHonor) await assertQuota(ctx, d.movementId, h, n, d.id);
  }
  const row = await transition(ctx, d, 'forward', { receiverName: input.receiverName.trim(), summary: input.summary?.trim() || d.summary, forwardedAt: now(), forwardedBy: ctx.actor.accountId, submittedAt: now(), firstSubmittedAt: d.firstSubmittedAt ?? now() });
  await ctx.audit({ action: 'dossier.forwarded', entityType: 'dossier', entityId: id, unitId: d.unitId, summary: `Trình ${input.receiverName} hồ sơ "${d.title}" (${cands.length} đề nghị)` });
  return row;
}

/** A unit-level dossier is complete once every candidate has an outcome. */
export async function maybeComplete(ctx: CommandContext, dossierId: string): Promise<void> {
  const [d] = await ctx.tx.select().from(dossiers).where(eq(dossiers.id, dossierId)).for('update');
  if (!d || d.status !== 'reviewed') return;
  const [pending] = await ctx.tx.select({ n: count() }).from(dossierCandidates).where(and(eq(dossierCandidates.dossierId, dossierId), eq(dossierCandidates.outcome, 'pending')));
  if (Number(pending?.n ?? 0) > 0) return;
  await transition(ctx, d, 'complete', { completedAt: now() });
  await ctx.audit({ action: 'dossier.completed', entityType: 'dossier', entityId: d.id, unitId: d.unitId, summary: `Hồ sơ "${d.title}" đã xử lý xong` });
}

// ------------------------------------------------------------------ deadlines, extensions, calendar

async function visibleMovement(ctx: CommandContext, movementId: string) {
  const [m] = await ctx.tx.select({ movement: movements, path: units.path }).from(movements).innerJoin(units, eq(units.id, movements.unitId)).where(eq(movements.id, movementId));
  if (!m || !m.path.startsWith(ctx.actor.unitPath)) throw notFound('Không tìm thấy phong trào thi đua.');
  return m.movement;
}

/**
 * Sets the date by which units submit their dossiers for a movement: updates the movement's own
 * submission deadline (kind 'unit_submission'), or adds one among its deadlines.
 */
export async function setSubmissionDeadline(ctx: CommandContext, input: { movementId: string; dueDate: string; note?: string | null | undefined }) {
  const m = await visibleMovement(ctx, input.movementId);
  const existing = await movementSubmissionDeadline(ctx.tx, m.id);
  await registerDeadline(ctx.tx, {
    sourceType: 'movement',
    sourceId: m.id,
    key: existing?.key ?? `${MOVEMENT_EXTRA_PREFIX}units_submit`,
    unitId: m.unitId,
    audience: 'units',
    kind: SUBMISSION_DEADLINE_KIND,
    title: existing?.title ?? `Hạn nộp hồ sơ đề nghị khen thưởng — ${m.title}`,
    dueDate: input.dueDate,
    note: input.note?.trim() || existing?.note || 'Quá hạn coi như không có hồ sơ đề nghị.',
    link: `/phong-trao/${m.id}`,
    status: m.status === 'launched' ? 'open' : m.status === 'closed' ? 'done' : 'draft',
  });
  await ctx.audit({ action: 'dossier.deadline_set', entityType: 'movement', entityId: m.id, unitId: m.unitId, summary: `Hạn nộp hồ sơ "${m.title}": ${formatDateVi(input.dueDate)}` });
  return { movementId: m.id, dueDate: input.dueDate };
}

export async function grantExtension(ctx: CommandContext, input: { movementId: string; unitId: string; until: string; reason: string }) {
  const m = await visibleMovement(ctx, input.movementId);
  const u = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
  if (!u) throw notFound('Không tìm thấy đơn vị.');
  if (!input.reason.trim()) throw badRequest('Hãy ghi lý do gia hạn.');
  const { dueDate } = await submissionDeadline(ctx.tx, m.id, u.id);
  if (dueDate && input.until <= dueDate) throw badRequest(`Ngày gia hạn phải sau hạn chung (${formatDateVi(dueDate)}).`);
  const [row] = await ctx.tx.insert(dossierExtensions).values({ movementId: m.id, unitId: u.id, until: input.until, reason: input.reason.trim(), grantedBy: ctx.actor.accountId, grantedAt: now() }).returning();
  await ctx.audit({ action: 'dossier.extension_granted', entityType: 'movement', entityId: m.id, unitId: u.id, summary: `Gia hạn nộp hồ sơ "${m.title}" cho ${u.name} đến ${formatDateVi(input.until)}: ${input.reason.trim()}` });
  return row!;
}

export async function setHoliday(ctx: CommandContext, input: { date: string; name: string; kind: 'holiday' | 'workday' | 'default' }) {
  if (input.kind === 'default') {
    await ctx.tx.delete(publicHolidays).where(eq(publicHolidays.date, input.date));
  } else {
    await ctx.tx.insert(publicHolidays).values({ date: input.date, name: input.name.trim(), kind: input.kind }).onConflictDoUpdate({ target: publicHolidays.date, set: { name: input.name.trim(), kind: input.kind } });
  }
  await ctx.audit({ action: 'calendar.holiday_set', entityType: 'calendar', unitId: ctx.actor.unitId, summary: `${formatDateVi(input.date)}: ${input.kind === 'holiday' ? 'ngày nghỉ' : input.kind === 'workday' ? 'ngày làm bù' : 'theo lịch mặc định'} ${input.name}` });
}

