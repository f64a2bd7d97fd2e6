import { eq } from 'drizzle-orm';
import { accounts, sessions } from '../db/schema/index.js';
import type { CommandContext } from './run.js';
import { findVisibleUnit } from '../repositories/units.js';
import { findVisiblePerson } from '../repositories/people.js';
import { findVisibleAccount } from '../repositories/accounts.js';
import { hashPassword, passwordProblem } from '../auth/passwords.js';
import { badRequest, conflict, notFound } from '../errors.js';
import type { Role } from '../../shared/codes.js';

export interface AccountInput {
  username: string;
  displayName: string;
  role: Role;
  unitId: string;
  personId?: string | null | undefined;
}

async function checkRefs(ctx: CommandContext, input: { unitId: string; personId?: string | null | undefined; role: Role }) {
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  if (input.personId) {
    const person = await findVisiblePerson(ctx.tx, ctx.actor, input.personId);
    if (!person) throw notFound('Không tìm thấy cán bộ.');
  } else if (input.role === 'staff') {
    throw badRequest('Tài khoản cá nhân phải gắn với một cán bộ.');
  }
  return unit;
}

function view(a: typeof accounts.$inferSelect) {
  return { username: a.username, displayName: a.displayName, role: a.role, unitId: a.unitId, personId: a.personId, active: a.active };
}

export async function createAccount(ctx: CommandContext, input: AccountInput & { password: string }) {
  const unit = await checkRefs(ctx, input);
  const problem = passwordProblem(input.password);
  if (problem) throw badRequest(problem);
  const username = input.username.trim().toLowerCase();
  const [dup] = await ctx.tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username));
  if (dup) throw conflict(`Tên đăng nhập "${username}" đã được dùng.`);
  const [row] = await ctx.tx
    .insert(accounts)
    .values({ username, displayName: input.displayName.trim(), role: input.role, unitId: unit.id, personId: input.personId ?? null, passwordHash: await hashPassword(input.password) })
    .returning();
  if (!row) throw new Error('insert failed');
  await ctx.audit({ action: 'account.created', entityType: 'account', entityId: row.id, unitId: row.unitId, summary: `Tạo tài khoản ${username}`, after: view(row) });
  return row;
}

export async function updateAccount(ctx: CommandContext, id: string, input: Omit<AccountInput, 'username'> & { active: boolean }) {
  const before = await findVisibleAccount(ctx.tx, ctx.actor, id);
  if (!before) throw notFound('Không tìm thấy tài khoản.');
  if (before.id === ctx.actor.accountId && (!input.active || input.role !== before.role)) {
    throw badRequest('Bạn không thể tự khóa hoặc tự đổi vai trò của chính mình.');
  }
  await checkRefs(ctx, input);
  const [row] = await ctx.tx
    .update(accounts)
    .set({ displayName: input.displayName.trim(), role: input.role, unitId: input.unitId, personId: input.personId ?? null, active: input.active, version: before.version + 1 })
    .where(eq(accounts.id, id))
    .returning();
  if (!row) throw new Error('update failed');
  if (!row.active || row.role !== before.role || row.unitId !== before.unitId) {
    // Sessions carry the old reach: end them.
    await ctx.tx.delete(sessions).where(eq(sessions.accountId, id));
  }
  await ctx.audit({ action: 'account.updated', entityType: 'account', entityId: id, unitId: row.unitId, summary: `Sửa tài khoản ${row.username}`, before: view(before), after: view(row) });
  return row;
}

export async function resetPassword(ctx: CommandContext, id: string, newPassword: string) {
  const account = await findVisibleAccount(ctx.tx, ctx.actor, id);
  if (!account) throw notFound('Không tìm thấy tài khoản.');
  const problem = passwordProblem(newPassword);
  if (problem) throw badRequest(problem);
  await ctx.tx.update(accounts).set({ passwordHash: await hashPassword(newPassword), failedAttempts: 0, lockedUntil: null, passwordChangedAt: null }).where(eq(accounts.id, id));
  await ctx.tx.delete(sessions).where(eq(sessions.accountId, id));
  await ctx.audit({ action: 'account.password_reset', entityType: 'account', entityId: id, unitId: account.unitId, summary: `Đặt lại mật khẩu cho ${account.username}` });
}
