/**
 * `npm run bench`: prints the speed figures of every part against its target.
 * Run one part with `npm run bench -- foundation` (names: foundation, rules, documents, dossiers, plans).
 */
import { existsSync } from 'node:fs';

const parts: Record<string, () => Promise<void>> = {
  foundation: async () => (await import('./foundation.bench.js')).benchFoundation(),
};
if (existsSync(new URL('./rules.bench.ts', import.meta.url))) parts.rules = async () => (await import('./rules.bench.js')).benchRules();
if (existsSync(new URL('./documents.bench.ts', import.meta.url))) parts.documents = async () => (await import('./documents.bench.js')).benchDocuments();
if (existsSync(new URL('./plans.bench.ts', import.meta.url))) parts.plans = async () => (await import('./plans.bench.js')).benchPlans();
if (existsSync(new URL('./dossiers.bench.ts', import.meta.url))) parts.dossiers = async () => (await import('./dossiers.bench.js')).benchDossiers();

const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(parts)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`\n== ${name} ==`);
  await run();
}
