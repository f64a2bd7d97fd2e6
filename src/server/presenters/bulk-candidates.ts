/** The answers of the bulk add of candidates: the Excel preview (findings per row) and the result of an add. */
import { z } from 'zod';
import { HONORS } from '../../shared/codes.js';
import type { BulkFinding, BulkResult } from '../commands/dossiers/bulk-candidates.js';

const honorOrNull = z.enum(HONORS).nullable();

export const bulkFindingSchema = z
  .object({
    /** The sheet row (as Excel shows it), null for a row of a list. */
    row: z.number().int().nullable(),
    name: z.string(),
    honor: honorOrNull,
    errors: z.array(z.string()),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'BulkCandidateFinding' });

export const bulkResultSchema = z
  .object({
    added: z.number().int(),
    skipped: z.array(bulkFindingSchema),
    total: z.number().int(),
  })
  .meta({ id: 'BulkCandidateResult' });

export const candidateImportPreviewSchema = z
  .object({
    total: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    notices: z.array(z.string()),
    rows: z.array(bulkFindingSchema.extend({ values: z.record(z.string(), z.string()), valid: z.boolean() })),
  })
  .meta({ id: 'CandidateImportPreview' });

export const dossierEligibleSchema = z
  .object({
    honor: z.enum(HONORS),
    items: z.array(
      z.object({
        kind: z.enum(['individual', 'collective']),
        id: z.uuid(),
        name: z.string(),
        unitName: z.string(),
        inDossier: z.boolean(),
      }),
    ),
    total: z.number().int(),
    /** Named registrations of the dossier's campaign for the honor (the "from registrations" button). */
    registrations: z.number().int(),
  })
  .meta({ id: 'DossierEligibleList' });

export function presentFinding(f: BulkFinding): z.infer<typeof bulkFindingSchema> {
  return { row: f.row, name: f.name, honor: f.honor, errors: f.errors, warnings: f.warnings };
}

export function presentBulkResult(r: BulkResult): z.infer<typeof bulkResultSchema> {
  return { added: r.added, skipped: r.skipped.map(presentFinding), total: r.total };
}
