/**
 * Write the default templates as .docx files (to start a unit's own template from them):
 *   npx tsx src/server/documents/docx/write-default-templates.ts [outDir]
 * The application itself builds them in memory (`defaultTemplate`), so nothing binary is committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultTemplate, defaultTemplateFileName } from './default-templates.js';
import { TEMPLATE_KINDS } from './fields.js';

/** Write every default template into `outDir`; returns the written paths. */
export function writeDefaultTemplates(outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  return TEMPLATE_KINDS.map((kind) => {
    const path = join(outDir, defaultTemplateFileName(kind));
    writeFileSync(path, defaultTemplate(kind));
    return path;
  });
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  for (const path of writeDefaultTemplates(process.argv[2] ?? 'templates-out')) console.log(path);
}
