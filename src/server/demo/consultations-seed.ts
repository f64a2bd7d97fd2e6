import type { Tx } from '../db/client.js';
import type { Actor } from '../auth/actor.js';
import type { CommandContext } from '../commands/run.js';
import { recordAudit } from '../audit/record.js';
import { unsafeAnyAccountOfUnit, unsafeFindUnitById } from '../repositories/demo-plans.js';
import { SEED_ROLE } from '../policies/plan.js';
import { saveConsultedBody } from '../commands/consultations.js';
import { consultedBodyInputSchema } from '../../shared/schemas/consultations.js';

/** The Sở's address book for hiệp y (names as after the 2025 reorganisation: Thuế tỉnh, Sở Nông nghiệp và Môi trường). */
const BODIES = [
  { kind: 'cong_an', name: 'Công an tỉnh Cao Bằng', address: 'Tỉnh Cao Bằng', email: 'hiepy.congan@example.org' },
  { kind: 'dang_uy', name: 'Ủy ban Kiểm tra Tỉnh ủy Cao Bằng', address: 'Tỉnh Cao Bằng', email: 'hiepy.ubkt@example.org' },
  { kind: 'thue', name: 'Thuế tỉnh Cao Bằng', address: 'Tỉnh Cao Bằng', email: 'hiepy.thue@example.org' },
  { kind: 'bhxh', name: 'Bảo hiểm xã hội tỉnh Cao Bằng', address: 'Tỉnh Cao Bằng', email: 'hiepy.bhxh@example.org' },
  { kind: 'tnmt', name: 'Sở Nông nghiệp và Môi trường tỉnh Cao Bằng', address: 'Tỉnh Cao Bằng', email: 'hiepy.moitruong@example.org' },
] as const;

/** The demo agency's address book of consulted bodies, through the command the API uses. */
export async function seedDemoConsultations(tx: Tx, demoRootId: string): Promise<void> {
  const root = await unsafeFindUnitById(tx, demoRootId);
  if (!root) throw new Error('demo root missing');
  const admin = await unsafeAnyAccountOfUnit(tx, demoRootId);
  const actor: Actor = {
    accountId: admin?.id ?? '00000000-0000-0000-0000-000000000000',
    username: 'system',
    displayName: 'Dữ liệu mẫu',
    role: SEED_ROLE,
    unitId: root.id,
    unitPath: root.path,
    personId: null,
    ip: '127.0.0.1',
  };
  const ctx: CommandContext = { tx, actor, audit: (e) => recordAudit(tx, { username: 'system', unitId: actor.unitId }, e) };
  for (const b of BODIES) await saveConsultedBody(ctx, null, consultedBodyInputSchema.parse(b));
}
