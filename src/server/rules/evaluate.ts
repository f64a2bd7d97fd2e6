/** The evaluator: one honor, one subject, one year → eligible / not / unknown, with reasons. */
import { HONOR_INFO, SUBJECT_KIND_LABELS, type Honor } from '../../shared/codes.js';
import { and, evaluateCriterion, indexSubject, type SubjectIndex, type Tri } from './criteria.js';
import { tryMoney } from './money.js';
import { packFor } from './packs/index.js';
import { resolveRegime } from './regimes.js';
import { RuleError, type EvaluateInput, type EvaluateResult, type Reason, type RulePack } from './types.js';

export interface EvaluateOptions {
  /** A pack with agency overrides applied (applyOverrides); its regime wins over the date. */
  pack?: RulePack;
}

/** "Cá nhân không thể được xét danh hiệu Tập thể lao động tiên tiến". */
export function subjectNotAllowedMessage(subject: keyof typeof SUBJECT_KIND_LABELS, honor: Honor): string {
  const info = HONOR_INFO[honor];
  return `${SUBJECT_KIND_LABELS[subject]} không thể được xét ${info.kind === 'title' ? 'danh hiệu' : 'hình thức'} ${info.label}`;
}

/** Evaluates one honor for one subject; throws RuleError if the subject kind cannot get the honor. */
export function evaluate(input: EvaluateInput, options: EvaluateOptions = {}): EvaluateResult {
  const pack = options.pack ?? packFor(resolveRegime(input.decisionDate, input.regime));
  if (!pack.honors[input.honor].criteria[input.subject.kind]) {
    throw new RuleError('subject_not_allowed', subjectNotAllowedMessage(input.subject.kind, input.honor));
  }
  const { eligible, reasons } = input.posthumous
    ? evaluatePosthumous(pack, indexSubject(input.subject), input.honor, input.year)
    : evaluateIndexed(pack, indexSubject(input.subject), input.honor, input.year, true);
  return {
    eligible,
    regime: pack.regime,
    honor: input.honor,
    year: input.year,
    reasons,
    money: tryMoney(pack, input.honor, input.subject.kind, input.decisionDate),
  };
}

/** Facts that presuppose the person is still employed this year: they do not apply to a deceased person. */
const EMPLOYMENT_FACTS: ReadonlySet<string> = new Set(['moi_tuyen_duoi_10_thang', 'nghi_tu_40_ngay']);

/**
 * Truy tặng: refused when the pack does not allow it for the honor; otherwise the honor's criteria
 * without the checks of current employment (each shown as not applying, with its source).
 */
function evaluatePosthumous(pack: RulePack, idx: SubjectIndex, honor: Honor, year: number): { eligible: Tri; reasons: Reason[] } {
  const rule = pack.honors[honor].posthumous;
  const head: Reason = {
    ok: rule.allowed,
    text: rule.allowed
      ? `Truy tặng ${HONOR_INFO[honor].label}: được phép; không xét các điều kiện đang công tác`
      : `Không đạt: ${HONOR_INFO[honor].label} không truy tặng`,
    rule: `${pack.regime}.${honor}.truy_tang`,
    article: rule.article,
    verified: rule.verified,
  };
  if (!rule.allowed) return { eligible: false, reasons: [head] };
  const criteria = pack.honors[honor].criteria[idx.kind] ?? [];
  const ctx = { pack, year, explain: true, depth: 0 };
  const reasons: Reason[] = [head];
  const oks: Tri[] = [];
  for (const c of criteria) {
    if (c.kind === 'no_fact' && EMPLOYMENT_FACTS.has(c.fact)) {
      reasons.push({ ok: true, text: 'Không áp dụng khi truy tặng (điều kiện đang công tác)', rule: c.rule, article: c.article, verified: c.verified });
      continue;
    }
    const o = evaluateCriterion(c, idx, ctx);
    oks.push(o.ok);
    reasons.push({ ok: o.ok, text: o.text, rule: c.rule, article: c.article, verified: c.verified });
  }
  return { eligible: and(oks), reasons };
}

/**
 * Core evaluation over a pre-built index. With `explain` false no text is built and `reasons`
 * is empty, which is what batch evaluation uses. Returns eligible = null when the subject kind
 * has no criteria for the honor (callers check applicability first).
 */
export function evaluateIndexed(pack: RulePack, idx: SubjectIndex, honor: Honor, year: number, explain: boolean): { eligible: Tri; reasons: Reason[] } {
  const criteria = pack.honors[honor].criteria[idx.kind];
  if (!criteria) return { eligible: null, reasons: [] };
  const ctx = { pack, year, explain, depth: 0 };
  const reasons: Reason[] = [];
  const oks: Tri[] = [];
  for (const c of criteria) {
    const o = evaluateCriterion(c, idx, ctx);
    oks.push(o.ok);
    if (explain) reasons.push({ ok: o.ok, text: o.text, rule: c.rule, article: c.article, verified: c.verified });
  }
  return { eligible: and(oks), reasons };
}
