import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { accounts, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { unitIdInScope } from '../policies/scope.js';

export type AccountRow = typeof accounts.$inferSelect;

export async function findVisibleAccount(tx: Executor, actor: Actor, id: string): Promise<AccountRow | undefined> {
  const [row] = await tx.select().from(accounts).where(and(eq(accounts.id, id), unitIdInScope(actor, accounts.unitId))).limit(1);
  return row;
}

export async function listVisibleAccounts(tx: Executor, actor: Actor) {
  return tx
    .select({ account: accounts, unitName: units.name })
    .from(accounts)
    .innerJoin(units, eq(units.id, accounts.unitId))
    .where(unitIdInScope(actor, accounts.unitId))
    .orderBy(asc(accounts.username));
}
