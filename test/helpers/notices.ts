/** Public comments as the portal sends them: fetch the proof-of-work challenge, solve it, post. */
import { createHash } from 'node:crypto';
import { solveProofOfWork } from '../../src/shared/proof-of-work.js';

import type { TestApp } from './app.js';

type Anonymous = TestApp['anonymous'];

export async function solveChallenge(
  anonymous: Anonymous,
  noticeId: string,
  headers: Record<string, string> = {},
): Promise<{ nonce: string; solution: number }> {
  const c = await anonymous.request('GET', `/api/public/notices/${noticeId}/challenge`, undefined, headers);
  if (c.status !== 200) throw new Error(`challenge ${c.status} ${JSON.stringify(c.body)}`);
  const nonce = c.body.nonce as string;
  const solution = await solveProofOfWork(nonce, c.body.difficulty as number, (s) => createHash('sha256').update(s).digest());
  return { nonce, solution };
}

export async function postPublicComment(anonymous: Anonymous, noticeId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const challenge = await solveChallenge(anonymous, noticeId, headers);
  return anonymous.request('POST', `/api/public/notices/${noticeId}/comments`, { ...body, challenge }, headers);
}
