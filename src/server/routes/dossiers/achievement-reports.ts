/**
 * Báo cáo thành tích of a dossier's candidate: read (prefilled from the records until saved), save,
 * download as Word or PDF, attach to the dossier as the candidate's report (PDF).
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { runCommand } from '../../commands/run.js';
import { attachReport, loadReport, saveReport } from '../../commands/achievement-reports.js';
import { achievementReportDocx, achievementReportFileStem, achievementReportSchema, presentAchievementReport } from '../../presenters/achievement-reports.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import { errors, file } from '../../http/contract.js';
import { replyDocument } from '../../http/xlsx-reply.js';
import { docxToPdf } from '../../office/soffice.js';
import { achievementReportContentSchema } from '../../../shared/schemas/achievement-reports.js';

const params = z.object({ id: z.uuid('Mã hồ sơ không hợp lệ.'), candidateId: z.uuid('Mã đề nghị không hợp lệ.') });
const version = z.number({ error: 'Thiếu phiên bản của báo cáo.' }).int('Phiên bản không hợp lệ.').min(0, 'Phiên bản không hợp lệ.');
const path = '/api/dossiers/:id/candidates/:candidateId/achievement-report';

export const achievementReportRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['dossiers'];

    app.get(
      path,
      {
        schema: {
          tags,
          operationId: 'getAchievementReport',
          summary: 'Báo cáo thành tích của một người/tập thể trong hồ sơ (điền sẵn từ dữ liệu khi chưa lưu)',
          params,
          response: { 200: achievementReportSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'read');
        return presentAchievementReport(actor, await loadReport(db, actor, req.params.id, req.params.candidateId));
      },
    );

    app.put(
      path,
      {
        schema: {
          tags,
          operationId: 'saveAchievementReport',
          summary: 'Lưu báo cáo thành tích (khi đơn vị còn sửa được hồ sơ)',
          params,
          body: z.object({ content: achievementReportContentSchema, version }),
          response: { 200: achievementReportSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'update');
        await runCommand(db, actor, (ctx) => saveReport(ctx, req.params.id, req.params.candidateId, req.body));
        return presentAchievementReport(actor, await loadReport(db, actor, req.params.id, req.params.candidateId));
      },
    );

    app.get(
      `${path}.docx`,
      {
        schema: {
          tags,
          operationId: 'downloadAchievementReport',
          summary: 'Báo cáo thành tích theo mẫu của chế độ áp dụng (Word hoặc PDF)',
          params,
          querystring: z.object({ format: z.enum(['docx', 'pdf'], 'Định dạng phải là docx hoặc pdf.').default('docx') }),
          response: { 200: file('Báo cáo thành tích (Word hoặc PDF)', 'docx', 'pdf'), ...errors(403, 404, 503) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'read');
        const v = await loadReport(db, actor, req.params.id, req.params.candidateId);
        return replyDocument(reply, await achievementReportDocx(db, v), achievementReportFileStem(v), req.query.format);
      },
    );

    app.post(
      `${path}/attach`,
      {
        schema: {
          tags,
          operationId: 'attachAchievementReport',
          summary: 'Đính kèm báo cáo thành tích (PDF) vào hồ sơ làm báo cáo thành tích của người/tập thể này',
          params,
          body: z.object({ version }),
          response: { 200: achievementReportSchema, ...errors(403, 404, 409, 503) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'update');
        const v = await loadReport(db, actor, req.params.id, req.params.candidateId);
        // Rendered before the transaction (LibreOffice takes seconds); the version check inside keeps it the content saved.
        const pdf = await docxToPdf(await achievementReportDocx(db, v));
        await runCommand(db, actor, (ctx) =>
          attachReport(ctx, req.params.id, req.params.candidateId, {
            content: v.content,
            version: req.body.version,
            pdf,
            fileName: `${achievementReportFileStem(v)}.pdf`,
          }),
        );
        return presentAchievementReport(actor, await loadReport(db, actor, req.params.id, req.params.candidateId));
      },
    );
  };
