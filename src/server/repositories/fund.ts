/** The award fund (funds, their ledger) and the award-item inventory with its re-issue requests. */
import { and, asc, count, desc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { awardDecisions, awardItemMoves, certificates, decisionAwardees, fundEntries, funds, reissueRequests } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { unitIdInScope } from './scope.js';

export type FundRow = typeof funds.$inferSelect;
export type FundEntryRow = typeof fundEntries.$inferSelect;
export type AwardItemMoveRow = typeof awardItemMoves.$inferSelect;
export type ReissueRow = typeof reissueRequests.$inferSelect;

/** The fund of a unit, year and kind, without creating it. */
export async function findFund(tx: Executor, unitId: string, year: number, kind: string): Promise<FundRow | undefined> {
  const [row] = await tx
    .select()
    .from(funds)
    .where(and(eq(funds.unitId, unitId), eq(funds.year, year), eq(funds.kind, kind)));
  return row;
}

/** The fund of a unit, year and kind, created on first use and locked for the rest of the transaction (balances are checked under the lock). */
export async function lockFund(tx: Executor, unitId: string, year: number, kind: string): Promise<FundRow> {
  await tx.insert(funds).values({ unitId, year, kind }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(funds)
    .where(and(eq(funds.unitId, unitId), eq(funds.year, year), eq(funds.kind, kind)))
    .for('update');
  return row!;
}

export async function updateFundSettings(tx: Executor, id: string, values: { capBasis: string | null; basisAmount: number | null; version: number }) {
  const [row] = await tx.update(funds).set(values).where(eq(funds.id, id)).returning();
  return row!;
}

export async function insertFundEntry(tx: Executor, values: typeof fundEntries.$inferInsert): Promise<FundEntryRow> {
  const [row] = await tx.insert(fundEntries).values(values).returning();
  return row!;
}

/** Sums of the fund's ledger by line kind. */
export async function fundTotals(tx: Executor, fundId: string): Promise<Record<string, number>> {
  const rows = await tx
    .select({ kind: fundEntries.kind, total: sql<string>`coalesce(sum(${fundEntries.amount}), 0)` })
    .from(fundEntries)
    .where(eq(fundEntries.fundId, fundId))
    .groupBy(fundEntries.kind);
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.total)]));
}

/** What was paid against commitments (the bonus fund's payments have none). */
export async function paidOnCommitments(tx: Executor, fundId: string): Promise<number> {
  const [row] = await tx
    .select({ total: sql<string>`coalesce(sum(${fundEntries.amount}), 0)` })
    .from(fundEntries)
    .where(and(eq(fundEntries.fundId, fundId), eq(fundEntries.kind, 'payment'), isNotNull(fundEntries.commitmentId)));
  return Number(row?.total ?? 0);
}

/** What was paid against revoked awardees' commitments (money the fund should recover). */
export async function paidOnReturned(tx: Executor, fundId: string): Promise<number> {
  const [row] = await tx
    .select({ total: sql<string>`coalesce(sum(${fundEntries.amount}), 0)` })
    .from(fundEntries)
    .where(
      and(
        eq(fundEntries.fundId, fundId),
        eq(fundEntries.kind, 'payment'),
        sql`${fundEntries.commitmentId} in (select r.commitment_id from fund_entries r where r.kind = 'return' and r.fund_id = ${fundId})`,
      ),
    );
  return Number(row?.total ?? 0);
}

export interface EntryFilter {
  kind?: string | undefined;
  page: number;
  pageSize: number;
}

/** One page of the ledger, in date order (the order of the book). */
export async function listFundEntries(tx: Executor, fundId: string, f: EntryFilter) {
  const where = and(eq(fundEntries.fundId, fundId), f.kind ? eq(fundEntries.kind, f.kind) : undefined);
  const rows = await tx
    .select({ entry: fundEntries, decisionNumber: awardDecisions.numberText })
    .from(fundEntries)
    .leftJoin(awardDecisions, eq(awardDecisions.id, fundEntries.decisionId))
    .where(where)
    .orderBy(asc(fundEntries.entryDate), asc(fundEntries.createdAt), asc(fundEntries.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [t] = await tx.select({ n: count() }).from(fundEntries).where(where);
  return { rows, total: Number(t?.n ?? 0) };
}

/** The whole ledger in book order (the Excel export; a fund has at most a few thousand lines a year). */
export async function allFundEntries(tx: Executor, fundId: string) {
  return tx
    .select({ entry: fundEntries, decisionNumber: awardDecisions.numberText })
    .from(fundEntries)
    .leftJoin(awardDecisions, eq(awardDecisions.id, fundEntries.decisionId))
    .where(eq(fundEntries.fundId, fundId))
    .orderBy(asc(fundEntries.entryDate), asc(fundEntries.createdAt), asc(fundEntries.id));
}

// The outer row is named in full: drizzle leaves a column unqualified in a one-table select, where it would
// resolve to the subquery's own row (and every sum would be 0).
const settled = (kind: string) =>
  sql<string>`coalesce((select sum(s.amount) from fund_entries s where s.commitment_id = "fund_entries"."id" and s.kind = ${kind}), 0)`;

/** The commitments of a fund with what was paid and returned on each. */
export async function listCommitments(tx: Executor, fundId: string, page: { page: number; pageSize: number }) {
  const where = and(eq(fundEntries.fundId, fundId), eq(fundEntries.kind, 'commitment'));
  const rows = await tx
    .select({
      entry: fundEntries,
      decisionNumber: awardDecisions.numberText,
      honor: decisionAwardees.honor,
      displayName: decisionAwardees.displayName,
      paid: settled('payment'),
      returned: settled('return'),
    })
    .from(fundEntries)
    .leftJoin(awardDecisions, eq(awardDecisions.id, fundEntries.decisionId))
    .leftJoin(decisionAwardees, eq(decisionAwardees.id, fundEntries.awardeeId))
    .where(where)
    .orderBy(asc(fundEntries.entryDate), asc(decisionAwardees.sortOrder), asc(fundEntries.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [t] = await tx.select({ n: count() }).from(fundEntries).where(where);
  return { rows: rows.map((r) => ({ ...r, paid: Number(r.paid), returned: Number(r.returned) })), total: Number(t?.n ?? 0) };
}

/** A commitment of a fund in the actor's scope, with its payments and return so far. */
export async function findVisibleCommitment(tx: Executor, actor: Actor, id: string) {
  const [row] = await tx
    .select({ entry: fundEntries, paid: settled('payment'), returned: settled('return'), year: funds.year })
    .from(fundEntries)
    .innerJoin(funds, eq(funds.id, fundEntries.fundId))
    .where(and(eq(fundEntries.id, id), eq(fundEntries.kind, 'commitment'), unitIdInScope(actor, fundEntries.unitId)));
  return row ? { ...row, paid: Number(row.paid), returned: Number(row.returned) } : undefined;
}

/** The commitments of some awardees (a revocation returns them). */
export async function commitmentsOfAwardees(tx: Executor, awardeeIds: string[]) {
  if (!awardeeIds.length) return [];
  return tx
    .select({ entry: fundEntries, paid: settled('payment'), returned: settled('return') })
    .from(fundEntries)
    .where(and(inArray(fundEntries.awardeeId, awardeeIds), eq(fundEntries.kind, 'commitment')));
}

// ------------------------------------------------------------------ award items

export async function insertItemMove(tx: Executor, values: typeof awardItemMoves.$inferInsert): Promise<AwardItemMoveRow> {
  const [row] = await tx.insert(awardItemMoves).values(values).returning();
  return row!;
}

/** Totals per item kind and movement of a unit up to and including `date`. */
export async function itemTotals(tx: Executor, unitId: string, date: string) {
  const rows = await tx
    .select({ itemKind: awardItemMoves.itemKind, move: awardItemMoves.move, total: sql<string>`coalesce(sum(${awardItemMoves.quantity}), 0)` })
    .from(awardItemMoves)
    .where(and(eq(awardItemMoves.unitId, unitId), lte(awardItemMoves.moveDate, date)))
    .groupBy(awardItemMoves.itemKind, awardItemMoves.move);
  return rows.map((r) => ({ ...r, total: Number(r.total) }));
}

/** Serialises stock changes of a unit (two issues at once cannot both take the last blank). */
export async function lockItemStock(tx: Executor, unitId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'award_items:' + unitId}))`);
}

export async function listItemMoves(tx: Executor, unitId: string, f: { itemKind?: string | undefined; page: number; pageSize: number }) {
  const where = and(eq(awardItemMoves.unitId, unitId), f.itemKind ? eq(awardItemMoves.itemKind, f.itemKind) : undefined);
  const rows = await tx
    .select({ move: awardItemMoves, decisionNumber: awardDecisions.numberText, certificateNumber: certificates.number, certificateYear: certificates.year })
    .from(awardItemMoves)
    .leftJoin(awardDecisions, eq(awardDecisions.id, awardItemMoves.decisionId))
    .leftJoin(certificates, eq(certificates.id, awardItemMoves.certificateId))
    .where(where)
    .orderBy(desc(awardItemMoves.moveDate), desc(awardItemMoves.createdAt), desc(awardItemMoves.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [t] = await tx.select({ n: count() }).from(awardItemMoves).where(where);
  return { rows, total: Number(t?.n ?? 0) };
}

/** Certificates that already have an item issued (so issuing a decision twice issues nothing twice). */
export async function certificatesWithIssuedItem(tx: Executor, certificateIds: string[]): Promise<Set<string>> {
  if (!certificateIds.length) return new Set();
  const rows = await tx
    .select({ id: awardItemMoves.certificateId, move: awardItemMoves.move })
    .from(awardItemMoves)
    .where(and(inArray(awardItemMoves.certificateId, certificateIds), isNotNull(awardItemMoves.certificateId)));
  return new Set(rows.filter((r) => r.move === 'issued').map((r) => r.id!));
}

/** Certificates whose item was issued and not yet recalled, among these (a revocation recalls them). */
export async function issuedNotRecalled(tx: Executor, certificateIds: string[]) {
  if (!certificateIds.length) return [];
  const rows = await tx.select().from(awardItemMoves).where(inArray(awardItemMoves.certificateId, certificateIds));
  const recalled = new Set(rows.filter((r) => r.move === 'recalled').map((r) => r.certificateId));
  return rows.filter((r) => r.move === 'issued' && !recalled.has(r.certificateId));
}

/** Certificates of a decision flagged revoked, for some awardees or all (after `revokeCertificatesOfDecision`). */
export async function revokedCertificatesOfDecision(tx: Executor, decisionId: string, awardeeIds?: string[]) {
  return tx
    .select()
    .from(certificates)
    .where(
      and(
        eq(certificates.decisionId, decisionId),
        eq(certificates.revoked, true),
        awardeeIds?.length ? inArray(certificates.awardeeId, awardeeIds) : undefined,
      ),
    );
}

// ------------------------------------------------------------------ re-issue requests

export async function insertReissue(tx: Executor, values: typeof reissueRequests.$inferInsert): Promise<ReissueRow> {
  const [row] = await tx.insert(reissueRequests).values(values).returning();
  return row!;
}

export async function updateReissue(tx: Executor, id: string, values: Partial<typeof reissueRequests.$inferInsert>): Promise<ReissueRow> {
  const [row] = await tx.update(reissueRequests).set(values).where(eq(reissueRequests.id, id)).returning();
  return row!;
}

export async function lockVisibleReissue(tx: Executor, actor: Actor, id: string): Promise<ReissueRow | undefined> {
  const [row] = await tx
    .select()
    .from(reissueRequests)
    .where(and(eq(reissueRequests.id, id), unitIdInScope(actor, reissueRequests.unitId)))
    .for('update');
  return row;
}

/** A pending request on this certificate (one at a time). */
export async function pendingReissueOf(tx: Executor, certificateId: string): Promise<ReissueRow | undefined> {
  const [row] = await tx
    .select()
    .from(reissueRequests)
    .where(and(eq(reissueRequests.certificateId, certificateId), eq(reissueRequests.status, 'pending')));
  return row;
}

const oldCert = sql`(select row_to_json(c) from certificates c where c.id = ${reissueRequests.certificateId})`;
const newCert = sql`(select row_to_json(c) from certificates c where c.id = ${reissueRequests.newCertificateId})`;

export interface ReissueCertificateBrief {
  id: string;
  number: number;
  year: number;
  honor_label: string;
  recipient_name: string;
  decision_number: string;
  revoked: boolean;
}

export async function listVisibleReissues(tx: Executor, actor: Actor, f: { status?: string | undefined; page: number; pageSize: number }) {
  const where = and(unitIdInScope(actor, reissueRequests.unitId), f.status ? eq(reissueRequests.status, f.status) : undefined);
  const rows = await tx
    .select({ request: reissueRequests, old: sql<ReissueCertificateBrief>`${oldCert}`, fresh: sql<ReissueCertificateBrief | null>`${newCert}` })
    .from(reissueRequests)
    .where(where)
    .orderBy(desc(reissueRequests.receivedDate), desc(reissueRequests.createdAt))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [t] = await tx.select({ n: count() }).from(reissueRequests).where(where);
  return { rows, total: Number(t?.n ?? 0) };
}

export async function findVisibleReissue(tx: Executor, actor: Actor, id: string) {
  const [row] = await tx
    .select({ request: reissueRequests, old: sql<ReissueCertificateBrief>`${oldCert}`, fresh: sql<ReissueCertificateBrief | null>`${newCert}` })
    .from(reissueRequests)
    .where(and(eq(reissueRequests.id, id), unitIdInScope(actor, reissueRequests.unitId)));
  return row;
}
