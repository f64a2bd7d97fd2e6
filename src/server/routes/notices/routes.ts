import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { desc, eq, asc } from 'drizzle-orm';
import type { RouteDeps } from '../../app.js';
import { runCommand } from '../../commands/run.js';
import { activeNotices, addPublicComment, answerComment, findVisibleNotice, noticeItems, postNotice, type NoticeRow } from '../../commands/notices.js';
import { actorOf } from '../../http/session.js';
import { authorize, unitIdInScope } from '../../policies/scope.js';
import { notFound } from '../../errors.js';
import { publicNoticeComments, publicNotices, units } from '../../db/schema/index.js';
import { HONOR_INFO, type Honor } from '../../../shared/codes.js';
import { isoDate } from '../../../shared/schemas/common.js';
import { todayVn } from '../../clock.js';
import type { Db } from '../../db/client.js';

const idParams = z.object({ id: z.uuid('Mã thông báo không hợp lệ.') });

async function publicView(db: Db, n: NoticeRow) {
  const [u] = await db.select({ name: units.name }).from(units).where(eq(units.id, n.unitId));
  const items = await noticeItems(db, n.id);
  const today = todayVn();
  return {
    id: n.id,
    title: n.title,
    body: n.body,
    unitName: u?.name ?? '',
    startDate: n.startDate,
    endDate: n.endDate,
    workingDays: n.workingDays,
    open: today >= n.startDate && today <= n.endDate,
    // Only what the public needs to comment: name, position and unit, the honor proposed, the achievement summary.
    items: items.map((i) => ({ candidateId: i.candidate.id, displayName: i.candidate.displayName, positionText: i.candidate.positionText, unitName: i.unitName, honorLabel: HONOR_INFO[i.candidate.honor as Honor]?.label ?? i.candidate.honor, achievement: i.candidate.achievement })),
  };
}

export const noticeRoutes = ({ db }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['notices'];
  app.get('/api/public/notices', { schema: { tags, summary: 'Cổng công khai: danh sách đề nghị khen thưởng đang lấy ý kiến', security: [] } }, async () => {
    const rows = await activeNotices(db);
    return { items: await Promise.all(rows.map((n) => publicView(db, n))) };
  });

  app.get('/api/public/notices/:id', { schema: { tags, summary: 'Cổng công khai: một thông báo', security: [], params: idParams } }, async (req) => {
    const [n] = await db.select().from(publicNotices).where(eq(publicNotices.id, req.params.id));
    if (!n) throw notFound('Không tìm thấy thông báo công khai.');
    return publicView(db, n);
  });

  app.post(
    '/api/public/notices/:id/comments',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Cổng công khai: gửi ý kiến góp ý',
        security: [],
        params: idParams,
        body: z.object({
          authorName: z.string().trim().min(2, 'Hãy nhập họ tên.').max(200, 'Họ tên quá dài.'),
          authorContact: z.string().trim().max(200, 'Thông tin liên hệ quá dài.').nullish(),
          candidateId: z.uuid('Người được góp ý không hợp lệ.').nullish(),
          content: z.string().trim().min(5, 'Nội dung góp ý quá ngắn.').max(4000, 'Nội dung góp ý quá dài (tối đa 4000 ký tự).'),
        }),
      },
    },
    async (req, reply) => {
      const c = await addPublicComment(db, req.params.id, req.body, req.ip);
      return reply.status(201).send({ id: c.id, message: 'Cảm ơn bạn đã góp ý. Ý kiến đã được chuyển đến cơ quan thường trực.' });
    },
  );

  app.get('/api/notices', { schema: { tags, summary: 'Các đợt công khai do đơn vị đăng' } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'notice', 'read');
    const rows = await db.select().from(publicNotices).where(unitIdInScope(actor, publicNotices.unitId)).orderBy(desc(publicNotices.startDate)).limit(200);
    return { items: await Promise.all(rows.map(async (n) => ({ ...(await publicView(db, n)), commentCount: (await db.select({ id: publicNoticeComments.id }).from(publicNoticeComments).where(eq(publicNoticeComments.noticeId, n.id))).length }))) };
  });

  app.post(
    '/api/notices',
    { schema: { tags, summary: 'Công khai danh sách đề nghị trên cổng thông tin (N ngày làm việc)', body: z.object({ candidateIds: z.array(z.uuid()).min(1, 'Hãy chọn đề nghị.').max(1000), title: z.string().trim().min(3, 'Hãy nhập tiêu đề.').max(300), body: z.string().trim().max(5000).nullish(), startDate: isoDate.optional(), workingDays: z.number().int().min(1, 'Số ngày làm việc từ 1.').max(60).default(10) }) } },
    async (req, reply) => {
      const actor = actorOf(req);
      authorize(actor, 'notice', 'post');
      const n = await runCommand(db, actor, (ctx) => postNotice(ctx, req.body));
      return reply.status(201).send(await publicView(db, n));
    },
  );

  app.get('/api/notices/:id', { schema: { tags, summary: 'Một đợt công khai với các ý kiến góp ý', params: idParams } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'notice', 'read');
    const n = await findVisibleNotice(db, actor, req.params.id);
    if (!n) throw notFound('Không tìm thấy thông báo công khai.');
    const comments = await db.select().from(publicNoticeComments).where(eq(publicNoticeComments.noticeId, n.id)).orderBy(asc(publicNoticeComments.createdAt));
    return { ...(await publicView(db, n)), comments: comments.map((c) => ({ id: c.id, candidateId: c.candidateId, authorName: c.authorName, authorContact: c.authorContact, content: c.content, createdAt: c.createdAt, answer: c.answer, answeredAt: c.answeredAt })) };
  });

  app.post('/api/notices/:id/comments/:commentId/answer', { schema: { tags, summary: 'Trả lời một ý kiến góp ý', params: idParams.extend({ commentId: z.uuid('Mã ý kiến không hợp lệ.') }), body: z.object({ answer: z.string().trim().min(2, 'Hãy nhập nội dung trả lời.').max(4000) }) } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'notice', 'answer');
    const c = await runCommand(db, actor, (ctx) => answerComment(ctx, req.params.id, req.params.commentId, req.body.answer));
    return { id: c.id, answer: c.answer, answeredAt: c.answeredAt };
  });
};
