/**
 * Errors meant for the user. Code below the HTTP layer raises a *domain* error: what went wrong
 * (its kind), a stable code and a Vietnamese message — never an HTTP status. `http/errors.ts`
 * is the one place that maps a kind to a status.
 */
export type ErrorKind =
  | 'invalid' // the input breaks a rule (400)
  | 'unauthenticated' // no valid session (401)
  | 'forbidden' // the role may not do this at all (403)
  | 'not_found' // absent, or outside the actor's scope (404)
  | 'conflict' // the record's state or version does not allow it (409)
  | 'locked' // the account is locked for a while (423)
  | 'unprocessable' // the request was understood but a supplied file or template is unusable (422)
  | 'too_large' // a file or a list over its limit (413)
  | 'rate_limited' // too many attempts (429)
  | 'unavailable'; // a service the operation needs is missing or failed (503)

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * Declares a named domain error: `export const DossierNotSubmittable = domainError('DossierNotSubmittable', 'conflict', 'dossier_not_submittable')`,
 * then `throw new DossierNotSubmittable('Hồ sơ …')`. Tests may check `instanceof`.
 */
export function domainError(name: string, kind: ErrorKind, code: string) {
  const Named = class extends DomainError {
    constructor(message: string, details?: unknown) {
      super(kind, code, message, details);
      this.name = name;
    }
  };
  Object.defineProperty(Named, 'name', { value: name });
  return Named;
}

export const badRequest = (message: string, details?: unknown) => new DomainError('invalid', 'bad_request', message, details);
export const unauthorized = (message = 'Bạn cần đăng nhập để tiếp tục.') => new DomainError('unauthenticated', 'unauthorized', message);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') => new DomainError('forbidden', 'forbidden', message);
/** Out-of-scope records answer 404 too, so that their existence does not leak. */
export const notFound = (message = 'Không tìm thấy dữ liệu hoặc bạn không có quyền xem.') => new DomainError('not_found', 'not_found', message);
export const conflict = (message: string, details?: unknown) => new DomainError('conflict', 'conflict', message, details);
export const tooMany = (message: string) => new DomainError('rate_limited', 'too_many_requests', message);
export const unavailable = (code: string, message: string) => new DomainError('unavailable', code, message);

/** The account is locked after too many failed logins. */
export const AccountLocked = domainError('AccountLocked', 'locked', 'locked');

// Organisation and sign-in (units, people, councils, accounts).
/** The record was changed by someone else since the client read it (optimistic locking). */
export const StaleVersion = domainError('StaleVersion', 'conflict', 'stale_version');
/** Username or password wrong, or the account disabled: the same answer, so as not to tell which. */
export const InvalidCredentials = domainError('InvalidCredentials', 'unauthenticated', 'invalid_credentials');
/** The account's password was set by an administrator: only changing it (and /api/auth/me, logging out) is allowed. */
export const PasswordChangeRequired = domainError('PasswordChangeRequired', 'forbidden', 'password_change_required');
/** The current password given to change it is wrong. */
export const WrongPassword = domainError('WrongPassword', 'invalid', 'wrong_password');
/** A unit still has sub-units (delete, deactivate). */
export const UnitHasChildren = domainError('UnitHasChildren', 'invalid', 'unit_has_children');
/** A unit still has staff, accounts or councils (delete, deactivate). */
export const UnitInUse = domainError('UnitInUse', 'invalid', 'unit_in_use');
/** The action does not fit the unit's place or state (the actor's own root unit, an inactive or merged unit, a cycle). */
export const UnitNotAllowed = domainError('UnitNotAllowed', 'invalid', 'unit_not_allowed');
/** A CCCD number already belongs to someone (CCCD is unique nationally). */
export const CccdTaken = domainError('CccdTaken', 'conflict', 'cccd_taken');
/** The action does not fit the person's state (transfer of someone no longer followed, a unit change outside a transfer). */
export const PersonNotAllowed = domainError('PersonNotAllowed', 'invalid', 'person_not_allowed');
/** A username already in use. */
export const UsernameTaken = domainError('UsernameTaken', 'conflict', 'username_taken');
/** The change is refused for this account (locking oneself out, a personal account without a person). */
export const AccountNotAllowed = domainError('AccountNotAllowed', 'invalid', 'account_not_allowed');
/** A council membership refused: already a member, a second chair or secretary. */
export const CouncilMemberConflict = domainError('CouncilMemberConflict', 'conflict', 'council_member_conflict');
/** A second active council of the same kind in one unit. */
export const CouncilExists = domainError('CouncilExists', 'conflict', 'council_exists');
