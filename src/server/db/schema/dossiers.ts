import { sql } from 'drizzle-orm';
import { boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { units } from './units.js';
import { people } from './people.js';
import { accounts } from './accounts.js';
import { councilMembers, councils } from './councils.js';
import { movementPhases, movements } from './movements.js';
import { honorAwards } from './records.js';

/** Files are kept in the database (≤ 10 MB each), so one backup holds everything. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Hồ sơ đề nghị khen thưởng: one row per dossier whatever the type of commendation. `level`
 * 'unit' = a unit's dossier to the standing body; 'upward' = the consolidated dossier the parent
 * level sends to a higher authority (`receiver_name`, outside the product).
 */
export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    receiverUnitId: uuid('receiver_unit_id').references(() => units.id),
    receiverName: text('receiver_name'),
    level: text('level').notNull().default('unit'),
    movementId: uuid('movement_id').references(() => movements.id),
    phaseId: uuid('phase_id').references(() => movementPhases.id),
    type: text('type').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    status: text('status').notNull().default('draft'),
    /** Incremented on every (re)submission; dossier_versions keeps each one. */
    revision: integer('revision').notNull().default(0),
    /** When the current step began: the working-day clock of the overdue dashboard starts here. */
    stepStartedAt: timestamp('step_started_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => accounts.id),
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by').references(() => accounts.id),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    receivedBy: uuid('received_by').references(() => accounts.id),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnedBy: uuid('returned_by').references(() => accounts.id),
    returnReasons: jsonb('return_reasons').$type<string[]>(),
    appraisedAt: timestamp('appraised_at', { withTimezone: true }),
    appraisedBy: uuid('appraised_by').references(() => accounts.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    forwardedAt: timestamp('forwarded_at', { withTimezone: true }),
    forwardedBy: uuid('forwarded_by').references(() => accounts.id),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** The extension that let a late dossier in, when one was used. */
    extensionId: uuid('extension_id'),
    /** Accent-free title for the list's search (trigram index). */
    searchKey: text('search_key')
      .generatedAlwaysAs(sql`lower(tdkt_unaccent(title))`)
      .notNull(),
    createdBy: uuid('created_by').references(() => accounts.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dossiers_unit_idx').on(t.unitId, t.year),
    index('dossiers_receiver_idx').on(t.receiverUnitId, t.submittedAt),
    index('dossiers_status_idx').on(t.status, t.stepStartedAt),
    index('dossiers_movement_idx').on(t.movementId),
    index('dossiers_search_trgm_idx').using('gin', sql`${t.searchKey} gin_trgm_ops`),
    // The lists' order (latest submission first, drafts on top): page 1 walks the index and stops early.
    index('dossiers_list_order_idx').on(t.submittedAt.desc().nullsFirst(), t.createdAt.desc()),
  ],
);

/** Candidates: a person, a collective (a unit) or a household, each with the honor proposed. */
export const dossierCandidates = pgTable(
  'dossier_candidates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id').notNull().references(() => dossiers.id, { onDelete: 'cascade' }),
    subjectKind: text('subject_kind').notNull(),
    personId: uuid('person_id').references(() => people.id),
    subjectUnitId: uuid('subject_unit_id').references(() => units.id),
    householdName: text('household_name'),
    householdAddress: text('household_address'),
    displayName: text('display_name').notNull(),
    positionText: text('position_text'),
    proposedHonor: text('proposed_honor').notNull(),
    /** The honor under consideration: the proposal, or lower after appraisal (with the reason). */
    honor: text('honor').notNull(),
    loweredReason: text('lowered_reason'),
    loweredAt: timestamp('lowered_at', { withTimezone: true }),
    loweredBy: uuid('lowered_by').references(() => accounts.id),
    achievement: text('achievement'),
    appraisalNote: text('appraisal_note'),
    /** The engine's answer at appraisal time (EvaluateResult), kept as evidence. */
    appraisalResult: jsonb('appraisal_result'),
    /** Subject data the Office entered where no records exist (households, outside staff). */
    subjectData: jsonb('subject_data'),
    appraisedAt: timestamp('appraised_at', { withTimezone: true }),
    appraisedBy: uuid('appraised_by').references(() => accounts.id),
    /** passed | failed | no_threshold — frozen when the council session closes. */
    councilResult: text('council_result'),
    councilText: text('council_text'),
    outcome: text('outcome').notNull().default('pending'),
    decisionId: uuid('decision_id'),
    /** In an upward dossier: the unit-level candidate it came from. */
    sourceCandidateId: uuid('source_candidate_id').references((): AnyPgColumn => dossierCandidates.id),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dossier_candidates_dossier_idx').on(t.dossierId, t.sortOrder),
    uniqueIndex('dossier_candidates_person_uq').on(t.dossierId, t.personId).where(sql`${t.personId} is not null`),
    uniqueIndex('dossier_candidates_unit_uq').on(t.dossierId, t.subjectUnitId).where(sql`${t.subjectUnitId} is not null`),
    uniqueIndex('dossier_candidates_household_uq').on(t.dossierId, t.householdName).where(sql`${t.householdName} is not null`),
    index('dossier_candidates_person_idx').on(t.personId, t.honor),
    index('dossier_candidates_subject_unit_idx').on(t.subjectUnitId, t.honor),
    index('dossier_candidates_source_idx').on(t.sourceCandidateId),
  ],
);

/** Documents: written in the app (`content`) or uploaded (`data`, checked by content, ≤ 10 MB). */
export const dossierDocuments = pgTable(
  'dossier_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id').notNull().references(() => dossiers.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id').references(() => dossierCandidates.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    content: text('content'),
    /** The review minutes' vote result as written ("5/6 thành viên đồng ý"). */
    voteResult: text('vote_result'),
    fileName: text('file_name'),
    mimeType: text('mime_type'),
    size: integer('size'),
    sha256: text('sha256'),
    data: bytea('data'),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dossier_documents_dossier_idx').on(t.dossierId)],
);

/** Every submitted version of a dossier, with what changed since the previous one. */
export const dossierVersions = pgTable(
  'dossier_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id').notNull().references(() => dossiers.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    changes: jsonb('changes').$type<string[]>().notNull(),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('dossier_versions_uq').on(t.dossierId, t.revision)],
);

/** A late unit's extension of the submission deadline of a movement, granted by the Office. */
export const dossierExtensions = pgTable(
  'dossier_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    movementId: uuid('movement_id').notNull().references(() => movements.id),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    until: date('until').notNull(),
    reason: text('reason').notNull(),
    grantedBy: uuid('granted_by').references(() => accounts.id),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dossier_extensions_idx').on(t.movementId, t.unitId)],
);

/** The agency's own calendar entries (days off, make-up working days) over the statutory defaults. */
export const publicHolidays = pgTable('public_holidays', {
  date: date('date').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull().default('holiday'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// ------------------------------------------------------------------ council sessions

export const councilSessions = pgTable(
  'council_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    title: text('title').notNull(),
    meetingDate: date('meeting_date').notNull(),
    location: text('location'),
    status: text('status').notNull().default('draft'),
    /** Frozen when the session opens: the denominator of every vote threshold. */
    totalMembers: integer('total_members'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    openedBy: uuid('opened_by').references(() => accounts.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => accounts.id),
    createdBy: uuid('created_by').references(() => accounts.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('council_sessions_unit_idx').on(t.unitId, t.meetingDate)],
);

/** Agenda: one item per candidate; `result` is frozen at close. */
export const sessionItems = pgTable(
  'session_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id').notNull().references(() => dossierCandidates.id),
    honor: text('honor').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    result: jsonb('result'),
  },
  (t) => [uniqueIndex('session_items_uq').on(t.sessionId, t.candidateId)],
);

export const sessionAttendance = pgTable(
  'session_attendance',
  {
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull().references(() => councilMembers.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    present: boolean('present').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.memberId] })],
);

/** Conflicts of interest detected at opening (own nomination, own unit's nomination): the member is recused. */
export const sessionConflicts = pgTable(
  'session_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id').notNull().references(() => sessionItems.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull().references(() => councilMembers.id),
    reason: text('reason').notNull(),
    recused: boolean('recused').notNull().default(true),
  },
  (t) => [uniqueIndex('session_conflicts_uq').on(t.itemId, t.memberId)],
);

/**
 * Secret ballot, part 1: who has voted on an item. Deliberately no id, no timestamp, nothing
 * that orders it against the ballot box.
 */
export const sessionVoterMarks = pgTable(
  'session_voter_marks',
  {
    itemId: uuid('item_id').notNull().references(() => sessionItems.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull().references(() => councilMembers.id),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.memberId] })],
);

/**
 * Secret ballot, part 2: the ballot box as counts per item, channel (online / paper) and choice.
 * Counts, not one row per ballot: a row per ballot would be re-linkable to its voter's mark by
 * physical order or by the transaction id both rows carry (see docs/decisions.md).
 */
export const sessionBallotBox = pgTable(
  'session_ballot_box',
  {
    itemId: uuid('item_id').notNull().references(() => sessionItems.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull(),
    choice: text('choice').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.channel, t.choice] })],
);

// ------------------------------------------------------------------ public notice

export const publicNotices = pgTable(
  'public_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    title: text('title').notNull(),
    body: text('body'),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    workingDays: integer('working_days').notNull(),
    postedBy: uuid('posted_by').references(() => accounts.id),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('public_notices_unit_idx').on(t.unitId, t.endDate)],
);

export const publicNoticeItems = pgTable(
  'public_notice_items',
  {
    noticeId: uuid('notice_id').notNull().references(() => publicNotices.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id').notNull().references(() => dossierCandidates.id),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.candidateId] }), index('public_notice_items_candidate_idx').on(t.candidateId)],
);

export const publicNoticeComments = pgTable(
  'public_notice_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id').notNull().references(() => publicNotices.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id').references(() => dossierCandidates.id),
    authorName: text('author_name').notNull(),
    authorContact: text('author_contact'),
    content: text('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => accounts.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [index('public_notice_comments_notice_idx').on(t.noticeId)],
);

// ------------------------------------------------------------------ decisions

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
    unitId: uuid('unit_id').notNull().references(() => units.id),
    issuerName: text('issuer_name').notNull(),
    number: integer('number'),
    year: integer('year').notNull(),
    numberText: text('number_text').notNull(),
    decisionDate: date('decision_date').notNull(),
    title: text('title').notNull(),
    signerName: text('signer_name').notNull(),
    signerTitle: text('signer_title').notNull(),
    regime: text('regime').notNull(),
    totalAmount: integer('total_amount').notNull().default(0),
    status: text('status').notNull().default('issued'),
    issuedBy: uuid('issued_by').references(() => accounts.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => accounts.id),
    revokeReason: text('revoke_reason'),
    fileName: text('file_name'),
    fileMime: text('file_mime'),
    fileData: bytea('file_data'),
  },
  (t) => [
    uniqueIndex('award_decisions_number_uq').on(t.unitId, t.year, t.number).where(sql`${t.kind} = 'internal'`),
    index('award_decisions_unit_idx').on(t.unitId, t.decisionDate),
  ],
);

export const decisionAwardees = pgTable(
  'decision_awardees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    decisionId: uuid('decision_id').notNull().references(() => awardDecisions.id, { onDelete: 'cascade' }),
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
    baseSalary: integer('base_salary'),
    amount: integer('amount').notNull().default(0),
    honorAwardId: uuid('honor_award_id').references(() => honorAwards.id),
    revoked: boolean('revoked').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('decision_awardees_decision_idx').on(t.decisionId), index('decision_awardees_candidate_idx').on(t.candidateId)],
);

/** The number register: one counter per issuing unit and year, locked FOR UPDATE while issuing. */
export const decisionCounters = pgTable(
  'decision_counters',
  {
    unitId: uuid('unit_id').notNull().references(() => units.id),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year] })],
);
