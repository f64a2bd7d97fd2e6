import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { dossierCandidates, dossierDocuments, dossiers } from './dossiers.js';
import { units } from './units.js';
import { accounts } from './accounts.js';

/**
 * Báo cáo thành tích of one candidate of a dossier, written in the app: prefilled from the records
 * the system holds (profile, ratings, honors, initiatives) and edited by the dossier's unit. `content`
 * is the report as the unit last saved it (`AchievementReportContent`, shared/schemas); the DOCX/PDF
 * is rendered from it. Attaching stores the rendered PDF as the candidate's `bao_cao_thanh_tich`
 * document (`attached_document_id`), which satisfies the checklist.
 */
export const achievementReports = pgTable(
  'achievement_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => dossierCandidates.id, { onDelete: 'cascade' }),
    /** The dossier's unit: scope follows the dossier. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** individual | collective: which of the regime's two forms. */
    form: text('form').notNull(),
    content: jsonb('content').notNull(),
    attachedDocumentId: uuid('attached_document_id').references(() => dossierDocuments.id, { onDelete: 'set null' }),
    attachedAt: timestamp('attached_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => accounts.id),
    updatedBy: uuid('updated_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('achievement_reports_candidate_uq').on(t.candidateId), index('achievement_reports_dossier_idx').on(t.dossierId)],
);
