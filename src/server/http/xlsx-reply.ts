/**
 * File replies: a Vietnamese file name (RFC 5987 `filename*`, with an ASCII fallback), streamed
 * .xlsx exports, and DOCX documents delivered as Word or as PDF (through LibreOffice).
 *
 * Any list route can export what the user sees:
 *
 *   app.get('/api/things/export.xlsx', { schema: { querystring: listQuery } }, async (req, reply) =>
 *     replyXlsx(reply, 'Danh sách ….xlsx', COLUMNS, rowsMatching(actor, req.query),
 *       { unitName: await exportUnitName(db, actor, req.query.unitId) }));
 *
 * The unit's name is required: the printed page header says whose list it is, beside the day of
 * the export (the Vietnamese day from the clock) and the list's title (the file name).
 *
 * `rows` may be an async generator that reads the database in batches (`batched`), so memory
 * stays flat however long the list.
 */
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { exportXlsx, type XlsxColumn, type XlsxExportOptions } from '../documents/index.js';
import { todayVn } from '../clock.js';
import { docxToPdf } from '../office/soffice.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_MIME = 'application/pdf';

/** `attachment; filename="Danh-sach-can-bo.xlsx"; filename*=UTF-8''Danh%20s%C3%A1ch…` */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const nfc = fileName.normalize('NFC');
  // Case kept ("QD-01-SKHCN-2021.docx"): diacritics dropped, đ → d.
  const ascii =
    nfc
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/-+/g, '-') || 'tep';
  const encoded = encodeURIComponent(nfc).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export type ReplyXlsxOptions = Omit<XlsxExportOptions, 'heading'> & {
  /** Whose list it is: the filtered unit, else the actor's unit (printed in the page header). */
  unitName: string;
  /** The list's title in the page header (default: the file name without `.xlsx`). */
  title?: string;
};

/** Streams rows into an .xlsx reply; headers go out at once, rows as they are read. */
export function replyXlsx<Row>(
  reply: FastifyReply,
  fileName: string,
  columns: readonly XlsxColumn<Row>[],
  rows: AsyncIterable<Row> | Iterable<Row>,
  { unitName, title, ...rest }: ReplyXlsxOptions,
): FastifyReply {
  const options: XlsxExportOptions = { ...rest, heading: { unitName, date: todayVn(), title: title ?? fileName.replace(/\.xlsx$/i, '') } };
  const out = new PassThrough();
  reply.header('content-type', XLSX_MIME);
  reply.header('content-disposition', contentDisposition(fileName));
  reply.header('cache-control', 'no-store');
  exportXlsx(columns, rows, out, options).catch((e: unknown) => {
    reply.log.error({ err: e }, 'xlsx export failed');
    out.destroy(e instanceof Error ? e : new Error(String(e)));
  });
  return reply.send(out);
}

/** Reads a query in pages (keyset or offset, by the caller) and yields rows one by one. */
export async function* batched<Row>(fetchPage: (offset: number, limit: number) => Promise<Row[]>, batchSize = 2000): AsyncGenerator<Row> {
  for (let offset = 0; ; offset += batchSize) {
    const page = await fetchPage(offset, batchSize);
    yield* page;
    if (page.length < batchSize) return;
  }
}

export type DocumentFormat = 'docx' | 'pdf';

/** Query of a generated document's download: Word or PDF, and the number the clerk took from the register. */
export const documentQuery = z.object({
  format: z.enum(['docx', 'pdf'], 'Định dạng phải là docx hoặc pdf.').default('docx'),
  so: z
    .string()
    .trim()
    .max(12, 'Số văn bản quá dài.')
    .regex(/^[0-9]*[A-Za-z.]?$/, 'Số văn bản chỉ gồm chữ số (vd. 05).')
    .optional(),
});

/** Sends a generated DOCX as Word, or converted to PDF (503 with a Vietnamese message when LibreOffice is absent). */
export async function replyDocument(reply: FastifyReply, docx: Buffer, baseName: string, format: DocumentFormat = 'docx'): Promise<FastifyReply> {
  reply.header('cache-control', 'no-store');
  if (format === 'pdf') {
    const pdf = await docxToPdf(docx);
    reply.header('content-type', PDF_MIME);
    reply.header('content-disposition', contentDisposition(`${baseName}.pdf`));
    return reply.send(pdf);
  }
  reply.header('content-type', DOCX_MIME);
  reply.header('content-disposition', contentDisposition(`${baseName}.docx`));
  return reply.send(docx);
}
