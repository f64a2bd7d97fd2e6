import type { Actor } from '../auth/actor.js';
import { domainError } from '../errors.js';
import { can } from './abilities.js';
import { ownsRecord } from './plan.js';

/** The inspection (or its plan, or a finding) is not in a state that allows this step. */
export const InspectionNotAllowed = domainError('InspectionNotAllowed', 'conflict', 'inspection_not_allowed');
/** A unit named in an inspection plan or a finding lies outside what the plan or inspection covers. */
export const InspectionUnitOutside = domainError('InspectionUnitOutside', 'invalid', 'inspection_unit_outside');

export type InspectionPlanAbility = 'read' | 'update' | 'approve';

/** An inspection plan: the inspecting unit's subtree edits and approves a draft; approved, it is fixed. */
export function inspectionPlanAbilities(actor: Actor, plan: { status: string; unitPath: string }): InspectionPlanAbility[] {
  const owned = ownsRecord(actor, plan.unitPath);
  const out: InspectionPlanAbility[] = [];
  if (can(actor.role, 'inspection', 'read')) out.push('read');
  if (owned && plan.status === 'draft' && can(actor.role, 'inspection', 'update')) out.push('update');
  if (owned && plan.status === 'draft' && can(actor.role, 'inspection', 'create')) out.push('approve');
  return out;
}

export type InspectionAbility = 'read' | 'addFinding' | 'conclude' | 'followUp' | 'closeFinding' | 'close';

export interface InspectionFacts {
  status: string;
  planStatus: string;
  /** The inspecting unit's path. */
  planUnitPath: string;
  /** The inspected unit's path. */
  unitPath: string;
  findings: { status: string }[];
}

/**
 * What the actor may do to an inspection: the inspecting office drafts findings and concludes
 * (plan approved), the inspected unit reports on each finding, the office accepts each report and
 * closes the inspection when nothing is left open.
 */
export function inspectionAbilities(actor: Actor, i: InspectionFacts): InspectionAbility[] {
  const inspector = ownsRecord(actor, i.planUnitPath);
  const inspected = ownsRecord(actor, i.unitPath);
  const out: InspectionAbility[] = [];
  if (can(actor.role, 'inspection', 'read')) out.push('read');
  if (inspector && i.status === 'planned' && can(actor.role, 'inspection', 'update')) out.push('addFinding');
  if (inspector && i.status === 'planned' && i.planStatus === 'approved' && can(actor.role, 'inspection', 'conclude')) out.push('conclude');
  if (inspected && i.status === 'concluded' && can(actor.role, 'inspection', 'followUp') && i.findings.some((f) => f.status === 'open')) out.push('followUp');
  if (inspector && i.status === 'concluded' && can(actor.role, 'inspection', 'conclude')) {
    if (i.findings.some((f) => f.status === 'reported')) out.push('closeFinding');
    if (i.findings.every((f) => f.status === 'closed')) out.push('close');
  }
  return out;
}

const STEP_MESSAGES: Record<Exclude<InspectionAbility, 'read'>, string> = {
  addFinding: 'Chỉ ghi tồn tại, kiến nghị khi cuộc kiểm tra chưa kết luận.',
  conclude: 'Chỉ kết luận cuộc kiểm tra chưa kết luận, thuộc kế hoạch đã ban hành.',
  followUp: 'Chỉ báo cáo khắc phục khi đã có kết luận kiểm tra và kiến nghị chưa khắc phục.',
  closeFinding: 'Chưa có báo cáo khắc phục để ghi nhận.',
  close: 'Chỉ kết thúc cuộc kiểm tra khi mọi kiến nghị đã hoàn thành.',
};

/** Refuses a step the actor may not take on this inspection now (the route found it in scope; the role was authorised). */
export function assertInspectionAllows(actor: Actor, i: InspectionFacts, step: Exclude<InspectionAbility, 'read'>): void {
  if (!inspectionAbilities(actor, i).includes(step)) throw new InspectionNotAllowed(STEP_MESSAGES[step]);
}

/** Refuses to change an inspection plan that is no longer a draft. */
export function assertPlanDraft(plan: { status: string }): void {
  if (plan.status !== 'draft') throw new InspectionNotAllowed('Kế hoạch kiểm tra đã ban hành, không sửa được.');
}
