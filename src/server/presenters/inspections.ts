import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { InspectionCheck } from '../db/schema/index.js';
import type { FindingRow, InspectionListRow, InspectionPlanRow } from '../repositories/inspections.js';
import { inspectionAbilities, inspectionPlanAbilities } from '../policies/inspection.js';
import {
  CHECK_RESULT_LABELS,
  FINDING_STATUS_LABELS,
  INSPECTION_PLAN_STATUS_LABELS,
  INSPECTION_STATUS_LABELS,
  type CheckResult,
  type FindingStatus,
  type InspectionPlanStatus,
  type InspectionStatus,
} from '../../shared/schemas/inspections.js';

const abilities = z.array(z.string()).describe('Các thao tác tài khoản được làm với bản ghi này (theo vai trò, phạm vi và trạng thái)');
const label = <K extends string>(t: Record<K, string>, code: string) => (t as Record<string, string>)[code] ?? code;

export const inspectionSummarySchema = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    planTitle: z.string(),
    year: z.number().int(),
    inspectorUnitId: z.uuid(),
    inspectorUnitName: z.string(),
    unitId: z.uuid(),
    unitName: z.string(),
    scheduledFrom: z.string(),
    scheduledTo: z.string(),
    status: z.string(),
    statusLabel: z.string(),
    inspectedDate: z.string().nullable(),
    conclusionNumber: z.string().nullable(),
    findingCount: z.number().int(),
    openFindingCount: z.number().int(),
  })
  .meta({ id: 'InspectionSummary' });
export type InspectionSummaryJson = z.infer<typeof inspectionSummarySchema>;

export function presentInspectionSummary(r: InspectionListRow): InspectionSummaryJson {
  const i = r.inspection;
  return {
    id: i.id,
    planId: i.planId,
    planTitle: r.planTitle,
    year: r.planYear,
    inspectorUnitId: r.planUnitId,
    inspectorUnitName: r.planUnitName,
    unitId: i.unitId,
    unitName: r.unitName,
    scheduledFrom: i.scheduledFrom,
    scheduledTo: i.scheduledTo,
    status: i.status,
    statusLabel: label(INSPECTION_STATUS_LABELS, i.status as InspectionStatus),
    inspectedDate: i.inspectedDate,
    conclusionNumber: i.conclusionNumber,
    findingCount: Number(r.findingCount),
    openFindingCount: Number(r.openFindingCount),
  };
}

const checkSchema = z
  .object({ key: z.string(), label: z.string(), result: z.string(), resultLabel: z.string(), detail: z.string() })
  .meta({ id: 'InspectionCheck' });

export const findingSchema = z
  .object({
    id: z.uuid(),
    seq: z.number().int(),
    finding: z.string(),
    recommendation: z.string(),
    dueDate: z.string(),
    ownerUnitId: z.uuid(),
    ownerUnitName: z.string(),
    ownerName: z.string().nullable(),
    status: z.string(),
    statusLabel: z.string(),
    followUpReport: z.string().nullable(),
    reportedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'InspectionFinding' });

export const inspectionSchema = inspectionSummarySchema
  .extend({
    version: z.number().int(),
    planStatus: z.string(),
    conclusion: z.string().nullable(),
    concludedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    /** Stored at the conclusion; live before. */
    checklist: z.array(checkSchema),
    checklistFrozen: z.boolean().describe('true: danh mục đã chốt khi kết luận; false: tính từ dữ liệu hiện tại'),
    findings: z.array(findingSchema),
    abilities,
  })
  .meta({ id: 'Inspection' });
export type InspectionJson = z.infer<typeof inspectionSchema>;

export function presentCheck(c: InspectionCheck) {
  return { ...c, resultLabel: label(CHECK_RESULT_LABELS, c.result as CheckResult) };
}

export function presentFinding(f: FindingRow, ownerUnitName: string) {
  return {
    id: f.id,
    seq: f.seq,
    finding: f.finding,
    recommendation: f.recommendation,
    dueDate: f.dueDate,
    ownerUnitId: f.ownerUnitId,
    ownerUnitName,
    ownerName: f.ownerName,
    status: f.status,
    statusLabel: label(FINDING_STATUS_LABELS, f.status as FindingStatus),
    followUpReport: f.followUpReport,
    reportedAt: f.reportedAt?.toISOString() ?? null,
    closedAt: f.closedAt?.toISOString() ?? null,
  };
}

export function presentInspection(
  actor: Actor,
  r: InspectionListRow,
  findings: { finding: FindingRow; ownerUnitName: string }[],
  liveChecklist: InspectionCheck[] | null,
): InspectionJson {
  const i = r.inspection;
  const frozen = i.checklist ?? null;
  return {
    ...presentInspectionSummary(r),
    version: i.version,
    planStatus: r.planStatus,
    conclusion: i.conclusion,
    concludedAt: i.concludedAt?.toISOString() ?? null,
    closedAt: i.closedAt?.toISOString() ?? null,
    checklist: (frozen ?? liveChecklist ?? []).map(presentCheck),
    checklistFrozen: !!frozen,
    findings: findings.map((f) => presentFinding(f.finding, f.ownerUnitName)),
    abilities: inspectionAbilities(actor, {
      status: i.status,
      planStatus: r.planStatus,
      planUnitPath: r.planUnitPath,
      unitPath: r.unitPath,
      findings: findings.map((f) => f.finding),
    }),
  };
}

const teamSchema = z.object({ name: z.string(), role: z.string() });

export const inspectionPlanSummarySchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    year: z.number().int(),
    number: z.string().nullable(),
    title: z.string(),
    periodFrom: z.string(),
    periodTo: z.string(),
    status: z.string(),
    statusLabel: z.string(),
    unitCount: z.number().int(),
    abilities,
  })
  .meta({ id: 'InspectionPlanSummary' });
export type InspectionPlanSummaryJson = z.infer<typeof inspectionPlanSummarySchema>;

export const inspectionPlanSchema = inspectionPlanSummarySchema
  .extend({
    version: z.number().int(),
    content: z.array(z.string()),
    team: z.array(teamSchema),
    signerTitle: z.string().nullable(),
    signerName: z.string().nullable(),
    approvedAt: z.string().nullable(),
    inspections: z.array(inspectionSummarySchema),
  })
  .meta({ id: 'InspectionPlan' });
export type InspectionPlanJson = z.infer<typeof inspectionPlanSchema>;

export function presentInspectionPlanSummary(
  p: InspectionPlanRow,
  actor: Actor,
  unit: { name: string | null; path: string },
  unitCount: number,
): InspectionPlanSummaryJson {
  return {
    id: p.id,
    unitId: p.unitId,
    unitName: unit.name ?? '',
    year: p.year,
    number: p.number,
    title: p.title,
    periodFrom: p.periodFrom,
    periodTo: p.periodTo,
    status: p.status,
    statusLabel: label(INSPECTION_PLAN_STATUS_LABELS, p.status as InspectionPlanStatus),
    unitCount: Number(unitCount),
    abilities: inspectionPlanAbilities(actor, { status: p.status, unitPath: unit.path }),
  };
}

export function presentInspectionPlan(
  p: InspectionPlanRow,
  actor: Actor,
  unit: { name: string | null; path: string },
  list: InspectionListRow[],
): InspectionPlanJson {
  return {
    ...presentInspectionPlanSummary(p, actor, unit, list.length),
    version: p.version,
    content: p.content,
    team: p.team,
    signerTitle: p.signerTitle,
    signerName: p.signerName,
    approvedAt: p.approvedAt?.toISOString() ?? null,
    inspections: list.map(presentInspectionSummary),
  };
}
