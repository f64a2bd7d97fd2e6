/**
 * Rule-engine figures: all honors for 100,000 people with 10 years of history (target ≤ 3 s on
 * 2 cores), the p95 of 10,000 single explained evaluations, and the p95 of one
 * POST /api/rules/evaluate through the app (target ≤ 5 ms).
 * Runs alone: `npx tsx bench/rules.bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import { RATINGS, type Honor, type Rating } from '../src/shared/codes.js';
import { candidatesFor, evaluate, type CandidateSubject, type HonorEntry, type InitiativeEntry, type SubjectInput } from '../src/server/rules/index.js';
import { percentile, report } from './report.js';
import { openDatabase } from '../src/server/db/client.js';
import { buildApp } from '../src/server/app.js';
import { seedDemo } from '../src/server/demo/seed.js';

const PEOPLE = 100_000;
const YEARS = 10;
const LAST_YEAR = 2023;
const DECISION_DATE = '2024-03-15';

/** Deterministic PRNG (mulberry32) so that runs are comparable. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A plausible career: mostly HTTNV/HTXSNV, LĐTT most years, some CSTĐCS chains, rare discipline. */
export function syntheticPerson(rand: () => number): SubjectInput {
  const ratings: { year: number; rating: Rating }[] = [];
  const honors: HonorEntry[] = [];
  const initiatives: InitiativeEntry[] = [];
  const disciplines: { year: number; level: 'khien_trach' | 'canh_cao' }[] = [];
  let cstdcsRun = 0;
  for (let y = LAST_YEAR - YEARS + 1; y <= LAST_YEAR; y++) {
    const r = rand();
    const rating: Rating = r < 0.3 ? 'HTXSNV' : r < 0.85 ? 'HTTNV' : r < 0.97 ? 'HTNV' : RATINGS[3];
    ratings.push({ year: y, rating });
    if (rand() < 0.01) disciplines.push({ year: y, level: rand() < 0.7 ? 'khien_trach' : 'canh_cao' });
    if (rating === 'HTXSNV' || rating === 'HTTNV') honors.push({ year: y, honor: 'LDTT' });
    if (rand() < 0.2) initiatives.push({ year: y, scope: rand() < 0.85 ? 'co_so' : rand() < 0.9 ? 'bo_tinh' : 'toan_quoc', used: rand() < 0.3 });
    if (rating === 'HTXSNV' && rand() < 0.6) {
      honors.push({ year: y, honor: 'CSTDCS', type: rand() < 0.9 ? 'cong_trang' : 'chuyen_de' });
      cstdcsRun++;
      if (cstdcsRun === 3 && rand() < 0.5) {
        honors.push({ year: y, honor: 'CSTD_BO_TINH' });
        cstdcsRun = 0;
      }
    } else cstdcsRun = 0;
    if (rand() < 0.05) honors.push({ year: y, honor: 'BK_BO_TINH', type: rand() < 0.8 ? 'cong_trang' : 'dot_xuat' });
    if (rand() < 0.01) honors.push({ year: y, honor: 'BK_TTG' });
  }
  return { kind: 'individual', ratings, honors, initiatives, disciplines };
}

export async function benchRules(): Promise<void> {
  const rand = rng(20240315);
  const subjects: CandidateSubject[] = new Array(PEOPLE);
  for (let i = 0; i < PEOPLE; i++) subjects[i] = { id: `p${i}`, subject: syntheticPerson(rand) };

  // Warm-up (JIT) on a slice, then the measured run.
  candidatesFor({ decisionDate: DECISION_DATE, year: LAST_YEAR, subjects: subjects.slice(0, 2_000) });
  const t0 = performance.now();
  const res = candidatesFor({ decisionDate: DECISION_DATE, year: LAST_YEAR, subjects });
  const batchMs = performance.now() - t0;
  const evaluations = res.results.reduce((n, r) => n + r.outcomes.length, 0);
  report('rules', `all honors for ${PEOPLE} people (${YEARS} years each, ${evaluations} evaluations): ${Math.round(batchMs)} ms (target ≤ 3000 ms)`);
  const eligible = res.summary
    .filter((s) => s.eligible + s.undetermined + s.ineligible > 0)
    .map((s) => `${s.honor} ${s.eligible}`)
    .join(', ');
  report('rules', `eligible counts: ${eligible}`);

  const t1 = performance.now();
  candidatesFor({ decisionDate: DECISION_DATE, year: LAST_YEAR, subjects: subjects.slice(0, 10_000), explain: true });
  report('rules', `with Vietnamese reasons, 10000 people × all honors: ${Math.round(performance.now() - t1)} ms`);

  const honors: Honor[] = ['LDTT', 'CSTDCS', 'CSTD_BO_TINH', 'CSTD_TQ', 'GK', 'BK_BO_TINH', 'BK_TTG', 'HCLD3', 'KNC'];
  const times: number[] = [];
  for (let i = 0; i < 10_000; i++) {
    const s = subjects[Math.floor(rand() * PEOPLE)] as CandidateSubject;
    const honor = honors[i % honors.length] as Honor;
    const t = performance.now();
    evaluate({ decisionDate: DECISION_DATE, year: LAST_YEAR, honor, subject: s.subject });
    times.push(performance.now() - t);
  }
  report(
    'rules',
    `10000 single evaluations with reasons and money: p50 ${percentile(times, 50).toFixed(3)} ms, p95 ${percentile(times, 95).toFixed(3)} ms, max ${Math.max(...times).toFixed(3)} ms`,
  );
  await benchEvaluateHttp();
}

/** p95 of one POST /api/rules/evaluate through the whole app (session, CSRF, zod, engine), signed in. */
export async function benchEvaluateHttp(): Promise<void> {
  const password = 'Bench-12345';
  const database = await openDatabase({ dataDir: 'memory://' });
  await seedDemo(database.db, password);
  const app = await buildApp({ database, config: { secureCookies: false, webDir: '/nonexistent' } });
  await app.ready();
  try {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'donvi', password } });
    const cookie = login.cookies.find((c) => c.name === 'tdkt_session');
    const csrf = (JSON.parse(login.body) as { csrfToken: string }).csrfToken;
    if (!cookie) throw new Error('login failed');
    const rand = rng(7);
    const bodies = Array.from({ length: 200 }, (_, i) => ({
      decisionDate: DECISION_DATE,
      year: LAST_YEAR,
      honor: (['LDTT', 'CSTDCS', 'CSTD_BO_TINH', 'BK_BO_TINH', 'GK'] as const)[i % 5],
      subject: syntheticPerson(rand),
    }));
    const call = (i: number) =>
      app.inject({
        method: 'POST',
        url: '/api/rules/evaluate',
        cookies: { tdkt_session: cookie.value },
        headers: { 'x-csrf-token': csrf },
        payload: bodies[i % bodies.length],
      });
    for (let i = 0; i < 200; i++) await call(i); // warm-up
    const times: number[] = [];
    for (let i = 0; i < 2_000; i++) {
      const t = performance.now();
      const r = await call(i);
      times.push(performance.now() - t);
      if (r.statusCode !== 200) throw new Error(`evaluate → ${r.statusCode} ${r.body}`);
    }
    report(
      'rules',
      `POST /api/rules/evaluate through the app, signed in (2000 requests): p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms (target ≤ 5 ms)`,
    );
  } finally {
    await app.close();
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchRules();
