import { z } from 'zod';
import type { AccountRow } from '../repositories/accounts.js';
import type { Actor } from '../auth/actor.js';
import { ACTIONS } from '../policies/abilities.js';
import { accountAbilities } from '../policies/account.js';
import { ROLE_LABELS, ROLES, type Role } from '../../shared/codes.js';
import { wallNow as now } from '../auth/wall-time.js';

export const accountSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    roleLabel: z.string(),
    unitId: z.uuid(),
    unitName: z.string().nullable(),
    personId: z.uuid().nullable(),
    active: z.boolean(),
    locked: z.boolean().describe('Đang tạm khóa do đăng nhập sai nhiều lần'),
    lastLoginAt: z.string().nullable().describe('Thời điểm ISO 8601'),
    abilities: z.array(z.enum(ACTIONS.account)).describe('Các thao tác tài khoản đang đăng nhập được làm với tài khoản này'),
  })
  .meta({ id: 'Account' });
export type AccountJson = z.infer<typeof accountSchema>;

/** Accounts without secrets: no hash, no counters beyond the lock state. */
export function presentAccount(a: AccountRow, actor: Actor, unitName: string | null): AccountJson {
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    role: a.role as Role,
    roleLabel: ROLE_LABELS[a.role as Role] ?? a.role,
    unitId: a.unitId,
    unitName,
    personId: a.personId,
    active: a.active,
    locked: a.lockedUntil !== null && a.lockedUntil > now(),
    lastLoginAt: a.lastLoginAt?.toISOString() ?? null,
    abilities: accountAbilities(actor, a),
  };
}
