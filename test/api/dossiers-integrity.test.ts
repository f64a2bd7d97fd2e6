/** The pipeline's guarantees: no silent overwrite, no half-made decision, secret ballots, gap-free numbers, clear refusals. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, ne, sql } from 'drizzle-orm';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { clerkFor, completeDocuments, ok, personByName, reviewedDossier, staffOf, unitByCode } from '../helpers/dossiers.js';
import { setClock } from '../../src/server/clock.js';
import { auditEvents, awardDecisions, deadlines, decisionCounters, dossiers, honorAwards } from '../../src/server/db/schema/index.js';
import { rowsOf } from '../../src/server/repositories/dossiers.js';
import { postPublicComment } from '../helpers/notices.js';

describe('dossier pipeline guarantees', () => {
  let t: TestApp;
  let donvi: Client, office: Client, giamdoc: Client;

  before(async () => {
    t = await createTestApp();
    setClock('2021-06-10');
    donvi = await t.login('donvi');
    office = await t.login('vanphong');
    giamdoc = await t.login('giamdoc');
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  it('two clerks editing one dossier: the second gets 409, not a silent overwrite', async () => {
    const other = await clerkFor(t, 'donvi2', 'TTUD');
    const d = await donvi.post('/api/dossiers', { type: 'cong_trang', year: 2021, title: 'Hồ sơ khen thưởng năm 2021' });
    ok(d, 201);
    const a = (await donvi.get(`/api/dossiers/${d.body.id}`)).body;
    const b = (await other.get(`/api/dossiers/${d.body.id}`)).body;
    assert.equal(a.version, b.version);
    ok(await donvi.put(`/api/dossiers/${d.body.id}`, { title: 'Hồ sơ khen thưởng năm 2021 (bản của Mai)', version: a.version }));
    const lost = await other.put(`/api/dossiers/${d.body.id}`, { title: 'Bản của người thứ hai', version: b.version });
    assert.equal(lost.status, 409);
    assert.equal(lost.body.error, 'stale_version');
    assert.match(lost.body.message, /đã được người khác sửa/);
    // Adding a candidate on a stale copy is refused too.
    const p = await personByName(t, 'Lý Thị Phương');
    assert.equal(
      (await other.post(`/api/dossiers/${d.body.id}/candidates`, { subjectKind: 'individual', personId: p.id, proposedHonor: 'GK', version: b.version }))
        .status,
      409,
    );
    const now = (await donvi.get(`/api/dossiers/${d.body.id}`)).body;
    assert.equal(now.title, 'Hồ sơ khen thưởng năm 2021 (bản của Mai)');
    assert.equal(now.candidates.length, 0);
  });

  it('refuses bad input with Vietnamese 4xx and changes nothing', async () => {
    const p = await personByName(t, 'Lý Thị Phương');
    const d = (await donvi.post('/api/dossiers', { type: 'cong_trang', year: 2022, title: 'Hồ sơ năm 2022' })).body;
    ok(await donvi.post(`/api/dossiers/${d.id}/candidates`, { subjectKind: 'individual', personId: p.id, proposedHonor: 'GK' }), 201);
    const twice = await donvi.post(`/api/dossiers/${d.id}/candidates`, { subjectKind: 'individual', personId: p.id, proposedHonor: 'LDTT' });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error, 'duplicate_nomination');
    assert.match(twice.body.message, /Lý Thị Phương đã có trong danh sách đề nghị của hồ sơ này/);
    const d2 = (await donvi.post('/api/dossiers', { type: 'chuyen_de', year: 2022, title: 'Hồ sơ chuyên đề 2022' })).body;
    const dup = await donvi.post(`/api/dossiers/${d2.id}/candidates`, { subjectKind: 'individual', personId: p.id, proposedHonor: 'GK' });
    assert.equal(dup.status, 409);
    assert.match(dup.body.message, /đã được đề nghị Giấy khen năm 2022 trong một hồ sơ khác đang xử lý/);
    // A household needs a name; a collective cannot get a title for individuals.
    assert.equal((await donvi.post(`/api/dossiers/${d2.id}/candidates`, { subjectKind: 'household', proposedHonor: 'GK' })).status, 400);
    const kt = await unitByCode(t, 'KTUD');
    const bad = await donvi.post(`/api/dossiers/${d2.id}/candidates`, { subjectKind: 'collective', unitId: kt.id, proposedHonor: 'LDTT' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /Tập thể không thể được đề nghị Lao động tiên tiến/);
    // Transitions the machine does not allow.
    await completeDocuments(donvi, d.id);
    ok(await donvi.post(`/api/dossiers/${d.id}/submit`));
    const again = await donvi.post(`/api/dossiers/${d.id}/submit`);
    assert.equal(again.status, 409);
    assert.equal(again.body.error, 'dossier_not_submittable');
    assert.match(again.body.message, /Không thể "nộp hồ sơ" khi hồ sơ đang ở trạng thái "Đã nộp, chờ tiếp nhận"/);
    const before = (await donvi.get(`/api/dossiers/${d.id}`)).body;
    // Deciding a dossier the council has not reviewed.
    const decide = await giamdoc.post('/api/decisions', {
      candidateIds: [before.candidates[0].id],
      decisionDate: '2022-06-25',
      signerName: 'Hoàng Văn Thạch',
      signerTitle: 'Giám đốc Sở',
    });
    assert.equal(decide.status, 409);
    assert.match(decide.body.message, /chưa qua Hội đồng/);
    // Appraising before receipt; a clerk receiving; lowering to a higher honor.
    assert.equal((await office.post(`/api/dossiers/${d.id}/candidates/${before.candidates[0].id}/appraise`, {})).status, 409);
    assert.equal((await donvi.post(`/api/dossiers/${d.id}/receive`)).status, 403);
    ok(await office.post(`/api/dossiers/${d.id}/receive`));
    const up = await office.post(`/api/dossiers/${d.id}/candidates/${before.candidates[0].id}/appraise`, { lowerTo: 'BK_BO_TINH', lowerReason: 'x' });
    assert.equal(up.status, 400);
    assert.equal(up.body.error, 'honor_not_lower');
    assert.match(up.body.message, /chỉ được hạ mức/);
    const low = await office.post(`/api/dossiers/${d.id}/candidates/${before.candidates[0].id}/appraise`, {
      lowerTo: 'LDTT',
      lowerReason: 'Thành tích chưa tiêu biểu so với mặt bằng chung',
    });
    ok(low);
    assert.equal(low.body.honor, 'LDTT');
    assert.equal(low.body.proposedHonor, 'GK');
    assert.equal(low.body.loweredReason, 'Thành tích chưa tiêu biểu so với mặt bằng chung');
    assert.equal((await donvi.post(`/api/dossiers/${d.id}/withdraw`)).status, 409);
    const [row] = await t.db.select().from(dossiers).where(eq(dossiers.id, d.id));
    assert.equal(row!.status, 'appraising');
    // Out of scope is 404: another unit's clerk.
    const cc = await clerkFor(t, 'chicuc2', 'CCTĐC');
    assert.equal((await cc.get(`/api/dossiers/${d.id}`)).status, 404);
    assert.equal((await cc.post(`/api/dossiers/${d.id}/withdraw`)).status, 404);
  });

  it('a failure in the middle of issuing leaves no decision and consumes no number', async () => {
    const r = await reviewedDossier(t, 3, { year: 2021, skip: 3 });
    const [c0] = await t.db
      .execute(sql`select person_id from dossier_candidates where id = ${r.candidateIds[2]}`)
      .then((x) => rowsOf<{ person_id: string }>(x));
    // The third awardee already holds a Giấy khen for 2021 (typed in from an earlier decision).
    await t.db.insert(honorAwards).values({ personId: c0!.person_id, honor: 'GK', year: 2021, decisionNumber: '99/QĐ-SKHCN', source: 'manual' });
    const fail = await giamdoc.post('/api/decisions', {
      candidateIds: r.candidateIds,
      decisionDate: '2021-06-25',
      signerName: 'Hoàng Văn Thạch',
      signerTitle: 'Giám đốc Sở',
    });
    assert.equal(fail.status, 409);
    assert.match(fail.body.message, /không khen trùng/);
    assert.equal((await t.db.select().from(awardDecisions)).length, 0);
    assert.equal((await t.db.select().from(honorAwards).where(eq(honorAwards.source, 'decision'))).length, 0);
    const counters = await t.db.select().from(decisionCounters);
    assert.ok(
      counters.every((c) => c.lastNumber === 0),
      'no number consumed',
    );
    const ready = (await giamdoc.get('/api/decisions/ready')).body.items.map((c: { id: string }) => c.id);
    assert.ok(
      r.candidateIds.every((id) => ready.includes(id)),
      'candidates untouched',
    );
    const good = await giamdoc.post('/api/decisions', {
      candidateIds: r.candidateIds.slice(0, 2),
      decisionDate: '2021-06-25',
      signerName: 'Hoàng Văn Thạch',
      signerTitle: 'Giám đốc Sở',
    });
    ok(good, 201);
    assert.equal(good.body.numberText, '1/QĐ-SKHCN');
  });

  it('concurrent issuing gives distinct, gap-free numbers', async () => {
    const r = await reviewedDossier(t, 6, { year: 2021, skip: 6 });
    const results = await Promise.all(
      r.candidateIds.map((id) =>
        giamdoc.post('/api/decisions', { candidateIds: [id], decisionDate: '2021-06-26', signerName: 'Hoàng Văn Thạch', signerTitle: 'Giám đốc Sở' }),
      ),
    );
    for (const x of results) ok(x, 201);
    const numbers = results.map((x) => x.body.number as number).sort((a, b) => a - b);
    // Number 1 of 2021 went to the previous test's decision.
    assert.deepEqual(numbers, [2, 3, 4, 5, 6, 7]);
    const [counter] = await t.db.select().from(decisionCounters).where(eq(decisionCounters.year, 2021));
    assert.equal(counter!.lastNumber, 7);
  });

  it('a ballot cannot be traced to its voter from the database', async () => {
    const ttud = await unitByCode(t, 'TTUD');
    const staff = await staffOf(t, ttud.id);
    assert.ok(staff.length >= 12);
    const r = await reviewedDossier(t, 1, { year: 2023, skip: 0 });
    // Every column of the ballot box and of the voter marks: nothing names a voter next to a choice.
    const cols = async (table: string) =>
      rowsOf<{ column_name: string }>(
        await t.db.execute(sql`select column_name from information_schema.columns where table_name = ${table} order by column_name`),
      ).map((c) => c.column_name);
    assert.deepEqual(await cols('session_ballot_box'), ['channel', 'choice', 'count', 'item_id']);
    assert.deepEqual(await cols('session_voter_marks'), ['item_id', 'member_id']);
    assert.deepEqual(await cols('session_sealed_ballots'), ['id', 'item_id', 'sealed']);
    // The box holds only the secretary's paper counts; the three online approvals are three sealed
    // ballots of one length, all different (random IV): nothing says they are the same choice.
    const box = rowsOf<{ channel: string; choice: string; count: number }>(
      await t.db.execute(
        sql`select b.channel, b.choice, b.count from session_ballot_box b join session_items i on i.id = b.item_id where i.session_id = ${r.sessionId} order by b.channel, b.choice`,
      ),
    );
    assert.deepEqual(
      box.map((b) => [b.channel, b.choice, Number(b.count)]),
      [
        ['paper', 'abstain', 0],
        ['paper', 'approve', 1],
        ['paper', 'reject', 0],
      ],
    );
    const sealed = rowsOf<{ hex: string }>(
      await t.db.execute(
        sql`select encode(b.sealed, 'hex') as hex from session_sealed_ballots b join session_items i on i.id = b.item_id where i.session_id = ${r.sessionId}`,
      ),
    ).map((b) => b.hex);
    assert.equal(sealed.length, 3);
    assert.equal(new Set(sealed).size, 3);
    assert.equal(new Set(sealed.map((h) => h.length)).size, 1);
    // The audit trail says who voted, never how.
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'session.ballot_cast'));
    assert.ok(audit.length >= 3);
    for (const a of audit) {
      const text = JSON.stringify(a);
      assert.ok(!/approve|reject|abstain|Đồng ý|Không đồng ý/.test(text), text);
    }
  });

  it('a public notice collects comments on the portal; the decision waits for it to end and for answers', async () => {
    setClock('2024-03-01');
    const r = await reviewedDossier(t, 1, { year: 2024, skip: 2 });
    const n = await office.post('/api/notices', { candidateIds: r.candidateIds, title: 'Công khai danh sách đề nghị khen thưởng năm 2024', workingDays: 10 });
    ok(n, 201);
    assert.equal(n.body.startDate, '2024-03-01');
    assert.equal(n.body.endDate, '2024-03-14', '10 working days from Friday 1/3');
    const list = await t.anonymous.request('GET', '/api/public/notices');
    ok(list);
    assert.equal(list.body.items[0].items[0].candidateId, r.candidateIds[0]);
    const c = await postPublicComment(t.anonymous, n.body.id, {
      authorName: 'Nguyễn Văn Dân',
      content: 'Đề nghị làm rõ thành tích năm 2023.',
      candidateId: r.candidateIds[0],
    });
    ok(c, 201);
    const early = await giamdoc.post('/api/decisions', {
      candidateIds: r.candidateIds,
      decisionDate: '2024-03-05',
      signerName: 'Hoàng Văn Thạch',
      signerTitle: 'Giám đốc Sở',
    });
    assert.equal(early.status, 409);
    assert.match(early.body.message, /đang trong thời gian công khai/);
    setClock('2024-03-15');
    assert.equal(
      (
        await t.anonymous.request('POST', `/api/public/notices/${n.body.id}/comments`, {
          authorName: 'Trễ Hạn',
          content: 'Góp ý sau khi hết hạn.',
          challenge: { nonce: '0'.repeat(32), solution: 0 },
        })
      ).status,
      409,
    );
    const unanswered = await giamdoc.post('/api/decisions', {
      candidateIds: r.candidateIds,
      decisionDate: '2024-03-15',
      signerName: 'Hoàng Văn Thạch',
      signerTitle: 'Giám đốc Sở',
    });
    assert.equal(unanswered.status, 409);
    assert.match(unanswered.body.message, /chưa được trả lời/);
    const detail = (await office.get(`/api/notices/${n.body.id}`)).body;
    ok(
      await office.post(`/api/notices/${n.body.id}/comments/${detail.comments[0].id}/answer`, {
        answer: 'Thành tích đã được Hội đồng thẩm định, có minh chứng kèm theo.',
      }),
    );
    const d = await giamdoc.post('/api/decisions', {
      candidateIds: r.candidateIds,
      decisionDate: '2024-03-15',
      signerName: 'Hoàng Văn Thạch',
      signerTitle: 'Giám đốc Sở',
    });
    ok(d, 201);
    assert.equal(d.body.regime, 'ND98_2023');
    assert.equal(d.body.awardees[0].amount, 540000);
  });

  it('the overdue dashboard shows steps past their working-day limit', async () => {
    setClock('2024-03-01');
    const p = (await staffOf(t, (await unitByCode(t, 'TTUD')).id))[5]!;
    const d = (await donvi.post('/api/dossiers', { type: 'dot_xuat', year: 2024, title: 'Khen thưởng đột xuất' })).body;
    ok(await donvi.post(`/api/dossiers/${d.id}/candidates`, { subjectKind: 'individual', personId: p.id, proposedHonor: 'GK' }), 201);
    const det = (await donvi.get(`/api/dossiers/${d.id}`)).body;
    ok(await donvi.post(`/api/dossiers/${d.id}/documents`, { kind: 'to_trinh', content: 'Tờ trình khen thưởng đột xuất.' }), 201);
    ok(
      await donvi.post(`/api/dossiers/${d.id}/documents`, {
        kind: 'bao_cao_thanh_tich',
        candidateId: det.candidates[0].id,
        content: 'Tóm tắt thành tích đột xuất.',
      }),
      201,
    );
    ok(await donvi.post(`/api/dossiers/${d.id}/submit`));
    setClock('2024-03-12');
    const o = await office.get('/api/dossiers/overdue');
    ok(o);
    const item = o.body.items.find((i: { id: string }) => i.id === d.id);
    assert.ok(item, 'listed');
    assert.equal(item.clock.overdue, true);
    assert.equal(item.clock.dueOn, '2024-03-08');
    assert.equal(item.clock.daysOver, 2);
    // The list shape: a page of items, the total the filters match, and the overdue count.
    assert.equal(typeof o.body.total, 'number');
    assert.ok(o.body.total >= o.body.items.length);
    assert.ok(o.body.overdue >= 1);
    const one = await office.get('/api/dossiers/overdue?pageSize=1');
    assert.equal(one.body.items.length, 1);
    assert.equal(one.body.total, o.body.total);
  });
});

describe("one submission deadline: the movement's own", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  it('a dossier for the demo seed-001 movement is refused after 18/6/2021, with no deadline set through the dossier API', async () => {
    const office = await t.login('vanphong');
    const donvi = await t.login('donvi');
    const list = await office.get('/api/movements');
    const movement = (list.body.items as { id: string; title: string }[]).find((m) => m.title.includes('80 năm Ngày Bác Hồ'));
    assert.ok(movement, 'the demo data holds seed 001');
    setClock('2021-06-21');
    const d = await donvi.post('/api/dossiers', { movementId: movement.id, type: 'chuyen_de', year: 2021, title: 'Hồ sơ nộp muộn' });
    ok(d, 201);
    const p = await personByName(t, 'Lý Thị Phương');
    ok(await donvi.post(`/api/dossiers/${d.body.id}/candidates`, { subjectKind: 'individual', personId: p.id, proposedHonor: 'GK' }), 201);
    await completeDocuments(donvi, d.body.id);
    const late = await donvi.post(`/api/dossiers/${d.body.id}/submit`);
    assert.equal(late.status, 400);
    assert.equal(late.body.error, 'deadline_passed');
    assert.match(late.body.message, /Đã quá hạn nộp hồ sơ \(hạn 18\/06\/2021\)/);
  });

  it("setting the date through the dossier API moves the movement's own deadline (no second entry)", async () => {
    const office = await t.login('vanphong');
    const movement = ((await office.get('/api/movements')).body.items as { id: string; title: string }[]).find((m) => m.title.includes('80 năm Ngày Bác Hồ'))!;
    ok(await office.post('/api/dossiers/deadlines', { movementId: movement.id, dueDate: '2021-06-25' }));
    const rows = await t.db
      .select({ key: deadlines.key, dueDate: deadlines.dueDate })
      .from(deadlines)
      .where(and(eq(deadlines.sourceId, movement.id), eq(deadlines.kind, 'unit_submission'), ne(deadlines.status, 'cancelled')));
    assert.deepEqual(
      rows.map((r) => [r.key, r.dueDate]),
      [['x-units_submit', '2021-06-25']],
    );
  });

  it('the server says per candidate who may forward it; the page only reads it, and the command agrees', async () => {
    setClock('2025-06-10');
    const office = await t.login('vanphong');
    const donvi = await t.login('donvi');
    const r = await reviewedDossier(t, 2, { year: 2025, skip: 0 });
    const seen = (await office.get(`/api/dossiers/${r.dossierId}`)).body as { editable: boolean; candidates: { id: string; actions: string[] }[] };
    assert.equal(seen.editable, false);
    assert.deepEqual(
      seen.candidates.map((c) => c.actions),
      [['forward'], ['forward']],
    );
    // The unit's clerk may neither forward nor edit a reviewed dossier.
    const unitView = (await donvi.get(`/api/dossiers/${r.dossierId}`)).body as { candidates: { actions: string[] }[] };
    assert.deepEqual(
      unitView.candidates.map((c) => c.actions),
      [[], []],
    );
    const fwd = await office.post(`/api/dossiers/${r.dossierId}/candidates/${r.candidateIds[0]}/forward`, {});
    ok(fwd, 201);
    const after = (await office.get(`/api/dossiers/${r.dossierId}`)).body as { candidates: { id: string; actions: string[] }[] };
    assert.deepEqual(after.candidates.find((c) => c.id === r.candidateIds[0])!.actions, []);
    assert.deepEqual(after.candidates.find((c) => c.id === r.candidateIds[1])!.actions, ['forward']);
    const twice = await office.post(`/api/dossiers/${r.dossierId}/candidates/${r.candidateIds[0]}/forward`, {});
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error, 'candidate_not_forwardable');
    assert.match(twice.body.message, /đã được xử lý \(đã trình cấp trên\)/);
  });

  it('an editable dossier offers its unit update and remove on each candidate', async () => {
    const office = await t.login('vanphong');
    const donvi = await t.login('donvi');
    const p = (await staffOf(t, (await unitByCode(t, 'TTUD')).id))[4]!;
    const d = (await donvi.post('/api/dossiers', { type: 'cong_trang', year: 2026, title: 'Hồ sơ năm 2026' })).body;
    const c = await donvi.post(`/api/dossiers/${d.id}/candidates`, { subjectKind: 'individual', personId: p.id, proposedHonor: 'GK' });
    ok(c, 201);
    assert.deepEqual(c.body.actions, ['update', 'remove']);
    const det = (await donvi.get(`/api/dossiers/${d.id}`)).body as { editable: boolean; candidates: { actions: string[] }[] };
    assert.equal(det.editable, true);
    assert.deepEqual(det.candidates[0]!.actions, ['update', 'remove']);
    // Public notices and holidays answer the one list shape too.
    const notices = await office.get('/api/notices');
    ok(notices);
    assert.equal(notices.body.total, notices.body.items.length);
    const holidays = await office.get('/api/dossiers/holidays?year=2025');
    ok(holidays);
    assert.equal(holidays.body.total, holidays.body.items.length);
    assert.equal(holidays.body.total, holidays.body.defaults.length + holidays.body.agency.length);
  });
});
