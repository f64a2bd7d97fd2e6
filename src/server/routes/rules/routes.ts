/**
 * The rule engine over HTTP: what-if evaluation, reward money, the rule-pack viewer (with the
 * agency overrides that govern the caller) and the overrides themselves (Law Art 75 k2).
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import { runCommand } from '../../commands/run.js';
import { createRuleOverride } from '../../commands/records.js';
import { listVisibleOverrides, overrideBodies, overridesForPath } from '../../repositories/records.js';
import { governingPack, ruleErrorToHttp } from '../../records/eligibility.js';
import { HONOR_INFO, REGIMES, type Honor } from '../../../shared/codes.js';
import { isoDate, queryBool } from '../../../shared/schemas/common.js';
import {
  describePack,
  evaluate,
  evaluateRequestSchema,
  moneyFor,
  moneyQuerySchema,
  resolveRegime,
  ruleOverrideSchema,
  type RuleOverride,
} from '../../rules/index.js';

const reasonSchema = z.object({ ok: z.boolean().nullable(), text: z.string(), rule: z.string(), article: z.string(), verified: z.boolean() });
const moneySchema = z.object({ coefficient: z.number(), baseSalary: z.number(), amount: z.number() });
const evaluateResponse = z.object({
  eligible: z.boolean().nullable().describe('true: đủ; false: chưa đủ; null: thiếu dữ liệu để kết luận'),
  regime: z.enum(REGIMES),
  honor: z.string(),
  year: z.number(),
  reasons: z.array(reasonSchema),
  money: moneySchema.nullable(),
  appliedOverrides: z.array(z.string()),
});

const today = () => new Date().toISOString().slice(0, 10);

/** Honors each applied override touches, for marking them in the viewer. */
function touchedHonors(o: RuleOverride): Set<Honor> {
  const out = new Set<Honor>();
  for (const ch of o.changes) if ('honor' in ch) out.add(ch.honor);
  return out;
}

export const ruleRoutes = ({ db }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  app.post(
    '/api/rules/evaluate',
    {
      schema: {
        tags: ['rules'],
        summary: 'Thử quy tắc: xét một danh hiệu, hình thức cho một đối tượng nhập tay, kèm lý do và tiền thưởng',
        description: 'Mặc định theo bộ quy tắc của pháp luật; `withOverrides=true` áp dụng thêm quy định riêng của cơ quan mà tài khoản thuộc về.',
        querystring: z.object({ withOverrides: queryBool.optional() }),
        body: evaluateRequestSchema,
        response: { 200: evaluateResponse },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const b = req.body;
      const pack = req.query.withOverrides ? await governingPack(db, actor.unitPath, b.decisionDate, b.regime) : undefined;
      const r = ruleErrorToHttp(() => evaluate(b, pack ? { pack } : {}));
      return { ...r, appliedOverrides: pack?.appliedOverrides ?? [] };
    },
  );

  app.get(
    '/api/rules/money',
    { schema: { tags: ['rules'], summary: 'Tiền thưởng: hệ số × mức lương cơ sở tại ngày quyết định, làm tròn lên 10.000 đ', querystring: moneyQuerySchema, response: { 200: moneySchema } } },
    async (req) => {
      actorOf(req);
      return ruleErrorToHttp(() => moneyFor(req.query));
    },
  );

  app.get(
    '/api/rules/packs/:regime',
    {
      schema: {
        tags: ['rules'],
        summary: 'Bộ quy tắc của một chế độ pháp lý (để xem), đã áp dụng quy định riêng của cơ quan',
        params: z.object({ regime: z.enum(REGIMES, `Chế độ pháp lý không hợp lệ (hợp lệ: ${REGIMES.join(', ')}).`) }),
        querystring: z.object({ asOf: isoDate.optional().describe('Ngày xét quy định riêng còn hiệu lực (mặc định: hôm nay)') }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { regime } = req.params;
      // Overrides in force on asOf (default today); money examples use the base salary of that day.
      const asOf = req.query.asOf ?? today();
      const pack = await governingPack(db, actor.unitPath, asOf, regime);
      const bodies = overrideBodies(await overridesForPath(db, actor.unitPath));
      const applied = bodies.filter((o) => pack.appliedOverrides.includes(`${o.id}@${o.version}`));
      const view = describePack(regime, pack, asOf);
      return {
        ...view,
        asOf,
        inForceToday: resolveRegime(today()) === regime,
        overrides: applied.map((o) => ({ id: o.id, version: o.version, title: o.title ?? null, basis: o.basis ?? null, agency: o.agency, effectiveFrom: o.effectiveFrom, effectiveTo: o.effectiveTo ?? null, honors: [...touchedHonors(o)] })),
        honors: view.honors.map((h) => ({ ...h, overriddenBy: applied.filter((o) => touchedHonors(o).has(h.honor)).map((o) => `${o.id}@${o.version}`) })),
      };
    },
  );

  app.get('/api/rules/overrides', { schema: { tags: ['rules'], summary: 'Quy định riêng của cơ quan (ghi đè bộ quy tắc), mọi phiên bản' } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'ruleOverride', 'read');
    const rows = await listVisibleOverrides(db, actor);
    return {
      items: rows.map(({ row, unitName }) => ({ id: row.id, unitId: row.unitId, unitName, overrideId: row.overrideId, version: row.version, effectiveFrom: row.effectiveFrom, effectiveTo: row.effectiveTo, createdAt: row.createdAt.toISOString(), override: row.body as RuleOverride })),
    };
  });

  app.post(
    '/api/rules/overrides',
    {
      schema: {
        tags: ['rules'],
        summary: 'Ban hành một phiên bản quy định riêng của cơ quan (tiêu chuẩn Giấy khen, Bằng khen; tỷ lệ; thời hạn)',
        body: z.object({ unitId: z.uuid('Đơn vị không hợp lệ.').optional().describe('Đơn vị ban hành (mặc định: đơn vị của tài khoản)'), override: ruleOverrideSchema }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      authorize(actor, 'ruleOverride', 'create');
      const o = req.body.override as RuleOverride;
      const row = await runCommand(db, actor, (ctx) => createRuleOverride(ctx, req.body.unitId ?? actor.unitId, o));
      return reply.status(201).send({ id: row.id, unitId: row.unitId, overrideId: row.overrideId, version: row.version, effectiveFrom: row.effectiveFrom, effectiveTo: row.effectiveTo, override: o, honors: [...touchedHonors(o)].map((h) => HONOR_INFO[h].label) });
    },
  );
};
