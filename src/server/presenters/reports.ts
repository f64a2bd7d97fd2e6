import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { ReportListRow, ReportRequestRow } from '../repositories/reports.js';
import { reportAbilities } from '../policies/report.js';
import { can } from '../policies/abilities.js';
import { INDICATORS, INDICATOR_GROUP_LABELS, statedFigures } from '../reports/indicators.js';
import { NARRATIVE_KEYS, REPORT_KIND_LABELS, REPORT_STATUS_LABELS, type ReportKind, type ReportStatus } from '../../shared/schemas/reports.js';
import { todayVn } from '../clock.js';

const abilities = z.array(z.string()).describe('Các thao tác tài khoản được làm với bản ghi này (theo vai trò, phạm vi và trạng thái)');

export const reportRequestSchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    kind: z.string(),
    kindLabel: z.string(),
    title: z.string(),
    year: z.number().int(),
    periodFrom: z.string(),
    periodTo: z.string(),
    dueDate: z.string(),
    movementId: z.uuid().nullable(),
    note: z.string().nullable(),
    asked: z.number().int(),
    submitted: z.number().int(),
    received: z.number().int(),
    /** The due date has passed and some units have not sent their report. */
    overdue: z.boolean(),
    abilities,
  })
  .meta({ id: 'ReportRequest' });
export type ReportRequestJson = z.infer<typeof reportRequestSchema>;

export function presentReportRequest(
  r: ReportRequestRow,
  actor: Actor,
  unitName: string,
  unitPath: string,
  counts: { asked: number; submitted: number; received: number },
): ReportRequestJson {
  const owned = unitPath.startsWith(actor.unitPath);
  return {
    id: r.id,
    unitId: r.unitId,
    unitName,
    kind: r.kind,
    kindLabel: REPORT_KIND_LABELS[r.kind as ReportKind] ?? r.kind,
    title: r.title,
    year: r.year,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    dueDate: r.dueDate,
    movementId: r.movementId,
    note: r.note,
    asked: Number(counts.asked),
    submitted: Number(counts.submitted),
    received: Number(counts.received),
    overdue: todayVn() > r.dueDate && Number(counts.submitted) < Number(counts.asked),
    abilities: ['read', ...(owned && can(actor.role, 'report', 'receive') ? ['receive'] : [])],
  };
}

const figureRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  group: z.string(),
  groupLabel: z.string(),
  money: z.boolean(),
  /** What the data says for the unit's subtree and the period (frozen at submission). */
  data: z.number(),
  /** What the unit typed instead, or null (it states the data's figure). */
  typed: z.number().nullable(),
  /** The figure the report states. */
  stated: z.number(),
});

const narrativeSchema = z.object(Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, z.string()])) as Record<(typeof NARRATIVE_KEYS)[number], z.ZodString>);

export const reportSummarySchema = z
  .object({
    id: z.uuid(),
    requestId: z.uuid(),
    requestTitle: z.string(),
    requestUnitName: z.string().nullable(),
    kind: z.string(),
    kindLabel: z.string(),
    year: z.number().int(),
    periodFrom: z.string(),
    periodTo: z.string(),
    /** The due date in force for this unit (the request's, or the extension granted). */
    dueDate: z.string(),
    extendedUntil: z.string().nullable(),
    unitId: z.uuid(),
    unitName: z.string(),
    status: z.string(),
    statusLabel: z.string(),
    late: z.boolean(),
    /** Not sent yet and the due date has passed. */
    overdue: z.boolean(),
    submittedAt: z.string().nullable(),
    receivedAt: z.string().nullable(),
    returnedAt: z.string().nullable(),
    returnReason: z.string().nullable(),
    version: z.number().int(),
    abilities,
  })
  .meta({ id: 'ReportSummary' });

export const reportSchema = reportSummarySchema
  .extend({
    narrative: narrativeSchema,
    rows: z.array(figureRowSchema),
    /** Its Báo cáo carries a signature (ký số): the content is frozen, the unit may still send it. */
    signed: z.boolean(),
  })
  .meta({ id: 'Report' });
export type ReportJson = z.infer<typeof reportSchema>;

export function presentReportSummary(r: ReportListRow, actor: Actor, requestUnit: { name: string | null; path: string }): z.infer<typeof reportSummarySchema> {
  const rep = r.report;
  const due = rep.extendedUntil ?? r.request.dueDate;
  const open = rep.status === 'draft' || rep.status === 'returned';
  return {
    id: rep.id,
    requestId: r.request.id,
    requestTitle: r.request.title,
    requestUnitName: requestUnit.name,
    kind: r.request.kind,
    kindLabel: REPORT_KIND_LABELS[r.request.kind as ReportKind] ?? r.request.kind,
    year: r.request.year,
    periodFrom: r.request.periodFrom,
    periodTo: r.request.periodTo,
    dueDate: due,
    extendedUntil: rep.extendedUntil,
    unitId: rep.unitId,
    unitName: r.unitName,
    status: rep.status,
    statusLabel: REPORT_STATUS_LABELS[rep.status as ReportStatus] ?? rep.status,
    late: rep.late,
    overdue: open && todayVn() > due,
    submittedAt: rep.submittedAt?.toISOString() ?? null,
    receivedAt: rep.receivedAt?.toISOString() ?? null,
    returnedAt: rep.returnedAt?.toISOString() ?? null,
    returnReason: rep.returnReason,
    version: rep.version,
    abilities: reportAbilities(actor, { status: rep.status, unitPath: r.unitPath, requestUnitPath: requestUnit.path }),
  };
}

export function figureRows(data: Record<string, number>, typed: Record<string, number>): z.infer<typeof figureRowSchema>[] {
  const stated = statedFigures(data, typed);
  return INDICATORS.map((i) => ({
    key: i.key,
    label: i.label,
    group: i.group,
    groupLabel: INDICATOR_GROUP_LABELS[i.group],
    money: !!i.money,
    data: data[i.key] ?? 0,
    typed: typed[i.key] ?? null,
    stated: stated[i.key] ?? 0,
  }));
}

/** `data`: the frozen figures once submitted, else the live ones the route computed. */
export function presentReport(
  r: ReportListRow,
  actor: Actor,
  requestUnit: { name: string | null; path: string },
  data: Record<string, number>,
  signed: boolean,
): ReportJson {
  const narrative = Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, r.report.narrative[k] ?? ''])) as ReportJson['narrative'];
  const summary = presentReportSummary(r, actor, requestUnit);
  // Signed: no longer edited (the save refuses it), only sent.
  const abilities = signed ? summary.abilities.filter((a) => a !== 'write') : summary.abilities;
  return { ...summary, abilities, narrative, rows: figureRows(data, r.report.typed), signed };
}

// ---------------------------------------------------------------- the requester's roll-up

const rollupUnitSchema = z.object({
  reportId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  late: z.boolean(),
  overdue: z.boolean(),
  dueDate: z.string(),
  /** How many figures the unit typed differently from the data. */
  differences: z.number().int(),
});

const rollupRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  group: z.string(),
  groupLabel: z.string(),
  money: z.boolean(),
  /** Per unit, in `units` order: the figure stated (null: not sent yet) and the data's figure. */
  cells: z.array(z.object({ stated: z.number().nullable(), data: z.number() })),
  /** Sum of the figures the units stated (sent or received reports). */
  sum: z.number(),
  /** Sum of the data's figures for the same reports. */
  dataSum: z.number(),
  /** The data for the requesting unit's whole subtree over the period (includes its own, and units not asked). */
  subtreeData: z.number(),
});

export const reportRollupSchema = z
  .object({ request: reportRequestSchema, units: z.array(rollupUnitSchema), rows: z.array(rollupRowSchema) })
  .meta({ id: 'ReportRollup' });
export type ReportRollupJson = z.infer<typeof reportRollupSchema>;

export function presentRollup(
  request: ReportRequestJson,
  rows: { row: ReportListRow; data: Record<string, number> }[],
  subtree: Record<string, number>,
): ReportRollupJson {
  const sent = (s: string) => s === 'submitted' || s === 'received';
  const units = rows.map(({ row, data }) => {
    const due = row.report.extendedUntil ?? row.request.dueDate;
    const open = !sent(row.report.status);
    return {
      reportId: row.report.id,
      unitId: row.report.unitId,
      unitName: row.unitName,
      status: row.report.status,
      statusLabel: REPORT_STATUS_LABELS[row.report.status as ReportStatus] ?? row.report.status,
      late: row.report.late,
      overdue: open && todayVn() > due,
      dueDate: due,
      differences: Object.entries(row.report.typed).filter(([k, v]) => (data[k] ?? 0) !== v).length,
    };
  });
  const stated = rows.map(({ row, data }) => statedFigures(data, row.report.typed));
  return {
    request,
    units,
    rows: INDICATORS.map((i) => {
      const cells = rows.map(({ row, data }, n) => ({ stated: sent(row.report.status) ? (stated[n]?.[i.key] ?? 0) : null, data: data[i.key] ?? 0 }));
      return {
        key: i.key,
        label: i.label,
        group: i.group,
        groupLabel: INDICATOR_GROUP_LABELS[i.group],
        money: !!i.money,
        cells,
        sum: cells.reduce((s, c) => s + (c.stated ?? 0), 0),
        dataSum: cells.reduce((s, c, n) => s + (sent(rows[n]!.row.report.status) ? c.data : 0), 0),
        subtreeData: subtree[i.key] ?? 0,
      };
    }),
  };
}
