import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HONORS, HONOR_INFO, REGIMES, classUndecided, type SubjectKind } from '../../shared/codes.js';
import { describePack } from './describe.js';
import { PACKS } from './packs/index.js';
import type { Criterion } from './types.js';

test('describePack is plain JSON and covers every honor', () => {
  for (const regime of REGIMES) {
    const view = describePack(regime);
    assert.deepEqual(JSON.parse(JSON.stringify(view)), view);
    assert.deepEqual(
      view.honors.map((h) => h.honor),
      [...HONORS],
    );
    for (const h of view.honors)
      for (const s of h.subjects) assert.ok(s.criteria.length > 0 && s.criteria.every((c) => c.text.length > 0), `${regime} ${h.honor}`);
  }
});

test('viewer shows thresholds, coefficients and UNVERIFIED flags', () => {
  const nd98 = describePack('ND98_2023');
  const cstdcs = nd98.honors.find((h) => h.honor === 'CSTDCS');
  assert.equal(cstdcs?.vote?.share, 0.8);
  assert.equal(cstdcs?.vote?.text, 'Từ 80% tổng số thành viên Hội đồng đồng ý');
  const ttldtt = nd98.honors.find((h) => h.honor === 'TTLDTT');
  assert.equal(ttldtt?.subjects[0]?.criteria[1]?.text, 'Từ 70% trở lên thành viên đạt LĐTT');
  const gk = nd98.honors.find((h) => h.honor === 'GK');
  assert.equal(gk?.subjects.find((s) => s.subject === 'individual')?.money?.verified, false, 'GK money under ND98 is UNVERIFIED');
  assert.equal(gk?.subjects.find((s) => s.subject === 'individual')?.money?.example?.text, '0,3 × 2.340.000 đ = 710.000 đ');
  const nd91 = describePack('ND91_2017');
  assert.equal(nd91.honors.find((h) => h.honor === 'CSTDCS')?.quota?.text, 'Không quá 15% số LĐTT của đơn vị (làm tròn xuống)');
  assert.equal(nd91.honors.find((h) => h.honor === 'CSTD_BO_TINH')?.vote?.secretBallot, true);
  const nd152 = describePack('ND152_2025', undefined, '2025-07-01');
  const v = nd152.honors.find((h) => h.honor === 'CSTD_TQ')?.vote;
  assert.equal(v?.share, 0.9);
  assert.equal(v?.verified, false, 'ND152 votes carried from ND98, flagged');
  assert.equal(nd152.honors.find((h) => h.honor === 'BK_BO_TINH')?.subjects.find((s) => s.subject === 'household')?.money?.coefficient, 2.25);
});

test('packs agree with the canonical subject list and carry article + flag on every criterion', () => {
  const walk = (c: Criterion, where: string): void => {
    assert.ok(c.rule && c.article && typeof c.verified === 'boolean', where);
    if (c.kind === 'any_of' || c.kind === 'all_of') c.of.forEach((x) => walk(x, where));
  };
  const ids = new Set<string>();
  for (const regime of REGIMES) {
    for (const h of HONORS) {
      const rule = PACKS[regime].honors[h];
      assert.deepEqual(Object.keys(rule.criteria).sort(), [...HONOR_INFO[h].subjects].sort(), `${regime} ${h}`);
      for (const s of Object.keys(rule.criteria) as SubjectKind[]) {
        // A Huân chương without its class has no amount until the decision sets the class.
        if (!classUndecided(h)) assert.ok(rule.money[s], `${regime} ${h} ${s} money`);
        for (const c of rule.criteria[s] ?? []) {
          walk(c, `${regime} ${h}`);
          assert.ok(c.rule.startsWith(regime.split('_')[0] ?? ''), c.rule);
          ids.add(`${s}:${c.rule}`);
        }
      }
    }
  }
  assert.ok(ids.size > 100);
  assert.ok(Object.isFrozen(PACKS.ND98_2023.honors.LDTT.criteria), 'built-in packs are frozen');
});
