import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { runCommand } from '../../commands/run.js';
import { addFundSource, configureFund, fundView, payFromFund, spendOnOrganising } from '../../commands/fund.js';
import { grantReissue, issueItemsForDecision, recordItemMove, refuseReissue, requestReissue, stockAt } from '../../commands/award-items.js';
import { actorOf } from '../../http/session.js';
import { errors, file, pageOf } from '../../http/contract.js';
import { authorize } from '../../policies/scope.js';
import { inventoryAbilities } from '../../policies/fund.js';
import { allFundEntries, findVisibleReissue, listCommitments, listFundEntries, listItemMoves, listVisibleReissues } from '../../repositories/fund.js';
import { findVisibleUnit } from '../../repositories/units.js';
import {
  cashEffect,
  commitmentSchema,
  fundEntrySchema,
  fundSchema,
  itemMoveSchema,
  ledgerColumns,
  presentCommitment,
  presentFund,
  presentFundEntry,
  presentItemMove,
  presentReissue,
  presentStock,
  reissueSchema,
  stockSchema,
} from '../../presenters/fund.js';
import { replyXlsx } from '../../http/xlsx-reply.js';
import { exportUnitName } from '../export-heading.js';
import { notFound } from '../../errors.js';
import { dateVn, todayVn } from '../../clock.js';
import { isoDate, pageQuery } from '../../../shared/schemas/common.js';
import { AWARD_ITEM_KINDS, FUND_CAP_BASES, FUND_ENTRY_KINDS, FUND_KIND_LABELS, FUND_KINDS, REISSUE_KINDS, REISSUE_STATUSES } from '../../../shared/codes.js';

const yearParams = z.object({ year: z.coerce.number().int('Năm không hợp lệ.').min(2000, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.') });
const idParams = z.object({ id: z.uuid('Mã đề nghị không hợp lệ.') });
const fundQuery = z.object({
  kind: z.enum(FUND_KINDS, 'Loại quỹ không hợp lệ.').default('tdkt'),
  unitId: z.uuid('Mã đơn vị không hợp lệ.').optional(),
});
const money = z
  .number('Số tiền phải là số.')
  .int('Số tiền phải là số nguyên (đồng).')
  .positive('Số tiền phải lớn hơn 0.')
  .max(1_000_000_000_000, 'Số tiền quá lớn.');
const text = (msg: string, max = 500) => z.string().trim().min(1, msg).max(max, 'Nội dung quá dài.');

export const fundRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['fund'];

    async function view(actor: ReturnType<typeof actorOf>, year: number, q: z.infer<typeof fundQuery>) {
      const v = await fundView(db, actor, year, q.kind, q.unitId);
      const f = v.fund ?? { id: null, unitId: v.unit.id, year, kind: q.kind, capBasis: null, basisAmount: null, version: 0 };
      return presentFund(actor, f, v.unit.name, v.totals, v.pack);
    }

    app.get(
      '/api/fund/:year',
      {
        schema: {
          tags,
          operationId: 'getFund',
          summary: 'Quỹ thi đua, khen thưởng (hoặc quỹ tiền thưởng NĐ 73/2024) của đơn vị trong năm: nguồn, cam kết, đã chi, số dư, mức tối đa',
          params: yearParams,
          querystring: fundQuery,
          response: { 200: fundSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'fund', 'read');
        return view(actor, req.params.year, req.query);
      },
    );

    app.put(
      '/api/fund/:year/settings',
      {
        schema: {
          tags,
          operationId: 'configureFund',
          summary: 'Khai báo căn cứ trích lập quỹ (chi thường xuyên hoặc quỹ tiền lương của năm)',
          params: yearParams,
          body: z.object({
            kind: z.enum(FUND_KINDS, 'Loại quỹ không hợp lệ.').default('tdkt'),
            unitId: z.uuid().optional(),
            capBasis: z.enum(FUND_CAP_BASES, 'Căn cứ trích lập không hợp lệ.').nullable(),
            basisAmount: money.max(100_000_000_000_000, 'Số tiền quá lớn.').nullable(),
            version: z.number().int().optional(),
          }),
          response: { 200: fundSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'fund', 'write');
        await runCommand(db, actor, (ctx) => configureFund(ctx, req.params.year, req.body));
        return view(actor, req.params.year, { kind: req.body.kind, unitId: req.body.unitId });
      },
    );

    app.get(
      '/api/fund/:year/entries',
      {
        schema: {
          tags,
          operationId: 'listFundEntries',
          summary: 'Sổ quỹ: các dòng thu, chi, cam kết, hoàn lại theo ngày',
          params: yearParams,
          querystring: fundQuery.extend({ entryKind: z.enum(FUND_ENTRY_KINDS, 'Loại dòng không hợp lệ.').optional(), ...pageQuery }),
          response: { 200: pageOf(fundEntrySchema), ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'fund', 'read');
        const v = await fundView(db, actor, req.params.year, req.query.kind, req.query.unitId);
        if (!v.fund) return { items: [], total: 0 };
        const { rows, total } = await listFundEntries(db, v.fund.id, { kind: req.query.entryKind, page: req.query.page, pageSize: req.query.pageSize });
        return { items: rows.map(presentFundEntry), total };
      },
    );

    app.get(
      '/api/fund/:year/commitments',
      {
        schema: {
          tags,
          operationId: 'listFundCommitments',
          summary: 'Tiền thưởng theo từng quyết định và người được khen: đã chi, còn phải chi, đã hoàn lại',
          params: yearParams,
          querystring: z.object({ unitId: z.uuid().optional(), ...pageQuery }),
          response: { 200: pageOf(commitmentSchema), ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'fund', 'read');
        const v = await fundView(db, actor, req.params.year, 'tdkt', req.query.unitId);
        if (!v.fund) return { items: [], total: 0 };
        const { rows, total } = await listCommitments(db, v.fund.id, req.query);
        return { items: rows.map(presentCommitment), total };
      },
    );

    app.post(
      '/api/fund/:year/sources',
      {
        schema: {
          tags,
          operationId: 'addFundSource',
          summary: 'Ghi nguồn quỹ: ngân sách cấp (trong mức tối đa theo quy định) hoặc đóng góp, tài trợ',
          params: yearParams,
          body: z.object({
            kind: z.enum(FUND_KINDS, 'Loại quỹ không hợp lệ.').default('tdkt'),
            unitId: z.uuid().optional(),
            source: z.enum(['budget', 'contribution'], 'Hãy chọn nguồn: ngân sách hoặc đóng góp.'),
            amount: money,
            entryDate: isoDate,
            voucher: z.string().trim().max(100, 'Số chứng từ quá dài.').nullish(),
            description: text('Hãy ghi nội dung.'),
          }),
          response: { 201: fundEntrySchema, ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'fund', 'write');
        const row = await runCommand(db, actor, (ctx) => addFundSource(ctx, req.params.year, req.body));
        return reply.status(201).send(presentFundEntry({ entry: row, decisionNumber: null }));
      },
    );

    app.post(
      '/api/fund/:year/payments',
      {
        schema: {
          tags,
          operationId: 'payFromFund',
          summary: 'Chi tiền thưởng (không vượt số còn phải chi theo quyết định, không vượt số dư quỹ)',
          params: yearParams,
          body: z.object({
            kind: z.enum(FUND_KINDS, 'Loại quỹ không hợp lệ.').default('tdkt'),
            unitId: z.uuid().optional(),
            commitmentId: z.uuid('Khoản tiền thưởng không hợp lệ.').optional(),
            amount: money,
            entryDate: isoDate,
            voucher: text('Hãy nhập số chứng từ.', 100),
            payee: text('Hãy nhập người nhận.', 200),
            description: z.string().trim().max(500, 'Nội dung quá dài.').nullish(),
          }),
          response: { 201: fundEntrySchema, ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'fund', 'write');
        const row = await runCommand(db, actor, (ctx) => payFromFund(ctx, req.params.year, req.body));
        return reply.status(201).send(presentFundEntry({ entry: row, decisionNumber: null }));
      },
    );

    app.post(
      '/api/fund/:year/organising',
      {
        schema: {
          tags,
          operationId: 'spendFundOnOrganising',
          summary: 'Chi tổ chức phong trào thi đua (trong tỷ lệ tối đa của quỹ theo TT 28/2025/TT-BTC)',
          params: yearParams,
          body: z.object({
            unitId: z.uuid().optional(),
            amount: money,
            entryDate: isoDate,
            voucher: z.string().trim().max(100, 'Số chứng từ quá dài.').nullish(),
            description: text('Hãy ghi nội dung chi.'),
          }),
          response: { 201: fundEntrySchema, ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'fund', 'write');
        const row = await runCommand(db, actor, (ctx) => spendOnOrganising(ctx, req.params.year, req.body));
        return reply.status(201).send(presentFundEntry({ entry: row, decisionNumber: null }));
      },
    );

    app.get(
      '/api/fund/:year/ledger.xlsx',
      {
        schema: {
          tags,
          operationId: 'exportFundLedger',
          summary: 'Xuất Excel sổ quỹ của năm (thu, chi, cam kết, hoàn lại, số dư lũy kế)',
          params: yearParams,
          querystring: fundQuery,
          response: { 200: file('Tệp Excel', 'xlsx'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'fund', 'read');
        const v = await fundView(db, actor, req.params.year, req.query.kind, req.query.unitId);
        const rows = v.fund ? await allFundEntries(db, v.fund.id) : [];
        let balance = 0;
        const lines = rows.map((r) => {
          const e = presentFundEntry(r);
          balance += cashEffect(e.kind, e.amount);
          return { ...e, balance };
        });
        return replyXlsx(reply, `Sổ ${FUND_KIND_LABELS[req.query.kind].toLocaleLowerCase('vi')} năm ${req.params.year}.xlsx`, ledgerColumns(), lines, {
          sheetName: `Sổ quỹ ${req.params.year}`,
          unitName: await exportUnitName(db, actor, req.query.unitId),
        });
      },
    );

    // ---------------------------------------------------------------- award items

    const unitQuery = z.object({ unitId: z.uuid('Mã đơn vị không hợp lệ.').optional() });

    async function inventoryUnit(actor: ReturnType<typeof actorOf>, unitId: string | undefined) {
      const u = await findVisibleUnit(db, actor, unitId ?? actor.unitId);
      if (!u) throw notFound('Không tìm thấy đơn vị.');
      return u;
    }

    app.get(
      '/api/award-items/stock',
      {
        schema: {
          tags,
          operationId: 'getAwardItemStock',
          summary: 'Tồn kho phôi, hiện vật khen thưởng theo loại tại một ngày (mặc định hôm nay)',
          querystring: unitQuery.extend({ date: isoDate.optional() }),
          response: { 200: stockSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'awardItem', 'read');
        const u = await inventoryUnit(actor, req.query.unitId);
        const date = req.query.date ?? todayVn();
        const lines = await stockAt(db, u.id, date);
        return { date, unitId: u.id, items: lines.map(presentStock), total: lines.length, abilities: inventoryAbilities(actor) };
      },
    );

    app.get(
      '/api/award-items/moves',
      {
        schema: {
          tags,
          operationId: 'listAwardItemMoves',
          summary: 'Nhập, cấp phát, hỏng, thu hồi phôi và hiện vật (mới nhất trước)',
          querystring: unitQuery.extend({ itemKind: z.enum(AWARD_ITEM_KINDS, 'Loại hiện vật không hợp lệ.').optional(), ...pageQuery }),
          response: { 200: pageOf(itemMoveSchema), ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'awardItem', 'read');
        const u = await inventoryUnit(actor, req.query.unitId);
        const { rows, total } = await listItemMoves(db, u.id, req.query);
        return { items: rows.map(presentItemMove), total };
      },
    );

    app.post(
      '/api/award-items/moves',
      {
        schema: {
          tags,
          operationId: 'recordAwardItemMove',
          summary: 'Nhập kho, hoặc ghi hỏng, hủy (có lý do) phôi, hiện vật',
          body: z.object({
            unitId: z.uuid().optional(),
            itemKind: z.enum(AWARD_ITEM_KINDS, 'Hãy chọn loại phôi, hiện vật.'),
            move: z.enum(['received', 'spoiled'], 'Hãy chọn nhập kho hoặc hỏng, hủy.'),
            quantity: z
              .number('Số lượng phải là số.')
              .int('Số lượng phải là số nguyên.')
              .min(1, 'Số lượng phải từ 1 trở lên.')
              .max(100_000, 'Số lượng quá lớn.'),
            moveDate: isoDate,
            reason: z.string().trim().max(500, 'Lý do quá dài.').nullish(),
            reference: z.string().trim().max(200, 'Số chứng từ quá dài.').nullish(),
          }),
          response: { 201: itemMoveSchema, ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'awardItem', 'write');
        const row = await runCommand(db, actor, (ctx) => recordItemMove(ctx, req.body));
        return reply.status(201).send(presentItemMove({ move: row, decisionNumber: null, certificateNumber: null, certificateYear: null }));
      },
    );

    app.post(
      '/api/award-items/issue',
      {
        schema: {
          tags,
          operationId: 'issueAwardItemsForDecision',
          summary: 'Cấp phát phôi, hiện vật cho các Giấy khen, Bằng khen đã vào sổ vàng của một quyết định',
          body: z.object({ decisionId: z.uuid('Mã quyết định không hợp lệ.'), moveDate: isoDate.optional() }),
          response: { 200: pageOf(itemMoveSchema), ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'awardItem', 'write');
        const rows = await runCommand(db, actor, (ctx) => issueItemsForDecision(ctx, req.body.decisionId, req.body.moveDate ?? todayVn()));
        return {
          items: rows.map((m) => presentItemMove({ move: m, decisionNumber: null, certificateNumber: null, certificateYear: null })),
          total: rows.length,
        };
      },
    );

    // ---------------------------------------------------------------- re-issue / exchange requests

    async function presentOne(actor: ReturnType<typeof actorOf>, id: string) {
      const r = await findVisibleReissue(db, actor, id);
      if (!r) throw notFound('Không tìm thấy đề nghị cấp lại, cấp đổi.');
      return presentReissue(actor, r, r.request.handledAt ? dateVn(r.request.handledAt) : null);
    }

    app.get(
      '/api/reissue-requests',
      {
        schema: {
          tags,
          operationId: 'listReissueRequests',
          summary: 'Đề nghị cấp lại, cấp đổi hiện vật khen thưởng (mới nhất trước)',
          querystring: z.object({ status: z.enum(REISSUE_STATUSES, 'Trạng thái không hợp lệ.').optional(), ...pageQuery }),
          response: { 200: pageOf(reissueSchema), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'awardItem', 'read');
        const { rows, total } = await listVisibleReissues(db, actor, req.query);
        return { items: rows.map((r) => presentReissue(actor, r, r.request.handledAt ? dateVn(r.request.handledAt) : null)), total };
      },
    );

    app.post(
      '/api/reissue-requests',
      {
        schema: {
          tags,
          operationId: 'createReissueRequest',
          summary: 'Nhận đề nghị cấp lại (bị mất) hoặc cấp đổi (hư hỏng) một Giấy khen, Bằng khen trong sổ vàng',
          body: z.object({
            certificateId: z.uuid('Hãy chọn Giấy khen/Bằng khen trong sổ vàng.'),
            kind: z.enum(REISSUE_KINDS, 'Hãy chọn cấp lại hoặc cấp đổi.'),
            requesterName: text('Hãy nhập người đề nghị.', 200),
            reason: text('Hãy ghi lý do đề nghị.', 1000),
            receivedDate: isoDate.optional(),
          }),
          response: { 201: reissueSchema, ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'awardItem', 'write');
        const row = await runCommand(db, actor, (ctx) => requestReissue(ctx, { ...req.body, receivedDate: req.body.receivedDate ?? todayVn() }));
        return reply.status(201).send(await presentOne(actor, row.id));
      },
    );

    app.get(
      '/api/reissue-requests/:id',
      {
        schema: {
          tags,
          operationId: 'getReissueRequest',
          summary: 'Một đề nghị cấp lại, cấp đổi với Giấy khen/Bằng khen cũ và mới',
          params: idParams,
          response: { 200: reissueSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'awardItem', 'read');
        return presentOne(actor, req.params.id);
      },
    );

    app.post(
      '/api/reissue-requests/:id/grant',
      {
        schema: {
          tags,
          operationId: 'grantReissueRequest',
          summary: 'Cấp lại, cấp đổi: vào sổ vàng số mới, đánh dấu số cũ, cấp phát phôi (và thu hồi hiện vật cũ khi cấp đổi)',
          params: idParams,
          body: z.object({ answer: z.string().trim().max(1000, 'Nội dung quá dài.').nullish() }),
          response: { 200: reissueSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'awardItem', 'write');
        await runCommand(db, actor, (ctx) => grantReissue(ctx, req.params.id, req.body));
        return presentOne(actor, req.params.id);
      },
    );

    app.post(
      '/api/reissue-requests/:id/refuse',
      {
        schema: {
          tags,
          operationId: 'refuseReissueRequest',
          summary: 'Từ chối đề nghị cấp lại, cấp đổi (có lý do)',
          params: idParams,
          body: z.object({ answer: text('Hãy ghi lý do từ chối.', 1000) }),
          response: { 200: reissueSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'awardItem', 'write');
        await runCommand(db, actor, (ctx) => refuseReissue(ctx, req.params.id, req.body.answer));
        return presentOne(actor, req.params.id);
      },
    );
  };
