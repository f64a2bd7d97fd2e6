/**
 * Import bombs over HTTP (issue 20): the five hostile spreadsheets of test/helpers/zip-bombs.ts —
 * a 300 MB zip bomb, a directory that lies, a 1000:1 ratio, a million rows, a far row number —
 * posted by 4 clients at once to every importer over TCP. Targets: each refused (400, Vietnamese
 * message) within 2 s, the server growing less than 200 MB, and a staff-list request made during
 * the flood still answered quickly. The server runs in this process (its RSS is the process's).
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/server/app.js';
import { seedDemo } from '../src/server/demo/seed.js';
import { bombFiles, type BombName } from '../test/helpers/zip-bombs.js';
import { openBenchDatabase } from './db.js';
import { percentile, report } from './report.js';

const PASSWORD = 'Bench-12345';
const CLIENTS = 4;
const ROUTES: [string, Record<string, string>][] = [
  ['/api/people/import/preview', {}],
  ['/api/records/import/preview', { kind: 'ratings' }],
  ['/api/records/import/preview', { kind: 'honors' }],
];

export async function benchImports(): Promise<void> {
  const opened = await openBenchDatabase('pglite', 'imports');
  if (!opened) return;
  const { database, dispose } = opened;
  const app = await buildApp({ database, config: { secureCookies: false, webDir: '/nonexistent' } });
  try {
    await seedDemo(database.db, PASSWORD);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'donvi', password: PASSWORD }),
    });
    const cookie = (login.headers.getSetCookie().find((c) => c.startsWith('tdkt_session=')) ?? '').split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const files = await bombFiles();

    const post = async (url: string, fields: Record<string, string>, file: Buffer) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append('file', new Blob([new Uint8Array(file)]), 'danh-sach.xlsx');
      const started = performance.now();
      const r = await fetch(`${base}${url}`, { method: 'POST', body: form, headers: { cookie, 'x-csrf-token': csrfToken } });
      const body = (await r.json()) as { message?: string };
      return { ms: performance.now() - started, status: r.status, message: body.message ?? '' };
    };

    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
    const byFile = new Map<BombName, number[]>();
    const wrong: string[] = [];
    const listMs: number[] = [];
    let flooding = true;
    // A clerk browsing the staff list while the flood goes on: the server must keep answering.
    const browsing = (async () => {
      while (flooding) {
        const started = performance.now();
        const r = await fetch(`${base}/api/people?pageSize=20`, { headers: { cookie } });
        await r.arrayBuffer();
        listMs.push(performance.now() - started);
      }
    })();
    const floodStarted = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (const name of Object.keys(files) as BombName[])
          for (const [url, fields] of ROUTES) {
            const r = await post(url, fields, files[name]);
            if (r.status !== 400 || !/quá lớn|quá nhiều dòng/.test(r.message)) wrong.push(`${name} ${url}: ${r.status} ${r.message}`);
            byFile.set(name, [...(byFile.get(name) ?? []), r.ms]);
          }
      }),
    );
    const floodMs = performance.now() - floodStarted;
    flooding = false;
    await browsing;
    clearInterval(sampler);

    let worst = 0;
    for (const [name, times] of byFile) {
      const max = Math.max(...times);
      worst = Math.max(worst, max);
      report(
        `refusal of "${name}" (${(files[name].length / 1024).toFixed(0)} KB, ${CLIENTS} clients × ${ROUTES.length} importers)`,
        `p50 ${percentile(times, 50).toFixed(0)} ms, max ${max.toFixed(0)} ms (target ≤ 2000 ms)`,
      );
    }
    const grownMb = (rssPeak - rssBefore) / 1048576;
    report('whole flood', `${(floodMs / 1000).toFixed(1)} s for ${CLIENTS * byFile.size * ROUTES.length} uploads`);
    report('server memory during the flood', `peak +${grownMb.toFixed(0)} MB over ${(rssBefore / 1048576).toFixed(0)} MB (target < 200 MB)`);
    report('staff list during the flood', `${listMs.length} requests, p95 ${percentile(listMs, 95).toFixed(0)} ms, max ${Math.max(...listMs).toFixed(0)} ms`);
    report(
      'verdict',
      wrong.length
        ? `FAILED: ${wrong.length} uploads not refused as they should be: ${wrong.slice(0, 3).join('; ')}`
        : worst <= 2000 && grownMb < 200
          ? 'within target'
          : 'OUTSIDE target',
    );
  } finally {
    await app.close();
    await dispose();
  }
}
