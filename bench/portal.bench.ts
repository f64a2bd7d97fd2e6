/**
 * Portal figures: the public home (its three lists) and the exemplar, story and decision lists, a search and
 * an item page, with 10,000 published stories and 50,000 issued decisions (3 awardees each), over HTTP with
 * concurrent anonymous clients; beside each, the time of the same repository read without HTTP (the SQL).
 * Target: p95 ≤ 50 ms. Two runs on the same data: the origin with its micro-cache of public answers
 * (`http/public-cache.ts`, as `npm start` runs it: a crowd on the same pages costs one read per page and
 * 10 s) and the origin without it (every request reaching the database), so both figures are in sight.
 * The machine's load average is printed beside them (other work on a 2-core machine moves every figure).
 * `BENCH_PORTAL_SCALE=0.2 npm run bench -- portal` runs at a fifth of the data on a loaded machine; `BENCH_PORTAL_ONLY=postgres` one engine.
 */
import { loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/server/app.js';
import { PublicAnswerCache } from '../src/server/http/public-cache.js';
import { seedDemo } from '../src/server/demo/seed.js';
import { awardDecisions, decisionAwardees, stories, units } from '../src/server/db/schema/index.js';
import { refreshStatistics } from '../src/server/db/maintenance.js';
import { listPublicDecisions, listPublicExemplars, listPublicStories } from '../src/server/repositories/public.js';
import { percentile, report } from './report.js';
import { openBenchDatabase, type BenchEngine } from './db.js';
import type { ScratchDatabase } from '../test/helpers/scratch-db.js';

const CLIENTS = 8;
const PER_CLIENT = 40;

async function portalFigures(kind: BenchEngine): Promise<void> {
  const scale = Number(process.env.BENCH_PORTAL_SCALE ?? '1') || 1;
  const nStories = Math.round(10_000 * scale);
  const nDecisions = Math.round(50_000 * scale);
  const opened = await openBenchDatabase(kind, 'portal');
  if (!opened) return;
  const { database, dispose } = opened;
  try {
    const db = database.db;
    const demo = await seedDemo(db, 'Bench-12345');
    const subs = (await db.select({ id: units.id }).from(units)).map((u) => u.id);
    const t0 = performance.now();
    const words = ['sáng tạo', 'vùng cao', 'chuyển đổi số', 'nông nghiệp sạch', 'tiết kiệm', 'cải cách hành chính', 'thư viện', 'giống lúa'];
    const storyRows: (typeof stories.$inferInsert)[] = [];
    for (let i = 0; i < nStories; i++) {
      const at = new Date(Date.UTC(2024, 0, 1) + i * 3_600_000);
      storyRows.push({
        unitId: subs[i % subs.length]!,
        title: `Bài viết số ${i + 1}: ${words[i % words.length]}`,
        summary: `Tóm tắt câu chuyện ${words[(i * 3) % words.length]} của đơn vị.`,
        bodyHtml: `<p>Nội dung bài viết số ${i + 1}.</p>`,
        authorName: 'Phóng viên',
        status: 'published',
        approvedAt: at,
        publishedAt: at,
      });
    }
    for (let i = 0; i < storyRows.length; i += 2000) await db.insert(stories).values(storyRows.slice(i, i + 2000));
    const decisionIds: string[] = [];
    for (let i = 0; i < nDecisions; i += 1000) {
      const batch: (typeof awardDecisions.$inferInsert)[] = [];
      for (let j = i; j < Math.min(nDecisions, i + 1000); j++) {
        const year = 2015 + (j % 11);
        const day = String(1 + (j % 28)).padStart(2, '0');
        const month = String(1 + (j % 12)).padStart(2, '0');
        const number = 1000 + Math.floor(j / 11);
        batch.push({
          kind: 'internal',
          unitId: subs[j % subs.length]!,
          issuerName: 'Sở Khoa học và Công nghệ tỉnh Cao Bằng',
          number,
          year,
          numberText: `${number}/QĐ-SKHCN`,
          decisionDate: `${year}-${month}-${day}`,
          title: `Về việc tặng Giấy khen ${words[j % words.length]}`,
          signerName: 'Hoàng Văn Thạch',
          signerTitle: 'GIÁM ĐỐC',
          regime: 'ND98_2023',
        });
      }
      const rows = await db.insert(awardDecisions).values(batch).returning({ id: awardDecisions.id });
      decisionIds.push(...rows.map((r) => r.id));
      const awardees: (typeof decisionAwardees.$inferInsert)[] = rows.flatMap((r, k) =>
        [0, 1, 2].map((s) => ({
          decisionId: r.id,
          subjectKind: 'individual',
          displayName: `Cán bộ ${i + k}.${s}`,
          positionText: 'Chuyên viên',
          honor: 'GK',
          type: 'cong_trang',
          sortOrder: s,
        })),
      );
      await db.insert(decisionAwardees).values(awardees);
    }
    const fillMs = performance.now() - t0;
    // The steady state of a running portal: statistics fresh and the visibility map set (autovacuum's work on a
    // server, `refreshStatistics` hourly on PGlite), so that counting 50,000 decisions reads the index alone.
    if (kind === 'postgres') await db.execute('vacuum analyze');
    else await refreshStatistics(database);
    for (const cacheMs of [10_000, 0])
      await measure(
        kind,
        database,
        cacheMs,
        decisionIds,
        `${nStories} published stories, ${nDecisions} issued decisions × 3 awardees (scale ${scale}, loaded in ${(fillMs / 1000).toFixed(1)} s)`,
      );
    void demo;
  } finally {
    await dispose();
  }
}

async function measure(kind: BenchEngine, database: ScratchDatabase['database'], cacheMs: number, decisionIds: string[], what: string): Promise<void> {
  const db = database.db;
  {
    const publicCache = new PublicAnswerCache(cacheMs);
    const app = await buildApp({ database, config: { secureCookies: false, webDir: '/nonexistent' }, publicCache });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const load0 = loadavg();
    const pageOf = (i: number) => 1 + (i % 20);
    const cases: { label: string; url: (i: number) => string; sql: (i: number) => Promise<unknown> }[] = [
      {
        label: 'home: latest stories (6)',
        url: () => '/api/public/stories?pageSize=6',
        sql: () => listPublicStories(db, { page: 1, pageSize: 6 }),
      },
      {
        label: 'home: latest exemplars (6)',
        url: () => '/api/public/exemplars?pageSize=6',
        sql: () => listPublicExemplars(db, { page: 1, pageSize: 6 }),
      },
      {
        label: 'home: latest decisions (6)',
        url: () => '/api/public/decisions?pageSize=6',
        sql: () => listPublicDecisions(db, { page: 1, pageSize: 6 }),
      },
      {
        label: 'stories list, pages 1–20 (12)',
        url: (i) => `/api/public/stories?page=${pageOf(i)}&pageSize=12`,
        sql: (i) => listPublicStories(db, { page: pageOf(i), pageSize: 12 }),
      },
      {
        label: 'decisions list, pages 1–20 (12)',
        url: (i) => `/api/public/decisions?page=${pageOf(i)}&pageSize=12`,
        sql: (i) => listPublicDecisions(db, { page: pageOf(i), pageSize: 12 }),
      },
      {
        label: 'decisions of one year (12)',
        url: (i) => `/api/public/decisions?year=${2015 + (i % 11)}&pageSize=12`,
        sql: (i) => listPublicDecisions(db, { year: 2015 + (i % 11), page: 1, pageSize: 12 }),
      },
      {
        label: 'search stories "vung cao" (12)',
        url: () => '/api/public/stories?q=vung%20cao&pageSize=12',
        sql: () => listPublicStories(db, { q: 'vung cao', page: 1, pageSize: 12 }),
      },
      {
        label: 'search decisions "giong lua" (12)',
        url: () => '/api/public/decisions?q=giong%20lua&pageSize=12',
        sql: () => listPublicDecisions(db, { q: 'giong lua', page: 1, pageSize: 12 }),
      },
      {
        label: 'one decision with its awardees',
        url: (i) => `/api/public/decisions/${decisionIds[(i * 7919) % decisionIds.length]}`,
        sql: async () => undefined,
      },
    ];
    const lines: string[] = [];
    const failures: string[] = [];
    let worst = 0;
    for (const c of cases) {
      for (let i = 0; i < 3; i++) {
        const r = await fetch(base + c.url(i));
        if (r.status !== 200) throw new Error(`${c.label}: ${r.status} ${(await r.text()).slice(0, 200)}`);
        if (!String(r.headers.get('cache-control')).includes('public')) throw new Error(`${c.label}: no public cache header`);
      }
      const times: number[] = [];
      let bytes = 0;
      const cpu0 = process.cpuUsage();
      await Promise.all(
        Array.from({ length: CLIENTS }, async (_, k) => {
          for (let j = 0; j < PER_CLIENT; j++) {
            const s = performance.now();
            try {
              const r = await fetch(base + c.url(k * PER_CLIENT + j));
              bytes += (await r.arrayBuffer()).byteLength;
              if (r.status !== 200) throw new Error(`HTTP ${r.status}`);
            } catch (err) {
              // A failed request is counted and named (which case, after how long, the socket error), not a crash of the whole bench.
              const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
              failures.push(`${c.label}: ${cause} after ${(performance.now() - s).toFixed(0)} ms`);
              continue;
            }
            times.push(performance.now() - s);
          }
        }),
      );
      // CPU of this process per request (server, client and, on PGlite, the database): a figure the load of other work moves far less than the wall time.
      const cpu = process.cpuUsage(cpu0);
      const cpuPerRequest = (cpu.user + cpu.system) / 1000 / Math.max(1, times.length);
      const sqlTimes: number[] = [];
      for (let i = 0; i < 40; i++) {
        const s = performance.now();
        await c.sql(i);
        sqlTimes.push(performance.now() - s);
      }
      const p95 = percentile(times, 95);
      worst = Math.max(worst, p95);
      const sqlP95 = percentile(sqlTimes, 95);
      lines.push(
        `${c.label}: HTTP p95 ${p95.toFixed(1)} ms (p50 ${percentile(times, 50).toFixed(1)}, ${(bytes / Math.max(1, times.length) / 1024).toFixed(1)} KB, CPU ${cpuPerRequest.toFixed(1)} ms/request)` +
          (sqlP95 > 0.05 ? `, SQL alone p95 ${sqlP95.toFixed(1)} ms` : ''),
      );
    }
    const load1 = loadavg();
    const cache = cacheMs
      ? `with the origin's micro-cache (${cacheMs / 1000} s; ${publicCache.hits} answers from the cache, ${publicCache.misses} from the database)`
      : 'without the micro-cache (every request reads the database)';
    report(
      `portal (${kind}, ${cacheMs ? 'cached' : 'uncached'})`,
      `${what}, ${CLIENTS} concurrent clients × ${PER_CLIENT} requests per case, ${cache}\n  ${lines.join('\n  ')}\n  worst HTTP p95 ${worst.toFixed(1)} ms (target ≤ 50 ms); load average ${load0.map((x) => x.toFixed(2)).join(' ')} → ${load1.map((x) => x.toFixed(2)).join(' ')}` +
        (failures.length ? `\n  ${failures.length} failed requests: ${[...new Set(failures)].slice(0, 5).join('; ')}` : ''),
    );
    await app.close();
  }
}

/** `BENCH_PORTAL_ONLY=postgres` (or `pglite`) runs one engine. */
export async function benchPortal(): Promise<void> {
  const only = process.env.BENCH_PORTAL_ONLY;
  if (only !== 'postgres') await portalFigures('pglite');
  if (only !== 'pglite') await portalFigures('postgres');
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPortal();
