/**
 * Agency overrides: what the law leaves to a ministry, province or agency (its own Giấy khen and
 * Bằng khen criteria — Law Art 75 k2; local quotas; deadlines; Kỷ niệm chương money within the cap)
 * as versioned objects with effective dates, merged onto a pack without code. Storage is elsewhere.
 */
import { z } from 'zod';
import { HONOR_INFO, SUBJECT_KIND_LABELS, type Honor, type Regime, type SubjectKind } from '../../shared/codes.js';
import { coef } from './labels.js';
import {
  criterionSchema,
  honorCodeSchema,
  isoDateSchema,
  regimeCodeSchema,
  subjectKindSchema,
} from './schemas.js';
import { RuleError, type Criterion, type DeadlineRule, type IsoDate, type QuotaRule, type RulePack } from './types.js';

export type OverrideChange =
  /** Replace the criteria for a subject kind (only where the law delegates: GK, BK_BO_TINH, KNC). */
  | { op: 'set_criteria'; honor: Honor; subject: SubjectKind; criteria: Criterion[] }
  /** Add stricter criteria on top of the law's (e.g. a ministry's LĐTT details, Law Art 24). */
  | { op: 'add_criteria'; honor: Honor; subject: SubjectKind; criteria: Criterion[] }
  | { op: 'set_quota'; honor: Honor; quota: QuotaRule | null }
  /** Only where the pack marks the coefficient as agency-set (Kỷ niệm chương, up to the cap). */
  | { op: 'set_coefficient'; honor: Honor; subject: SubjectKind; coefficient: number }
  | { op: 'set_deadline'; deadline: DeadlineRule }
  | { op: 'remove_deadline'; id: string };

export interface RuleOverride {
  /** Stable id of the override; versions of the same id replace each other. */
  id: string;
  version: number;
  /** The agency (unit code) that issued it. */
  agency: string;
  title?: string;
  /** Legal basis of the agency's own rule, e.g. "QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh". */
  basis?: string;
  effectiveFrom: IsoDate;
  /** Last day in force (inclusive); absent/null = open-ended. */
  effectiveTo?: IsoDate | null;
  /** Limit to regimes; absent = every regime. */
  regimes?: Regime[];
  changes: OverrideChange[];
}

const sourced = {
  article: z.string({ error: 'Thiếu căn cứ (article)' }).min(1, { error: 'Thiếu căn cứ (article)' }).max(500),
  verified: z.boolean({ error: 'Trường "verified" phải là true/false' }),
  note: z.string().max(2000).optional(),
};

const quotaSchema = z.object({
  ...sourced,
  kind: z.literal('share_of_honor'),
  of: honorCodeSchema,
  share: z.number().min(0, { error: 'Tỷ lệ phải từ 0 đến 1' }).max(1, { error: 'Tỷ lệ phải từ 0 đến 1' }),
  rounding: z.enum(['floor', 'round', 'ceil'], { error: 'Cách làm tròn phải là floor, round hoặc ceil' }),
});

const deadlineSchema = z.discriminatedUnion('kind', [
  z.object({ ...sourced, id: z.string().min(1), label: z.string().min(1), kind: z.literal('yearly_date'), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31), yearOffset: z.number().int().min(-1).max(2) }),
  z.object({ ...sourced, id: z.string().min(1), label: z.string().min(1), kind: z.literal('working_days'), days: z.number().int().min(1).max(365) }),
], { error: 'Thời hạn không hợp lệ (kind: yearly_date hoặc working_days)' });

const criteriaList = z.array(criterionSchema).min(1, { error: 'Cần ít nhất một tiêu chí' }).max(50);

export const overrideChangeSchema = z.discriminatedUnion(
  'op',
  [
    z.object({ op: z.literal('set_criteria'), honor: honorCodeSchema, subject: subjectKindSchema, criteria: criteriaList }),
    z.object({ op: z.literal('add_criteria'), honor: honorCodeSchema, subject: subjectKindSchema, criteria: criteriaList }),
    z.object({ op: z.literal('set_quota'), honor: honorCodeSchema, quota: quotaSchema.nullable() }),
    z.object({ op: z.literal('set_coefficient'), honor: honorCodeSchema, subject: subjectKindSchema, coefficient: z.number().positive({ error: 'Hệ số phải lớn hơn 0' }).max(100) }),
    z.object({ op: z.literal('set_deadline'), deadline: deadlineSchema }),
    z.object({ op: z.literal('remove_deadline'), id: z.string().min(1) }),
  ],
  { error: (iss) => `Thao tác ghi đè không hợp lệ: ${JSON.stringify((iss.input as { op?: unknown } | undefined)?.op ?? iss.input)}` },
);

/** Validates the shape of an override (semantic checks against a pack: checkOverride). */
export const ruleOverrideSchema = z
  .object({
    id: z.string({ error: 'Thiếu mã ghi đè (id)' }).min(1, { error: 'Thiếu mã ghi đè (id)' }).max(200),
    version: z.number({ error: 'Phiên bản (version) phải là số nguyên dương' }).int({ error: 'Phiên bản (version) phải là số nguyên dương' }).min(1, { error: 'Phiên bản (version) phải là số nguyên dương' }),
    agency: z.string({ error: 'Thiếu cơ quan ban hành (agency)' }).min(1, { error: 'Thiếu cơ quan ban hành (agency)' }).max(200),
    title: z.string().max(500).optional(),
    basis: z.string().max(500).optional(),
    effectiveFrom: isoDateSchema,
    effectiveTo: isoDateSchema.nullable().optional(),
    regimes: z.array(regimeCodeSchema).min(1).optional(),
    changes: z.array(overrideChangeSchema).min(1, { error: 'Cần ít nhất một thay đổi' }).max(100),
  })
  .superRefine((v, ctx) => {
    if (v.effectiveTo && v.effectiveTo < v.effectiveFrom) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'Ngày hết hiệu lực không thể trước ngày có hiệu lực' });
    }
  });

/** Problems (Vietnamese) that would stop the override from applying to this pack; [] = fine. */
export function checkOverride(pack: RulePack, o: RuleOverride): string[] {
  const out: string[] = [];
  for (const ch of o.changes) {
    if (ch.op === 'set_deadline' || ch.op === 'remove_deadline') continue;
    const rule = pack.honors[ch.honor];
    const name = HONOR_INFO[ch.honor].label;
    if (ch.op === 'set_criteria' || ch.op === 'add_criteria' || ch.op === 'set_coefficient') {
      if (!rule.criteria[ch.subject]) {
        out.push(`${SUBJECT_KIND_LABELS[ch.subject]} không thể được xét ${name}`);
        continue;
      }
    }
    if (ch.op === 'set_criteria' && rule.overridable.criteria !== 'replace') {
      out.push(`Tiêu chuẩn ${name} do pháp luật quy định; cơ quan ${rule.overridable.criteria === 'add' ? 'chỉ được bổ sung (add_criteria), không thay thế' : 'không được thay đổi'}`);
    }
    if (ch.op === 'add_criteria' && rule.overridable.criteria === 'none') {
      out.push(`Tiêu chuẩn ${name} do pháp luật quy định; cơ quan không được thay đổi`);
    }
    if (ch.op === 'set_coefficient') {
      const cur = rule.money[ch.subject];
      if (!rule.overridable.coefficient || !cur) out.push(`Hệ số tiền thưởng ${name} do pháp luật quy định; cơ quan không được thay đổi`);
      else if (cur.isCap && ch.coefficient > cur.coefficient) out.push(`Hệ số tiền thưởng ${name} tối đa ${coef(cur.coefficient)} (${cur.article})`);
    }
  }
  return out;
}

/** Whether the override is in force on `onDate` for the pack's regime. */
export function overrideInForce(o: RuleOverride, regime: Regime, onDate: IsoDate): boolean {
  if (o.effectiveFrom > onDate) return false;
  if (o.effectiveTo && o.effectiveTo < onDate) return false;
  return !o.regimes || o.regimes.includes(regime);
}

/**
 * Merges the overrides in force on `onDate` onto a copy of the pack. For each override id only
 * the highest version in force applies; overrides apply in order of effectiveFrom (later wins).
 * Throws RuleError('override_not_allowed') if an override changes what the law fixes.
 */
export function applyOverrides(pack: RulePack, overrides: readonly RuleOverride[], onDate: IsoDate): RulePack {
  const latest = new Map<string, RuleOverride>();
  for (const o of overrides) {
    if (!overrideInForce(o, pack.regime, onDate)) continue;
    const prev = latest.get(o.id);
    if (!prev || o.version > prev.version) latest.set(o.id, o);
  }
  if (latest.size === 0) return pack;
  const active = [...latest.values()].sort((a, b) =>
    a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );

  const out = structuredClone(pack) as RulePack; // packs are frozen plain data; the copy is not
  for (const o of active) {
    const problems = checkOverride(out, o);
    if (problems.length) throw new RuleError('override_not_allowed', `Ghi đè "${o.id}" (phiên bản ${o.version}) không hợp lệ: ${problems.join('; ')}`);
    for (const ch of o.changes) {
      switch (ch.op) {
        case 'set_criteria':
          out.honors[ch.honor].criteria[ch.subject] = structuredClone(ch.criteria);
          break;
        case 'add_criteria':
          out.honors[ch.honor].criteria[ch.subject] = [...(out.honors[ch.honor].criteria[ch.subject] ?? []), ...structuredClone(ch.criteria)];
          break;
        case 'set_quota':
          out.honors[ch.honor].quota = ch.quota ? { ...ch.quota } : null;
          break;
        case 'set_coefficient': {
          const cur = out.honors[ch.honor].money[ch.subject];
          if (cur) out.honors[ch.honor].money[ch.subject] = { ...cur, coefficient: ch.coefficient, isCap: false, article: o.basis ?? `Quy định của ${o.agency}`, note: `Cơ quan quy định trong mức tối đa ${coef(cur.coefficient)} (${cur.article})` };
          break;
        }
        case 'set_deadline': {
          const i = out.deadlines.findIndex((d) => d.id === ch.deadline.id);
          if (i >= 0) out.deadlines[i] = { ...ch.deadline };
          else out.deadlines.push({ ...ch.deadline });
          break;
        }
        case 'remove_deadline':
          out.deadlines = out.deadlines.filter((d) => d.id !== ch.id);
          break;
      }
    }
    out.appliedOverrides.push(`${o.id}@${o.version}`);
  }
  return out;
}
