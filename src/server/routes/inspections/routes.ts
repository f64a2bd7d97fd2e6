import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { runCommand } from '../../commands/run.js';
import {
  addFinding,
  approveInspectionPlan,
  closeInspection,
  concludeInspection,
  createInspectionPlan,
  removeFinding,
  reportFollowUp,
  reviewFollowUp,
  updateInspectionPlan,
} from '../../commands/inspections.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import {
  countInspectionPlans,
  countInspections,
  findReadableInspection,
  findReadableInspectionPlan,
  findingsOf,
  inspectionsOfPlan,
  listInspectionPlans,
  listInspections,
  type InspectionPlanRow,
} from '../../repositories/inspections.js';
import { unsafeUnitNameAndPath } from '../../repositories/plans.js';
import { inspectionChecklist } from '../../inspections/checklist.js';
import {
  inspectionPlanSchema,
  inspectionPlanSummarySchema,
  inspectionSchema,
  inspectionSummarySchema,
  presentInspection,
  presentInspectionPlan,
  presentInspectionPlanSummary,
  presentInspectionSummary,
} from '../../presenters/inspections.js';
import { inspectionConclusionDocx, inspectionPlanDocx } from '../../presenters/inspection-documents.js';
import { notFound } from '../../errors.js';
import { errors, file, idParams as idParamsOf, pageOf } from '../../http/contract.js';
import { replyDocument } from '../../http/xlsx-reply.js';
import {
  concludeInputSchema,
  findingInputSchema,
  followUpInputSchema,
  INSPECTION_PLAN_STATUSES,
  INSPECTION_STATUSES,
  inspectionPlanInputSchema,
} from '../../../shared/schemas/inspections.js';
import { pageQuery } from '../../../shared/schemas/common.js';

const tags = ['inspections'];
const idParams = idParamsOf();
const findingParams = z.object({ id: z.uuid('Mã không hợp lệ.'), findingId: z.uuid('Mã kiến nghị không hợp lệ.') });
const yearQuery = z.coerce.number().int().min(2000, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.').optional();
const format = z.object({ format: z.enum(['docx', 'pdf'], 'Định dạng phải là docx hoặc pdf.').default('docx') });
const wordOrPdf = file('Văn bản Word hoặc PDF', 'docx', 'pdf');

async function loadPlan(db: Executor, actor: Actor, p: InspectionPlanRow) {
  const [unit, list] = [await unsafeUnitNameAndPath(db, p.unitId), await inspectionsOfPlan(db, actor, p.id)];
  return presentInspectionPlan(p, actor, unit, list);
}

async function loadInspection(db: Executor, actor: Actor, id: string) {
  const r = await findReadableInspection(db, actor, id);
  if (!r) throw notFound('Không tìm thấy cuộc kiểm tra.');
  const findings = await findingsOf(db, id);
  const live = r.inspection.checklist ? null : await inspectionChecklist(db, r.unitPath, r.planYear);
  return presentInspection(actor, r, findings, live);
}

export const inspectionRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // ---- Inspections (one per inspected unit): the module's main list ----
    app.get(
      '/api/inspections',
      {
        schema: {
          tags,
          operationId: 'listInspections',
          summary: 'Các cuộc kiểm tra công tác thi đua, khen thưởng (do đơn vị thực hiện, hoặc tại đơn vị)',
          querystring: z
            .object({
              year: yearQuery,
              status: z.enum(INSPECTION_STATUSES, 'Trạng thái không hợp lệ.').optional(),
              planId: z.uuid('Kế hoạch không hợp lệ.').optional(),
              unitId: z.uuid('Đơn vị không hợp lệ.').optional(),
            })
            .extend(pageQuery),
          response: { 200: pageOf(inspectionSummarySchema), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'inspection', 'read');
        const { page, pageSize, ...f } = req.query;
        const rows = await listInspections(db, actor, f, { page, pageSize });
        return { items: rows.map(presentInspectionSummary), total: await countInspections(db, actor, f) };
      },
    );

    // ---- Plans (kế hoạch kiểm tra) ----
    app.get(
      '/api/inspections/plans',
      {
        schema: {
          tags,
          operationId: 'listInspectionPlans',
          summary: 'Kế hoạch kiểm tra công tác thi đua, khen thưởng',
          querystring: z.object({ year: yearQuery, status: z.enum(INSPECTION_PLAN_STATUSES, 'Trạng thái không hợp lệ.').optional() }).extend(pageQuery),
          response: { 200: pageOf(inspectionPlanSummarySchema), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'inspection', 'read');
        const { page, pageSize, ...f } = req.query;
        const rows = await listInspectionPlans(db, actor, f, { page, pageSize });
        return {
          items: rows.map((r) => presentInspectionPlanSummary(r.plan, actor, { name: r.unitName, path: r.unitPath }, r.unitCount)),
          total: await countInspectionPlans(db, actor, f),
        };
      },
    );

    app.post(
      '/api/inspections/plans',
      {
        schema: {
          tags,
          operationId: 'createInspectionPlan',
          summary: 'Soạn kế hoạch kiểm tra (đơn vị, lịch, đoàn, nội dung)',
          body: inspectionPlanInputSchema,
          response: { 201: inspectionPlanSchema, ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'inspection', 'create');
        const row = await runCommand(db, actor, (ctx) => createInspectionPlan(ctx, req.body));
        return reply.status(201).send(await loadPlan(db, actor, row));
      },
    );

    app.get(
      '/api/inspections/plans/:id',
      {
        schema: {
          tags,
          operationId: 'getInspectionPlan',
          summary: 'Một kế hoạch kiểm tra',
          params: idParams,
          response: { 200: inspectionPlanSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'inspection', 'read');
        const p = await findReadableInspectionPlan(db, actor, req.params.id);
        if (!p) throw notFound('Không tìm thấy kế hoạch kiểm tra.');
        return loadPlan(db, actor, p);
      },
    );

    app.put(
      '/api/inspections/plans/:id',
      {
        schema: {
          tags,
          operationId: 'updateInspectionPlan',
          summary: 'Sửa dự thảo kế hoạch kiểm tra',
          params: idParams,
          body: inspectionPlanInputSchema,
          response: { 200: inspectionPlanSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'inspection', 'update');
        return loadPlan(db, actor, await runCommand(db, actor, (ctx) => updateInspectionPlan(ctx, req.params.id, req.body)));
      },
    );

    app.post(
      '/api/inspections/plans/:id/approve',
      {
        schema: {
          tags,
          operationId: 'approveInspectionPlan',
          summary: 'Ban hành kế hoạch kiểm tra (lịch kiểm tra vào lịch thời hạn)',
          params: idParams,
          response: { 200: inspectionPlanSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'inspection', 'create');
        return loadPlan(db, actor, await runCommand(db, actor, (ctx) => approveInspectionPlan(ctx, req.params.id)));
      },
    );

    app.get(
      '/api/inspections/plans/:id/document',
      {
        schema: {
          tags,
          operationId: 'inspectionPlanDocument',
          summary: 'Kế hoạch kiểm tra (Word/PDF, NĐ 30/2020, theo mẫu Kế hoạch của đơn vị)',
          params: idParams,
          querystring: format,
          response: { 200: wordOrPdf, ...errors(403, 404, 422, 503) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'inspection', 'read');
        const p = await findReadableInspectionPlan(db, actor, req.params.id);
        if (!p) throw notFound('Không tìm thấy kế hoạch kiểm tra.');
        const docx = await inspectionPlanDocx(db, p, await inspectionsOfPlan(db, actor, p.id));
        return replyDocument(reply, docx, `Kế hoạch kiểm tra ${p.year}`, req.query.format);
      },
    );

    // ---- One inspection ----
    app.get(
      '/api/inspections/:id',
      {
        schema: {
          tags,
          operationId: 'getInspection',
          summary: 'Một cuộc kiểm tra: danh mục kiểm tra từ dữ liệu, kiến nghị, khắc phục',
          params: idParams,
          response: { 200: inspectionSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'inspection', 'read');
        return loadInspection(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/inspections/:id/findings',
      {
        schema: {
          tags,
          operationId: 'addInspectionFinding',
          summary: 'Ghi một tồn tại và kiến nghị (thời hạn, đơn vị chịu trách nhiệm)',
          params: idParams,
          body: findingInputSchema,
          response: { 201: inspectionSchema, ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'inspection', 'update');
        await runCommand(db, actor, (ctx) => addFinding(ctx, req.params.id, req.body));
        return reply.status(201).send(await loadInspection(db, actor, req.params.id));
      },
    );

    app.delete(
      '/api/inspections/:id/findings/:findingId',
      {
        schema: {
          tags,
          operationId: 'removeInspectionFinding',
          summary: 'Bỏ một kiến nghị (trước khi kết luận)',
          params: findingParams,
          response: { 200: inspectionSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'inspection', 'update');
        await runCommand(db, actor, (ctx) => removeFinding(ctx, req.params.id, req.params.findingId));
        return loadInspection(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/inspections/:id/conclude',
      {
        schema: {
          tags,
          operationId: 'concludeInspection',
          summary: 'Kết luận kiểm tra (chốt danh mục kiểm tra, đưa thời hạn khắc phục vào lịch)',
          params: idParams,
          body: concludeInputSchema,
          response: { 200: inspectionSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'inspection', 'conclude');
        await runCommand(db, actor, (ctx) => concludeInspection(ctx, req.params.id, req.body));
        return loadInspection(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/inspections/:id/findings/:findingId/follow-up',
      {
        schema: {
          tags,
          operationId: 'reportInspectionFollowUp',
          summary: 'Đơn vị báo cáo kết quả khắc phục một kiến nghị',
          params: findingParams,
          body: followUpInputSchema,
          response: { 200: inspectionSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'inspection', 'followUp');
        await runCommand(db, actor, (ctx) => reportFollowUp(ctx, req.params.id, req.params.findingId, req.body));
        return loadInspection(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/inspections/:id/findings/:findingId/review',
      {
        schema: {
          tags,
          operationId: 'reviewInspectionFollowUp',
          summary: 'Ghi nhận hoàn thành (hoặc trả lại) báo cáo khắc phục',
          params: findingParams,
          body: z.object({ accepted: z.boolean('Chọn ghi nhận hoặc trả lại.') }),
          response: { 200: inspectionSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'inspection', 'conclude');
        await runCommand(db, actor, (ctx) => reviewFollowUp(ctx, req.params.id, req.params.findingId, req.body.accepted));
        return loadInspection(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/inspections/:id/close',
      {
        schema: {
          tags,
          operationId: 'closeInspection',
          summary: 'Kết thúc cuộc kiểm tra (mọi kiến nghị đã hoàn thành)',
          params: idParams,
          response: { 200: inspectionSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'inspection', 'conclude');
        await runCommand(db, actor, (ctx) => closeInspection(ctx, req.params.id));
        return loadInspection(db, actor, req.params.id);
      },
    );

    app.get(
      '/api/inspections/:id/conclusion',
      {
        schema: {
          tags,
          operationId: 'inspectionConclusionDocument',
          summary: 'Kết luận kiểm tra (Word/PDF, NĐ 30/2020); dự thảo trước khi kết luận',
          params: idParams,
          querystring: format,
          response: { 200: wordOrPdf, ...errors(403, 404, 422, 503) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'inspection', 'read');
        const r = await findReadableInspection(db, actor, req.params.id);
        if (!r) throw notFound('Không tìm thấy cuộc kiểm tra.');
        const plan = await findReadableInspectionPlan(db, actor, r.inspection.planId);
        if (!plan) throw notFound('Không tìm thấy kế hoạch kiểm tra.');
        const checklist = r.inspection.checklist ?? (await inspectionChecklist(db, r.unitPath, r.planYear));
        const docx = await inspectionConclusionDocx(db, plan, r, checklist, await findingsOf(db, r.inspection.id));
        return replyDocument(reply, docx, `Kết luận kiểm tra - ${r.unitName}`, req.query.format);
      },
    );
  };
