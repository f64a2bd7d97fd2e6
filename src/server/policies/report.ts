import type { Actor } from '../auth/actor.js';
import { domainError } from '../errors.js';
import { can } from './abilities.js';
import { ownsRecord } from './plan.js';

/** The report was received (or is waiting to be): the unit can no longer change it. */
export const ReportLocked = domainError('ReportLocked', 'conflict', 'report_locked');
/** The due date (or the extension granted) has passed: the requesting unit must extend it first. */
export const ReportOverdue = domainError('ReportOverdue', 'conflict', 'report_overdue');
/** Receive / return apply only to a submitted report. */
export const ReportNotSubmitted = domainError('ReportNotSubmitted', 'conflict', 'report_not_submitted');

export type ReportAbility = 'read' | 'write' | 'submit' | 'receive' | 'return' | 'extend';

export interface ReportFacts {
  status: string;
  /** Path of the unit that reports. */
  unitPath: string;
  /** Path of the unit that asked for it. */
  requestUnitPath: string;
}

/** The reporting side: the report's unit is in the actor's subtree, and the actor is not on the asking side. */
export function isReportingSide(actor: Actor, r: ReportFacts): boolean {
  return ownsRecord(actor, r.unitPath) && !ownsRecord(actor, r.requestUnitPath);
}

/** The asking side: the requesting unit is in the actor's subtree. */
function asks(actor: Actor, r: ReportFacts): boolean {
  return ownsRecord(actor, r.requestUnitPath);
}

/** The unit may still edit and send its report: not sent yet, or returned to it. */
export const reportEditable = (status: string) => status === 'draft' || status === 'returned';

/** What the actor may do to this report: the role's grant, which side of the request it is on, and the state. */
export function reportAbilities(actor: Actor, r: ReportFacts): ReportAbility[] {
  const out: ReportAbility[] = [];
  if (can(actor.role, 'report', 'read')) out.push('read');
  if (isReportingSide(actor, r) && can(actor.role, 'report', 'write') && reportEditable(r.status)) out.push('write', 'submit');
  if (asks(actor, r) && can(actor.role, 'report', 'receive')) {
    if (r.status === 'submitted') out.push('receive', 'return');
    if (reportEditable(r.status)) out.push('extend');
  }
  return out;
}

export function assertReportWritable(actor: Actor, r: ReportFacts): void {
  if (!isReportingSide(actor, r) || !can(actor.role, 'report', 'write')) throw new ReportLocked('Chỉ đơn vị được yêu cầu mới sửa, gửi được báo cáo của mình.');
  if (!reportEditable(r.status)) throw new ReportLocked('Báo cáo đã gửi hoặc đã được tiếp nhận, không sửa được nữa.');
}

/** A report may be submitted up to the end of its due day (or of the extension granted). */
export function assertSubmittableOn(today: string, due: string): void {
  if (today > due) throw new ReportOverdue(`Đã quá hạn gửi báo cáo (hạn ${due.split('-').reverse().join('/')}). Đề nghị đơn vị yêu cầu gia hạn.`);
}

export function assertReceivable(actor: Actor, r: ReportFacts): void {
  if (!asks(actor, r) || !can(actor.role, 'report', 'receive')) throw new ReportLocked('Chỉ đơn vị yêu cầu báo cáo mới tiếp nhận, trả lại được.');
  if (r.status !== 'submitted') throw new ReportNotSubmitted('Báo cáo chưa được gửi hoặc đã xử lý.');
}

export function assertExtendable(actor: Actor, r: ReportFacts): void {
  if (!asks(actor, r) || !can(actor.role, 'report', 'receive')) throw new ReportLocked('Chỉ đơn vị yêu cầu báo cáo mới gia hạn được.');
  if (!reportEditable(r.status)) throw new ReportLocked('Báo cáo đã gửi, không cần gia hạn.');
}
