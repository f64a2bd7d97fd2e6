import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import type { RouteDeps } from '../../app.js';
import { runCommand } from '../../commands/run.js';
import { createPerson, setPersonActive, transferPerson, updatePerson } from '../../commands/people.js';
import { checkRowsAgainstDatabase, importPeople } from '../../commands/import-people.js';
import { readUpload } from '../../http/upload.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import { findVisiblePersonWithUnit, listPeople, PEOPLE_SORTS, peopleMatching, transfersOf } from '../../repositories/people.js';
import { replyXlsx, XLSX_MIME } from '../../http/xlsx-reply.js';
import { exportUnitName } from '../export-heading.js';
import { peopleColumns } from '../../presenters/exports.js';
import { findVisibleUnit, listVisibleUnits } from '../../repositories/units.js';
import { personDetailSchema, personPageSchema, personSchema, presentImportRows, presentPerson, presentTransfer } from '../../presenters/people.js';
import { errors, file } from '../../http/contract.js';
import { badRequest, notFound } from '../../errors.js';
import { conversionNotices } from '../../documents/index.js';
import { assertXlsx, staffImportTemplate, STAFF_FIELDS, type StaffMapping } from '../../imports/staff-xlsx.js';
import { guardXlsx } from '../../imports/xlsx-guard.js';
import { importJobSchema, presentImportJob } from '../../presenters/import-jobs.js';
import { personInputSchema } from '../../../shared/schemas/person.js';
import { EMPLOYMENT_TYPES, GENDERS } from '../../../shared/codes.js';
import { isoDate, pageQuery, queryBool } from '../../../shared/schemas/common.js';
import { refreshStatistics } from '../../db/maintenance.js';
import type { Actor } from '../../auth/actor.js';

const idParams = z.object({ id: z.uuid('Mã cán bộ không hợp lệ.') });
const listQuery = z.object({
  q: z.string().max(100, 'Từ khóa tìm kiếm quá dài (tối đa 100 ký tự).').optional(),
  unitId: z.uuid('Đơn vị không hợp lệ.').optional(),
  includeSubunits: queryBool.optional(),
  active: queryBool.optional(),
  employmentType: z.enum(EMPLOYMENT_TYPES, 'Loại cán bộ không hợp lệ.').optional(),
  isLeader: queryBool.optional(),
  gender: z.enum(GENDERS, 'Giới tính không hợp lệ.').optional(),
});
const pageParams = z.object({
  sort: z.enum(PEOPLE_SORTS, 'Cột sắp xếp không hợp lệ (name, birthDate, unit, position).').optional().describe('Mặc định: họ tên theo thứ tự tiếng Việt'),
  order: z.enum(['asc', 'desc'], 'Chiều sắp xếp phải là asc hoặc desc.').optional(),
  ...pageQuery,
  after: z
    .string()
    .max(400, 'Con trỏ trang quá dài.')
    .optional()
    .describe('`nextCursor` của trang trước (thứ tự họ tên): trang sau theo khóa, không dùng OFFSET; `page` bị bỏ qua'),
});

const mappingSchema = z.record(z.string(), z.string().max(200));
const STAFF_FIELD_KEYS = new Set<string>(STAFF_FIELDS.map((f) => f.key));

/** The optional `mapping` form field: JSON `{ field: "C" | "Tiêu đề cột" | "" }`. */
function parseMapping(raw: string | undefined): StaffMapping | undefined {
  if (!raw) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw badRequest('Bảng ghép cột gửi lên không hợp lệ.');
  }
  const parsed = mappingSchema.safeParse(json);
  const unknown = parsed.success ? Object.keys(parsed.data).filter((k) => !STAFF_FIELD_KEYS.has(k)) : [];
  if (!parsed.success || unknown.length)
    throw badRequest(`Bảng ghép cột gửi lên không hợp lệ${unknown.length ? `: không có trường ${unknown.join(', ')}` : ''}.`);
  return parsed.data;
}

export const peopleRoutes =
  ({ db, database, imports }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/people',
      {
        schema: {
          tags: ['people'],
          operationId: 'listPeople',
          summary: 'Danh sách cán bộ (phân trang, lọc, tìm không dấu, sắp xếp)',
          querystring: listQuery.extend(pageParams.shape),
          response: { 200: personPageSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'person', 'read');
        const q = req.query;
        if (q.unitId && !(await findVisibleUnit(db, actor, q.unitId))) throw notFound('Không tìm thấy đơn vị.');
        const { rows, total, nextCursor } = await listPeople(db, actor, q);
        return { items: rows.map((r) => presentPerson(r.person, actor, r.unitName)), total, page: q.page, pageSize: q.pageSize, nextCursor };
      },
    );

    app.get(
      '/api/people/export.xlsx',
      {
        schema: {
          tags: ['people'],
          operationId: 'exportPeople',
          summary: 'Xuất Excel danh sách cán bộ theo bộ lọc đang chọn (mọi trang, theo họ tên)',
          querystring: listQuery,
          response: { 200: file('Tệp Excel', 'xlsx'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'person', 'read');
        const q = req.query;
        if (q.unitId && !(await findVisibleUnit(db, actor, q.unitId))) throw notFound('Không tìm thấy đơn vị.');
        return replyXlsx(reply, 'Danh sách cán bộ.xlsx', peopleColumns(), peopleMatching(db, actor, q), {
          sheetName: 'Cán bộ',
          unitName: await exportUnitName(db, actor, q.unitId),
        });
      },
    );

    app.get(
      '/api/people/:id',
      {
        schema: {
          tags: ['people'],
          operationId: 'getPerson',
          summary: 'Hồ sơ một cán bộ, kèm quá trình điều chuyển',
          params: idParams,
          response: { 200: personDetailSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'person', 'read');
        const found = await findVisiblePersonWithUnit(db, actor, req.params.id);
        if (!found) throw notFound('Không tìm thấy cán bộ.');
        const transfers = await transfersOf(db, found.person.id);
        return { ...presentPerson(found.person, actor, found.unitName), transfers: transfers.map(presentTransfer) };
      },
    );

    app.post(
      '/api/people',
      {
        schema: {
          tags: ['people'],
          operationId: 'createPerson',
          summary: 'Thêm cán bộ',
          body: personInputSchema,
          response: { 201: personSchema, ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'person', 'create');
        const row = await runCommand(db, actor, (ctx) => createPerson(ctx, req.body));
        return reply.status(201).send(presentPerson(row, actor));
      },
    );

    app.put(
      '/api/people/:id',
      {
        schema: {
          tags: ['people'],
          operationId: 'updatePerson',
          summary: 'Sửa thông tin cán bộ',
          params: idParams,
          body: personInputSchema.and(z.object({ version: z.number().int().optional() })),
          response: { 200: personSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'person', 'update');
        return presentPerson(await runCommand(db, actor, (ctx) => updatePerson(ctx, req.params.id, req.body)), actor);
      },
    );

    app.post(
      '/api/people/:id/transfer',
      {
        schema: {
          tags: ['people'],
          operationId: 'transferPerson',
          summary: 'Điều chuyển cán bộ sang đơn vị khác (lưu quá trình)',
          params: idParams,
          body: z.object({ toUnitId: z.uuid('Đơn vị không hợp lệ.'), effectiveDate: isoDate, reason: z.string().trim().max(500, 'Lý do quá dài.').nullish() }),
          response: { 200: personSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'person', 'transfer');
        return presentPerson(await runCommand(db, actor, (ctx) => transferPerson(ctx, req.params.id, req.body)), actor);
      },
    );

    app.post(
      '/api/people/:id/deactivate',
      {
        schema: {
          tags: ['people'],
          operationId: 'deactivatePerson',
          summary: 'Ngừng theo dõi (nghỉ hưu, thôi việc…)',
          params: idParams,
          body: z.object({ reason: z.string().trim().max(500, 'Lý do quá dài.').nullish() }).optional(),
          response: { 200: personSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'person', 'deactivate');
        return presentPerson(await runCommand(db, actor, (ctx) => setPersonActive(ctx, req.params.id, false, req.body?.reason)), actor);
      },
    );

    app.post(
      '/api/people/:id/reactivate',
      {
        schema: {
          tags: ['people'],
          operationId: 'reactivatePerson',
          summary: 'Theo dõi lại cán bộ',
          params: idParams,
          response: { 200: personSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'person', 'deactivate');
        return presentPerson(await runCommand(db, actor, (ctx) => setPersonActive(ctx, req.params.id, true)), actor);
      },
    );

    app.get(
      '/api/people/import/template',
      {
        schema: {
          tags: ['people'],
          operationId: 'downloadStaffImportTemplate',
          summary: 'Tải mẫu Excel nhập danh sách cán bộ',
          response: { 200: file('Mẫu Excel', 'xlsx'), ...errors(403) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'person', 'import');
        // The units the user may import into become the drop-down list of the "Đơn vị" column.
        const unitNames = (await listVisibleUnits(db, actor, { includeInactive: false })).map((v) => v.unit.name);
        // A binary answer: sent through the plain reply, not the JSON serializer of the typed one.
        const plain: FastifyReply = reply;
        return plain
          .header('content-type', XLSX_MIME)
          .header('content-disposition', `attachment; filename="mau-nhap-can-bo.xlsx"`)
          .send(await staffImportTemplate(unitNames));
      },
    );

    /** The form's choices, checked before the job starts (a wrong unit or mapping answers at once). */
    async function uploadSpec(actor: Actor, buffer: Buffer, fields: Record<string, string>) {
      const defaultUnitId = fields.unitId || null;
      if (defaultUnitId && (!z.uuid().safeParse(defaultUnitId).success || !(await findVisibleUnit(db, actor, defaultUnitId))))
        throw notFound('Không tìm thấy đơn vị.');
      const mapping = parseMapping(fields.mapping);
      // Content type, zip sizes, ratio and row count: cheap and bounded, on the request path (a bomb is refused here).
      await assertXlsx(buffer);
      await guardXlsx(buffer, 'staff');
      const visible = await listVisibleUnits(db, actor, { includeInactive: true });
      const units = visible.map((v) => ({ id: v.unit.id, name: v.unit.name, code: v.unit.code, active: v.unit.active }));
      return { buf: buffer, units, defaultUnitId, mapping };
    }

    app.post(
      '/api/people/import/preview',
      {
        schema: {
          tags: ['people'],
          operationId: 'previewStaffImport',
          summary: 'Xem trước tệp Excel cán bộ: lỗi từng dòng, chưa lưu gì. Trả về tác vụ nhập; hỏi GET /api/import-jobs/{id} đến khi xong',
          consumes: ['multipart/form-data'],
          response: { 202: importJobSchema, ...errors(403, 404, 413) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'person', 'import');
        const { buffer, fileName, fields } = await readUpload(req, { missing: 'Hãy chọn một tệp Excel (.xlsx) để tải lên.', defaultName: 'tep.xlsx' });
        const spec = await uploadSpec(actor, buffer, fields);
        const job = await imports.start(actor, { kind: 'staff', mode: 'preview', fileName }, async (stage) => {
          const { rows, headers, columns, mapping, converted } = await imports.pool.parseStaff(spec);
          await stage('checking');
          await checkRowsAgainstDatabase(db, rows);
          const valid = rows.filter((r) => r.errors.length === 0).length;
          const notices = conversionNotices(converted);
          return {
            headers,
            columns,
            mapping,
            fields: STAFF_FIELDS,
            converted,
            notices,
            total: rows.length,
            valid,
            invalid: rows.length - valid,
            rows: presentImportRows(rows),
          };
        });
        return reply.status(202).send(presentImportJob(job));
      },
    );

    app.post(
      '/api/people/import/commit',
      {
        schema: {
          tags: ['people'],
          operationId: 'commitStaffImport',
          summary: 'Nhập tệp Excel cán bộ sau khi người dùng xác nhận. Trả về tác vụ nhập; hỏi GET /api/import-jobs/{id} đến khi xong',
          consumes: ['multipart/form-data'],
          response: { 202: importJobSchema, ...errors(403, 404, 409, 413) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'person', 'import');
        const { buffer, fileName, fields } = await readUpload(req, { missing: 'Hãy chọn một tệp Excel (.xlsx) để tải lên.', defaultName: 'tep.xlsx' });
        const spec = await uploadSpec(actor, buffer, fields);
        const skipInvalid = fields.skipInvalid === 'true';
        const job = await imports.start(actor, { kind: 'staff', mode: 'commit', fileName }, async (stage) => {
          const { rows } = await imports.pool.parseStaff(spec);
          await stage('storing');
          const result = await runCommand(db, actor, (ctx) => importPeople(ctx, rows, { skipInvalid, fileName }));
          // A bulk insert changes the table's shape: refresh statistics (PGlite has no autovacuum).
          if (result.imported >= 500) await refreshStatistics(database);
          return result;
        });
        return reply.status(202).send(presentImportJob(job));
      },
    );
  };
