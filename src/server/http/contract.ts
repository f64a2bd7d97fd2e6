import { z } from 'zod';

/**
 * The pieces every route declaration is built from, so that the OpenAPI document (and the web
 * client generated from it) says exactly what each operation answers: its success shape, its
 * error answers, its binary downloads, and the one list shape.
 */

/** The one error body: a stable code, a Vietnamese message, and optional details (fields, rows). */
export const errorSchema = z
  .object({
    error: z.string().describe('Mã lỗi ổn định (validation, not_found, conflict, …)'),
    message: z.string().describe('Thông báo tiếng Việt cho người dùng'),
    details: z.unknown().optional().describe('Chi tiết: các trường sai, các dòng lỗi, …'),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorSchema>;

const ERROR_DESCRIPTIONS = {
  400: 'Dữ liệu không hợp lệ',
  401: 'Chưa đăng nhập',
  403: 'Không có quyền',
  404: 'Không tìm thấy (hoặc ngoài phạm vi của tài khoản)',
  409: 'Xung đột trạng thái hoặc phiên bản',
  413: 'Dữ liệu quá lớn',
  422: 'Tệp hoặc mẫu gửi lên không dùng được',
  423: 'Tài khoản đang tạm khóa',
  415: 'Định dạng không được hỗ trợ',
  429: 'Thao tác quá nhanh',
  503: 'Dịch vụ tạm thời không sẵn sàng',
} as const;
export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/**
 * The error answers of an operation. Every route that needs a session may answer 400 (bad input)
 * and 401 (no session); add what else it may answer: `errors(403, 404, 409)`.
 */
export function errors<const S extends ErrorStatus>(...statuses: S[]): Record<S | 400 | 401, ErrorAnswer> {
  return answers([400, 401, ...statuses]);
}

/** The error answers of a public operation (no session needed). */
export function publicErrors<const S extends ErrorStatus>(...statuses: S[]): Record<S | 400, ErrorAnswer> {
  return answers([400, ...statuses]);
}

interface ErrorAnswer {
  description: string;
  content: { 'application/json': { schema: typeof errorSchema } };
}

function answers<S extends ErrorStatus>(statuses: S[]): Record<S, ErrorAnswer> {
  const out = {} as Record<S, ErrorAnswer>;
  for (const s of statuses) out[s] = { description: ERROR_DESCRIPTIONS[s], content: { 'application/json': { schema: errorSchema } } };
  return out;
}

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  atom: 'application/atom+xml',
  xml: 'application/xml',
  zip: 'application/zip',
  octet: 'application/octet-stream',
} as const;

const binarySchema = z.string().meta({ format: 'binary' });

/** A file download answer (the body is the file; the name is in Content-Disposition). */
export function file(description: string, ...types: (keyof typeof MIME)[]) {
  return { description, content: Object.fromEntries(types.map((t) => [MIME[t], { schema: binarySchema }])) };
}

/** The one list shape: a page of items and the total the filters match. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int().describe('Tổng số bản ghi khớp bộ lọc') });
}

/** `{ ok: true }`: the answer of a command that returns nothing else. */
export const okSchema = z.object({ ok: z.literal(true) }).meta({ id: 'Ok' });

/** An id in the path. */
export const idParams = (message = 'Mã không hợp lệ.') => z.object({ id: z.uuid(message) });
