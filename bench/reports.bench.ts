/**
 * Reports at province scale: 100,000 staff in 3,000 units (50 departments, each with sub-units of
 * skewed sizes), ten years of awards (titles for most staff most years, Giấy khen, CSTĐCS, the
 * units' collective titles, money). The data is generated with bulk SQL into a PGlite folder (or
 * the PostgreSQL of DATABASE_URL); the compiled server (dist/server/main.js) runs as a child
 * process on a loopback port and N concurrent clients measure over HTTP: the dashboard (p95 ≤
 * 300 ms), each statistical form (≤ 2 s), a unit's prefilled report (≤ 500 ms), and the Office's
 * roll-up. Beside each API figure: the time of the same repository queries run in-process on the
 * same data before the server starts (the "raw SQL" of that request).
 *
 * Scale (environment): BENCH_REPORTS_PEOPLE (100000), BENCH_REPORTS_UNITS (3000),
 * BENCH_REPORTS_CLIENTS (10), BENCH_REPORTS_REQUESTS (200 per measured request).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/server/db/client.js';
import { seedDemo } from '../src/server/demo/seed.js';
import { accounts, honorAwards, people, units } from '../src/server/db/schema/index.js';
import type { Actor } from '../src/server/auth/actor.js';
import { dashboardHonors, dashboardHonorsByUnit, dashboardMoney, dashboardPendingDossiers, dashboardYears } from '../src/server/repositories/dashboard.js';
import { unsafeReportFacts } from '../src/server/repositories/reports.js';
import { computeForm } from '../src/server/statistics/query.js';
import { STAT_FORM_CODES } from '../src/server/statistics/forms.js';
import { DOSSIER_IN_PROGRESS } from '../src/shared/dossiers.js';
import { vietnameseNameSortKey } from '../src/shared/vietnamese.js';
import { addDays, todayVn } from '../src/server/clock.js';
import { GIVEN, MIDDLE, PASSWORD, family, login, pick, rand, startServer, type Session } from './load.bench.js';
import { percentile, report } from './report.js';

const PEOPLE = Number(process.env.BENCH_REPORTS_PEOPLE ?? 100_000);
const UNITS = Number(process.env.BENCH_REPORTS_UNITS ?? 3_000);
const CLIENTS = Number(process.env.BENCH_REPORTS_CLIENTS ?? 10);
const REQUESTS = Number(process.env.BENCH_REPORTS_REQUESTS ?? 200);
const DEPARTMENTS = 50;
const YEAR = 2025;
const YEARS = [YEAR - 9, YEAR];

interface Generated {
  rootId: string;
  rootPath: string;
  /** The departments (level 1), largest first. */
  departments: { id: string; path: string; people: number }[];
}

/** Units, then people in batches, then ten years of awards in a few INSERT … SELECT statements. */
async function generate(database: Database): Promise<Generated> {
  const db = database.db;
  const demo = await seedDemo(db, PASSWORD);
  const [root] = await db.select().from(units).where(eq(units.id, demo.rootUnitId));
  const unitRows: (typeof units.$inferInsert)[] = [];
  const deps: { id: string; path: string; people: number }[] = [];
  // Sub-units per department and people per unit both skewed (Zipf-like): a few big, many small.
  const subCount = UNITS - DEPARTMENTS;
  const weights = Array.from({ length: UNITS }, (_, i) => 1 / (i + 1) ** 0.9);
  const wSum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(3, Math.round((w / wSum) * PEOPLE)));
  for (let d = 0; d < DEPARTMENTS; d++) {
    const id = crypto.randomUUID();
    const path = `${root!.path}${id}/`;
    deps.push({ id, path, people: 0 });
    unitRows.push({
      id,
      parentId: root!.id,
      path,
      depth: root!.depth + 1,
      name: `Sở ngành đo ${d + 1}`,
      code: `BR${d}`,
      kind: 'department',
      sortOrder: 100 + d,
    });
  }
  const leafOf: { id: string; dep: number }[] = deps.map((_, d) => ({ id: deps[d]!.id, dep: d }));
  for (let s = 0; s < subCount; s++) {
    // Department d gets sub-units in proportion to 1/(d+1): the first ones are large.
    const d = Math.min(DEPARTMENTS - 1, Math.floor(DEPARTMENTS * rand() ** 2));
    const id = crypto.randomUUID();
    const parent = deps[d]!;
    unitRows.push({
      id,
      parentId: parent.id,
      path: `${parent.path}${id}/`,
      depth: root!.depth + 2,
      name: `Đơn vị đo ${s + 1}`,
      code: `BRU${s}`,
      kind: 'department',
      sortOrder: s,
    });
    leafOf.push({ id, dep: d });
  }
  for (let i = 0; i < unitRows.length; i += 500) await db.insert(units).values(unitRows.slice(i, i + 500));
  let batch: (typeof people.$inferInsert)[] = [];
  const flush = async () => {
    if (batch.length) await db.insert(people).values(batch);
    batch = [];
  };
  const EMPLOYMENT = ['cong_chuc', 'vien_chuc', 'vien_chuc', 'nguoi_lao_dong', 'nguoi_lao_dong'];
  let made = 0;
  for (const [u, size] of sizes.entries()) {
    const unit = leafOf[u % leafOf.length]!;
    for (let k = 0; k < size && made < PEOPLE; k++, made++) {
      const gender = rand() < 0.5 ? 'nam' : 'nu';
      const fullName = `${family()} ${gender === 'nu' && rand() < 0.6 ? 'Thị' : pick(MIDDLE)} ${pick(GIVEN)}`;
      batch.push({
        unitId: unit.id,
        fullName,
        sortKey: vietnameseNameSortKey(fullName),
        gender,
        birthDate: `${1965 + Math.floor(rand() * 35)}-0${1 + Math.floor(rand() * 9)}-15`,
        employmentType: pick(EMPLOYMENT),
        isLeader: rand() < 0.08,
      });
      deps[unit.dep]!.people++;
      if (batch.length === 5_000) await flush();
    }
  }
  await flush();
  const ours = sql.raw(`(select id from units where path like '${root!.path}%' and code like 'BR%')`);
  // Individuals: each year one title for most (LĐTT), CSTĐCS for some, a Giấy khen with money now and then.
  // The lateral draw names the person and the year, so that it is drawn for each of them (an
  // uncorrelated sub-select is evaluated once: every person then got the same honor, or none).
  await db.execute(sql`
    insert into honor_awards (person_id, honor, year, type, decision_number, decision_date, issuer, amount, source)
    select p.id, h.honor, y, 'cong_trang', y || '/QĐ-BENCH', make_date(y, 1 + (abs(hashtext(p.id::text || y)) % 12), 1 + (abs(hashtext(y || p.id::text)) % 28)),
           'Chủ tịch UBND tỉnh', h.amount, 'import'
    from people p cross join generate_series(${YEARS[0]}::int, ${YEARS[1]}::int) y
    cross join lateral (select case when r < 0.08 then 'CSTDCS' when r < 0.65 then 'LDTT' when r < 0.75 then 'GK' end as honor,
                               case when r < 0.08 then 2340000 when r >= 0.65 and r < 0.75 then 702000 end::bigint as amount
                        from (select random() as r, p.id as person, y as year) x) h
    where p.unit_id in ${ours} and h.honor is not null`);
  // Collectives: most units a TTLĐTT each year, some a TTLĐXS with money.
  await db.execute(sql`
    insert into honor_awards (unit_id, honor, year, type, decision_number, decision_date, issuer, amount, source)
    select u.id, case when random() < 0.15 then 'TTLDXS' else 'TTLDTT' end, y, 'cong_trang', y || '/QĐ-BENCH-TT', make_date(y, 12, 20),
           'Chủ tịch UBND tỉnh', 3510000, 'import'
    from units u cross join generate_series(${YEARS[0]}::int, ${YEARS[1]}::int) y
    where u.id in ${ours} and random() < 0.7`);
  await db.execute(sql`analyze`);
  deps.sort((a, b) => b.people - a.people);
  return { rootId: root!.id, rootPath: root!.path, departments: deps };
}

const ms = (t0: number) => performance.now() - t0;
async function timeIt(n: number, run: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run();
    out.push(ms(t0));
  }
  return out;
}
const p50 = (t: number[]) => percentile(t.length > 2 ? t.slice(1) : t, 50);

/** The repository queries behind each measured request, in-process on the same data (median of a few runs). */
async function rawTimes(database: Database, g: Generated): Promise<Map<string, number>> {
  const db = database.db;
  const [acc] = await db.select().from(accounts).where(eq(accounts.username, 'vanphong'));
  const [unit] = await db.select().from(units).where(eq(units.id, acc!.unitId));
  const actor: Actor = {
    accountId: acc!.id,
    username: acc!.username,
    displayName: acc!.displayName,
    role: acc!.role as Actor['role'],
    unitId: unit!.id,
    unitPath: unit!.path,
    personId: null,
    ip: '127.0.0.1',
  };
  const out = new Map<string, number>();
  out.set(
    'dashboard',
    p50(
      await timeIt(5, async () => {
        await dashboardHonors(db, actor, YEAR);
        await dashboardHonorsByUnit(db, actor, YEAR);
        await dashboardPendingDossiers(db, actor, YEAR, [...DOSSIER_IN_PROGRESS]);
        await dashboardYears(db, actor, [YEAR - 4, YEAR - 3, YEAR - 2, YEAR - 1, YEAR]);
        await dashboardMoney(db, actor, YEAR);
      }),
    ),
  );
  for (const code of STAT_FORM_CODES) out.set(`form ${code}`, p50(await timeIt(3, () => computeForm(db, g.rootPath, code, YEAR))));
  out.set('unit report', p50(await timeIt(5, () => unsafeReportFacts(db, g.departments[0]!.path, `${YEAR}-01-01`, `${YEAR}-12-31`))));
  return out;
}

/** `REQUESTS` GETs of `path` by `CLIENTS` concurrent clients; times of each. */
async function concurrent(base: string, s: Session, path: string, requests = REQUESTS, clients = CLIENTS) {
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next++ < requests) {
        const t0 = performance.now();
        try {
          const r = await fetch(`${base}${path}`, { headers: { cookie: s.cookie } });
          await r.arrayBuffer();
          if (r.status >= 400) errors++;
        } catch {
          // A request over the client's 300-s header timeout counts as an error (and its time as measured).
          errors++;
        }
        times.push(ms(t0));
      }
    }),
  );
  return { times, errors };
}

const line = (label: string, r: { times: number[]; errors: number }, target: number, raw: number | undefined, clients = CLIENTS) => {
  const p95 = percentile(r.times, 95);
  report(
    `  ${label}`,
    `${r.times.length} requests, ${clients} clients: p50 ${percentile(r.times, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${Math.max(...r.times).toFixed(0)} ms, errors ${r.errors} — raw SQL ${raw?.toFixed(0) ?? '?'} ms (target p95 ≤ ${target} ms: ${p95 <= target ? 'met' : 'MISSED'})`,
  );
};

export async function benchReports(): Promise<void> {
  const label = `reports (${process.env.DATABASE_URL ? 'postgres' : 'pglite'}, ${PEOPLE.toLocaleString('en')} staff, ${UNITS.toLocaleString('en')} units, 10 years)`;
  const dir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'tdkt-bench-reports-'));
  const env: Record<string, string> = { TDKT_DEMO_PASSWORD: PASSWORD, TDKT_SECRET_KEY: 'bench-reports-secret-key-0123456789abcdef' };
  if (dir) env.DATA_DIR = dir;
  else env.DATABASE_URL = process.env.DATABASE_URL!;
  const tGen = performance.now();
  const database = await openDatabase(dir ? { dataDir: dir } : { databaseUrl: process.env.DATABASE_URL!, dataDir: '' });
  const [{ n: already } = { n: 0 }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(people);
  if (!dir && already > 0) throw new Error('DATABASE_URL must point to an empty database (the bench generates its own data).');
  const g = await generate(database);
  if (dir) await database.db.execute(sql`vacuum analyze`);
  const [{ n: awards } = { n: 0 }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(honorAwards);
  report(
    label,
    `data generated in ${(ms(tGen) / 1000).toFixed(0)} s: ${awards.toLocaleString('en')} awards; largest department ${g.departments[0]!.people.toLocaleString('en')} staff`,
  );
  const raw = await rawTimes(database, g);
  await database.close();
  const { child, base } = await startServer(env);
  try {
    const office = await login(base, 'vanphong');
    // Warm-up (first queries plan and cache).
    await concurrent(base, office, `/api/dashboard?year=${YEAR}`, 4, 1);
    line('dashboard', await concurrent(base, office, `/api/dashboard?year=${YEAR}`), 300, raw.get('dashboard'));
    for (const code of STAT_FORM_CODES) {
      const path = `/api/statistics/forms/${encodeURIComponent(code)}?year=${YEAR}`;
      await concurrent(base, office, path, 1, 1);
      line(`form ${code} (JSON)`, await concurrent(base, office, path, 20, 2), 2000, raw.get(`form ${code}`), 2);
      const x = `/api/statistics/forms/${encodeURIComponent(code)}/export.xlsx?year=${YEAR}`;
      line(`form ${code} (XLSX)`, await concurrent(base, office, x, 6, 2), 2000, raw.get(`form ${code}`), 2);
    }
    // A report request to the 50 departments: the largest one's prefilled report (a draft: computed live).
    const req = await fetch(`${base}/api/report-requests`, {
      method: 'POST',
      headers: { cookie: office.cookie, 'x-csrf-token': office.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({
        unitId: g.rootId,
        kind: 'annual',
        title: `Báo cáo tổng kết năm ${YEAR} (đo tốc độ)`,
        year: YEAR,
        periodFrom: `${YEAR}-01-01`,
        periodTo: `${YEAR}-12-31`,
        dueDate: addDays(todayVn(), 20),
        unitIds: g.departments.map((d) => d.id),
      }),
    });
    const request = (await req.json()) as { id?: string; message?: string };
    if (!request.id) throw new Error(`report request: ${req.status} ${request.message ?? ''}`);
    const list = (await (await fetch(`${base}/api/reports?requestId=${request.id}&pageSize=100`, { headers: { cookie: office.cookie } })).json()) as {
      items: { id: string; unitId: string }[];
    };
    const biggest = list.items.find((r) => r.unitId === g.departments[0]!.id)!;
    line(
      `unit report (largest department, ${g.departments[0]!.people.toLocaleString('en')} staff)`,
      await concurrent(base, office, `/api/reports/${biggest.id}`, Math.min(REQUESTS, 100)),
      500,
      raw.get('unit report'),
    );
    const rollup = await concurrent(base, office, `/api/report-requests/${request.id}`, 10, 2);
    report(
      '  roll-up (50 departments, drafts computed live)',
      `p50 ${percentile(rollup.times, 50).toFixed(0)} ms, p95 ${percentile(rollup.times, 95).toFixed(0)} ms (no target)`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((res) => child.once('exit', res));
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
