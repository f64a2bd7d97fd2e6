import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type {
  ClusterRow,
  CriterionRow,
  HeadReportRow,
  MeetingItemRow,
  MeetingRow,
  MemberWithPath,
  PledgeRow,
  ReportRow,
  ScoreRow,
  TaskRow,
} from '../repositories/clusters.js';
import { adjustsMember, clusterAbilities, speaksForMember, type ClusterAdjusterRole, type ClusterFacts } from '../policies/cluster.js';
import {
  CLUSTER_CRITERION_KIND_LABELS,
  CLUSTER_KIND_LABELS,
  CLUSTER_REPORT_PERIODS,
  HONOR_INFO,
  type ClusterCriterionKind,
  type ClusterKind,
  type Honor,
} from '../../shared/codes.js';
import { daysBetween } from '../clock.js';
import { isLate, rankMembers, rankSums, type MemberSums, type MemberTotal } from '../../shared/cluster-scoring.js';

const abilities = z.array(z.string()).describe('Các thao tác tài khoản được làm với cụm, khối này (manage, edit, score, vote)');

export const clusterSummarySchema = z
  .object({
    id: z.uuid(),
    year: z.number().int(),
    kind: z.string(),
    kindLabel: z.string(),
    name: z.string(),
    organiserName: z.string().nullable(),
    memberCount: z.number().int(),
    headName: z.string().nullable(),
    headReportsLate: z
      .array(z.enum(CLUSTER_REPORT_PERIODS))
      .describe('Báo cáo của Trưởng cụm gửi Ban đã quá hạn mà chưa gửi, hoặc gửi sau hạn (h1: 6 tháng, year: năm)'),
    abilities,
  })
  .meta({ id: 'ClusterSummary' });

export const clusterMemberSchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid().nullable().describe('Đơn vị trong hệ thống; null: cơ quan, tổ chức ngoài hệ thống'),
    name: z.string(),
    address: z.string().nullable(),
    contact: z.string().nullable(),
    targets: z.array(z.string()),
    role: z.enum(['head', 'deputy', 'member']),
    mine: z.boolean().describe('Tài khoản đang đăng nhập thuộc thành viên này'),
    checkerMemberId: z.uuid().nullable().describe('Thành viên được phân công chấm chéo thành viên này'),
    mayAdjust: z.boolean().describe('Tài khoản được điều chỉnh điểm của thành viên này (Trưởng cụm, hoặc thành viên chấm chéo)'),
  })
  .meta({ id: 'ClusterMember' });

const leaderSchema = z.object({
  year: z.number().int(),
  electedOn: z.string(),
  head: z.string(),
  deputy: z.string().nullable(),
  note: z.string().nullable(),
});

export const clusterSchema = clusterSummarySchema
  .extend({
    regulation: z.string().nullable(),
    plan: z.string().nullable(),
    scale: z.number().int(),
    reportDueH1: z.string().nullable(),
    reportDueYear: z.string().nullable(),
    headReportDueH1: z.string().nullable().describe('Hạn Trưởng cụm gửi báo cáo 6 tháng tới Ban Thi đua - Khen thưởng'),
    headReportDueYear: z.string().nullable().describe('Hạn Trưởng cụm gửi báo cáo năm tới Ban Thi đua - Khen thưởng'),
    scoringClosed: z.boolean(),
    headMemberId: z.uuid().nullable(),
    deputyMemberId: z.uuid().nullable(),
    members: z.array(clusterMemberSchema),
    leaderHistory: z.array(leaderSchema),
    rotation: z
      .object({ headMemberId: z.uuid().nullable(), deputyMemberId: z.uuid().nullable(), reason: z.string() })
      .describe('Gợi ý luân phiên Trưởng, Phó cụm từ các năm trước'),
    version: z.number().int(),
  })
  .meta({ id: 'Cluster' });

export const clusterPledgeSchema = z
  .object({
    signedDate: z.string().nullable(),
    place: z.string().nullable(),
    commonTargets: z.array(z.string()),
    memberTargets: z.array(z.object({ memberId: z.uuid(), name: z.string(), targets: z.array(z.string()) })),
    scan: z.object({ name: z.string(), mime: z.string(), size: z.number().int() }).nullable(),
    published: z.boolean(),
    publishedAt: z.string().nullable(),
  })
  .meta({ id: 'ClusterPledge' });

const criterionSchema = z.object({
  id: z.uuid(),
  groupName: z.string(),
  title: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  minPoints: z.number(),
  maxPoints: z.number(),
  latePenalty: z.number().nullable(),
});
const scoreSchema = z.object({
  memberId: z.uuid(),
  criterionId: z.uuid(),
  selfPoints: z.number(),
  evidence: z.string().nullable(),
  adjustedPoints: z.number().nullable(),
  adjustReason: z.string().nullable(),
  adjustedAt: z.string().nullable().describe('Thời điểm điều chỉnh'),
  adjustedBy: z
    .object({
      account: z.string().nullable().describe('Tên tài khoản đã điều chỉnh'),
      role: z.enum(['head', 'keeper', 'checker']).nullable(),
      roleLabel: z.string().describe('Trưởng cụm/khối, cơ quan thường trực, hoặc thành viên chấm chéo'),
      memberName: z.string().nullable().describe('Thành viên mà tài khoản đại diện khi điều chỉnh (Trưởng cụm, thành viên chấm chéo)'),
    })
    .nullable()
    .describe('Ai đã điều chỉnh điểm này; null: chưa điều chỉnh'),
});
const rankSchema = z.object({
  memberId: z.uuid(),
  name: z.string(),
  base: z.number(),
  bonus: z.number(),
  minus: z.number(),
  total: z.number(),
  rank: z.number().int(),
  scored: z.number().int(),
  lateReports: z.number().int(),
});
const reportSchema = z.object({ memberId: z.uuid(), period: z.string(), due: z.string().nullable(), submittedOn: z.string().nullable(), late: z.boolean() });

export const clusterScoringSchema = z
  .object({
    scale: z.number().int(),
    closed: z.boolean(),
    maxTotal: z.number().describe('Tổng điểm tối đa của các tiêu chí (không kể điểm thưởng)'),
    criteria: z.array(criterionSchema),
    scores: z.array(scoreSchema),
    reports: z.array(reportSchema),
    ranking: z.array(rankSchema),
    version: z.number().int(),
  })
  .meta({ id: 'ClusterScoring' });

const itemSchema = z.object({
  id: z.uuid(),
  memberId: z.uuid(),
  memberName: z.string(),
  honor: z.string(),
  honorLabel: z.string(),
  voted: z.number().int().describe('Số thành viên đã bỏ phiếu điện tử (không có nội dung phiếu)'),
  paperCounts: z.record(z.string(), z.number()).nullable(),
  result: z.object({ approve: z.number(), reject: z.number(), abstain: z.number(), required: z.number(), passed: z.boolean(), text: z.string() }).nullable(),
  iVoted: z.boolean().describe('Mọi thành viên có mặt mà tài khoản đại diện đã bỏ phiếu cho nội dung này'),
  myVotedMemberIds: z.array(z.uuid()).describe('Các thành viên do tài khoản đại diện đã bỏ phiếu cho nội dung này (từng thành viên một)'),
});
export const clusterMeetingSchema = z
  .object({
    id: z.uuid(),
    heldOn: z.string(),
    place: z.string().nullable(),
    presentMemberIds: z.array(z.uuid()),
    totalMembers: z.number().int(),
    minutes: z.string().nullable(),
    status: z.string(),
    dossierId: z.uuid().nullable(),
    items: z.array(itemSchema),
  })
  .meta({ id: 'ClusterMeeting' });

export const clusterTaskSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    startDate: z.string().nullable(),
    dueDate: z.string(),
    responsibleMemberId: z.uuid().nullable().describe('Thành viên thực hiện; null: mọi thành viên'),
    responsibleName: z.string().nullable(),
    note: z.string().nullable(),
    status: z.enum(['open', 'done', 'cancelled']),
    overdue: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'ClusterTask' });

export const clusterPlanSchema = z
  .object({
    tasks: z.array(clusterTaskSchema),
    headReports: z.array(
      z.object({
        period: z.enum(['h1', 'year']),
        due: z.string().nullable().describe('Hạn gửi Ban (cơ quan thường trực đặt)'),
        sentOn: z.string().nullable(),
        note: z.string().nullable(),
        late: z.boolean().describe('Gửi sau hạn, hoặc đã quá hạn mà chưa gửi'),
        daysLate: z.number().int().describe('Số ngày muộn (đến ngày gửi, hoặc đến hôm nay khi chưa gửi); 0: không muộn'),
      }),
    ),
    abilities: z.array(z.string()).describe('edit: Trưởng cụm sửa kế hoạch, ghi nhận gửi báo cáo; manage: cơ quan thường trực đặt hạn báo cáo của Trưởng cụm'),
  })
  .meta({ id: 'ClusterPlan' });

/** The head's reports against their due dates: late when sent after the due date, or still missing after it. */
export function headReportStates(
  c: Pick<ClusterRow, 'headReportDueH1' | 'headReportDueYear'>,
  reports: Pick<HeadReportRow, 'period' | 'sentOn' | 'note'>[],
  today: string,
) {
  return CLUSTER_REPORT_PERIODS.map((period) => {
    const r = reports.find((x) => x.period === period);
    const due = period === 'h1' ? c.headReportDueH1 : c.headReportDueYear;
    const sentOn = r?.sentOn ?? null;
    const late = isLate(due, sentOn, today);
    return { period, due, sentOn, note: r?.note ?? null, late, daysLate: late && due ? daysBetween(due, sentOn ?? today) : 0 };
  });
}

export function presentPlan(c: ClusterRow, tasks: TaskRow[], reports: HeadReportRow[], members: MemberWithPath[], abilities: string[], today: string) {
  const names = new Map(members.map((m) => [m.id, m.name]));
  return {
    tasks: tasks.map((t) => ({
      id: t.id,
      title: t.title,
      startDate: t.startDate,
      dueDate: t.dueDate,
      responsibleMemberId: t.responsibleMemberId,
      responsibleName: t.responsibleMemberId ? (names.get(t.responsibleMemberId) ?? null) : null,
      note: t.note,
      status: t.status as 'open' | 'done' | 'cancelled',
      overdue: t.status === 'open' && t.dueDate < today,
      version: t.version,
    })),
    headReports: headReportStates(c, reports, today),
    abilities,
  };
}

export type ClusterMemberJson = z.infer<typeof clusterMemberSchema>;

export function presentClusterSummary(
  c: ClusterRow,
  facts: ClusterFacts,
  actor: Actor,
  extra: { memberCount: number; headName: string | null; mine: boolean; headReports: HeadReportRow[]; today: string },
) {
  return {
    id: c.id,
    year: c.year,
    kind: c.kind,
    kindLabel: CLUSTER_KIND_LABELS[c.kind as ClusterKind] ?? c.kind,
    name: c.name,
    organiserName: c.organiserName,
    memberCount: extra.memberCount,
    headName: extra.headName,
    headReportsLate: headReportStates(c, extra.headReports, extra.today)
      .filter((r) => r.late)
      .map((r) => r.period),
    abilities: clusterAbilities(actor, facts, extra.mine),
  };
}

export function presentMember(c: ClusterRow, m: MemberWithPath, actor: Actor, facts: ClusterFacts, members: MemberWithPath[]): ClusterMemberJson {
  const checker = m.checkerMemberId ? (members.find((x) => x.id === m.checkerMemberId) ?? null) : null;
  return {
    id: m.id,
    unitId: m.memberUnitId,
    name: m.name,
    address: m.address,
    contact: m.contact,
    targets: m.targets,
    role: c.headMemberId === m.id ? 'head' : c.deputyMemberId === m.id ? 'deputy' : 'member',
    mine: speaksForMember(actor, m.unitPath),
    checkerMemberId: m.checkerMemberId,
    mayAdjust: !facts.closed && adjustsMember(actor, facts, m, checker),
  };
}

type History = { year: number; electedOn: string; note: string | null; head: string; headKey: string; deputy: string | null; deputyKey: string | null }[];

/**
 * Rotation (HD 1122/BTĐKT-VI: elected in rotation): last year's deputy if it has not led since;
 * otherwise the member that never led, or led longest ago, in the cluster's order. The deputy
 * suggested is the next one in that order.
 */
export function suggestRotation(c: ClusterRow, members: MemberWithPath[], history: History) {
  const past = history.filter((h) => h.year < c.year);
  const lastHeadYear = new Map<string, number>();
  for (const h of past) if (!lastHeadYear.has(h.headKey)) lastHeadYear.set(h.headKey, h.year);
  const order = [...members].sort((a, b) => (lastHeadYear.get(a.memberKey) ?? 0) - (lastHeadYear.get(b.memberKey) ?? 0) || a.sortOrder - b.sortOrder);
  const prevYear = past[0]?.year;
  const prev = past.find((h) => h.year === prevYear);
  const prevDeputy = prev?.deputyKey ? members.find((m) => m.memberKey === prev.deputyKey) : undefined;
  const head = prevDeputy && prev?.headKey !== prevDeputy.memberKey ? prevDeputy : order[0];
  const deputy = order.find((m) => m.id !== head?.id && m.memberKey !== prev?.headKey) ?? null;
  const reason = !head
    ? 'Chưa có thành viên.'
    : head === prevDeputy
      ? `"${head.name}" là Phó cụm năm ${prevYear}: theo luân phiên giữ chức Trưởng cụm.`
      : lastHeadYear.has(head.memberKey)
        ? `"${head.name}" đã lâu nhất chưa làm Trưởng cụm (lần cuối năm ${lastHeadYear.get(head.memberKey)}).`
        : `"${head.name}" chưa làm Trưởng cụm lần nào.`;
  return { headMemberId: head?.id ?? null, deputyMemberId: deputy?.id ?? null, reason };
}

export function presentCluster(
  c: ClusterRow,
  facts: ClusterFacts,
  actor: Actor,
  members: MemberWithPath[],
  history: History,
  headReports: HeadReportRow[],
  today: string,
) {
  const head = members.find((m) => m.id === c.headMemberId);
  const mine = members.some((m) => speaksForMember(actor, m.unitPath));
  return {
    ...presentClusterSummary(c, facts, actor, { memberCount: members.length, headName: head?.name ?? null, mine, headReports, today }),
    regulation: c.regulation,
    plan: c.plan,
    scale: c.scale,
    reportDueH1: c.reportDueH1,
    reportDueYear: c.reportDueYear,
    headReportDueH1: c.headReportDueH1,
    headReportDueYear: c.headReportDueYear,
    scoringClosed: !!c.scoringClosedAt,
    headMemberId: c.headMemberId,
    deputyMemberId: c.deputyMemberId,
    members: members.map((m) => presentMember(c, m, actor, facts, members)),
    leaderHistory: history.map((h) => ({ year: h.year, electedOn: h.electedOn, head: h.head, deputy: h.deputy, note: h.note })),
    rotation: suggestRotation(c, members, history),
    version: c.version,
  };
}

/** A member that does not edit sees the pledge once it is published. */
export function presentPledge(p: PledgeRow | undefined, members: MemberWithPath[], editor: boolean) {
  const visible = !!p && (editor || !!p.publishedAt);
  return {
    signedDate: visible ? p.signedDate : null,
    place: visible ? p.place : null,
    commonTargets: visible ? p.commonTargets : [],
    memberTargets: visible ? members.map((m) => ({ memberId: m.id, name: m.name, targets: m.targets })) : [],
    scan: visible && p.scanName ? { name: p.scanName, mime: p.scanMime ?? 'application/octet-stream', size: p.scanSize ?? 0 } : null,
    published: !!p?.publishedAt,
    publishedAt: p?.publishedAt ? p.publishedAt.toISOString() : null,
  };
}

export interface ScoringInput {
  cluster: ClusterRow;
  members: { id: string; name: string }[];
  criteria: CriterionRow[];
  scores: Pick<ScoreRow, 'memberId' | 'criterionId' | 'selfPoints' | 'adjustedPoints'>[];
  reports: Pick<ReportRow, 'memberId' | 'period' | 'submittedOn'>[];
  today: string;
}

export function lateReportsOf(input: Pick<ScoringInput, 'cluster' | 'members' | 'reports' | 'today'>) {
  const rows: z.infer<typeof reportSchema>[] = [];
  const late = new Map<string, number>();
  const dues = [
    ['h1', input.cluster.reportDueH1],
    ['year', input.cluster.reportDueYear],
  ] as const;
  const byKey = new Map(input.reports.map((r) => [`${r.memberId}|${r.period}`, r]));
  for (const m of input.members)
    for (const [period, due] of dues) {
      const r = byKey.get(`${m.id}|${period}`);
      if (!due && !r) continue;
      const isLateNow = isLate(due, r?.submittedOn ?? null, input.today);
      if (isLateNow) late.set(m.id, (late.get(m.id) ?? 0) + 1);
      rows.push({ memberId: m.id, period, due, submittedOn: r?.submittedOn ?? null, late: isLateNow });
    }
  return { rows, late };
}

export function rankingOf(input: ScoringInput): (MemberTotal & { name: string; lateReports: number })[] {
  const { late } = lateReportsOf(input);
  const names = new Map(input.members.map((m) => [m.id, m.name]));
  return rankMembers(
    input.members.map((m) => m.id),
    input.criteria,
    input.scores,
    late,
  ).map((t) => ({ ...t, name: names.get(t.memberId) ?? '', lateReports: late.get(t.memberId) ?? 0 }));
}

/** What an adjuster acted as, in words (the head's title follows the kind: Trưởng cụm / Trưởng khối). */
function adjusterLabels(c: ClusterRow): Record<ClusterAdjusterRole, string> {
  return { head: `Trưởng ${c.kind === 'cum' ? 'cụm' : 'khối'}`, keeper: 'Cơ quan thường trực', checker: 'Thành viên chấm chéo' };
}

/** Who adjusted a score, as recorded with it (an adjustment from before the record kept its role says only the account). */
function adjusterOf(c: ClusterRow, s: ScoreRow, names: ReadonlyMap<string, string>, members: readonly { id: string; name: string }[]) {
  if (s.adjustedPoints === null) return null;
  const role = (s.adjustedAs as ClusterAdjusterRole | null) ?? null;
  return {
    account: s.adjustedBy ? (names.get(s.adjustedBy) ?? null) : null,
    role,
    roleLabel: role ? adjusterLabels(c)[role] : 'Người điều chỉnh',
    memberName: s.adjustedByMemberId ? (members.find((m) => m.id === s.adjustedByMemberId)?.name ?? null) : null,
  };
}

export function presentScoring(input: Omit<ScoringInput, 'scores'> & { scores: ScoreRow[]; adjusters: ReadonlyMap<string, string> }) {
  const { rows } = lateReportsOf(input);
  return {
    scale: input.cluster.scale,
    closed: !!input.cluster.scoringClosedAt,
    maxTotal: input.criteria.filter((c) => c.kind === 'criterion').reduce((s, c) => s + c.maxPoints, 0),
    criteria: input.criteria.map((c) => ({
      id: c.id,
      groupName: c.groupName,
      title: c.title,
      kind: c.kind,
      kindLabel: CLUSTER_CRITERION_KIND_LABELS[c.kind as ClusterCriterionKind] ?? c.kind,
      minPoints: c.minPoints,
      maxPoints: c.maxPoints,
      latePenalty: c.latePenalty,
    })),
    scores: input.scores.map((s) => ({
      memberId: s.memberId,
      criterionId: s.criterionId,
      selfPoints: s.selfPoints,
      evidence: s.evidence,
      adjustedPoints: s.adjustedPoints,
      adjustReason: s.adjustedPoints === null ? null : s.adjustReason,
      adjustedAt: s.adjustedPoints !== null && s.adjustedAt ? s.adjustedAt.toISOString() : null,
      adjustedBy: adjusterOf(input.cluster, s, input.adjusters, input.members),
    })),
    reports: rows,
    ranking: rankingOf(input),
    version: input.cluster.version,
  };
}

export const clusterYearRankingSchema = z
  .object({
    year: z.number().int(),
    items: z.array(
      z.object({ clusterId: z.uuid(), name: z.string(), kind: z.string(), kindLabel: z.string(), closed: z.boolean(), ranking: z.array(rankSchema) }),
    ),
    total: z.number().int(),
  })
  .meta({ id: 'ClusterYearRanking' });

type YearData = {
  clusters: ClusterRow[];
  members: { id: string; clusterId: string; name: string }[];
  criteria: CriterionRow[];
  sums: (MemberSums & { clusterId: string })[];
  reports: (ScoringInput['reports'][number] & { clusterId: string })[];
};

/** Every cluster's ranking of a year from the rows of `scoringOfYear`, grouped in one pass. */
export function presentYearRanking(year: number, d: YearData, today: string) {
  const group = <T extends { clusterId: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      const list = m.get(r.clusterId);
      if (list) list.push(r);
      else m.set(r.clusterId, [r]);
    }
    return (id: string) => m.get(id) ?? [];
  };
  const members = group(d.members);
  const criteria = group(d.criteria);
  const sums = group(d.sums);
  const reports = group(d.reports);
  const items = d.clusters.map((c) => {
    const ms = members(c.id);
    const { late } = lateReportsOf({ cluster: c, members: ms, reports: reports(c.id), today });
    const summed = new Map(sums(c.id).map((x) => [x.memberId, x]));
    const all = ms.map((m) => summed.get(m.id) ?? { memberId: m.id, base: 0, bonus: 0, minus: 0, scored: 0 });
    const names = new Map(ms.map((m) => [m.id, m.name]));
    return {
      clusterId: c.id,
      name: c.name,
      kind: c.kind,
      kindLabel: CLUSTER_KIND_LABELS[c.kind as ClusterKind] ?? c.kind,
      closed: !!c.scoringClosedAt,
      ranking: rankSums(all, criteria(c.id), late).map((t) => ({ ...t, name: names.get(t.memberId) ?? '', lateReports: late.get(t.memberId) ?? 0 })),
    };
  });
  return { year, items, total: items.length };
}

export function presentMeeting(m: MeetingRow, items: MeetingItemRow[], members: MemberWithPath[], marks: { itemId: string; memberId: string }[], actor: Actor) {
  const names = new Map(members.map((x) => [x.id, x.name]));
  const mine = new Set(members.filter((x) => speaksForMember(actor, x.unitPath)).map((x) => x.id));
  // An account may speak for several members (its unit reaches two member units): each votes on its own.
  const minePresent = m.presentMemberIds.filter((x) => mine.has(x));
  const votedBy = (itemId: string) => marks.filter((k) => k.itemId === itemId && mine.has(k.memberId)).map((k) => k.memberId);
  return {
    id: m.id,
    heldOn: m.heldOn,
    place: m.place,
    presentMemberIds: m.presentMemberIds,
    totalMembers: m.totalMembers,
    minutes: m.minutes,
    status: m.status,
    dossierId: m.dossierId,
    items: items
      .filter((i) => i.meetingId === m.id)
      .map((i) => ({
        id: i.id,
        memberId: i.memberId,
        memberName: names.get(i.memberId) ?? '',
        honor: i.honor,
        honorLabel: HONOR_INFO[i.honor as Honor]?.label ?? i.honor,
        voted: marks.filter((k) => k.itemId === i.id).length,
        paperCounts: i.paperCounts,
        result: (i.result as z.infer<typeof itemSchema>['result']) ?? null,
        iVoted: minePresent.length > 0 && minePresent.every((x) => votedBy(i.id).includes(x)),
        myVotedMemberIds: votedBy(i.id),
      })),
  };
}
