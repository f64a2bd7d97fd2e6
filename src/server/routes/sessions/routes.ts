import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { anySignedOf } from '../../repositories/signing.js';
import { MINUTES_KINDS } from '../../commands/document-signing.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { runCommand } from '../../commands/run.js';
import {
  addItems,
  cancelSession,
  castBallot,
  closeSession,
  createSession,
  enterPaperBallots,
  openSession,
  recordSessionMinutes,
  removeItem,
  setAttendance,
  updateSession,
} from '../../commands/sessions.js';
import { actorOf } from '../../http/session.js';
import { errors, file } from '../../http/contract.js';
import { authorize } from '../../policies/scope.js';
import { findVisibleSession, listVisibleAgendaCandidates, listVisibleSessions, sessionDetail } from '../../repositories/council-sessions.js';
import {
  agendaCandidateListSchema,
  ballotCastSchema,
  presentAgendaCandidate,
  presentSession,
  presentSessionSummary,
  sessionListSchema,
  sessionSchema,
} from '../../presenters/sessions.js';
import { minutesDocx, reviewMinutesDocx } from '../../presenters/dossier-documents.js';
import { notFound } from '../../errors.js';
import { governingPackOfUnit } from '../../records/eligibility.js';
import { documentQuery, replyDocument } from '../../http/xlsx-reply.js';
import { documentFileStem, documentNumber } from '../../documents/docx/model.js';
import { BALLOT_CHOICES } from '../../../shared/dossiers.js';
import { HONORS } from '../../../shared/codes.js';
import { addListVote, recordListVote, removeListVote } from '../../commands/session-lists.js';
import { isoDate, pageQuery } from '../../../shared/schemas/common.js';

const idParams = z.object({ id: z.uuid('Mã phiên họp không hợp lệ.') });
const listParams = idParams.extend({ listId: z.uuid('Mã danh sách không hợp lệ.') });
const count = z.number().int().min(0, 'Số phiếu không âm.').max(1000);
/** A command on one session answers the session as it now stands. */
const one = { 200: sessionSchema, ...errors(403, 404, 409) };

/** A council document of a session (Biên bản họp xét, Biên bản kiểm phiếu), numbered by the clerk from the register. */
async function sessionDocumentOf(
  db: Db,
  id: string,
  query: { so?: string | undefined; format?: 'docx' | 'pdf' | undefined },
  reply: FastifyReply,
  actor: Actor,
  make: typeof minutesDocx,
  abbrev: string,
) {
  authorize(actor, 'session', 'read');
  const s = await findVisibleSession(db, actor, id);
  if (!s) throw notFound('Không tìm thấy phiên họp.');
  const x = await sessionDetail(db, s, actor);
  const items = x.items.map((i) => ({ candidate: i.candidate, dossierUnitName: i.dossierUnitName, item: i.item }));
  const buf = await make(db, s, items, x.attendance, { councilName: x.council.name, so: query.so, listVotes: x.listVotes });
  return replyDocument(reply, buf, documentFileStem(abbrev, documentNumber(query.so), 'HDTDKT', s.meetingDate.slice(0, 4)), query.format);
}

async function sessionJson(db: Db, actor: Actor, id: string) {
  const s = await findVisibleSession(db, actor, id);
  if (!s) throw notFound('Không tìm thấy phiên họp.');
  const detail = await sessionDetail(db, s, actor);
  // The quorum of the pack governing the council's unit on the meeting date (agency overrides included).
  const minutesSigned = await anySignedOf(db, MINUTES_KINDS, s.id);
  return presentSession(s, actor, detail, await governingPackOfUnit(db, s.unitId, s.meetingDate), minutesSigned);
}

export const sessionRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['sessions'];
    app.get(
      '/api/sessions',
      {
        schema: {
          tags,
          operationId: 'listSessions',
          summary: 'Phiên họp Hội đồng TĐKT trong phạm vi (mới nhất trước)',
          querystring: z.object(pageQuery),
          response: { 200: sessionListSchema, ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'session', 'read');
        const { rows, total } = await listVisibleSessions(db, actor, req.query);
        return { items: rows.map((r) => presentSessionSummary(r.session, actor, r.councilName, r.itemCount)), total };
      },
    );

    app.get(
      '/api/sessions/candidates',
      {
        schema: {
          tags,
          operationId: 'listSessionCandidates',
          summary: 'Đề nghị đã thẩm định, chờ đưa ra Hội đồng (cả danh sách)',
          response: { 200: agendaCandidateListSchema, ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'session', 'create');
        const rows = await listVisibleAgendaCandidates(db, actor);
        return { items: rows.map(presentAgendaCandidate), total: rows.length };
      },
    );

    app.post(
      '/api/sessions',
      {
        schema: {
          tags,
          operationId: 'createSession',
          summary: 'Tạo phiên họp với chương trình (các đề nghị)',
          body: z.object({
            councilId: z.uuid('Hội đồng không hợp lệ.'),
            title: z.string().trim().min(3, 'Hãy nhập tên phiên họp.').max(300),
            meetingDate: isoDate,
            location: z.string().trim().max(300).nullish(),
            candidateIds: z.array(z.uuid()).max(1000).default([]),
          }),
          response: { 201: sessionSchema, ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'session', 'create');
        const s = await runCommand(db, actor, (ctx) => createSession(ctx, req.body));
        return reply.status(201).send(await sessionJson(db, actor, s.id));
      },
    );

    app.get(
      '/api/sessions/:id',
      {
        schema: {
          tags,
          operationId: 'getSession',
          summary: 'Một phiên họp: chương trình, điểm danh, xung đột lợi ích, phiếu của tôi, kết quả (khi đã kết thúc)',
          params: idParams,
          response: { 200: sessionSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'session', 'read');
        return sessionJson(db, actor, req.params.id);
      },
    );

    app.put(
      '/api/sessions/:id',
      {
        schema: {
          tags,
          operationId: 'updateSession',
          summary: 'Sửa phiên họp đang chuẩn bị: tên, ngày họp (điểm danh lập lại theo thành viên Hội đồng ngày đó), địa điểm',
          params: idParams,
          body: z.object({
            title: z.string().trim().min(3, 'Hãy nhập tên phiên họp.').max(300),
            meetingDate: isoDate,
            location: z.string().trim().max(300).nullish(),
            version: z.number().int(),
          }),
          response: { ...one, ...errors(400, 403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'session', 'update');
        await runCommand(db, actor, (ctx) => updateSession(ctx, req.params.id, req.body));
        return sessionJson(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/sessions/:id/cancel',
      {
        schema: {
          tags,
          operationId: 'cancelSession',
          summary: 'Hủy phiên họp đang chuẩn bị: các đề nghị trong chương trình trở lại danh sách chờ đưa ra Hội đồng',
          params: idParams,
          body: z.object({ reason: z.string().trim().min(3, 'Hãy nhập lý do hủy phiên họp.').max(1000) }),
          response: { ...one, ...errors(400, 403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'session', 'update');
        await runCommand(db, actor, (ctx) => cancelSession(ctx, req.params.id, req.body.reason));
        return sessionJson(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/sessions/:id/items',
      {
        schema: {
          tags,
          operationId: 'addSessionItems',
          summary: 'Thêm đề nghị vào chương trình họp',
          params: idParams,
          body: z.object({ candidateIds: z.array(z.uuid()).min(1, 'Hãy chọn đề nghị.').max(1000) }),
          response: one,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'session', 'update');
        await runCommand(db, actor, (ctx) => addItems(ctx, req.params.id, req.body.candidateIds));
        return sessionJson(db, actor, req.params.id);
      },
    );

    app.delete(
      '/api/sessions/:id/items/:itemId',
      {
        schema: {
          tags,
          operationId: 'removeSessionItem',
          summary: 'Bỏ một đề nghị khỏi chương trình họp',
          params: idParams.extend({ itemId: z.uuid('Mã mục không hợp lệ.') }),
          response: one,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'session', 'update');
        await runCommand(db, actor, (ctx) => removeItem(ctx, req.params.id, req.params.itemId));
        return sessionJson(db, actor, req.params.id);
      },
    );

    app.put(
      '/api/sessions/:id/attendance',
      {
        schema: {
          tags,
          operationId: 'setSessionAttendance',
          summary: 'Điểm danh thành viên có mặt',
          params: idParams,
          body: z.object({ presentMemberIds: z.array(z.uuid()).max(200) }),
          response: one,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'session', 'update');
        await runCommand(db, actor, (ctx) => setAttendance(ctx, req.params.id, req.body.presentMemberIds));
        return sessionJson(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/sessions/:id/open',
      {
        schema: {
          tags,
          operationId: 'openSession',
          summary: 'Khai mạc: chốt tổng số thành viên, kiểm tra số có mặt, ghi nhận xung đột lợi ích, mở bỏ phiếu',
          params: idParams,
          response: one,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'session', 'update');
        await runCommand(db, actor, (ctx) => openSession(ctx, req.params.id));
        return sessionJson(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/sessions/:id/ballots',
      {
        schema: {
          tags,
          operationId: 'castBallot',
          summary: 'Bỏ phiếu kín (mỗi thành viên một lần cho mỗi đề nghị)',
          params: idParams,
          body: z.object({
            votes: z
              .array(z.object({ itemId: z.uuid('Mã mục không hợp lệ.'), choice: z.enum(BALLOT_CHOICES, 'Phương án không hợp lệ.') }))
              .min(1, 'Phiếu chưa chọn đề nghị nào.')
              .max(1000),
          }),
          response: { 200: ballotCastSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'session', 'vote');
        const r = await runCommand(db, actor, (ctx) => castBallot(ctx, req.params.id, req.body.votes));
        return { ok: true as const, cast: r.cast };
      },
    );

    app.post(
      '/api/sessions/:id/paper-ballots',
      {
        schema: {
          tags,
          operationId: 'enterPaperBallots',
          summary: 'Thư ký nhập kết quả kiểm phiếu giấy',
          params: idParams,
          body: z.object({
            items: z
              .array(z.object({ itemId: z.uuid('Mã mục không hợp lệ.'), approve: count, reject: count, abstain: count }))
              .min(1)
              .max(1000),
          }),
          response: one,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'session', 'enterPaperBallots');
        await runCommand(db, actor, (ctx) => enterPaperBallots(ctx, req.params.id, req.body.items));
        return sessionJson(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/sessions/:id/list-votes',
      {
        schema: {
          tags,
          operationId: 'addSessionListVote',
          summary:
            'Đưa cả danh sách đề nghị một danh hiệu (ví dụ Lao động tiên tiến) của các hồ sơ đã chọn vào chương trình họp, để Hội đồng biểu quyết cả danh sách',
          params: idParams,
          body: z.object({
            honor: z.enum(HONORS, 'Hình thức khen thưởng không hợp lệ.'),
            dossierIds: z.array(z.uuid('Mã hồ sơ không hợp lệ.')).min(1, 'Hãy chọn hồ sơ.').max(1000),
            title: z.string().trim().max(300, 'Tên danh sách quá dài.').nullish(),
          }),
          response: { 201: sessionSchema, ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'session', 'update');
        await runCommand(db, actor, (ctx) => addListVote(ctx, req.params.id, req.body));
        return reply.status(201).send(await sessionJson(db, actor, req.params.id));
      },
    );

    app.delete(
      '/api/sessions/:id/list-votes/:listId',
      {
        schema: {
          tags,
          operationId: 'removeSessionListVote',
          summary: 'Bỏ một danh sách biểu quyết khỏi chương trình họp (khi phiên họp đang chuẩn bị)',
          params: listParams,
          response: one,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'session', 'update');
        await runCommand(db, actor, (ctx) => removeListVote(ctx, req.params.id, req.params.listId));
        return sessionJson(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/sessions/:id/list-votes/:listId/result',
      {
        schema: {
          tags,
          operationId: 'recordSessionListVote',
          summary: 'Thư ký ghi kết quả biểu quyết cả danh sách: số thành viên đồng ý, không đồng ý, không biểu quyết',
          params: listParams,
          body: z.object({ approve: count, reject: count, abstain: count }),
          response: one,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'session', 'enterPaperBallots');
        await runCommand(db, actor, (ctx) => recordListVote(ctx, req.params.id, req.params.listId, req.body));
        return sessionJson(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/sessions/:id/close',
      {
        schema: {
          tags,
          operationId: 'closeSession',
          summary: 'Kết thúc phiên họp: kiểm phiếu theo tổng số thành viên, chốt kết quả',
          params: idParams,
          response: one,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'session', 'close');
        await runCommand(db, actor, (ctx) => closeSession(ctx, req.params.id));
        return sessionJson(db, actor, req.params.id);
      },
    );

    app.put(
      '/api/sessions/:id/minutes',
      {
        schema: {
          tags,
          operationId: 'recordSessionMinutes',
          summary: 'Thư ký ghi biên bản phiên họp: chủ trì, thư ký, Ban kiểm phiếu do phiên họp bầu, chương trình, ý kiến thảo luận',
          params: idParams,
          body: z.object({
            chairMemberId: z.uuid('Hãy chọn người chủ trì.'),
            secretaryMemberId: z.uuid('Hãy chọn thư ký.'),
            countingBoard: z
              .array(z.uuid('Thành viên Ban kiểm phiếu không hợp lệ.'))
              .min(1, 'Hãy chọn ít nhất Trưởng Ban kiểm phiếu.')
              .max(7, 'Ban kiểm phiếu có nhiều nhất 7 người.'),
            agenda: z.array(z.string().trim().max(500, 'Mỗi mục chương trình dài tối đa 500 ký tự.')).max(30, 'Chương trình có tối đa 30 mục.'),
            discussion: z.string().trim().max(20000, 'Ý kiến thảo luận dài tối đa 20.000 ký tự.').nullish(),
            version: z.number().int(),
          }),
          response: { ...one, ...errors(400) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'session', 'enterPaperBallots');
        await runCommand(db, actor, (ctx) => recordSessionMinutes(ctx, req.params.id, req.body));
        return sessionJson(db, actor, req.params.id);
      },
    );

    app.get(
      '/api/sessions/:id/review-minutes.docx',
      {
        schema: {
          tags,
          operationId: 'downloadSessionReviewMinutes',
          summary: 'Biên bản họp xét khen thưởng của Hội đồng (Word hoặc PDF), từ điểm danh, biên bản của thư ký và kết quả kiểm phiếu',
          params: idParams,
          querystring: documentQuery,
          response: { 200: file('Biên bản họp xét (Word hoặc PDF)', 'docx', 'pdf'), ...errors(403, 404, 503) },
        },
      },
      (req, reply) => sessionDocumentOf(db, req.params.id, req.query, reply, actorOf(req), reviewMinutesDocx, 'BB-HX'),
    );

    app.get(
      '/api/sessions/:id/minutes.docx',
      {
        schema: {
          tags,
          operationId: 'downloadSessionMinutes',
          summary: 'Biên bản kiểm phiếu của Hội đồng (Word hoặc PDF); số văn bản (so) do văn thư lấy ở sổ',
          params: idParams,
          querystring: documentQuery,
          response: { 200: file('Biên bản kiểm phiếu (Word hoặc PDF)', 'docx', 'pdf'), ...errors(403, 404, 503) },
        },
      },
      (req, reply) => sessionDocumentOf(db, req.params.id, req.query, reply, actorOf(req), minutesDocx, 'BB-KP'),
    );
  };
