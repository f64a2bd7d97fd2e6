import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.js';
import { accounts, sessions, units } from '../db/schema/index.js';
import type { Actor } from './actor.js';
import type { Role } from '../../shared/codes.js';

export const SESSION_COOKIE = 'tdkt_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function createSession(tx: Executor, accountId: string, ip: string, userAgent: string | undefined) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await tx.insert(sessions).values({ tokenHash: sha256(token), accountId, csrfToken, ip, userAgent: userAgent?.slice(0, 300), expiresAt });
  return { token, csrfToken, expiresAt };
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  tokenHash: string;
}

/** Looks a cookie token up; expired sessions, inactive accounts and unknown tokens give null. */
export async function resolveSession(db: Db, token: string, ip: string): Promise<ResolvedSession | null> {
  const tokenHash = sha256(token);
  const rows = await db
    .select({
      csrfToken: sessions.csrfToken,
      accountId: accounts.id,
      username: accounts.username,
      displayName: accounts.displayName,
      role: accounts.role,
      unitId: accounts.unitId,
      personId: accounts.personId,
      active: accounts.active,
      unitPath: units.path,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .innerJoin(units, eq(units.id, accounts.unitId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())))
    .limit(1);
  const r = rows[0];
  if (!r || !r.active) return null;
  return {
    tokenHash,
    csrfToken: r.csrfToken,
    actor: {
      accountId: r.accountId,
      username: r.username,
      displayName: r.displayName,
      role: r.role as Role,
      unitId: r.unitId,
      unitPath: r.unitPath,
      personId: r.personId,
      ip,
    },
  };
}

export async function deleteSession(tx: Executor, tokenHash: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function purgeExpiredSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}

export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
