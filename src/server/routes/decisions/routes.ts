import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { runCommand } from '../../commands/run.js';
import { attachDecisionFile, issueDecision, revokeDecision } from '../../commands/decisions.js';
import { checkUpload } from '../../commands/dossiers.js';
import { readUpload } from '../../http/upload.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import { abilitiesFor } from '../../policies/abilities.js';
import { awardeesOf, decisionFile, findVisibleDecision, listDecisions, readyCandidates, type DecisionMeta } from '../../repositories/decisions.js';
import { decisionDocx } from '../../presenters/dossier-documents.js';
import { presentCandidate } from '../../presenters/dossiers.js';
import { decisionColumns } from '../../presenters/list-exports.js';
import { replyXlsx } from '../../http/xlsx-reply.js';
import { badRequest, notFound } from '../../errors.js';
import { HONOR_INFO, type Honor } from '../../../shared/codes.js';
import { isoDate } from '../../../shared/schemas/common.js';
import type { Actor } from '../../auth/actor.js';
import type { decisionAwardees } from '../../db/schema/index.js';

const idParams = z.object({ id: z.uuid('Mã quyết định không hợp lệ.') });
const decisionListQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

function presentDecision(d: DecisionMeta, actor: Actor, awardees?: (typeof decisionAwardees.$inferSelect)[]) {
  return {
    id: d.id,
    kind: d.kind,
    kindLabel: d.kind === 'internal' ? 'Do đơn vị ban hành' : 'Của cấp trên',
    issuerName: d.issuerName,
    numberText: d.numberText,
    number: d.number,
    year: d.year,
    decisionDate: d.decisionDate,
    title: d.title,
    signerName: d.signerName,
    signerTitle: d.signerTitle,
    regime: d.regime,
    totalAmount: d.totalAmount,
    status: d.status,
    statusLabel: d.status === 'revoked' ? 'Đã hủy bỏ' : 'Có hiệu lực',
    revokeReason: d.revokeReason,
    revokedAt: d.revokedAt,
    hasFile: Boolean(d.fileName),
    fileName: d.fileName,
    awardees: awardees?.map((a) => ({ id: a.id, candidateId: a.candidateId, displayName: a.displayName, positionText: a.positionText, subjectKind: a.subjectKind, honor: a.honor, honorLabel: HONOR_INFO[a.honor as Honor]?.label ?? a.honor, amount: a.amount, coefficient: a.coefficientMilli === null ? null : a.coefficientMilli / 1000, baseSalary: a.baseSalary, revoked: a.revoked })),
    abilities: abilitiesFor(actor.role, 'decision'),
  };
}

export const decisionRoutes = ({ db }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['decisions'];
  app.get('/api/decisions', { schema: { tags, summary: 'Quyết định khen thưởng (ban hành và của cấp trên)', querystring: decisionListQuery } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'decision', 'read');
    const rows = await listDecisions(db, actor, req.query.year);
    return { items: rows.map((r) => ({ ...presentDecision(r, actor), awardeeCount: r.awardeeCount })) };
  });

  app.get('/api/decisions/export.xlsx', { schema: { tags, summary: 'Xuất Excel danh sách quyết định khen thưởng (số người được khen, tổng tiền thưởng) theo bộ lọc', querystring: decisionListQuery } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'decision', 'read');
    const rows = await listDecisions(db, actor, req.query.year);
    return replyXlsx(reply, 'Danh sách quyết định khen thưởng.xlsx', decisionColumns(), rows, { sheetName: 'Quyết định' });
  });

  app.get('/api/decisions/ready', { schema: { tags, summary: 'Đề nghị đã được Hội đồng thông qua, chờ quyết định hoặc trình cấp trên' } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'decision', 'read');
    const rows = await readyCandidates(db, actor);
    return { items: rows.map((r) => ({ ...presentCandidate(r.candidate), dossierId: r.dossierId, dossierTitle: r.dossierTitle, unitName: r.unitName, year: r.year })) };
  });

  app.post(
    '/api/decisions',
    {
      schema: {
        tags,
        summary: 'Ban hành quyết định khen thưởng (số từ sổ đăng ký, tiền thưởng theo quy định)',
        body: z.object({
          candidateIds: z.array(z.uuid()).min(1, 'Hãy chọn người/tập thể được khen thưởng.').max(1000),
          decisionDate: isoDate,
          signerName: z.string().trim().min(2, 'Hãy nhập người ký.').max(200),
          signerTitle: z.string().trim().min(2, 'Hãy nhập chức vụ người ký.').max(200),
          title: z.string().trim().max(500, 'Trích yếu quá dài.').nullish(),
        }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      authorize(actor, 'decision', 'issue');
      const d = await runCommand(db, actor, (ctx) => issueDecision(ctx, req.body));
      return reply.status(201).send(presentDecision(d, actor, await awardeesOf(db, d.id)));
    },
  );

  app.get('/api/decisions/:id', { schema: { tags, summary: 'Một quyết định với danh sách khen thưởng', params: idParams } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'decision', 'read');
    const d = await findVisibleDecision(db, actor, req.params.id);
    if (!d) throw notFound('Không tìm thấy quyết định.');
    return presentDecision(d, actor, await awardeesOf(db, d.id));
  });

  app.get('/api/decisions/:id/docx', { schema: { tags, summary: 'Quyết định khen thưởng kèm danh sách (DOCX)', params: idParams } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'decision', 'read');
    const d = await findVisibleDecision(db, actor, req.params.id);
    if (!d) throw notFound('Không tìm thấy quyết định.');
    const buf = await decisionDocx(db, d, await awardeesOf(db, d.id));
    const name = `quyet-dinh-${d.numberText.replace(/[^A-Za-z0-9-]+/g, '-')}.docx`;
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document').header('content-disposition', `attachment; filename="${name}"`).send(buf);
  });

  app.post('/api/decisions/:id/file', { schema: { tags, summary: 'Đính kèm bản quyết định (bản chụp, PDF)', params: idParams, consumes: ['multipart/form-data'] } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'decision', 'record');
    if (!(await findVisibleDecision(db, actor, req.params.id))) throw notFound('Không tìm thấy quyết định.');
    const { buffer, fileName } = await readUpload(req, { missing: 'Hãy chọn tệp để tải lên.', defaultName: 'quyet-dinh' });
    const mime = await checkUpload(buffer);
    await runCommand(db, actor, (ctx) => attachDecisionFile(ctx, req.params.id, { buffer, fileName, mime }));
    return { ok: true };
  });

  app.get('/api/decisions/:id/file', { schema: { tags, summary: 'Tải bản quyết định đã đính kèm', params: idParams } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'decision', 'read');
    const d = await findVisibleDecision(db, actor, req.params.id);
    if (!d) throw notFound('Không tìm thấy quyết định.');
    const f = await decisionFile(db, d.id);
    if (!f?.fileData) throw notFound('Quyết định chưa có tệp đính kèm.');
    return reply.header('content-type', f.fileMime ?? 'application/octet-stream').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName ?? 'quyet-dinh')}`).send(f.fileData);
  });

  app.post('/api/decisions/:id/revoke', { schema: { tags, summary: 'Hủy bỏ quyết định hoặc một số người trong quyết định (Điều 93 Luật TĐKT)', params: idParams, body: z.object({ reason: z.string().trim().min(3, 'Hãy ghi lý do hủy bỏ.').max(2000), awardeeIds: z.array(z.uuid()).optional() }) } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'decision', 'revoke');
    await runCommand(db, actor, (ctx) => revokeDecision(ctx, req.params.id, req.body));
    const d = await findVisibleDecision(db, actor, req.params.id);
    return presentDecision(d!, actor, await awardeesOf(db, req.params.id));
  });
};
