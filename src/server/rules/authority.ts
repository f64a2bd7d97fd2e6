/** Who may decide an honor (Law Art 80; ND129/2025 Art 59 — legal-rules.md §4.4), per regime. */
import { HONOR_INFO, type Honor, type Regime } from '../../shared/codes.js';
import { packFor } from './packs/index.js';
import { resolveRegime } from './regimes.js';
import { AUTHORITY_LABELS, type Authority, type AuthorityRule, type IsoDate, type RulePack } from './types.js';

export interface AuthorityQuery {
  honor: Honor;
  decisionDate: IsoDate;
  regime?: Regime;
}

/** The authority rule for an honor in the regime of the decision date. */
export function authorityFor(q: AuthorityQuery, pack?: RulePack): AuthorityRule {
  return (pack ?? packFor(resolveRegime(q.decisionDate, q.regime))).honors[q.honor].authority;
}

/** Whether `who` may sign the decision; `text` explains it in Vietnamese. */
export function mayDecide(q: AuthorityQuery & { who: Authority }, pack?: RulePack): { allowed: boolean; text: string; article: string; verified: boolean } {
  const rule = authorityFor(q, pack);
  const allowed = rule.who.includes(q.who);
  const name = HONOR_INFO[q.honor].label;
  return {
    allowed,
    article: rule.article,
    verified: rule.verified,
    text: allowed
      ? `${AUTHORITY_LABELS[q.who]} có thẩm quyền quyết định tặng ${name}`
      : `${AUTHORITY_LABELS[q.who]} không có thẩm quyền quyết định tặng ${name}; thẩm quyền: ${rule.who.map((w) => AUTHORITY_LABELS[w]).join('; ')}`,
  };
}
