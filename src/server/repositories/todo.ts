import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { councilSessions, sessionAttendance, sessionItems, sessionVoterMarks } from '../db/schema/index.js';

/**
 * Open sessions in which this person sits present and still has items to vote on (the "Việc cần
 * làm" of a council member). Reads only the member's own "has voted" marks, never a choice.
 */
export async function openBallotsOf(tx: Executor, personId: string) {
  return tx
    .select({
      id: councilSessions.id,
      title: councilSessions.title,
      meetingDate: councilSessions.meetingDate,
      left: sql<number>`count(*) filter (where not exists (select 1 from ${sessionVoterMarks} m where m.item_id = ${sessionItems.id} and m.member_id = ${sessionAttendance.memberId}))::int`,
    })
    .from(councilSessions)
    .innerJoin(
      sessionAttendance,
      and(eq(sessionAttendance.sessionId, councilSessions.id), eq(sessionAttendance.personId, personId), eq(sessionAttendance.present, true)),
    )
    .innerJoin(sessionItems, eq(sessionItems.sessionId, councilSessions.id))
    .where(eq(councilSessions.status, 'open'))
    .groupBy(councilSessions.id, councilSessions.title, councilSessions.meetingDate)
    .orderBy(asc(councilSessions.meetingDate))
    .limit(20);
}
