/**
 * Ký số: signers' credentials and the trust store (admin), a decision's signatures (the head, then
 * the agency's clerk), external signing for USB-token tools, and verification of any PDF.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { runCommand } from '../../commands/run.js';
import {
  actorOfSigningToken,
  addCredential,
  addTrustEntry,
  completeExternalSigning,
  disableCredential,
  fetchForExternalSigning,
  removeTrustEntry,
  setCredentialImage,
  CERTIFICATE_BATCH_MAX,
  COPY_FORMS,
  setSigningPolicy,
  signDecision,
  signDecisionCertificates,
  signDecisionCopy,
  startExternalSigning,
  trustStoreOf,
} from '../../commands/signing.js';
import { addRevocationSource } from '../../commands/signing-sources.js';
import { readUpload } from '../../http/upload.js';
import { actorOf } from '../../http/session.js';
import { errors, file, idParams, okSchema, publicErrors } from '../../http/contract.js';
import { authorize } from '../../policies/scope.js';
import { awardeesOf, decisionFile, findVisibleDecision, type DecisionMeta } from '../../repositories/decisions.js';
import {
  certificateSignCounts,
  findVisibleCredential,
  listVisibleTrustEntries,
  listVisibleCredentials,
  unitPathOf,
  signaturesOf,
  signedAtOf,
  signedDocumentOf,
} from '../../repositories/signing.js';
import { decisionDocx } from '../../presenters/dossier-documents.js';
import {
  credentialSchema,
  presentCredential,
  presentSignaturePanel,
  presentTrustEntry,
  presentVerification,
  signaturePanelSchema,
  trustEntrySchema,
  verificationSchema,
} from '../../presenters/signing.js';
import { docxToPdf } from '../../office/soffice.js';
import { badRequest, notFound } from '../../errors.js';
import { now } from '../../clock.js';
import { verifyPdf } from '../../signing/verify.js';
import { sealsFor, type SignState } from '../../policies/signature.js';
import type { Db, Executor } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { sendFile } from '../documents/download.js';
import { contentDisposition } from '../../http/xlsx-reply.js';
import { publicUrlOf } from '../../http/public-url.js';
import { findVisibleCertificate, unsafeFindCertificateByCode } from '../../repositories/certificates.js';
import { certificateData } from '../../commands/certificates.js';
import { renderCertificatesPdf, streamToBuffer } from '../../documents/pdf/certificates.js';
import { findVisibleUnit } from '../../repositories/units.js';
import { signingPolicyGoverning } from '../../repositories/signing.js';

const decisionParams = idParams('Mã quyết định không hợp lệ.');
const signBody = z.object({
  type: z.enum(['approve', 'issue'], 'Bước ký phải là của người có thẩm quyền (approve) hoặc của cơ quan (issue).'),
  credentialId: z.uuid('Hãy chọn chứng thư số để ký.'),
});
const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/u, 'Liên kết ký số không hợp lệ.') });

const credentialFields = z.object({
  kind: z.enum(['personal', 'organisation'], 'Loại chứng thư số phải là cá nhân hoặc cơ quan.'),
  custody: z.enum(['server', 'token', 'remote'], 'Hãy chọn nơi giữ khóa: tệp PKCS#12, thiết bị ký hoặc dịch vụ ký từ xa.').default('server'),
  unitId: z.uuid('Hãy chọn cơ quan, đơn vị.'),
  personId: z.uuid('Người ký không hợp lệ.').optional(),
  label: z.string().trim().min(3, 'Hãy đặt tên gợi nhớ cho chứng thư số (ít nhất 3 ký tự).').max(200),
  password: z.string().max(200).optional(),
  providerUrl: z.string().trim().max(500).optional(),
  providerKeyId: z.string().trim().max(200).optional(),
  apiKey: z.string().max(2000).optional(),
  sealMm: z.coerce.number().int().min(20, 'Đường kính con dấu từ 20 đến 60 mm.').max(60, 'Đường kính con dấu từ 20 đến 60 mm.').optional(),
});
const trustFields = z.object({
  kind: z.enum(['anchor', 'intermediate', 'crl'], 'Loại phải là chứng thư gốc, trung gian hoặc CRL.'),
  label: z.string().trim().min(3, 'Hãy đặt tên gợi nhớ (ít nhất 3 ký tự).').max(200),
});
const sourceBody = z.object({
  kind: z.enum(['crl_url', 'ocsp_url'], 'Loại phải là địa chỉ tải CRL hoặc máy chủ OCSP.'),
  label: z.string().trim().min(3, 'Hãy đặt tên gợi nhớ (ít nhất 3 ký tự).').max(200),
  url: z.string().trim().min(1, 'Hãy nhập địa chỉ.').max(500, 'Địa chỉ quá dài.'),
});
const externalSchema = z
  .object({
    requestId: z.uuid(),
    fetchUrl: z.string().describe('Một lần: công cụ ký tải tệp PDF đã chuẩn bị'),
    uploadUrl: z.string().describe('Một lần: công cụ ký gửi lại tệp PDF đã ký (multipart, trường file)'),
    digest: z.string().describe('SHA-256 (hex) của phần tệp được ký'),
    expiresAt: z.string(),
  })
  .meta({ id: 'ExternalSigningRequest' });

function parseFields<T extends z.ZodType>(schema: T, fields: Record<string, string>): z.infer<T> {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '')));
  if (!parsed.success) throw badRequest(parsed.error.issues[0]?.message ?? 'Dữ liệu không hợp lệ.');
  return parsed.data;
}

/** The decision as the agency issues it, rendered to PDF (the base of the first signature). */
async function decisionPdf(tx: Executor, d: DecisionMeta): Promise<Buffer> {
  return docxToPdf(await decisionDocx(tx, d, await awardeesOf(tx, d.id)));
}

/** The actor's credentials for a decision: their own personal ones, and only the seal the decision takes (its unit's, or the nearest above). */
async function decisionCredentials(db: Db, actor: Actor, unitId: string) {
  const all = await listVisibleCredentials(db, actor);
  return [...all.filter((c) => c.kind !== 'organisation'), ...sealsFor(await unitPathOf(db, unitId), all)];
}

async function panelOf(db: Db, actor: Actor, decisionId: string) {
  const d = await findVisibleDecision(db, actor, decisionId);
  if (!d) throw notFound('Không tìm thấy quyết định.');
  const signed = await signedDocumentOf(db, 'decision', d.id);
  const at = now();
  // A higher level's decision is verified from the file the Office attached, when it is a PDF.
  const attached = !signed && d.kind === 'external' && d.fileMime === 'application/pdf' ? await decisionFile(db, d.id) : undefined;
  const pdf = signed?.pdf ?? attached?.fileData ?? null;
  const verification = pdf ? await verifyPdf(pdf, await trustStoreOf(db, d.unitId), at) : null;
  return presentSignaturePanel(
    actor,
    d,
    (signed?.state ?? 'unsigned') as SignState,
    signed ? await signaturesOf(db, signed.id) : [],
    verification,
    await decisionCredentials(db, actor, d.unitId),
    at,
    { certificates: await certificateSignCounts(db, d.id), copySignedAt: await signedAtOf(db, 'decision_copy', d.id) },
  );
}

export const signingRoutes =
  ({ db, config }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['signing'];

    app.get(
      '/api/signing/credentials',
      {
        schema: {
          tags,
          operationId: 'listSigningCredentials',
          summary: 'Chứng thư số ký văn bản của các đơn vị',
          response: { 200: z.object({ items: z.array(credentialSchema), total: z.number().int() }), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'signature', 'manage');
        const items = (await listVisibleCredentials(db, actor)).map((c) => presentCredential(c, now()));
        return { items, total: items.length };
      },
    );

    app.post(
      '/api/signing/credentials',
      {
        schema: {
          tags,
          operationId: 'addSigningCredential',
          summary: 'Thêm chứng thư số: tệp PKCS#12 kèm mật khẩu (lưu mã hóa), hoặc chứng thư (.cer) của thiết bị ký',
          consumes: ['multipart/form-data'],
          response: { 201: credentialSchema, ...errors(403, 404, 413) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'signature', 'manage');
        const { buffer, fields } = await readUpload(req, { missing: 'Hãy chọn tệp chứng thư số (.p12, .pfx hoặc .cer).', defaultName: 'chung-thu' });
        const f = parseFields(credentialFields, fields);
        if (f.custody === 'server' && !f.password) throw badRequest('Hãy nhập mật khẩu của tệp PKCS#12.');
        const remote = { url: f.providerUrl ?? '', keyId: f.providerKeyId ?? '', apiKey: f.apiKey ?? '' };
        const row = await runCommand(db, actor, (ctx) =>
          addCredential(ctx, { ...f, personId: f.personId ?? null, file: buffer, password: f.password ?? null, image: null, sealMm: f.sealMm ?? null, remote }),
        );
        const listed = (await listVisibleCredentials(db, actor)).find((c) => c.id === row.id)!;
        return reply.status(201).send(presentCredential(listed, now()));
      },
    );

    app.post(
      '/api/signing/credentials/:id/image',
      {
        schema: {
          tags,
          operationId: 'setSigningCredentialImage',
          summary: 'Hình ảnh chữ ký (PNG xanh, nền trong suốt) hoặc con dấu (PNG đỏ, kích thước thật) của chứng thư số',
          params: idParams('Mã chứng thư số không hợp lệ.'),
          consumes: ['multipart/form-data'],
          response: { 200: okSchema, ...errors(403, 404, 413) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'signature', 'manage');
        if (!(await findVisibleCredential(db, actor, req.params.id))) throw notFound('Không tìm thấy chứng thư số.');
        const { buffer, fields } = await readUpload(req, { missing: 'Hãy chọn tệp hình ảnh PNG.', defaultName: 'hinh-anh' });
        const { sealMm } = parseFields(credentialFields.pick({ sealMm: true }), fields);
        await runCommand(db, actor, (ctx) => setCredentialImage(ctx, req.params.id, buffer, sealMm ?? null));
        return { ok: true as const };
      },
    );

    app.post(
      '/api/signing/credentials/:id/disable',
      {
        schema: {
          tags,
          operationId: 'disableSigningCredential',
          summary: 'Ngừng sử dụng chứng thư số',
          params: idParams('Mã chứng thư số không hợp lệ.'),
          response: { 200: okSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'signature', 'manage');
        await runCommand(db, actor, (ctx) => disableCredential(ctx, req.params.id));
        return { ok: true as const };
      },
    );

    app.get(
      '/api/signing/trust',
      {
        schema: {
          tags,
          operationId: 'listTrustEntries',
          summary: 'Chứng thư gốc, trung gian và danh sách thu hồi dùng để kiểm tra chữ ký số',
          response: { 200: z.object({ items: z.array(trustEntrySchema), total: z.number().int() }), ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'signature', 'manage');
        const items = (await listVisibleTrustEntries(db, actor)).map(presentTrustEntry);
        return { items, total: items.length };
      },
    );

    app.post(
      '/api/signing/trust',
      {
        schema: {
          tags,
          operationId: 'addTrustEntry',
          summary: 'Thêm chứng thư gốc tin cậy (Ban Cơ yếu Chính phủ, CA công cộng), chứng thư trung gian hoặc CRL',
          consumes: ['multipart/form-data'],
          response: { 201: trustEntrySchema, ...errors(403, 413) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'signature', 'manage');
        const { buffer, fields } = await readUpload(req, { missing: 'Hãy chọn tệp chứng thư (.cer, .crt, .pem) hoặc CRL (.crl).', defaultName: 'tin-cay' });
        const f = parseFields(trustFields, fields);
        const row = await runCommand(db, actor, (ctx) => addTrustEntry(ctx, { ...f, file: buffer }));
        return reply.status(201).send(presentTrustEntry(row));
      },
    );

    app.post(
      '/api/signing/trust/sources',
      {
        schema: {
          tags,
          operationId: 'addRevocationSource',
          summary: 'Thêm nguồn kiểm tra thu hồi trực tuyến: địa chỉ tải CRL hoặc máy chủ OCSP',
          body: sourceBody,
          response: { 201: trustEntrySchema, ...errors(403) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'signature', 'manage');
        const row = await runCommand(db, actor, (ctx) => addRevocationSource(ctx, req.body));
        return reply.status(201).send(presentTrustEntry(row));
      },
    );

    app.delete(
      '/api/signing/trust/:id',
      {
        schema: { tags, operationId: 'removeTrustEntry', summary: 'Xóa một mục tin cậy', params: idParams(), response: { 200: okSchema, ...errors(403, 404) } },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'signature', 'manage');
        await runCommand(db, actor, (ctx) => removeTrustEntry(ctx, req.params.id));
        return { ok: true as const };
      },
    );

    app.get(
      '/api/decisions/:id/signatures',
      {
        schema: {
          tags,
          operationId: 'getDecisionSignatures',
          summary: 'Tình trạng ký số của quyết định, các chữ ký và kết quả kiểm tra',
          params: decisionParams,
          response: { 200: signaturePanelSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'decision', 'read');
        return panelOf(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/decisions/:id/sign',
      {
        schema: {
          tags,
          operationId: 'signDecision',
          summary: 'Ký số quyết định bằng chứng thư số lưu trên máy chủ: người có thẩm quyền ký trước, cơ quan ký sau (NĐ 30/2020, Phụ lục I)',
          params: decisionParams,
          body: signBody,
          response: { 200: signaturePanelSchema, ...errors(403, 404, 409, 503) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'signature', req.body.type);
        await runCommand(db, actor, (ctx) => signDecision(ctx, req.params.id, req.body, (tx, d) => decisionPdf(tx, d)));
        return panelOf(db, actor, req.params.id);
      },
    );

    app.post(
      '/api/decisions/:id/sign/external',
      {
        schema: {
          tags,
          operationId: 'startExternalDecisionSigning',
          summary: 'Chuẩn bị quyết định để ký bằng thiết bị ký (USB token) hoặc dịch vụ ký từ xa: liên kết tải tệp và liên kết gửi lại, dùng một lần',
          params: decisionParams,
          body: signBody,
          response: { 200: externalSchema, ...errors(403, 404, 409, 503) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'signature', req.body.type);
        const { token, request } = await runCommand(db, actor, (ctx) => startExternalSigning(ctx, req.params.id, req.body, (tx, d) => decisionPdf(tx, d)));
        const base = config.publicUrl ?? '';
        return {
          requestId: request.id,
          fetchUrl: `${base}/api/public/signing/${token}/document`,
          uploadUrl: `${base}/api/public/signing/${token}/signed`,
          digest: request.digest,
          expiresAt: request.expiresAt.toISOString(),
        };
      },
    );

    app.get(
      '/api/decisions/:id/signed.pdf',
      {
        schema: {
          tags,
          operationId: 'downloadSignedDecision',
          summary: 'Tải quyết định đã ký số (PDF)',
          params: decisionParams,
          response: { 200: file('Quyết định đã ký số', 'pdf'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'decision', 'read');
        const d = await findVisibleDecision(db, actor, req.params.id);
        if (!d) throw notFound('Không tìm thấy quyết định.');
        const signed = await signedDocumentOf(db, 'decision', d.id);
        if (!signed) throw notFound('Quyết định chưa được ký số.');
        const name = `QD-${d.numberText.replace(/[^0-9A-Za-zĐđ-]+/gu, '-')}-ky-so.pdf`;
        return sendFile(reply, signed.pdf, 'application/pdf', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
      },
    );

    app.post(
      '/api/decisions/:id/certificates/sign',
      {
        schema: {
          tags,
          operationId: 'signDecisionCertificates',
          summary: `Ký số Giấy khen, Bằng khen của quyết định theo lô (tối đa ${CERTIFICATE_BATCH_MAX} mỗi lần gọi; gọi lại đến khi hết): người có thẩm quyền ký trước, cơ quan ký sau`,
          params: decisionParams,
          body: signBody.extend({
            limit: z.coerce
              .number()
              .int()
              .min(1, `Mỗi lần ký từ 1 đến ${CERTIFICATE_BATCH_MAX} Giấy khen.`)
              .max(CERTIFICATE_BATCH_MAX, `Mỗi lần ký từ 1 đến ${CERTIFICATE_BATCH_MAX} Giấy khen.`)
              .default(50),
          }),
          response: {
            200: z.object({ signed: z.number().int(), remaining: z.number().int(), total: z.number().int() }).meta({ id: 'CertificateSigningProgress' }),
            ...errors(403, 404, 409, 503),
          },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'signature', req.body.type);
        const url = publicUrlOf(config);
        return runCommand(db, actor, (ctx) =>
          signDecisionCertificates(ctx, req.params.id, req.body, (c) => streamToBuffer(renderCertificatesPdf([certificateData(c, url)], { mode: 'full' }))),
        );
      },
    );

    app.get(
      '/api/certificates/:id/signed.pdf',
      {
        schema: {
          tags,
          operationId: 'downloadSignedCertificate',
          summary: 'Tải Giấy khen, Bằng khen đã ký số (PDF)',
          params: idParams('Mã Giấy khen không hợp lệ.'),
          response: { 200: file('Giấy khen đã ký số', 'pdf'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'certificate', 'read');
        const c = await findVisibleCertificate(db, actor, req.params.id);
        if (!c) throw notFound('Không tìm thấy Giấy khen, Bằng khen.');
        const signed = await signedDocumentOf(db, 'certificate', c.id);
        if (!signed) throw notFound('Giấy khen, Bằng khen này chưa được ký số.');
        return sendFile(reply, signed.pdf, 'application/pdf', contentDisposition(`Giấy khen ${c.number}-${c.year} - ký số.pdf`));
      },
    );

    app.get(
      '/api/public/certificates/:code/signed.pdf',
      {
        schema: {
          tags: ['public'],
          operationId: 'downloadPublicSignedCertificate',
          summary: 'Tải bản điện tử đã ký số của Giấy khen, Bằng khen theo mã xác minh (không cần đăng nhập)',
          security: [],
          params: z.object({ code: z.string().regex(/^[0-9A-Za-z]{6,20}$/, 'Mã xác minh không hợp lệ.') }),
          response: { 200: file('Giấy khen đã ký số', 'pdf'), ...publicErrors(404, 429) },
        },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        const c = await unsafeFindCertificateByCode(db, req.params.code.toUpperCase());
        const signed = c && !c.revoked ? await signedDocumentOf(db, 'certificate', c.id) : undefined;
        if (!c || !signed || signed.state !== 'issued') throw notFound('Không có bản điện tử đã ký số của Giấy khen, Bằng khen với mã này.');
        return sendFile(reply, signed.pdf, 'application/pdf', contentDisposition(`Giấy khen ${c.number}-${c.year} - ký số.pdf`));
      },
    );

    app.post(
      '/api/decisions/:id/copy',
      {
        schema: {
          tags,
          operationId: 'signDecisionCopy',
          summary: 'Ký số bản sao điện tử của quyết định đã ký số phát hành (chữ ký của cơ quan ở góc trên bên phải trang đầu, NĐ 30/2020 Phụ lục I)',
          params: decisionParams,
          body: z.object({
            credentialId: z.uuid('Hãy chọn chứng thư số của cơ quan.'),
            form: z.enum(Object.keys(COPY_FORMS) as [keyof typeof COPY_FORMS], 'Hình thức sao phải là sao y, trích sao hoặc sao lục.').default('SAO_Y'),
          }),
          response: { 200: signaturePanelSchema, ...errors(403, 404, 409, 503) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'signature', 'issue');
        await runCommand(db, actor, (ctx) => signDecisionCopy(ctx, req.params.id, req.body));
        return panelOf(db, actor, req.params.id);
      },
    );

    app.get(
      '/api/decisions/:id/copy.pdf',
      {
        schema: {
          tags,
          operationId: 'downloadDecisionCopy',
          summary: 'Tải bản sao điện tử đã ký số của quyết định (PDF)',
          params: decisionParams,
          response: { 200: file('Bản sao điện tử', 'pdf'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'decision', 'read');
        const d = await findVisibleDecision(db, actor, req.params.id);
        if (!d) throw notFound('Không tìm thấy quyết định.');
        const copy = await signedDocumentOf(db, 'decision_copy', d.id);
        if (!copy) throw notFound('Quyết định chưa có bản sao điện tử.');
        return sendFile(reply, copy.pdf, 'application/pdf', contentDisposition(`Bản sao Quyết định ${d.numberText.replace(/\//g, '-')}.pdf`));
      },
    );

    const policySchema = z
      .object({
        unitId: z.uuid(),
        unitName: z.string(),
        requireSignature: z.boolean(),
        /** The unit whose rule applies (this unit's own, or the nearest above it); null = none set. */
        governingUnitId: z.uuid().nullable(),
      })
      .meta({ id: 'SigningPolicy' });

    const policyOf = async (actor: Actor, unitId: string) => {
      const unit = await findVisibleUnit(db, actor, unitId);
      if (!unit) throw notFound('Không tìm thấy đơn vị.');
      const rule = await signingPolicyGoverning(db, unit.path);
      return { unitId: unit.id, unitName: unit.name, requireSignature: rule?.requireSignature ?? false, governingUnitId: rule?.unitId ?? null };
    };

    app.get(
      '/api/signing/policy',
      {
        schema: {
          tags,
          operationId: 'getSigningPolicy',
          summary: 'Quy định phát hành quyết định của đơn vị: chỉ phát hành khi đã ký số, hay phát hành khi ghi vào sổ',
          querystring: z.object({ unitId: z.uuid('Đơn vị không hợp lệ.').optional() }),
          response: { 200: policySchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'signature', 'read');
        return policyOf(actor, req.query.unitId ?? actor.unitId);
      },
    );

    app.put(
      '/api/signing/policy',
      {
        schema: {
          tags,
          operationId: 'setSigningPolicy',
          summary: 'Đặt quy định: quyết định khen thưởng của đơn vị chỉ có hiệu lực (phát hành) khi đã được ký số',
          body: z.object({ unitId: z.uuid('Hãy chọn đơn vị.'), requireSignature: z.boolean('Hãy chọn có hoặc không.') }),
          response: { 200: policySchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'signature', 'manage');
        await runCommand(db, actor, (ctx) => setSigningPolicy(ctx, req.body.unitId, req.body.requireSignature));
        return policyOf(actor, req.body.unitId);
      },
    );

    app.post(
      '/api/signatures/verify',
      {
        schema: {
          tags,
          operationId: 'verifySignedPdf',
          summary: 'Kiểm tra chữ ký số của một tệp PDF (văn bản của cấp trên, của cơ quan khác)',
          consumes: ['multipart/form-data'],
          response: { 200: verificationSchema, ...errors(403, 413) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'signature', 'verify');
        const { buffer } = await readUpload(req, { missing: 'Hãy chọn tệp PDF cần kiểm tra.', defaultName: 'van-ban.pdf' });
        return presentVerification(await verifyPdf(buffer, await trustStoreOf(db, actor.unitId), now()));
      },
    );

    app.get(
      '/api/public/signing/:token/document',
      {
        schema: {
          tags,
          operationId: 'fetchDocumentToSign',
          summary: 'Công cụ ký số tải tệp đã chuẩn bị (liên kết dùng một lần, không cần đăng nhập)',
          params: tokenParams,
          response: { 200: file('Tệp PDF chờ ký', 'pdf'), ...publicErrors(404) },
        },
      },
      async (req, reply) => {
        const pdf = await db.transaction((tx) => fetchForExternalSigning(tx, req.params.token));
        return sendFile(reply, pdf, 'application/pdf', 'attachment; filename="van-ban-cho-ky.pdf"');
      },
    );

    app.post(
      '/api/public/signing/:token/signed',
      {
        schema: {
          tags,
          operationId: 'uploadSignedDocument',
          summary: 'Công cụ ký số gửi lại tệp đã ký; máy chủ kiểm tra chữ ký trước khi nhận (liên kết dùng một lần)',
          params: tokenParams,
          consumes: ['multipart/form-data'],
          response: { 200: okSchema, ...publicErrors(404, 413) },
        },
      },
      async (req) => {
        const actor = await actorOfSigningToken(db, req.params.token, req.ip);
        const { buffer } = await readUpload(req, { missing: 'Hãy gửi tệp PDF đã ký (trường file).', defaultName: 'da-ky.pdf' });
        await runCommand(db, actor, (ctx) => completeExternalSigning(ctx, req.params.token, buffer));
        return { ok: true as const };
      },
    );
  };
