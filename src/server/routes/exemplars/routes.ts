import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { runCommand } from '../../commands/run.js';
import {
  cancelConference,
  cancelExemplar,
  editExemplar,
  nurtureExemplar,
  proposeExemplar,
  recordConference,
  restoreExemplar,
  setExemplarPublished,
  spreadExemplar,
  sumUpExemplar,
  updateConference,
} from '../../commands/exemplars.js';
import { addStoryImage, captionStoryImage, createStory, moveStory, removeStoryImage, updateStory } from '../../commands/stories.js';
import { setDecisionOnPortal, setPublication } from '../../commands/publication.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import {
  exemplarNames,
  findVisibleConference,
  findVisibleExemplar,
  honorRuns,
  listVisibleConferences,
  listVisibleExemplars,
  stepsOf,
  widelyReplicatedModels,
} from '../../repositories/exemplars.js';
import { findVisibleStory, imagesOf, listVisibleStories, storyImageFile } from '../../repositories/stories.js';
import { publicationSettingsFor } from '../../repositories/public.js';
import { ancestorIds } from '../../repositories/plans.js';
import {
  conferenceSchema,
  exemplarSchema,
  exemplarSuggestionSchema,
  exemplarSummarySchema,
  presentConference,
  presentExemplar,
  presentExemplarSummary,
  presentRun,
  presentStory,
  presentStorySummary,
  storyImageSchema,
  storySchema,
  storySummarySchema,
} from '../../presenters/exemplars.js';
import { conferenceReportDocx } from '../../presenters/exemplar-documents.js';
import { notFound } from '../../errors.js';
import { assertConferenceActive } from '../../policies/exemplar.js';
import { errors, file, idParams as idParamsOf, okSchema, pageOf } from '../../http/contract.js';
import { readUpload } from '../../http/upload.js';
import { sendFile } from '../documents/download.js';
import { DOCX_MIME, contentDisposition } from '../../http/xlsx-reply.js';
import type { Actor } from '../../auth/actor.js';
import type { Executor } from '../../db/client.js';
import { todayVn, yearVn } from '../../clock.js';
import { pageQuery } from '../../../shared/schemas/common.js';
import { EXEMPLAR_KINDS, EXEMPLAR_STAGES, PUBLIC_KINDS, PUBLIC_KIND_LABELS, STORY_STATUSES } from '../../../shared/codes.js';
import {
  cancelReasonSchema,
  conferenceEditSchema,
  conferenceInputSchema,
  exemplarEditSchema,
  exemplarProposalSchema,
  exemplarStepSchema,
  exemplarSumUpSchema,
  publicationSettingSchema,
  storyInputSchema,
} from '../../../shared/schemas/exemplars.js';
import { mayManagePublication } from '../../policies/exemplar.js';

const idParams = idParamsOf();
const search = z.string().trim().max(200, 'Từ khóa tối đa 200 ký tự.').optional();
const exemplarFilter = z.object({
  stage: z.enum(EXEMPLAR_STAGES, 'Giai đoạn không hợp lệ.').optional(),
  kind: z.enum(EXEMPLAR_KINDS, 'Loại điển hình không hợp lệ.').optional(),
  movementId: z.uuid('Phong trào không hợp lệ.').optional(),
  state: z.enum(['active', 'cancelled'], 'Tình trạng không hợp lệ (active hoặc cancelled).').optional(),
  q: search,
  ...pageQuery,
});
const storyFilter = z.object({
  status: z.enum(STORY_STATUSES, 'Trạng thái không hợp lệ.').optional(),
  exemplarId: z.uuid('Điển hình không hợp lệ.').optional(),
  q: search,
  ...pageQuery,
});
const oneExemplar = { 200: exemplarSchema, ...errors(403, 404, 409) };
const oneStory = { 200: storySchema, ...errors(403, 404, 409) };

async function loadExemplar(db: Executor, actor: Actor, id: string) {
  const r = await findVisibleExemplar(db, actor, id);
  if (!r) throw notFound('Không tìm thấy điển hình.');
  return presentExemplar(r, actor, await stepsOf(db, id));
}

async function loadConference(db: Executor, actor: Actor, id: string) {
  const r = await findVisibleConference(db, actor, id);
  if (!r) throw notFound('Không tìm thấy hội nghị.');
  return presentConference(r, await exemplarNames(db, r.conference.exemplarIds), actor);
}

async function loadStory(db: Executor, actor: Actor, id: string) {
  const r = await findVisibleStory(db, actor, id);
  if (!r) throw notFound('Không tìm thấy bài viết.');
  return presentStory(r, actor, await imagesOf(db, id));
}

const publicationSchema = z
  .object({
    unitId: z.uuid(),
    canManage: z.boolean(),
    kinds: z.array(z.object({ kind: z.string(), label: z.string(), enabled: z.boolean(), setByUnitId: z.uuid().nullable() })),
  })
  .meta({ id: 'PublicationSettings' });

/** Exemplars (điển hình tiên tiến), their stories, conferences, suggestions, and the portal's switches. */
export const exemplarRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/exemplars',
      {
        schema: {
          tags: ['exemplars'],
          operationId: 'listExemplars',
          summary: 'Danh sách điển hình tiên tiến trong phạm vi',
          querystring: exemplarFilter,
          response: { 200: pageOf(exemplarSummarySchema), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'exemplar', 'read');
        const { page, pageSize, ...f } = req.query;
        const { rows, total } = await listVisibleExemplars(db, actor, f, { page, pageSize });
        return { items: rows.map((r) => presentExemplarSummary(r, actor)), total };
      },
    );

    app.get(
      '/api/exemplars/suggestions',
      {
        schema: {
          tags: ['exemplars'],
          operationId: 'suggestExemplars',
          summary: 'Gợi ý điển hình từ dữ liệu khen thưởng (TTLĐXS 3 năm liền, CSTĐCS liên tục, mô hình nhân rộng ở nhiều đơn vị)',
          querystring: z.object({
            year: z.coerce.number().int().min(2000, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.').optional(),
            minUnits: z.coerce.number().int().min(2, 'Tối thiểu 2 đơn vị.').max(50, 'Tối đa 50 đơn vị.').default(3),
          }),
          response: { 200: pageOf(exemplarSuggestionSchema), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'exemplar', 'propose');
        const y = req.query.year ?? yearVn() - 1;
        const three = [y - 2, y - 1, y];
        const collectives = await honorRuns(db, actor, 'TTLDXS', three, 'unit');
        const chains = await honorRuns(db, actor, 'CSTDCS', three, 'person');
        const models = await widelyReplicatedModels(db, actor, req.query.minUnits);
        const items = [
          ...collectives.map((r) => presentRun(r, 'Tập thể lao động xuất sắc 3 năm liền')),
          ...chains.map((r) => presentRun(r, 'Chiến sĩ thi đua cơ sở 3 năm liền')),
          ...models.map((m) => ({
            kind: 'model',
            reason: `Mô hình đã nhân rộng ở ${m.units} đơn vị, chưa được giới thiệu trên cổng thông tin`,
            name: m.name,
            unitName: m.unitName,
            personId: null,
            subjectUnitId: null,
            exemplarId: m.id,
          })),
        ];
        return { items, total: items.length };
      },
    );

    app.get(
      '/api/exemplars/:id',
      {
        schema: {
          tags: ['exemplars'],
          operationId: 'getExemplar',
          summary: 'Một điển hình: bốn khâu phát hiện – bồi dưỡng – tổng kết – nhân rộng',
          params: idParams,
          response: { 200: exemplarSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'exemplar', 'read');
        return loadExemplar(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/exemplars',
      {
        schema: {
          tags: ['exemplars'],
          operationId: 'proposeExemplar',
          summary: 'Phát hiện: đơn vị đề xuất một điển hình, kèm lý do',
          body: exemplarProposalSchema,
          response: { 201: exemplarSchema, ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'exemplar', 'propose');
        const row = await runCommand(db, actor, (ctx) => proposeExemplar(ctx, req.body));
        return reply.status(201).send(await loadExemplar(db, actor, row.id));
      },
    );

    app.put(
      '/api/exemplars/:id',
      {
        schema: {
          tags: ['exemplars'],
          operationId: 'updateExemplar',
          summary: 'Sửa đề xuất điển hình (khi còn ở giai đoạn phát hiện hoặc bồi dưỡng)',
          params: idParams,
          body: exemplarEditSchema,
          response: oneExemplar,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'exemplar', 'update');
        await runCommand(db, actor, (ctx) => editExemplar(ctx, req.params.id, req.body));
        return loadExemplar(db, actor, req.params.id);
      },
    );

    for (const c of [
      {
        path: 'cancel',
        op: 'cancelExemplar',
        action: 'cancel',
        summary: 'Hủy điển hình, rút đề xuất (kèm lý do): gỡ khỏi cổng thông tin, gỡ các bài viết đang đăng',
        run: cancelExemplar,
      },
      {
        path: 'restore',
        op: 'restoreExemplar',
        action: 'restore',
        summary: 'Khôi phục điển hình đã hủy (kèm lý do), về giai đoạn trước khi hủy',
        run: restoreExemplar,
      },
    ] as const) {
      app.post(
        `/api/exemplars/:id/${c.path}`,
        { schema: { tags: ['exemplars'], operationId: c.op, summary: c.summary, params: idParams, body: cancelReasonSchema, response: oneExemplar } },
        async (req) => {
          const actor = actorOf(req);
          authorize(actor, 'exemplar', c.action);
          await runCommand(db, actor, (ctx) => c.run(ctx, req.params.id, req.body));
          return loadExemplar(db, actor, req.params.id);
        },
      );
    }

    const steps = [
      {
        path: 'nurture',
        op: 'nurtureExemplar',
        action: 'nurture',
        summary: 'Bồi dưỡng: ghi một hoạt động hỗ trợ (ngày, người phụ trách)',
        run: nurtureExemplar,
      },
      { path: 'spread', op: 'spreadExemplar', action: 'spread', summary: 'Nhân rộng: ghi một đơn vị, nơi đã nhân rộng (ngày)', run: spreadExemplar },
    ] as const;
    for (const s of steps) {
      app.post(
        `/api/exemplars/:id/${s.path}`,
        {
          schema: { tags: ['exemplars'], operationId: s.op, summary: s.summary, params: idParams, body: exemplarStepSchema, response: oneExemplar },
        },
        async (req) => {
          const actor = actorOf(req);
          authorize(actor, 'exemplar', s.action);
          await runCommand(db, actor, (ctx) => s.run(ctx, req.params.id, req.body));
          return loadExemplar(db, actor, req.params.id);
        },
      );
    }

    app.post(
      '/api/exemplars/:id/sum-up',
      {
        schema: {
          tags: ['exemplars'],
          operationId: 'sumUpExemplar',
          summary: 'Tổng kết: đánh giá điển hình sau bồi dưỡng',
          params: idParams,
          body: exemplarSumUpSchema,
          response: oneExemplar,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'exemplar', 'sumUp');
        await runCommand(db, actor, (ctx) => sumUpExemplar(ctx, req.params.id, req.body));
        return loadExemplar(db, actor, req.params.id);
      },
    );

    for (const [path, published] of [
      ['publish', true],
      ['unpublish', false],
    ] as const) {
      app.post(
        `/api/exemplars/:id/${path}`,
        {
          schema: {
            tags: ['exemplars'],
            operationId: published ? 'publishExemplar' : 'unpublishExemplar',
            summary: published ? 'Đăng điển hình đã tổng kết lên cổng thông tin' : 'Gỡ điển hình khỏi cổng thông tin',
            params: idParams,
            response: oneExemplar,
          },
        },
        async (req) => {
          const actor = actorOf(req);
          authorize(actor, 'exemplar', 'publish');
          await runCommand(db, actor, (ctx) => setExemplarPublished(ctx, req.params.id, published));
          return loadExemplar(db, actor, req.params.id);
        },
      );
    }

    // ---- Stories ----
    app.get(
      '/api/stories',
      {
        schema: {
          tags: ['exemplars'],
          operationId: 'listStories',
          summary: 'Bài viết về điển hình trong phạm vi',
          querystring: storyFilter,
          response: { 200: pageOf(storySummarySchema), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'story', 'read');
        const { page, pageSize, ...f } = req.query;
        const { rows, total } = await listVisibleStories(db, actor, f, { page, pageSize });
        return { items: rows.map((r) => presentStorySummary(r, actor)), total };
      },
    );

    app.get(
      '/api/stories/:id',
      {
        schema: {
          tags: ['exemplars'],
          operationId: 'getStory',
          summary: 'Một bài viết',
          params: idParams,
          response: { 200: storySchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'story', 'read');
        return loadStory(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/stories',
      {
        schema: {
          tags: ['exemplars'],
          operationId: 'createStory',
          summary: 'Viết bài về một điển hình (nội dung được lọc chỉ giữ các thẻ cho phép)',
          body: storyInputSchema,
          response: { 201: storySchema, ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'story', 'write');
        const row = await runCommand(db, actor, (ctx) => createStory(ctx, req.body));
        return reply.status(201).send(await loadStory(db, actor, row.id));
      },
    );

    app.put(
      '/api/stories/:id',
      {
        schema: { tags: ['exemplars'], operationId: 'updateStory', summary: 'Sửa bài viết nháp', params: idParams, body: storyInputSchema, response: oneStory },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'story', 'write');
        await runCommand(db, actor, (ctx) => updateStory(ctx, req.params.id, req.body));
        return loadStory(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/stories/:id/images',
      {
        schema: {
          tags: ['exemplars'],
          operationId: 'addStoryImage',
          summary: 'Thêm ảnh (JPEG, PNG, WebP, GIF ≤ 5 MB, kiểm tra theo nội dung, thu nhỏ, bỏ EXIF); trường "caption" gửi trước tệp',
          params: idParams,
          consumes: ['multipart/form-data'],
          response: { 200: storyImageSchema, ...errors(403, 404, 409, 413, 422) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'story', 'write');
        // The story first: another unit's story is not found, whatever was sent.
        if (!(await findVisibleStory(db, actor, req.params.id))) throw notFound('Không tìm thấy bài viết.');
        const up = await readUpload(req, { missing: 'Hãy chọn một ảnh để tải lên.', defaultName: 'anh.jpg' });
        const img = await runCommand(db, actor, (ctx) => addStoryImage(ctx, req.params.id, up.buffer, up.fields.caption ?? ''));
        return { id: img.id, width: img.width, height: img.height, caption: img.caption, mime: img.mime };
      },
    );

    app.get(
      '/api/stories/:id/images/:imageId',
      {
        schema: {
          tags: ['exemplars'],
          operationId: 'getStoryImage',
          summary: 'Ảnh của bài viết (cả khi chưa đăng)',
          params: z.object({ id: z.uuid('Mã không hợp lệ.'), imageId: z.uuid('Mã ảnh không hợp lệ.') }),
          response: { 200: file('Ảnh', 'jpeg', 'png'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'story', 'read');
        if (!(await findVisibleStory(db, actor, req.params.id))) throw notFound('Không tìm thấy bài viết.');
        const img = await storyImageFile(db, req.params.id, req.params.imageId);
        if (!img) throw notFound('Không tìm thấy ảnh.');
        reply.header('cache-control', 'private, max-age=3600');
        return sendFile(reply, img.data, img.mime, 'inline');
      },
    );

    app.delete(
      '/api/stories/:id/images/:imageId',
      {
        schema: {
          tags: ['exemplars'],
          operationId: 'removeStoryImage',
          summary: 'Xóa một ảnh của bài viết nháp',
          params: z.object({ id: z.uuid('Mã không hợp lệ.'), imageId: z.uuid('Mã ảnh không hợp lệ.') }),
          response: oneStory,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'story', 'write');
        await runCommand(db, actor, (ctx) => removeStoryImage(ctx, req.params.id, req.params.imageId));
        return loadStory(db, actor, req.params.id);
      },
    );

    app.put(
      '/api/stories/:id/images/:imageId',
      {
        schema: {
          tags: ['exemplars'],
          operationId: 'captionStoryImage',
          summary: 'Sửa chú thích một ảnh của bài viết nháp',
          params: z.object({ id: z.uuid('Mã không hợp lệ.'), imageId: z.uuid('Mã ảnh không hợp lệ.') }),
          body: z.object({ caption: z.string('Chú thích phải là văn bản.').trim().max(500, 'Chú thích ảnh tối đa 500 ký tự.') }),
          response: oneStory,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'story', 'write');
        await runCommand(db, actor, (ctx) => captionStoryImage(ctx, req.params.id, req.params.imageId, req.body.caption));
        return loadStory(db, actor, req.params.id);
      },
    );

    const moves = [
      { path: 'approve', op: 'approveStory', action: 'approve', summary: 'Duyệt bài viết (lãnh đạo hoặc Văn phòng)' },
      { path: 'publish', op: 'publishStory', action: 'publish', summary: 'Đăng bài đã duyệt lên cổng thông tin' },
      { path: 'withdraw', op: 'withdrawStory', action: 'publish', summary: 'Gỡ bài đã đăng khỏi cổng thông tin' },
      { path: 'redraft', op: 'redraftStory', action: 'write', summary: 'Đưa bài đã duyệt hoặc đã gỡ về nháp để sửa' },
    ] as const;
    for (const m of moves) {
      app.post(
        `/api/stories/:id/${m.path}`,
        { schema: { tags: ['exemplars'], operationId: m.op, summary: m.summary, params: idParams, response: oneStory } },
        async (req) => {
          const actor = actorOf(req);
          authorize(actor, 'story', m.action);
          await runCommand(db, actor, (ctx) => moveStory(ctx, req.params.id, m.path));
          return loadStory(db, actor, req.params.id);
        },
      );
    }

    // ---- Conferences ----
    app.get(
      '/api/exemplar-conferences',
      {
        schema: {
          tags: ['exemplars'],
          operationId: 'listExemplarConferences',
          summary: 'Hội nghị điển hình tiên tiến đã tổ chức',
          querystring: z.object(pageQuery),
          response: { 200: pageOf(conferenceSchema), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'exemplar', 'read');
        const { rows, total } = await listVisibleConferences(db, actor, req.query);
        const items = [];
        for (const r of rows) items.push(presentConference(r, await exemplarNames(db, r.conference.exemplarIds), actor));
        return { items, total };
      },
    );

    app.post(
      '/api/exemplar-conferences',
      {
        schema: {
          tags: ['exemplars'],
          operationId: 'recordExemplarConference',
          summary: 'Ghi nhận Hội nghị điển hình tiên tiến: ngày, địa điểm, người phát biểu, điển hình được biểu dương, quyết định',
          body: conferenceInputSchema,
          response: { 201: conferenceSchema, ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'exemplar', 'conference');
        const row = await runCommand(db, actor, (ctx) => recordConference(ctx, req.body));
        return reply.status(201).send(await loadConference(db, actor, row.id));
      },
    );

    app.put(
      '/api/exemplar-conferences/:id',
      {
        schema: {
          tags: ['exemplars'],
          operationId: 'updateExemplarConference',
          summary: 'Sửa thông tin hội nghị đã ghi nhận (ngày, địa điểm, điển hình, quyết định, kết quả, tồn tại, bài học, phương hướng, số báo cáo)',
          params: idParams,
          body: conferenceEditSchema,
          response: { 200: conferenceSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'exemplar', 'conference');
        await runCommand(db, actor, (ctx) => updateConference(ctx, req.params.id, req.body));
        return loadConference(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/exemplar-conferences/:id/cancel',
      {
        schema: {
          tags: ['exemplars'],
          operationId: 'cancelExemplarConference',
          summary: 'Hủy hội nghị ghi nhận nhầm hoặc không tổ chức (kèm lý do; giữ lại bản ghi)',
          params: idParams,
          body: cancelReasonSchema,
          response: { 200: conferenceSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'exemplar', 'conference');
        await runCommand(db, actor, (ctx) => cancelConference(ctx, req.params.id, req.body));
        return loadConference(db, actor, req.params.id);
      },
    );

    app.get(
      '/api/exemplar-conferences/:id',
      {
        schema: {
          tags: ['exemplars'],
          operationId: 'getExemplarConference',
          summary: 'Một hội nghị điển hình tiên tiến',
          params: idParams,
          response: { 200: conferenceSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'exemplar', 'read');
        return loadConference(db, actor, req.params.id);
      },
    );

    app.get(
      '/api/exemplar-conferences/:id/report.docx',
      {
        schema: {
          tags: ['exemplars'],
          operationId: 'exemplarConferenceReport',
          summary: 'Báo cáo kết quả hội nghị (DOCX, theo mẫu báo cáo của đơn vị)',
          params: idParams,
          response: { 200: file('Tệp Word', 'docx'), ...errors(403, 404, 409, 422) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'exemplar', 'read');
        const r = await findVisibleConference(db, actor, req.params.id);
        if (!r) throw notFound('Không tìm thấy hội nghị.');
        assertConferenceActive(r.conference);
        const doc = await conferenceReportDocx(
          db,
          r.conference,
          await exemplarNames(db, r.conference.exemplarIds),
          { numberText: r.decisionNumber, decisionDate: r.decisionDate },
          todayVn(),
        );
        return sendFile(reply, doc.docx, DOCX_MIME, contentDisposition(`${doc.fileStem}.docx`));
      },
    );

    // ---- The portal's switches ----
    app.get(
      '/api/publication',
      {
        schema: {
          tags: ['exemplars'],
          operationId: 'getPublicationSettings',
          summary: 'Công khai trên cổng thông tin: loại nội dung nào đang bật (đơn vị của tài khoản và cấp trên)',
          response: { 200: publicationSchema, ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'publication', 'read');
        const chain = [...ancestorIds(actor.unitPath), actor.unitId];
        const rows = await publicationSettingsFor(db, chain);
        return {
          unitId: actor.unitId,
          canManage: mayManagePublication(actor, actor.unitPath),
          kinds: PUBLIC_KINDS.map((k) => {
            const off = chain.map((u) => rows.find((r) => r.unitId === u && r.kind === k && !r.enabled)).find(Boolean);
            return { kind: k, label: PUBLIC_KIND_LABELS[k], enabled: !off, setByUnitId: off?.unitId ?? null };
          }),
        };
      },
    );

    app.put(
      '/api/publication',
      {
        schema: {
          tags: ['exemplars'],
          operationId: 'setPublication',
          summary: 'Bật/tắt công khai một loại nội dung cho đơn vị và các đơn vị trực thuộc',
          body: publicationSettingSchema,
          response: { 200: okSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'publication', 'manage');
        await runCommand(db, actor, (ctx) => setPublication(ctx, req.body));
        return { ok: true as const };
      },
    );

    for (const [path, shown] of [
      ['take-off', false],
      ['restore', true],
    ] as const) {
      app.post(
        `/api/publication/decisions/:id/${path}`,
        {
          schema: {
            tags: ['exemplars'],
            operationId: shown ? 'restoreDecisionOnPortal' : 'takeDecisionOffPortal',
            summary: shown ? 'Đăng lại quyết định lên cổng thông tin' : 'Gỡ một quyết định khỏi cổng thông tin (quyết định vẫn giữ nguyên)',
            params: idParams,
            body: z.object({ reason: z.string('Cần nêu lý do.').trim().min(3, 'Cần nêu lý do.').max(500, 'Tối đa 500 ký tự.') }),
            response: { 200: okSchema, ...errors(403, 404, 409) },
          },
        },
        async (req) => {
          const actor = actorOf(req);
          authorize(actor, 'publication', 'manage');
          await runCommand(db, actor, (ctx) => setDecisionOnPortal(ctx, req.params.id, shown, req.body.reason));
          return { ok: true as const };
        },
      );
    }
  };
