/** The documents of a unit's dossier: written in the app or uploaded (checked by content). */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { CommandContext } from '../run.js';
import { deleteDocumentOf, insertDocument, type CandidateRow, type DocumentRow } from '../../repositories/dossiers.js';
import { findCandidateOf } from '../../repositories/candidates.js';
import { badRequest, notFound } from '../../errors.js';
import type { DocumentKind } from '../../../shared/dossiers.js';
import { UploadRefused } from './errors.js';
import { documentsEditable, touch } from './common.js';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** Accepted by content, whatever the file name says: PDF, Word (docx / legacy doc), images. */
const ALLOWED_MIME = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/x-cfb',
  'image/jpeg',
  'image/png',
]);

export interface DocumentInput {
  kind: DocumentKind;
  candidateId?: string | null | undefined;
  title?: string | null | undefined;
  content?: string | null | undefined;
  voteResult?: string | null | undefined;
  version?: number | undefined;
}

/** Checks an upload by its bytes (not its name) and returns the detected type. */
export async function checkUpload(buffer: Buffer): Promise<string> {
  if (buffer.length === 0) throw new UploadRefused('Tệp tải lên rỗng.');
  if (buffer.length > MAX_DOCUMENT_BYTES) throw new UploadRefused('Tệp vượt quá 10 MB.');
  const type = await fileTypeFromBuffer(buffer);
  if (!type || !ALLOWED_MIME.has(type.mime))
    throw new UploadRefused('Chỉ nhận tệp PDF, Word (.docx, .doc) hoặc ảnh (JPG, PNG); nội dung tệp không đúng các định dạng này.');
  return type.mime;
}

export async function addDocument(
  ctx: CommandContext,
  dossierId: string,
  input: DocumentInput,
  file?: { buffer: Buffer; fileName: string },
): Promise<DocumentRow> {
  const d = await documentsEditable(ctx, dossierId, input.version);
  const perCandidate = input.kind === 'bao_cao_thanh_tich' || input.kind === 'minh_chung';
  let candidate: CandidateRow | undefined;
  if (input.candidateId) {
    candidate = await findCandidateOf(ctx.tx, d.id, input.candidateId);
    if (!candidate) throw notFound('Không tìm thấy người/tập thể trong hồ sơ.');
  }
  if (perCandidate && !candidate) throw badRequest('Báo cáo thành tích và minh chứng phải gắn với một người/tập thể trong danh sách.');
  if (!perCandidate && candidate && input.kind !== 'khac') throw badRequest('Tờ trình và biên bản họp xét là tài liệu chung của hồ sơ.');
  const content = input.content?.trim() || null;
  if (!file && !content) throw badRequest('Hãy nhập nội dung hoặc tải tệp lên.');
  if (input.kind === 'bien_ban_hop_xet' && !input.voteResult?.trim())
    throw badRequest('Biên bản họp xét phải ghi kết quả biểu quyết (ví dụ: 5/6 thành viên đồng ý).');
  let fileValues = {};
  if (file) {
    const mimeType = await checkUpload(file.buffer);
    fileValues = {
      fileName: file.fileName,
      mimeType,
      size: file.buffer.length,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      data: file.buffer,
    };
  }
  const title = input.title?.trim() || (candidate ? `${kindTitle(input.kind)} — ${candidate.displayName}` : kindTitle(input.kind));
  const row = await insertDocument(ctx.tx, {
    dossierId: d.id,
    candidateId: candidate?.id ?? null,
    kind: input.kind,
    title,
    content,
    voteResult: input.voteResult?.trim() || null,
    createdBy: ctx.actor.accountId,
    ...fileValues,
  });
  await touch(ctx, d);
  await ctx.audit({
    action: 'dossier.document_added',
    entityType: 'dossier',
    entityId: d.id,
    unitId: d.unitId,
    summary: `Thêm "${title}"${file ? ` (tệp ${file.fileName})` : ''}`,
  });
  return row;
}

function kindTitle(kind: DocumentKind): string {
  return { to_trinh: 'Tờ trình', bien_ban_hop_xet: 'Biên bản họp xét', bao_cao_thanh_tich: 'Báo cáo thành tích', minh_chung: 'Minh chứng', khac: 'Tài liệu' }[
    kind
  ];
}

export async function removeDocument(ctx: CommandContext, dossierId: string, documentId: string, version?: number): Promise<void> {
  const d = await documentsEditable(ctx, dossierId, version);
  const title = await deleteDocumentOf(ctx.tx, d.id, documentId);
  if (title === undefined) throw notFound('Không tìm thấy tài liệu.');
  await touch(ctx, d);
  await ctx.audit({ action: 'dossier.document_removed', entityType: 'dossier', entityId: d.id, unitId: d.unitId, summary: `Bỏ "${title}"` });
}
