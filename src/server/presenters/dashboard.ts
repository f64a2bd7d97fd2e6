import { z } from 'zod';
import type { DashboardHonorRow } from '../repositories/dashboard.js';
import type { TargetProgress } from '../repositories/progress.js';
import { HONORS, HONOR_INFO, type Honor } from '../../shared/codes.js';
import { HONOR_LEVEL, HONOR_LEVEL_LABELS, isDirectWorker, type HonorLevel } from '../reports/indicators.js';
import { DOSSIER_STATUS_LABELS, type DossierStatus } from '../../shared/dossiers.js';

const count = z.number().int();

export const dashboardSchema = z
  .object({
    year: z.number().int(),
    unitName: z.string().nullable(),
    movements: z.array(z.object({ id: z.uuid(), title: z.string() })),
    movementId: z.uuid().nullable(),
    targets: z.array(
      z.object({
        id: z.uuid(),
        label: z.string(),
        subjectKind: z.string(),
        honor: z.string().nullable(),
        measure: z.string(),
        value: z.number(),
        valueMax: z.number().nullable(),
        base: z.number().nullable(),
        registered: count,
        awarded: count,
        awardedPercent: z.number().nullable(),
        progress: z.number().nullable(),
        achieved: z.boolean(),
      }),
    ),
    totals: z.object({ collective: count, individual: count, amount: z.number() }),
    byHonor: z.array(z.object({ honor: z.string(), label: z.string(), level: z.string(), collective: count, individual: count, amount: z.number() })),
    byLevel: z.array(z.object({ level: z.string(), label: z.string(), collective: count, individual: count })),
    byMonth: z.array(z.object({ month: z.number().int(), collective: count, individual: count })),
    byUnit: z.array(z.object({ unitId: z.uuid(), unitName: z.string(), collective: count, individual: count })),
    shares: z.object({ individuals: count, leader: count, nonLeader: count, directWorker: count, female: count, male: count }),
    pending: z.array(z.object({ status: z.string(), label: z.string(), dossiers: count, candidates: count })),
    years: z.array(z.object({ year: z.number().int(), awards: count, amount: z.number() })),
  })
  .meta({ id: 'Dashboard' });
export type DashboardJson = z.infer<typeof dashboardSchema>;

type TargetRow = { id: string; label: string; subjectKind: string; honor: string | null; measure: string; value: number; valueMax: number | null };

export function presentDashboard(input: {
  year: number;
  unitName: string | null;
  movements: { id: string; title: string }[];
  movementId: string | null;
  targets: TargetRow[];
  progress: Map<string, TargetProgress>;
  honors: DashboardHonorRow[];
  byUnit: { unitId: string; unitName: string; collective: number; individual: number }[];
  pending: { status: string; n: number; candidates: number }[];
  years: { year: number; n: number; amount: number }[];
}): DashboardJson {
  const h = input.honors;
  const sum = (rows: DashboardHonorRow[], subject?: 'individual' | 'collective') =>
    rows.filter((r) => !subject || r.subject === subject).reduce((s, r) => s + r.n, 0);
  const ind = h.filter((r) => r.subject === 'individual');
  const byHonor = HONORS.map((code) => {
    const rows = h.filter((r) => r.honor === code);
    return {
      honor: code,
      label: HONOR_INFO[code].label,
      level: HONOR_LEVEL[code],
      collective: sum(rows, 'collective'),
      individual: sum(rows, 'individual'),
      amount: rows.reduce((s, r) => s + r.amount, 0),
    };
  }).filter((x) => x.collective + x.individual > 0);
  const levels: HonorLevel[] = ['co_so', 'bo_tinh', 'nha_nuoc'];
  return {
    year: input.year,
    unitName: input.unitName,
    movements: input.movements,
    movementId: input.movementId,
    targets: input.targets.map((t) => {
      const p = input.progress.get(t.id);
      return {
        id: t.id,
        label: t.label,
        subjectKind: t.subjectKind,
        honor: t.honor,
        measure: t.measure,
        value: t.value,
        valueMax: t.valueMax,
        base: p?.base ?? null,
        registered: p?.registered ?? 0,
        awarded: p?.awarded ?? 0,
        awardedPercent: p?.awardedPercent ?? null,
        progress: p?.progress ?? null,
        achieved: p?.achieved ?? false,
      };
    }),
    totals: { collective: sum(h, 'collective'), individual: sum(h, 'individual'), amount: h.reduce((s, r) => s + r.amount, 0) },
    byHonor,
    byLevel: levels.map((level) => {
      const rows = h.filter((r) => HONOR_LEVEL[r.honor as Honor] === level);
      return { level, label: HONOR_LEVEL_LABELS[level], collective: sum(rows, 'collective'), individual: sum(rows, 'individual') };
    }),
    byMonth: Array.from({ length: 13 }, (_, m) => m)
      .map((month) => {
        const rows = h.filter((r) => r.month === month);
        return { month, collective: sum(rows, 'collective'), individual: sum(rows, 'individual') };
      })
      .filter((x) => x.month > 0 || x.collective + x.individual > 0),
    byUnit: input.byUnit,
    shares: {
      individuals: sum(ind),
      leader: sum(ind.filter((r) => r.isLeader)),
      nonLeader: sum(ind.filter((r) => !r.isLeader)),
      directWorker: sum(ind.filter((r) => isDirectWorker(r))),
      female: sum(ind.filter((r) => r.gender === 'nu')),
      male: sum(ind.filter((r) => r.gender === 'nam')),
    },
    pending: input.pending.map((p) => ({
      status: p.status,
      label: DOSSIER_STATUS_LABELS[p.status as DossierStatus] ?? p.status,
      dossiers: p.n,
      candidates: p.candidates,
    })),
    years: input.years.map((y) => ({ year: y.year, awards: y.n, amount: y.amount })),
  };
}
