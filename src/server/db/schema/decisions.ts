import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from './units.js';
import { people } from './people.js';
import { accounts } from './accounts.js';
import { honorAwards } from './records.js';
import { dossierCandidates, dossiers } from './dossiers.js';
import { bytea } from './columns.js';

/**
 * Quyết định khen thưởng: 'internal' ones are issued here with a number from the register;
 * 'external' ones are a higher level's decision recorded when it arrives.
 */
export const awardDecisions = pgTable(
  'award_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    /** The unit that issued it (internal) or that recorded it (external): decides who sees it. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    issuerName: text('issuer_name').notNull(),
    number: integer('number'),
    year: integer('year').notNull(),
    numberText: text('number_text').notNull(),
    decisionDate: date('decision_date').notNull(),
    title: text('title').notNull(),
    signerName: text('signer_name').notNull(),
    signerTitle: text('signer_title').notNull(),
    regime: text('regime').notNull(),
    /** Money (VND) is bigint: a decision of ~4,800 Giấy khen overflows a 32-bit integer; values stay below 2^53. */
    totalAmount: bigint('total_amount', { mode: 'number' }).notNull().default(0),
    status: text('status').notNull().default('issued'),
    issuedBy: uuid('issued_by').references(() => accounts.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => accounts.id),
    revokeReason: text('revoke_reason'),
    fileName: text('file_name'),
    fileMime: text('file_mime'),
    fileData: bytea('file_data'),
    /**
     * An external decision as the higher authority wrote it (Chủ tịch UBND tỉnh/xã, Thủ tướng, Chủ tịch
     * nước): its own header, căn cứ, proposing line, articles and signature, printed as they are.
     */
    /** The forwarded dossier it answers; null for a decision recorded on its own. */
    dossierId: uuid('dossier_id').references(() => dossiers.id),
    /** Cơ quan chủ quản line above the issuing body, where NĐ 30 prints one. */
    issuerSuperior: text('issuer_superior'),
    /** Địa danh of the date line ("Quảng Ninh"). */
    issuerPlace: text('issuer_place'),
    /** The authority line under the title ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH"). */
    issuingAuthority: text('issuing_authority'),
    /** Thẩm quyền ký, outermost first: TM. ỦY BAN NHÂN DÂN, then KT. CHỦ TỊCH; the position line is `signerTitle`. */
    signerAuthorities: jsonb('signer_authorities').$type<{ authority: string; of: string }[]>().notNull().default([]),
    legalBases: jsonb('legal_bases').$type<string[]>().notNull().default([]),
    /** "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số …". */
    proposal: text('proposal'),
    /** Điều 1's achievement text ("đã có thành tích xuất sắc trong …"). */
    achievement: text('achievement'),
    /** Where the money comes from, printed in the article that pays ("từ nguồn ngân sách tỉnh qua Sở Nội vụ …"). */
    fundingRoute: text('funding_route'),
    /** Điều 3: who carries the decision out. */
    executors: jsonb('executors').$type<string[]>().notNull().default([]),
    /** Nơi nhận as printed. */
    recipients: jsonb('recipients').$type<string[]>().notNull().default([]),
    /** The year of the achievement the awardees' histories carry (the decision's year when not given). */
    awardYear: integer('award_year'),
    version: integer('version').notNull().default(1),
    /** The portal's search (number and title, without diacritics), with a trigram index. */
    searchKey: text('search_key')
      .generatedAlwaysAs(sql`lower(tdkt_unaccent(number_text || ' ' || title))`)
      .notNull(),
  },
  (t) => [
    uniqueIndex('award_decisions_number_uq')
      .on(t.unitId, t.year, t.number)
      .where(sql`${t.kind} = 'internal'`),
    index('award_decisions_unit_idx').on(t.unitId, t.decisionDate),
    // The portal's pages, newest first, read backwards in index order; the migration adds INCLUDE (unit_id) so the total is an index-only count.
    index('award_decisions_public_idx')
      .on(t.decisionDate, t.id)
      .where(sql`${t.status} = 'issued'`),
    index('award_decisions_public_year_idx')
      .on(t.year, t.decisionDate, t.id)
      .where(sql`${t.status} = 'issued'`),
    index('award_decisions_search_trgm_idx').using('gin', sql`${t.searchKey} gin_trgm_ops`),
  ],
);

export const decisionAwardees = pgTable(
  'decision_awardees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => awardDecisions.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id').references(() => dossierCandidates.id),
    subjectKind: text('subject_kind').notNull(),
    personId: uuid('person_id').references(() => people.id),
    subjectUnitId: uuid('subject_unit_id').references(() => units.id),
    displayName: text('display_name').notNull(),
    positionText: text('position_text'),
    honor: text('honor').notNull(),
    type: text('type').notNull(),
    /** Thousandths of the coefficient (1.5 → 1500), exact. */
    coefficientMilli: integer('coefficient_milli'),
    baseSalary: bigint('base_salary', { mode: 'number' }),
    amount: bigint('amount', { mode: 'number' }).notNull().default(0),
    honorAwardId: uuid('honor_award_id').references(() => honorAwards.id),
    revoked: boolean('revoked').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    /** Truy tặng: printed in the decision's list and on the certificate. */
    posthumous: boolean('posthumous').notNull().default(false),
    /** Award in kind, beside or instead of the money: description and value (VND). */
    inKindDescription: text('in_kind_description'),
    inKindValue: bigint('in_kind_value', { mode: 'number' }),
  },
  (t) => [index('decision_awardees_decision_idx').on(t.decisionId), index('decision_awardees_candidate_idx').on(t.candidateId)],
);

/** The number register: one counter per issuing unit and year, locked FOR UPDATE while issuing. */
export const decisionCounters = pgTable(
  'decision_counters',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year] })],
);
