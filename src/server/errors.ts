/** An error meant for the user: an HTTP status, a stable code and a Vietnamese message. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError(400, 'bad_request', message, details);
export const unauthorized = (message = 'Bạn cần đăng nhập để tiếp tục.') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') => new AppError(403, 'forbidden', message);
/** Out-of-scope records answer 404 too, so that their existence does not leak. */
export const notFound = (message = 'Không tìm thấy dữ liệu hoặc bạn không có quyền xem.') => new AppError(404, 'not_found', message);
export const conflict = (message: string, details?: unknown) => new AppError(409, 'conflict', message, details);
export const tooMany = (message: string) => new AppError(429, 'too_many_requests', message);
