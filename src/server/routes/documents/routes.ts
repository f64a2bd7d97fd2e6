/**
 * Official documents in the running product: the unit's editable DOCX templates, PDF delivery
 * through LibreOffice, the sổ vàng (certificate register) with phôi calibration, certificate
 * PDFs per decision, and the public verification of a certificate by its QR code.
 */
import { z } from 'zod';
import { and, asc, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import type { Actor } from '../../auth/actor.js';
import type { Executor } from '../../db/client.js';
import { runCommand } from '../../commands/run.js';
import { readUpload } from '../../http/upload.js';
import { actorOf } from '../../http/session.js';
import { authorize, unitIdInScope } from '../../policies/scope.js';
import { can } from '../../policies/abilities.js';
import { findVisibleUnit } from '../../repositories/units.js';
import { findVisibleDecision } from '../../repositories/decisions.js';
import { templateInForce, templateFor, templateVersionFile, templateVersions } from '../../repositories/templates.js';
import { revertTemplate, uploadTemplate } from '../../commands/templates.js';
import { certificateData, issueCertificatesForDecision, registerNumberText, saveCalibration, verificationUrl, type CertificateRow } from '../../commands/certificates.js';
import { badRequest, conflict, notFound, unavailable } from '../../errors.js';
import { certificateCalibrations, certificates, units } from '../../db/schema/index.js';
import {
  CERTIFICATE_FIELD_LABELS,
  DEFAULT_BLANK_CALIBRATION,
  FIELD_CATALOGS,
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
import { formatDateTimeVi } from '../../presenters/exports.js';
import { formatDateVi } from '../../../shared/format-vi.js';

const kindParams = z.object({ kind: z.enum(TEMPLATE_KINDS, 'Loại mẫu văn bản không hợp lệ.') });
const unitQuery = z.object({ unitId: z.uuid('Đơn vị không hợp lệ.').optional() });
const format = z.enum(['docx', 'pdf'], 'Định dạng phải là docx hoặc pdf.').default('docx');
const idParams = z.object({ id: z.uuid('Mã không hợp lệ.') });

/** The unit a template/calibration request is about: the given one (in scope) or the caller's own. */
async function targetUnit(db: Executor, actor: Actor, unitId: string | undefined) {
  const unit = await findVisibleUnit(db, actor, unitId ?? actor.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  return unit;
}


function presentCertificate(c: CertificateRow, publicUrl: string) {
  return {
    id: c.id,
    unitId: c.unitId,
    number: c.number,
    year: c.year,
    registerNumber: registerNumberText(c),
    code: c.code,
    verificationUrl: verificationUrl(publicUrl, c.code),
    honor: c.honor,
    honorLabel: c.honorLabel,
    recipientName: c.recipientName,
    recipientDetail: c.recipientDetail,
    decisionId: c.decisionId,
    awardeeId: c.awardeeId,
    decisionNumber: c.decisionNumber,
    decisionDate: c.decisionDate,
    issuerName: c.issuerName,
    revoked: c.revoked,
    revokedReason: c.revokedReason,
    revokedAt: c.revokedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
  };
}

async function calibrationOf(db: Executor, unitId: string): Promise<{ calibration: CertificateCalibration; version: number; saved: boolean }> {
  const [row] = await db.select().from(certificateCalibrations).where(eq(certificateCalibrations.unitId, unitId));
  if (!row) return { calibration: DEFAULT_BLANK_CALIBRATION, version: 0, saved: false };
  return { calibration: row.calibration as CertificateCalibration, version: row.version, saved: true };
}

export const documentRoutes = ({ db, config }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const publicUrl = (): string => config.publicUrl ?? process.env.TDKT_PUBLIC_URL ?? 'http://localhost:3000';
  const tags = ['documents'];

  // ------------------------------------------------------------------ capabilities, PDF

  app.get('/api/documents/capabilities', { schema: { tags, summary: 'Khả năng của máy chủ: có xuất PDF qua LibreOffice không' } }, async () => {
    const pdf = pdfConversionAvailable();
    return { pdf, message: pdf ? null : SOFFICE_MISSING_MESSAGE };
  });

  app.post('/api/documents/pdf', { schema: { tags, summary: 'Chuyển một tệp Word (.docx) sang PDF (cần LibreOffice trên máy chủ)', consumes: ['multipart/form-data'] } }, async (req, reply) => {
    actorOf(req);
    if (!pdfConversionAvailable()) throw unavailable('pdf_unavailable', SOFFICE_MISSING_MESSAGE);
    const { buffer, fileName } = await readUpload(req, { missing: 'Hãy chọn một tệp Word (.docx) để tải lên.', defaultName: 'tep.docx' });
    if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) throw badRequest('Tệp không phải là tệp Word (.docx).');
    const pdf = await docxToPdf(buffer);
    reply.header('content-type', PDF_MIME);
    reply.header('content-disposition', contentDisposition(fileName.replace(/\.docx$/i, '') + '.pdf'));
    return reply.send(pdf);
  });

  // ------------------------------------------------------------------ templates

  app.get('/api/templates', { schema: { tags, summary: 'Các loại mẫu văn bản và mẫu đang áp dụng cho đơn vị', querystring: unitQuery } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'template', 'read');
    const unit = await targetUnit(db, actor, req.query.unitId);
    const items = [];
    for (const kind of TEMPLATE_KINDS) {
      const inForce = await templateInForce(db, unit.id, kind);
      const versions = await templateVersions(db, unit.id, kind);
      items.push({
        kind,
        label: TEMPLATE_KIND_LABELS[kind],
        inForce: { ...inForce, createdAt: inForce.createdAt?.toISOString() ?? null },
        versionCount: versions.length,
        fields: Object.entries(FIELD_CATALOGS[kind]).map(([name, spec]) => ({ name, type: spec.type, label: spec.label, columns: spec.type === 'table' ? spec.columns : undefined })),
      });
    }
    return { unit: { id: unit.id, name: unit.name }, canWrite: can(actor.role, 'template', 'write'), pdf: pdfConversionAvailable(), items };
  });

  app.get('/api/templates/:kind/download', { schema: { tags, summary: 'Tải mẫu đang áp dụng (hoặc một phiên bản cũ) để sửa trong Word/LibreOffice', params: kindParams, querystring: unitQuery.extend({ versionId: z.uuid('Phiên bản không hợp lệ.').optional() }) } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'template', 'read');
    const unit = await targetUnit(db, actor, req.query.unitId);
    const kind = req.params.kind;
    let file: Buffer;
    let name = defaultTemplateFileName(kind);
    if (req.query.versionId) {
      const v = await templateVersionFile(db, unit.id, kind, req.query.versionId);
      if (!v?.data) throw notFound('Không tìm thấy phiên bản mẫu.');
      file = v.data;
      name = `${TEMPLATE_KIND_LABELS[kind]} - phiên bản ${v.version}.docx`;
    } else {
      file = await templateFor(db, unit.id, kind);
      const inForce = await templateInForce(db, unit.id, kind);
      if (inForce.source !== 'default') name = `${TEMPLATE_KIND_LABELS[kind]} - ${inForce.unitName} - phiên bản ${inForce.version}.docx`;
    }
    return replyDocument(reply, file, name.replace(/\.docx$/, ''), 'docx');
  });

  app.get('/api/templates/:kind/preview', { schema: { tags, summary: 'Xem thử: mẫu đang áp dụng điền dữ liệu mẫu (Word hoặc PDF)', params: kindParams, querystring: unitQuery.extend({ format }) } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'template', 'read');
    const unit = await targetUnit(db, actor, req.query.unitId);
    const kind = req.params.kind;
    const docx = renderDocument(kind, sampleData(kind), await templateFor(db, unit.id, kind));
    return replyDocument(reply, docx, `Xem thử - ${TEMPLATE_KIND_LABELS[kind]}`, req.query.format);
  });

  app.get('/api/templates/:kind/versions', { schema: { tags, summary: 'Các phiên bản mẫu riêng của đơn vị (ai tải lên, khi nào)', params: kindParams, querystring: unitQuery } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'template', 'read');
    const unit = await targetUnit(db, actor, req.query.unitId);
    const rows = await templateVersions(db, unit.id, req.params.kind);
    return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), createdAtText: formatDateTimeVi(r.createdAt) })) };
  });

  app.post('/api/templates/:kind', { schema: { tags, summary: 'Tải lên mẫu đã sửa (.docx ≤ 10 MB): kiểm tra trường trộn, vòng lặp; mẫu lỗi không được lưu', params: kindParams, consumes: ['multipart/form-data'] } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'template', 'write');
    const { buffer, fileName, fields } = await readUpload(req, { missing: 'Hãy chọn tệp mẫu Word (.docx) để tải lên.', defaultName: 'mau.docx' });
    if (fields.unitId && !z.uuid().safeParse(fields.unitId).success) throw notFound('Không tìm thấy đơn vị.');
    const unit = await targetUnit(db, actor, fields.unitId || undefined);
    const row = await runCommand(db, actor, (ctx) => uploadTemplate(ctx, unit.id, req.params.kind, { buffer, fileName }));
    return reply.status(201).send({ id: row.id, kind: row.kind, version: row.version, fileName: row.fileName, size: row.size, tags: row.tags, createdAt: row.createdAt.toISOString() });
  });

  app.post('/api/templates/:kind/revert', { schema: { tags, summary: 'Bỏ mẫu riêng của đơn vị, trở về mẫu mặc định (hoặc của cấp trên)', params: kindParams, body: unitQuery.optional() } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'template', 'write');
    const unit = await targetUnit(db, actor, req.body?.unitId);
    await runCommand(db, actor, (ctx) => revertTemplate(ctx, unit.id, req.params.kind));
    const inForce = await templateInForce(db, unit.id, req.params.kind);
    return { kind: req.params.kind, inForce: { ...inForce, createdAt: inForce.createdAt?.toISOString() ?? null } };
  });

  // ------------------------------------------------------------------ phôi calibration

  app.get('/api/certificates/calibration', { schema: { tags, summary: 'Căn chỉnh vị trí in trên phôi Giấy khen, Bằng khen của đơn vị', querystring: unitQuery } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'template', 'read');
    const unit = await targetUnit(db, actor, req.query.unitId);
    const cal = await calibrationOf(db, unit.id);
    return { unitId: unit.id, ...cal, fieldLabels: CERTIFICATE_FIELD_LABELS, canWrite: can(actor.role, 'template', 'write') };
  });

  app.put(
    '/api/certificates/calibration',
    { schema: { tags, summary: 'Lưu căn chỉnh phôi (kiểm tra mọi trường nằm trong trang giấy)', body: z.object({ unitId: z.uuid('Đơn vị không hợp lệ.').optional(), calibration: z.record(z.string(), z.unknown()), version: z.number().int().optional() }) } },
    async (req) => {
      const actor = actorOf(req);
      authorize(actor, 'template', 'write');
      const unit = await targetUnit(db, actor, req.body.unitId);
      return runCommand(db, actor, (ctx) => saveCalibration(ctx, unit.id, req.body.calibration, req.body.version));
    },
  );

  app.get('/api/certificates/calibration/test.pdf', { schema: { tags, summary: 'Trang in thử căn chỉnh phôi (lưới mm và khung từng trường)', querystring: unitQuery } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'template', 'read');
    const unit = await targetUnit(db, actor, req.query.unitId);
    const { calibration } = await calibrationOf(db, unit.id);
    reply.header('content-type', PDF_MIME);
    reply.header('content-disposition', contentDisposition('Trang in thử căn chỉnh phôi.pdf'));
    return reply.send(renderCalibrationPdf(validateCalibration(calibration)));
  });

  // ------------------------------------------------------------------ register (sổ vàng)

  const registerQuery = z.object({
    decisionId: z.uuid('Quyết định không hợp lệ.').optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    q: z.string().max(100, 'Từ khóa quá dài.').optional(),
  });
  const registerWhere = (actor: Actor, q: z.infer<typeof registerQuery>): SQL | undefined =>
    and(
      unitIdInScope(actor, certificates.unitId),
      q.decisionId ? eq(certificates.decisionId, q.decisionId) : undefined,
      q.year ? eq(certificates.year, q.year) : undefined,
      q.q?.trim() ? or(ilike(certificates.recipientName, `%${q.q.trim()}%`), eq(certificates.code, q.q.trim().toUpperCase()), ilike(certificates.decisionNumber, `%${q.q.trim()}%`)) : undefined,
    );

  app.get('/api/certificates', { schema: { tags, summary: 'Sổ vàng: Giấy khen, Bằng khen đã cấp trong phạm vi', querystring: registerQuery } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'certificate', 'read');
    const rows = await db.select().from(certificates).where(registerWhere(actor, req.query)).orderBy(desc(certificates.year), asc(certificates.number)).limit(1000);
    return { items: rows.map((c) => presentCertificate(c, publicUrl())) };
  });

  app.get('/api/certificates/export.xlsx', { schema: { tags, summary: 'Xuất Excel sổ vàng theo bộ lọc', querystring: registerQuery } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'certificate', 'read');
    const where = registerWhere(actor, req.query);
    const rows = batched((offset, limit) => db.select().from(certificates).where(where).orderBy(desc(certificates.year), asc(certificates.number)).limit(limit).offset(offset));
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
      { sheetName: 'Sổ vàng' },
    );
  });

  app.post('/api/certificates/:id/revoke', { schema: { tags, summary: 'Hủy bỏ một Giấy khen/Bằng khen trong sổ vàng (ghi lý do)', params: idParams, body: z.object({ reason: z.string().trim().min(3, 'Hãy ghi lý do hủy bỏ.').max(1000, 'Lý do quá dài.') }) } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'certificate', 'revoke');
    return runCommand(db, actor, async (ctx) => {
      const [c] = await ctx.tx.select().from(certificates).where(and(eq(certificates.id, req.params.id), unitIdInScope(actor, certificates.unitId))).for('update');
      if (!c) throw notFound('Không tìm thấy Giấy khen/Bằng khen.');
      if (c.revoked) throw conflict('Giấy khen/Bằng khen đã bị hủy bỏ trước đó.');
      const [row] = await ctx.tx.update(certificates).set({ revoked: true, revokedReason: req.body.reason, revokedAt: new Date() }).where(eq(certificates.id, c.id)).returning();
      await ctx.audit({ action: 'certificate.revoked', entityType: 'certificate', entityId: c.id, unitId: c.unitId, summary: `Hủy bỏ ${c.honorLabel} số ${registerNumberText(c)} của ${c.recipientName}: ${req.body.reason}` });
      return presentCertificate(row!, publicUrl());
    });
  });

  // ------------------------------------------------------------------ per decision

  app.post('/api/decisions/:id/certificates', { schema: { tags, summary: 'Vào sổ vàng Giấy khen/Bằng khen cho mọi người/tập thể của quyết định (gọi lại: giữ số cũ)', params: idParams } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'certificate', 'issue');
    const result = await runCommand(db, actor, (ctx) => issueCertificatesForDecision(ctx, req.params.id));
    return { created: result.created, reused: result.reused, items: result.certificates.map((c) => presentCertificate(c, publicUrl())) };
  });

  app.get('/api/decisions/:id/certificates.pdf', { schema: { tags, summary: 'In Giấy khen/Bằng khen của cả quyết định (một tệp PDF): mẫu đầy đủ hoặc in trên phôi', params: idParams, querystring: z.object({ mode: z.enum(['full', 'blank'], 'Kiểu in phải là full hoặc blank.').default('full') }) } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'certificate', 'read');
    const d = await findVisibleDecision(db, actor, req.params.id);
    if (!d) throw notFound('Không tìm thấy quyết định.');
    const rows = await db.select().from(certificates).where(and(eq(certificates.decisionId, d.id), eq(certificates.revoked, false))).orderBy(asc(certificates.number));
    if (!rows.length) throw conflict('Quyết định chưa có Giấy khen/Bằng khen trong sổ vàng: hãy "Vào sổ vàng" trước khi in.');
    const calibration = req.query.mode === 'blank' ? (await calibrationOf(db, d.unitId)).calibration : undefined;
    const url = publicUrl();
    const stream = renderCertificatesPdf(
      rows.map((c) => certificateData(c, url)),
      calibration ? { mode: 'blank', calibration } : { mode: 'full' },
    );
    reply.header('content-type', PDF_MIME);
    reply.header('content-disposition', contentDisposition(`Giấy khen - Quyết định ${d.numberText.replace(/\//g, '-')}${req.query.mode === 'blank' ? ' - in phôi' : ''}.pdf`));
    return reply.send(stream);
  });

  // ------------------------------------------------------------------ public verification

  app.get(
    '/api/public/certificates/:code',
    { schema: { tags: ['public'], summary: 'Xác minh Giấy khen/Bằng khen theo mã QR (không cần đăng nhập)', security: [], params: z.object({ code: z.string().regex(/^[0-9A-Za-z]{6,20}$/, 'Mã xác minh không hợp lệ.') }) }, config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async (req) => {
      const [c] = await db
        .select({ c: certificates, unitName: units.name })
        .from(certificates)
        .innerJoin(units, eq(units.id, certificates.unitId))
        .where(eq(certificates.code, req.params.code.toUpperCase()));
      if (!c) throw notFound('Không tìm thấy Giấy khen, Bằng khen với mã này. Hãy kiểm tra lại mã in trên giấy.');
      const r = c.c;
      // Only what the certificate itself shows: nothing about the person beyond the name.
      return {
        code: r.code,
        honor: r.honorLabel,
        recipientName: r.recipientName,
        decisionNumber: r.decisionNumber,
        decisionDate: r.decisionDate,
        decisionDateText: formatDateVi(r.decisionDate),
        issuer: r.issuerName,
        registerNumber: registerNumberText(r),
        revoked: r.revoked,
        status: r.revoked ? `Giấy khen/Bằng khen này đã bị hủy bỏ${r.revokedAt ? ` từ ngày ${formatDateVi(r.revokedAt)}` : ''}.` : 'Giấy khen/Bằng khen này có trong sổ vàng và còn hiệu lực.',
      };
    },
  );
};

