import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { accounts, movementUnits, people, registrations, units } from '../db/schema/index.js';
import type { Role } from '../../shared/codes.js';
import type { RemindableAccount } from '../policies/deadline.js';

/**
 * What the reminder job reads to pick recipients. The job acts for the whole installation, so
 * none of these is scoped to an actor (hence `unsafe`).
 */

/** Active accounts of the given roles, with their unit path and e-mail (accounts are few). */
export async function unsafeListRemindableAccounts(tx: Executor, roles: readonly Role[]): Promise<RemindableAccount[]> {
  if (roles.length === 0) return [];
  return tx
    .select({ accountId: accounts.id, displayName: accounts.displayName, email: people.email, unitId: accounts.unitId, role: accounts.role, path: units.path })
    .from(accounts)
    .innerJoin(units, eq(units.id, accounts.unitId))
    .leftJoin(people, eq(people.id, accounts.personId))
    .where(and(eq(accounts.active, true), inArray(accounts.role, [...roles])));
}

/** Unit paths by id (in chunks). */
export async function unsafeUnitPaths(tx: Executor, ids: string[]): Promise<Map<string, string>> {
  const paths = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 1000) {
    for (const u of await tx
      .select({ id: units.id, path: units.path })
      .from(units)
      .where(inArray(units.id, ids.slice(i, i + 1000))))
      paths.set(u.id, u.path);
  }
  return paths;
}

/** The participating units' paths of each movement (movements without a list are absent). */
export async function unsafeParticipantPathsOf(tx: Executor, movementIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (movementIds.length === 0) return out;
  const rows = await tx
    .select({ movementId: movementUnits.movementId, path: units.path })
    .from(movementUnits)
    .innerJoin(units, eq(units.id, movementUnits.unitId))
    .where(inArray(movementUnits.movementId, movementIds));
  for (const r of rows) out.set(r.movementId, [...(out.get(r.movementId) ?? []), r.path]);
  return out;
}

/** The units that have registered in each campaign (campaign key → unit ids). */
export async function unsafeRegisteredUnitsOf(tx: Executor, campaignKeys: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (campaignKeys.length === 0) return out;
  const rows = await tx
    .selectDistinct({ key: registrations.campaignKey, unitId: registrations.unitId })
    .from(registrations)
    .where(inArray(registrations.campaignKey, campaignKeys));
  for (const r of rows) out.set(r.key, (out.get(r.key) ?? new Set()).add(r.unitId));
  return out;
}
