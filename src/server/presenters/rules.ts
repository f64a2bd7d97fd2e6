/**
 * The rule engine's answers over HTTP (what-if evaluation, money, the rule-pack viewer) and the
 * agency overrides, as zod schemas (OpenAPI components) and the functions that build them.
 */
import { z } from 'zod';
import { HONORS, HONOR_INFO, REGIMES, SUBJECT_KINDS, type Honor } from '../../shared/codes.js';
import { pipelineViewSchema, ruleOverrideSchema, type PackView, type RuleOverride } from '../rules/index.js';
import type { OverrideRow } from '../repositories/rule-overrides.js';
import { moneySchema, reasonSchema } from './records.js';

export const evaluateResultSchema = z
  .object({
    eligible: z.boolean().nullable().describe('true: đủ; false: chưa đủ; null: thiếu dữ liệu để kết luận'),
    regime: z.enum(REGIMES),
    honor: z.enum(HONORS),
    year: z.number().int(),
    reasons: z.array(reasonSchema),
    money: moneySchema.nullable(),
    appliedOverrides: z.array(z.string()),
  })
  .meta({ id: 'RuleEvaluation' });

const sourced = { article: z.string(), verified: z.boolean(), note: z.string().optional() };

type CriterionViewJson = {
  rule: string;
  kind: string;
  text: string;
  article: string;
  verified: boolean;
  note?: string | undefined;
  params: Record<string, unknown>;
  of?: CriterionViewJson[] | undefined;
};
export const criterionViewSchema: z.ZodType<CriterionViewJson> = z
  .object({
    rule: z.string(),
    kind: z.string(),
    text: z.string(),
    ...sourced,
    params: z.record(z.string(), z.unknown()),
    get of() {
      return z.array(criterionViewSchema).optional();
    },
  })
  .meta({ id: 'CriterionView' });

// What is declared is what the API sends: a field added to the pack view is added here too.
export const honorViewSchema = z
  .looseObject({
    honor: z.enum(HONORS),
    label: z.string(),
    short: z.string(),
    kind: z.enum(['title', 'form']),
    subjects: z.array(
      z.object({
        subject: z.enum(SUBJECT_KINDS),
        label: z.string(),
        criteria: z.array(criterionViewSchema),
        money: z
          .object({
            coefficient: z.number(),
            isCap: z.boolean(),
            ...sourced,
            example: z.object({ asOf: z.string(), baseSalary: z.number(), amount: z.number(), text: z.string() }).nullable(),
          })
          .nullable(),
      }),
    ),
    vote: z.object({ share: z.number(), secretBallot: z.boolean(), text: z.string(), ...sourced }).nullable(),
    quota: z.object({ of: z.enum(HONORS), share: z.number(), rounding: z.string(), text: z.string(), ...sourced }).nullable(),
    authority: z.object({ who: z.array(z.object({ code: z.string(), label: z.string() })), ...sourced }),
    overridable: z.object({ criteria: z.enum(['replace', 'add', 'none']), coefficient: z.boolean() }),
    notes: z.array(z.string()),
    unverifiedCount: z.number().int(),
    overriddenBy: z.array(z.string()).describe('Quy định riêng (id@version) đã thay đổi danh hiệu này'),
  })
  .meta({ id: 'HonorRuleView' });

export const appliedOverrideSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string().nullable(),
  basis: z.string().nullable(),
  agency: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  honors: z.array(z.enum(HONORS)),
});

export const packViewSchema = z
  .looseObject({
    regime: z.enum(REGIMES),
    label: z.string(),
    decisionsFrom: z.string().nullable(),
    decisionsTo: z.string().nullable(),
    asOf: z.string(),
    inForceToday: z.boolean(),
    rounding: z.object({ text: z.string(), ...sourced }),
    baseSalary: z.array(z.object({ from: z.string(), amount: z.number(), ...sourced })),
    deadlines: z.array(z.object({ id: z.string(), label: z.string(), ...sourced })),
    /** What the dossier pipeline reads (documents, notice, step limits, quorum, majority, honor order, authority). */
    pipeline: pipelineViewSchema,
    appliedOverrides: z.array(z.string()),
    overrides: z.array(appliedOverrideSchema),
    honors: z.array(honorViewSchema),
  })
  .meta({ id: 'RulePackView' });

export const ruleOverrideVersionSchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    overrideId: z.string(),
    version: z.number().int(),
    effectiveFrom: z.string(),
    effectiveTo: z.string().nullable(),
    createdAt: z.string(),
    override: ruleOverrideSchema,
  })
  .meta({ id: 'RuleOverrideVersion' });

export const createdOverrideSchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    overrideId: z.string(),
    version: z.number().int(),
    effectiveFrom: z.string(),
    effectiveTo: z.string().nullable(),
    override: ruleOverrideSchema,
    honors: z.array(z.string()).describe('Tên các danh hiệu, hình thức bị thay đổi'),
  })
  .meta({ id: 'CreatedRuleOverride' });

/** Honors each override touches, for marking them in the viewer. */
export function touchedHonors(o: RuleOverride): Set<Honor> {
  const out = new Set<Honor>();
  for (const ch of o.changes) if ('honor' in ch) out.add(ch.honor);
  return out;
}

/** The viewer's pack: the pack with overrides applied, which overrides, and which honors they touch. */
export function presentPackView(view: PackView, asOf: string, inForceToday: boolean, applied: RuleOverride[]): z.infer<typeof packViewSchema> {
  return {
    ...view,
    asOf,
    inForceToday,
    overrides: applied.map((o) => ({
      id: o.id,
      version: o.version,
      title: o.title ?? null,
      basis: o.basis ?? null,
      agency: o.agency,
      effectiveFrom: o.effectiveFrom,
      effectiveTo: o.effectiveTo ?? null,
      honors: [...touchedHonors(o)],
    })),
    honors: view.honors.map((h) => ({ ...h, overriddenBy: applied.filter((o) => touchedHonors(o).has(h.honor)).map((o) => `${o.id}@${o.version}`) })),
  };
}

export function presentOverrideVersion(row: OverrideRow, unitName: string): z.infer<typeof ruleOverrideVersionSchema> {
  return {
    id: row.id,
    unitId: row.unitId,
    unitName,
    overrideId: row.overrideId,
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    createdAt: row.createdAt.toISOString(),
    override: row.body as RuleOverride,
  };
}

export function presentCreatedOverride(row: OverrideRow, o: RuleOverride): z.infer<typeof createdOverrideSchema> {
  return {
    id: row.id,
    unitId: row.unitId,
    overrideId: row.overrideId,
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    override: o,
    honors: [...touchedHonors(o)].map((h) => HONOR_INFO[h].label),
  };
}
