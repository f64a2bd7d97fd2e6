import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { runCommand } from '../../commands/run.js';
import { addCouncilMember, createCouncil, removeCouncilMember, updateCouncil } from '../../commands/councils.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import { findVisibleCouncil, listVisibleCouncils, membersOf, membersOfCouncils } from '../../repositories/councils.js';
import { councilSchema, presentCouncil, presentMember, sortMembers, type CouncilMemberJson } from '../../presenters/councils.js';
import { errors, file, okSchema, pageOf } from '../../http/contract.js';
import { findVisibleUnit } from '../../repositories/units.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { notFound } from '../../errors.js';
import { COUNCIL_KINDS, COUNCIL_POSITIONS } from '../../../shared/codes.js';
import { replyXlsx } from '../../http/xlsx-reply.js';
import { exportUnitName } from '../export-heading.js';
import { councilColumns, type CouncilMemberLine } from '../../presenters/exports.js';
import { isoDate } from '../../../shared/schemas/common.js';

const idParams = z.object({ id: z.uuid('Mã hội đồng không hợp lệ.') });
const termFields = {
  name: z.string().trim().max(300, 'Tên hội đồng quá dài.').nullish(),
  establishedBy: z.string().trim().max(300, 'Căn cứ thành lập quá dài.').nullish(),
  termStart: isoDate,
  termEnd: isoDate.nullish(),
};

/** The visible councils (of one unit, when asked) with their members, read in two queries. */
async function councilsWithMembers(db: Db, actor: Actor, unitId: string | undefined) {
  if (unitId && !(await findVisibleUnit(db, actor, unitId))) throw notFound('Không tìm thấy đơn vị.');
  const rows = await listVisibleCouncils(db, actor, unitId);
  const byCouncil = new Map<string, CouncilMemberJson[]>();
  for (const m of await membersOfCouncils(
    db,
    rows.map((r) => r.council.id),
  ))
    byCouncil.set(m.member.councilId, [...(byCouncil.get(m.member.councilId) ?? []), presentMember(m)]);
  return rows.map((r) => ({ ...r, members: byCouncil.get(r.council.id) ?? [] }));
}

const unitFilter = z.object({ unitId: z.uuid('Đơn vị không hợp lệ.').optional() });

export const councilRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/councils',
      {
        schema: {
          tags: ['councils'],
          operationId: 'listCouncils',
          summary: 'Hội đồng TĐKT và Hội đồng sáng kiến trong phạm vi (danh sách nhỏ, không phân trang)',
          querystring: unitFilter,
          response: { 200: pageOf(councilSchema), ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'council', 'read');
        const items = (await councilsWithMembers(db, actor, req.query.unitId)).map((r) => presentCouncil(r.council, actor, r.unitName, r.members));
        return { items, total: items.length };
      },
    );

    app.get(
      '/api/councils/export.xlsx',
      {
        schema: {
          tags: ['councils'],
          operationId: 'exportCouncils',
          summary: 'Xuất Excel danh sách hội đồng và thành viên',
          querystring: unitFilter,
          response: { 200: file('Tệp Excel', 'xlsx'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'council', 'read');
        const lines: CouncilMemberLine[] = [];
        for (const r of await councilsWithMembers(db, actor, req.query.unitId)) {
          const members = sortMembers(r.members);
          if (!members.length)
            lines.push({ council: r.council, unitName: r.unitName, fullName: null, position: null, personPosition: null, memberUnitName: null });
          for (const m of members)
            lines.push({
              council: r.council,
              unitName: r.unitName,
              fullName: m.fullName,
              position: m.position,
              personPosition: m.personPosition,
              memberUnitName: m.unitName,
            });
        }
        return replyXlsx(reply, 'Danh sách hội đồng.xlsx', councilColumns(), lines, {
          sheetName: 'Hội đồng',
          unitName: await exportUnitName(db, actor, req.query.unitId),
        });
      },
    );

    app.get(
      '/api/councils/:id',
      {
        schema: {
          tags: ['councils'],
          operationId: 'getCouncil',
          summary: 'Một hội đồng với thành viên',
          params: idParams,
          response: { 200: councilSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'council', 'read');
        const council = await findVisibleCouncil(db, actor, req.params.id);
        if (!council) throw notFound('Không tìm thấy hội đồng.');
        return presentCouncil(council, actor, null, (await membersOf(db, council.id)).map(presentMember));
      },
    );

    app.post(
      '/api/councils',
      {
        schema: {
          tags: ['councils'],
          operationId: 'createCouncil',
          summary: 'Thành lập hội đồng',
          body: z.object({ unitId: z.uuid('Đơn vị không hợp lệ.'), kind: z.enum(COUNCIL_KINDS, 'Loại hội đồng không hợp lệ.'), ...termFields }),
          response: { 201: councilSchema, ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'council', 'create');
        const row = await runCommand(db, actor, (ctx) => createCouncil(ctx, req.body));
        return reply.status(201).send(presentCouncil(row, actor, null, []));
      },
    );

    app.put(
      '/api/councils/:id',
      {
        schema: {
          tags: ['councils'],
          operationId: 'updateCouncil',
          summary: 'Sửa, kiện toàn hội đồng',
          params: idParams,
          body: z.object({ ...termFields, active: z.boolean().optional(), version: z.number().int().optional() }),
          response: { 200: councilSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'council', 'update');
        const row = await runCommand(db, actor, (ctx) => updateCouncil(ctx, req.params.id, req.body));
        return presentCouncil(row, actor, null, (await membersOf(db, row.id)).map(presentMember));
      },
    );

    app.post(
      '/api/councils/:id/members',
      {
        schema: {
          tags: ['councils'],
          operationId: 'addCouncilMember',
          summary: 'Thêm thành viên hội đồng',
          params: idParams,
          body: z.object({
            personId: z.uuid('Cán bộ không hợp lệ.'),
            position: z.enum(COUNCIL_POSITIONS, 'Chức danh trong hội đồng không hợp lệ.'),
            fromDate: isoDate.nullish(),
            toDate: isoDate.nullish(),
          }),
          response: { 201: okSchema, ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'council', 'manageMembers');
        await runCommand(db, actor, (ctx) => addCouncilMember(ctx, req.params.id, req.body));
        return reply.status(201).send({ ok: true as const });
      },
    );

    app.delete(
      '/api/councils/:id/members/:memberId',
      {
        schema: {
          tags: ['councils'],
          operationId: 'removeCouncilMember',
          summary: 'Bớt thành viên hội đồng',
          params: idParams.extend({ memberId: z.uuid('Mã thành viên không hợp lệ.') }),
          response: { 200: okSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'council', 'manageMembers');
        await runCommand(db, actor, (ctx) => removeCouncilMember(ctx, req.params.id, req.params.memberId));
        return { ok: true as const };
      },
    );
  };
