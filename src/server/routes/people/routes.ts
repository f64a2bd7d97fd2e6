import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import type { RouteDeps } from '../../app.js';
import { runCommand } from '../../commands/run.js';
import { createPerson, setPersonActive, transferPerson, updatePerson } from '../../commands/people.js';
import { checkRowsAgainstDatabase, importPeople } from '../../commands/import-people.js';
import { readUpload } from '../../http/upload.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import { findVisiblePerson, listPeople, peopleMatching, transfersOf } from '../../repositories/people.js';
import { replyXlsx } from '../../http/xlsx-reply.js';
import { peopleColumns } from '../../presenters/exports.js';
import { findVisibleUnit, listVisibleUnits } from '../../repositories/units.js';
import { presentPerson } from '../../presenters/people.js';
import { badRequest, notFound } from '../../errors.js';
import { parseStaffWorkbook, staffImportTemplate, STAFF_FIELDS, type ImportRow, type StaffMapping } from '../../imports/staff-xlsx.js';
import { personInputSchema } from '../../../shared/schemas/person.js';
import { EMPLOYMENT_TYPES, GENDERS } from '../../../shared/codes.js';
import { isoDate, pageQuery, queryBool } from '../../../shared/schemas/common.js';
import { units } from '../../db/schema/index.js';
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
  ...pageQuery,
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
  if (!parsed.success || unknown.length) throw badRequest(`Bảng ghép cột gửi lên không hợp lệ${unknown.length ? `: không có trường ${unknown.join(', ')}` : ''}.`);
  return parsed.data as StaffMapping;
}

function presentImportRows(rows: ImportRow[]) {
  return rows.map((r) => ({ row: r.row, values: r.values, ok: r.errors.length === 0, errors: r.errors }));
}

export const peopleRoutes = ({ db, database }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/people', { schema: { tags: ['people'], summary: 'Danh sách cán bộ (phân trang, lọc, tìm không dấu)', querystring: listQuery } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'person', 'read');
    const q = req.query;
    if (q.unitId && !(await findVisibleUnit(db, actor, q.unitId))) throw notFound('Không tìm thấy đơn vị.');
    const { rows, total } = await listPeople(db, actor, q);
    return { items: rows.map((r) => presentPerson(r.person, actor, r.unitName)), total, page: q.page, pageSize: q.pageSize };
  });

  app.get('/api/people/export.xlsx', { schema: { tags: ['people'], summary: 'Xuất Excel danh sách cán bộ theo bộ lọc đang chọn (mọi trang)', querystring: listQuery.omit({ page: true, pageSize: true }) } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'person', 'read');
    const q = req.query;
    if (q.unitId && !(await findVisibleUnit(db, actor, q.unitId))) throw notFound('Không tìm thấy đơn vị.');
    return replyXlsx(reply, 'Danh sách cán bộ.xlsx', peopleColumns(), peopleMatching(db, actor, q), { sheetName: 'Cán bộ' });
  });

  app.get('/api/people/:id', { schema: { tags: ['people'], summary: 'Hồ sơ một cán bộ, kèm quá trình điều chuyển', params: idParams } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'person', 'read');
    const person = await findVisiblePerson(db, actor, req.params.id);
    if (!person) throw notFound('Không tìm thấy cán bộ.');
    const [unit] = await db.select({ name: units.name }).from(units).where(eq(units.id, person.unitId));
    const transfers = await transfersOf(db, person.id);
    return {
      ...presentPerson(person, actor, unit?.name ?? null),
      transfers: transfers.map((t) => ({
        id: t.transfer.id,
        fromUnitId: t.transfer.fromUnitId,
        fromUnitName: t.fromName,
        toUnitId: t.transfer.toUnitId,
        toUnitName: t.toName,
        effectiveDate: t.transfer.effectiveDate,
        reason: t.transfer.reason,
      })),
    };
  });

  app.post('/api/people', { schema: { tags: ['people'], summary: 'Thêm cán bộ', body: personInputSchema } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'person', 'create');
    const row = await runCommand(db, actor, (ctx) => createPerson(ctx, req.body));
    return reply.status(201).send(presentPerson(row, actor));
  });

  app.put('/api/people/:id', { schema: { tags: ['people'], summary: 'Sửa thông tin cán bộ', params: idParams, body: personInputSchema.and(z.object({ version: z.number().int().optional() })) } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'person', 'update');
    return presentPerson(await runCommand(db, actor, (ctx) => updatePerson(ctx, req.params.id, req.body)), actor);
  });

  app.post(
    '/api/people/:id/transfer',
    {
      schema: {
        tags: ['people'],
        summary: 'Điều chuyển cán bộ sang đơn vị khác (lưu quá trình)',
        params: idParams,
        body: z.object({ toUnitId: z.uuid('Đơn vị không hợp lệ.'), effectiveDate: isoDate, reason: z.string().trim().max(500, 'Lý do quá dài.').nullish() }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      authorize(actor, 'person', 'transfer');
      return presentPerson(await runCommand(db, actor, (ctx) => transferPerson(ctx, req.params.id, req.body)), actor);
    },
  );

  app.post('/api/people/:id/deactivate', { schema: { tags: ['people'], summary: 'Ngừng theo dõi (nghỉ hưu, thôi việc…)', params: idParams, body: z.object({ reason: z.string().trim().max(500).nullish() }).optional() } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'person', 'deactivate');
    return presentPerson(await runCommand(db, actor, (ctx) => setPersonActive(ctx, req.params.id, false, req.body?.reason)), actor);
  });

  app.post('/api/people/:id/reactivate', { schema: { tags: ['people'], summary: 'Theo dõi lại cán bộ', params: idParams } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'person', 'deactivate');
    return presentPerson(await runCommand(db, actor, (ctx) => setPersonActive(ctx, req.params.id, true)), actor);
  });

  app.get('/api/people/import/template', { schema: { tags: ['people'], summary: 'Tải mẫu Excel nhập danh sách cán bộ' } }, async (req, reply) => {
    authorize(actorOf(req), 'person', 'import');
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename="mau-nhap-can-bo.xlsx"`);
    return reply.send(await staffImportTemplate());
  });

  async function parseUpload(actor: Actor, buffer: Buffer, fields: Record<string, string>) {
    const defaultUnitId = fields.unitId || null;
    if (defaultUnitId && (!z.uuid().safeParse(defaultUnitId).success || !(await findVisibleUnit(db, actor, defaultUnitId)))) throw notFound('Không tìm thấy đơn vị.');
    const visible = await listVisibleUnits(db, actor, { includeInactive: true });
    return parseStaffWorkbook(
      buffer,
      visible.map((v) => ({ id: v.unit.id, name: v.unit.name, code: v.unit.code, active: v.unit.active })),
      defaultUnitId,
      parseMapping(fields.mapping),
    );
  }

  app.post('/api/people/import/preview', { schema: { tags: ['people'], summary: 'Xem trước tệp Excel cán bộ: lỗi từng dòng, chưa lưu gì', consumes: ['multipart/form-data'] } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'person', 'import');
    const { buffer, fields } = await readUpload(req, { missing: 'Hãy chọn một tệp Excel (.xlsx) để tải lên.', defaultName: 'tep.xlsx' });
    const { rows, headers, columns, mapping, converted } = await parseUpload(actor, buffer, fields);
    await checkRowsAgainstDatabase(db, rows);
    const valid = rows.filter((r) => r.errors.length === 0).length;
    const notices = converted.cells
      ? [`Đã chuyển ${converted.cells} ô từ bảng mã ${converted.encodings.join(', ')} sang Unicode. Hãy kiểm tra lại họ tên trước khi nhập.`]
      : [];
    return { headers, columns, mapping, fields: STAFF_FIELDS, converted, notices, total: rows.length, valid, invalid: rows.length - valid, rows: presentImportRows(rows) };
  });

  app.post('/api/people/import/commit', { schema: { tags: ['people'], summary: 'Nhập tệp Excel cán bộ sau khi người dùng xác nhận', consumes: ['multipart/form-data'] } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'person', 'import');
    const { buffer, fileName, fields } = await readUpload(req, { missing: 'Hãy chọn một tệp Excel (.xlsx) để tải lên.', defaultName: 'tep.xlsx' });
    const { rows } = await parseUpload(actor, buffer, fields);
    const result = await runCommand(db, actor, (ctx) => importPeople(ctx, rows, { skipInvalid: fields.skipInvalid === 'true', fileName }));
    // A bulk insert changes the table's shape: refresh statistics (PGlite has no autovacuum).
    if (result.imported >= 500) await refreshStatistics(database);
    return result;
  });
};
