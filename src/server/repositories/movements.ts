import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { movementHonors, movementPhases, movementTargets, movementUnits, movements, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { inTurn } from '../db/in-turn.js';
import { ownedCondition, readableCondition, type Paging } from './plans.js';

export type MovementRow = typeof movements.$inferSelect;
export type MovementValues = Omit<typeof movements.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'version' | 'status'>;
type Part<T extends { $inferInsert: object }> = Omit<T['$inferInsert'], 'id' | 'movementId'>;
export interface MovementPartsValues {
  targets: Part<typeof movementTargets>[];
  phases: Part<typeof movementPhases>[];
  honors: Part<typeof movementHonors>[];
  participantUnitIds: string[];
}

export const movementReleased = sql`${movements.status} in ('launched', 'closed')`;

/** `lock` holds the movement for the transaction (one signature of its Kế hoạch at a time). */
export async function findReadableMovement(tx: Executor, actor: Actor, id: string, opts: { lock?: boolean } = {}): Promise<MovementRow | undefined> {
  const q = tx
    .select()
    .from(movements)
    .where(and(eq(movements.id, id), readableCondition(actor, movements.unitId, movementReleased)))
    .limit(1);
  const [row] = opts.lock ? await q.for('update') : await q;
  return row;
}

export async function findOwnedMovement(tx: Executor, actor: Actor, id: string): Promise<MovementRow | undefined> {
  const [row] = await tx
    .select()
    .from(movements)
    .where(and(eq(movements.id, id), ownedCondition(actor, movements.unitId)))
    .limit(1);
  return row;
}

/** A launched or closed movement, for the public portal (no actor). */
export async function findPublicMovement(tx: Executor, id: string): Promise<MovementRow | undefined> {
  const [row] = await tx
    .select()
    .from(movements)
    .where(and(eq(movements.id, id), movementReleased))
    .limit(1);
  return row;
}

/** The title and status of a movement's parent, whatever the actor's scope (shown on the child it may read). */
export async function unsafeFindMovementHeader(tx: Executor, id: string): Promise<{ id: string; title: string; status: string } | undefined> {
  const [row] = await tx.select({ id: movements.id, title: movements.title, status: movements.status }).from(movements).where(eq(movements.id, id));
  return row;
}

export interface MovementFilter {
  year?: number | undefined;
  status?: string | undefined;
  parentId?: string | undefined;
}

function movementWhere(actor: Actor, f: MovementFilter) {
  return and(
    readableCondition(actor, movements.unitId, movementReleased),
    f.year ? eq(movements.year, f.year) : undefined,
    f.status ? eq(movements.status, f.status) : undefined,
    f.parentId ? eq(movements.parentId, f.parentId) : undefined,
  );
}

/** Movements the actor may read (a page, or all for an export and a movement's children). */
export async function listMovements(tx: Executor, actor: Actor, f: MovementFilter, page?: Paging) {
  const q = tx
    .select({ movement: movements, unitName: units.name, unitPath: units.path })
    .from(movements)
    .innerJoin(units, eq(units.id, movements.unitId))
    .where(movementWhere(actor, f))
    .orderBy(desc(movements.year), desc(movements.startDate), asc(movements.title), asc(movements.id));
  return page ? q.limit(page.pageSize).offset((page.page - 1) * page.pageSize) : q;
}

export async function countMovements(tx: Executor, actor: Actor, f: MovementFilter): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(movements)
    .where(movementWhere(actor, f));
  return Number(r?.n ?? 0);
}

/** The released child movements of a movement (public portal). */
export async function listPublicChildMovements(tx: Executor, parentId: string) {
  return tx
    .select({ movement: movements, unitName: units.name, unitPath: units.path })
    .from(movements)
    .innerJoin(units, eq(units.id, movements.unitId))
    .where(and(eq(movements.parentId, parentId), movementReleased))
    .orderBy(asc(movements.startDate), asc(movements.title));
}

/** Public portal: launched and closed movements of every agency, a page at a time. */
export async function listPublicMovements(tx: Executor, page: Paging) {
  const rows = await tx
    .select({ movement: movements, unitName: units.name })
    .from(movements)
    .innerJoin(units, eq(units.id, movements.unitId))
    .where(movementReleased)
    .orderBy(desc(movements.year), asc(movements.title), asc(movements.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [count] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(movements)
    .where(movementReleased);
  return { rows, total: Number(count?.n ?? 0) };
}

/** Everything a movement holds besides its own row. */
export async function movementParts(tx: Executor, id: string) {
  const [targets, phases, honors, participants] = await inTurn(
    () => tx.select().from(movementTargets).where(eq(movementTargets.movementId, id)).orderBy(asc(movementTargets.sortOrder)),
    () => tx.select().from(movementPhases).where(eq(movementPhases.movementId, id)).orderBy(asc(movementPhases.sortOrder)),
    () => tx.select().from(movementHonors).where(eq(movementHonors.movementId, id)).orderBy(asc(movementHonors.sortOrder)),
    () =>
      tx
        .select({ id: units.id, name: units.name, path: units.path })
        .from(movementUnits)
        .innerJoin(units, eq(units.id, movementUnits.unitId))
        .where(eq(movementUnits.movementId, id))
        .orderBy(asc(units.sortOrder), asc(units.name)),
  );
  return { targets, phases, honors, participants };
}

export async function phasesOf(tx: Executor, id: string) {
  return tx.select().from(movementPhases).where(eq(movementPhases.movementId, id)).orderBy(asc(movementPhases.sortOrder));
}

/** The honors a movement offers, with their quotas. */
export async function honorsOfMovement(tx: Executor, id: string) {
  return tx.select().from(movementHonors).where(eq(movementHonors.movementId, id)).orderBy(asc(movementHonors.sortOrder));
}

/** The paths of a movement's listed participating units (empty = every unit under the owner). */
export async function participantPathsOf(tx: Executor, id: string): Promise<string[]> {
  const rows = await tx
    .select({ path: units.path })
    .from(movementUnits)
    .innerJoin(units, eq(units.id, movementUnits.unitId))
    .where(eq(movementUnits.movementId, id));
  return rows.map((r) => r.path);
}

export async function insertMovement(tx: Executor, values: MovementValues): Promise<MovementRow> {
  const [row] = await tx.insert(movements).values(values).returning();
  if (!row) throw new Error('insert failed');
  return row;
}

/** Updates a movement if it is still at `version`; undefined when someone else changed it meanwhile. */
export async function updateMovementAtVersion(tx: Executor, id: string, version: number, values: MovementValues, at: Date): Promise<MovementRow | undefined> {
  const [row] = await tx
    .update(movements)
    .set({ ...values, version: version + 1, updatedAt: at })
    .where(and(eq(movements.id, id), eq(movements.version, version)))
    .returning();
  return row;
}

/** Moves a movement to 'launched' or 'closed', stamping who and when. */
export async function setMovementStatus(tx: Executor, m: MovementRow, status: 'launched' | 'closed', by: string, at: Date): Promise<MovementRow> {
  const stamp = status === 'launched' ? { launchedAt: at, launchedBy: by } : { closedAt: at, closedBy: by };
  const [row] = await tx
    .update(movements)
    .set({ status, ...stamp, version: m.version + 1, updatedAt: at })
    .where(eq(movements.id, m.id))
    .returning();
  if (!row) throw new Error('update failed');
  return row;
}

/** Replaces a movement's targets, phases, honors offered and participants. */
export async function replaceMovementParts(tx: Executor, id: string, parts: MovementPartsValues): Promise<void> {
  await inTurn(
    () => tx.delete(movementTargets).where(eq(movementTargets.movementId, id)),
    () => tx.delete(movementPhases).where(eq(movementPhases.movementId, id)),
    () => tx.delete(movementHonors).where(eq(movementHonors.movementId, id)),
    () => tx.delete(movementUnits).where(eq(movementUnits.movementId, id)),
  );
  if (parts.targets.length) await tx.insert(movementTargets).values(parts.targets.map((t) => ({ ...t, movementId: id })));
  if (parts.phases.length) await tx.insert(movementPhases).values(parts.phases.map((p) => ({ ...p, movementId: id })));
  if (parts.honors.length) await tx.insert(movementHonors).values(parts.honors.map((h) => ({ ...h, movementId: id })));
  const participants = [...new Set(parts.participantUnitIds)];
  if (participants.length) await tx.insert(movementUnits).values(participants.map((unitId) => ({ movementId: id, unitId })));
}

/** Back-dates the launch of a seeded movement (demo data is dated as the seeds are). */
export async function unsafeStampMovementLaunch(tx: Executor, id: string, launchedAt: Date): Promise<void> {
  await tx.update(movements).set({ launchedAt, launchedBy: null }).where(eq(movements.id, id));
}
