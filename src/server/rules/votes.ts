/** Council vote thresholds: a share of the council's TOTAL membership (ND98 Art 30 k7; ND91 Art 45 k8). */
import type { Honor, Regime } from '../../shared/codes.js';
import { HONOR_SHORT, percent } from './labels.js';
import { packFor } from './packs/index.js';
import { resolveRegime } from './regimes.js';
import type { IsoDate, RulePack } from './types.js';

export interface VoteQuery {
  honor: Honor;
  decisionDate: IsoDate;
  regime?: Regime;
  totalMembers: number;
  approvals: number;
}

export interface VoteOutcome {
  /** null when the pack has no vote threshold for this honor (peer review only). */
  passed: boolean | null;
  required: number | null;
  share: number | null;
  secretBallot: boolean;
  article: string | null;
  verified: boolean;
  text: string;
}

/** Whether `approvals` out of `totalMembers` reaches the threshold for the honor. */
export function voteOutcome(q: VoteQuery, pack?: RulePack): VoteOutcome {
  const p = pack ?? packFor(resolveRegime(q.decisionDate, q.regime));
  const rule = p.honors[q.honor].vote;
  if (!rule) {
    return {
      passed: null,
      required: null,
      share: null,
      secretBallot: false,
      article: null,
      verified: true,
      text: `${HONOR_SHORT[q.honor]}: không có quy định tỷ lệ biểu quyết của Hội đồng`,
    };
  }
  // Ceil with a float guard: 90% of 10 members is exactly 9 votes.
  const required = Math.ceil(Math.round(rule.share * q.totalMembers * 1e9) / 1e9);
  const passed = q.approvals >= required;
  return {
    passed,
    required,
    share: rule.share,
    secretBallot: rule.secretBallot,
    article: rule.article,
    verified: rule.verified,
    text: `${HONOR_SHORT[q.honor]}: cần ${required}/${q.totalMembers} phiếu (từ ${percent(rule.share)} tổng số thành viên Hội đồng${rule.secretBallot ? ', bỏ phiếu kín' : ''}); có ${q.approvals} phiếu → ${passed ? 'đạt' : 'không đạt'}`,
  };
}
