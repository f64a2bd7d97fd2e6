/** Forwarding upward: council-approved candidates go into the parent level's consolidated dossier, which is sent to a higher authority. */
import type { CommandContext } from '../run.js';
import {
  candidatesOf,
  documentsOf,
  insertDocument,
  bumpDossierVersion,
  insertDossier,
  lockMovement,
  lockUpwardDraft,
  movementOffer,
  quotaUse,
  unsafeFindMovement,
  unsafeLockDossier,
  type CandidateRow,
  type DossierRow,
} from '../../repositories/dossiers.js';
import { countPendingCandidates, findCandidateOf, insertCandidate, updateCandidateRow } from '../../repositories/candidates.js';
import { mayForwardCandidate } from '../../policies/dossier.js';
import { badRequest, notFound } from '../../errors.js';
import { now } from '../../clock.js';
import { honorAllowsSubject } from '../../../shared/dossiers.js';
import { HONOR_INFO, SUBJECT_KIND_LABELS, type Honor, type SubjectKind } from '../../../shared/codes.js';
import { CandidateNotForwardable, DossierIncomplete, DossierTransitionRefused, DuplicateNomination, QuotaExceeded } from './errors.js';
import { todayVn } from '../../clock.js';
import { governingPackOfUnit } from '../../records/eligibility.js';
import { checklistRequirements } from '../../rules/index.js';
import { checklistFor, regimeDateOf, type DocumentKind } from '../../../shared/dossiers.js';
import type { CommendationType } from '../../../shared/codes.js';
import { assertOfficeSide, loadDossier, statusLabel, transition } from './common.js';
import { NoticeNotDone, noticeShortfall } from '../notices.js';

async function assertQuota(ctx: CommandContext, movementId: string | null, honor: Honor, adding: number, exceptUpwardId?: string) {
  if (!movementId) return;
  const offer = await movementOffer(ctx.tx, movementId, honor);
  if (!offer || offer.quota === null) return;
  const used = await quotaUse(ctx.tx, movementId, honor, exceptUpwardId);
  if (used.length + adding > offer.quota) {
    throw new QuotaExceeded(
      `Vượt chỉ tiêu: phong trào chỉ cho phép đề nghị ${String(offer.quota).padStart(2, '0')} ${HONOR_INFO[honor].label}${offer.quotaNote ? ` (${offer.quotaNote})` : ''}; đã đề nghị: ${used.join(', ') || 'không'}.`,
    );
  }
}

/** Why a candidate may not be forwarded, in Vietnamese (the policy says whether; this says why). */
function forwardRefusal(d: DossierRow, c: CandidateRow): string {
  if (d.status !== 'reviewed') return `Chỉ trình cấp trên các đề nghị đã qua Hội đồng (hồ sơ đang "${statusLabel(d.status)}").`;
  if (c.outcome !== 'pending')
    return `${c.displayName} đã được xử lý (${c.outcome === 'awarded' ? 'đã khen thưởng' : c.outcome === 'forwarded' ? 'đã trình cấp trên' : 'không khen thưởng'}).`;
  if (c.councilResult === 'failed') return `${c.displayName} không đạt tỷ lệ phiếu của Hội đồng, không trình cấp trên được.`;
  return `${c.displayName} chưa được Hội đồng xét đạt, không trình cấp trên được.`;
}

/** Puts a council-approved candidate into the parent level's consolidated dossier for a higher authority. */
export async function forwardCandidate(
  ctx: CommandContext,
  dossierId: string,
  candidateId: string,
  input: { honor?: Honor | undefined },
): Promise<{ upward: DossierRow; candidate: CandidateRow }> {
  const d = await loadDossier(ctx, dossierId);
  assertOfficeSide(ctx.actor, d);
  if (d.status !== 'reviewed') throw new CandidateNotForwardable(`Chỉ trình cấp trên các đề nghị đã qua Hội đồng (hồ sơ đang "${statusLabel(d.status)}").`);
  const c = await findCandidateOf(ctx.tx, d.id, candidateId, { lock: true });
  if (!c) throw notFound('Không tìm thấy người/tập thể trong hồ sơ.');
  if (!mayForwardCandidate(ctx.actor, d, c)) throw new CandidateNotForwardable(forwardRefusal(d, c));
  const honor = input.honor ?? (c.honor as Honor);
  if (!honorAllowsSubject(honor, c.subjectKind as SubjectKind))
    throw badRequest(`${SUBJECT_KIND_LABELS[c.subjectKind as SubjectKind]} không thể được đề nghị ${HONOR_INFO[honor].label}.`);
  if (d.movementId) await lockMovement(ctx.tx, d.movementId);
  await assertQuota(ctx, d.movementId, honor, 1);
  const parentUnit = d.receiverUnitId ?? ctx.actor.unitId;
  let upward = await lockUpwardDraft(ctx.tx, { unitId: parentUnit, year: d.year, movementId: d.movementId });
  if (!upward) {
    const m = d.movementId ? await unsafeFindMovement(ctx.tx, d.movementId) : undefined;
    upward = await insertDossier(ctx.tx, {
      unitId: parentUnit,
      level: 'upward',
      receiverUnitId: null,
      movementId: d.movementId,
      type: d.type,
      year: d.year,
      title: `Hồ sơ đề nghị cấp trên khen thưởng${m ? ` — ${m.movement.title}` : ` năm ${d.year}`}`,
      createdBy: ctx.actor.accountId,
      stepStartedAt: now(),
    });
    await ctx.audit({
      action: 'dossier.created',
      entityType: 'dossier',
      entityId: upward.id,
      unitId: parentUnit,
      summary: `Lập hồ sơ trình cấp trên "${upward.title}"`,
    });
  }
  // One entry per person, collective or household in an upward dossier: a second honor for the same
  // subject (TTLĐXS from one dossier, Bằng khen from another) is refused by name, not by the index.
  const already = (await candidatesOf(ctx.tx, upward.id)).find(
    (u) =>
      (c.personId && u.personId === c.personId) ||
      (c.subjectUnitId && u.subjectUnitId === c.subjectUnitId) ||
      (c.householdName && u.householdName === c.householdName),
  );
  if (already)
    throw new DuplicateNomination(
      `${c.displayName} đã có trong hồ sơ trình cấp trên "${upward.title}" (đề nghị ${HONOR_INFO[already.honor as Honor].label}). Mỗi cá nhân, tập thể chỉ có một đề nghị trong một hồ sơ trình cấp trên.`,
    );
  const copy = await insertCandidate(ctx.tx, {
    dossierId: upward.id,
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
    posthumous: c.posthumous,
    inKindDescription: c.inKindDescription,
    inKindValue: c.inKindValue,
  });
  await updateCandidateRow(ctx.tx, c.id, { outcome: 'forwarded' });
  await carryDocuments(ctx, d, c, upward.id, copy.id);
  await bumpDossierVersion(ctx.tx, upward.id, now());
  await ctx.audit({
    action: 'dossier.candidate_forwarded',
    entityType: 'dossier',
    entityId: d.id,
    unitId: d.unitId,
    summary: `Chọn ${c.displayName} đề nghị cấp trên tặng ${HONOR_INFO[honor].label}`,
  });
  await maybeComplete(ctx, d.id);
  return { upward, candidate: copy };
}

/**
 * What the upward dossier carries for a forwarded candidate: the unit's achievement report and
 * evidence (copied, file included), and the council's minutes with its vote on this candidate. The
 * Tờ trình is the parent level's own, added on the upward dossier.
 */
async function carryDocuments(ctx: CommandContext, d: DossierRow, c: CandidateRow, upwardId: string, copyId: string): Promise<void> {
  for (const doc of await documentsOf(ctx.tx, d.id)) {
    if (doc.candidateId !== c.id || (doc.kind !== 'bao_cao_thanh_tich' && doc.kind !== 'minh_chung')) continue;
    const { id: _id, createdAt: _at, dossierId: _d, candidateId: _c, createdBy: _b, ...rest } = doc;
    await insertDocument(ctx.tx, { ...rest, dossierId: upwardId, candidateId: copyId, createdBy: ctx.actor.accountId });
  }
  await insertDocument(ctx.tx, {
    dossierId: upwardId,
    candidateId: null,
    kind: 'bien_ban_hop_xet',
    title: `Biên bản họp Hội đồng Thi đua - Khen thưởng — ${c.displayName}`,
    content: `Hội đồng Thi đua - Khen thưởng đã xét đề nghị khen thưởng ${c.displayName} (hồ sơ "${d.title}") và biểu quyết đề nghị cấp trên khen thưởng.`,
    voteResult: c.councilText ?? 'Đạt tỷ lệ phiếu đồng ý của Hội đồng',
    createdBy: ctx.actor.accountId,
  });
}

/** Sends the consolidated dossier to the higher authority (the quota is checked again). */
export async function forwardDossier(
  ctx: CommandContext,
  id: string,
  input: { receiverName: string; summary?: string | null | undefined },
): Promise<DossierRow> {
  const d = await loadDossier(ctx, id);
  if (d.level !== 'upward') throw new DossierTransitionRefused('Chỉ hồ sơ tổng hợp của cấp trên trực tiếp mới trình lên cơ quan cấp trên.');
  const cands = await candidatesOf(ctx.tx, d.id);
  if (!cands.length) throw badRequest('Hồ sơ trình cấp trên chưa có đề nghị nào.');
  if (d.movementId) {
    await lockMovement(ctx.tx, d.movementId);
    const byHonor = new Map<Honor, number>();
    for (const c of cands) byHonor.set(c.honor as Honor, (byHonor.get(c.honor as Honor) ?? 0) + 1);
    for (const [h, n] of byHonor) await assertQuota(ctx, d.movementId, h, n, d.id);
  }
  // The same completeness check as a unit's submission: no "Còn thiếu …" dossier leaves.
  const docs = await documentsOf(ctx.tx, d.id);
  const pack = await governingPackOfUnit(ctx.tx, d.unitId, regimeDateOf(d, todayVn()));
  const checklist = checklistFor(
    d.type as CommendationType,
    cands.map((c) => ({ id: c.id, displayName: c.displayName, honor: c.honor as Honor })),
    docs.map((x) => ({ kind: x.kind as DocumentKind, candidateId: x.candidateId })),
    checklistRequirements(pack),
  );
  if (!checklist.complete)
    throw new DossierIncomplete(`Hồ sơ trình cấp trên chưa đủ thành phần, chưa trình được. Còn thiếu: ${checklist.missing.join('; ')}.`, {
      missing: checklist.missing,
    });
  // Nominees the regime makes public (Huân chương, CSTĐ toàn quốc…) leave only once their notice is done,
  // posted on the unit's candidate or on its copy here: every one lacking it is named.
  const lacking: string[] = [];
  for (const c of cands) {
    const ids = [c.id, ...(c.sourceCandidateId ? [c.sourceCandidateId] : [])];
    const why = await noticeShortfall(ctx.tx, pack, { displayName: c.displayName, honor: c.honor as Honor }, ids, todayVn(), 'trước khi trình cấp trên');
    if (why) lacking.push(why);
  }
  if (lacking.length)
    throw new NoticeNotDone(
      `Chưa trình cấp trên được: ${lacking.length} đề nghị chưa hoàn thành công khai lấy ý kiến (hết thời gian công khai, mọi ý kiến đã được trả lời). ${lacking.join(' ')}`,
      { lacking },
    );
  const at = now();
  const row = await transition(ctx, d, 'forward', {
    receiverName: input.receiverName.trim(),
    summary: input.summary?.trim() || d.summary,
    forwardedAt: at,
    forwardedBy: ctx.actor.accountId,
    submittedAt: at,
    firstSubmittedAt: d.firstSubmittedAt ?? at,
  });
  await ctx.audit({
    action: 'dossier.forwarded',
    entityType: 'dossier',
    entityId: id,
    unitId: d.unitId,
    summary: `Trình ${input.receiverName} hồ sơ "${d.title}" (${cands.length} đề nghị)`,
  });
  return row;
}

/**
 * A unit-level dossier is complete once every candidate has an outcome. Called by commands that
 * already reached the dossier within scope (forwarding, a session closing, a decision issued).
 */
export async function maybeComplete(ctx: CommandContext, dossierId: string): Promise<void> {
  const d = await unsafeLockDossier(ctx.tx, dossierId);
  if (!d || d.status !== 'reviewed') return;
  if ((await countPendingCandidates(ctx.tx, dossierId)) > 0) return;
  await transition(ctx, d, 'complete', { completedAt: now() });
  await ctx.audit({ action: 'dossier.completed', entityType: 'dossier', entityId: d.id, unitId: d.unitId, summary: `Hồ sơ "${d.title}" đã xử lý xong` });
}
