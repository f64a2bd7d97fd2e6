import { AppError } from '../errors.js';

/**
 * A document could not be produced or a user-supplied file (template, spreadsheet, calibration)
 * was refused. Status 422: the request was understood but its content is unusable; the message
 * is Vietnamese and meant for the user.
 */
export class DocumentError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(422, code, message, details);
    this.name = 'DocumentError';
  }
}
