import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { runCommand } from '../../commands/run.js';
import {
  recordPledge,
  registerOne,
  registerUnitSheet,
  reopenRegistration,
  resolveCampaign,
  withdrawRegistration,
  type Campaign,
} from '../../commands/registrations.js';
import { registrationColumns, rollupColumns } from '../../presenters/list-exports.js';
import {
  pledgeCreatedSchema,
  pledgeSchema,
  presentCampaign,
  presentPledge,
  presentRegistrableHonor,
  presentRegistration,
  registrableHonorSchema,
  registrationCreatedSchema,
  registrationListSchema,
  reopenedSchema,
  rollupSchema,
  sheetSavedSchema,
  sheetSchema,
} from '../../presenters/plans.js';
import { contentDisposition, replyXlsx } from '../../http/xlsx-reply.js';
import { exportUnitName } from '../export-heading.js';
import type { Actor } from '../../auth/actor.js';
import { readUpload } from '../../http/upload.js';
import { actorOf } from '../../http/session.js';
import { errors, file, idParams as idParamsOf, okSchema, pageOf } from '../../http/contract.js';
import { authorize } from '../../policies/scope.js';
import { registrableHonors } from '../../policies/registration.js';
import { findVisibleUnit } from '../../repositories/units.js';
import { honorsOfMovement } from '../../repositories/movements.js';
import {
  activeStaffOfUnit,
  countVisibleRegistrations,
  listVisibleRegistrations,
  registrationsOfUnit,
  reopeningsOf,
  rollupRows,
} from '../../repositories/registrations.js';
import { findVisiblePledge, listVisiblePledges } from '../../repositories/pledges.js';
import { badRequest, notFound } from '../../errors.js';
import { HONOR_INFO, SUBJECT_KINDS, type Honor } from '../../../shared/codes.js';
import { registrationInputSchema, reopenInputSchema, unitSheetSchema } from '../../../shared/schemas/plans.js';
import { isoDate, pageQuery } from '../../../shared/schemas/common.js';

const campaignQuery = z.object({ planId: z.uuid('Kế hoạch không hợp lệ.').optional(), movementId: z.uuid('Phong trào không hợp lệ.').optional() });
const registrationFilter = campaignQuery.extend({ unitId: z.uuid('Đơn vị không hợp lệ.').optional() });
const idParams = idParamsOf();

const pledgeFields = z.object({
  unitId: z.uuid('Đơn vị không hợp lệ.'),
  title: z.string().trim().min(3, 'Hãy ghi tên giao ước.').max(500),
  year: z.coerce.number().int().min(2000, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.'),
  signedDate: isoDate,
  parties: z.string().max(5000).default(''),
  movementId: z
    .uuid('Phong trào không hợp lệ.')
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

export const registrationRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    /** Registrations of a campaign grouped by unit and honor, within the actor's scope (screen and export alike). */
    async function rollupOf(actor: Actor, c: Campaign) {
      const rows = await rollupRows(db, actor, c.key);
      const byUnit = new Map<string, { unitId: string; unitName: string; collective: string[]; individual: Record<string, number>; total: number }>();
      const totals: Record<string, number> = {};
      for (const r of rows) {
        const u = byUnit.get(r.unitId) ?? { unitId: r.unitId, unitName: r.unitName, collective: [], individual: {}, total: 0 };
        const n = Number(r.n);
        if (r.kind === 'individual') u.individual[r.honor] = n;
        else u.collective.push(r.honor);
        u.total += n;
        totals[r.honor] = (totals[r.honor] ?? 0) + n;
        byUnit.set(r.unitId, u);
      }
      const quotas = c.kind === 'movement' ? await honorsOfMovement(db, c.id) : [];
      const honors = [...new Set([...Object.keys(totals), ...quotas.map((q) => q.honor)])];
      return {
        units: [...byUnit.values()],
        honors: honors.map((h) => {
          const q = quotas.find((x) => x.honor === h);
          return {
            honor: h,
            label: HONOR_INFO[h as Honor]?.label ?? h,
            total: totals[h] ?? 0,
            quota: q?.quota ?? null,
            quotaNote: q?.quotaNote ?? null,
            overQuota: q?.quota != null && (totals[h] ?? 0) > q.quota,
          };
        }),
      };
    }

    async function assertVisibleUnit(actor: Actor, unitId: string | undefined) {
      if (unitId && !(await findVisibleUnit(db, actor, unitId))) throw notFound('Không tìm thấy đơn vị.');
    }

    app.get(
      '/api/registrations',
      {
        schema: {
          tags: ['registrations'],
          operationId: 'listRegistrations',
          summary: 'Đăng ký thi đua của một kế hoạch năm / phong trào',
          querystring: registrationFilter.extend(pageQuery),
          response: { 200: registrationListSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'registration', 'read');
        const c = await resolveCampaign(db, actor, req.query);
        await assertVisibleUnit(actor, req.query.unitId);
        const f = { campaignKey: c.key, unitId: req.query.unitId };
        const rows = await listVisibleRegistrations(db, actor, f, { page: req.query.page, pageSize: req.query.pageSize });
        return { campaign: presentCampaign(c, actor), items: rows.map(presentRegistration), total: await countVisibleRegistrations(db, actor, f) };
      },
    );

    app.get(
      '/api/registrations/export.xlsx',
      {
        schema: {
          tags: ['registrations'],
          operationId: 'exportRegistrations',
          summary: 'Xuất Excel danh sách đăng ký thi đua theo bộ lọc đang chọn',
          querystring: registrationFilter,
          response: { 200: file('Tệp Excel', 'xlsx'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'registration', 'read');
        const c = await resolveCampaign(db, actor, req.query);
        await assertVisibleUnit(actor, req.query.unitId);
        return replyXlsx(
          reply,
          `Danh sách đăng ký thi đua ${c.year}.xlsx`,
          registrationColumns(),
          await listVisibleRegistrations(db, actor, { campaignKey: c.key, unitId: req.query.unitId }),
          { sheetName: 'Đăng ký', unitName: await exportUnitName(db, actor, req.query.unitId) },
        );
      },
    );

    app.get(
      '/api/registrations/honors',
      {
        schema: {
          tags: ['registrations'],
          operationId: 'listRegistrableHonors',
          summary: 'Danh hiệu, hình thức khen thưởng được đăng ký trong một kế hoạch năm / phong trào (theo đối tượng)',
          querystring: campaignQuery.extend({ subjectKind: z.enum(SUBJECT_KINDS, 'Đối tượng không hợp lệ.').optional() }),
          response: { 200: pageOf(registrableHonorSchema), ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'registration', 'read');
        const c = await resolveCampaign(db, actor, req.query);
        const kind = req.query.subjectKind;
        const items = registrableHonors(c)
          .filter((h) => !kind || HONOR_INFO[h].subjects.includes(kind))
          .map(presentRegistrableHonor);
        return { items, total: items.length };
      },
    );

    app.post(
      '/api/registrations',
      {
        schema: {
          tags: ['registrations'],
          operationId: 'createRegistration',
          summary: 'Đăng ký một danh hiệu / hình thức khen thưởng (cá nhân hoặc tập thể)',
          body: registrationInputSchema,
          response: { 201: registrationCreatedSchema, ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'registration', 'register');
        const row = await runCommand(db, actor, (ctx) => registerOne(ctx, req.body));
        return reply.status(201).send({ id: row.id, honor: row.honor, subjectKind: row.subjectKind });
      },
    );

    app.delete(
      '/api/registrations/:id',
      {
        schema: {
          tags: ['registrations'],
          operationId: 'withdrawRegistration',
          summary: 'Rút một đăng ký (trước hạn)',
          params: idParams,
          response: { 200: okSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'registration', 'register');
        await runCommand(db, actor, (ctx) => withdrawRegistration(ctx, req.params.id));
        return { ok: true as const };
      },
    );

    app.get(
      '/api/registrations/sheet',
      {
        schema: {
          tags: ['registrations'],
          operationId: 'getRegistrationSheet',
          summary: 'Bảng đăng ký của một đơn vị: tập thể và từng cán bộ',
          querystring: campaignQuery.extend({ unitId: z.uuid('Đơn vị không hợp lệ.') }),
          response: { 200: sheetSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'registration', 'registerUnit');
        const c = await resolveCampaign(db, actor, req.query);
        const unit = await findVisibleUnit(db, actor, req.query.unitId);
        if (!unit) throw notFound('Không tìm thấy đơn vị.');
        const staff = await activeStaffOfUnit(db, unit.id);
        const regs = await registrationsOfUnit(db, c.key, unit.id);
        return {
          campaign: presentCampaign(c, actor),
          unit: { id: unit.id, name: unit.name },
          collective: regs.filter((r) => r.subjectKind !== 'individual').map((r) => r.honor),
          people: staff.map((s) => ({
            personId: s.id,
            fullName: s.fullName,
            position: s.position,
            honors: regs.filter((r) => r.personId === s.id).map((r) => r.honor),
          })),
        };
      },
    );

    app.put(
      '/api/registrations/sheet',
      {
        schema: {
          tags: ['registrations'],
          operationId: 'saveRegistrationSheet',
          summary: 'Lưu bảng đăng ký thi đua của cả đơn vị (thay thế đăng ký cũ của đơn vị)',
          body: unitSheetSchema,
          response: { 200: sheetSavedSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'registration', 'registerUnit');
        return runCommand(db, actor, (ctx) => registerUnitSheet(ctx, req.body));
      },
    );

    app.get(
      '/api/registrations/rollup',
      {
        schema: {
          tags: ['registrations'],
          operationId: 'getRegistrationRollup',
          summary: 'Tổng hợp đăng ký theo đơn vị và danh hiệu (Văn phòng)',
          querystring: campaignQuery,
          response: { 200: rollupSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'registration', 'rollup');
        const c = await resolveCampaign(db, actor, req.query);
        const { units: rollupUnits, honors } = await rollupOf(actor, c);
        const reopenings = await reopeningsOf(db, c.key);
        return {
          campaign: { key: c.key, kind: c.kind, id: c.id, title: c.title, year: c.year, deadline: c.deadline },
          units: rollupUnits,
          honors,
          reopenings: reopenings.map((r) => ({
            id: r.r.id,
            unitId: r.r.unitId,
            unitName: r.unitName,
            until: r.r.until,
            reason: r.r.reason,
            createdAt: r.r.createdAt.toISOString(),
          })),
        };
      },
    );

    app.get(
      '/api/registrations/rollup/export.xlsx',
      {
        schema: {
          tags: ['registrations'],
          operationId: 'exportRegistrationRollup',
          summary: 'Xuất Excel bảng tổng hợp đăng ký theo đơn vị và danh hiệu',
          querystring: campaignQuery,
          response: { 200: file('Tệp Excel', 'xlsx'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'registration', 'rollup');
        const c = await resolveCampaign(db, actor, req.query);
        const { units: rollupUnits, honors } = await rollupOf(actor, c);
        const individualHonors = honors.filter((h) => rollupUnits.some((u) => u.individual[h.honor] !== undefined)).map((h) => h.honor);
        return replyXlsx(reply, `Tổng hợp đăng ký thi đua ${c.year}.xlsx`, rollupColumns(individualHonors), rollupUnits, {
          sheetName: 'Tổng hợp đăng ký',
          unitName: await exportUnitName(db, actor),
        });
      },
    );

    app.post(
      '/api/registrations/reopen',
      {
        schema: {
          tags: ['registrations'],
          operationId: 'reopenRegistration',
          summary: 'Mở lại đăng ký thi đua cho một đơn vị sau hạn (ghi nhật ký)',
          body: reopenInputSchema,
          response: { 201: reopenedSchema, ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'registration', 'reopen');
        const row = await runCommand(db, actor, (ctx) => reopenRegistration(ctx, req.body));
        return reply.status(201).send({ id: row.id, unitId: row.unitId, until: row.until, reason: row.reason });
      },
    );

    // ---- Pledges (giao ước thi đua) ----
    app.get(
      '/api/pledges',
      {
        schema: {
          tags: ['registrations'],
          operationId: 'listPledges',
          summary: 'Giao ước thi đua',
          querystring: z.object({ year: z.coerce.number().int().optional(), ...pageQuery }),
          response: { 200: pageOf(pledgeSchema), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'registration', 'readPledges');
        const { rows, total } = await listVisiblePledges(db, actor, { year: req.query.year }, { page: req.query.page, pageSize: req.query.pageSize });
        return { items: rows.map(presentPledge), total };
      },
    );

    app.post(
      '/api/pledges',
      {
        schema: {
          tags: ['registrations'],
          operationId: 'createPledge',
          summary: 'Ghi nhận giao ước thi đua kèm văn bản đã ký (PDF, DOCX, JPEG, PNG; ≤ 10 MB)',
          consumes: ['multipart/form-data'],
          response: { 201: pledgeCreatedSchema, ...errors(403, 404, 413) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'registration', 'pledge');
        const { buffer, fileName, fields } = await readUpload(req, { missing: 'Hãy chọn tệp văn bản giao ước đã ký.', defaultName: '' });
        const parsed = pledgeFields.safeParse(fields);
        if (!parsed.success) throw badRequest(`Dữ liệu không hợp lệ: ${parsed.error.issues[0]?.message ?? ''}`);
        const created = await runCommand(db, actor, (ctx) => recordPledge(ctx, { ...parsed.data, document: { buffer, fileName: fileName || null } }));
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/api/pledges/:id/document',
      {
        schema: {
          tags: ['registrations'],
          operationId: 'downloadPledgeDocument',
          summary: 'Tải văn bản giao ước đã ký',
          params: idParams,
          response: { 200: file('Văn bản giao ước đã ký', 'pdf', 'docx', 'png', 'octet'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'registration', 'readPledges');
        const p = await findVisiblePledge(db, actor, req.params.id);
        if (!p || !p.document) throw notFound('Không tìm thấy văn bản giao ước.');
        // The body is the file itself, not a JSON answer: send it through the untyped reply.
        const raw: FastifyReply = reply;
        raw.header('content-type', p.documentMime ?? 'application/octet-stream');
        raw.header('content-disposition', contentDisposition(p.documentName ?? 'giao-uoc'));
        return raw.send(p.document);
      },
    );
  };
