import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { runCommand } from '../../commands/run.js';
import {
  assignMembers,
  closeRound,
  createRound,
  createRubric,
  declareConflict,
  offerInitiative,
  openRound,
  recogniseInitiatives,
  recordHigherRecognition,
  refuseInitiative,
  updateRound,
  withdrawOffer,
  scoreInitiative,
  submitInitiative,
  updateInitiative,
  withdrawInitiative,
} from '../../commands/initiatives.js';
import { actorOf } from '../../http/session.js';
import { readUpload } from '../../http/upload.js';
import { addInitiativeAttachment, removeInitiativeAttachment } from '../../commands/initiative-attachments.js';
import { attachmentFile } from '../../repositories/initiative-attachments.js';
import { authorize } from '../../policies/scope.js';
import {
  countApplications,
  findReadableRound,
  findVisibleApplication,
  listApplications,
  listRounds,
  listRubrics,
  type ApplicationListRow,
} from '../../repositories/initiatives.js';
import {
  initiativeSchema,
  initiativeScoresSchema,
  initiativeSummarySchema,
  presentRubric,
  roundSchema,
  roundSheetSchema,
  rubricSchema,
  dossierInitiativesSchema,
} from '../../presenters/initiatives.js';
import {
  councilMinutesDocx,
  initiativeCertificateDocx,
  initiativeCertificatePdf,
  recognitionDecisionDocx,
  scoreSheetDocx,
} from '../../presenters/initiative-documents.js';
import { loadDossierInitiatives, loadMinutesRows } from './load.js';
import { file } from '../../http/contract.js';
import { PDF_MIME, replyDocument, contentDisposition } from '../../http/xlsx-reply.js';
import { sendFile } from '../documents/download.js';
import { sheetContext } from '../../commands/initiatives.js';
import { roundMembers, scoresOf, unsafeFindCertificateRow, unsafeFindDecisionRow, unsafeFindRound, unsafeFindRubric } from '../../repositories/initiatives.js';
import { mayReadAllScores } from '../../policies/initiative.js';
import { initiativeFacts } from '../../commands/initiatives.js';
import { findVisibleDossier } from '../../repositories/dossiers.js';
import { forbidden } from '../../errors.js';
import { todayVn } from '../../clock.js';
import { notFound } from '../../errors.js';
import { errors, idParams as idParamsOf, okSchema, pageOf } from '../../http/contract.js';
import { loadInitiative, loadRound, loadRoundSheet, loadScores, loadSummaries } from './load.js';
import {
  assignInputSchema,
  conflictInputSchema,
  initiativeApplicationInputSchema,
  initiativeFilterSchema,
  higherRecognitionInputSchema,
  offerInitiativeInputSchema,
  recognitionInputSchema,
  recogniseInputSchema,
  refuseInputSchema,
  roundUpdateSchema,
  roundFilterSchema,
  roundInputSchema,
  rubricInputSchema,
  scoreInputSchema,
} from '../../../shared/schemas/initiatives.js';
import { pageQuery } from '../../../shared/schemas/common.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';

const idParams = idParamsOf();
const oneInitiative = { 200: initiativeSchema, ...errors(403, 404, 409) };
const oneRound = { 200: roundSchema, ...errors(403, 404, 409) };
const assignAnswer = z.object({ assigned: z.array(z.string()), recused: z.array(z.string()).describe('Thành viên không tham gia chấm, kèm lý do') });

async function mustFind(db: Db, actor: Actor, id: string): Promise<ApplicationListRow> {
  const a = await findVisibleApplication(db, actor, id);
  if (!a) throw notFound('Không tìm thấy sáng kiến.');
  return a;
}

export const initiativeRoutes =
  ({ db, config }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // ---- Rubrics (thang điểm) ----
    app.get(
      '/api/initiative-rubrics',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'listInitiativeRubrics',
          summary: 'Thang điểm chấm sáng kiến của cơ quan (theo năm, có phiên bản)',
          querystring: z.object({ year: z.coerce.number().int().min(2000, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.').optional() }),
          response: { 200: pageOf(rubricSchema), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'read');
        const rows = await listRubrics(db, actor, req.query);
        return { items: rows.map((r) => presentRubric(r.rubric, r.unitName)), total: rows.length };
      },
    );

    app.post(
      '/api/initiative-rubrics',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'createInitiativeRubric',
          summary: 'Ban hành thang điểm (phiên bản mới của năm)',
          body: rubricInputSchema,
          response: { 201: rubricSchema, ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'manageRounds');
        const row = await runCommand(db, actor, (ctx) => createRubric(ctx, req.body));
        const rows = await listRubrics(db, actor, { year: row.year });
        return reply.status(201).send(presentRubric(row, rows.find((r) => r.rubric.id === row.id)?.unitName ?? ''));
      },
    );

    // ---- Rounds (đợt xét sáng kiến) ----
    app.get(
      '/api/initiative-rounds',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'listInitiativeRounds',
          summary: 'Các đợt xét sáng kiến (của đơn vị, của cấp trên đã mở, và đợt mình là thành viên Hội đồng)',
          querystring: roundFilterSchema,
          response: { 200: pageOf(roundSchema), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'read');
        const rows = await listRounds(db, actor, req.query);
        const items = [];
        for (const r of rows) items.push(await loadRound(db, actor, r));
        return { items, total: items.length };
      },
    );

    app.post(
      '/api/initiative-rounds',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'createInitiativeRound',
          summary: 'Tạo đợt xét sáng kiến của Hội đồng sáng kiến',
          body: roundInputSchema,
          response: { 201: roundSchema, ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'manageRounds');
        const row = await runCommand(db, actor, (ctx) => createRound(ctx, req.body));
        const r = await findReadableRound(db, actor, row.id);
        if (!r) throw notFound();
        return reply.status(201).send(await loadRound(db, actor, r));
      },
    );

    app.get(
      '/api/initiative-rounds/:id',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'getInitiativeRound',
          summary: 'Một đợt xét sáng kiến: lịch, thành viên, thang điểm',
          params: idParams,
          response: { 200: roundSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'read');
        const r = await findReadableRound(db, actor, req.params.id);
        if (!r) throw notFound('Không tìm thấy đợt xét sáng kiến.');
        return loadRound(db, actor, r);
      },
    );

    for (const [verb, op, summary, run] of [
      ['open', 'openInitiativeRound', 'Mở đợt xét: nhận hồ sơ và chấm điểm; lấy danh sách thành viên Hội đồng', openRound],
      ['close', 'closeInitiativeRound', 'Kết thúc chấm điểm: sau đó ra quyết định công nhận hoặc không công nhận', closeRound],
    ] as const) {
      app.post(
        `/api/initiative-rounds/:id/${verb}`,
        { schema: { tags: ['initiatives'], operationId: op, summary, params: idParams, response: oneRound } },
        async (req) => {
          const actor = actorOf(req);
          authorize(actor, 'initiative', 'manageRounds');
          await runCommand(db, actor, (ctx) => run(ctx, req.params.id));
          const r = await findReadableRound(db, actor, req.params.id);
          if (!r) throw notFound();
          return loadRound(db, actor, r);
        },
      );
    }

    app.get(
      '/api/initiative-rounds/:id/sheet',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'getInitiativeRoundSheet',
          summary: 'Bảng tổng hợp điểm của đợt xét: điểm từng thành viên, trung bình, chênh lệch, điểm lệch, biểu quyết',
          params: idParams,
          response: { 200: roundSheetSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'assign');
        const r = await findReadableRound(db, actor, req.params.id);
        if (!r) throw notFound('Không tìm thấy đợt xét sáng kiến.');
        return loadRoundSheet(db, actor, r);
      },
    );

    // ---- Initiatives (đơn yêu cầu công nhận sáng kiến) ----
    app.get(
      '/api/initiatives',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'listInitiatives',
          summary: 'Danh sách sáng kiến (của mình, của đơn vị, của đợt mình chấm)',
          querystring: initiativeFilterSchema.extend(pageQuery),
          response: { 200: pageOf(initiativeSummarySchema), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'read');
        const { page, pageSize, ...f } = req.query;
        const rows = await listApplications(db, actor, f, { page, pageSize });
        return { items: await loadSummaries(db, rows), total: await countApplications(db, actor, f) };
      },
    );

    app.post(
      '/api/initiatives',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'submitInitiative',
          summary: 'Nộp đơn yêu cầu công nhận sáng kiến vào một đợt xét đang mở',
          body: initiativeApplicationInputSchema,
          response: { 201: initiativeSchema, ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'create');
        const row = await runCommand(db, actor, (ctx) => submitInitiative(ctx, req.body));
        return reply.status(201).send(await loadInitiative(db, actor, await mustFind(db, actor, row.id)));
      },
    );

    app.get(
      '/api/initiatives/:id',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'getInitiative',
          summary: 'Một sáng kiến: nội dung, tác giả, phân công chấm, kết quả',
          params: idParams,
          response: { 200: initiativeSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'read');
        return loadInitiative(db, actor, await mustFind(db, actor, req.params.id));
      },
    );

    app.put(
      '/api/initiatives/:id',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'updateInitiativeApplication',
          summary: 'Sửa đơn (khi đợt xét còn mở và Hội đồng chưa quyết định)',
          params: idParams,
          body: initiativeApplicationInputSchema,
          response: oneInitiative,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'update');
        await runCommand(db, actor, (ctx) => updateInitiative(ctx, req.params.id, req.body));
        return loadInitiative(db, actor, await mustFind(db, actor, req.params.id));
      },
    );

    app.post(
      '/api/initiatives/:id/withdraw',
      {
        schema: { tags: ['initiatives'], operationId: 'withdrawInitiative', summary: 'Rút đơn', params: idParams, response: oneInitiative },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'withdraw');
        await runCommand(db, actor, (ctx) => withdrawInitiative(ctx, req.params.id));
        return loadInitiative(db, actor, await mustFind(db, actor, req.params.id));
      },
    );

    // ---- Attachments (tệp đính kèm của đơn) ----
    const attachmentParams = z.object({ id: z.uuid('Mã không hợp lệ.'), attachmentId: z.uuid('Mã tệp không hợp lệ.') });
    app.post(
      '/api/initiatives/:id/attachments',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'addInitiativeAttachment',
          summary: 'Đính kèm tệp vào đơn (PDF, Word, ảnh JPG/PNG; ≤ 10 MB mỗi tệp, ≤ 10 tệp; kiểm tra theo nội dung)',
          params: idParams,
          consumes: ['multipart/form-data'],
          response: { 201: initiativeSchema, ...errors(400, 403, 404, 409, 413) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'update');
        await mustFind(db, actor, req.params.id);
        const { buffer, fileName } = await readUpload(req, { missing: 'Hãy chọn tệp để đính kèm.', defaultName: 'tep-dinh-kem' });
        await runCommand(db, actor, (ctx) => addInitiativeAttachment(ctx, req.params.id, { buffer, fileName }));
        return reply.status(201).send(await loadInitiative(db, actor, await mustFind(db, actor, req.params.id)));
      },
    );

    app.get(
      '/api/initiatives/:id/attachments/:attachmentId',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'downloadInitiativeAttachment',
          summary: 'Tải một tệp đính kèm của sáng kiến',
          params: attachmentParams,
          response: { 200: file('Tệp đính kèm (PDF, Word, ảnh)', 'pdf', 'docx', 'png', 'jpeg', 'octet'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'read');
        await mustFind(db, actor, req.params.id);
        const f = await attachmentFile(db, req.params.id, req.params.attachmentId);
        if (!f) throw notFound('Không tìm thấy tệp đính kèm.');
        // A legacy Word file is detected as a compound file; browsers know it as application/msword.
        const mime = f.mimeType === 'application/x-cfb' ? 'application/msword' : f.mimeType;
        return sendFile(reply, f.data, mime, contentDisposition(f.fileName));
      },
    );

    app.delete(
      '/api/initiatives/:id/attachments/:attachmentId',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'removeInitiativeAttachment',
          summary: 'Bỏ một tệp đính kèm (khi đơn còn sửa được)',
          params: attachmentParams,
          response: oneInitiative,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'update');
        await runCommand(db, actor, (ctx) => removeInitiativeAttachment(ctx, req.params.id, req.params.attachmentId));
        return loadInitiative(db, actor, await mustFind(db, actor, req.params.id));
      },
    );

    app.post(
      '/api/initiatives/:id/assignments',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'assignInitiative',
          summary: 'Phân công thành viên chấm; tác giả và thành viên cùng đơn vị đề nghị tự động không tham gia chấm',
          params: idParams,
          body: assignInputSchema,
          response: { 200: assignAnswer, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'assign');
        return runCommand(db, actor, (ctx) => assignMembers(ctx, req.params.id, req.body.personIds));
      },
    );

    app.post(
      '/api/initiatives/:id/conflicts',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'declareInitiativeConflict',
          summary: 'Khai xung đột lợi ích (quan hệ gia đình, cấp trên…): thành viên không tham gia chấm',
          params: idParams,
          body: conflictInputSchema,
          response: { 200: okSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'read');
        await runCommand(db, actor, (ctx) => declareConflict(ctx, req.params.id, req.body));
        return { ok: true as const };
      },
    );

    app.get(
      '/api/initiatives/:id/scores',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'getInitiativeScores',
          summary: 'Phiếu chấm của sáng kiến: thành viên chỉ xem phiếu người khác sau khi đã nộp phiếu của mình',
          params: idParams,
          response: { 200: initiativeScoresSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'read');
        return loadScores(db, actor, await mustFind(db, actor, req.params.id));
      },
    );

    app.post(
      '/api/initiatives/:id/scores',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'scoreInitiative',
          summary: 'Nộp phiếu chấm điểm (một lần; Văn phòng có thể nhập phiếu giấy của thành viên)',
          params: idParams,
          body: scoreInputSchema,
          response: { 200: initiativeScoresSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'read');
        await runCommand(db, actor, (ctx) => scoreInitiative(ctx, req.params.id, req.body));
        return loadScores(db, actor, await mustFind(db, actor, req.params.id));
      },
    );

    app.post(
      '/api/initiatives/:id/recognise',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'recogniseInitiative',
          summary: 'Ban hành Quyết định công nhận một sáng kiến (số lấy từ sổ quyết định; cần đủ thành viên chấm, điểm đạt và tỷ lệ đồng ý)',
          params: idParams,
          body: recogniseInputSchema,
          response: oneInitiative,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'decide');
        const a = await mustFind(db, actor, req.params.id);
        await runCommand(db, actor, (ctx) => recogniseInitiatives(ctx, a.app.roundId, { ...req.body, initiativeIds: [a.app.id] }));
        return loadInitiative(db, actor, await mustFind(db, actor, req.params.id));
      },
    );

    app.post(
      '/api/initiatives/:id/refuse',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'refuseInitiative',
          summary: 'Không công nhận sáng kiến, ghi lý do báo cho tác giả',
          params: idParams,
          body: refuseInputSchema,
          response: oneInitiative,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'decide');
        await runCommand(db, actor, (ctx) => refuseInitiative(ctx, req.params.id, req.body.reason));
        return loadInitiative(db, actor, await mustFind(db, actor, req.params.id));
      },
    );

    // ---- Editing a round before it opens ----
    app.put(
      '/api/initiative-rounds/:id',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'updateInitiativeRound',
          summary: 'Sửa đợt xét khi chưa mở: tên, lịch, thang điểm, số sáng kiến tối đa mỗi thành viên chấm',
          params: idParams,
          body: roundUpdateSchema,
          response: oneRound,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'manageRounds');
        await runCommand(db, actor, (ctx) => updateRound(ctx, req.params.id, req.body));
        const r = await findReadableRound(db, actor, req.params.id);
        if (!r) throw notFound();
        return loadRound(db, actor, r);
      },
    );

    // ---- Recognition as a decision ----
    app.post(
      '/api/initiative-rounds/:id/recognition',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'issueInitiativeRecognition',
          summary: 'Ban hành Quyết định công nhận sáng kiến kèm danh sách: số từ sổ quyết định, mỗi sáng kiến một Giấy chứng nhận có mã QR',
          params: idParams,
          body: recognitionInputSchema,
          response: { 201: z.object({ decisionId: z.uuid(), numberText: z.string() }), ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'decide');
        const d = await runCommand(db, actor, (ctx) => recogniseInitiatives(ctx, req.params.id, req.body));
        return reply.status(201).send({ decisionId: d.id, numberText: d.numberText });
      },
    );

    app.post(
      '/api/initiatives/:id/higher-recognition',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'recordInitiativeHigherRecognition',
          summary: 'Ghi quyết định của cấp trên công nhận phạm vi ảnh hưởng bộ, ngành, tỉnh hoặc toàn quốc',
          params: idParams,
          body: higherRecognitionInputSchema,
          response: oneInitiative,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'decide');
        await runCommand(db, actor, (ctx) => recordHigherRecognition(ctx, req.params.id, req.body));
        return loadInitiative(db, actor, await mustFind(db, actor, req.params.id));
      },
    );

    // ---- Documents ----
    const formatQuery = z.object({ format: z.enum(['docx', 'pdf'], 'Định dạng phải là docx hoặc pdf.').default('docx') });

    app.get(
      '/api/initiatives/:id/score-sheets/:personId',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'downloadInitiativeScoreSheet',
          summary: 'Phiếu chấm điểm của một thành viên (Word hoặc PDF): của mình, hoặc của mọi thành viên với Văn phòng',
          params: z.object({ id: z.uuid('Mã không hợp lệ.'), personId: z.uuid('Mã không hợp lệ.') }),
          querystring: formatQuery,
          response: { 200: file('Phiếu chấm điểm', 'docx', 'pdf'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'read');
        const a = await mustFind(db, actor, req.params.id);
        const own = actor.personId === req.params.personId;
        if (!own && !mayReadAllScores(actor, await initiativeFacts(db, actor, a))) throw forbidden('Bạn chỉ xem được phiếu chấm của mình.');
        const score = (await scoresOf(db, [a.app.id])).find((x) => x.personId === req.params.personId);
        const member = (await roundMembers(db, a.app.roundId)).find((m) => m.personId === req.params.personId);
        if (!score || !member) throw notFound('Thành viên chưa nộp phiếu chấm sáng kiến này.');
        const round = await unsafeFindRound(db, a.app.roundId);
        const rubric = round ? await unsafeFindRubric(db, round.round.rubricId) : undefined;
        if (!round || !rubric) throw notFound();
        const docx = await scoreSheetDocx(db, round, rubric, a, member, score);
        return replyDocument(reply, docx, `Phiếu chấm điểm - ${member.fullName}`, req.query.format);
      },
    );

    app.get(
      '/api/initiative-rounds/:id/minutes',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'downloadInitiativeCouncilMinutes',
          summary: 'Biên bản họp Hội đồng sáng kiến: thành viên, điểm trung bình, biểu quyết của từng sáng kiến (Word hoặc PDF)',
          params: idParams,
          querystring: formatQuery,
          response: { 200: file('Biên bản họp Hội đồng sáng kiến', 'docx', 'pdf'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'assign');
        const r = await findReadableRound(db, actor, req.params.id);
        if (!r) throw notFound('Không tìm thấy đợt xét sáng kiến.');
        const date = todayVn();
        const sc = await sheetContext(db, r, date);
        const docx = await councilMinutesDocx(db, sc, await loadMinutesRows(db, sc), date);
        return replyDocument(reply, docx, `Biên bản họp Hội đồng sáng kiến - ${r.round.title}`, req.query.format);
      },
    );

    app.get(
      '/api/initiatives/:id/decision',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'downloadInitiativeDecision',
          summary: 'Quyết định công nhận sáng kiến kèm danh sách (Word hoặc PDF)',
          params: idParams,
          querystring: formatQuery,
          response: { 200: file('Quyết định công nhận sáng kiến', 'docx', 'pdf'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'read');
        const a = await mustFind(db, actor, req.params.id);
        const d = a.app.decisionId ? await unsafeFindDecisionRow(db, a.app.decisionId) : undefined;
        if (!d) throw notFound('Sáng kiến chưa có quyết định công nhận.');
        const round = await unsafeFindRound(db, a.app.roundId);
        const docx = await recognitionDecisionDocx(db, d, round?.councilName ?? 'Hội đồng sáng kiến');
        return replyDocument(reply, docx, `Quyết định ${d.numberText.replace(/\//g, '-')} công nhận sáng kiến`, req.query.format);
      },
    );

    app.get(
      '/api/initiatives/:id/certificate',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'downloadInitiativeCertificate',
          summary: 'Giấy chứng nhận sáng kiến: PDF có mã QR xác minh (mặc định), hoặc Word từ mẫu của đơn vị',
          params: idParams,
          querystring: z.object({ format: z.enum(['pdf', 'docx'], 'Định dạng phải là pdf hoặc docx.').default('pdf') }),
          response: { 200: file('Giấy chứng nhận sáng kiến', 'pdf', 'docx'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'initiative', 'read');
        const a = await mustFind(db, actor, req.params.id);
        const c = a.app.certificateId ? await unsafeFindCertificateRow(db, a.app.certificateId) : undefined;
        if (!c) throw notFound('Sáng kiến chưa được cấp Giấy chứng nhận.');
        const url = config.publicUrl ?? process.env.TDKT_PUBLIC_URL ?? 'http://localhost:3000';
        if (req.query.format === 'docx')
          return replyDocument(reply, await initiativeCertificateDocx(db, a, c, url), `Giấy chứng nhận sáng kiến ${c.number}-${c.year}`);
        return sendFile(reply, initiativeCertificatePdf(c, url), PDF_MIME, contentDisposition(`Giấy chứng nhận sáng kiến ${c.number}-${c.year}.pdf`));
      },
    );

    // ---- Use once: initiatives backing a dossier's candidates ----
    const dossierParams = z.object({ id: z.uuid('Mã hồ sơ không hợp lệ.') });

    app.get(
      '/api/dossiers/:id/initiatives',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'listDossierInitiatives',
          summary: 'Sáng kiến làm căn cứ của từng người/tập thể trong hồ sơ, và sáng kiến đã công nhận có thể chọn',
          params: dossierParams,
          response: { 200: dossierInitiativesSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'read');
        const d = await findVisibleDossier(db, actor, req.params.id);
        if (!d) throw notFound('Không tìm thấy hồ sơ.');
        return loadDossierInitiatives(db, actor, d);
      },
    );

    app.post(
      '/api/dossiers/:id/initiatives',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'offerDossierInitiative',
          summary: 'Dùng một sáng kiến đã công nhận làm căn cứ đề nghị (mỗi sáng kiến chỉ dùng một lần)',
          params: dossierParams,
          body: offerInitiativeInputSchema,
          response: { 200: dossierInitiativesSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'update');
        await runCommand(db, actor, (ctx) => offerInitiative(ctx, { dossierId: req.params.id, ...req.body }));
        const d = await findVisibleDossier(db, actor, req.params.id);
        if (!d) throw notFound('Không tìm thấy hồ sơ.');
        return loadDossierInitiatives(db, actor, d);
      },
    );

    app.delete(
      '/api/dossiers/:id/initiatives/:initiativeId',
      {
        schema: {
          tags: ['initiatives'],
          operationId: 'withdrawDossierInitiative',
          summary: 'Bỏ sáng kiến khỏi căn cứ đề nghị khi hồ sơ còn sửa được',
          params: z.object({ id: z.uuid('Mã hồ sơ không hợp lệ.'), initiativeId: z.uuid('Mã sáng kiến không hợp lệ.') }),
          response: { 200: dossierInitiativesSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'update');
        await runCommand(db, actor, (ctx) => withdrawOffer(ctx, { dossierId: req.params.id, initiativeId: req.params.initiativeId }));
        const d = await findVisibleDossier(db, actor, req.params.id);
        if (!d) throw notFound('Không tìm thấy hồ sơ.');
        return loadDossierInitiatives(db, actor, d);
      },
    );
  };
