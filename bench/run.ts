/**
 * `npm run bench`: prints the speed figures of every part against its target.
 * Run some parts with `npm run bench -- foundation rules` (names: the keys of `parts` below).
 * A new module adds one line here, keeping the keys sorted.
 */
const parts: Record<string, () => Promise<void>> = {
  clusters: async () => (await import('./clusters.bench.js')).benchClusters(),
  documents: async () => (await import('./documents.bench.js')).benchDocuments(),
  dossiers: async () => (await import('./dossiers.bench.js')).benchDossiers(),
  foundation: async () => (await import('./foundation.bench.js')).benchFoundation(),
  imports: async () => (await import('./imports.bench.js')).benchImports(),
  initiatives: async () => (await import('./initiatives.bench.js')).benchInitiatives(),
  load: async () => (await import('./load.bench.js')).benchLoad(),
  plans: async () => (await import('./plans.bench.js')).benchPlans(),
  portal: async () => (await import('./portal.bench.js')).benchPortal(),
  reports: async () => (await import('./reports.bench.js')).benchReports(),
  rules: async () => (await import('./rules.bench.js')).benchRules(),
  signing: async () => (await import('./signing.bench.js')).benchSigning(),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in parts));
if (unknown.length) {
  console.error(`Không có phần đo tốc độ: ${unknown.join(', ')}. Các phần: ${Object.keys(parts).join(', ')}.`);
  process.exit(1);
}
for (const [name, run] of Object.entries(parts)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`\n== ${name} ==`);
  await run();
}

export {};
