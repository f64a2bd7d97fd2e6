#!/usr/bin/env node
// `npm start`: builds the web app and the compiled server (scripts/build-server.mjs) when either is
// missing or older than its sources, then runs the compiled server (dist/server/main.js), so that a
// fresh `npm install && npm start` works and a restart transpiles nothing. TDKT_RUN_SOURCE=1 runs the
// TypeScript through tsx instead (as `npm run dev` does). Configuration: see README (PORT, DATA_DIR, …).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync, spawn } from 'node:child_process';

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

const index = 'dist/web/index.html';
const stale = !existsSync(index) || newest('src/web') > statSync(index).mtimeMs || newest('src/shared') > statSync(index).mtimeMs;
if (stale && process.env.TDKT_SKIP_WEB_BUILD !== '1') {
  console.log('Đang dựng giao diện web (vite build)…');
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const server = 'dist/server/main.js';
const fromSource = process.env.TDKT_RUN_SOURCE === '1';
const serverStale =
  !existsSync(server) || Math.max(newest('src/server'), newest('src/shared'), statSync('package-lock.json').mtimeMs) > statSync(server).mtimeMs;
if (!fromSource && serverStale) {
  console.log('Đang biên dịch máy chủ (esbuild)…');
  const r = spawnSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const args = fromSource ? ['--import', 'tsx', 'src/server/main.ts'] : ['--enable-source-maps', server];
const child = spawn(process.execPath, args, { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
