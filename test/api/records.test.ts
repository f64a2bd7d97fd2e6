import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, makeXlsx, unitId, type Client, type TestApp } from '../helpers/app.js';
import { makeCccd } from '../../src/shared/cccd.js';
import { recordHonorAward } from '../../src/server/repositories/records.js';

type Result = { honor: string; eligible: boolean | null; reasons: { ok: boolean | null; text: string; rule: string }[] };
const resultOf = (body: { results: Result[] }, honor: string) => body.results.find((r) => r.honor === honor)!;

describe('records: storage, commands, eligibility from stored data, candidates, import, scope', () => {
  let t: TestApp;
  let admin: Client;
  let clerk: Client; // donvi: Trung tâm Ứng dụng and its sub-unit
  let staff: Client; // canhan: Lý Thị Phương
  let head: Client;
  let phuong: string;
  let mai: string;
  let outsideClerk: string; // a person of Văn phòng Sở, outside the clerk's subtree
  let centre: string;

  const personId = async (name: string) => (await admin.get(`/api/people?q=${encodeURIComponent(name)}`)).body.items[0].id as string;

  before(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    clerk = await t.login('donvi');
    staff = await t.login('canhan');
    head = await t.login('giamdoc');
    phuong = await personId('Lý Thị Phương');
    mai = await personId('Hà Thị Mai');
    outsideClerk = await personId('Đàm Văn Long');
    centre = await unitId(admin, 'Trung tâm Ứng dụng');
  });
  after(async () => t.close());

  it('demo data: one person is eligible for CSTĐ cấp tỉnh 2025, another just misses it', async () => {
    const p = await admin.get(`/api/people/${phuong}/eligibility?year=2025&decisionDate=2026-01-20`);
    assert.equal(p.status, 200);
    assert.equal(p.body.regime, 'ND152_2025');
    assert.equal(resultOf(p.body, 'CSTD_BO_TINH').eligible, true);
    assert.deepEqual(
      resultOf(p.body, 'CSTD_BO_TINH').reasons.map((r) => r.ok),
      [true, true, true],
    );
    const m = await admin.get(`/api/people/${mai}/eligibility?year=2025&decisionDate=2026-01-20`);
    const cstd = resultOf(m.body, 'CSTD_BO_TINH');
    assert.equal(cstd.eligible, false);
    assert.match(cstd.reasons[0]!.text, /mới có 2024, 2025/);
    // Individual honors only; money with each result.
    assert.ok(p.body.results.every((r: { honor: string }) => !['TTLDTT', 'CO_CP'].includes(r.honor)));
    assert.deepEqual(resultOf(p.body, 'CSTD_BO_TINH') && p.body.results.find((r: { honor: string }) => r.honor === 'CSTD_BO_TINH').money, {
      coefficient: 3,
      baseSalary: 2_340_000,
      amount: 7_020_000,
    });
  });

  it('shows the history by year', async () => {
    const r = await staff.get(`/api/people/${phuong}/records`);
    assert.equal(r.status, 200);
    assert.equal(r.body.subject.name, 'Lý Thị Phương');
    assert.deepEqual(r.body.years.slice(0, 3), [2025, 2024, 2023]);
    assert.equal(r.body.ratings.length, 7);
    assert.ok(
      r.body.honors.some(
        (h: { honor: string; year: number; decisionNumber: string }) => h.honor === 'CSTDCS' && h.year === 2024 && /QĐ-SKHCN/.test(h.decisionNumber),
      ),
    );
    assert.equal(r.body.initiatives[0].scope, 'bo_tinh');
    assert.deepEqual(r.body.abilities, ['read']);
    const unit = await admin.get(`/api/units/${centre}/records`);
    assert.equal(unit.status, 200);
    assert.equal(unit.body.subject.kind, 'collective');
    assert.equal(unit.body.ratings.length, 7);
  });

  it('sets a rating as a command with before/after in the audit; stale versions conflict', async () => {
    const before = (await clerk.get(`/api/people/${mai}/records`)).body.ratings.find((r: { year: number }) => r.year === 2024);
    const r = await clerk.put(`/api/people/${mai}/ratings/2024`, { rating: 'HTNV', note: 'Đánh giá lại', version: before.version });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.rating, 'HTNV');
    assert.equal(r.body.version, before.version + 1);
    const stale = await clerk.put(`/api/people/${mai}/ratings/2024`, { rating: 'HTTNV', version: before.version });
    assert.equal(stale.status, 409);
    const audit = await admin.get('/api/audit?pageSize=50');
    const e = audit.body.items.find((x: { action: string }) => x.action === 'record.rating_set');
    assert.ok(e, 'audit entry');
    assert.match(e.summary, /Hoàn thành xuất sắc nhiệm vụ → Hoàn thành nhiệm vụ/);
    assert.equal(e.before.rating, 'HTXSNV');
    assert.equal(e.after.rating, 'HTNV');
    const bad = await clerk.put(`/api/people/${mai}/ratings/2024`, { rating: 'XUAT_SAC' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /Xếp loại không hợp lệ/);
    assert.equal((await clerk.put(`/api/people/${mai}/ratings/1800`, { rating: 'HTNV' })).status, 400);
    // LĐTT 2024 now fails on the rating.
    const el = await clerk.get(`/api/people/${mai}/eligibility?year=2024&decisionDate=2025-01-15`);
    assert.equal(resultOf(el.body, 'LDTT').eligible, false);
    await clerk.put(`/api/people/${mai}/ratings/2024`, { rating: 'HTXSNV' });
  });

  it('scope: clerk 404 outside the subtree, staff only their own, head reads only', async () => {
    for (const url of [
      `/api/people/${outsideClerk}/records`,
      `/api/people/${outsideClerk}/eligibility`,
      `/api/units/${t.demo.rootUnitId}/records`,
      `/api/candidates?unitId=${t.demo.rootUnitId}`,
    ]) {
      assert.equal((await clerk.get(url)).status, 404, url);
    }
    assert.equal((await clerk.put(`/api/people/${outsideClerk}/ratings/2024`, { rating: 'HTNV' })).status, 404);
    assert.equal((await clerk.post('/api/records/honors', { personId: outsideClerk, honor: 'LDTT', year: 2024 })).status, 404);
    assert.equal((await staff.get(`/api/people/${phuong}/eligibility?year=2025`)).status, 200);
    assert.equal((await staff.get(`/api/people/${mai}/records`)).status, 404);
    assert.equal((await staff.get(`/api/units/${centre}/records`)).status, 404);
    assert.equal((await staff.get(`/api/candidates?unitId=${centre}`)).status, 404);
    assert.equal((await staff.put(`/api/people/${phuong}/ratings/2024`, { rating: 'HTXSNV' })).status, 403);
    assert.equal((await head.get(`/api/people/${outsideClerk}/records`)).status, 200);
    assert.equal((await head.put(`/api/people/${outsideClerk}/ratings/2024`, { rating: 'HTXSNV' })).status, 403);
  });

  it('builds eligibility from stored ratings, honors, initiatives and discipline', async () => {
    const unit = await admin.post('/api/units', { parentId: t.demo.rootUnitId, name: 'Phòng Thử nghiệm', kind: 'department' });
    const p = await admin.post('/api/people', { fullName: 'Nông Văn Thử', unitId: unit.body.id, isLeader: false, cccd: makeCccd('004', 'nam', 1985, 777001) });
    const id = p.body.id as string;
    for (const year of [2021, 2022, 2023]) {
      assert.equal((await admin.put(`/api/people/${id}/ratings/${year}`, { rating: 'HTXSNV' })).status, 200);
      const h = await admin.post('/api/records/honors', {
        personId: id,
        honor: 'CSTDCS',
        year,
        decisionNumber: `${year}/QĐ-SKHCN`,
        decisionDate: `${year + 1}-01-10`,
        issuer: 'Giám đốc Sở',
      });
      assert.equal(h.status, 201, JSON.stringify(h.body));
    }
    const q = `year=2023&decisionDate=2024-09-01`;
    let el = await admin.get(`/api/people/${id}/eligibility?${q}`);
    assert.equal(resultOf(el.body, 'CSTD_BO_TINH').eligible, false, 'no provincial initiative yet');
    const init = await admin.post('/api/records/initiatives', {
      title: 'Giải pháp số hóa sổ theo dõi',
      scope: 'bo_tinh',
      year: 2023,
      authorIds: [id],
      decisionNumber: '88/QĐ-UBND',
    });
    assert.equal(init.status, 201, JSON.stringify(init.body));
    el = await admin.get(`/api/people/${id}/eligibility?${q}`);
    assert.equal(resultOf(el.body, 'CSTD_BO_TINH').eligible, true);

    // The initiative backs one award only: once used, it no longer counts.
    const award = await admin.post('/api/records/honors', { personId: id, honor: 'BK_BO_TINH', year: 2023 });
    const used = await admin.put(`/api/records/initiatives/${init.body.id}`, { ...init.body, authorIds: [id], usedForAwardId: award.body.id });
    assert.equal(used.status, 200, JSON.stringify(used.body));
    el = await admin.get(`/api/people/${id}/eligibility?${q}`);
    assert.equal(resultOf(el.body, 'CSTD_BO_TINH').eligible, false);

    // Revoking the CSTĐCS 2022 breaks the chain; a reprimand fails LĐTT.
    const hist = await admin.get(`/api/people/${id}/records`);
    const h2022 = hist.body.honors.find((h: { honor: string; year: number }) => h.honor === 'CSTDCS' && h.year === 2022);
    const rv = await admin.post(`/api/records/honors/${h2022.id}/revoke`, { reason: 'Quyết định bị hủy do sai sót hồ sơ' });
    assert.equal(rv.status, 200);
    assert.equal(rv.body.revoked, true);
    const d = await admin.post('/api/records/disciplines', { personId: id, level: 'khien_trach', year: 2023, decisionNumber: '9/QĐ-SKHCN' });
    assert.equal(d.status, 201);
    el = await admin.get(`/api/people/${id}/eligibility?${q}`);
    assert.equal(resultOf(el.body, 'LDTT').eligible, false);
    assert.equal((await admin.post('/api/records/honors', { personId: id, honor: 'TTLDTT', year: 2023 })).status, 400);
    assert.equal((await admin.post('/api/records/honors', { personId: id, unitId: unit.body.id, honor: 'GK', year: 2023 })).status, 400);
    assert.equal((await admin.del(`/api/records/disciplines/${d.body.id}`)).status, 204);
  });

  it('a collective: members in a year follow transfers; facts count', async () => {
    const unit = await admin.post('/api/units', { parentId: t.demo.rootUnitId, name: 'Tổ Tập thể', kind: 'department' });
    const other = await admin.post('/api/units', { parentId: t.demo.rootUnitId, name: 'Tổ Nhận', kind: 'department' });
    const ids: string[] = [];
    for (const [i, name] of ['Lò Văn Một', 'Lò Thị Hai'].entries()) {
      const p = await admin.post('/api/people', {
        fullName: name,
        unitId: unit.body.id,
        isLeader: false,
        cccd: makeCccd('004', i ? 'nu' : 'nam', 1990, 778000 + i),
      });
      ids.push(p.body.id);
      for (const year of [2023, 2024, 2025]) await admin.put(`/api/people/${p.body.id}/ratings/${year}`, { rating: 'HTTNV' });
    }
    assert.equal((await admin.post(`/api/people/${ids[1]}/transfer`, { toUnitId: other.body.id, effectiveDate: '2024-06-01' })).status, 200);
    for (const year of [2023, 2024, 2025]) await admin.put(`/api/units/${unit.body.id}/ratings/${year}`, { rating: 'HTXSNV' });
    const e2024 = await admin.get(`/api/units/${unit.body.id}/eligibility?year=2024&decisionDate=2025-02-01`);
    assert.equal(e2024.status, 200);
    assert.equal(e2024.body.members, 2);
    let e2025 = await admin.get(`/api/units/${unit.body.id}/eligibility?year=2025&decisionDate=2026-02-01`);
    assert.equal(e2025.body.members, 1);
    // 70% of members must hold LĐTT that year: the one member who stayed does not yet.
    assert.match(resultOf(e2025.body, 'TTLDTT').reasons.find((r) => r.ok === false)!.text, /0\/1 thành viên/);
    await admin.post('/api/records/honors', { personId: ids[0], honor: 'LDTT', year: 2025 });
    e2025 = await admin.get(`/api/units/${unit.body.id}/eligibility?year=2025&decisionDate=2026-02-01`);
    assert.equal(resultOf(e2025.body, 'TTLDTT').eligible, true);
    const fact = await admin.post('/api/records/facts', { unitId: unit.body.id, year: 2025, fact: 'dan_dau_cum_khoi' });
    assert.equal(fact.status, 201);
    assert.equal((await admin.post('/api/records/facts', { unitId: unit.body.id, year: 2025, fact: 'dan_dau_cum_khoi' })).status, 409);
    const hist = await admin.get(`/api/units/${unit.body.id}/records`);
    assert.equal(hist.body.facts[0].fact, 'dan_dau_cum_khoi');
  });

  it('candidates with quota use: ND91 caps CSTĐCS at 15% of LĐTT', async () => {
    const unit = await admin.post('/api/units', { parentId: t.demo.rootUnitId, name: 'Phòng Hạn ngạch', kind: 'department' });
    for (let i = 0; i < 10; i++) {
      const p = await admin.post('/api/people', { fullName: `Hoàng Văn Số${'ABCDEFGHIJ'[i]}`, unitId: unit.body.id, isLeader: false });
      await admin.put(`/api/people/${p.body.id}/ratings/2022`, { rating: 'HTXSNV' });
      if (i < 3) await admin.post('/api/records/initiatives', { title: `Sáng kiến số ${i + 1}`, scope: 'co_so', year: 2022, authorIds: [p.body.id] });
    }
    const r = await admin.get(`/api/candidates?unitId=${unit.body.id}&year=2022&decisionDate=2023-01-15&honor=CSTDCS`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.regime, 'ND91_2017');
    const quota = r.body.quotas.find((q: { honor: string }) => q.honor === 'CSTDCS');
    assert.equal(quota.baseCount, 10);
    assert.equal(quota.cap, 1);
    assert.equal(quota.candidates, 3);
    assert.equal(quota.over, 2);
    assert.match(quota.text, /tối đa 1/);
    assert.equal(r.body.items.length, 10);
    assert.equal(r.body.total, 10);
    assert.equal(r.body.items.filter((x: { outcomes: { eligible: boolean }[] }) => x.outcomes[0]!.eligible === true).length, 3);
    assert.ok(r.body.items[0].name && r.body.items[0].outcomes[0].reasons.length > 0);
    const demo = await clerk.get(`/api/candidates?unitId=${centre}&year=2025&decisionDate=2026-01-20&honor=CSTD_BO_TINH`);
    assert.equal(demo.status, 200);
    const eligible = demo.body.items
      .filter((x: { outcomes: { eligible: boolean }[] }) => x.outcomes[0]!.eligible === true)
      .map((x: { name: string }) => x.name);
    assert.deepEqual(eligible, ['Lý Thị Phương']);
  });

  it('candidates page with page/pageSize, sort by result or name, filter by result; summary and quotas cover every row', async () => {
    const unit = await admin.post('/api/units', { parentId: t.demo.rootUnitId, name: 'Phòng Phân trang', kind: 'department' });
    const names = ['Trần Văn Em', 'An Thị Bốn', 'Đỗ Văn Ba', 'Bùi Thị Hai', 'Cao Văn Một'];
    for (const [i, fullName] of names.entries()) {
      const p = await admin.post('/api/people', { fullName, unitId: unit.body.id, isLeader: false });
      // Two of five reach LĐTT 2022 (HTTNV rating); the others are rated HTNV.
      await admin.put(`/api/people/${p.body.id}/ratings/2022`, { rating: i % 2 === 0 && i < 4 ? 'HTTNV' : 'HTNV' });
    }
    const base = `/api/candidates?unitId=${unit.body.id}&year=2022&decisionDate=2023-01-15&honor=LDTT`;
    const all = await admin.get(`${base}&pageSize=200`);
    assert.equal(all.status, 200, JSON.stringify(all.body));
    assert.equal(all.body.total, 5);
    assert.deepEqual(
      all.body.summary.find((x: { honor: string }) => x.honor === 'LDTT'),
      { honor: 'LDTT', eligible: 2, undetermined: 0, ineligible: 3 },
    );
    // Default sort: eligible first.
    assert.deepEqual(
      all.body.items.map((x: { outcomes: { eligible: boolean }[] }) => x.outcomes[0]!.eligible),
      [true, true, false, false, false],
    );

    const p1 = await admin.get(`${base}&pageSize=2&page=1`);
    const p3 = await admin.get(`${base}&pageSize=2&page=3`);
    assert.equal(p1.body.items.length, 2);
    assert.equal(p3.body.items.length, 1);
    assert.equal(p3.body.total, 5);
    // The page carries reasons; the summary still counts every row.
    assert.ok(p3.body.items[0].outcomes[0].reasons.length > 0);
    assert.equal(p3.body.summary.find((x: { honor: string }) => x.honor === 'LDTT').eligible, 2);
    const seen = new Set([...p1.body.items, ...(await admin.get(`${base}&pageSize=2&page=2`)).body.items, ...p3.body.items].map((x: { id: string }) => x.id));
    assert.equal(seen.size, 5, 'pages do not overlap');

    const byName = await admin.get(`${base}&sort=name`);
    assert.deepEqual(
      byName.body.items.map((x: { name: string }) => x.name),
      ['An Thị Bốn', 'Bùi Thị Hai', 'Cao Văn Một', 'Đỗ Văn Ba', 'Trần Văn Em'],
    );
    const byNameDesc = await admin.get(`${base}&sort=name&order=desc`);
    assert.equal(byNameDesc.body.items[0].name, 'Trần Văn Em');

    const onlyEligible = await admin.get(`${base}&result=eligible`);
    assert.equal(onlyEligible.body.total, 2);
    assert.ok(onlyEligible.body.items.every((x: { outcomes: { eligible: boolean }[] }) => x.outcomes[0]!.eligible === true));
    assert.equal(onlyEligible.body.summary.find((x: { honor: string }) => x.honor === 'LDTT').ineligible, 3, 'the summary ignores the filter');

    const bad = await admin.get(`${base}&pageSize=500`);
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /Cỡ trang tối đa là 200/);
    assert.equal((await admin.get(`${base}&sort=unit`)).status, 400);
    // The export is never paged.
    const xlsx = await admin.get(`/api/candidates/export.xlsx?unitId=${unit.body.id}&year=2022&decisionDate=2023-01-15&honor=LDTT&pageSize=1`);
    assert.equal(xlsx.status, 200);
  });

  it('sends per-record abilities and refuses with named domain errors', async () => {
    const p = await admin.post('/api/people', { fullName: 'Vi Văn Quyền', unitId: centre, isLeader: false });
    const id = p.body.id as string;
    const typed = await clerk.post('/api/records/honors', { personId: id, honor: 'LDTT', year: 2023 });
    assert.deepEqual(typed.body.abilities, ['update', 'revoke', 'remove']);
    const award = await t.db.transaction((tx) =>
      recordHonorAward(tx, { personId: id, honor: 'CSTDCS', year: 2024, decisionNumber: '1/QĐ-T', decisionDate: '2025-01-10', issuer: 'Giám đốc Sở' }),
    );
    const init = await clerk.post('/api/records/initiatives', { title: 'Sáng kiến có quyền', scope: 'co_so', year: 2024, authorIds: [id] });
    assert.deepEqual(init.body.abilities, ['update', 'remove']);
    assert.deepEqual(init.body.authors, [{ personId: id, fullName: 'Vi Văn Quyền' }]);
    const used = await clerk.put(`/api/records/initiatives/${init.body.id}`, {
      title: init.body.title,
      scope: 'co_so',
      year: 2024,
      authorIds: [id],
      usedForAwardId: award.id,
    });
    assert.deepEqual(used.body.abilities, ['update']);
    const rating = await clerk.put(`/api/people/${id}/ratings/2024`, { rating: 'HTTNV' });
    assert.deepEqual(rating.body.abilities, ['set', 'remove']);

    const hist = await clerk.get(`/api/people/${id}/records`);
    const fromDecision = hist.body.honors.find((h: { id: string }) => h.id === award.id);
    assert.deepEqual(fromDecision.abilities, ['revoke'], 'an honor issued by a decision is revoked, never edited or deleted');
    assert.deepEqual(
      (await head.get(`/api/people/${id}/records`)).body.honors.map((h: { abilities: string[] }) => h.abilities),
      [[], []],
      'read-only role',
    );

    // InitiativeAlreadyUsed → 409; HonorAlreadyRevoked → 409; HonorIssuedByDecision → 400; RatingNotFound → 404.
    const keep = await clerk.del(`/api/records/initiatives/${init.body.id}`);
    assert.equal(keep.status, 409);
    assert.equal(keep.body.error, 'initiative_already_used');
    const rv = await clerk.post(`/api/records/honors/${typed.body.id}/revoke`, { reason: 'Thu hồi thử' });
    assert.deepEqual(rv.body.abilities, ['remove']);
    const twice = await clerk.post(`/api/records/honors/${typed.body.id}/revoke`, { reason: 'Thu hồi thử' });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error, 'honor_already_revoked');
    const edit = await clerk.put(`/api/records/honors/${award.id}`, { honor: 'CSTDCS', year: 2024, type: 'cong_trang' });
    assert.equal(edit.status, 400);
    assert.equal(edit.body.error, 'honor_issued_by_decision');
    const noRating = await clerk.del(`/api/people/${id}/ratings/2019`);
    assert.equal(noRating.status, 404);
    assert.equal(noRating.body.error, 'rating_not_found');
    const stale = await clerk.put(`/api/people/${id}/ratings/2024`, { rating: 'HTNV', version: 99 });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error, 'record_version_stale');
    const late = await clerk.get(`/api/people/${id}/eligibility?year=2027&decisionDate=2026-01-01`);
    assert.equal(late.status, 400);
    assert.equal(late.body.error, 'year_after_decision');
  });

  it('imports ratings from .xlsx: the preview stores nothing, the commit stores', async () => {
    const xlsx = await makeXlsx([
      ['Họ và tên', 'Số CCCD', 'Đơn vị', 'Năm', 'Xếp loại', 'Ghi chú'],
      ['Lý Thị Phương', null, null, 2018, 'Hoàn thành tốt nhiệm vụ', null],
      ['Người Không Có', null, null, 2018, 'HTXSNV', null],
      ['Hà Thị Mai', null, null, 2018, 'GIOI', null],
      [null, null, 'Phòng Kỹ thuật - Ứng dụng', 2018, 'HTXSNV', 'Tập thể'],
      ['Hà Thị Mai', null, null, 'năm ngoái', 'HTXSNV', null],
    ]);
    const pv = await clerk.importFile('/api/records/import/preview', xlsx, { kind: 'ratings' });
    assert.equal(pv.status, 200, JSON.stringify(pv.body));
    assert.equal(pv.body.total, 5);
    assert.equal(pv.body.valid, 2);
    assert.match(pv.body.rows[1].errors[0], /Không tìm thấy cán bộ "Người Không Có"/);
    assert.match(pv.body.rows[2].errors[0], /Xếp loại "GIOI" không hợp lệ/);
    assert.match(pv.body.rows[4].errors[0], /«Năm» không phải số/);
    assert.equal(pv.body.rows[3].subjectName, 'Phòng Kỹ thuật - Ứng dụng');
    const after = await clerk.get(`/api/people/${phuong}/records`);
    assert.ok(!after.body.ratings.some((r: { year: number }) => r.year === 2018), 'preview stored nothing');

    const refused = await clerk.importFile('/api/records/import/commit', xlsx, { kind: 'ratings' });
    assert.equal(refused.status, 400);
    assert.match(refused.body.message, /còn 3 dòng lỗi/);
    const ok = await clerk.importFile('/api/records/import/commit', xlsx, { kind: 'ratings', skipInvalid: 'true' });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual(ok.body, { imported: 2, skipped: 3, replaced: 0 });
    const stored = await clerk.get(`/api/people/${phuong}/records`);
    assert.equal(stored.body.ratings.find((r: { year: number }) => r.year === 2018).rating, 'HTTNV');
  });

  it("imports ratings with a column mapping when the headers are the agency's own", async () => {
    const xlsx = await makeXlsx([
      ['Cán bộ', 'Kỳ đánh giá', 'Kết luận của Hội đồng'],
      ['Lý Thị Phương', 2017, 'HTXSNV'],
    ]);
    const unmapped = await clerk.importFile('/api/records/import/preview', xlsx, { kind: 'ratings' });
    assert.equal(unmapped.status, 400, 'without a mapping the columns are not found');
    const mapping = JSON.stringify({ fullName: 'A', year: 'Kỳ đánh giá', rating: 'C' });
    const pv = await clerk.importFile('/api/records/import/preview', xlsx, { kind: 'ratings', mapping });
    assert.equal(pv.status, 200, JSON.stringify(pv.body));
    assert.deepEqual([pv.body.total, pv.body.valid], [1, 1]);
    const bad = await clerk.importFile('/api/records/import/preview', xlsx, { kind: 'ratings', mapping: JSON.stringify({ hoTen: 'A' }) });
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /Ghép cột có trường không tồn tại: hoTen/);
    assert.equal((await clerk.importFile('/api/records/import/preview', xlsx, { kind: 'ratings', mapping: '{khong-phai-json' })).status, 400);
    const ok = await clerk.importFile('/api/records/import/commit', xlsx, { kind: 'ratings', mapping });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const stored = await clerk.get(`/api/people/${phuong}/records`);
    assert.equal(stored.body.ratings.find((r: { year: number }) => r.year === 2017).rating, 'HTXSNV');
  });

  it('imports award history: duplicates and out-of-scope rows are refused row by row', async () => {
    const rows: (string | number | Date | null)[][] = [
      ['Họ và tên', 'Năm', 'Danh hiệu, hình thức', 'Loại hình', 'Số quyết định', 'Ngày quyết định', 'Cơ quan ban hành', 'Đã thu hồi'],
      ['Lý Thị Phương', 2018, 'LĐTT', 'Công trạng', '5/QĐ-SKHCN', '15/01/2019', 'Giám đốc Sở', 'Không'],
      ['Lý Thị Phương', 2018, 'Giấy khen', 'đột xuất', '6/QĐ-SKHCN', '20/03/2018', 'Giám đốc Sở', null],
      ['Đàm Văn Long', 2018, 'LĐTT', null, '5/QĐ-SKHCN', '15/01/2019', null, null],
      ['Lý Thị Phương', 2018, 'Huy chương vàng', null, null, null, null, null],
      ['Lý Thị Phương', 2018, 'TTLĐTT', null, null, null, null, null],
      ['Lý Thị Phương', 2018, 'LĐTT', null, '5/QĐ-SKHCN', '31/02/2019', null, null],
    ];
    const xlsx = await makeXlsx(rows);
    const pv = await clerk.importFile('/api/records/import/preview', xlsx, { kind: 'honors' });
    assert.equal(pv.status, 200, JSON.stringify(pv.body));
    assert.equal(pv.body.valid, 2);
    assert.match(pv.body.rows[2].errors.join(' '), /Không tìm thấy cán bộ "Đàm Văn Long"/);
    assert.match(pv.body.rows[3].errors.join(' '), /không có trong danh mục/);
    assert.match(pv.body.rows[4].errors.join(' '), /Cá nhân không thể nhận Tập thể lao động tiên tiến/);
    assert.match(pv.body.rows[5].errors.join(' '), /không phải ngày hợp lệ/);
    const ok = await clerk.importFile('/api/records/import/commit', xlsx, { kind: 'honors', skipInvalid: 'true' });
    assert.deepEqual(ok.body, { imported: 2, skipped: 4, replaced: 0 });
    const hist = await clerk.get(`/api/people/${phuong}/records`);
    const gk = hist.body.honors.find((h: { honor: string; year: number }) => h.honor === 'GK' && h.year === 2018);
    assert.equal(gk.type, 'dot_xuat');
    assert.equal(gk.decisionDate, '2018-03-20');
    // The same file again: everything is already there.
    const again = await clerk.importFile('/api/records/import/preview', xlsx, { kind: 'honors' });
    assert.match(again.body.rows[0].errors.join(' '), /đã có trong hệ thống/);
    const wrongKind = await clerk.importFile('/api/records/import/preview', xlsx, { kind: 'people' });
    assert.equal(wrongKind.status, 400);
    const notXlsx = await clerk.importFile('/api/records/import/preview', Buffer.from('hello'), { kind: 'honors' });
    assert.equal(notXlsx.status, 400);
    const tpl = await clerk.get('/api/records/import/template?kind=honors');
    assert.equal(tpl.status, 200);
    assert.equal((await staff.importFile('/api/records/import/preview', xlsx, { kind: 'honors' })).status, 403);
  });

  it('recordHonorAward (for the dossier pipeline) stores a decision once and marks its initiatives used', async () => {
    const init = await admin.post('/api/records/initiatives', { title: 'Sáng kiến cho hồ sơ', scope: 'co_so', year: 2025, authorIds: [mai] });
    const input = {
      personId: mai,
      honor: 'CSTDCS' as const,
      year: 2025,
      decisionNumber: '77/QĐ-SKHCN',
      decisionDate: '2026-01-15',
      issuer: 'Giám đốc Sở',
      dossierId: crypto.randomUUID(),
      initiativeIds: [init.body.id as string],
    };
    const first = await t.db.transaction((tx) => recordHonorAward(tx, input));
    const again = await t.db.transaction((tx) => recordHonorAward(tx, input));
    assert.equal(again.id, first.id);
    assert.equal(first.source, 'decision');
    const hist = await admin.get(`/api/people/${mai}/records`);
    assert.equal(hist.body.honors.filter((h: { decisionNumber: string }) => h.decisionNumber === '77/QĐ-SKHCN').length, 1);
    assert.equal(hist.body.initiatives.find((i: { id: string }) => i.id === init.body.id).usedForAwardId, first.id);
    // A decision's honor is revoked, not deleted.
    const del = await admin.del(`/api/records/honors/${first.id}`);
    assert.equal(del.status, 400);
    assert.match(del.body.message, /hãy thu hồi/);
  });
});
