import { domainError } from '../../errors.js';

/**
 * The pipeline's named refusals. Each carries its kind (mapped to an HTTP status by
 * `http/errors.ts`) and a stable code the web and the tests may read; the message is Vietnamese.
 */

/** The record changed since the client read it (optimistic locking). */
export const DossierStale = domainError('DossierStale', 'conflict', 'stale_version');
/** The transition table does not allow this command from the dossier's status. */
export const DossierTransitionRefused = domainError('DossierTransitionRefused', 'conflict', 'transition_refused');
/** The dossier's content may not be edited in its status or level. */
export const DossierNotEditable = domainError('DossierNotEditable', 'conflict', 'dossier_not_editable');
/** The dossier may not be submitted (its level or status). */
export const DossierNotSubmittable = domainError('DossierNotSubmittable', 'conflict', 'dossier_not_submittable');
/** A submission lacks required documents (details: `{ missing }`). */
export const DossierIncomplete = domainError('DossierIncomplete', 'invalid', 'dossier_incomplete');
/** The movement's submission deadline (and any extension) has passed. */
export const DeadlinePassed = domainError('DeadlinePassed', 'invalid', 'deadline_passed');
/** The actor is on the wrong side of the pipeline for this dossier (the unit vs the receiving Office). */
export const DossierWrongSide = domainError('DossierWrongSide', 'forbidden', 'dossier_wrong_side');
/** The same subject is already proposed (this dossier, or the same honor and year in another open one). */
export const DuplicateNomination = domainError('DuplicateNomination', 'conflict', 'duplicate_nomination');
/** A candidate may not be forwarded to the higher authority (not reviewed, already handled, failed). */
export const CandidateNotForwardable = domainError('CandidateNotForwardable', 'conflict', 'candidate_not_forwardable');
/** Over the movement's quota for an honor. */
export const QuotaExceeded = domainError('QuotaExceeded', 'conflict', 'quota_exceeded');
/** Appraisal may only lower the honor under consideration. */
export const HonorNotLower = domainError('HonorNotLower', 'invalid', 'honor_not_lower');
/** An uploaded file is empty, too large or not of an accepted type (by content). */
export const UploadRefused = domainError('UploadRefused', 'invalid', 'upload_refused');
/** The movement's submission window for the dossier's honors has not opened yet ("từ ngày …"). */
export const WindowNotOpen = domainError('WindowNotOpen', 'conflict', 'window_not_open');
