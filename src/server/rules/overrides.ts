/**
 * Agency overrides: what the law leaves to a ministry, province or agency (its own Giấy khen and
 * Bằng khen criteria — Law Art 75 k2; local quotas; deadlines; Kỷ niệm chương money within the cap)
 * as versioned objects with effective dates, merged onto a pack without code. Storage is elsewhere.
 */
import { z } from 'zod';
import {
  HONOR_INFO,
  PETITION_KINDS,
  SUBJECT_KIND_LABELS,
  UNIT_KINDS,
  UNIT_KIND_LABELS,
  type Honor,
  type PetitionKind,
  type Regime,
  type SubjectKind,
  type UnitKind,
} from '../../shared/codes.js';
import { DOCUMENT_KINDS, DOSSIER_STATUSES, DOSSIER_STATUS_LABELS, type DossierStatus } from '../../shared/dossiers.js';
import { coef } from './labels.js';
import { commendationTypeSchema, criterionSchema, honorCodeSchema, isoDateSchema, regimeCodeSchema, subjectKindSchema } from './schemas.js';
import {
  AUTHORITIES,
  PUBLIC_NOTICE_DEADLINE_ID,
  RuleError,
  type Authority,
  type Criterion,
  type DeadlineRule,
  type DocumentRequirement,
  type IsoDate,
  type QuotaRule,
  type RulePack,
} from './types.js';

/** A document an agency adds (or replaces, when not required by the law itself). */
export type OverrideDocument = Omit<DocumentRequirement, 'byLaw'>;

export type OverrideChange =
  /** Replace the criteria for a subject kind (only where the law delegates: GK, BK_BO_TINH, KNC). */
  | { op: 'set_criteria'; honor: Honor; subject: SubjectKind; criteria: Criterion[] }
  /** Add stricter criteria on top of the law's (e.g. a ministry's LĐTT details, Law Art 24). */
  | { op: 'add_criteria'; honor: Honor; subject: SubjectKind; criteria: Criterion[] }
  | { op: 'set_quota'; honor: Honor; quota: QuotaRule | null }
  /** Only where the pack marks the coefficient as agency-set (Kỷ niệm chương, up to the cap). */
  | { op: 'set_coefficient'; honor: Honor; subject: SubjectKind; coefficient: number }
  /** The public notice's minimum days is the working-days deadline `cong_khai_truoc_hop`. */
  | { op: 'set_deadline'; deadline: DeadlineRule }
  | { op: 'remove_deadline'; id: string }
  // The dossier pipeline (pack.pipeline): what an agency's own regulation may set.
  /** Add a required document, or replace one the law does not fix (same id). */
  | { op: 'set_document'; document: OverrideDocument }
  | { op: 'remove_document'; id: string }
  /** Nominees for the honor must (not) be posted publicly before the decision. */
  | { op: 'set_public_notice'; honor: Honor; required: boolean }
  | { op: 'set_step_limit'; step: DossierStatus; workingDays: number; label?: string }
  | { op: 'remove_step_limit'; step: DossierStatus }
  /** The council's quorum (its own working rules, e.g. 80% present for award reviews). */
  | { op: 'set_quorum'; share: number }
  /** The vote threshold for honors without their own. */
  | { op: 'set_majority'; share: number; strict: boolean }
  /** The votes the initiative council needs to recognise an initiative (the agency's regulation on initiatives). */
  | { op: 'set_initiative_vote'; share: number; strict: boolean }
  | { op: 'set_honor_rank'; honor: Honor; rank: number }
  | { op: 'set_unit_authority'; unitKind: UnitKind; who: Authority | null }
  /** The agency's time limit for a petition kind (kiến nghị, thắc mắc: its own regulation; khiếu nại, tố cáo: only shorter than the law). */
  | { op: 'set_petition_limit'; kind: PetitionKind; days: number; unit: 'working' | 'calendar' };

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

const deadlineSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      ...sourced,
      id: z.string().min(1),
      label: z.string().min(1),
      kind: z.literal('yearly_date'),
      month: z.number().int().min(1).max(12),
      day: z.number().int().min(1).max(31),
      yearOffset: z.number().int().min(-1).max(2),
    }),
    z.object({ ...sourced, id: z.string().min(1), label: z.string().min(1), kind: z.literal('working_days'), days: z.number().int().min(1).max(365) }),
  ],
  { error: 'Thời hạn không hợp lệ (kind: yearly_date hoặc working_days)' },
);

const share = (what: string) =>
  z
    .number({ error: `${what} phải là số từ 0 đến 1` })
    .gt(0, { error: `${what} phải lớn hơn 0 và không quá 1` })
    .max(1, { error: `${what} phải lớn hơn 0 và không quá 1` });
const workingDays = z
  .number({ error: 'Số ngày làm việc phải là số nguyên từ 1 đến 365' })
  .int({ error: 'Số ngày làm việc phải là số nguyên từ 1 đến 365' })
  .min(1, { error: 'Số ngày làm việc phải là số nguyên từ 1 đến 365' })
  .max(365, { error: 'Số ngày làm việc phải là số nguyên từ 1 đến 365' });
const stepSchema = z.enum(DOSSIER_STATUSES, { error: `Bước xử lý không hợp lệ (hợp lệ: ${DOSSIER_STATUSES.join(', ')})` });
const documentSchema = z.object({
  ...sourced,
  id: z.string({ error: 'Thiếu mã tài liệu (id)' }).min(1, { error: 'Thiếu mã tài liệu (id)' }).max(100),
  kind: z.enum(DOCUMENT_KINDS, { error: `Loại tài liệu không hợp lệ (hợp lệ: ${DOCUMENT_KINDS.join(', ')})` }),
  per: z.enum(['dossier', 'candidate'], { error: 'Tài liệu phải là "dossier" (một bản cho hồ sơ) hoặc "candidate" (mỗi người được đề nghị)' }),
  label: z.string({ error: 'Thiếu tên tài liệu (label)' }).min(1, { error: 'Thiếu tên tài liệu (label)' }).max(300),
  honors: z.array(honorCodeSchema).min(1).optional(),
  exceptTypes: z.array(commendationTypeSchema).min(1).optional(),
});

const criteriaList = z.array(criterionSchema).min(1, { error: 'Cần ít nhất một tiêu chí' }).max(50);

export const overrideChangeSchema = z.discriminatedUnion(
  'op',
  [
    z.object({ op: z.literal('set_criteria'), honor: honorCodeSchema, subject: subjectKindSchema, criteria: criteriaList }),
    z.object({ op: z.literal('add_criteria'), honor: honorCodeSchema, subject: subjectKindSchema, criteria: criteriaList }),
    z.object({ op: z.literal('set_quota'), honor: honorCodeSchema, quota: quotaSchema.nullable() }),
    z.object({
      op: z.literal('set_coefficient'),
      honor: honorCodeSchema,
      subject: subjectKindSchema,
      coefficient: z.number().positive({ error: 'Hệ số phải lớn hơn 0' }).max(100),
    }),
    z.object({ op: z.literal('set_deadline'), deadline: deadlineSchema }),
    z.object({ op: z.literal('remove_deadline'), id: z.string().min(1) }),
    z.object({ op: z.literal('set_document'), document: documentSchema }),
    z.object({ op: z.literal('remove_document'), id: z.string().min(1) }),
    z.object({ op: z.literal('set_public_notice'), honor: honorCodeSchema, required: z.boolean({ error: 'Trường "required" phải là true/false' }) }),
    z.object({ op: z.literal('set_step_limit'), step: stepSchema, workingDays, label: z.string().min(1).max(300).optional() }),
    z.object({ op: z.literal('remove_step_limit'), step: stepSchema }),
    z.object({
      op: z.literal('set_petition_limit'),
      kind: z.enum(PETITION_KINDS, 'Loại đơn không hợp lệ'),
      days: z.number().int().min(1, 'Thời hạn ít nhất 1 ngày').max(90, 'Thời hạn tối đa 90 ngày'),
      unit: z.enum(['working', 'calendar'], 'Cách tính ngày phải là "working" hoặc "calendar"'),
    }),
    z.object({ op: z.literal('set_quorum'), share: share('Tỷ lệ thành viên có mặt') }),
    z.object({
      op: z.literal('set_majority'),
      share: share('Tỷ lệ biểu quyết').min(0.5, { error: 'Tỷ lệ biểu quyết phải từ 50% đến 100% tổng số thành viên' }),
      strict: z.boolean({ error: 'Trường "strict" phải là true/false' }),
    }),
    z.object({
      op: z.literal('set_initiative_vote'),
      share: share('Tỷ lệ biểu quyết công nhận sáng kiến').min(0.5, { error: 'Tỷ lệ biểu quyết phải từ 50% đến 100% tổng số thành viên' }),
      strict: z.boolean({ error: 'Trường "strict" phải là true/false' }),
    }),
    z.object({
      op: z.literal('set_honor_rank'),
      honor: honorCodeSchema,
      rank: z
        .number({ error: 'Thứ bậc phải là số nguyên từ 1 đến 100' })
        .int({ error: 'Thứ bậc phải là số nguyên từ 1 đến 100' })
        .min(1, { error: 'Thứ bậc phải là số nguyên từ 1 đến 100' })
        .max(100, { error: 'Thứ bậc phải là số nguyên từ 1 đến 100' }),
    }),
    z.object({
      op: z.literal('set_unit_authority'),
      unitKind: z.enum(UNIT_KINDS, { error: `Loại đơn vị không hợp lệ (hợp lệ: ${UNIT_KINDS.join(', ')})` }),
      who: z.enum(AUTHORITIES, { error: `Thẩm quyền không hợp lệ (hợp lệ: ${AUTHORITIES.join(', ')})` }).nullable(),
    }),
  ],
  { error: (iss) => `Thao tác ghi đè không hợp lệ: ${JSON.stringify((iss.input as { op?: unknown } | undefined)?.op ?? iss.input)}` },
);

/** Validates the shape of an override (semantic checks against a pack: checkOverride). */
export const ruleOverrideSchema = z
  .object({
    id: z.string({ error: 'Thiếu mã ghi đè (id)' }).min(1, { error: 'Thiếu mã ghi đè (id)' }).max(200),
    version: z
      .number({ error: 'Phiên bản (version) phải là số nguyên dương' })
      .int({ error: 'Phiên bản (version) phải là số nguyên dương' })
      .min(1, { error: 'Phiên bản (version) phải là số nguyên dương' }),
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
    if (isPipelineChange(ch)) {
      const problem = checkPipelineChange(pack, ch);
      if (problem) out.push(problem);
      continue;
    }
    const rule = pack.honors[ch.honor];
    const name = HONOR_INFO[ch.honor].label;
    if (ch.op === 'set_criteria' || ch.op === 'add_criteria' || ch.op === 'set_coefficient') {
      if (!rule.criteria[ch.subject]) {
        out.push(`${SUBJECT_KIND_LABELS[ch.subject]} không thể được xét ${name}`);
        continue;
      }
    }
    if (ch.op === 'set_criteria' && rule.overridable.criteria !== 'replace') {
      out.push(
        `Tiêu chuẩn ${name} do pháp luật quy định; cơ quan ${rule.overridable.criteria === 'add' ? 'chỉ được bổ sung (add_criteria), không thay thế' : 'không được thay đổi'}`,
      );
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

type PipelineChange = Exclude<OverrideChange, { op: 'set_criteria' | 'add_criteria' | 'set_quota' | 'set_coefficient' }>;

function isPipelineChange(ch: OverrideChange): ch is PipelineChange {
  return ch.op !== 'set_criteria' && ch.op !== 'add_criteria' && ch.op !== 'set_quota' && ch.op !== 'set_coefficient';
}

/**
 * '' = allowed; otherwise the Vietnamese problem.
 * What the law fixes (verified documents of Art 84 k1, the honors Art 84 k5 posts, the minimum
 * notice days) may be tightened by an agency, never loosened.
 */
function checkPipelineChange(pack: RulePack, ch: PipelineChange): string {
  switch (ch.op) {
    case 'set_document':
    case 'remove_document': {
      const id = ch.op === 'set_document' ? ch.document.id : ch.id;
      const cur = pack.pipeline.documents.find((d) => d.id === id);
      if (ch.op === 'remove_document' && !cur) return `Không có tài liệu "${id}" trong thành phần hồ sơ để bỏ`;
      if (cur?.byLaw) return `Tài liệu "${cur.label}" do pháp luật quy định (${cur.article}); cơ quan chỉ được bổ sung tài liệu khác`;
      return '';
    }
    case 'set_public_notice': {
      const cur = pack.pipeline.publicNotice.find((n) => n.honor === ch.honor);
      if (!ch.required && cur?.verified) return `${HONOR_INFO[ch.honor].label} phải được công khai theo ${cur.article}; cơ quan không được bỏ`;
      return '';
    }
    case 'set_deadline':
    case 'remove_deadline': {
      const id = ch.op === 'set_deadline' ? ch.deadline.id : ch.id;
      const cur = pack.deadlines.find((d) => d.id === id);
      if (id !== PUBLIC_NOTICE_DEADLINE_ID || !cur?.verified || cur.kind !== 'working_days') return '';
      if (ch.op === 'remove_deadline' || ch.deadline.kind !== 'working_days' || ch.deadline.days < cur.days)
        return `Thời gian công khai ít nhất ${cur.days} ngày làm việc (${cur.article}); cơ quan chỉ được kéo dài`;
      return '';
    }
    case 'remove_step_limit':
      return pack.pipeline.stepLimits.some((s) => s.step === ch.step) ? '' : `Bước "${DOSSIER_STATUS_LABELS[ch.step]}" không có thời hạn để bỏ`;
    case 'set_petition_limit': {
      const cur = pack.pipeline.petitions.limits.find((l) => l.kind === ch.kind);
      if (cur && cur.verified && (ch.unit !== cur.unit || ch.days > cur.days))
        return `Thời hạn giải quyết ${cur.label.toLowerCase()} là ${cur.days} ngày (${cur.article}); cơ quan chỉ được rút ngắn`;
      return '';
    }
    case 'set_step_limit':
    case 'set_quorum':
    case 'set_majority':
    case 'set_initiative_vote':
    case 'set_honor_rank':
    case 'set_unit_authority':
      return '';
  }
}

/** What the agency's own rule is cited as in the merged pack. */
function agencySource(o: RuleOverride): { article: string; verified: boolean; note: string } {
  return { article: o.basis ?? `Quy định của ${o.agency}`, verified: true, note: `Quy định riêng của cơ quan (${o.id}@${o.version})` };
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

  const out = structuredClone<RulePack>(pack); // packs are frozen plain data; the copy is not
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
          if (cur)
            out.honors[ch.honor].money[ch.subject] = {
              ...cur,
              coefficient: ch.coefficient,
              isCap: false,
              article: o.basis ?? `Quy định của ${o.agency}`,
              note: `Cơ quan quy định trong mức tối đa ${coef(cur.coefficient)} (${cur.article})`,
            };
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
        case 'set_document': {
          const doc: DocumentRequirement = { ...structuredClone(ch.document), byLaw: false };
          const i = out.pipeline.documents.findIndex((d) => d.id === doc.id);
          if (i >= 0) out.pipeline.documents[i] = doc;
          else out.pipeline.documents.push(doc);
          break;
        }
        case 'remove_document':
          out.pipeline.documents = out.pipeline.documents.filter((d) => d.id !== ch.id);
          break;
        case 'set_public_notice':
          out.pipeline.publicNotice = out.pipeline.publicNotice.filter((n) => n.honor !== ch.honor);
          if (ch.required) out.pipeline.publicNotice.push({ honor: ch.honor, ...agencySource(o) });
          break;
        case 'set_step_limit': {
          const cur = out.pipeline.stepLimits.find((x) => x.step === ch.step);
          const next = { step: ch.step, workingDays: ch.workingDays, label: ch.label ?? cur?.label ?? DOSSIER_STATUS_LABELS[ch.step], ...agencySource(o) };
          out.pipeline.stepLimits = [...out.pipeline.stepLimits.filter((x) => x.step !== ch.step), next];
          break;
        }
        case 'set_petition_limit': {
          const cur = out.pipeline.petitions.limits.find((x) => x.kind === ch.kind);
          const next = { kind: ch.kind, days: ch.days, unit: ch.unit, label: cur?.label ?? ch.kind, ...agencySource(o) };
          out.pipeline.petitions = { ...out.pipeline.petitions, limits: [...out.pipeline.petitions.limits.filter((x) => x.kind !== ch.kind), next] };
          break;
        }
        case 'remove_step_limit':
          out.pipeline.stepLimits = out.pipeline.stepLimits.filter((x) => x.step !== ch.step);
          break;
        case 'set_quorum':
          out.pipeline.quorum = { share: ch.share, ...agencySource(o) };
          break;
        case 'set_majority':
          out.pipeline.majority = { share: ch.share, strict: ch.strict, ...agencySource(o) };
          break;
        case 'set_initiative_vote':
          out.pipeline.initiativeVote = { share: ch.share, strict: ch.strict, ...agencySource(o) };
          break;
        case 'set_honor_rank':
          out.pipeline.honorOrder = { ...out.pipeline.honorOrder, ranks: { ...out.pipeline.honorOrder.ranks, [ch.honor]: ch.rank }, ...agencySource(o) };
          break;
        case 'set_unit_authority': {
          const next = {
            unitKind: ch.unitKind,
            who: ch.who,
            ...agencySource(o),
            note: `${UNIT_KIND_LABELS[ch.unitKind]}: quy định riêng của cơ quan (${o.id}@${o.version})`,
          };
          out.pipeline.unitAuthority = [...out.pipeline.unitAuthority.filter((u) => u.unitKind !== ch.unitKind), next];
          break;
        }
      }
    }
    out.appliedOverrides.push(`${o.id}@${o.version}`);
  }
  return out;
}
