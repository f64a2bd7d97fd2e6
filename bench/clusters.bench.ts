/**
 * Cụm, khối thi đua figures: the ranking of a province — 35 clusters and blocks, 300 members,
 * 40 criteria each (bonus and minus items among them), every member self-scored with some
 * adjustments — read by the standing body over HTTP: the province's ranking in one request (p95,
 * target ≤ 200 ms, and 10 concurrent clients), one cluster's scoring sheet and ranking (p95);
 * beside it the raw SQL that sums the same scores per member.
 */
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.js';
import { seedDemo } from '../src/server/demo/seed.js';
import { clusterCriteria, clusterMembers, clusterScores, clusters } from '../src/server/db/schema/index.js';
import { refreshStatistics } from '../src/server/db/maintenance.js';
import { percentile, report } from './report.js';
import { openBenchDatabase } from './db.js';

const PASSWORD = 'Bench-12345';
const CLUSTERS = 35;
const MEMBERS = 300;
const CRITERIA = 40;
const YEAR = 2030;

async function figures(kind: 'pglite' | 'postgres') {
  const opened = await openBenchDatabase(kind, 'clusters');
  if (!opened) return;
  const { database, dispose } = opened;
  const db = database.db;
  try {
    const demo = await seedDemo(db, PASSWORD);
    const made = await db
      .insert(clusters)
      .values(
        Array.from({ length: CLUSTERS }, (_, i) => {
          const id = crypto.randomUUID();
          return {
            id,
            lineageId: id,
            unitId: demo.rootUnitId,
            year: YEAR,
            kind: i < 15 ? 'cum' : 'khoi',
            name: `${i < 15 ? 'Cụm' : 'Khối'} thi đua số ${i + 1}`,
            scale: 100,
          };
        }),
      )
      .returning({ id: clusters.id, kind: clusters.kind });
    const members: (typeof clusterMembers.$inferInsert)[] = [];
    for (let m = 0; m < MEMBERS; m++) {
      const c = made[m % CLUSTERS]!;
      members.push({ clusterId: c.id, year: YEAR, kind: c.kind, memberKey: `org:bench-${m}`, name: `Cơ quan thành viên số ${m + 1}`, sortOrder: m });
    }
    const ms = await db.insert(clusterMembers).values(members).returning({ id: clusterMembers.id, clusterId: clusterMembers.clusterId });
    const criteria: (typeof clusterCriteria.$inferInsert)[] = [];
    for (const c of made)
      for (let k = 0; k < CRITERIA; k++) {
        const bonus = k === CRITERIA - 2;
        const minus = k === CRITERIA - 1;
        criteria.push({
          clusterId: c.id,
          groupName: `Nhóm ${1 + Math.floor(k / 10)}`,
          title: `Tiêu chí ${k + 1}`,
          kind: bonus ? 'bonus' : minus ? 'minus' : 'criterion',
          minPoints: minus ? -5 : 0,
          maxPoints: bonus ? 10 : minus ? 0 : 2,
          sortOrder: k,
        });
      }
    const cs = await db
      .insert(clusterCriteria)
      .values(criteria)
      .returning({ id: clusterCriteria.id, clusterId: clusterCriteria.clusterId, kind: clusterCriteria.kind });
    const byCluster = new Map<string, { id: string; kind: string }[]>();
    for (const c of cs) byCluster.set(c.clusterId, [...(byCluster.get(c.clusterId) ?? []), c]);
    const scores: (typeof clusterScores.$inferInsert)[] = [];
    for (const [i, m] of ms.entries())
      for (const [k, c] of (byCluster.get(m.clusterId) ?? []).entries())
        scores.push({
          clusterId: m.clusterId,
          memberId: m.id,
          criterionId: c.id,
          selfPoints: c.kind === 'minus' ? -((i + k) % 3) : c.kind === 'bonus' ? (i % 2) * 10 : (i + k) % 3,
          adjustedPoints: k === 0 && i % 5 === 0 ? 1 : null,
          adjustReason: k === 0 && i % 5 === 0 ? 'Minh chứng chưa đủ' : null,
        });
    for (let i = 0; i < scores.length; i += 2000) await db.insert(clusterScores).values(scores.slice(i, i + 2000));
    if (kind === 'postgres') await db.execute('analyze');
    else await refreshStatistics(database);

    const app = await buildApp({ database, config: { secureCookies: false, webDir: '/nonexistent' } });
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanphong', password: PASSWORD } });
    const cookies = { tdkt_session: r.cookies.find((c) => c.name === 'tdkt_session')!.value };
    const get = async (url: string) => {
      const res = await app.inject({ method: 'GET', url, cookies });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res;
    };
    const list = JSON.parse((await get(`/api/clusters?year=${YEAR}&pageSize=100`)).body) as { total: number; items: { id: string }[] };
    if (list.total !== CLUSTERS) throw new Error(`expected ${CLUSTERS} clusters, got ${list.total}`);
    const ids = list.items.map((c) => c.id);
    for (const id of ids.slice(0, 5)) await get(`/api/clusters/${id}/scoring`);

    const one: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t0 = performance.now();
      await get(`/api/clusters/${ids[i % ids.length]!}/scoring`);
      one.push(performance.now() - t0);
    }
    // The province's ranking is one request (five queries, sums in the database); it must agree with each cluster's own.
    const rankingUrl = `/api/clusters/ranking?year=${YEAR}`;
    const whole = JSON.parse((await get(rankingUrl)).body) as { total: number; items: { clusterId: string; ranking: unknown[] }[] };
    if (whole.total !== CLUSTERS) throw new Error(`ranking: expected ${CLUSTERS} clusters, got ${whole.total}`);
    for (const id of ids.slice(0, 3)) {
      const own = JSON.parse((await get(`/api/clusters/${id}/scoring`)).body) as { ranking: unknown[] };
      if (JSON.stringify(own.ranking) !== JSON.stringify(whole.items.find((x) => x.clusterId === id)?.ranking))
        throw new Error(`ranking of ${id} differs from the cluster's own scoring`);
    }
    const province: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      await get(rankingUrl);
      province.push(performance.now() - t0);
    }
    const concurrent: number[] = [];
    for (let round = 0; round < 5; round++) {
      const t0 = performance.now();
      await Promise.all(Array.from({ length: 10 }, () => get(rankingUrl)));
      concurrent.push(performance.now() - t0);
    }
    const rawTimes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await db.execute(sql`
        select s.cluster_id, s.member_id,
               sum(case when c.kind = 'criterion' then coalesce(s.adjusted_points, s.self_points) else 0 end) as base,
               sum(case when c.kind = 'bonus' then coalesce(s.adjusted_points, s.self_points) else 0 end) as bonus,
               sum(case when c.kind = 'minus' then coalesce(s.adjusted_points, s.self_points) else 0 end) as minus
        from cluster_scores s join cluster_criteria c on c.id = s.criterion_id
        join clusters k on k.id = s.cluster_id
        where k.year = ${YEAR}
        group by s.cluster_id, s.member_id`);
      rawTimes.push(performance.now() - t0);
    }
    const p95one = percentile(one, 95);
    const p95province = percentile(province, 95);
    report(
      `cluster ranking, ${CLUSTERS} clusters, ${MEMBERS} members, ${CRITERIA} criteria each, ${scores.length} scores (${kind})`,
      `the province's ranking (GET /api/clusters/ranking) p95 ${p95province.toFixed(1)} ms, median ${percentile(province, 50).toFixed(1)} ms (target ≤ 200 ms) ${p95province <= 200 ? 'OK' : 'SLOW'}; 10 concurrent clients worst of 5 ${Math.max(...concurrent).toFixed(0)} ms; one cluster's scoring + ranking p95 ${p95one.toFixed(1)} ms; raw SQL of the province's sums p95 ${percentile(rawTimes, 95).toFixed(1)} ms`,
    );
    await app.close();
  } finally {
    await dispose();
  }
}

export async function benchClusters(): Promise<void> {
  await figures('pglite');
  await figures('postgres');
}
