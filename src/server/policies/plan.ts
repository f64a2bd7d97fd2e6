import type { Actor } from '../auth/actor.js';
import type { Role } from '../../shared/codes.js';
import { domainError } from '../errors.js';
import { POLICY, can } from './abilities.js';

/** The plan is published already: it cannot be published again. */
export const PlanNotPublishable = domainError('PlanNotPublishable', 'conflict', 'plan_not_publishable');
/** The plan's Kế hoạch carries a digital signature: its content is frozen. */
export const PlanSigned = domainError('PlanSigned', 'conflict', 'plan_signed');

/** The facts about a plan (or movement) a record policy needs besides its state. */
export interface OwnedRecord {
  /** Materialised path of the owning (issuing) unit. */
  unitPath: string;
  /** Its Kế hoạch carries a digital signature (the signed PDF is the issued text: the content is frozen). */
  signed?: boolean | undefined;
}

/**
 * The actor owns a record of a unit of its subtree and may edit it; a record from a unit above
 * (a published plan, a launched movement) is only read. A role that reaches only itself owns none.
 */
export function ownsRecord(actor: Actor, unitPath: string): boolean {
  return POLICY[actor.role].reach !== 'self' && unitPath.startsWith(actor.unitPath);
}

/**
 * 'create' on a plan: a new plan may be started from it (copy). 'update': its content may be edited
 * (not once its Kế hoạch is signed). 'progress': its tasks' progress may be reported (also after signing).
 */
export type PlanAbility = 'read' | 'create' | 'update' | 'progress' | 'publish';

/** What the actor may do to this plan: the role's grant, the ownership and the plan's state. */
export function planAbilities(actor: Actor, plan: { status: string } & OwnedRecord): PlanAbility[] {
  const owned = ownsRecord(actor, plan.unitPath);
  const out: PlanAbility[] = [];
  if (can(actor.role, 'plan', 'read')) out.push('read');
  if (can(actor.role, 'plan', 'create')) out.push('create');
  if (owned && can(actor.role, 'plan', 'update') && !plan.signed) out.push('update');
  if (owned && can(actor.role, 'plan', 'update')) out.push('progress');
  if (owned && can(actor.role, 'plan', 'publish') && plan.status === 'draft') out.push('publish');
  return out;
}

/** Refuses to rewrite a plan whose Kế hoạch is signed (the signed PDF is the issued text). */
export function assertPlanContentEditable(plan: { signed: boolean }): void {
  if (plan.signed)
    throw new PlanSigned('Kế hoạch đã được ký số: nội dung không sửa được nữa (văn bản đã ký là bản ban hành). Cập nhật tiến độ nhiệm vụ vẫn làm được.');
}

/** Refuses to publish a plan that is not a draft (the caller found it among the actor's own plans). */
export function assertPublishable(plan: { status: string }): void {
  if (plan.status !== 'draft') throw new PlanNotPublishable('Kế hoạch đã được ban hành.');
}

/** The role the demo seed acts with when it enters the seed plans and movements through the commands: every grant. */
export const SEED_ROLE: Role = 'admin';
