import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';

/**
 * Spreadsheet imports run as jobs off the request path (`imports/jobs.ts`): the upload answers at
 * once with the job's id, the file is parsed in a worker thread with a memory cap, and the client
 * polls the job. The state lives here, not in the process, so any app server on the database can
 * answer the poll. Only the account that started a job sees it; jobs older than a day are purged.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** staff | ratings | honors */
    kind: text('kind').notNull(),
    /** preview (nothing stored) | commit (rows stored on success) */
    mode: text('mode').notNull(),
    /** queued | running | done | failed */
    status: text('status').notNull(),
    /** Where a running job is (queued, reading, checking, storing, done): shown as progress. */
    stage: text('stage').notNull(),
    fileName: text('file_name').notNull(),
    /** The preview or the import's counts, as the API answers them. */
    result: jsonb('result'),
    /** `{ kind, code, message, details }` of the domain error that ended the job. */
    error: jsonb('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_jobs_account_idx').on(t.accountId, t.createdAt), index('import_jobs_created_idx').on(t.createdAt)],
);
