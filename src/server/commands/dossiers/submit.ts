/** The unit's transitions: submitting (with its checks and a stored version) and withdrawing. */
import { createHash } from 'node:crypto';
import type { CommandContext } from '../run.js';
import {
  candidatesOf,
  documentsOf,
  findDuplicateNomination,
  insertDossierVersion,
  latestVersion,
  submissionDeadline,
  type DossierRow,
} from '../../repositories/dossiers.js';
import { resetHonorsToProposals } from '../../repositories/candidates.js';
import { now, todayVn } from '../../clock.js';
import { checklistRequirements } from '../../rules/index.js';
import { governingPackOfUnit } from '../../records/eligibility.js';
import { checklistFor, nextStatus, regimeDateOf, type DocumentKind, type DossierStatus } from '../../../shared/dossiers.js';
import { HONOR_INFO, type CommendationType, type Honor } from '../../../shared/codes.js';
import { formatDateVi } from '../../../shared/format-vi.js';
import { releaseDossierClaims } from '../initiative-claims.js';
import { inTurn } from '../../db/in-turn.js';
import { DeadlinePassed, WindowNotOpen, DossierIncomplete, DossierNotSubmittable, DuplicateNomination } from './errors.js';
import { assertUnitSide, assertVersion, loadDossier, statusLabel, transition } from './common.js';
import { notify } from '../notify.js';

interface Snapshot {
  title: string;
  summary: string | null;
  candidates: { id: string; name: string; honor: string; achievement: string | null }[];
  documents: { id: string; kind: string; candidateId: string | null; title: string; fileName: string | null; fingerprint: string }[];
}

async function snapshotOf(ctx: CommandContext, d: DossierRow): Promise<Snapshot> {
  const [cands, docs] = await inTurn(
    () => candidatesOf(ctx.tx, d.id),
    () => documentsOf(ctx.tx, d.id),
  );
  return {
    title: d.title,
    summary: d.summary,
    candidates: cands.map((c) => ({ id: c.id, name: c.displayName, honor: c.proposedHonor, achievement: c.achievement })),
    documents: docs.map((x) => ({
      id: x.id,
      kind: x.kind,
      candidateId: x.candidateId,
      title: x.title,
      fileName: x.fileName,
      fingerprint:
        x.sha256 ??
        createHash('sha256')
          .update(`${x.content ?? ''}|${x.voteResult ?? ''}`)
          .digest('hex'),
    })),
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
  for (const x of next.documents)
    if (!prev.documents.some((p) => p.fingerprint === x.fingerprint && p.kind === x.kind && p.candidateId === x.candidateId))
      out.push(`Thêm/thay tài liệu "${x.title}"${x.fileName ? ` (${x.fileName})` : ''}`);
  for (const p of prev.documents) if (!next.documents.some((x) => x.id === p.id)) out.push(`Bỏ tài liệu "${p.title}"`);
  return out.length ? out : ['Nộp lại, không thay đổi nội dung'];
}

export async function submitDossier(ctx: CommandContext, id: string, version?: number): Promise<DossierRow> {
  const d = await loadDossier(ctx, id);
  assertUnitSide(ctx.actor, d);
  if (d.level !== 'unit') throw new DossierNotSubmittable('Hồ sơ trình cấp trên dùng chức năng "Trình cấp trên".');
  if (!nextStatus(d.status as DossierStatus, 'submit'))
    throw new DossierNotSubmittable(`Không thể "nộp hồ sơ" khi hồ sơ đang ở trạng thái "${statusLabel(d.status)}".`);
  assertVersion(d, version);
  const [cands, docs] = await inTurn(
    () => candidatesOf(ctx.tx, d.id),
    () => documentsOf(ctx.tx, d.id),
  );
  // The required documents of the pack governing the dossier's unit on its regime date (agency overrides included).
  const pack = await governingPackOfUnit(ctx.tx, d.unitId, regimeDateOf(d, todayVn()));
  const checklist = checklistFor(
    d.type as CommendationType,
    cands.map((c) => ({ id: c.id, displayName: c.displayName, honor: c.proposedHonor as Honor })),
    docs.map((x) => ({ kind: x.kind as DocumentKind, candidateId: x.candidateId })),
    checklistRequirements(pack),
  );
  if (!checklist.complete)
    throw new DossierIncomplete(`Hồ sơ chưa đủ thành phần, chưa nộp được. Còn thiếu: ${checklist.missing.join('; ')}.`, { missing: checklist.missing });

  // Seed 001: "Quá thời hạn trên … coi như không có hồ sơ đề nghị" — unless the Office granted an extension.
  // A dossier the Office returned for completion is not late when it comes back.
  let extensionId: string | null = d.extensionId;
  if (d.movementId && d.status !== 'returned') {
    // Per-honor deadlines: the dossier is bound by the deadlines of the honors it proposes.
    const { dueDate, startDate, title, extension } = await submissionDeadline(
      ctx.tx,
      d.movementId,
      d.unitId,
      cands.map((c) => c.proposedHonor),
    );
    const today = todayVn();
    if (startDate && today < startDate)
      throw new WindowNotOpen(
        `Chưa đến thời gian nộp hồ sơ: "${title ?? 'Hạn nộp hồ sơ'}" từ ngày ${formatDateVi(startDate)} đến hết ngày ${formatDateVi(dueDate ?? startDate)}.`,
      );
    if (dueDate && today > dueDate) {
      if (!extension || today > extension.until) {
        throw new DeadlinePassed(
          `Đã quá hạn nộp hồ sơ (hạn ${formatDateVi(dueDate)}${extension ? `, gia hạn đến ${formatDateVi(extension.until)}` : ''}). Quá hạn coi như không có hồ sơ đề nghị; nếu có lý do chính đáng, đề nghị Văn phòng gia hạn cho đơn vị.`,
        );
      }
      extensionId = extension.id;
    }
  }

  const dup = await findDuplicateNomination(ctx.tx, d);
  if (dup) throw new DuplicateNomination(`${dup.displayName} đã được đề nghị cùng hình thức, cùng năm trong một hồ sơ khác đang xử lý ("${dup.title}").`);

  const snap = await snapshotOf(ctx, d);
  const prev = await latestVersion(ctx.tx, d.id);
  const changes = diffSnapshots((prev?.snapshot as Snapshot | undefined) ?? null, snap);
  const revision = d.revision + 1;
  const at = now();
  await insertDossierVersion(ctx.tx, { dossierId: d.id, revision, snapshot: snap, changes, createdBy: ctx.actor.accountId, createdAt: at });
  const row = await transition(ctx, d, 'submit', {
    revision,
    submittedAt: at,
    submittedBy: ctx.actor.accountId,
    firstSubmittedAt: d.firstSubmittedAt ?? at,
    extensionId,
  });
  // Candidates start over from their proposals on every submission.
  await resetHonorsToProposals(ctx.tx, d.id);
  await ctx.audit({
    action: 'dossier.submitted',
    entityType: 'dossier',
    entityId: d.id,
    unitId: d.unitId,
    summary: `Nộp hồ sơ "${d.title}" (lần ${revision}, ${cands.length} đề nghị)${extensionId ? ' theo gia hạn' : ''}`,
    after: { revision, changes },
  });
  if (d.receiverUnitId)
    await notify(
      ctx,
      { officeOf: [d.receiverUnitId] },
      {
        key: `dossier.submitted:${d.id}:${revision}`,
        title: `Hồ sơ mới chờ tiếp nhận: "${d.title}"`,
        body: `${revision > 1 ? `Đơn vị nộp lại hồ sơ "${d.title}" (lần ${revision})` : `Đơn vị nộp hồ sơ "${d.title}"`} với ${cands.length} đề nghị. Hãy tiếp nhận hoặc trả lại kèm lý do.`,
        link: `/ho-so/${d.id}`,
      },
    );
  return row;
}

export async function withdrawDossier(ctx: CommandContext, id: string): Promise<DossierRow> {
  const d = await loadDossier(ctx, id);
  assertUnitSide(ctx.actor, d);
  const row = await transition(ctx, d, 'withdraw', { withdrawnAt: now(), withdrawnBy: ctx.actor.accountId });
  await releaseDossierClaims(ctx, d, 'withdrawn');
  await ctx.audit({
    action: 'dossier.withdrawn',
    entityType: 'dossier',
    entityId: id,
    unitId: d.unitId,
    summary: `Rút hồ sơ "${d.title}" trước khi được tiếp nhận`,
  });
  return row;
}
