/**
 * Official documents in the running product: the unit's editable DOCX templates, PDF delivery
 * through LibreOffice, the sổ vàng (certificate register) with phôi calibration, certificate
 * PDFs per decision, and the public verification of a certificate by its QR code.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import type { Actor } from '../../auth/actor.js';
import type { Executor } from '../../db/client.js';
import { runCommand } from '../../commands/run.js';
import { readUpload } from '../../http/upload.js';
import { actorOf } from '../../http/session.js';
import { errors, file, publicErrors } from '../../http/contract.js';
import { authorize } from '../../policies/scope.js';
import { mayCalibrate } from '../../policies/template.js';
import { findVisibleUnit } from '../../repositories/units.js';
import { findVisibleDecision } from '../../repositories/decisions.js';
import { templateInForce, templateFor, templateVersionFile, templateVersions } from '../../repositories/templates.js';
import {
  activeCertificatesOfDecision,
  exportVisibleCertificates,
  findCalibration,
  listVisibleCertificates,
  unsafeFindCertificateByCode,
  type CertificateRow,
} from '../../repositories/certificates.js';
import { revertTemplate, uploadTemplate } from '../../commands/templates.js';
import {
  certificateData,
  CertificatesNotIssuable,
  issueCertificatesForDecision,
  registerNumberText,
  revokeCertificate,
  saveCalibration,
} from '../../commands/certificates.js';
import {
  calibrationStateSchema,
  capabilitiesSchema,
  certificateListSchema,
  certificateSchema,
  issuedCertificatesSchema,
  presentCertificate,
  presentInForce,
  presentPublicCertificate,
  presentTemplateItem,
  presentTemplateVersion,
  publicCertificateSchema,
  revertedTemplateSchema,
  savedCalibrationSchema,
  templateListSchema,
  templateVersionListSchema,
  uploadedTemplateSchema,
} from '../../presenters/documents.js';
import { badRequest, notFound, unavailable } from '../../errors.js';
import {
  CERTIFICATE_FIELD_LABELS,
  DEFAULT_BLANK_CALIBRATION,
  TEMPLATE_KINDS,
  TEMPLATE_KIND_LABELS,
  defaultTemplateFileName,
  renderCalibrationPdf,
  renderCertificatesPdf,
  renderDocument,
  validateCalibration,
  type CertificateCalibration,
} from '../../documents/index.js';
import { sampleData } from '../../documents/docx/sample-data.js';
import { docxToPdf, pdfConversionAvailable, SOFFICE_MISSING_MESSAGE } from '../../office/soffice.js';
import { batched, contentDisposition, PDF_MIME, replyDocument, replyXlsx } from '../../http/xlsx-reply.js';
import { exportUnitName } from '../export-heading.js';
import { publicUrlOf } from '../../http/public-url.js';
import { now } from '../../clock.js';
import { signedDocumentOf, signStatesOf } from '../../repositories/signing.js';
import { trustStoreOf } from '../../commands/signing.js';
import { verifyPdf } from '../../signing/verify.js';
import { pageQuery } from '../../../shared/schemas/common.js';
import { sendFile } from './download.js';

const kindParams = z.object({ kind: z.enum(TEMPLATE_KINDS, 'Loại mẫu văn bản không hợp lệ.') });
const unitQuery = z.object({ unitId: z.uuid('Đơn vị không hợp lệ.').optional() });
const format = z.enum(['docx', 'pdf'], 'Định dạng phải là docx hoặc pdf.').default('docx');
const idParams = z.object({ id: z.uuid('Mã không hợp lệ.') });
const wordOrPdf = file('Văn bản Word hoặc PDF', 'docx', 'pdf');

/** The unit a template/calibration request is about: the given one (in scope) or the caller's own. */
async function targetUnit(db: Executor, actor: Actor, unitId: string | undefined) {
  const unit = await findVisibleUnit(db, actor, unitId ?? actor.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  return unit;
}

async function calibrationOf(db: Executor, unitId: string): Promise<{ calibration: CertificateCalibration; version: number; saved: boolean }> {
  const row = await findCalibration(db, unitId);
  if (!row) return { calibration: DEFAULT_BLANK_CALIBRATION, version: 0, saved: false };
  return { calibration: row.calibration as CertificateCalibration, version: row.version, saved: true };
}

export const documentRoutes =
  ({ db, config }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const publicUrl = (): string => publicUrlOf(config);
    const tags = ['documents'];

    // ------------------------------------------------------------------ capabilities, PDF

    app.get(
      '/api/documents/capabilities',
      {
        schema: {
          tags,
          operationId: 'getDocumentCapabilities',
          summary: 'Khả năng của máy chủ: có xuất PDF qua LibreOffice không',
          response: { 200: capabilitiesSchema, ...errors() },
        },
      },
      async (req) => {
        actorOf(req);
        const pdf = pdfConversionAvailable();
        return { pdf, message: pdf ? null : SOFFICE_MISSING_MESSAGE };
      },
    );

    app.post(
      '/api/documents/pdf',
      {
        schema: {
          tags,
          operationId: 'convertDocxToPdf',
          summary: 'Chuyển một tệp Word (.docx) sang PDF (cần LibreOffice trên máy chủ)',
          consumes: ['multipart/form-data'],
          response: { 200: file('Tệp PDF', 'pdf'), ...errors(403, 413, 415, 503) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'document', 'convert');
        if (!pdfConversionAvailable()) throw unavailable('pdf_unavailable', SOFFICE_MISSING_MESSAGE);
        const { buffer, fileName } = await readUpload(req, { missing: 'Hãy chọn một tệp Word (.docx) để tải lên.', defaultName: 'tep.docx' });
        if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) throw badRequest('Tệp không phải là tệp Word (.docx).');
        const pdf = await docxToPdf(buffer);
        return sendFile(reply, pdf, PDF_MIME, contentDisposition(fileName.replace(/\.docx$/i, '') + '.pdf'));
      },
    );

    // ------------------------------------------------------------------ templates

    app.get(
      '/api/templates',
      {
        schema: {
          tags,
          operationId: 'listTemplates',
          summary: 'Các loại mẫu văn bản và mẫu đang áp dụng cho đơn vị (cả danh sách)',
          querystring: unitQuery,
          response: { 200: templateListSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'template', 'read');
        const unit = await targetUnit(db, actor, req.query.unitId);
        const items = [];
        for (const kind of TEMPLATE_KINDS) {
          const inForce = await templateInForce(db, unit.id, kind);
          const versions = await templateVersions(db, unit.id, kind);
          items.push(presentTemplateItem(actor, kind, inForce, versions.length));
        }
        return { unit: { id: unit.id, name: unit.name }, canWrite: mayCalibrate(actor), pdf: pdfConversionAvailable(), items, total: items.length };
      },
    );

    app.get(
      '/api/templates/:kind/download',
      {
        schema: {
          tags,
          operationId: 'downloadTemplate',
          summary: 'Tải mẫu đang áp dụng (hoặc một phiên bản cũ) để sửa trong Word/LibreOffice',
          params: kindParams,
          querystring: unitQuery.extend({ versionId: z.uuid('Phiên bản không hợp lệ.').optional() }),
          response: { 200: file('Mẫu văn bản (Word)', 'docx'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'template', 'read');
        const unit = await targetUnit(db, actor, req.query.unitId);
        const kind = req.params.kind;
        let body: Buffer;
        let name = defaultTemplateFileName(kind);
        if (req.query.versionId) {
          const v = await templateVersionFile(db, unit.id, kind, req.query.versionId);
          if (!v?.data) throw notFound('Không tìm thấy phiên bản mẫu.');
          body = v.data;
          name = `${TEMPLATE_KIND_LABELS[kind]} - phiên bản ${v.version}.docx`;
        } else {
          body = await templateFor(db, unit.id, kind);
          const inForce = await templateInForce(db, unit.id, kind);
          if (inForce.source !== 'default') name = `${TEMPLATE_KIND_LABELS[kind]} - ${inForce.unitName} - phiên bản ${inForce.version}.docx`;
        }
        return replyDocument(reply, body, name.replace(/\.docx$/, ''), 'docx');
      },
    );

    app.get(
      '/api/templates/:kind/preview',
      {
        schema: {
          tags,
          operationId: 'previewTemplate',
          summary: 'Xem thử: mẫu đang áp dụng điền dữ liệu mẫu (Word hoặc PDF)',
          params: kindParams,
          querystring: unitQuery.extend({ format }),
          response: { 200: wordOrPdf, ...errors(403, 404, 422, 503) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'template', 'read');
        const unit = await targetUnit(db, actor, req.query.unitId);
        const kind = req.params.kind;
        const docx = renderDocument(kind, sampleData(kind), await templateFor(db, unit.id, kind));
        return replyDocument(reply, docx, `Xem thử - ${TEMPLATE_KIND_LABELS[kind]}`, req.query.format);
      },
    );

    app.get(
      '/api/templates/:kind/versions',
      {
        schema: {
          tags,
          operationId: 'listTemplateVersions',
          summary: 'Các phiên bản mẫu riêng của đơn vị (ai tải lên, khi nào; cả danh sách)',
          params: kindParams,
          querystring: unitQuery,
          response: { 200: templateVersionListSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'template', 'read');
        const unit = await targetUnit(db, actor, req.query.unitId);
        const rows = await templateVersions(db, unit.id, req.params.kind);
        return { items: rows.map(presentTemplateVersion), total: rows.length };
      },
    );

    app.post(
      '/api/templates/:kind',
      {
        schema: {
          tags,
          operationId: 'uploadTemplate',
          summary: 'Tải lên mẫu đã sửa (.docx ≤ 10 MB): kiểm tra trường trộn, vòng lặp; mẫu lỗi không được lưu',
          params: kindParams,
          consumes: ['multipart/form-data'],
          response: { 201: uploadedTemplateSchema, ...errors(403, 404, 413, 415, 422) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'template', 'write');
        const { buffer, fileName, fields } = await readUpload(req, { missing: 'Hãy chọn tệp mẫu Word (.docx) để tải lên.', defaultName: 'mau.docx' });
        if (fields.unitId && !z.uuid().safeParse(fields.unitId).success) throw notFound('Không tìm thấy đơn vị.');
        const unit = await targetUnit(db, actor, fields.unitId || undefined);
        const row = await runCommand(db, actor, (ctx) => uploadTemplate(ctx, unit.id, req.params.kind, { buffer, fileName }));
        return reply.status(201).send({
          id: row.id,
          kind: row.kind,
          version: row.version,
          fileName: row.fileName,
          size: row.size,
          tags: row.tags,
          createdAt: row.createdAt.toISOString(),
        });
      },
    );

    app.post(
      '/api/templates/:kind/revert',
      {
        schema: {
          tags,
          operationId: 'revertTemplate',
          summary: 'Bỏ mẫu riêng của đơn vị, trở về mẫu mặc định (hoặc của cấp trên)',
          params: kindParams,
          body: unitQuery.optional(),
          response: { 200: revertedTemplateSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'template', 'write');
        const unit = await targetUnit(db, actor, req.body?.unitId);
        await runCommand(db, actor, (ctx) => revertTemplate(ctx, unit.id, req.params.kind));
        return { kind: req.params.kind, inForce: presentInForce(await templateInForce(db, unit.id, req.params.kind)) };
      },
    );

    // ------------------------------------------------------------------ phôi calibration

    app.get(
      '/api/certificates/calibration',
      {
        schema: {
          tags,
          operationId: 'getCalibration',
          summary: 'Căn chỉnh vị trí in trên phôi Giấy khen, Bằng khen của đơn vị',
          querystring: unitQuery,
          response: { 200: calibrationStateSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'template', 'read');
        const unit = await targetUnit(db, actor, req.query.unitId);
        const cal = await calibrationOf(db, unit.id);
        return { unitId: unit.id, ...cal, fieldLabels: CERTIFICATE_FIELD_LABELS, canWrite: mayCalibrate(actor) };
      },
    );

    app.put(
      '/api/certificates/calibration',
      {
        schema: {
          tags,
          operationId: 'saveCalibration',
          summary: 'Lưu căn chỉnh phôi (kiểm tra mọi trường nằm trong trang giấy)',
          body: z.object({
            unitId: z.uuid('Đơn vị không hợp lệ.').optional(),
            calibration: z.record(z.string(), z.unknown()),
            version: z.number().int().optional(),
          }),
          response: { 200: savedCalibrationSchema, ...errors(403, 404, 409, 422) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'template', 'write');
        const unit = await targetUnit(db, actor, req.body.unitId);
        return runCommand(db, actor, (ctx) => saveCalibration(ctx, unit.id, req.body.calibration, req.body.version));
      },
    );

    app.get(
      '/api/certificates/calibration/test.pdf',
      {
        schema: {
          tags,
          operationId: 'printCalibrationTest',
          summary: 'Trang in thử căn chỉnh phôi (lưới mm và khung từng trường)',
          querystring: unitQuery,
          response: { 200: file('Trang in thử (PDF)', 'pdf'), ...errors(403, 404, 422) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'template', 'read');
        const unit = await targetUnit(db, actor, req.query.unitId);
        const { calibration } = await calibrationOf(db, unit.id);
        return sendFile(reply, renderCalibrationPdf(validateCalibration(calibration)), PDF_MIME, contentDisposition('Trang in thử căn chỉnh phôi.pdf'));
      },
    );

    // ------------------------------------------------------------------ register (sổ vàng)

    const registerFilter = z.object({
      decisionId: z.uuid('Quyết định không hợp lệ.').optional(),
      year: z.coerce.number().int().min(2000).max(2100).optional(),
      q: z.string().max(100, 'Từ khóa quá dài.').optional(),
    });

    app.get(
      '/api/certificates',
      {
        schema: {
          tags,
          operationId: 'listCertificates',
          summary: 'Sổ vàng: Giấy khen, Bằng khen đã cấp trong phạm vi (năm mới nhất trước, theo số sổ)',
          querystring: registerFilter.extend(pageQuery),
          response: { 200: certificateListSchema, ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'certificate', 'read');
        const { rows, total } = await listVisibleCertificates(db, actor, req.query);
        const url = publicUrl();
        const states = await signStatesOf(
          db,
          'certificate',
          rows.map((c) => c.id),
        );
        return { items: rows.map((c) => presentCertificate(c, actor, url, states.get(c.id))), total };
      },
    );

    app.get(
      '/api/certificates/export.xlsx',
      {
        schema: {
          tags,
          operationId: 'exportCertificates',
          summary: 'Xuất Excel sổ vàng theo bộ lọc',
          querystring: registerFilter,
          response: { 200: file('Tệp Excel', 'xlsx'), ...errors(403) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'certificate', 'read');
        const rows = batched((offset, limit) => exportVisibleCertificates(db, actor, req.query, offset, limit));
        return replyXlsx(
          reply,
          'Sổ vàng Giấy khen, Bằng khen.xlsx',
          [
            { header: 'Số sổ vàng', value: (c: CertificateRow) => registerNumberText(c), width: 12 },
            { header: 'Hình thức', value: 'honorLabel', width: 28 },
            { header: 'Người/tập thể được khen', value: 'recipientName', width: 32 },
            { header: 'Chức vụ, đơn vị', value: 'recipientDetail', width: 32 },
            { header: 'Số quyết định', value: 'decisionNumber', width: 18 },
            { header: 'Ngày quyết định', value: 'decisionDate', type: 'date', width: 14 },
            { header: 'Cơ quan cấp', value: 'issuerName', width: 36 },
            { header: 'Mã xác minh', value: 'code', width: 14 },
            { header: 'Tình trạng', value: (c: CertificateRow) => (c.revoked ? `Đã hủy bỏ: ${c.revokedReason ?? ''}` : 'Còn hiệu lực'), width: 24 },
          ],
          rows,
          { sheetName: 'Sổ vàng', unitName: await exportUnitName(db, actor) },
        );
      },
    );

    app.post(
      '/api/certificates/:id/revoke',
      {
        schema: {
          tags,
          operationId: 'revokeCertificate',
          summary: 'Hủy bỏ một Giấy khen/Bằng khen trong sổ vàng (ghi lý do)',
          params: idParams,
          body: z.object({ reason: z.string().trim().min(3, 'Hãy ghi lý do hủy bỏ.').max(1000, 'Lý do quá dài.') }),
          response: { 200: certificateSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'certificate', 'revoke');
        const row = await runCommand(db, actor, (ctx) => revokeCertificate(ctx, req.params.id, req.body.reason));
        return presentCertificate(row, actor, publicUrl());
      },
    );

    // ------------------------------------------------------------------ per decision

    app.post(
      '/api/decisions/:id/certificates',
      {
        schema: {
          tags,
          operationId: 'issueDecisionCertificates',
          summary: 'Vào sổ vàng Giấy khen/Bằng khen cho mọi người/tập thể của quyết định (gọi lại: giữ số cũ)',
          params: idParams,
          response: { 200: issuedCertificatesSchema, ...errors(403, 404, 409) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'certificate', 'issue');
        const result = await runCommand(db, actor, (ctx) => issueCertificatesForDecision(ctx, req.params.id));
        const url = publicUrl();
        const states = await signStatesOf(
          db,
          'certificate',
          result.certificates.map((c) => c.id),
        );
        return {
          created: result.created,
          reused: result.reused,
          items: result.certificates.map((c) => presentCertificate(c, actor, url, states.get(c.id))),
          total: result.certificates.length,
        };
      },
    );

    app.get(
      '/api/decisions/:id/certificates.pdf',
      {
        schema: {
          tags,
          operationId: 'printDecisionCertificates',
          summary: 'In Giấy khen/Bằng khen của cả quyết định (một tệp PDF): mẫu đầy đủ hoặc in trên phôi',
          params: idParams,
          querystring: z.object({ mode: z.enum(['full', 'blank'], 'Kiểu in phải là full hoặc blank.').default('full') }),
          response: { 200: file('Giấy khen, Bằng khen (PDF)', 'pdf'), ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorize(actor, 'certificate', 'read');
        const d = await findVisibleDecision(db, actor, req.params.id);
        if (!d) throw notFound('Không tìm thấy quyết định.');
        const rows = await activeCertificatesOfDecision(db, d.id);
        if (!rows.length) throw new CertificatesNotIssuable('Quyết định chưa có Giấy khen/Bằng khen trong sổ vàng: hãy "Vào sổ vàng" trước khi in.');
        const calibration = req.query.mode === 'blank' ? (await calibrationOf(db, d.unitId)).calibration : undefined;
        const url = publicUrl();
        const stream = renderCertificatesPdf(
          rows.map((c) => certificateData(c, url)),
          calibration ? { mode: 'blank', calibration } : { mode: 'full' },
        );
        return sendFile(
          reply,
          stream,
          PDF_MIME,
          contentDisposition(`Giấy khen - Quyết định ${d.numberText.replace(/\//g, '-')}${req.query.mode === 'blank' ? ' - in phôi' : ''}.pdf`),
        );
      },
    );

    // ------------------------------------------------------------------ public verification

    app.get(
      '/api/public/certificates/:code',
      {
        schema: {
          tags: ['public'],
          operationId: 'verifyCertificate',
          summary: 'Xác minh Giấy khen/Bằng khen theo mã QR (không cần đăng nhập)',
          security: [],
          params: z.object({ code: z.string().regex(/^[0-9A-Za-z]{6,20}$/, 'Mã xác minh không hợp lệ.') }),
          response: { 200: publicCertificateSchema, ...publicErrors(404, 429) },
        },
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      },
      async (req) => {
        const c = await unsafeFindCertificateByCode(db, req.params.code.toUpperCase());
        if (!c) throw notFound('Không tìm thấy Giấy khen, Bằng khen với mã này. Hãy kiểm tra lại mã in trên giấy.');
        // The signed electronic certificate, verified now against its agency's trust store.
        const signed = await signedDocumentOf(db, 'certificate', c.id);
        const verification = signed ? await verifyPdf(signed.pdf, await trustStoreOf(db, c.unitId), now()) : null;
        return presentPublicCertificate(c, signed && verification ? { state: signed.state, verification } : null);
      },
    );
  };
