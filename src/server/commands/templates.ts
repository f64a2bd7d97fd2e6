import { createHash } from 'node:crypto';
import { and, eq, max } from 'drizzle-orm';
import { documentTemplates } from '../db/schema/index.js';
import type { CommandContext } from './run.js';
import { templateInForce, type TemplateRow } from '../repositories/templates.js';
import { conflict } from '../errors.js';
import { DocumentError, renderDocument, TEMPLATE_KIND_LABELS, validateTemplate, type TemplateKind } from '../documents/index.js';
import { sampleData } from '../documents/docx/sample-data.js';

async function nextVersion(ctx: CommandContext, unitId: string, kind: TemplateKind): Promise<number> {
  const [r] = await ctx.tx.select({ v: max(documentTemplates.version) }).from(documentTemplates).where(and(eq(documentTemplates.unitId, unitId), eq(documentTemplates.kind, kind)));
  return (r?.v ?? 0) + 1;
}

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
export async function uploadTemplate(ctx: CommandContext, unitId: string, kind: TemplateKind, file: { buffer: Buffer; fileName: string }): Promise<TemplateRow> {
  const tags = checkTemplate(kind, file.buffer);
  const version = await nextVersion(ctx, unitId, kind);
  const sha256 = createHash('sha256').update(file.buffer).digest('hex');
  const [row] = await ctx.tx
    .insert(documentTemplates)
    .values({ unitId, kind, version, fileName: file.fileName.normalize('NFC'), size: file.buffer.length, sha256, data: file.buffer, tags, createdBy: ctx.actor.accountId })
    .returning();
  await ctx.audit({
    action: 'template.uploaded',
    entityType: 'template',
    entityId: row!.id,
    unitId,
    summary: `Tải lên mẫu "${TEMPLATE_KIND_LABELS[kind]}" (phiên bản ${version}, tệp ${row!.fileName})`,
    after: { kind, version, fileName: row!.fileName, size: row!.size, sha256 },
  });
  return row!;
}

/** The unit stops using its own template: from now on its parent's (or the built-in default) applies. */
export async function revertTemplate(ctx: CommandContext, unitId: string, kind: TemplateKind): Promise<TemplateRow> {
  const current = await templateInForce(ctx.tx, unitId, kind);
  if (current.source !== 'own') throw conflict('Đơn vị đang dùng mẫu mặc định (hoặc mẫu của cấp trên), không có mẫu riêng để bỏ.');
  const version = await nextVersion(ctx, unitId, kind);
  const [row] = await ctx.tx.insert(documentTemplates).values({ unitId, kind, version, createdBy: ctx.actor.accountId }).returning();
  await ctx.audit({
    action: 'template.reverted',
    entityType: 'template',
    entityId: row!.id,
    unitId,
    summary: `Bỏ mẫu riêng "${TEMPLATE_KIND_LABELS[kind]}" (phiên bản ${current.version}), trở về mẫu mặc định`,
    before: { kind, version: current.version, fileName: current.fileName },
  });
  return row!;
}
