#!/usr/bin/env node
// Compiles the server for `npm start`: esbuild bundles src/server/main.ts (and the import worker)
// into dist/server as plain ESM JavaScript, the packages staying in node_modules, and copies the
// SQL migrations beside it (db/client.ts finds them next to the running file). No TypeScript is
// transpiled at start-up any more; `npm run dev` keeps tsx.
import { build } from 'esbuild';
import { cpSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';

const out = 'dist/server';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Bundled CommonJS helpers (if any) need `require` in an ES module.
  banner: { js: "import { createRequire as __tdktRequire } from 'node:module'; const require = __tdktRequire(import.meta.url);" },
};
await build({ ...common, entryPoints: ['src/server/main.ts'], outfile: `${out}/main.js` });
// parse-in-worker.ts starts `new URL('./xlsx-worker.mjs', import.meta.url)`: in the bundle that is
// dist/server/xlsx-worker.mjs, the worker compiled (no tsx hook needed).
await build({ ...common, entryPoints: ['src/server/imports/xlsx-worker.ts'], outfile: `${out}/xlsx-worker.mjs` });
cpSync('src/server/db/migrations', `${out}/migrations`, { recursive: true });
writeFileSync(`${out}/package.json`, JSON.stringify({ type: 'module' }) + '\n');
