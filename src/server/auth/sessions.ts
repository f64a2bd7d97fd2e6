import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db, Executor } from '../db/client.js';
import type { Actor } from './actor.js';
import { deleteLoginSession, insertLoginSession, purgeExpiredLoginSessions, unsafeFindLiveSession } from '../repositories/login-sessions.js';
import { parseRole } from '../policies/account.js';
import { wallNow as now } from './wall-time.js';

export const SESSION_COOKIE = 'tdkt_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function createSession(tx: Executor, accountId: string, ip: string, userAgent: string | undefined) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now().getTime() + SESSION_TTL_MS);
  await insertLoginSession(tx, { tokenHash: sha256(token), accountId, csrfToken, ip, userAgent: userAgent?.slice(0, 300) ?? null, expiresAt });
  return { token, csrfToken, expiresAt };
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  tokenHash: string;
  /** The password was set by an administrator (a reset, a new account): it must be changed before any other work. */
  mustChangePassword: boolean;
}

/** Looks a cookie token up; expired sessions, inactive accounts and unknown tokens give null. */
export async function resolveSession(db: Db, token: string, ip: string): Promise<ResolvedSession | null> {
  const tokenHash = sha256(token);
  const r = await unsafeFindLiveSession(db, tokenHash);
  if (!r || !r.active) return null;
  const role = parseRole(r.role);
  if (!role) return null;
  return {
    tokenHash,
    csrfToken: r.csrfToken,
    mustChangePassword: r.passwordChangedAt === null,
    actor: { accountId: r.accountId, username: r.username, displayName: r.displayName, role, unitId: r.unitId, unitPath: r.unitPath, personId: r.personId, ip },
  };
}

export function deleteSession(tx: Executor, tokenHash: string): Promise<void> {
  return deleteLoginSession(tx, tokenHash);
}

export function purgeExpiredSessions(db: Db): Promise<void> {
  return purgeExpiredLoginSessions(db);
}

export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
