import type { CommandContext } from './run.js';
import { findVisibleUnit } from '../repositories/units.js';
import { findVisiblePerson } from '../repositories/people.js';
import {
  findVisibleAccount,
  insertAccount,
  setAccountPassword,
  unsafeFindAccountByUsername,
  updateAccountAtVersion,
  type AccountRow,
} from '../repositories/accounts.js';
import { deleteLoginSessionsOf } from '../repositories/login-sessions.js';
import { assertAccountAllows, assertAccountChange, changeEndsSessions } from '../policies/account.js';
import { hashPassword, passwordProblem } from '../auth/passwords.js';
import { badRequest, notFound, StaleVersion, UsernameTaken } from '../errors.js';
import type { Role } from '../../shared/codes.js';

export interface AccountInput {
  username: string;
  displayName: string;
  role: Role;
  unitId: string;
  personId?: string | null | undefined;
}

async function checkRefs(ctx: CommandContext, input: { unitId: string; personId?: string | null | undefined }) {
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  if (input.personId && !(await findVisiblePerson(ctx.tx, ctx.actor, input.personId))) throw notFound('Không tìm thấy cán bộ.');
  return unit;
}

async function mustFind(ctx: CommandContext, id: string): Promise<AccountRow> {
  const account = await findVisibleAccount(ctx.tx, ctx.actor, id);
  if (!account) throw notFound('Không tìm thấy tài khoản.');
  return account;
}

function view(a: AccountRow) {
  return { username: a.username, displayName: a.displayName, role: a.role, unitId: a.unitId, personId: a.personId, active: a.active };
}

export async function createAccount(ctx: CommandContext, input: AccountInput & { password: string }) {
  const unit = await checkRefs(ctx, input);
  assertAccountChange(ctx.actor, null, { role: input.role, active: true, personId: input.personId });
  const problem = passwordProblem(input.password);
  if (problem) throw badRequest(problem);
  const username = input.username.trim().toLowerCase();
  if (await unsafeFindAccountByUsername(ctx.tx, username)) throw new UsernameTaken(`Tên đăng nhập "${username}" đã được dùng.`);
  const row = await insertAccount(ctx.tx, {
    username,
    displayName: input.displayName.trim(),
    role: input.role,
    unitId: unit.id,
    personId: input.personId ?? null,
    passwordHash: await hashPassword(input.password),
  });
  await ctx.audit({
    action: 'account.created',
    entityType: 'account',
    entityId: row.id,
    unitId: row.unitId,
    summary: `Tạo tài khoản ${username}`,
    after: view(row),
  });
  return row;
}

export async function updateAccount(ctx: CommandContext, id: string, input: Omit<AccountInput, 'username'> & { active: boolean }) {
  const before = await mustFind(ctx, id);
  await checkRefs(ctx, input);
  assertAccountChange(ctx.actor, before, input);
  const row = await updateAccountAtVersion(ctx.tx, id, before.version, {
    displayName: input.displayName.trim(),
    role: input.role,
    unitId: input.unitId,
    personId: input.personId ?? null,
    active: input.active,
  });
  if (!row) throw new StaleVersion('Tài khoản đã được người khác sửa. Hãy tải lại và thử lại.');
  // Sessions carry the old reach: end them.
  if (changeEndsSessions(before, row)) await deleteLoginSessionsOf(ctx.tx, id);
  await ctx.audit({
    action: 'account.updated',
    entityType: 'account',
    entityId: id,
    unitId: row.unitId,
    summary: `Sửa tài khoản ${row.username}`,
    before: view(before),
    after: view(row),
  });
  return row;
}

export async function resetPassword(ctx: CommandContext, id: string, newPassword: string) {
  const account = await mustFind(ctx, id);
  assertAccountAllows(ctx.actor, account, 'resetPassword');
  const problem = passwordProblem(newPassword);
  if (problem) throw badRequest(problem);
  await setAccountPassword(ctx.tx, id, await hashPassword(newPassword), { mustChange: true });
  await deleteLoginSessionsOf(ctx.tx, id);
  await ctx.audit({
    action: 'account.password_reset',
    entityType: 'account',
    entityId: id,
    unitId: account.unitId,
    summary: `Đặt lại mật khẩu cho ${account.username}`,
  });
}
