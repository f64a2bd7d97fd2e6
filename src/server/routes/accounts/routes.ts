import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { runCommand } from '../../commands/run.js';
import { createAccount, resetPassword, updateAccount } from '../../commands/accounts.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import { findVisibleAccount, listVisibleAccounts } from '../../repositories/accounts.js';
import { accountSchema, presentAccount } from '../../presenters/accounts.js';
import { errors, okSchema, pageOf } from '../../http/contract.js';
import { pageQuery } from '../../../shared/schemas/common.js';
import { notFound } from '../../errors.js';
import { ROLES } from '../../../shared/codes.js';

const idParams = z.object({ id: z.uuid('Mã tài khoản không hợp lệ.') });
const accountFields = {
  displayName: z.string().trim().min(2, 'Tên hiển thị phải có ít nhất 2 ký tự.').max(120, 'Tên hiển thị quá dài.'),
  role: z.enum(ROLES, 'Vai trò không hợp lệ.'),
  unitId: z.uuid('Đơn vị không hợp lệ.'),
  personId: z.uuid('Cán bộ không hợp lệ.').nullish(),
};

export const accountRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/accounts',
      {
        schema: {
          tags: ['accounts'],
          operationId: 'listAccounts',
          summary: 'Tài khoản trong phạm vi (theo tên đăng nhập, phân trang)',
          querystring: z.object({
            q: z
              .string()
              .max(100, 'Từ khóa tìm kiếm quá dài (tối đa 100 ký tự).')
              .optional()
              .describe('Tên đăng nhập, tên hiển thị, đơn vị (gõ có dấu hoặc không dấu)'),
            ...pageQuery,
          }),
          response: { 200: pageOf(accountSchema), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'account', 'read');
        const { rows, total } = await listVisibleAccounts(db, actor, req.query);
        return { items: rows.map((r) => presentAccount(r.account, actor, r.unitName)), total };
      },
    );

    app.get(
      '/api/accounts/:id',
      {
        schema: {
          tags: ['accounts'],
          operationId: 'getAccount',
          summary: 'Một tài khoản',
          params: idParams,
          response: { 200: accountSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'account', 'read');
        const row = await findVisibleAccount(db, actor, req.params.id);
        if (!row) throw notFound('Không tìm thấy tài khoản.');
        return presentAccount(row, actor, null);
      },
    );

    app.post(
      '/api/accounts',
      {
        schema: {
          tags: ['accounts'],
          operationId: 'createAccount',
          summary: 'Tạo tài khoản',
          response: { 201: accountSchema, ...errors(403, 404, 409) },
          body: z.object({
            username: z
              .string()
              .trim()
              .min(3, 'Tên đăng nhập phải có ít nhất 3 ký tự.')
              .max(50, 'Tên đăng nhập quá dài.')
              .regex(/^[a-zA-Z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, số và . _ -'),
            password: z.string().max(200, 'Mật khẩu quá dài.'),
            ...accountFields,
          }),
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'account', 'create');
        const row = await runCommand(db, actor, (ctx) => createAccount(ctx, req.body));
        return reply.status(201).send(presentAccount(row, actor, null));
      },
    );

    app.put(
      '/api/accounts/:id',
      {
        schema: {
          tags: ['accounts'],
          operationId: 'updateAccount',
          summary: 'Sửa tài khoản: vai trò, đơn vị, khóa/mở',
          params: idParams,
          body: z.object({ ...accountFields, active: z.boolean() }),
          response: { 200: accountSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'account', 'update');
        return presentAccount(await runCommand(db, actor, (ctx) => updateAccount(ctx, req.params.id, req.body)), actor, null);
      },
    );

    app.post(
      '/api/accounts/:id/reset-password',
      {
        schema: {
          tags: ['accounts'],
          operationId: 'resetAccountPassword',
          summary: 'Đặt lại mật khẩu (người dùng phải đổi khi đăng nhập)',
          params: idParams,
          body: z.object({ newPassword: z.string().max(200, 'Mật khẩu quá dài.') }),
          response: { 200: okSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'account', 'resetPassword');
        await runCommand(db, actor, (ctx) => resetPassword(ctx, req.params.id, req.body.newPassword));
        return { ok: true as const };
      },
    );
  };
