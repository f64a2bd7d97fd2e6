import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import {
  councilMembers,
  councilSessions,
  dossierCandidates,
  dossiers,
  people,
  sessionAttendance,
  sessionBallotBox,
  sessionConflicts,
  sessionItems,
  sessionVoterMarks,
  units,
} from '../db/schema/index.js';
import type { Executor } from '../db/client.js';
import type { CommandContext } from './run.js';
import { findVisibleCouncil } from '../repositories/councils.js';
import { dossierVisible } from '../repositories/dossiers.js';
import { findVisibleSession, type SessionRow } from '../repositories/sessions.js';
import { badRequest, conflict, forbidden, notFound } from '../errors.js';
import { now } from '../clock.js';
import { maybeComplete, statusLabel, transition } from './dossiers.js';
import { voteOutcome } from '../rules/index.js';
import { HONOR_INFO, type Honor } from '../../shared/codes.js';
import { BALLOT_CHOICES, SESSION_STATUS_LABELS, quorumRequired, type BallotChoice, type SessionStatus } from '../../shared/dossiers.js';
import { formatDateVi } from '../../shared/format-vi.js';

export interface ItemResult {
  approve: number;
  reject: number;
  abstain: number;
  online: number;
  paper: number;
  eligible: number;
  totalMembers: number;
  required: number | null;
  passed: boolean;
  text: string;
  article: string | null;
}

async function loadSession(ctx: CommandContext, id: string, lock = true): Promise<SessionRow> {
  const s = await findVisibleSession(ctx.tx, ctx.actor, id, lock);
  if (!s) throw notFound('Không tìm thấy phiên họp.');
  return s;
}

function requireStatus(s: SessionRow, status: SessionStatus, what: string) {
  if (s.status !== status) throw conflict(`Phiên họp đang ở trạng thái "${SESSION_STATUS_LABELS[s.status as SessionStatus] ?? s.status}", không thể ${what}.`);
}

/** Members of the council in office on the meeting date. */
export async function membersOn(tx: Executor, councilId: string, date: string) {
  return tx
    .select({ id: councilMembers.id, personId: councilMembers.personId, position: councilMembers.position, fullName: people.fullName, unitId: people.unitId, unitPath: units.path, sortKey: people.sortKey })
    .from(councilMembers)
    .innerJoin(people, eq(people.id, councilMembers.personId))
    .innerJoin(units, eq(units.id, people.unitId))
    .where(and(eq(councilMembers.councilId, councilId), sql`(${councilMembers.fromDate} is null or ${councilMembers.fromDate} <= ${date})`, sql`(${councilMembers.toDate} is null or ${councilMembers.toDate} >= ${date})`))
    .orderBy(asc(people.sortKey));
}

export async function createSession(ctx: CommandContext, input: { councilId: string; title: string; meetingDate: string; location?: string | null | undefined; candidateIds: string[] }): Promise<SessionRow> {
  const council = await findVisibleCouncil(ctx.tx, ctx.actor, input.councilId);
  if (!council) throw notFound('Không tìm thấy hội đồng.');
  if (council.kind !== 'tdkt' || !council.active) throw badRequest('Chỉ Hội đồng Thi đua - Khen thưởng đang hoạt động mới xét hồ sơ khen thưởng.');
  const [s] = await ctx.tx
    .insert(councilSessions)
    .values({ councilId: council.id, unitId: council.unitId, title: input.title.trim(), meetingDate: input.meetingDate, location: input.location?.trim() || null, createdBy: ctx.actor.accountId })
    .returning();
  const members = await membersOn(ctx.tx, council.id, input.meetingDate);
  if (members.length) await ctx.tx.insert(sessionAttendance).values(members.map((m) => ({ sessionId: s!.id, memberId: m.id, personId: m.personId, present: true })));
  await ctx.audit({ action: 'session.created', entityType: 'session', entityId: s!.id, unitId: s!.unitId, summary: `Tạo phiên họp "${s!.title}" ngày ${formatDateVi(input.meetingDate)}` });
  if (input.candidateIds.length) await addItems(ctx, s!.id, input.candidateIds);
  return s!;
}

/** Puts candidates of appraised dossiers on the agenda; their dossiers move to "in council". */
export async function addItems(ctx: CommandContext, sessionId: string, candidateIds: string[]): Promise<void> {
  const s = await loadSession(ctx, sessionId);
  requireStatus(s, 'draft', 'sửa chương trình họp');
  const unique = [...new Set(candidateIds)];
  const rows = unique.length
    ? await ctx.tx
        .select({ candidate: dossierCandidates, dossier: dossiers })
        .from(dossierCandidates)
        .innerJoin(dossiers, eq(dossiers.id, dossierCandidates.dossierId))
        .where(and(inArray(dossierCandidates.id, unique), dossierVisible(ctx.actor)))
    : [];
  if (rows.length !== unique.length) throw notFound('Không tìm thấy một số đề nghị được chọn.');
  const [{ n } = { n: 0 }] = await ctx.tx.select({ n: sql<number>`count(*)::int` }).from(sessionItems).where(eq(sessionItems.sessionId, s.id));
  let order = Number(n);
  for (const r of rows) {
    if (r.dossier.level !== 'unit') throw conflict('Hồ sơ trình cấp trên không đưa ra Hội đồng lần nữa.');
    if (!['appraising', 'in_council'].includes(r.dossier.status)) throw conflict(`Hồ sơ "${r.dossier.title}" đang "${statusLabel(r.dossier.status)}": chỉ đưa ra Hội đồng hồ sơ đã thẩm định.`);
    if (r.candidate.outcome !== 'pending' || r.candidate.councilResult) throw conflict(`${r.candidate.displayName} đã được Hội đồng xét.`);
    const [elsewhere] = await ctx.tx
      .select({ title: councilSessions.title })
      .from(sessionItems)
      .innerJoin(councilSessions, eq(councilSessions.id, sessionItems.sessionId))
      .where(and(eq(sessionItems.candidateId, r.candidate.id), ne(councilSessions.status, 'closed')));
    if (elsewhere) throw conflict(`${r.candidate.displayName} đã có trong chương trình phiên họp "${elsewhere.title}".`);
    await ctx.tx.insert(sessionItems).values({ sessionId: s.id, candidateId: r.candidate.id, honor: r.candidate.honor, sortOrder: order++ });
    if (r.dossier.status === 'appraising') {
      const [fresh] = await ctx.tx.select().from(dossiers).where(eq(dossiers.id, r.dossier.id)).for('update');
      if (fresh!.status === 'appraising') await transition(ctx, fresh!, 'schedule');
    }
  }
  await ctx.tx.update(councilSessions).set({ version: sql`${councilSessions.version} + 1` }).where(eq(councilSessions.id, s.id));
  await ctx.audit({ action: 'session.updated', entityType: 'session', entityId: s.id, unitId: s.unitId, summary: `Đưa ${rows.length} đề nghị vào chương trình phiên họp "${s.title}"` });
}

export async function removeItem(ctx: CommandContext, sessionId: string, itemId: string): Promise<void> {
  const s = await loadSession(ctx, sessionId);
  requireStatus(s, 'draft', 'sửa chương trình họp');
  const [item] = await ctx.tx.delete(sessionItems).where(and(eq(sessionItems.id, itemId), eq(sessionItems.sessionId, s.id))).returning();
  if (!item) throw notFound('Không tìm thấy mục trong chương trình họp.');
  const [c] = await ctx.tx.select().from(dossierCandidates).where(eq(dossierCandidates.id, item.candidateId));
  // The dossier goes back to appraisal when none of its candidates is on an open agenda any more.
  const [still] = await ctx.tx
    .select({ id: sessionItems.id })
    .from(sessionItems)
    .innerJoin(dossierCandidates, eq(dossierCandidates.id, sessionItems.candidateId))
    .innerJoin(councilSessions, eq(councilSessions.id, sessionItems.sessionId))
    .where(and(eq(dossierCandidates.dossierId, c!.dossierId), ne(councilSessions.status, 'closed')))
    .limit(1);
  if (!still) {
    const [d] = await ctx.tx.select().from(dossiers).where(eq(dossiers.id, c!.dossierId)).for('update');
    if (d?.status === 'in_council') await transition(ctx, d, 'unschedule');
  }
  await ctx.audit({ action: 'session.updated', entityType: 'session', entityId: s.id, unitId: s.unitId, summary: `Bỏ ${c!.displayName} khỏi chương trình phiên họp "${s.title}"` });
}

export async function setAttendance(ctx: CommandContext, sessionId: string, presentMemberIds: string[]): Promise<void> {
  const s = await loadSession(ctx, sessionId);
  requireStatus(s, 'draft', 'điểm danh lại (điểm danh được chốt khi khai mạc)');
  const rows = await ctx.tx.select().from(sessionAttendance).where(eq(sessionAttendance.sessionId, s.id));
  const unknown = presentMemberIds.filter((id) => !rows.some((r) => r.memberId === id));
  if (unknown.length) throw badRequest('Có người không phải thành viên Hội đồng trong danh sách có mặt.');
  for (const r of rows) {
    await ctx.tx.update(sessionAttendance).set({ present: presentMemberIds.includes(r.memberId) }).where(and(eq(sessionAttendance.sessionId, s.id), eq(sessionAttendance.memberId, r.memberId)));
  }
  await ctx.audit({ action: 'session.updated', entityType: 'session', entityId: s.id, unitId: s.unitId, summary: `Điểm danh phiên họp "${s.title}": ${presentMemberIds.length}/${rows.length} thành viên có mặt` });
}

/**
 * Opens the session: freezes the total membership (the denominator of every threshold), checks
 * the quorum, and records conflicts of interest — a member on their own nomination, or on a
 * nomination of the unit they work in — with recusal.
 */
export async function openSession(ctx: CommandContext, sessionId: string): Promise<SessionRow> {
  const s = await loadSession(ctx, sessionId);
  requireStatus(s, 'draft', 'khai mạc');
  const members = await membersOn(ctx.tx, s.councilId, s.meetingDate);
  const attendance = await ctx.tx.select().from(sessionAttendance).where(eq(sessionAttendance.sessionId, s.id));
  const present = members.filter((m) => attendance.some((a) => a.memberId === m.id && a.present));
  if (!members.length) throw badRequest(`Hội đồng không có thành viên trong nhiệm kỳ vào ngày họp ${formatDateVi(s.meetingDate)}.`);
  const needed = quorumRequired(members.length);
  if (present.length < needed) throw badRequest(`Không đủ số thành viên dự họp: có mặt ${present.length}/${members.length}, cần ít nhất ${needed} (2/3 tổng số thành viên).`);
  const items = await ctx.tx
    .select({ item: sessionItems, candidate: dossierCandidates, dossierUnitPath: units.path })
    .from(sessionItems)
    .innerJoin(dossierCandidates, eq(dossierCandidates.id, sessionItems.candidateId))
    .innerJoin(dossiers, eq(dossiers.id, dossierCandidates.dossierId))
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .where(eq(sessionItems.sessionId, s.id));
  if (!items.length) throw badRequest('Chương trình họp chưa có đề nghị nào.');
  for (const { item, candidate, dossierUnitPath } of items) {
    for (const m of members) {
      let reason: string | null = null;
      if (candidate.personId && candidate.personId === m.personId) reason = 'Là người được đề nghị khen thưởng';
      else if (candidate.subjectUnitId && candidate.subjectUnitId === m.unitId) reason = 'Là thành viên của tập thể được đề nghị';
      else if (m.unitPath.startsWith(dossierUnitPath)) reason = 'Công tác tại đơn vị đề nghị';
      if (reason) await ctx.tx.insert(sessionConflicts).values({ sessionId: s.id, itemId: item.id, memberId: m.id, reason, recused: true });
    }
  }
  const [row] = await ctx.tx.update(councilSessions).set({ status: 'open', totalMembers: members.length, openedAt: now(), openedBy: ctx.actor.accountId, version: s.version + 1 }).where(eq(councilSessions.id, s.id)).returning();
  await ctx.audit({ action: 'session.opened', entityType: 'session', entityId: s.id, unitId: s.unitId, summary: `Khai mạc phiên họp "${s.title}": ${present.length}/${members.length} thành viên có mặt, ${items.length} đề nghị` });
  return row!;
}

/** The signed-in member of the session's council, present and voting. */
async function votingMember(ctx: CommandContext, s: SessionRow) {
  if (!ctx.actor.personId) throw forbidden('Tài khoản của bạn không gắn với cán bộ nào nên không bỏ phiếu được.');
  const [m] = await ctx.tx.select().from(councilMembers).where(and(eq(councilMembers.councilId, s.councilId), eq(councilMembers.personId, ctx.actor.personId)));
  if (!m) throw forbidden('Bạn không phải thành viên Hội đồng của phiên họp này.');
  const [a] = await ctx.tx.select().from(sessionAttendance).where(and(eq(sessionAttendance.sessionId, s.id), eq(sessionAttendance.memberId, m.id)));
  if (!a?.present) throw forbidden('Bạn không có tên trong danh sách có mặt của phiên họp.');
  return m;
}

async function eligibleVoters(tx: Executor, sessionId: string, itemId: string): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(sessionAttendance)
    .where(
      and(
        eq(sessionAttendance.sessionId, sessionId),
        eq(sessionAttendance.present, true),
        sql`not exists (select 1 from ${sessionConflicts} c where c.item_id = ${itemId} and c.member_id = ${sessionAttendance.memberId} and c.recused)`,
      ),
    );
  return Number(r?.n ?? 0);
}

async function countsOf(tx: Executor, itemId: string) {
  const rows = await tx.select().from(sessionBallotBox).where(eq(sessionBallotBox.itemId, itemId));
  const sum = (channel: string | null, choice: BallotChoice | null) => rows.filter((r) => (channel === null || r.channel === channel) && (choice === null || r.choice === choice)).reduce((a, r) => a + r.count, 0);
  return { approve: sum(null, 'approve'), reject: sum(null, 'reject'), abstain: sum(null, 'abstain'), online: sum('online', null), paper: sum('paper', null) };
}

/**
 * Secret ballot. In one transaction: the member's "has voted" mark for the item (refused if it
 * exists: one vote per member and candidate) and +1 on the item's counter for the choice. No row
 * holds both the member and the choice, and the counter keeps no history.
 */
export async function castBallot(ctx: CommandContext, sessionId: string, votes: { itemId: string; choice: BallotChoice }[]): Promise<{ cast: number }> {
  const s = await loadSession(ctx, sessionId, false);
  if (s.status !== 'open') throw conflict(s.status === 'closed' ? 'Phiên họp đã kết thúc, kết quả đã chốt: không bỏ phiếu được nữa.' : 'Phiên họp chưa khai mạc: chưa bỏ phiếu được.');
  const m = await votingMember(ctx, s);
  if (new Set(votes.map((v) => v.itemId)).size !== votes.length) throw badRequest('Mỗi đề nghị chỉ được chọn một phương án trong một phiếu.');
  for (const v of votes) {
    const [item] = await ctx.tx.select({ item: sessionItems, name: dossierCandidates.displayName }).from(sessionItems).innerJoin(dossierCandidates, eq(dossierCandidates.id, sessionItems.candidateId)).where(and(eq(sessionItems.id, v.itemId), eq(sessionItems.sessionId, s.id)));
    if (!item) throw notFound('Không tìm thấy đề nghị trong chương trình phiên họp.');
    const [c] = await ctx.tx.select().from(sessionConflicts).where(and(eq(sessionConflicts.itemId, v.itemId), eq(sessionConflicts.memberId, m.id), eq(sessionConflicts.recused, true)));
    if (c) throw conflict(`Bạn không biểu quyết đối với ${item.name} (${c.reason.toLowerCase()}).`);
    const marked = await ctx.tx.insert(sessionVoterMarks).values({ itemId: v.itemId, memberId: m.id }).onConflictDoNothing().returning({ itemId: sessionVoterMarks.itemId });
    if (!marked.length) throw conflict(`Bạn đã bỏ phiếu cho ${item.name}; mỗi thành viên chỉ bỏ phiếu một lần.`);
    await ctx.tx
      .insert(sessionBallotBox)
      .values({ itemId: v.itemId, channel: 'online', choice: v.choice, count: 1 })
      .onConflictDoUpdate({ target: [sessionBallotBox.itemId, sessionBallotBox.channel, sessionBallotBox.choice], set: { count: sql`${sessionBallotBox.count} + 1` } });
    const counts = await countsOf(ctx.tx, v.itemId);
    if (counts.online + counts.paper > (await eligibleVoters(ctx.tx, s.id, v.itemId))) throw conflict(`Số phiếu cho ${item.name} vượt số thành viên được biểu quyết (đã nhập phiếu giấy?).`);
  }
  // The audit names who voted and on how many items, never the choices.
  await ctx.audit({ action: 'session.ballot_cast', entityType: 'session', entityId: s.id, unitId: s.unitId, summary: `Một thành viên đã bỏ phiếu kín (${votes.length} đề nghị) tại phiên họp "${s.title}"` });
  return { cast: votes.length };
}

/** The secretary enters the counts of paper ballots (members who did not vote online). */
export async function enterPaperBallots(ctx: CommandContext, sessionId: string, items: { itemId: string; approve: number; reject: number; abstain: number }[]): Promise<void> {
  const s = await loadSession(ctx, sessionId);
  requireStatus(s, 'open', 'nhập phiếu giấy');
  for (const it of items) {
    const [item] = await ctx.tx.select({ name: dossierCandidates.displayName }).from(sessionItems).innerJoin(dossierCandidates, eq(dossierCandidates.id, sessionItems.candidateId)).where(and(eq(sessionItems.id, it.itemId), eq(sessionItems.sessionId, s.id)));
    if (!item) throw notFound('Không tìm thấy đề nghị trong chương trình phiên họp.');
    for (const choice of BALLOT_CHOICES) {
      await ctx.tx
        .insert(sessionBallotBox)
        .values({ itemId: it.itemId, channel: 'paper', choice, count: it[choice] })
        .onConflictDoUpdate({ target: [sessionBallotBox.itemId, sessionBallotBox.channel, sessionBallotBox.choice], set: { count: it[choice] } });
    }
    const counts = await countsOf(ctx.tx, it.itemId);
    const eligible = await eligibleVoters(ctx.tx, s.id, it.itemId);
    if (counts.online + counts.paper > eligible) throw badRequest(`${item.name}: ${counts.online} phiếu trực tuyến + ${counts.paper} phiếu giấy vượt số thành viên được biểu quyết (${eligible}).`);
  }
  await ctx.audit({ action: 'session.paper_ballots_entered', entityType: 'session', entityId: s.id, unitId: s.unitId, summary: `Nhập kết quả phiếu giấy cho ${items.length} đề nghị`, after: items });
}

/** The tally of one item against the council's TOTAL membership (voteOutcome); no threshold → more than half of it. */
export function tallyItem(honor: Honor, meetingDate: string, totalMembers: number, eligible: number, counts: { approve: number; reject: number; abstain: number; online: number; paper: number }): ItemResult {
  const v = voteOutcome({ honor, decisionDate: meetingDate, totalMembers, approvals: counts.approve });
  if (v.passed !== null) return { ...counts, eligible, totalMembers, required: v.required, passed: v.passed, text: v.text, article: v.article };
  const required = Math.floor(totalMembers / 2) + 1;
  const passed = counts.approve >= required;
  return {
    ...counts,
    eligible,
    totalMembers,
    required,
    passed,
    text: `${HONOR_INFO[honor].label}: quy định không nêu tỷ lệ riêng, áp dụng quá bán tổng số thành viên — cần ${required}/${totalMembers}; có ${counts.approve} phiếu đồng ý → ${passed ? 'đạt' : 'không đạt'}`,
    article: null,
  };
}

/** Closes the session: results are computed, frozen on the agenda and the candidates, and voting ends. */
export async function closeSession(ctx: CommandContext, sessionId: string): Promise<SessionRow> {
  const s = await loadSession(ctx, sessionId);
  requireStatus(s, 'open', 'kết thúc');
  const items = await ctx.tx.select({ item: sessionItems, candidate: dossierCandidates }).from(sessionItems).innerJoin(dossierCandidates, eq(dossierCandidates.id, sessionItems.candidateId)).where(eq(sessionItems.sessionId, s.id));
  const dossierIds = new Set<string>();
  for (const { item, candidate } of items) {
    const counts = await countsOf(ctx.tx, item.id);
    const result = tallyItem(item.honor as Honor, s.meetingDate, s.totalMembers ?? 0, await eligibleVoters(ctx.tx, s.id, item.id), counts);
    await ctx.tx.update(sessionItems).set({ result }).where(eq(sessionItems.id, item.id));
    await ctx.tx
      .update(dossierCandidates)
      .set({ councilResult: result.passed ? 'passed' : 'failed', councilText: result.text, outcome: result.passed ? candidate.outcome : 'not_awarded' })
      .where(eq(dossierCandidates.id, candidate.id));
    dossierIds.add(candidate.dossierId);
  }
  const [row] = await ctx.tx.update(councilSessions).set({ status: 'closed', closedAt: now(), closedBy: ctx.actor.accountId, version: s.version + 1 }).where(eq(councilSessions.id, s.id)).returning();
  for (const id of dossierIds) {
    // A dossier leaves the council once no open session still has one of its candidates.
    const [open] = await ctx.tx
      .select({ id: sessionItems.id })
      .from(sessionItems)
      .innerJoin(dossierCandidates, eq(dossierCandidates.id, sessionItems.candidateId))
      .innerJoin(councilSessions, eq(councilSessions.id, sessionItems.sessionId))
      .where(and(eq(dossierCandidates.dossierId, id), ne(councilSessions.status, 'closed')))
      .limit(1);
    if (open) continue;
    const [d] = await ctx.tx.select().from(dossiers).where(eq(dossiers.id, id)).for('update');
    if (d?.status === 'in_council') {
      await transition(ctx, d, 'review', { reviewedAt: now() });
      await maybeComplete(ctx, id);
    }
  }
  const passed = await ctx.tx.select({ n: sql<number>`count(*)::int` }).from(sessionItems).where(and(eq(sessionItems.sessionId, s.id), sql`(${sessionItems.result}->>'passed')::boolean`));
  await ctx.audit({ action: 'session.closed', entityType: 'session', entityId: s.id, unitId: s.unitId, summary: `Kết thúc phiên họp "${s.title}": ${Number(passed[0]?.n ?? 0)}/${items.length} đề nghị đạt tỷ lệ phiếu` });
  return row!;
}
