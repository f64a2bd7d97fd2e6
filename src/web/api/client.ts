/**
 * The TĐKT API client, typed from the committed contract (openapi.json → schema.d.ts, `npm run
 * api:types`): cookie session, CSRF header on writes, Vietnamese errors, downloads and uploads.
 * Modules in this folder call `call(client.GET('/api/…', …))` and export plain functions.
 */
import createClient from 'openapi-fetch';
import type { paths } from './schema';

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

/** `?a=1&b=x`, leaving out empty values; arrays repeat the key. */
export function toQueryString(query: object | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query) as [string, unknown][]) {
    for (const one of Array.isArray(v) ? (v as unknown[]) : [v]) {
      if (one === undefined || one === null || one === '') continue;
      if (typeof one === 'string' || typeof one === 'number' || typeof one === 'boolean') params.append(k, String(one));
    }
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** A query-string boolean as the contract declares it (`"true"` / `"false"`), or nothing. */
export function flag(v: boolean | null | undefined): 'true' | 'false' | undefined {
  return v === undefined || v === null ? undefined : v ? 'true' : 'false';
}

type Method = 'get' | 'post' | 'put' | 'delete';

/** The query parameters an operation declares: `QueryOf<'/api/people'>`. */
export type QueryOf<P extends keyof paths, M extends Method = 'get'> =
  NonNullable<paths[P][M]> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** The JSON body an operation takes: `BodyOf<'/api/units', 'post'>`. */
export type BodyOf<P extends keyof paths, M extends Method = 'post'> =
  NonNullable<paths[P][M]> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

/** The JSON an operation answers on success (200, else 201): `Answer<'/api/units/{id}'>`. */
export type Answer<P extends keyof paths, M extends Method = 'get'> =
  NonNullable<paths[P][M]> extends { responses: infer R }
    ? R extends { 200: { content: { 'application/json': infer J } } }
      ? J
      : R extends { 201: { content: { 'application/json': infer J } } }
        ? J
        : never
    : never;

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The typed client: `client.GET('/api/units/{id}', { params: { path: { id } } })`. */
export const client = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? '' : window.location.origin,
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
  querySerializer: (q) => toQueryString(q).slice(1),
});
client.use({
  onRequest({ request }) {
    if (WRITES.has(request.method) && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
});

/** What openapi-fetch resolves with: the data of a 2xx answer, or the parsed error body. */
interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

interface CallOptions {
  /** Do not run the 401 handler (login, the initial session probe). */
  allow401?: boolean;
}

function isErrorBody(v: unknown): v is { error: string; message: string; details?: unknown } {
  return typeof v === 'object' && v !== null && typeof (v as { message?: unknown }).message === 'string';
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.';
  if (status === 403) return 'Bạn không có quyền thực hiện thao tác này.';
  if (status === 404) return 'Không tìm thấy dữ liệu yêu cầu.';
  if (status === 413) return 'Tệp gửi lên quá lớn (tối đa 10 MB).';
  if (status >= 500) return 'Máy chủ gặp lỗi. Vui lòng thử lại sau.';
  return `Yêu cầu không thành công (mã ${status}).`;
}

/** The ApiError of a failed answer, built from its `{error, message, details}` body. */
function failure(status: number, body: unknown, opts: CallOptions): ApiError {
  if (status === 401 && !opts.allow401) onUnauthorized?.();
  if (isErrorBody(body)) return new ApiError(status, body.error, body.message, body.details);
  return new ApiError(status, `http_${status}`, fallbackMessage(status));
}

const networkError = () => new ApiError(0, 'network', 'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.');

async function settle<T>(request: Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await request;
  } catch (err) {
    // fetch rejects with a TypeError when the server cannot be reached; a body that is not JSON
    // (a proxy's HTML page) rejects with a SyntaxError.
    if (err instanceof SyntaxError) throw new ApiError(0, 'bad_response', 'Máy chủ trả lời không đúng định dạng. Vui lòng thử lại sau.');
    throw networkError();
  }
}

/** Awaits a typed call: the answer's data, or an ApiError with the server's Vietnamese message. */
export async function call<T>(request: Promise<Outcome<T>>, opts: CallOptions = {}): Promise<T> {
  const { data, error, response } = await settle(request);
  if (!response.ok) throw failure(response.status, error, opts);
  return data as T;
}

/**
 * The body options of a multipart upload (text fields first, then the file: the server reads the
 * fields that precede the file part). The browser sets the content type and its boundary.
 */
export function multipart(form: FormData) {
  return { body: form as never, bodySerializer: (b: unknown) => b as FormData };
}

/** The file name the server chose (RFC 5987 `filename*` first). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* fall through to the plain name */
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

/**
 * Saves a downloaded file (Excel, Word, PDF) under the server's Vietnamese name; errors as
 * ApiError. Pass a call made with `parseAs: 'blob'`.
 */
export async function download(request: Promise<Outcome<Blob>>, fallbackName = 'tep'): Promise<void> {
  const { data, error, response } = await settle(request);
  if (!response.ok || !data) throw failure(response.status, error, {});
  saveBlob(data, fileNameOf(response.headers.get('content-disposition'), fallbackName));
}

/** Hands a file made in the browser (or downloaded) to the user under `name`. */
export function saveBlob(data: Blob, name: string): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Text of any thrown value, for messages. */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return 'Đã có lỗi xảy ra.';
}
