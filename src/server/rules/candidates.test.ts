import { test } from 'node:test';
import assert from 'node:assert/strict';
import { candidatesFor, quotaCap, type CandidateSubject } from './candidates.js';
import { ND91_2017_PACK } from './packs/index.js';
import { collective, person, ratings } from './test-helpers.js';

/** n people rated HTXSNV in 2023 (each eligible for LĐTT and, under ND98, CSTĐCS), plus m rated HTNV. */
function unit(n: number, m: number, initiatives = false): CandidateSubject[] {
  const out: CandidateSubject[] = [];
  for (let i = 0; i < n; i++)
    out.push({
      id: `p${i}`,
      subject: person({ ratings: ratings({ 2023: 'HTXSNV' }), ...(initiatives ? { initiatives: [{ year: 2023, scope: 'co_so' as const }] } : {}) }),
    });
  for (let i = 0; i < m; i++) out.push({ id: `q${i}`, subject: person({ ratings: ratings({ 2023: 'HTNV' }) }) });
  return out;
}

test('quota cap = floor(15% × LĐTT) under ND91 Art 9 k3', () => {
  const q = ND91_2017_PACK.honors.CSTDCS.quota;
  assert.ok(q);
  const cases: [number, number][] = [
    [0, 0],
    [6, 0],
    [7, 1],
    [20, 3],
    [13, 1],
    [100, 15],
    [133, 19],
  ];
  for (const [ldtt, cap] of cases) assert.equal(quotaCap(q, ldtt), cap, `${ldtt}`);
});

test('candidatesFor under ND91 reports CSTĐCS over the cap', () => {
  const r = candidatesFor({ decisionDate: '2023-12-20', year: 2023, subjects: unit(20, 5, true) });
  assert.equal(r.regime, 'ND91_2017');
  const q = r.quotas.find((x) => x.honor === 'CSTDCS');
  assert.ok(q);
  assert.equal(q.baseCount, 20);
  assert.equal(q.cap, 3);
  assert.equal(q.candidates, 20);
  assert.equal(q.over, 17);
  assert.equal(q.withinCap, false);
  assert.match(q.text, /không quá 15% số LĐTT \(20\): tối đa 3/);
  const ldtt = r.summary.find((s) => s.honor === 'LDTT');
  assert.deepEqual(ldtt, { honor: 'LDTT', eligible: 20, undetermined: 0, ineligible: 5 });
});

test('no quota under ND98; collective honors are skipped for individuals', () => {
  const r = candidatesFor({ decisionDate: '2024-02-01', year: 2023, subjects: [...unit(3, 1), { id: 'u1', subject: collective(2023, 10, 7) }] });
  assert.equal(r.quotas.length, 0);
  const p = r.results.find((x) => x.id === 'p0');
  assert.ok(p);
  assert.ok(!p.outcomes.some((o) => o.honor === 'TTLDTT'));
  assert.equal(p.outcomes.find((o) => o.honor === 'CSTDCS')?.eligible, true);
  const u = r.results.find((x) => x.id === 'u1');
  assert.equal(u?.outcomes.find((o) => o.honor === 'TTLDTT')?.eligible, true);
  assert.equal(p.outcomes[0]?.reasons, undefined, 'batch mode builds no texts');
});

test('explain: true carries the reasons; only the asked honors are evaluated (quota base still counted)', () => {
  const r = candidatesFor({ decisionDate: '2023-12-20', year: 2023, subjects: unit(10, 0, true), honors: ['CSTDCS'], explain: true });
  assert.deepEqual(
    r.results[0]?.outcomes.map((o) => o.honor),
    ['CSTDCS'],
  );
  assert.ok((r.results[0]?.outcomes[0]?.reasons?.length ?? 0) > 0);
  assert.equal(r.quotas[0]?.baseCount, 10);
  assert.equal(r.quotas[0]?.cap, 1);
});
