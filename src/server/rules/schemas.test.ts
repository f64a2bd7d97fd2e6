import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from './evaluate.js';
import { moneyFor } from './money.js';
import { evaluateRequestSchema, issuesToMessages, moneyQuerySchema } from './schemas.js';

const example = {
  decisionDate: '2024-03-15',
  year: 2023,
  honor: 'CSTD_BO_TINH',
  regime: 'ND98_2023',
  subject: { kind: 'individual', ratings: [{ year: 2023, rating: 'HTXSNV' }], honors: [{ year: 2021, honor: 'CSTDCS' }] },
};

function messages(input: unknown): string[] {
  const r = evaluateRequestSchema.safeParse(input);
  assert.equal(r.success, false, 'expected rejection');
  return r.success ? [] : issuesToMessages(r.error);
}

test('the example JSON parses and feeds evaluate directly', () => {
  const parsed = evaluateRequestSchema.parse(example);
  assert.equal(evaluate(parsed).eligible, false);
});

test('absent lists mean none; members for collectives only', () => {
  assert.equal(evaluateRequestSchema.safeParse({ decisionDate: '2024-01-02', year: 2023, honor: 'LDTT', subject: { kind: 'individual' } }).success, true);
  assert.equal(
    evaluateRequestSchema.safeParse({
      decisionDate: '2024-01-02',
      year: 2023,
      honor: 'TTLDTT',
      subject: { kind: 'collective', members: [{ ratings: [{ year: 2023, rating: 'HTNV' }] }, {}] },
    }).success,
    true,
  );
  assert.deepEqual(messages({ ...example, subject: { ...example.subject, members: [] } }), [
    'subject.members: Chỉ tập thể mới có danh sách thành viên (members)',
  ]);
});

test('bad input is rejected with Vietnamese messages', () => {
  const cases: [unknown, RegExp][] = [
    [{ ...example, honor: 'XYZ' }, /^honor: Mã danh hiệu, hình thức khen thưởng không hợp lệ: "XYZ"/],
    [
      { ...example, subject: { kind: 'individual', ratings: [{ year: 2023, rating: 'GOOD' }] } },
      /^subject\.ratings\.0\.rating: Mã xếp loại chất lượng không hợp lệ: "GOOD" \(hợp lệ: HTXSNV, HTTNV, HTNV, KHTNV\)/,
    ],
    [{ ...example, honor: 'TTLDTT' }, /^honor: Cá nhân không thể được xét danh hiệu Tập thể lao động tiên tiến$/],
    [{ ...example, decisionDate: '2023-02-30' }, /^decisionDate: Ngày không hợp lệ: "2023-02-30"/],
    [{ ...example, decisionDate: '30/06/2024' }, /^decisionDate: Ngày không hợp lệ/],
    [{ ...example, year: 1800 }, /^year: Năm phải là số nguyên từ 1990 đến 2100$/],
    [{ ...example, year: 2023.5 }, /^year: Năm phải là số nguyên từ 1990 đến 2100$/],
    [{ ...example, year: '2023' }, /^year: Năm phải là số nguyên từ 1990 đến 2100$/],
    [{ ...example, year: 2025 }, /^year: Năm xét tặng \(2025\) không thể sau năm của ngày quyết định \(2024\)$/],
    [{ ...example, subject: { kind: 'robot' } }, /^subject\.kind: Loại đối tượng không hợp lệ: "robot"/],
    [{ ...example, regime: 'ND1' }, /^regime: Mã chế độ pháp lý không hợp lệ/],
    [{ ...example, subject: undefined }, /^subject: Thiếu đối tượng xét \(subject\)$/],
    [{ ...example, honor: undefined }, /^honor: Thiếu mã danh hiệu, hình thức khen thưởng$/],
    [{ ...example, subject: { kind: 'individual', initiatives: [{ year: 2023, scope: 'tinh' }] } }, /phạm vi sáng kiến không hợp lệ: "tinh"/],
    [
      { ...example, subject: { kind: 'individual', honors: [{ year: 2023, honor: 'CSTDCS', type: 'thuong_xuyen' }] } },
      /loại hình khen thưởng không hợp lệ: "thuong_xuyen"/,
    ],
    [{ ...example, subject: { kind: 'individual', ratings: 'HTXSNV' } }, /Xếp loại \(ratings\) phải là một danh sách/],
    ['nope', /^Yêu cầu phải là một đối tượng JSON$/],
  ];
  for (const [input, re] of cases) {
    const msgs = messages(input);
    assert.ok(
      msgs.some((m) => re.test(m)),
      `${JSON.stringify(input)} → ${JSON.stringify(msgs)}`,
    );
  }
});

test('money query: the documented GET parameters', () => {
  const q = moneyQuerySchema.parse({ honor: 'GK', subject: 'individual', decisionDate: '2021-06-26' });
  assert.deepEqual(moneyFor(q), { coefficient: 0.3, baseSalary: 1_490_000, amount: 450_000 });
  const bad = moneyQuerySchema.safeParse({ honor: 'KNC', subject: 'collective', decisionDate: '2021-06-31' });
  assert.equal(bad.success, false);
  assert.match(issuesToMessages(bad.error).join(' | '), /decisionDate: Ngày không hợp lệ: "2021-06-31"/);
  const kind = moneyQuerySchema.safeParse({ honor: 'KNC', subject: 'collective', decisionDate: '2021-06-30' });
  assert.deepEqual(issuesToMessages(kind.error!), ['subject: Tập thể không thể được xét hình thức Kỷ niệm chương']);
});
