/**
 * Initiative council figures (issue 10): the council's score sheet of a round of 500 initiatives
 * scored by 9 members (one member recused on every tenth), read by the Office over HTTP: p95 of
 * one client and of 9 concurrent clients (the members opening the sheet together after the
 * meeting), target ≤ 100 ms; beside it the raw SQL that averages the same sheets per initiative.
 */
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.js';
import { seedDemo } from '../src/server/demo/seed.js';
import {
  councils,
  initiativeApplicationAuthors,
  initiativeApplications,
  initiativeAssignments,
  initiativeRoundMembers,
  initiativeRounds,
  initiativeRubrics,
  initiativeScores,
  people,
} from '../src/server/db/schema/index.js';
import { refreshStatistics } from '../src/server/db/maintenance.js';
import { percentile, report } from './report.js';
import { openBenchDatabase, type BenchEngine } from './db.js';

const PASSWORD = 'Bench-12345';
const INITIATIVES = 500;
const MEMBERS = 9;
const YEAR = 2030;
const TARGET_MS = 100;
const CRITERIA = [
  { key: 'tinh_moi', label: 'Tính mới', maxPoints: 30, levels: [{ points: 30, descriptor: 'Mới hoàn toàn' }] },
  { key: 'kha_thi', label: 'Khả năng áp dụng', maxPoints: 30, levels: [{ points: 30, descriptor: 'Áp dụng rộng' }] },
  { key: 'hieu_qua', label: 'Hiệu quả', maxPoints: 30, levels: [{ points: 30, descriptor: 'Làm lợi rõ rệt' }] },
  { key: 'anh_huong', label: 'Phạm vi ảnh hưởng', maxPoints: 10, levels: [{ points: 10, descriptor: 'Toàn cơ quan' }] },
];

async function figures(kind: BenchEngine) {
  const opened = await openBenchDatabase(kind, 'initiatives');
  if (!opened) return;
  const { database, dispose } = opened;
  const db = database.db;
  try {
    const demo = await seedDemo(db, PASSWORD);
    const staff = await db.select({ id: people.id, unitId: people.unitId }).from(people).limit(40);
    const members = staff.slice(0, MEMBERS);
    const authors = staff.slice(MEMBERS);
    const [council] = await db
      .insert(councils)
      .values({ unitId: demo.rootUnitId, kind: 'sang_kien', name: 'Hội đồng sáng kiến (đo tốc độ)', termStart: `${YEAR}-01-01` })
      .returning();
    const [rubric] = await db
      .insert(initiativeRubrics)
      .values({ unitId: demo.rootUnitId, year: YEAR, version: 1, name: 'Thang điểm', source: 'Quy chế', criteria: CRITERIA, passMark: 50 })
      .returning();
    const [round] = await db
      .insert(initiativeRounds)
      .values({
        unitId: demo.rootUnitId,
        councilId: council!.id,
        rubricId: rubric!.id,
        year: YEAR,
        title: 'Đợt xét (đo tốc độ)',
        status: 'closed',
        maxLoad: 1000,
      })
      .returning();
    await db.insert(initiativeRoundMembers).values(members.map((m, i) => ({ roundId: round!.id, personId: m.id, position: i === 0 ? 'chu_tich' : 'uy_vien' })));
    const apps = await db
      .insert(initiativeApplications)
      .values(
        Array.from({ length: INITIATIVES }, (_, i) => ({
          roundId: round!.id,
          unitId: authors[i % authors.length]!.unitId,
          kind: 'sang_kien',
          title: `Sáng kiến số ${i + 1}: cải tiến quy trình nghiệp vụ`,
          firstAppliedOn: `${YEAR}-03-01`,
          novelty: 'Tính mới của giải pháp.',
          application: 'Cách thức áp dụng.',
          benefitVnd: 1_000_000 * (i % 50),
          scopeAsked: 'co_so',
        })),
      )
      .returning({ id: initiativeApplications.id });
    await db
      .insert(initiativeApplicationAuthors)
      .values(apps.map((a, i) => ({ applicationId: a.id, personId: authors[i % authors.length]!.id, sharePercent: 100 })));
    const assignments: (typeof initiativeAssignments.$inferInsert)[] = [];
    const scores: (typeof initiativeScores.$inferInsert)[] = [];
    for (const [i, a] of apps.entries())
      for (const [k, m] of members.entries()) {
        const recused = i % 10 === 0 && k === MEMBERS - 1;
        assignments.push({ applicationId: a.id, personId: m.id, conflict: recused ? 'same_unit' : null });
        if (recused) continue;
        const base = 10 + ((i * 7 + k * 3) % 20);
        const points = { tinh_moi: base, kha_thi: base, hieu_qua: base, anh_huong: Math.min(10, base) };
        const total = base * 3 + Math.min(10, base);
        scores.push({ applicationId: a.id, personId: m.id, points, total, approve: total >= 50 });
      }
    for (let i = 0; i < assignments.length; i += 2000) await db.insert(initiativeAssignments).values(assignments.slice(i, i + 2000));
    for (let i = 0; i < scores.length; i += 2000) await db.insert(initiativeScores).values(scores.slice(i, i + 2000));
    if (kind === 'postgres') await db.execute('analyze');
    else await refreshStatistics(database);

    const app = await buildApp({ database, config: { secureCookies: false, webDir: '/nonexistent' } });
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanphong', password: PASSWORD } });
    const cookies = { tdkt_session: r.cookies.find((c) => c.name === 'tdkt_session')!.value };
    const url = `/api/initiative-rounds/${round!.id}/sheet`;
    const get = async () => {
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url, cookies });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return { ms: performance.now() - t0, body: res.body };
    };
    const first = JSON.parse((await get()).body) as { rows: unknown[] };
    if (first.rows.length !== INITIATIVES) throw new Error(`expected ${INITIATIVES} rows, got ${first.rows.length}`);
    for (let i = 0; i < 3; i++) await get();
    const one: number[] = [];
    for (let i = 0; i < 30; i++) one.push((await get()).ms);
    const concurrent: number[] = [];
    for (let i = 0; i < 5; i++) concurrent.push(...(await Promise.all(Array.from({ length: MEMBERS }, () => get()))).map((x) => x.ms));
    const raw: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      await db.execute(sql`
        select a.id, count(s.person_id) as scored, avg(s.total) as average, count(*) filter (where s.approve) as votes,
               (select count(*) from initiative_assignments x where x.application_id = a.id and x.conflict is not null) as recused
        from initiative_applications a left join initiative_scores s on s.application_id = a.id
        where a.round_id = ${round!.id}
        group by a.id`);
      raw.push(performance.now() - t0);
    }
    const p95one = percentile(one, 95);
    const p95many = percentile(concurrent, 95);
    const worst = Math.max(p95one, p95many);
    report(
      `initiative council score sheet, ${INITIATIVES} initiatives × ${MEMBERS} members, ${scores.length} sheets (${kind})`,
      `HTTP p95 one client ${p95one.toFixed(1)} ms, ${MEMBERS} concurrent clients ${p95many.toFixed(1)} ms (target ≤ ${TARGET_MS} ms) ${worst <= TARGET_MS ? 'OK' : 'SLOW'}; raw SQL of the same averages p95 ${percentile(raw, 95).toFixed(1)} ms`,
    );
    await app.close();
  } finally {
    await dispose();
  }
}

export async function benchInitiatives(): Promise<void> {
  await figures('pglite');
  await figures('postgres');
}
