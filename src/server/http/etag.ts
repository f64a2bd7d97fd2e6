import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * A weak ETag on the public answers that a shared cache may keep (`cache-control: public`): after
 * its max-age a browser or proxy asks again with If-None-Match and gets 304 with no body when
 * nothing changed. Only strings and buffers (JSON and the portal's HTML) are tagged; streamed files
 * are not. Added to the public routes' plugins only (the hook stays inside their scope).
 */
export function etagOf(payload: string | Buffer): string {
  return `W/"${createHash('sha1').update(payload).digest('base64url').slice(0, 27)}"`;
}

function matches(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim() === tag || t.trim() === tag.slice(2));
}

export function addPublicEtags(app: FastifyInstance): void {
  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (req.method !== 'GET' || reply.statusCode !== 200) return payload;
    if (!String(reply.getHeader('cache-control') ?? '').startsWith('public')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const tag = etagOf(payload);
    reply.header('etag', tag);
    if (matches(req.headers['if-none-match'], tag)) {
      reply.code(304);
      reply.removeHeader('content-length');
      return '';
    }
    return payload;
  });
}
