/**
 * Ký số of the Tờ trình of a dossier and of the Council's Biên bản họp xét and kiểm phiếu: the panel (who signs,
 * who has), one signature at a time, the signed PDF.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { runCommand } from '../../commands/run.js';
import {
  abilitiesOf,
  signableOf,
  signedPdfOfDocument,
  signGeneratedDocument,
  signProgress,
  SIGNABLE_KINDS,
  type RenderSignable,
  type SignableKind,
} from '../../commands/document-signing.js';
import { trustStoreOf } from '../../commands/signing.js';
import { actorOf } from '../../http/session.js';
import { errors, file } from '../../http/contract.js';
import { authorize } from '../../policies/scope.js';
import { listVisibleCredentials, unitPathOf } from '../../repositories/signing.js';
import { candidatesOf } from '../../repositories/dossiers.js';
import { minutesDocx, reviewMinutesDocx, toTrinhDocx } from '../../presenters/dossier-documents.js';
import { documentSignaturePanelSchema, presentDocumentSignaturePanel } from '../../presenters/document-signing.js';
import { docxToPdf } from '../../office/soffice.js';
import { verifyPdf } from '../../signing/verify.js';
import { now } from '../../clock.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { sendFile } from '../documents/download.js';
import { achievementReportDocx } from '../../presenters/achievement-reports.js';
import { movementDocx, planDocx } from '../../presenters/plan-documents.js';
import { loadMovement, loadPlan } from '../plans/load.js';
import { unitReportDocx } from '../reports/document.js';

const params = z.object({
  kind: z.enum(
    SIGNABLE_KINDS,
    'Loại văn bản ký số phải là Tờ trình (to_trinh), Biên bản họp xét (bien_ban_hop_xet), Biên bản kiểm phiếu (bien_ban_kiem_phieu), Kế hoạch (ke_hoach), Kế hoạch phong trào (ke_hoach_phong_trao), Báo cáo thành tích (bao_cao_thanh_tich) hoặc Báo cáo sơ kết, tổng kết của đơn vị (bao_cao).',
  ),
  id: z.uuid('Mã hồ sơ, phiên họp, kế hoạch, phong trào, người/tập thể được đề nghị hoặc báo cáo không hợp lệ.'),
});
const signBody = z.object({
  step: z.enum(['sign', 'seal'], 'Bước ký phải là của người ký (sign) hoặc của cơ quan (seal).'),
  credentialId: z.uuid('Hãy chọn chứng thư số để ký.'),
  so: z.string().trim().max(20, 'Số văn bản dài tối đa 20 ký tự.').optional(),
});

/** Reading a Tờ trình or a Báo cáo thành tích needs the dossier; a Kế hoạch the plan; a unit's Báo cáo the report; either Biên bản the session. */
function authorizeRead(actor: Actor, kind: SignableKind): void {
  if (kind === 'bao_cao') authorize(actor, 'report', 'read');
  else if (kind === 'to_trinh' || kind === 'bao_cao_thanh_tich') authorize(actor, 'dossier', 'read');
  else if (kind === 'ke_hoach') authorize(actor, 'plan', 'read');
  else if (kind === 'ke_hoach_phong_trao') authorize(actor, 'movement', 'read');
  else authorize(actor, 'session', 'read');
}

const FILE_STEMS: Record<SignableKind, string> = {
  to_trinh: 'To-trinh',
  bien_ban_hop_xet: 'Bien-ban-hop-xet',
  bien_ban_kiem_phieu: 'Bien-ban-kiem-phieu',
  ke_hoach: 'Ke-hoach',
  ke_hoach_phong_trao: 'Ke-hoach-phong-trao',
  bao_cao_thanh_tich: 'Bao-cao-thanh-tich',
  bao_cao: 'Bao-cao',
};

/** The document as the data says today, rendered to PDF: the base of its first signature. */
const render: RenderSignable = async (tx, s, so) => {
  if (s.report) return docxToPdf(await achievementReportDocx(tx, s.report));
  if (s.unitReport) return docxToPdf(await unitReportDocx(tx, s.unitReport, so));
  // A plan or movement whose signer was left blank is signed by its unit's head: the block prints them.
  const head = s.slots[0];
  const signerOf = (typed: string | null) => (typed?.trim() || !head ? {} : { signerName: head.name, signerTitle: head.position });
  const number = so ? { number: so } : {};
  if (s.plan) {
    const plan = await loadPlan(tx, null, s.plan);
    return docxToPdf((await planDocx(tx, { ...plan, ...signerOf(plan.signerName), ...number })).docx);
  }
  if (s.movement) {
    const m = await loadMovement(tx, null, s.movement);
    return docxToPdf((await movementDocx(tx, { ...m, ...signerOf(m.signerName), ...number })).docx);
  }
  if (s.dossier) return docxToPdf(await toTrinhDocx(tx, s.dossier, await candidatesOf(tx, s.dossier.id), { so }));
  const { row, detail: x } = s.session!;
  const items = x.items.map((i) => ({ candidate: i.candidate, dossierUnitName: i.dossierUnitName, item: i.item }));
  const make = s.kind === 'bien_ban_kiem_phieu' ? minutesDocx : reviewMinutesDocx;
  return docxToPdf(await make(tx, row, items, x.attendance, { councilName: x.council.name, so }));
};

async function panelOf(db: Db, actor: Actor, kind: SignableKind, id: string) {
  const s = await signableOf(db, actor, kind, id);
  const p = await signProgress(db, s);
  const at = now();
  const verification = p.stored ? await verifyPdf(p.stored.pdf, await trustStoreOf(db, s.unitId), at) : null;
  const credentials = await listVisibleCredentials(db, actor);
  return presentDocumentSignaturePanel(actor, s, p, abilitiesOf(actor, s, p), verification, credentials, at, await unitPathOf(db, s.unitId));
}

export const documentSigningRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['signing'];
    app.get(
      '/api/signed-documents/:kind/:id',
      {
        schema: {
          tags,
          operationId: 'getDocumentSignatures',
          summary:
            'Tình trạng ký số của Tờ trình (theo hồ sơ), Biên bản họp xét, kiểm phiếu (theo phiên họp), Kế hoạch (theo kế hoạch) hoặc Báo cáo thành tích (theo người/tập thể được đề nghị), Báo cáo sơ kết, tổng kết của đơn vị (theo báo cáo): người ký, chữ ký đã có, kết quả kiểm tra',
          params,
          response: { 200: documentSignaturePanelSchema, ...errors(403, 404) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorizeRead(actor, req.params.kind);
        return panelOf(db, actor, req.params.kind, req.params.id);
      },
    );

    app.post(
      '/api/signed-documents/:kind/:id/sign',
      {
        schema: {
          tags,
          operationId: 'signDocument',
          summary:
            'Ký số Tờ trình, Biên bản họp xét, Biên bản kiểm phiếu, Kế hoạch, Báo cáo thành tích hoặc Báo cáo của đơn vị: từng người có tên ở phần chữ ký ký bằng chứng thư số cá nhân; Tờ trình, Kế hoạch, Báo cáo thành tích, Báo cáo của đơn vị sau đó được ký số của cơ quan (Tờ trình, Báo cáo thành tích đã ký đưa vào hồ sơ)',
          params,
          body: signBody,
          response: { 200: documentSignaturePanelSchema, ...errors(400, 403, 404, 409, 503) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorizeRead(actor, req.params.kind);
        await runCommand(db, actor, (ctx) => signGeneratedDocument(ctx, req.params.kind, req.params.id, req.body, render));
        return panelOf(db, actor, req.params.kind, req.params.id);
      },
    );

    app.get(
      '/api/signed-documents/:kind/:id/signed.pdf',
      {
        schema: {
          tags,
          operationId: 'downloadSignedDocument',
          summary: 'Tải Tờ trình, Biên bản họp xét, kiểm phiếu, Kế hoạch, Báo cáo thành tích hoặc Báo cáo của đơn vị đã ký số (PDF)',
          params,
          response: { 200: file('Văn bản đã ký số', 'pdf'), ...errors(403, 404) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        authorizeRead(actor, req.params.kind);
        const pdf = await signedPdfOfDocument(db, actor, req.params.kind, req.params.id);
        const name = `${FILE_STEMS[req.params.kind]}-ky-so.pdf`;
        return sendFile(reply, pdf, 'application/pdf', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
      },
    );
  };
