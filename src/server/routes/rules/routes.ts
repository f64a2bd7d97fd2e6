/**
 * The rule engine over HTTP: what-if evaluation, reward money, the rule-pack viewer (with the
 * agency overrides that govern the caller), the facts a user may confirm, and the overrides
 * themselves (Law Art 75 k2).
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { actorOf } from '../../http/session.js';
import { errors, pageOf } from '../../http/contract.js';
import { authorize } from '../../policies/scope.js';
import { runCommand } from '../../commands/run.js';
import { createRuleOverride } from '../../commands/records.js';
import { listVisibleOverrides, overrideBodies, overridesForPath } from '../../repositories/rule-overrides.js';
import { governingPack, withRuleErrors } from '../../records/eligibility.js';
import { factKindSchema, moneySchema, presentFactKinds } from '../../presenters/records.js';
import {
  createdOverrideSchema,
  evaluateResultSchema,
  packViewSchema,
  presentCreatedOverride,
  presentOverrideVersion,
  presentPackView,
  ruleOverrideVersionSchema,
} from '../../presenters/rules.js';
import { todayVn } from '../../clock.js';
import { REGIMES } from '../../../shared/codes.js';
import { isoDate, pageQuery, queryBool } from '../../../shared/schemas/common.js';
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

export const ruleRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/rules/evaluate',
      {
        schema: {
          tags: ['rules'],
          operationId: 'evaluateRule',
          summary: 'Thử quy tắc: xét một danh hiệu, hình thức cho một đối tượng nhập tay, kèm lý do và tiền thưởng',
          description: 'Mặc định theo bộ quy tắc của pháp luật; `withOverrides=true` áp dụng thêm quy định riêng của cơ quan mà tài khoản thuộc về.',
          querystring: z.object({ withOverrides: queryBool.optional() }),
          body: evaluateRequestSchema,
          response: { 200: evaluateResultSchema, ...errors() },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const b = req.body;
        const pack = req.query.withOverrides ? await governingPack(db, actor.unitPath, b.decisionDate, b.regime) : undefined;
        const r = withRuleErrors(() => evaluate(b, pack ? { pack } : {}));
        return { ...r, appliedOverrides: pack?.appliedOverrides ?? [] };
      },
    );

    app.get(
      '/api/rules/money',
      {
        schema: {
          tags: ['rules'],
          operationId: 'getRewardMoney',
          summary: 'Tiền thưởng: hệ số × mức lương cơ sở tại ngày quyết định, làm tròn lên 10.000 đ',
          querystring: moneyQuerySchema,
          response: { 200: moneySchema, ...errors() },
        },
      },
      async (req) => {
        actorOf(req);
        return withRuleErrors(() => moneyFor(req.query));
      },
    );

    app.get(
      '/api/rules/facts',
      {
        schema: {
          tags: ['rules'],
          operationId: 'listFactKinds',
          summary: 'Các sự kiện người dùng xác nhận được (hệ thống không tự tính), kèm nhãn tiếng Việt',
          response: { 200: pageOf(factKindSchema), ...errors() },
        },
      },
      async (req) => {
        actorOf(req);
        const items = presentFactKinds();
        return { items, total: items.length };
      },
    );

    app.get(
      '/api/rules/packs/:regime',
      {
        schema: {
          tags: ['rules'],
          operationId: 'getRulePack',
          summary: 'Bộ quy tắc của một chế độ pháp lý (để xem), đã áp dụng quy định riêng của cơ quan',
          params: z.object({ regime: z.enum(REGIMES, `Chế độ pháp lý không hợp lệ (hợp lệ: ${REGIMES.join(', ')}).`) }),
          querystring: z.object({ asOf: isoDate.optional().describe('Ngày xét quy định riêng còn hiệu lực (mặc định: hôm nay, theo giờ Việt Nam)') }),
          response: { 200: packViewSchema, ...errors() },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const { regime } = req.params;
        // Overrides in force on asOf (default today); money examples use the base salary of that day.
        const today = todayVn();
        const asOf = req.query.asOf ?? today;
        const pack = await governingPack(db, actor.unitPath, asOf, regime);
        const bodies = overrideBodies(await overridesForPath(db, actor.unitPath));
        const applied = bodies.filter((o) => pack.appliedOverrides.includes(`${o.id}@${o.version}`));
        return presentPackView(describePack(regime, pack, asOf), asOf, resolveRegime(today) === regime, applied);
      },
    );

    app.get(
      '/api/rules/overrides',
      {
        schema: {
          tags: ['rules'],
          operationId: 'listRuleOverrides',
          summary: 'Quy định riêng của cơ quan (ghi đè bộ quy tắc), mọi phiên bản',
          querystring: z.object(pageQuery),
          response: { 200: pageOf(ruleOverrideVersionSchema), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'ruleOverride', 'read');
        const { items, total } = await listVisibleOverrides(db, actor, req.query);
        return { items: items.map(({ row, unitName }) => presentOverrideVersion(row, unitName)), total };
      },
    );

    app.post(
      '/api/rules/overrides',
      {
        schema: {
          tags: ['rules'],
          operationId: 'createRuleOverride',
          summary: 'Ban hành một phiên bản quy định riêng của cơ quan (tiêu chuẩn Giấy khen, Bằng khen; tỷ lệ; thời hạn)',
          body: z.object({
            unitId: z.uuid('Đơn vị không hợp lệ.').optional().describe('Đơn vị ban hành (mặc định: đơn vị của tài khoản)'),
            override: ruleOverrideSchema,
          }),
          response: { 201: createdOverrideSchema, ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'ruleOverride', 'create');
        const o: RuleOverride = req.body.override;
        const row = await runCommand(db, actor, (ctx) => createRuleOverride(ctx, req.body.unitId ?? actor.unitId, o));
        return reply.status(201).send(presentCreatedOverride(row, o));
      },
    );
  };
