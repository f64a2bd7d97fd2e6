import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import { errors, file, MIME } from '../../http/contract.js';
import { contentDisposition } from '../../http/xlsx-reply.js';
import { sendFile } from '../documents/download.js';
import { unsafeUnitNameAndPath } from '../../repositories/plans.js';
import { cellRecords, computeForm } from '../../statistics/query.js';
import { STAT_FORM_CODES } from '../../statistics/forms.js';
import { presentStatCell, presentStatForm, presentStatForms, statCellSchema, statFormListSchema, statFormSchema } from '../../presenters/statistics.js';
import { statisticalFormXlsx } from '../../documents/index.js';
import { todayVn, yearVn } from '../../clock.js';
import { pageQuery } from '../../../shared/schemas/common.js';

const tags = ['statistics'];
const codeParams = z.object({ code: z.enum(STAT_FORM_CODES, 'Không có biểu thống kê này (0601, 0602, 0603).') });
const year = z.coerce.number().int('Năm phải là số nguyên.').min(2000, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.').optional();
const key = z.string().regex(/^[A-Za-z0-9_:]{1,60}$/, 'Mã dòng, cột không hợp lệ.');

/** The annual statistical forms (TT 02/2023/TT-BNV) from the records of the actor's subtree, and the records behind each cell. */
export const statisticsRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/statistics/forms',
      {
        schema: {
          tags,
          operationId: 'listStatisticalForms',
          summary: 'Các biểu thống kê TĐKT (định nghĩa theo thông tư; TT 18/2025 chưa kiểm chứng)',
          response: { 200: statFormListSchema, ...errors(403) },
        },
      },
      async (req) => {
        authorize(actorOf(req), 'report', 'read');
        return presentStatForms();
      },
    );

    app.get(
      '/api/statistics/forms/:code',
      {
        schema: {
          tags,
          operationId: 'getStatisticalForm',
          summary: 'Một biểu thống kê của năm, số liệu lấy từ dữ liệu của đơn vị và các đơn vị trực thuộc',
          params: codeParams,
          querystring: z.object({ year }),
          response: { 200: statFormSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'report', 'read');
        const y = req.query.year ?? yearVn();
        const unit = await unsafeUnitNameAndPath(db, actor.unitId);
        return presentStatForm(await computeForm(db, actor.unitPath, req.params.code, y), req.params.code, unit.name);
      },
    );

    app.get(
      '/api/statistics/forms/:code/export.xlsx',
      {
        schema: {
          tags,
          operationId: 'exportStatisticalForm',
          summary: 'Biểu thống kê (Excel) trình bày như biểu mẫu: tiêu đề, ô tiêu đề gộp, mã số, số thứ tự cột',
          params: codeParams,
          querystring: z.object({ year }),
          response: { 200: file('Biểu thống kê (Excel)', 'xlsx'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'report', 'read');
        const y = req.query.year ?? yearVn();
        const unit = await unsafeUnitNameAndPath(db, actor.unitId);
        const c = await computeForm(db, actor.unitPath, req.params.code, y);
        const buf = await statisticalFormXlsx({
          code: c.form.code,
          circular: c.form.circular,
          title: c.form.title,
          year: y,
          reportingUnit: unit.name ?? '',
          receivingUnit: 'Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)',
          due: c.form.due,
          unitOfCount: c.form.unitOfCount,
          note: c.form.note,
          withUnit: c.form.source === 'honor',
          exportedOn: todayVn(),
          columns: c.form.columns,
          rows: c.form.rows.map((r, i) => ({ code: r.code, label: r.label, unit: r.unit, bold: r.bold, heading: r.heading, cells: c.values[i] ?? [] })),
        });
        return sendFile(reply, buf, MIME.xlsx, contentDisposition(`bieu-${req.params.code}-${y}.xlsx`));
      },
    );

    app.get(
      '/api/statistics/forms/:code/cells',
      {
        schema: {
          tags,
          operationId: 'getStatisticalCell',
          summary: 'Các bản ghi tạo nên một ô của biểu thống kê (khen thưởng hoặc phong trào)',
          params: codeParams,
          querystring: z.object({ year, row: key, column: key, ...pageQuery }),
          response: { 200: statCellSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'report', 'read');
        const y = req.query.year ?? yearVn();
        const r = await cellRecords(db, actor.unitPath, req.params.code, y, req.query.row, req.query.column);
        return presentStatCell(r, y, req.query);
      },
    );
  };
