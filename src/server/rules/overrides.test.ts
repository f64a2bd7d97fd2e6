import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { z } from 'zod';
import { evaluate } from './evaluate.js';
import { moneyFromPack } from './money.js';
import { applyOverrides, checkOverride, ruleOverrideSchema, type RuleOverride } from './overrides.js';
import { ND98_2023_PACK, ND152_2025_PACK } from './packs/index.js';
import { person, ratings } from './test-helpers.js';
import { RuleError } from './types.js';

// Compile-time: what the schema parses is a RuleOverride.
const _schemaMatchesType: (x: z.infer<typeof ruleOverrideSchema>) => RuleOverride = (x) => x;
void _schemaMatchesType;

/** A province's own Giấy khen criterion: HTXSNV instead of the system default HTTNV. */
const gkV1: RuleOverride = {
  id: 'bac-ninh-gk',
  version: 1,
  agency: 'UBND_BAC_NINH',
  basis: 'QĐ 86/2025/QĐ-UBND',
  effectiveFrom: '2025-07-15',
  changes: [
    {
      op: 'set_criteria',
      honor: 'GK',
      subject: 'individual',
      criteria: [{ kind: 'rating_at_least', rating: 'HTXSNV', rule: 'BN.GK.htxsnv', article: 'Điều 4 QĐ 86/2025/QĐ-UBND', verified: true }],
    },
  ],
};
const gkV2: RuleOverride = {
  ...gkV1,
  version: 2,
  effectiveFrom: '2026-01-01',
  changes: [
    {
      op: 'set_criteria',
      honor: 'GK',
      subject: 'individual',
      criteria: [{ kind: 'rating_at_least', rating: 'HTNV', rule: 'BN.GK.htnv', article: 'QĐ sửa đổi', verified: true }],
    },
  ],
};

const gk = (pack: typeof ND152_2025_PACK, rating: 'HTXSNV' | 'HTTNV' | 'HTNV') =>
  evaluate({ decisionDate: '2025-12-01', year: 2025, honor: 'GK', subject: person({ ratings: ratings({ 2025: rating }) }) }, { pack }).eligible;

test('overrides apply by effective date and the latest version in force wins', () => {
  const before = applyOverrides(ND152_2025_PACK, [gkV1, gkV2], '2025-07-14');
  assert.equal(before, ND152_2025_PACK, 'nothing in force → same pack');
  assert.equal(gk(before, 'HTTNV'), true);

  const mid = applyOverrides(ND152_2025_PACK, [gkV1, gkV2], '2025-07-15');
  assert.equal(gk(mid, 'HTTNV'), false);
  assert.equal(gk(mid, 'HTXSNV'), true);
  assert.deepEqual(mid.appliedOverrides, ['bac-ninh-gk@1']);

  const late = applyOverrides(ND152_2025_PACK, [gkV1, gkV2], '2026-03-01');
  assert.equal(gk(late, 'HTNV'), true);
  assert.deepEqual(late.appliedOverrides, ['bac-ninh-gk@2']);

  // The built-in pack is untouched.
  assert.equal(ND152_2025_PACK.honors.GK.criteria.individual?.[0]?.rule, 'ND152.GK.ca_nhan_htttnv');
});

test('effectiveTo (inclusive) and regime limits', () => {
  const o: RuleOverride = { ...gkV1, effectiveTo: '2025-12-31', regimes: ['ND152_2025'] };
  assert.deepEqual(applyOverrides(ND152_2025_PACK, [o], '2025-12-31').appliedOverrides, ['bac-ninh-gk@1']);
  assert.deepEqual(applyOverrides(ND152_2025_PACK, [o], '2026-01-01').appliedOverrides, []);
  assert.deepEqual(applyOverrides(ND98_2023_PACK, [{ ...o, effectiveFrom: '2024-01-01' }], '2025-01-01').appliedOverrides, []);
});

test('what the law fixes cannot be overridden', () => {
  const bad: RuleOverride = {
    ...gkV1,
    id: 'x',
    changes: [
      {
        op: 'set_criteria',
        honor: 'CSTD_BO_TINH',
        subject: 'individual',
        criteria: [{ kind: 'rating_at_least', rating: 'HTNV', rule: 'x', article: 'x', verified: true }],
      },
    ],
  };
  assert.throws(
    () => applyOverrides(ND152_2025_PACK, [bad], '2025-08-01'),
    (e) => e instanceof RuleError && e.code === 'override_not_allowed' && /không được thay đổi/.test(e.message),
  );
  const replaceLdtt: RuleOverride = {
    ...bad,
    changes: [
      {
        op: 'set_criteria',
        honor: 'LDTT',
        subject: 'individual',
        criteria: [{ kind: 'rating_at_least', rating: 'HTNV', rule: 'x', article: 'x', verified: true }],
      },
    ],
  };
  assert.match(checkOverride(ND152_2025_PACK, replaceLdtt).join(), /chỉ được bổ sung/);
  const wrongSubject: RuleOverride = {
    ...bad,
    changes: [
      {
        op: 'add_criteria',
        honor: 'LDTT',
        subject: 'collective',
        criteria: [{ kind: 'rating_at_least', rating: 'HTNV', rule: 'x', article: 'x', verified: true }],
      },
    ],
  };
  assert.match(checkOverride(ND152_2025_PACK, wrongSubject).join(), /Tập thể không thể được xét/);
});

test('add_criteria makes LĐTT stricter; quotas and KNC money within the cap', () => {
  const o: RuleOverride = {
    id: 'bo-x',
    version: 1,
    agency: 'BO_X',
    effectiveFrom: '2025-07-01',
    changes: [
      {
        op: 'add_criteria',
        honor: 'LDTT',
        subject: 'individual',
        criteria: [{ kind: 'no_discipline', atLeast: 'khien_trach', withinYears: 2, rule: 'BX.LDTT.2_nam', article: 'QĐ của Bộ X', verified: true }],
      },
      {
        op: 'set_quota',
        honor: 'CSTD_BO_TINH',
        quota: { kind: 'share_of_honor', of: 'CSTDCS', share: 0.1, rounding: 'floor', article: 'QĐ của Bộ X', verified: true },
      },
      { op: 'set_coefficient', honor: 'KNC', subject: 'individual', coefficient: 0.4 },
    ],
  };
  const p = applyOverrides(ND152_2025_PACK, [o], '2025-08-01');
  const s = person({ ratings: ratings({ 2025: 'HTXSNV' }), disciplines: [{ year: 2024, level: 'khien_trach' }] });
  assert.equal(evaluate({ decisionDate: '2025-08-01', year: 2025, honor: 'LDTT', subject: s }).eligible, true);
  assert.equal(evaluate({ decisionDate: '2025-08-01', year: 2025, honor: 'LDTT', subject: s }, { pack: p }).eligible, false);
  assert.equal(p.honors.CSTD_BO_TINH.quota?.share, 0.1);
  assert.equal(moneyFromPack(p, 'KNC', 'individual', '2025-08-01').amount, 940_000);
  const tooMuch: RuleOverride = { ...o, changes: [{ op: 'set_coefficient', honor: 'KNC', subject: 'individual', coefficient: 0.7 }] };
  assert.match(checkOverride(ND152_2025_PACK, tooMuch).join(), /tối đa 0,6/);
  const lawMoney: RuleOverride = { ...o, changes: [{ op: 'set_coefficient', honor: 'LDTT', subject: 'individual', coefficient: 0.5 }] };
  assert.match(checkOverride(ND152_2025_PACK, lawMoney).join(), /không được thay đổi/);
});

test('deadlines can be set and removed', () => {
  const o: RuleOverride = {
    id: 'dl',
    version: 1,
    agency: 'T',
    effectiveFrom: '2025-07-01',
    changes: [
      {
        op: 'set_deadline',
        deadline: {
          id: 'tong_ket_nam_gui_so',
          label: 'Trước 05/12',
          kind: 'yearly_date',
          month: 12,
          day: 5,
          yearOffset: 0,
          article: 'QĐ tỉnh T',
          verified: true,
        },
      },
      { op: 'remove_deadline', id: 'cong_khai_truoc_hop' },
    ],
  };
  const p = applyOverrides(ND152_2025_PACK, [o], '2025-07-01');
  const d = p.deadlines.find((x) => x.id === 'tong_ket_nam_gui_so');
  assert.ok(d && d.kind === 'yearly_date' && d.day === 5);
  assert.ok(!p.deadlines.some((x) => x.id === 'cong_khai_truoc_hop'));
});

test('ruleOverrideSchema validates shape with Vietnamese messages', () => {
  assert.equal(ruleOverrideSchema.safeParse(gkV1).success, true);
  const r = ruleOverrideSchema.safeParse({
    ...gkV1,
    effectiveFrom: '2025-02-30',
    changes: [{ op: 'set_criteria', honor: 'GK', subject: 'individual', criteria: [{ kind: 'bogus', rule: 'x', article: 'x', verified: true }] }],
  });
  assert.equal(r.success, false);
  const msgs = r.error?.issues.map((i) => i.message).join(' | ') ?? '';
  assert.match(msgs, /Ngày không hợp lệ: "2025-02-30"/);
  assert.match(msgs, /Loại tiêu chí không hợp lệ: "bogus"/);
  const back = ruleOverrideSchema.safeParse({ ...gkV1, effectiveTo: '2025-01-01' });
  assert.match(back.error?.issues[0]?.message ?? '', /không thể trước ngày có hiệu lực/);
  const nested = ruleOverrideSchema.safeParse({
    ...gkV1,
    changes: [
      {
        op: 'set_criteria',
        honor: 'GK',
        subject: 'individual',
        criteria: [
          {
            kind: 'any_of',
            rule: 'a',
            article: 'a',
            verified: false,
            of: [{ kind: 'initiative', scope: 'co_so', count: 2, rule: 'b', article: 'b', verified: true }],
          },
        ],
      },
    ],
  });
  assert.equal(nested.success, true);
});

test('the draft-amendment rule "HTXSNV AND initiative" for CSTĐCS can be configured as data', () => {
  const both: RuleOverride = {
    id: 'cstdcs-and',
    version: 1,
    agency: 'BO_Y',
    effectiveFrom: '2025-07-01',
    changes: [
      {
        op: 'add_criteria',
        honor: 'CSTDCS',
        subject: 'individual',
        criteria: [
          { kind: 'rating_at_least', rating: 'HTXSNV', rule: 'BY.CSTDCS.htxsnv', article: 'Dự thảo sửa Luật TĐKT 2025', verified: false },
          { kind: 'initiative', scope: 'co_so', rule: 'BY.CSTDCS.sang_kien', article: 'Dự thảo sửa Luật TĐKT 2025', verified: false },
        ],
      },
    ],
  };
  const p = applyOverrides(ND152_2025_PACK, [both], '2025-08-01');
  const only = person({ ratings: ratings({ 2025: 'HTXSNV' }) });
  const q = { decisionDate: '2025-08-01', year: 2025, honor: 'CSTDCS' as const };
  assert.equal(evaluate({ ...q, subject: only }).eligible, true);
  assert.equal(evaluate({ ...q, subject: only }, { pack: p }).eligible, false);
  assert.equal(evaluate({ ...q, subject: { ...only, initiatives: [{ year: 2025, scope: 'co_so' }] } }, { pack: p }).eligible, true);
});
