import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { addPublicEtags } from '../../http/etag.js';
import { addPublicAnswerCache } from '../../http/public-cache.js';
import { findPublicDecision, findPublicExemplar, findPublicStory, publicCoverImagesOf } from '../../repositories/public.js';
import {
  decisionMeta,
  exemplarMeta,
  portalHomeMeta,
  publicDecision,
  publicExemplar,
  publicStory,
  storyMeta,
  withPortalMeta,
  type PortalMeta,
} from '../../presenters/public.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The portal's pages (/cong-khai/...) are the SPA's index.html with the page's <title> and Open Graph
 * tags filled in on the server — from the public presenter, the one place that decides what is public —
 * so that a shared link shows the item's title and summary. An unknown or unpublished item gets the
 * portal's own tags (the SPA then shows "not found").
 */
export const portalPageRoutes =
  ({ db, config, publicCache }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    addPublicAnswerCache(app, publicCache);
    addPublicEtags(app);
    let cached: { mtimeMs: number; html: string } | null = null;
    const indexHtml = (): string | null => {
      const file = join(config.webDir, 'index.html');
      if (!existsSync(file)) return null;
      const { mtimeMs } = statSync(file);
      if (!cached || cached.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(file, 'utf8') };
      return cached.html;
    };

    async function metaOf(path: string): Promise<PortalMeta> {
      const [, , section, id] = path.split('/');
      const home = portalHomeMeta(path);
      if (!id || !UUID.test(id)) return home;
      if (section === 'dien-hinh') {
        const r = await findPublicExemplar(db, id);
        return r ? exemplarMeta(publicExemplar(r)) : home;
      }
      if (section === 'bai-viet') {
        const r = await findPublicStory(db, id);
        return r ? storyMeta(publicStory(r, (await publicCoverImagesOf(db, [id])).get(id) ?? null)) : home;
      }
      if (section === 'quyet-dinh') {
        const r = await findPublicDecision(db, id);
        return r ? decisionMeta(publicDecision(r)) : home;
      }
      return home;
    }

    for (const url of ['/cong-khai', '/cong-khai/*']) {
      app.get(url, { schema: { hide: true } }, async (req, reply) => {
        const html = indexHtml();
        if (!html) return reply.status(404).type('text/plain; charset=utf-8').send('Chưa có giao diện web: hãy chạy "npm run build".');
        const path = req.url.split('?')[0]!.replace(/\/+$/, '') || '/cong-khai';
        const base = req.host ? `${req.protocol}://${req.host}` : '';
        reply.header('cache-control', 'public, max-age=60');
        return reply.type('text/html; charset=utf-8').send(withPortalMeta(html, base, await metaOf(path)));
      });
    }
  };
