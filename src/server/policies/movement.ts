import type { Actor } from '../auth/actor.js';
import { domainError } from '../errors.js';
import { can } from './abilities.js';
import { ownsRecord, type OwnedRecord } from './plan.js';

/** A closed movement is no longer edited. */
export const MovementNotEditable = domainError('MovementNotEditable', 'conflict', 'movement_not_editable');
/** The movement's Kế hoạch phong trào carries a digital signature: its content is frozen. */
export const MovementSigned = domainError('MovementSigned', 'conflict', 'movement_signed');
/** Only a draft is launched, and only under a launched parent. */
export const MovementNotLaunchable = domainError('MovementNotLaunchable', 'conflict', 'movement_not_launchable');
/** Only a launched movement is closed. */
export const MovementNotClosable = domainError('MovementNotClosable', 'conflict', 'movement_not_closable');

export type MovementAbility = 'read' | 'update' | 'launch' | 'close';

/** What the actor may do to this movement: the role's grant, the ownership and the movement's state. */
export function movementAbilities(actor: Actor, m: { status: string } & OwnedRecord): MovementAbility[] {
  const owned = ownsRecord(actor, m.unitPath);
  const out: MovementAbility[] = [];
  if (can(actor.role, 'movement', 'read')) out.push('read');
  if (owned && can(actor.role, 'movement', 'update') && m.status !== 'closed' && !m.signed) out.push('update');
  if (owned && can(actor.role, 'movement', 'launch') && m.status === 'draft') out.push('launch');
  if (owned && can(actor.role, 'movement', 'close') && m.status === 'launched') out.push('close');
  return out;
}

export function assertEditable(m: { status: string }): void {
  if (m.status === 'closed') throw new MovementNotEditable('Phong trào đã kết thúc, không sửa được nữa.');
}

/** Refuses to rewrite a movement whose Kế hoạch phong trào is signed (the signed PDF is the launched text). */
export function assertMovementContentEditable(m: { signed: boolean }): void {
  if (m.signed) throw new MovementSigned('Kế hoạch phong trào đã được ký số: nội dung phong trào không sửa được nữa (văn bản đã ký là bản phát động).');
}

/** A draft whose parent (if any) is launched. */
export function assertLaunchable(m: { status: string }, parent: { status: string; title: string } | null): void {
  if (m.status !== 'draft') throw new MovementNotLaunchable(m.status === 'launched' ? 'Phong trào đã được phát động.' : 'Phong trào đã kết thúc.');
  if (parent && parent.status !== 'launched') throw new MovementNotLaunchable(`Phong trào cấp trên "${parent.title}" chưa phát động hoặc đã kết thúc.`);
}

export function assertClosable(m: { status: string }): void {
  if (m.status !== 'launched') throw new MovementNotClosable(m.status === 'draft' ? 'Phong trào chưa được phát động.' : 'Phong trào đã kết thúc.');
}
