import type { Db } from '../db/client.js';
import { recordFailedLogin, recordSuccessfulLogin, setAccountPassword, unsafeFindAccount, unsafeFindAccountByUsername } from '../repositories/accounts.js';
import { deleteLoginSessionsOf } from '../repositories/login-sessions.js';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/passwords.js';
import { createSession, deleteSession } from '../auth/sessions.js';
import { recordAudit } from '../audit/record.js';
import { AccountLocked, badRequest, InvalidCredentials, WrongPassword } from '../errors.js';
import { wallNow as clockNow } from '../auth/wall-time.js';
import type { CommandContext } from './run.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

// A fixed hash to verify against when the username is unknown, so timing does not tell
// whether an account exists.
let dummyHash: Promise<string> | null = null;

/**
 * Signs in: verifies the password, counts failures, locks after MAX_FAILED_LOGINS. Not a
 * `runCommand` (no one is signed in yet): each outcome writes its audit entry in its own
 * transaction, a failure included.
 */
export async function login(db: Db, input: { username: string; password: string; ip: string; userAgent?: string | undefined }) {
  const username = input.username.trim().toLowerCase();
  const account = await unsafeFindAccountByUsername(db, username);
  if (!account) {
    dummyHash ??= hashPassword('khong-co-tai-khoan-1');
    await verifyPassword(await dummyHash, input.password);
    throw new InvalidCredentials('Tên đăng nhập hoặc mật khẩu không đúng.');
  }
  const now = clockNow();
  if (account.lockedUntil && account.lockedUntil > now) throw lockedError(account.lockedUntil);
  if (!account.active) throw new InvalidCredentials('Tài khoản đã bị vô hiệu hóa. Liên hệ quản trị hệ thống.');
  const source = { accountId: account.id, username: account.username, unitId: account.unitId, ip: input.ip };
  const ok = await verifyPassword(account.passwordHash, input.password);
  if (!ok) {
    const outcome = await db.transaction(async (tx) => {
      // One atomic UPDATE counts and locks: parallel wrong passwords cannot all read the same count.
      const r = await recordFailedLogin(tx, account.id, { now, lockUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000), maxAttempts: MAX_FAILED_LOGINS });
      if (r.kind !== 'already_locked') {
        await recordAudit(tx, source, {
          action: r.kind === 'locked' ? 'auth.locked' : 'auth.login_failed',
          entityType: 'account',
          entityId: account.id,
          unitId: account.unitId,
          summary: r.kind === 'locked' ? `Tài khoản ${account.username} bị khóa ${LOCK_MINUTES} phút` : `Đăng nhập sai mật khẩu (lần ${r.failedAttempts})`,
        });
      }
      return r;
    });
    if (outcome.kind === 'locked') throw new AccountLocked(`Sai mật khẩu ${MAX_FAILED_LOGINS} lần: tài khoản bị tạm khóa ${LOCK_MINUTES} phút.`);
    if (outcome.kind === 'already_locked') throw lockedError(outcome.lockedUntil);
    throw new InvalidCredentials('Tên đăng nhập hoặc mật khẩu không đúng.');
  }
  return db.transaction(async (tx) => {
    // A lock set by parallel wrong passwords while this one was being verified wins.
    if (!(await recordSuccessfulLogin(tx, account.id, now))) throw lockedError((await unsafeFindAccount(tx, account.id))?.lockedUntil ?? now);
    const session = await createSession(tx, account.id, input.ip, input.userAgent);
    await recordAudit(tx, source, {
      action: 'auth.login',
      entityType: 'account',
      entityId: account.id,
      unitId: account.unitId,
      summary: `${account.username} đăng nhập`,
    });
    return { account, ...session };
  });
}

function lockedError(until: Date) {
  return new AccountLocked(`Tài khoản đang tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau ${formatTime(until)}.`);
}

export async function logout(ctx: CommandContext, tokenHash: string): Promise<void> {
  await deleteSession(ctx.tx, tokenHash);
  await ctx.audit({
    action: 'auth.logout',
    entityType: 'account',
    entityId: ctx.actor.accountId,
    unitId: ctx.actor.unitId,
    summary: `${ctx.actor.username} đăng xuất`,
  });
}

/** Changes the actor's own password; other sessions of the account are ended. */
export async function changePassword(ctx: CommandContext, input: { currentPassword: string; newPassword: string; keepSessionHash: string }) {
  const account = await unsafeFindAccount(ctx.tx, ctx.actor.accountId);
  if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) throw new WrongPassword('Mật khẩu hiện tại không đúng.');
  const problem = passwordProblem(input.newPassword);
  if (problem) throw badRequest(problem);
  if (input.currentPassword === input.newPassword) throw badRequest('Mật khẩu mới phải khác mật khẩu hiện tại.');
  await setAccountPassword(ctx.tx, account.id, await hashPassword(input.newPassword), { mustChange: false });
  await deleteLoginSessionsOf(ctx.tx, account.id, input.keepSessionHash);
  await ctx.audit({
    action: 'auth.password_changed',
    entityType: 'account',
    entityId: account.id,
    unitId: account.unitId,
    summary: `${account.username} đổi mật khẩu`,
  });
}

function formatTime(d: Date): string {
  return d.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });
}
