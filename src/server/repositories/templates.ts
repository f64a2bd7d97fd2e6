import { and, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { accounts, documentTemplates, units } from '../db/schema/index.js';
import { defaultTemplate, type TemplateKind } from '../documents/index.js';

export type TemplateRow = typeof documentTemplates.$inferSelect;

/** Where the template in force for a unit comes from. */
export interface TemplateInForce {
  source: 'own' | 'inherited' | 'default';
  /** The unit whose template it is (own or an ancestor); null for the built-in default. */
  unitId: string | null;
  unitName: string | null;
  templateId: string | null;
  version: number | null;
  fileName: string | null;
  createdAt: Date | null;
}

/** Ids of the unit and its ancestors, nearest first (from the materialised path). */
async function chainOf(tx: Executor, unitId: string): Promise<string[]> {
  const [u] = await tx.select({ path: units.path }).from(units).where(eq(units.id, unitId)).limit(1);
  if (!u) return [];
  return u.path.split('/').filter(Boolean).reverse();
}

/**
 * The newest version per unit of the chain (without file data): a unit's own template is its
 * newest row when that row carries a file; a newest row without one is a revert.
 */
async function newestPerUnit(tx: Executor, chain: string[], kind: TemplateKind) {
  if (!chain.length) return new Map<string, { id: string; version: number; hasData: boolean; fileName: string | null; createdAt: Date; unitName: string }>();
  const rows = await tx
    .selectDistinctOn([documentTemplates.unitId], {
      id: documentTemplates.id,
      unitId: documentTemplates.unitId,
      version: documentTemplates.version,
      hasData: sql<boolean>`${documentTemplates.data} is not null`,
      fileName: documentTemplates.fileName,
      createdAt: documentTemplates.createdAt,
      unitName: units.name,
    })
    .from(documentTemplates)
    .innerJoin(units, eq(units.id, documentTemplates.unitId))
    .where(and(eq(documentTemplates.kind, kind), inArray(documentTemplates.unitId, chain)))
    .orderBy(documentTemplates.unitId, desc(documentTemplates.version));
  return new Map(rows.map((r) => [r.unitId, r]));
}

/** Which template is in force for a unit: its own, else its nearest ancestor's, else the default. */
export async function templateInForce(tx: Executor, unitId: string, kind: TemplateKind): Promise<TemplateInForce> {
  const chain = await chainOf(tx, unitId);
  const newest = await newestPerUnit(tx, chain, kind);
  for (const id of chain) {
    const r = newest.get(id);
    if (r?.hasData) {
      return {
        source: id === unitId ? 'own' : 'inherited',
        unitId: id,
        unitName: r.unitName,
        templateId: r.id,
        version: r.version,
        fileName: r.fileName,
        createdAt: r.createdAt,
      };
    }
  }
  return { source: 'default', unitId: null, unitName: null, templateId: null, version: null, fileName: null, createdAt: null };
}

/**
 * The DOCX template a unit uses for a kind of document (its own, else its nearest ancestor's,
 * else the built-in default). Pass the result to `renderDocument(kind, data, template)`.
 */
export async function templateFor(tx: Executor, unitId: string, kind: TemplateKind): Promise<Buffer> {
  const inForce = await templateInForce(tx, unitId, kind);
  if (!inForce.templateId) return defaultTemplate(kind);
  const [row] = await tx.select({ data: documentTemplates.data }).from(documentTemplates).where(eq(documentTemplates.id, inForce.templateId));
  return row?.data ?? defaultTemplate(kind);
}

/** Every version a unit stored for a kind, newest first, with who stored it. */
export async function templateVersions(tx: Executor, unitId: string, kind: TemplateKind) {
  return tx
    .select({
      id: documentTemplates.id,
      version: documentTemplates.version,
      fileName: documentTemplates.fileName,
      size: documentTemplates.size,
      sha256: documentTemplates.sha256,
      tags: documentTemplates.tags,
      createdAt: documentTemplates.createdAt,
      createdBy: accounts.displayName,
      isRevert: sql<boolean>`${documentTemplates.data} is null`,
    })
    .from(documentTemplates)
    .leftJoin(accounts, eq(accounts.id, documentTemplates.createdBy))
    .where(and(eq(documentTemplates.unitId, unitId), eq(documentTemplates.kind, kind)))
    .orderBy(desc(documentTemplates.version));
}

/** One stored version's file (for downloading an older version). */
export async function templateVersionFile(tx: Executor, unitId: string, kind: TemplateKind, id: string) {
  const [row] = await tx
    .select({ data: documentTemplates.data, fileName: documentTemplates.fileName, version: documentTemplates.version })
    .from(documentTemplates)
    .where(and(eq(documentTemplates.id, id), eq(documentTemplates.unitId, unitId), eq(documentTemplates.kind, kind)));
  return row;
}

/** The next version number of a unit's template of a kind (uploads and reverts both take one). */
export async function nextTemplateVersion(tx: Executor, unitId: string, kind: TemplateKind): Promise<number> {
  const [r] = await tx
    .select({ v: max(documentTemplates.version) })
    .from(documentTemplates)
    .where(and(eq(documentTemplates.unitId, unitId), eq(documentTemplates.kind, kind)));
  return (r?.v ?? 0) + 1;
}

/** Stores a version: with a file it is the unit's new template, without one it is a revert. */
export async function insertTemplateVersion(tx: Executor, values: typeof documentTemplates.$inferInsert): Promise<TemplateRow> {
  const [row] = await tx.insert(documentTemplates).values(values).returning();
  return row!;
}
