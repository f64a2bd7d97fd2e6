import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import {
  findPublicDecision,
  findPublicExemplar,
  findPublicStory,
  listPublicDecisions,
  listPublicExemplars,
  listPublicStories,
  publicAwardeesOf,
  publicCoverImagesOf,
  publicImagesOf,
  publicSpreadOf,
  publicStoryImage,
  recentPublicItems,
} from '../../repositories/public.js';
import {
  atomFeed,
  publicDecision,
  publicDecisionDetail,
  publicDecisionDetailSchema,
  publicDecisionSchema,
  publicExemplar,
  publicExemplarDetail,
  publicExemplarDetailSchema,
  publicExemplarSchema,
  publicStory,
  publicStoryDetail,
  publicStoryDetailSchema,
  publicStorySchema,
  sitemap,
} from '../../presenters/public.js';
import { notFound } from '../../errors.js';
import { file, idParams as idParamsOf, pageOf, publicErrors } from '../../http/contract.js';
import { sendFile } from '../documents/download.js';
import { now } from '../../clock.js';
import { addPublicEtags } from '../../http/etag.js';
import { addPublicAnswerCache } from '../../http/public-cache.js';
import { pageQuery } from '../../../shared/schemas/common.js';
import { EXEMPLAR_KINDS } from '../../../shared/codes.js';

const idParams = idParamsOf();
const q = z.string().trim().max(200, 'Từ khóa tối đa 200 ký tự.').optional();
/** Portal lists change rarely: a short shared cache absorbs a crowd without hiding a withdrawal for long. */
const CACHE = 'public, max-age=60';

/** The portal: published exemplars, stories and decisions, through the one public presenter. */
export const publicExemplarRoutes =
  ({ db, publicCache }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    addPublicAnswerCache(app, publicCache);
    addPublicEtags(app);
    app.get(
      '/api/public/exemplars',
      {
        schema: {
          tags: ['public'],
          operationId: 'listPublicExemplars',
          summary: 'Cổng công khai: điển hình tiên tiến',
          security: [],
          querystring: z.object({ q, kind: z.enum(EXEMPLAR_KINDS, 'Loại điển hình không hợp lệ.').optional(), ...pageQuery }),
          response: { 200: pageOf(publicExemplarSchema), ...publicErrors() },
        },
      },
      async (req, reply) => {
        const { rows, total } = await listPublicExemplars(db, req.query);
        reply.header('cache-control', CACHE);
        return { items: rows.map(publicExemplar), total };
      },
    );

    app.get(
      '/api/public/exemplars/:id',
      {
        schema: {
          tags: ['public'],
          operationId: 'getPublicExemplar',
          summary: 'Cổng công khai: một điển hình',
          security: [],
          params: idParams,
          response: { 200: publicExemplarDetailSchema, ...publicErrors(404) },
        },
      },
      async (req, reply) => {
        const r = await findPublicExemplar(db, req.params.id);
        if (!r) throw notFound('Không tìm thấy điển hình.');
        reply.header('cache-control', CACHE);
        return publicExemplarDetail(r, await publicSpreadOf(db, r.exemplar.id));
      },
    );

    app.get(
      '/api/public/stories',
      {
        schema: {
          tags: ['public'],
          operationId: 'listPublicStories',
          summary: 'Cổng công khai: bài viết về điển hình',
          security: [],
          querystring: z.object({ q, exemplarId: z.uuid('Điển hình không hợp lệ.').optional(), ...pageQuery }),
          response: { 200: pageOf(publicStorySchema), ...publicErrors() },
        },
      },
      async (req, reply) => {
        const { rows, total } = await listPublicStories(db, req.query);
        // One query for the cover photos of the page (no query per story).
        const covers = await publicCoverImagesOf(
          db,
          rows.map((r) => r.story.id),
        );
        const items = rows.map((r) => publicStory(r, covers.get(r.story.id) ?? null));
        reply.header('cache-control', CACHE);
        return { items, total };
      },
    );

    app.get(
      '/api/public/stories/:id',
      {
        schema: {
          tags: ['public'],
          operationId: 'getPublicStory',
          summary: 'Cổng công khai: một bài viết',
          security: [],
          params: idParams,
          response: { 200: publicStoryDetailSchema, ...publicErrors(404) },
        },
      },
      async (req, reply) => {
        const r = await findPublicStory(db, req.params.id);
        if (!r) throw notFound('Không tìm thấy bài viết.');
        reply.header('cache-control', CACHE);
        return publicStoryDetail(r, await publicImagesOf(db, r.story.id));
      },
    );

    app.get(
      '/api/public/stories/:id/images/:imageId',
      {
        schema: {
          tags: ['public'],
          operationId: 'getPublicStoryImage',
          summary: 'Cổng công khai: ảnh của bài viết đã đăng',
          security: [],
          params: z.object({ id: z.uuid('Mã không hợp lệ.'), imageId: z.uuid('Mã ảnh không hợp lệ.') }),
          response: { 200: file('Ảnh', 'jpeg', 'png'), ...publicErrors(404) },
        },
      },
      async (req, reply) => {
        const img = await publicStoryImage(db, req.params.id, req.params.imageId);
        if (!img) throw notFound('Không tìm thấy ảnh.');
        reply.header('cache-control', 'public, max-age=86400');
        return sendFile(reply, img.data, img.mime, 'inline');
      },
    );

    app.get(
      '/api/public/decisions',
      {
        schema: {
          tags: ['public'],
          operationId: 'listPublicDecisions',
          summary: 'Cổng công khai: quyết định khen thưởng đã ban hành',
          security: [],
          querystring: z.object({ q, year: z.coerce.number().int().min(2000, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.').optional(), ...pageQuery }),
          response: { 200: pageOf(publicDecisionSchema), ...publicErrors() },
        },
      },
      async (req, reply) => {
        const { rows, total } = await listPublicDecisions(db, req.query);
        reply.header('cache-control', CACHE);
        return { items: rows.map(publicDecision), total };
      },
    );

    app.get(
      '/api/public/decisions/:id',
      {
        schema: {
          tags: ['public'],
          operationId: 'getPublicDecision',
          summary: 'Cổng công khai: một quyết định và danh sách được khen thưởng (tên, chức vụ, đơn vị, hình thức)',
          security: [],
          params: idParams,
          response: { 200: publicDecisionDetailSchema, ...publicErrors(404) },
        },
      },
      async (req, reply) => {
        const r = await findPublicDecision(db, req.params.id);
        if (!r) throw notFound('Không tìm thấy quyết định.');
        reply.header('cache-control', CACHE);
        return publicDecisionDetail(r, await publicAwardeesOf(db, r.id));
      },
    );

    const base = (host: string | undefined, proto: string) => (host ? `${proto}://${host}` : '');

    app.get(
      '/api/public/feed.atom',
      {
        schema: {
          tags: ['public'],
          operationId: 'publicFeed',
          summary: 'Cổng công khai: tin mới (Atom)',
          security: [],
          response: { 200: file('Atom', 'atom'), ...publicErrors() },
        },
      },
      async (req, reply) => {
        const r = await recentPublicItems(db, 30);
        const items = [
          ...r.exemplars.map((e) => ({ url: `/cong-khai/dien-hinh/${e.id}`, title: e.title, summary: e.summary, updated: e.at ?? now() })),
          ...r.stories.map((s) => ({ url: `/cong-khai/bai-viet/${s.id}`, title: s.title, summary: s.summary, updated: s.at ?? now() })),
          ...r.decisions.map((d) => ({ url: `/cong-khai/quyet-dinh/${d.id}`, title: d.title, summary: `Quyết định số ${d.summary}`, updated: d.at })),
        ].sort((a, b) => b.updated.getTime() - a.updated.getTime());
        reply.header('cache-control', CACHE);
        return sendFile(
          reply,
          Buffer.from(atomFeed(base(req.host, req.protocol), items.slice(0, 50), items[0]?.updated ?? now())),
          'application/atom+xml; charset=utf-8',
          'inline',
        );
      },
    );

    app.get(
      '/api/public/sitemap.xml',
      {
        schema: {
          tags: ['public'],
          operationId: 'publicSitemap',
          summary: 'Cổng công khai: sơ đồ trang (sitemap)',
          security: [],
          response: { 200: file('Sitemap', 'xml'), ...publicErrors() },
        },
      },
      async (req, reply) => {
        const r = await recentPublicItems(db, 5000);
        const urls = [
          { url: '/cong-khai', updated: null },
          ...r.exemplars.map((e) => ({ url: `/cong-khai/dien-hinh/${e.id}`, updated: e.at })),
          ...r.stories.map((s) => ({ url: `/cong-khai/bai-viet/${s.id}`, updated: s.at })),
          ...r.decisions.map((d) => ({ url: `/cong-khai/quyet-dinh/${d.id}`, updated: d.at })),
        ];
        reply.header('cache-control', CACHE);
        return sendFile(reply, Buffer.from(sitemap(base(req.host, req.protocol), urls)), 'application/xml; charset=utf-8', 'inline');
      },
    );
  };
