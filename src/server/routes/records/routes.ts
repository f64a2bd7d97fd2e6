/**
 * Records the rule engine reads (ratings, honors received, initiatives, discipline, facts),
 * eligibility from stored data, candidates per unit with quota use, and .xlsx import.
 */
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import type { Actor } from '../../auth/actor.js';
import { readUpload } from '../../http/upload.js';
import { actorOf } from '../../http/session.js';
import { errors, file } from '../../http/contract.js';
import { authorize } from '../../policies/scope.js';
import { runCommand } from '../../commands/run.js';
import {
  addDiscipline,
  addFact,
  addHonor,
  addInitiative,
  importRecords,
  removeDiscipline,
  removeFact,
  removeHonor,
  removeInitiative,
  removeRating,
  revokeHonor,
  setRating,
  updateDiscipline,
  updateHonor,
  updateInitiative,
} from '../../commands/records.js';
import { conversionNotices } from '../../documents/index.js';
import { findVisibleSubject, listVisibleUnitsForMatching, unsafeLoadRecordRows } from '../../repositories/records.js';
import { findVisibleUnit } from '../../repositories/units.js';
import { candidatesIn, eligibilityOf, governingPack } from '../../records/eligibility.js';
import { tryMoney } from '../../rules/money.js';
import { candidateColumns, type CandidateExportLine } from '../../presenters/list-exports.js';
import { XLSX_MIME, contentDisposition, replyXlsx } from '../../http/xlsx-reply.js';
import {
  assertRecordSheet,
  checkHonorsTable,
  checkRatingsTable,
  recordImportTemplate,
  type HonorsTable,
  type RatingsTable,
  type RecordImportMapping,
} from '../../records/import-xlsx.js';
import { importJobSchema, presentImportJob } from '../../presenters/import-jobs.js';
import type { Executor } from '../../db/client.js';

type ReadTable = { kind: 'ratings'; table: RatingsTable } | { kind: 'honors'; table: HonorsTable };
import {
  candidateListSchema,
  disciplineRecordSchema,
  eligibilitySchema,
  factRecordSchema,
  honorRecordSchema,
  initiativeRecordSchema,
  presentCandidate,
  presentChecked,
  presentDiscipline,
  presentFact,
  presentHonor,
  presentInitiative,
  presentRating,
  presentRecords,
  ratingRecordSchema,
  subjectRecordsSchema,
} from '../../presenters/records.js';
import { badRequest, notFound } from '../../errors.js';
import { todayVn } from '../../clock.js';
import { isoDate, pageQuery } from '../../../shared/schemas/common.js';
import {
  RECORD_IMPORT_KINDS,
  disciplineInputSchema,
  disciplineUpdateSchema,
  honorCode,
  honorInputSchema,
  honorUpdateSchema,
  initiativeInputSchema,
  initiativeUpdateSchema,
  ratingInputSchema,
  recordYear,
  recordYearParam,
  type RecordImportKind,
} from '../../../shared/schemas/records.js';
import { FACTS } from '../../rules/index.js';

const personParams = z.object({ id: z.uuid('Mã cán bộ không hợp lệ.') });
const unitParams = z.object({ id: z.uuid('Mã đơn vị không hợp lệ.') });
const recordParams = z.object({ id: z.uuid('Mã bản ghi không hợp lệ.') });
const ratingParams = (what: string) => z.object({ id: z.uuid(`Mã ${what} không hợp lệ.`), year: recordYearParam });
/** A delete answers 204 with no body. */
const deleted = { 204: z.null().describe('Đã xóa (không có nội dung)'), ...errors(403, 404, 409) };

const eligibilityQuery = z.object({
  year: recordYearParam.optional().describe('Năm thành tích được xét (mặc định: năm trước năm của ngày quyết định)'),
  decisionDate: isoDate.optional().describe('Ngày quyết định dự kiến: chọn chế độ pháp lý và mức lương cơ sở (mặc định: hôm nay, theo giờ Việt Nam)'),
});
const factInputSchema = z
  .object({
    personId: z.uuid('Cán bộ không hợp lệ.').nullish(),
    unitId: z.uuid('Đơn vị không hợp lệ.').nullish(),
    year: recordYear,
    fact: z.enum(FACTS, 'Mã xác nhận không hợp lệ.'),
    note: z.string().trim().max(1000, 'Ghi chú quá dài.').nullish(),
  })
  .superRefine((v, ctx) => {
    if (!v.personId === !v.unitId)
      ctx.addIssue({ code: 'custom', path: ['personId'], message: 'Chọn đúng một đối tượng: một cán bộ (personId) hoặc một tập thể (unitId).' });
  });

function importKind(fields: Record<string, string>): RecordImportKind {
  const k = fields.kind;
  if (!k || !(RECORD_IMPORT_KINDS as readonly string[]).includes(k))
    throw badRequest('Hãy chọn loại dữ liệu nhập: "ratings" (xếp loại) hoặc "honors" (khen thưởng).');
  return k as RecordImportKind;
}

/** A workbook built in memory (the import template) as a download. */
function sendXlsx(reply: FastifyReply, fileName: string, body: Buffer): FastifyReply {
  reply.header('content-type', XLSX_MIME);
  reply.header('content-disposition', contentDisposition(fileName));
  return reply.send(body);
}

const candidatesFilter = {
  unitId: z.uuid('Đơn vị không hợp lệ.'),
  year: recordYearParam.optional(),
  honor: honorCode.optional(),
  decisionDate: isoDate.optional(),
};
const candidatesView = {
  sort: z
    .enum(['result', 'name'], 'Sắp xếp theo "result" (kết quả) hoặc "name" (họ tên).')
    .default('result')
    .describe('result: đủ điều kiện trước, rồi thiếu dữ liệu, rồi chưa đủ; name: theo tên'),
  order: z.enum(['asc', 'desc'], 'Thứ tự là "asc" hoặc "desc".').default('asc'),
  result: z
    .enum(['eligible', 'undetermined', 'ineligible'], 'Kết quả lọc là eligible, undetermined hoặc ineligible.')
    .optional()
    .describe('Chỉ những đối tượng có kết quả này'),
};
const candidatesQuery = z.object({ ...candidatesFilter, ...candidatesView, ...pageQuery });
const candidatesExportQuery = z.object({ ...candidatesFilter, ...candidatesView });

export const recordRoutes =
  ({ db, imports }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    async function subjectOr404(actor: Actor, ref: { personId?: string; unitId?: string }) {
      const s = await findVisibleSubject(db, actor, ref);
      if (!s) throw notFound(ref.personId ? 'Không tìm thấy cán bộ.' : 'Không tìm thấy đơn vị.');
      return s;
    }
    function eligibilityParams(q: { year?: number | undefined; decisionDate?: string | undefined }) {
      const decisionDate = q.decisionDate ?? todayVn();
      return { decisionDate, year: q.year ?? Number(decisionDate.slice(0, 4)) - 1 };
    }
    async function candidateUnit(actor: Actor, unitId: string) {
      const s = await subjectOr404(actor, { unitId });
      const unit = await findVisibleUnit(db, actor, unitId);
      if (!unit) throw notFound('Không tìm thấy đơn vị.');
      return { s, unit };
    }

    // ---------------------------------------------------------------- history and eligibility

    app.get(
      '/api/people/:id/records',
      {
        schema: {
          tags: ['records'],
          operationId: 'getPersonRecords',
          summary: 'Quá trình của một cán bộ theo năm: xếp loại, khen thưởng, sáng kiến, kỷ luật',
          params: personParams,
          response: { 200: subjectRecordsSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'read');
        const s = await subjectOr404(actor, { personId: req.params.id });
        return presentRecords(s, await unsafeLoadRecordRows(db, [req.params.id], []), actor);
      },
    );

    app.get(
      '/api/units/:id/records',
      {
        schema: {
          tags: ['records'],
          operationId: 'getUnitRecords',
          summary: 'Quá trình của một tập thể theo năm',
          params: unitParams,
          response: { 200: subjectRecordsSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'read');
        const s = await subjectOr404(actor, { unitId: req.params.id });
        return presentRecords(s, await unsafeLoadRecordRows(db, [], [req.params.id]), actor);
      },
    );

    app.get(
      '/api/people/:id/eligibility',
      {
        schema: {
          tags: ['records'],
          operationId: 'getPersonEligibility',
          summary: 'Cán bộ đủ điều kiện danh hiệu, hình thức nào (từ dữ liệu đã lưu), kèm lý do và tiền thưởng',
          params: personParams,
          querystring: eligibilityQuery,
          response: { 200: eligibilitySchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'read');
        const s = await subjectOr404(actor, { personId: req.params.id });
        const { year, decisionDate } = eligibilityParams(req.query);
        return { subject: { kind: s.kind, id: req.params.id, name: s.name }, ...(await eligibilityOf(db, s, year, decisionDate)) };
      },
    );

    app.get(
      '/api/units/:id/eligibility',
      {
        schema: {
          tags: ['records'],
          operationId: 'getUnitEligibility',
          summary: 'Tập thể đủ điều kiện danh hiệu, hình thức nào (từ dữ liệu đã lưu và thành viên trong năm)',
          params: unitParams,
          querystring: eligibilityQuery,
          response: { 200: eligibilitySchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'read');
        const s = await subjectOr404(actor, { unitId: req.params.id });
        const { year, decisionDate } = eligibilityParams(req.query);
        return { subject: { kind: s.kind, id: req.params.id, name: s.name }, ...(await eligibilityOf(db, s, year, decisionDate)) };
      },
    );

    app.get(
      '/api/candidates',
      {
        schema: {
          tags: ['records'],
          operationId: 'listEligibleCandidates',
          summary: 'Danh sách đủ điều kiện trong cây đơn vị cho một năm (một hoặc mọi danh hiệu), kèm tỷ lệ khống chế',
          description: 'Trang `page` cỡ `pageSize`; `summary` và `quotas` tính trên toàn bộ danh sách. Lý do chỉ có ở các dòng của trang.',
          querystring: candidatesQuery,
          response: { 200: candidateListSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'read');
        const { s, unit } = await candidateUnit(actor, req.query.unitId);
        const { year, decisionDate } = eligibilityParams(req.query);
        const { page, pageSize, sort, order, result } = req.query;
        const res = await candidatesIn(db, unit, year, decisionDate, req.query.honor, { sort, order, result }, { page, pageSize });
        return { unit: { id: unit.id, name: s.name }, ...res, items: res.items.map(presentCandidate) };
      },
    );

    app.get(
      '/api/candidates/export.xlsx',
      {
        schema: {
          tags: ['records'],
          operationId: 'exportEligibleCandidates',
          summary: 'Xuất Excel danh sách xét điều kiện (kết quả, lý do tóm tắt, tiền thưởng) theo bộ lọc và thứ tự đang chọn, không chia trang',
          querystring: candidatesExportQuery,
          response: { 200: file('Tệp Excel', 'xlsx'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'read');
        const { s, unit } = await candidateUnit(actor, req.query.unitId);
        const { year, decisionDate } = eligibilityParams(req.query);
        const { sort, order, result } = req.query;
        const res = await candidatesIn(db, unit, year, decisionDate, req.query.honor, { sort, order, result });
        // Money as the decision would pay it: same pack (with the agency's overrides) as the evaluation.
        const pack = await governingPack(db, unit.path, decisionDate);
        const lines: CandidateExportLine[] = res.items.flatMap((r) =>
          r.outcomes.map((o) => {
            const pending = (o.reasons ?? []).filter((x) => x.ok !== true);
            return {
              name: r.name,
              kind: r.kind,
              unitName: r.unitName,
              honor: o.honor,
              eligible: o.eligible,
              reasons: (pending.length ? pending : (o.reasons ?? [])).map((x) => x.text).join('; '),
              amount: o.eligible === false ? null : (tryMoney(pack, o.honor, r.kind, decisionDate)?.amount ?? null),
            };
          }),
        );
        return replyXlsx(reply, `Danh sách xét khen thưởng năm ${year} - ${s.name}.xlsx`, candidateColumns(), lines, {
          sheetName: 'Xét điều kiện',
          unitName: s.name,
        });
      },
    );

    // ---------------------------------------------------------------- ratings

    app.put(
      '/api/people/:id/ratings/:year',
      {
        schema: {
          tags: ['records'],
          operationId: 'setPersonRating',
          summary: 'Ghi hoặc sửa xếp loại chất lượng của cán bộ cho một năm',
          params: ratingParams('cán bộ'),
          body: ratingInputSchema,
          response: { 200: ratingRecordSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'write');
        return presentRating(await runCommand(db, actor, (ctx) => setRating(ctx, { personId: req.params.id }, req.params.year, req.body)), actor);
      },
    );
    app.delete(
      '/api/people/:id/ratings/:year',
      {
        schema: {
          tags: ['records'],
          operationId: 'removePersonRating',
          summary: 'Xóa xếp loại của cán bộ cho một năm',
          params: ratingParams('cán bộ'),
          response: deleted,
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'write');
        await runCommand(db, actor, (ctx) => removeRating(ctx, { personId: req.params.id }, req.params.year));
        return reply.status(204).send(null);
      },
    );
    app.put(
      '/api/units/:id/ratings/:year',
      {
        schema: {
          tags: ['records'],
          operationId: 'setUnitRating',
          summary: 'Ghi hoặc sửa xếp loại chất lượng của tập thể cho một năm',
          params: ratingParams('đơn vị'),
          body: ratingInputSchema,
          response: { 200: ratingRecordSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'write');
        return presentRating(await runCommand(db, actor, (ctx) => setRating(ctx, { unitId: req.params.id }, req.params.year, req.body)), actor);
      },
    );
    app.delete(
      '/api/units/:id/ratings/:year',
      {
        schema: {
          tags: ['records'],
          operationId: 'removeUnitRating',
          summary: 'Xóa xếp loại của tập thể cho một năm',
          params: ratingParams('đơn vị'),
          response: deleted,
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'write');
        await runCommand(db, actor, (ctx) => removeRating(ctx, { unitId: req.params.id }, req.params.year));
        return reply.status(204).send(null);
      },
    );

    // ---------------------------------------------------------------- honors received

    app.post(
      '/api/records/honors',
      {
        schema: {
          tags: ['records'],
          operationId: 'addHonor',
          summary: 'Thêm khen thưởng đã nhận (lịch sử, ngoài hệ thống)',
          body: honorInputSchema,
          response: { 201: honorRecordSchema, ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'write');
        return reply.status(201).send(presentHonor(await runCommand(db, actor, (ctx) => addHonor(ctx, req.body)), actor));
      },
    );
    app.put(
      '/api/records/honors/:id',
      {
        schema: {
          tags: ['records'],
          operationId: 'updateHonor',
          summary: 'Sửa khen thưởng đã nhập',
          params: recordParams,
          body: honorUpdateSchema,
          response: { 200: honorRecordSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'write');
        return presentHonor(await runCommand(db, actor, (ctx) => updateHonor(ctx, req.params.id, req.body)), actor);
      },
    );
    app.post(
      '/api/records/honors/:id/revoke',
      {
        schema: {
          tags: ['records'],
          operationId: 'revokeHonor',
          summary: 'Thu hồi khen thưởng (giữ trong lịch sử, không còn được tính)',
          params: recordParams,
          body: z.object({ reason: z.string().trim().min(3, 'Hãy ghi lý do thu hồi.').max(500, 'Lý do quá dài.') }),
          response: { 200: honorRecordSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'write');
        return presentHonor(await runCommand(db, actor, (ctx) => revokeHonor(ctx, req.params.id, req.body.reason)), actor);
      },
    );
    app.delete(
      '/api/records/honors/:id',
      { schema: { tags: ['records'], operationId: 'removeHonor', summary: 'Xóa khen thưởng nhập nhầm', params: recordParams, response: deleted } },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'write');
        await runCommand(db, actor, (ctx) => removeHonor(ctx, req.params.id));
        return reply.status(204).send(null);
      },
    );

    // ---------------------------------------------------------------- initiatives

    app.post(
      '/api/records/initiatives',
      {
        schema: {
          tags: ['records'],
          operationId: 'addInitiative',
          summary: 'Thêm sáng kiến được công nhận',
          body: initiativeInputSchema,
          response: { 201: initiativeRecordSchema, ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'write');
        return reply.status(201).send(presentInitiative(await runCommand(db, actor, (ctx) => addInitiative(ctx, req.body)), actor));
      },
    );
    app.put(
      '/api/records/initiatives/:id',
      {
        schema: {
          tags: ['records'],
          operationId: 'updateInitiative',
          summary: 'Sửa sáng kiến',
          params: recordParams,
          body: initiativeUpdateSchema,
          response: { 200: initiativeRecordSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'write');
        return presentInitiative(await runCommand(db, actor, (ctx) => updateInitiative(ctx, req.params.id, req.body)), actor);
      },
    );
    app.delete(
      '/api/records/initiatives/:id',
      {
        schema: {
          tags: ['records'],
          operationId: 'removeInitiative',
          summary: 'Xóa sáng kiến (không xóa được sáng kiến đã dùng để xét khen thưởng)',
          params: recordParams,
          response: deleted,
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'write');
        await runCommand(db, actor, (ctx) => removeInitiative(ctx, req.params.id));
        return reply.status(204).send(null);
      },
    );

    // ---------------------------------------------------------------- discipline and facts

    app.post(
      '/api/records/disciplines',
      {
        schema: {
          tags: ['records'],
          operationId: 'addDiscipline',
          summary: 'Ghi quyết định kỷ luật',
          body: disciplineInputSchema,
          response: { 201: disciplineRecordSchema, ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'write');
        return reply.status(201).send(presentDiscipline(await runCommand(db, actor, (ctx) => addDiscipline(ctx, req.body)), actor));
      },
    );
    app.put(
      '/api/records/disciplines/:id',
      {
        schema: {
          tags: ['records'],
          operationId: 'updateDiscipline',
          summary: 'Sửa kỷ luật',
          params: recordParams,
          body: disciplineUpdateSchema,
          response: { 200: disciplineRecordSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'write');
        return presentDiscipline(await runCommand(db, actor, (ctx) => updateDiscipline(ctx, req.params.id, req.body)), actor);
      },
    );
    app.delete(
      '/api/records/disciplines/:id',
      { schema: { tags: ['records'], operationId: 'removeDiscipline', summary: 'Xóa kỷ luật', params: recordParams, response: deleted } },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'write');
        await runCommand(db, actor, (ctx) => removeDiscipline(ctx, req.params.id));
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/records/facts',
      {
        schema: {
          tags: ['records'],
          operationId: 'confirmFact',
          summary: 'Xác nhận một sự kiện hệ thống không tự tính được (dẫn đầu cụm, khối…)',
          body: factInputSchema,
          response: { 201: factRecordSchema, ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'write');
        const row = await runCommand(db, actor, (ctx) => addFact(ctx, req.body));
        return reply.status(201).send(presentFact(row, actor));
      },
    );
    app.delete(
      '/api/records/facts/:id',
      { schema: { tags: ['records'], operationId: 'removeFact', summary: 'Bỏ xác nhận', params: recordParams, response: deleted } },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'write');
        await runCommand(db, actor, (ctx) => removeFact(ctx, req.params.id));
        return reply.status(204).send(null);
      },
    );

    // ---------------------------------------------------------------- import

    app.get(
      '/api/records/import/template',
      {
        schema: {
          tags: ['records'],
          operationId: 'downloadRecordImportTemplate',
          summary: 'Tải mẫu Excel nhập xếp loại hoặc lịch sử khen thưởng',
          querystring: z.object({ kind: z.enum(RECORD_IMPORT_KINDS, 'Loại mẫu phải là "ratings" hoặc "honors".') }),
          response: { 200: file('Mẫu Excel', 'xlsx'), ...errors(403) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'import');
        const unitNames = (await listVisibleUnitsForMatching(db, actor)).map((u) => u.name);
        return sendXlsx(
          reply,
          `mau-nhap-${req.query.kind === 'ratings' ? 'xep-loai' : 'khen-thuong'}.xlsx`,
          await recordImportTemplate(req.query.kind, unitNames),
        );
      },
    );

    /** The optional `mapping` form field: JSON `{ field: column letter or header text }`. */
    function mappingOf(fields: Record<string, string>): RecordImportMapping | undefined {
      if (!fields.mapping) return undefined;
      const parsed = z.record(z.string(), z.string().max(100)).safeParse(
        (() => {
          try {
            return JSON.parse(fields.mapping) as unknown;
          } catch {
            return null;
          }
        })(),
      );
      if (!parsed.success) throw badRequest('Ghép cột không hợp lệ: cần dạng {"trường": "cột"}.');
      return parsed.data;
    }

    /** Reads a checked file in a worker thread (memory cap); the table keeps its kind for the check. */
    async function readInWorker(kind: RecordImportKind, buffer: Buffer, mapping?: RecordImportMapping): Promise<ReadTable> {
      return kind === 'ratings'
        ? { kind: 'ratings', table: await imports.pool.readRatings(buffer, mapping) }
        : { kind: 'honors', table: await imports.pool.readHonors(buffer, mapping) };
    }
    /** Checks the rows against what the actor may see and what is stored (inside the commit's transaction, for a commit). */
    function checkTable(tx: Executor, actor: Actor, read: ReadTable) {
      return read.kind === 'ratings' ? checkRatingsTable(tx, actor, read.table) : checkHonorsTable(tx, actor, read.table);
    }

    app.post(
      '/api/records/import/preview',
      {
        schema: {
          tags: ['records'],
          operationId: 'previewRecordImport',
          summary:
            'Xem trước tệp Excel xếp loại/khen thưởng: lỗi từng dòng, chưa lưu gì (trường kind = ratings | honors). Trả về tác vụ nhập; hỏi GET /api/import-jobs/{id} đến khi xong',
          consumes: ['multipart/form-data'],
          response: { 202: importJobSchema, ...errors(403, 413, 415) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'import');
        const { buffer, fileName, fields } = await readUpload(req, { missing: 'Hãy chọn một tệp Excel (.xlsx) để tải lên.', defaultName: 'tep.xlsx' });
        const kind = importKind(fields);
        const mapping = mappingOf(fields);
        // Content type, zip sizes, ratio and row count: cheap and bounded, on the request path (a bomb is refused here).
        await assertRecordSheet(kind, buffer);
        const job = await imports.start(actor, { kind, mode: 'preview', fileName }, async (stage) => {
          const read = await readInWorker(kind, buffer, mapping);
          await stage('checking');
          const rows = await checkTable(db, actor, read);
          const valid = rows.filter((r) => r.input).length;
          return {
            kind,
            notices: conversionNotices(read.table.converted),
            total: rows.length,
            valid,
            invalid: rows.length - valid,
            rows: presentChecked(rows),
          };
        });
        return reply.status(202).send(presentImportJob(job));
      },
    );

    app.post(
      '/api/records/import/commit',
      {
        schema: {
          tags: ['records'],
          operationId: 'commitRecordImport',
          summary:
            'Nhập tệp Excel xếp loại/khen thưởng sau khi người dùng xác nhận (skipInvalid=true để bỏ qua dòng lỗi). Trả về tác vụ nhập; hỏi GET /api/import-jobs/{id} đến khi xong',
          consumes: ['multipart/form-data'],
          response: { 202: importJobSchema, ...errors(403, 409, 413, 415) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'record', 'import');
        const { buffer, fileName, fields } = await readUpload(req, { missing: 'Hãy chọn một tệp Excel (.xlsx) để tải lên.', defaultName: 'tep.xlsx' });
        const kind = importKind(fields);
        const mapping = mappingOf(fields);
        await assertRecordSheet(kind, buffer);
        const skipInvalid = fields.skipInvalid === 'true';
        const job = await imports.start(actor, { kind, mode: 'commit', fileName }, async (stage) => {
          const read = await readInWorker(kind, buffer, mapping);
          await stage('storing');
          return runCommand(db, actor, async (ctx) => {
            // Checked inside the transaction: what is stored is what was checked.
            const rows = await checkTable(ctx.tx, actor, read);
            return importRecords(ctx, kind, rows, { skipInvalid, fileName });
          });
        });
        return reply.status(202).send(presentImportJob(job));
      },
    );
  };
