import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { evaluate } from '../../src/server/rules/index.js';

const CSTD_TINH = {
  decisionDate: '2024-09-01',
  year: 2023,
  honor: 'CSTD_BO_TINH',
  regime: 'ND98_2023',
  subject: {
    kind: 'individual',
    ratings: [{ year: 2023, rating: 'HTXSNV' }],
    honors: [
      { year: 2021, honor: 'CSTDCS' },
      { year: 2022, honor: 'CSTDCS' },
      { year: 2023, honor: 'CSTDCS' },
    ],
    initiatives: [{ year: 2022, scope: 'bo_tinh' }],
  },
} as const;

/** A Giấy khen rule of the agency's own (Law Art 75 k2): only HTXSNV staff. */
const gkOverride = (version: number, effectiveFrom: string) => ({
  id: 'gk-test',
  version,
  agency: 'SKHCN',
  title: 'Tiêu chuẩn Giấy khen của Giám đốc Sở',
  basis: 'QĐ 12/2025/QĐ-SKHCN',
  effectiveFrom,
  changes: [
    {
      op: 'set_criteria',
      honor: 'GK',
      subject: 'individual',
      criteria: [{ kind: 'rating_at_least', rating: 'HTXSNV', rule: 'SKHCN.GK.htxsnv', article: 'Điều 3 QĐ 12/2025/QĐ-SKHCN', verified: true }],
    },
  ],
});

describe('rules API: evaluate, money, packs, agency overrides', () => {
  let t: TestApp;
  let admin: Client;
  let office: Client;
  let clerk: Client;
  let staff: Client;
  before(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    office = await t.login('vanphong');
    clerk = await t.login('donvi');
    staff = await t.login('canhan');
  });
  after(async () => t.close());

  it('evaluates a subject typed in, with reasons, articles and money, as the engine does', async () => {
    const r = await staff.post('/api/rules/evaluate', CSTD_TINH);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.eligible, true);
    assert.equal(r.body.regime, 'ND98_2023');
    assert.deepEqual(r.body.money, { coefficient: 3, baseSalary: 2_340_000, amount: 7_020_000 });
    const direct = evaluate(structuredClone(CSTD_TINH) as unknown as Parameters<typeof evaluate>[0]);
    assert.deepEqual(r.body.reasons, direct.reasons);
    for (const reason of r.body.reasons) {
      assert.equal(typeof reason.ok, 'boolean');
      assert.match(reason.article, /Điều \d+/);
      assert.equal(typeof reason.verified, 'boolean');
    }
    assert.match(r.body.reasons[0].text, /3 năm liên tục đạt CSTĐCS \(2021, 2022, 2023\)/);
  });

  it('says "not yet" with the missing years, and null when ratings are missing', async () => {
    const two = await clerk.post('/api/rules/evaluate', { ...CSTD_TINH, subject: { ...CSTD_TINH.subject, honors: CSTD_TINH.subject.honors.slice(1) } });
    assert.equal(two.body.eligible, false);
    assert.match(two.body.reasons[0].text, /mới có 2022, 2023/);
    const unknown = await clerk.post('/api/rules/evaluate', { decisionDate: '2024-03-01', year: 2023, honor: 'LDTT', subject: { kind: 'individual' } });
    assert.equal(unknown.status, 200);
    assert.equal(unknown.body.eligible, null);
    assert.ok(unknown.body.reasons.some((x: { ok: boolean | null }) => x.ok === null));
  });

  it('refuses bad input with a Vietnamese message (400)', async () => {
    const cases: [unknown, RegExp][] = [
      [{ ...CSTD_TINH, honor: 'CSTD_XA' }, /Mã danh hiệu, hình thức khen thưởng không hợp lệ/],
      [{ ...CSTD_TINH, subject: { kind: 'individual', ratings: [{ year: 2023, rating: 'XUAT_SAC' }] } }, /Mã xếp loại chất lượng không hợp lệ/],
      [{ ...CSTD_TINH, honor: 'TTLDTT' }, /Cá nhân không thể được xét danh hiệu Tập thể lao động tiên tiến/],
      [{ ...CSTD_TINH, decisionDate: '2024-02-30' }, /Ngày không hợp lệ: "2024-02-30"/],
      [{ ...CSTD_TINH, year: 2025 }, /không thể sau năm của ngày quyết định/],
      [{ ...CSTD_TINH, subject: { kind: 'individual', members: [] } }, /Chỉ tập thể mới có danh sách thành viên/],
      [{ ...CSTD_TINH, subject: { kind: 'alien' } }, /Loại đối tượng không hợp lệ/],
    ];
    for (const [body, message] of cases) {
      const r = await clerk.post('/api/rules/evaluate', body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.match(r.body.message, message);
    }
    const notJson = await t.anonymous.request('POST', '/api/rules/evaluate', CSTD_TINH);
    assert.equal(notJson.status, 401);
  });

  it('computes reward money: coefficient × base salary on the decision date, rounded up', async () => {
    const gk = await staff.get('/api/rules/money?honor=GK&subject=individual&decisionDate=2021-06-26');
    assert.equal(gk.status, 200);
    assert.deepEqual(gk.body, { coefficient: 0.3, baseSalary: 1_490_000, amount: 450_000 });
    const bk = await staff.get('/api/rules/money?honor=BK_BO_TINH&subject=collective&decisionDate=2024-08-01');
    assert.deepEqual(bk.body, { coefficient: 2, baseSalary: 2_340_000, amount: 4_680_000 });
    const bad = await staff.get('/api/rules/money?honor=TTLDTT&subject=individual&decisionDate=2021-06-26');
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /Cá nhân không thể được xét/);
    assert.equal((await staff.get('/api/rules/money?honor=GK&subject=individual&decisionDate=2021-13-01')).status, 400);
  });

  it('lists the facts a user may confirm, with Vietnamese labels (the what-if page reads them here)', async () => {
    const r = await staff.get('/api/rules/facts');
    assert.equal(r.status, 200);
    assert.equal(r.body.total, r.body.items.length);
    const lead = r.body.items.find((f: { fact: string }) => f.fact === 'dan_dau_cum_khoi');
    assert.match(lead.label, /dẫn đầu cụm, khối thi đua/);
  });

  it('shows a rule pack with UNVERIFIED flags; an unknown regime is a 400', async () => {
    const r = await staff.get('/api/rules/packs/ND91_2017');
    assert.equal(r.status, 200);
    // The 15 honors of the codes plus the hero titles (AHLD, AHLLVTND) and the Huân chương Lao động of undecided class.
    assert.equal(r.body.honors.length, 18);
    const cstdcs = r.body.honors.find((h: { honor: string }) => h.honor === 'CSTDCS');
    assert.equal(cstdcs.quota.share, 0.15);
    assert.ok(r.body.honors.some((h: { unverifiedCount: number }) => h.unverifiedCount > 0));
    assert.deepEqual(r.body.overrides, []);
    const bad = await staff.get('/api/rules/packs/ND2099');
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /Chế độ pháp lý không hợp lệ/);
  });

  it('stores agency overrides (office/admin), validates them and applies them by effective date', async () => {
    assert.equal((await clerk.post('/api/rules/overrides', { override: gkOverride(1, '2025-01-01') })).status, 403);
    const notAllowed = await office.post('/api/rules/overrides', {
      override: { ...gkOverride(1, '2025-01-01'), id: 'cstd', changes: [{ ...gkOverride(1, '2025-01-01').changes[0], honor: 'CSTD_BO_TINH' }] },
    });
    assert.equal(notAllowed.status, 400);
    assert.equal(notAllowed.body.error, 'override_not_allowed');
    assert.match(notAllowed.body.message, /do pháp luật quy định/);
    const badShape = await office.post('/api/rules/overrides', { override: { ...gkOverride(1, '2025-01-01'), effectiveFrom: '2025-02-30' } });
    assert.equal(badShape.status, 400);

    const created = await office.post('/api/rules/overrides', { override: gkOverride(1, '2025-01-01') });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const again = await office.post('/api/rules/overrides', { override: gkOverride(1, '2025-03-01') });
    assert.equal(again.status, 409);
    assert.equal(again.body.error, 'override_version_taken');
    assert.equal((await office.post('/api/rules/overrides', { override: { ...gkOverride(2, '2026-01-01'), title: 'Bản sửa đổi 2026' } })).status, 201);

    const list = await staff.get('/api/rules/overrides');
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.items.filter((i: { overrideId: string }) => i.overrideId === 'gk-test').map((i: { version: number }) => i.version),
      [1, 2],
    );
    // The list pages: {items,total}, page/pageSize.
    assert.equal(list.body.total, list.body.items.length);
    assert.ok(list.body.total >= 3, 'the demo override and the two versions');
    const first = await staff.get('/api/rules/overrides?pageSize=1');
    const second = await staff.get('/api/rules/overrides?pageSize=1&page=2');
    assert.equal(first.body.items.length, 1);
    assert.equal(first.body.total, list.body.total);
    assert.deepEqual(
      [first.body.items[0].id, second.body.items[0].id],
      list.body.items.slice(0, 2).map((i: { id: string }) => i.id),
    );
    assert.equal(list.body.items[0].override.agency.length > 0, true);

    // The viewer marks what the agency changed, as in force on the chosen day.
    const before2025 = await staff.get('/api/rules/packs/ND98_2023?asOf=2024-12-31');
    assert.deepEqual(before2025.body.appliedOverrides, []);
    const in2025 = await staff.get('/api/rules/packs/ND98_2023?asOf=2025-05-01');
    assert.deepEqual(in2025.body.appliedOverrides, ['gk-test@1']);
    const gk = in2025.body.honors.find((h: { honor: string }) => h.honor === 'GK');
    assert.deepEqual(gk.overriddenBy, ['gk-test@1']);
    assert.equal(gk.subjects.find((s: { subject: string }) => s.subject === 'individual').criteria[0].rule, 'SKHCN.GK.htxsnv');
    // The demo agency's own Giấy khen rule (ND152 only, from 2025-07-01) applies as well, earlier first.
    const in2026 = await staff.get('/api/rules/packs/ND152_2025?asOf=2026-02-01');
    assert.deepEqual(in2026.body.appliedOverrides, ['skhcn-giay-khen@1', 'gk-test@2']);

    // Evaluations from stored data use the rule in force on the decision date.
    const people = await admin.get(`/api/people?q=${encodeURIComponent('Hà Thị Mai')}`);
    const mai = people.body.items[0].id;
    await admin.put(`/api/people/${mai}/ratings/2023`, { rating: 'HTTNV' });
    const old = await admin.get(`/api/people/${mai}/eligibility?year=2023&decisionDate=2024-06-01`);
    const gkOld = old.body.results.find((x: { honor: string }) => x.honor === 'GK');
    assert.deepEqual(old.body.appliedOverrides, []);
    assert.ok(!gkOld.reasons.some((x: { rule: string }) => x.rule === 'SKHCN.GK.htxsnv'));
    const late = await admin.get(`/api/people/${mai}/eligibility?year=2023&decisionDate=2025-06-01`);
    const gkNew = late.body.results.find((x: { honor: string }) => x.honor === 'GK');
    assert.deepEqual(late.body.appliedOverrides, ['gk-test@1']);
    assert.equal(gkNew.eligible, false);
    assert.equal(gkNew.reasons[0].rule, 'SKHCN.GK.htxsnv');

    // The what-if page may ask for the agency's rules too.
    const whatIf = await staff.post('/api/rules/evaluate?withOverrides=true', {
      decisionDate: '2025-06-01',
      year: 2024,
      honor: 'GK',
      subject: { kind: 'individual', ratings: [{ year: 2024, rating: 'HTTNV' }] },
    });
    assert.equal(whatIf.status, 200);
    assert.deepEqual(whatIf.body.appliedOverrides, ['gk-test@1']);
    assert.equal(whatIf.body.eligible, false);

    const audit = await admin.get('/api/audit?pageSize=200');
    assert.ok(audit.body.items.some((e: { action: string }) => e.action === 'rule.override_created'));
  });
});
