import { z } from 'zod';
import type { DashboardHonorRow } from '../repositories/dashboard.js';
import type { TargetProgress } from '../repositories/progress.js';
import {
  COMMENDATION_TYPE_LABELS,
  FUND_ENTRY_KINDS,
  FUND_ENTRY_KIND_LABELS,
  HONORS,
  HONOR_INFO,
  type CommendationType,
  type Honor,
} from '../../shared/codes.js';
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
    /** The year's fund ledgers of the subtree by line kind: sources (budget, contributions) and uses. */
    money: z.array(z.object({ kind: z.string(), label: z.string(), amount: z.number() })),
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
  money: { kind: string; amount: number }[];
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
    money: FUND_ENTRY_KINDS.map((kind) => ({ kind, label: FUND_ENTRY_KIND_LABELS[kind], amount: input.money.find((m) => m.kind === kind)?.amount ?? 0 })),
  };
}

export const dashboardRecordsSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        unitName: z.string(),
        honor: z.string(),
        honorLabel: z.string(),
        typeLabel: z.string(),
        decisionNumber: z.string().nullable(),
        decisionDate: z.string().nullable(),
        amount: z.number().nullable(),
        link: z.string(),
      }),
    ),
    total: count,
  })
  .meta({ id: 'DashboardRecords' });

export function presentDashboardRecords(r: {
  items: {
    id: string;
    personId: string | null;
    unitId: string | null;
    name: string;
    unitName: string;
    honor: string;
    type: string;
    decisionNumber: string | null;
    decisionDate: string | null;
    amount: number | null;
  }[];
  total: number;
}): z.infer<typeof dashboardRecordsSchema> {
  return {
    total: r.total,
    items: r.items.map((h) => ({
      id: h.id,
      name: h.name,
      unitName: h.unitName,
      honor: h.honor,
      honorLabel: HONOR_INFO[h.honor as Honor]?.label ?? h.honor,
      typeLabel: COMMENDATION_TYPE_LABELS[h.type as CommendationType] ?? h.type,
      decisionNumber: h.decisionNumber,
      decisionDate: h.decisionDate,
      amount: h.amount,
      link: h.personId ? `/thi-dua/ca-nhan/${h.personId}` : `/thi-dua/don-vi/${h.unitId}`,
    })),
  };
}

/** One part of the dashboard as a table (its XLSX export): header texts and rows of cells. */
export const DASHBOARD_PARTS = ['targets', 'byHonor', 'byLevel', 'byMonth', 'byUnit', 'shares', 'pending', 'money', 'years'] as const;
export type DashboardPart = (typeof DASHBOARD_PARTS)[number];

/** Parts whose figures add up down the table (a totals row under them); targets and shares do not (rates, overlapping groups). */
const ADDING_PARTS: ReadonlySet<DashboardPart> = new Set(['byHonor', 'byLevel', 'byMonth', 'byUnit']);

export function dashboardTable(d: DashboardJson, part: DashboardPart): { title: string; headers: string[]; rows: (string | number)[][]; totals: boolean } {
  return { ...dashboardRows(d, part), totals: ADDING_PARTS.has(part) };
}

function dashboardRows(d: DashboardJson, part: DashboardPart): { title: string; headers: string[]; rows: (string | number)[][] } {
  switch (part) {
    case 'targets':
      return {
        title: 'Mục tiêu so với kết quả',
        headers: ['Mục tiêu', 'Cơ sở tính', 'Đã đăng ký', 'Đạt', 'Tỷ lệ đạt (%)', 'Tiến độ (%)', 'Hoàn thành'],
        rows: d.targets.map((t) => [t.label, t.base ?? '', t.registered, t.awarded, t.awardedPercent ?? '', t.progress ?? '', t.achieved ? 'Có' : 'Chưa']),
      };
    case 'byHonor':
      return {
        title: 'Theo danh hiệu, hình thức',
        headers: ['Danh hiệu, hình thức', 'Tập thể', 'Cá nhân', 'Tiền thưởng'],
        rows: d.byHonor.map((h) => [h.label, h.collective, h.individual, h.amount]),
      };
    case 'byLevel':
      return { title: 'Theo cấp khen thưởng', headers: ['Cấp', 'Tập thể', 'Cá nhân'], rows: d.byLevel.map((l) => [l.label, l.collective, l.individual]) };
    case 'byMonth':
      return {
        title: 'Theo tháng quyết định',
        headers: ['Tháng', 'Tập thể', 'Cá nhân'],
        rows: d.byMonth.map((m) => [m.month === 0 ? 'Không ghi ngày' : `Tháng ${m.month}`, m.collective, m.individual]),
      };
    case 'byUnit':
      return { title: 'Theo đơn vị', headers: ['Đơn vị', 'Tập thể', 'Cá nhân'], rows: d.byUnit.map((u) => [u.unitName, u.collective, u.individual]) };
    case 'shares': {
      const s = d.shares;
      const pct = (n: number) => (s.individuals ? Math.round((n / s.individuals) * 1000) / 10 : 0);
      return {
        title: 'Cá nhân được khen theo đối tượng',
        headers: ['Đối tượng', 'Số lượt', 'Tỷ lệ (%)'],
        rows: (
          [
            ['Lãnh đạo, quản lý', s.leader],
            ['Không giữ chức vụ lãnh đạo', s.nonLeader],
            ['Người trực tiếp lao động, công tác', s.directWorker],
            ['Nữ', s.female],
            ['Nam', s.male],
          ] as const
        ).map(([l, n]) => [l, n, pct(n)]),
      };
    }
    case 'pending':
      return { title: 'Hồ sơ đang xử lý theo bước', headers: ['Bước', 'Hồ sơ', 'Đối tượng'], rows: d.pending.map((p) => [p.label, p.dossiers, p.candidates]) };
    case 'money':
      return { title: 'Quỹ thi đua, khen thưởng theo nguồn và khoản chi', headers: ['Khoản', 'Số tiền (đồng)'], rows: d.money.map((m) => [m.label, m.amount]) };
    case 'years':
      return {
        title: 'So với các năm trước',
        headers: ['Năm', 'Lượt khen thưởng', 'Tiền thưởng (đồng)'],
        rows: d.years.map((y) => [y.year, y.awards, y.amount]),
      };
  }
}
