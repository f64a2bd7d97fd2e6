/** Cụm, khối thi đua: the standing body's, the head's and each member's commands. */
import { fileTypeFromBuffer } from 'file-type';
import type { CommandContext } from './run.js';
import type { Executor } from '../db/client.js';
import type { Actor } from '../auth/actor.js';
import {
  clusterNameTaken,
  clusterSealedBallotsOf,
  criteriaOf,
  deleteCriteria,
  deleteMemberOf,
  findMeetingOf,
  findTaskOf,
  findVisibleCluster,
  headReportsOf,
  insertCluster,
  insertClusterSealedBallot,
  insertCriteria,
  insertLeader,
  insertMeeting,
  insertMeetingItems,
  insertMember,
  insertTask,
  itemsOfMeetings,
  markClusterVoted,
  memberInUse,
  membersOf,
  pledgeOf,
  scoresOf,
  setAdjustment,
  setCheckers,
  setItemPaperCounts,
  setItemResult,
  tasksOf,
  unsafeClusterOfMemberKey,
  unsafePreviousOfLineage,
  updateClusterRow,
  updateCriterion,
  updateMeetingRow,
  updateMemberTargets,
  updateTaskAtVersion,
  upsertHeadReport,
  upsertPledge,
  upsertReport,
  upsertSelfScore,
  votedMarksOf,
  type ClusterRow,
  type MeetingRow,
  type MemberWithPath,
  type TaskRow,
} from '../repositories/clusters.js';
import { cancelDeadlines, completeDeadlines, syncDeadlines, type DeadlineSpec } from '../deadlines/register.js';
import { findVisibleUnit, unsafeFindUnit } from '../repositories/units.js';
import { insertDossier, insertDocument } from '../repositories/dossiers.js';
import { insertCandidate } from '../repositories/candidates.js';
import {
  assertAdjusts,
  assertEdits,
  assertManages,
  assertOpen,
  ClusterConflict,
  ClusterHeadNotMember,
  ClusterMemberTaken,
  ClusterQuorumNotMet,
  ClusterScoreInvalid,
  ClusterVoteRefused,
  managesCluster,
  speaksForMember,
  type ClusterFacts,
} from '../policies/cluster.js';
import { badRequest, notFound, StaleVersion } from '../errors.js';
import { daysBetween, now, todayVn } from '../clock.js';
import { normalizeName, foldVietnamese } from '../../shared/vietnamese.js';
import { CLUSTER_KIND_LABELS, CLUSTER_REPORT_PERIODS, HONOR_INFO, type ClusterKind, type ClusterReportPeriod, type Honor } from '../../shared/codes.js';
import { scoreBounds } from '../../shared/cluster-scoring.js';
import { BALLOT_CHOICES, type BallotChoice } from '../../shared/dossiers.js';
import { openBallot, sealBallot } from '../ballots/seal.js';
import { governingPackOfUnit } from '../records/eligibility.js';
import { majorityNeeded, majorityPhrase, quorumNeeded, quorumShortText, type RulePack } from '../rules/index.js';
import { formatDateVi } from '../../shared/format-vi.js';

export interface LoadedCluster {
  cluster: ClusterRow;
  ownerPath: string;
  members: MemberWithPath[];
  facts: ClusterFacts;
}

export function clusterFacts(c: ClusterRow, ownerPath: string, members: MemberWithPath[]): ClusterFacts {
  const head = members.find((m) => m.id === c.headMemberId);
  return { ownerPath, headUnitPath: head?.unitPath ?? null, headOutside: !head || !head.memberUnitId, closed: !!c.scoringClosedAt };
}

/** The cluster in the actor's sight, locked for the command, with its members and policy facts. */
export async function loadCluster(ctx: { tx: Executor; actor: Actor }, id: string, lock = true): Promise<LoadedCluster> {
  const found = await findVisibleCluster(ctx.tx, ctx.actor, id, lock);
  if (!found) throw notFound('Không tìm thấy cụm, khối thi đua.');
  const members = await membersOf(ctx.tx, id);
  return { ...found, members, facts: clusterFacts(found.cluster, found.ownerPath, members) };
}

function memberOf(l: LoadedCluster, memberId: string): MemberWithPath {
  const m = l.members.find((x) => x.id === memberId);
  if (!m) throw notFound('Không tìm thấy thành viên trong cụm, khối này.');
  return m;
}

/** The member the actor speaks for (self-scoring, reports, its ballot). */
function ownMember(ctx: CommandContext, l: LoadedCluster, memberId: string): MemberWithPath {
  const m = memberOf(l, memberId);
  if (!speaksForMember(ctx.actor, m.unitPath)) throw new ClusterConflict(`Tài khoản của bạn không thuộc thành viên "${m.name}".`);
  return m;
}

function checkVersion(c: { version: number }, version: number | undefined): void {
  if (version !== undefined && version !== c.version) throw new StaleVersion('Cụm, khối đã được người khác sửa. Hãy tải lại trang.');
}

const label = (c: ClusterRow) => `${CLUSTER_KIND_LABELS[c.kind as ClusterKind]} "${c.name}" năm ${c.year}`;

// ---- The cluster and its members (the standing body) ----

export interface ClusterInput {
  year: number;
  kind: ClusterKind;
  name: string;
  organiserName?: string | null | undefined;
  regulation?: string | null | undefined;
  plan?: string | null | undefined;
  scale: number;
  reportDueH1?: string | null | undefined;
  reportDueYear?: string | null | undefined;
  /** Due dates of the head's reports to the Ban (the standing body sets them; `setHeadReportDues` later). */
  headReportDueH1?: string | null | undefined;
  headReportDueYear?: string | null | undefined;
  /** Start from a cluster of an earlier year: its members, table and lineage (rotation history). */
  copyFromId?: string | null | undefined;
}

export async function createCluster(ctx: CommandContext, input: ClusterInput): Promise<ClusterRow> {
  const name = normalizeName(input.name);
  if (!name) throw badRequest('Hãy nhập tên cụm, khối thi đua.');
  if (await clusterNameTaken(ctx.tx, ctx.actor.unitId, input.year, name)) throw new ClusterConflict(`Đã có "${name}" năm ${input.year}.`);
  const from = input.copyFromId ? await loadCluster(ctx, input.copyFromId, false) : null;
  if (from && from.cluster.year >= input.year) throw badRequest('Chỉ sao chép từ cụm, khối của một năm trước.');
  const id = crypto.randomUUID();
  const row = await insertCluster(ctx.tx, {
    id,
    unitId: ctx.actor.unitId,
    lineageId: from?.cluster.lineageId ?? id,
    year: input.year,
    kind: input.kind,
    name,
    organiserName: input.organiserName?.trim() || null,
    regulation: input.regulation?.trim() || from?.cluster.regulation || null,
    plan: input.plan?.trim() || null,
    scale: input.scale,
    reportDueH1: input.reportDueH1 ?? null,
    reportDueYear: input.reportDueYear ?? null,
    ...checkHeadReportDues({ h1: input.headReportDueH1 ?? null, year: input.headReportDueYear ?? null }),
  });
  if (from) {
    for (const m of from.members) {
      await addMemberRow(ctx, row, { unitId: m.memberUnitId, name: m.name, address: m.address, contact: m.contact, sortOrder: m.sortOrder });
    }
    const criteria = await criteriaOf(ctx.tx, from.cluster.id);
    await insertCriteria(
      ctx.tx,
      criteria.map(({ id: _id, clusterId: _c, ...c }) => ({ ...c, clusterId: row.id })),
    );
  }
  await syncHeadReportDeadlines(ctx, row);
  await ctx.audit({
    action: 'cluster.created',
    entityType: 'cluster',
    entityId: row.id,
    unitId: row.unitId,
    summary: `Lập ${label(row)}${from ? ` (sao chép từ năm ${from.cluster.year})` : ''}`,
  });
  return row;
}

export async function updateCluster(
  ctx: CommandContext,
  id: string,
  input: Omit<ClusterInput, 'year' | 'kind' | 'copyFromId' | 'headReportDueH1' | 'headReportDueYear'> & { version: number },
) {
  const l = await loadCluster(ctx, id);
  assertEdits(ctx.actor, l.facts);
  checkVersion(l.cluster, input.version);
  const name = normalizeName(input.name);
  if (!name) throw badRequest('Hãy nhập tên cụm, khối thi đua.');
  if (name !== l.cluster.name && (await clusterNameTaken(ctx.tx, l.cluster.unitId, l.cluster.year, name)))
    throw new ClusterConflict(`Đã có "${name}" năm ${l.cluster.year}.`);
  if (input.scale !== l.cluster.scale) assertOpen(l.facts);
  const row = await updateClusterRow(ctx.tx, id, {
    name,
    organiserName: input.organiserName?.trim() || null,
    regulation: input.regulation?.trim() || null,
    plan: input.plan?.trim() || null,
    scale: input.scale,
    reportDueH1: input.reportDueH1 ?? null,
    reportDueYear: input.reportDueYear ?? null,
  });
  await ctx.audit({ action: 'cluster.updated', entityType: 'cluster', entityId: id, unitId: row.unitId, summary: `Sửa ${label(row)}` });
  return row;
}

export interface MemberInput {
  unitId?: string | null | undefined;
  name?: string | null | undefined;
  address?: string | null | undefined;
  contact?: string | null | undefined;
  sortOrder?: number | undefined;
}

async function addMemberRow(ctx: CommandContext, c: ClusterRow, input: MemberInput) {
  let name: string;
  let memberKey: string;
  let memberUnitId: string | null = null;
  if (input.unitId) {
    const u = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
    if (!u) throw notFound('Không tìm thấy đơn vị.');
    if (!u.active) throw badRequest(`Đơn vị "${u.name}" đã ngừng hoạt động.`);
    name = u.name;
    memberKey = `unit:${u.id}`;
    memberUnitId = u.id;
  } else {
    name = normalizeName(input.name ?? '');
    if (!name) throw badRequest('Hãy chọn đơn vị, hoặc nhập tên cơ quan, tổ chức ngoài hệ thống.');
    memberKey = `org:${foldVietnamese(name).toLowerCase()}`;
  }
  const taken = await unsafeClusterOfMemberKey(ctx.tx, c.kind, c.year, memberKey);
  if (taken)
    throw new ClusterMemberTaken(
      `"${name}" đã là thành viên của "${taken.clusterName}" năm ${c.year}: mỗi cơ quan chỉ thuộc một ${CLUSTER_KIND_LABELS[c.kind as ClusterKind].toLowerCase()} trong năm.`,
    );
  return insertMember(ctx.tx, {
    clusterId: c.id,
    year: c.year,
    kind: c.kind,
    memberKey,
    memberUnitId,
    name,
    address: input.address?.trim() || null,
    contact: input.contact?.trim() || null,
    sortOrder: input.sortOrder ?? 0,
  });
}

export async function addClusterMember(ctx: CommandContext, id: string, input: MemberInput) {
  const l = await loadCluster(ctx, id);
  assertManages(ctx.actor, l.facts);
  const m = await addMemberRow(ctx, l.cluster, { ...input, sortOrder: input.sortOrder ?? l.members.length });
  // A member that joins later gets the open tasks meant for every member on its calendar (reminders follow).
  const open = await resyncOpenTasks(ctx, { ...l, members: await membersOf(ctx.tx, id) });
  const tasks = m.memberUnitId ? open.filter((t) => !t.responsibleMemberId) : [];
  await ctx.audit({
    action: 'cluster.member_added',
    entityType: 'cluster',
    entityId: id,
    unitId: l.cluster.unitId,
    summary: `Thêm "${m.name}" vào ${label(l.cluster)}${tasks.length ? `; ${tasks.length} nhiệm vụ đang thực hiện vào lịch thời hạn của thành viên mới` : ''}`,
  });
  return m;
}

export async function removeClusterMember(ctx: CommandContext, id: string, memberId: string): Promise<void> {
  const l = await loadCluster(ctx, id);
  assertManages(ctx.actor, l.facts);
  const m = memberOf(l, memberId);
  if (l.cluster.headMemberId === m.id || l.cluster.deputyMemberId === m.id)
    throw new ClusterConflict(`"${m.name}" đang là Trưởng hoặc Phó cụm: hãy bầu lại trước.`);
  if (await memberInUse(ctx.tx, m.id)) throw new ClusterConflict(`"${m.name}" đã có điểm hoặc được suy tôn: không bớt được.`);
  await deleteMemberOf(ctx.tx, id, memberId);
  // Its rows leave the calendar; a task it carried out alone becomes every member's (the column is set null).
  await resyncOpenTasks(ctx, { ...l, members: l.members.filter((x) => x.id !== memberId) });
  await ctx.audit({
    action: 'cluster.member_removed',
    entityType: 'cluster',
    entityId: id,
    unitId: l.cluster.unitId,
    summary: `Bớt "${m.name}" khỏi ${label(l.cluster)}`,
  });
}

export async function electLeaders(
  ctx: CommandContext,
  id: string,
  input: { headMemberId: string; deputyMemberId?: string | null | undefined; electedOn: string; note?: string | null | undefined },
) {
  const l = await loadCluster(ctx, id);
  assertManages(ctx.actor, l.facts);
  const head = l.members.find((m) => m.id === input.headMemberId);
  if (!head) throw new ClusterHeadNotMember('Trưởng cụm, khối phải là một thành viên của cụm, khối.');
  const deputy = input.deputyMemberId ? l.members.find((m) => m.id === input.deputyMemberId) : null;
  if (input.deputyMemberId && !deputy) throw new ClusterHeadNotMember('Phó cụm, khối phải là một thành viên của cụm, khối.');
  if (deputy && deputy.id === head.id) throw badRequest('Trưởng và Phó cụm, khối phải là hai thành viên khác nhau.');
  await insertLeader(ctx.tx, {
    clusterId: id,
    headMemberId: head.id,
    deputyMemberId: deputy?.id ?? null,
    electedOn: input.electedOn,
    note: input.note?.trim() || null,
    createdBy: ctx.actor.accountId,
  });
  const row = await updateClusterRow(ctx.tx, id, { headMemberId: head.id, deputyMemberId: deputy?.id ?? null });
  // The head's report deadlines move to the new head's unit.
  await syncHeadReportDeadlines(ctx, row, l.members);
  await ctx.audit({
    action: 'cluster.leaders_elected',
    entityType: 'cluster',
    entityId: id,
    unitId: row.unitId,
    summary: `${label(row)}: Trưởng "${head.name}"${deputy ? `, Phó "${deputy.name}"` : ''}`,
  });
  return row;
}

// ---- Pledge (the head) ----

export async function savePledge(
  ctx: CommandContext,
  id: string,
  input: {
    signedDate?: string | null | undefined;
    place?: string | null | undefined;
    commonTargets: string[];
    memberTargets: { memberId: string; targets: string[] }[];
  },
) {
  const l = await loadCluster(ctx, id);
  assertEdits(ctx.actor, l.facts);
  const clean = (a: string[]) => a.map((t) => t.trim()).filter(Boolean);
  for (const mt of input.memberTargets) memberOf(l, mt.memberId);
  const p = await upsertPledge(ctx.tx, id, {
    signedDate: input.signedDate ?? null,
    place: input.place?.trim() || null,
    commonTargets: clean(input.commonTargets),
    updatedAt: now(),
  });
  for (const mt of input.memberTargets) await updateMemberTargets(ctx.tx, id, mt.memberId, clean(mt.targets));
  await ctx.audit({
    action: 'cluster.pledge_saved',
    entityType: 'cluster',
    entityId: id,
    unitId: l.cluster.unitId,
    summary: `Lưu giao ước thi đua ${label(l.cluster)}`,
  });
  return p;
}

const SCAN_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);

export async function attachPledgeScan(ctx: CommandContext, id: string, file: { name: string; data: Buffer }) {
  const l = await loadCluster(ctx, id);
  assertEdits(ctx.actor, l.facts);
  const type = await fileTypeFromBuffer(file.data);
  if (!type || !SCAN_TYPES.has(type.mime)) throw badRequest('Bản giao ước đã ký phải là tệp PDF hoặc ảnh chụp JPEG/PNG (kiểm tra theo nội dung tệp).');
  await upsertPledge(ctx.tx, id, { scan: file.data, scanName: file.name, scanMime: type.mime, scanSize: file.data.length, updatedAt: now() });
  await ctx.audit({
    action: 'cluster.pledge_saved',
    entityType: 'cluster',
    entityId: id,
    unitId: l.cluster.unitId,
    summary: `Tải bản giao ước đã ký "${file.name}" của ${label(l.cluster)}`,
  });
}

export async function publishPledge(ctx: CommandContext, id: string) {
  const l = await loadCluster(ctx, id);
  assertEdits(ctx.actor, l.facts);
  const p = await pledgeOf(ctx.tx, id);
  if (!p?.signedDate) throw badRequest('Hãy ghi ngày ký giao ước trước khi công bố.');
  if (!p.scan) throw badRequest('Hãy tải lên bản giao ước đã ký (bản chụp) trước khi công bố.');
  if (p.publishedAt) throw new ClusterConflict('Giao ước đã được công bố.');
  await upsertPledge(ctx.tx, id, { publishedAt: now() });
  await ctx.audit({
    action: 'cluster.pledge_published',
    entityType: 'cluster',
    entityId: id,
    unitId: l.cluster.unitId,
    summary: `Công bố giao ước thi đua ${label(l.cluster)} tới ${l.members.length} thành viên`,
  });
}

// ---- Scoring table, scores, ranking (the head; each member) ----

export interface CriterionInput {
  id?: string | undefined;
  groupName: string;
  title: string;
  kind: 'criterion' | 'bonus' | 'minus';
  minPoints: number;
  maxPoints: number;
  latePenalty?: number | null | undefined;
}

export async function saveScoringTable(ctx: CommandContext, id: string, input: { scale: number; criteria: CriterionInput[]; version: number }) {
  const l = await loadCluster(ctx, id);
  assertEdits(ctx.actor, l.facts);
  assertOpen(l.facts);
  checkVersion(l.cluster, input.version);
  const errors: string[] = [];
  input.criteria.forEach((c, i) => {
    const n = `Dòng ${i + 1} ("${c.title}")`;
    if (c.kind === 'minus') {
      if (c.minPoints >= 0) errors.push(`${n}: điểm trừ phải có mức trừ tối đa nhỏ hơn 0.`);
      if (c.latePenalty !== null && c.latePenalty !== undefined && c.latePenalty <= 0)
        errors.push(`${n}: số điểm trừ mỗi lần nộp báo cáo muộn phải lớn hơn 0.`);
    } else {
      if (c.maxPoints <= 0) errors.push(`${n}: điểm tối đa phải lớn hơn 0.`);
      if (c.latePenalty) errors.push(`${n}: chỉ mục điểm trừ mới trừ theo báo cáo muộn.`);
    }
  });
  const base = input.criteria.filter((c) => c.kind === 'criterion').reduce((s, c) => s + c.maxPoints, 0);
  if (base > input.scale) errors.push(`Tổng điểm tối đa các tiêu chí là ${base}, vượt thang điểm ${input.scale}.`);
  if (errors.length) throw badRequest(errors.join(' '), { rows: errors });
  const existing = await criteriaOf(ctx.tx, id);
  const known = new Set(existing.map((c) => c.id));
  for (const c of input.criteria) if (c.id && !known.has(c.id)) throw notFound('Tiêu chí không thuộc bảng chấm điểm này.');
  const kept = new Set(input.criteria.map((c) => c.id).filter(Boolean));
  await deleteCriteria(
    ctx.tx,
    id,
    existing.filter((c) => !kept.has(c.id)).map((c) => c.id),
  );
  const values = (c: CriterionInput, i: number) => ({
    groupName: c.groupName.trim(),
    title: c.title.trim(),
    kind: c.kind,
    minPoints: c.kind === 'minus' ? c.minPoints : 0,
    maxPoints: c.kind === 'minus' ? 0 : c.maxPoints,
    latePenalty: c.kind === 'minus' ? (c.latePenalty ?? null) : null,
    sortOrder: i,
  });
  for (const [i, c] of input.criteria.entries()) if (c.id) await updateCriterion(ctx.tx, id, c.id, values(c, i));
  await insertCriteria(
    ctx.tx,
    input.criteria.flatMap((c, i) => (c.id ? [] : [{ ...values(c, i), clusterId: id }])),
  );
  const row = await updateClusterRow(ctx.tx, id, { scale: input.scale });
  await ctx.audit({
    action: 'cluster.table_saved',
    entityType: 'cluster',
    entityId: id,
    unitId: l.cluster.unitId,
    summary: `Lưu bảng chấm điểm ${label(l.cluster)}: ${input.criteria.length} mục, thang ${input.scale} điểm`,
  });
  return row;
}

/** Copies last year's table of the same cluster (lineage) into an empty table. */
export async function copyTableFromLastYear(ctx: CommandContext, id: string) {
  const l = await loadCluster(ctx, id);
  assertEdits(ctx.actor, l.facts);
  assertOpen(l.facts);
  if ((await criteriaOf(ctx.tx, id)).length) throw new ClusterConflict('Bảng chấm điểm đã có tiêu chí: chỉ sao chép vào bảng trống.');
  const prev = await unsafePreviousOfLineage(ctx.tx, l.cluster.lineageId, l.cluster.year);
  if (!prev) throw notFound('Không có bảng chấm điểm của năm trước để sao chép.');
  const criteria = await criteriaOf(ctx.tx, prev.id);
  await insertCriteria(
    ctx.tx,
    criteria.map(({ id: _id, clusterId: _c, ...c }) => ({ ...c, clusterId: id })),
  );
  const row = await updateClusterRow(ctx.tx, id, { scale: prev.scale });
  await ctx.audit({
    action: 'cluster.table_saved',
    entityType: 'cluster',
    entityId: id,
    unitId: l.cluster.unitId,
    summary: `Sao chép bảng chấm điểm năm ${prev.year} (${criteria.length} mục) sang ${label(l.cluster)}`,
  });
  return row;
}

async function criterionFor(ctx: CommandContext, id: string, criterionId: string) {
  const c = (await criteriaOf(ctx.tx, id)).find((x) => x.id === criterionId);
  if (!c) throw notFound('Không tìm thấy tiêu chí trong bảng chấm điểm.');
  return c;
}

function checkPoints(c: { title: string; kind: string; minPoints: number; maxPoints: number; latePenalty: number | null }, points: number) {
  if (c.latePenalty !== null) throw new ClusterScoreInvalid(`"${c.title}" do hệ thống tính theo số báo cáo nộp muộn, không chấm tay.`);
  const b = scoreBounds(c);
  if (points > b.max) throw new ClusterScoreInvalid(`Điểm "${c.title}" là ${points}, vượt mức tối đa ${b.max}.`);
  if (points < b.min) throw new ClusterScoreInvalid(`Điểm "${c.title}" là ${points}, thấp hơn mức tối thiểu ${b.min}.`);
}

export async function selfScore(
  ctx: CommandContext,
  id: string,
  memberId: string,
  entries: { criterionId: string; points: number; evidence?: string | null | undefined }[],
) {
  const l = await loadCluster(ctx, id);
  assertOpen(l.facts);
  // An outside organisation has no account here: the head enters its self-scoring sheet.
  const outside = l.members.find((x) => x.id === memberId && !x.memberUnitId);
  if (outside) assertEdits(ctx.actor, l.facts);
  const m = outside ?? ownMember(ctx, l, memberId);
  const criteria = new Map((await criteriaOf(ctx.tx, id)).map((c) => [c.id, c]));
  for (const e of entries) {
    const c = criteria.get(e.criterionId);
    if (!c) throw notFound('Không tìm thấy tiêu chí trong bảng chấm điểm.');
    checkPoints(c, e.points);
  }
  const at = now();
  for (const e of entries)
    await upsertSelfScore(ctx.tx, { clusterId: id, memberId, criterionId: e.criterionId, selfPoints: e.points, evidence: e.evidence?.trim() || null, at });
  await ctx.audit({
    action: 'cluster.scored',
    entityType: 'cluster',
    entityId: id,
    unitId: l.cluster.unitId,
    summary: `"${m.name}" tự chấm ${entries.length} tiêu chí — ${label(l.cluster)}`,
  });
}

export async function adjustScore(ctx: CommandContext, id: string, memberId: string, input: { criterionId: string; points: number | null; reason: string }) {
  const l = await loadCluster(ctx, id);
  const m = memberOf(l, memberId);
  const checker = m.checkerMemberId ? (l.members.find((x) => x.id === m.checkerMemberId) ?? null) : null;
  const as = assertAdjusts(ctx.actor, l.facts, m, checker);
  assertOpen(l.facts);
  const c = await criterionFor(ctx, id, input.criterionId);
  const reason = input.reason.trim();
  if (!reason) throw badRequest('Hãy ghi lý do điều chỉnh điểm.');
  if (input.points !== null) checkPoints(c, input.points);
  const before = (await scoresOf(ctx.tx, id, memberId)).find((s) => s.criterionId === c.id);
  if (!before) throw new ClusterConflict(`"${m.name}" chưa tự chấm "${c.title}": chưa có điểm để điều chỉnh.`);
  const at = now();
  // The adjuster acts for the head member, or for the cross-checking one (the keeper for no member); null points clears it all.
  const byMember = as === 'head' ? l.cluster.headMemberId : as === 'checker' ? (checker?.id ?? null) : null;
  await setAdjustment(
    ctx.tx,
    input.points === null
      ? {
          memberId,
          criterionId: c.id,
          adjustedPoints: null,
          adjustReason: null,
          adjustedBy: null,
          adjustedAs: null,
          adjustedByMemberId: null,
          adjustedAt: null,
          at,
        }
      : {
          memberId,
          criterionId: c.id,
          adjustedPoints: input.points,
          adjustReason: reason,
          adjustedBy: ctx.actor.accountId,
          adjustedAs: as,
          adjustedByMemberId: byMember,
          adjustedAt: at,
          at,
        },
  );
  await ctx.audit({
    action: 'cluster.score_adjusted',
    entityType: 'cluster',
    entityId: id,
    unitId: l.cluster.unitId,
    summary: `Điều chỉnh điểm "${c.title}" của "${m.name}": ${before.adjustedPoints ?? before.selfPoints} → ${input.points ?? before.selfPoints} (${reason})`,
    before: { points: before.adjustedPoints ?? before.selfPoints },
    after: { points: input.points ?? before.selfPoints, reason },
  });
}

/** The head names, for each member, the member that cross-checks its self-scoring (chấm chéo); null clears it. */
export async function setCrossCheckers(ctx: CommandContext, id: string, assignments: { memberId: string; checkerMemberId: string | null }[]) {
  const l = await loadCluster(ctx, id);
  assertEdits(ctx.actor, l.facts);
  assertOpen(l.facts);
  const seen = new Set<string>();
  for (const a of assignments) {
    const m = memberOf(l, a.memberId);
    if (seen.has(m.id)) throw badRequest(`"${m.name}" được phân công hai lần.`);
    seen.add(m.id);
    if (a.checkerMemberId === null) continue;
    const checker = l.members.find((x) => x.id === a.checkerMemberId);
    if (!checker) throw new ClusterHeadNotMember('Thành viên chấm chéo phải là một thành viên của cụm, khối.');
    if (checker.id === m.id) throw badRequest(`"${m.name}" không tự chấm chéo chính mình.`);
  }
  await setCheckers(ctx.tx, id, assignments);
  const names = new Map(l.members.map((x) => [x.id, x.name]));
  const pairs = assignments.filter((a) => a.checkerMemberId).map((a) => `${names.get(a.checkerMemberId!)} chấm ${names.get(a.memberId)}`);
  await ctx.audit({
    action: 'cluster.checkers_set',
    entityType: 'cluster',
    entityId: id,
    unitId: l.cluster.unitId,
    summary: `Phân công chấm chéo ${label(l.cluster)}: ${pairs.length ? pairs.join('; ') : 'không có'}`,
  });
}

export async function closeScoring(ctx: CommandContext, id: string) {
  const l = await loadCluster(ctx, id);
  assertEdits(ctx.actor, l.facts);
  assertOpen(l.facts);
  const row = await updateClusterRow(ctx.tx, id, { scoringClosedAt: now() });
  await ctx.audit({ action: 'cluster.scoring_closed', entityType: 'cluster', entityId: id, unitId: row.unitId, summary: `Khóa bảng chấm điểm ${label(row)}` });
  return row;
}

export async function submitReport(
  ctx: CommandContext,
  id: string,
  memberId: string,
  input: { period: ClusterReportPeriod; submittedOn?: string | null | undefined; note?: string | null | undefined },
) {
  const l = await loadCluster(ctx, id);
  const m = memberOf(l, memberId);
  const head = (() => {
    try {
      assertEdits(ctx.actor, l.facts);
      return true;
    } catch {
      return false;
    }
  })();
  if (!head) ownMember(ctx, l, memberId);
  assertOpen(l.facts);
  // A member reports today; the head may record the day a paper report arrived.
  const submittedOn = head && input.submittedOn ? input.submittedOn : todayVn();
  await upsertReport(ctx.tx, { clusterId: id, memberId, period: input.period, submittedOn, note: input.note?.trim() || null, createdBy: ctx.actor.accountId });
  await ctx.audit({
    action: 'cluster.report_submitted',
    entityType: 'cluster',
    entityId: id,
    unitId: l.cluster.unitId,
    summary: `Báo cáo ${input.period === 'h1' ? '6 tháng' : 'năm'} của "${m.name}" ngày ${formatDateVi(submittedOn)} — ${label(l.cluster)}`,
  });
}

// ---- The year-end meeting and its secret ballot ----

async function packOf(ctx: CommandContext, c: ClusterRow, date: string): Promise<RulePack> {
  return governingPackOfUnit(ctx.tx, c.unitId, date);
}

async function assertQuorum(ctx: CommandContext, c: ClusterRow, m: MeetingRow): Promise<RulePack> {
  const pack = await packOf(ctx, c, m.heldOn);
  const present = m.presentMemberIds.length;
  if (present < quorumNeeded(pack, m.totalMembers)) throw new ClusterQuorumNotMet(quorumShortText(pack, present, m.totalMembers));
  return pack;
}

export async function createMeeting(
  ctx: CommandContext,
  id: string,
  input: {
    heldOn: string;
    place?: string | null | undefined;
    presentMemberIds: string[];
    items: { memberId: string; honor: Honor }[];
    minutes?: string | null | undefined;
  },
) {
  const l = await loadCluster(ctx, id);
  assertEdits(ctx.actor, l.facts);
  const present = [...new Set(input.presentMemberIds)];
  for (const p of present) memberOf(l, p);
  if (!input.items.length) throw badRequest('Hãy chọn ít nhất một thành viên được suy tôn.');
  for (const it of input.items) {
    memberOf(l, it.memberId);
    if (!HONOR_INFO[it.honor].subjects.includes('collective')) throw badRequest(`${HONOR_INFO[it.honor].label} không dành cho tập thể.`);
  }
  const m = await insertMeeting(ctx.tx, {
    clusterId: id,
    heldOn: input.heldOn,
    place: input.place?.trim() || null,
    presentMemberIds: present,
    totalMembers: l.members.length,
    minutes: input.minutes?.trim() || null,
    createdBy: ctx.actor.accountId,
  });
  await insertMeetingItems(
    ctx.tx,
    input.items.map((it, i) => ({ meetingId: m.id, memberId: it.memberId, honor: it.honor, sortOrder: i })),
  );
  await ctx.audit({
    action: 'cluster.meeting_created',
    entityType: 'cluster',
    entityId: id,
    unitId: l.cluster.unitId,
    summary: `Hội nghị ${label(l.cluster)} ngày ${formatDateVi(input.heldOn)}: ${present.length}/${l.members.length} thành viên có mặt, ${input.items.length} đề nghị suy tôn`,
  });
  return m;
}

async function openMeeting(ctx: CommandContext, l: LoadedCluster, meetingId: string) {
  const m = await findMeetingOf(ctx.tx, l.cluster.id, meetingId, true);
  if (!m) throw notFound('Không tìm thấy hội nghị của cụm, khối.');
  if (m.status !== 'open') throw new ClusterVoteRefused('Hội nghị đã kết thúc bỏ phiếu.');
  return m;
}

/** A present member's secret ballot: one mark (who) and one sealed ballot (what) per item, written separately. */
export async function castClusterBallot(
  ctx: CommandContext,
  id: string,
  meetingId: string,
  memberId: string,
  choices: { itemId: string; choice: BallotChoice }[],
) {
  const l = await loadCluster(ctx, id);
  const member = ownMember(ctx, l, memberId);
  const m = await openMeeting(ctx, l, meetingId);
  await assertQuorum(ctx, l.cluster, m);
  if (!m.presentMemberIds.includes(member.id)) throw new ClusterVoteRefused(`"${member.name}" không có mặt tại hội nghị nên không bỏ phiếu.`);
  const items = new Map((await itemsOfMeetings(ctx.tx, [m.id])).map((i) => [i.id, i]));
  for (const c of choices) if (!items.has(c.itemId)) throw notFound('Không tìm thấy nội dung biểu quyết.');
  for (const c of choices) {
    if (!(await markClusterVoted(ctx.tx, c.itemId, member.id))) throw new ClusterVoteRefused(`"${member.name}" đã bỏ phiếu cho nội dung này.`);
    await insertClusterSealedBallot(ctx.tx, c.itemId, sealBallot(m.id, c.itemId, c.choice));
  }
  await ctx.audit({
    action: 'cluster.voted',
    entityType: 'cluster',
    entityId: id,
    unitId: l.cluster.unitId,
    summary: `"${member.name}" đã bỏ phiếu kín (${choices.length} nội dung) — ${label(l.cluster)}`,
  });
}

/** The head enters the paper ballots' counts (members without an account vote on paper). */
export async function enterClusterPaperBallots(ctx: CommandContext, id: string, meetingId: string, itemId: string, counts: Record<BallotChoice, number>) {
  const l = await loadCluster(ctx, id);
  assertEdits(ctx.actor, l.facts);
  const m = await openMeeting(ctx, l, meetingId);
  await assertQuorum(ctx, l.cluster, m);
  const item = (await itemsOfMeetings(ctx.tx, [m.id])).find((i) => i.id === itemId);
  if (!item) throw notFound('Không tìm thấy nội dung biểu quyết.');
  const online = (await votedMarksOf(ctx.tx, [itemId])).length;
  const paper = BALLOT_CHOICES.reduce((s, c) => s + counts[c], 0);
  if (online + paper > m.presentMemberIds.length)
    throw badRequest(`Số phiếu (${online} phiếu điện tử + ${paper} phiếu giấy) vượt số thành viên có mặt (${m.presentMemberIds.length}).`);
  await setItemPaperCounts(ctx.tx, itemId, counts);
  await ctx.audit({
    action: 'cluster.paper_ballots',
    entityType: 'cluster',
    entityId: id,
    unitId: l.cluster.unitId,
    summary: `Nhập ${paper} phiếu giấy — ${label(l.cluster)}`,
  });
}

export interface ItemResult {
  approve: number;
  reject: number;
  abstain: number;
  required: number;
  passed: boolean;
  text: string;
}

/** Closes the vote: opens the sealed ballots, adds the paper counts, applies the majority of the governing pack. */
export async function closeClusterMeeting(ctx: CommandContext, id: string, meetingId: string, input: { minutes?: string | null | undefined }) {
  const l = await loadCluster(ctx, id);
  assertEdits(ctx.actor, l.facts);
  const m = await openMeeting(ctx, l, meetingId);
  const pack = await assertQuorum(ctx, l.cluster, m);
  const required = majorityNeeded(pack, m.totalMembers);
  const items = await itemsOfMeetings(ctx.tx, [m.id]);
  const names = new Map(l.members.map((x) => [x.id, x.name]));
  const lines: string[] = [];
  for (const it of items) {
    const counts: Record<BallotChoice, number> = { approve: 0, reject: 0, abstain: 0 };
    for (const s of await clusterSealedBallotsOf(ctx.tx, it.id)) {
      const choice = openBallot(m.id, it.id, s);
      if (choice) counts[choice]++;
    }
    for (const c of BALLOT_CHOICES) counts[c] += it.paperCounts?.[c] ?? 0;
    const passed = counts.approve >= required;
    const text = `${counts.approve}/${m.totalMembers} thành viên đồng ý (cần ${majorityPhrase(pack)}: ${required}) — ${passed ? 'đạt' : 'không đạt'}`;
    const result: ItemResult = { ...counts, required, passed, text };
    await setItemResult(ctx.tx, it.id, result);
    lines.push(`${names.get(it.memberId) ?? ''} — ${HONOR_INFO[it.honor as Honor].label}: ${text}`);
  }
  const minutes = input.minutes?.trim() || m.minutes || null;
  const row = await updateMeetingRow(ctx.tx, m.id, { status: 'closed', closedAt: now(), minutes });
  await ctx.audit({
    action: 'cluster.meeting_closed',
    entityType: 'cluster',
    entityId: id,
    unitId: l.cluster.unitId,
    summary: `Kết quả bỏ phiếu hội nghị ${label(l.cluster)}: ${lines.join('; ')}`,
  });
  return row;
}

/**
 * The head's Tờ trình: a dossier of the head member's unit to the standing body, with the
 * members voted through as collective candidates and the minutes with the vote, then submitted
 * through the dossier pipeline by the head's clerk like any unit's dossier.
 */
export async function proposeFromMeeting(ctx: CommandContext, id: string, meetingId: string) {
  const l = await loadCluster(ctx, id);
  assertEdits(ctx.actor, l.facts);
  const m = await findMeetingOf(ctx.tx, id, meetingId, true);
  if (!m) throw notFound('Không tìm thấy hội nghị của cụm, khối.');
  if (m.status !== 'closed') throw new ClusterConflict('Hãy kết thúc bỏ phiếu trước khi lập Tờ trình.');
  if (m.dossierId) throw new ClusterConflict('Tờ trình của hội nghị này đã được lập.');
  const head = l.members.find((x) => x.id === l.cluster.headMemberId);
  if (!head?.memberUnitId)
    throw new ClusterConflict('Trưởng cụm, khối là cơ quan ngoài hệ thống: Tờ trình được gửi bằng văn bản, không lập hồ sơ trên hệ thống.');
  const headUnit = await unsafeFindUnit(ctx.tx, head.memberUnitId);
  if (!headUnit || headUnit.id === l.cluster.unitId)
    throw new ClusterConflict('Đơn vị Trưởng cụm là cơ quan thường trực: Tờ trình được trình trực tiếp, không qua hồ sơ đơn vị.');
  const passed = (await itemsOfMeetings(ctx.tx, [m.id])).filter((i) => (i.result as ItemResult | null)?.passed);
  if (!passed.length) throw new ClusterConflict('Không có thành viên nào được suy tôn đạt số phiếu cần thiết.');
  const at = now();
  const title = `Tờ trình đề nghị khen thưởng của ${l.cluster.name} năm ${l.cluster.year}`;
  const d = await insertDossier(ctx.tx, {
    unitId: headUnit.id,
    receiverUnitId: l.cluster.unitId,
    type: 'cong_trang',
    year: l.cluster.year,
    title,
    summary: `Đề nghị của ${CLUSTER_KIND_LABELS[l.cluster.kind as ClusterKind].toLowerCase()} theo kết quả bỏ phiếu kín tại hội nghị ngày ${formatDateVi(m.heldOn)}.`,
    createdBy: ctx.actor.accountId,
    stepStartedAt: at,
    createdAt: at,
    updatedAt: at,
  });
  const names = new Map(l.members.map((x) => [x.id, x]));
  const voteLines: string[] = [];
  for (const [i, it] of passed.entries()) {
    const mem = names.get(it.memberId)!;
    const r = it.result as ItemResult;
    voteLines.push(`${mem.name} — ${HONOR_INFO[it.honor as Honor].label}: ${r.text}`);
    await insertCandidate(ctx.tx, {
      dossierId: d.id,
      subjectKind: 'collective',
      subjectUnitId: mem.memberUnitId,
      displayName: mem.name,
      positionText: mem.address,
      proposedHonor: it.honor,
      honor: it.honor,
      achievement: `Được hội nghị tổng kết ${l.cluster.name} năm ${l.cluster.year} suy tôn: ${r.text}.`,
      subjectData: mem.memberUnitId ? null : { outsideOrganisation: mem.name, address: mem.address, contact: mem.contact },
      sortOrder: i,
    });
  }
  await insertDocument(ctx.tx, {
    dossierId: d.id,
    kind: 'to_trinh',
    title,
    content: `${head.name}, Trưởng ${l.cluster.name} năm ${l.cluster.year}, kính trình Thường trực Hội đồng Thi đua - Khen thưởng xem xét, đề nghị khen thưởng:\n${voteLines.join('\n')}`,
    createdBy: ctx.actor.accountId,
  });
  await insertDocument(ctx.tx, {
    dossierId: d.id,
    kind: 'bien_ban_hop_xet',
    title: `Biên bản hội nghị tổng kết ${l.cluster.name} ngày ${formatDateVi(m.heldOn)}`,
    content: m.minutes ?? `Có mặt ${m.presentMemberIds.length}/${m.totalMembers} thành viên. Kết quả bỏ phiếu kín:\n${voteLines.join('\n')}`,
    voteResult: voteLines.join('; '),
    createdBy: ctx.actor.accountId,
  });
  await updateMeetingRow(ctx.tx, m.id, { dossierId: d.id });
  await ctx.audit({
    action: 'cluster.proposal_sent',
    entityType: 'cluster',
    entityId: id,
    unitId: l.cluster.unitId,
    summary: `Lập Tờ trình "${title}" (${passed.length} đề nghị) thành hồ sơ của "${headUnit.name}"`,
  });
  await ctx.audit({
    action: 'dossier.created',
    entityType: 'dossier',
    entityId: d.id,
    unitId: d.unitId,
    summary: `Tạo hồ sơ "${title}" từ hội nghị cụm, khối`,
  });
  return d;
}

// ---- The plan's dated tasks (in the one deadline calendar) and the head's reports to the Ban ----

export interface TaskInput {
  title: string;
  startDate?: string | null | undefined;
  dueDate: string;
  responsibleMemberId?: string | null | undefined;
  note?: string | null | undefined;
}

/**
 * The calendar rows of a task: one per installation unit that must act (every member, or the one
 * responsible), owned by that unit so its clerk sees it and the standing body above sees them all;
 * the keeper's own row when no member of the installation is concerned.
 */
function taskDeadlines(l: LoadedCluster, t: TaskRow): DeadlineSpec[] {
  const concerned = l.members.filter((m) => m.memberUnitId && (!t.responsibleMemberId || m.id === t.responsibleMemberId));
  const base = {
    sourceType: 'cluster_task',
    sourceId: t.id,
    kind: 'task' as const,
    title: `${l.cluster.name}: ${t.title}`,
    dueDate: t.dueDate,
    note: t.note,
    link: `/cum-khoi/${l.cluster.id}`,
  };
  if (!concerned.length) return [{ ...base, key: 'cluster', unitId: l.cluster.unitId }];
  return concerned.map((m) => ({ ...base, key: `member:${m.id}`, unitId: m.memberUnitId!, responsibleUnitId: m.memberUnitId }));
}

/** Re-registers the calendar rows of every open task for the members as they are now; answers those tasks. */
async function resyncOpenTasks(ctx: CommandContext, l: LoadedCluster): Promise<TaskRow[]> {
  const open = (await tasksOf(ctx.tx, l.cluster.id)).filter((t) => t.status === 'open');
  for (const t of open) await syncDeadlines(ctx.tx, 'cluster_task', t.id, taskDeadlines(l, t));
  return open;
}

function checkTask(l: LoadedCluster, input: TaskInput): { title: string } {
  const title = input.title.trim();
  if (!title) throw badRequest('Hãy nhập nội dung nhiệm vụ.');
  if (input.startDate && input.startDate > input.dueDate) throw badRequest('Ngày bắt đầu phải trước hạn hoàn thành.');
  if (!input.dueDate.startsWith(String(l.cluster.year)) && !input.dueDate.startsWith(String(l.cluster.year + 1)))
    throw badRequest(`Hạn hoàn thành phải trong năm ${l.cluster.year} (hoặc đầu năm ${l.cluster.year + 1}).`);
  if (input.responsibleMemberId) memberOf(l, input.responsibleMemberId);
  return { title };
}

const taskSummary = (t: TaskRow) => `"${t.title}" (hạn ${formatDateVi(t.dueDate)})`;

export async function createClusterTask(ctx: CommandContext, id: string, input: TaskInput): Promise<TaskRow> {
  const l = await loadCluster(ctx, id);
  assertEdits(ctx.actor, l.facts);
  const { title } = checkTask(l, input);
  const t = await insertTask(ctx.tx, {
    clusterId: id,
    title,
    startDate: input.startDate ?? null,
    dueDate: input.dueDate,
    responsibleMemberId: input.responsibleMemberId ?? null,
    note: input.note?.trim() || null,
  });
  await syncDeadlines(ctx.tx, 'cluster_task', t.id, taskDeadlines(l, t));
  await ctx.audit({
    action: 'cluster.task_created',
    entityType: 'cluster',
    entityId: id,
    unitId: l.cluster.unitId,
    summary: `Thêm nhiệm vụ ${taskSummary(t)} vào kế hoạch ${label(l.cluster)}`,
  });
  return t;
}

async function taskOf(ctx: CommandContext, l: LoadedCluster, taskId: string, version: number) {
  const t = await findTaskOf(ctx.tx, l.cluster.id, taskId);
  if (!t) throw notFound('Không tìm thấy nhiệm vụ trong kế hoạch của cụm, khối.');
  if (t.version !== version) throw new StaleVersion('Nhiệm vụ đã được người khác sửa. Hãy tải lại trang.');
  return t;
}

async function writeTask(ctx: CommandContext, t: TaskRow, set: Parameters<typeof updateTaskAtVersion>[3]): Promise<TaskRow> {
  const row = await updateTaskAtVersion(ctx.tx, t.id, t.version, set);
  if (!row) throw new StaleVersion('Nhiệm vụ đã được người khác sửa. Hãy tải lại trang.');
  return row;
}

export async function updateClusterTask(ctx: CommandContext, id: string, taskId: string, input: TaskInput & { version: number }): Promise<TaskRow> {
  const l = await loadCluster(ctx, id);
  assertEdits(ctx.actor, l.facts);
  const t = await taskOf(ctx, l, taskId, input.version);
  if (t.status !== 'open') throw new ClusterConflict(`Nhiệm vụ ${taskSummary(t)} đã ${t.status === 'done' ? 'hoàn thành' : 'hủy'}: không sửa được.`);
  const { title } = checkTask(l, input);
  const row = await writeTask(ctx, t, {
    title,
    startDate: input.startDate ?? null,
    dueDate: input.dueDate,
    responsibleMemberId: input.responsibleMemberId ?? null,
    note: input.note?.trim() || null,
  });
  await syncDeadlines(ctx.tx, 'cluster_task', t.id, taskDeadlines(l, row));
  await ctx.audit({
    action: 'cluster.task_updated',
    entityType: 'cluster',
    entityId: id,
    unitId: l.cluster.unitId,
    summary: `Sửa nhiệm vụ ${taskSummary(t)} → ${taskSummary(row)} — ${label(l.cluster)}`,
    before: { title: t.title, dueDate: t.dueDate },
    after: { title: row.title, dueDate: row.dueDate },
  });
  return row;
}

/** Done: reminders stop, the task stays on the calendar as done. Cancelled: its deadlines leave the calendar. */
export async function closeClusterTask(ctx: CommandContext, id: string, taskId: string, input: { version: number; outcome: 'done' | 'cancelled' }) {
  const l = await loadCluster(ctx, id);
  assertEdits(ctx.actor, l.facts);
  const t = await taskOf(ctx, l, taskId, input.version);
  if (t.status !== 'open') throw new ClusterConflict(`Nhiệm vụ ${taskSummary(t)} đã ${t.status === 'done' ? 'hoàn thành' : 'hủy'}.`);
  const row = await writeTask(ctx, t, { status: input.outcome });
  if (input.outcome === 'done') await completeDeadlines(ctx.tx, 'cluster_task', t.id);
  else await cancelDeadlines(ctx.tx, 'cluster_task', t.id);
  await ctx.audit({
    action: input.outcome === 'done' ? 'cluster.task_done' : 'cluster.task_cancelled',
    entityType: 'cluster',
    entityId: id,
    unitId: l.cluster.unitId,
    summary: `${input.outcome === 'done' ? 'Hoàn thành' : 'Hủy'} nhiệm vụ ${taskSummary(t)} — ${label(l.cluster)}`,
  });
  return row;
}

/** The head sends its 6-month or year report to the Ban TĐKT (the document is `headReportDocx`); the day is today. */
export async function sendHeadReport(ctx: CommandContext, id: string, input: { period: ClusterReportPeriod; note?: string | null | undefined }) {
  const l = await loadCluster(ctx, id);
  assertEdits(ctx.actor, l.facts);
  if (!l.cluster.headMemberId) throw new ClusterConflict('Cụm, khối chưa bầu Trưởng: chưa gửi được báo cáo.');
  const sentOn = todayVn();
  await upsertHeadReport(ctx.tx, { clusterId: id, period: input.period, sentOn, note: input.note?.trim() || null, createdBy: ctx.actor.accountId });
  await syncHeadReportDeadlines(ctx, l.cluster, l.members);
  const due = input.period === 'h1' ? l.cluster.headReportDueH1 : l.cluster.headReportDueYear;
  await ctx.audit({
    action: 'cluster.head_report_sent',
    entityType: 'cluster',
    entityId: id,
    unitId: l.cluster.unitId,
    summary: `Trưởng ${label(l.cluster)} gửi báo cáo ${input.period === 'h1' ? '6 tháng' : 'năm'} ngày ${formatDateVi(sentOn)}${
      due ? (sentOn > due ? ` (muộn ${daysBetween(due, sentOn)} ngày so với hạn ${formatDateVi(due)})` : ` (hạn ${formatDateVi(due)})`) : ''
    }`,
  });
}

const PERIOD_WORDS: Record<ClusterReportPeriod, string> = { h1: '6 tháng', year: 'năm' };

function checkHeadReportDues(d: { h1: string | null; year: string | null }) {
  if (d.h1 && d.year && d.h1 > d.year) throw badRequest('Hạn báo cáo 6 tháng của Trưởng cụm, khối phải trước hạn báo cáo năm.');
  return { headReportDueH1: d.h1, headReportDueYear: d.year };
}

/**
 * The head's reports to the Ban on the one deadline calendar: owned by the head member's unit (its
 * clerk is reminded; the standing body above sees it), by the keeper while the head is outside the
 * installation or not elected; done once sent.
 */
async function syncHeadReportDeadlines(ctx: CommandContext, c: ClusterRow, members?: MemberWithPath[]): Promise<void> {
  const head = (members ?? (await membersOf(ctx.tx, c.id))).find((m) => m.id === c.headMemberId);
  const sent = new Map((await headReportsOf(ctx.tx, c.id)).map((r) => [r.period, r]));
  const who = `Trưởng ${c.kind === 'cum' ? 'cụm' : 'khối'}`;
  const specs: DeadlineSpec[] = [];
  for (const period of CLUSTER_REPORT_PERIODS) {
    const due = period === 'h1' ? c.headReportDueH1 : c.headReportDueYear;
    if (!due) continue;
    specs.push({
      sourceType: 'cluster_head_report',
      sourceId: c.id,
      key: period,
      kind: 'report',
      title: `${c.name}: ${who} gửi báo cáo ${PERIOD_WORDS[period]} tới Ban Thi đua - Khen thưởng`,
      dueDate: due,
      unitId: head?.memberUnitId ?? c.unitId,
      responsibleUnitId: head?.memberUnitId ?? null,
      link: `/cum-khoi/${c.id}`,
      status: sent.has(period) ? 'done' : 'open',
    });
  }
  await syncDeadlines(ctx.tx, 'cluster_head_report', c.id, specs);
}

/** The standing body sets (or clears) the due dates of the head's 6-month and year reports to the Ban TĐKT. */
export async function setHeadReportDues(ctx: CommandContext, id: string, input: { h1: string | null; year: string | null; version: number }) {
  const l = await loadCluster(ctx, id);
  if (!managesCluster(ctx.actor, l.facts))
    throw new ClusterConflict('Chỉ cơ quan thường trực theo dõi cụm, khối mới đặt hạn báo cáo của Trưởng cụm, khối gửi Ban Thi đua - Khen thưởng.');
  checkVersion(l.cluster, input.version);
  const row = await updateClusterRow(ctx.tx, id, checkHeadReportDues(input));
  await syncHeadReportDeadlines(ctx, row, l.members);
  const show = (d: string | null) => (d ? formatDateVi(d) : 'không đặt');
  await ctx.audit({
    action: 'cluster.head_report_dues_set',
    entityType: 'cluster',
    entityId: id,
    unitId: l.cluster.unitId,
    summary: `Hạn báo cáo của Trưởng ${label(row)} gửi Ban: 6 tháng ${show(row.headReportDueH1)}, năm ${show(row.headReportDueYear)}`,
    before: { h1: l.cluster.headReportDueH1, year: l.cluster.headReportDueYear },
    after: { h1: row.headReportDueH1, year: row.headReportDueYear },
  });
  return row;
}
