/**
 * Foundation figures: start-up on an existing data folder, staff list/search with 100,000 staff in
 * 3,000 units (PGlite and, when reachable, PostgreSQL), and a 10,000-row import.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openDatabase, type Database } from '../src/server/db/client.js';
import { buildApp } from '../src/server/app.js';
import { seedDemo } from '../src/server/demo/seed.js';
import { people, units } from '../src/server/db/schema/index.js';
import { vietnameseNameSortKey } from '../src/shared/vietnamese.js';
import { makeCccd } from '../src/shared/cccd.js';
import { percentile, report } from './report.js';
import { openBenchDatabase } from './db.js';
import { refreshStatistics } from '../src/server/db/maintenance.js';

const PASSWORD = 'Bench-12345';
const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Nông',
  'Bế',
  'Lục',
  'Triệu',
];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Hữu', 'Thu', 'Quang', 'Xuân'];
const GIVEN = [
  'An',
  'Anh',
  'Bình',
  'Cường',
  'Dũng',
  'Đức',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hoa',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Minh',
  'Nam',
  'Nga',
  'Phong',
  'Phương',
  'Quân',
  'Sơn',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vân',
  'Yến',
];

async function startupFigure(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-bench-'));
  const run = async (fromSource = false): Promise<number> => {
    const port = 3900 + Math.floor(Math.random() * 90);
    const t0 = performance.now();
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      env: {
        ...process.env,
        DATA_DIR: dir,
        PORT: String(port),
        TDKT_DEMO_PASSWORD: PASSWORD,
        TDKT_SKIP_WEB_BUILD: '1',
        HOST: '127.0.0.1',
        TDKT_RUN_SOURCE: fromSource ? '1' : '0',
      },
      stdio: 'ignore',
    });
    try {
      for (;;) {
        if (performance.now() - t0 > 60_000) throw new Error('server did not start in 60 s');
        try {
          const r = await fetch(`http://127.0.0.1:${port}/api/health`);
          if (r.status === 200) return performance.now() - t0;
        } catch {
          /* not up yet */
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  };
  const first = await run(); // compiles the server if stale, creates the data folder, migrates, seeds
  const times = [await run(), await run(), await run()];
  // The same restart through tsx (what `npm start` did before the server shipped compiled).
  const source = [await run(true), await run(true)];
  report(
    'start-up',
    `first start (new data folder, migrations + demo) ${first.toFixed(0)} ms; restart on existing data to /api/health 200, compiled server: median ${percentile(times, 50).toFixed(0)} ms, worst ${Math.max(...times).toFixed(0)} ms (target ≤ 3000 ms); through tsx: median ${percentile(source, 50).toFixed(0)} ms`,
  );
  rmSync(dir, { recursive: true, force: true });
}

/** 3,000 units (root → 60 departments → 49 sub-units each) and 100,000 staff. */
async function fillProvince(database: Database, rootId: string, rootPath: string): Promise<string[]> {
  const db = database.db;
  const unitIds: string[] = [];
  const unitRows: (typeof units.$inferInsert)[] = [];
  for (let d = 0; d < 60; d++) {
    const id = crypto.randomUUID();
    const path = `${rootPath}${id}/`;
    unitRows.push({ id, parentId: rootId, path, depth: 1, name: `Sở ngành số ${d + 1}`, kind: 'department' });
    unitIds.push(id);
    for (let s = 0; s < 49; s++) {
      const sid = crypto.randomUUID();
      unitRows.push({ id: sid, parentId: id, path: `${path}${sid}/`, depth: 2, name: `Đơn vị ${d + 1}.${s + 1}`, kind: 'subordinate' });
      unitIds.push(sid);
    }
  }
  for (let i = 0; i < unitRows.length; i += 1000) await db.insert(units).values(unitRows.slice(i, i + 1000));
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)]!;
  const rows: (typeof people.$inferInsert)[] = [];
  for (let i = 0; i < 100_000; i++) {
    const fullName = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
    const gender = rand() < 0.5 ? 'nam' : 'nu';
    const year = 1965 + Math.floor(rand() * 35);
    rows.push({
      unitId: unitIds[i % unitIds.length]!,
      fullName,
      sortKey: vietnameseNameSortKey(fullName),
      gender,
      birthDate: `${year}-06-15`,
      cccd: makeCccd('014', gender, year, i),
      isLeader: rand() < 0.1,
      employmentType: 'cong_chuc',
    });
  }
  for (let i = 0; i < rows.length; i += 2000) await db.insert(people).values(rows.slice(i, i + 2000));
  return unitIds;
}

async function staffListFigures(kind: 'pglite' | 'postgres'): Promise<void> {
  const opened = await openBenchDatabase(kind, 'staff list');
  if (!opened) return;
  const { database, dispose } = opened;
  try {
    const demo = await seedDemo(database.db, PASSWORD);
    const t0 = performance.now();
    const unitIds = await fillProvince(database, demo.rootUnitId, `/${demo.rootUnitId}/`);
    const fillMs = performance.now() - t0;
    // What the app does after bulk writes (PGlite has no autovacuum); the server analyses on its own.
    if (kind === 'postgres') await database.db.execute('analyze');
    else await refreshStatistics(database);
    const app = await buildApp({ database, config: { secureCookies: false, webDir: '/nonexistent' } });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: PASSWORD } });
    const cookies = { tdkt_session: login.cookies.find((c) => c.name === 'tdkt_session')!.value };
    const cases: [string, (i: number) => string][] = [
      ['first page', () => '/api/people?pageSize=50'],
      ['page 40', () => '/api/people?pageSize=50&page=40'],
      ['search "nguyen van duc"', () => '/api/people?pageSize=50&q=nguyen%20van%20duc'],
      ['search one given name "thao"', () => '/api/people?pageSize=50&q=thao'],
      ['unit subtree filter', (i) => `/api/people?pageSize=50&unitId=${unitIds[(i * 50) % unitIds.length]}`],
    ];
    const parts: string[] = [];
    let worst = 0;
    for (const [label, url] of cases) {
      for (let i = 0; i < 5; i++) await app.inject({ method: 'GET', url: url(i), cookies }); // warm-up
      const times: number[] = [];
      for (let i = 0; i < 60; i++) {
        const s = performance.now();
        const r = await app.inject({ method: 'GET', url: url(i), cookies });
        times.push(performance.now() - s);
        if (r.statusCode !== 200) throw new Error(`${label}: ${r.statusCode} ${r.body}`);
      }
      const p95 = percentile(times, 95);
      worst = Math.max(worst, p95);
      parts.push(`${label} p95 ${p95.toFixed(1)} ms`);
    }
    report(
      `staff list (${kind})`,
      `100,000 staff in ${unitIds.length + 1} units (loaded in ${(fillMs / 1000).toFixed(1)} s): ${parts.join('; ')}; worst p95 ${worst.toFixed(1)} ms (target ≤ 50 ms)`,
    );
    await app.close();
  } finally {
    await dispose();
  }
}

async function importFigure(): Promise<void> {
  const database = await openDatabase({ dataDir: 'memory://' });
  const demo = await seedDemo(database.db, PASSWORD);
  const app = await buildApp({ database, config: { secureCookies: false, webDir: '/nonexistent' } });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: PASSWORD } });
  const cookies = { tdkt_session: login.cookies.find((c) => c.name === 'tdkt_session')!.value };
  const csrf = (JSON.parse(login.body) as { csrfToken: string }).csrfToken;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cán bộ');
  ws.addRow(['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Đơn vị', 'Chức vụ', 'Lãnh đạo', 'Loại cán bộ']);
  for (let i = 0; i < 10_000; i++) {
    const gender = i % 2 ? 'nu' : 'nam';
    ws.addRow([
      `${FAMILY[i % 20]} ${MIDDLE[i % 10]} ${GIVEN[i % 30]}`,
      gender === 'nam' ? 'Nam' : 'Nữ',
      '15/06/1985',
      makeCccd('020', gender, 1985, 500000 + i),
      'Văn phòng Sở',
      'Chuyên viên',
      'Không',
      'Công chức',
    ]);
  }
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const post = async (url: string, fields: Record<string, string>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(file)]), 'can-bo.xlsx');
    const req = new Request('http://x/', { method: 'POST', body: form });
    const payload = Buffer.from(await req.arrayBuffer());
    const s = performance.now();
    const r = await app.inject({ method: 'POST', url, cookies, payload, headers: { 'x-csrf-token': csrf, 'content-type': req.headers.get('content-type')! } });
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
    return { ms: performance.now() - s, body: JSON.parse(r.body) as { valid?: number; imported?: number } };
  };
  const preview = await post('/api/people/import/preview', {});
  const commit = await post('/api/people/import/commit', { skipInvalid: 'true' });
  report(
    'import 10,000 rows',
    `preview ${preview.ms.toFixed(0)} ms (${preview.body.valid} valid); commit ${commit.ms.toFixed(0)} ms (${commit.body.imported} stored) (target ≤ 10000 ms); file ${(file.length / 1024).toFixed(0)} KB; demo root ${demo.rootUnitId.slice(0, 8)}`,
  );
  await app.close();
  await database.close();
}

export async function benchFoundation(): Promise<void> {
  if (!process.env.BENCH_SKIP_STARTUP) await startupFigure();
  await staffListFigures('pglite');
  await staffListFigures('postgres');
  await importFigure();
}

if (import.meta.url === `file://${process.argv[1]}`) await benchFoundation();
