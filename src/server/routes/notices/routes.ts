import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { runCommand } from '../../commands/run.js';
import {
  addPublicComment,
  answerComment,
  issueCommentChallenge,
  postNotice,
  replaceNotice,
  setCommentsAsideCmd,
  withdrawNotice,
} from '../../commands/notices.js';
import { actorOf } from '../../http/session.js';
import { errors, publicErrors } from '../../http/contract.js';
import { authorize } from '../../policies/scope.js';
import { notFound } from '../../errors.js';
import {
  commentsOf,
  findVisibleNotice,
  listOpenNotices,
  listVisibleNotices,
  noticeItems,
  unsafeFindNotice,
  unsafeNoticeHeaders,
  type NoticeWithUnit,
} from '../../repositories/notices.js';
import {
  commentAnswerSchema,
  commentChallengeSchema,
  commentReceivedSchema,
  commentsSetAsideSchema,
  noticeListSchema,
  noticeSchema,
  presentComment,
  presentNotice,
  presentNoticeSummary,
  presentPublicNotice,
  publicNoticeListSchema,
  publicNoticeSchema,
  type NoticeLinks,
} from '../../presenters/notices.js';
import { isoDate, pageQuery } from '../../../shared/schemas/common.js';
import { todayVn } from '../../clock.js';
import { COMMENT_DISPOSITIONS } from '../../policies/notice.js';
import type { Db } from '../../db/client.js';

const idParams = z.object({ id: z.uuid('Mã thông báo không hợp lệ.') });

/** The notices these link to (predecessors, successors), for their number and title. */
async function linksOf(db: Db, rows: NoticeWithUnit[]): Promise<NoticeLinks> {
  const ids = rows.flatMap((r) => [r.notice.replacesId, r.notice.replacedById]).filter((x): x is string => !!x);
  return new Map((await unsafeNoticeHeaders(db, [...new Set(ids)])).map((h) => [h.id, { id: h.id, title: h.title, number: h.number }]));
}

/** The public view of notices, their items read one notice after another (a pool connection each would buy little). */
async function publicViews(db: Db, rows: NoticeWithUnit[]) {
  const today = todayVn();
  const links = await linksOf(db, rows);
  const out = [];
  for (const n of rows) out.push(presentPublicNotice(n, await noticeItems(db, n.notice.id), today, links));
  return out;
}

const noticeIdentity = {
  number: z.string().trim().max(60, 'Số, ký hiệu quá dài (tối đa 60 ký tự).').nullish(),
  issuedDate: isoDate.nullish(),
  issuer: z.string().trim().max(300, 'Tên cơ quan ban hành quá dài.').nullish(),
};
const noticeWindow = {
  startDate: isoDate.optional(),
  endDate: isoDate.optional().describe('Ngày cuối (đến hết ngày) khi thời gian cho bằng hai ngày; khi đó không gửi workingDays'),
  workingDays: z.number().int().min(1, 'Số ngày làm việc từ 1.').max(60).optional().describe('Số ngày làm việc kể từ ngày bắt đầu (mặc định 10)'),
};

export const noticeRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['notices'];
    app.get(
      '/api/public/notices',
      {
        schema: {
          tags,
          operationId: 'listPublicNotices',
          summary: 'Cổng công khai: danh sách đề nghị khen thưởng đang lấy ý kiến (mọi đợt đang mở, tối đa 100)',
          security: [],
          response: { 200: publicNoticeListSchema, ...publicErrors() },
        },
      },
      async () => {
        const items = await publicViews(db, await listOpenNotices(db, todayVn()));
        return { items, total: items.length };
      },
    );

    app.get(
      '/api/public/notices/:id',
      {
        schema: {
          tags,
          operationId: 'getPublicNotice',
          summary: 'Cổng công khai: một thông báo',
          security: [],
          params: idParams,
          response: { 200: publicNoticeSchema, ...publicErrors(404) },
        },
      },
      async (req) => {
        const n = await unsafeFindNotice(db, req.params.id);
        if (!n) throw notFound('Không tìm thấy thông báo công khai.');
        return presentPublicNotice(n, await noticeItems(db, n.notice.id), todayVn(), await linksOf(db, [n]));
      },
    );

    app.get(
      '/api/public/notices/:id/challenge',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags,
          operationId: 'getPublicCommentChallenge',
          summary: 'Cổng công khai: thử thách chống gửi tự động (proof of work) trước khi gửi ý kiến',
          security: [],
          params: idParams,
          response: { 200: commentChallengeSchema, ...publicErrors(404, 409, 429) },
        },
      },
      async (req, reply) => {
        const c = await issueCommentChallenge(db, req.params.id);
        reply.header('cache-control', 'no-store');
        return { nonce: c.nonce, difficulty: c.difficulty, expiresAt: c.expiresAt.toISOString() };
      },
    );

    app.post(
      '/api/public/notices/:id/comments',
      {
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags,
          operationId: 'commentPublicNotice',
          summary: 'Cổng công khai: gửi ý kiến góp ý',
          security: [],
          params: idParams,
          body: z.object({
            authorName: z.string().trim().min(2, 'Hãy nhập họ tên.').max(200, 'Họ tên quá dài.'),
            authorContact: z.string().trim().max(200, 'Thông tin liên hệ quá dài.').nullish(),
            candidateId: z.uuid('Người được góp ý không hợp lệ.').nullish(),
            content: z.string().trim().min(5, 'Nội dung góp ý quá ngắn.').max(4000, 'Nội dung góp ý quá dài (tối đa 4000 ký tự).'),
            challenge: z.object(
              {
                nonce: z.string('Thiếu mã xác minh.').regex(/^[0-9a-f]{32}$/, 'Mã xác minh không hợp lệ.'),
                solution: z
                  .number('Thiếu lời giải xác minh.')
                  .int('Lời giải xác minh không hợp lệ.')
                  .min(0, 'Lời giải xác minh không hợp lệ.')
                  .max(2 ** 32, 'Lời giải xác minh không hợp lệ.'),
              },
              'Thiếu mã xác minh chống gửi tự động: hãy tải lại trang.',
            ),
          }),
          response: { 201: commentReceivedSchema, ...publicErrors(404, 409, 429) },
        },
      },
      async (req, reply) => {
        const c = await addPublicComment(db, req.params.id, req.body, req.ip);
        return reply.status(201).send({ id: c.id, message: 'Cảm ơn bạn đã góp ý. Ý kiến đã được chuyển đến cơ quan thường trực.' });
      },
    );

    app.get(
      '/api/notices',
      {
        schema: {
          tags,
          operationId: 'listNotices',
          summary: 'Các đợt công khai do các đơn vị trong phạm vi đăng (mới nhất trước)',
          querystring: z.object({ ...pageQuery }),
          response: { 200: noticeListSchema, ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'notice', 'read');
        const { rows, total } = await listVisibleNotices(db, actor, req.query);
        const today = todayVn();
        const links = await linksOf(db, rows);
        const items = [];
        for (const r of rows) items.push(presentNoticeSummary(actor, r, await noticeItems(db, r.notice.id), today, r.commentCount, links));
        return { items, total };
      },
    );

    app.post(
      '/api/notices',
      {
        schema: {
          tags,
          operationId: 'postNotice',
          summary: 'Công khai danh sách đề nghị trên cổng thông tin (N ngày làm việc, hoặc từ ngày … đến hết ngày …)',
          body: z.object({
            candidateIds: z.array(z.uuid()).min(1, 'Hãy chọn đề nghị.').max(1000),
            title: z.string().trim().min(3, 'Hãy nhập tiêu đề.').max(300),
            body: z.string().trim().max(5000).nullish(),
            ...noticeWindow,
            ...noticeIdentity,
          }),
          response: { 201: publicNoticeSchema, ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'notice', 'post');
        const n = await runCommand(db, actor, (ctx) => postNotice(ctx, req.body));
        const found = await findVisibleNotice(db, actor, n.id);
        if (!found) throw notFound('Không tìm thấy thông báo công khai.');
        return reply.status(201).send(presentPublicNotice(found, await noticeItems(db, n.id), todayVn(), await linksOf(db, [found])));
      },
    );

    app.post(
      '/api/notices/:id/replace',
      {
        schema: {
          tags,
          operationId: 'replaceNotice',
          summary: 'Thay thế thông báo bằng thông báo mới: các đề nghị được chuyển sang, ý kiến góp ý ở lại thông báo cũ',
          params: idParams,
          body: z.object({
            candidateIds: z.array(z.uuid()).max(1000).optional().describe('Đề nghị thêm vào (các đề nghị của thông báo cũ luôn được chuyển sang)'),
            title: z.string().trim().min(3, 'Hãy nhập tiêu đề.').max(300),
            body: z.string().trim().max(5000).nullish(),
            ...noticeWindow,
            ...noticeIdentity,
          }),
          response: { 201: publicNoticeSchema, ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'notice', 'replace');
        const n = await runCommand(db, actor, (ctx) => replaceNotice(ctx, req.params.id, req.body));
        const found = await findVisibleNotice(db, actor, n.id);
        if (!found) throw notFound('Không tìm thấy thông báo công khai.');
        return reply.status(201).send(presentPublicNotice(found, await noticeItems(db, n.id), todayVn(), await linksOf(db, [found])));
      },
    );

    app.post(
      '/api/notices/:id/withdraw',
      {
        schema: {
          tags,
          operationId: 'withdrawNotice',
          summary: 'Thu hồi thông báo công khai (ghi lý do): cổng công khai hiện "đã thu hồi", không nhận góp ý nữa',
          params: idParams,
          body: z.object({ reason: z.string().trim().min(3, 'Hãy ghi lý do thu hồi.').max(1000, 'Lý do quá dài.') }),
          response: { 200: publicNoticeSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'notice', 'withdraw');
        await runCommand(db, actor, (ctx) => withdrawNotice(ctx, req.params.id, req.body.reason));
        const found = await findVisibleNotice(db, actor, req.params.id);
        if (!found) throw notFound('Không tìm thấy thông báo công khai.');
        return presentPublicNotice(found, await noticeItems(db, found.notice.id), todayVn(), await linksOf(db, [found]));
      },
    );

    app.get(
      '/api/notices/:id',
      {
        schema: {
          tags,
          operationId: 'getNotice',
          summary: 'Một đợt công khai với các ý kiến góp ý',
          params: idParams,
          response: { 200: noticeSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'notice', 'read');
        const n = await findVisibleNotice(db, actor, req.params.id);
        if (!n) throw notFound('Không tìm thấy thông báo công khai.');
        const items = await noticeItems(db, n.notice.id);
        const comments = await commentsOf(db, n.notice.id);
        return presentNotice(actor, n, items, todayVn(), comments, await linksOf(db, [n]));
      },
    );

    app.post(
      '/api/notices/:id/comments/set-aside',
      {
        schema: {
          tags,
          operationId: 'setNoticeCommentsAside',
          summary: 'Đánh dấu các ý kiến góp ý là spam hoặc trùng lặp (trả lời chung một lý do, ghi nhật ký)',
          params: idParams,
          body: z.object({
            commentIds: z.array(z.uuid('Mã ý kiến không hợp lệ.')).min(1, 'Hãy chọn ý kiến.').max(1000, 'Tối đa 1000 ý kiến một lần.'),
            disposition: z.enum(COMMENT_DISPOSITIONS, 'Cách xử lý phải là spam hoặc duplicate.'),
            reason: z.string().trim().min(3, 'Hãy nhập lý do.').max(1000, 'Lý do quá dài.'),
          }),
          response: { 200: commentsSetAsideSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'notice', 'answer');
        const rows = await runCommand(db, actor, (ctx) => setCommentsAsideCmd(ctx, req.params.id, req.body));
        return { items: rows.map(presentComment), total: rows.length };
      },
    );

    app.post(
      '/api/notices/:id/comments/:commentId/answer',
      {
        schema: {
          tags,
          operationId: 'answerNoticeComment',
          summary: 'Trả lời một ý kiến góp ý',
          params: idParams.extend({ commentId: z.uuid('Mã ý kiến không hợp lệ.') }),
          body: z.object({ answer: z.string().trim().min(2, 'Hãy nhập nội dung trả lời.').max(4000) }),
          response: { 200: commentAnswerSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'notice', 'answer');
        const c = await runCommand(db, actor, (ctx) => answerComment(ctx, req.params.id, req.params.commentId, req.body.answer));
        return { id: c.id, answer: c.answer, answeredAt: c.answeredAt?.toISOString() ?? null };
      },
    );
  };
