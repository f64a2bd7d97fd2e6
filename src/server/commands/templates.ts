import { createHash } from 'node:crypto';
import type { CommandContext } from './run.js';
import { insertTemplateVersion, nextTemplateVersion, templateInForce, type TemplateRow } from '../repositories/templates.js';
import { domainError, forbidden } from '../errors.js';
import { mayTemplate } from '../policies/template.js';
import { DocumentError, renderDocument, TEMPLATE_KIND_LABELS, validateTemplate, type TemplateKind } from '../documents/index.js';
import { sampleData } from '../documents/docx/sample-data.js';

/** The unit has no template of its own to drop (it uses its parent's or the built-in default). */
export const NoOwnTemplate = domainError('NoOwnTemplate', 'conflict', 'no_own_template');

/**
 * Checks an edited template before anything is stored: a real .docx (by content), balanced
 * tags, only placeholders of the kind's catalog, and it must fill with sample data.
 */
export function checkTemplate(kind: TemplateKind, file: Buffer): string[] {
  const result = validateTemplate(file, kind);
  if (!result.ok) throw new DocumentError('template_invalid', `Mẫu không dùng được: ${result.message}`, result.problems);
  try {
    renderDocument(kind, sampleData(kind), file);
  } catch (e) {
    if (e instanceof DocumentError) throw new DocumentError('template_invalid', `Mẫu không dùng được: ${e.message}`, e.details);
    throw e;
  }
  return result.tags;
}

/** Stores an uploaded template as the unit's new version (after `checkTemplate`). */
export async function uploadTemplate(
  ctx: CommandContext,
  unitId: string,
  kind: TemplateKind,
  file: { buffer: Buffer; fileName: string },
): Promise<TemplateRow> {
  if (!mayTemplate(ctx.actor, { source: 'default' }, 'upload')) throw forbidden();
  const tags = checkTemplate(kind, file.buffer);
  const version = await nextTemplateVersion(ctx.tx, unitId, kind);
  const sha256 = createHash('sha256').update(file.buffer).digest('hex');
  const row = await insertTemplateVersion(ctx.tx, {
    unitId,
    kind,
    version,
    fileName: file.fileName.normalize('NFC'),
    size: file.buffer.length,
    sha256,
    data: file.buffer,
    tags,
    createdBy: ctx.actor.accountId,
  });
  await ctx.audit({
    action: 'template.uploaded',
    entityType: 'template',
    entityId: row.id,
    unitId,
    summary: `Tải lên mẫu "${TEMPLATE_KIND_LABELS[kind]}" (phiên bản ${version}, tệp ${row.fileName})`,
    after: { kind, version, fileName: row.fileName, size: row.size, sha256 },
  });
  return row;
}

/** The unit stops using its own template: from now on its parent's (or the built-in default) applies. */
export async function revertTemplate(ctx: CommandContext, unitId: string, kind: TemplateKind): Promise<TemplateRow> {
  const current = await templateInForce(ctx.tx, unitId, kind);
  if (!mayTemplate(ctx.actor, current, 'revert')) {
    if (!mayTemplate(ctx.actor, current, 'upload')) throw forbidden();
    throw new NoOwnTemplate('Đơn vị đang dùng mẫu mặc định (hoặc mẫu của cấp trên), không có mẫu riêng để bỏ.');
  }
  const version = await nextTemplateVersion(ctx.tx, unitId, kind);
  const row = await insertTemplateVersion(ctx.tx, { unitId, kind, version, createdBy: ctx.actor.accountId });
  await ctx.audit({
    action: 'template.reverted',
    entityType: 'template',
    entityId: row.id,
    unitId,
    summary: `Bỏ mẫu riêng "${TEMPLATE_KIND_LABELS[kind]}" (phiên bản ${current.version}), trở về mẫu mặc định`,
    before: { kind, version: current.version, fileName: current.fileName },
  });
  return row;
}
