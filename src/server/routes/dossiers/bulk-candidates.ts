/**
 * Adding many candidates to a dossier at once: the Excel list (template, preview with the findings of
 * each row, commit of the valid rows), the eligible list of the unit's subtree (everyone or those
 * chosen), and the named registrations of the campaign. Each add is one command and one transaction.
 */
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { runCommand } from '../../commands/run.js';
import { addCandidatesBulk, checkBulkRows, eligibleRows, eligibleSubjects, registrationRows } from '../../commands/dossiers/bulk-candidates.js';
import { assertCandidateSheet, candidateImportTemplate, readCandidateSheet } from '../../imports/candidates-xlsx.js';
import { findVisibleDossier } from '../../repositories/dossiers.js';
import { dossierSubjects } from '../../repositories/bulk-candidates.js';
import { readUpload } from '../../http/upload.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import { errors, file } from '../../http/contract.js';
import { contentDisposition, XLSX_MIME } from '../../http/xlsx-reply.js';
import { badRequest, notFound } from '../../errors.js';
import { bulkResultSchema, candidateImportPreviewSchema, dossierEligibleSchema, presentBulkResult, presentFinding } from '../../presenters/bulk-candidates.js';
import { HONORS, type Honor } from '../../../shared/codes.js';
import type { Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';

const idParams = z.object({ id: z.uuid('Mã hồ sơ không hợp lệ.') });
const honor = z.enum(HONORS, 'Hình thức khen thưởng không hợp lệ.');
const ids = z.array(z.uuid('Mã không hợp lệ.')).max(20_000, 'Mỗi lần chọn tối đa 20.000 người/tập thể.');

/** The honor chosen on upload (used where a row leaves its honor cell empty). */
function uploadHonor(fields: Record<string, string>): Honor | null {
  const v = fields.honor?.trim();
  if (!v) return null;
  const parsed = honor.safeParse(v);
  if (!parsed.success) throw badRequest('Hình thức khen thưởng không hợp lệ.');
  return parsed.data;
}

function uploadVersion(fields: Record<string, string>): number | undefined {
  const v = fields.version?.trim();
  if (!v) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw badRequest('Phiên bản không hợp lệ.');
  return n;
}

/** A workbook built in memory (the import template) as a download. */
function sendXlsx(reply: FastifyReply, fileName: string, body: Buffer): FastifyReply {
  reply.header('content-type', XLSX_MIME);
  reply.header('content-disposition', contentDisposition(fileName));
  return reply.send(body);
}

async function dossierOr404(db: Db, actor: Actor, id: string) {
  const d = await findVisibleDossier(db, actor, id);
  if (!d) throw notFound('Không tìm thấy hồ sơ.');
  return d;
}

export const bulkCandidateRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['dossiers'];

    app.get(
      '/api/dossiers/:id/candidates/import/template.xlsx',
      {
        schema: {
          tags,
          operationId: 'downloadCandidateImportTemplate',
          summary: 'Tải tệp Excel mẫu để nhập danh sách đề nghị khen thưởng',
          params: idParams,
          response: { 200: file('Tệp Excel', 'xlsx'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'update');
        await dossierOr404(db, actor, req.params.id);
        return sendXlsx(reply, 'mau-danh-sach-de-nghi.xlsx', await candidateImportTemplate());
      },
    );

    app.post(
      '/api/dossiers/:id/candidates/import/preview',
      {
        schema: {
          tags,
          operationId: 'previewCandidateImport',
          summary:
            'Xem trước tệp Excel danh sách đề nghị: kết quả kiểm tra từng dòng (không tìm thấy CCCD, ngoài đơn vị, trùng, danh hiệu không phù hợp), chưa lưu gì. Trường honor: danh hiệu dùng khi dòng bỏ trống',
          params: idParams,
          consumes: ['multipart/form-data'],
          response: { 200: candidateImportPreviewSchema, ...errors(403, 404, 413, 415) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'update');
        // The dossier first: another unit's dossier is not found, whatever was uploaded.
        const d = await dossierOr404(db, actor, req.params.id);
        const { buffer, fields } = await readUpload(req, { missing: 'Hãy chọn một tệp Excel (.xlsx) để tải lên.', defaultName: 'danh-sach.xlsx' });
        await assertCandidateSheet(buffer);
        const sheet = await readCandidateSheet(buffer, uploadHonor(fields));
        const started = performance.now();
        const checked = await checkBulkRows(db, actor, d, sheet.rows);
        req.log.info({ rows: checked.length, ms: Math.round(performance.now() - started) }, 'candidate import preview checked');
        const rows = checked.map((c, i) => ({ ...presentFinding(c.finding), values: sheet.rows[i]?.values ?? {}, valid: c.values !== null }));
        const valid = rows.filter((r) => r.valid).length;
        return { total: rows.length, valid, invalid: rows.length - valid, notices: sheet.notices, rows };
      },
    );

    app.post(
      '/api/dossiers/:id/candidates/import/commit',
      {
        schema: {
          tags,
          operationId: 'commitCandidateImport',
          summary: 'Thêm vào hồ sơ các dòng hợp lệ của tệp Excel danh sách đề nghị (một lần, một giao dịch); các dòng lỗi được trả lại kèm lý do, không lưu',
          params: idParams,
          consumes: ['multipart/form-data'],
          response: { 200: bulkResultSchema, ...errors(403, 404, 409, 413, 415) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'update');
        await dossierOr404(db, actor, req.params.id);
        const { buffer, fields } = await readUpload(req, { missing: 'Hãy chọn một tệp Excel (.xlsx) để tải lên.', defaultName: 'danh-sach.xlsx' });
        await assertCandidateSheet(buffer);
        const sheet = await readCandidateSheet(buffer, uploadHonor(fields));
        const result = await runCommand(db, actor, (ctx) =>
          addCandidatesBulk(ctx, req.params.id, sheet.rows, { source: 'excel', version: uploadVersion(fields) }),
        );
        return presentBulkResult(result);
      },
    );

    app.get(
      '/api/dossiers/:id/candidates/eligible',
      {
        schema: {
          tags,
          operationId: 'listDossierEligible',
          summary: 'Ai trong đơn vị lập hồ sơ đủ điều kiện một danh hiệu năm của hồ sơ (để thêm nhiều người một lần), kèm số đăng ký thi đua theo tên',
          params: idParams,
          querystring: z.object({ honor }),
          response: { 200: dossierEligibleSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'read');
        const d = await dossierOr404(db, actor, req.params.id);
        const list = await eligibleSubjects(db, d, req.query.honor);
        const mine = await dossierSubjects(db, d.id);
        const regs = await registrationRows(db, d, req.query.honor);
        return {
          honor: req.query.honor,
          items: list.map((s) => ({ ...s, inDossier: s.kind === 'individual' ? mine.personIds.has(s.id) : mine.unitIds.has(s.id) })),
          total: list.length,
          registrations: regs.length,
        };
      },
    );

    app.post(
      '/api/dossiers/:id/candidates/bulk',
      {
        schema: {
          tags,
          operationId: 'addCandidatesBulk',
          summary:
            'Thêm nhiều đề nghị một lần: source = eligible (mọi người đủ điều kiện, hoặc những người chọn trong danh sách đủ điều kiện) hoặc registrations (các đăng ký thi đua theo tên của phong trào/năm)',
          params: idParams,
          body: z.object({
            source: z.enum(['eligible', 'registrations'], 'Nguồn danh sách không hợp lệ.'),
            honor,
            personIds: ids.optional(),
            unitIds: ids.optional(),
            version: z.number().int('Phiên bản không hợp lệ.').optional(),
          }),
          response: { 200: bulkResultSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'update');
        const { source, honor: h, personIds, unitIds, version } = req.body;
        const started = performance.now();
        const result = await runCommand(db, actor, (ctx) =>
          addCandidatesBulk(
            ctx,
            req.params.id,
            (tx, d) => (source === 'eligible' ? eligibleRows(tx, d, h, { personIds, unitIds }) : registrationRows(tx, d, h)),
            {
              source,
              version,
            },
          ),
        );
        req.log.info({ source, added: result.added, ms: Math.round(performance.now() - started) }, 'candidates added in bulk');
        return presentBulkResult(result);
      },
    );
  };
