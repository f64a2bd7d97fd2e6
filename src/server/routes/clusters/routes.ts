import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { runCommand } from '../../commands/run.js';
import {
  addClusterMember,
  adjustScore,
  attachPledgeScan,
  castClusterBallot,
  closeClusterMeeting,
  closeClusterTask,
  createClusterTask,
  sendHeadReport,
  setCrossCheckers,
  setHeadReportDues,
  updateClusterTask,
  closeScoring,
  clusterFacts,
  copyTableFromLastYear,
  createCluster,
  createMeeting,
  electLeaders,
  enterClusterPaperBallots,
  loadCluster,
  proposeFromMeeting,
  publishPledge,
  removeClusterMember,
  saveScoringTable,
  savePledge,
  selfScore,
  submitReport,
  updateCluster,
} from '../../commands/clusters.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import { ClusterConflict, editsCluster, managesCluster, speaksForMember } from '../../policies/cluster.js';
import {
  adjusterNamesOf,
  criteriaOf,
  headReportsOfClusters,
  itemsOfMeetings,
  leaderHistory,
  headReportsOf,
  listVisibleClusters,
  meetingsOf,
  membersOfClusters,
  scoringOfYear,
  tasksOf,
  pledgeOf,
  reportsOf,
  scoresOf,
  votedMarksOf,
} from '../../repositories/clusters.js';
import {
  clusterMeetingSchema,
  clusterMemberSchema,
  clusterPledgeSchema,
  clusterSchema,
  clusterScoringSchema,
  clusterSummarySchema,
  clusterPlanSchema,
  clusterYearRankingSchema,
  presentCluster,
  presentPlan,
  presentYearRanking,
  presentClusterSummary,
  presentMeeting,
  presentMember,
  presentPledge,
  presentScoring,
} from '../../presenters/clusters.js';
import { errors, file, okSchema, pageOf } from '../../http/contract.js';
import { headReportDocx, minutesDocx, pledgeDocx, proposalDocx, scoringDocx, scoringXlsxColumns } from '../../presenters/cluster-documents.js';
import { rankingOf } from '../../presenters/clusters.js';
import { replyDocument, replyXlsx } from '../../http/xlsx-reply.js';
import { exportUnitName } from '../export-heading.js';
import { readUpload } from '../../http/upload.js';
import { contentDisposition } from '../../http/xlsx-reply.js';
import { notFound } from '../../errors.js';
import { todayVn } from '../../clock.js';
import { isoDate, pageQuery } from '../../../shared/schemas/common.js';
import { CLUSTER_CRITERION_KINDS, CLUSTER_KINDS, CLUSTER_PROPOSAL_HONORS, CLUSTER_REPORT_PERIODS } from '../../../shared/codes.js';
import { BALLOT_CHOICES } from '../../../shared/dossiers.js';

const uuid = (m: string) => z.uuid(m);
const idParams = z.object({ id: uuid('Mã cụm, khối không hợp lệ.') });
const memberParams = idParams.extend({ memberId: uuid('Mã thành viên không hợp lệ.') });
const meetingParams = idParams.extend({ meetingId: uuid('Mã hội nghị không hợp lệ.') });
const year = z.number().int().min(2000, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.');
const scale = z.union([z.literal(100), z.literal(1000)], 'Thang điểm là 100 hoặc 1.000 điểm.');
const text = (max: number, label: string) => z.string().max(max, `${label} tối đa ${max} ký tự.`);
const optText = (max: number, label: string) => text(max, label).nullish();
const points = z.number('Điểm phải là số.').min(-10000, 'Điểm không hợp lệ.').max(10000, 'Điểm không hợp lệ.');

const clusterFields = z.object({
  name: text(300, 'Tên').min(1, 'Hãy nhập tên cụm, khối thi đua.'),
  organiserName: optText(300, 'Cơ quan tổ chức'),
  regulation: optText(20000, 'Quy chế'),
  plan: optText(20000, 'Kế hoạch'),
  scale,
  reportDueH1: isoDate.nullish(),
  reportDueYear: isoDate.nullish(),
});
const createBody = clusterFields.extend({
  headReportDueH1: isoDate.nullish(),
  headReportDueYear: isoDate.nullish(),
  year,
  kind: z.enum(CLUSTER_KINDS, 'Loại là cụm hoặc khối thi đua.'),
  copyFromId: uuid('Cụm, khối năm trước không hợp lệ.').nullish(),
});
const memberBody = z.object({
  unitId: uuid('Đơn vị không hợp lệ.').nullish(),
  name: optText(300, 'Tên cơ quan'),
  address: optText(500, 'Địa chỉ'),
  contact: optText(300, 'Liên hệ'),
});
const leadersBody = z.object({
  headMemberId: uuid('Hãy chọn Trưởng cụm, khối.'),
  deputyMemberId: uuid('Phó cụm, khối không hợp lệ.').nullish(),
  electedOn: isoDate,
  note: optText(1000, 'Ghi chú'),
});
const targets = z.array(text(1000, 'Chỉ tiêu')).max(100, 'Tối đa 100 chỉ tiêu.');
const pledgeBody = z.object({
  signedDate: isoDate.nullish(),
  place: optText(300, 'Địa điểm'),
  commonTargets: targets,
  memberTargets: z.array(z.object({ memberId: uuid('Thành viên không hợp lệ.'), targets })).max(200),
});
const tableBody = z.object({
  scale,
  version: z.number().int(),
  criteria: z
    .array(
      z.object({
        id: uuid('Tiêu chí không hợp lệ.').optional(),
        groupName: text(300, 'Nhóm tiêu chí').min(1, 'Hãy nhập nhóm tiêu chí.'),
        title: text(1000, 'Tiêu chí').min(1, 'Hãy nhập nội dung tiêu chí.'),
        kind: z.enum(CLUSTER_CRITERION_KINDS, 'Loại mục là tiêu chí, điểm thưởng hoặc điểm trừ.'),
        minPoints: points.default(0),
        maxPoints: points.default(0),
        latePenalty: points.nullish(),
      }),
    )
    .max(300, 'Bảng chấm điểm tối đa 300 mục.'),
});
const selfScoreBody = z.object({
  entries: z
    .array(z.object({ criterionId: uuid('Tiêu chí không hợp lệ.'), points, evidence: optText(4000, 'Minh chứng') }))
    .min(1, 'Hãy chấm ít nhất một tiêu chí.')
    .max(300),
});
const adjustBody = z.object({
  criterionId: uuid('Tiêu chí không hợp lệ.'),
  points: points.nullable(),
  reason: text(2000, 'Lý do').min(1, 'Hãy ghi lý do điều chỉnh điểm.'),
});
const reportBody = z.object({
  period: z.enum(CLUSTER_REPORT_PERIODS, 'Kỳ báo cáo là 6 tháng hoặc năm.'),
  submittedOn: isoDate.nullish(),
  note: optText(2000, 'Ghi chú'),
});
const meetingBody = z.object({
  heldOn: isoDate,
  place: optText(300, 'Địa điểm'),
  presentMemberIds: z.array(uuid('Thành viên không hợp lệ.')).max(500),
  items: z.array(z.object({ memberId: uuid('Thành viên không hợp lệ.'), honor: z.enum(CLUSTER_PROPOSAL_HONORS, 'Hình thức suy tôn không hợp lệ.') })).max(50),
  minutes: optText(50000, 'Biên bản'),
});
const ballotBody = z.object({
  memberId: uuid('Thành viên không hợp lệ.'),
  choices: z
    .array(z.object({ itemId: uuid('Nội dung biểu quyết không hợp lệ.'), choice: z.enum(BALLOT_CHOICES, 'Lựa chọn không hợp lệ.') }))
    .min(1, 'Hãy chọn phiếu cho ít nhất một nội dung.'),
});
const count = z.number().int('Số phiếu phải là số nguyên.').min(0, 'Số phiếu không âm.');
const paperBody = z.object({ itemId: uuid('Nội dung biểu quyết không hợp lệ.'), counts: z.object({ approve: count, reject: count, abstain: count }) });
const closeBody = z.object({ minutes: optText(50000, 'Biên bản') });
const checkersBody = z.object({
  assignments: z
    .array(z.object({ memberId: uuid('Thành viên không hợp lệ.'), checkerMemberId: uuid('Thành viên chấm chéo không hợp lệ.').nullable() }))
    .max(500),
});
const taskFields = z.object({
  title: text(1000, 'Nhiệm vụ').min(1, 'Hãy nhập nội dung nhiệm vụ.'),
  startDate: isoDate.nullish(),
  dueDate: isoDate,
  responsibleMemberId: uuid('Thành viên thực hiện không hợp lệ.').nullish(),
  note: optText(2000, 'Ghi chú'),
});
const taskParams = idParams.extend({ taskId: uuid('Mã nhiệm vụ không hợp lệ.') });
const taskClose = z.object({ version: z.number().int(), outcome: z.enum(['done', 'cancelled'], 'Kết quả là "done" (hoàn thành) hoặc "cancelled" (hủy).') });
const headReportDuesBody = z.object({ h1: isoDate.nullable(), year: isoDate.nullable(), version: z.number().int() });
const headReportBody = z.object({ period: z.enum(CLUSTER_REPORT_PERIODS, 'Kỳ báo cáo là 6 tháng hoặc năm.'), note: optText(2000, 'Ghi chú') });
const format = z.object({ format: z.enum(['docx', 'pdf'], 'Định dạng phải là docx hoặc pdf.').default('docx') });
const wordOrPdf = { 200: file('Văn bản Word hoặc PDF', 'docx', 'pdf'), ...errors(403, 404, 503) };

const one = { 200: clusterSchema, ...errors(403, 404, 409) };

async function clusterJson(tx: Executor, actor: Actor, id: string) {
  const l = await loadCluster({ tx, actor }, id, false);
  const history = await leaderHistory(tx, l.cluster.lineageId);
  return presentCluster(l.cluster, l.facts, actor, l.members, history, await headReportsOf(tx, id), todayVn());
}

async function scoringJson(tx: Executor, actor: Actor, id: string) {
  const l = await loadCluster({ tx, actor }, id, false);
  const criteria = await criteriaOf(tx, id);
  const scores = await scoresOf(tx, id);
  const reports = await reportsOf(tx, id);
  const adjusters = await adjusterNamesOf(tx, id);
  return presentScoring({ cluster: l.cluster, members: l.members, criteria, scores, reports, adjusters, today: todayVn() });
}

async function planJson(tx: Executor, actor: Actor, id: string) {
  const l = await loadCluster({ tx, actor }, id, false);
  const abilities = [...(editsCluster(actor, l.facts) ? ['edit'] : []), ...(managesCluster(actor, l.facts) ? ['manage'] : [])];
  return presentPlan(l.cluster, await tasksOf(tx, id), await headReportsOf(tx, id), l.members, abilities, todayVn());
}

async function meetingsJson(tx: Executor, actor: Actor, id: string) {
  const l = await loadCluster({ tx, actor }, id, false);
  const meetings = await meetingsOf(tx, id);
  const items = await itemsOfMeetings(
    tx,
    meetings.map((m) => m.id),
  );
  const marks = await votedMarksOf(
    tx,
    items.map((i) => i.id),
  );
  return { items: meetings.map((m) => presentMeeting(m, items, l.members, marks, actor)), total: meetings.length };
}

export const clusterRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/clusters',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'listClusters',
          summary: 'Cụm, khối thi đua (của cơ quan thường trực, hoặc có đơn vị của tài khoản là thành viên)',
          querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), kind: z.enum(CLUSTER_KINDS).optional(), ...pageQuery }),
          response: { 200: pageOf(clusterSummarySchema), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'read');
        const { page, pageSize, ...f } = req.query;
        const { rows, total } = await listVisibleClusters(db, actor, f, { page, pageSize });
        // The members of the whole page in one query (the abilities need the head's unit and the actor's own members).
        const ids = rows.map((r) => r.cluster.id);
        const all = await membersOfClusters(db, ids);
        const sent = await headReportsOfClusters(db, ids);
        const today = todayVn();
        const items = rows.map((r) => {
          const members = all.filter((m) => m.clusterId === r.cluster.id);
          return presentClusterSummary(r.cluster, clusterFacts(r.cluster, r.ownerPath, members), actor, {
            memberCount: r.memberCount,
            headName: r.headName,
            mine: members.some((m) => speaksForMember(actor, m.unitPath)),
            headReports: sent.filter((x) => x.clusterId === r.cluster.id),
            today,
          });
        });
        return { items, total };
      },
    );

    app.get(
      '/api/clusters/ranking',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'getClustersRanking',
          summary: 'Xếp hạng của mọi cụm, khối thi đua trong năm mà tài khoản được xem (cơ quan thường trực: cả tỉnh)',
          querystring: z.object({
            year: z.coerce.number().int().min(2000, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.'),
            kind: z.enum(CLUSTER_KINDS).optional(),
          }),
          response: { 200: clusterYearRankingSchema, ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'read');
        const data = await scoringOfYear(db, actor, req.query.year, req.query.kind);
        return presentYearRanking(req.query.year, data, todayVn());
      },
    );

    app.post(
      '/api/clusters',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'createCluster',
          summary: 'Lập cụm, khối thi đua của một năm (có thể sao chép thành viên và bảng điểm năm trước)',
          body: createBody,
          response: one,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'create');
        const row = await runCommand(db, actor, (ctx) => createCluster(ctx, req.body));
        return clusterJson(db, actor, row.id);
      },
    );

    app.get(
      '/api/clusters/:id',
      { schema: { tags: ['clusters'], operationId: 'getCluster', summary: 'Một cụm, khối thi đua', params: idParams, response: one } },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'read');
        return clusterJson(db, actor, req.params.id);
      },
    );

    app.put(
      '/api/clusters/:id',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'updateCluster',
          summary: 'Sửa tên, quy chế, kế hoạch, thang điểm, hạn báo cáo',
          params: idParams,
          body: clusterFields.extend({ version: z.number().int() }),
          response: one,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'update');
        await runCommand(db, actor, (ctx) => updateCluster(ctx, req.params.id, req.body));
        return clusterJson(db, actor, req.params.id);
      },
    );

    app.get(
      '/api/clusters/:id/members',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'listClusterMembers',
          summary: 'Thành viên của cụm, khối',
          params: idParams,
          response: { 200: pageOf(clusterMemberSchema), ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'read');
        const l = await loadCluster({ tx: db, actor }, req.params.id, false);
        return { items: l.members.map((m) => presentMember(l.cluster, m, actor, l.facts, l.members)), total: l.members.length };
      },
    );

    app.post(
      '/api/clusters/:id/members',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'addClusterMember',
          summary: 'Thêm thành viên: đơn vị trong hệ thống, hoặc cơ quan ngoài (tên, địa chỉ, liên hệ)',
          params: idParams,
          body: memberBody,
          response: { 200: clusterMemberSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'create');
        const m = await runCommand(db, actor, (ctx) => addClusterMember(ctx, req.params.id, req.body));
        const l = await loadCluster({ tx: db, actor }, req.params.id, false);
        return presentMember(
          l.cluster,
          l.members.find((x) => x.id === m.id)!,
          actor,
          l.facts,
          l.members,
        );
      },
    );

    app.delete(
      '/api/clusters/:id/members/:memberId',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'removeClusterMember',
          summary: 'Bớt thành viên (chưa có điểm, chưa được suy tôn)',
          params: memberParams,
          response: { 200: okSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'create');
        await runCommand(db, actor, (ctx) => removeClusterMember(ctx, req.params.id, req.params.memberId));
        return { ok: true as const };
      },
    );

    app.post(
      '/api/clusters/:id/leaders',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'electClusterLeaders',
          summary: 'Ghi kết quả bầu Trưởng, Phó cụm, khối (luân phiên; lịch sử được giữ)',
          params: idParams,
          body: leadersBody,
          response: one,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'create');
        await runCommand(db, actor, (ctx) => electLeaders(ctx, req.params.id, req.body));
        return clusterJson(db, actor, req.params.id);
      },
    );

    // ---- Pledge ----
    const pledgeJson = async (actor: Actor, id: string) => {
      const l = await loadCluster({ tx: db, actor }, id, false);
      return presentPledge(await pledgeOf(db, id), l.members, editsCluster(actor, l.facts));
    };
    const onePledge = { 200: clusterPledgeSchema, ...errors(403, 404, 409) };

    app.get(
      '/api/clusters/:id/pledge',
      { schema: { tags: ['clusters'], operationId: 'getClusterPledge', summary: 'Giao ước thi đua của cụm, khối', params: idParams, response: onePledge } },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'read');
        return pledgeJson(actor, req.params.id);
      },
    );

    app.put(
      '/api/clusters/:id/pledge',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'saveClusterPledge',
          summary: 'Lưu giao ước: ngày, nơi ký, chỉ tiêu chung và của từng thành viên',
          params: idParams,
          body: pledgeBody,
          response: onePledge,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'update');
        await runCommand(db, actor, (ctx) => savePledge(ctx, req.params.id, req.body));
        return pledgeJson(actor, req.params.id);
      },
    );

    app.post(
      '/api/clusters/:id/pledge/scan',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'uploadClusterPledgeScan',
          summary: 'Tải bản giao ước đã ký (PDF, JPEG, PNG; ≤ 10 MB)',
          consumes: ['multipart/form-data'],
          params: idParams,
          response: { ...onePledge, ...errors(403, 404, 409, 413) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'update');
        // Out of sight answers 404 before the file is read.
        await loadCluster({ tx: db, actor }, req.params.id, false);
        const { buffer, fileName } = await readUpload(req, { missing: 'Hãy chọn bản giao ước đã ký.', defaultName: 'giao-uoc.pdf' });
        await runCommand(db, actor, (ctx) => attachPledgeScan(ctx, req.params.id, { name: fileName, data: buffer }));
        return pledgeJson(actor, req.params.id);
      },
    );

    app.get(
      '/api/clusters/:id/pledge/scan',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'downloadClusterPledgeScan',
          summary: 'Tải về bản giao ước đã ký',
          params: idParams,
          response: { 200: file('Bản giao ước đã ký', 'pdf', 'png', 'octet'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'read');
        const l = await loadCluster({ tx: db, actor }, req.params.id, false);
        const p = await pledgeOf(db, req.params.id);
        if (!p?.scan || !(p.publishedAt || editsCluster(actor, l.facts))) throw notFound('Chưa có bản giao ước đã ký.');
        const raw: FastifyReply = reply;
        raw.header('content-type', p.scanMime ?? 'application/octet-stream');
        raw.header('content-disposition', contentDisposition(p.scanName ?? 'giao-uoc'));
        return raw.send(p.scan);
      },
    );

    app.post(
      '/api/clusters/:id/pledge/publish',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'publishClusterPledge',
          summary: 'Công bố giao ước tới các thành viên',
          params: idParams,
          response: onePledge,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'update');
        await runCommand(db, actor, (ctx) => publishPledge(ctx, req.params.id));
        return pledgeJson(actor, req.params.id);
      },
    );

    // ---- Scoring ----
    const oneScoring = { 200: clusterScoringSchema, ...errors(403, 404, 409) };

    app.get(
      '/api/clusters/:id/scoring',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'getClusterScoring',
          summary: 'Bảng chấm điểm, điểm tự chấm và điều chỉnh, báo cáo, xếp hạng',
          params: idParams,
          response: oneScoring,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'read');
        return scoringJson(db, actor, req.params.id);
      },
    );

    app.put(
      '/api/clusters/:id/scoring',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'saveClusterScoringTable',
          summary: 'Lưu bảng chấm điểm: nhóm, tiêu chí và điểm tối đa, điểm thưởng, điểm trừ, thang điểm',
          params: idParams,
          body: tableBody,
          response: oneScoring,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'update');
        await runCommand(db, actor, (ctx) => saveScoringTable(ctx, req.params.id, req.body));
        return scoringJson(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/clusters/:id/scoring/copy',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'copyClusterScoringTable',
          summary: 'Sao chép bảng chấm điểm năm trước',
          params: idParams,
          response: oneScoring,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'update');
        await runCommand(db, actor, (ctx) => copyTableFromLastYear(ctx, req.params.id));
        return scoringJson(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/clusters/:id/scoring/members/:memberId',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'selfScoreCluster',
          summary: 'Thành viên tự chấm điểm, kèm minh chứng',
          params: memberParams,
          body: selfScoreBody,
          response: oneScoring,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'score');
        await runCommand(db, actor, (ctx) => selfScore(ctx, req.params.id, req.params.memberId, req.body.entries));
        return scoringJson(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/clusters/:id/scoring/members/:memberId/adjust',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'adjustClusterScore',
          summary: 'Trưởng cụm điều chỉnh điểm một tiêu chí của thành viên, có lý do (points null: bỏ điều chỉnh)',
          params: memberParams,
          body: adjustBody,
          response: oneScoring,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'update');
        await runCommand(db, actor, (ctx) => adjustScore(ctx, req.params.id, req.params.memberId, req.body));
        return scoringJson(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/clusters/:id/scoring/close',
      { schema: { tags: ['clusters'], operationId: 'closeClusterScoring', summary: 'Khóa bảng chấm điểm', params: idParams, response: oneScoring } },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'update');
        await runCommand(db, actor, (ctx) => closeScoring(ctx, req.params.id));
        return scoringJson(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/clusters/:id/reports/:memberId',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'submitClusterReport',
          summary: 'Thành viên nộp báo cáo 6 tháng / năm (Trưởng cụm có thể ghi ngày nhận báo cáo giấy)',
          params: memberParams,
          body: reportBody,
          response: oneScoring,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'score');
        await runCommand(db, actor, (ctx) => submitReport(ctx, req.params.id, req.params.memberId, req.body));
        return scoringJson(db, actor, req.params.id);
      },
    );

    app.put(
      '/api/clusters/:id/checkers',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'setClusterCheckers',
          summary: 'Phân công chấm chéo: thành viên nào rà soát, điều chỉnh điểm tự chấm của thành viên nào',
          params: idParams,
          body: checkersBody,
          response: one,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'update');
        await runCommand(db, actor, (ctx) => setCrossCheckers(ctx, req.params.id, req.body.assignments));
        return clusterJson(db, actor, req.params.id);
      },
    );

    // ---- The plan's dated tasks, the head's reports to the Ban ----
    const onePlan = { 200: clusterPlanSchema, ...errors(403, 404, 409) };

    app.get(
      '/api/clusters/:id/plan',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'getClusterPlan',
          summary: 'Kế hoạch của cụm, khối: nhiệm vụ có hạn (trên lịch thời hạn), báo cáo của Trưởng cụm gửi Ban',
          params: idParams,
          response: onePlan,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'read');
        return planJson(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/clusters/:id/tasks',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'createClusterTask',
          summary: 'Thêm nhiệm vụ có hạn vào kế hoạch',
          params: idParams,
          body: taskFields,
          response: onePlan,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'update');
        await runCommand(db, actor, (ctx) => createClusterTask(ctx, req.params.id, req.body));
        return planJson(db, actor, req.params.id);
      },
    );

    app.put(
      '/api/clusters/:id/tasks/:taskId',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'updateClusterTask',
          summary: 'Sửa nhiệm vụ (nội dung, thời gian, thành viên thực hiện)',
          params: taskParams,
          body: taskFields.extend({ version: z.number().int() }),
          response: onePlan,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'update');
        await runCommand(db, actor, (ctx) => updateClusterTask(ctx, req.params.id, req.params.taskId, req.body));
        return planJson(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/clusters/:id/tasks/:taskId/close',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'closeClusterTask',
          summary: 'Đánh dấu nhiệm vụ hoàn thành, hoặc hủy nhiệm vụ (rời lịch thời hạn)',
          params: taskParams,
          body: taskClose,
          response: onePlan,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'update');
        await runCommand(db, actor, (ctx) => closeClusterTask(ctx, req.params.id, req.params.taskId, req.body));
        return planJson(db, actor, req.params.id);
      },
    );

    app.put(
      '/api/clusters/:id/head-report-dues',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'setClusterHeadReportDues',
          summary: 'Cơ quan thường trực đặt hạn Trưởng cụm, khối gửi báo cáo 6 tháng / năm tới Ban Thi đua - Khen thưởng (null: không đặt)',
          params: idParams,
          body: headReportDuesBody,
          response: onePlan,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'create');
        await runCommand(db, actor, (ctx) => setHeadReportDues(ctx, req.params.id, req.body));
        return planJson(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/clusters/:id/head-reports',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'sendClusterHeadReport',
          summary: 'Trưởng cụm, khối gửi báo cáo 6 tháng / năm tới Ban Thi đua - Khen thưởng (ghi ngày gửi)',
          params: idParams,
          body: headReportBody,
          response: onePlan,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'update');
        await runCommand(db, actor, (ctx) => sendHeadReport(ctx, req.params.id, req.body));
        return planJson(db, actor, req.params.id);
      },
    );

    // ---- Meetings ----
    const meetingList = { 200: pageOf(clusterMeetingSchema), ...errors(403, 404, 409) };

    app.get(
      '/api/clusters/:id/meetings',
      { schema: { tags: ['clusters'], operationId: 'listClusterMeetings', summary: 'Hội nghị của cụm, khối', params: idParams, response: meetingList } },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'read');
        return meetingsJson(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/clusters/:id/meetings',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'createClusterMeeting',
          summary: 'Lập hội nghị tổng kết: thành viên có mặt, các đề nghị suy tôn',
          params: idParams,
          body: meetingBody,
          response: meetingList,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'update');
        await runCommand(db, actor, (ctx) => createMeeting(ctx, req.params.id, req.body));
        return meetingsJson(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/clusters/:id/meetings/:meetingId/ballots',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'castClusterBallot',
          summary: 'Thành viên có mặt bỏ phiếu kín (phiếu được niêm phong, không lưu ai chọn gì)',
          params: meetingParams,
          body: ballotBody,
          response: meetingList,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'vote');
        await runCommand(db, actor, (ctx) => castClusterBallot(ctx, req.params.id, req.params.meetingId, req.body.memberId, req.body.choices));
        return meetingsJson(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/clusters/:id/meetings/:meetingId/paper',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'enterClusterPaperBallots',
          summary: 'Nhập kết quả kiểm phiếu giấy của một nội dung',
          params: meetingParams,
          body: paperBody,
          response: meetingList,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'update');
        await runCommand(db, actor, (ctx) => enterClusterPaperBallots(ctx, req.params.id, req.params.meetingId, req.body.itemId, req.body.counts));
        return meetingsJson(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/clusters/:id/meetings/:meetingId/close',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'closeClusterMeeting',
          summary: 'Kết thúc bỏ phiếu: mở phiếu kín, cộng phiếu giấy, ghi biên bản',
          params: meetingParams,
          body: closeBody,
          response: meetingList,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'update');
        await runCommand(db, actor, (ctx) => closeClusterMeeting(ctx, req.params.id, req.params.meetingId, req.body));
        return meetingsJson(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/clusters/:id/meetings/:meetingId/proposal',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'proposeFromClusterMeeting',
          summary: 'Lập Tờ trình của Trưởng cụm thành hồ sơ đề nghị khen thưởng gửi Thường trực Hội đồng',
          params: meetingParams,
          response: { 200: z.object({ dossierId: z.uuid() }), ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'update');
        const d = await runCommand(db, actor, (ctx) => proposeFromMeeting(ctx, req.params.id, req.params.meetingId));
        return { dossierId: d.id };
      },
    );

    // ---- Documents (NĐ 30/2020, from the standing body's templates in force) ----
    app.get(
      '/api/clusters/:id/pledge/document',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'getClusterPledgeDocument',
          summary: 'Bản giao ước thi đua (Word hoặc PDF)',
          params: idParams,
          querystring: format,
          response: wordOrPdf,
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'read');
        const l = await loadCluster({ tx: db, actor }, req.params.id, false);
        const p = await pledgeOf(db, req.params.id);
        if (!p || !(p.publishedAt || editsCluster(actor, l.facts))) throw notFound('Giao ước chưa được công bố.');
        return replyDocument(reply, await pledgeDocx(db, l.cluster, p, l.members), `Giao ước thi đua ${l.cluster.year} - ${l.cluster.name}`, req.query.format);
      },
    );

    const rankingFor = async (actor: Actor, id: string) => {
      const l = await loadCluster({ tx: db, actor }, id, false);
      const criteria = await criteriaOf(db, id);
      const ranking = rankingOf({
        cluster: l.cluster,
        members: l.members,
        criteria,
        scores: await scoresOf(db, id),
        reports: await reportsOf(db, id),
        today: todayVn(),
      });
      return { l, criteria, ranking };
    };

    app.get(
      '/api/clusters/:id/scoring/export.xlsx',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'exportClusterScoring',
          summary: 'Bảng tổng hợp điểm, xếp hạng (Excel)',
          params: idParams,
          response: { 200: file('Tệp Excel', 'xlsx'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'read');
        const { l, ranking } = await rankingFor(actor, req.params.id);
        return replyXlsx(reply, `Bảng tổng hợp điểm ${l.cluster.year} - ${l.cluster.name}.xlsx`, scoringXlsxColumns(), ranking, {
          sheetName: 'Tổng hợp điểm',
          unitName: await exportUnitName(db, actor, l.cluster.unitId),
        });
      },
    );

    app.get(
      '/api/clusters/:id/scoring/document',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'getClusterScoringDocument',
          summary: 'Bảng tổng hợp điểm, xếp hạng (Word hoặc PDF)',
          params: idParams,
          querystring: format,
          response: wordOrPdf,
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'read');
        const { l, criteria, ranking } = await rankingFor(actor, req.params.id);
        return replyDocument(
          reply,
          await scoringDocx(db, l.cluster, l.members, criteria, ranking),
          `Bảng tổng hợp điểm ${l.cluster.year} - ${l.cluster.name}`,
          req.query.format,
        );
      },
    );

    const meetingFor = async (actor: Actor, id: string, meetingId: string) => {
      const l = await loadCluster({ tx: db, actor }, id, false);
      const m = (await meetingsOf(db, id)).find((x) => x.id === meetingId);
      if (!m) throw notFound('Không tìm thấy hội nghị của cụm, khối.');
      return { l, m, items: await itemsOfMeetings(db, [m.id]) };
    };

    app.get(
      '/api/clusters/:id/meetings/:meetingId/minutes',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'getClusterMinutesDocument',
          summary: 'Biên bản hội nghị cụm, khối với kết quả bỏ phiếu (Word hoặc PDF)',
          params: meetingParams,
          querystring: format,
          response: wordOrPdf,
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'read');
        const { l, m, items } = await meetingFor(actor, req.params.id, req.params.meetingId);
        return replyDocument(reply, await minutesDocx(db, l.cluster, m, items, l.members), `Biên bản hội nghị ${l.cluster.name} ${m.heldOn}`, req.query.format);
      },
    );

    app.get(
      '/api/clusters/:id/meetings/:meetingId/proposal/document',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'getClusterProposalDocument',
          summary: 'Tờ trình đề nghị tặng Cờ thi đua, Bằng khen của Trưởng cụm, khối (Word hoặc PDF)',
          params: meetingParams,
          querystring: format,
          response: { ...wordOrPdf, ...errors(403, 404, 409, 503) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'read');
        const { l, m, items } = await meetingFor(actor, req.params.id, req.params.meetingId);
        if (m.status !== 'closed') throw new ClusterConflict('Hãy kết thúc bỏ phiếu trước khi in Tờ trình.');
        return replyDocument(
          reply,
          await proposalDocx(db, l.cluster, m, items, l.members),
          `Tờ trình đề nghị khen thưởng ${l.cluster.name} ${l.cluster.year}`,
          req.query.format,
        );
      },
    );

    app.get(
      '/api/clusters/:id/head-report/document',
      {
        schema: {
          tags: ['clusters'],
          operationId: 'getClusterHeadReportDocument',
          summary: 'Báo cáo sơ kết 6 tháng / tổng kết năm của Trưởng cụm, khối gửi Ban Thi đua - Khen thưởng (Word hoặc PDF)',
          params: idParams,
          querystring: format.extend({ period: z.enum(CLUSTER_REPORT_PERIODS, 'Kỳ báo cáo là 6 tháng hoặc năm.').default('year') }),
          response: wordOrPdf,
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'cluster', 'read');
        const { l, criteria, ranking } = await rankingFor(actor, req.params.id);
        const meetings = await meetingsOf(db, req.params.id);
        const items = await itemsOfMeetings(
          db,
          meetings.map((m) => m.id),
        );
        const doc = await headReportDocx(db, {
          cluster: l.cluster,
          members: l.members,
          period: req.query.period,
          pledge: await pledgeOf(db, req.params.id),
          criteria,
          ranking,
          reports: await reportsOf(db, req.params.id),
          tasks: await tasksOf(db, req.params.id),
          meetings,
          items,
        });
        const what = req.query.period === 'h1' ? 'sơ kết 6 tháng' : 'tổng kết năm';
        return replyDocument(reply, doc, `Báo cáo ${what} ${l.cluster.year} - ${l.cluster.name}`, req.query.format);
      },
    );
  };
