import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { people, registrationReopenings, registrations, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { unitIdInScope } from './scope.js';
import { visibleRegistrationsCondition } from './scope.js';
import type { Paging } from './plans.js';

export type RegistrationRow = typeof registrations.$inferSelect;
export type RegistrationValues = Omit<typeof registrations.$inferInsert, 'id' | 'createdAt'>;
export type ReopeningRow = typeof registrationReopenings.$inferSelect;

/** The path of a campaign's owning unit (the campaign was found in scope already). */
export async function unsafeUnitPath(tx: Executor, unitId: string): Promise<string | undefined> {
  const [u] = await tx.select({ path: units.path }).from(units).where(eq(units.id, unitId));
  return u?.path;
}

/** A unit row by id, whatever the actor's scope (a visible person's unit, a visible registration's unit). */
export async function unsafeFindUnit(tx: Executor, id: string) {
  const [u] = await tx.select().from(units).where(eq(units.id, id));
  return u;
}

/** A registration by id, before its visibility is checked through its person or unit. */
export async function unsafeFindRegistration(tx: Executor, id: string): Promise<RegistrationRow | undefined> {
  const [row] = await tx.select().from(registrations).where(eq(registrations.id, id));
  return row;
}

/** A reopening of the campaign for one of these units that runs at least until `today`. */
export async function findActiveReopening(tx: Executor, campaignKey: string, unitIds: string[], today: string): Promise<ReopeningRow | undefined> {
  const [row] = await tx
    .select()
    .from(registrationReopenings)
    .where(and(eq(registrationReopenings.campaignKey, campaignKey), inArray(registrationReopenings.unitId, unitIds), gte(registrationReopenings.until, today)))
    .limit(1);
  return row;
}

/** Inserts one registration; undefined when the subject has registered that honor already. */
export async function insertRegistrationOnce(tx: Executor, values: RegistrationValues): Promise<RegistrationRow | undefined> {
  const [row] = await tx.insert(registrations).values(values).onConflictDoNothing().returning();
  return row;
}

export async function deleteRegistration(tx: Executor, id: string): Promise<void> {
  await tx.delete(registrations).where(eq(registrations.id, id));
}

/** One unit's registrations in a campaign (its sheet). */
export async function registrationsOfUnit(tx: Executor, campaignKey: string, unitId: string): Promise<RegistrationRow[]> {
  return tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.campaignKey, campaignKey), eq(registrations.unitId, unitId)));
}

/** Replaces one unit's registrations in a campaign by `rows` (in chunks: a unit may have hundreds of staff). */
export async function replaceUnitRegistrations(tx: Executor, campaignKey: string, unitId: string, rows: RegistrationValues[]): Promise<void> {
  await tx.delete(registrations).where(and(eq(registrations.campaignKey, campaignKey), eq(registrations.unitId, unitId)));
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(registrations).values(rows.slice(i, i + 1000));
}

/** Staff of a unit (active), for its registration sheet and its checks. */
export async function activeStaffOfUnit(tx: Executor, unitId: string) {
  return tx
    .select({ id: people.id, fullName: people.fullName, position: people.position })
    .from(people)
    .where(and(eq(people.unitId, unitId), eq(people.active, true)))
    .orderBy(asc(people.sortKey));
}

/** These people with their unit and status (the sheet checks they belong to its unit). */
export async function unsafePeopleByIds(tx: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.select({ id: people.id, fullName: people.fullName, unitId: people.unitId, active: people.active }).from(people).where(inArray(people.id, ids));
}

export interface RegistrationFilter {
  campaignKey: string;
  unitId?: string | undefined;
}

function visibleWhere(actor: Actor, f: RegistrationFilter) {
  return and(
    eq(registrations.campaignKey, f.campaignKey),
    visibleRegistrationsCondition(actor, { unitId: registrations.unitId, personId: registrations.personId }),
    f.unitId ? eq(registrations.unitId, f.unitId) : undefined,
  );
}

/** Registrations of a campaign the actor may see (its subtree; staff: their own), a page or all (export). */
export async function listVisibleRegistrations(tx: Executor, actor: Actor, f: RegistrationFilter, page?: Paging) {
  const q = tx
    .select({ reg: registrations, unitName: units.name, personName: people.fullName })
    .from(registrations)
    .innerJoin(units, eq(units.id, registrations.unitId))
    .leftJoin(people, eq(people.id, registrations.personId))
    .where(visibleWhere(actor, f))
    .orderBy(units.sortOrder, units.name, people.sortKey, registrations.id);
  return page ? q.limit(page.pageSize).offset((page.page - 1) * page.pageSize) : q;
}

export async function countVisibleRegistrations(tx: Executor, actor: Actor, f: RegistrationFilter): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(visibleWhere(actor, f));
  return Number(r?.n ?? 0);
}

/** How many registrations a campaign has per honor (all units: the movement page shows the totals). */
export async function countRegistrationsByHonor(tx: Executor, campaignKey: string): Promise<Map<string, number>> {
  const rows = await tx
    .select({ honor: registrations.honor, n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(eq(registrations.campaignKey, campaignKey))
    .groupBy(registrations.honor);
  return new Map(rows.map((c) => [c.honor, Number(c.n)]));
}

/** Registrations of a campaign grouped by unit, honor and subject kind, within the actor's scope (the roll-up). */
export async function rollupRows(tx: Executor, actor: Actor, campaignKey: string) {
  return tx
    .select({
      unitId: registrations.unitId,
      unitName: units.name,
      sortOrder: units.sortOrder,
      depth: units.depth,
      honor: registrations.honor,
      kind: registrations.subjectKind,
      n: sql<number>`count(*)::int`,
    })
    .from(registrations)
    .innerJoin(units, eq(units.id, registrations.unitId))
    .where(and(eq(registrations.campaignKey, campaignKey), unitIdInScope(actor, registrations.unitId)))
    .groupBy(registrations.unitId, units.name, units.sortOrder, units.depth, registrations.honor, registrations.subjectKind)
    .orderBy(asc(units.depth), asc(units.sortOrder), asc(units.name));
}

export async function insertReopening(tx: Executor, values: Omit<typeof registrationReopenings.$inferInsert, 'id' | 'createdAt'>): Promise<ReopeningRow> {
  const [row] = await tx.insert(registrationReopenings).values(values).returning();
  if (!row) throw new Error('insert failed');
  return row;
}

export async function reopeningsOf(tx: Executor, campaignKey: string) {
  return tx
    .select({ r: registrationReopenings, unitName: units.name })
    .from(registrationReopenings)
    .innerJoin(units, eq(units.id, registrationReopenings.unitId))
    .where(eq(registrationReopenings.campaignKey, campaignKey))
    .orderBy(registrationReopenings.createdAt);
}
