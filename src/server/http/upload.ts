import type { FastifyRequest } from 'fastify';
import { badRequest } from '../errors.js';

export interface Upload {
  buffer: Buffer;
  fileName: string;
  /** The text fields of the form (send them before the file). */
  fields: Record<string, string>;
}

/**
 * Reads the one uploaded file of a multipart request, with its text fields. The size limit
 * (10 MB) is enforced by the multipart parser; `missing` says, in Vietnamese, what to upload.
 */
export async function readUpload(req: FastifyRequest, opts: { missing: string; defaultName: string }): Promise<Upload> {
  if (!req.isMultipart()) throw badRequest(opts.missing);
  const file = await req.file();
  if (!file) throw badRequest(opts.missing);
  const buffer = await file.toBuffer();
  if (buffer.length === 0) throw badRequest('Tệp tải lên rỗng.');
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(file.fields)) {
    const field = Array.isArray(v) ? v[0] : v;
    if (field && field.type === 'field') fields[k] = String(field.value);
  }
  return { buffer, fileName: file.filename || opts.defaultName, fields };
}
