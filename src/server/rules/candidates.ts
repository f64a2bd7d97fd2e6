/**
 * Batch evaluation for a unit and year: many subjects × all honors, plus quota use. Each subject
 * is indexed once and the index is reused for every honor (the expensive part is done once).
 */
import { HONORS, type Honor, type Regime, type SubjectKind } from '../../shared/codes.js';
import { indexSubject, type SubjectIndex, type Tri } from './criteria.js';
import { evaluateIndexed } from './evaluate.js';
import { HONOR_SHORT, honorLabel, percent } from './labels.js';
import { packFor } from './packs/index.js';
import { resolveRegime } from './regimes.js';
import type { IsoDate, QuotaRule, Reason, RulePack, SubjectInput } from './types.js';

export interface CandidateSubject {
  /** Caller's id (person or unit id); echoed back. */
  id: string;
  subject: SubjectInput;
}

export interface CandidatesInput {
  decisionDate: IsoDate;
  year: number;
  regime?: Regime;
  subjects: CandidateSubject[];
  /** Default: every honor; honors a subject kind cannot get are skipped for it. */
  honors?: Honor[];
  /** Build Vietnamese reasons (slower); default false. */
  explain?: boolean;
  /** Pack with agency overrides applied. */
  pack?: RulePack;
}

export interface CandidateOutcome {
  honor: Honor;
  eligible: Tri;
  reasons?: Reason[];
}

export interface CandidateResult {
  id: string;
  kind: SubjectKind;
  outcomes: CandidateOutcome[];
}

export interface HonorSummary {
  honor: Honor;
  eligible: number;
  undetermined: number;
  ineligible: number;
}

export interface QuotaUse {
  honor: Honor;
  of: Honor;
  share: number;
  /** Subjects eligible for (or already holding) `of` in the year. */
  baseCount: number;
  cap: number;
  /** Subjects eligible for (or already holding) the capped honor. */
  candidates: number;
  over: number;
  withinCap: boolean;
  article: string;
  verified: boolean;
  text: string;
}

export interface CandidatesResult {
  regime: Regime;
  year: number;
  results: CandidateResult[];
  summary: HonorSummary[];
  quotas: QuotaUse[];
}

/** Cap from a quota rule: e.g. floor(15% × number of LĐTT) under ND91 Art 9 k3. */
export function quotaCap(rule: QuotaRule, baseCount: number): number {
  const raw = rule.share * baseCount;
  // Guard float noise (0.15 × 20 = 3.0000000000000004) before rounding.
  const clean = Math.round(raw * 1e9) / 1e9;
  return rule.rounding === 'floor' ? Math.floor(clean) : rule.rounding === 'ceil' ? Math.ceil(clean) : Math.round(clean);
}

/** A quota over its cap when a decision is issued: the counts, the cap and the refusal's wording (with the article). */
export interface QuotaBreach {
  honor: Honor;
  of: Honor;
  baseCount: number;
  cap: number;
  count: number;
  article: string;
  text: string;
}

/**
 * Checks the pack's quota of `honor` against decided counts (`count` holders of the honor, `baseCount`
 * of its base, both including the decision being issued): null when the honor has no quota or is within it.
 */
export function quotaBreach(pack: RulePack, honor: Honor, baseCount: number, count: number): QuotaBreach | null {
  const q = pack.honors[honor].quota;
  if (!q) return null;
  const cap = quotaCap(q, baseCount);
  if (count <= cap) return null;
  return {
    honor,
    of: q.of,
    baseCount,
    cap,
    count,
    article: q.article,
    text:
      `danh hiệu ${honorLabel(honor)} không quá ${percent(q.share)} số ${honorLabel(q.of)} (${q.article}): ` +
      `có ${baseCount} ${honorLabel(q.of)} nên tối đa ${cap} ${honorLabel(honor)}, quyết định này đưa lên ${count}`,
  };
}

/** Evaluates all subjects for the honors of a pack and computes quota use. */
export function candidatesFor(input: CandidatesInput): CandidatesResult {
  const pack = input.pack ?? packFor(resolveRegime(input.decisionDate, input.regime));
  const honors = input.honors ?? HONORS;
  const explain = input.explain ?? false;
  const { year } = input;

  const summary = new Map<Honor, HonorSummary>();
  for (const h of honors) summary.set(h, { honor: h, eligible: 0, undetermined: 0, ineligible: 0 });

  // For quotas: count per honor of subjects eligible or already holding it this year.
  const quotaHonors = new Set<Honor>();
  for (const h of honors) {
    const q = pack.honors[h].quota;
    if (q) {
      quotaHonors.add(h);
      quotaHonors.add(q.of);
    }
  }
  const quotaCounts = new Map<Honor, number>();

  const results = new Array<CandidateResult>(input.subjects.length);
  for (let i = 0; i < input.subjects.length; i++) {
    const cs = input.subjects[i] as CandidateSubject;
    const idx = indexSubject(cs.subject);
    const outcomes: CandidateOutcome[] = [];
    for (const h of honors) {
      if (!pack.honors[h].criteria[idx.kind]) continue;
      const { eligible, reasons } = evaluateIndexed(pack, idx, h, year, explain);
      outcomes.push(explain ? { honor: h, eligible, reasons } : { honor: h, eligible });
      const s = summary.get(h);
      if (s) {
        if (eligible === true) s.eligible++;
        else if (eligible === null) s.undetermined++;
        else s.ineligible++;
      }
      if (quotaHonors.has(h) && (eligible === true || holdsInYear(idx, h, year))) quotaCounts.set(h, (quotaCounts.get(h) ?? 0) + 1);
    }
    // The base of a quota may be an honor the caller did not ask for (e.g. only CSTDCS).
    for (const q of quotaHonors) {
      if (honors.includes(q) || !pack.honors[q].criteria[idx.kind]) continue;
      const { eligible } = evaluateIndexed(pack, idx, q, year, false);
      if (eligible === true || holdsInYear(idx, q, year)) quotaCounts.set(q, (quotaCounts.get(q) ?? 0) + 1);
    }
    results[i] = { id: cs.id, kind: idx.kind, outcomes };
  }

  const quotas: QuotaUse[] = [];
  for (const h of honors) {
    const q = pack.honors[h].quota;
    if (!q) continue;
    const baseCount = quotaCounts.get(q.of) ?? 0;
    const cap = quotaCap(q, baseCount);
    const candidates = quotaCounts.get(h) ?? 0;
    const over = Math.max(0, candidates - cap);
    quotas.push({
      honor: h,
      of: q.of,
      share: q.share,
      baseCount,
      cap,
      candidates,
      over,
      withinCap: over === 0,
      article: q.article,
      verified: q.verified,
      text:
        `${HONOR_SHORT[h]} không quá ${percent(q.share)} số ${HONOR_SHORT[q.of]} (${baseCount}): tối đa ${cap}; ` +
        (over === 0 ? `có ${candidates} đủ điều kiện, trong giới hạn` : `có ${candidates} đủ điều kiện, vượt ${over}`),
    });
  }

  return { regime: pack.regime, year, results, summary: [...summary.values()], quotas };
}

function holdsInYear(idx: SubjectIndex, honor: Honor, year: number): boolean {
  return (idx.honors.get(honor)?.get(year) ?? 0) !== 0;
}
