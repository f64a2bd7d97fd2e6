#!/usr/bin/env node
import { randomBytes } from 'node:crypto';
// Runs the unit and API tests with Node's test runner (TypeScript through tsx).
// Usage: node scripts/run-tests.mjs [path-substring ...]
// Test files: src/**/*.test.ts and test/**/*.test.ts (browser tests live in e2e/ and run separately).
// When API test files are selected, the demo agency is migrated and seeded ONCE for the run
// (test/helpers/app.ts prepareDemoTemplate) and each file starts from a copy of it; the wall
// time of the run is printed at the end.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

function walk(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === 'node_modules') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const started = Date.now();
const filters = process.argv.slice(2);
const files = walk('src', walk('test', []))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();
if (files.length === 0) {
  console.error('Không tìm thấy tệp kiểm thử nào.');
  process.exit(1);
}
// One server secret for the whole run: the demo template's sealed signing credentials are opened by every test file.
const env = { TZ: 'UTC', TDKT_SECRET_KEY: randomBytes(32).toString('base64'), ...process.env };

/** Runs `body(helpers)` with test/helpers/app.ts loaded, in a tsx child process. */
function withAppHelpers(body) {
  const url = pathToFileURL(join(process.cwd(), 'test/helpers/app.ts')).href;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', `const h = await import(${JSON.stringify(url)}); ${body}`], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env,
    encoding: 'utf8',
  });
}

/** Drops the run's template database on PostgreSQL (a PGlite dump goes with its folder). */
async function dropTemplate(infoPath) {
  const { template } = JSON.parse(readFileSync(infoPath, 'utf8'));
  if (template.kind !== 'postgres') return;
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: template.serverUrl });
  await c.connect();
  await c.query(`drop database if exists ${template.name} with (force)`);
  await c.end();
}

let templateDir = null;
let templateInfo = null;
if (!env.TDKT_TEST_DEMO_TEMPLATE && files.some((f) => readFileSync(f, 'utf8').includes('createTestApp'))) {
  templateDir = mkdtempSync(join(tmpdir(), 'tdkt-test-'));
  const prep = withAppHelpers(`process.stdout.write(await h.prepareDemoTemplate(${JSON.stringify(templateDir)}));`);
  if (prep.status === 0 && prep.stdout) {
    templateInfo = prep.stdout.trim();
    env.TDKT_TEST_DEMO_TEMPLATE = templateInfo;
  } else {
    console.error('Không chuẩn bị được cơ sở dữ liệu mẫu dùng chung; mỗi tệp kiểm thử sẽ tự tạo dữ liệu mẫu (chậm hơn).');
  }
}

let status;
try {
  const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit', env });
  status = res.status ?? 1;
} finally {
  if (templateInfo) await dropTemplate(templateInfo);
  if (templateDir) rmSync(templateDir, { recursive: true, force: true });
}
console.error(`\nThời gian chạy: ${((Date.now() - started) / 1000).toFixed(1)} s (${files.length} tệp kiểm thử).`);
process.exit(status);
