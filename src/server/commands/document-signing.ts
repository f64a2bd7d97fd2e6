/**
 * Ký số of the documents the product writes besides decisions and certificates: the Tờ trình a unit
 * (or the Sở, upward) sends with its dossier, and the Council's Biên bản họp xét. Each person its
 * signer blocks name signs with their own certificate, in any order; a Tờ trình then takes the
 * agency's certificate (its seal) and the signed PDF joins the dossier as its Tờ trình. The PDF is
 * rendered from the data at the first signature and never re-rendered after it.
 */
import type { CommandContext } from './run.js';
import { badRequest, notFound } from '../errors.js';
import { now } from '../clock.js';
import type { Executor } from '../db/client.js';
import type { Actor } from '../auth/actor.js';
import { findVisibleDossier, insertDocument, lockVisibleDossier, type DossierRow } from '../repositories/dossiers.js';
import { findVisibleSession, sessionDetail, type SessionRow } from '../repositories/council-sessions.js';
import { unsafeUnitHead } from '../repositories/document-parties.js';
import { unsafeFindUnit } from '../repositories/units.js';
import {
  findVisibleCredential,
  saveSignedDocument,
  unitPathOf,
  signaturesWithPersonOf,
  signedDocumentOf,
  type CredentialRow,
} from '../repositories/signing.js';
import { assertCredentialFits, documentSignatureAbilities, sealsFor, SignatureNotAllowed, CredentialNotYours, type SignerSlot } from '../policies/signature.js';
import { isUnitSide } from '../policies/dossier.js';
import { EDITABLE_STATUSES, type DossierStatus } from '../../shared/dossiers.js';
import { COUNCIL_POSITION_LABELS, type CouncilPosition } from '../../shared/codes.js';
import { signerLines } from '../documents/docx/model.js';
import { appearanceFor, isoVn } from '../signing/layout.js';
import { signPdf } from '../signing/sign.js';
import { signerFor } from '../signing/signers.js';
import { logSignature, trustStoreOf } from './signing.js';
import { touch } from './dossiers/common.js';
import { attachSignedReport, loadReport, type ReportView } from './achievement-reports.js';
import { findReadablePlan, unsafeUnitNameAndPath, type PlanRow } from '../repositories/plans.js';
import { listVisibleCandidates } from '../repositories/candidates.js';
import { findReadableMovement, type MovementRow } from '../repositories/movements.js';
import { unsafeParentOf } from '../repositories/achievement-reports.js';
import { ownsRecord } from '../policies/plan.js';
import { findVisibleReport, type ReportListRow } from '../repositories/reports.js';
import { isReportingSide, reportEditable } from '../policies/report.js';
import { reportFactsOf } from './reports.js';
import { normalizeName } from '../../shared/vietnamese.js';
import { createHash } from 'node:crypto';

export const SIGNABLE_KINDS = [
  'to_trinh',
  'bien_ban_hop_xet',
  'bien_ban_kiem_phieu',
  'ke_hoach',
  'ke_hoach_phong_trao',
  'bao_cao_thanh_tich',
  'bao_cao',
] as const;
export type SignableKind = (typeof SIGNABLE_KINDS)[number];
/** The session's two Biên bản: once either carries a signature, the secretary's record is no longer edited. */
export const MINUTES_KINDS = ['bien_ban_hop_xet', 'bien_ban_kiem_phieu'] as const satisfies readonly SignableKind[];
export type DocumentSignState = 'unsigned' | 'partial' | 'signed' | 'issued';

export interface Slot extends SignerSlot {
  /** What the block says above the gap ("THƯ KÝ", "GIÁM ĐỐC"). */
  position: string;
  name: string;
  label: string;
}

/** What the document is, who signs it, whether it takes a seal, and whether it may still be signed. */
export interface Signable {
  kind: SignableKind;
  entityId: string;
  unitId: string;
  title: string;
  organisation: string;
  slots: Slot[];
  seal: boolean;
  /** Why it may not be signed now (null: it may). */
  closed: string | null;
  /** The slot whose block takes the agency's seal (default: the first). */
  sealOn?: string;
  /** Who may put the agency's seal besides the role's grant (the issuing unit's side); undefined: anyone granted. */
  sealBy?: (actor: Actor) => boolean;
  /** The record the audit entry is about. */
  auditType: 'dossier' | 'session' | 'plan' | 'movement' | 'report';
  dossier?: DossierRow;
  session?: { row: SessionRow; detail: SessionDetailOf };
  plan?: PlanRow;
  movement?: MovementRow;
  report?: ReportView;
  /** A unit's Báo cáo sơ kết / tổng kết in a report request. */
  unitReport?: ReportListRow;
}

export type RenderSignable = (tx: Executor, s: Signable, so: string | undefined) => Promise<Buffer>;

const KIND_TITLES: Record<SignableKind, string> = {
  to_trinh: 'Tờ trình',
  bien_ban_hop_xet: 'Biên bản họp xét khen thưởng',
  bien_ban_kiem_phieu: 'Biên bản kiểm phiếu',
  ke_hoach: 'Kế hoạch',
  ke_hoach_phong_trao: 'Kế hoạch phong trào',
  bao_cao_thanh_tich: 'Báo cáo thành tích',
  bao_cao: 'Báo cáo',
};

/** A unit-level dossier is open while the unit edits it; an upward one while it is drafted. */
const dossierOpen = (d: DossierRow) => (d.level === 'unit' ? EDITABLE_STATUSES.includes(d.status as DossierStatus) : d.status === 'draft');

async function toTrinhOf(tx: Executor, actor: Actor, id: string, lock: boolean): Promise<Signable> {
  const d = lock ? await lockVisibleDossier(tx, actor, id) : await findVisibleDossier(tx, actor, id);
  if (!d) throw notFound('Không tìm thấy hồ sơ.');
  const unit = await unsafeFindUnit(tx, d.unitId);
  const organisation = unit?.name ?? '';
  const head = await unsafeUnitHead(tx, d.unitId);
  const open = dossierOpen(d);
  return {
    kind: 'to_trinh',
    entityId: d.id,
    unitId: d.unitId,
    title: `Tờ trình — ${d.title}`,
    organisation,
    slots: head ? [headSlot(head, organisation, 'Thủ trưởng đơn vị')] : [],
    seal: true,
    closed: !head
      ? 'Đơn vị chưa có thủ trưởng trong danh sách cán bộ (lãnh đạo, không phải cấp phó): Tờ trình chưa có người ký.'
      : open
        ? null
        : 'Hồ sơ đã nộp: Tờ trình ký khi hồ sơ đang soạn.',
    sealBy: (actor) => isUnitSide(actor, d),
    auditType: 'dossier',
    dossier: d,
  };
}

/** "Chủ trì (Chủ tịch)", but "Thư ký" alone when the council position says the same. */
const positionSuffix = (label: string, position: string) =>
  position.toLocaleLowerCase('vi') === label.toLocaleLowerCase('vi') ? label : `${label} (${position})`;

async function sessionOf(tx: Executor, actor: Actor, id: string, lock: boolean) {
  const s = await findVisibleSession(tx, actor, id, lock);
  if (!s) throw notFound('Không tìm thấy phiên họp.');
  return { s, detail: await sessionDetail(tx, s, actor) };
}

type SessionDetailOf = Awaited<ReturnType<typeof sessionDetail>>;
type AttendanceRow = SessionDetailOf['attendance'][number];

const slotOf = (key: string, a: AttendanceRow, label: string, position: string): Slot => ({
  key,
  personId: a.personId,
  name: a.fullName,
  position,
  label,
});

const notClosed = 'Phiên họp chưa kết thúc: Biên bản ký khi đã kiểm phiếu và kết thúc phiên họp.';

async function reviewMinutesOf(tx: Executor, actor: Actor, id: string, lock: boolean): Promise<Signable> {
  const { s, detail } = await sessionOf(tx, actor, id, lock);
  const member = (memberId: string | null) => detail.attendance.find((a) => a.memberId === memberId);
  const chair = member(s.chairMemberId);
  const secretary = member(s.secretaryMemberId);
  const slot = (key: string, a: AttendanceRow | undefined, label: string, position: string): Slot[] =>
    a ? [slotOf(key, a, positionSuffix(label, COUNCIL_POSITION_LABELS[a.position as CouncilPosition] ?? a.position), position)] : [];
  return {
    kind: 'bien_ban_hop_xet',
    entityId: s.id,
    unitId: s.unitId,
    title: `Biên bản họp xét — ${s.title}`,
    organisation: detail.council.name,
    slots: [...slot('secretary', secretary, 'Thư ký', 'THƯ KÝ'), ...slot('chair', chair, 'Chủ trì', 'CHỦ TRÌ')],
    seal: false,
    closed:
      s.status !== 'closed'
        ? notClosed
        : !s.minutesRecordedAt || !chair || !secretary
          ? 'Thư ký chưa ghi biên bản (người chủ trì, thư ký): chưa ký được.'
          : null,
    auditType: 'session',
    session: { row: s, detail },
  };
}

/** The Biên bản kiểm phiếu is signed by the Ban kiểm phiếu the session elected: its head, then (any order) its members. */
async function countMinutesOf(tx: Executor, actor: Actor, id: string, lock: boolean): Promise<Signable> {
  const { s, detail } = await sessionOf(tx, actor, id, lock);
  const board = (s.countingBoard ?? []).map((memberId) => detail.attendance.find((a) => a.memberId === memberId)).filter((a) => a !== undefined);
  return {
    kind: 'bien_ban_kiem_phieu',
    entityId: s.id,
    unitId: s.unitId,
    title: `Biên bản kiểm phiếu — ${s.title}`,
    organisation: detail.council.name,
    slots: board.map((a, i) =>
      i === 0
        ? slotOf(`board:${a.memberId}`, a, 'Trưởng Ban kiểm phiếu', 'TRƯỞNG BAN\nKIỂM PHIẾU')
        : slotOf(`board:${a.memberId}`, a, 'Thành viên Ban kiểm phiếu', 'CÁC THÀNH VIÊN\nBAN KIỂM PHIẾU'),
    ),
    seal: false,
    closed:
      s.status !== 'closed' ? notClosed : !s.minutesRecordedAt || board.length === 0 ? 'Thư ký chưa ghi Ban kiểm phiếu do Hội đồng bầu: chưa ký được.' : null,
    auditType: 'session',
    session: { row: s, detail },
  };
}

const sameName = (a: string, b: string) => normalizeName(a).toLocaleLowerCase('vi') === normalizeName(b).toLocaleLowerCase('vi');

/** The head's slot: their position as the signer block prints it (KT./Q. lines from `signerLines`). */
function headSlot(head: { id: string; fullName: string; position: string }, agency: string, label: string, position?: string): Slot {
  const lines = signerLines({ title: head.position, name: head.fullName, agency });
  return { key: 'head', personId: head.id, name: head.fullName, position: position ?? (lines.chucVuNguoiKy || lines.quyenHan || head.position), label };
}

/**
 * The Kế hoạch of a plan or of a movement: signed by the head of the issuing unit, then sealed by
 * that unit — a plan's while drafted or once published (signed after the fact, as a decision may
 * be), a movement's until it is closed. The typed signer, when given, must be that head: the
 * signature goes on the block that prints their name.
 */
async function issuedPlanOf(
  tx: Executor,
  kind: 'ke_hoach' | 'ke_hoach_phong_trao',
  r: { id: string; unitId: string; title: string; signerName: string | null },
  closed: string | null,
): Promise<Signable> {
  const unit = await unsafeUnitNameAndPath(tx, r.unitId);
  const organisation = unit.name ?? '';
  const head = await unsafeUnitHead(tx, r.unitId);
  const typed = r.signerName?.trim();
  const what = KIND_TITLES[kind];
  return {
    kind,
    entityId: r.id,
    unitId: r.unitId,
    title: `${what} — ${r.title}`,
    organisation,
    slots: head ? [headSlot(head, organisation, 'Thủ trưởng đơn vị ban hành')] : [],
    seal: true,
    closed: !head
      ? `Đơn vị ban hành chưa có thủ trưởng trong danh sách cán bộ (lãnh đạo, không phải cấp phó): ${what} chưa có người ký.`
      : typed && !sameName(typed, head.fullName)
        ? `${what} ghi người ký là ${typed}, không phải thủ trưởng đơn vị (${head.fullName}): sửa phần người ký (hoặc để trống) rồi ký số.`
        : closed,
    sealBy: (a) => ownsRecord(a, unit.path),
    auditType: kind === 'ke_hoach' ? 'plan' : 'movement',
  };
}

async function keHoachOf(tx: Executor, actor: Actor, id: string, lock: boolean): Promise<Signable> {
  const p = await findReadablePlan(tx, actor, id, { lock });
  if (!p) throw notFound('Không tìm thấy kế hoạch.');
  return { ...(await issuedPlanOf(tx, 'ke_hoach', p, null)), plan: p };
}

async function movementPlanOf(tx: Executor, actor: Actor, id: string, lock: boolean): Promise<Signable> {
  const m = await findReadableMovement(tx, actor, id, { lock });
  if (!m) throw notFound('Không tìm thấy phong trào.');
  const closed = m.status === 'closed' ? 'Phong trào đã kết thúc: Kế hoạch phong trào ký khi đang soạn hoặc đã phát động.' : null;
  return { ...(await issuedPlanOf(tx, 'ke_hoach_phong_trao', m, closed)), movement: m };
}

/**
 * The Báo cáo thành tích of a dossier's candidate (id: the candidate), as the regime's form lays
 * out its signer blocks: a person's report by the person (when they are on the staff list) and by
 * the head of the unit who confirms it (Ký, đóng dấu); a collective's by the head of the collective
 * (Ký, đóng dấu). Signable while the unit may edit the dossier, once the report has been saved.
 */
async function reportOf(tx: Executor, actor: Actor, id: string, lock: boolean): Promise<Signable> {
  const [found] = await listVisibleCandidates(tx, actor, [id]);
  if (!found) throw notFound('Không tìm thấy người/tập thể trong hồ sơ.');
  if (lock) await lockVisibleDossier(tx, actor, found.dossier.id);
  const v = await loadReport(tx, actor, found.dossier.id, id);
  const { dossier: d, candidate: c, content } = v;
  const collective = v.form === 'collective';
  const unitId = collective ? (c.subjectUnitId ?? d.unitId) : d.unitId;
  let head = await unsafeUnitHead(tx, unitId);
  // A head's own report is confirmed by the head above.
  if (head && !collective && head.id === c.personId) {
    const parentId = await unsafeParentOf(tx, unitId);
    head = parentId ? await unsafeUnitHead(tx, parentId) : undefined;
  }
  const organisation = (await unsafeFindUnit(tx, d.unitId))?.name ?? '';
  const reporter: Slot[] =
    !collective && c.personId
      ? [{ key: 'reporter', personId: c.personId, name: content.hoTen, position: 'NGƯỜI BÁO CÁO THÀNH TÍCH', label: 'Người báo cáo thành tích' }]
      : [];
  const confirm = head
    ? [
        {
          ...headSlot(
            head,
            organisation,
            collective ? 'Thủ trưởng đơn vị' : 'Thủ trưởng đơn vị xác nhận, đề nghị',
            collective ? 'THỦ TRƯỞNG ĐƠN VỊ' : 'THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ',
          ),
          name: content.thuTruong,
        },
      ]
    : [];
  const closed = !v.row
    ? 'Hãy lưu báo cáo thành tích trước khi ký số: văn bản ký là nội dung đã lưu.'
    : !dossierOpen(d)
      ? 'Hồ sơ đã nộp: Báo cáo thành tích ký khi đơn vị còn sửa được hồ sơ.'
      : !head
        ? 'Đơn vị chưa có thủ trưởng trong danh sách cán bộ (lãnh đạo, không phải cấp phó): Báo cáo thành tích chưa có người xác nhận.'
        : !sameName(content.thuTruong, head.fullName)
          ? `Báo cáo ghi thủ trưởng là "${content.thuTruong}", không phải ${head.fullName} trong danh sách cán bộ: sửa tên thủ trưởng trong báo cáo, lưu rồi ký số.`
          : reporter.length && !sameName(content.hoTen, c.displayName)
            ? `Báo cáo ghi họ tên "${content.hoTen}", khác ${c.displayName} trong hồ sơ: sửa họ tên, lưu rồi ký số.`
            : null;
  return {
    kind: 'bao_cao_thanh_tich',
    entityId: c.id,
    unitId: d.unitId,
    title: `Báo cáo thành tích — ${c.displayName}`,
    organisation,
    slots: [...confirm, ...reporter],
    seal: true,
    sealOn: 'head',
    closed,
    sealBy: (a) => isUnitSide(a, d),
    auditType: 'dossier',
    dossier: d,
    report: v,
  };
}

/**
 * A unit's Báo cáo sơ kết / tổng kết (id: the report): signed by the head of the reporting unit,
 * then sealed by that unit, while the unit may still edit and send it (draft or returned). From the
 * first signature its content is frozen for good, a return included (docs/decisions.md).
 */
async function unitReportOf(tx: Executor, actor: Actor, id: string, lock: boolean): Promise<Signable> {
  const r = await findVisibleReport(tx, actor, id, lock);
  if (!r) throw notFound('Không tìm thấy báo cáo.');
  const organisation = r.unitName;
  const head = await unsafeUnitHead(tx, r.report.unitId);
  const requester = await unsafeUnitNameAndPath(tx, r.request.unitId);
  const facts = reportFactsOf(r, requester.path);
  return {
    kind: 'bao_cao',
    entityId: r.report.id,
    unitId: r.report.unitId,
    title: `Báo cáo — ${r.request.title} — ${organisation}`,
    organisation,
    slots: head ? [headSlot(head, organisation, 'Thủ trưởng đơn vị báo cáo')] : [],
    seal: true,
    closed: !head
      ? 'Đơn vị báo cáo chưa có thủ trưởng trong danh sách cán bộ (lãnh đạo, không phải cấp phó): Báo cáo chưa có người ký.'
      : reportEditable(r.report.status)
        ? null
        : 'Báo cáo đã gửi: Báo cáo ký số khi đơn vị còn sửa, gửi được (chưa gửi hoặc bị trả lại).',
    sealBy: (a) => isReportingSide(a, facts),
    auditType: 'report',
    unitReport: r,
  };
}

/** The document in the actor's scope, with its signers; `lock` holds its record while signing (one signature at a time). */
export async function signableOf(tx: Executor, actor: Actor, kind: SignableKind, id: string, lock = false): Promise<Signable> {
  switch (kind) {
    case 'to_trinh':
      return toTrinhOf(tx, actor, id, lock);
    case 'bien_ban_hop_xet':
      return reviewMinutesOf(tx, actor, id, lock);
    case 'bien_ban_kiem_phieu':
      return countMinutesOf(tx, actor, id, lock);
    case 'ke_hoach':
      return keHoachOf(tx, actor, id, lock);
    case 'ke_hoach_phong_trao':
      return movementPlanOf(tx, actor, id, lock);
    case 'bao_cao_thanh_tich':
      return reportOf(tx, actor, id, lock);
    case 'bao_cao':
      return unitReportOf(tx, actor, id, lock);
  }
}

/** How far it is signed: which slots carry their person's signature, and the seal. */
export async function signProgress(tx: Executor, s: Signable) {
  const stored = await signedDocumentOf(tx, s.kind, s.entityId);
  const signatures = stored ? await signaturesWithPersonOf(tx, stored.id) : [];
  const bySlot = new Map<string, (typeof signatures)[number]>();
  for (const sig of signatures) {
    if (sig.type !== 'approve') continue;
    const slot = s.slots.find((x) => x.personId !== null && x.personId === sig.personId && !bySlot.has(x.key));
    if (slot) bySlot.set(slot.key, sig);
  }
  const sealSig = signatures.find((x) => x.type === 'issue') ?? null;
  return { stored, signatures, bySlot, sealSig, state: (stored?.state ?? 'unsigned') as DocumentSignState };
}

export function abilitiesOf(actor: Actor, s: Signable, p: Awaited<ReturnType<typeof signProgress>>) {
  const a = documentSignatureAbilities(actor, { open: s.closed === null, slots: s.slots, seal: s.seal }, new Set(p.bySlot.keys()), p.sealSig !== null);
  // The agency's seal is put by the document's own side (the dossier's unit, the plan's issuing unit).
  return { ...a, seal: a.seal && (!s.sealBy || s.sealBy(actor)) };
}

function stateAfter(s: Signable, signedSlots: number, sealed: boolean): DocumentSignState {
  if (sealed) return 'issued';
  return signedSlots >= s.slots.length ? 'signed' : 'partial';
}

/**
 * One signature: `sign` by a person the document names (their own certificate), or `seal` by the
 * agency once every person has signed. The number (số) is taken at the first signature.
 */
export async function signGeneratedDocument(
  ctx: CommandContext,
  kind: SignableKind,
  id: string,
  input: { step: 'sign' | 'seal'; credentialId: string; so?: string | undefined },
  render: RenderSignable,
): Promise<void> {
  const at = now();
  const s = await signableOf(ctx.tx, ctx.actor, kind, id, true);
  if (s.closed) throw new SignatureNotAllowed(s.closed);
  const p = await signProgress(ctx.tx, s);
  const may = abilitiesOf(ctx.actor, s, p);
  const credential: CredentialRow | undefined = await findVisibleCredential(ctx.tx, ctx.actor, input.credentialId);
  if (!credential) throw notFound('Không tìm thấy chứng thư số.');
  let slot: Slot | undefined;
  if (input.step === 'sign') {
    slot = s.slots.find((x) => may.sign.includes(x.key));
    if (!slot) {
      const mine = s.slots.find((x) => x.personId !== null && x.personId === ctx.actor.personId);
      throw mine
        ? new SignatureNotAllowed(`${mine.label} đã ký số ${KIND_TITLES[kind]} này.`)
        : new CredentialNotYours(`Chỉ người có tên ở phần chữ ký của ${KIND_TITLES[kind]} (${s.slots.map((x) => x.name).join(', ')}) ký số được.`);
    }
    assertCredentialFits(ctx.actor, credential, 'approve');
  } else {
    if (!s.seal) throw new SignatureNotAllowed(`${KIND_TITLES[kind]} không đóng dấu của cơ quan.`);
    if (p.sealSig) throw new SignatureNotAllowed(`${KIND_TITLES[kind]} đã được ký số của cơ quan.`);
    if (s.slots.some((x) => !p.bySlot.has(x.key))) throw new SignatureNotAllowed('Người ký cần ký số trước khi ký số của cơ quan.');
    if (!may.seal) throw new CredentialNotYours('Bạn không có quyền ký số của cơ quan cho văn bản này.');
    assertCredentialFits(ctx.actor, credential, 'issue');
    if (sealsFor(await unitPathOf(ctx.tx, s.unitId), [credential]).length === 0)
      throw new SignatureNotAllowed(`Chứng thư số này là của cơ quan khác: ${KIND_TITLES[kind]} đóng dấu của ${s.organisation}.`);
  }
  const so = input.so?.trim();
  if (so && p.stored) throw badRequest('Văn bản đã có chữ ký: số văn bản lấy ở chữ ký đầu tiên, không đổi được.');
  const base = p.stored?.pdf ?? (await render(ctx.tx, s, so || undefined));
  // The seal goes on the block of the person who signs for the agency (the head).
  const block = slot ?? s.slots.find((x) => x.key === s.sealOn) ?? s.slots[0]!;
  const look = await appearanceFor(base, {
    type: input.step === 'sign' ? 'approve' : 'issue',
    signerName: block.name,
    signerTitle: block.position,
    image: credential.image,
    sealMm: credential.sealMm ?? 36,
    lines: input.step === 'seal' ? [credential.organisation ?? s.organisation, isoVn(at)] : [],
  });
  const { signer, via } = signerFor(credential, s.title);
  const { pdf, certificate } = await signPdf(
    base,
    {
      ...look,
      fieldName: input.step === 'sign' ? `${block.label}: ${block.name}` : `Cơ quan: ${s.organisation}`,
      name: credential.commonName,
      reason: input.step === 'sign' ? `Ký ${KIND_TITLES[kind]}` : `Phát hành ${KIND_TITLES[kind]}`,
      location: s.organisation,
    },
    signer,
    await trustStoreOf(ctx.tx, s.unitId),
    at,
  );
  const state = stateAfter(s, p.bySlot.size + (slot ? 1 : 0), input.step === 'seal');
  const doc = await saveSignedDocument(ctx.tx, { entityType: kind, entityId: s.entityId, unitId: s.unitId, state, pdf, updatedAt: at });
  await logSignature(ctx, doc.id, input.step === 'sign' ? 'approve' : 'issue', via, credential.id, certificate, at);
  await ctx.audit({
    action: 'document.signed',
    entityType: s.auditType,
    entityId: s.dossier?.id ?? s.entityId,
    unitId: s.unitId,
    summary: `${input.step === 'sign' ? `${block.label} ký số` : 'Cơ quan ký số'} ${s.title}: ${certificate.commonName}, chứng thư số ${certificate.serial} do ${certificate.issuer} cấp, từ địa chỉ ${ctx.actor.ip}`,
    after: { kind, step: input.step, serial: certificate.serial, issuer: certificate.issuer, signedAt: at.toISOString(), ip: ctx.actor.ip },
  });
  // The sealed Báo cáo thành tích becomes the candidate's report in the dossier.
  if (state === 'issued' && s.report) await attachSignedReport(ctx, s.report, pdf);
  // The sealed Tờ trình joins its dossier, to travel with it.
  if (state === 'issued' && s.kind === 'to_trinh' && s.dossier) {
    await insertDocument(ctx.tx, {
      dossierId: s.dossier.id,
      candidateId: null,
      kind: 'to_trinh',
      title: 'Tờ trình (đã ký số)',
      content: null,
      voteResult: null,
      createdBy: ctx.actor.accountId,
      fileName: `To-trinh-ky-so.pdf`,
      mimeType: 'application/pdf',
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      data: pdf,
    });
    await touch(ctx, s.dossier);
  }
}

/** The signed PDF, for whoever reaches the document. */
export async function signedPdfOfDocument(tx: Executor, actor: Actor, kind: SignableKind, id: string): Promise<Buffer> {
  const s = await signableOf(tx, actor, kind, id);
  const stored = await signedDocumentOf(tx, kind, s.entityId);
  if (!stored) throw notFound('Văn bản chưa được ký số.');
  return stored.pdf;
}
