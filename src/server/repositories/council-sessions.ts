/**
 * Council sessions (phiên họp Hội đồng TĐKT): agenda, attendance, conflicts of interest and the
 * secret ballot. A vote is two rows written by two separate functions (`markVoted`,
 * `insertSealedBallot`): no query and no row ever holds both the member and the choice, and the
 * sealed ballot is ciphertext the database cannot open (`ballots/seal.ts`).
 * (Login sessions are `repositories/login-sessions.ts`.)
 */
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import {
  councilMembers,
  councils,
  councilSessions,
  dossierCandidates,
  dossiers,
  people,
  sessionAttendance,
  sessionBallotBox,
  sessionConflicts,
  sessionItems,
  sessionSealedBallots,
  sessionVoterMarks,
  units,
} from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { unitIdInScope } from './scope.js';
import { dossierVisible, type CandidateRow, type DossierRow } from './dossiers.js';
import type { BallotChoice } from '../../shared/dossiers.js';
import { listVotesOf } from './session-lists.js';

export type SessionRow = typeof councilSessions.$inferSelect;
export type SessionItemRow = typeof sessionItems.$inferSelect;
export type BallotChannel = 'online' | 'paper';

export async function findVisibleSession(tx: Executor, actor: Actor, id: string, lock = false): Promise<SessionRow | undefined> {
  const q = tx
    .select()
    .from(councilSessions)
    .where(and(eq(councilSessions.id, id), unitIdInScope(actor, councilSessions.unitId)))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** One page of the sessions in the actor's scope, newest meeting first, with the total. */
export async function listVisibleSessions(tx: Executor, actor: Actor, page: { page: number; pageSize: number }) {
  const where = unitIdInScope(actor, councilSessions.unitId);
  const rows = await tx
    .select({
      session: councilSessions,
      councilName: councils.name,
      itemCount: sql<number>`(select count(*)::int from session_items i where i.session_id = council_sessions.id)`,
    })
    .from(councilSessions)
    .innerJoin(councils, eq(councils.id, councilSessions.councilId))
    .where(where)
    .orderBy(desc(councilSessions.meetingDate), desc(councilSessions.createdAt))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [t] = await tx.select({ n: count() }).from(councilSessions).where(where);
  return { rows, total: Number(t?.n ?? 0) };
}

/** Everything the session page shows; the actor's own "has voted" marks, never anyone's choice. */
export async function sessionDetail(tx: Executor, s: SessionRow, actor: Actor) {
  const [council] = await tx.select().from(councils).where(eq(councils.id, s.councilId));
  const items = await tx
    .select({ item: sessionItems, candidate: dossierCandidates, dossierTitle: dossiers.title, dossierUnitName: units.name, dossierId: dossiers.id })
    .from(sessionItems)
    .innerJoin(dossierCandidates, eq(dossierCandidates.id, sessionItems.candidateId))
    .innerJoin(dossiers, eq(dossiers.id, dossierCandidates.dossierId))
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .where(eq(sessionItems.sessionId, s.id))
    .orderBy(asc(sessionItems.sortOrder));
  const attendance = await tx
    .select({
      memberId: sessionAttendance.memberId,
      personId: sessionAttendance.personId,
      present: sessionAttendance.present,
      fullName: people.fullName,
      position: councilMembers.position,
    })
    .from(sessionAttendance)
    .innerJoin(people, eq(people.id, sessionAttendance.personId))
    .innerJoin(councilMembers, eq(councilMembers.id, sessionAttendance.memberId))
    .where(eq(sessionAttendance.sessionId, s.id))
    .orderBy(asc(people.sortKey));
  const conflicts = await tx.select().from(sessionConflicts).where(eq(sessionConflicts.sessionId, s.id));
  const myMember = actor.personId ? attendance.find((a) => a.personId === actor.personId) : undefined;
  const myMarks = myMember
    ? await tx
        .select({ itemId: sessionVoterMarks.itemId })
        .from(sessionVoterMarks)
        .innerJoin(sessionItems, eq(sessionItems.id, sessionVoterMarks.itemId))
        .where(and(eq(sessionItems.sessionId, s.id), eq(sessionVoterMarks.memberId, myMember.memberId)))
    : [];
  const votedCounts = await tx
    .select({ itemId: sessionVoterMarks.itemId, n: sql<number>`count(*)::int` })
    .from(sessionVoterMarks)
    .innerJoin(sessionItems, eq(sessionItems.id, sessionVoterMarks.itemId))
    .where(eq(sessionItems.sessionId, s.id))
    .groupBy(sessionVoterMarks.itemId);
  const paper = await tx
    .select({ itemId: sessionBallotBox.itemId, n: sql<number>`sum(${sessionBallotBox.count})::int` })
    .from(sessionBallotBox)
    .innerJoin(sessionItems, eq(sessionItems.id, sessionBallotBox.itemId))
    .where(and(eq(sessionItems.sessionId, s.id), eq(sessionBallotBox.channel, 'paper')))
    .groupBy(sessionBallotBox.itemId);
  const listVotes = await listVotesOf(tx, s.id);
  return {
    council: council!,
    items,
    listVotes,
    attendance,
    conflicts,
    myMember,
    myMarks: new Set(myMarks.map((m) => m.itemId)),
    votedCounts: new Map(votedCounts.map((v) => [v.itemId, Number(v.n)])),
    paperCounts: new Map(paper.map((p) => [p.itemId, Number(p.n)])),
  };
}
export type SessionDetail = Awaited<ReturnType<typeof sessionDetail>>;

/** Appraised candidates of visible unit-level dossiers that no council has examined yet. */
export async function listVisibleAgendaCandidates(tx: Executor, actor: Actor) {
  return tx
    .select({ candidate: dossierCandidates, dossierTitle: dossiers.title, unitName: units.name, dossierId: dossiers.id })
    .from(dossierCandidates)
    .innerJoin(dossiers, eq(dossiers.id, dossierCandidates.dossierId))
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .where(
      and(
        dossierVisible(actor),
        inArray(dossiers.status, ['appraising', 'in_council']),
        eq(dossiers.level, 'unit'),
        eq(dossierCandidates.outcome, 'pending'),
        isNull(dossierCandidates.councilResult),
      ),
    )
    .orderBy(asc(units.name), asc(dossierCandidates.sortOrder))
    .limit(1000);
}

// ------------------------------------------------------------------ the session and its agenda

/** Members of the council in office on the meeting date. */
export async function membersOn(tx: Executor, councilId: string, date: string) {
  return tx
    .select({
      id: councilMembers.id,
      personId: councilMembers.personId,
      position: councilMembers.position,
      fullName: people.fullName,
      unitId: people.unitId,
      unitPath: units.path,
      sortKey: people.sortKey,
    })
    .from(councilMembers)
    .innerJoin(people, eq(people.id, councilMembers.personId))
    .innerJoin(units, eq(units.id, people.unitId))
    .where(
      and(
        eq(councilMembers.councilId, councilId),
        sql`(${councilMembers.fromDate} is null or ${councilMembers.fromDate} <= ${date})`,
        sql`(${councilMembers.toDate} is null or ${councilMembers.toDate} >= ${date})`,
      ),
    )
    .orderBy(asc(people.sortKey));
}

export async function insertSession(tx: Executor, values: typeof councilSessions.$inferInsert): Promise<SessionRow> {
  const [row] = await tx.insert(councilSessions).values(values).returning();
  return row!;
}

export async function bumpSessionVersion(tx: Executor, sessionId: string): Promise<void> {
  await tx
    .update(councilSessions)
    .set({ version: sql`${councilSessions.version} + 1` })
    .where(eq(councilSessions.id, sessionId));
}

export async function markSessionOpened(tx: Executor, s: SessionRow, values: { totalMembers: number; openedAt: Date; openedBy: string }): Promise<SessionRow> {
  const [row] = await tx
    .update(councilSessions)
    .set({ status: 'open', ...values, version: s.version + 1 })
    .where(eq(councilSessions.id, s.id))
    .returning();
  return row!;
}

/** A session in preparation gets a new title, date or place (version-checked). */
export async function updateSessionAtVersion(
  tx: Executor,
  id: string,
  expectedVersion: number,
  values: { title: string; meetingDate: string; location: string | null },
): Promise<SessionRow | undefined> {
  const [row] = await tx
    .update(councilSessions)
    .set({ ...values, version: sql`${councilSessions.version} + 1` })
    .where(and(eq(councilSessions.id, id), eq(councilSessions.version, expectedVersion), eq(councilSessions.status, 'draft')))
    .returning();
  return row;
}

/** The secretary's record of the meeting; only while the session is open or closed, and only if nobody wrote first. */
export async function updateSessionMinutesAtVersion(
  tx: Executor,
  id: string,
  expectedVersion: number,
  values: { chairMemberId: string; secretaryMemberId: string; countingBoard: string[]; agenda: string[]; discussion: string | null; minutesRecordedAt: Date },
): Promise<SessionRow | undefined> {
  const [row] = await tx
    .update(councilSessions)
    .set({ ...values, version: sql`${councilSessions.version} + 1` })
    .where(and(eq(councilSessions.id, id), eq(councilSessions.version, expectedVersion), inArray(councilSessions.status, ['open', 'closed'])))
    .returning();
  return row;
}

export async function markSessionCancelled(
  tx: Executor,
  s: SessionRow,
  values: { cancelledAt: Date; cancelledBy: string; cancelReason: string },
): Promise<SessionRow> {
  const [row] = await tx
    .update(councilSessions)
    .set({ status: 'cancelled', ...values, version: s.version + 1 })
    .where(eq(councilSessions.id, s.id))
    .returning();
  return row!;
}

/** The session's whole attendance list is rebuilt (the meeting date moved, so did the council's membership). */
export async function deleteAttendance(tx: Executor, sessionId: string): Promise<void> {
  await tx.delete(sessionAttendance).where(eq(sessionAttendance.sessionId, sessionId));
}

export async function markSessionClosed(tx: Executor, s: SessionRow, values: { closedAt: Date; closedBy: string }): Promise<SessionRow> {
  const [row] = await tx
    .update(councilSessions)
    .set({ status: 'closed', ...values, version: s.version + 1 })
    .where(eq(councilSessions.id, s.id))
    .returning();
  return row!;
}

/** Candidates (with their dossiers) among `ids` that the actor may see. */
export async function findVisibleCandidates(tx: Executor, actor: Actor, ids: string[]): Promise<{ candidate: CandidateRow; dossier: DossierRow }[]> {
  if (!ids.length) return [];
  return tx
    .select({ candidate: dossierCandidates, dossier: dossiers })
    .from(dossierCandidates)
    .innerJoin(dossiers, eq(dossiers.id, dossierCandidates.dossierId))
    .where(and(inArray(dossierCandidates.id, ids), dossierVisible(actor)));
}

export async function agendaSize(tx: Executor, sessionId: string): Promise<number> {
  const [r] = await tx.select({ n: count() }).from(sessionItems).where(eq(sessionItems.sessionId, sessionId));
  return Number(r?.n ?? 0);
}

/** The title of a session not yet closed whose agenda holds the candidate, if any. */
export async function openAgendaOfCandidate(tx: Executor, candidateId: string): Promise<string | undefined> {
  const [r] = await tx
    .select({ title: councilSessions.title })
    .from(sessionItems)
    .innerJoin(councilSessions, eq(councilSessions.id, sessionItems.sessionId))
    .where(and(eq(sessionItems.candidateId, candidateId), inArray(councilSessions.status, ['draft', 'open'])))
    .limit(1);
  return r?.title;
}

/** True when a session not yet closed still has one of the dossier's candidates on its agenda. */
export async function dossierOnOpenAgenda(tx: Executor, dossierId: string): Promise<boolean> {
  const [r] = await tx
    .select({ id: sessionItems.id })
    .from(sessionItems)
    .innerJoin(dossierCandidates, eq(dossierCandidates.id, sessionItems.candidateId))
    .innerJoin(councilSessions, eq(councilSessions.id, sessionItems.sessionId))
    .where(and(eq(dossierCandidates.dossierId, dossierId), inArray(councilSessions.status, ['draft', 'open'])))
    .limit(1);
  return Boolean(r);
}

export async function insertAgendaItem(tx: Executor, values: { sessionId: string; candidateId: string; honor: string; sortOrder: number }): Promise<void> {
  await tx.insert(sessionItems).values(values);
}

export async function deleteAgendaItem(tx: Executor, sessionId: string, itemId: string): Promise<SessionItemRow | undefined> {
  const [item] = await tx
    .delete(sessionItems)
    .where(and(eq(sessionItems.id, itemId), eq(sessionItems.sessionId, sessionId)))
    .returning();
  return item;
}

/**
 * Locks a dossier by id without scope: only for the dossier of an item on a session's agenda,
 * whose scope was checked when it was put there.
 */
export async function unsafeLockDossier(tx: Executor, id: string): Promise<DossierRow | undefined> {
  const [d] = await tx.select().from(dossiers).where(eq(dossiers.id, id)).for('update');
  return d;
}

/** A candidate by id without scope (the candidate of an agenda item of a visible session). */
export async function unsafeFindCandidate(tx: Executor, id: string): Promise<CandidateRow | undefined> {
  const [c] = await tx.select().from(dossierCandidates).where(eq(dossierCandidates.id, id));
  return c;
}

/** The session's agenda with each candidate and the path of the proposing unit. */
export async function agendaOf(tx: Executor, sessionId: string) {
  return tx
    .select({ item: sessionItems, candidate: dossierCandidates, dossierUnitPath: units.path })
    .from(sessionItems)
    .innerJoin(dossierCandidates, eq(dossierCandidates.id, sessionItems.candidateId))
    .innerJoin(dossiers, eq(dossiers.id, dossierCandidates.dossierId))
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .where(eq(sessionItems.sessionId, sessionId))
    .orderBy(asc(sessionItems.sortOrder));
}

/** One item of the session's agenda with the candidate's name. */
export async function findAgendaItem(tx: Executor, sessionId: string, itemId: string): Promise<{ item: SessionItemRow; name: string } | undefined> {
  const [r] = await tx
    .select({ item: sessionItems, name: dossierCandidates.displayName })
    .from(sessionItems)
    .innerJoin(dossierCandidates, eq(dossierCandidates.id, sessionItems.candidateId))
    .where(and(eq(sessionItems.id, itemId), eq(sessionItems.sessionId, sessionId)));
  return r;
}

/** Freezes an item's result on the agenda and on the candidate (a failed candidate is not awarded). */
export async function saveItemResult(
  tx: Executor,
  itemId: string,
  result: unknown,
  candidate: { id: string; passed: boolean; text: string; outcome: string },
): Promise<void> {
  await tx.update(sessionItems).set({ result }).where(eq(sessionItems.id, itemId));
  await tx
    .update(dossierCandidates)
    .set({ councilResult: candidate.passed ? 'passed' : 'failed', councilText: candidate.text, outcome: candidate.passed ? candidate.outcome : 'not_awarded' })
    .where(eq(dossierCandidates.id, candidate.id));
}

export async function passedItemCount(tx: Executor, sessionId: string): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(sessionItems)
    .where(and(eq(sessionItems.sessionId, sessionId), sql`(${sessionItems.result}->>'passed')::boolean`));
  return Number(r?.n ?? 0);
}

// ------------------------------------------------------------------ attendance and conflicts

export async function insertAttendance(tx: Executor, rows: { sessionId: string; memberId: string; personId: string; present: boolean }[]): Promise<void> {
  if (rows.length) await tx.insert(sessionAttendance).values(rows);
}

export async function attendanceOf(tx: Executor, sessionId: string) {
  return tx.select().from(sessionAttendance).where(eq(sessionAttendance.sessionId, sessionId));
}

export async function setPresent(tx: Executor, sessionId: string, memberId: string, present: boolean): Promise<void> {
  await tx
    .update(sessionAttendance)
    .set({ present })
    .where(and(eq(sessionAttendance.sessionId, sessionId), eq(sessionAttendance.memberId, memberId)));
}

export async function insertConflict(tx: Executor, values: { sessionId: string; itemId: string; memberId: string; reason: string }): Promise<void> {
  await tx.insert(sessionConflicts).values({ ...values, recused: true });
}

/** The recusal of a member on an item, if any. */
export async function findRecusal(tx: Executor, itemId: string, memberId: string) {
  const [c] = await tx
    .select()
    .from(sessionConflicts)
    .where(and(eq(sessionConflicts.itemId, itemId), eq(sessionConflicts.memberId, memberId), eq(sessionConflicts.recused, true)));
  return c;
}

/** The council member who is this person, and their attendance at the session. */
export async function findSessionMember(tx: Executor, s: SessionRow, personId: string) {
  const [m] = await tx
    .select()
    .from(councilMembers)
    .where(and(eq(councilMembers.councilId, s.councilId), eq(councilMembers.personId, personId)));
  if (!m) return undefined;
  const [a] = await tx
    .select()
    .from(sessionAttendance)
    .where(and(eq(sessionAttendance.sessionId, s.id), eq(sessionAttendance.memberId, m.id)));
  return { member: m, present: Boolean(a?.present) };
}

/** Members present and not recused on the item: who may vote on it. */
export async function eligibleVoters(tx: Executor, sessionId: string, itemId: string): Promise<number> {
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

// ------------------------------------------------------------------ the secret ballot

/**
 * Ballot, part 1: marks that the member has voted on the item. False when the mark was already
 * there (one vote per member and item). Knows nothing of the choice.
 */
export async function markVoted(tx: Executor, itemId: string, memberId: string): Promise<boolean> {
  const marked = await tx.insert(sessionVoterMarks).values({ itemId, memberId }).onConflictDoNothing().returning({ itemId: sessionVoterMarks.itemId });
  return marked.length > 0;
}

/** Ballot, part 2: the sealed ballot, appended. Knows nothing of the voter; no timestamp, a random id. */
export async function insertSealedBallot(tx: Executor, itemId: string, sealed: Buffer): Promise<void> {
  await tx.insert(sessionSealedBallots).values({ itemId, sealed });
}

/** The sealed online ballots of an item (opened only when the session closes), in no meaningful order. */
export async function sealedBallotsOf(tx: Executor, itemId: string): Promise<Buffer[]> {
  const rows = await tx.select({ sealed: sessionSealedBallots.sealed }).from(sessionSealedBallots).where(eq(sessionSealedBallots.itemId, itemId));
  return rows.map((r) => r.sealed);
}

/** How many members have voted online on the item (their marks): "N of M have voted", never how. */
export async function votedCount(tx: Executor, itemId: string): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(sessionVoterMarks)
    .where(eq(sessionVoterMarks.itemId, itemId));
  return Number(r?.n ?? 0);
}

/** The secretary's count of paper ballots for a choice (replaces an earlier entry). */
export async function setPaperCount(tx: Executor, itemId: string, choice: BallotChoice, n: number): Promise<void> {
  await tx
    .insert(sessionBallotBox)
    .values({ itemId, channel: 'paper', choice, count: n })
    .onConflictDoUpdate({ target: [sessionBallotBox.itemId, sessionBallotBox.channel, sessionBallotBox.choice], set: { count: n } });
}

export interface BoxCounts {
  approve: number;
  reject: number;
  abstain: number;
  /** Online counters left from before sealed ballots (a session open during the upgrade); 0 otherwise. */
  legacyOnline: number;
  paper: number;
}

/** The counters kept in `session_ballot_box`: the secretary's paper counts per choice (and legacy online counters). */
export async function boxCounts(tx: Executor, itemId: string): Promise<BoxCounts> {
  const rows = await tx.select().from(sessionBallotBox).where(eq(sessionBallotBox.itemId, itemId));
  const sum = (channel: BallotChannel | null, choice: BallotChoice | null) =>
    rows.filter((r) => (channel === null || r.channel === channel) && (choice === null || r.choice === choice)).reduce((a, r) => a + r.count, 0);
  return {
    approve: sum(null, 'approve'),
    reject: sum(null, 'reject'),
    abstain: sum(null, 'abstain'),
    legacyOnline: sum('online', null),
    paper: sum('paper', null),
  };
}
