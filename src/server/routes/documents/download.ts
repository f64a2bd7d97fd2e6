import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/**
 * Sends a file body (a buffer or a stream) with its type and Content-Disposition. Routes that
 * declare `file(...)` as their 200 answer send through this: the body is not JSON, so it does not
 * go through the response schema.
 */
export function sendFile(reply: FastifyReply, body: Buffer | Readable, mime: string, disposition: string): FastifyReply {
  return reply.header('content-type', mime).header('content-disposition', disposition).send(body);
}
