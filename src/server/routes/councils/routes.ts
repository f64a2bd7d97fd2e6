import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { runCommand } from '../../commands/run.js';
import { addCouncilMember, createCouncil, removeCouncilMember, updateCouncil } from '../../commands/councils.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import { findVisibleCouncil, listVisibleCouncils, membersOf } from '../../repositories/councils.js';
import { presentCouncil, presentMember } from '../../presenters/councils.js';
import { notFound } from '../../errors.js';
import { COUNCIL_KINDS, COUNCIL_POSITIONS, type CouncilPosition } from '../../../shared/codes.js';
import { replyXlsx } from '../../http/xlsx-reply.js';
import { councilColumns, type CouncilMemberLine } from '../../presenters/exports.js';
import { isoDate } from '../../../shared/schemas/common.js';

const idParams = z.object({ id: z.uuid('Mã hội đồng không hợp lệ.') });
const termFields = {
  name: z.string().trim().max(300, 'Tên hội đồng quá dài.').nullish(),
  establishedBy: z.string().trim().max(300, 'Căn cứ thành lập quá dài.').nullish(),
  termStart: isoDate,
  termEnd: isoDate.nullish(),
};

export const councilRoutes = ({ db }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/councils', { schema: { tags: ['councils'], summary: 'Hội đồng TĐKT và Hội đồng sáng kiến trong phạm vi', querystring: z.object({ unitId: z.uuid().optional() }) } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'council', 'read');
    const rows = await listVisibleCouncils(db, actor, req.query.unitId);
    const items = await Promise.all(rows.map(async (r) => presentCouncil(r.council, actor, r.unitName, (await membersOf(db, r.council.id)).map(presentMember))));
    return { items };
  });

  app.get('/api/councils/export.xlsx', { schema: { tags: ['councils'], summary: 'Xuất Excel danh sách hội đồng và thành viên', querystring: z.object({ unitId: z.uuid('Đơn vị không hợp lệ.').optional() }) } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'council', 'read');
    const rows = await listVisibleCouncils(db, actor, req.query.unitId);
    const lines: CouncilMemberLine[] = [];
    for (const r of rows) {
      const members = (await membersOf(db, r.council.id)).map(presentMember);
      const rank = (p: string) => COUNCIL_POSITIONS.indexOf(p as CouncilPosition);
      members.sort((a, b) => rank(a.position) - rank(b.position));
      if (!members.length) lines.push({ council: r.council, unitName: r.unitName, fullName: null, position: null, personPosition: null, memberUnitName: null });
      for (const m of members) lines.push({ council: r.council, unitName: r.unitName, fullName: m.fullName, position: m.position, personPosition: m.personPosition, memberUnitName: m.unitName });
    }
    return replyXlsx(reply, 'Danh sách hội đồng.xlsx', councilColumns(), lines, { sheetName: 'Hội đồng' });
  });

  app.get('/api/councils/:id', { schema: { tags: ['councils'], summary: 'Một hội đồng với thành viên', params: idParams } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'council', 'read');
    const council = await findVisibleCouncil(db, actor, req.params.id);
    if (!council) throw notFound('Không tìm thấy hội đồng.');
    return presentCouncil(council, actor, null, (await membersOf(db, council.id)).map(presentMember));
  });

  app.post('/api/councils', { schema: { tags: ['councils'], summary: 'Thành lập hội đồng', body: z.object({ unitId: z.uuid('Đơn vị không hợp lệ.'), kind: z.enum(COUNCIL_KINDS, 'Loại hội đồng không hợp lệ.'), ...termFields }) } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'council', 'create');
    const row = await runCommand(db, actor, (ctx) => createCouncil(ctx, req.body));
    return reply.status(201).send(presentCouncil(row, actor, null, []));
  });

  app.put('/api/councils/:id', { schema: { tags: ['councils'], summary: 'Sửa, kiện toàn hội đồng', params: idParams, body: z.object({ ...termFields, active: z.boolean().optional(), version: z.number().int().optional() }) } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'council', 'update');
    const row = await runCommand(db, actor, (ctx) => updateCouncil(ctx, req.params.id, req.body));
    return presentCouncil(row, actor, null, (await membersOf(db, row.id)).map(presentMember));
  });

  app.post(
    '/api/councils/:id/members',
    {
      schema: {
        tags: ['councils'],
        summary: 'Thêm thành viên hội đồng',
        params: idParams,
        body: z.object({ personId: z.uuid('Cán bộ không hợp lệ.'), position: z.enum(COUNCIL_POSITIONS, 'Chức danh trong hội đồng không hợp lệ.'), fromDate: isoDate.nullish(), toDate: isoDate.nullish() }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      authorize(actor, 'council', 'manageMembers');
      await runCommand(db, actor, (ctx) => addCouncilMember(ctx, req.params.id, req.body));
      return reply.status(201).send({ ok: true });
    },
  );

  app.delete('/api/councils/:id/members/:memberId', { schema: { tags: ['councils'], summary: 'Bớt thành viên hội đồng', params: idParams.extend({ memberId: z.uuid('Mã thành viên không hợp lệ.') }) } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'council', 'manageMembers');
    await runCommand(db, actor, (ctx) => removeCouncilMember(ctx, req.params.id, req.params.memberId));
    return { ok: true };
  });
};
