import { z } from 'zod';
import type { Db } from '../db/client.js';
import { unsafeFindAccountWithUnit } from '../repositories/accounts.js';
import { ACTIONS, POLICY, RESOURCES, abilitiesFor, type Action, type Resource } from '../policies/abilities.js';
import { parseRole } from '../policies/account.js';
import { ROLE_LABELS, ROLES } from '../../shared/codes.js';

type AbilitiesShape = { [R in Resource]: z.ZodArray<z.ZodType<Action<R>>> };
const abilitiesShape = Object.fromEntries(
  RESOURCES.map((r) => [r, z.array(z.enum(ACTIONS[r] as readonly string[] as [string, ...string[]]))]),
) as unknown as AbilitiesShape;

/** What the role may do, per kind of record: the web shows menus and buttons from it. */
export const abilitiesSchema = z.object(abilitiesShape).meta({ id: 'Abilities', description: 'Các thao tác vai trò được làm, theo loại bản ghi' });
export type AbilitiesJson = z.infer<typeof abilitiesSchema>;

export const meSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    roleLabel: z.string(),
    unitId: z.uuid(),
    unitName: z.string(),
    personId: z.uuid().nullable(),
    mustChangePassword: z.boolean().describe('Mật khẩu do quản trị đặt: phải đổi trước khi làm việc'),
    reach: z.enum(['subtree', 'self']).describe('Phạm vi: cả cây đơn vị, hay chỉ hồ sơ của chính mình'),
    abilities: abilitiesSchema,
  })
  .meta({ id: 'Me' });
export type MeJson = z.infer<typeof meSchema>;

/** The session answer (login and /api/auth/me): the CSRF token to send back, and the account. */
export const sessionSchema = z
  .object({ csrfToken: z.string().describe('Gửi lại trong tiêu đề x-csrf-token với mọi thao tác ghi'), user: meSchema })
  .meta({ id: 'AuthSession' });

/** The signed-in account as the web app needs it: who, for which unit, and what it may do. */
export async function presentMe(db: Db, accountId: string): Promise<MeJson> {
  const row = await unsafeFindAccountWithUnit(db, accountId);
  const role = row ? parseRole(row.account.role) : undefined;
  if (!row || !role) throw new Error('the signed-in account vanished or has an unknown role');
  const abilities = Object.fromEntries(RESOURCES.map((r) => [r, abilitiesFor(role, r)])) as AbilitiesJson;
  return {
    id: row.account.id,
    username: row.account.username,
    displayName: row.account.displayName,
    role,
    roleLabel: ROLE_LABELS[role],
    unitId: row.account.unitId,
    unitName: row.unitName,
    personId: row.account.personId,
    mustChangePassword: row.account.passwordChangedAt === null,
    reach: POLICY[role].reach,
    abilities,
  };
}
