/**
 * The files of an initiative application (bản mô tả, số liệu làm lợi, ảnh áp dụng thử): added and
 * removed by whoever may edit the application (its author or submitting unit, while the round is
 * open and the council has not decided). Each file is checked by its bytes like a dossier's documents.
 */
import { createHash } from 'node:crypto';
import type { CommandContext } from './run.js';
import { initiativeFacts } from './initiatives.js';
import { checkUpload } from './dossiers/documents.js';
import { UploadRefused } from './dossiers/errors.js';
import { assertInitiativeAllows } from '../policies/initiative.js';
import { findVisibleApplication, type ApplicationListRow } from '../repositories/initiatives.js';
import { attachmentTotals, deleteAttachment, insertAttachment, type InitiativeAttachmentRow } from '../repositories/initiative-attachments.js';
import { notFound } from '../errors.js';

/** At most this many files per application, and this many bytes in all (a description, evidence, a few photos). */
export const MAX_INITIATIVE_FILES = 10;
export const MAX_INITIATIVE_FILES_BYTES = 30 * 1024 * 1024;

async function editable(ctx: CommandContext, id: string): Promise<ApplicationListRow> {
  const a = await findVisibleApplication(ctx.tx, ctx.actor, id);
  if (!a) throw notFound('Không tìm thấy sáng kiến.');
  assertInitiativeAllows(ctx.actor, await initiativeFacts(ctx.tx, ctx.actor, a), 'update');
  return a;
}

export async function addInitiativeAttachment(ctx: CommandContext, id: string, file: { buffer: Buffer; fileName: string }): Promise<InitiativeAttachmentRow> {
  const a = await editable(ctx, id);
  const mimeType = await checkUpload(file.buffer);
  const totals = await attachmentTotals(ctx.tx, id);
  if (totals.files >= MAX_INITIATIVE_FILES) throw new UploadRefused(`Mỗi sáng kiến đính kèm tối đa ${MAX_INITIATIVE_FILES} tệp; hãy bỏ bớt tệp cũ trước.`);
  if (totals.bytes + file.buffer.length > MAX_INITIATIVE_FILES_BYTES)
    throw new UploadRefused(`Tổng dung lượng tệp đính kèm của một sáng kiến không quá ${MAX_INITIATIVE_FILES_BYTES / 1024 / 1024} MB.`);
  const fileName = file.fileName.trim().slice(0, 200) || 'tep-dinh-kem';
  const row = await insertAttachment(ctx.tx, {
    applicationId: id,
    fileName,
    mimeType,
    size: file.buffer.length,
    sha256: createHash('sha256').update(file.buffer).digest('hex'),
    data: file.buffer,
    createdBy: ctx.actor.accountId,
  });
  await ctx.audit({
    action: 'initiative.attachment_added',
    entityType: 'initiative',
    entityId: id,
    unitId: a.app.unitId,
    summary: `Đính kèm "${fileName}" vào sáng kiến "${a.app.title}"`,
  });
  return row;
}

export async function removeInitiativeAttachment(ctx: CommandContext, id: string, attachmentId: string): Promise<void> {
  const a = await editable(ctx, id);
  const fileName = await deleteAttachment(ctx.tx, id, attachmentId);
  if (fileName === undefined) throw notFound('Không tìm thấy tệp đính kèm.');
  await ctx.audit({
    action: 'initiative.attachment_removed',
    entityType: 'initiative',
    entityId: id,
    unitId: a.app.unitId,
    summary: `Bỏ tệp "${fileName}" khỏi sáng kiến "${a.app.title}"`,
  });
}
