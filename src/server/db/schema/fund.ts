import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from './units.js';
import { accounts } from './accounts.js';
import { awardDecisions, decisionAwardees } from './decisions.js';
import { certificates } from './documents.js';

/**
 * Quỹ thi đua, khen thưởng of one unit (the level that decides) and year, or the bonus fund of
 * NĐ 73/2024 (kind 'bonus') kept apart. The cap basis and amount are the agency's data (its
 * recurrent spending or salary fund); the legal share comes from the rule pack.
 */
export const funds = pgTable(
  'funds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    kind: text('kind').notNull().default('tdkt'),
    capBasis: text('cap_basis'),
    /** The recurrent spending or salary fund of the year the legal share applies to (VND). */
    basisAmount: bigint('basis_amount', { mode: 'number' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('funds_unit_year_kind_uq').on(t.unitId, t.year, t.kind)],
);

/**
 * The fund's ledger (sổ quỹ): sources (budget, contribution), commitments a decision creates per
 * awardee, payments against a commitment, returns after a revocation, organising spending. Lines
 * are never edited or deleted; a mistake is corrected by another line.
 */
export const fundEntries = pgTable(
  'fund_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    entryDate: date('entry_date').notNull(),
    decisionId: uuid('decision_id').references(() => awardDecisions.id),
    awardeeId: uuid('awardee_id').references(() => decisionAwardees.id),
    /** The commitment a payment or a return settles. */
    commitmentId: uuid('commitment_id'),
    voucher: text('voucher'),
    payee: text('payee'),
    description: text('description').notNull(),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('fund_entries_fund_idx').on(t.fundId, t.entryDate),
    index('fund_entries_commitment_idx').on(t.commitmentId),
    // One commitment and at most one return per awardee (issuing or revoking twice cannot double them).
    uniqueIndex('fund_entries_awardee_once_uq')
      .on(t.awardeeId, t.kind)
      .where(sql`${t.kind} in ('commitment', 'return')`),
  ],
);

/**
 * Movements of the inventory of award items (phôi, khung, Kỷ niệm chương…) of a unit: stock at a
 * date = received − issued − spoiled up to that date; recalled items are counted apart (not reusable).
 */
export const awardItemMoves = pgTable(
  'award_item_moves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    itemKind: text('item_kind').notNull(),
    move: text('move').notNull(),
    quantity: integer('quantity').notNull(),
    moveDate: date('move_date').notNull(),
    decisionId: uuid('decision_id').references(() => awardDecisions.id),
    certificateId: uuid('certificate_id').references(() => certificates.id),
    reason: text('reason'),
    reference: text('reference'),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('award_item_moves_unit_idx').on(t.unitId, t.itemKind, t.moveDate), index('award_item_moves_certificate_idx').on(t.certificateId)],
);

/** Đề nghị cấp lại / cấp đổi a certificate of the register; handled within the pack's time limit. */
export const reissueRequests = pgTable(
  'reissue_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => certificates.id),
    requesterName: text('requester_name').notNull(),
    reason: text('reason').notNull(),
    receivedDate: date('received_date').notNull(),
    dueDate: date('due_date').notNull(),
    /** Source of the time limit, as the pack said it when the request arrived. */
    limitArticle: text('limit_article').notNull(),
    status: text('status').notNull().default('pending'),
    newCertificateId: uuid('new_certificate_id').references(() => certificates.id),
    answer: text('answer'),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    handledBy: uuid('handled_by').references(() => accounts.id),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reissue_requests_unit_idx').on(t.unitId, t.status)],
);
