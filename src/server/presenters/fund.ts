/** The award fund, its ledger and commitments, the award-item inventory and re-issue requests → API JSON. */
import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { FundSummary } from '../commands/fund.js';
import type { StockLine } from '../commands/award-items.js';
import type { AwardItemMoveRow, FundEntryRow, FundRow, ReissueCertificateBrief, ReissueRow } from '../repositories/fund.js';
import type { RulePack } from '../rules/index.js';
import { bonusFundCap, budgetCap, organisingCap } from '../rules/index.js';
import { FUND_ABILITIES, fundAbilities, REISSUE_ABILITIES, reissueAbilities } from '../policies/fund.js';
import type { XlsxColumn } from '../documents/index.js';
import {
  AWARD_ITEM_KIND_LABELS,
  AWARD_ITEM_MOVE_LABELS,
  FUND_CAP_BASIS_LABELS,
  FUND_ENTRY_KIND_LABELS,
  FUND_KIND_LABELS,
  HONOR_INFO,
  REISSUE_KIND_LABELS,
  REISSUE_STATUS_LABELS,
  type AwardItemKind,
  type AwardItemMove,
  type FundCapBasis,
  type FundEntryKind,
  type FundKind,
  type Honor,
  type ReissueKind,
  type ReissueStatus,
} from '../../shared/codes.js';
import { todayVn } from '../clock.js';

const sourced = { article: z.string(), verified: z.boolean(), note: z.string().nullable() };

export const fundSchema = z
  .object({
    id: z.uuid().nullable().describe('Chưa có (null) khi quỹ chưa có dòng nào'),
    unitId: z.uuid(),
    unitName: z.string(),
    year: z.number().int(),
    kind: z.string(),
    kindLabel: z.string(),
    capBasis: z.string().nullable(),
    capBasisLabel: z.string().nullable(),
    basisAmount: z.number().int().nullable(),
    version: z.number().int(),
    budgetCap: z
      .object({ cap: z.number().int().nullable(), share: z.number(), ...sourced })
      .nullable()
      .describe('Mức ngân sách cấp tối đa theo quy định (theo căn cứ đã khai báo)'),
    organisingCap: z.object({ cap: z.number().int(), share: z.number(), ...sourced }).describe('Mức chi tổ chức phong trào tối đa'),
    totals: z.object({
      budget: z.number().int(),
      contribution: z.number().int(),
      income: z.number().int(),
      committed: z.number().int(),
      returned: z.number().int(),
      paid: z.number().int(),
      organising: z.number().int(),
      balance: z.number().int().describe('Số dư quỹ: nguồn − đã chi'),
      owed: z.number().int().describe('Tiền thưởng theo quyết định còn phải chi'),
      available: z.number().int().describe('Còn sử dụng được: số dư − còn phải chi'),
      toRecover: z.number().int().describe('Đã chi cho khen thưởng bị hủy bỏ: phải thu hồi'),
    }),
    abilities: z.array(z.enum(FUND_ABILITIES)),
  })
  .meta({ id: 'Fund' });

export function presentFund(
  actor: Actor,
  fund: Pick<FundRow, 'unitId' | 'year' | 'kind' | 'capBasis' | 'basisAmount' | 'version'> & { id: string | null },
  unitName: string,
  totals: FundSummary,
  pack: RulePack,
): z.infer<typeof fundSchema> {
  const kind = fund.kind as FundKind;
  let cap: z.infer<typeof fundSchema>['budgetCap'] = null;
  if (kind === 'bonus') {
    const b = bonusFundCap(pack, fund.basisAmount);
    cap = { cap: b.cap, share: b.rule.share, article: b.rule.article, verified: b.rule.verified, note: b.rule.note ?? null };
  } else {
    const a = budgetCap(pack, fund.capBasis as FundCapBasis | null, fund.basisAmount);
    if (a.rule) cap = { cap: a.cap, share: a.rule.share, article: a.rule.article, verified: a.rule.verified, note: a.rule.note ?? null };
  }
  const o = organisingCap(pack, totals.income);
  return {
    id: fund.id,
    unitId: fund.unitId,
    unitName,
    year: fund.year,
    kind,
    kindLabel: FUND_KIND_LABELS[kind],
    capBasis: fund.capBasis,
    capBasisLabel: fund.capBasis ? FUND_CAP_BASIS_LABELS[fund.capBasis as FundCapBasis] : null,
    basisAmount: fund.basisAmount,
    version: fund.version,
    budgetCap: cap,
    organisingCap: { cap: o.cap, share: o.rule.share, article: o.rule.article, verified: o.rule.verified, note: o.rule.note ?? null },
    totals,
    abilities: fundAbilities(actor),
  };
}

export const fundEntrySchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    kindLabel: z.string(),
    amount: z.number().int(),
    /** + into the fund, − out of it, 0 for a commitment or a return (they change what is owed, not the cash). */
    cashEffect: z.number().int(),
    entryDate: z.string(),
    decisionId: z.uuid().nullable(),
    decisionNumber: z.string().nullable(),
    commitmentId: z.uuid().nullable(),
    voucher: z.string().nullable(),
    payee: z.string().nullable(),
    description: z.string(),
  })
  .meta({ id: 'FundEntry' });

export function cashEffect(kind: string, amount: number): number {
  if (kind === 'budget' || kind === 'contribution') return amount;
  if (kind === 'payment' || kind === 'organising') return -amount;
  return 0;
}

export function presentFundEntry(r: { entry: FundEntryRow; decisionNumber: string | null }): z.infer<typeof fundEntrySchema> {
  const e = r.entry;
  return {
    id: e.id,
    kind: e.kind,
    kindLabel: FUND_ENTRY_KIND_LABELS[e.kind as FundEntryKind] ?? e.kind,
    amount: e.amount,
    cashEffect: cashEffect(e.kind, e.amount),
    entryDate: e.entryDate,
    decisionId: e.decisionId,
    decisionNumber: r.decisionNumber,
    commitmentId: e.commitmentId,
    voucher: e.voucher,
    payee: e.payee,
    description: e.description,
  };
}

export const commitmentSchema = z
  .object({
    id: z.uuid(),
    entryDate: z.string(),
    decisionId: z.uuid().nullable(),
    decisionNumber: z.string().nullable(),
    awardeeName: z.string(),
    honorLabel: z.string().nullable(),
    amount: z.number().int(),
    paid: z.number().int(),
    returned: z.number().int(),
    outstanding: z.number().int().describe('Còn phải chi (0 khi đã hủy bỏ)'),
    status: z.enum(['open', 'paid', 'returned']),
  })
  .meta({ id: 'FundCommitment' });

export function presentCommitment(r: {
  entry: FundEntryRow;
  decisionNumber: string | null;
  honor: string | null;
  displayName: string | null;
  paid: number;
  returned: number;
}): z.infer<typeof commitmentSchema> {
  const outstanding = r.returned > 0 ? 0 : r.entry.amount - r.paid;
  return {
    id: r.entry.id,
    entryDate: r.entry.entryDate,
    decisionId: r.entry.decisionId,
    decisionNumber: r.decisionNumber,
    awardeeName: r.displayName ?? r.entry.payee ?? '',
    honorLabel: r.honor ? (HONOR_INFO[r.honor as Honor]?.label ?? r.honor) : null,
    amount: r.entry.amount,
    paid: r.paid,
    returned: r.returned,
    outstanding,
    status: r.returned > 0 ? 'returned' : outstanding <= 0 ? 'paid' : 'open',
  };
}

/** The ledger as Excel: one row per line with the running balance (texts pass the formula-prefix guard of the exporter). */
export function ledgerColumns(): XlsxColumn<z.infer<typeof fundEntrySchema> & { balance: number }>[] {
  return [
    { header: 'Ngày', value: 'entryDate', type: 'date', width: 12 },
    { header: 'Loại', value: 'kindLabel', width: 28 },
    { header: 'Số chứng từ', value: (r) => r.voucher ?? '', width: 14 },
    { header: 'Quyết định', value: (r) => r.decisionNumber ?? '', width: 16 },
    { header: 'Người nhận / nội dung', value: (r) => (r.payee ? `${r.payee}: ${r.description}` : r.description), width: 60 },
    { header: 'Thu', value: (r) => (r.cashEffect > 0 ? r.amount : null), type: 'money', width: 14, total: true },
    { header: 'Chi', value: (r) => (r.cashEffect < 0 ? r.amount : null), type: 'money', width: 14, total: true },
    {
      header: 'Cam kết / hoàn lại',
      value: (r) => (r.kind === 'commitment' ? r.amount : r.kind === 'return' ? -r.amount : null),
      type: 'money',
      width: 16,
      total: true,
    },
    { header: 'Số dư', value: 'balance', type: 'money', width: 16 },
  ];
}

// ------------------------------------------------------------------ award items

export const stockLineSchema = z
  .object({
    itemKind: z.string(),
    label: z.string(),
    received: z.number().int(),
    issued: z.number().int(),
    spoiled: z.number().int(),
    recalled: z.number().int(),
    stock: z.number().int(),
  })
  .meta({ id: 'AwardItemStock' });

export const stockSchema = z.object({
  date: z.string(),
  unitId: z.uuid(),
  items: z.array(stockLineSchema),
  total: z.number().int(),
  abilities: z.array(z.enum(['read', 'write'])),
});

export function presentStock(l: StockLine): z.infer<typeof stockLineSchema> {
  return { ...l, label: AWARD_ITEM_KIND_LABELS[l.itemKind] };
}

export const itemMoveSchema = z
  .object({
    id: z.uuid(),
    itemKind: z.string(),
    itemLabel: z.string(),
    move: z.string(),
    moveLabel: z.string(),
    quantity: z.number().int(),
    moveDate: z.string(),
    decisionNumber: z.string().nullable(),
    certificateNumber: z.string().nullable(),
    reason: z.string().nullable(),
    reference: z.string().nullable(),
  })
  .meta({ id: 'AwardItemMove' });

export function presentItemMove(r: {
  move: AwardItemMoveRow;
  decisionNumber: string | null;
  certificateNumber: number | null;
  certificateYear: number | null;
}): z.infer<typeof itemMoveSchema> {
  const m = r.move;
  return {
    id: m.id,
    itemKind: m.itemKind,
    itemLabel: AWARD_ITEM_KIND_LABELS[m.itemKind as AwardItemKind] ?? m.itemKind,
    move: m.move,
    moveLabel: AWARD_ITEM_MOVE_LABELS[m.move as AwardItemMove] ?? m.move,
    quantity: m.quantity,
    moveDate: m.moveDate,
    decisionNumber: r.decisionNumber,
    certificateNumber: r.certificateNumber !== null && r.certificateYear !== null ? `${r.certificateNumber}/${r.certificateYear}` : null,
    reason: m.reason,
    reference: m.reference,
  };
}

const certBrief = z.object({
  id: z.uuid(),
  registerNumber: z.string(),
  honorLabel: z.string(),
  recipientName: z.string(),
  decisionNumber: z.string(),
  revoked: z.boolean(),
});

function presentBrief(c: ReissueCertificateBrief): z.infer<typeof certBrief> {
  return {
    id: c.id,
    registerNumber: `${c.number}/${c.year}`,
    honorLabel: c.honor_label,
    recipientName: c.recipient_name,
    decisionNumber: c.decision_number,
    revoked: c.revoked,
  };
}

export const reissueSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    kindLabel: z.string(),
    status: z.string(),
    statusLabel: z.string(),
    requesterName: z.string(),
    reason: z.string(),
    receivedDate: z.string(),
    dueDate: z.string(),
    limitArticle: z.string(),
    overdue: z.boolean().describe('Quá hạn giải quyết (đang giải quyết sau hạn, hoặc đã giải quyết sau hạn)'),
    answer: z.string().nullable(),
    handledAt: z.string().nullable(),
    oldCertificate: certBrief,
    newCertificate: certBrief.nullable(),
    abilities: z.array(z.enum(REISSUE_ABILITIES)),
  })
  .meta({ id: 'ReissueRequest' });

export function presentReissue(
  actor: Actor,
  r: { request: ReissueRow; old: ReissueCertificateBrief; fresh: ReissueCertificateBrief | null },
  handledOn: string | null,
): z.infer<typeof reissueSchema> {
  const q = r.request;
  const doneOn = handledOn ?? (q.status === 'pending' ? todayVn() : null);
  return {
    id: q.id,
    kind: q.kind,
    kindLabel: REISSUE_KIND_LABELS[q.kind as ReissueKind] ?? q.kind,
    status: q.status,
    statusLabel: REISSUE_STATUS_LABELS[q.status as ReissueStatus] ?? q.status,
    requesterName: q.requesterName,
    reason: q.reason,
    receivedDate: q.receivedDate,
    dueDate: q.dueDate,
    limitArticle: q.limitArticle,
    overdue: doneOn !== null && doneOn > q.dueDate,
    answer: q.answer,
    handledAt: q.handledAt ? q.handledAt.toISOString() : null,
    oldCertificate: presentBrief(r.old),
    newCertificate: r.fresh ? presentBrief(r.fresh) : null,
    abilities: reissueAbilities(actor, q),
  };
}
