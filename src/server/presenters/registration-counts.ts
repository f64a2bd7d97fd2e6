/** Registration by number (đăng ký số lượng): a unit's sheet, and the Office's roll-up of registered vs proposed. */
import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { XlsxColumn } from '../documents/index.js';
import type { CountLineRow, CountSheetRow } from '../repositories/registration-counts.js';
import { COUNT_SHEET_STATUS_LABELS, countSheetAbilities, ownsCampaign, type Campaign, type CountSheetStatus } from '../policies/registration.js';
import { campaignSchema, presentCampaign } from './plans.js';
import { todayVn } from '../clock.js';
import { HONOR_INFO, type Honor } from '../../shared/codes.js';

const honorRef = z.object({ honor: z.string(), label: z.string() });
const abilities = z.array(z.string()).describe('Các thao tác tài khoản được làm với bảng này (theo vai trò, phạm vi, thời hạn và trạng thái)');

function labelOf(h: string): string {
  return HONOR_INFO[h as Honor]?.label ?? h;
}

function statusLabel(s: string | null): string {
  return s ? (COUNT_SHEET_STATUS_LABELS[s as CountSheetStatus] ?? s) : 'Chưa đăng ký';
}

export const countSheetSchema = z
  .object({
    campaign: campaignSchema,
    unit: z.object({ id: z.uuid(), name: z.string() }),
    status: z.enum(['draft', 'submitted', 'returned']),
    statusLabel: z.string(),
    open: z.boolean().describe('Đơn vị còn trong thời hạn đăng ký (kể cả khi Văn phòng mở lại)'),
    submittedAt: z.string().nullable(),
    returnedAt: z.string().nullable(),
    returnReason: z.string().nullable(),
    version: z.number().int().describe('0: chưa lưu lần nào'),
    honors: z.array(honorRef).describe('Danh hiệu, hình thức đăng ký theo số lượng trong đợt này'),
    items: z.array(z.object({ honor: z.string(), label: z.string(), count: z.number().int(), note: z.string().nullable() })),
    abilities,
  })
  .meta({ id: 'RegistrationCountSheet' });
export type CountSheetJson = z.infer<typeof countSheetSchema>;

export function presentCountSheet(
  actor: Actor,
  c: Campaign,
  unit: { id: string; name: string },
  honors: readonly Honor[],
  sheet: CountSheetRow | undefined,
  lines: CountLineRow[],
  open: boolean,
  today: string = todayVn(),
): CountSheetJson {
  const status = (sheet?.status ?? 'draft') as CountSheetStatus;
  const byHonor = new Map(lines.map((l) => [l.honor, l]));
  // The sheet's lines in the order of the honors counted, then any line of an honor no longer counted.
  const ordered = [...honors.filter((h) => byHonor.has(h)), ...lines.map((l) => l.honor).filter((h) => !honors.includes(h as Honor))];
  return {
    campaign: presentCampaign(c, actor, today),
    unit: { id: unit.id, name: unit.name },
    status,
    statusLabel: COUNT_SHEET_STATUS_LABELS[status],
    open,
    submittedAt: sheet?.submittedAt?.toISOString() ?? null,
    returnedAt: sheet?.returnedAt?.toISOString() ?? null,
    returnReason: sheet?.returnReason ?? null,
    version: sheet?.version ?? 0,
    honors: honors.map((h) => ({ honor: h, label: HONOR_INFO[h].label })),
    items: ordered.map((h) => {
      const l = byHonor.get(h)!;
      return { honor: h, label: labelOf(h), count: l.count, note: l.note };
    }),
    abilities: countSheetAbilities(actor, c, status, open),
  };
}

const cellSchema = z.object({
  honor: z.string(),
  registered: z.number().int().nullable().describe('Số đăng ký (null: không đăng ký hình thức này)'),
  proposed: z.number().int().describe('Số đã đề nghị trong hồ sơ của đợt (đã gửi, không tính bản nháp, hồ sơ đã rút)'),
  difference: z.number().int().describe('Đề nghị trừ đăng ký: âm là đề nghị ít hơn đăng ký'),
});
const countRollupUnitSchema = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  status: z.string().nullable(),
  statusLabel: z.string(),
  submittedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  cells: z.array(cellSchema),
  registered: z.number().int(),
  proposed: z.number().int(),
  abilities,
});
export type CountRollupUnit = z.infer<typeof countRollupUnitSchema>;

export const countRollupSchema = z
  .object({
    campaign: campaignSchema.pick({ key: true, kind: true, id: true, title: true, year: true, deadline: true }),
    honors: z.array(honorRef.extend({ registered: z.number().int(), proposed: z.number().int(), difference: z.number().int() })),
    units: z.array(countRollupUnitSchema),
    configured: z.boolean().describe('Văn phòng đã chọn danh hiệu đăng ký theo số lượng (không: theo mặc định khen thưởng cấp cao)'),
    abilities,
  })
  .meta({ id: 'RegistrationCountRollup' });
export type CountRollupJson = z.infer<typeof countRollupSchema>;

/** Per unit and honor: the number registered beside the candidates proposed, and the totals per honor. */
export function presentCountRollup(
  actor: Actor,
  c: Campaign,
  honors: readonly Honor[],
  configured: boolean,
  sheets: {
    unitId: string;
    unitName: string;
    status: string;
    submittedAt: Date | null;
    returnReason: string | null;
    honor: string | null;
    count: number | null;
  }[],
  proposed: { unitId: string; unitName: string; honor: string; n: number }[],
): CountRollupJson {
  type U = {
    unitId: string;
    unitName: string;
    status: string | null;
    submittedAt: Date | null;
    returnReason: string | null;
    reg: Map<string, number>;
    prop: Map<string, number>;
  };
  const units = new Map<string, U>();
  const unit = (id: string, name: string) => {
    let u = units.get(id);
    if (!u) units.set(id, (u = { unitId: id, unitName: name, status: null, submittedAt: null, returnReason: null, reg: new Map(), prop: new Map() }));
    return u;
  };
  for (const s of sheets) {
    const u = unit(s.unitId, s.unitName);
    u.status = s.status;
    u.submittedAt = s.submittedAt;
    u.returnReason = s.returnReason;
    if (s.honor && s.count !== null) u.reg.set(s.honor, s.count);
  }
  for (const p of proposed) unit(p.unitId, p.unitName).prop.set(p.honor, Number(p.n));
  const owner = ownsCampaign(actor, c);
  const shown = [...honors, ...new Set(sheets.map((s) => s.honor).filter((h): h is Honor => !!h && !honors.includes(h as Honor)))];
  const rows = [...units.values()].map((u) => {
    const cells = shown.map((h) => {
      const registered = u.reg.get(h) ?? null;
      const p = u.prop.get(h) ?? 0;
      return { honor: h, registered, proposed: p, difference: p - (registered ?? 0) };
    });
    return {
      unitId: u.unitId,
      unitName: u.unitName,
      status: u.status,
      statusLabel: statusLabel(u.status),
      submittedAt: u.submittedAt?.toISOString() ?? null,
      returnReason: u.returnReason,
      cells,
      registered: cells.reduce((s, x) => s + (x.registered ?? 0), 0),
      proposed: cells.reduce((s, x) => s + x.proposed, 0),
      abilities: owner && u.status === 'submitted' ? ['return'] : [],
    };
  });
  return {
    campaign: { key: c.key, kind: c.kind, id: c.id, title: c.title, year: c.year, deadline: c.deadline },
    honors: shown.map((h, i) => {
      const registered = rows.reduce((s, r) => s + (r.cells[i]!.registered ?? 0), 0);
      const p = rows.reduce((s, r) => s + r.cells[i]!.proposed, 0);
      return { honor: h, label: labelOf(h), registered, proposed: p, difference: p - registered };
    }),
    units: rows,
    configured,
    abilities: owner ? ['configure'] : [],
  };
}

/** The roll-up as a spreadsheet: per unit, for each honor, registered / proposed / difference; the totals row adds them up. */
export function countRollupColumns(honors: readonly { honor: string; label: string }[]): XlsxColumn<CountRollupUnit>[] {
  let n = 0;
  return [
    { header: 'STT', value: () => ++n, type: 'integer', width: 7 },
    { header: 'Đơn vị', value: (r) => r.unitName, width: 36 },
    { header: 'Tình trạng đăng ký', value: (r) => r.statusLabel, width: 22 },
    ...honors.flatMap((h, i): XlsxColumn<CountRollupUnit>[] => [
      { header: `${h.label} — đăng ký`, value: (r) => r.cells[i]?.registered ?? 0, type: 'integer', width: 16, total: true },
      { header: `${h.label} — đã đề nghị`, value: (r) => r.cells[i]?.proposed ?? 0, type: 'integer', width: 16, total: true },
      { header: `${h.label} — chênh lệch`, value: (r) => r.cells[i]?.difference ?? 0, type: 'integer', width: 16, total: true },
    ]),
    { header: 'Tổng số đăng ký', value: (r) => r.registered, type: 'integer', width: 14, total: true },
    { header: 'Tổng số đã đề nghị', value: (r) => r.proposed, type: 'integer', width: 14, total: true },
  ];
}
