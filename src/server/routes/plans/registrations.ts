import { z } from 'zod';
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { RouteDeps } from '../../app.js';
import { runCommand } from '../../commands/run.js';
import { listRegistrations, registerOne, registerUnitSheet, reopenRegistration, reopeningsOf, resolveCampaign, withdrawRegistration, type Campaign } from '../../commands/registrations.js';
import { registrationColumns, rollupColumns } from '../../presenters/list-exports.js';
import { replyXlsx } from '../../http/xlsx-reply.js';
import type { Actor } from '../../auth/actor.js';
import { readUpload } from '../../http/upload.js';
import { actorOf } from '../../http/session.js';
import { authorize, unitIdInScope } from '../../policies/scope.js';
import { findVisibleUnit } from '../../repositories/units.js';
import { findReadableMovement } from '../../repositories/plans.js';
import { badRequest, notFound } from '../../errors.js';
import { movementHonors, people, pledges, registrations, units } from '../../db/schema/index.js';
import { HONOR_INFO, type Honor } from '../../../shared/codes.js';
import { registrationInputSchema, reopenInputSchema, unitSheetSchema } from '../../../shared/schemas/plans.js';
import { isoDate } from '../../../shared/schemas/common.js';
import { vnToday } from '../../deadlines/clock.js';

const campaignQuery = z.object({ planId: z.uuid('Kế hoạch không hợp lệ.').optional(), movementId: z.uuid('Phong trào không hợp lệ.').optional() });
const registrationListQuery = campaignQuery.extend({ unitId: z.uuid().optional() });
const idParams = z.object({ id: z.uuid('Mã không hợp lệ.') });

/** Signed pledge documents: PDF, Word (.docx) or a scan (JPEG/PNG), recognised by content. */
const PLEDGE_TYPES = new Set(['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/jpeg', 'image/png']);

export const registrationRoutes = ({ db }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  /** Registrations of a campaign grouped by unit and honor, within the actor's scope (screen and export alike). */
  async function rollupOf(actor: Actor, c: Campaign) {
    const rows = await db
      .select({ unitId: registrations.unitId, unitName: units.name, sortOrder: units.sortOrder, depth: units.depth, honor: registrations.honor, kind: registrations.subjectKind, n: sql<number>`count(*)::int` })
      .from(registrations)
      .innerJoin(units, eq(units.id, registrations.unitId))
      .where(and(eq(registrations.campaignKey, c.key), unitIdInScope(actor, registrations.unitId)))
      .groupBy(registrations.unitId, units.name, units.sortOrder, units.depth, registrations.honor, registrations.subjectKind)
      .orderBy(asc(units.depth), asc(units.sortOrder), asc(units.name));
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
    const quotas = c.kind === 'movement' ? await db.select().from(movementHonors).where(eq(movementHonors.movementId, c.id)) : [];
    const honors = [...new Set([...Object.keys(totals), ...quotas.map((q) => q.honor)])];
    return {
      units: [...byUnit.values()],
      honors: honors.map((h) => {
        const q = quotas.find((x) => x.honor === h);
        return { honor: h, label: HONOR_INFO[h as Honor]?.label ?? h, total: totals[h] ?? 0, quota: q?.quota ?? null, quotaNote: q?.quotaNote ?? null, overQuota: q?.quota != null && (totals[h] ?? 0) > q.quota };
      }),
    };
  }

  app.get('/api/registrations', { schema: { tags: ['registrations'], summary: 'Đăng ký thi đua của một kế hoạch năm / phong trào', querystring: registrationListQuery } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'registration', 'read');
    const c = await resolveCampaign(db, actor, req.query);
    if (req.query.unitId && !(await findVisibleUnit(db, actor, req.query.unitId))) throw notFound('Không tìm thấy đơn vị.');
    const rows = await listRegistrations(db, actor, c, req.query.unitId);
    const today = vnToday();
    return {
      campaign: { key: c.key, kind: c.kind, id: c.id, title: c.title, year: c.year, deadline: c.deadline, open: !c.deadline || today <= c.deadline, offered: c.offered },
      items: rows.map((r) => ({
        id: r.reg.id,
        unitId: r.reg.unitId,
        unitName: r.unitName,
        subjectKind: r.reg.subjectKind,
        personId: r.reg.personId,
        personName: r.personName,
        honor: r.reg.honor,
        honorLabel: HONOR_INFO[r.reg.honor as Honor]?.label ?? r.reg.honor,
        note: r.reg.note,
        createdAt: r.reg.createdAt.toISOString(),
      })),
    };
  });

  app.get('/api/registrations/export.xlsx', { schema: { tags: ['registrations'], summary: 'Xuất Excel danh sách đăng ký thi đua theo bộ lọc đang chọn', querystring: registrationListQuery } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'registration', 'read');
    const c = await resolveCampaign(db, actor, req.query);
    if (req.query.unitId && !(await findVisibleUnit(db, actor, req.query.unitId))) throw notFound('Không tìm thấy đơn vị.');
    return replyXlsx(reply, `Danh sách đăng ký thi đua ${c.year}.xlsx`, registrationColumns(), await listRegistrations(db, actor, c, req.query.unitId), { sheetName: 'Đăng ký' });
  });

  app.post('/api/registrations', { schema: { tags: ['registrations'], summary: 'Đăng ký một danh hiệu / hình thức khen thưởng (cá nhân hoặc tập thể)', body: registrationInputSchema } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'registration', 'register');
    const row = await runCommand(db, actor, (ctx) => registerOne(ctx, req.body));
    return reply.status(201).send({ id: row.id, honor: row.honor, subjectKind: row.subjectKind });
  });

  app.delete('/api/registrations/:id', { schema: { tags: ['registrations'], summary: 'Rút một đăng ký (trước hạn)', params: idParams } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'registration', 'register');
    await runCommand(db, actor, (ctx) => withdrawRegistration(ctx, req.params.id));
    return { ok: true };
  });

  app.get('/api/registrations/sheet', { schema: { tags: ['registrations'], summary: 'Bảng đăng ký của một đơn vị: tập thể và từng cán bộ', querystring: campaignQuery.extend({ unitId: z.uuid('Đơn vị không hợp lệ.') }) } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'registration', 'registerUnit');
    const c = await resolveCampaign(db, actor, req.query);
    const unit = await findVisibleUnit(db, actor, req.query.unitId);
    if (!unit) throw notFound('Không tìm thấy đơn vị.');
    const staff = await db.select({ id: people.id, fullName: people.fullName, position: people.position }).from(people).where(and(eq(people.unitId, unit.id), eq(people.active, true))).orderBy(asc(people.sortKey));
    const regs = await db.select().from(registrations).where(and(eq(registrations.campaignKey, c.key), eq(registrations.unitId, unit.id)));
    const today = vnToday();
    return {
      campaign: { key: c.key, title: c.title, year: c.year, deadline: c.deadline, open: !c.deadline || today <= c.deadline, offered: c.offered },
      unit: { id: unit.id, name: unit.name },
      collective: regs.filter((r) => r.subjectKind !== 'individual').map((r) => r.honor),
      people: staff.map((s) => ({ personId: s.id, fullName: s.fullName, position: s.position, honors: regs.filter((r) => r.personId === s.id).map((r) => r.honor) })),
    };
  });

  app.put('/api/registrations/sheet', { schema: { tags: ['registrations'], summary: 'Lưu bảng đăng ký thi đua của cả đơn vị (thay thế đăng ký cũ của đơn vị)', body: unitSheetSchema } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'registration', 'registerUnit');
    return runCommand(db, actor, (ctx) => registerUnitSheet(ctx, req.body));
  });

  app.get('/api/registrations/rollup', { schema: { tags: ['registrations'], summary: 'Tổng hợp đăng ký theo đơn vị và danh hiệu (Văn phòng)', querystring: campaignQuery } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'registration', 'rollup');
    const c = await resolveCampaign(db, actor, req.query);
    const { units: rollupUnits, honors } = await rollupOf(actor, c);
    const reopenings = await reopeningsOf(db, c);
    return {
      campaign: { key: c.key, kind: c.kind, id: c.id, title: c.title, year: c.year, deadline: c.deadline },
      units: rollupUnits,
      honors,
      reopenings: reopenings.map((r) => ({ id: r.r.id, unitId: r.r.unitId, unitName: r.unitName, until: r.r.until, reason: r.r.reason, createdAt: r.r.createdAt.toISOString() })),
    };
  });

  app.get('/api/registrations/rollup/export.xlsx', { schema: { tags: ['registrations'], summary: 'Xuất Excel bảng tổng hợp đăng ký theo đơn vị và danh hiệu', querystring: campaignQuery } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'registration', 'rollup');
    const c = await resolveCampaign(db, actor, req.query);
    const { units: rollupUnits, honors } = await rollupOf(actor, c);
    const individualHonors = honors.filter((h) => rollupUnits.some((u) => u.individual[h.honor] !== undefined)).map((h) => h.honor);
    return replyXlsx(reply, `Tổng hợp đăng ký thi đua ${c.year}.xlsx`, rollupColumns(individualHonors), rollupUnits, { sheetName: 'Tổng hợp đăng ký' });
  });

  app.post('/api/registrations/reopen', { schema: { tags: ['registrations'], summary: 'Mở lại đăng ký thi đua cho một đơn vị sau hạn (ghi nhật ký)', body: reopenInputSchema } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'registration', 'reopen');
    const row = await runCommand(db, actor, (ctx) => reopenRegistration(ctx, req.body));
    return reply.status(201).send({ id: row.id, unitId: row.unitId, until: row.until, reason: row.reason });
  });

  // ---- Pledges (giao ước thi đua) ----
  app.get('/api/pledges', { schema: { tags: ['registrations'], summary: 'Giao ước thi đua', querystring: z.object({ year: z.coerce.number().int().optional() }) } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'registration', 'read');
    const rows = await db
      .select({ p: { id: pledges.id, unitId: pledges.unitId, movementId: pledges.movementId, year: pledges.year, title: pledges.title, parties: pledges.parties, signedDate: pledges.signedDate, documentName: pledges.documentName, documentMime: pledges.documentMime, documentSize: pledges.documentSize, createdAt: pledges.createdAt }, unitName: units.name })
      .from(pledges)
      .innerJoin(units, eq(units.id, pledges.unitId))
      .where(and(unitIdInScope(actor, pledges.unitId), req.query.year ? eq(pledges.year, req.query.year) : undefined))
      .orderBy(asc(pledges.signedDate));
    return { items: rows.map((r) => ({ ...r.p, unitName: r.unitName, createdAt: r.p.createdAt.toISOString(), documentUrl: r.p.documentName ? `/api/pledges/${r.p.id}/document` : null })) };
  });

  app.post('/api/pledges', { schema: { tags: ['registrations'], summary: 'Ghi nhận giao ước thi đua kèm văn bản đã ký (PDF, DOCX, JPEG, PNG; ≤ 10 MB)', consumes: ['multipart/form-data'] } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'registration', 'pledge');
    const { buffer, fileName, fields } = await readUpload(req, { missing: 'Hãy chọn tệp văn bản giao ước đã ký.', defaultName: 'giao-uoc' });
    const parsed = z
      .object({
        unitId: z.uuid('Đơn vị không hợp lệ.'),
        title: z.string().trim().min(3, 'Hãy ghi tên giao ước.').max(500),
        year: z.coerce.number().int().min(2000, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.'),
        signedDate: isoDate,
        parties: z.string().max(5000).default(''),
        movementId: z.uuid('Phong trào không hợp lệ.').optional().or(z.literal('').transform(() => undefined)),
      })
      .safeParse(fields);
    if (!parsed.success) throw badRequest(`Dữ liệu không hợp lệ: ${parsed.error.issues[0]?.message ?? ''}`);
    const input = parsed.data;
    const unit = await findVisibleUnit(db, actor, input.unitId);
    if (!unit) throw notFound('Không tìm thấy đơn vị.');
    if (input.movementId && !(await findReadableMovement(db, actor, input.movementId))) throw notFound('Không tìm thấy phong trào.');
    if (buffer.length === 0) throw badRequest('Tệp tải lên rỗng.');
    const type = await fileTypeFromBuffer(buffer);
    if (!type || !PLEDGE_TYPES.has(type.mime)) throw badRequest('Văn bản giao ước phải là tệp PDF, Word (.docx) hoặc ảnh chụp JPEG/PNG (kiểm tra theo nội dung tệp).');
    const parties = input.parties.split(/\r?\n|;/).map((s) => s.trim()).filter(Boolean);
    const row = await runCommand(db, actor, async (ctx) => {
      const [p] = await ctx.tx
        .insert(pledges)
        .values({ unitId: unit.id, movementId: input.movementId ?? null, year: input.year, title: input.title, parties, signedDate: input.signedDate, documentName: fileName === 'giao-uoc' ? `giao-uoc.${type.ext}` : fileName, documentMime: type.mime, documentSize: buffer.length, documentSha256: createHash('sha256').update(buffer).digest('hex'), document: buffer, createdBy: actor.accountId })
        .returning({ id: pledges.id, title: pledges.title });
      await ctx.audit({ action: 'pledge.created', entityType: 'pledge', entityId: p!.id, unitId: unit.id, summary: `Giao ước thi đua "${input.title}" (${parties.join(', ') || unit.name})`, after: { year: input.year, signedDate: input.signedDate, parties, documentSize: buffer.length } });
      return p!;
    });
    return reply.status(201).send({ id: row.id, title: row.title, documentMime: type.mime, documentSize: buffer.length });
  });

  app.get('/api/pledges/:id/document', { schema: { tags: ['registrations'], summary: 'Tải văn bản giao ước đã ký', params: idParams } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'registration', 'read');
    const [p] = await db.select().from(pledges).where(and(eq(pledges.id, req.params.id), unitIdInScope(actor, pledges.unitId)));
    if (!p || !p.document) throw notFound('Không tìm thấy văn bản giao ước.');
    reply.header('content-type', p.documentMime ?? 'application/octet-stream');
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(p.documentName ?? 'giao-uoc')}`);
    return reply.send(p.document);
  });
};
