/** Registration by number (đăng ký số lượng): a unit's count sheet per campaign, its lines, the roll-up beside the proposals. */
import { and, asc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { dossierCandidates, dossiers, registrationCountHonors, registrationCountSheets, registrationCounts, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { unitIdInScope } from './scope.js';

export type CountSheetRow = typeof registrationCountSheets.$inferSelect;
export type CountLineRow = typeof registrationCounts.$inferSelect;
export type CountSheetValues = Omit<typeof registrationCountSheets.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'version'>;

/** A unit's count sheet in a campaign (the unit was found in scope already). */
export async function findCountSheet(tx: Executor, campaignKey: string, unitId: string): Promise<CountSheetRow | undefined> {
  const [row] = await tx
    .select()
    .from(registrationCountSheets)
    .where(and(eq(registrationCountSheets.campaignKey, campaignKey), eq(registrationCountSheets.unitId, unitId)));
  return row;
}

/** The unit's sheet, created empty (draft) the first time. */
export async function ensureCountSheet(tx: Executor, values: CountSheetValues): Promise<CountSheetRow> {
  await tx.insert(registrationCountSheets).values(values).onConflictDoNothing();
  const row = await findCountSheet(tx, values.campaignKey, values.unitId);
  if (!row) throw new Error('count sheet insert failed');
  return row;
}

/** Writes the sheet if it is still at `expectedVersion`; undefined when someone else wrote first. */
export async function updateCountSheetAtVersion(
  tx: Executor,
  id: string,
  expectedVersion: number,
  changes: Partial<Pick<CountSheetRow, 'status' | 'submittedAt' | 'submittedBy' | 'returnedAt' | 'returnedBy' | 'returnReason' | 'updatedBy'>>,
): Promise<CountSheetRow | undefined> {
  const [row] = await tx
    .update(registrationCountSheets)
    .set({ ...changes, version: sql`${registrationCountSheets.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(registrationCountSheets.id, id), eq(registrationCountSheets.version, expectedVersion)))
    .returning();
  return row;
}

export async function countLinesOf(tx: Executor, sheetId: string): Promise<CountLineRow[]> {
  return tx.select().from(registrationCounts).where(eq(registrationCounts.sheetId, sheetId));
}

/** Replaces a sheet's lines. */
export async function replaceCountLines(tx: Executor, sheetId: string, lines: { honor: string; count: number; note: string | null }[]): Promise<void> {
  await tx.delete(registrationCounts).where(eq(registrationCounts.sheetId, sheetId));
  if (lines.length) await tx.insert(registrationCounts).values(lines.map((l) => ({ ...l, sheetId })));
}

/** The honors the campaign's Office chose to count (null: not chosen, the default applies). */
export async function findCountHonors(tx: Executor, campaignKey: string): Promise<string[] | null> {
  const [row] = await tx
    .select({ honors: registrationCountHonors.honors })
    .from(registrationCountHonors)
    .where(eq(registrationCountHonors.campaignKey, campaignKey));
  return row?.honors ?? null;
}

export async function saveCountHonors(tx: Executor, campaignKey: string, honors: string[], updatedBy: string): Promise<void> {
  await tx
    .insert(registrationCountHonors)
    .values({ campaignKey, honors, updatedBy })
    .onConflictDoUpdate({ target: registrationCountHonors.campaignKey, set: { honors, updatedBy, updatedAt: sql`now()` } });
}

/** The campaign's count sheets within the actor's subtree, each line a row (a sheet without lines: one row, honor null). */
export async function countSheetRows(tx: Executor, actor: Pick<Actor, 'unitPath'>, campaignKey: string) {
  return tx
    .select({
      unitId: registrationCountSheets.unitId,
      unitName: units.name,
      status: registrationCountSheets.status,
      submittedAt: registrationCountSheets.submittedAt,
      returnReason: registrationCountSheets.returnReason,
      honor: registrationCounts.honor,
      count: registrationCounts.count,
      note: registrationCounts.note,
    })
    .from(registrationCountSheets)
    .innerJoin(units, eq(units.id, registrationCountSheets.unitId))
    .leftJoin(registrationCounts, eq(registrationCounts.sheetId, registrationCountSheets.id))
    .where(and(eq(registrationCountSheets.campaignKey, campaignKey), unitIdInScope(actor, registrationCountSheets.unitId)))
    .orderBy(asc(units.depth), asc(units.sortOrder), asc(units.name));
}

/** Dossier statuses that are not (or no longer) a proposal: still being written, or withdrawn by the unit. */
const NOT_PROPOSED = ['draft', 'withdrawn'];

/**
 * What the units actually proposed: candidates per unit and proposed honor in the units' own
 * dossiers of the campaign (a movement's dossiers; for an annual plan, the year's dossiers outside
 * any movement), sent (not draft nor withdrawn), within the actor's subtree.
 */
export async function proposedCounts(
  tx: Executor,
  actor: Pick<Actor, 'unitPath'>,
  campaign: { kind: 'plan' | 'movement'; id: string; year: number },
  honors: readonly string[],
) {
  if (honors.length === 0) return [];
  return tx
    .select({ unitId: dossiers.unitId, unitName: units.name, honor: dossierCandidates.proposedHonor, n: sql<number>`count(*)::int` })
    .from(dossierCandidates)
    .innerJoin(dossiers, eq(dossiers.id, dossierCandidates.dossierId))
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .where(
      and(
        campaign.kind === 'movement' ? eq(dossiers.movementId, campaign.id) : and(eq(dossiers.year, campaign.year), isNull(dossiers.movementId)),
        eq(dossiers.level, 'unit'),
        notInArray(dossiers.status, NOT_PROPOSED),
        inArray(dossierCandidates.proposedHonor, [...honors]),
        unitIdInScope(actor, dossiers.unitId),
      ),
    )
    .groupBy(dossiers.unitId, units.name, units.depth, units.sortOrder, dossierCandidates.proposedHonor)
    .orderBy(asc(units.depth), asc(units.sortOrder), asc(units.name));
}
