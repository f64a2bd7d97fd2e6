/**
 * The named refusals of the records aggregate (ratings, honors received, initiatives, discipline,
 * facts) and of agency rule overrides. Each is a domain error with a kind; `http/errors.ts` maps
 * the kind to a status.
 */
import { domainError } from '../errors.js';

/** Someone else changed the record since it was read (optimistic locking). */
export const RecordVersionStale = domainError('RecordVersionStale', 'conflict', 'record_version_stale');
/** A rating for this subject and year was stored by someone else in the meantime. */
export const RatingYearTaken = domainError('RatingYearTaken', 'conflict', 'rating_year_taken');
/** No rating is stored for the subject in that year. */
export const RatingNotFound = domainError('RatingNotFound', 'not_found', 'rating_not_found');
/** The honor cannot be given to this kind of subject (an individual honor for a unit…). */
export const HonorNotForSubject = domainError('HonorNotForSubject', 'invalid', 'honor_not_for_subject');
/** An honor issued by a decision in the product is revoked, never edited or deleted here. */
export const HonorIssuedByDecision = domainError('HonorIssuedByDecision', 'invalid', 'honor_issued_by_decision');
/** The honor is already revoked. */
export const HonorAlreadyRevoked = domainError('HonorAlreadyRevoked', 'conflict', 'honor_already_revoked');
/** The initiative backed an award: it stays (it is the award's evidence). */
export const InitiativeAlreadyUsed = domainError('InitiativeAlreadyUsed', 'conflict', 'initiative_already_used');
/** The same fact is already confirmed for the subject and year. */
export const FactAlreadyConfirmed = domainError('FactAlreadyConfirmed', 'conflict', 'fact_already_confirmed');
/** The sheet still has rows in error and the user did not choose to skip them (or no row is valid). */
export const ImportHasInvalidRows = domainError('ImportHasInvalidRows', 'invalid', 'import_has_invalid_rows');
/** The agency override breaks what the law lets an agency change. */
export const OverrideNotAllowed = domainError('OverrideNotAllowed', 'invalid', 'override_not_allowed');
/** A version of the override at or above this one already exists. */
export const OverrideVersionTaken = domainError('OverrideVersionTaken', 'conflict', 'override_version_taken');
/** The year of achievement is after the year of the decision that would reward it. */
export const YearAfterDecision = domainError('YearAfterDecision', 'invalid', 'year_after_decision');
