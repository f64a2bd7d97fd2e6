/**
 * The totals and ranking of a cluster's scoring table (pure). A score counts as the head's
 * adjustment when there is one, else the member's self-score. A minus item with a late penalty is
 * computed: that many points off per late report, down to the item's minimum.
 */
export interface CriterionForScoring {
  id: string;
  kind: string;
  minPoints: number;
  maxPoints: number;
  latePenalty: number | null;
}
export interface ScoreForRanking {
  memberId: string;
  criterionId: string;
  selfPoints: number;
  adjustedPoints: number | null;
}
export interface MemberTotal {
  memberId: string;
  base: number;
  bonus: number;
  minus: number;
  total: number;
  /** 1 for the leader; equal totals share a rank (1, 1, 3). */
  rank: number;
  scored: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function latePoints(c: CriterionForScoring, lateCount: number): number {
  if (c.latePenalty === null || lateCount <= 0) return 0;
  return Math.max(c.minPoints, -c.latePenalty * lateCount);
}

/** A member's sums over the hand-scored items (late-penalty items excluded): from `sumScores`, or summed in SQL. */
export interface MemberSums {
  memberId: string;
  base: number;
  bonus: number;
  minus: number;
  scored: number;
}

/** Sums each member's scores by kind of item (an adjustment replaces the self-score). */
export function sumScores(memberIds: readonly string[], criteria: readonly CriterionForScoring[], scores: readonly ScoreForRanking[]): MemberSums[] {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const sums = new Map<string, MemberSums>(memberIds.map((m) => [m, { memberId: m, base: 0, bonus: 0, minus: 0, scored: 0 }]));
  for (const s of scores) {
    const t = sums.get(s.memberId);
    const c = byId.get(s.criterionId);
    if (!t || !c || c.latePenalty !== null) continue;
    const v = s.adjustedPoints ?? s.selfPoints;
    t.scored++;
    if (c.kind === 'bonus') t.bonus += v;
    else if (c.kind === 'minus') t.minus += v;
    else t.base += v;
  }
  return [...sums.values()];
}

/** Adds the computed late-report penalties to the sums and ranks: equal totals share a rank. */
export function rankSums(sums: readonly MemberSums[], criteria: readonly CriterionForScoring[], lateCounts: ReadonlyMap<string, number>): MemberTotal[] {
  const late = criteria.filter((c) => c.latePenalty !== null);
  const list = sums.map((t) => {
    const minus = t.minus + late.reduce((s, c) => s + latePoints(c, lateCounts.get(t.memberId) ?? 0), 0);
    return { ...t, rank: 0, base: round2(t.base), bonus: round2(t.bonus), minus: round2(minus), total: round2(t.base + t.bonus + minus) };
  });
  list.sort((a, b) => b.total - a.total);
  list.forEach((t, i) => (t.rank = i > 0 && list[i - 1]!.total === t.total ? list[i - 1]!.rank : i + 1));
  return list;
}

export function rankMembers(
  memberIds: readonly string[],
  criteria: readonly CriterionForScoring[],
  scores: readonly ScoreForRanking[],
  lateCounts: ReadonlyMap<string, number>,
): MemberTotal[] {
  return rankSums(sumScores(memberIds, criteria, scores), criteria, lateCounts);
}

/** The bounds a score on this item must respect. */
export function scoreBounds(c: Pick<CriterionForScoring, 'kind' | 'minPoints' | 'maxPoints'>): { min: number; max: number } {
  return c.kind === 'minus' ? { min: c.minPoints, max: 0 } : { min: 0, max: c.maxPoints };
}

/** Reports late at `today`: submitted after the due date, or still missing after it. */
export function isLate(due: string | null, submittedOn: string | null, today: string): boolean {
  if (!due) return false;
  return submittedOn ? submittedOn > due : today > due;
}
