import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from './units.js';
import { accounts } from './accounts.js';
import { bytea } from './columns.js';
import { awardDecisions, decisionAwardees } from './decisions.js';

/**
 * A unit's own DOCX templates, one row per uploaded version (never updated, never deleted).
 * The newest row of (unit, kind) is in force; a row without `data` is a "revert": the unit has
 * no own template from then on and inherits its nearest ancestor's, else the built-in default.
 */
export const documentTemplates = pgTable(
  'document_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    fileName: text('file_name'),
    size: integer('size'),
    sha256: text('sha256'),
    data: bytea('data'),
    /** Placeholders found in the template when it was accepted (help for the next editor). */
    tags: jsonb('tags').$type<string[]>(),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('document_templates_version_uq').on(t.unitId, t.kind, t.version)],
);

/** The sổ vàng number register: one counter per issuing unit and year, locked FOR UPDATE while issuing. */
export const certificateCounters = pgTable(
  'certificate_counters',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year] })],
);

/**
 * Sổ vàng: every Giấy khen / Bằng khen issued, with its register number (per unit and year, no
 * gaps) and the random public code its QR points to. Revoked certificates stay, flagged.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    code: text('code').notNull(),
    /** Honor code (GK, BK_BO_TINH…) and its label at issue time. */
    honor: text('honor').notNull(),
    honorLabel: text('honor_label').notNull(),
    recipientName: text('recipient_name').notNull(),
    recipientDetail: text('recipient_detail'),
    achievement: text('achievement').notNull().default(''),
    decisionId: uuid('decision_id').references(() => awardDecisions.id),
    awardeeId: uuid('awardee_id').references(() => decisionAwardees.id),
    decisionNumber: text('decision_number').notNull(),
    decisionDate: date('decision_date').notNull(),
    issuerName: text('issuer_name').notNull(),
    /** Authority line printed on the certificate ("GIÁM ĐỐC SỞ …"). */
    issuerTitle: text('issuer_title').notNull(),
    signerTitle: text('signer_title').notNull(),
    signerName: text('signer_name').notNull(),
    place: text('place').notNull().default(''),
    revoked: boolean('revoked').notNull().default(false),
    revokedReason: text('revoked_reason'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    issuedBy: uuid('issued_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Truy tặng: the certificate says "TRUY TẶNG" above its title. */
    posthumous: boolean('posthumous').notNull().default(false),
  },
  (t) => [
    uniqueIndex('certificates_number_uq').on(t.unitId, t.year, t.number),
    uniqueIndex('certificates_code_uq').on(t.code),
    uniqueIndex('certificates_awardee_uq')
      .on(t.awardeeId)
      .where(sql`${t.awardeeId} is not null`),
    index('certificates_decision_idx').on(t.decisionId),
  ],
);

/** Per-unit positions of the variable text on its pre-printed phôi (validated by `validateCalibration`). */
export const certificateCalibrations = pgTable('certificate_calibrations', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => units.id),
  calibration: jsonb('calibration').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => accounts.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
