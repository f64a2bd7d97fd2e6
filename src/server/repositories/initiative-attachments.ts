/**
 * Files attached to an initiative application. The application is reached in scope first
 * (`findVisibleApplication`); these lookups are by the application's id, under it.
 */
import { and, asc, count, eq, sum } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { initiativeAttachments } from '../db/schema/index.js';

export type InitiativeAttachmentRow = Omit<typeof initiativeAttachments.$inferSelect, 'data' | 'sha256'>;

const META = {
  id: initiativeAttachments.id,
  applicationId: initiativeAttachments.applicationId,
  fileName: initiativeAttachments.fileName,
  mimeType: initiativeAttachments.mimeType,
  size: initiativeAttachments.size,
  createdBy: initiativeAttachments.createdBy,
  createdAt: initiativeAttachments.createdAt,
};

/** The files of one application, oldest first, without their bytes. */
export async function attachmentsOf(tx: Executor, applicationId: string): Promise<InitiativeAttachmentRow[]> {
  return tx
    .select(META)
    .from(initiativeAttachments)
    .where(eq(initiativeAttachments.applicationId, applicationId))
    .orderBy(asc(initiativeAttachments.createdAt), asc(initiativeAttachments.id));
}

/** How many files the application holds and their bytes in all (the limits of one application). */
export async function attachmentTotals(tx: Executor, applicationId: string): Promise<{ files: number; bytes: number }> {
  const [row] = await tx
    .select({ files: count(), bytes: sum(initiativeAttachments.size) })
    .from(initiativeAttachments)
    .where(eq(initiativeAttachments.applicationId, applicationId));
  return { files: row?.files ?? 0, bytes: Number(row?.bytes ?? 0) };
}

export async function insertAttachment(tx: Executor, row: typeof initiativeAttachments.$inferInsert): Promise<InitiativeAttachmentRow> {
  const [out] = await tx.insert(initiativeAttachments).values(row).returning(META);
  return out!;
}

/** One file with its bytes, under its application. */
export async function attachmentFile(tx: Executor, applicationId: string, attachmentId: string) {
  const [row] = await tx
    .select({ fileName: initiativeAttachments.fileName, mimeType: initiativeAttachments.mimeType, data: initiativeAttachments.data })
    .from(initiativeAttachments)
    .where(and(eq(initiativeAttachments.applicationId, applicationId), eq(initiativeAttachments.id, attachmentId)));
  return row;
}

/** Removes one file; answers its name, or undefined when the application holds no such file. */
export async function deleteAttachment(tx: Executor, applicationId: string, attachmentId: string): Promise<string | undefined> {
  const [row] = await tx
    .delete(initiativeAttachments)
    .where(and(eq(initiativeAttachments.applicationId, applicationId), eq(initiativeAttachments.id, attachmentId)))
    .returning({ fileName: initiativeAttachments.fileName });
  return row?.fileName;
}
