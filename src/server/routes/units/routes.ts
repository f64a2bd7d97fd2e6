import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { runCommand } from '../../commands/run.js';
import { createUnit, deleteUnit, mergeUnit, moveUnit, setUnitActive, updateUnit } from '../../commands/units.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import { findVisibleUnit, listVisibleUnits } from '../../repositories/units.js';
import { buildTree, presentUnit, unitListSchema, unitSchema } from '../../presenters/units.js';
import { errors, file, okSchema } from '../../http/contract.js';
import { notFound } from '../../errors.js';
import { replyXlsx } from '../../http/xlsx-reply.js';
import { exportUnitName } from '../export-heading.js';
import { unitColumns } from '../../presenters/exports.js';
import { UNIT_KINDS } from '../../../shared/codes.js';
import { isoDate, queryBool } from '../../../shared/schemas/common.js';

const idParams = z.object({ id: z.uuid('Mã đơn vị không hợp lệ.') });
const one = (extra: Partial<Record<403 | 404 | 409, true>> = {}) => ({ 200: unitSchema, ...errors(403, 404, ...(extra[409] ? [409 as const] : [])) });
const unitBody = z.object({
  name: z.string().trim().min(2, 'Tên đơn vị phải có ít nhất 2 ký tự.').max(200, 'Tên đơn vị quá dài (tối đa 200 ký tự).'),
  shortName: z.string().trim().max(60, 'Tên viết tắt quá dài (tối đa 60 ký tự).').nullish(),
  code: z
    .string()
    .trim()
    .max(20, 'Ký hiệu quá dài (tối đa 20 ký tự).')
    .regex(/^[A-Za-z0-9Đđ&.-]*$/, 'Ký hiệu chỉ gồm chữ, số và các dấu & . -')
    .nullish(),
  kind: z.enum(UNIT_KINDS, 'Loại đơn vị không hợp lệ.'),
  sortOrder: z.number().int().min(0).max(10000).optional(),
});

export const unitRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/units',
      {
        schema: {
          tags: ['units'],
          operationId: 'listUnits',
          summary: 'Cây đơn vị trong phạm vi của tài khoản',
          querystring: z.object({ includeInactive: queryBool.optional() }),
          response: { 200: unitListSchema, ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'unit', 'read');
        const rows = await listVisibleUnits(db, actor, { includeInactive: req.query.includeInactive ?? false });
        const items = rows.map((r) => presentUnit(r.unit, actor, { staffCount: Number(r.staffCount) }));
        return { items, total: items.length, tree: buildTree(items) };
      },
    );

    app.get(
      '/api/units/export.xlsx',
      {
        schema: {
          tags: ['units'],
          operationId: 'exportUnits',
          summary: 'Xuất Excel cây đơn vị trong phạm vi',
          querystring: z.object({ includeInactive: queryBool.optional() }),
          response: { 200: file('Tệp Excel', 'xlsx'), ...errors(403) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'unit', 'read');
        const rows = await listVisibleUnits(db, actor, { includeInactive: req.query.includeInactive ?? false });
        const names = new Map(rows.map((r) => [r.unit.id, r.unit.name]));
        // Tree order (each unit under its parent), as the page shows it.
        const children = new Map<string | null, typeof rows>();
        for (const r of rows) {
          const key = r.unit.parentId && names.has(r.unit.parentId) ? r.unit.parentId : null;
          children.set(key, [...(children.get(key) ?? []), r]);
        }
        const ordered: typeof rows = [];
        const walk = (parent: string | null): void => {
          for (const r of children.get(parent) ?? []) {
            ordered.push(r);
            walk(r.unit.id);
          }
        };
        walk(null);
        return replyXlsx(
          reply,
          'Danh sách đơn vị.xlsx',
          unitColumns((id) => (id ? (names.get(id) ?? '') : '')),
          ordered,
          { sheetName: 'Đơn vị', unitName: await exportUnitName(db, actor) },
        );
      },
    );

    app.get(
      '/api/units/:id',
      { schema: { tags: ['units'], operationId: 'getUnit', summary: 'Một đơn vị', params: idParams, response: one() } },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'unit', 'read');
        const unit = await findVisibleUnit(db, actor, req.params.id);
        if (!unit) throw notFound('Không tìm thấy đơn vị.');
        return presentUnit(unit, actor);
      },
    );

    app.post(
      '/api/units',
      {
        schema: {
          tags: ['units'],
          operationId: 'createUnit',
          summary: 'Tạo đơn vị',
          body: unitBody.extend({ parentId: z.uuid('Đơn vị cấp trên không hợp lệ.') }),
          response: { 201: unitSchema, ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'unit', 'create');
        const row = await runCommand(db, actor, (ctx) => createUnit(ctx, req.body));
        return reply.status(201).send(presentUnit(row, actor));
      },
    );

    app.put(
      '/api/units/:id',
      {
        schema: {
          tags: ['units'],
          operationId: 'updateUnit',
          summary: 'Sửa, đổi tên đơn vị',
          params: idParams,
          body: unitBody.extend({ version: z.number().int().optional() }),
          response: one({ 409: true }),
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'unit', 'update');
        return presentUnit(await runCommand(db, actor, (ctx) => updateUnit(ctx, req.params.id, req.body)), actor);
      },
    );

    app.post(
      '/api/units/:id/move',
      {
        schema: {
          tags: ['units'],
          operationId: 'moveUnit',
          summary: 'Chuyển đơn vị sang đơn vị cấp trên khác',
          params: idParams,
          body: z.object({ parentId: z.uuid('Đơn vị cấp trên không hợp lệ.') }),
          response: one({ 409: true }),
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'unit', 'move');
        return presentUnit(await runCommand(db, actor, (ctx) => moveUnit(ctx, req.params.id, req.body.parentId)), actor);
      },
    );

    app.post(
      '/api/units/:id/merge',
      {
        schema: {
          tags: ['units'],
          operationId: 'mergeUnit',
          summary: 'Sáp nhập đơn vị vào đơn vị khác',
          params: idParams,
          body: z.object({ targetId: z.uuid('Đơn vị nhận sáp nhập không hợp lệ.'), effectiveDate: isoDate }),
          response: one({ 409: true }),
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'unit', 'merge');
        return presentUnit(await runCommand(db, actor, (ctx) => mergeUnit(ctx, req.params.id, req.body.targetId, req.body.effectiveDate)), actor);
      },
    );

    app.post(
      '/api/units/:id/deactivate',
      { schema: { tags: ['units'], operationId: 'deactivateUnit', summary: 'Ngừng hoạt động đơn vị', params: idParams, response: one({ 409: true }) } },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'unit', 'deactivate');
        return presentUnit(await runCommand(db, actor, (ctx) => setUnitActive(ctx, req.params.id, false)), actor);
      },
    );

    app.post(
      '/api/units/:id/reactivate',
      { schema: { tags: ['units'], operationId: 'reactivateUnit', summary: 'Khôi phục hoạt động đơn vị', params: idParams, response: one({ 409: true }) } },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'unit', 'deactivate');
        return presentUnit(await runCommand(db, actor, (ctx) => setUnitActive(ctx, req.params.id, true)), actor);
      },
    );

    app.delete(
      '/api/units/:id',
      {
        schema: {
          tags: ['units'],
          operationId: 'deleteUnit',
          summary: 'Xóa đơn vị tạo nhầm (chỉ khi không còn dữ liệu gắn với nó)',
          params: idParams,
          response: { 200: okSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'unit', 'delete');
        await runCommand(db, actor, (ctx) => deleteUnit(ctx, req.params.id));
        return { ok: true as const };
      },
    );
  };
