import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { runCommand } from '../../commands/run.js';
import { createReportRequest, dataFiguresOf, extendReport, receiveReport, returnReport, saveReport, submitReport } from '../../commands/reports.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import {
  countVisibleReportRequests,
  countVisibleReports,
  findVisibleReport,
  findVisibleReportRequest,
  listVisibleReportRequests,
  listVisibleReports,
  reportsOfRequest,
  type ReportListRow,
  type ReportRequestRow,
} from '../../repositories/reports.js';
import { unsafeUnitNameAndPath } from '../../repositories/plans.js';
import { signedDocumentOf } from '../../repositories/signing.js';
import { findReadableMovement, listMovements, movementParts } from '../../repositories/movements.js';
import { targetProgress, type TargetProgress } from '../../repositories/progress.js';
import {
  dashboardHonorRecords,
  dashboardHonors,
  dashboardHonorsByUnit,
  dashboardMoney,
  dashboardPendingDossiers,
  dashboardYears,
} from '../../repositories/dashboard.js';
import { findVisibleUnit } from '../../repositories/units.js';
import {
  presentReport,
  presentReportRequest,
  presentReportSummary,
  presentRollup,
  reportRequestSchema,
  reportRollupSchema,
  reportSchema,
  reportSummarySchema,
} from '../../presenters/reports.js';
import {
  DASHBOARD_PARTS,
  dashboardRecordsSchema,
  dashboardSchema,
  dashboardTable,
  presentDashboard,
  presentDashboardRecords,
} from '../../presenters/dashboard.js';
import { reportDocx, rollupNarrative } from '../../presenters/report-documents.js';
import { dataOf, unitReportDocx } from './document.js';
import { HONOR_LEVEL, statedFigures } from '../../reports/indicators.js';
import { HONORS } from '../../../shared/codes.js';
import { DOSSIER_IN_PROGRESS } from '../../../shared/dossiers.js';
import { notFound } from '../../errors.js';
import { errors, file, idParams as idParamsOf, pageOf } from '../../http/contract.js';
import { documentQuery, replyDocument, replyXlsx } from '../../http/xlsx-reply.js';
import { exportUnitName } from '../export-heading.js';
import { DashboardFiguresCache } from '../../reports/dashboard-cache.js';
import { yearVn } from '../../clock.js';
import {
  REPORT_KINDS,
  REPORT_STATUSES,
  reportExtendSchema,
  reportRequestInputSchema,
  reportReturnSchema,
  reportUpdateSchema,
} from '../../../shared/schemas/reports.js';
import { pageQuery } from '../../../shared/schemas/common.js';

const tags = ['reports'];
const idParams = idParamsOf();
const yearQuery = z.coerce.number().int().min(2000, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.').optional();
const versionBody = z.object({ version: z.number().int() });

async function requestJson(tx: Executor, actor: Actor, r: ReportRequestRow) {
  const unit = await unsafeUnitNameAndPath(tx, r.unitId);
  const rows = await reportsOfRequest(tx, r.id);
  const counts = {
    asked: rows.length,
    submitted: rows.filter((x) => x.report.status === 'submitted' || x.report.status === 'received').length,
    received: rows.filter((x) => x.report.status === 'received').length,
  };
  return { json: presentReportRequest(r, actor, unit.name ?? '', unit.path, counts), rows, unit };
}

async function reportJson(tx: Executor, actor: Actor, r: ReportListRow) {
  const requester = await unsafeUnitNameAndPath(tx, r.request.unitId);
  const signed = (await signedDocumentOf(tx, 'bao_cao', r.report.id)) !== undefined;
  return presentReport(r, actor, requester, await dataOf(tx, r), signed);
}

export const reportRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // ---- Requests (yêu cầu báo cáo) ----
    app.get(
      '/api/report-requests',
      {
        schema: {
          tags,
          operationId: 'listReportRequests',
          summary: 'Yêu cầu báo cáo của đơn vị và gửi tới đơn vị',
          querystring: z.object({ year: yearQuery, kind: z.enum(REPORT_KINDS, 'Loại báo cáo không hợp lệ.').optional(), ...pageQuery }),
          response: { 200: pageOf(reportRequestSchema), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'report', 'read');
        const { page, pageSize, ...f } = req.query;
        const rows = await listVisibleReportRequests(db, actor, f, { page, pageSize });
        return {
          items: rows.map((r) => presentReportRequest(r.request, actor, r.unitName, r.unitPath, r)),
          total: await countVisibleReportRequests(db, actor, f),
        };
      },
    );

    app.post(
      '/api/report-requests',
      {
        schema: {
          tags,
          operationId: 'createReportRequest',
          summary: 'Yêu cầu các đơn vị cấp dưới báo cáo (kỳ, hạn gửi vào lịch thời hạn có nhắc việc)',
          body: reportRequestInputSchema,
          response: { 201: reportRequestSchema, ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'report', 'request');
        const row = await runCommand(db, actor, (ctx) => createReportRequest(ctx, req.body));
        return reply.status(201).send((await requestJson(db, actor, row)).json);
      },
    );

    app.get(
      '/api/report-requests/:id',
      {
        schema: {
          tags,
          operationId: 'getReportRollup',
          summary: 'Một yêu cầu báo cáo: tình hình gửi của các đơn vị (muộn, chưa gửi) và bảng tổng hợp số liệu (số đơn vị nêu so với dữ liệu)',
          params: idParams,
          response: { 200: reportRollupSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'report', 'read');
        const r = await findVisibleReportRequest(db, actor, req.params.id);
        if (!r) throw notFound('Không tìm thấy yêu cầu báo cáo.');
        const { json, rows, unit } = await requestJson(db, actor, r);
        // A unit asked sees only its own line; the asking side sees every unit.
        const mine = unit.path.startsWith(actor.unitPath) ? rows : rows.filter((x) => x.unitPath.startsWith(actor.unitPath));
        const withData = [];
        for (const row of mine) withData.push({ row, data: await dataOf(db, row) });
        const subtree = unit.path.startsWith(actor.unitPath) ? await dataFiguresOf(db, unit.path, r) : {};
        return presentRollup(json, withData, subtree);
      },
    );

    app.get(
      '/api/report-requests/:id/report.docx',
      {
        schema: {
          tags,
          operationId: 'downloadRollupDocx',
          summary:
            'Báo cáo tổng hợp (Word hoặc PDF, thể thức NĐ 30/2020) của đơn vị yêu cầu: số liệu cộng từ các báo cáo đã gửi, bảng theo đơn vị, các phần kết quả, tồn tại, bài học, phương hướng gom từ báo cáo của các đơn vị',
          params: idParams,
          querystring: documentQuery,
          response: { 200: file('Báo cáo (Word hoặc PDF)', 'docx', 'pdf'), ...errors(403, 404, 503) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'report', 'receive');
        const r = await findVisibleReportRequest(db, actor, req.params.id);
        const unit = r ? await unsafeUnitNameAndPath(db, r.unitId) : undefined;
        if (!r || !unit?.path.startsWith(actor.unitPath)) throw notFound('Không tìm thấy yêu cầu báo cáo.');
        const all = await reportsOfRequest(db, r.id);
        const rows = all.filter((x) => x.report.status === 'submitted' || x.report.status === 'received');
        const figures: Record<string, number> = {};
        const byUnit = [];
        for (const row of rows) {
          const stated = statedFigures(await dataOf(db, row), row.report.typed);
          byUnit.push({ unitName: row.unitName, figures: stated });
          for (const [k, v] of Object.entries(stated)) figures[k] = (figures[k] ?? 0) + v;
        }
        const narrative = rollupNarrative(rows.map((x) => ({ unitName: x.unitName, narrative: x.report.narrative })));
        const late = rows.filter((x) => x.report.late).length;
        const sentLine = `Đã nhận báo cáo của ${rows.length}/${all.length} đơn vị được yêu cầu${late ? ` (${late} đơn vị gửi muộn)` : ''}.`;
        narrative.results = [sentLine, narrative.results].filter(Boolean).join('\n');
        const buf = await reportDocx(db, {
          unitId: r.unitId,
          kind: r.kind,
          title: r.title,
          periodFrom: r.periodFrom,
          periodTo: r.periodTo,
          recipientName: null,
          figures,
          narrative,
          byUnit,
          so: req.query.so,
        });
        return replyDocument(reply, buf, `Bao cao tong hop ${r.year}`, req.query.format);
      },
    );

    // ---- Reports (báo cáo của đơn vị) ----
    app.get(
      '/api/reports',
      {
        schema: {
          tags,
          operationId: 'listReports',
          summary: 'Báo cáo của các đơn vị (đơn vị mình phải gửi, và gửi tới đơn vị mình)',
          querystring: z.object({
            requestId: z.uuid('Yêu cầu báo cáo không hợp lệ.').optional(),
            status: z.enum(REPORT_STATUSES, 'Trạng thái không hợp lệ.').optional(),
            year: yearQuery,
            ...pageQuery,
          }),
          response: { 200: pageOf(reportSummarySchema), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'report', 'read');
        const { page, pageSize, ...f } = req.query;
        const rows = await listVisibleReports(db, actor, f, { page, pageSize });
        const units = new Map<string, { name: string | null; path: string }>();
        const items = [];
        for (const r of rows) {
          let u = units.get(r.request.unitId);
          if (!u) units.set(r.request.unitId, (u = await unsafeUnitNameAndPath(db, r.request.unitId)));
          items.push(presentReportSummary(r, actor, u));
        }
        return { items, total: await countVisibleReports(db, actor, f) };
      },
    );

    app.get(
      '/api/reports/:id',
      {
        schema: {
          tags,
          operationId: 'getReport',
          summary: 'Một báo cáo: số liệu lấy từ dữ liệu (và số đơn vị sửa), các phần nội dung',
          params: idParams,
          response: { 200: reportSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'report', 'read');
        const r = await findVisibleReport(db, actor, req.params.id);
        if (!r) throw notFound('Không tìm thấy báo cáo.');
        return reportJson(db, actor, r);
      },
    );

    app.put(
      '/api/reports/:id',
      {
        schema: {
          tags,
          operationId: 'saveReport',
          summary: 'Lưu nội dung và số liệu đơn vị sửa (khi chưa gửi hoặc bị trả lại)',
          params: idParams,
          body: reportUpdateSchema,
          response: { 200: reportSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'report', 'write');
        await runCommand(db, actor, (ctx) => saveReport(ctx, req.params.id, req.body));
        return reportJson(db, actor, (await findVisibleReport(db, actor, req.params.id))!);
      },
    );

    const verb = (
      path: string,
      operationId: string,
      summary: string,
      action: 'write' | 'receive',
      body: z.ZodType,
      run: (actor: Actor, id: string, b: never) => Promise<unknown>,
    ) =>
      app.post(
        `/api/reports/:id/${path}`,
        { schema: { tags, operationId, summary, params: idParams, body, response: { 200: reportSchema, ...errors(403, 404, 409) } } },
        async (req) => {
          const actor = actorOf(req);
          authorize(actor, 'report', action);
          await run(actor, req.params.id, req.body as never);
          return reportJson(db, actor, (await findVisibleReport(db, actor, req.params.id))!);
        },
      );
    verb(
      'submit',
      'submitReport',
      'Gửi báo cáo (số liệu dữ liệu được chốt lúc gửi); quá hạn thì phải được gia hạn',
      'write',
      versionBody,
      (actor, id, b: { version: number }) => runCommand(db, actor, (ctx) => submitReport(ctx, id, b.version)),
    );
    verb('receive', 'receiveReport', 'Tiếp nhận báo cáo', 'receive', versionBody, (actor, id, b: { version: number }) =>
      runCommand(db, actor, (ctx) => receiveReport(ctx, id, b.version)),
    );
    verb(
      'return',
      'returnReport',
      'Trả lại báo cáo để đơn vị sửa, gửi lại',
      'receive',
      reportReturnSchema,
      (actor, id, b: { version: number; reason: string }) => runCommand(db, actor, (ctx) => returnReport(ctx, id, b.version, b.reason)),
    );
    verb('extend', 'extendReport', 'Gia hạn gửi báo cáo cho một đơn vị', 'receive', reportExtendSchema, (actor, id, b: { until: string }) =>
      runCommand(db, actor, (ctx) => extendReport(ctx, id, b.until)),
    );

    app.get(
      '/api/reports/:id/report.docx',
      {
        schema: {
          tags,
          operationId: 'downloadReportDocx',
          summary: 'Báo cáo sơ kết / tổng kết (Word hoặc PDF, thể thức NĐ 30/2020) theo mẫu của đơn vị',
          params: idParams,
          querystring: documentQuery,
          response: { 200: file('Báo cáo (Word hoặc PDF)', 'docx', 'pdf'), ...errors(403, 404, 503) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'report', 'read');
        const r = await findVisibleReport(db, actor, req.params.id);
        if (!r) throw notFound('Không tìm thấy báo cáo.');
        const buf = await unitReportDocx(db, r, req.query.so);
        return replyDocument(reply, buf, `Bao cao ${r.request.year}`, req.query.format);
      },
    );

    // ---- Dashboard ----
    const dashboardQuery = z.object({ year: yearQuery, movementId: z.uuid('Phong trào không hợp lệ.').optional() });
    // The honor figures (the costly sums over the actor's subtree) are cached until the next commit.
    const honorFigures = new DashboardFiguresCache<{
      honors: Awaited<ReturnType<typeof dashboardHonors>>;
      byUnit: Awaited<ReturnType<typeof dashboardHonorsByUnit>>;
      years: Awaited<ReturnType<typeof dashboardYears>>;
    }>(db);
    const loadDashboard = async (actor: Actor, q: { year?: number | undefined; movementId?: string | undefined }) => {
      const year = q.year ?? yearVn();
      const movs = await listMovements(db, actor, { year });
      const launched = movs.filter((m) => m.movement.status !== 'draft');
      let movementId = q.movementId ?? null;
      if (movementId && !(await findReadableMovement(db, actor, movementId))) throw notFound('Không tìm thấy phong trào.');
      movementId ??= launched[0]?.movement.id ?? null;
      const movement = movementId ? await findReadableMovement(db, actor, movementId) : undefined;
      const targets = movement ? (await movementParts(db, movement.id)).targets : [];
      const progress = movement ? await targetProgress(db, movement, targets) : new Map<string, TargetProgress>();
      const unit = await unsafeUnitNameAndPath(db, actor.unitId);
      return presentDashboard({
        year,
        unitName: unit.name,
        movements: launched.map((m) => ({ id: m.movement.id, title: m.movement.title })),
        movementId: movement?.id ?? null,
        targets,
        progress,
        ...(await honorFigures.get(`${actor.unitId}|${year}`, async () => ({
          honors: await dashboardHonors(db, actor, year),
          byUnit: await dashboardHonorsByUnit(db, actor, year),
          years: await dashboardYears(db, actor, [year - 4, year - 3, year - 2, year - 1, year]),
        }))),
        pending: await dashboardPendingDossiers(db, actor, year, [...DOSSIER_IN_PROGRESS]),
        money: await dashboardMoney(db, actor, year),
      });
    };

    app.get(
      '/api/dashboard',
      {
        schema: {
          tags,
          operationId: 'getDashboard',
          summary:
            'Bảng điều hành: mục tiêu so với kết quả, khen thưởng theo đơn vị, cấp, tháng, đối tượng; hồ sơ đang xử lý; tiền thưởng; so với các năm trước',
          querystring: dashboardQuery,
          response: { 200: dashboardSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'report', 'read');
        return loadDashboard(actor, req.query);
      },
    );

    app.get(
      '/api/dashboard/export.xlsx',
      {
        schema: {
          tags,
          operationId: 'exportDashboardPart',
          summary: 'Một phần của bảng điều hành dưới dạng bảng (Excel)',
          querystring: dashboardQuery.extend({ part: z.enum(DASHBOARD_PARTS, 'Phần bảng điều hành không hợp lệ.') }),
          response: { 200: file('Bảng số liệu (Excel)', 'xlsx'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'report', 'read');
        const d = await loadDashboard(actor, req.query);
        const t = dashboardTable(d, req.query.part);
        const columns = t.headers.map((header, i) => ({
          header,
          value: (r: (string | number)[]) => r[i] ?? '',
          type: i === 0 ? ('text' as const) : ('number' as const),
          total: t.totals && i > 0,
        }));
        return replyXlsx(reply, `bang-dieu-hanh-${req.query.part}-${d.year}.xlsx`, columns, t.rows, {
          sheetName: t.title.slice(0, 31),
          title: t.title,
          unitName: await exportUnitName(db, actor),
        });
      },
    );

    app.get(
      '/api/dashboard/honors',
      {
        schema: {
          tags,
          operationId: 'listDashboardHonors',
          summary: 'Các lượt khen thưởng sau một số liệu của bảng điều hành (theo danh hiệu, cấp, tháng, đơn vị, đối tượng)',
          querystring: z.object({
            year: yearQuery,
            honor: z.enum(HONORS, 'Danh hiệu không hợp lệ.').optional(),
            level: z.enum(['co_so', 'bo_tinh', 'nha_nuoc'], 'Cấp khen thưởng không hợp lệ.').optional(),
            month: z.coerce.number().int().min(0, 'Tháng không hợp lệ.').max(12, 'Tháng không hợp lệ.').optional(),
            unitId: z.uuid('Đơn vị không hợp lệ.').optional(),
            subject: z.enum(['individual', 'collective'], 'Đối tượng không hợp lệ.').optional(),
            share: z.enum(['leader', 'non_leader', 'direct_worker', 'female', 'male'], 'Đối tượng không hợp lệ.').optional(),
            ...pageQuery,
          }),
          response: { 200: dashboardRecordsSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'report', 'read');
        const { year, page, pageSize, level, unitId, ...f } = req.query;
        let unitPath: string | undefined;
        if (unitId) {
          const u = await findVisibleUnit(db, actor, unitId);
          if (!u) throw notFound('Không tìm thấy đơn vị.');
          unitPath = u.path;
        }
        const honors = level ? HONORS.filter((h) => HONOR_LEVEL[h] === level) : undefined;
        return presentDashboardRecords(await dashboardHonorRecords(db, actor, year ?? yearVn(), { ...f, honors, unitPath }, { page, pageSize }));
      },
    );
  };
