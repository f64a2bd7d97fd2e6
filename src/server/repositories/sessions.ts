import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { councilMembers, councils, councilSessions, dossierCandidates, dossiers, people, sessionAttendance, sessionBallotBox, sessionConflicts, sessionItems, sessionVoterMarks, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { unitIdInScope } from '../policies/scope.js';

export type SessionRow = typeof councilSessions.$inferSelect;

export async function findVisibleSession(tx: Executor, actor: Actor, id: string, lock = false): Promise<SessionRow | undefined> {
  const q = tx.select().from(councilSessions).where(and(eq(councilSessions.id, id), unitIdInScope(actor, councilSessions.unitId))).limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function listSessions(tx: Executor, actor: Actor) {
  return tx
    .select({
      session: councilSessions,
      councilName: councils.name,
      itemCount: sql<number>`(select count(*)::int from session_items i where i.session_id = council_sessions.id)`,
    })
    .from(councilSessions)
    .innerJoin(councils, eq(councils.id, councilSessions.councilId))
    .where(unitIdInScope(actor, councilSessions.unitId))
    .orderBy(desc(councilSessions.meetingDate), desc(councilSessions.createdAt))
    .limit(200);
}

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
    .select({ memberId: sessionAttendance.memberId, personId: sessionAttendance.personId, present: sessionAttendance.present, fullName: people.fullName, position: councilMembers.position })
    .from(sessionAttendance)
    .innerJoin(people, eq(people.id, sessionAttendance.personId))
    .innerJoin(councilMembers, eq(councilMembers.id, sessionAttendance.memberId))
    .where(eq(sessionAttendance.sessionId, s.id))
    .orderBy(asc(people.sortKey));
  const conflicts = await tx.select().from(sessionConflicts).where(eq(sessionConflicts.sessionId, s.id));
  const myMember = actor.personId ? attendance.find((a) => a.personId === actor.personId) : undefined;
  const myMarks = myMember
    ? await tx.select({ itemId: sessionVoterMarks.itemId }).from(sessionVoterMarks).innerJoin(sessionItems, eq(sessionItems.id, sessionVoterMarks.itemId)).where(and(eq(sessionItems.sessionId, s.id), eq(sessionVoterMarks.memberId, myMember.memberId)))
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
  return { council: council!, items, attendance, conflicts, myMember, myMarks: new Set(myMarks.map((m) => m.itemId)), votedCounts: new Map(votedCounts.map((v) => [v.itemId, Number(v.n)])), paperCounts: new Map(paper.map((p) => [p.itemId, Number(p.n)])) };
}
