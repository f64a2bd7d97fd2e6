import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import { errors } from '../../http/contract.js';
import { notFound } from '../../errors.js';
import { importJobSchema, presentImportJob } from '../../presenters/import-jobs.js';

const idParams = z.object({ id: z.uuid('Mã tác vụ nhập không hợp lệ.') });

/** The poll of an import job: its stage, then the preview or the counts, or the Vietnamese refusal. */
export const importJobRoutes =
  ({ imports }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/import-jobs/:id',
      {
        schema: {
          tags: ['imports'],
          operationId: 'getImportJob',
          summary: 'Trạng thái một tác vụ nhập tệp Excel (xem trước hoặc nhập): hỏi lại đến khi xong',
          params: idParams,
          response: { 200: importJobSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        // Only the account that uploaded the file sees its job; another's is not found.
        const job = await imports.find(actor, req.params.id);
        if (!job) throw notFound('Không tìm thấy tác vụ nhập.');
        // The account may have lost the right to import since it started the job.
        if (job.kind === 'staff') authorize(actor, 'person', 'import');
        else authorize(actor, 'record', 'import');
        return presentImportJob(job);
      },
    );
  };
