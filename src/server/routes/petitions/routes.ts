import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { runCommand } from '../../commands/run.js';
import {
  answerPetition,
  assignPetition,
  auditPetitionRead,
  closePetition,
  followPublicPetition,
  issuePetitionChallenge,
  replyToPetition,
  requestPetitionInfo,
  submitPetition,
  submitPublicPetition,
} from '../../commands/petitions.js';
import { actorOf } from '../../http/session.js';
import { errors, file, publicErrors } from '../../http/contract.js';
import { authorize } from '../../policies/scope.js';
import { notFound } from '../../errors.js';
import { assignableRoles, mayReadIdentity } from '../../policies/petition.js';
import {
  countOverduePetitions,
  findVisiblePetition,
  listAssignableAccounts,
  listPublicPetitionAgencies,
  listVisiblePetitions,
  petitionAttachmentsOf,
  petitionEventsOf,
  unsafeFindPetitionAttachment,
} from '../../repositories/petitions.js';
import {
  assignableSchema,
  petitionChallengeSchema,
  petitionCreatedSchema,
  petitionListSchema,
  petitionSchema,
  presentPetition,
  presentPetitionSummary,
  presentPublicPetition,
  publicPetitionAgencyListSchema,
  publicPetitionCreatedSchema,
  publicPetitionSchema,
} from '../../presenters/petitions.js';
import { sendFile } from '../documents/download.js';
import { pageQuery, queryBool } from '../../../shared/schemas/common.js';
import { PETITION_KINDS, PETITION_STATUSES, PETITION_SUBJECTS } from '../../../shared/codes.js';
import { todayVn } from '../../clock.js';
import type { Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';

const idParams = z.object({ id: z.uuid('Mã đơn không hợp lệ.') });
const version = z.number().int().min(1).optional();

const attachments = z
  .array(
    z.object({
      fileName: z.string().trim().min(1, 'Thiếu tên tệp.').max(200, 'Tên tệp quá dài.'),
      data: z
        .string()
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Nội dung tệp không hợp lệ (base64).')
        .max(3_000_000, 'Tệp đính kèm quá lớn: mỗi tệp tối đa 2 MB.'),
    }),
  )
  .max(3, 'Chỉ đính kèm tối đa 3 tệp.')
  .optional();

const petitionBody = z.object({
  kind: z.enum(PETITION_KINDS, 'Hãy chọn loại đơn: thắc mắc, kiến nghị, khiếu nại hoặc tố cáo.'),
  title: z.string().trim().min(3, 'Hãy nhập tiêu đề (trích yếu) của đơn.').max(300, 'Tiêu đề quá dài (tối đa 300 ký tự).'),
  content: z.string().trim().min(10, 'Hãy nhập nội dung đơn (ít nhất 10 ký tự).').max(10_000, 'Nội dung đơn quá dài (tối đa 10.000 ký tự).'),
  subjectType: z.enum(PETITION_SUBJECTS, 'Nội dung liên quan không hợp lệ.').default('general'),
  subjectId: z.uuid('Mã bản ghi liên quan không hợp lệ.').nullish(),
  noticeId: z.uuid('Thông báo không hợp lệ.').nullish(),
  candidateId: z.uuid('Người được đề nghị không hợp lệ.').nullish(),
  decisionId: z.uuid('Quyết định không hợp lệ.').nullish(),
  authorName: z.string().trim().max(200, 'Họ tên quá dài.').nullish(),
  authorContact: z.string().trim().max(300, 'Thông tin liên hệ quá dài.').nullish(),
  anonymous: z.boolean().optional(),
  attachments,
});

const challenge = z.object(
  {
    nonce: z.string('Thiếu mã xác minh.').regex(/^[0-9a-f]{32}$/, 'Mã xác minh không hợp lệ.'),
    solution: z
      .number('Thiếu lời giải xác minh.')
      .int('Lời giải xác minh không hợp lệ.')
      .min(0, 'Lời giải xác minh không hợp lệ.')
      .max(2 ** 32, 'Lời giải xác minh không hợp lệ.'),
  },
  'Thiếu mã xác minh chống gửi tự động: hãy tải lại trang.',
);

async function detail(db: Db, actor: Actor, id: string) {
  const found = await findVisiblePetition(db, actor, id);
  if (!found) throw notFound('Không tìm thấy đơn.');
  const [events, files] = [await petitionEventsOf(db, id), await petitionAttachmentsOf(db, id)];
  return presentPetition(actor, found, todayVn(), events, files);
}

export const petitionRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['petitions'];

    app.get(
      '/api/petitions',
      {
        schema: {
          tags,
          operationId: 'listPetitions',
          summary: 'Thắc mắc, kiến nghị, khiếu nại, tố cáo trong phạm vi (đang mở và gần hạn trước)',
          querystring: z.object({
            mine: queryBool.optional(),
            assignedToMe: queryBool.optional(),
            status: z.enum([...PETITION_STATUSES, 'open'], 'Trạng thái không hợp lệ.').optional(),
            kind: z.enum(PETITION_KINDS, 'Loại đơn không hợp lệ.').optional(),
            overdue: queryBool.optional(),
            ...pageQuery,
          }),
          response: { 200: petitionListSchema, ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'petition', 'read');
        const today = todayVn();
        const q = req.query;
        const { rows, total } = await listVisiblePetitions(db, actor, { ...q, overdueOn: q.overdue ? today : undefined });
        return { items: rows.map((r) => presentPetitionSummary(actor, r, today)), total, overdue: await countOverduePetitions(db, actor, today) };
      },
    );

    app.post(
      '/api/petitions',
      {
        schema: {
          tags,
          operationId: 'submitPetition',
          summary: 'Gửi thắc mắc, kiến nghị, khiếu nại, tố cáo (về hồ sơ của mình, đăng ký, hồ sơ, quyết định, thông báo)',
          body: petitionBody,
          response: { 201: petitionCreatedSchema, ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'petition', 'create');
        const { petition, code } = await runCommand(db, actor, (ctx) => submitPetition(ctx, req.body));
        return reply.status(201).send({ ...(await detail(db, actor, petition.id)), trackingCode: code });
      },
    );

    app.get(
      '/api/petitions/assignees',
      {
        schema: {
          tags,
          operationId: 'listPetitionAssignees',
          summary: 'Những người có thể được giao xử lý đơn (trong đơn vị)',
          response: { 200: assignableSchema, ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'petition', 'handle');
        const items = await listAssignableAccounts(db, actor, assignableRoles());
        return { items: items.map((a) => ({ id: a.id, displayName: a.displayName })), total: items.length };
      },
    );

    app.get(
      '/api/petitions/:id',
      {
        schema: {
          tags,
          operationId: 'getPetition',
          summary: 'Một đơn với lịch sử xử lý (mỗi lần xem đơn tố cáo được ghi nhật ký)',
          params: idParams,
          response: { 200: petitionSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'petition', 'read');
        const out = await detail(db, actor, req.params.id);
        if (out.kind === 'to_cao') {
          await runCommand(db, actor, async (ctx) => {
            const found = await findVisiblePetition(ctx.tx, actor, req.params.id);
            if (found) await auditPetitionRead(ctx, found.petition, mayReadIdentity(actor, found.petition), 'viewed');
          });
        }
        return out;
      },
    );

    app.get(
      '/api/petitions/:id/attachments/:attachmentId',
      {
        schema: {
          tags,
          operationId: 'downloadPetitionAttachment',
          summary: 'Tải tệp đính kèm của đơn',
          params: idParams.extend({ attachmentId: z.uuid('Mã tệp không hợp lệ.') }),
          response: { 200: file('Tệp đính kèm', 'pdf', 'png', 'docx', 'octet'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'petition', 'read');
        const found = await findVisiblePetition(db, actor, req.params.id);
        // A denunciation's files may reveal the denouncer: only for those who may read the identity.
        if (!found || !mayReadIdentity(actor, found.petition)) throw notFound('Không tìm thấy tệp.');
        const a = await unsafeFindPetitionAttachment(db, found.petition.id, req.params.attachmentId);
        if (!a) throw notFound('Không tìm thấy tệp.');
        await runCommand(db, actor, (ctx) => auditPetitionRead(ctx, found.petition, true, 'attachment_read'));
        return sendFile(reply, a.data, a.mime, `attachment; filename*=UTF-8''${encodeURIComponent(a.fileName)}`);
      },
    );

    const action = <B extends z.ZodType>(
      path: string,
      operationId: string,
      summary: string,
      body: B,
      run: (db: Db, actor: Actor, id: string, body: z.infer<B>) => Promise<unknown>,
    ) =>
      app.post(
        path,
        { schema: { tags, operationId, summary, params: idParams, body, response: { 200: petitionSchema, ...errors(403, 404, 409) } } },
        async (req) => {
          const actor = actorOf(req);
          authorize(actor, 'petition', 'read');
          await run(db, actor, req.params.id, req.body as z.infer<B>);
          return detail(db, actor, req.params.id);
        },
      );

    action(
      '/api/petitions/:id/assign',
      'assignPetition',
      'Giao người xử lý',
      z.object({ handlerId: z.uuid('Hãy chọn người xử lý.'), version }),
      (d, a, id, b) => runCommand(d, a, (ctx) => assignPetition(ctx, id, b)),
    );
    action(
      '/api/petitions/:id/request-info',
      'requestPetitionInfo',
      'Đề nghị người gửi bổ sung thông tin',
      z.object({ text: z.string().trim().min(5, 'Hãy ghi nội dung cần bổ sung.').max(4000, 'Nội dung quá dài.'), version }),
      (d, a, id, b) => runCommand(d, a, (ctx) => requestPetitionInfo(ctx, id, b)),
    );
    action(
      '/api/petitions/:id/reply',
      'replyToPetition',
      'Người gửi bổ sung thông tin',
      z.object({ text: z.string().trim().min(5, 'Hãy ghi nội dung bổ sung.').max(10_000, 'Nội dung quá dài.'), attachments }),
      (d, a, id, b) => runCommand(d, a, (ctx) => replyToPetition(ctx, id, b)),
    );
    action(
      '/api/petitions/:id/answer',
      'answerPetition',
      'Trả lời đơn (gỡ tạm dừng nếu có)',
      z.object({ answer: z.string().trim().min(10, 'Hãy nhập nội dung trả lời (ít nhất 10 ký tự).').max(20_000, 'Nội dung trả lời quá dài.'), version }),
      (d, a, id, b) => runCommand(d, a, (ctx) => answerPetition(ctx, id, b)),
    );
    action(
      '/api/petitions/:id/close',
      'closePetition',
      'Kết thúc xử lý đơn',
      z.object({ note: z.string().trim().max(2000, 'Ghi chú quá dài.').nullish(), version }),
      (d, a, id, b) => runCommand(d, a, (ctx) => closePetition(ctx, id, b)),
    );

    app.get(
      '/api/public/petitions/challenge',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags,
          operationId: 'getPublicPetitionChallenge',
          summary: 'Cổng công khai: thử thách chống gửi tự động trước khi gửi đơn',
          security: [],
          response: { 200: petitionChallengeSchema, ...publicErrors(429) },
        },
      },
      async (_req, reply) => {
        const c = await issuePetitionChallenge(db);
        reply.header('cache-control', 'no-store');
        return { nonce: c.nonce, difficulty: c.difficulty, expiresAt: c.expiresAt.toISOString() };
      },
    );

    app.get(
      '/api/public/petitions/agencies',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags,
          operationId: 'listPublicPetitionAgencies',
          summary: 'Cổng công khai: các cơ quan nhận đơn (chỉ tên cơ quan)',
          security: [],
          response: { 200: publicPetitionAgencyListSchema, ...publicErrors(429) },
        },
      },
      async () => {
        const items = await listPublicPetitionAgencies(db);
        return { items, total: items.length };
      },
    );

    app.post(
      '/api/public/petitions',
      {
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags,
          operationId: 'submitPublicPetition',
          summary: 'Cổng công khai: gửi thắc mắc, kiến nghị, khiếu nại, tố cáo (nhận mã tra cứu)',
          security: [],
          body: petitionBody.extend({ agencyId: z.uuid('Cơ quan nhận đơn không hợp lệ. Hãy chọn lại cơ quan.').nullish(), challenge }),
          response: { 201: publicPetitionCreatedSchema, ...publicErrors(404, 409, 429) },
        },
      },
      async (req, reply) => {
        const { petition, code } = await submitPublicPetition(db, req.body, req.ip);
        return reply.status(201).send({
          trackingCode: code,
          dueDate: petition.dueDate,
          message: 'Cơ quan đã nhận đơn. Hãy giữ mã tra cứu để theo dõi kết quả; mã không được cấp lại.',
        });
      },
    );

    app.get(
      '/api/public/petitions/:code',
      {
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags,
          operationId: 'followPublicPetition',
          summary: 'Cổng công khai: theo dõi đơn bằng mã tra cứu',
          security: [],
          params: z.object({ code: z.string().trim().min(1, 'Hãy nhập mã tra cứu.').max(40, 'Mã tra cứu không hợp lệ.') }),
          response: { 200: publicPetitionSchema, ...publicErrors(404, 429) },
        },
      },
      async (req, reply) => {
        const found = await followPublicPetition(db, req.params.code);
        reply.header('cache-control', 'no-store');
        return presentPublicPetition(found, await petitionEventsOf(db, found.petition.id));
      },
    );
  };
