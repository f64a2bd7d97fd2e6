import { DomainError } from '../errors.js';

/**
 * A document could not be produced or a user-supplied file (template, spreadsheet, calibration)
 * was refused (kind 'unprocessable', answered 422): the request was understood but its content is unusable; the message
 * is Vietnamese and meant for the user.
 */
export class DocumentError extends DomainError {
  constructor(code: string, message: string, details?: unknown) {
    super('unprocessable', code, message, details);
    this.name = 'DocumentError';
  }
}
