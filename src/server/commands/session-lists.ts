/**
 * Lists voted as a whole at a council session (concept 8 of issue 19): the council approves, say,
 * the LĐTT list of a district's dossiers by one vote, while the high honors go by secret ballot item
 * by item. A list is put on the agenda in one command (a few set statements for thousands of
 * candidates), its vote is counted by the secretary (đồng ý / không đồng ý / không biểu quyết), and
 * closing the session gives every candidate of the list the list's result.
 */
import type { CommandContext } from './run.js';
import {
  attendanceOf,
  findVisibleSession,
  unsafeLockDossier,
  dossierOnOpenAgenda,
  bumpSessionVersion,
  agendaSize,
  type SessionRow,
} from '../repositories/council-sessions.js';
import {
  candidatesOnOpenAgendas,
  deleteListVote,
  findListVote,
  insertListItems,
  insertListVote,
  listVisibleCandidatesForList,
  listVotesOf,
  setListVoteCounts,
  type ListVoteRow,
} from '../repositories/session-lists.js';
import { badRequest, conflict, forbidden, notFound } from '../errors.js';
import { can } from '../policies/abilities.js';
import { maySession } from '../policies/session.js';
import { transition } from './dossiers.js';
import { statusLabel } from './dossiers/common.js';
import { now } from '../clock.js';
import { HONOR_INFO, type Honor } from '../../shared/codes.js';
import { formatNumberVi } from '../../shared/format-vi.js';
import { SessionNotEditable, SessionNotOpen } from './sessions.js';

async function loadSession(ctx: CommandContext, id: string): Promise<SessionRow> {
  const s = await findVisibleSession(ctx.tx, ctx.actor, id, true);
  if (!s) throw notFound('Không tìm thấy phiên họp.');
  return s;
}

/**
 * Puts on the agenda, as one list voted as a whole, every candidate of the chosen dossiers proposed
 * for `honor` and not yet voted on (their dossiers must be appraised). Their dossiers go "in council".
 */
export async function addListVote(
  ctx: CommandContext,
  sessionId: string,
  input: { honor: Honor; dossierIds: string[]; title?: string | null | undefined },
): Promise<ListVoteRow> {
  const s = await loadSession(ctx, sessionId);
  if (!maySession(ctx.actor, s, 'update')) {
    if (!can(ctx.actor.role, 'session', 'update')) throw forbidden();
    throw new SessionNotEditable('Chỉ sửa chương trình họp khi phiên họp đang chuẩn bị.');
  }
  const rows = await listVisibleCandidatesForList(ctx.tx, ctx.actor, { dossierIds: [...new Set(input.dossierIds)], honor: input.honor });
  if (!rows.length) throw badRequest(`Các hồ sơ đã chọn không có đề nghị ${HONOR_INFO[input.honor].label} nào chờ Hội đồng xét.`);
  for (const d of new Map(rows.map((r) => [r.dossier.id, r.dossier])).values()) {
    if (d.level !== 'unit') throw conflict('Hồ sơ trình cấp trên không đưa ra Hội đồng lần nữa.');
    if (!['appraising', 'in_council'].includes(d.status))
      throw conflict(`Hồ sơ "${d.title}" đang "${statusLabel(d.status)}": chỉ đưa ra Hội đồng hồ sơ đã thẩm định.`);
  }
  const busy = await candidatesOnOpenAgendas(
    ctx.tx,
    rows.map((r) => r.candidate.id),
  );
  const free = rows.filter((r) => !busy.has(r.candidate.id));
  if (!free.length) throw conflict('Mọi đề nghị của danh sách đã có trong chương trình một phiên họp chưa kết thúc.');
  const lists = await listVotesOf(ctx.tx, s.id);
  const title = input.title?.trim() || `Danh sách đề nghị tặng ${HONOR_INFO[input.honor].label}`;
  const list = await insertListVote(ctx.tx, { sessionId: s.id, honor: input.honor, title, sortOrder: lists.length });
  const start = await agendaSize(ctx.tx, s.id);
  await insertListItems(
    ctx.tx,
    free.map((r, i) => ({ sessionId: s.id, candidateId: r.candidate.id, honor: r.candidate.honor, sortOrder: start + i, listVoteId: list.id })),
  );
  for (const d of new Map(free.map((r) => [r.dossier.id, r.dossier])).values()) {
    if (d.status !== 'appraising') continue;
    const fresh = await unsafeLockDossier(ctx.tx, d.id);
    if (fresh?.status === 'appraising') await transition(ctx, fresh, 'schedule');
  }
  await bumpSessionVersion(ctx.tx, s.id);
  await ctx.audit({
    action: 'session.list_vote_added',
    entityType: 'session',
    entityId: s.id,
    unitId: s.unitId,
    summary: `Đưa "${title}" (${formatNumberVi(free.length)} đề nghị) vào chương trình phiên họp "${s.title}" để biểu quyết cả danh sách${
      busy.size ? `; ${formatNumberVi(busy.size)} đề nghị đã có trong phiên họp khác được bỏ qua` : ''
    }`,
  });
  return list;
}

/** Takes a list off the agenda of a session in preparation; dossiers with nothing left on an open agenda go back to appraisal. */
export async function removeListVote(ctx: CommandContext, sessionId: string, listId: string): Promise<void> {
  const s = await loadSession(ctx, sessionId);
  if (!maySession(ctx.actor, s, 'update')) {
    if (!can(ctx.actor.role, 'session', 'update')) throw forbidden();
    throw new SessionNotEditable('Chỉ sửa chương trình họp khi phiên họp đang chuẩn bị.');
  }
  const list = await findListVote(ctx.tx, s.id, listId);
  if (!list) throw notFound('Không tìm thấy danh sách trong chương trình họp.');
  const dossierIds = await deleteListVote(ctx.tx, list.id);
  for (const id of dossierIds) {
    if (await dossierOnOpenAgenda(ctx.tx, id)) continue;
    const d = await unsafeLockDossier(ctx.tx, id);
    if (d?.status === 'in_council') await transition(ctx, d, 'unschedule');
  }
  await bumpSessionVersion(ctx.tx, s.id);
  await ctx.audit({
    action: 'session.list_vote_removed',
    entityType: 'session',
    entityId: s.id,
    unitId: s.unitId,
    summary: `Bỏ "${list.title}" khỏi chương trình phiên họp "${s.title}"`,
  });
}

/** The secretary records the council's vote on a list (members present: đồng ý, không đồng ý, không biểu quyết). */
export async function recordListVote(
  ctx: CommandContext,
  sessionId: string,
  listId: string,
  counts: { approve: number; reject: number; abstain: number },
): Promise<void> {
  const s = await loadSession(ctx, sessionId);
  if (!maySession(ctx.actor, s, 'enterPaperBallots')) {
    if (!can(ctx.actor.role, 'session', 'enterPaperBallots')) throw forbidden();
    throw new SessionNotOpen(s.status === 'closed' ? 'Phiên họp đã kết thúc, kết quả đã chốt.' : 'Phiên họp chưa khai mạc: chưa biểu quyết được.');
  }
  const list = await findListVote(ctx.tx, s.id, listId);
  if (!list) throw notFound('Không tìm thấy danh sách trong chương trình họp.');
  const present = (await attendanceOf(ctx.tx, s.id)).filter((a) => a.present).length;
  const votes = counts.approve + counts.reject + counts.abstain;
  if (votes > present) throw badRequest(`Số biểu quyết (${votes}) vượt số thành viên có mặt (${present}).`);
  await setListVoteCounts(ctx.tx, list.id, { ...counts, recordedAt: now(), recordedBy: ctx.actor.accountId });
  await ctx.audit({
    action: 'session.list_vote_recorded',
    entityType: 'session',
    entityId: s.id,
    unitId: s.unitId,
    summary: `Biểu quyết "${list.title}": ${counts.approve} đồng ý, ${counts.reject} không đồng ý, ${counts.abstain} không biểu quyết (${present} thành viên có mặt)`,
    after: counts,
  });
}
