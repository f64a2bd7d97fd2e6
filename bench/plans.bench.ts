/**
 * Calendar figures: the month view for a province of 3,000 units holding 50,000 deadlines
 * (PGlite and, when reachable, PostgreSQL). Target: p95 ≤ 100 ms.
 */
import { buildApp } from '../src/server/app.js';
import { seedDemo } from '../src/server/demo/seed.js';
import { accounts, deadlines, units } from '../src/server/db/schema/index.js';
import { hashPassword } from '../src/server/auth/passwords.js';
import { refreshStatistics } from '../src/server/db/maintenance.js';
import { DEADLINE_KINDS } from '../src/shared/schemas/plans.js';
import { loadJobConfig } from '../src/server/jobs/config.js';
import { runReminderTick } from '../src/server/jobs/reminders.js';
import { percentile, report } from './report.js';
import { openBenchDatabase } from './db.js';

const PASSWORD = 'Bench-12345';

async function calendarFigures(kind: 'pglite' | 'postgres'): Promise<void> {
  const opened = await openBenchDatabase(kind, 'calendar');
  if (!opened) return;
  const { database, dispose } = opened;
  try {
    const db = database.db;
    const demo = await seedDemo(db, PASSWORD);
    const rootPath = `/${demo.rootUnitId}/`;
    const t0 = performance.now();
    // 3,000 units: root → 60 departments → 49 sub-units each.
    const unitRows: (typeof units.$inferInsert)[] = [];
    const leaves: { id: string; path: string }[] = [];
    const depts: { id: string; path: string }[] = [];
    for (let d = 0; d < 60; d++) {
      const id = crypto.randomUUID();
      const path = `${rootPath}${id}/`;
      unitRows.push({ id, parentId: demo.rootUnitId, path, depth: 1, name: `Sở ngành số ${d + 1}`, kind: 'department' });
      depts.push({ id, path });
      for (let s = 0; s < 49; s++) {
        const sid = crypto.randomUUID();
        unitRows.push({ id: sid, parentId: id, path: `${path}${sid}/`, depth: 2, name: `Đơn vị ${d + 1}.${s + 1}`, kind: 'subordinate' });
        leaves.push({ id: sid, path: `${path}${sid}/` });
      }
    }
    for (let i = 0; i < unitRows.length; i += 1000) await db.insert(units).values(unitRows.slice(i, i + 1000));
    // 50,000 deadlines over one year: most owned by the sub-units and departments, some by the province, for everyone below.
    let seed = 11;
    const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const year = 2027;
    const rows: (typeof deadlines.$inferInsert)[] = [];
    for (let i = 0; i < 50_000; i++) {
      const r = rand();
      const owner = r < 0.02 ? { id: demo.rootUnitId } : r < 0.2 ? depts[Math.floor(rand() * depts.length)]! : leaves[Math.floor(rand() * leaves.length)]!;
      const day = new Date(Date.UTC(year, 0, 1) + Math.floor(rand() * 365) * 86_400_000).toISOString().slice(0, 10);
      rows.push({
        sourceType: 'bench',
        sourceId: crypto.randomUUID(),
        key: 'k',
        unitId: owner.id,
        kind: DEADLINE_KINDS[i % DEADLINE_KINDS.length]!,
        audience: rand() < 0.3 ? 'units' : 'office',
        title: `Thời hạn số ${i + 1}`,
        dueDate: day,
        status: 'open',
      });
    }
    for (let i = 0; i < rows.length; i += 2000) await db.insert(deadlines).values(rows.slice(i, i + 2000));
    const fillMs = performance.now() - t0;
    if (kind === 'postgres') await db.execute('analyze');
    else await refreshStatistics(database);
    const clerkUnit = leaves[777]!;
    await db.insert(accounts).values({
      username: 'benchclerk',
      displayName: 'Cán bộ đơn vị',
      role: 'clerk',
      unitId: clerkUnit.id,
      passwordHash: await hashPassword(PASSWORD),
      passwordChangedAt: new Date(),
    });
    const app = await buildApp({ database, config: { secureCookies: false, webDir: '/nonexistent' } });
    const cookieOf = async (username: string) => {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
      return { tdkt_session: login.cookies.find((c) => c.name === 'tdkt_session')!.value };
    };
    const admin = await cookieOf('admin');
    const clerk = await cookieOf('benchclerk');
    const month = (i: number) => {
      const m = String((i % 12) + 1).padStart(2, '0');
      const last = new Date(Date.UTC(year, (i % 12) + 1, 0)).getUTCDate();
      return `from=${year}-${m}-01&to=${year}-${m}-${last}`;
    };
    const cases: [string, Record<string, string>, (i: number) => string][] = [
      ['province month (admin, whole province, first 500 items + counts by day)', admin, (i) => `/api/calendar?${month(i)}`],
      ['one unit month (admin, unitId of a sub-unit)', admin, (i) => `/api/calendar?${month(i)}&unitId=${leaves[(i * 97) % leaves.length]!.id}`],
      ['one department month (admin, unitId of a department)', admin, (i) => `/api/calendar?${month(i)}&unitId=${depts[i % depts.length]!.id}`],
      ['clerk month (own sub-unit + deadlines from above)', clerk, (i) => `/api/calendar?${month(i)}`],
    ];
    const parts: string[] = [];
    let worst = 0;
    for (const [label, cookies, url] of cases) {
      for (let i = 0; i < 5; i++) await app.inject({ method: 'GET', url: url(i), cookies });
      const times: number[] = [];
      let n = 0;
      for (let i = 0; i < 60; i++) {
        const s = performance.now();
        const r = await app.inject({ method: 'GET', url: url(i), cookies });
        times.push(performance.now() - s);
        if (r.statusCode !== 200) throw new Error(`${label}: ${r.statusCode} ${r.body.slice(0, 300)}`);
        n = (JSON.parse(r.body) as { total: number }).total;
      }
      const p95 = percentile(times, 95);
      worst = Math.max(worst, p95);
      parts.push(`${label}: p95 ${p95.toFixed(1)} ms (${n} deadlines in the last month asked)`);
    }
    // The reminder job over the same data: the first tick of a day queues what falls due; the next finds nothing to do.
    const config = { ...loadJobConfig({}), smtpUrl: undefined };
    const tickAt = new Date(Date.UTC(year, 5, 15, 3));
    const t1 = performance.now();
    const first = await runReminderTick(db, { now: tickAt, config });
    const firstMs = performance.now() - t1;
    const t2 = performance.now();
    await runReminderTick(db, { now: new Date(tickAt.getTime() + 60_000), config });
    const secondMs = performance.now() - t2;
    parts.push(
      `reminder tick: first of the day ${firstMs.toFixed(0)} ms (${first.notificationsCreated} notifications, ${first.remindersQueued} e-mails queued), next tick ${secondMs.toFixed(0)} ms`,
    );
    report(
      `calendar (${kind})`,
      `${unitRows.length + 12} units, 50,000 deadlines (loaded in ${(fillMs / 1000).toFixed(1)} s)\n  ${parts.join('\n  ')}\n  worst p95 ${worst.toFixed(1)} ms (target ≤ 100 ms)`,
    );
    await app.close();
  } finally {
    await dispose();
  }
}

export async function benchPlans(): Promise<void> {
  await calendarFigures('pglite');
  await calendarFigures('postgres');
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPlans();
