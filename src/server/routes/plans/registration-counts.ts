/** Registration by number (đăng ký số lượng): the unit's sheet, its submission and return, the Office's roll-up and export. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import type { Actor } from '../../auth/actor.js';
import { runCommand } from '../../commands/run.js';
import { resolveCampaign, type Campaign } from '../../commands/registrations.js';
import {
  countHonorsOfCampaign,
  returnCountSheet,
  saveCountSheet,
  setCountHonors,
  submitCountSheet,
  windowOpenFor,
} from '../../commands/registration-counts.js';
import { countRollupColumns, countRollupSchema, countSheetSchema, presentCountRollup, presentCountSheet } from '../../presenters/registration-counts.js';
import { countLinesOf, countSheetRows, findCountHonors, findCountSheet, proposedCounts } from '../../repositories/registration-counts.js';
import { findVisibleUnit } from '../../repositories/units.js';
import { replyXlsx } from '../../http/xlsx-reply.js';
import { exportUnitName } from '../export-heading.js';
import { actorOf } from '../../http/session.js';
import { errors, file, pageOf } from '../../http/contract.js';
import { authorize } from '../../policies/scope.js';
import { notFound } from '../../errors.js';
import { HONOR_INFO } from '../../../shared/codes.js';
import { countHonorsInputSchema, countSheetInputSchema, countSheetRefSchema, countSheetReturnSchema } from '../../../shared/schemas/registration-counts.js';

const campaignQuery = z.object({ planId: z.uuid('Kế hoạch không hợp lệ.').optional(), movementId: z.uuid('Phong trào không hợp lệ.').optional() });
const honorItem = z.object({ honor: z.string(), label: z.string() });

export const registrationCountRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    async function sheetOf(actor: Actor, c: Campaign, unitId: string) {
      const unit = await findVisibleUnit(db, actor, unitId);
      if (!unit) throw notFound('Không tìm thấy đơn vị.');
      const sheet = await findCountSheet(db, c.key, unit.id);
      const lines = sheet ? await countLinesOf(db, sheet.id) : [];
      return presentCountSheet(actor, c, unit, await countHonorsOfCampaign(db, c), sheet, lines, await windowOpenFor(db, c, unit));
    }

    async function rollupOf(actor: Actor, c: Campaign) {
      const honors = await countHonorsOfCampaign(db, c);
      const configured = (await findCountHonors(db, c.key)) !== null;
      const sheets = await countSheetRows(db, actor, c.key);
      const shown = [...new Set([...honors, ...sheets.map((s) => s.honor).filter((h): h is string => !!h)])];
      return presentCountRollup(actor, c, honors, configured, sheets, await proposedCounts(db, actor, c, shown));
    }

    app.get(
      '/api/registrations/counts',
      {
        schema: {
          tags: ['registrations'],
          operationId: 'getRegistrationCounts',
          summary: 'Đăng ký số lượng khen thưởng cấp cao của một đơn vị (Cờ thi đua, TTLĐXS, CSTĐ, Bằng khen…)',
          querystring: campaignQuery.extend({ unitId: z.uuid('Đơn vị không hợp lệ.') }),
          response: { 200: countSheetSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'registration', 'registerUnit');
        const c = await resolveCampaign(db, actor, req.query);
        return sheetOf(actor, c, req.query.unitId);
      },
    );

    app.put(
      '/api/registrations/counts',
      {
        schema: {
          tags: ['registrations'],
          operationId: 'saveRegistrationCounts',
          summary: 'Lưu đăng ký số lượng của đơn vị (thay thế các dòng cũ; chưa gửi Văn phòng)',
          body: countSheetInputSchema,
          response: { 200: countSheetSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'registration', 'registerUnit');
        await runCommand(db, actor, (ctx) => saveCountSheet(ctx, req.body));
        return sheetOf(actor, await resolveCampaign(db, actor, req.body), req.body.unitId);
      },
    );

    app.post(
      '/api/registrations/counts/submit',
      {
        schema: {
          tags: ['registrations'],
          operationId: 'submitRegistrationCounts',
          summary: 'Gửi đăng ký số lượng lên Văn phòng (sau khi gửi không sửa được, trừ khi Văn phòng trả lại)',
          body: countSheetRefSchema,
          response: { 200: countSheetSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'registration', 'registerUnit');
        await runCommand(db, actor, (ctx) => submitCountSheet(ctx, req.body));
        return sheetOf(actor, await resolveCampaign(db, actor, req.body), req.body.unitId);
      },
    );

    app.post(
      '/api/registrations/counts/return',
      {
        schema: {
          tags: ['registrations'],
          operationId: 'returnRegistrationCounts',
          summary: 'Văn phòng trả lại đăng ký số lượng của một đơn vị để sửa (ghi lý do)',
          body: countSheetReturnSchema,
          response: { 200: countSheetSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'registration', 'reopen');
        await runCommand(db, actor, (ctx) => returnCountSheet(ctx, req.body));
        return sheetOf(actor, await resolveCampaign(db, actor, req.body), req.body.unitId);
      },
    );

    app.put(
      '/api/registrations/counts/honors',
      {
        schema: {
          tags: ['registrations'],
          operationId: 'setRegistrationCountHonors',
          summary: 'Văn phòng chọn danh hiệu, hình thức đăng ký theo số lượng của kế hoạch năm / phong trào',
          body: countHonorsInputSchema,
          response: { 200: pageOf(honorItem), ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'registration', 'reopen');
        const honors = await runCommand(db, actor, (ctx) => setCountHonors(ctx, req.body));
        const items = honors.map((h) => ({ honor: h, label: HONOR_INFO[h].label }));
        return { items, total: items.length };
      },
    );

    app.get(
      '/api/registrations/counts/rollup',
      {
        schema: {
          tags: ['registrations'],
          operationId: 'getRegistrationCountRollup',
          summary: 'Tổng hợp đăng ký số lượng theo đơn vị, so với số đã đề nghị (Văn phòng)',
          querystring: campaignQuery,
          response: { 200: countRollupSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'registration', 'rollup');
        return rollupOf(actor, await resolveCampaign(db, actor, req.query));
      },
    );

    app.get(
      '/api/registrations/counts/rollup/export.xlsx',
      {
        schema: {
          tags: ['registrations'],
          operationId: 'exportRegistrationCountRollup',
          summary: 'Xuất Excel tổng hợp đăng ký số lượng và số đã đề nghị theo đơn vị',
          querystring: campaignQuery,
          response: { 200: file('Tệp Excel', 'xlsx'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'registration', 'rollup');
        const c = await resolveCampaign(db, actor, req.query);
        const r = await rollupOf(actor, c);
        return replyXlsx(reply, `Tổng hợp đăng ký số lượng ${c.year}.xlsx`, countRollupColumns(r.honors), r.units, {
          sheetName: 'Đăng ký số lượng',
          unitName: await exportUnitName(db, actor),
          title: `Tổng hợp đăng ký số lượng khen thưởng — ${c.title}`,
        });
      },
    );
  };
