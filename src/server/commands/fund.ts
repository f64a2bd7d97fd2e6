/**
 * The award fund (quỹ thi đua, khen thưởng) of a unit and year, and the bonus fund of NĐ 73/2024
 * kept apart: sources, the commitments decisions create, payments, returns after revocation,
 * organising spending. Legal shares come from the governing pack (`rules/fund.ts`); the
 * agency's base (recurrent spending, salary fund) is data on the fund.
 */
import type { Executor } from '../db/client.js';
import { insertFundEntriesBulk } from '../repositories/decision-lists.js';
import type { CommandContext } from './run.js';
import {
  commitmentsOfAwardees,
  findFund,
  findVisibleCommitment,
  fundTotals,
  insertFundEntry,
  lockFund,
  paidOnCommitments,
  paidOnReturned,
  updateFundSettings,
  type FundEntryRow,
  type FundRow,
} from '../repositories/fund.js';
import { findVisibleUnit } from '../repositories/units.js';
import { badRequest, forbidden, notFound, StaleVersion } from '../errors.js';
import { FundCapExceeded, FundInsufficient, mayFund, PaymentAboveCommitted } from '../policies/fund.js';
import { governingPackOfUnit } from '../records/eligibility.js';
import { bonusFundCap, budgetCap, budgetCapText, organisingCap } from '../rules/index.js';
import { percent, vnd } from '../rules/labels.js';
import { todayVn } from '../clock.js';
import { FUND_KIND_LABELS, type FundCapBasis, type FundKind } from '../../shared/codes.js';
import { formatDateVi } from '../../shared/format-vi.js';
import type { AwardeeRow, DecisionRow } from '../repositories/decisions.js';

export interface FundSummary {
  budget: number;
  contribution: number;
  income: number;
  committed: number;
  returned: number;
  paid: number;
  organising: number;
  /** Money in the fund: income − payments − organising. */
  balance: number;
  /** Still owed on commitments that stand. */
  owed: number;
  /** What the fund can still take on: balance − owed. */
  available: number;
  /** Paid on awards revoked since (to be recovered, Law Art 93). */
  toRecover: number;
}

/** The fund's figures from its ledger. */
export async function summarise(tx: Executor, fund: FundRow): Promise<FundSummary> {
  const t = await fundTotals(tx, fund.id);
  const v = (k: string) => t[k] ?? 0;
  const income = v('budget') + v('contribution');
  const paidOnReturns = await paidOnReturned(tx, fund.id);
  const paidOnCommit = await paidOnCommitments(tx, fund.id);
  const balance = income - v('payment') - v('organising');
  const owed = v('commitment') - v('return') - (paidOnCommit - paidOnReturns);
  return {
    budget: v('budget'),
    contribution: v('contribution'),
    income,
    committed: v('commitment'),
    returned: v('return'),
    paid: v('payment'),
    organising: v('organising'),
    balance,
    owed,
    available: balance - owed,
    toRecover: paidOnReturns,
  };
}

/** The unit whose fund is meant: the one asked for (in scope) or the actor's own. */
async function fundUnit(ctx: CommandContext, unitId: string | undefined) {
  const u = await findVisibleUnit(ctx.tx, ctx.actor, unitId ?? ctx.actor.unitId);
  if (!u) throw notFound('Không tìm thấy đơn vị.');
  return u;
}

function assertEntryDate(date: string, year: number): void {
  if (date > todayVn()) throw badRequest('Ngày chứng từ không được sau ngày hôm nay.');
  if (Number(date.slice(0, 4)) < year) throw badRequest(`Ngày chứng từ phải từ năm ${year} trở đi.`);
}

export interface FundSettingsInput {
  kind: FundKind;
  unitId?: string | undefined;
  capBasis: FundCapBasis | null;
  basisAmount: number | null;
  version?: number | undefined;
}

/** Sets the base the legal cap applies to (the unit's recurrent spending or salary fund of the year). */
export async function configureFund(ctx: CommandContext, year: number, input: FundSettingsInput): Promise<FundRow> {
  if (!mayFund(ctx.actor, 'configure')) throw forbidden();
  const unit = await fundUnit(ctx, input.unitId);
  const fund = await lockFund(ctx.tx, unit.id, year, input.kind);
  if (input.version !== undefined && input.version !== fund.version) throw new StaleVersion('Quỹ đã được người khác sửa. Hãy tải lại và thử lại.');
  if (input.kind === 'bonus' && input.capBasis && input.capBasis !== 'salary_fund')
    throw badRequest('Quỹ tiền thưởng (NĐ 73/2024) trích theo quỹ tiền lương, không theo chi thường xuyên.');
  if ((input.capBasis === null) !== (input.basisAmount === null)) throw badRequest('Hãy nhập cả căn cứ trích lập và số tiền của căn cứ.');
  const row = await updateFundSettings(ctx.tx, fund.id, { capBasis: input.capBasis, basisAmount: input.basisAmount, version: fund.version + 1 });
  await ctx.audit({
    action: 'fund.configured',
    entityType: 'fund',
    entityId: fund.id,
    unitId: unit.id,
    summary: `${FUND_KIND_LABELS[input.kind]} năm ${year} của ${unit.name}: căn cứ trích lập ${input.basisAmount === null ? 'chưa khai báo' : vnd(input.basisAmount)}`,
    before: { capBasis: fund.capBasis, basisAmount: fund.basisAmount },
    after: { capBasis: input.capBasis, basisAmount: input.basisAmount },
  });
  return row;
}

export interface SourceInput {
  kind: FundKind;
  unitId?: string | undefined;
  source: 'budget' | 'contribution';
  amount: number;
  entryDate: string;
  voucher?: string | null | undefined;
  description: string;
}

/** A budget allocation (within the legal cap, when the base is known) or a contribution. */
export async function addFundSource(ctx: CommandContext, year: number, input: SourceInput): Promise<FundEntryRow> {
  if (!mayFund(ctx.actor, 'addSource')) throw forbidden();
  assertEntryDate(input.entryDate, year);
  const unit = await fundUnit(ctx, input.unitId);
  const fund = await lockFund(ctx.tx, unit.id, year, input.kind);
  if (input.source === 'budget') {
    const pack = await governingPackOfUnit(ctx.tx, unit.id, input.entryDate);
    const s = await summarise(ctx.tx, fund);
    const cap =
      input.kind === 'bonus'
        ? (() => {
            const b = bonusFundCap(pack, fund.basisAmount);
            return { cap: b.cap, text: b.cap === null ? '' : `mức ${percent(b.rule.share)} quỹ tiền lương (${vnd(b.cap)}; ${b.rule.article})` };
          })()
        : (() => {
            const a = budgetCap(pack, fund.capBasis as FundCapBasis | null, fund.basisAmount);
            return { cap: a.cap, text: budgetCapText(a) };
          })();
    if (cap.cap !== null && s.budget + input.amount > cap.cap)
      throw new FundCapExceeded(
        `Ngân sách cấp cho quỹ năm ${year} sẽ là ${vnd(s.budget + input.amount)}, vượt ${cap.text}. Đã cấp ${vnd(s.budget)}, còn được cấp tối đa ${vnd(Math.max(0, cap.cap - s.budget))}.`,
      );
  }
  const row = await insertFundEntry(ctx.tx, {
    fundId: fund.id,
    unitId: unit.id,
    kind: input.source,
    amount: input.amount,
    entryDate: input.entryDate,
    voucher: input.voucher?.trim() || null,
    description: input.description.trim(),
    createdBy: ctx.actor.accountId,
  });
  await ctx.audit({
    action: 'fund.source_added',
    entityType: 'fund',
    entityId: fund.id,
    unitId: unit.id,
    summary: `${input.source === 'budget' ? 'Ngân sách cấp' : 'Đóng góp'} ${vnd(input.amount)} vào ${FUND_KIND_LABELS[input.kind]} năm ${year}: ${row.description}`,
  });
  return row;
}

export interface PaymentInput {
  kind: FundKind;
  unitId?: string | undefined;
  /** The commitment paid (TĐKT fund); the bonus fund pays without one. */
  commitmentId?: string | undefined;
  amount: number;
  entryDate: string;
  voucher: string;
  payee: string;
  description?: string | null | undefined;
}

/** Pays a commitment (never above what is still owed, never beyond the fund's balance). */
export async function payFromFund(ctx: CommandContext, year: number, input: PaymentInput): Promise<FundEntryRow> {
  if (!mayFund(ctx.actor, 'pay')) throw forbidden();
  assertEntryDate(input.entryDate, year);
  let unitId: string;
  let commitment: Awaited<ReturnType<typeof findVisibleCommitment>>;
  if (input.kind === 'tdkt') {
    if (!input.commitmentId) throw badRequest('Hãy chọn khoản tiền thưởng theo quyết định cần chi.');
    commitment = await findVisibleCommitment(ctx.tx, ctx.actor, input.commitmentId);
    if (!commitment || commitment.year !== year) throw notFound('Không tìm thấy khoản tiền thưởng trong quỹ năm này.');
    unitId = commitment.entry.unitId;
  } else {
    if (input.commitmentId) throw badRequest('Quỹ tiền thưởng (NĐ 73/2024) không chi theo quyết định khen thưởng.');
    unitId = (await fundUnit(ctx, input.unitId)).id;
  }
  const fund = await lockFund(ctx.tx, unitId, year, input.kind);
  if (commitment) {
    // Re-read under the fund's lock: a concurrent payment on the same commitment is counted.
    commitment = await findVisibleCommitment(ctx.tx, ctx.actor, commitment.entry.id);
    if (!commitment) throw notFound('Không tìm thấy khoản tiền thưởng trong quỹ năm này.');
    if (commitment.returned > 0) throw new PaymentAboveCommitted('Khen thưởng này đã bị hủy bỏ: không chi tiền thưởng.');
    const left = commitment.entry.amount - commitment.paid;
    if (input.amount > left)
      throw new PaymentAboveCommitted(
        `Số tiền chi ${vnd(input.amount)} vượt số còn phải chi theo quyết định: ${vnd(left)} (đã chi ${vnd(commitment.paid)} trên ${vnd(commitment.entry.amount)}).`,
      );
  }
  const s = await summarise(ctx.tx, fund);
  if (input.amount > s.balance)
    throw new FundInsufficient(
      s.balance <= 0
        ? `${FUND_KIND_LABELS[input.kind]} năm ${year} chưa có tiền (số dư ${vnd(s.balance)}): hãy ghi nguồn quỹ trước khi chi.`
        : `${FUND_KIND_LABELS[input.kind]} năm ${year} không đủ để chi: số dư ${vnd(s.balance)}, cần ${vnd(input.amount)}.`,
    );
  const row = await insertFundEntry(ctx.tx, {
    fundId: fund.id,
    unitId,
    kind: 'payment',
    amount: input.amount,
    entryDate: input.entryDate,
    decisionId: commitment?.entry.decisionId ?? null,
    awardeeId: null,
    commitmentId: commitment?.entry.id ?? null,
    voucher: input.voucher.trim(),
    payee: input.payee.trim(),
    description: input.description?.trim() || (commitment ? `Chi tiền thưởng: ${commitment.entry.description}` : 'Chi tiền thưởng'),
    createdBy: ctx.actor.accountId,
  });
  await ctx.audit({
    action: 'fund.paid',
    entityType: 'fund',
    entityId: fund.id,
    unitId,
    summary: `Chi ${vnd(input.amount)} cho ${row.payee} (chứng từ ${row.voucher}, ngày ${formatDateVi(input.entryDate)})`,
  });
  return row;
}

export interface OrganisingInput {
  unitId?: string | undefined;
  amount: number;
  entryDate: string;
  voucher?: string | null | undefined;
  description: string;
}

/** Spending on organising the movements: within the pack's share of the fund (TT 28/2025) and the balance. */
export async function spendOnOrganising(ctx: CommandContext, year: number, input: OrganisingInput): Promise<FundEntryRow> {
  if (!mayFund(ctx.actor, 'spendOrganising')) throw forbidden();
  assertEntryDate(input.entryDate, year);
  const unit = await fundUnit(ctx, input.unitId);
  const fund = await lockFund(ctx.tx, unit.id, year, 'tdkt');
  const s = await summarise(ctx.tx, fund);
  const pack = await governingPackOfUnit(ctx.tx, unit.id, input.entryDate);
  const cap = organisingCap(pack, s.income);
  if (s.organising + input.amount > cap.cap)
    throw new FundCapExceeded(
      `Chi tổ chức phong trào tối đa ${percent(cap.rule.share)} quỹ (${vnd(cap.cap)} trên ${vnd(s.income)}; ${cap.rule.article}): đã chi ${vnd(s.organising)}, còn được chi ${vnd(Math.max(0, cap.cap - s.organising))}.`,
    );
  if (input.amount > s.balance) throw new FundInsufficient(`Quỹ không đủ để chi: số dư ${vnd(s.balance)}, cần ${vnd(input.amount)}.`);
  const row = await insertFundEntry(ctx.tx, {
    fundId: fund.id,
    unitId: unit.id,
    kind: 'organising',
    amount: input.amount,
    entryDate: input.entryDate,
    voucher: input.voucher?.trim() || null,
    description: input.description.trim(),
    createdBy: ctx.actor.accountId,
  });
  await ctx.audit({
    action: 'fund.organising_spent',
    entityType: 'fund',
    entityId: fund.id,
    unitId: unit.id,
    summary: `Chi tổ chức phong trào ${vnd(input.amount)}: ${row.description}`,
  });
  return row;
}

/**
 * The money of an issued decision goes into the issuing unit's TĐKT fund of the decision's year:
 * one commitment per awardee with money (the amounts the rules computed). Called inside the
 * issuing transaction; a decision of a higher authority is paid from that authority's fund.
 */
export async function commitDecisionMoney(ctx: CommandContext, decision: DecisionRow, awardees: AwardeeRow[]): Promise<number> {
  const withMoney = awardees.filter((a) => a.amount > 0 && !a.revoked);
  if (!withMoney.length) return 0;
  const fund = await lockFund(ctx.tx, decision.unitId, decision.year, 'tdkt');
  let total = 0;
  // One line per awardee, in multi-row inserts (a decision may list thousands).
  await insertFundEntriesBulk(
    ctx.tx,
    withMoney.map((a) => {
      total += a.amount;
      return {
        fundId: fund.id,
        unitId: decision.unitId,
        kind: 'commitment',
        amount: a.amount,
        entryDate: decision.decisionDate,
        decisionId: decision.id,
        awardeeId: a.id,
        payee: a.displayName,
        description: `${a.displayName}: Quyết định số ${decision.numberText}`,
        createdBy: ctx.actor.accountId,
      };
    }),
  );
  await ctx.audit({
    action: 'fund.committed',
    entityType: 'fund',
    entityId: fund.id,
    unitId: decision.unitId,
    summary: `Tiền thưởng theo Quyết định số ${decision.numberText}: ${vnd(total)} (${withMoney.length} tập thể, cá nhân) vào quỹ năm ${decision.year}`,
  });
  return total;
}

/**
 * A revocation returns the commitments of the revoked awardees to the fund (one return line each,
 * dated today); what was paid already stays in the book as money to recover.
 */
export async function returnRevokedMoney(ctx: CommandContext, decision: DecisionRow, awardeeIds: string[], reason: string): Promise<number> {
  const rows = (await commitmentsOfAwardees(ctx.tx, awardeeIds)).filter((r) => Number(r.returned) === 0);
  if (!rows.length) return 0;
  await lockFund(ctx.tx, decision.unitId, decision.year, 'tdkt');
  let total = 0;
  for (const r of rows) {
    await insertFundEntry(ctx.tx, {
      fundId: r.entry.fundId,
      unitId: r.entry.unitId,
      kind: 'return',
      amount: r.entry.amount,
      entryDate: todayVn(),
      decisionId: decision.id,
      awardeeId: r.entry.awardeeId,
      commitmentId: r.entry.id,
      payee: r.entry.payee,
      description: `Hủy bỏ khen thưởng ${r.entry.payee ?? ''} tại Quyết định số ${decision.numberText}: ${reason}${Number(r.paid) > 0 ? ` (đã chi ${vnd(Number(r.paid))}: phải thu hồi)` : ''}`,
      createdBy: ctx.actor.accountId,
    });
    total += r.entry.amount;
  }
  await ctx.audit({
    action: 'fund.returned',
    entityType: 'decision',
    entityId: decision.id,
    unitId: decision.unitId,
    summary: `Hoàn lại quỹ ${vnd(total)} do hủy bỏ khen thưởng tại Quyết định số ${decision.numberText}`,
  });
  return total;
}

/** Read side: the fund of a unit (in the actor's scope), year and kind, with its figures and the pack it is measured by. */
export async function fundView(tx: Executor, actor: CommandContext['actor'], year: number, kind: FundKind, unitId?: string) {
  const unit = await findVisibleUnit(tx, actor, unitId ?? actor.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  const fund = await findFund(tx, unit.id, year, kind);
  const today = todayVn();
  // The pack in force at the end of the year (or today, for the running year).
  const at = `${year}-12-31` < today ? `${year}-12-31` : today < `${year}-01-01` ? `${year}-01-01` : today;
  const pack = await governingPackOfUnit(tx, unit.id, at);
  const totals = fund ? await summarise(tx, fund) : EMPTY_SUMMARY;
  return { unit, fund, totals, pack };
}

const EMPTY_SUMMARY: FundSummary = {
  budget: 0,
  contribution: 0,
  income: 0,
  committed: 0,
  returned: 0,
  paid: 0,
  organising: 0,
  balance: 0,
  owed: 0,
  available: 0,
  toRecover: 0,
};
