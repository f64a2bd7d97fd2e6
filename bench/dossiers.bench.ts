/**
 * Nomination pipeline figures: the Office's dossier list with 10,000 dossiers (p95 ≤ 50 ms) and
 * submitting one dossier of 200 candidates (≤ 1 s), on PGlite and, when reachable, PostgreSQL.
 */
import { eq } from 'drizzle-orm';
import { buildApp } from '../src/server/app.js';
import { seedDemo } from '../src/server/demo/seed.js';
import { dossierCandidates, dossierDocuments, dossiers, people, units } from '../src/server/db/schema/index.js';
import { refreshStatistics } from '../src/server/db/maintenance.js';
import { vietnameseNameSortKey } from '../src/shared/vietnamese.js';
import { percentile, report } from './report.js';
import { openBenchDatabase } from './db.js';

const PASSWORD = 'Bench-12345';

async function figures(kind: 'pglite' | 'postgres') {
  const opened = await openBenchDatabase(kind, 'dossiers');
  if (!opened) return;
  const { database, dispose } = opened;
  const db = database.db;
  try {
    const demo = await seedDemo(db, PASSWORD);
    const subUnits = (await db.select().from(units)).filter((u) => u.id !== demo.rootUnitId);
    const STATUSES = ['submitted', 'received', 'appraising', 'returned', 'reviewed', 'completed'];
    const rows: (typeof dossiers.$inferInsert)[] = [];
    for (let i = 0; i < 10_000; i++) {
      const u = subUnits[i % subUnits.length]!;
      const at = new Date(Date.UTC(2021, 0, 1) + i * 60_000);
      rows.push({
        unitId: u.id,
        receiverUnitId: demo.rootUnitId,
        type: 'chuyen_de',
        year: 2021 + (i % 4),
        title: `Hồ sơ đề nghị khen thưởng số ${i + 1}`,
        status: STATUSES[i % STATUSES.length]!,
        revision: 1,
        submittedAt: at,
        firstSubmittedAt: at,
        stepStartedAt: at,
      });
    }
    for (let i = 0; i < rows.length; i += 1000) await db.insert(dossiers).values(rows.slice(i, i + 1000));
    const ids = await db.select({ id: dossiers.id }).from(dossiers);
    const cands: (typeof dossierCandidates.$inferInsert)[] = [];
    for (const [i, d] of ids.entries())
      for (let k = 0; k < 3; k++)
        cands.push({
          dossierId: d.id,
          subjectKind: 'household',
          householdName: `Hộ ${i}-${k}`,
          displayName: `Hộ gia đình ${i}-${k}`,
          proposedHonor: 'GK',
          honor: 'GK',
        });
    for (let i = 0; i < cands.length; i += 2000) await db.insert(dossierCandidates).values(cands.slice(i, i + 2000));
    if (kind === 'postgres') await db.execute('analyze');
    else await refreshStatistics(database);

    const app = await buildApp({ database, config: { secureCookies: false, webDir: '/nonexistent' } });
    const login = async (u: string) => {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: PASSWORD } });
      return {
        cookies: { tdkt_session: r.cookies.find((c) => c.name === 'tdkt_session')!.value },
        csrf: (JSON.parse(r.body) as { csrfToken: string }).csrfToken,
      };
    };
    const office = await login('vanphong');
    const cases: [string, string][] = [
      ['inbox, first page', '/api/dossiers?box=inbox&pageSize=50'],
      ['inbox, page 100', '/api/dossiers?box=inbox&pageSize=50&page=100'],
      ['status filter', '/api/dossiers?box=inbox&status=appraising&pageSize=50'],
      ['search "so 42"', '/api/dossiers?box=inbox&q=so%2042&pageSize=50'],
    ];
    const parts: string[] = [];
    let worst = 0;
    for (const [label, url] of cases) {
      for (let i = 0; i < 5; i++) await app.inject({ method: 'GET', url, cookies: office.cookies });
      const times: number[] = [];
      for (let i = 0; i < 40; i++) {
        const t0 = performance.now();
        const r = await app.inject({ method: 'GET', url, cookies: office.cookies });
        times.push(performance.now() - t0);
        if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
      }
      const p95 = percentile(times, 95);
      worst = Math.max(worst, p95);
      parts.push(`${label} p95 ${p95.toFixed(1)} ms`);
    }
    report(
      `office dossier list, 10,000 dossiers (${kind})`,
      `${parts.join('; ')} — worst p95 ${worst.toFixed(1)} ms (target ≤ 50 ms) ${worst <= 50 ? 'OK' : 'SLOW'}`,
    );

    // Submitting one dossier with 200 candidates, each with a written achievement report.
    const [ttud] = await db.select().from(units).where(eq(units.code, 'TTUD'));
    const staff: (typeof people.$inferInsert)[] = Array.from({ length: 200 }, (_, i) => ({
      unitId: ttud!.id,
      fullName: `Nguyễn Văn Bench ${i}`,
      sortKey: vietnameseNameSortKey(`Nguyễn Văn Bench ${i}`),
    }));
    const ps = await db.insert(people).values(staff).returning({ id: people.id, fullName: people.fullName });
    const [d] = await db
      .insert(dossiers)
      .values({ unitId: ttud!.id, receiverUnitId: demo.rootUnitId, type: 'cong_trang', year: 2030, title: 'Hồ sơ 200 đề nghị' })
      .returning();
    const cs = await db
      .insert(dossierCandidates)
      .values(
        ps.map((p, i) => ({
          dossierId: d!.id,
          subjectKind: 'individual',
          personId: p.id,
          displayName: p.fullName,
          proposedHonor: 'GK',
          honor: 'GK',
          sortOrder: i,
        })),
      )
      .returning({ id: dossierCandidates.id });
    await db.insert(dossierDocuments).values([
      { dossierId: d!.id, kind: 'to_trinh', title: 'Tờ trình', content: 'Tờ trình' },
      { dossierId: d!.id, kind: 'bien_ban_hop_xet', title: 'Biên bản', content: 'Biên bản', voteResult: '7/7' },
      ...cs.map((c) => ({
        dossierId: d!.id,
        candidateId: c.id,
        kind: 'bao_cao_thanh_tich',
        title: 'Báo cáo thành tích',
        content: 'Thành tích xuất sắc. '.repeat(40),
      })),
    ]);
    const clerk = await login('donvi');
    const t0 = performance.now();
    const r = await app.inject({
      method: 'POST',
      url: `/api/dossiers/${d!.id}/submit`,
      cookies: clerk.cookies,
      headers: { 'x-csrf-token': clerk.csrf },
      payload: {},
    });
    const ms = performance.now() - t0;
    if (r.statusCode !== 200) throw new Error(`submit: ${r.statusCode} ${r.body}`);
    report(
      `submit a dossier of 200 candidates (${kind})`,
      `${ms.toFixed(0)} ms incl. checklist, duplicate check, version snapshot and the full response (target ≤ 1000 ms) ${ms <= 1000 ? 'OK' : 'SLOW'}`,
    );
    await app.close();
  } finally {
    await dispose();
  }
}

export async function benchDossiers(): Promise<void> {
  await figures('pglite');
  await figures('postgres');
}
