import type { Executor } from '../db/client.js';
import { now } from '../clock.js';
import { cancelDeadlinesExcept, listDeadlinesOf, markDeadlinesDone, upsertDeadline, type DeadlineRow } from '../repositories/deadlines.js';
import type { DeadlineAudience, DeadlineKind } from '../../shared/schemas/plans.js';

export type { DeadlineRow } from '../repositories/deadlines.js';

/** What other code passes to put a deadline in the calendar (and get reminders sent for it). */
export interface DeadlineSpec {
  /** The kind of record it belongs to: 'plan', 'plan_task', 'movement', 'dossier', … */
  sourceType: string;
  sourceId: string;
  /** Distinguishes several deadlines of one record ('units_submit', 'report', 'phase-1'). */
  key: string;
  /** The owning unit: who may see it (its subtree, and descendants when audience = 'units'). */
  unitId: string;
  kind: DeadlineKind;
  title: string;
  /** yyyy-mm-dd; the deadline is the end of that day. */
  dueDate: string;
  /** 'office': the owning unit's office acts; 'units': every unit under the owner (or the movement's participants). */
  audience?: DeadlineAudience | undefined;
  responsibleUnitId?: string | null | undefined;
  note?: string | null | undefined;
  /** SPA path the reminders link to. */
  link?: string | null | undefined;
  /** Days before the due date to remind; null/undefined = the configured default (7 and 1). */
  remindDays?: number[] | null | undefined;
  /** The window opens at the start of this day (null = open until the due date). */
  startDate?: string | null | undefined;
  /** How the text counts the window's days ('calendar' or 'working'), and how many it gives. */
  dayCountKind?: string | null | undefined;
  dayCount?: number | null | undefined;
  /** Honors the deadline is for (empty = every honor). */
  honors?: string[] | undefined;
  /** 'open' (default); 'draft' keeps it out of the calendar and reminders until its record is released; 'done'. */
  status?: 'open' | 'draft' | 'done' | undefined;
}

/**
 * Registers (or updates in place) one deadline in the shared calendar; reminders follow
 * automatically. Call it inside the command's transaction. A changed due date reminds afresh.
 */
export async function registerDeadline(tx: Executor, spec: DeadlineSpec): Promise<DeadlineRow> {
  return upsertDeadline(
    tx,
    {
      sourceType: spec.sourceType,
      sourceId: spec.sourceId,
      key: spec.key,
      unitId: spec.unitId,
      kind: spec.kind,
      title: spec.title,
      dueDate: spec.dueDate,
      audience: spec.audience ?? 'office',
      responsibleUnitId: spec.responsibleUnitId ?? null,
      note: spec.note ?? null,
      link: spec.link ?? null,
      remindDays: spec.remindDays ?? null,
      startDate: spec.startDate ?? null,
      dayCountKind: spec.dayCountKind ?? null,
      dayCount: spec.dayCount ?? null,
      honors: spec.honors ?? [],
      status: spec.status ?? 'open',
    },
    now(),
  );
}

/** Replaces all deadlines of a record by `specs` (those no longer listed are cancelled, not deleted: notifications keep their link). */
export async function syncDeadlines(tx: Executor, sourceType: string, sourceId: string, specs: DeadlineSpec[]): Promise<DeadlineRow[]> {
  const rows: DeadlineRow[] = [];
  for (const s of specs) rows.push(await registerDeadline(tx, s));
  await cancelDeadlinesExcept(
    tx,
    sourceType,
    sourceId,
    specs.map((s) => s.key),
    now(),
  );
  return rows;
}

/** Marks a record's open deadlines done (e.g. a movement closed, a dossier submitted): reminders stop. */
export async function completeDeadlines(tx: Executor, sourceType: string, sourceId: string, key?: string): Promise<void> {
  await markDeadlinesDone(tx, sourceType, sourceId, key, now());
}

/** Cancels a record's deadlines (a withdrawn dossier, a deleted draft). */
export async function cancelDeadlines(tx: Executor, sourceType: string, sourceId: string): Promise<void> {
  await cancelDeadlinesExcept(tx, sourceType, sourceId, [], now());
}

/** The deadlines of one record, by due date (e.g. a movement's units_submit date for the dossier pipeline). */
export async function deadlinesOf(tx: Executor, sourceType: string, sourceId: string): Promise<DeadlineRow[]> {
  return listDeadlinesOf(tx, sourceType, sourceId);
}

/**
 * A movement's deadline for units to send their dossiers (kind 'unit_submission', e.g. seed 001's
 * 18/6/2021), for the dossier pipeline: the general one (for every honor); null when the movement sets none.
 */
export async function movementSubmissionDeadline(tx: Executor, movementId: string): Promise<DeadlineRow | null> {
  const rows = await deadlinesOf(tx, 'movement', movementId);
  const all = rows.filter((d) => d.kind === 'unit_submission');
  // The general one (no honor, no unit named), never a per-honor or a unit's own date.
  return all.find((d) => d.honors.length === 0 && !d.responsibleUnitId) ?? null;
}
