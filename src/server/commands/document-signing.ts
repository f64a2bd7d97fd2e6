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
import { findVisibleCredential, saveSignedDocument, signaturesWithPersonOf, signedDocumentOf, type CredentialRow } from '../repositories/signing.js';
import { assertCredentialFits, documentSignatureAbilities, SignatureNotAllowed, CredentialNotYours, type SignerSlot } from '../policies/signature.js';
import { isUnitSide } from '../policies/dossier.js';
import { EDITABLE_STATUSES, type DossierStatus } from '../../shared/dossiers.js';
import { COUNCIL_POSITION_LABELS, type CouncilPosition } from '../../shared/codes.js';
import { signerLines } from '../documents/docx/model.js';
import { appearanceFor, isoVn } from '../signing/layout.js';
import { signPdf } from '../signing/sign.js';
import { signerFor } from '../signing/signers.js';
import { logSignature, trustStoreOf } from './signing.js';
import { touch } from './dossiers/common.js';
import { createHash } from 'node:crypto';

export const SIGNABLE_KINDS = ['to_trinh', 'bien_ban_hop_xet', 'bien_ban_kiem_phieu'] as const;
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
  dossier?: DossierRow;
  session?: { row: SessionRow; detail: SessionDetailOf };
}

export type RenderSignable = (tx: Executor, s: Signable, so: string | undefined) => Promise<Buffer>;

const KIND_TITLES: Record<SignableKind, string> = {
  to_trinh: 'Tờ trình',
  bien_ban_hop_xet: 'Biên bản họp xét khen thưởng',
  bien_ban_kiem_phieu: 'Biên bản kiểm phiếu',
};

async function toTrinhOf(tx: Executor, actor: Actor, id: string, lock: boolean): Promise<Signable> {
  const d = lock ? await lockVisibleDossier(tx, actor, id) : await findVisibleDossier(tx, actor, id);
  if (!d) throw notFound('Không tìm thấy hồ sơ.');
  const unit = await unsafeFindUnit(tx, d.unitId);
  const organisation = unit?.name ?? '';
  const head = await unsafeUnitHead(tx, d.unitId);
  const lines = head ? signerLines({ title: head.position, name: head.fullName, agency: organisation }) : null;
  const open = d.level === 'unit' ? EDITABLE_STATUSES.includes(d.status as DossierStatus) : d.status === 'draft';
  return {
    kind: 'to_trinh',
    entityId: d.id,
    unitId: d.unitId,
    title: `Tờ trình — ${d.title}`,
    organisation,
    slots: head
      ? [
          {
            key: 'head',
            personId: head.id,
            name: head.fullName,
            position: lines?.chucVuNguoiKy || lines?.quyenHan || head.position,
            label: 'Thủ trưởng đơn vị',
          },
        ]
      : [],
    seal: true,
    closed: !head
      ? 'Đơn vị chưa có thủ trưởng trong danh sách cán bộ (lãnh đạo, không phải cấp phó): Tờ trình chưa có người ký.'
      : open
        ? null
        : 'Hồ sơ đã nộp: Tờ trình ký khi hồ sơ đang soạn.',
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
    session: { row: s, detail },
  };
}

/** The document in the actor's scope, with its signers; `lock` holds its record while signing (one signature at a time). */
export async function signableOf(tx: Executor, actor: Actor, kind: SignableKind, id: string, lock = false): Promise<Signable> {
  if (kind === 'to_trinh') return toTrinhOf(tx, actor, id, lock);
  return kind === 'bien_ban_hop_xet' ? reviewMinutesOf(tx, actor, id, lock) : countMinutesOf(tx, actor, id, lock);
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
  // The agency's seal on a dossier's Tờ trình is put by the dossier's own side.
  return { ...a, seal: a.seal && (!s.dossier || isUnitSide(actor, s.dossier)) };
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
  }
  const so = input.so?.trim();
  if (so && p.stored) throw badRequest('Văn bản đã có chữ ký: số văn bản lấy ở chữ ký đầu tiên, không đổi được.');
  const base = p.stored?.pdf ?? (await render(ctx.tx, s, so || undefined));
  // The seal goes on the block of the person who signs for the agency (the head, on a Tờ trình).
  const block = slot ?? s.slots[0]!;
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
    entityType: s.dossier ? 'dossier' : 'session',
    entityId: s.entityId,
    unitId: s.unitId,
    summary: `${input.step === 'sign' ? `${block.label} ký số` : 'Cơ quan ký số'} ${s.title}: ${certificate.commonName}, chứng thư số ${certificate.serial} do ${certificate.issuer} cấp, từ địa chỉ ${ctx.actor.ip}`,
    after: { kind, step: input.step, serial: certificate.serial, issuer: certificate.issuer, signedAt: at.toISOString(), ip: ctx.actor.ip },
  });
  // The sealed Tờ trình joins its dossier, to travel with it.
  if (state === 'issued' && s.dossier) {
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
