import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
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
  setRegimeDate,
  setSubmissionDeadline,
  submitDossier,
  updateCandidate,
  updateDossier,
  withdrawDossier,
} from '../../commands/dossiers.js';
import { recordHigherDecision } from '../../commands/decisions.js';
import { externalDecisionText } from '../decisions/external-body.js';
import { readUpload } from '../../http/upload.js';
import { actorOf } from '../../http/session.js';
import { authorize, authorizeAny } from '../../policies/scope.js';
import {
  candidatesOf,
  documentFile,
  documentsOf,
  DOSSIER_SORTS,
  findVisibleDossier,
  listAgencyHolidays,
  listVisibleDossiers,
  listVisibleExtensions,
  listVisibleTimedDossiers,
  loadCalendar,
  submissionDeadline,
  unsafeUnitName,
  versionsOf,
  unsafeFindUnit,
} from '../../repositories/dossiers.js';
import {
  candidateSchema,
  clockOf,
  dossierListSchema,
  dossierSchema,
  overdueListSchema,
  presentCandidate,
  presentDossier,
  presentDossierSummary,
} from '../../presenters/dossiers.js';
import { candidateActions } from '../../policies/dossier.js';
import { MIME, errors, file, okSchema } from '../../http/contract.js';
import { contentDisposition, documentQuery, replyDocument } from '../../http/xlsx-reply.js';
import { exportUnitName } from '../export-heading.js';
import { documentFileStem, documentNumber } from '../../documents/docx/model.js';
import { toTrinhDocx } from '../../presenters/dossier-documents.js';
import { dossierColumns } from '../../presenters/list-exports.js';
import { batched, replyXlsx } from '../../http/xlsx-reply.js';
import { badRequest, notFound } from '../../errors.js';
import { COMMENDATION_TYPES, HONORS, REGIMES, SUBJECT_KINDS } from '../../../shared/codes.js';
import { DOCUMENT_KINDS, DOSSIER_STAGES, DOSSIER_STATUSES, regimeDateOf } from '../../../shared/dossiers.js';
import { limitedSteps, packFor, type RulePack } from '../../rules/index.js';
import { governingPackOfUnit } from '../../records/eligibility.js';
import { todayVn } from '../../clock.js';
import { defaultHolidays } from '../../../shared/working-days.js';
import { isoDate, pageQuery } from '../../../shared/schemas/common.js';
import { inKindValue } from '../../../shared/schemas/records.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';

const idParams = z.object({ id: z.uuid('Mã hồ sơ không hợp lệ.') });
const candidateParams = idParams.extend({ candidateId: z.uuid('Mã đề nghị không hợp lệ.') });
const documentParams = idParams.extend({ documentId: z.uuid('Mã tài liệu không hợp lệ.') });
const version = z.number().int('Phiên bản không hợp lệ.').optional();
const honor = z.enum(HONORS, 'Hình thức khen thưởng không hợp lệ.');
const shortText = (max: number, msg: string) => z.string().trim().max(max, msg);

const dossierListQuery = z.object({
  box: z.enum(['all', 'inbox', 'mine'], 'Hộp hồ sơ không hợp lệ.').optional(),
  status: z.enum(DOSSIER_STATUSES, 'Trạng thái không hợp lệ.').optional(),
  stage: z.enum(DOSSIER_STAGES, 'Giai đoạn không hợp lệ.').optional(),
  movementId: z.uuid('Phong trào không hợp lệ.').optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().max(100, 'Từ khóa quá dài.').optional(),
  sort: z.enum(DOSSIER_SORTS, 'Cột sắp xếp không hợp lệ.').optional(),
  order: z.enum(['asc', 'desc'], 'Chiều sắp xếp không hợp lệ.').optional(),
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
  posthumous: z.boolean('Truy tặng phải là có hoặc không.').optional().describe('Truy tặng: người được đề nghị đã hy sinh, từ trần'),
  inKindDescription: shortText(500, 'Mô tả hiện vật quá dài.').nullish().describe('Khen thưởng bằng hiện vật, ví dụ công trình phúc lợi'),
  inKindValue: inKindValue.nullish().describe('Giá trị hiện vật (đồng)'),
});
const documentBody = z.object({
  kind: z.enum(DOCUMENT_KINDS, 'Loại tài liệu không hợp lệ.'),
  candidateId: z.uuid('Đề nghị không hợp lệ.').nullish(),
  title: shortText(300, 'Tên tài liệu quá dài.').nullish(),
  content: z.string().max(100_000, 'Nội dung quá dài (tối đa 100.000 ký tự).').nullish(),
  voteResult: shortText(500, 'Kết quả biểu quyết quá dài.').nullish(),
  version,
});

/** The governing pack (today) per dossier unit, loaded once per unit for a list. */
function packsByUnit(db: Db): (unitId: string) => Promise<RulePack> {
  const cache = new Map<string, Promise<RulePack>>();
  return (unitId) => {
    let p = cache.get(unitId);
    if (!p) cache.set(unitId, (p = governingPackOfUnit(db, unitId, todayVn())));
    return p;
  };
}

/** The whole dossier as the page shows it (the record read within the actor's scope). */
async function dossierJson(db: Db, actor: Actor, id: string) {
  const d = await findVisibleDossier(db, actor, id);
  if (!d) throw notFound('Không tìm thấy hồ sơ.');
  // Sequential on purpose: a burst of pool connections per request buys little here.
  const candidates = await candidatesOf(db, d.id);
  const documents = await documentsOf(db, d.id);
  const versions = await versionsOf(db, d.id);
  const cal = await loadCalendar(db);
  const uname = await unsafeUnitName(db, d.unitId);
  const receiver = d.receiverUnitId ? await unsafeUnitName(db, d.receiverUnitId) : null;
  const deadline = d.movementId
    ? await submissionDeadline(
        db,
        d.movementId,
        d.unitId,
        candidates.map((c) => c.proposedHonor),
      )
    : { dueDate: null, startDate: null, extension: null };
  const pack = await governingPackOfUnit(db, d.unitId, regimeDateOf(d, todayVn()));
  return presentDossier(d, actor, {
    unitName: uname,
    receiverUnitName: receiver,
    candidates,
    documents,
    versions,
    cal,
    deadline: { dueDate: deadline.dueDate, extensionUntil: deadline.extension?.until ?? null, startDate: deadline.startDate },
    pack,
  });
}

/** A candidate as its dossier shows it, with what the actor may do to it now. */
async function candidateJson(db: Db, actor: Actor, dossierId: string, c: Parameters<typeof presentCandidate>[0]) {
  const d = await findVisibleDossier(db, actor, dossierId);
  return presentCandidate(c, d ? candidateActions(actor, d, c) : []);
}

/** Sends a file's bytes (the route's contract declares it with `file(...)`). */
function sendBytes(reply: FastifyReply, type: string, disposition: string, data: Buffer): FastifyReply {
  return reply.header('content-type', type).header('content-disposition', disposition).send(data);
}

const holidaySchema = z.object({ date: z.string(), name: z.string(), kind: z.string() });
const holidayListSchema = z.object({
  items: z.array(holidaySchema.extend({ source: z.enum(['default', 'agency']) })),
  total: z.number().int(),
  defaults: z.array(holidaySchema),
  agency: z.array(holidaySchema),
});
const extensionSchema = z
  .object({ id: z.uuid(), unitId: z.uuid(), unitName: z.string(), until: z.string(), reason: z.string(), grantedAt: z.iso.datetime() })
  .meta({ id: 'DossierExtension' });
const one = { 200: dossierSchema, ...errors(403, 404, 409) };

export const dossierRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['dossiers'];

    app.get(
      '/api/dossiers',
      {
        schema: {
          tags,
          operationId: 'listDossiers',
          summary: 'Hồ sơ đề nghị khen thưởng trong phạm vi (đơn vị: của mình; Văn phòng: hồ sơ gửi đến)',
          querystring: dossierListQuery,
          response: { 200: dossierListSchema, ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'read');
        const [{ rows, total }, cal] = await Promise.all([listVisibleDossiers(db, actor, req.query), loadCalendar(db)]);
        const packOf = packsByUnit(db);
        const items = [];
        for (const r of rows) items.push(presentDossierSummary(r.dossier, actor, r.unitName, r.candidateCount, cal, await packOf(r.dossier.unitId)));
        return { items, total, page: req.query.page, pageSize: req.query.pageSize };
      },
    );

    app.get(
      '/api/dossiers/export.xlsx',
      {
        schema: {
          tags,
          operationId: 'exportDossiers',
          summary: 'Xuất Excel danh sách hồ sơ theo bộ lọc đang chọn (mọi trang)',
          querystring: dossierListQuery.omit({ page: true, pageSize: true }),
          response: { 200: file('Tệp Excel', 'xlsx'), ...errors(403) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'read');
        // Same scoped list as GET /api/dossiers, read page by page (the list's page size cap is 200).
        const rows = batched(
          (offset, limit) => listVisibleDossiers(db, actor, { ...req.query, page: offset / limit + 1, pageSize: limit }).then((r) => r.rows),
          200,
        );
        return replyXlsx(reply, 'Danh sách hồ sơ đề nghị khen thưởng.xlsx', dossierColumns(), rows, {
          sheetName: 'Hồ sơ',
          unitName: await exportUnitName(db, actor),
        });
      },
    );

    app.get(
      '/api/dossiers/overdue',
      {
        schema: {
          tags,
          operationId: 'listOverdueDossiers',
          summary: 'Bảng theo dõi quá hạn: bước đang xử lý vượt (hoặc còn ≤ 2 ngày làm việc đến) số ngày làm việc cho phép, quá hạn nhiều nhất trước',
          querystring: z.object({ ...pageQuery }),
          response: { 200: overdueListSchema, ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'read');
        // Any step some regime limits; each dossier's own pack (agency overrides included) decides its limit below.
        const statuses = [...new Set(REGIMES.flatMap((r) => limitedSteps(packFor(r))))];
        const [rows, cal] = await Promise.all([listVisibleTimedDossiers(db, actor, statuses, 2000), loadCalendar(db)]);
        // Working days depend on the agency's calendar, so the near-due filter and its order are computed here, on the scoped rows.
        const packOf = packsByUnit(db);
        const timed = [];
        for (const r of rows) {
          const pack = await packOf(r.dossier.unitId);
          const clock = clockOf(cal, r.dossier, pack);
          if (clock) timed.push({ ...presentDossierSummary(r.dossier, actor, r.unitName, 0, cal, pack), clock });
        }
        const all = timed
          .filter((x) => x.clock.overdue || x.clock.limitDays - x.clock.usedDays <= 2)
          .sort((a, b) => b.clock.daysOver - a.clock.daysOver || a.clock.dueOn.localeCompare(b.clock.dueOn));
        const from = (req.query.page - 1) * req.query.pageSize;
        return { items: all.slice(from, from + req.query.pageSize), total: all.length, overdue: all.filter((i) => i.clock.overdue).length };
      },
    );

    app.get(
      '/api/dossiers/holidays',
      {
        schema: {
          tags,
          operationId: 'listHolidays',
          summary: 'Lịch ngày nghỉ của một năm dùng tính ngày làm việc (mặc định theo Bộ luật Lao động + của cơ quan)',
          querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
          response: { 200: holidayListSchema, ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'read');
        const defaults = defaultHolidays(req.query.year).map((h) => ({ date: h.date, name: h.name, kind: h.kind }));
        const agency = (await listAgencyHolidays(db, req.query.year)).map((o) => ({ date: o.date, name: o.name, kind: o.kind }));
        const items = [...defaults.map((h) => ({ ...h, source: 'default' as const })), ...agency.map((h) => ({ ...h, source: 'agency' as const }))].sort(
          (a, b) => a.date.localeCompare(b.date),
        );
        return { items, total: items.length, defaults, agency };
      },
    );

    app.put(
      '/api/dossiers/holidays',
      {
        schema: {
          tags,
          operationId: 'setHoliday',
          summary: 'Thêm ngày nghỉ, ngày làm bù (hoặc trả về lịch mặc định)',
          body: z.object({
            date: isoDate,
            name: shortText(200, 'Tên quá dài.').min(1, 'Hãy nhập tên ngày nghỉ.'),
            kind: z.enum(['holiday', 'workday', 'default'], 'Loại ngày không hợp lệ.'),
          }),
          response: { 200: okSchema, ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'manageDeadlines');
        await runCommand(db, actor, (ctx) => setHoliday(ctx, req.body));
        return { ok: true as const };
      },
    );

    app.post(
      '/api/dossiers/deadlines',
      {
        schema: {
          tags,
          operationId: 'setSubmissionDeadline',
          summary: 'Đặt hạn nộp hồ sơ của một phong trào (quá hạn không nhận)',
          body: z.object({ movementId: z.uuid('Phong trào không hợp lệ.'), dueDate: isoDate, note: shortText(500, 'Ghi chú quá dài.').nullish() }),
          response: { 200: z.object({ movementId: z.uuid(), dueDate: z.string() }), ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'manageDeadlines');
        return runCommand(db, actor, (ctx) => setSubmissionDeadline(ctx, req.body));
      },
    );

    app.get(
      '/api/dossiers/extensions',
      {
        schema: {
          tags,
          operationId: 'listExtensions',
          summary: 'Các lần gia hạn nộp hồ sơ của một phong trào cho các đơn vị trong phạm vi',
          querystring: z.object({ movementId: z.uuid('Phong trào không hợp lệ.') }),
          response: { 200: z.object({ items: z.array(extensionSchema), total: z.number().int() }), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'read');
        const rows = await listVisibleExtensions(db, actor, req.query.movementId);
        return {
          items: rows.map((r) => ({
            id: r.ext.id,
            unitId: r.ext.unitId,
            unitName: r.unitName,
            until: r.ext.until,
            reason: r.ext.reason,
            grantedAt: r.ext.grantedAt.toISOString(),
          })),
          total: rows.length,
        };
      },
    );

    app.post(
      '/api/dossiers/extensions',
      {
        schema: {
          tags,
          operationId: 'grantExtension',
          summary: 'Gia hạn nộp hồ sơ cho một đơn vị (ghi lý do)',
          body: z.object({
            movementId: z.uuid('Phong trào không hợp lệ.'),
            unitId: z.uuid('Đơn vị không hợp lệ.'),
            until: isoDate,
            reason: shortText(1000, 'Lý do quá dài.').min(1, 'Hãy ghi lý do gia hạn.'),
          }),
          response: { 201: z.object({ id: z.uuid(), until: z.string() }), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'manageDeadlines');
        const row = await runCommand(db, actor, (ctx) => grantExtension(ctx, req.body));
        return reply.status(201).send({ id: row.id, until: row.until });
      },
    );

    app.post(
      '/api/dossiers',
      {
        schema: {
          tags,
          operationId: 'createDossier',
          summary: 'Lập hồ sơ đề nghị khen thưởng (theo phong trào/đợt, theo năm hoặc đột xuất)',
          body: dossierBody,
          response: { 201: dossierSchema, ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'create');
        const row = await runCommand(db, actor, (ctx) => createDossier(ctx, req.body));
        return reply.status(201).send(await dossierJson(db, actor, row.id));
      },
    );

    app.get(
      '/api/dossiers/:id',
      {
        schema: {
          tags,
          operationId: 'getDossier',
          summary: 'Một hồ sơ: danh sách đề nghị, tài liệu, danh mục thành phần, các lần nộp',
          params: idParams,
          response: { 200: dossierSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'read');
        return dossierJson(db, actor, req.params.id);
      },
    );

    app.put(
      '/api/dossiers/:id',
      {
        schema: {
          tags,
          operationId: 'updateDossier',
          summary: 'Sửa tên, tóm tắt hồ sơ (kèm phiên bản: sửa trùng → 409)',
          params: idParams,
          body: z.object({ title: dossierBody.shape.title, summary: dossierBody.shape.summary, version: z.number({ error: 'Thiếu phiên bản hồ sơ.' }).int() }),
          response: one,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'update');
        await runCommand(db, actor, (ctx) => updateDossier(ctx, req.params.id, req.body));
        return dossierJson(db, actor, req.params.id);
      },
    );

    app.put(
      '/api/dossiers/:id/regime-date',
      {
        schema: {
          tags,
          operationId: 'setDossierRegimeDate',
          summary: 'Đặt ngày áp dụng quy định (ngày dự kiến ký quyết định; null: hôm nay): chế độ pháp lý, điều kiện và thẩm định của hồ sơ theo ngày này',
          params: idParams,
          body: z.object({ regimeDate: isoDate.nullable(), version: z.number({ error: 'Thiếu phiên bản hồ sơ.' }).int() }),
          response: one,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorizeAny(actor, 'dossier', ['update', 'appraise']);
        await runCommand(db, actor, (ctx) => setRegimeDate(ctx, req.params.id, req.body));
        return dossierJson(db, actor, req.params.id);
      },
    );

    app.delete(
      '/api/dossiers/:id',
      {
        schema: {
          tags,
          operationId: 'deleteDossier',
          summary: 'Xóa hồ sơ nháp chưa nộp lần nào',
          params: idParams,
          response: { 200: okSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'update');
        await runCommand(db, actor, (ctx) => deleteDossier(ctx, req.params.id));
        return { ok: true as const };
      },
    );

    app.post(
      '/api/dossiers/:id/candidates',
      {
        schema: {
          tags,
          operationId: 'addCandidate',
          summary: 'Thêm cá nhân, tập thể, hộ gia đình vào danh sách đề nghị',
          params: idParams,
          body: candidateBody,
          response: { 201: candidateSchema, ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'update');
        const c = await runCommand(db, actor, (ctx) => addCandidate(ctx, req.params.id, req.body));
        return reply.status(201).send(await candidateJson(db, actor, req.params.id, c));
      },
    );

    app.put(
      '/api/dossiers/:id/candidates/:candidateId',
      {
        schema: {
          tags,
          operationId: 'updateCandidate',
          summary: 'Sửa hình thức đề nghị, tóm tắt thành tích',
          params: candidateParams,
          body: z.object({
            proposedHonor: honor.optional(),
            achievement: candidateBody.shape.achievement,
            positionText: candidateBody.shape.positionText,
            version,
            posthumous: candidateBody.shape.posthumous,
            inKindDescription: candidateBody.shape.inKindDescription,
            inKindValue: candidateBody.shape.inKindValue,
          }),
          response: { 200: candidateSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'update');
        const c = await runCommand(db, actor, (ctx) => updateCandidate(ctx, req.params.id, req.params.candidateId, req.body));
        return candidateJson(db, actor, req.params.id, c);
      },
    );

    app.delete(
      '/api/dossiers/:id/candidates/:candidateId',
      {
        schema: {
          tags,
          operationId: 'removeCandidate',
          summary: 'Bỏ một đề nghị khỏi hồ sơ',
          params: candidateParams,
          response: { 200: okSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'update');
        await runCommand(db, actor, (ctx) => removeCandidate(ctx, req.params.id, req.params.candidateId));
        return { ok: true as const };
      },
    );

    const created = { 201: z.object({ id: z.uuid() }), ...errors(403, 404, 409) };

    app.post(
      '/api/dossiers/:id/documents',
      {
        schema: {
          tags,
          operationId: 'addDossierDocument',
          summary: 'Thêm tài liệu soạn trên hệ thống (tờ trình, biên bản, báo cáo thành tích)',
          params: idParams,
          body: documentBody,
          response: created,
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'update');
        const doc = await runCommand(db, actor, (ctx) => addDocument(ctx, req.params.id, req.body));
        return reply.status(201).send({ id: doc.id });
      },
    );

    app.post(
      '/api/dossiers/:id/documents/upload',
      {
        schema: {
          tags,
          operationId: 'uploadDossierDocument',
          summary: 'Tải tệp lên hồ sơ (PDF, Word, ảnh; ≤ 10 MB; kiểm tra theo nội dung)',
          params: idParams,
          consumes: ['multipart/form-data'],
          response: { ...created, ...errors(403, 404, 409, 413) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'update');
        if (!(await findVisibleDossier(db, actor, req.params.id))) throw notFound('Không tìm thấy hồ sơ.');
        const { buffer, fileName, fields } = await readUpload(req, { missing: 'Hãy chọn tệp để tải lên.', defaultName: 'tep' });
        const parsed = documentBody
          .omit({ version: true })
          .safeParse({ kind: fields.kind, candidateId: fields.candidateId || null, title: fields.title || null, voteResult: fields.voteResult || null });
        if (!parsed.success) throw badRequest(`Dữ liệu không hợp lệ: ${parsed.error.issues[0]?.message ?? ''}`);
        const v = fields.version ? Number(fields.version) : undefined;
        const doc = await runCommand(db, actor, (ctx) =>
          addDocument(ctx, req.params.id, { ...parsed.data, version: Number.isInteger(v) ? v : undefined }, { buffer, fileName }),
        );
        return reply.status(201).send({ id: doc.id });
      },
    );

    app.get(
      '/api/dossiers/:id/documents/:documentId/file',
      {
        schema: {
          tags,
          operationId: 'downloadDossierDocument',
          summary: 'Tải tệp đính kèm',
          params: documentParams,
          response: { 200: file('Tệp đính kèm (PDF, Word, ảnh)', 'pdf', 'docx', 'png', 'octet'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'read');
        const d = await findVisibleDossier(db, actor, req.params.id);
        if (!d) throw notFound('Không tìm thấy hồ sơ.');
        const doc = await documentFile(db, d.id, req.params.documentId);
        if (!doc?.data) throw notFound('Không tìm thấy tệp.');
        return sendBytes(reply, doc.mimeType ?? MIME.octet, contentDisposition(doc.fileName ?? 'tep'), doc.data);
      },
    );

    app.delete(
      '/api/dossiers/:id/documents/:documentId',
      {
        schema: {
          tags,
          operationId: 'removeDossierDocument',
          summary: 'Bỏ một tài liệu',
          params: documentParams,
          response: { 200: okSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'update');
        await runCommand(db, actor, (ctx) => removeDocument(ctx, req.params.id, req.params.documentId));
        return { ok: true as const };
      },
    );

    app.get(
      '/api/dossiers/:id/to-trinh.docx',
      {
        schema: {
          tags,
          operationId: 'downloadToTrinh',
          summary: 'Tờ trình đề nghị khen thưởng (Word hoặc PDF) lập từ danh sách; số văn bản (so) do văn thư lấy ở sổ',
          params: idParams,
          querystring: documentQuery,
          response: { 200: file('Tờ trình (Word hoặc PDF)', 'docx', 'pdf'), ...errors(403, 404, 503) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'read');
        const d = await findVisibleDossier(db, actor, req.params.id);
        if (!d) throw notFound('Không tìm thấy hồ sơ.');
        const buf = await toTrinhDocx(db, d, await candidatesOf(db, d.id), { so: req.query.so });
        // The dossier's own unit, reached through the dossier found in scope.
        const unit = await unsafeFindUnit(db, d.unitId);
        return replyDocument(reply, buf, documentFileStem('TTr', documentNumber(req.query.so), unit?.code ?? '', d.year), req.query.format);
      },
    );

    const verb = (
      path: string,
      operationId: string,
      summary: string,
      action: 'submit' | 'withdraw' | 'receive',
      run: (ctx: Parameters<Parameters<typeof runCommand>[2]>[0], id: string, v: number | undefined) => Promise<unknown>,
    ) =>
      app.post(path, { schema: { tags, operationId, summary, params: idParams, body: z.object({ version }).optional(), response: one } }, async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', action);
        await runCommand(db, actor, (ctx) => run(ctx, req.params.id, req.body?.version));
        return dossierJson(db, actor, req.params.id);
      });
    verb('/api/dossiers/:id/submit', 'submitDossier', 'Nộp hồ sơ (kiểm tra đủ thành phần, hạn nộp, trùng đề nghị; lưu phiên bản)', 'submit', (ctx, id, v) =>
      submitDossier(ctx, id, v),
    );
    verb('/api/dossiers/:id/withdraw', 'withdrawDossier', 'Rút hồ sơ trước khi được tiếp nhận', 'withdraw', (ctx, id) => withdrawDossier(ctx, id));
    verb('/api/dossiers/:id/receive', 'receiveDossier', 'Tiếp nhận hồ sơ', 'receive', (ctx, id) => receiveDossier(ctx, id));

    app.post(
      '/api/dossiers/:id/return',
      {
        schema: {
          tags,
          operationId: 'returnDossier',
          summary: 'Trả lại hồ sơ kèm lý do để đơn vị bổ sung',
          params: idParams,
          body: z.object({ reasons: z.array(shortText(1000, 'Lý do quá dài.')).min(1, 'Hãy ghi lý do trả lại hồ sơ.').max(20) }),
          response: one,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'return');
        await runCommand(db, actor, (ctx) => returnDossier(ctx, req.params.id, req.body.reasons));
        return dossierJson(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/dossiers/:id/candidates/:candidateId/appraise',
      {
        schema: {
          tags,
          operationId: 'appraiseCandidate',
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
          response: { 200: candidateSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'appraise');
        const c = await runCommand(db, actor, (ctx) =>
          appraiseCandidate(ctx, req.params.id, req.params.candidateId, req.body as Parameters<typeof appraiseCandidate>[3]),
        );
        return candidateJson(db, actor, req.params.id, c);
      },
    );

    app.post(
      '/api/dossiers/:id/candidates/:candidateId/forward',
      {
        schema: {
          tags,
          operationId: 'forwardCandidate',
          summary: 'Chọn một đề nghị đã qua Hội đồng để trình cấp trên (kiểm tra chỉ tiêu)',
          params: candidateParams,
          body: z.object({ honor: honor.optional() }),
          response: { 201: z.object({ upwardDossierId: z.uuid(), candidate: candidateSchema }), ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'forward');
        const r = await runCommand(db, actor, (ctx) => forwardCandidate(ctx, req.params.id, req.params.candidateId, req.body));
        return reply.status(201).send({ upwardDossierId: r.upward.id, candidate: await candidateJson(db, actor, r.upward.id, r.candidate) });
      },
    );

    app.post(
      '/api/dossiers/:id/forward',
      {
        schema: {
          tags,
          operationId: 'forwardDossier',
          summary: 'Trình hồ sơ tổng hợp lên cơ quan cấp trên',
          params: idParams,
          body: z.object({
            // Named in Vietnamese even when the field is missing: the user reads "cơ quan nhận hồ sơ", never "receiverName".
            receiverName: z
              .string({ error: 'Hãy nhập cơ quan nhận hồ sơ (cơ quan cấp trên).' })
              .trim()
              .max(300, 'Tên cơ quan nhận hồ sơ quá dài.')
              .min(2, 'Hãy nhập cơ quan nhận hồ sơ (cơ quan cấp trên).'),
            summary: dossierBody.shape.summary,
          }),
          response: one,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'dossier', 'forward');
        await runCommand(db, actor, (ctx) => forwardDossier(ctx, req.params.id, req.body));
        return dossierJson(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/dossiers/:id/higher-decision',
      {
        schema: {
          tags,
          operationId: 'recordHigherDecision',
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
            ...externalDecisionText,
            classes: z
              .array(z.object({ candidateId: z.uuid('Đề nghị không hợp lệ.'), honor }))
              .max(5000, 'Quá nhiều đề nghị.')
              .optional()
              .describe('Hạng quyết định ghi cho đề nghị chưa xác định hạng (Huân chương Lao động → hạng Ba)'),
          }),
          response: { 201: z.object({ id: z.uuid(), numberText: z.string() }), ...errors(403, 404, 409) },
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
