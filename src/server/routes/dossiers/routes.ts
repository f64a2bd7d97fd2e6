import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, eq, inArray } from 'drizzle-orm';
import type { RouteDeps } from '../../app.js';
import { runCommand } from '../../commands/run.js';
import {
  addCandidate,
  addDocument,
  appraiseCandidate,
  createDossier,
  deleteDossier,
  forwardCandidate,
  forwardDossier,
  grantExtension,
  receiveDossier,
  removeCandidate,
  removeDocument,
  returnDossier,
  setHoliday,
  setSubmissionDeadline,
  submitDossier,
  updateCandidate,
  updateDossier,
  withdrawDossier,
} from '../../commands/dossiers.js';
import { recordHigherDecision } from '../../commands/decisions.js';
import { readUpload } from '../../http/upload.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import { candidatesOf, documentFile, documentsOf, dossierVisible, findVisibleDossier, listDossiers, loadCalendar, submissionDeadline, unitName, versionsOf } from '../../repositories/dossiers.js';
import { clockOf, presentCandidate, presentDossier, presentDossierSummary } from '../../presenters/dossiers.js';
import { toTrinhDocx } from '../../presenters/dossier-documents.js';
import { dossierColumns } from '../../presenters/list-exports.js';
import { batched, replyXlsx } from '../../http/xlsx-reply.js';
import { badRequest, notFound } from '../../errors.js';
import { dossierExtensions, dossiers, publicHolidays, units } from '../../db/schema/index.js';
import { COMMENDATION_TYPES, HONORS, SUBJECT_KINDS } from '../../../shared/codes.js';
import { DOCUMENT_KINDS, DOSSIER_STATUSES, STEP_LIMITS, type DossierStatus } from '../../../shared/dossiers.js';
import { defaultHolidays } from '../../../shared/working-days.js';
import { isoDate, pageQuery } from '../../../shared/schemas/common.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const idParams = z.object({ id: z.uuid('Mã hồ sơ không hợp lệ.') });
const candidateParams = idParams.extend({ candidateId: z.uuid('Mã đề nghị không hợp lệ.') });
const documentParams = idParams.extend({ documentId: z.uuid('Mã tài liệu không hợp lệ.') });
const version = z.number().int('Phiên bản không hợp lệ.').optional();
const honor = z.enum(HONORS, 'Hình thức khen thưởng không hợp lệ.');
const shortText = (max: number, msg: string) => z.string().trim().max(max, msg);

const dossierListQuery = z.object({
  box: z.enum(['all', 'inbox', 'mine'], 'Hộp hồ sơ không hợp lệ.').optional(),
  status: z.enum(DOSSIER_STATUSES, 'Trạng thái không hợp lệ.').optional(),
  movementId: z.uuid('Phong trào không hợp lệ.').optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().max(100, 'Từ khóa quá dài.').optional(),
  ...pageQuery,
});
const dossierBody = z.object({
  unitId: z.uuid('Đơn vị không hợp lệ.').nullish(),
  movementId: z.uuid('Phong trào không hợp lệ.').nullish(),
  phaseId: z.uuid('Đợt thi đua không hợp lệ.').nullish(),
  type: z.enum(COMMENDATION_TYPES, 'Loại hình khen thưởng không hợp lệ.'),
  year: z.number().int().min(2000, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.'),
  title: shortText(300, 'Tên hồ sơ quá dài.').min(3, 'Hãy nhập tên hồ sơ.'),
  summary: shortText(5000, 'Nội dung tóm tắt quá dài.').nullish(),
});
const candidateBody = z.object({
  subjectKind: z.enum(SUBJECT_KINDS, 'Đối tượng không hợp lệ.'),
  personId: z.uuid('Cán bộ không hợp lệ.').nullish(),
  unitId: z.uuid('Tập thể không hợp lệ.').nullish(),
  householdName: shortText(200, 'Tên hộ quá dài.').nullish(),
  householdAddress: shortText(300, 'Địa chỉ quá dài.').nullish(),
  proposedHonor: honor,
  achievement: shortText(5000, 'Tóm tắt thành tích quá dài.').nullish(),
  positionText: shortText(300, 'Chức vụ, đơn vị quá dài.').nullish(),
  version,
});
const documentBody = z.object({
  kind: z.enum(DOCUMENT_KINDS, 'Loại tài liệu không hợp lệ.'),
  candidateId: z.uuid('Đề nghị không hợp lệ.').nullish(),
  title: shortText(300, 'Tên tài liệu quá dài.').nullish(),
  content: z.string().max(100_000, 'Nội dung quá dài (tối đa 100.000 ký tự).').nullish(),
  voteResult: shortText(500, 'Kết quả biểu quyết quá dài.').nullish(),
  version,
});


async function dossierJson(db: Db, actor: Actor, id: string) {
  const d = await findVisibleDossier(db, actor, id);
  if (!d) throw notFound('Không tìm thấy hồ sơ.');
  // Sequential on purpose: a burst of pool connections per request buys little here.
  const candidates = await candidatesOf(db, d.id);
  const documents = await documentsOf(db, d.id);
  const versions = await versionsOf(db, d.id);
  const cal = await loadCalendar(db);
  const uname = await unitName(db, d.unitId);
  const receiver = d.receiverUnitId ? await unitName(db, d.receiverUnitId) : null;
  const deadline = d.movementId ? await submissionDeadline(db, d.movementId, d.unitId) : { dueDate: null, extension: null };
  return presentDossier(d, actor, { unitName: uname, receiverUnitName: receiver, candidates, documents, versions, cal, deadline: { dueDate: deadline.dueDate, extensionUntil: deadline.extension?.until ?? null } });
}

export const dossierRoutes = ({ db }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['dossiers'];

  app.get(
    '/api/dossiers',
    {
      schema: {
        tags,
        summary: 'Hồ sơ đề nghị khen thưởng trong phạm vi (đơn vị: của mình; Văn phòng: hồ sơ gửi đến)',
        querystring: dossierListQuery,
      },
    },
    async (req) => {
      const actor = actorOf(req);
      authorize(actor, 'dossier', 'read');
      const [{ rows, total }, cal] = await Promise.all([listDossiers(db, actor, req.query), loadCalendar(db)]);
      return { items: rows.map((r) => presentDossierSummary(r.dossier, actor, r.unitName, r.candidateCount, cal)), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get('/api/dossiers/export.xlsx', { schema: { tags, summary: 'Xuất Excel danh sách hồ sơ theo bộ lọc đang chọn (mọi trang)', querystring: dossierListQuery.omit({ page: true, pageSize: true }) } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'dossier', 'read');
    // Same scoped list as GET /api/dossiers, read page by page (the list's page size cap is 200).
    const rows = batched((offset, limit) => listDossiers(db, actor, { ...req.query, page: offset / limit + 1, pageSize: limit }).then((r) => r.rows), 200);
    return replyXlsx(reply, 'Danh sách hồ sơ đề nghị khen thưởng.xlsx', dossierColumns(), rows, { sheetName: 'Hồ sơ' });
  });

  app.get('/api/dossiers/overdue', { schema: { tags, summary: 'Bảng theo dõi quá hạn: bước đang xử lý vượt số ngày làm việc cho phép' } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'dossier', 'read');
    const statuses = Object.keys(STEP_LIMITS) as DossierStatus[];
    const [rows, cal] = await Promise.all([
      db.select({ dossier: dossiers, unitName: units.name }).from(dossiers).innerJoin(units, eq(units.id, dossiers.unitId)).where(and(dossierVisible(actor), inArray(dossiers.status, statuses))).orderBy(dossiers.stepStartedAt).limit(2000),
      loadCalendar(db),
    ]);
    const items = rows
      .map((r) => ({ ...presentDossierSummary(r.dossier, actor, r.unitName, 0, cal), clock: clockOf(cal, r.dossier)! }))
      .filter((x) => x.clock.overdue || x.clock.limitDays - x.clock.usedDays <= 2)
      .sort((a, b) => b.clock.daysOver - a.clock.daysOver || a.clock.dueOn.localeCompare(b.clock.dueOn));
    return { items, overdue: items.filter((i) => i.clock.overdue).length };
  });

  app.get('/api/dossiers/holidays', { schema: { tags, summary: 'Lịch ngày nghỉ dùng tính ngày làm việc (mặc định theo Bộ luật Lao động + của cơ quan)', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }) } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'dossier', 'read');
    const own = await db.select().from(publicHolidays);
    const y = String(req.query.year);
    return { defaults: defaultHolidays(req.query.year), agency: own.filter((o) => o.date.startsWith(y)).map((o) => ({ date: o.date, name: o.name, kind: o.kind })) };
  });

  app.put('/api/dossiers/holidays', { schema: { tags, summary: 'Thêm ngày nghỉ, ngày làm bù (hoặc trả về lịch mặc định)', body: z.object({ date: isoDate, name: shortText(200, 'Tên quá dài.').min(1, 'Hãy nhập tên ngày nghỉ.'), kind: z.enum(['holiday', 'workday', 'default'], 'Loại ngày không hợp lệ.') }) } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'dossier', 'manageDeadlines');
    await runCommand(db, actor, (ctx) => setHoliday(ctx, req.body));
    return { ok: true };
  });

  app.post('/api/dossiers/deadlines', { schema: { tags, summary: 'Đặt hạn nộp hồ sơ của một phong trào (quá hạn không nhận)', body: z.object({ movementId: z.uuid('Phong trào không hợp lệ.'), dueDate: isoDate, note: shortText(500, 'Ghi chú quá dài.').nullish() }) } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'dossier', 'manageDeadlines');
    return runCommand(db, actor, (ctx) => setSubmissionDeadline(ctx, req.body));
  });

  app.get('/api/dossiers/extensions', { schema: { tags, summary: 'Các lần gia hạn nộp hồ sơ', querystring: z.object({ movementId: z.uuid('Phong trào không hợp lệ.') }) } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'dossier', 'read');
    const rows = await db.select({ ext: dossierExtensions, unitName: units.name, unitPath: units.path }).from(dossierExtensions).innerJoin(units, eq(units.id, dossierExtensions.unitId)).where(eq(dossierExtensions.movementId, req.query.movementId));
    return { items: rows.filter((r) => r.unitPath.startsWith(actor.unitPath)).map((r) => ({ id: r.ext.id, unitId: r.ext.unitId, unitName: r.unitName, until: r.ext.until, reason: r.ext.reason, grantedAt: r.ext.grantedAt })) };
  });

  app.post('/api/dossiers/extensions', { schema: { tags, summary: 'Gia hạn nộp hồ sơ cho một đơn vị (ghi lý do)', body: z.object({ movementId: z.uuid('Phong trào không hợp lệ.'), unitId: z.uuid('Đơn vị không hợp lệ.'), until: isoDate, reason: shortText(1000, 'Lý do quá dài.').min(1, 'Hãy ghi lý do gia hạn.') }) } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'dossier', 'manageDeadlines');
    const row = await runCommand(db, actor, (ctx) => grantExtension(ctx, req.body));
    return reply.status(201).send({ id: row.id, until: row.until });
  });

  app.post('/api/dossiers', { schema: { tags, summary: 'Lập hồ sơ đề nghị khen thưởng (theo phong trào/đợt, theo năm hoặc đột xuất)', body: dossierBody } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'dossier', 'create');
    const row = await runCommand(db, actor, (ctx) => createDossier(ctx, req.body));
    return reply.status(201).send(await dossierJson(db, actor, row.id));
  });

  app.get('/api/dossiers/:id', { schema: { tags, summary: 'Một hồ sơ: danh sách đề nghị, tài liệu, danh mục thành phần, các lần nộp', params: idParams } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'dossier', 'read');
    return dossierJson(db, actor, req.params.id);
  });

  app.put('/api/dossiers/:id', { schema: { tags, summary: 'Sửa tên, tóm tắt hồ sơ (kèm phiên bản: sửa trùng → 409)', params: idParams, body: z.object({ title: dossierBody.shape.title, summary: dossierBody.shape.summary, version: z.number({ error: 'Thiếu phiên bản hồ sơ.' }).int() }) } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'dossier', 'update');
    await runCommand(db, actor, (ctx) => updateDossier(ctx, req.params.id, req.body));
    return dossierJson(db, actor, req.params.id);
  });

  app.delete('/api/dossiers/:id', { schema: { tags, summary: 'Xóa hồ sơ nháp chưa nộp lần nào', params: idParams } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'dossier', 'update');
    await runCommand(db, actor, (ctx) => deleteDossier(ctx, req.params.id));
    return { ok: true };
  });

  app.post('/api/dossiers/:id/candidates', { schema: { tags, summary: 'Thêm cá nhân, tập thể, hộ gia đình vào danh sách đề nghị', params: idParams, body: candidateBody } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'dossier', 'update');
    const c = await runCommand(db, actor, (ctx) => addCandidate(ctx, req.params.id, req.body));
    return reply.status(201).send(presentCandidate(c));
  });

  app.put('/api/dossiers/:id/candidates/:candidateId', { schema: { tags, summary: 'Sửa hình thức đề nghị, tóm tắt thành tích', params: candidateParams, body: z.object({ proposedHonor: honor.optional(), achievement: candidateBody.shape.achievement, positionText: candidateBody.shape.positionText, version }) } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'dossier', 'update');
    return presentCandidate(await runCommand(db, actor, (ctx) => updateCandidate(ctx, req.params.id, req.params.candidateId, req.body)));
  });

  app.delete('/api/dossiers/:id/candidates/:candidateId', { schema: { tags, summary: 'Bỏ một đề nghị khỏi hồ sơ', params: candidateParams } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'dossier', 'update');
    await runCommand(db, actor, (ctx) => removeCandidate(ctx, req.params.id, req.params.candidateId));
    return { ok: true };
  });

  app.post('/api/dossiers/:id/documents', { schema: { tags, summary: 'Thêm tài liệu soạn trên hệ thống (tờ trình, biên bản, báo cáo thành tích)', params: idParams, body: documentBody } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'dossier', 'update');
    const doc = await runCommand(db, actor, (ctx) => addDocument(ctx, req.params.id, req.body));
    return reply.status(201).send({ id: doc.id });
  });

  app.post('/api/dossiers/:id/documents/upload', { schema: { tags, summary: 'Tải tệp lên hồ sơ (PDF, Word, ảnh; ≤ 10 MB; kiểm tra theo nội dung)', params: idParams, consumes: ['multipart/form-data'] } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'dossier', 'update');
    if (!(await findVisibleDossier(db, actor, req.params.id))) throw notFound('Không tìm thấy hồ sơ.');
    const { buffer, fileName, fields } = await readUpload(req, { missing: 'Hãy chọn tệp để tải lên.', defaultName: 'tep' });
    const parsed = documentBody.omit({ version: true }).safeParse({ kind: fields.kind, candidateId: fields.candidateId || null, title: fields.title || null, voteResult: fields.voteResult || null });
    if (!parsed.success) throw badRequest(`Dữ liệu không hợp lệ: ${parsed.error.issues[0]?.message ?? ''}`);
    const v = fields.version ? Number(fields.version) : undefined;
    const doc = await runCommand(db, actor, (ctx) => addDocument(ctx, req.params.id, { ...parsed.data, version: Number.isInteger(v) ? v : undefined }, { buffer, fileName }));
    return reply.status(201).send({ id: doc.id });
  });

  app.get('/api/dossiers/:id/documents/:documentId/file', { schema: { tags, summary: 'Tải tệp đính kèm', params: documentParams } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'dossier', 'read');
    const d = await findVisibleDossier(db, actor, req.params.id);
    if (!d) throw notFound('Không tìm thấy hồ sơ.');
    const doc = await documentFile(db, d.id, req.params.documentId);
    if (!doc?.data) throw notFound('Không tìm thấy tệp.');
    return reply
      .header('content-type', doc.mimeType ?? 'application/octet-stream')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName ?? 'tep')}`)
      .send(doc.data);
  });

  app.delete('/api/dossiers/:id/documents/:documentId', { schema: { tags, summary: 'Bỏ một tài liệu', params: documentParams } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'dossier', 'update');
    await runCommand(db, actor, (ctx) => removeDocument(ctx, req.params.id, req.params.documentId));
    return { ok: true };
  });

  app.get('/api/dossiers/:id/to-trinh.docx', { schema: { tags, summary: 'Tờ trình đề nghị khen thưởng (DOCX) lập từ danh sách', params: idParams } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'dossier', 'read');
    const d = await findVisibleDossier(db, actor, req.params.id);
    if (!d) throw notFound('Không tìm thấy hồ sơ.');
    const buf = await toTrinhDocx(db, d, await candidatesOf(db, d.id));
    return reply.header('content-type', DOCX).header('content-disposition', `attachment; filename="to-trinh.docx"`).send(buf);
  });

  const verb = (path: string, summary: string, action: 'submit' | 'withdraw' | 'receive', run: (ctx: Parameters<Parameters<typeof runCommand>[2]>[0], id: string, v: number | undefined) => Promise<unknown>) =>
    app.post(path, { schema: { tags, summary, params: idParams, body: z.object({ version }).optional() } }, async (req) => {
      const actor = actorOf(req);
      authorize(actor, 'dossier', action);
      await runCommand(db, actor, (ctx) => run(ctx, req.params.id, req.body?.version));
      return dossierJson(db, actor, req.params.id);
    });
  verb('/api/dossiers/:id/submit', 'Nộp hồ sơ (kiểm tra đủ thành phần, hạn nộp, trùng đề nghị; lưu phiên bản)', 'submit', (ctx, id, v) => submitDossier(ctx, id, v));
  verb('/api/dossiers/:id/withdraw', 'Rút hồ sơ trước khi được tiếp nhận', 'withdraw', (ctx, id) => withdrawDossier(ctx, id));
  verb('/api/dossiers/:id/receive', 'Tiếp nhận hồ sơ', 'receive', (ctx, id) => receiveDossier(ctx, id));

  app.post('/api/dossiers/:id/return', { schema: { tags, summary: 'Trả lại hồ sơ kèm lý do để đơn vị bổ sung', params: idParams, body: z.object({ reasons: z.array(shortText(1000, 'Lý do quá dài.')).min(1, 'Hãy ghi lý do trả lại hồ sơ.').max(20) }) } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'dossier', 'return');
    await runCommand(db, actor, (ctx) => returnDossier(ctx, req.params.id, req.body.reasons));
    return dossierJson(db, actor, req.params.id);
  });

  app.post(
    '/api/dossiers/:id/candidates/:candidateId/appraise',
    {
      schema: {
        tags,
        summary: 'Thẩm định một đề nghị bằng bộ quy tắc (ghi chú, hạ mức kèm lý do, dữ liệu bổ sung)',
        params: candidateParams,
        body: z.object({
          note: shortText(3000, 'Ghi chú quá dài.').nullish(),
          lowerTo: honor.nullish(),
          lowerReason: shortText(1000, 'Lý do quá dài.').nullish(),
          subjectData: z
            .object({
              ratings: z.array(z.object({ year: z.number().int(), rating: z.enum(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV']) })).optional(),
              facts: z.array(z.object({ year: z.number().int(), fact: z.string().max(60) })).optional(),
            })
            .nullish(),
        }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      authorize(actor, 'dossier', 'appraise');
      const c = await runCommand(db, actor, (ctx) => appraiseCandidate(ctx, req.params.id, req.params.candidateId, req.body as Parameters<typeof appraiseCandidate>[3]));
      return presentCandidate(c);
    },
  );

  app.post('/api/dossiers/:id/candidates/:candidateId/forward', { schema: { tags, summary: 'Chọn một đề nghị đã qua Hội đồng để trình cấp trên (kiểm tra chỉ tiêu)', params: candidateParams, body: z.object({ honor: honor.optional() }) } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'dossier', 'forward');
    const r = await runCommand(db, actor, (ctx) => forwardCandidate(ctx, req.params.id, req.params.candidateId, req.body));
    return reply.status(201).send({ upwardDossierId: r.upward.id, candidate: presentCandidate(r.candidate) });
  });

  app.post('/api/dossiers/:id/forward', { schema: { tags, summary: 'Trình hồ sơ tổng hợp lên cơ quan cấp trên', params: idParams, body: z.object({ receiverName: shortText(300, 'Tên cơ quan quá dài.').min(2, 'Hãy nhập cơ quan nhận hồ sơ.'), summary: dossierBody.shape.summary }) } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'dossier', 'forward');
    await runCommand(db, actor, (ctx) => forwardDossier(ctx, req.params.id, req.body));
    return dossierJson(db, actor, req.params.id);
  });

  app.post(
    '/api/dossiers/:id/higher-decision',
    {
      schema: {
        tags,
        summary: 'Ghi nhận quyết định khen thưởng của cấp trên (số, ngày, người ký)',
        params: idParams,
        body: z.object({
          numberText: shortText(60, 'Số quyết định quá dài.').min(1, 'Hãy nhập số quyết định.'),
          decisionDate: isoDate,
          issuerName: shortText(300, 'Tên cơ quan quá dài.').min(2, 'Hãy nhập cơ quan ban hành.'),
          signerName: shortText(200, 'Tên người ký quá dài.').min(2, 'Hãy nhập người ký.'),
          signerTitle: shortText(200, 'Chức vụ quá dài.').min(2, 'Hãy nhập chức vụ người ký.'),
          title: shortText(500, 'Trích yếu quá dài.').nullish(),
          awardedCandidateIds: z.array(z.uuid()).optional(),
        }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      authorize(actor, 'decision', 'record');
      const d = await runCommand(db, actor, (ctx) => recordHigherDecision(ctx, req.params.id, req.body));
      return reply.status(201).send({ id: d.id, numberText: d.numberText });
    },
  );
};
