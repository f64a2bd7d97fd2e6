/**
 * Load figures: what users meet at year-end. Realistic data (about 38% Nguyễn, skewed unit sizes
 * with one unit of 25,000 people, ten years of ratings and honors) is generated once into a
 * PostgreSQL database of its own (`tdkt_bench_load` on 127.0.0.1:5432, dropped and created) and
 * into a PGlite folder; the compiled server (dist/server/main.js) runs as a child process on a
 * loopback port; N concurrent clients over TCP run a mix of lists, searches, person and dossier
 * pages, candidates pages and staff submissions for a fixed duration. Prints throughput,
 * p50/p95/p99, errors, and the raw SQL time of the same list queries beside their API time.
 *
 * Scale (environment): BENCH_LOAD_PEOPLE (default 60000, of which 25,000 in one unit),
 * BENCH_LOAD_SECONDS (default 300), BENCH_LOAD_PG_CLIENTS (200), BENCH_LOAD_PGLITE_CLIENTS (20),
 * BENCH_LOAD_ENGINES (pglite,postgres).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/server/db/client.js';
import { seedDemo } from '../src/server/demo/seed.js';
import { honorAwards, people, qualityRatings, units } from '../src/server/db/schema/index.js';
import { vietnameseNameSortKey } from '../src/shared/vietnamese.js';
import { percentile, report } from './report.js';

export const PASSWORD = 'Bench-load-2024!';
const TOTAL_PEOPLE = Number(process.env.BENCH_LOAD_PEOPLE ?? 60_000);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 300);
const BIG_UNIT = Math.min(25_000, TOTAL_PEOPLE);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PG_DB = 'tdkt_bench_load';

// Family names by share of the population (Nguyễn about 38%), then middle and given names.
export const FAMILY: [string, number][] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Phan', 4.5],
  ['Vũ', 3.9],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Nông', 2],
  ['Hà', 2],
  ['Lục', 1],
  ['Đàm', 1],
  ['Triệu', 1],
  ['Ma', 1],
];
export const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Hữu', 'Quang', 'Xuân', 'Thu', 'Hồng', 'Anh'];
export const GIVEN = [
  'An',
  'Anh',
  'Bình',
  'Chi',
  'Cường',
  'Dũng',
  'Duy',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hằng',
  'Hiếu',
  'Hoa',
  'Hùng',
  'Hương',
  'Huy',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Minh',
  'Nam',
  'Nga',
  'Ngọc',
  'Phong',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thắng',
  'Trang',
  'Trung',
  'Tuấn',
  'Tú',
  'Vân',
  'Việt',
  'Yến',
];

let seed = 2026;
export const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
export const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
const familyTotal = FAMILY.reduce((s, [, w]) => s + w, 0);
export function family(): string {
  let r = rand() * familyTotal;
  for (const [name, w] of FAMILY) if ((r -= w) < 0) return name;
  return 'Nguyễn';
}

interface Generated {
  bigUnitId: string;
  smallUnitIds: string[];
  personIds: string[];
}

/** Units with skewed sizes (one of 25,000, a few of thousands, many of tens) and people with ten years of records. */
async function generate(database: Database): Promise<Generated> {
  const db = database.db;
  const demo = await seedDemo(db, PASSWORD);
  const [root] = await db
    .select()
    .from(units)
    .where(sql`${units.id} = ${demo.rootUnitId}`);
  const unitRows: (typeof units.$inferInsert)[] = [];
  const sizes: number[] = [BIG_UNIT];
  let left = TOTAL_PEOPLE - BIG_UNIT;
  const rest = left;
  for (let i = 0; left > 0; i++) {
    // Skewed: a quarter of the rest in the largest, then ever smaller units down to 8 people.
    const size = Math.min(left, Math.max(8, Math.round((rest * 0.25) / (i + 1) ** 1.3)));
    sizes.push(size);
    left -= size;
  }
  const ids = sizes.map(() => crypto.randomUUID());
  sizes.forEach((_, i) =>
    unitRows.push({
      id: ids[i]!,
      parentId: root!.id,
      path: `${root!.path}${ids[i]}/`,
      depth: root!.depth + 1,
      name: i === 0 ? 'Bệnh viện Đa khoa tỉnh (đo tải)' : `Đơn vị đo tải ${i}`,
      code: `LOAD${i}`,
      kind: 'department',
      sortOrder: 100 + i,
    }),
  );
  for (let i = 0; i < unitRows.length; i += 500) await db.insert(units).values(unitRows.slice(i, i + 500));
  const personIds: string[] = [];
  let batch: (typeof people.$inferInsert)[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const got = await db.insert(people).values(batch).returning({ id: people.id });
    personIds.push(...got.map((g) => g.id));
    batch = [];
  };
  for (const [u, size] of sizes.entries()) {
    for (let k = 0; k < size; k++) {
      const gender = rand() < 0.5 ? 'nam' : 'nu';
      const fullName = `${family()} ${gender === 'nu' && rand() < 0.6 ? 'Thị' : pick(MIDDLE)} ${pick(GIVEN)}`;
      const by = 1965 + Math.floor(rand() * 35);
      batch.push({
        unitId: ids[u]!,
        fullName,
        sortKey: vietnameseNameSortKey(fullName),
        gender,
        birthDate: `${by}-0${1 + Math.floor(rand() * 9)}-15`,
        employmentType: 'vien_chuc',
        isLeader: rand() < 0.05,
      });
      if (batch.length === 2_000) await flush();
    }
  }
  await flush();
  // Ten years of ratings for everyone, a Lao động tiên tiến most good years, a Giấy khen now and then.
  const RATINGS = ['HTXSNV', 'HTTNV', 'HTTNV', 'HTTNV', 'HTNV'];
  let rBatch: (typeof qualityRatings.$inferInsert)[] = [];
  let hBatch: (typeof honorAwards.$inferInsert)[] = [];
  for (const pid of personIds) {
    for (let year = 2015; year <= 2024; year++) {
      const rating = pick(RATINGS);
      rBatch.push({ personId: pid, year, rating, source: 'import' });
      if (rating !== 'HTNV' && rand() < 0.7)
        hBatch.push({
          personId: pid,
          honor: 'LDTT',
          year,
          decisionNumber: `${year}/QĐ-LOAD`,
          decisionDate: `${year}-12-20`,
          issuer: 'Giám đốc Sở',
          source: 'import',
        });
      else if (rating === 'HTXSNV' && rand() < 0.3)
        hBatch.push({
          personId: pid,
          honor: 'GK',
          year,
          decisionNumber: `${year}/QĐ-GK`,
          decisionDate: `${year}-12-25`,
          issuer: 'Giám đốc Sở',
          amount: 702_000,
          source: 'import',
        });
    }
    if (rBatch.length >= 5_000) {
      await db.insert(qualityRatings).values(rBatch);
      rBatch = [];
    }
    if (hBatch.length >= 5_000) {
      await db.insert(honorAwards).values(hBatch);
      hBatch = [];
    }
  }
  if (rBatch.length) await db.insert(qualityRatings).values(rBatch);
  if (hBatch.length) await db.insert(honorAwards).values(hBatch);
  await db.execute(sql`analyze`);
  // Candidates pages and submissions go to the units after the big one (at a reduced scale there
  // may be only a few: the first 20 of them).
  return { bigUnitId: ids[0]!, smallUnitIds: ids.slice(1, 21), personIds };
}

/** Raw SQL of the list requests (the page and its count), timed in the bench process. */
async function rawSql(run: (q: string) => Promise<unknown>, bigUnitId: string): Promise<Map<string, number>> {
  const page = (where: string, order = 'p.sort_key') =>
    `select p.*, u.name from people p join units u on u.id = p.unit_id where ${where} order by ${order}, p.id limit 50`;
  const queries: Record<string, string[]> = {
    'staff list page 1': [page('true'), 'select count(*) from people'],
    'search "nguyen"': [page(`p.search_key like '%nguyen%'`), `select count(*) from people p where p.search_key like '%nguyen%'`],
    'unit of 25,000': [page(`p.unit_id = '${bigUnitId}'`), `select count(*) from people p where p.unit_id = '${bigUnitId}'`],
  };
  const out = new Map<string, number>();
  for (const [name, qs] of Object.entries(queries)) {
    const times: number[] = [];
    for (let i = 0; i < 12; i++) {
      const t0 = performance.now();
      for (const q of qs) await run(q);
      times.push(performance.now() - t0);
    }
    out.set(name, percentile(times.slice(2), 50));
  }
  return out;
}

export async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  if (!existsSync('dist/server/main.js')) {
    const r = spawnSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('server build failed');
  }
  const port = 4100 + Math.floor(Math.random() * 800);
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', TDKT_WEB_DIR: '/nonexistent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  for (;;) {
    if (performance.now() - t0 > 120_000) throw new Error('server did not start in 120 s');
    try {
      if ((await fetch(`${base}/api/health`)).status === 200) return { child, base };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(base: string, username: string): Promise<Session> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status}`);
  const body = (await r.json()) as { csrfToken: string };
  return { cookie: (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: body.csrfToken };
}

type Op = { name: string; weight: number; run: (s: Session, i: number) => Promise<Response> };

function mix(base: string, g: Generated): Op[] {
  const get = (s: Session, path: string) => fetch(`${base}${path}`, { headers: { cookie: s.cookie } });
  let n = 0;
  return [
    { name: 'staff list', weight: 20, run: (s) => get(s, `/api/people?pageSize=50&page=${1 + Math.floor(rand() * 5)}`) },
    { name: 'search "nguyen"', weight: 10, run: (s) => get(s, '/api/people?pageSize=50&q=nguyen') },
    { name: 'search full name', weight: 10, run: (s) => get(s, `/api/people?pageSize=50&q=${encodeURIComponent(`nguyen van ${pick(GIVEN)}`)}`) },
    { name: 'deep page', weight: 5, run: (s) => get(s, `/api/people?pageSize=50&page=${100 + Math.floor(rand() * 300)}`) },
    { name: 'unit of 25,000', weight: 10, run: (s) => get(s, `/api/people?pageSize=50&unitId=${g.bigUnitId}&page=${1 + Math.floor(rand() * 20)}`) },
    { name: 'person page', weight: 10, run: (s) => get(s, `/api/people/${pick(g.personIds)}`) },
    { name: 'person records', weight: 10, run: (s) => get(s, `/api/people/${pick(g.personIds)}/records`) },
    { name: 'dossier list', weight: 8, run: (s) => get(s, '/api/dossiers?pageSize=20') },
    {
      name: 'candidates page',
      weight: 5,
      run: (s) => get(s, `/api/candidates?unitId=${pick(g.smallUnitIds)}&year=2024&decisionDate=2025-01-15&honor=LDTT&pageSize=20`),
    },
    { name: 'units', weight: 7, run: (s) => get(s, '/api/units') },
    {
      name: 'submit staff',
      weight: 5,
      run: (s) =>
        fetch(`${base}/api/people`, {
          method: 'POST',
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
          body: JSON.stringify({
            unitId: g.smallUnitIds[n++ % g.smallUnitIds.length],
            fullName: `Nguyễn Văn Tải ${n}`,
            gender: 'nam',
            birthDate: '1990-01-01',
          }),
        }),
    },
  ];
}

async function drive(base: string, g: Generated, clients: number, seconds: number) {
  const sessions = [await login(base, 'vanphong'), await login(base, 'admin')];
  const ops = mix(base, g);
  const total = ops.reduce((s, o) => s + o.weight, 0);
  const choose = () => {
    let r = rand() * total;
    for (const o of ops) if ((r -= o.weight) < 0) return o;
    return ops[0]!;
  };
  const times: number[] = [];
  const byOp = new Map<string, number[]>();
  let errors = 0;
  const firstErrors: string[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const s = sessions[c % sessions.length]!;
      while (performance.now() < end) {
        const op = choose();
        const t0 = performance.now();
        try {
          const r = await op.run(s, c);
          await r.arrayBuffer();
          if (r.status >= 400) {
            errors++;
            if (firstErrors.length < 3) firstErrors.push(`${op.name} ${r.status}`);
          }
        } catch (e) {
          errors++;
          if (firstErrors.length < 3) firstErrors.push(`${op.name} ${e instanceof Error ? e.message : String(e)}`);
        }
        const ms = performance.now() - t0;
        times.push(ms);
        byOp.set(op.name, [...(byOp.get(op.name) ?? []), ms]);
      }
    }),
  );
  return { times, byOp, errors, firstErrors };
}

/** The list requests one at a time over TCP (API time to set beside the raw SQL). */
async function apiSingle(base: string, bigUnitId: string): Promise<Map<string, number>> {
  const s = await login(base, 'vanphong');
  const urls: Record<string, string> = {
    'staff list page 1': '/api/people?pageSize=50',
    'search "nguyen"': '/api/people?pageSize=50&q=nguyen',
    'unit of 25,000': `/api/people?pageSize=50&unitId=${bigUnitId}`,
  };
  const out = new Map<string, number>();
  for (const [name, url] of Object.entries(urls)) {
    const times: number[] = [];
    for (let i = 0; i < 12; i++) {
      const t0 = performance.now();
      await (await fetch(`${base}${url}`, { headers: { cookie: s.cookie } })).arrayBuffer();
      times.push(performance.now() - t0);
    }
    out.set(name, percentile(times.slice(2), 50));
  }
  return out;
}

async function engine(kind: 'pglite' | 'postgres', clients: number, target: number): Promise<void> {
  const label = `load (${kind}, ${TOTAL_PEOPLE.toLocaleString('en')} people, ${clients} clients, ${SECONDS} s)`;
  let env: Record<string, string>;
  let dir: string | undefined;
  let database: Database;
  const tGen = performance.now();
  if (kind === 'postgres') {
    const admin = new pg.Client({ connectionString: PG_URL });
    try {
      await admin.connect();
    } catch {
      report(label, `skipped: no PostgreSQL server at ${PG_URL}`);
      return;
    }
    await admin.query(`drop database if exists ${PG_DB} with (force)`);
    await admin.query(`create database ${PG_DB}`);
    await admin.end();
    const url = new URL(PG_URL);
    url.pathname = `/${PG_DB}`;
    env = { DATABASE_URL: url.toString(), TDKT_DEMO_PASSWORD: PASSWORD, TDKT_SECRET_KEY: 'bench-load-secret-key-0123456789abcdef' };
    database = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  } else {
    dir = mkdtempSync(join(tmpdir(), 'tdkt-bench-load-'));
    env = { DATA_DIR: dir, TDKT_DEMO_PASSWORD: PASSWORD, TDKT_SECRET_KEY: 'bench-load-secret-key-0123456789abcdef' };
    database = await openDatabase({ dataDir: dir });
  }
  const g = await generate(database);
  if (kind === 'pglite') await database.db.execute(sql`vacuum analyze`);
  const raw = await rawSql((q) => database.db.execute(sql.raw(q)), g.bigUnitId);
  await database.close();
  report(label, `data generated in ${((performance.now() - tGen) / 1000).toFixed(0)} s (people, ten years of ratings and honors)`);
  const { child, base } = await startServer(env);
  try {
    const single = await apiSingle(base, g.bigUnitId);
    for (const [name, ms] of raw)
      report(
        `  ${name} (${kind})`,
        `API ${single.get(name)?.toFixed(1)} ms (one client, TCP) beside raw SQL ${ms.toFixed(1)} ms (page + count) — ratio ${((single.get(name) ?? NaN) / ms).toFixed(1)}× (target ≤ 2×)`,
      );
    const r = await drive(base, g, clients, SECONDS);
    const p = (q: number) => percentile(r.times, q).toFixed(0);
    report(
      label,
      `${(r.times.length / SECONDS).toFixed(1)} req/s, p50 ${p(50)} ms, p95 ${p(95)} ms, p99 ${p(99)} ms, errors ${r.errors}${r.firstErrors.length ? ` (${r.firstErrors.join('; ')})` : ''} (target: 0 errors, p95 ≤ ${target} ms)`,
    );
    for (const [name, ts] of [...r.byOp].sort((a, b) => percentile(b[1], 95) - percentile(a[1], 95)))
      report(`  ${name}`, `${ts.length} requests, p50 ${percentile(ts, 50).toFixed(0)} ms, p95 ${percentile(ts, 95).toFixed(0)} ms`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((res) => child.once('exit', res));
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchLoad(): Promise<void> {
  const engines = (process.env.BENCH_LOAD_ENGINES ?? 'pglite,postgres').split(',');
  if (engines.includes('postgres')) await engine('postgres', Number(process.env.BENCH_LOAD_PG_CLIENTS ?? 200), 300);
  if (engines.includes('pglite')) await engine('pglite', Number(process.env.BENCH_LOAD_PGLITE_CLIENTS ?? 20), 500);
}
