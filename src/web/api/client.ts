/** Fetch wrapper for the TĐKT API: cookie session, JSON, CSRF header on writes, Vietnamese errors. */

/** An API failure carrying the server's Vietnamese message. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Remembers the CSRF token handed out by login or /api/auth/me. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request answers 401 (session expired): the app sends the user to the login page. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** `?a=1&b=x`, leaving out empty values. */
export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** Sent as-is (multipart uploads); the browser sets the content type. */
  form?: FormData;
  /** Do not run the 401 handler (login, the initial session probe). */
  allow401?: boolean;
}

function isErrorBody(v: unknown): v is { error: string; message: string; details?: unknown } {
  return typeof v === 'object' && v !== null && typeof (v as { message?: unknown }).message === 'string';
}

/** One request; resolves with the parsed JSON body or throws an ApiError with a Vietnamese message. */
export async function apiRequest<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(path + toQueryString(opts.query), { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.');
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    if (res.status === 401 && !opts.allow401) onUnauthorized?.();
    if (isErrorBody(data)) throw new ApiError(res.status, data.error, data.message, data.details);
    throw new ApiError(res.status, 'http_' + res.status, fallbackMessage(res.status));
  }
  return data as T;
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.';
  if (status === 403) return 'Bạn không có quyền thực hiện thao tác này.';
  if (status === 404) return 'Không tìm thấy dữ liệu yêu cầu.';
  if (status === 413) return 'Tệp gửi lên quá lớn (tối đa 10 MB).';
  if (status >= 500) return 'Máy chủ gặp lỗi. Vui lòng thử lại sau.';
  return `Yêu cầu không thành công (mã ${status}).`;
}

/** Text of any thrown value, for messages. */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return 'Đã có lỗi xảy ra.';
}

export const api = {
  get: <T>(path: string, query?: Query) => apiRequest<T>(path, { query }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  del: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
  upload: <T>(path: string, form: FormData) => apiRequest<T>(path, { method: 'POST', form }),
};
