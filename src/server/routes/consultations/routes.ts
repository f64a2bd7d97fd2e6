import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import type { RouteDeps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { runCommand } from '../../commands/run.js';
import {
  attachConsultationAnswerFile,
  cancelConsultation,
  recordConsultationAnswer,
  requestConsultation,
  saveConsultedBody,
} from '../../commands/consultations.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import { can } from '../../policies/abilities.js';
import {
  answerFile,
  countVisibleConsultations,
  findOwnedBody,
  findVisibleConsultation,
  listReachableBodies,
  listVisibleConsultations,
  partsOf,
  type ConsultationListRow,
} from '../../repositories/consultations.js';
import { candidatesOf, findVisibleDossier, loadCalendar, unsafeFindUnit } from '../../repositories/dossiers.js';
import { governingPackOfUnit } from '../../records/eligibility.js';
import { consultationAnswerDays, consultationNeeded } from '../../rules/index.js';
import {
  consultationDraftSchema,
  consultationSchema,
  consultationSummarySchema,
  consultedBodySchema,
  dossierConsultationResultSchema,
  presentConsultation,
  presentConsultationSummary,
  presentConsultedBody,
  presentDossierConsultationResult,
} from '../../presenters/consultations.js';
import { consultationLetterDocx } from '../../presenters/consultation-documents.js';
import { badRequest, notFound } from '../../errors.js';
import { MIME, errors, file, idParams as idParamsOf, okSchema, pageOf } from '../../http/contract.js';
import { contentDisposition, replyDocument } from '../../http/xlsx-reply.js';
import { readUpload } from '../../http/upload.js';
import { todayVn } from '../../clock.js';
import { addWorkingDays } from '../../../shared/working-days.js';
import { HONOR_INFO, type Honor, type SubjectKind } from '../../../shared/codes.js';
import {
  consultationAnswerInputSchema,
  consultationCancelInputSchema,
  consultationInputSchema,
  consultedBodyInputSchema,
} from '../../../shared/schemas/consultations.js';
import { pageQuery, queryBool } from '../../../shared/schemas/common.js';

const tags = ['consultations'];
const idParams = idParamsOf();
const answerParams = z.object({ id: z.uuid('Mã không hợp lệ.'), answerId: z.uuid('Mã cơ quan trả lời không hợp lệ.') });
const dossierQuery = z.object({ dossierId: z.uuid('Hồ sơ không hợp lệ.') });
const format = z.object({ format: z.enum(['docx', 'pdf'], 'Định dạng phải là docx hoặc pdf.').default('docx') });

async function loadConsultation(db: Executor, actor: Actor, r: ConsultationListRow) {
  const parts = (await partsOf(db, [r.consultation.id])).get(r.consultation.id)!;
  const pack = await governingPackOfUnit(db, r.consultation.unitId, r.consultation.requestDate);
  return presentConsultation(actor, r, parts, pack, todayVn());
}

async function findOr404(db: Executor, actor: Actor, id: string) {
  const r = await findVisibleConsultation(db, actor, id);
  if (!r) throw notFound('Không tìm thấy công văn xin ý kiến hiệp y.');
  return r;
}

export const consultationRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // ---- Address book ----
    app.get(
      '/api/consultations/bodies',
      {
        schema: {
          tags,
          operationId: 'listConsultedBodies',
          summary: 'Danh bạ cơ quan xin ý kiến hiệp y (của đơn vị và cấp trên)',
          querystring: z.object({ includeInactive: queryBool.optional() }),
          response: { 200: pageOf(consultedBodySchema), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'consultation', 'read');
        const rows = await listReachableBodies(db, actor, { includeInactive: req.query.includeInactive ?? false });
        return { items: rows.map((r) => presentConsultedBody(actor, r.body, r.unitPath)), total: rows.length };
      },
    );

    app.post(
      '/api/consultations/bodies',
      {
        schema: {
          tags,
          operationId: 'createConsultedBody',
          summary: 'Thêm cơ quan vào danh bạ xin ý kiến hiệp y',
          body: consultedBodyInputSchema,
          response: { 201: consultedBodySchema, ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'consultation', 'manageBodies');
        const row = await runCommand(db, actor, (ctx) => saveConsultedBody(ctx, null, req.body));
        const found = await findOwnedBody(db, actor, row.id);
        return reply.status(201).send(presentConsultedBody(actor, row, found?.unitPath ?? actor.unitPath));
      },
    );

    app.put(
      '/api/consultations/bodies/:id',
      {
        schema: {
          tags,
          operationId: 'updateConsultedBody',
          summary: 'Sửa cơ quan trong danh bạ (tên, địa chỉ, thư điện tử, ngừng sử dụng)',
          params: idParams,
          body: consultedBodyInputSchema,
          response: { 200: consultedBodySchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'consultation', 'manageBodies');
        const row = await runCommand(db, actor, (ctx) => saveConsultedBody(ctx, req.params.id, req.body));
        const found = await findOwnedBody(db, actor, row.id);
        return presentConsultedBody(actor, row, found?.unitPath ?? actor.unitPath);
      },
    );

    // ---- A dossier's hiệp y: the form's prefill, the result ----
    app.get(
      '/api/consultations/draft',
      {
        schema: {
          tags,
          operationId: 'draftConsultation',
          summary: 'Gợi ý công văn xin ý kiến hiệp y cho một hồ sơ: người/tập thể cần hiệp y theo gói quy định, cơ quan, hạn trả lời',
          querystring: dossierQuery,
          response: { 200: consultationDraftSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'consultation', 'create');
        const d = await findVisibleDossier(db, actor, req.query.dossierId);
        if (!d) throw notFound('Không tìm thấy hồ sơ.');
        const today = todayVn();
        const pack = await governingPackOfUnit(db, actor.unitId, d.regimeDate ?? today);
        const days = consultationAnswerDays(pack);
        const candidates = (await candidatesOf(db, d.id)).map((c) => {
          const need = consultationNeeded(pack, c.honor as Honor, c.subjectKind as SubjectKind);
          return {
            candidateId: c.id,
            displayName: c.displayName,
            positionText: c.positionText,
            honor: c.honor,
            honorLabel: HONOR_INFO[c.honor as Honor]?.label ?? c.honor,
            subjectKind: c.subjectKind,
            needed: !!need,
            bodyKinds: need ? [...need.bodies] : [],
            article: need?.article ?? null,
            verified: need?.verified ?? true,
          };
        });
        const bodies = (await listReachableBodies(db, actor)).map((r) => presentConsultedBody(actor, r.body, r.unitPath));
        const kinds = new Set<string>(candidates.flatMap((c) => c.bodyKinds));
        return {
          dossierId: d.id,
          dossierTitle: d.title,
          candidates,
          bodies,
          suggestedBodyIds: bodies.filter((b) => kinds.has(b.kind)).map((b) => b.id),
          deadline: addWorkingDays(await loadCalendar(db), today, days.workingDays),
          answerDays: {
            workingDays: days.workingDays,
            text: `Trả lời trong ${days.workingDays} ngày làm việc`,
            article: days.article,
            verified: days.verified,
          },
        };
      },
    );

    app.get(
      '/api/consultations/results',
      {
        schema: {
          tags,
          operationId: 'dossierConsultationResult',
          summary: 'Kết quả hiệp y của một hồ sơ: các công văn, ý kiến không đồng ý theo từng người/tập thể',
          querystring: dossierQuery,
          response: { 200: dossierConsultationResultSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'consultation', 'read');
        const d = await findVisibleDossier(db, actor, req.query.dossierId);
        if (!d) throw notFound('Không tìm thấy hồ sơ.');
        const rows = await listVisibleConsultations(db, actor, { dossierId: d.id }, { page: 1, pageSize: 200 });
        const parts = await partsOf(
          db,
          rows.map((r) => r.consultation.id),
        );
        return presentDossierConsultationResult(d.id, rows, parts, todayVn(), can(actor.role, 'consultation', 'create'));
      },
    );

    // ---- Requests ----
    app.get(
      '/api/consultations',
      {
        schema: {
          tags,
          operationId: 'listConsultations',
          summary: 'Công văn xin ý kiến hiệp y (quá hạn: còn cơ quan chưa trả lời sau hạn)',
          querystring: z
            .object({
              status: z.enum(['open', 'cancelled'], 'Trạng thái không hợp lệ.').optional(),
              dossierId: z.uuid('Hồ sơ không hợp lệ.').optional(),
              overdue: queryBool.optional(),
            })
            .extend(pageQuery),
          response: { 200: pageOf(consultationSummarySchema), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'consultation', 'read');
        const { page, pageSize, overdue, ...rest } = req.query;
        const today = todayVn();
        const f = { ...rest, overdueOn: overdue ? today : undefined };
        const rows = await listVisibleConsultations(db, actor, f, { page, pageSize });
        return { items: rows.map((r) => presentConsultationSummary(r, today)), total: await countVisibleConsultations(db, actor, f) };
      },
    );

    app.post(
      '/api/consultations',
      {
        schema: {
          tags,
          operationId: 'requestConsultation',
          summary: 'Gửi công văn xin ý kiến hiệp y về người/tập thể của một hồ sơ (hạn trả lời theo gói quy định nếu không nhập)',
          body: consultationInputSchema,
          response: { 201: consultationSchema, ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'consultation', 'create');
        const row = await runCommand(db, actor, (ctx) => requestConsultation(ctx, req.body));
        return reply.status(201).send(await loadConsultation(db, actor, row));
      },
    );

    app.get(
      '/api/consultations/:id',
      {
        schema: {
          tags,
          operationId: 'getConsultation',
          summary: 'Một công văn xin ý kiến hiệp y: ý kiến từng cơ quan, kết quả từng người/tập thể',
          params: idParams,
          response: { 200: consultationSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'consultation', 'read');
        return loadConsultation(db, actor, await findOr404(db, actor, req.params.id));
      },
    );

    app.post(
      '/api/consultations/:id/answers',
      {
        schema: {
          tags,
          operationId: 'recordConsultationAnswer',
          summary: 'Ghi ý kiến trả lời của một cơ quan (đồng ý; không đồng ý với người/tập thể nào, lý do)',
          params: idParams,
          body: consultationAnswerInputSchema,
          response: { 200: consultationSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'consultation', 'answer');
        await runCommand(db, actor, (ctx) => recordConsultationAnswer(ctx, req.params.id, req.body));
        return loadConsultation(db, actor, await findOr404(db, actor, req.params.id));
      },
    );

    app.post(
      '/api/consultations/:id/answers/:answerId/file',
      {
        schema: {
          tags,
          operationId: 'attachConsultationAnswerFile',
          summary: 'Đính kèm bản quét văn bản trả lời (PDF, ảnh, Word; ≤ 10 MB; kiểm tra theo nội dung)',
          params: answerParams,
          consumes: ['multipart/form-data'],
          response: { 200: okSchema, ...errors(403, 404, 409, 413) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'consultation', 'answer');
        await findOr404(db, actor, req.params.id);
        const { buffer, fileName, fields } = await readUpload(req, { missing: 'Hãy chọn tệp văn bản trả lời để tải lên.', defaultName: 'van-ban-tra-loi' });
        const v = fields.version ? Number(fields.version) : undefined;
        if (v !== undefined && !Number.isInteger(v)) throw badRequest('Phiên bản không hợp lệ.');
        await runCommand(db, actor, (ctx) => attachConsultationAnswerFile(ctx, req.params.id, req.params.answerId, { buffer, fileName }, v));
        return { ok: true as const };
      },
    );

    app.get(
      '/api/consultations/:id/answers/:answerId/file',
      {
        schema: {
          tags,
          operationId: 'downloadConsultationAnswerFile',
          summary: 'Tải văn bản trả lời hiệp y đã đính kèm',
          params: answerParams,
          response: { 200: file('Văn bản trả lời (PDF, ảnh, Word)', 'pdf', 'png', 'jpeg', 'docx', 'octet'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'consultation', 'read');
        await findOr404(db, actor, req.params.id);
        const f = await answerFile(db, req.params.id, req.params.answerId);
        if (!f?.data) throw notFound('Chưa có văn bản trả lời đính kèm.');
        // The body is the file itself, not a JSON answer: send it through the untyped reply.
        const raw: FastifyReply = reply;
        raw.header('content-type', f.mimeType ?? MIME.octet);
        raw.header('content-disposition', contentDisposition(f.fileName ?? 'van-ban-tra-loi'));
        return raw.send(f.data);
      },
    );

    app.post(
      '/api/consultations/:id/cancel',
      {
        schema: {
          tags,
          operationId: 'cancelConsultation',
          summary: 'Hủy công văn xin ý kiến hiệp y (ghi lý do); không ghi nhận thêm ý kiến',
          params: idParams,
          body: consultationCancelInputSchema,
          response: { 200: consultationSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'consultation', 'create');
        await runCommand(db, actor, (ctx) => cancelConsultation(ctx, req.params.id, req.body.reason, req.body.version));
        return loadConsultation(db, actor, await findOr404(db, actor, req.params.id));
      },
    );

    app.get(
      '/api/consultations/:id/letter',
      {
        schema: {
          tags,
          operationId: 'downloadConsultationLetter',
          summary: 'Công văn xin ý kiến hiệp y (Word hoặc PDF, NĐ 30/2020) kèm danh sách',
          params: idParams,
          querystring: format,
          response: { 200: file('Công văn (Word hoặc PDF)', 'docx', 'pdf'), ...errors(403, 404, 503) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'consultation', 'create');
        const r = await findOr404(db, actor, req.params.id);
        const parts = (await partsOf(db, [r.consultation.id])).get(r.consultation.id)!;
        const asked = new Set(parts.candidates.map((k) => k.candidateId));
        const candidates = (await candidatesOf(db, r.consultation.dossierId)).filter((k) => asked.has(k.id));
        const unit = await unsafeFindUnit(db, r.consultation.unitId);
        const silence = `Quá thời hạn trên, nếu không nhận được văn bản trả lời, ${unit?.name ?? 'cơ quan'} hiểu là cơ quan không có ý kiến khác.`;
        const docx = await consultationLetterDocx(db, r, candidates, parts.answers, silence);
        return replyDocument(reply, docx, `Cong van xin y kien hiep y ${r.consultation.requestDate}`, req.query.format);
      },
    );
  };
