import { and, between, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { deadlineReminderRuns, deadlines } from '../db/schema/index.js';

export type DeadlineRow = typeof deadlines.$inferSelect;
export type DeadlineValues = Omit<typeof deadlines.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

/** Inserts a deadline, or updates the one with the same (source type, source id, key) in place. */
export async function upsertDeadline(tx: Executor, values: DeadlineValues, at: Date): Promise<DeadlineRow> {
  const [row] = await tx
    .insert(deadlines)
    .values(values)
    .onConflictDoUpdate({ target: [deadlines.sourceType, deadlines.sourceId, deadlines.key], set: { ...values, updatedAt: at } })
    .returning();
  if (!row) throw new Error('deadline upsert failed');
  return row;
}

/** Cancels a record's deadlines whose key is not in `keep` (all of them when `keep` is empty). */
export async function cancelDeadlinesExcept(tx: Executor, sourceType: string, sourceId: string, keep: string[], at: Date): Promise<void> {
  await tx
    .update(deadlines)
    .set({ status: 'cancelled', updatedAt: at })
    .where(and(eq(deadlines.sourceType, sourceType), eq(deadlines.sourceId, sourceId), keep.length ? notInArray(deadlines.key, keep) : sql`true`));
}

/** Marks a record's open deadlines (or the one with `key`) done. */
export async function markDeadlinesDone(tx: Executor, sourceType: string, sourceId: string, key: string | undefined, at: Date): Promise<void> {
  await tx
    .update(deadlines)
    .set({ status: 'done', updatedAt: at })
    .where(and(eq(deadlines.sourceType, sourceType), eq(deadlines.sourceId, sourceId), eq(deadlines.status, 'open'), key ? eq(deadlines.key, key) : undefined));
}

/** The deadlines of one record that are not cancelled, by due date. */
export async function listDeadlinesOf(tx: Executor, sourceType: string, sourceId: string): Promise<DeadlineRow[]> {
  return tx
    .select()
    .from(deadlines)
    .where(and(eq(deadlines.sourceType, sourceType), eq(deadlines.sourceId, sourceId), sql`${deadlines.status} <> 'cancelled'`))
    .orderBy(deadlines.dueDate);
}

/** Open deadlines due between two days (inclusive): what a reminder tick looks at. No scope: the job acts for everyone. */
export async function unsafeListOpenDeadlinesDueBetween(tx: Executor, from: string, to: string): Promise<DeadlineRow[]> {
  return tx
    .select()
    .from(deadlines)
    .where(and(eq(deadlines.status, 'open'), between(deadlines.dueDate, from, to)));
}

export interface ReminderRunKey {
  deadlineId: string;
  offsetDays: number;
  dueDate: string;
}

/** Reminder offsets already processed for these deadlines (read in chunks: a province has thousands). */
export async function reminderRunsOf(tx: Executor, deadlineIds: string[]): Promise<ReminderRunKey[]> {
  const out: ReminderRunKey[] = [];
  for (let i = 0; i < deadlineIds.length; i += 1000) {
    const rows = await tx
      .select({ deadlineId: deadlineReminderRuns.deadlineId, offsetDays: deadlineReminderRuns.offsetDays, dueDate: deadlineReminderRuns.dueDate })
      .from(deadlineReminderRuns)
      .where(inArray(deadlineReminderRuns.deadlineId, deadlineIds.slice(i, i + 1000)));
    out.push(...rows);
  }
  return out;
}

/** Claims one reminder run; false when another server processed it meanwhile. */
export async function claimReminderRun(tx: Executor, run: ReminderRunKey): Promise<boolean> {
  const claimed = await tx.insert(deadlineReminderRuns).values(run).onConflictDoNothing().returning({ deadlineId: deadlineReminderRuns.deadlineId });
  return claimed.length > 0;
}

/** Records runs that reminded nobody, so later ticks skip them too. */
export async function recordReminderRuns(tx: Executor, runs: ReminderRunKey[]): Promise<void> {
  for (let i = 0; i < runs.length; i += 1000)
    await tx
      .insert(deadlineReminderRuns)
      .values(runs.slice(i, i + 1000))
      .onConflictDoNothing();
}
