/**
 * The initiative council's score sheet, pure: for each initiative the average of the members who
 * scored (the members present), the spread between them, the members whose total sits far from the
 * others (outliers), the votes, and whether the pass mark, the quorum and the vote threshold are met.
 * The thresholds come in as numbers (from the rubric and the rule pack), never as constants here.
 */

export interface SheetScore {
  personId: string;
  total: number;
  approve: boolean;
}

export interface SheetThresholds {
  totalMembers: number;
  quorumNeeded: number;
  votesNeeded: number;
  passMark: number;
  maxTotal: number;
}

export interface SheetLine {
  scored: number;
  recused: number;
  average: number | null;
  min: number | null;
  max: number | null;
  spread: number | null;
  approvals: number;
  outliers: string[];
  quorumMet: boolean;
  passMarkMet: boolean;
  votesMet: boolean;
  /** Recognisable: quorum, pass mark and votes all met. */
  passes: boolean;
  /** Vietnamese reasons why it does not pass (empty when it passes). */
  shortfalls: string[];
}

/**
 * A member's total is an outlier when it lies further than this share of the rubric's maximum from
 * the median of the other members' totals (a statistical flag for the Office, not a legal rule).
 */
export const OUTLIER_SHARE = 0.2;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function sheetLine(scores: readonly SheetScore[], recused: number, t: SheetThresholds): SheetLine {
  const totals = scores.map((s) => s.total);
  const n = totals.length;
  const average = n ? Math.round((totals.reduce((a, b) => a + b, 0) / n) * 100) / 100 : null;
  const min = n ? Math.min(...totals) : null;
  const max = n ? Math.max(...totals) : null;
  const outliers: string[] = [];
  if (n >= 3) {
    for (const s of scores) {
      const others = scores.filter((o) => o !== s).map((o) => o.total);
      if (Math.abs(s.total - median(others)) > OUTLIER_SHARE * t.maxTotal) outliers.push(s.personId);
    }
  }
  const approvals = scores.filter((s) => s.approve).length;
  const quorumMet = n >= t.quorumNeeded;
  const passMarkMet = average !== null && average >= t.passMark;
  const votesMet = approvals >= t.votesNeeded;
  const shortfalls: string[] = [];
  if (!quorumMet) shortfalls.push(`Chưa đủ số thành viên chấm: ${n}/${t.totalMembers}, cần ít nhất ${t.quorumNeeded}.`);
  if (!passMarkMet) shortfalls.push(`Điểm trung bình ${average ?? 0} chưa đạt điểm sàn ${t.passMark}/${t.maxTotal}.`);
  if (!votesMet) shortfalls.push(`Số thành viên đồng ý công nhận ${approvals}/${t.totalMembers}, cần ít nhất ${t.votesNeeded}.`);
  return {
    scored: n,
    recused,
    average,
    min,
    max,
    spread: min !== null && max !== null ? max - min : null,
    approvals,
    outliers,
    quorumMet,
    passMarkMet,
    votesMet,
    passes: shortfalls.length === 0,
    shortfalls,
  };
}
