import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type ErrorKind } from '../errors.js';
import type { ErrorBody } from './contract.js';

const SOURCE_LABELS: Record<string, string> = { body: 'Dữ liệu', querystring: 'Tham số', params: 'Đường dẫn', headers: 'Tiêu đề' };

/** The one mapping from a domain error's kind to an HTTP status. */
export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  unprocessable: 422,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};

/** Every error leaves as `{ error, message }` with a Vietnamese message; internals are not shown. */
export function handleError(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof DomainError) {
    return reply.status(STATUS_OF_KIND[err.kind]).send({ error: err.code, message: err.message, details: err.details } satisfies ErrorBody);
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      return { field: path || null, message: v.message ?? 'không hợp lệ' };
    });
    const first = issues[0];
    const where = SOURCE_LABELS[err.validationContext ?? 'body'] ?? 'Dữ liệu';
    // The user reads the Vietnamese message, never a field name (issue 18: "receiverName"); the field stays in `details` for forms.
    const message = first ? `${where} không hợp lệ: ${first.message}` : `${where} không hợp lệ.`;
    return reply.status(400).send({ error: 'validation', message, details: issues } satisfies ErrorBody);
  }
  const fe = err as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return reply.status(400).send({ error: 'invalid_json', message: 'Dữ liệu gửi lên không phải JSON hợp lệ.' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return reply.status(413).send({ error: 'too_large', message: 'Dữ liệu hoặc tệp gửi lên vượt quá dung lượng cho phép (10 MB).' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return reply.status(415).send({ error: 'unsupported_media_type', message: 'Định dạng dữ liệu gửi lên không được hỗ trợ.' });
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return reply.status(400).send({ error: 'bad_request', message: 'Hãy gửi tệp dưới dạng multipart/form-data.' });
  }
  if (violates(err, '23505')) {
    // A conflict a command should have foreseen: the database refused it and nothing was stored.
    req.log.warn({ err }, 'unique constraint refused a write');
    return reply
      .status(409)
      .send({ error: 'conflict', message: 'Dữ liệu này đã có (trùng với bản ghi đã lưu), nên không lưu thêm. Hãy tải lại trang để xem dữ liệu hiện tại.' });
  }
  if (fe.statusCode === 429) return reply.status(429).send({ error: 'too_many_requests', message: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.' });
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return reply.status(fe.statusCode).send({ error: 'bad_request', message: 'Yêu cầu không hợp lệ.' });
  }
  req.log.error({ err }, 'unhandled error');
  return reply.status(500).send({ error: 'internal', message: 'Hệ thống gặp lỗi ngoài dự kiến. Vui lòng thử lại hoặc báo quản trị hệ thống.' });
}

/** Whether the database refused the write with this SQLSTATE (drizzle wraps the driver's error in `cause`). */
function violates(err: unknown, sqlState: string): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++)
    if ((e as { code?: unknown }).code === sqlState) return true;
  return false;
}
