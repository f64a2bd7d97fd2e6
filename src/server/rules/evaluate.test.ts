import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Honor, Regime } from '../../shared/codes.js';
import { evaluate } from './evaluate.js';
import { collective, honorYears, person, ratedYears, ratings } from './test-helpers.js';
import { RuleError, type EvaluateResult, type InitiativeEntry, type SubjectInput } from './types.js';

const DATE: Record<Regime, string> = { ND91_2017: '2023-03-01', ND98_2023: '2024-03-01', ND152_2025: '2025-09-01' };
const ALL: Regime[] = ['ND91_2017', 'ND98_2023', 'ND152_2025'];
const NEW: Regime[] = ['ND98_2023', 'ND152_2025'];

function run(regime: Regime, honor: Honor, subject: SubjectInput, year = 2023): EvaluateResult {
  return evaluate({ decisionDate: DATE[regime], year, honor, regime, subject });
}

describe('example request: CSTD_BO_TINH, ND98, 2023, only one CSTĐCS (2021)', () => {
  const r = evaluate({
    decisionDate: '2024-03-15',
    year: 2023,
    honor: 'CSTD_BO_TINH',
    regime: 'ND98_2023',
    subject: { kind: 'individual', ratings: ratedYears(2021, 2023, 'HTXSNV'), honors: [{ year: 2021, honor: 'CSTDCS' }] },
  });
  test('is not eligible, with reasons naming Điều 22', () => {
    assert.equal(r.eligible, false);
    assert.equal(r.regime, 'ND98_2023');
    const chain = r.reasons.find((x) => x.rule === 'ND98.CSTD_BO_TINH.3_nam_cstdcs');
    assert.ok(chain);
    assert.equal(chain.ok, false);
    assert.match(chain.article, /Điều 22/);
    assert.equal(chain.text, 'Chưa đủ: cần 3 năm liên tục đạt CSTĐCS (2021–2023); mới có 2021');
    assert.ok(r.reasons.filter((x) => x.ok === false).every((x) => /Điều 22/.test(x.article)));
  });
  test('still reports the money it would carry (3.0 × 1,800,000)', () => {
    assert.deepEqual(r.money, { coefficient: 3, baseSalary: 1_800_000, amount: 5_400_000 });
  });
});

describe('LĐTT', () => {
  const cases: [string, SubjectInput, boolean | null][] = [
    ['HTTNV passes', person({ ratings: ratings({ 2023: 'HTTNV' }) }), true],
    ['HTXSNV passes', person({ ratings: ratings({ 2023: 'HTXSNV' }) }), true],
    ['HTNV fails', person({ ratings: ratings({ 2023: 'HTNV' }) }), false],
    ['missing rating → null', person({ ratings: ratings({ 2022: 'HTXSNV' }) }), null],
    [
      'disciplined that year fails (UNVERIFIED rule)',
      person({ ratings: ratings({ 2023: 'HTXSNV' }), disciplines: [{ year: 2023, level: 'khien_trach' }] }),
      false,
    ],
    ['discipline in another year does not count', person({ ratings: ratings({ 2023: 'HTXSNV' }), disciplines: [{ year: 2022, level: 'canh_cao' }] }), true],
    ['under disciplinary review fails', person({ ratings: ratings({ 2023: 'HTXSNV' }), facts: [{ year: 2023, fact: 'dang_xem_xet_ky_luat' }] }), false],
    ['missing rating but disciplined → false (false beats unknown)', person({ disciplines: [{ year: 2023, level: 'canh_cao' }] }), false],
  ];
  for (const regime of ALL) for (const [name, s, want] of cases) test(`${regime}: ${name}`, () => assert.equal(run(regime, 'LDTT', s).eligible, want));

  test('missing rating is listed among the reasons with ok: null', () => {
    const r = run('ND98_2023', 'LDTT', person());
    assert.equal(r.eligible, null);
    const missing = r.reasons.filter((x) => x.ok === null);
    assert.equal(missing.length, 1);
    assert.equal(missing[0]?.text, 'Thiếu dữ liệu: chưa có xếp loại chất lượng năm 2023');
  });
  test('explains a pass in Vietnamese', () => {
    const r = run('ND98_2023', 'LDTT', person({ ratings: ratings({ 2023: 'HTXSNV' }) }));
    assert.equal(r.reasons[0]?.text, 'Đạt: xếp loại Hoàn thành xuất sắc nhiệm vụ năm 2023');
    assert.equal(r.reasons[0]?.article, 'Khoản 1 Điều 24 Luật 06/2022/QH15');
    assert.ok(
      r.reasons.some((x) => x.verified === false),
      'UNVERIFIED exclusions are flagged',
    );
  });
});

describe('CSTĐCS = LĐTT standard AND (HTXSNV OR grassroots initiative)', () => {
  const cases: [string, SubjectInput, boolean | null][] = [
    ['HTXSNV alone', person({ ratings: ratings({ 2023: 'HTXSNV' }) }), true],
    ['HTTNV + initiative', person({ ratings: ratings({ 2023: 'HTTNV' }), initiatives: [{ year: 2023, scope: 'co_so' }] }), true],
    ['HTTNV + wider-scope initiative', person({ ratings: ratings({ 2023: 'HTTNV' }), initiatives: [{ year: 2023, scope: 'bo_tinh' }] }), true],
    ['HTTNV + used initiative', person({ ratings: ratings({ 2023: 'HTTNV' }), initiatives: [{ year: 2023, scope: 'co_so', used: true }] }), false],
    ["HTTNV + last year's initiative", person({ ratings: ratings({ 2023: 'HTTNV' }), initiatives: [{ year: 2022, scope: 'co_so' }] }), false],
    ['HTNV + initiative (not LĐTT standard)', person({ ratings: ratings({ 2023: 'HTNV' }), initiatives: [{ year: 2023, scope: 'co_so' }] }), false],
    ['no rating + initiative → null', person({ initiatives: [{ year: 2023, scope: 'co_so' }] }), null],
  ];
  for (const regime of NEW) for (const [name, s, want] of cases) test(`${regime}: ${name}`, () => assert.equal(run(regime, 'CSTDCS', s).eligible, want));

  test('ND91 (Old Law Art 23, UNVERIFIED): HTXSNV alone is not enough, an initiative is required', () => {
    assert.equal(run('ND91_2017', 'CSTDCS', person({ ratings: ratings({ 2023: 'HTXSNV' }) })).eligible, false);
    assert.equal(run('ND91_2017', 'CSTDCS', person({ ratings: ratings({ 2023: 'HTTNV' }), initiatives: [{ year: 2023, scope: 'co_so' }] })).eligible, true);
  });
  test('a used initiative is explained', () => {
    const r = run('ND98_2023', 'CSTDCS', person({ ratings: ratings({ 2023: 'HTTNV' }), initiatives: [{ year: 2023, scope: 'co_so', used: true }] }));
    assert.match(r.reasons.map((x) => x.text).join(' | '), /1 sáng kiến đã dùng cho khen thưởng khác không được tính/);
  });
});

describe('CSTĐ bộ, ban, ngành, tỉnh: 3 consecutive CSTĐCS + bo_tinh initiative (Law Art 22)', () => {
  const init: InitiativeEntry[] = [{ year: 2023, scope: 'bo_tinh' }];
  const base = (honors: SubjectInput['honors'], initiatives = init) => person({ ratings: ratedYears(2019, 2023, 'HTXSNV'), honors, initiatives });
  const cases: [string, SubjectInput, boolean][] = [
    ['exactly 3 consecutive years ending at the evaluation year', base(honorYears('CSTDCS', [2021, 2022, 2023])), true],
    ['2 years only', base(honorYears('CSTDCS', [2022, 2023])), false],
    ['gap year breaks the chain', base(honorYears('CSTDCS', [2020, 2021, 2023])), false],
    ['chain must include the evaluation year', base(honorYears('CSTDCS', [2020, 2021, 2022])), false],
    ['a chuyên đề CSTĐCS does not count', base([...honorYears('CSTDCS', [2021, 2023]), ...honorYears('CSTDCS', [2022], 'chuyen_de')]), false],
    ['a đột xuất CSTĐCS does not count', base([...honorYears('CSTDCS', [2021, 2023]), ...honorYears('CSTDCS', [2022], 'dot_xuat')]), false],
    ['explicit công trạng counts', base(honorYears('CSTDCS', [2021, 2022, 2023], 'cong_trang')), true],
    ['used initiative does not count', base(honorYears('CSTDCS', [2021, 2022, 2023]), [{ year: 2023, scope: 'bo_tinh', used: true }]), false],
    ['grassroots initiative is not enough', base(honorYears('CSTDCS', [2021, 2022, 2023]), [{ year: 2023, scope: 'co_so' }]), false],
    ['national initiative also counts', base(honorYears('CSTDCS', [2021, 2022, 2023]), [{ year: 2022, scope: 'toan_quoc' }]), true],
    [
      'years already used for a CSTĐ tỉnh in 2021 are not reused',
      base([...honorYears('CSTDCS', [2019, 2020, 2021, 2022, 2023]), ...honorYears('CSTD_BO_TINH', [2021])]),
      false,
    ],
  ];
  for (const regime of ALL) for (const [name, s, want] of cases) test(`${regime}: ${name}`, () => assert.equal(run(regime, 'CSTD_BO_TINH', s).eligible, want));

  test('the explanation names the excluded chuyên đề year', () => {
    const r = run('ND98_2023', 'CSTD_BO_TINH', base([...honorYears('CSTDCS', [2021, 2023]), ...honorYears('CSTDCS', [2022], 'chuyen_de')]));
    assert.equal(
      r.reasons[0]?.text,
      'Chưa đủ: cần 3 năm liên tục đạt CSTĐCS (2021–2023); mới có 2021, 2023; không tính khen thưởng theo đợt, chuyên đề, đột xuất năm 2022',
    );
  });
  test('the explanation of a pass lists the chain', () => {
    const r = run('ND98_2023', 'CSTD_BO_TINH', base(honorYears('CSTDCS', [2021, 2022, 2023])));
    assert.equal(r.reasons[0]?.text, 'Đạt: 3 năm liên tục đạt CSTĐCS (2021, 2022, 2023)');
  });
});

describe('CSTĐ toàn quốc: 2 consecutive CSTĐ bộ/tỉnh terms + national initiative (Law Art 21)', () => {
  const mk = (years: number[], scope: 'toan_quoc' | 'bo_tinh' = 'toan_quoc') =>
    person({ ratings: ratedYears(2017, 2023, 'HTXSNV'), honors: honorYears('CSTD_BO_TINH', years), initiatives: [{ year: 2022, scope }] });
  const cases: [string, SubjectInput, boolean][] = [
    ['terms 2020 and 2023', mk([2020, 2023]), true],
    ['only 2023', mk([2023]), false],
    ['2017 and 2023 are not consecutive terms', mk([2017, 2023]), false],
    ['provincial initiative is not enough', mk([2020, 2023], 'bo_tinh'), false],
  ];
  for (const regime of NEW) for (const [name, s, want] of cases) test(`${regime}: ${name}`, () => assert.equal(run(regime, 'CSTD_TQ', s).eligible, want));
});

describe('TTLĐTT: ≥70% members LĐTT (Law Art 28) vs >50% (Old Law)', () => {
  const cases: [Regime, number, number, boolean][] = [
    ['ND98_2023', 10, 7, true], // exactly 70%
    ['ND98_2023', 1000, 699, false], // 69.9%
    ['ND98_2023', 1000, 700, true],
    ['ND152_2025', 10, 7, true],
    ['ND152_2025', 1000, 699, false],
    ['ND91_2017', 10, 5, false], // exactly 50% fails
    ['ND91_2017', 1000, 501, true], // 50.1%
    ['ND91_2017', 10, 6, true],
  ];
  for (const [regime, total, ldtt, want] of cases) {
    test(`${regime}: ${ldtt}/${total} LĐTT → ${want}`, () => assert.equal(run(regime, 'TTLDTT', collective(2023, total, ldtt)).eligible, want));
  }
  test('percent is explained with a decimal comma', () => {
    const r = run('ND98_2023', 'TTLDTT', collective(2023, 1000, 699));
    assert.equal(r.reasons.find((x) => x.rule === 'ND98.TTLDTT.70_ldtt')?.text, 'Chưa đạt: 699/1000 thành viên (69,9%) đạt LĐTT năm 2023; cần từ 70% trở lên');
    const old = run('ND91_2017', 'TTLDTT', collective(2023, 10, 5));
    assert.match(old.reasons.find((x) => x.rule === 'ND91.TTLDTT.tren_50_ldtt')?.text ?? '', /cần trên 50%/);
  });
  test('a member disciplined at cảnh cáo fails; khiển trách does not', () => {
    assert.equal(
      run(
        'ND98_2023',
        'TTLDTT',
        collective(2023, 10, 8, {}, (i) => (i === 9 ? { disciplines: [{ year: 2023, level: 'canh_cao' }] } : {})),
      ).eligible,
      false,
    );
    assert.equal(
      run(
        'ND98_2023',
        'TTLDTT',
        collective(2023, 10, 8, {}, (i) => (i === 9 ? { disciplines: [{ year: 2023, level: 'khien_trach' }] } : {})),
      ).eligible,
      true,
    );
  });
  test('no member list → null', () => {
    const r = run('ND98_2023', 'TTLDTT', { kind: 'collective', ratings: ratings({ 2023: 'HTTNV' }) });
    assert.equal(r.eligible, null);
    assert.ok(r.reasons.some((x) => x.ok === null && /danh sách thành viên/.test(x.text)));
  });
});

describe('TTLĐXS: HTXSNV + 100% complete tasks + ≥70% LĐTT + ≥1 CSTĐCS (Law Art 27)', () => {
  const good = (memberExtra: Parameters<typeof collective>[4] = (i) => (i === 0 ? { honors: [{ year: 2023, honor: 'CSTDCS' }] } : {})) =>
    collective(2023, 10, 7, { ratings: ratings({ 2023: 'HTXSNV' }) }, memberExtra);
  const cases: [string, SubjectInput, boolean | null][] = [
    ['all criteria met', good(), true],
    ['no CSTĐCS member', good(() => ({})), false],
    [
      'one member KHTNV',
      good((i) => (i === 0 ? { honors: [{ year: 2023, honor: 'CSTDCS' }] } : i === 5 ? { ratings: ratings({ 2023: 'KHTNV' }) } : {})),
      false,
    ],
    ['one member without rating → null', good((i) => (i === 0 ? { honors: [{ year: 2023, honor: 'CSTDCS' }] } : i === 5 ? { ratings: [] } : {})), null],
    ['collective only HTTNV', collective(2023, 10, 7, {}, (i) => (i === 0 ? { honors: [{ year: 2023, honor: 'CSTDCS' }] } : {})), false],
  ];
  for (const regime of ALL) for (const [name, s, want] of cases) test(`${regime}: ${name}`, () => assert.equal(run(regime, 'TTLDXS', s).eligible, want));
});

describe('Bằng khen bộ/tỉnh, individual (Law Art 74 k1 d)', () => {
  const cases: [string, SubjectInput, boolean | null][] = [
    ['2 consecutive CSTĐCS', person({ ratings: ratedYears(2022, 2023, 'HTTNV'), honors: honorYears('CSTDCS', [2022, 2023]) }), true],
    [
      '2 years HTXSNV + 2 grassroots initiatives',
      person({
        ratings: ratedYears(2022, 2023, 'HTXSNV'),
        initiatives: [
          { year: 2022, scope: 'co_so' },
          { year: 2023, scope: 'co_so' },
        ],
      }),
      true,
    ],
    ['2 years HTXSNV + 1 initiative', person({ ratings: ratedYears(2022, 2023, 'HTXSNV'), initiatives: [{ year: 2023, scope: 'co_so' }] }), false],
    [
      '2 years HTXSNV + 2 initiatives, one used',
      person({
        ratings: ratedYears(2022, 2023, 'HTXSNV'),
        initiatives: [
          { year: 2022, scope: 'co_so', used: true },
          { year: 2023, scope: 'co_so' },
        ],
      }),
      false,
    ],
    ['CSTĐCS with a gap', person({ ratings: ratedYears(2021, 2023, 'HTTNV'), honors: honorYears('CSTDCS', [2021, 2023]) }), false],
    [
      'unknown 2022 rating, 2 initiatives → null',
      person({
        ratings: ratings({ 2023: 'HTXSNV' }),
        initiatives: [
          { year: 2022, scope: 'co_so' },
          { year: 2023, scope: 'co_so' },
        ],
      }),
      null,
    ],
  ];
  for (const regime of NEW) for (const [name, s, want] of cases) test(`${regime}: ${name}`, () => assert.equal(run(regime, 'BK_BO_TINH', s).eligible, want));
});

describe('Bằng khen Thủ tướng', () => {
  const mk = (r: SubjectInput['ratings'], cstdcs: number[], bk = [2019]) =>
    person({ ratings: r, honors: [...honorYears('BK_BO_TINH', bk), ...honorYears('CSTDCS', cstdcs)] });
  const cases: [string, SubjectInput, boolean | null][] = [
    ['BK tỉnh + 5 years HTTNV+ incl. 3 CSTĐCS', mk(ratedYears(2019, 2023, 'HTTNV'), [2019, 2021, 2023]), true],
    ['only 2 CSTĐCS', mk(ratedYears(2019, 2023, 'HTTNV'), [2021, 2023]), false],
    [
      'a HTNV year breaks the 5 years',
      mk([...ratedYears(2019, 2020, 'HTTNV'), { year: 2021, rating: 'HTNV' }, ...ratedYears(2022, 2023, 'HTXSNV')], [2019, 2022, 2023]),
      false,
    ],
    ['no prior BK tỉnh', mk(ratedYears(2019, 2023, 'HTTNV'), [2019, 2021, 2023], []), false],
    [
      'prior BK tỉnh only chuyên đề',
      person({
        ratings: ratedYears(2019, 2023, 'HTTNV'),
        honors: [...honorYears('BK_BO_TINH', [2019], 'chuyen_de'), ...honorYears('CSTDCS', [2019, 2021, 2023])],
      }),
      false,
    ],
  ];
  for (const regime of NEW) for (const [name, s, want] of cases) test(`${regime}: ${name}`, () => assert.equal(run(regime, 'BK_TTG', s).eligible, want));

  test('ND91 Art 38: BK tỉnh + 5 years HTXSNV + 5 grassroots initiatives', () => {
    const initiatives = [2019, 2020, 2021, 2022, 2023].map((year) => ({ year, scope: 'co_so' as const }));
    assert.equal(
      run('ND91_2017', 'BK_TTG', person({ ratings: ratedYears(2019, 2023, 'HTXSNV'), honors: honorYears('BK_BO_TINH', [2018]), initiatives })).eligible,
      true,
    );
    assert.equal(
      run(
        'ND91_2017',
        'BK_TTG',
        person({ ratings: ratedYears(2019, 2023, 'HTXSNV'), honors: honorYears('BK_BO_TINH', [2018]), initiatives: initiatives.slice(1) }),
      ).eligible,
      false,
    );
  });
});

describe('collective flags and household forms', () => {
  test('Cờ thi đua bộ/tỉnh needs a confirmed cluster lead', () => {
    const s: SubjectInput = { kind: 'collective', ratings: ratings({ 2023: 'HTXSNV' }) };
    assert.equal(run('ND98_2023', 'CO_BO_TINH', s).eligible, false);
    assert.equal(run('ND98_2023', 'CO_BO_TINH', { ...s, facts: [{ year: 2023, fact: 'dan_dau_cum_khoi' }] }).eligible, true);
  });
  test('Cờ Chính phủ from a Cờ tỉnh the same year', () => {
    const s: SubjectInput = { kind: 'collective', ratings: ratings({ 2023: 'HTXSNV' }), honors: honorYears('CO_BO_TINH', [2023]) };
    assert.equal(run('ND98_2023', 'CO_CP', s).eligible, true);
    assert.equal(run('ND98_2023', 'CO_CP', { ...s, honors: honorYears('CO_BO_TINH', [2022]) }).eligible, false);
  });
  test('Giấy khen for a household needs a confirmation (default rule, UNVERIFIED)', () => {
    const r = run('ND152_2025', 'GK', { kind: 'household' }, 2025);
    assert.equal(r.eligible, false);
    assert.equal(r.money?.amount, 1_060_000);
  });
});

test('a subject kind that cannot get the honor throws a Vietnamese RuleError', () => {
  assert.throws(
    () => run('ND98_2023', 'TTLDTT', person({ ratings: ratings({ 2023: 'HTTNV' }) })),
    (e) => e instanceof RuleError && e.code === 'subject_not_allowed' && e.message === 'Cá nhân không thể được xét danh hiệu Tập thể lao động tiên tiến',
  );
});

test('the regime follows the decision date when not given', () => {
  const s = person({ ratings: ratings({ 2023: 'HTTNV' }) });
  assert.equal(evaluate({ decisionDate: '2023-12-31', year: 2023, honor: 'LDTT', subject: s }).regime, 'ND91_2017');
  assert.equal(evaluate({ decisionDate: '2024-01-01', year: 2023, honor: 'LDTT', subject: s }).regime, 'ND98_2023');
  assert.equal(evaluate({ decisionDate: '2025-06-30', year: 2024, honor: 'LDTT', subject: s }).regime, 'ND98_2023');
  assert.equal(evaluate({ decisionDate: '2025-07-01', year: 2024, honor: 'LDTT', subject: s }).regime, 'ND152_2025');
});
