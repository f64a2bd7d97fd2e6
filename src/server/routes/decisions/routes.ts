import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { runCommand } from '../../commands/run.js';
import { attachDecisionFile, issueDecision, revokeDecision } from '../../commands/decisions.js';
import { deleteExternalDecision, recordStandaloneDecision, updateExternalDecision } from '../../commands/external-decisions.js';
import { externalAwardeeBody, externalDecisionFields, externalDecisionText } from './external-body.js';
import { checkUpload } from '../../commands/dossiers.js';
import { readUpload } from '../../http/upload.js';
import { actorOf } from '../../http/session.js';
import { errors, file, okSchema } from '../../http/contract.js';
import { authorize } from '../../policies/scope.js';
import { awardeesOf, decisionFile, exportVisibleDecisions, findVisibleDecision, listVisibleDecisions, readyCandidates } from '../../repositories/decisions.js';
import { decisionListSchema, decisionSchema, presentDecision, presentReadyCandidate, readyCandidateListSchema } from '../../presenters/decisions.js';
import { decisionDocx } from '../../presenters/dossier-documents.js';
import { decisionColumns } from '../../presenters/list-exports.js';
import { batched, documentQuery, replyDocument, replyXlsx } from '../../http/xlsx-reply.js';
import { exportUnitName } from '../export-heading.js';
import { documentFileStem, splitNumberText } from '../../documents/docx/model.js';
import { notFound } from '../../errors.js';
import { isoDate, pageQuery } from '../../../shared/schemas/common.js';
import { sendFile } from '../documents/download.js';

const idParams = z.object({ id: z.uuid('Mã quyết định không hợp lệ.') });
const decisionFilter = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const decisionRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['decisions'];
    app.get(
      '/api/decisions',
      {
        schema: {
          tags,
          operationId: 'listDecisions',
          summary: 'Quyết định khen thưởng (ban hành và của cấp trên), mới nhất trước',
          querystring: decisionFilter.extend(pageQuery),
          response: { 200: decisionListSchema, ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'decision', 'read');
        const { rows, total } = await listVisibleDecisions(db, actor, req.query);
        return { items: rows.map((r) => presentDecision(r, actor, { awardeeCount: r.awardeeCount, certificateCount: r.certificateCount })), total };
      },
    );

    app.get(
      '/api/decisions/export.xlsx',
      {
        schema: {
          tags,
          operationId: 'exportDecisions',
          summary: 'Xuất Excel danh sách quyết định khen thưởng (số người được khen, tổng tiền thưởng) theo bộ lọc',
          querystring: decisionFilter,
          response: { 200: file('Tệp Excel', 'xlsx'), ...errors(403) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'decision', 'read');
        const rows = batched((offset, limit) => exportVisibleDecisions(db, actor, req.query, offset, limit));
        return replyXlsx(reply, 'Danh sách quyết định khen thưởng.xlsx', decisionColumns(), rows, {
          sheetName: 'Quyết định',
          unitName: await exportUnitName(db, actor),
        });
      },
    );

    app.get(
      '/api/decisions/ready',
      {
        schema: {
          tags,
          operationId: 'listReadyCandidates',
          summary: 'Đề nghị đã được Hội đồng thông qua, chờ quyết định hoặc trình cấp trên (cả danh sách)',
          response: { 200: readyCandidateListSchema, ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'decision', 'read');
        const rows = await readyCandidates(db, actor);
        return { items: rows.map(presentReadyCandidate), total: rows.length };
      },
    );

    app.post(
      '/api/decisions',
      {
        schema: {
          tags,
          operationId: 'issueDecision',
          summary: 'Ban hành quyết định khen thưởng (số từ sổ đăng ký, tiền thưởng theo quy định)',
          body: z.object({
            candidateIds: z.array(z.uuid()).min(1, 'Hãy chọn người/tập thể được khen thưởng.').max(20_000, 'Một quyết định ghi tối đa 20.000 người/tập thể.'),
            decisionDate: isoDate,
            signerName: z.string().trim().min(2, 'Hãy nhập người ký.').max(200),
            signerTitle: z.string().trim().min(2, 'Hãy nhập chức vụ người ký.').max(200),
            title: z.string().trim().max(500, 'Trích yếu quá dài.').nullish(),
          }),
          response: { 201: decisionSchema, ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'decision', 'issue');
        const d = await runCommand(db, actor, (ctx) => issueDecision(ctx, req.body));
        return reply.status(201).send(presentDecision(d, actor, { awardees: await awardeesOf(db, d.id) }));
      },
    );

    app.post(
      '/api/decisions/external',
      {
        schema: {
          tags,
          operationId: 'recordExternalDecision',
          summary:
            'Ghi nhận quyết định khen thưởng của cấp trên (Chủ tịch UBND tỉnh/xã, Thủ tướng, Chủ tịch nước) không qua hồ sơ: cơ quan ban hành, thẩm quyền ký, căn cứ, nguồn kinh phí, người thi hành, danh sách trong đơn vị',
          body: z.object({
            ...externalDecisionFields,
            ...externalDecisionText,
            executors: z
              .array(z.string().trim().max(500, 'Tên cơ quan thi hành quá dài.'))
              .max(50)
              .refine((xs) => xs.some((x) => x.trim()), 'Hãy ghi ít nhất một cơ quan, người chịu trách nhiệm thi hành (Điều 3).'),
            awardees: z.array(externalAwardeeBody).min(1, 'Hãy chọn ít nhất một cá nhân hoặc tập thể được khen thưởng.').max(2000),
          }),
          response: { 201: decisionSchema, ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'decision', 'record');
        const d = await runCommand(db, actor, (ctx) => recordStandaloneDecision(ctx, req.body));
        return reply.status(201).send(presentDecision(d, actor, { awardees: await awardeesOf(db, d.id) }));
      },
    );

    app.put(
      '/api/decisions/:id/external',
      {
        schema: {
          tags,
          operationId: 'updateExternalDecision',
          summary: 'Sửa quyết định của cấp trên đã ghi nhận (khi chưa bị hủy bỏ); quyết định ghi nhận riêng được sửa cả danh sách',
          params: idParams,
          body: z.object({
            ...z.object(externalDecisionFields).partial().shape,
            ...externalDecisionText,
            awardees: z.array(externalAwardeeBody).min(1, 'Hãy chọn ít nhất một cá nhân hoặc tập thể được khen thưởng.').max(2000).optional(),
            version: z.number().int().min(1),
          }),
          response: { 200: decisionSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'decision', 'record');
        const d = await runCommand(db, actor, (ctx) => updateExternalDecision(ctx, req.params.id, req.body));
        return presentDecision(d, actor, { awardees: await awardeesOf(db, d.id) });
      },
    );

    app.delete(
      '/api/decisions/:id',
      {
        schema: {
          tags,
          operationId: 'deleteExternalDecision',
          summary: 'Xóa quyết định của cấp trên ghi nhận nhầm (ghi nhận riêng, chưa được dùng); lịch sử khen thưởng nó ghi cũng được xóa',
          params: idParams,
          response: { 200: okSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'decision', 'record');
        await runCommand(db, actor, (ctx) => deleteExternalDecision(ctx, req.params.id));
        return { ok: true as const };
      },
    );

    app.get(
      '/api/decisions/:id',
      {
        schema: {
          tags,
          operationId: 'getDecision',
          summary: 'Một quyết định với danh sách khen thưởng',
          params: idParams,
          response: { 200: decisionSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'decision', 'read');
        const d = await findVisibleDecision(db, actor, req.params.id);
        if (!d) throw notFound('Không tìm thấy quyết định.');
        return presentDecision(d, actor, { awardees: await awardeesOf(db, d.id) });
      },
    );

    app.get(
      '/api/decisions/:id/docx',
      {
        schema: {
          tags,
          operationId: 'downloadDecisionDocx',
          summary: 'Quyết định khen thưởng kèm danh sách (Word hoặc PDF), tên tệp QD-01-SKHCN-2021',
          params: idParams,
          querystring: documentQuery.omit({ so: true }),
          response: { 200: file('Quyết định (Word hoặc PDF)', 'docx', 'pdf'), ...errors(403, 404, 503) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'decision', 'read');
        const d = await findVisibleDecision(db, actor, req.params.id);
        if (!d) throw notFound('Không tìm thấy quyết định.');
        const buf = await decisionDocx(db, d, await awardeesOf(db, d.id));
        const { so, kyHieu } = splitNumberText(d.numberText);
        return replyDocument(reply, buf, documentFileStem('QĐ', so, kyHieu.replace(/^QĐ-/u, ''), d.year), req.query.format);
      },
    );

    app.post(
      '/api/decisions/:id/file',
      {
        schema: {
          tags,
          operationId: 'attachDecisionFile',
          summary: 'Đính kèm bản quyết định (bản chụp, PDF)',
          params: idParams,
          consumes: ['multipart/form-data'],
          response: { 200: okSchema, ...errors(403, 404, 413, 415) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'decision', 'record');
        if (!(await findVisibleDecision(db, actor, req.params.id))) throw notFound('Không tìm thấy quyết định.');
        const { buffer, fileName } = await readUpload(req, { missing: 'Hãy chọn tệp để tải lên.', defaultName: 'quyet-dinh' });
        const mime = await checkUpload(buffer);
        await runCommand(db, actor, (ctx) => attachDecisionFile(ctx, req.params.id, { buffer, fileName, mime }));
        return { ok: true as const };
      },
    );

    app.get(
      '/api/decisions/:id/file',
      {
        schema: {
          tags,
          operationId: 'downloadDecisionFile',
          summary: 'Tải bản quyết định đã đính kèm',
          params: idParams,
          response: { 200: file('Bản quyết định đã đính kèm', 'pdf', 'png', 'octet'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'decision', 'read');
        const d = await findVisibleDecision(db, actor, req.params.id);
        if (!d) throw notFound('Không tìm thấy quyết định.');
        const f = await decisionFile(db, d.id);
        if (!f?.fileData) throw notFound('Quyết định chưa có tệp đính kèm.');
        return sendFile(
          reply,
          f.fileData,
          f.fileMime ?? 'application/octet-stream',
          `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName ?? 'quyet-dinh')}`,
        );
      },
    );

    app.post(
      '/api/decisions/:id/revoke',
      {
        schema: {
          tags,
          operationId: 'revokeDecision',
          summary: 'Hủy bỏ quyết định hoặc một số người trong quyết định (Điều 93 Luật TĐKT)',
          params: idParams,
          body: z.object({ reason: z.string().trim().min(3, 'Hãy ghi lý do hủy bỏ.').max(2000), awardeeIds: z.array(z.uuid()).optional() }),
          response: { 200: decisionSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'decision', 'revoke');
        const d = await runCommand(db, actor, (ctx) => revokeDecision(ctx, req.params.id, req.body));
        return presentDecision(d, actor, { awardees: await awardeesOf(db, d.id) });
      },
    );
  };
