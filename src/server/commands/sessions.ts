import { anySignedOf } from '../repositories/signing.js';
import { MINUTES_KINDS } from './document-signing.js';
import { SignatureNotAllowed } from '../policies/signature.js';
import type { CommandContext } from './run.js';
import { findVisibleCouncil, membersOf } from '../repositories/councils.js';
import {
  agendaOf,
  agendaSize,
  attendanceOf,
  boxCounts,
  bumpSessionVersion,
  deleteAgendaItem,
  dossierOnOpenAgenda,
  eligibleVoters,
  findAgendaItem,
  findRecusal,
  findSessionMember,
  findVisibleCandidates,
  findVisibleSession,
  insertAgendaItem,
  insertAttendance,
  insertConflict,
  insertSealedBallot,
  insertSession,
  markSessionCancelled,
  markSessionClosed,
  deleteAttendance,
  updateSessionAtVersion,
  updateSessionMinutesAtVersion,
  markSessionOpened,
  markVoted,
  membersOn,
  openAgendaOfCandidate,
  passedItemCount,
  saveItemResult,
  sealedBallotsOf,
  setPaperCount,
  setPresent,
  unsafeFindCandidate,
  unsafeLockDossier,
  votedCount,
  type SessionRow,
} from '../repositories/council-sessions.js';
import { badRequest, conflict, domainError, forbidden, notFound, StaleVersion } from '../errors.js';
import { now } from '../clock.js';
import { can } from '../policies/abilities.js';
import { maySession, SESSION_GRANT, type SessionAbility } from '../policies/session.js';
import { maybeComplete, statusLabel, transition } from './dossiers.js';
import { majorityNeeded, majorityPhrase, quorumNeeded, quorumShortText, voteOutcome, type RulePack } from '../rules/index.js';
import { governingPackOfUnit } from '../records/eligibility.js';
import { HONOR_INFO, type Honor } from '../../shared/codes.js';
import { BALLOT_CHOICES, SESSION_STATUS_LABELS, type BallotChoice, type SessionStatus } from '../../shared/dossiers.js';
import { formatDateVi } from '../../shared/format-vi.js';
import { openBallot, sealBallot } from '../ballots/seal.js';
import { notify } from './notify.js';
import { releaseInitiativeClaims } from './initiative-claims.js';
import { candidatesOfList, listVotesOf, saveListResult } from '../repositories/session-lists.js';

export { membersOn };

/** The session is not in preparation any more: its agenda and attendance are fixed. */
export const SessionNotEditable = domainError('SessionNotEditable', 'conflict', 'session_not_editable');
/** The session is not open for voting (not opened yet, or closed). */
export const SessionNotOpen = domainError('SessionNotOpen', 'conflict', 'session_not_open');
/** The council has no member whose term covers the meeting date. */
export const NoMembersOnDate = domainError('NoMembersOnDate', 'invalid', 'council_no_members_on_date');
/** Fewer members present than the quorum at opening. */
export const QuorumNotMet = domainError('QuorumNotMet', 'invalid', 'quorum_not_met');
/** The member has already voted on this item. */
export const AlreadyVoted = domainError('AlreadyVoted', 'conflict', 'already_voted');
/** The account is not a present member of the session's council. */
export const NotAVoter = domainError('NotAVoter', 'forbidden', 'not_a_voter');
/** The member is recused on this item (conflict of interest). */
export const MemberRecused = domainError('MemberRecused', 'conflict', 'member_recused');
/** More ballots than members allowed to vote on the item. */
export const BallotCountExceeded = domainError('BallotCountExceeded', 'conflict', 'ballot_count_exceeded');
/** The secretary's paper counts exceed the members allowed to vote on the item. */
export const PaperBallotsExceeded = domainError('PaperBallotsExceeded', 'invalid', 'paper_ballots_exceeded');
/** The item is voted with its list, not by a ballot of its own. */
export const InListVote = domainError('InListVote', 'conflict', 'item_in_list_vote');
/** A list on the agenda has no recorded vote: the session cannot close. */
export const ListVoteNotRecorded = domainError('ListVoteNotRecorded', 'conflict', 'list_vote_not_recorded');
/** The sealed ballots do not open with the server's key, or do not match the voters' marks: closing is refused. */
export const BallotBoxCorrupt = domainError('BallotBoxCorrupt', 'conflict', 'ballot_box_corrupt');

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

/** Refuses what the session policy refuses: 403 without the role's grant, else the session's state. */
function requireAbility(ctx: CommandContext, s: SessionRow, ability: SessionAbility, what: string): void {
  if (maySession(ctx.actor, s, ability)) return;
  if (!can(ctx.actor.role, 'session', SESSION_GRANT[ability])) throw forbidden();
  const state = `Phiên họp đang ở trạng thái "${SESSION_STATUS_LABELS[s.status as SessionStatus] ?? s.status}", không thể ${what}.`;
  if (ability === 'update' || ability === 'open') throw new SessionNotEditable(state);
  if (ability === 'vote')
    throw new SessionNotOpen(
      s.status === 'closed' ? 'Phiên họp đã kết thúc, kết quả đã chốt: không bỏ phiếu được nữa.' : 'Phiên họp chưa khai mạc: chưa bỏ phiếu được.',
    );
  throw new SessionNotOpen(state);
}

export async function createSession(
  ctx: CommandContext,
  input: { councilId: string; title: string; meetingDate: string; location?: string | null | undefined; candidateIds: string[] },
): Promise<SessionRow> {
  if (!can(ctx.actor.role, 'session', 'create')) throw forbidden();
  const council = await findVisibleCouncil(ctx.tx, ctx.actor, input.councilId);
  if (!council) throw notFound('Không tìm thấy hội đồng.');
  if (council.kind !== 'tdkt' || !council.active) throw badRequest('Chỉ Hội đồng Thi đua - Khen thưởng đang hoạt động mới xét hồ sơ khen thưởng.');
  await requireMembersOn(ctx, council.id, input.meetingDate);
  const s = await insertSession(ctx.tx, {
    councilId: council.id,
    unitId: council.unitId,
    title: input.title.trim(),
    meetingDate: input.meetingDate,
    location: input.location?.trim() || null,
    createdBy: ctx.actor.accountId,
  });
  await attendAll(ctx, s.id, council.id, input.meetingDate);
  await ctx.audit({
    action: 'session.created',
    entityType: 'session',
    entityId: s.id,
    unitId: s.unitId,
    summary: `Tạo phiên họp "${s.title}" ngày ${formatDateVi(input.meetingDate)}`,
  });
  if (input.candidateIds.length) await addItems(ctx, s.id, input.candidateIds);
  return s;
}

/** A session is held by the council's members of the meeting date: none on that date, no session (with the reason). */
async function requireMembersOn(ctx: CommandContext, councilId: string, meetingDate: string) {
  const members = await membersOn(ctx.tx, councilId, meetingDate);
  if (!members.length)
    throw new NoMembersOnDate(
      `Hội đồng không có thành viên nào trong nhiệm kỳ vào ngày ${formatDateVi(meetingDate)}: hãy cập nhật thành viên Hội đồng (nhiệm kỳ) hoặc chọn ngày họp khác.`,
    );
  return members;
}

/** Everyone who sits in the council on the meeting date, marked present (the secretary corrects it before opening). */
async function attendAll(ctx: CommandContext, sessionId: string, councilId: string, meetingDate: string) {
  const members = await membersOn(ctx.tx, councilId, meetingDate);
  await insertAttendance(
    ctx.tx,
    members.map((m) => ({ sessionId, memberId: m.id, personId: m.personId, present: true })),
  );
}

/**
 * Changes a session in preparation: its title, place and date. A new date rebuilds the attendance from the
 * council's members on that date (a term may end or begin in between).
 */
export async function updateSession(
  ctx: CommandContext,
  sessionId: string,
  input: { title: string; meetingDate: string; location?: string | null | undefined; version: number },
): Promise<SessionRow> {
  const s = await loadSession(ctx, sessionId);
  requireAbility(ctx, s, 'update', 'sửa');
  if (input.meetingDate !== s.meetingDate) await requireMembersOn(ctx, s.councilId, input.meetingDate);
  const row = await updateSessionAtVersion(ctx.tx, s.id, input.version, {
    title: input.title.trim(),
    meetingDate: input.meetingDate,
    location: input.location?.trim() || null,
  });
  if (!row) throw new StaleVersion('Phiên họp vừa được người khác sửa: hãy tải lại trang rồi sửa lại.');
  if (input.meetingDate !== s.meetingDate) {
    await deleteAttendance(ctx.tx, s.id);
    await attendAll(ctx, s.id, s.councilId, input.meetingDate);
  }
  const changes = [
    s.title !== row.title ? `tên "${row.title}"` : null,
    s.meetingDate !== row.meetingDate ? `ngày họp ${formatDateVi(s.meetingDate)} → ${formatDateVi(row.meetingDate)}` : null,
    (s.location ?? '') !== (row.location ?? '') ? `địa điểm "${row.location ?? ''}"` : null,
  ].filter(Boolean);
  await ctx.audit({
    action: 'session.updated',
    entityType: 'session',
    entityId: s.id,
    unitId: s.unitId,
    summary: `Sửa phiên họp "${row.title}": ${changes.join(', ') || 'không đổi'}`,
    before: { title: s.title, meetingDate: s.meetingDate, location: s.location },
    after: { title: row.title, meetingDate: row.meetingDate, location: row.location },
  });
  return row;
}

/** Cancels a session in preparation: its candidates leave the agenda and their dossiers go back to "appraised, awaiting a session". */
export async function cancelSession(ctx: CommandContext, sessionId: string, reason: string): Promise<SessionRow> {
  const s = await loadSession(ctx, sessionId);
  requireAbility(ctx, s, 'cancel', 'hủy');
  const items = await agendaOf(ctx.tx, s.id);
  for (const { item } of items) await deleteAgendaItem(ctx.tx, s.id, item.id);
  const dossierIds = [...new Set(items.map((i) => i.candidate.dossierId))];
  for (const id of dossierIds) {
    if (await dossierOnOpenAgenda(ctx.tx, id)) continue;
    const d = await unsafeLockDossier(ctx.tx, id);
    if (d?.status === 'in_council') await transition(ctx, d, 'unschedule');
  }
  const row = await markSessionCancelled(ctx.tx, s, { cancelledAt: now(), cancelledBy: ctx.actor.accountId, cancelReason: reason.trim() });
  await ctx.audit({
    action: 'session.cancelled',
    entityType: 'session',
    entityId: s.id,
    unitId: s.unitId,
    summary: `Hủy phiên họp "${s.title}" ngày ${formatDateVi(s.meetingDate)} (${items.length} đề nghị trở lại danh sách chờ họp): ${reason.trim()}`,
  });
  return row;
}

/** Puts candidates of appraised dossiers on the agenda; their dossiers move to "in council". */
export async function addItems(ctx: CommandContext, sessionId: string, candidateIds: string[]): Promise<void> {
  const s = await loadSession(ctx, sessionId);
  requireAbility(ctx, s, 'update', 'sửa chương trình họp');
  const unique = [...new Set(candidateIds)];
  const rows = await findVisibleCandidates(ctx.tx, ctx.actor, unique);
  if (rows.length !== unique.length) throw notFound('Không tìm thấy một số đề nghị được chọn.');
  let order = await agendaSize(ctx.tx, s.id);
  for (const r of rows) {
    if (r.dossier.level !== 'unit') throw conflict('Hồ sơ trình cấp trên không đưa ra Hội đồng lần nữa.');
    if (!['appraising', 'in_council'].includes(r.dossier.status))
      throw conflict(`Hồ sơ "${r.dossier.title}" đang "${statusLabel(r.dossier.status)}": chỉ đưa ra Hội đồng hồ sơ đã thẩm định.`);
    if (r.candidate.outcome !== 'pending' || r.candidate.councilResult) throw conflict(`${r.candidate.displayName} đã được Hội đồng xét.`);
    const elsewhere = await openAgendaOfCandidate(ctx.tx, r.candidate.id);
    if (elsewhere !== undefined) throw conflict(`${r.candidate.displayName} đã có trong chương trình phiên họp "${elsewhere}".`);
    await insertAgendaItem(ctx.tx, { sessionId: s.id, candidateId: r.candidate.id, honor: r.candidate.honor, sortOrder: order++ });
    if (r.dossier.status === 'appraising') {
      const fresh = await unsafeLockDossier(ctx.tx, r.dossier.id);
      if (fresh?.status === 'appraising') await transition(ctx, fresh, 'schedule');
    }
  }
  await bumpSessionVersion(ctx.tx, s.id);
  await ctx.audit({
    action: 'session.updated',
    entityType: 'session',
    entityId: s.id,
    unitId: s.unitId,
    summary: `Đưa ${rows.length} đề nghị vào chương trình phiên họp "${s.title}"`,
  });
}

export async function removeItem(ctx: CommandContext, sessionId: string, itemId: string): Promise<void> {
  const s = await loadSession(ctx, sessionId);
  requireAbility(ctx, s, 'update', 'sửa chương trình họp');
  const item = await deleteAgendaItem(ctx.tx, s.id, itemId);
  if (!item) throw notFound('Không tìm thấy mục trong chương trình họp.');
  const c = await unsafeFindCandidate(ctx.tx, item.candidateId);
  // The dossier goes back to appraisal when none of its candidates is on an open agenda any more.
  if (c && !(await dossierOnOpenAgenda(ctx.tx, c.dossierId))) {
    const d = await unsafeLockDossier(ctx.tx, c.dossierId);
    if (d?.status === 'in_council') await transition(ctx, d, 'unschedule');
  }
  await ctx.audit({
    action: 'session.updated',
    entityType: 'session',
    entityId: s.id,
    unitId: s.unitId,
    summary: `Bỏ ${c?.displayName ?? 'một đề nghị'} khỏi chương trình phiên họp "${s.title}"`,
  });
}

export async function setAttendance(ctx: CommandContext, sessionId: string, presentMemberIds: string[]): Promise<void> {
  const s = await loadSession(ctx, sessionId);
  requireAbility(ctx, s, 'update', 'điểm danh lại (điểm danh được chốt khi khai mạc)');
  const rows = await attendanceOf(ctx.tx, s.id);
  // No member in term on the meeting date (terms entered after the session was planned): the date is the
  // cause, whatever the list sent names.
  const inTerm = await membersOn(ctx.tx, s.councilId, s.meetingDate);
  if (!inTerm.length)
    throw new NoMembersOnDate(
      `Ngày họp ${formatDateVi(s.meetingDate)} ngoài nhiệm kỳ của Hội đồng: không có thành viên nào trong nhiệm kỳ vào ngày này. Hãy sửa ngày họp hoặc cập nhật nhiệm kỳ của thành viên Hội đồng.`,
    );
  const unknown = presentMemberIds.filter((id) => !rows.some((r) => r.memberId === id));
  if (unknown.length) throw badRequest(await unknownAttendeesText(ctx, s, unknown));
  for (const r of rows) await setPresent(ctx.tx, s.id, r.memberId, presentMemberIds.includes(r.memberId));
  await ctx.audit({
    action: 'session.updated',
    entityType: 'session',
    entityId: s.id,
    unitId: s.unitId,
    summary: `Điểm danh phiên họp "${s.title}": ${presentMemberIds.length}/${rows.length} thành viên có mặt`,
  });
}

/** Why the attendance names people it cannot hold: members whose term does not cover the meeting date (by name), or not members at all. */
async function unknownAttendeesText(ctx: CommandContext, s: SessionRow, unknownIds: string[]): Promise<string> {
  const members = await membersOf(ctx.tx, s.councilId);
  const outOfTerm = members.filter((m) => unknownIds.includes(m.member.id));
  const strangers = unknownIds.length - outOfTerm.length;
  const term = ({ fullName, member: { fromDate, toDate } }: (typeof outOfTerm)[number]) =>
    `${fullName} (nhiệm kỳ ${[fromDate ? `từ ${formatDateVi(fromDate)}` : null, toDate ? `đến ${formatDateVi(toDate)}` : null].filter(Boolean).join(' ')})`;
  const parts = [
    outOfTerm.length
      ? `Ngày họp ${formatDateVi(s.meetingDate)} ngoài nhiệm kỳ của ${outOfTerm.map(term).join(', ')}: chưa hoặc không còn là thành viên Hội đồng vào ngày này.`
      : null,
    strangers ? `${strangers} người trong danh sách có mặt không phải thành viên Hội đồng.` : null,
  ];
  return parts.filter(Boolean).join(' ');
}

export interface SessionMinutesInput {
  chairMemberId: string;
  secretaryMemberId: string;
  /** The Ban kiểm phiếu the session elected, its head first. */
  countingBoard: string[];
  agenda: string[];
  discussion?: string | null | undefined;
  version: number;
}

/**
 * The secretary's record of the meeting, from which the Biên bản họp xét and the Biên bản kiểm
 * phiếu are written: who chaired, who took the minutes, the Ban kiểm phiếu (members present,
 * elected by the session), the agenda and the discussion.
 */
export async function recordSessionMinutes(ctx: CommandContext, sessionId: string, input: SessionMinutesInput): Promise<SessionRow> {
  const s = await loadSession(ctx, sessionId);
  requireAbility(ctx, s, 'recordMinutes', 'ghi biên bản (chỉ ghi khi phiên họp đã khai mạc)');
  if (await anySignedOf(ctx.tx, MINUTES_KINDS, s.id)) throw new SignatureNotAllowed('Biên bản của phiên họp đã được ký số: không sửa biên bản đã ký.');
  const rows = await attendanceOf(ctx.tx, s.id);
  const present = new Set(rows.filter((r) => r.present).map((r) => r.memberId));
  const absentOrUnknown = (id: string) => !present.has(id);
  if (absentOrUnknown(input.chairMemberId)) throw badRequest('Người chủ trì phải là thành viên Hội đồng có mặt tại phiên họp.');
  if (absentOrUnknown(input.secretaryMemberId)) throw badRequest('Thư ký phải là thành viên Hội đồng có mặt tại phiên họp.');
  if (input.chairMemberId === input.secretaryMemberId) throw badRequest('Người chủ trì và thư ký phải là hai người khác nhau.');
  if (new Set(input.countingBoard).size !== input.countingBoard.length) throw badRequest('Một người chỉ có tên một lần trong Ban kiểm phiếu.');
  if (input.countingBoard.some(absentOrUnknown)) throw badRequest('Thành viên Ban kiểm phiếu phải là thành viên Hội đồng có mặt tại phiên họp.');
  if (input.countingBoard.includes(input.chairMemberId)) throw badRequest('Người chủ trì phiên họp không tham gia Ban kiểm phiếu: hãy bầu thành viên khác.');
  const agenda = input.agenda.map((a) => a.trim()).filter(Boolean);
  const row = await updateSessionMinutesAtVersion(ctx.tx, s.id, input.version, {
    chairMemberId: input.chairMemberId,
    secretaryMemberId: input.secretaryMemberId,
    countingBoard: input.countingBoard,
    agenda,
    discussion: input.discussion?.trim() || null,
    minutesRecordedAt: now(),
  });
  if (!row) throw new StaleVersion('Phiên họp vừa được người khác cập nhật: hãy tải lại trang rồi ghi lại.');
  await ctx.audit({
    action: 'session.minutes_recorded',
    entityType: 'session',
    entityId: s.id,
    unitId: s.unitId,
    summary: `Ghi biên bản phiên họp "${s.title}": Ban kiểm phiếu ${input.countingBoard.length} người, ${agenda.length} mục chương trình`,
    before: { chairMemberId: s.chairMemberId, secretaryMemberId: s.secretaryMemberId, countingBoard: s.countingBoard, agenda: s.agenda },
    after: { chairMemberId: row.chairMemberId, secretaryMemberId: row.secretaryMemberId, countingBoard: row.countingBoard, agenda: row.agenda },
  });
  return row;
}

/**
 * Opens the session: freezes the total membership (the denominator of every threshold), checks
 * the quorum, and records conflicts of interest — a member on their own nomination, or on a
 * nomination of the unit they work in — with recusal.
 */
export async function openSession(ctx: CommandContext, sessionId: string): Promise<SessionRow> {
  const s = await loadSession(ctx, sessionId);
  requireAbility(ctx, s, 'open', 'khai mạc');
  const members = await membersOn(ctx.tx, s.councilId, s.meetingDate);
  const attendance = await attendanceOf(ctx.tx, s.id);
  const present = members.filter((m) => attendance.some((a) => a.memberId === m.id && a.present));
  if (!members.length) await requireMembersOn(ctx, s.councilId, s.meetingDate);
  // The quorum of the pack governing the council's unit on the meeting date (agency overrides included).
  const pack = await governingPackOfUnit(ctx.tx, s.unitId, s.meetingDate);
  if (present.length < quorumNeeded(pack, members.length)) throw new QuorumNotMet(quorumShortText(pack, present.length, members.length));
  const items = await agendaOf(ctx.tx, s.id);
  if (!items.length) throw badRequest('Chương trình họp chưa có đề nghị nào.');
  for (const { item, candidate, dossierUnitPath } of items) {
    // A list is one vote of the whole council (biểu quyết cả danh sách): no recusal item by item.
    if (item.listVoteId) continue;
    for (const m of members) {
      let reason: string | null = null;
      if (candidate.personId && candidate.personId === m.personId) reason = 'Là người được đề nghị khen thưởng';
      else if (candidate.subjectUnitId && candidate.subjectUnitId === m.unitId) reason = 'Là thành viên của tập thể được đề nghị';
      else if (m.unitPath.startsWith(dossierUnitPath)) reason = 'Công tác tại đơn vị đề nghị';
      if (reason) await insertConflict(ctx.tx, { sessionId: s.id, itemId: item.id, memberId: m.id, reason });
    }
  }
  const row = await markSessionOpened(ctx.tx, s, { totalMembers: members.length, openedAt: now(), openedBy: ctx.actor.accountId });
  await ctx.audit({
    action: 'session.opened',
    entityType: 'session',
    entityId: s.id,
    unitId: s.unitId,
    summary: `Khai mạc phiên họp "${s.title}": ${present.length}/${members.length} thành viên có mặt, ${items.length} đề nghị`,
  });
  await notify(
    ctx,
    { people: members.map((m) => m.personId) },
    {
      key: `session.opened:${s.id}`,
      title: `Phiên họp "${s.title}" đã khai mạc: mời bỏ phiếu`,
      body: `Phiên họp ngày ${formatDateVi(s.meetingDate)} có ${items.length} đề nghị khen thưởng. Thành viên có mặt đọc hồ sơ và bỏ phiếu kín trên hệ thống.`,
      link: `/phien-hop/${s.id}`,
    },
  );
  return row;
}

/** The signed-in member of the session's council, present and voting. */
async function votingMember(ctx: CommandContext, s: SessionRow) {
  if (!ctx.actor.personId) throw new NotAVoter('Tài khoản của bạn không gắn với cán bộ nào nên không bỏ phiếu được.');
  const m = await findSessionMember(ctx.tx, s, ctx.actor.personId);
  if (!m) throw new NotAVoter('Bạn không phải thành viên Hội đồng của phiên họp này.');
  if (!m.present) throw new NotAVoter('Bạn không có tên trong danh sách có mặt của phiên họp.');
  return m.member;
}

/**
 * Secret ballot. In one transaction: the member's "has voted" mark for the item (refused if it
 * exists: one vote per member and candidate) and the ballot sealed with the session's key
 * (`ballots/seal.ts`), appended to `session_sealed_ballots` with no voter, no timestamp, no
 * counter. Both rows carry the same transaction id, which is why the ballot is ciphertext: whoever
 * reads the database pairs the rows but cannot read the choice (docs/decisions.md).
 */
export async function castBallot(ctx: CommandContext, sessionId: string, votes: { itemId: string; choice: BallotChoice }[]): Promise<{ cast: number }> {
  const s = await loadSession(ctx, sessionId, false);
  requireAbility(ctx, s, 'vote', 'bỏ phiếu');
  const m = await votingMember(ctx, s);
  if (new Set(votes.map((v) => v.itemId)).size !== votes.length) throw badRequest('Mỗi đề nghị chỉ được chọn một phương án trong một phiếu.');
  for (const v of votes) {
    const item = await findAgendaItem(ctx.tx, s.id, v.itemId);
    if (!item) throw notFound('Không tìm thấy đề nghị trong chương trình phiên họp.');
    if (item.item.listVoteId) throw new InListVote(`${item.name} được biểu quyết cùng cả danh sách, không bỏ phiếu kín riêng.`);
    const c = await findRecusal(ctx.tx, v.itemId, m.id);
    if (c) throw new MemberRecused(`Bạn không biểu quyết đối với ${item.name} (${c.reason.toLowerCase()}).`);
    if (!(await markVoted(ctx.tx, v.itemId, m.id))) throw new AlreadyVoted(`Bạn đã bỏ phiếu cho ${item.name}; mỗi thành viên chỉ bỏ phiếu một lần.`);
    await insertSealedBallot(ctx.tx, v.itemId, sealBallot(s.id, v.itemId, v.choice));
    const box = await boxCounts(ctx.tx, v.itemId);
    if ((await votedCount(ctx.tx, v.itemId)) + box.paper > (await eligibleVoters(ctx.tx, s.id, v.itemId)))
      throw new BallotCountExceeded(`Số phiếu cho ${item.name} vượt số thành viên được biểu quyết (đã nhập phiếu giấy?).`);
  }
  // The audit names who voted and on how many items, never the choices.
  await ctx.audit({
    action: 'session.ballot_cast',
    entityType: 'session',
    entityId: s.id,
    unitId: s.unitId,
    summary: `Một thành viên đã bỏ phiếu kín (${votes.length} đề nghị) tại phiên họp "${s.title}"`,
  });
  return { cast: votes.length };
}

/** The secretary enters the counts of paper ballots (members who did not vote online). */
export async function enterPaperBallots(
  ctx: CommandContext,
  sessionId: string,
  items: { itemId: string; approve: number; reject: number; abstain: number }[],
): Promise<void> {
  const s = await loadSession(ctx, sessionId);
  requireAbility(ctx, s, 'enterPaperBallots', 'nhập phiếu giấy');
  for (const it of items) {
    const item = await findAgendaItem(ctx.tx, s.id, it.itemId);
    if (!item) throw notFound('Không tìm thấy đề nghị trong chương trình phiên họp.');
    if (item.item.listVoteId) throw new InListVote(`${item.name} được biểu quyết cùng cả danh sách: hãy ghi kết quả biểu quyết của danh sách.`);
    for (const choice of BALLOT_CHOICES) await setPaperCount(ctx.tx, it.itemId, choice, it[choice]);
    const online = await votedCount(ctx.tx, it.itemId);
    const { paper } = await boxCounts(ctx.tx, it.itemId);
    const eligible = await eligibleVoters(ctx.tx, s.id, it.itemId);
    if (online + paper > eligible)
      throw new PaperBallotsExceeded(`${item.name}: ${online} phiếu trực tuyến + ${paper} phiếu giấy vượt số thành viên được biểu quyết (${eligible}).`);
  }
  await ctx.audit({
    action: 'session.paper_ballots_entered',
    entityType: 'session',
    entityId: s.id,
    unitId: s.unitId,
    summary: `Nhập kết quả phiếu giấy cho ${items.length} đề nghị`,
    after: items,
  });
}

/**
 * The counts of an item, only at closing: every sealed ballot opened with the session's key, plus
 * the secretary's paper counts (and online counters left from before sealed ballots). Refused when
 * a ballot does not open or the ballots do not match the members' "has voted" marks.
 */
async function countBallots(
  ctx: CommandContext,
  sessionId: string,
  itemId: string,
  name: string,
): Promise<{ approve: number; reject: number; abstain: number; online: number; paper: number }> {
  const box = await boxCounts(ctx.tx, itemId);
  const counts = { approve: box.approve, reject: box.reject, abstain: box.abstain, online: box.legacyOnline, paper: box.paper };
  for (const sealed of await sealedBallotsOf(ctx.tx, itemId)) {
    const choice = openBallot(sessionId, itemId, sealed);
    if (!choice)
      throw new BallotBoxCorrupt(
        `Không mở được một phiếu kín của ${name} (phiếu bị sửa, hoặc khóa bí mật TDKT_SECRET_KEY của máy chủ đã thay đổi): chưa kết thúc phiên họp được.`,
      );
    counts[choice]++;
    counts.online++;
  }
  const marks = await votedCount(ctx.tx, itemId);
  if (counts.online !== marks)
    throw new BallotBoxCorrupt(
      `Hòm phiếu trực tuyến của ${name} có ${counts.online} phiếu nhưng ${marks} thành viên đã bỏ phiếu: chưa kết thúc phiên họp được.`,
    );
  return counts;
}

/** The tally of one item against the council's TOTAL membership (voteOutcome under `pack`); no threshold → the pack's majority fallback. */
export function tallyItem(
  pack: RulePack,
  honor: Honor,
  meetingDate: string,
  totalMembers: number,
  eligible: number,
  counts: { approve: number; reject: number; abstain: number; online: number; paper: number },
): ItemResult {
  const v = voteOutcome({ honor, decisionDate: meetingDate, totalMembers, approvals: counts.approve }, pack);
  if (v.passed !== null) return { ...counts, eligible, totalMembers, required: v.required, passed: v.passed, text: v.text, article: v.article };
  const required = majorityNeeded(pack, totalMembers);
  const passed = counts.approve >= required;
  return {
    ...counts,
    eligible,
    totalMembers,
    required,
    passed,
    text: `${HONOR_INFO[honor].label}: quy định không nêu tỷ lệ riêng, áp dụng ${majorityPhrase(pack)} tổng số thành viên — cần ${required}/${totalMembers}; có ${counts.approve} phiếu đồng ý → ${passed ? 'đạt' : 'không đạt'}`,
    article: pack.pipeline.majority.article,
  };
}

/** Closes the session: results are computed, frozen on the agenda and the candidates, and voting ends. */
export async function closeSession(ctx: CommandContext, sessionId: string): Promise<SessionRow> {
  const s = await loadSession(ctx, sessionId);
  requireAbility(ctx, s, 'close', 'kết thúc');
  const items = await agendaOf(ctx.tx, s.id);
  const dossierIds = new Set<string>();
  const failed = new Map<string, string[]>();
  const pack = await governingPackOfUnit(ctx.tx, s.unitId, s.meetingDate);
  // Lists voted as a whole: one tally per list, frozen on all its items and candidates in a few statements.
  const present = (await attendanceOf(ctx.tx, s.id)).filter((a) => a.present).length;
  for (const list of await listVotesOf(ctx.tx, s.id)) {
    if (list.approve === null || list.reject === null || list.abstain === null)
      throw new ListVoteNotRecorded(`Chưa ghi kết quả biểu quyết "${list.title}": chưa kết thúc phiên họp được.`);
    const counts = { approve: list.approve, reject: list.reject, abstain: list.abstain, online: 0, paper: list.approve + list.reject + list.abstain };
    const result = { ...tallyItem(pack, list.honor as Honor, s.meetingDate, s.totalMembers ?? 0, present, counts), listVote: true };
    await saveListResult(ctx.tx, list.id, result);
    const members = await candidatesOfList(ctx.tx, list.id);
    for (const c of members) {
      dossierIds.add(c.dossierId);
      if (!result.passed) failed.set(c.dossierId, [...(failed.get(c.dossierId) ?? []), c.id]);
    }
  }
  for (const { item, candidate } of items) {
    if (item.listVoteId) continue;
    const counts = await countBallots(ctx, s.id, item.id, candidate.displayName);
    const result = tallyItem(pack, item.honor as Honor, s.meetingDate, s.totalMembers ?? 0, await eligibleVoters(ctx.tx, s.id, item.id), counts);
    await saveItemResult(ctx.tx, item.id, result, { id: candidate.id, passed: result.passed, text: result.text, outcome: candidate.outcome });
    if (!result.passed) failed.set(candidate.dossierId, [...(failed.get(candidate.dossierId) ?? []), candidate.id]);
    dossierIds.add(candidate.dossierId);
  }
  const row = await markSessionClosed(ctx.tx, s, { closedAt: now(), closedBy: ctx.actor.accountId });
  for (const id of dossierIds) {
    const refused = failed.get(id);
    if (refused) {
      const fd = await unsafeLockDossier(ctx.tx, id);
      if (fd) await releaseInitiativeClaims(ctx, fd, refused, 'not_awarded');
    }
    // A dossier leaves the council once no open session still has one of its candidates.
    if (await dossierOnOpenAgenda(ctx.tx, id)) continue;
    const d = await unsafeLockDossier(ctx.tx, id);
    if (d?.status === 'in_council') {
      await transition(ctx, d, 'review', { reviewedAt: now() });
      await maybeComplete(ctx, id);
    }
  }
  const passed = await passedItemCount(ctx.tx, s.id);
  await ctx.audit({
    action: 'session.closed',
    entityType: 'session',
    entityId: s.id,
    unitId: s.unitId,
    summary: `Kết thúc phiên họp "${s.title}": ${passed}/${items.length} đề nghị đạt tỷ lệ phiếu`,
  });
  const members = await membersOn(ctx.tx, s.councilId, s.meetingDate);
  await notify(
    ctx,
    { people: members.map((m) => m.personId) },
    {
      key: `session.closed:${s.id}`,
      title: `Phiên họp "${s.title}" đã kết thúc bỏ phiếu`,
      body: `Kết quả: ${passed}/${items.length} đề nghị đạt tỷ lệ phiếu. Biên bản kiểm phiếu xem tại trang phiên họp.`,
      link: `/phien-hop/${s.id}`,
    },
  );
  return row;
}
